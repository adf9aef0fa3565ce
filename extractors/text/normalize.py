"""Normalize: invisible characters out, letter-spacing closed, hard-wrapped lines joined, glosses out, traditional →
simplified, full-width → half-width, spaces in numbers closed.

Every step goes through `MappedText`, so a span of the normalized text maps back to the original.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

import regex

from fangkong.text.tables import read_tables
from fangkong.text.textmap import MappedText

_PINYIN = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"

_GLOSS = regex.compile(
    rf"""
    (?<=[\p{{Han}}?？\ufffd])[(（][{_PINYIN}]{{1,7}}[)）]   # 網(wǎng), 鎮（zhèn）, 醫（yī)
  | (?<=[?？\ufffd])[{_PINYIN}]{{1,7}}[)）]               # garbled: the opening bracket lost, 總？cè）
    """,
    regex.VERBOSE,
)
# Every gloss ends in a pinyin letter and a closing bracket: a text without one (most reports, brackets or not)
# is not scanned for glosses. The standard library's re, on a plain set of characters, finds that several times
# faster than regex (the same characters: no class, no flag).
_GLOSS_END = re.compile(rf"[{_PINYIN}][)）]")

# Full-width ASCII (U+FF01–U+FF5E) and the ideographic space map one-to-one onto ASCII.
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_HALF_WIDTH[0x3000] = 0x20
_HALF_WIDTH[0x00A0] = 0x20
# Any character the table changes: a text without one (most reports) is not translated at all.
# (re, as for _GLOSS_END: the same set of characters, searched about nine times faster than by regex)
_WIDE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_HALF_WIDTH)) + "]")
_NARROW = {chr(code): chr(narrow) for code, narrow in _HALF_WIDTH.items()}

_SPACE_IN_NUMBER = regex.compile(
    r"""
    (?<=\d)[ \t]+(?=[\p{Han}])     # 50 余人, 302 国道
  | (?<=(?<![\d.,])\d{1,2})[ ](?=\d{1,2}\p{Han})   # 1 5人: a short number broken by one space
    # a scan's letter-spaced digits, one by one, after words and before a measure word: 1 5 0余名, 1 4 2.6万人次
    # (not after a blank: cells of a table, 杉木村 3 2 1)
  | (?<=(?:^|[^\d.,\s])(?:\d[ ])*\d)[ ](?=\d(?:[ ]\d)*(?:\.\d+)?[ ]?\p{Han})
  | (?<=[\p{Han}])[ \t]+(?=\d)     # 标语 54条
    """,
    regex.VERBOSE,
)


# What a scanner's character recognition misreads as a digit, next to digits or alone where a number stands: a
# lowercase l for 1 (l36条, 4.3l万, 返回l人), 〇 or O for 0 among Arabic digits (2〇条, 8〇〇余份, 1O0). Not in a word
# of Latin letters (level, PM2.5), nor 〇 among Chinese numerals (二〇二〇年).
_MISREAD_DIGIT = regex.compile(
    r"""
    (?<![A-Za-z])l(?![A-Za-z])(?:(?=[\d.万千百亿])|(?<=[\d.]l))   # l beside a digit
  | (?<=\p{Han})l(?=\p{Han})                                  # l alone where a number stands: 返回l人
  | 〇(?=〇*\d)|(?<=\d〇*)〇                                   # 〇 among Arabic digits
  | (?<=\d)[Oo](?=\d)                                         # O between digits
    """,
    regex.VERBOSE,
)
_MISREAD = {"l": "1", "〇": "0", "O": "0", "o": "0"}
# Whether a text may hold one: most texts have none, told by C-level scans (the letters alone first: a tenth of the
# time of the pattern, which only a text holding one of them is asked)
_MISREAD_LETTERS = re.compile(r"[l〇Oo]")
# (each branch opens with its letter, the look-behind after it: the scan skips to those letters alone)
_MAYBE_MISREAD = re.compile(r"l(?=\d)|l(?<=\dl)|〇(?=\d)|〇(?<=\d〇)|[Oo](?<=\d[Oo])(?=\d)"
                            r"|l(?<=[\u4e00-\u9fff]l)(?=[\u4e00-\u9fff])|l(?<=\.l)")


def read_misread_digits(text: MappedText) -> MappedText:
    """The text with a scanner's misread digits read as the digits they stand for (_MISREAD_DIGIT), character for
    character; other texts come back as they are."""
    if not _MISREAD_LETTERS.search(text.text) or not _MAYBE_MISREAD.search(text.text):
        return text
    return text.rewrite(_MISREAD_DIGIT, lambda match: _MISREAD[match.group()])


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified, keeping the length (character-wise where a phrase would change it)."""
    converter = _converter()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    lines = text.split("\n")
    out = []
    for line in lines:
        new = converter.convert(line)
        if len(new) != len(line):
            new = "".join(c if len(c2 := converter.convert(c)) != 1 else c2 for c in line)
        out.append(new)
    return "\n".join(out)


def to_half_width(text: str) -> str:
    """`text.translate(_HALF_WIDTH)`, made as one `str.replace` per distinct wide character the text holds (a
    report holds three or four): str.translate looks every character up in the table, four times slower."""
    position = 0
    while match := _WIDE.search(text, position):
        wide = match.group()
        text = text.replace(wide, _NARROW[wide])  # one character for one: the positions stay
        position = match.start()
    return text


def remove_glosses(text: MappedText) -> MappedText:
    """Drop pinyin glosses that follow characters: 網(wǎng) → 網."""
    if not _GLOSS_END.search(text.text):  # nothing a gloss ends with: nothing to scan for
        return text
    return text.rewrite(_GLOSS, lambda match: "")


# Hard-wrapped text (copied from a PDF or a fixed-width page) breaks its sentences across lines of about one length,
# the longest of the text. A line of at least WRAP_MIN characters, most of them Han, that ends with none of these
# ends mid-sentence. (Not a closing bracket: a line may end inside a sentence with a gloss, 網(wǎng).)
_SENTENCE_CLOSERS = frozenset("。!?！？…”」』;；:：")
_HAN = re.compile(r"[\u4e00-\u9fff]")
WRAP_MIN = 20
# A report is wrapped where at least WRAP_LINES such lines each run on into the next and they are at least half as
# many as the long lines that end a sentence (a page wrapped wide ends most paragraphs on their second line), where
# most of them (WRAP_SHARE) are of one length (within WRAP_SPREAD of their median), and where that length is about
# the longest of the text's lines (WRAP_LONGEST of the longest tenth): prose in whole paragraphs has longer lines
# that end with a full stop, and menus, lists of links and headlines are short, or of many lengths.
WRAP_LINES = 3
WRAP_SHARE = 0.7
WRAP_SPREAD = 0.15
WRAP_LONGEST = 0.85
_LINE_BREAK = regex.compile(r"\n[ \t\u3000]*")


def _wrapped_breaks(text: str) -> set[int]:
    """The positions of the line breaks of a hard-wrapped text that fall inside a sentence (none where the text is
    not wrapped): each after a line of about the wrap's length that ends with no closing punctuation."""
    lines = text.split("\n")
    if sum(1 for line, following in zip(lines, lines[1:], strict=False)
           if len(line) >= WRAP_MIN and line.rstrip()[-1:] not in _SENTENCE_CLOSERS and following.strip()) < WRAP_LINES:
        return set()  # most reports: too few long lines run on
    # each long line that runs on, ending mid-sentence: (the break's position, the line's length, whether mostly Han)
    runs_on: list[tuple[int, int, bool]] = []
    lengths: list[int] = []  # of every long line mostly in Han
    ends = 0
    position = 0
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        position += len(line) + 1
        width = len(line.rstrip())  # as printed: an indent takes room in the line
        if width < WRAP_MIN:
            continue
        stripped = line.strip()
        han = len(_HAN.findall(stripped)) * 2 >= len(stripped)
        if han:
            lengths.append(width)
        if stripped[-1] in _SENTENCE_CLOSERS:
            ends += han
        elif following.strip():
            runs_on.append((position - 1, width, han))
    long_han = sorted(length for _, length, han in runs_on if han)
    if len(long_han) < WRAP_LINES or 2 * len(long_han) < ends:
        return set()
    median = long_han[len(long_han) // 2]
    lengths.sort()
    if median < WRAP_LONGEST * lengths[len(lengths) * 9 // 10]:
        return set()
    if sum(abs(length - median) <= WRAP_SPREAD * median for length in long_han) < WRAP_SHARE * len(long_han):
        return set()
    # every line of about the wrap's length runs on, whatever it holds (a line full of glosses or digits too)
    return {at for at, length, _ in runs_on if abs(length - median) <= WRAP_SPREAD * median}


def join_wrapped_lines(text: MappedText) -> MappedText:
    """A hard-wrapped report with its sentences joined again: each line break inside a sentence (and the indent
    after it) taken out. Other reports come back as they are."""
    if text.text.count("\n") < WRAP_LINES:
        return text
    breaks = _wrapped_breaks(text.text)
    if not breaks:
        return text
    return text.rewrite(_LINE_BREAK, lambda match: "" if match.start() in breaks else None)


# A paragraph of a scan or a PDF's text broken off mid-word: a line of at least WRAP_MIN characters that opens with
# an indent (or runs on from one that does) ends on a character of a word or a number, and the next line carries
# on at its margin, without an indent of its own (……共3 4个卡 / 点，实行……; ……用大喇叭广播 / 了120余次). Where
# paragraphs open with an indent, a line at the margin opens none. A break between two digits of a letter-spaced
# number keeps their spacing (累计检查车辆2 1 6 / 5 0辆次).
_INDENT = regex.compile(r"[ \t\u3000]{2,}|\u3000")
_RUNS_ON = regex.compile(r"[\p{Han}\d]")
_BROKEN_LINE = regex.compile(r"(?<=[\p{Han}\d])\n(?=[\p{Han}\d])")
_SPACED_DIGIT_BREAK = regex.compile(r"(?<= \d)\n(?=\d )")


def _broken_paragraph_breaks(text: str) -> set[int]:
    """The positions of the line breaks inside an indented paragraph (see _BROKEN_LINE), none in most texts."""
    breaks = set()
    position = 0
    carried = False  # whether the line runs on from the one before
    lines = text.split("\n")
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        position += len(line) + 1
        carried = ((carried or _INDENT.match(line) is not None) and len(line.strip()) >= WRAP_MIN
                   and _RUNS_ON.fullmatch(line[-1:] or " ") is not None and _RUNS_ON.match(following) is not None
                   and _ITEM_OPENING.match(following) is None)
        if carried:
            breaks.add(position - 1)
    return breaks


def join_broken_paragraph_lines(text: MappedText) -> MappedText:
    """The text with each line break inside an indented paragraph taken out (_broken_paragraph_breaks); other texts
    come back as they are."""
    if not _BROKEN_LINE.search(text.text) or not _INDENT.search(text.text):
        return text
    breaks = _broken_paragraph_breaks(text.text)
    if not breaks:
        return text
    return text.rewrite(_BROKEN_LINE, lambda match: (" " if _SPACED_DIGIT_BREAK.match(text.text, match.start())
                                                     else "") if match.start() in breaks else None)


# What opens an item of a numbered list, at the start of a line (the segmenter's sections start there too)
ITEM_MARKER = r"""
    (?:
        [一二三四五六七八九十]{1,3}\s*[、.是]          # 一、  一是
      | [(（][一二三四五六七八九十\d]{1,3}[)）]        # (一)
      | \d{1,2}\s*[、.](?!\d)                        # 1、
    )
"""

# A line break right after a comma or an enumeration comma, before more text, falls inside a sentence: a page's <br>
# in mid-sentence (…口罩600盒，<br>防护服100件，…) or a copy broken by hand. No line ends a paragraph there.
_BREAK_AFTER_CLAUSE = regex.compile(
    r"(?<=[，、,][ \t\u3000]*)\r?\n[ \t\u3000]*(?=[^\s])"
    f"(?!{ITEM_MARKER})",  # a new item of a list (二、) starts its own line, whatever ended the last
    regex.VERBOSE,
)


_ITEM_OPENING = regex.compile(ITEM_MARKER, regex.VERBOSE)


def join_lines_after_clause_marks(text: MappedText) -> MappedText:
    """The text with each line break after a ， 、 or , (and the blanks around it) taken out where text follows on
    the next line; the map keeps the break. Other texts come back as they are."""
    if not _BREAK_AFTER_CLAUSE.search(text.text):  # most reports: one scan
        return text
    return text.rewrite(_BREAK_AFTER_CLAUSE, lambda match: "")


# A line break right before a number that opens the next line (not an item of a list: 1、 一是), where the line before
# ends in the middle of a clause: words after a comma, no mark ending them (…全镇已摸排走访群众⏎6800余户，…). A page
# or a post broke the sentence there; the number belongs to the words before it.
_NUMBER_OPENS_LINE = regex.compile(
    r"[ \t\u3000]*\r?\n[ \t\u3000]*(?=[0-9０-９])"
    f"(?!{ITEM_MARKER})",
    regex.VERBOSE,
)
# (a full-width comma: a line of cells kept apart by commas, 组别,返乡人数, is no prose)
_CLAUSE_CUT_AT_LINE_END = regex.compile(r"，[^，,。！？!?；;：:\n]{2,30}\p{Han}\Z")


def join_lines_cut_before_numbers(text: MappedText) -> MappedText:
    """The text with each line break taken out where it cuts a clause right before its number (_NUMBER_OPENS_LINE);
    the map keeps the break. Other texts come back as they are."""
    if not _NUMBER_OPENS_LINE.search(text.text):
        return text
    return text.rewrite(_NUMBER_OPENS_LINE, lambda match: "" if _CLAUSE_CUT_AT_LINE_END.search(
        text.text, max(0, match.start() - 40), match.start()) else None)


# Characters that print as nothing: zero-width spaces and joiners, the word joiner, a BOM inside the text, soft hyphens
# and direction marks. Web pages scatter them inside words (疫\u200b情), which would then match no word of a rule.
_INVISIBLE_CHARS = ("\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                    "\u2060\u2061\u2062\u2063\u2064\ufeff")
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")  # each listed: searched twice as fast as by ranges
_INVISIBLE_RUNS = regex.compile(f"[{_INVISIBLE_CHARS}]+")


# Markdown's bold, as posts copied from an editor keep it (张贴通告 **1800余张**): a ** with another ** on its line
# within EMPHASIS_MAX characters marks emphasis, no text.
EMPHASIS_MAX = 40
# (a blank outside the marks sets the bold word off, no more: 就有 **286名** 志愿者 reads 就有286名志愿者)
_EMPHASIS = regex.compile(rf"[ \t]?\*\*(?=[^*\n]{{1,{EMPHASIS_MAX}}}\*\*)"
                          rf"|(?<=\*\*[^*\n]{{1,{EMPHASIS_MAX}}})\*\*[ \t]?")


def remove_emphasis(text: MappedText) -> MappedText:
    """The text without Markdown's bold marks around a word (**2.6万份**: 2.6万份); the map keeps them."""
    if "**" not in text.text:
        return text
    return text.rewrite(_EMPHASIS, lambda match: "")


def remove_invisible(text: MappedText) -> MappedText:
    """The text without the characters that print as nothing (the map keeps them)."""
    if not _INVISIBLE.search(text.text):  # most reports: one C-level scan
        return text
    return text.rewrite(_INVISIBLE_RUNS, lambda match: "")


# A letter-spaced line (a newspaper column or a title copied with a space after every character: 设 立 卡 点 １ ４ 个)
# holds at least SPACED_MIN characters, and single spaces between two of them number at least SPACED_SHARE of its
# characters; prose, Chinese or English, has far fewer. In such a line every single space is spacing, not a word
# break, and goes; so does one at either end of the line, before or after its first or last character.
SPACED_MIN = 8
SPACED_SHARE = 0.6
_SPACED_GAP = re.compile(r"(?<=\S) (?=\S)|(?<=\n) (?=\S)|(?<=\S) (?=\n)")
_SINGLE_GAP = re.compile(r"(?<=\S) (?=\S)")
_NOT_SPACE = re.compile(r"\S")
# Four characters in a row each with a space on either side: a text without them (most reports, spaces or not) has no
# letter-spaced line. (Led by the space, a literal, the scan runs thirty times faster than led by \S.)
_SPACED_RUN = re.compile(r" \S \S \S \S ")


def _letter_spaced(text: str) -> list[tuple[int, int]]:
    """The spans of the letter-spaced lines of `text`, in order (none in most reports). Once a text has one, a
    shorter line whose every character stands apart (a paragraph's last line: 忙 碌 起 来 。) is one too."""
    lines = []
    start = 0
    for line in text.split("\n"):
        lines.append((start, start + len(line), len(_SINGLE_GAP.findall(line)), len(_NOT_SPACE.findall(line))))
        start += len(line) + 1
    if not any(chars >= SPACED_MIN and gaps >= SPACED_SHARE * chars for _, _, gaps, chars in lines):
        return []
    return [(start, end) for start, end, gaps, chars in lines
            if (chars >= SPACED_MIN and gaps >= SPACED_SHARE * chars) or (chars >= 2 and gaps >= chars - 1)]


def close_letter_spacing(text: MappedText) -> MappedText:
    """The text with the spacing of its letter-spaced lines taken out (the map keeps it): 设 立 卡 点 １ ４ 个 →
    设立卡点１４个. Other texts come back as they are."""
    if text.text.count(" ") < SPACED_MIN or not _SPACED_RUN.search(text.text):
        return text
    spans = _letter_spaced(text.text)
    if not spans:
        return text
    starts = [start for start, _ in spans]

    def spacing(match: re.Match) -> str | None:
        at = bisect.bisect_right(starts, match.start()) - 1
        # a space at a line's edge belongs to the line it touches
        inside = at >= 0 and spans[at][0] <= match.start() <= spans[at][1] or (
            at + 1 < len(spans) and spans[at + 1][0] == match.end())
        return "" if inside else None

    return text.rewrite(_SPACED_GAP, spacing)


# 俩 and 仨 are 两个 and 三个 fused (村口设了俩卡点, 仨人一组); not after a pronoun or a word of kin, where they name
# the people as a pair (咱俩, 他们仨, 夫妻俩, 兄弟俩, 母女俩)
_FUSED_NUMERALS = {"俩": "两个", "仨": "三个"}
_FUSED_NUMERAL = regex.compile(r"(?<![我你他她它咱们妻夫弟兄妹姐哥女子孙媳徒爷奶])[俩仨](?=\p{Han})")


def unfuse_numerals(text: MappedText) -> MappedText:
    """俩 → 两个, 仨 → 三个, each mapped to the character it stands for."""
    if "俩" not in text.text and "仨" not in text.text:
        return text
    return text.rewrite(_FUSED_NUMERAL, lambda match: _FUSED_NUMERALS[match.group()])


# A number set off by brackets for emphasis, as posts and slides write it, inside a sentence (查验车辆【4.8万】辆次,
# 复工「98」家, 药品【1360】盒): the brackets out, so the number meets its measure word. Only where a word stands
# right before the bracket (a list's number at a line's start, 【1】设立卡点, keeps its brackets) and one follows it.
_NUMBER_BRACKETS = regex.compile(
    r"""
    (?<=\p{Han}[ ]?)[【「『\[〔](?=[\d.,万千百亿余多]{1,12}[】」』\]〕][ ]?\p{Han})   # the opening bracket
  | (?<=\p{Han}[ ]?[【「『\[〔][\d.,万千百亿余多]{1,12})[】」』\]〕](?=[ ]?\p{Han})   # the closing one
    """,
    regex.VERBOSE,
)
_BRACKETED_DIGIT = re.compile(r"[【「『\[〔][\d.,]")


def open_number_brackets(text: MappedText) -> MappedText:
    """The text with the brackets of emphasis around a number inside a sentence taken out (_NUMBER_BRACKETS); other
    texts come back as they are."""
    if not _BRACKETED_DIGIT.search(text.text):
        return text
    return text.rewrite(_NUMBER_BRACKETS, lambda match: "")


# Straight double quotes typed for Chinese ones around a short Chinese name, after a Chinese character or mark
# (设立"党员示范岗"40个): they open and close the name as “ and ” do, so a count after one name and before the next is
# no quoted text; quotes around anything else (a formula's "http://…", code) are left as they are.
_STRAIGHT_QUOTED = regex.compile(r'(?<=[\p{Han}，。、：；！？（）])"([\p{Han}\d·]{1,24})"')


def pair_straight_quotes(text: MappedText) -> MappedText:
    """The text with straight double quotes around a short Chinese name written “ and ” (same length, so the offset
    map holds); other texts come back as they are."""
    if '"' not in text.text:
        return text
    return text.replace_same_length(_STRAIGHT_QUOTED.sub(lambda found: f"“{found.group(1)}”", text.text))


# A numbered list's mark right before a number (1．全镇46个采样点 / 2．公安…… / 3．32个村卡口): where another line
# of the list opens with the number before or after it and a word, the mark is no decimal point (3.32个), but 、.
_LIST_MARK = regex.compile(r"(?m)^[ \t]*(\d{1,2})\.(?=\d)")
_LIST_LINE = regex.compile(r"(?m)^[ \t]*(\d{1,2})\.(?=\p{Han})")


def mark_list_numbers(text: MappedText) -> MappedText:
    """The text with the mark of a numbered list's item that opens with a number written 、 (3.32个 → 3、32个), where
    another line opens with the item's neighbour in the list and a word; other texts come back as they are."""
    if not _LIST_MARK.search(text.text):
        return text
    listed = {int(found.group(1)) for found in _LIST_LINE.finditer(text.text)}
    if not listed:
        return text

    def mark(match: regex.Match) -> str | None:
        number = int(match.group(1))
        return match.group()[:-1] + "、" if number - 1 in listed or number + 1 in listed else None

    return text.rewrite(_LIST_MARK, mark)


def normalize(text: MappedText) -> MappedText:
    """Plain report text → normalized text (offsets still map to the original).

    Each step first asks, in one C-level scan, whether the text has anything it changes, and is skipped where
    not: most reports are already simplified, half-width and free of glosses."""
    text = remove_invisible(text)
    text = remove_emphasis(text)
    text = close_letter_spacing(text)
    text = join_wrapped_lines(text)  # on the lines as they were wrapped, glosses in
    text = join_lines_after_clause_marks(text)
    text = join_lines_cut_before_numbers(text)
    text = join_broken_paragraph_lines(text)
    text = remove_glosses(text)
    if _WIDE.search(text.text):
        text = text.replace_same_length(to_half_width(text.text))
    text = text.replace_same_length(to_simplified(text.text))
    text = read_misread_digits(text)  # (after half-width: ｌ is l by then)
    text = unfuse_numerals(text)  # (after t2s: 倆 is 俩 by then)
    text = open_number_brackets(text)  # (after half-width: ［ is [ by then)
    text = pair_straight_quotes(text)  # (after half-width: ＂ is " by then)
    text = mark_list_numbers(text)  # (after half-width: ３．is 3. by then)
    text = read_tables(text)  # on blanks as written: the next step closes some of them
    if " " not in text.text and "\t" not in text.text:  # every space closed up is a space or a tab
        return text
    text = mark_spaced_clauses(text)
    return text.rewrite(_SPACE_IN_NUMBER, lambda match: "")


# Text typed in haste puts a space where a comma goes (由网格员送到每家每户 发放倡议书8000余份): in a line of prose
# of at least WRAP_MIN characters besides blanks, with at least SPACED_CLAUSES single spaces between words and a
# figure, each is a clause's end (a menu of words holds no figure: 首页 新闻 政务 服务). A title or a byline is
# shorter (新冠肺炎 疫情防控); columns are kept apart by ideographic spaces or runs of blanks, and a table's cells are
# read before.
SPACED_CLAUSES = 2
_WORD_GAP = regex.compile(r"(?<=\p{Han}) (?=\p{Han})")
_DIGIT = regex.compile(r"\d")


def _apart(gaps: list[int]) -> int:
    """How many of a line's gaps between words (in order) stand apart, none sharing a character with the one counted
    before it: 索 引 号 is one letter-spaced word, no two clauses."""
    count, last = 0, -3
    for gap in gaps:
        if gap - last >= 3:
            count, last = count + 1, gap
    return count


def mark_spaced_clauses(text: MappedText) -> MappedText:
    """The text with each gap between words of a line typed with spaces for commas (see SPACED_CLAUSES) written as
    a comma (half-width, as the text's own are by then), mapped to the gap; other texts come back as they are."""
    if " " not in text.text or not _WORD_GAP.search(text.text):
        return text
    by_line: dict[tuple[int, int], list[int]] = {}  # the gaps of each line, by its span (one pass over the gaps)
    line = (0, -1)
    for match in _WORD_GAP.finditer(text.text):
        if match.start() > line[1]:  # a new line: found once, however many gaps it holds
            end = text.text.find("\n", match.start())
            line = (text.text.rfind("\n", 0, match.start()) + 1, len(text.text) if end < 0 else end)
        by_line.setdefault(line, []).append(match.start())
    gaps = set()
    for (start, end), found in by_line.items():
        words = text.text[start:end]
        if (_apart(found) >= SPACED_CLAUSES and _DIGIT.search(words)
                and len(words) - words.count(" ") - words.count("\u3000") >= WRAP_MIN):
            gaps.update(found)
    if not gaps:
        return text
    return text.rewrite(_WORD_GAP, lambda match: "," if match.start() in gaps else None)
