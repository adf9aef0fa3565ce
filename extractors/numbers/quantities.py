"""Quantities: every counted number in a text, with its measure word, unit classes and qualifier.

A quantity is a number in any written form followed by a measure word from
`data/measure_words.toml`. Dates, durations, percentages, ordinals, codes and slogans are not
quantities. Knows nothing of metrics.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from types import SimpleNamespace

import regex

from fangkong.numbers.numerals import CHINESE_NUMERAL_CHARS, chinese_to_int, parse_number

_CN = "零〇一二三四五六七八九十百千万亿两"
_GROUP_SPACE = "[ \u00a0\u2009\u202f]"  # a space between groups of three digits: 186 000
_FINANCIAL = "壹贰叁肆伍陆柒捌玖拾佰仟"  # 大写, as on receipts: 壹万贰仟元
_DIGIT_CN = "一二三四五六七八九"
_ONE_DIGIT = "0-9零〇一二三四五六七八九两壹贰叁肆伍陆柒捌玖"  # a digit of 角 and 分: 1角1分, 壹角捌分
# Words that end in 一 (统一, 唯一, 逐一 …): a numeral after them starts after the 一.
_WORD_FINAL_ONE_CHARS = "[统唯同单划专逐之周]"
_WORD_FINAL_ONE = regex.compile(_WORD_FINAL_ONE_CHARS)
# What stands after 一 where the 一 is a number's first digit, whatever word it may end (传单一万份: 一万)
_MULTIPLIERS = frozenset("十百千万亿")
_CN_NOT_ONE = _CN.replace("一", "")
# 万 or 亿 alone right after an opening bracket or a colon is a unit's scale in a heading (消杀面积（万平方米）,
# 捐款明细（单位：万元）), no number.
_BIG_ALONE = frozenset({"万", "亿"})
# A Chinese character other than a verb or word of being that leads a count (达, 有, 共, 计 …)
_HAN_BEFORE = regex.compile(r"(?![达有共计约近超逾为到破])\p{Han}")
_BRACKET_OPENS = frozenset("(（")
_COLONS = frozenset(":：")
# After a lone 一 and its measure word, the end of a phrase: 卡点一个。 counts one, 一个村 is an article.
_PHRASE_END = regex.compile(r"[,，。;；、!?！？)）\n]|$")
# ... but not 物资一批 ("a batch"), 与专班一道 ("together"), 全跑了一遍 ("once over") nor 不漏一人 ("not a single one").
_VAGUE_WITH_ONE = {"批", "道", "遍"}
# ... nor in a measure of mass, volume or area: 一吨消毒液 is weighed, never "a" ton.
_MEASURED_WITH_ONE = frozenset({"mass", "volume", "area"})
# (nor after 另: 另一块, 另一个 say "the other one", no count: 免费发放的是另一块)
_NOT_ONE_BEFORE = regex.compile(r"(?:不\p{Han}|无|没有|没|每\p{Han}?|另)$")

# Qualifier words, by where they stand and what they mean (METRICS.md).
_PREFIX_QUALIFIERS = {
    "大约": "approx", "约合": "approx", "约": "approx", "大概": "approx", "近似": "approx",
    # as spoken: 差不多一百一十万人次, 大致, 约莫
    "差不多": "approx", "大致": "approx", "约莫": "approx",
    "超过": "over", "逾": "over", "超": "over", "至少": "over", "多达": "exact",
    "将近": "under", "接近": "under", "近": "under", "不到": "under", "不足": "under",
}
_INNER_QUALIFIERS = {"余": "over", "多": "over", "几": "over", "来": "approx", "把": "approx", "+": "over",
                     "＋": "over"}
# Qualifier characters that are also the end of another word: 预约3000人 is a booking, 附近3个 a place, 商超57家
# supermarkets.
_PREFIX_GUARDS = {"约": "(?<![预节签契相邀制])", "近": "(?<![附最靠贴])", "超": "(?<![赶商])"}
# (出头 and 开外 as spoken: 只剩下100人出头了)
_SUFFIX_QUALIFIERS = {"以上": "over", "左右": "approx", "之多": "over", "上下": "approx",
                      "出头": "over", "开外": "over"}


@dataclass(frozen=True)
class Quantity:
    """One counted number: spans are into the normalized text."""

    start: int  # the whole expression, qualifier words included
    end: int
    number_start: int
    number_end: int
    value: float
    value_high: float | None
    unit: str  # the measure word, normalized
    unit_start: int  # its span: after the number, or before it where a currency named before is the unit (港币30万元)
    unit_end: int
    unit_classes: frozenset[str]
    qualifier: str


@dataclass(frozen=True)
class MeasureWords:
    """The measure-word table from data/measure_words.toml."""

    classes: dict[str, frozenset[str]]  # word → its unit classes
    factors: dict[str, float]
    not_before: dict[str, tuple[str, ...]]  # 个 before 月: part of another word
    slogan_before: dict[str, tuple[str, ...]]  # 个 before 全覆盖: a slogan
    address_before: dict[str, tuple[str, ...]]  # 栋 before 2单元: an address
    implied_after: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)  # 捐款35万: 元
    implied_before: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)  # 15万返乡人员: 人
    after_digits: frozenset[str] = frozenset()  # 1650方 counts, 三方 names parties
    digit_ends: frozenset[str] = frozenset()  # what a number before one of those ends in (a digit, 余, 多, 万)
    selecting: frozenset[str] = frozenset()  # 前, 后 right before a number: which ones (在前三次)
    before_selecting: frozenset[str] = frozenset()  # where those select: after 在, 最, a separator …
    signs: dict[str, str] = dataclasses.field(default_factory=dict)  # ¥ → 元: a sign before a bare amount
    labels: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)  # 人数: 36 → 36人
    one_counted_after: tuple[str, ...] = ()  # 捐赠 before 一辆: one given, no article
    one_told_in: frozenset[str] = frozenset()  # 组建了一支服务队: an article all the same, in these measure words
    named_after: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)  # 石门村三组: a name
    written_as: dict[str, str] = dataclasses.field(default_factory=dict)  # 12个人: the unit column says 个
    currencies_before: tuple[str, ...] = ()  # 港币30万元: the currency named before the amount is its unit
    yuan: frozenset[str] = frozenset()  # the measure words a currency named before overrides (元)


@lru_cache(maxsize=1)
def measure_words() -> MeasureWords:
    """Load and check the measure-word table once."""
    raw = tomllib.loads(resources.files("fangkong.data").joinpath("measure_words.toml").read_text("utf-8"))
    classes: dict[str, set[str]] = {}
    for unit_class, words in raw["classes"].items():
        for word in words:
            classes.setdefault(word, set()).add(unit_class)
    return MeasureWords(
        {word: frozenset(found) for word, found in classes.items()},
        {word: float(f) for word, f in raw.get("factors", {}).items()},
        *({word: tuple(after) for word, after in raw.get(table, {}).items()}
          for table in ("not_before", "slogan_before", "address_before")),
        {unit: tuple(after) for unit, after in raw.get("implied_after", {}).items()},
        {unit: tuple(before) for unit, before in raw.get("implied_before", {}).items()},
        frozenset(raw.get("after_digits", {}).get("words", ())),
        frozenset(raw.get("after_digits", {}).get("ends", ())),
        frozenset(raw.get("selections", {}).get("words", ())),
        frozenset(raw.get("selections", {}).get("after", ())),
        # a currency named before a bare amount (港币8万) is a sign of itself
        {sign: unit for unit, signs in raw.get("signs", {}).items() for sign in signs}
        | {word: word for word in raw.get("currency_before", {}).get("words", ())},
        {unit: tuple(words) for unit, words in raw.get("labels", {}).items()},
        tuple(raw.get("one_counted", {}).get("after", ())),
        frozenset(raw.get("one_counted", {}).get("not_in", ())),
        {unit: tuple(words) for unit, words in raw.get("named_after", {}).items()},
        {word: str(plain) for word, plain in raw.get("written_as", {}).items()},
        tuple(sorted(raw.get("currency_before", {}).get("words", ()), key=len, reverse=True)),
        frozenset(raw.get("currency_before", {}).get("yuan", ())),
    )


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def _prefixes() -> str:
    words = sorted(_PREFIX_QUALIFIERS, key=len, reverse=True)
    return "|".join(_PREFIX_GUARDS.get(w, "") + regex.escape(w) for w in words)


@lru_cache(maxsize=1)
def _guarded_units() -> list[str]:
    """Each measure word as a regex, longest first, with the guards of its tables (3个月, 四个全覆盖, 3栋2单元)."""
    table = measure_words()
    units = []
    for word in sorted(table.classes, key=len, reverse=True):
        blocked = table.not_before.get(word, ()) + table.slogan_before.get(word, ())
        guard = f"(?!{_alternation(blocked)})" if blocked else ""  # 3个月, 四个全覆盖
        if parts := table.address_before.get(word):  # 3栋2单元
            guard += rf"(?!\s*(?:\d+|[{_CN}]+)\s*(?:{_alternation(parts)}))"
        units.append(regex.escape(word) + guard)
    return units


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern:
    units = _guarded_units()
    # 95,159; 186 000 and 9 216 000.00 (thousands set apart by a space, as some print them: one space, groups of
    # three, no number right before or after, which would make it a row of a table); 95159, 3.1
    arabic = (r"\d{1,15}(?:,\d{3}){1,4}(?:\.\d+)?(?!\d)"
              rf"|(?<!\d{_GROUP_SPACE})\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}}){{1,4}}(?:\.\d+)?(?!\d|{_GROUP_SPACE}\d)"
              r"|\d{1,15}(?:\.\d{1,6})?(?![\d.])")
    number = rf"""
        (?:
            # 95159, 3.1万, 10余万, 1.5w份
            (?P<arabic>{arabic})(?P<inner1>余|多)?(?P<big>[十百千万亿]{{1,3}}|[wWkK](?=\p{{Han}}))?
            # 1万2千, 2万3000, 10万零500, 1亿2000万; 1萬8,760 (Taiwan and Hong Kong write the rest with a comma)
            # 1万2千3百, 2千1百 (each digit its own unit, as in words: 一万二千三百)
            (?:(?<=[万亿])零?(?P<more>\d,\d{{3}}(?![\d,])|(?:\d[千百十])*\d{{1,4}}[千百十万]?)
               |(?<=\d[千百])(?P<more>(?:\d[百十])+))?
          | (?P<above>上)(?P<round>[百千万])                                     # 上万: ten thousand and more
          | (?<![{_CN}数几])(?P<cndec>[零〇一二三四五六七八九十百千]{{1,8}}点[零〇一二三四五六七八九]{{1,6}})
            (?P<cndecbig>[万亿]{{0,2}})                                         # 二点五万
          | (?<!(?<!{_WORD_FINAL_ONE_CHARS})一|[{_CN_NOT_ONE}])                # whole, not 二批 of 第十二批
            (?:(?<![数几])|(?=[一二三四五六七八九两]))                         # not 数十, but 人数五十九人
            (?P<cn>[{_CN}]{{1,32}})                                             # 十三, 三千五百
            # 两万3千, 一万5000: words up to 万, digits below it
            (?:(?<=[万亿])零?(?P<cnmore>\d,\d{{3}}(?![\d,])|(?:\d[千百十])*\d{{1,4}}(?![\d.,])[千百十]?))?
            (?:(?P<inner2>余|多|几|来)(?P<cnbig>[万亿]))?                       # 十余万, 三百多万, 十几万, 二十来万
          | (?<![{_CN}{_FINANCIAL}])(?P<cn>[{_FINANCIAL}][{_FINANCIAL}零万亿]{{1,31}})  # 壹万贰仟, not 伍 of 队伍
        )
    """
    high = rf"(?P<arabic2>{arabic})(?P<big2>[十百千万亿]{{1,3}})?|(?P<cn2>[{_CN}]{{1,32}})"
    source = rf"""
        (?<![A-Za-z0-9_./#@\-+×*\d])(?<!\d[:：])                # not inside codes, versions, sums, times
        (?<!第)(?<!成千)(?<!成百)                              # ordinals and vague amounts
        (?<!初)                                                # days of a lunar month: 正月初三起, 初二学生
        (?:(?P<prefix>{_prefixes()})(?:达到|达|有|为|人民币)?)?   # 约达3200万, 超过3500, 约合人民币3.5万元
        {number}
        (?:(?P<lowunit>{"|".join(units)})?                                 # 1万元--5万元: the unit twice
           \s*(?P<sep>--|——|至|到|-|~|～|—|－)\s*(?:{high}))?          # ranges: 4至5人, 4-5人
        (?P<inner>余|多|几|来|(?<=[百千万])把|(?<=\d)[+＋](?=\s*\p{{Han}}))?  # 2000+份: and more; 千把块钱: about
        (?:大|小)?                                            # 4大箱
        (?P<unit>{"|".join(units)})(?:\((?P<times>次)\)|[/／·](?P<slashed>次))?   # 45人(次), 45人/次: 45人次
        (?:(?<=[元圆块])(?P<jiao>[{_ONE_DIGIT}])角)?(?:(?<=[元圆块角])(?P<fen>[{_ONE_DIGIT}])分)?  # 123元1角1分
        (?P<tail>钱)?
        (?P<trailing>余(?![额款下粮量地])|多(?=[的，,。；;、)）\s]|$))?       # 2万元余, 3吨多: after the unit
        (?:\((?P<inclusive>含)\))?                                      # 50人(含)以上
        (?P<suffix>{_alternation(_SUFFIX_QUALIFIERS)})?
        (?![+＋])                                             # 9+8+24 is a slogan, not a count
    """
    return regex.compile(source, regex.VERBOSE)


@lru_cache(maxsize=1)
def _group_numbers() -> SimpleNamespace:
    """The quantity pattern's group numbers by name (`.cn`, `.unit` …): a group asked for by its number costs a
    fifth of one asked for by its name, and find_quantities asks a dozen of them per match."""
    return SimpleNamespace(**_pattern().groupindex)


# shorthand of the web for 万 and 千 after digits (1.5w份, 2.5k瓶)
_LATIN_MULTIPLIERS = str.maketrans({"w": "万", "W": "万", "k": "千", "K": "千"})
_DIGIT_AND_UNIT = re.compile(r"\d[千百十]\d")  # 2千3百: units inside, not only at the end
_AS_CHINESE_DIGITS = str.maketrans("0123456789", "零一二三四五六七八九")
_BELOW = {"万": 10_000, "千": 1_000, "百": 100}


def _value(match: regex.Match, suffix: str) -> float | None:
    number_of = _group_numbers()
    arabic, big_at, cn_at = ((number_of.arabic2, number_of.big2, number_of.cn2) if suffix
                             else (number_of.arabic, number_of.big, number_of.cn))
    if match.group(arabic):
        big = (match.group(big_at) or "").translate(_LATIN_MULTIPLIERS)
        value = parse_number(match.group(arabic) + big)
        if suffix or not match.group(number_of.more) or value is None:
            return value
        # 1万2千: the rest counts below the 万 (or 亿, 千, 百) it follows; 2千3百 reads as 二千三百 does
        rest = match.group(number_of.more)
        more = parse_number(rest) if not _DIGIT_AND_UNIT.search(rest) else chinese_to_int(
            rest.translate(_AS_CHINESE_DIGITS))
        below = _BELOW.get(big[-1:], 100_000_000)
        return value + more if more is not None and more < below else None
    if not suffix and match.group(number_of.cndec):
        whole, decimals = match.group(number_of.cndec).split("点")
        head = chinese_to_int(whole)
        if head is None:
            return None
        value = Decimal(f"{head}." + "".join(str(chinese_to_int(d) or 0) for d in decimals))
        for big in match.group(number_of.cndecbig) or "":
            value *= 10_000 if big == "万" else 100_000_000
        return float(value)
    if match.group(cn_at):
        big = "" if suffix else match.group(number_of.cnbig) or ""  # 十余万: the 万 after the 余
        value = parse_number(match.group(cn_at) + big)
        rest = None if suffix else match.group(number_of.cnmore)
        if value is None or not rest:
            return value
        # 两万3千: the rest in digits counts below the 万 (or 亿) the words end in, as 1万2千 does
        more = parse_number(rest) if not _DIGIT_AND_UNIT.search(rest) else chinese_to_int(
            rest.translate(_AS_CHINESE_DIGITS))
        below = _BELOW.get(match.group(cn_at)[-1], 100_000_000)
        return value + more if more is not None and more < below else None
    return None


# the units that end a Chinese numeral after its last digit: 五十万 → 万, 五千 → 千, 五千万 → 千万 (not 十:
# 三十 is a number)
_CN_MULTIPLIER = regex.compile(r"(?:[百千][万亿]?|[万亿]+)?$")


def _range_low(match: regex.Match, low: float | None) -> float | None:
    """3至5万 → 30000: a low end written without a multiplier takes the high end's when it is the smaller digit part."""
    number_of = _group_numbers()
    if match.group(number_of.arabic2):
        high, multiplier = match.group(number_of.arabic2), match.group(number_of.big2) or ""
    else:
        multiplier = _CN_MULTIPLIER.search(match.group(number_of.cn2)).group()
        high = match.group(number_of.cn2)[:len(match.group(number_of.cn2)) - len(multiplier)]
    written = match.group(number_of.arabic) or match.group(number_of.cn) or ""
    own_multiplier = match.group(number_of.big) or _CN_MULTIPLIER.search(written).group()  # 3万至5万
    high_digits = parse_number(high) if high else None
    if low is None or own_multiplier or not multiplier or high_digits is None or low >= high_digits:
        return low  # 4至5人, 3万至5万, 4000-5万: the low end stands as written
    return parse_number(written + multiplier)


_EACH = "各"


def _given(table: MeasureWords, text: str, start: int) -> bool:
    """True where a verb of giving or setting up ends right before `start` (or before a 了 there): 捐赠了一辆救护车;
    not after 各, where the one is each place's (两个路口各设了一个卡点: the places count)."""
    before = text[max(0, start - 6):start].removesuffix("了")
    verb = next((word for word in table.one_counted_after if before.endswith(word)), None)
    return verb is not None and not before[:len(before) - len(verb)].endswith(_EACH)


def _a_selection(table: MeasureWords, text: str, start: int) -> bool:
    """True where the number at `start` follows a word of [selections] that selects (在前三次, 前10名 of a ranking,
    最后100米): at the text's start or after one of the table's `after` characters; not 目前, 此前, 随后, 前后, whose
    前 and 后 end another word."""
    return (start > 0 and text[start - 1] in table.selecting
            and (start == 1 or text[start - 2] in table.before_selecting))


# words that begin with 一 and pair with nothing: 一共三个卡点 is a count, as 一户三策 is not
_WORDS_OF_ONE = frozenset({"一共", "一起", "一同", "一并", "一律", "一直", "一度", "一样"})


def _is_paired_idiom(text: str, match: regex.Match) -> bool:
    """千家万户, 一户一证, 1人1档: a numeral paired with measure words names a rule or an idiom, not a count."""
    number_of = _group_numbers()
    after = match.end(number_of.unit)
    cn = match.group(number_of.cn)
    if cn and len(cn) == 1:
        before = match.start(number_of.cn)
        # (a numeral of one character, as idioms pair them: not 九名六十岁以上的老党员, the count's noun then its age)
        next_is_numeral = (after < len(text) and text[after] in CHINESE_NUMERAL_CHARS
                           and not (after + 1 < len(text) and text[after + 1] in CHINESE_NUMERAL_CHARS))
        # (nor after an ordinal: 第一批九家企业, the first batch's nine firms)
        prev_is_pair = (before >= 2 and text[before - 2] in CHINESE_NUMERAL_CHARS
                        and text[before - 2:before] not in _WORDS_OF_ONE
                        and not (before >= 3 and text[before - 3] == "第"))
        if next_is_numeral or prev_is_pair:
            return True
        # 发现一起、查处一起, 发现一例、处置一例: one and the same measure word after two verbs in a row, a slogan;
        # not where a noun follows the second (留了两个，设了两个卡点: counts, as spoken)
        same = text[before:after]
        if ((pair := _SLOGAN_PAIR.match(text, after)) and text.startswith(same, pair.end())
                and not _HAN_AFTER.match(text, pair.end() + len(same))):
            return True
        if (paired := _SLOGAN_PAIR_BEFORE.search(text, max(0, before - 8), before)) and paired.start() >= len(
                same) and text.startswith(same, paired.start() - len(same)) and not _HAN_AFTER.match(text, after):
            return True
    # 1人1档, 两户两策: the same numeral again, before a word that is no measure word (8户11人, 1户1人 are counts)
    written = match.group(number_of.arabic) or cn
    if match.group(number_of.sep) or not written or not text.startswith(written, after):
        return False
    again = after + len(written)
    if again < len(text) and (text[again].isdigit() or text[again] in CHINESE_NUMERAL_CHARS):
        return False  # 1人12档: another number
    return _pattern().match(text, after) is None


_CLOSING_QUOTE = regex.compile(r"[”\"」』]")
# Between the two halves of a paired slogan: a separator and a verb of one or two characters.
_SLOGAN_PAIR = regex.compile(r"[、，,]\p{Han}{1,2}")
_SLOGAN_PAIR_BEFORE = regex.compile(r"[、，,]\p{Han}{1,2}$")
_HAN_AFTER = regex.compile(r"\p{Han}")


# How far a short quoted phrase may run on either side of a lone 一 inside it (“隔离一人、安全一户、放心一片”)
QUOTE_REACH = 12
_OPENING_QUOTE_BEFORE = regex.compile(r"[“「『][^“”「」『』\n]*$")
_CLOSING_QUOTE_AFTER = regex.compile(r"[^“”「」『』\n]*[”」』]")


# An item of a list right before a 、: a number, then a measure word and a noun (两箱方便面、)
_COUNTED_ITEM_BEFORE = regex.compile(rf"(?P<number>\d+|[{_CN}]+)(?P<unit>\p{{Han}}{{1,2}}?)\p{{Han}}{{1,8}}、$")


def _after_a_count_in(text: str, start: int, unit: str) -> bool:
    """True where the 一 at `start` opens an item of a list whose item before counts more than one in the same
    measure word (两箱方便面、一箱矿泉水): one of a list of counts, no article (not in 一名镇领导、一名下沉干部, a
    norm of one each)."""
    if start == 0 or text[start - 1] != "、":
        return False
    item = _COUNTED_ITEM_BEFORE.search(text, max(0, start - 14), start)
    return item is not None and item.group("unit") == unit and item.group("number") != "一"


def _in_short_quote(text: str, start: int, end: int) -> bool:
    """True where a lone 一 stands inside a short quoted phrase (确保“隔离一人、安全一户、放心一片”): a slogan's, no
    count."""
    return (_OPENING_QUOTE_BEFORE.search(text, max(0, start - QUOTE_REACH), start) is not None
            and _CLOSING_QUOTE_AFTER.match(text, end, min(len(text), end + QUOTE_REACH)) is not None)


def _in_slogan(text: str, start: int, end: int) -> bool:
    """A number that opens a short quoted phrase (“四个全覆盖”, “三个一”) names a slogan."""
    if start == 0 or text[start - 1] not in "“\"「『":
        return False
    return _CLOSING_QUOTE.search(text, end, min(len(text), end + 8)) is not None


# A character every quantity holds: a digit, 上 of 上万, a numeral in words or in 大写 (a sign or a label of an implied
# unit comes with a number too). `re`: for a class of characters it searches faster than `regex`.
_NUMBER_CHAR = re.compile(f"[\\d上{_CN}{_FINANCIAL}]")


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """All counted quantities in `text[start:end]`, in order of position."""
    end = len(text) if end is None else end
    if _NUMBER_CHAR.search(text, start, end) is None:
        return []  # most clauses hold no number: one search for a character of one costs less than the pattern
    table = measure_words()
    number_of = _group_numbers()
    found: list[Quantity] = []
    position = start
    while match := _pattern().search(text, position, end):
        position = match.end()
        cn = match.group(number_of.cn)
        if (cn and len(cn) > 1 and cn[0] == "一" and cn[1] not in _MULTIPLIERS
                and _WORD_FINAL_ONE.match(text, match.start(number_of.cn) - 1)):
            position = match.start(number_of.cn) + 1  # 统一两台车: read on from the 两 (not 宣传单一万份: one 万)
            continue
        if cn in _BIG_ALONE and match.start() and (text[match.start() - 1] in _BRACKET_OPENS or (
                (text[match.start() - 1] in _COLONS or (
                    not match.group(number_of.prefix) and _HAN_BEFORE.match(text, match.start() - 1)))
                and not text.startswith(("余", "多"), match.end(number_of.cn)))):
            # （万平方米）, 单位：万元: a heading's unit in 万, no number; 华润万家: a name (近万人, 逾万份, 群众万余人,
            # 捐款：万余元 are numbers)
            continue
        if cn == "一" and not match.group(number_of.sep) and (
                _in_short_quote(text, match.start(), match.end())
                or not (_PHRASE_END.match(text, match.end())
                     or table.classes[match.group(number_of.unit)] & _MEASURED_WITH_ONE
                     or _after_a_count_in(text, match.start(), match.group(number_of.unit))
                     or (_given(table, text, match.start())
                         and match.group(number_of.unit) not in table.one_told_in))
                or match.group(number_of.unit) in _VAGUE_WITH_ONE
                or _NOT_ONE_BEFORE.search(text, max(0, match.start() - 3), match.start())):
            continue  # 一个, 一名: in Chinese usually an article, not a count (卡点一个。 is one)
        if _is_paired_idiom(text, match) or _in_slogan(text, match.start(), match.end(number_of.unit)):
            continue
        if _a_selection(table, text, match.start()):
            continue  # 在前三次, 前10名: which ones, not how many
        if (places := table.named_after.get(match.group(number_of.unit))) and text.endswith(
                places, 0, match.start()):
            continue  # 石门村三组: the village's group three, a name
        unit_at = match.start(number_of.unit)
        if match.group(number_of.unit) in table.after_digits and text[unit_at - 1] not in table.digit_ends:
            continue  # 三方 names parties; only 1650方 is a volume (a lookbehind in the pattern would slow it)
        value_high = None
        qualifier = "exact"
        if match.group(number_of.above):
            value = parse_number(match.group(number_of.round))
            qualifier = "over"
        elif cn is not None and not match.group(number_of.sep) and (bounds := _cn_range(cn)):
            value, value_high = bounds
            qualifier = "approx"
        else:
            value = _value(match, "")
            if match.group(number_of.lowunit) and match.group(number_of.lowunit) != match.group(number_of.unit):
                continue  # 3人至5户 is no range
            if match.group(number_of.sep):
                value_high = _value(match, "2")
                value = _range_low(match, value)
                if value_high is None or value is None or value_high <= value:
                    continue
                qualifier = "approx"
        if value is None or value == 0:
            continue
        if match.group(number_of.jiao) or match.group(number_of.fen):  # 123元1角1分
            value += sum(chinese_to_int(d) / scale if not d.isdigit() else int(d) / scale
                         for d, scale in ((match.group(number_of.jiao), 10), (match.group(number_of.fen), 100)) if d)
            value = round(value, 2)
        for group in (number_of.inner1, number_of.inner2, number_of.inner, number_of.trailing):
            if match.group(group):
                qualifier = _INNER_QUALIFIERS[match.group(group)]
        # a word before the number hedges the whole (近4200多名: under), over a 余 or 多 inside it
        for group, words in ((number_of.suffix, _SUFFIX_QUALIFIERS), (number_of.prefix, _PREFIX_QUALIFIERS)):
            if match.group(group) and words[match.group(group)] != "exact":
                qualifier = words[match.group(group)]
        if match.group(number_of.inclusive) and match.group(number_of.suffix) == "以上":
            qualifier = "over"
        unit = match.group(number_of.unit)
        unit_end = match.end(number_of.unit)
        if match.group(number_of.times) and unit + "次" in table.classes:
            unit, unit_end = unit + "次", match.end(number_of.times) + 1
        elif match.group(number_of.slashed) and unit + "次" in table.classes:
            unit, unit_end = unit + "次", match.end(number_of.slashed)
        factor = table.factors.get(unit, 1.0)
        value = _scale(value, factor)
        value_high = _scale(value_high, factor) if value_high is not None else None
        number_start = next(match.start(g) for g in (number_of.arabic, number_of.cn, number_of.cndec, number_of.above)
                            if match.group(g))
        unit_start = match.start(number_of.unit)
        found.append(_new_quantity(match.start(), match.end(), number_start, unit_start, value, value_high, unit,
                                   unit_start, unit_end, table.classes[unit], qualifier))
    if table.currencies_before and any(quantity.unit in table.yuan for quantity in found):
        found = _in_currency_named_before(text, start, found)
    # an implied unit needs 万 or 亿, a sign or a label: most clauses have none, and one search for a character of
    # them costs less than the pattern
    if _implied_hint().search(text, start, end) is not None:
        found = _with_implied_units(text, start, end, found)
    return _without_restatements(text, found)


# A bracket right after an amount (and its 整) that opens with the same amount again: the figure restated, as
# receipts and lists write an amount in words, then in digits (陆万叁仟捌佰元整（63800元）, 壹万伍仟元整（￥15,000）),
# with a receipt's labels too (人民币壹万伍仟元整 （小写）￥15000.00, 12 863 475.60元（大写：壹仟贰佰……元陆角）).
_RESTATED = regex.compile(r"整?\s*[(（](?:[大小]写[)）]?[:：]?\s*)?[¥￥]?$")
_RESTATING_ENDS = frozenset("(（¥￥:：)） \t\u3000")  # what stands right before a restated figure
# How far back the amount restated may start, where it stands before the clause looked at (a colon ends a clause)
RESTATED_REACH = 40


def _without_restatements(text: str, found: list[Quantity]) -> list[Quantity]:
    """`found` without each quantity that restates the amount right before it in brackets: one amount, one fact."""
    kept: list[Quantity] = []
    for quantity in found:
        opening = (_RESTATED.search(text, max(0, quantity.number_start - 12), quantity.number_start)
                   if quantity.number_start and text[quantity.number_start - 1] in _RESTATING_ENDS else None)
        if opening is not None and opening.start() > 0:
            if kept and kept[-1].end == opening.start():
                before = kept[-1]
            else:  # the amount stands in the clause before (（大写：…）): read it there
                line = text.rfind("\n", 0, opening.start()) + 1
                earlier = find_quantities(text, max(line, opening.start() - RESTATED_REACH), opening.start())
                before = earlier[-1] if earlier and earlier[-1].end == opening.start() else None
            if (before is not None and abs(before.value - quantity.value) < 1e-6 * max(1.0, quantity.value)
                    and before.unit_classes & quantity.unit_classes):
                continue
        kept.append(quantity)
    return kept


@lru_cache(maxsize=1)
def _implied_hint() -> re.Pattern:
    """A character without which a clause holds no amount of an implied unit: 万, 亿, a sign, a label's last character,
    the point of an amount to the cent, the closing bracket of a measure word in brackets. The standard library's
    `re`: for a class of characters it searches faster than `regex`."""
    table = measure_words()
    chars = {"万", "亿"} if table.implied_after or table.implied_before else set()
    if any("money" in table.classes[unit] for unit in table.implied_after):
        chars.add(".")
    chars |= {sign[-1] for sign in table.signs} | {word[-1] for words in table.labels.values() for word in words}
    chars |= {")", "）"}
    return re.compile("[" + "".join(re.escape(char) for char in sorted(chars)) + "]" if chars else "(?!)")


@lru_cache(maxsize=1)
def _implied_pattern() -> regex.Pattern:
    """A 万 or 亿 amount right after a word of data/measure_words.toml [implied_after], no measure word after it
    (捐款35万, 捐款两万五); an amount of people right before a noun of [implied_before] (15万返乡人员); a bare amount
    after a sign of [signs] (¥5000); a bare number after a label of [labels] (志愿者人数：36) or after a measure word in
    brackets (设立卡点（个） 23)."""
    table = measure_words()
    alternatives = "|".join(
        rf"(?P<u{index}>{_alternation(words)})" for index, words in enumerate(table.implied_after.values()))
    units = "|".join(_guarded_units())
    offset = len(table.implied_after)
    # money is written to the cent (到账896275.33): a bare amount with two decimals after a word of money is in it
    cents = "|".join(rf"(?P<m{index}>{_alternation(words)})" for index, (unit, words)
                     in enumerate(table.implied_after.items()) if "money" in table.classes[unit])
    nouns = "|".join(
        rf"(?P<u{offset + index}>{_alternation(words)})" for index, words in enumerate(table.implied_before.values()))
    labels = "|".join(rf"(?P<l{index}>{_alternation(words)})" for index, words in enumerate(table.labels.values()))
    return regex.compile(
        rf"""(?:(?:{alternatives or "(?!)"})(?:达到|达|为|了|共)?   # a word of money before the amount, then
            (?P<lead>超过|超|逾|多达|将近|近|约)?            # a qualifier (捐款逾10万, 善款近5万), or
            (?:(?P<number>\d{{1,9}}(?:\.\d{{1,6}})?)(?P<big>万|亿)
             | (?=[{_CN}]{{0,31}}[万亿])(?P<cnnumber>(?>[{_CN}]{{1,32}})))  # or in words, 万 or 亿 inside (捐款两万五,
                                                        # 善款超百万), bounded and atomic: a run of 万 cannot backtrack
            (?P<inner>余|多)?
            (?![\d{_CN}]|{units})                 # a measure word after it makes it an ordinary quantity
          | (?:{cents or "(?!)"})(?:达到|达|为|了|共|\s*[:：])?\s*             # a word of money, then an amount to
            (?P<cents>(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,12}})\.\d{{2}})       # the cent: 到账896275.33,
            (?![\d.%％‰万亿]|\s*{units})                                     # 捐赠资金 386,200.00
          | (?P<sign>{_alternation(table.signs) or "(?!)"})\s*                # a sign of money before a bare
            (?P<number3>\d{{1,12}}(?:,\d{{3}})*(?:\.\d{{1,2}})?)(?P<big3>万|亿)?   # amount: ¥5000
            (?![\d.,万亿]|\s*{units})
          | (?<![\d.])(?P<number2>\d{{1,9}}(?:\.\d{{1,6}})?)(?P<big2>万|亿)(?P<inner2>余|多)?
            (?=余?名?(?:{nouns or "(?!)"}))              # a noun of people right after it: 15.79万返乡人员
          | (?:{labels or "(?!)"})(?:达到|达|为|是|共计|共|[:：])?\s*   # a label of a count, then a bare whole
            (?P<number4>\d{{1,9}}(?:(?:\.\d{{1,6}})?[万亿])?)             # number: 志愿者人数：36, 检测人数1.2万,
            (?![\d.,%％‰万亿]|\s*(?:{units}|\p{{Han}}))             # and no word after it (志愿者24小时)
          | [(（](?P<big5>[万亿])?(?P<bunit>{units})[)）]\s*[:：]?\s*    # a measure word in brackets, as a table's
            (?P<number5>\d{{1,9}}(?:\.\d{{1,6}})?)                      # heading writes it, then a bare number:
            (?![\d.,%％‰万亿]|\s*(?:{units}|[年月日号时倍]))           # 设立卡点（个） 23, 环境消杀（万平方米）：86.5
          )""",
        regex.VERBOSE)


def _with_implied_units(text: str, start: int, end: int, found: list[Quantity]) -> list[Quantity]:
    """`found` with the amounts whose unit is implied (捐款35万 is 35万元) added, in order of position; the unit
    column then says the implied unit, and the evidence shows the number as written."""
    table = measure_words()
    units = list(table.implied_after) + list(table.implied_before)
    added = []
    for match in _implied_pattern().finditer(text, start, end):
        qualifier = "exact"
        if match.group("sign"):  # ¥5000: the sign is the unit, and the evidence starts with it
            number_start, unit = match.start("sign"), table.signs[match.group("sign")]
            value = parse_number(match.group("number3").replace(",", "") + (match.group("big3") or ""))
        elif match.group("cents"):  # 到账896275.33: an amount to the cent after a word of money
            number_start, unit = match.start("cents"), units[_alternative(match, "m")]
            value = parse_number(match.group("cents").replace(",", ""))
        elif match.group("number5"):  # 设立卡点（个） 23: the bracketed measure word is the unit
            number_start, unit = match.start(), match.group("bunit")  # the bracket is the number's own label
            value = parse_number(match.group("number5") + (match.group("big5") or ""))
        elif match.group("number4"):  # 志愿者人数：36: the label says the unit
            number_start, unit = match.start("number4"), list(table.labels)[_alternative(match, "l")]
            value = parse_number(match.group("number4"))
        elif match.group("number2"):  # 15.79万返乡人员: a noun of people after it
            number_start, unit = match.start("number2"), units[_alternative(match, "u")]
            value = parse_number(match.group("number2") + match.group("big2"))
            qualifier = "over" if match.group("inner2") else "exact"
        else:  # 捐款35万, 捐款两万五: a word of money before it, and a qualifier between (捐款逾10万, 善款近5万)
            number = "cnnumber" if match.group("cnnumber") else "number"
            number_start, unit = match.start(number), units[_alternative(match, "u")]
            value = parse_number(match.group("cnnumber") or match.group("number") + match.group("big"))
            qualifier = "over" if match.group("inner") else _PREFIX_QUALIFIERS.get(match.group("lead"), "exact")
        number_end = match.end()
        if value is None or value <= 0 or any(q.start < number_end and number_start < q.end for q in found):
            continue
        added.append(_new_quantity(number_start, number_end, number_start, number_end, value, None, unit,
                                   number_end, number_end, table.classes[unit], qualifier))
    return sorted(found + added, key=lambda q: q.start) if added else found


def _in_currency_named_before(text: str, start: int, found: list[Quantity]) -> list[Quantity]:
    """`found` with each amount in 元 right after the name of another currency (港币30万元, 美元3.6万元) in that
    currency: the quantity starts at the name, which is its unit (the 元 says only: money); the unit's span is the
    name's, before the number."""
    table = measure_words()
    out = []
    for quantity in found:
        if quantity.unit in table.yuan:
            currency = next((word for word in table.currencies_before
                             if quantity.start - len(word) >= start and text.endswith(word, 0, quantity.start)), None)
            if currency is not None:
                quantity = _new_quantity(quantity.start - len(currency), quantity.end, quantity.number_start,
                                         quantity.number_end, quantity.value, quantity.value_high, currency,
                                         quantity.start - len(currency), quantity.start, table.classes[currency],
                                         quantity.qualifier)
        out.append(quantity)
    return out


def _alternative(match: regex.Match, prefix: str) -> int:
    """The index of the numbered group `prefix` + N (u0, u1 …; l0 …) that matched: which word list, so which unit."""
    return next(int(name[len(prefix):]) for name, value in match.groupdict().items()
                if value is not None and name.startswith(prefix) and name[len(prefix):].isdigit())


_QUANTITY_FIELDS = tuple(field.name for field in dataclasses.fields(Quantity))


def _new_quantity(*values) -> Quantity:
    """`Quantity(*values)` without the frozen dataclass's __init__ (an object.__setattr__ per field): the same
    object, built three times faster; one is built per number of every report."""
    quantity = object.__new__(Quantity)
    quantity.__dict__.update(zip(_QUANTITY_FIELDS, values, strict=True))
    return quantity


def _scale(value: float, factor: float) -> float:
    return value if factor == 1.0 else round(value * factor, 9)


_RANGE_MULTIPLIERS = {"": 1, "十": 10, "百": 100, "千": 1000, "万": 10_000}
_PLACE_BELOW = {"十": "", "百": "十", "千": "百", "万": "千"}  # the place a range after a round number stands in
_RANGE_PAIRS = {("三", "五")}  # 三五个, 三五百: an idiom, though not neighbours


def _cn_range(numeral: str) -> tuple[float, float] | None:
    """三四 → (3, 4), 五六十 → (50, 60), 三四百 → (300, 400): neighbouring digits give a range; so do they after a
    round number, in the place below its last one: 十五六 → (15, 16), 一千五六百 → (1500, 1600), 三万五六千."""
    multiplier = next((m for m in ("十", "百", "千", "万") if numeral.endswith(m)), "")
    pair_at = len(numeral) - len(multiplier) - 2
    if pair_at < 0:
        return None
    base = 0
    if pair_at:
        head = numeral[:pair_at]
        if _PLACE_BELOW.get(head[-1]) != multiplier or (base := chinese_to_int(head)) is None:
            return None
    a, b = (c if c != "两" else "二" for c in numeral[pair_at:pair_at + 2])
    if a in _DIGIT_CN and b in _DIGIT_CN and (
            _DIGIT_CN.index(b) == _DIGIT_CN.index(a) + 1 or (a, b) in _RANGE_PAIRS):
        scale = _RANGE_MULTIPLIERS[multiplier]
        return float(base + (_DIGIT_CN.index(a) + 1) * scale), float(base + (_DIGIT_CN.index(b) + 1) * scale)
    return None
