"""Matching: which rule claims a quantity, from the words around it and the structure of its noun
phrase, clause and sentence (match_quantity). Takes a compiled RuleSet; knows nothing of files."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from fangkong.numbers.quantities import Quantity, find_quantities

if TYPE_CHECKING:
    from fangkong.rules.words import Hits

# The metric of a quantity no rule claims (rows of --include-other).
from fangkong.rules import model
from fangkong.rules.model import Match, Rule, RuleSet, _timed_out, per_ruleset
from fangkong.rules.punctuation import CLAUSE_ENDS, ITEM_ENDS, SENTENCE_ENDS

# A trigger right after a negation, or a putting off, does not fire: 未接种疫苗, 没有返乡, 无劝返, 暂缓接种.
# (无偿 "free of charge", 不断 "continuously", 非常 "very" are not negations, nor is the 无 of a compound: 无创
# "non-invasive", 无菌 "sterile", 无纺 "non-woven", 无接触 "contactless", 无线 "wireless", 无人机 "drone";
# 不力, 不严, 不实, 不当, 不到位 and 不作为 are words of failing, which lead to the action: 因防控不力被问责8人;
# 毫不犹豫 and 义不容辞 are eagerness: 他毫不犹豫捐款5000元.)
# 非 negates only right before the trigger: 非定向捐赠174.3万元 names a kind of gift.
_NEGATION = regex.compile(
    r"(?:(?:未|没有|没|尚未|暂缓|推迟|拒绝|无(?!偿|创|菌|纺|接触|线|人机)|不(?!断|停|间断|少|仅|但|力|严|实|当|到位|作为|犹豫|容辞))\p{Han}{0,2}"
    r"|非(?!常))$")
# A fault right after an action says it was done badly (劝导不及时, 排查不到位, 值守不力): the action names a failing of
# those counted (对2名劝导不及时的村干部进行约谈), not a count of it.
_FAULT_AFTER = regex.compile(r"不(?:及时|到位|力|严|实|细|细致|彻底|规范|认真|严格|扎实|落实)")
# In Chinese the counted noun usually follows the measure word (47名志愿者); a trigger before the
# number counts as this many characters farther away.
BEFORE_PENALTY = 3
# A noun that names what is counted stands close before its number (标语54条, 志愿者就达到120余人);
# farther back it is usually the subject of another verb (专班共计对全镇10个村).
NOUN_BEFORE_WINDOW = 4
# A trigger outside the number's clause (for rules whose scope is the sentence or paragraph)
# counts as this many characters farther away than one inside it.
OUTSIDE_CLAUSE_PENALTY = 8
# The number and its measure word between an item naming a kind and the noun after them (5个, 十二支)
MEASURE_AND_NUMBER = 8
# (等 may close the list first: 督查问责等6个工作组)
_DIGITS_TO_MEASURE = regex.compile(r"等?[0-9０-９一二两三四五六七八九十百千万余多几]+\p{Han}{0,2}")
# The items of a 、-list after the one the trigger ends, up to the number (督查问责、复工复产9个工作组): short names
_LATER_KINDS = regex.compile(r"(?:、\p{Han}{1,8}){0,12}")
# A word of each opens a clause (均已, 已全部) within this many characters of its start.
EACH_OPENING = 3
# No rule looks further than this from its number, however long the clause, sentence or
# paragraph (a page of one unpunctuated line): keeps matching linear in the text's length.
REACH = 400
# A trigger that governs a number through the list it heads counts as this many characters farther.
LIST_PENALTY = 2
# The noun phrase a number counts runs from its measure word to the next separator; a noun trigger in it
# after a 的-phrase (12名来自县直各单位的下沉党员) or quote marks (156个“先锋岗”) is its head however long the
# modifier, up to this many characters from the number.
NOUN_PHRASE_REACH = 24
# `exclude_after` words must follow the number within this many characters, before any separator.
EXCLUDE_AFTER_REACH = 4
_SEPARATOR = regex.compile(f"[{ITEM_ENDS}]")
# what may end a bare total: a separator, or the bracket of an aside (组建志愿服务队15支（共计320人）)
_TOTAL_END = regex.compile(f"[{ITEM_ENDS})）]")
# a semicolon closes a statement: a word after it is no verb or noun of a number before it
_STATEMENT_END = regex.compile(r"[;；]")
_STATEMENT_OR_SENTENCE_END = regex.compile(f"[;；{SENTENCE_ENDS}]")
_LAST_SENTENCE_END = regex.compile(f"[{SENTENCE_ENDS}]", regex.REVERSE)
def _search(pattern: regex.Pattern | None, text: str, start: int, end: int, hits: Hits | None = None) -> bool:
    """True where `pattern` matches wholly inside text[start:end]; looked up in `hits` (the text's scan) where given."""
    if pattern is None or end <= start:
        return False
    try:
        if hits is not None and (found := hits.search(pattern, start, end)) is not None:
            return found
        return pattern.search(text, start, end, timeout=model.MATCH_TIMEOUT) is not None
    except TimeoutError:
        _timed_out(pattern)
        return False


def _overlapped(pattern: regex.Pattern | None, text: str, start: int, end: int, hits: Hits | None = None,
                timeout: float | None = None) -> list[tuple[int, int]]:
    """The spans of `pattern.finditer(text, start, end, overlapped=True)`, from `hits` where they can tell; none for
    no pattern (a word list a rule set without the shipped defaults leaves empty: load_rules(defaults=False))."""
    if pattern is None:
        return []
    if hits is not None and (spans := hits.spans(pattern, start, end)) is not None:
        return spans
    return [m.span() for m in pattern.finditer(text, start, end, overlapped=True, timeout=timeout)]


# How many characters of modifier may stand between a measure word and the noun of people it counts (湖北返乡 + 人员)
PEOPLE_MODIFIER_REACH = 4
PERSON = frozenset({"person"})
_PROMOTED = frozenset({"person", "count"})  # no measure word is of both: a count of things made one of people


def in_people_measure(ruleset: RuleSet, quantity: Quantity) -> bool:
    """True where the count is in a measure word of things that may count people (个: 志愿者十来个)."""
    return ruleset.people_measures is not None and ruleset.people_measures.fullmatch(quantity.unit) is not None


def counts_people(ruleset: RuleSet, text: str, quantity: Quantity, limit: int, hits: Hits | None = None) -> bool:
    """True where `quantity`, in a measure word of things that may count people (个), has a noun of people right
    after it or after a short modifier of Han characters with no function word (20个返乡村民, 10多个外地人), and
    that noun is the head: no longer place noun starts after the measure word (12个村民小组 counts groups), no
    longer noun at the noun of people, no noun or quoted name right after it (156个村级党员责任区, 156个村级党员
    “责任区” count duty areas), and the noun of people names no group (9个工作队 counts teams).
    Counts in a measure word of people already (20名) are not asked."""
    if ruleset.people_nouns is None or quantity.unit_classes & _PEOPLE or not in_people_measure(ruleset, quantity):
        return False
    if _people_before_a_bare_count(ruleset, text, quantity, limit, hits):
        return True
    if (copula := _COPULA_AFTER.match(text, quantity.end, limit)) is not None and _word_at(
            ruleset.people_nouns, text, copula.end(), limit, hits) is not None:
        return True  # 剩下五个都是志愿者: the count is of the people its copula names, as spoken
    end = min(limit, quantity.end + RELATIVE_OF_PEOPLE_REACH + 8)
    for start, stop in _overlapped(ruleset.people_nouns, text, quantity.end, end, hits):
        if (start - quantity.end > PEOPLE_MODIFIER_REACH or not _MODIFIER_RUN.fullmatch(text, quantity.end, start)
                or _search(ruleset.function_words, text, quantity.end, start, hits)) and not _a_relative_of_people(
                    ruleset, text, quantity.end, start, hits):
            return False
        place = _word_at(ruleset.places, text, quantity.end, limit, hits)
        if place is not None and (place[1] > stop or place[1] <= start):
            return False  # 12个村民小组: a place; 5个村由党员值守: places, a noun of people after them
        if text.startswith(_OPENING_QUOTES, stop):
            return False  # 156个村级党员“责任区”: the quoted name right after is the head
        if ruleset.group_nouns is not None and _ends_at(ruleset.group_nouns, text, stop, hits):
            return False  # 9个工作队: a noun of people that names a group counts groups
        # nouns are head-final: a longer noun from there, or one right after, names what is counted
        # (156个村级党员责任区 counts duty areas)
        longer = _word_at(ruleset.nouns, text, start, limit, hits)
        if longer is not None and longer[1] > stop:
            return False
        # a noun right after is the head, people themselves where it is one of people (7个大学生志愿者)
        return (_word_at(ruleset.nouns, text, stop, limit, hits) is None
                or _word_at(ruleset.people_nouns, text, stop, limit, hits) is not None)
    return False


# How many characters a modifier closed by 的 may run between 个 and the noun of people it counts
# (九个六十岁以上的老党员)
RELATIVE_OF_PEOPLE_REACH = 12
_RELATIVE_OF_PEOPLE = regex.compile(f"[^{CLAUSE_ENDS}的]{{1,{RELATIVE_OF_PEOPLE_REACH - 1}}}的")


def _a_relative_of_people(ruleset: RuleSet, text: str, start: int, end: int, hits: Hits | None) -> bool:
    """True where text[start:end], between 个 and a noun of people, is a modifier closed by 的 that names no thing a
    count in 个 may count (a place, a post, a body): 九个六十岁以上的老党员, 143个外省归来的人员 count people;
    三个检查站的值班人员, 12个社区的志愿者 count posts and communities."""
    return (_RELATIVE_OF_PEOPLE.fullmatch(text, start, end) is not None
            and not any(_search(pattern, text, start, end, hits)
                        for pattern in (ruleset.nouns, ruleset.places, ruleset.destinations)))


_OPENING_QUOTES = ("“", '"', "「", "『", "‘", "《")
# Adverbs between a noun and the copula that leads its count (志愿者已经有186个了), and the particles a bare count may
# end in (有186个了)
_ADVERB_BEFORE_COPULA = regex.compile(r"(?:已经|已|都|也|还|就|才|一共|总共|共)?")
_FINAL_PARTICLES = ("了", "啦", "呢", "吧")
_COPULA_LEAD = regex.compile(r"(?:一共有|总共有|共有|有|是|为|达到|达|共计|一共|总共|共)$")
_HAVING_LEAD = regex.compile(r"(?:共有|现有)$")  # (not 有 alone: 人员有 …, and 在有 of 所有 is no verb)


def _people_before_a_bare_count(ruleset: RuleSet, text: str, quantity: Quantity, limit: int,
                                hits: Hits | None) -> bool:
    """True where a count in 个 with nothing after it but a final particle follows a noun of people, right after it or
    after a copula (有, 是, 共有 …) (志愿者十来个, 报名的志愿者已经有186个了, 党员有12个): the count is of those people,
    as spoken."""
    if quantity.end < limit and _HAN_CHAR.match(text, quantity.end) and not text.startswith(
            _FINAL_PARTICLES, quantity.end):
        return False
    found = _COPULA_LEAD.search(text, max(0, quantity.start - 4), quantity.start)
    lead = quantity.start if found is None else found.start()  # (or the noun right before: 志愿者十来个)
    # (not a noun of people that names a group: 工作队155个 counts teams; but a group's members are people: 队员十六个)
    return any(_ADVERB_BEFORE_COPULA.fullmatch(text, end, lead) and (
        (_ends_at(ruleset.people_nouns, text, end, hits)
         and not (ruleset.group_nouns is not None and _ends_at(ruleset.group_nouns, text, end, hits)))
        or (ruleset.member_nouns is not None and _ends_at(ruleset.member_nouns, text, end, hits)))
               for end in range(lead, max(0, lead - 2) - 1, -1))


_MODIFIER_RUN = regex.compile(r"\p{Han}*")  # none at all too: 30个村民
# A copula right after a bare count, an adverb of all before it (五个都是, 三个全是)
_COPULA_AFTER = regex.compile(r"(?:都|全|全部|均)?是")


# The longest part marker (按来源地分 …), for how far back one covering a trigger's start may begin.
MARKER_MAX = 6


def _starts_inside_a_marker(ruleset: RuleSet, text: str, t_start: int, hits: Hits | None) -> bool:
    """True where a trigger at `t_start` starts inside a part marker: the word is the marker's, not the trigger's
    (其中药店139家: 其中 then 药店, no 中药)."""
    return ruleset.part_markers is not None and any(
        s < t_start < e for s, e in _overlapped(ruleset.part_markers, text, max(0, t_start - MARKER_MAX),
                                                 t_start + MARKER_MAX, hits))


def _inside_a_title(text: str, t_start: int, t_end: int, limit: int) -> bool:
    """True where a trigger at [t_start, t_end) stands inside a title in 《》 that closes before `limit` and does not
    end it: the title is one name, its head its last word (分发《用工信息汇编》两万份 counts compilations, no 信息)."""
    opening = text.rfind("《", max(0, t_start - TITLE_MAX), t_start)  # (no search where no title opens before it)
    title = _TITLE.match(text, opening, limit) if opening >= 0 else None
    return title is not None and t_end < title.end() - 1


TITLE_MAX = 40  # the longest title _TITLE reads


def _triggers(rule: Rule, text: str, start: int, end: int, hits: Hits | None = None) -> list[tuple[int, int]]:
    if end <= start:
        return []
    try:
        spans = _overlapped(rule.triggers, text, start, end, hits, model.MATCH_TIMEOUT)
    except TimeoutError:
        _timed_out(rule.triggers)
        return []
    if not spans:
        return spans
    spans = [(s, e) for s, e in spans if not _FAULT_AFTER.match(text, e)]
    negated = [(s, e) for s, e in spans if _NEGATION.search(text, max(0, s - 4), s)]
    if not negated:
        return spans
    # a word inside a negated word is negated too (未落实居家隔离: its 隔离 as well)
    return [(s, e) for s, e in spans if not any(ns <= s and e <= ne for ns, ne in negated)]


def _distance(quantity: Quantity, t_start: int, t_end: int, shared: bool = False) -> int:
    """Characters between a trigger and a quantity, plus BEFORE_PENALTY on the side its kind of
    trigger seldom stands: a noun before the number (it usually follows: 47名志愿者), an action
    after it (it usually precedes: 排查返乡人员86人)."""
    if t_end <= quantity.start:
        return quantity.start - t_end + (0 if shared else BEFORE_PENALTY)
    return max(0, t_start - quantity.end) + (BEFORE_PENALTY if shared else 0)


# Numbers coordinated (1000只和900只口罩) share their noun, and so do two counts of one thing side by
# side (突击队14个162人).
_CONJUNCTION = regex.compile(r"\s*(?:和|及|与|或|以及|、)\s*")
_SIDE_BY_SIDE = regex.compile(r"\s*(?:和|及|与|或|以及|、)?\s*")
_LIST_SEPARATOR = "、"
_ETC = "等"  # what closes a list the number after it totals
_ITEM_OPENINGS = ("、", "(", "（")  # what opens an item of its own inside a clause: a 、, or the bracket of an aside
# What joins a number to the next item of its list: a 、 (the item's label before it), a conjunction, or nothing
# (52户148名居民, counts side by side).
# (a conjunction after the number's own short noun too: 把2000公斤草莓和1.5吨西兰花送到…)
_JOINED_ITEM = regex.compile(
    rf"[^{CLAUSE_ENDS}]*、[^{CLAUSE_ENDS}]*|\s*\p{{Han}}{{0,10}}?(?:和|及|与|以及|或|带|带领|加)[^{CLAUSE_ENDS}]*|\s*")


_CLOSING_QUOTES = "”’\"」』"
# The marks that close a title or a quoted name: the noun inside ends right before one.
_NAME_CLOSERS = "》" + _CLOSING_QUOTES
# A conjunction right after a number, then the modifiers of a noun (2000份及宣传标语)
_CONJOINED = regex.compile(rf"\s*(?:和|及|与|以及)[^{ITEM_ENDS}\d]{{0,6}}")
# A number with a noun of its own, then 的, right before the trigger: it stands in a modifier of the trigger
# (17000名来自350多个不同团体的义工 counts volunteers, not groups).
_IN_A_MODIFIER = regex.compile(rf"\p{{Han}}[^{ITEM_ENDS}]{{0,8}}的")


# A number starting right here: a noun before it labels that number (价值15000元), it is no head of its own.
_NUMBER_NEXT = regex.compile(r"[约近超逾]?[0-9０-９一二两三四五六七八九十百千万]")
# A value that modifies the noun after it (50箱价值15000余元的A4纸): 价值 before the number, 的 after it.
_VALUE_BEFORE = regex.compile(r"(?:价值|总价|市值|价值约|价值近)$")


def _a_value_modifier(text: str, other: Quantity, t_start: int) -> bool:
    """True where `other` is a value inside the noun phrase: 价值 … 的 right around it, the trigger soon after."""
    return (_VALUE_BEFORE.search(text, max(0, other.start - 4), other.start) is not None
            and text.startswith("的", other.end) and t_start - other.end <= 8)


def _owned_elsewhere(ruleset: RuleSet, text: str, quantity: Quantity, t_start: int, t_end: int,
                    others: list[Quantity], rule: Rule, hits: Hits | None = None) -> bool:
    """True where a noun trigger belongs to another number of the clause.

    It does when another number stands between it and this one (24个行政村43个执勤卡点: 卡点 is the
    43's), unless the two numbers are merely coordinated (1000只和900只口罩) or this one totals the other,
    of a unit the rule does not count (志愿者两批共计230人); when it stands in
    another item of a 、-list that has a number of its own (宣传车3辆、喇叭8个); and when a number right after
    it is nearer, in a unit `rule` counts (30名青年志愿者10件防护衣: the 件 counts no volunteers).
    """
    lo, hi = (t_end, quantity.start) if t_end <= quantity.start else (quantity.end, t_start)
    item_start = text.rfind(_LIST_SEPARATOR, max(0, t_start - 200), t_start) + 1
    item_start = item_start or max(0, t_start - 200)
    item_end = text.find(_LIST_SEPARATOR, t_end, t_end + 200)
    item_end = t_end + 200 if item_end < 0 else item_end
    quantity_in_item = item_start <= quantity.start and quantity.end <= item_end
    for other in others:
        if other is quantity:
            continue
        # a count between in a unit the rule cannot count, which this number totals, owns nothing of it (志愿者两批共计
        # 230人: the 批 count no volunteers; 接收捐款7263笔、金额412.8万元: the 笔 count no sum)
        totalled = (lo <= other.start and other.end <= quantity.start and not counts_unit(rule, other.unit_classes,
                                                                                             other.unit)
                    and _search(ruleset.totalling_words, text, other.end, quantity.start, hits))
        if lo <= other.start and other.end <= hi and not totalled:
            gap = (quantity.end, other.start) if other.start >= quantity.end else (other.end, quantity.start)
            if not _SIDE_BY_SIDE.fullmatch(text, *gap) and not _IN_A_MODIFIER.fullmatch(text, other.end, t_start) \
                    and not _a_value_modifier(text, other, t_start) and not (
                        # a count the rule cannot count inside a 的-modifier of this number's noun (排查出近14天有湖北
                        # 旅居史的员工23人: the 14天 says which staff)
                        not counts_unit(rule, other.unit_classes, other.unit)
                        and _OF_MODIFIER_TO_NUMBER.fullmatch(text, other.end, quantity.start)):
                return True
        if not quantity_in_item and item_start <= other.start and other.end <= item_end and not totalled:
            return True
        if (_nearer_beyond(quantity, other, t_start, t_end) and not _CONJUNCTION.fullmatch(text, t_end, other.start)
                and counts_unit(rule, other.unit_classes, other.unit)):
            return True
    return False


# from a count inside a modifier to the number the modified noun is counted by: 的 ends the modifier, no clause ends
_OF_MODIFIER_TO_NUMBER = regex.compile(r"[^,，。;；:：、\n]*的\p{Han}{0,8}")
_PEOPLE = frozenset({"person", "person-times"})
_COUNTED_AS_DOERS = _PEOPLE | {"household"}  # counts whose negation says they did not do it (12户未…)
_LEVEL = "级"
_LOCATIVES = ("内", "里", "中", "外")  # after a place, where (区内, 村里): no noun of its own


def _where_they_are_from(text: str, quantity: Quantity, place_end: int) -> bool:
    """True where a count of people has a place right after its measure word that a locative follows (30名区内中学生
    志愿者, 30名村里的志愿者): the place says where they are from, it is no noun of the number's."""
    return bool(quantity.unit_classes & _PEOPLE) and text.startswith(_LOCATIVES, place_end)


_GE = "个"
_MONEY = "money"
# How far after a noun trigger the head of its compound may start (广播 + 电视 + 平台).
HEAD_AFTER = 3


def _modifies_another_head(ruleset: RuleSet, text: str, t_start: int, t_end: int, limit: int,
                           hits: Hits | None, groups: bool = False) -> bool:
    """True where a noun trigger is a modifier in a compound headed by a noun no rule counts, or (`groups`, for
    a count of things) by a group noun: Chinese compounds are head-final, so 8个乡镇广播电视平台 counts
    platforms, not loudspeakers, and 20个党员先锋队 teams, not party members."""
    heads = [pattern for pattern in (ruleset.other_heads, ruleset.group_nouns if groups else None) if pattern]
    # the head may start inside the trigger and run past it (流动宣传 + 宣传队: 14个党员流动宣传队 counts teams)
    for at in range(t_start + 1, min(limit, t_end + HEAD_AFTER + 1)):
        if not _HAN_CHAR.match(text, at) or (at >= t_end and text[at] in _NOT_A_MODIFIER):
            return False  # (a preposition after the trigger opens a phrase of its own: 志愿者在超市入口, no compound)
        for pattern in heads:
            head = _word_at(pattern, text, at, limit, hits)
            if head is not None and head[1] > t_end:
                return True
    return False


def _opens_next_item(text: str, quantity: Quantity, t_start: int, t_end: int, others: list[Quantity]) -> bool:
    """True where an action after the number opens the next item of a list, which has a number of its own
    (杀虫药物1668.2公斤、清理卫生死角680处: 清理 governs the 680). An action after a list's last number
    governs the list (口罩2000个、手套500双，捐赠给卫生院)."""
    if not _SEPARATOR.search(text, quantity.end, t_start):
        return False
    end = _SEPARATOR.search(text, t_end, t_end + REACH)
    end = end.start() if end else t_end + REACH
    return any(t_end <= other.start < end for other in others)


def _nearer_count_between(rule: Rule, text: str, quantity: Quantity, t_start: int, others: list[Quantity],
                          hits: Hits | None = None) -> bool:
    """True where an action after the number has another number of its units nearer, in a phrase of its own, not an
    item of one list with this number (扬州疫情两次反弹，今日130万人核检: the test counts the 130万, not the 两次;
    口罩2000个、手套500双，捐赠给卫生院 governs both), nor one the rule's own exclude_before refuses (已为1.3万名
    从业人员完成两剂次疫苗接种: the 两剂次 names the course, and the shots count the 1.3万)."""
    return any(quantity.end <= other.start and other.end <= t_start
               and not _JOINED_ITEM.fullmatch(text, quantity.end, other.start)
               and counts_unit(rule, other.unit_classes, other.unit)
               and not (rule.exclude_before is not None and _ends_at(rule.exclude_before, text, other.start, hits))
               for other in others)


def _nearer_beyond(quantity: Quantity, other: Quantity, t_start: int, t_end: int) -> bool:
    """True where a noun trigger after `quantity` has `other` right after it, nearer than `quantity`.

    In 17个村设立检查点34个 the 检查点 is the 34's, not the 17's. Only this way round: in
    两箱口罩共2000只 the 口罩 before 2000 is still the 2000's too.
    """
    if t_start >= quantity.end and other.start >= t_end:
        return other.start - t_end < t_start - quantity.end
    return False


def _within_reach(span: tuple[int, int], quantity: Quantity) -> tuple[int, int]:
    return max(span[0], quantity.start - REACH), min(span[1], quantity.end + REACH)


def _nearby(quantities: list[Quantity], quantity: Quantity) -> list[Quantity]:
    """The quantities (in text order) that start within REACH of `quantity`."""
    lo = bisect_left(quantities, quantity.start - REACH, key=lambda q: q.start)
    hi = bisect_right(quantities, quantity.end + REACH, key=lambda q: q.start)
    return quantities[lo:hi]


# What ends the noun phrase a number counts: a separator, or the end of a sentence.
_PHRASE_END = _SEPARATOR
# A list of modifiers closed by 等 before the head noun: 党员、网格员、退役军人等(志愿者).
_COORDINATED = regex.compile(f"[^{CLAUSE_ENDS}]*等")
# A noun that opens a 等-list after the number: a list separator right after it, then 等 (党员、网格员等志愿者), not
# a 等 farther on in the clause's verb phrase (志愿者协助开展秩序维护、扫码登记等工作).
_A_MEMBER = regex.compile(f"\\s*[、和及与][^{CLAUSE_ENDS}]*等")
# A conjunction, then a few words with no number: a second modifier joined to the noun before it, the head after it
# (机关和企事业单位 before 党员干部).
_JOINED_MODIFIER = regex.compile(f"[和及与][^\\d{CLAUSE_ENDS}]{{1,8}}")
# (and, in a count of people, 、: 1380名机关、企事业单位在职党员; in a count of things it joins whole items,
# 36个检测点、核酸采样小组)
_JOINED_PEOPLE_MODIFIER = regex.compile(f"[和及与、][^\\d{CLAUSE_ENDS}]{{1,8}}")
# Marks that stand inside a noun phrase without being part of any word: quotes and title marks.
_QUOTES = regex.compile(r"[“”‘’\"'《》〈〉「」『』]")


def _head_gap(text: str, quantity: Quantity, t_start: int, noun_end: int | None = None) -> int | None:
    """Characters between a number and a noun trigger after it, counted as the noun phrase's structure says.

    In the noun phrase after the measure word, a modifier ending in 的 and quote marks are not distance:
    in 12名来自县直各单位的下沉党员 the 党员 is 2 characters from the number, in 6个“党员先锋岗” 0; nor is a
    list closed by 等 (80多名党员、网格员、退役军人等志愿者). A noun of the lexicon right after the measure word
    (ending at `noun_end`) is what is counted, so a 的 after it starts no modifier (18个检测点位的物资). None where
    the trigger is not in the number's noun phrase (a separator between them) or lies beyond
    NOUN_PHRASE_REACH; then the plain distance applies.
    """
    if t_start - quantity.end > NOUN_PHRASE_REACH:
        return None
    if _COORDINATED.fullmatch(text, quantity.end, t_start):
        return 0  # 80多名党员、网格员、退役军人等志愿者: a list closed by 等 names the head after it
    if _PHRASE_END.search(text, quantity.end, t_start):
        return None
    if noun_end is not None and noun_end > quantity.end and "的" in text[noun_end:t_start]:
        return None  # 18个检测点位的物资: the number counts the noun before the 的
    if quantity.unit == _GE and "的" in text[quantity.end:t_start]:
        return None  # 两个科室的同事, 350多个团体的义工: 个 with a 的-phrase counts what stands before the 的
    start = text.rfind("的", quantity.end, t_start) + 1 or quantity.end
    return max(0, t_start - start - len(_QUOTES.findall(text, start, t_start)))


_MEASURED = frozenset({"mass", "volume", "area", "money"})


def _an_article(quantity: Quantity) -> bool:
    """True for a plain 1 before its noun (1名网格员, 1个出入口): an article, "a", not a count. Counted
    ones stand after their noun (诫勉谈话1人) or under a verb that governs them (捐赠了1吨)."""
    # (a weight or volume is a measure, never an article, and its value is converted: 2000斤 is 1 吨)
    return (quantity.value == 1 and quantity.value_high is None and quantity.qualifier == "exact"
            and quantity.unit_classes.isdisjoint(_MEASURED))


# A count's noun, then a joiner, right before a number: the number is the next item of a list of counts.
_NEXT_ITEM = regex.compile(rf"[^{CLAUSE_ENDS}\d]{{0,12}}(?:、|和|及|与|以及)")


def _listed_after_a_count(text: str, quantity: Quantity, others: Sequence[Quantity]) -> bool:
    """True where the number is the next item after another count of its list (2箱口罩、1桶消毒液): a 1 there counts
    one, as its neighbour counts two (not after a 1 that is an article itself: 有1名网格员和1名党员)."""
    return any(other.end <= quantity.start and not _an_article(other)
               and _NEXT_ITEM.fullmatch(text, other.end, quantity.start) for other in others)


# The particle of a thing done, between a verb and what it governs (捐赠了1台, 均设立了卡点): part of the verb.
_PERFECTIVE = "了"


# One thing of a kind, then a conjunction, right before a number (1个物资交接点和): the number is joined to that item
_ONE_BEFORE_AND = regex.compile(r"[一1][个处座家间台辆名位]\p{Han}{1,8}?(?:和|及|与|以及|、)$")
ONE_ITEM_REACH = 14


def _governed_by_context(ruleset: RuleSet, rule: Rule, text: str, quantity: Quantity, hits: Hits | None) -> bool:
    """True where a context word of `rule` (its verb), or a verb of setting up, ends right before the number, or
    before 了 there: the one is counted, not an article (捐赠1辆救护车, 捐赠了1台呼吸机, 设置1个检查卡点); or a
    preposition of what undergoes an action does (对1名乡镇干部给予诫勉谈话: the one dealt with)."""
    start = quantity.start
    if (item := _ONE_BEFORE_AND.search(text, max(0, start - ONE_ITEM_REACH), start)) is not None:
        start = item.start()  # 设置了1个物资交接点和1个防疫检查点: the verb governs the item the second is joined to
    before = start - len(_PERFECTIVE)
    at = before if before >= 0 and text.startswith(_PERFECTIVE, before) else start
    return any(pattern is not None and _ends_at(pattern, text, at, hits)
               for pattern in (rule.context, ruleset.setting_up_verbs)) or (
        rule.shared and ruleset.patient_markers is not None
        and (_ends_at(ruleset.patient_markers, text, quantity.start, hits)
             # or a 的-modifier between (对履职不力的1名村党支部书记给予诫勉谈话)
             or (text.startswith(_OF, quantity.start - 1) and _PATIENT_MODIFIER.search(
                 text, max(0, quantity.start - PATIENT_MODIFIER_REACH), quantity.start) is not None
                 and _search(ruleset.patient_markers, text, max(0, quantity.start - PATIENT_MODIFIER_REACH),
                             quantity.start, hits))))


# How long the noun of a fronted object (对37名中高风险地区返乡人员，…) may run from its number to its clause's end.
FRONTED_NOUN_REACH = 16
SUBJECT_PREFIX = 2  # characters of a level before an authority opening a clause (镇纪委, 县纪委)
FRONTED_ADVERBIAL = 4  # characters of when or how before the verb acting on a fronted object (第一时间, 返岗前)


def _carried_into(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int],
                  sentence: tuple[int, int], hits: Hits | None) -> tuple[int, int] | None:
    """The clauses after the number's, as a span, where the number ends its clause and each of them opens with a
    verb of carrying out (进行, 实施, 全部 …) whose object the number is: 密接者317人，进行集中隔离医学观察;
    返乡人员110人，全部逐户上门宣传，实行居家隔离. Else None; so where the next clause counts its own object
    (密切接触者190人，实施居家隔离3145人). A number led in by a preposition of what undergoes the action (对) may
    have its noun between it and the clause's end: 对37名中高风险地区返乡人员，全部落实集中隔离 fronts the object."""
    if ruleset.carrying_verbs is None or clause[1] >= sentence[1]:
        return None
    object_fronted = _search(ruleset.patient_markers, text, clause[0], quantity.start, hits)
    # a next clause in the passive has no subject of its own: the people the number counts undergo it
    # (12名因旅游旺季滞留的外地游客，被苏木统一安排在牧家乐集中隔离观察)
    passive = bool(ruleset.undergoing_markers is not None and quantity.unit_classes & _PEOPLE
                   and _word_at(ruleset.undergoing_markers, text, clause[1] + 1, sentence[1], hits) is not None
                   and _people_phrase(ruleset, text, quantity.end, clause[1], hits))
    if (clause[1] - quantity.end > 1
            and not (clause[1] - quantity.end <= FRONTED_NOUN_REACH and (object_fronted or passive))
            and not (ruleset.arrival_phrases is not None and _arrives(ruleset, text, quantity.end, clause[1]))
            and not _IDENTIFIED.fullmatch(text, quantity.end, clause[1])
            and not _CAUSE_REST.fullmatch(text, quantity.end, clause[1])):
        return None
    fronted = ruleset.authorities is not None and object_fronted
    carried = None
    start = clause[1] + 1
    while start < sentence[1]:
        found = _SEPARATOR.search(text, start, sentence[1])
        end = found.start() if found else sentence[1]
        opening = start
        verb_found = _word_at(ruleset.carrying_verbs, text, opening, end, hits) is not None or (
            passive and carried is None)
        if (carried is None and not verb_found and ruleset.authorities is not None
                and text.startswith(_AGENT_MARK, start)):
            # the clause may name who acts on the number first, after 由 (返乡人员58人，由社区落实居家医学观察)
            verb_found = _carried_out_by(ruleset, text, start + len(_AGENT_MARK), end, hits, named=True)
        if fronted and carried is None and not verb_found:
            # a fronted object's clause may be followed by who acts on it (对…的两名网格员，街道进行了约谈; 镇纪委) and
            # when or how (对这7人，村里第一时间落实了居家隔离; 对…9名护理员，返岗前一律在机构外居家隔离)
            verb_found = _carried_out_by(ruleset, text, start, end, hits, named=False)
        if not verb_found or find_quantities(text, start, end):
            break
        carried = (carried[0] if carried else start, end)
        start = end + 1
    return carried


def _carried_out_by(ruleset: RuleSet, text: str, start: int, end: int, hits: Hits | None, *, named: bool) -> bool:
    """True where text[start:end] opens with an authority (within SUBJECT_PREFIX characters of `start`) and a verb of
    carrying out follows it within FRONTED_ADVERBIAL characters (街道进行了约谈, 村里第一时间落实了居家隔离). Unless
    the authority must be `named`, the verb may also follow `start` itself with none."""
    agent = next((e for s, e in _overlapped(ruleset.authorities, text, start, min(end, start + 8), hits)
                  if s - start <= SUBJECT_PREFIX), None)
    if agent is None:
        if named:
            return False
        agent = start
    return any(s - agent <= FRONTED_ADVERBIAL for s, _ in _overlapped(
        ruleset.carrying_verbs, text, agent, min(end, agent + FRONTED_ADVERBIAL + 4), hits))


_AGENT_MARK = "由"  # who does what the clause says, named first (由社区落实居家医学观察)
_PEOPLE_WORD = regex.compile(r"人家|人员|人")
# Why, right after a count, before a passive or an adverb and the action (2人因与确诊病例同乘一趟列车被转运集中隔离):
# the reason is no distance between the people and what was done to them
_CAUSE_WORDS = r"(?:因为?|由于)[^,，。;；:：!?！？\d]"  # 因 or 由于, then its reason, within the clause
_CAUSE = regex.compile(_CAUSE_WORDS + r"{1,24}?(?=被|已|均|都|全部|随即)")
# The rest of the number's clause giving why, after a short noun (5户村民因为是次密接，按要求居家隔离): the next
# clause's action is done to them
_CAUSE_REST = regex.compile(r"[^,，。;；:：!?！？\d]{0,6}?" + _CAUSE_WORDS + r"{1,24}")
# The rest of the number's clause saying who they are (14人被判定为密接、次密接; 3人为密切接触者): the next clause's
# action is done to them all the same
_IDENTIFIED = regex.compile(
    r"(?:被?(?:判定|认定|确定|确认|列为|判为|划为|定为)为?|为|是|系|属于)[^,，;；。:：\d]{1,14}")


# What may stand between a number and the part marker that opens its parts (物资共计1.27万件，其中…; 110吨（其中…）
_BEFORE_PARTS = regex.compile(r"\s*[（(，,]?\s*")
_PART_PIECE = regex.compile(r"[^，,、；;。！？!?）)\n]+")
_CLOSING_BRACKET = regex.compile(r"[）)]")


def _parts_told_after(ruleset: RuleSet, text: str, quantity: Quantity, sentence: tuple[int, int],
                      hits: Hits | None) -> list[tuple[int, int]] | None:
    """Where a part marker (其中) opens right after the number: for each part told after it in the sentence (up to a
    closing bracket), the words before the part's own number (区指挥部下拨 in 其中区指挥部下拨7200件): they say where
    that part came from. None where no part marker follows the number."""
    if ruleset.part_markers is None:
        return None
    opening = _BEFORE_PARTS.match(text, quantity.end, sentence[1])
    marker = _word_at(ruleset.part_markers, text, opening.end(), sentence[1], hits)
    if marker is None:
        return None
    statement = _STATEMENT_END.search(text, marker[1], sentence[1])  # (a semicolon ends the parts)
    end = statement.start() if statement else sentence[1]
    if text[quantity.end:opening.end()].strip() in ("（", "("):
        closing = _CLOSING_BRACKET.search(text, marker[1], end)
        end = closing.start() if closing else end
    # (a piece with no number of its own is no part: ……，全部用于购置口罩 says what the whole was used for)
    return [(piece.start(), counts[0].start) for piece in _PART_PIECE.finditer(text, marker[1], end)
            if (counts := find_quantities(text, piece.start(), piece.end()))]


# What may stand between a comma after a count of people and the verb of joining or becoming that says what they did:
# adverbs, and whom they followed (……35名社员，也跟着他当起了志愿者; 9名外卖骑手，全部报名当了志愿者)
_BEFORE_JOINING = regex.compile(r"\s*(?:也|都|均|全部|全都|还|又|先后|纷纷|主动|自愿|自发|跟着\p{Han}{1,2}?|随后)*")


def _becomes_next(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int],
                  sentence: tuple[int, int], hits: Hits | None) -> int | None:
    """Where a count of people ends its clause with its noun (35名社员，) and the next clause opens, after adverbs
    (_BEFORE_JOINING), with a verb of joining or becoming (报名, 当起, 成为, 加入): the end of that clause, whose
    noun says what the people became. None otherwise (the comma between a subject and its verb is no boundary)."""
    if ruleset.joining_verbs is None or clause[1] >= sentence[1] or not _people_phrase(
            ruleset, text, quantity.end, clause[1], hits):
        return None  # (a count with no noun of people of its own, 3200人，, names no one who could join)
    opening = _BEFORE_JOINING.match(text, clause[1] + 1, sentence[1])
    if _word_at(ruleset.joining_verbs, text, opening.end(), sentence[1], hits) is None:
        return None
    found = _SEPARATOR.search(text, opening.end(), sentence[1])
    return found.start() if found else sentence[1]


def _arrives(ruleset: RuleSet, text: str, start: int, end: int) -> bool:
    """True where the rest of the number's clause says the people came back (人从中高风险地区回来, 户人家从外地回来)."""
    found = _PEOPLE_WORD.match(text, start)
    return ruleset.arrival_phrases.fullmatch(text, found.end() if found else start, end) is not None


# a verb of growing to a size, between a group's noun and the count of its members (队伍扩充至320人), after an adverb of
# how (队伍迅速壮大到335名)
_GROWN_TO = regex.compile(
    r"(?:迅速|很快|逐步|逐渐|不断|现已|目前已|已经|已|也)?(?:扩充|扩大|增加|增|发展|壮大|扩编|充实)(?:至|到)了?")
# between a count of teams and the count of their members (队伍12支、共计146人, 突击队14个162人)
_TEAM_SIZE_GAP = regex.compile(r"[、,，]?(?:共计|共有|共|合计|总计|计)?")


# What someone did before, in a modifier of the noun that names them (参加过1998年抗洪抢险的退役军人何建平捐出1000元):
# a 过 or 曾 of experience before the campaign's word, a 的 after it; the campaign is who they are, not the topic
_EXPERIENCE_BEFORE = regex.compile(r"(?:过|曾经?)[^,，。;；:：!?！？]{0,10}$")
_MODIFIER_AFTER = regex.compile(r"[^,，。;；:：!?！？]{0,8}?的")


def _in_someones_past(text: str, start: int, end: int, span: tuple[int, int]) -> bool:
    """True where the campaign's word at text[start:end] tells what someone did before, in a 的-modifier (above)."""
    return (_EXPERIENCE_BEFORE.search(text, max(span[0], start - 12), start) is not None
            and _MODIFIER_AFTER.match(text, end, span[1]) is not None)


def _off_topic(ruleset: RuleSet, text: str, span: tuple[int, int], hits: Hits | None) -> bool:
    """True where `span` names another campaign and no word of the epidemic (topic scope); once a span a text."""
    if hits is not None and (key := ("off_topic", span)) in hits.memo:
        return hits.memo[key]
    answer = (_search(ruleset.off_topic, text, *span, hits) and not _search(ruleset.on_topic, text, *span, hits)
              and any((ruleset.body_heads is None or _word_at(ruleset.body_heads, text, end, span[1], hits) is None)
                      and not _in_someones_past(text, start, end, span)
                      for start, end in _overlapped(ruleset.off_topic, text, *span, hits)))
    if hits is not None:
        hits.memo[key] = answer
    return answer


# What ends the words right after a number: a separator, or the bracket of an aside, which glosses the number
# (口罩2.6万只（县医药商会）: who gave them, no noun of the number's); not one that converts it, whose words are
# about the number itself (5万欧元（折合人民币38.6万元）)
_SEPARATOR_OR_ASIDE = regex.compile(rf"[{ITEM_ENDS}]|[(（](?!\s*(?:折合|约合|合|相当于))")
# A short quoted word (“两新”, “红马甲”): a name, no separator.
_QUOTED_WORD = regex.compile(r"“[^“”\n]{1,6}”")


def _before_separator(text: str, start: int, limit: int) -> int:
    """The end of the EXCLUDE_AFTER_REACH characters after `start`, cut at the first separator or aside; a title right
    there is one name, read to its end however long (送去上万份《致居民的一封信》: its head 信 is what is counted),
    and a short quoted word right there is no distance (130余家“两新”组织: the 组织 is as near as in 130余家组织)."""
    title = _TITLE.match(text, start, limit)
    quoted = None if title else _QUOTED_WORD.match(text, start, limit)
    end = title.end() if title else min(limit, (quoted.end() if quoted else start) + EXCLUDE_AFTER_REACH)
    found = _SEPARATOR_OR_ASIDE.search(text, start, end)
    return found.start() if found else end


def _right_after(ruleset: RuleSet, text: str, start: int, limit: int, hits: Hits | None) -> int:
    """The end of the words right after a number that may veto it: EXCLUDE_AFTER_REACH characters, cut at a
    separator or a preposition of a recipient (防护服200件给医院: the 医院 gets the suits). A noun of the lexicon that
    starts right there is read to its end, however long (4个核酸采样点: its head 点 says what is counted)."""
    end = _before_separator(text, start, limit)
    if ruleset.nouns is not None and (noun := _word_at(ruleset.nouns, text, start, limit, hits)) is not None:
        end = max(end, noun[1])
    if ruleset.recipient_markers is None or end <= start:
        return end
    markers = _overlapped(ruleset.recipient_markers, text, start, end, hits)
    return markers[0][0] if markers else end


def governed_as_well(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int],
                     sentence: tuple[int, int], matched: Match, paragraph: tuple[int, int] | None = None,
                     others: list[Quantity] | None = None, hits: Hits | None = None) -> Match | None:
    """A second claim on a number that a later clause's action claimed (`matched`, carried into that clause) where a
    verb of another metric governs it from before (排查一般接触人员112人，落实居家隔离: screened, and isolated);
    None where the claim was made in the number's own clause, or nothing else governs it."""
    if matched.trigger_start < clause[1]:
        return None
    before = match_quantity(ruleset, text, quantity, clause, sentence, paragraph, others, hits=hits, carried=False)
    if before is None or before.rule.metric == matched.rule.metric or before.trigger_end > quantity.start:
        return None
    return before


def carried_as_well(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int],
                    sentence: tuple[int, int], matched: Match, hits: Hits | None = None) -> Match | None:
    """A second claim on a part of a total (其中, after a part marker in its clause) whose next clause carries an
    action out on all of it (其中湖北返乡人员23人，均已落实居家隔离): the part is one of those screened, as its total
    says (`matched`), and those the action was done to, a fact of the action's rule too. None where the number is no
    such part, or the action's rule is `matched`'s metric."""
    if ruleset.part_markers is None or not _search(ruleset.part_markers, text, clause[0], quantity.start, hits):
        return None
    carried = _carried_into(ruleset, text, quantity, clause, sentence, hits)
    if carried is None or not _opens_with_each(ruleset, text, carried, hits):
        return None
    for rule in ruleset.rules:
        if (rule.shared and rule.metric != matched.rule.metric and rule.units & quantity.unit_classes
                and (spans := _carried_triggers(rule, text, carried, hits))
                and not _excluded(rule, text, clause, quantity, *spans[0], sentence, hits, None, ruleset)):
            return Match(rule, *spans[0], spans[0][0] - quantity.end)
    return None


def _opens_with_each(ruleset: RuleSet, text: str, carried: tuple[int, int], hits: Hits | None) -> bool:
    """True where the clause that carries an action out on a number opens with a word of each (均已, 全部)."""
    return ruleset.each_markers is not None and _search(
        ruleset.each_markers, text, carried[0], min(carried[1], carried[0] + EACH_OPENING), hits)


def _carried_triggers(rule: Rule, text: str, carried: tuple[int, int], hits: Hits | None) -> list[tuple[int, int]]:
    """The triggers of `rule` within its window of the start of the clause that carries an action out on a number, but
    for those an `exclude` word of the rule leads in that clause (3人，已全部解除隔离: released, not isolated)."""
    spans = _triggers(rule, text, carried[0], min(carried[1], carried[0] + rule.window), hits)
    return [(s, e) for s, e in spans if not _search(rule.exclude, text, carried[0], e, hits)] if spans else spans


# Who says what follows, opening a paragraph: 据了解，据统计，据广州驻大方帮扶工作组介绍，
_ATTRIBUTION = regex.compile(r"据[^,，。;；\n]{0,16}?(?:介绍|了解|统计|悉|称|透露|报道)[,，]\s*")


def _paragraph_pointed_back_to(ruleset: RuleSet, text: str, paragraph: tuple[int, int],
                               hits: Hits | None) -> tuple[int, int] | None:
    """The span of the paragraph before `paragraph` where `paragraph` opens with a word that points back (这批物资,
    该批, 上述); None otherwise."""
    opening = _first_word_at(text, *paragraph)
    if (said := _ATTRIBUTION.match(text, opening, paragraph[1])) is not None:
        opening = said.end()  # (据帮扶工作组介绍，这批物资包括……: who says so first)
    if ruleset.anaphora is None or _word_at(ruleset.anaphora, text, opening, paragraph[1], hits) is None:
        return None
    end = paragraph[0]
    while end > 0 and text[end - 1].isspace():  # (back over the blank lines between: no copy of the text before)
        end -= 1
    if end == 0:
        return None
    return text.rfind("\n", 0, end) + 1, end


def _clause_start(text: str, sentence_start: int, position: int) -> int:
    """Where the clause that `position` stands in opens: after the last clause mark before it in its sentence."""
    opened = _LAST_CLAUSE_END.search(text, sentence_start, position)
    return opened.end() if opened else sentence_start


def _excluded(rule: Rule, text: str, clause: tuple[int, int], quantity: Quantity, t_start: int, t_end: int,
              sentence: tuple[int, int], hits: Hits | None = None,
              paragraph: tuple[int, int] | None = None, ruleset: RuleSet | None = None) -> bool:
    """True where an `exclude` word stands in the clause before the number or its trigger, or just after
    the later of the two (1名村民核酸检测结果: 检测结果 follows the trigger). Farther on it is another
    phrase's word (捐款2.34万元给……工作人员购买保险: the 购买 is the receivers'). With `exclude_scope =
    "sentence"` (or "paragraph") anywhere in the sentence (paragraph). An `exclude_unless` word after the
    number in the sentence lifts the veto (购买口罩2000个捐赠给……: bought, then given). Where a word of the rule
    set's `purposes` follows the number right away, the words after it say what the amount was for
    (捐款5000元用于购买防疫物资): only those before it can veto."""
    if rule.exclude_scope != "clause":
        searched = _span(rule.exclude_scope, clause, sentence, paragraph or sentence)
    else:
        end = max(quantity.end, t_end) + EXCLUDE_AFTER_REACH
        if (t_end <= quantity.start and ruleset is not None
                and _word_at(ruleset.purposes, text, quantity.end, clause[1], hits) is not None):
            end = quantity.end
        lo = _own_item(rule, text, clause, quantity, t_start)
        if t_start < clause[0]:
            # a trigger in an earlier clause brings its own clause's words (解除隔离（人）本周41人，累计176人: 解除)
            lo = _clause_start(text, sentence[0], t_start)
        elif clause[0] > sentence[0] and text[clause[0] - 1] in "：:":
            # the items of a list after a colon take the words of the clause that leads it (发放物资：口罩1.6万只、
            # 防护服40套: handed out)
            lo = _clause_start(text, sentence[0], clause[0] - 1)
        if t_end <= quantity.start and (next_item := text.find(_LIST_SEPARATOR, quantity.end, end)) >= 0:
            end = next_item  # the next item of a 、-list is another's (登记车辆315辆次、劝返人员61人: its 劝返)
        searched = (lo, min(clause[1], end))
    hit = _search(rule.exclude, text, *searched, hits)
    heads = ruleset.other_heads if ruleset is not None else None
    titled = hit and text.find("《", *searched) >= 0
    if hit and (heads is not None or titled):
        # a word inside a title is part of a name (印制《蔬菜收购防疫须知》2000份), and one right before a head no
        # metric counts modifies it (两家社区团购平台捐来蔬菜包480个: a platform that gave): no action of the sentence
        titles = [found.span() for found in _TITLE.finditer(text, *searched)] if titled else []
        hit = any(not any(a <= s and e <= b for a, b in titles)
                  and (heads is None or _word_at(heads, text, e, clause[1], hits) is None)
                  for s, e in _overlapped(rule.exclude, text, *searched, hits))
    if rule.exclude_scope == "clause":
        if hit and rule.exclude_unless is not None and (found := _overlapped(rule.exclude, text, lo, quantity.start,
                                                                               hits)):
            # a word of the exception nearer the number than the last veto, in a verb phrase of its own after a
            # recipient (给, 向 …) or a word of what was done next (并, 然后), governs it: procured, then given
            # (爱心人士多方筹措 给指挥部送去了鲜鱼1000斤, 采购并捐赠口罩3万只); not 发放慰问品300份
            veto_start, veto_end = max(found, key=lambda span: span[1])
            unless = _overlapped(rule.exclude_unless, text, veto_end, quantity.start, hits)
            if unless and ruleset is not None and (any(
                    _search(markers, text, veto_end, unless[-1][0], hits)
                    for markers in (ruleset.recipient_markers, ruleset.then_markers))
                    # (or the veto word is part of the recipient's name: 向储备库无偿捐赠, a store, not stockpiling)
                    or _search(ruleset.recipient_markers, text, max(0, veto_start - 1), veto_start, hits)):
                return False
    if not hit or rule.exclude_unless is None:
        return bool(hit)
    # the words after a part marker speak of the part (发放口罩3000只，其中捐赠口罩1000只: only the 1000 were given);
    # those after a semicolon, of another statement (配送蔬菜包2300余份；爱心企业向街道捐赠方便面400箱)
    statement = _STATEMENT_END.search(text, quantity.end, sentence[1])
    unless_end = statement.start() if statement else sentence[1]
    if ruleset is not None and ruleset.part_markers is not None and (
            parts := _overlapped(ruleset.part_markers, text, quantity.end, sentence[1], hits)):
        unless_end = min(start for start, _ in parts)
    return not any(not _has_own_count(ruleset, text, end, sentence[1], hits)
                   for _, end in _overlapped(rule.exclude_unless, text, quantity.end, unless_end, hits))


def _has_own_count(ruleset: RuleSet | None, text: str, end: int, limit: int, hits: Hits | None) -> bool:
    """True where a word that ends at `end` governs a count of its own after it in its clause, not through a
    preposition of a recipient (……，并组织6家企业向中小企业捐赠抗原检测试剂1万份: the gift is the 1万份, not what
    was allocated before it; 采购口罩2000个捐赠给5家医院 and 购买物资36吨，无偿送到12个乡镇 give what was bought)."""
    found = _CLAUSE_END.search(text, end, limit)
    clause_end = found.start() if found else limit
    if ruleset is not None and ruleset.recipient_markers is not None and _word_at(
            ruleset.recipient_markers, text, end, clause_end, hits) is not None:
        return False
    # a count of places, posts or bodies after it is where the gift went (无偿送到全县12个乡镇的隔离点, 送到镇里7个卡点)
    return any(ruleset is None or _word_at(ruleset.destinations, text, found.end, clause_end, hits) is None
               for found in find_quantities(text, end, clause_end))


def _own_item(rule: Rule, text: str, clause: tuple[int, int], quantity: Quantity, t_start: int) -> int:
    """Where `exclude` words start to count: the clause's start, or, for an action that opens the number's own
    item of a 、-list or its own aside in brackets, that item's start (张贴、发放宣传材料38500份、推送信息23条: the 张贴
    is another item's; 发放口罩3000只（其中捐赠口罩1000只）: the 发放 is the total's)."""
    if not rule.shared or t_start >= quantity.start or t_start < clause[0]:
        return clause[0]
    item = max(text.rfind(mark, clause[0], quantity.start) for mark in _ITEM_OPENINGS) + 1
    return item if item and item <= t_start else clause[0]


def _word_at(pattern: regex.Pattern | None, text: str, at: int, limit: int,
             hits: Hits | None = None) -> tuple[int, int] | None:
    """A word of `pattern` starting at `at` (a noun right after a measure word: 5个行政村, 30名居民; a verb
    opening a clause), as a span, or None."""
    if pattern is None:
        return None
    spans = hits.spans(pattern, at, min(limit, at + 8)) if hits is not None else None
    if spans is not None:
        return spans[0] if spans and spans[0][0] == at else None
    try:
        found = pattern.match(text, at, min(limit, at + 8), timeout=model.MATCH_TIMEOUT)
    except TimeoutError:
        _timed_out(pattern)
        return None
    return found.span() if found else None


# A character between a place noun and a noun trigger that makes the place no modifier of the trigger: in
# 3个村级卡点 the 级 joins them, in 3000名居民在志愿者… the 在 does not, nor an opening quote (214个行政村“村村响”).
_NOT_A_MODIFIER = frozenset("在对向为给和与及的“‘「『《")


def _in_trigger(rule: Rule, text: str, noun: tuple[int, int], hits: Hits | None) -> bool:
    """True where the noun after a measure word is one of the rule's own triggers (卡点3个卡点 names it twice)."""
    return any(s <= noun[0] and noun[1] <= e for s, e in _triggers(rule, text, noun[0], noun[1] + 8, hits))


def _has_own_noun(ruleset: RuleSet, text: str, quantity: Quantity, limit: int, hits: Hits | None) -> bool:
    """True where a Han character right after the measure word starts a noun, no function word (5名社长, not
    5名和 or 5名在)."""
    return (quantity.end < limit and _HAN_CHAR.match(text, quantity.end) is not None
            and _word_at(ruleset.function_words, text, quantity.end, limit, hits) is None)


_HAN_CHAR = regex.compile(r"\p{Han}")


def _in_a_phrase_of(ruleset: RuleSet, text: str, subject: tuple[int, int] | None, t_start: int, before: bool,
                    hits: Hits | None) -> bool:
    """True where a noun trigger after the number is not what it counts, because people counted as themselves
    head the phrase: 3000多名居民在志愿者的引导下 (the 志愿者 in their 在-phrase), 两位老人听说…医护人员 (another
    clause's noun). A verb of joining between them makes the people what the trigger names: 30名居民报名组建
    志愿队 counts volunteers."""
    if subject is None or before or t_start <= subject[1]:
        return False
    if text[subject[1]] in _NOT_A_MODIFIER:
        return True
    between = text[subject[1]:t_start]
    if len(between) < 2 or _modifiers_only(ruleset, between):
        return False  # 居民服务微信群, 群众志愿服务队: the people are a modifier of the compound
    return not _search(ruleset.joining_verbs, text, subject[1], t_start, hits)


# What joins the members of a list of people (镇村干部、民警、医护人员; 民警和医护人员), and how long a member may be.
_MEMBER_JOIN = regex.compile(r"[、和及与]")
# 等, then a general noun of people or none, right before the number: the end of a list of people (综合执法等人员)
_LIST_CLOSE = regex.compile(r"等(?:人员|人)?$")
MEMBER_MAX = 8
# The longest head that makes one noun with an action right before it (检测+机构, 援助+热线)
COMPOUND_HEAD = 2
_CLAUSE_END = regex.compile(f"[{CLAUSE_ENDS}]")


def _people_phrase(ruleset: RuleSet, text: str, start: int, end: int, hits: Hits | None) -> bool:
    """True where text[start:end] is one noun phrase of people running up to a count: no mark between clauses, no
    word that ends a phrase (均, 已, 了 …), a noun of people right at its end (密切接触者、重点人员 before 4100余人),
    or at the end of a quoted name there (发热病人、密切接触者等“四类人员”53人)."""
    if end - start > 1 and text[end - 1] in _CLOSING_QUOTES:
        end -= 1
    return (ruleset.people_nouns is not None and not _CLAUSE_END.search(text, start, end)
            # (a whole word of them: 人员, not only the 人 of it, which the look-up by position would find)
            and any(ruleset.people_nouns.fullmatch(text, at, end) for at in range(max(start, end - MEMBER_MAX), end))
            and not _breaks_phrase(ruleset, text, start, end, hits))


# The most characters of an adverb between the noun phrase of people a number counts and their verb (主动, 自发地)
ADVERB_MAX = 3


def _people_then_act(ruleset: RuleSet, text: str, start: int, t_start: int, hits: Hits | None) -> bool:
    """True where text[start:t_start], from the measure word to a verb, is one noun phrase of people and a short
    adverb at most: the people are its subject, however long their modifiers (320余名返乡乡贤和非公经济人士主动报名)."""
    return any(_people_phrase(ruleset, text, start, end, hits) and not _CLAUSE_END.search(text, end, t_start)
               for end in range(t_start, max(start + 1, t_start - ADVERB_MAX - 1), -1))


def _for_others(ruleset: RuleSet, text: str, start: int, t_start: int, hits: Hits | None) -> bool:
    """True where, between a count of people (ending at `start`) and an action after it (at `t_start`), a preposition
    of those served (the rule set's `serving_markers`) leads a noun of people: the counted do the action to them
    (两名村民正在给过往群众测体温)."""
    if ruleset.people_nouns is None or ruleset.serving_markers is None or _CLAUSE_END.search(text, start, t_start):
        return False
    return any(_search(ruleset.people_nouns, text, end, t_start, hits)
               for _, end in _overlapped(ruleset.serving_markers, text, start, t_start, hits))


# How far after an action the people it is done to may end (登记 + 进出人员)
OBJECT_REACH = 6


def _acts_on_people(ruleset: RuleSet, text: str, start: int, t_end: int, limit: int, hits: Hits | None) -> bool:
    """True where an action after a count of people (ending at `start`), in the same clause, has people of its own
    as its object right after it (2名大学生每天在卡点登记进出人员, 3名党员劝返群众): the counted do it to them. The
    object is a noun of the population (群众, 居民 …) or 人员 after a modifier; 人员 right after the action makes one
    compound (202名居家隔离人员), and a noun of volunteers is what they take part in (参与志愿服务)."""
    if ruleset.subjects is None or _CLAUSE_END.search(text, start, t_end):
        return False
    at = _past_perfective(text, t_end)
    end = min(limit, at + OBJECT_REACH)
    # (a 的 there makes the action a modifier of the noun after it, which names the counted: 202名居家隔离的市民)
    if (cut := _OBJECT_CUT.search(text, at, end)) is not None:
        end = cut.start()
    return bool(_overlapped(ruleset.subjects, text, at, end, hits)) or _MODIFIED_STAFF.match(text, at, end) is not None


_MODIFIED_STAFF = regex.compile(r"\p{Han}{1,4}?人员")
_OBJECT_CUT = regex.compile(f"[{ITEM_ENDS}的]")


def _more_people_listed(ruleset: RuleSet, text: str, start: int, end: int, hits: Hits | None) -> bool:
    """True where text[start:end] goes on with more members of a list of people right up to the number (、民警、医护人员
    before 136名): the number counts them all, the trigger's members among them."""
    if ruleset.people_nouns is None or end - start < 2 or not _MEMBER_JOIN.match(text, start):
        return False
    # a word of totalling, or 等 and a general noun of people, may close the list (兽医、医生共计210人,
    # 公安、交警、综合执法等人员860余人次)
    if (closing := _LIST_CLOSE.search(text, start + 1, end)) is not None:
        if closing.end() - closing.start() > 1:
            # (人员 after 等 makes staff of every member, a force or a department: 公安、交警、综合执法等人员)
            return all(0 < len(member) <= MEMBER_MAX
                       for member in _MEMBER_JOIN.split(text[start + 1:closing.start()]))
        end = closing.start()
    elif ruleset.totalling_words is not None and (total := _before_word_at(ruleset.totalling_words, text, end,
                                                                             hits)) < end:
        end = total
    position = start + 1
    for member in _MEMBER_JOIN.split(text[start + 1:end]):
        position += len(member)
        if not 0 < len(member) <= MEMBER_MAX or not _ends_at(ruleset.people_nouns, text, position, hits):
            return False
        position += 1
    return True


def _another_noun_first(ruleset: RuleSet, text: str, quantity: Quantity, noun: tuple[int, int] | None,
                        t_start: int) -> bool:
    """True where the noun right after the measure word is what the number counts and a noun trigger farther
    on is another phrase's: 18个检测点位的物资 counts sites. Not where the trigger is that noun or continues
    its compound within a character or through modifiers (3个村级卡点, 5名党员志愿者, 14个党员流动宣传队)."""
    if noun is None or t_start <= noun[0]:
        return False
    noun_end = _past_aside(text, noun[1], t_start)
    if t_start - noun_end < 2:
        return False
    if _COORDINATED.fullmatch(text, quantity.end, t_start):
        return False  # 80多名党员、网格员、退役军人等志愿者: the noun is a member of a list the trigger heads
    if (_JOINED_PEOPLE_MODIFIER if quantity.unit_classes & _PEOPLE else _JOINED_MODIFIER).fullmatch(
            text, noun_end, t_start):
        return False  # 3860名机关和企事业单位党员干部: two modifiers joined, then the head
    if quantity.unit_classes & _PEOPLE and ruleset.people_nouns is not None and any(
            start == noun_end and end == t_start for start, end in _overlapped(ruleset.people_nouns, text, noun_end,
                                                                              t_start)):
        return False  # 600余名企业员工志愿者: people of a body, then what they are as counted (head-final)
    return not _modifiers_only(ruleset, text[noun_end:t_start])


def _modifiers_only(ruleset: RuleSet, text: str) -> bool:
    """True where `text` is one modifier of the lexicon or two in a row (服务, 志愿服务, 联防值守)."""
    return text in ruleset.modifiers or any(
        text[:i] in ruleset.modifiers and text[i:] in ruleset.modifiers for i in range(1, len(text)))


# an aside in brackets, of any script, no sentence in it: （社区）, （75%）, （“大白”“小蓝”）, (NaClO, 有效氯含量≥5%)
BRACKET_ASIDE = regex.compile(r"[(（][^()（）\n。；;！？]{1,24}[)）]")
BRACKET_ASIDE_MAX = 26  # the longest BRACKET_ASIDE, its brackets included
_TITLE = regex.compile(r"《[^《》\n]{1,40}》")  # (TITLE_MAX)
_ASIDE = regex.compile(r"[(（](?:\p{Han}{1,6}|[\p{Han}“”‘’\"]{1,10}|[\w.%％+\-]{1,6})[)）]")


def _past_aside(text: str, end: int, limit: int) -> int:
    """Where a noun ending at `end` ends with the short aside in brackets that may name it again (小区(院落),
    村(社区)): the aside is part of the noun, no distance to what follows."""
    if end >= limit or text[end] not in "(（":
        return end
    aside = _ASIDE.match(text, end, limit)
    return aside.end() if aside else end


def _counts_places(ruleset: RuleSet, text: str, place: tuple[int, int] | None, before: bool,
                   t_start: int, t_end: int, hits: Hits | None = None) -> bool:
    """True where a noun trigger does not name what the number counts because places do.

    The number counts the place noun after it (5个行政村纷纷成立党员突击队, 小组从辖区六个镇入手) unless the
    trigger follows the place noun within a character (3个村级卡点); and a trigger inside a longer place
    noun (小组 in 7个村民小组) names that place.
    """
    if place is not None:
        place_end = _past_aside(text, place[1], t_start)
        if t_start != place[0] and (before or t_start - place_end >= 2 and not _modifiers_only(
                ruleset, text[place_end:t_start]) or (t_start > place_end and text[place_end] in _NOT_A_MODIFIER)):
            return True  # (12个楼栋保供微信群: a place, then modifiers of the trigger, names the groups)
    if ruleset.places is None:
        return False
    return any(s <= t_start and t_end <= e and e - s > t_end - t_start
               for s, e in _overlapped(ruleset.places, text, max(0, t_start - 4), t_end + 4, hits))


# How far after its verb of setting up the noun set up at each place may start (均设立“疫情防控检查站”: its modifiers)
EACH_REACH = 8
# Places that end their clause (…7个路口处，), a comma, then the next clause: a word of each may open it.
# (the next clause may name the places again, each: 保留出入口93个，每个出入口均设置检查点)
_CLAUSE_TURN = regex.compile(r"处?\s*[,，]\s*(?:每[个处条]?\p{Han}{0,3}?(?=[均都全各]))?")


def _entrances_set_up(ruleset: RuleSet, text: str, quantity: Quantity, reach: int, limit: int,
                      hits: Hits | None) -> int | None:
    """Where ways in are counted (4个主要出入口) and a verb of setting up follows their noun at once (设立), the end
    of that verb: each way in sets one up. None otherwise."""
    if ruleset.entrances is None or ruleset.each_markers is None:
        return None
    for start, end in _overlapped(ruleset.entrances, text, quantity.end, reach, hits):
        if _SEPARATOR.search(text, quantity.end, start):
            break
        # (a word of each may stand between: 11个小区出入口全部设置值守点, 2个进出路口全部设卡)
        if (each := _word_at(ruleset.each_markers, text, end, limit, hits)) is not None:
            end = each[1]
        verb = _word_at(ruleset.setting_up_verbs, text, end, limit, hits)
        if verb is not None:
            return _past_perfective(text, verb[1])
    return None


def _past_perfective(text: str, at: int) -> int:
    """`at`, or past a 了 that stands there (设立了)."""
    return at + len(_PERFECTIVE) if text.startswith(_PERFECTIVE, at) else at


def _each_set_up(ruleset: RuleSet, text: str, quantity: Quantity, place: tuple[int, int] | None, limit: int,
                 hits: Hits | None = None, beyond: int | None = None) -> int | None:
    """Where places are counted (a place noun after the measure word, or after a short modifier: 5个对外路口), and
    right after their noun a word of each and a verb of setting up follow (均设立, 全部配备了), the end of those
    words: what the places each set up then counts as many. None otherwise. With `beyond` (the sentence's end),
    places that end their clause may be followed by the word of each opening the next one (在7个路口处，全部设置了
    执勤卡点)."""
    if ruleset.places is None or ruleset.each_markers is None or ruleset.setting_up_verbs is None:
        return None
    reach = min(limit, quantity.end + EACH_REACH)
    if (entered := _entrances_set_up(ruleset, text, quantity, reach, limit, hits)) is not None:
        return None if _a_total_follows(text, entered, beyond or limit) else entered
    if not _search(ruleset.each_markers, text, quantity.end, min(beyond or limit, quantity.end + EACH_REACH + 8),
                   hits):
        return None  # most numbers: no word of each after them, nothing more to look up
    places = [place] if place is not None else [
        span for span in _overlapped(ruleset.places, text, quantity.end, reach, hits)
        if not _SEPARATOR.search(text, quantity.end, span[0])]
    if not places and beyond is not None and any(
            pattern is not None and _ends_at(pattern, text, quantity.start, hits)
            for pattern in (ruleset.places, ruleset.entrances)):
        # the places named right before a number that ends its clause (共保留出入口22个，均设立值守卡点): the number's
        # end stands for theirs
        places = [(quantity.start, quantity.end)]
    if not places and beyond is not None and ruleset.entrances is not None and (
            way_in := _word_at(ruleset.entrances, text, quantity.end, limit, hits)) is not None:
        places = [way_in]  # (or ways in right after it: 只保留了16个出入口，每个口都设了卡点)
    each = next((found for span in places
                 if (found := _word_at(ruleset.each_markers, text, _past_aside(text, span[1], limit), limit, hits))),
                None)
    if each is None and beyond is not None:
        each = next((found for span in places
                     if (turn := _CLAUSE_TURN.match(text, _past_aside(text, span[1], limit), beyond))
                     and turn.end() > limit
                     and (found := _word_at(ruleset.each_markers, text, turn.end(), beyond, hits))), None)
        limit = beyond
    if each is None:
        return None
    # the verb may follow an adverb of time (均已设立, 都已经配备)
    verbs = [e for s, e in _overlapped(ruleset.setting_up_verbs, text, each[1], min(limit, each[1] + 6), hits)
             if s - each[1] <= 2]
    if not verbs:
        return None
    return None if _a_total_follows(text, verbs[0], beyond or limit) else _past_perfective(text, verbs[0])


def _a_total_follows(text: str, verb_end: int, limit: int) -> bool:
    """True where the clause of a verb of setting up ending at `verb_end` is followed by a total of what was set up
    (11个小区出入口均设置了值守点，共计21处): the total says how many, not one for each place."""
    clause_end = _CLAUSE_END.search(text, verb_end, limit)
    return clause_end is not None and _TOTAL_AFTER.match(text, clause_end.start()) is not None


# A clause's end, then a word of totalling and a number: the total of what the clause before set up.
_TOTAL_AFTER = regex.compile(
    r"[,，]\s*(?:共计|合计|总计|一共|共)(?:设置|设立|设|有|建成|建)?了?\s*[0-9０-９一二两三四五六七八九十百几]")


# The particles of aspect among the phrase breaks: in a modifier that 的 closes they are its verb's
# (12名穿着红马甲的志愿者, 两名参加了培训的党员), while an adverb there says what the counted did
# (两个入口处已排起整齐的队伍)
_ASPECT = frozenset({_PERFECTIVE, "着"})


def _breaks_phrase(ruleset: RuleSet, text: str, start: int, end: int, hits: Hits | None,
                   modifier_end: int = -1) -> bool:
    """True where a word that ends the noun phrase after a number (均, 已, 了 …) stands in text[start:end]; not a 了
    right after a verb of setting up, which is part of the verb (30个收费站设置了咨询服务站, as 设置咨询服务站), nor a
    particle of aspect before `modifier_end`, the 的 closing a modifier of the head."""
    return any(not (text.startswith(_PERFECTIVE, s) and ruleset.setting_up_verbs is not None
                    and _ends_at(ruleset.setting_up_verbs, text, s, hits))
               and not (s < modifier_end and text[s:e] in _ASPECT)
               for s, e in _overlapped(ruleset.phrase_breaks, text, start, end, hits))


# The most characters of a modifier between a verb of sending and the noun of those sent (抽调乡村干部2300余人次)
DEPLOYED_MODIFIER = 4


def _deployed_by_name(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int],
                      hits: Hits | None) -> bool:
    """True where a noun of those who act ends right at the number and a verb of sending stands just before it, a
    short modifier at most between (抽调乡村干部2300余人次巡回劝导: the cadres sent do the persuading)."""
    if ruleset.agent_nouns is None:
        return False
    noun_start = _before_word_at(ruleset.agent_nouns, text, quantity.start, hits)
    if noun_start == quantity.start:
        return False
    return any(noun_start - DEPLOYED_MODIFIER <= end <= noun_start and _MODIFIER_RUN.fullmatch(text, end, noun_start)
               for _, end in _overlapped(ruleset.deploying_verbs, text, max(clause[0], noun_start - 12), noun_start,
                                         hits))


def _ends_at(pattern: regex.Pattern, text: str, position: int, hits: Hits | None = None) -> bool:
    """True where a match of `pattern` ends exactly at `position` (在12个卡点: 在 ends at the 12)."""
    spans = _overlapped(pattern, text, max(0, position - 8), position, hits)
    return bool(spans) and any(e == position for _, e in spans)  # (most windows hold no word: no generator then)


def _before_word_at(pattern: regex.Pattern | None, text: str, position: int, hits: Hits | None = None) -> int:
    """Where the longest word of `pattern` that ends exactly at `position` starts (人员累计7人: the 累 of 累计 before
    the 7), or `position` itself where none ends there."""
    if pattern is None:
        return position
    return min((s for s, e in _overlapped(pattern, text, max(0, position - 8), position, hits) if e == position),
               default=position)


# A colon, then at most a short noun, before a number: the number opens a list announced before the colon.
_COLON_ITEM = regex.compile(r"[:：]\s*[^\s,，、;；。:：]{0,8}$")
COLON_ITEM = _COLON_ITEM  # a colon, then an item's short label before its number
# A clause opened by a verb of including, then an item's short label before its number: a colon in words
# (捐赠了一批防疫物资，包括智能测温门禁8台、植保无人机2架)
_LISTED_ITEM = regex.compile(r"[,，]\s*(?:包括|包含|含有|计有|有)\s*[^\s,，、;；。:：]{0,8}$")
# A heading line (short, no full stop, maybe a colon), then a new line that names its number within a few
# characters, after an item mark: the number opens the list the heading announces (爱心捐款名单⏎张三 500元).
_HEADED_ITEM = regex.compile(
    r"""(?:^|\n)[^\n。!?！？]{1,24}\n          # the heading line
        [ \t　]*(?:[0-9０-９]{1,3}[.、．)）]\s*)?   # an item mark: 1. 2、 3)
        [^\n,，、;；。:：]{0,10}$                # the item's short name before its number
    """, regex.VERBOSE)


def _after_colon(text: str, head: Quantity) -> bool:
    """True where a list's first item follows a colon (收到爱心物资：⏎口罩3000只) or opens the line after a heading
    (爱心捐款名单⏎张三 500元): the verb before heads it."""
    return (_COLON_ITEM.search(text, max(0, head.start - 20), head.start) is not None
            or _HEADED_ITEM.search(text, max(0, head.start - 40), head.start) is not None
            or _LISTED_ITEM.search(text, max(0, head.start - 20), head.start) is not None)


def _list_match(rule: Rule, text: str, head: Quantity, clause: tuple[int, int],
                hits: Hits | None = None) -> Match | None:
    """The nearest trigger of a list rule before the list's first item, in its sentence, or None. None too where the
    rule's exclude_before ends right at the first item: what vetoes the first vetoes the list
    (收到居民需求登记3200余条，办结3150条: requests, both)."""
    if rule.exclude_before is not None and _ends_at(rule.exclude_before, text, head.start, hits):
        return None
    end = _LAST_SENTENCE_END.search(text, max(0, head.start - REACH), head.start)
    lo = max(end.end() if end else 0, head.start - rule.window - 8)
    if _search(rule.exclude, text, lo, head.end + EXCLUDE_AFTER_REACH, hits):
        # an exception lifts the veto within the list's own statement only (购买口罩1万只……；为值守人员购买慰问品: the
        # 慰问 speaks of other goods)
        statement = _STATEMENT_OR_SENTENCE_END.search(text, head.end, head.end + REACH)
        if not _search(rule.exclude_unless, text, head.end, statement.start() if statement else head.end + REACH,
                       hits):
            return None
    spans = [(s, e) for s, e in _triggers(rule, text, lo, head.start, hits) if head.start - e <= rule.window
             and _heads_across_lines(text, e, head.start)]
    if not spans:
        return None
    t_start, t_end = max(spans, key=lambda span: span[1])
    distance = head.start - t_end + LIST_PENALTY + (OUTSIDE_CLAUSE_PENALTY if t_start < clause[0] else 0)
    return Match(rule, t_start, t_end, distance)


# The heading of a list after a colon: a clause of words, no number, ending at the colon (共摸排来返人员：)
_HEADING_BEFORE_COLON = regex.compile(rf"[^{CLAUSE_ENDS}\d０-９]{{1,16}}$")


def _heading_match(rule: Rule, text: str, head: Quantity, quantity: Quantity,
                   hits: Hits | None = None) -> Match | None:
    """The match of an action (a shared rule's trigger) in the heading of a list that opens after a colon, the
    heading a clause of its own with no number (共摸排来返人员：湖北12人、广东36人: each item was screened), within
    the rule's reach before `quantity` (as far as a rule is looked at at all); None where there is none."""
    colon = _COLON_ITEM.search(text, max(0, head.start - 20), head.start)
    if colon is None:
        return None
    heading = _HEADING_BEFORE_COLON.search(text, max(0, colon.start() - 16), colon.start())
    if heading is None:
        return None
    reach, _ = _reach(rule)
    spans = _triggers(rule, text, max(heading.start(), quantity.start - reach), colon.start(), hits)
    if not spans:
        return None
    t_start, t_end = max(spans, key=lambda span: span[1])
    return Match(rule, t_start, t_end, head.start - t_end + LIST_PENALTY)


# What may follow a list's verb on its line where the list starts on the next: a heading's few words and colon, no
# number (收到捐赠物资如下：)
_LINE_HEADING_END = regex.compile(r"[^\n\d０-９]{0,8}\n")


def _heads_across_lines(text: str, t_end: int, head_start: int) -> bool:
    """True where a trigger may head a list whose first item is at `head_start`: on the item's line, or at the end of
    a heading line before it (收到捐赠物资：⏎口罩3000只); not across the end of a line that counts something of its
    own (张三捐款500元支持⏎2条评论)."""
    return text.find("\n", t_end, head_start) < 0 or _LINE_HEADING_END.match(text, t_end) is not None


# 由 … N … 组成: a group made of the people counted. The group is named before 由 or after 组成的.
_COMPOSED_BY = regex.compile(f"由[^{CLAUSE_ENDS}]{{0,16}}$")
# What ends the item before a number within its clause: a list separator.
_ITEM_BREAK = regex.compile(r"[、]")
# A 的-modifier after a preposition of what undergoes an action, right up to a number: 对履职不力的 before 1名.
_PATIENT_MODIFIER = regex.compile(r"对[^,，;；:：。!?！？\d]{1,12}的$")
PATIENT_MODIFIER_REACH = 16
# The mark of the passive: 2名干部被约谈 undergo the action.
_PASSIVE = "被"
# The particle of a modifier: a number right after it stands where the head of its noun phrase was left out.
_OF = "的"
# (the members may be listed: 由216名“团长”、楼组长和居民组成的志愿者队伍, up to another number)
_COMPOSED_OF = regex.compile(f"[^\\d{CLAUSE_ENDS}]{{0,16}}?(组成|构成)(的)?")
GROUP_NAME_REACH = 10
# Verbs of having, between a group or a place and the count of what it has (“红马甲妈妈队”共有46名队员, 全村现有)
HAVING = "(?:共有|现有|有)"
# one right before a count of members: the group is named before it
_HAVING_BEFORE = regex.compile(HAVING + r"\s*$")
# A count of members opens its clause where at most this many characters (共有, 现有, 现有注册) stand before its member
# noun.
MEMBERS_LEAD = 4


def _members_named(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int],
                   hits: Hits | None) -> bool:
    """True where a count of people is one of members named by a member noun alone, at its clause's opening: the
    noun right before the number (队员18人, 共有队员20名) or right after its measure word (共18名队员)."""
    if ruleset.member_nouns is None or not quantity.unit_classes & _PEOPLE:
        return False
    before = _before_word_at(ruleset.member_nouns, text, quantity.start, hits)
    if before < quantity.start:
        return before - clause[0] <= MEMBERS_LEAD
    after = _word_at(ruleset.member_nouns, text, quantity.end, clause[1], hits)
    # (what the members then do may follow: 48名队员常年在界河沿线巡逻; not a 的 that makes them a modifier)
    return (after is not None and quantity.start - clause[0] <= MEMBERS_LEAD + 1
            and (after[1] == clause[1] or text[after[1]] != _OF))


def _group_of_members_told(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int],
                           sentence: tuple[int, int], hits: Hits | None) -> tuple[int, int] | None:
    """The span naming a group, where a bare total of people makes up its clause (_a_bare_total_alone) and the clause
    before opens on the group's members (组建“石榴籽”志愿服务队，队员来自回、汉、满等多个民族，共63人): the clause
    before that one; else None."""
    if (ruleset.member_nouns is None or not quantity.unit_classes & _PEOPLE or clause[0] <= sentence[0]
            or not _a_bare_total_alone(ruleset, text, quantity, clause, hits)):
        return None
    told = _clause_start(text, sentence[0], clause[0] - 1)
    if told <= sentence[0] or not _word_at(ruleset.member_nouns, text, _first_word_at(text, told, clause[0]),
                                           clause[0], hits):
        return None
    return max(_clause_start(text, sentence[0], told - 1), told - NOUN_PHRASE_REACH - 1), told


def _composed_group(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int],
                    sentence: tuple[int, int], hits: Hits | None) -> tuple[int, int] | None:
    """The span that names the group a number's people make up, or None: in a 由 … N … 组成 frame, before 由
    in 志愿者队伍由31名工作人员组成 (at the end of the clause before where 由 opens the number's: 组建了志愿宣传队，
    由41名年轻人组成), after 组成的 in 由65名村民组成的志愿服务队; for a count of members that opens
    its clause (成立义务巡逻队，队员18人; 组建突击队，共有队员20名; 组建服务队，共18名队员), the end of the clause
    before, in its sentence."""
    members = _members_named(ruleset, text, quantity, clause, hits)
    if members and clause[0] > sentence[0]:
        # the clause before, from its start (“老兵志愿服务队”成立于2020年2月，现有队员58名), but not far back
        return max(_clause_start(text, sentence[0], clause[0] - 1), clause[0] - NOUN_PHRASE_REACH - 1), clause[0]
    if not members and (group := _group_of_members_told(ruleset, text, quantity, clause, sentence, hits)):
        return group
    if (not members and ruleset.member_nouns is not None and quantity.unit_classes & _PEOPLE
            and (having := _HAVING_BEFORE.search(text, clause[0], quantity.start)) is not None
            and having.start() > clause[0]
            and _word_at(ruleset.member_nouns, text, quantity.end, clause[1], hits) is not None):
        # the group named in the clause, then how many members it has (“红马甲妈妈队”有46名队员)
        return max(clause[0], having.start() - NOUN_PHRASE_REACH), having.start()
    by = _COMPOSED_BY.search(text, max(clause[0], quantity.start - 17), quantity.start)
    of = _COMPOSED_OF.match(text, quantity.end, clause[1])
    if by is None or of is None or (
            ruleset.role_nouns is not None and _search(ruleset.role_nouns, text, quantity.end, of.start(1), hits)):
        return None  # (members named by a role a metric counts are counted by it: 由32名退休党员组成)
    if of.group(2):
        return of.end(), min(clause[1], of.end() + GROUP_NAME_REACH)
    if (not text[clause[0]:by.start()].strip() and clause[0] > sentence[0]
            and not _search(ruleset.people_nouns, text, by.start(), quantity.start, hits)):
        # 由 opens its clause: the group is named at the end of the clause before (组建了“摩托车志愿宣传队”，由41名
        # 年轻人组成), unless the members are named before their number (由社工背景的义工28名组成: the 义工)
        return max(_clause_start(text, sentence[0], clause[0] - 1), clause[0] - NOUN_PHRASE_REACH - 1), clause[0]
    return max(clause[0], by.start() - GROUP_NAME_REACH), by.start()


def _per_unit(ruleset: RuleSet, text: str, clause: tuple[int, int], quantity: Quantity, others: list[Quantity],
              hits: Hits | None) -> bool:
    """True where a per-unit word (每组, 每份) stands before the number in its clause with no other number between,
    or only the items of a list the number ends (每个卡点配备1名党员、2名志愿者): 每份10个 is a size, not a count; in
    每份20元成本的午餐200余份 the 200 is a count again."""
    if ruleset.per_unit is None:
        return False
    spans = _overlapped(ruleset.per_unit, text, clause[0], quantity.start, hits)
    if not spans:
        return False
    last_end = max(end for _, end in spans)
    return not any(last_end <= other.start and other.end <= quantity.start
                   and not _JOINED_ITEM.fullmatch(text, other.end, quantity.start) for other in others)


def _part_of_a_size(ruleset: RuleSet, text: str, clause: tuple[int, int], sentence: tuple[int, int],
                    quantity: Quantity, hits: Hits | None) -> bool:
    """True where the number is a part (after 包括, 其中) of a per-unit size in an earlier clause of its sentence:
    每个检测点配备36名工作人员，包括12名医务人员，24名保障人员 sizes every point, it counts no one."""
    if ruleset.per_unit is None or ruleset.part_markers is None or clause[0] <= sentence[0]:
        return False
    sizes = _overlapped(ruleset.per_unit, text, sentence[0], clause[0], hits)
    if not sizes:
        return False
    size_end = max(end for _, end in sizes)
    markers = _overlapped(ruleset.part_markers, text, size_end, quantity.start, hits)
    # (not where a count of its own stands between the size and the part: 每组负责3栋楼；……共82人进驻小区，其中……26人
    # is a part of the 82; and the marker stands in the number's clause, or a part of its kind follows the marker in an
    # earlier one, 包括12名医务人员，24名保障人员: 其中一个卡点由员工值守，还发放了……六百余份 is no part)
    if not markers or len(find_quantities(text, size_end, max(start for start, _ in markers))) > 1:
        return False
    marker_end = max(end for _, end in markers)
    return marker_end > clause[0] or any(other.unit_classes == quantity.unit_classes
                                         for other in find_quantities(text, marker_end, clause[0]))


def _planned(ruleset: RuleSet, text: str, start: int, end: int, hits: Hits | None) -> bool:
    """True where a word of a plan stands in text[start:end] and no word of what is done by now after it."""
    plans = _overlapped(ruleset.plans_ahead, text, start, end, hits) if ruleset.plans_ahead is not None else []
    if not plans:
        return False
    return not (ruleset.done_markers is not None
                and _search(ruleset.done_markers, text, max(e for _, e in plans), end, hits))


def _ends_its_clause(text: str, quantity: Quantity, clause: tuple[int, int]) -> bool:
    """True where nothing follows the number's measure word in its clause, up to a separator or the bracket closing
    an aside (组建志愿服务队15支（共计320人）)."""
    return quantity.end >= clause[1] or _TOTAL_END.match(text, quantity.end) is not None


def _a_bare_total(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int],
                  hits: Hits | None) -> bool:
    """True where a word of totalling ends right at the number and nothing follows its measure word in the
    clause (志愿者服务人数达到4847人, 网格员……共有112名), where the clause is made of words of `comment_words`
    alone (……志愿服务队伍，目前已发展到326人), or where it is a short headless relative clause (居民志愿者，报名的有
    2600多人): the number totals a noun named before it."""
    if ruleset.totalling_words is None or not _ends_its_clause(text, quantity, clause):
        return False
    return _ends_at(ruleset.totalling_words, text, quantity.start, hits) or (
        ruleset.comment_words is not None
        and _runs_of(ruleset.comment_words).fullmatch(text[clause[0]:quantity.start].strip()) is not None) or (
        _a_headless_relative(ruleset, text, quantity, clause, hits))


def _a_headless_relative(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int],
                         hits: Hits | None) -> bool:
    """True where the number's clause before it is a short headless relative clause (报名的有2600多人): its verb
    picks out some of the noun named before, and names no count of its own."""
    return (ruleset.relative_counts is not None and quantity.start - _first_word_at(text, *clause) <= RELATIVE_MAX
            and _ends_at(ruleset.relative_counts, text, quantity.start, hits))


# How long a headless relative clause before a number may be (下沉到我们街道的有412名) to count the noun before it
RELATIVE_MAX = 14


@lru_cache(maxsize=16)
def _runs_of(pattern: regex.Pattern) -> regex.Pattern:
    """One or more of `pattern`'s words in a row, and nothing else (fullmatch it)."""
    return regex.compile(f"(?:{pattern.pattern})+", pattern.flags)


def _led_up_to(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int], hits: Hits | None) -> bool:
    """True where nothing follows the number's measure word in its clause and a word of `lead_up_words` ends right at
    the number (党员干部下沉社区达500余人, 参与值守的有300名), or a word of totalling stands before it in the clause, an
    adverb of the verb (党员干部累计下沉社区500余人)."""
    if ruleset.lead_up_words is None or not _ends_its_clause(text, quantity, clause):
        return False
    return _ends_at(ruleset.lead_up_words, text, quantity.start, hits) or _search(
        ruleset.totalling_words, text, clause[0], quantity.start, hits)


def _first_word_at(text: str, start: int, end: int) -> int:
    """Where text[start:end] begins once its leading blanks are passed over."""
    return start + len(text[start:end]) - len(text[start:end].lstrip())


def _opens_clause(pattern: regex.Pattern, text: str, clause_start: int, at: int, hits: Hits | None) -> bool:
    """True where a word of `pattern` ending at `at` is all the clause holds before it (一共有5704元)."""
    start = _first_word_at(text, clause_start, at)
    return any(s == start and e == at for s, e in _overlapped(pattern, text, start, at, hits))


# The parts a total sums, named before its word of totalling (两批合计2.43万元, 以上两笔合计): no noun of its own
_PARTS_SUMMED = regex.compile(r"(?:以上|上述|前述|这)?[两二三四五六七八九十几\d]{1,2}(?:批|次|笔|轮|期)")


def _a_bare_total_alone(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int],
                        hits: Hits | None) -> bool:
    """True where the number is a bare total and its word of totalling opens its clause: the clause holds nothing
    else (……收到各界的捐款。截至目前，一共有5704元; 设立卡点12个、劝返点3个，共计15个), or only the parts it sums
    (……第二批共收到捐款5700元。两批合计2.43万元)."""
    if not _a_bare_total(ruleset, text, quantity, clause, hits):
        return False
    parts = _PARTS_SUMMED.match(text, _first_word_at(text, *clause), quantity.start)
    return _opens_clause(ruleset.totalling_words, text, parts.end() if parts else clause[0], quantity.start, hits)


# The separator that opens the clause a trigger stands in, searched backwards: the last one before it (、 joins
# items, opens nothing).
_LAST_CLAUSE_END = regex.compile(f"[{CLAUSE_ENDS}]", regex.REVERSE)


def _clause_names_its_count(ruleset: RuleSet, text: str, clause: tuple[int, int], quantity: Quantity, said: int,
                            hits: Hits | None) -> bool:
    """True where the number's clause, before `said` (where a word of totalling at the number starts, or the number),
    holds a word of a rule of its unit: it names what it counts or the action on it, so a bare total there takes no
    word from an earlier clause (出动宣传车累计2409次 after 喇叭42个: the vehicles' runs; 登记进出村庄人员累计430人次
    after 劝返车辆80多辆次: people registered). Not the verb of the word of totalling, which repeats the one before
    (告知书……共送了三十八份)."""
    return any(rule.units & quantity.unit_classes and _triggers(rule, text, clause[0], said, hits)
               for rule in ruleset.rules)


def _totals_across(ruleset: RuleSet, text: str, clause: tuple[int, int], quantity: Quantity, rule: Rule,
                   t_start: int, hits: Hits | None) -> bool:
    """True where a bare total may take a noun from an earlier clause of its sentence: its own clause names no
    count of its own (宣传引导人数3889人 counts those guided; a label opening the clause is the noun's: ……防控卡点，
    总数已达43个), and the noun stands in no 、-list (党员、教师、妇女
    队长，一共五十多人 totals the whole list, not its last member) unless the rule names every item of the list
    (赠送了口罩、消毒液等防疫大礼包，共计1023份: all goods). (Nor may it where its own clause holds a word of a
    rule: see _clause_names_its_count, asked once per number.)"""
    if ruleset.count_labels is not None:
        # a label that opens the clause labels the noun before it (……防控卡点，总数已达43个)
        opening = _first_word_at(text, clause[0], quantity.start)
        if any(start != opening for start, _ in _overlapped(ruleset.count_labels, text, clause[0], quantity.start,
                                                           hits)):
            return False
    # a 、 after the noun, or right before it, makes it one member of a list (党员、教师、妇女队长，一共五十多人);
    # a list before a verb is only where it acts (对农贸市场、小区等公共区域消毒52次，共17500平方米)
    if _LIST_SEPARATOR not in text[max(0, t_start - 1):clause[0]]:
        return True
    items = _LIST_ITEM.finditer(text, _clause_start(text, max(0, t_start - LIST_REACH), t_start), clause[0])
    return all(_triggers(rule, text, *item.span(), hits) for item in items)


# How far back from a trigger in a 、-list the list's clause may start; the items of a list
LIST_REACH = 40
_LIST_ITEM = regex.compile(f"[^{CLAUSE_ENDS}{_LIST_SEPARATOR}]+")


def _span(name: str, clause: tuple[int, int], sentence: tuple[int, int],
          paragraph: tuple[int, int]) -> tuple[int, int]:
    return {"clause": clause, "sentence": sentence, "paragraph": paragraph}[name]


def _vetoed(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int], sentence: tuple[int, int],
            others: list[Quantity], hits: Hits | None, heading: tuple[int, int] | None = None,
            outer: tuple[tuple[int, int], ...] = ()) -> bool:
    """True where a veto of every rule holds: a plan or a requirement before the number (in its clause, or for
    `plans_ahead` in its sentence or the `heading` of its section), a per-unit size, another campaign (named in
    the clause or the sentence, or in the heading where the sentence names nothing of the epidemic), a case count
    right after it."""
    if _search(ruleset.exclude, text, clause[0], quantity.start, hits) or _planned(
            ruleset, text, sentence[0], quantity.start, hits) or (
            heading is not None and _search(ruleset.plans_ahead, text, *heading, hits)) or (
            # (the heading above a numbered item's: 六、下周工作重点 over 1.完成剩余51家企业复工评估)
            any(_search(ruleset.plans_ahead, text, *span, hits) for span in outer)):
        return True
    if _per_unit(ruleset, text, clause, quantity, others, hits) or _part_of_a_size(ruleset, text, clause, sentence,
                                                                                   quantity, hits):
        return True
    if _off_topic(ruleset, text, clause, hits) or _off_topic(ruleset, text, sentence, hits) or (
            heading is not None and _off_topic(ruleset, text, heading, hits)
            and not _search(ruleset.on_topic, text, *sentence, hits)):
        return True
    # an item of a list may name another campaign of its own (《疫情防控告知书》8000份、《春耕生产技术明白纸》3000份)
    item_start = max(clause[0], max((found.end() for found in _ITEM_BREAK.finditer(text, clause[0], quantity.start)),
                                    default=clause[0]))
    if item_start > clause[0] and _off_topic(ruleset, text, (item_start, quantity.start), hits):
        return True
    if (_base_of_a_subset(ruleset, text, quantity, others, hits) or _honoured(ruleset, text, quantity, clause, hits)
            or _counts_other_heads(ruleset, text, quantity, clause[1], hits)):
        return True
    return (ruleset.exclude_after is not None and _search(
        ruleset.exclude_after, text, quantity.end, _right_after(ruleset, text, quantity.end, clause[1], hits), hits)
    ) or _did_not(ruleset, text, quantity, clause, hits) or _price_tiers(ruleset, text, quantity, clause[1], hits)


# More sums of a list after a sum, up to where a word of kinds may stand (、100元 before 两种规格)
_MORE_SUMS = regex.compile(r"(?:\s*[、和及或]\s*[\d.,]+[万]?元)*\s*")


def _price_tiers(ruleset: RuleSet, text: str, quantity: Quantity, limit: int, hits: Hits | None) -> bool:
    """True where a sum, alone or with more sums listed after it, is followed by a word of kinds: the sums name price
    tiers (50元、100元两种规格的“爱心礼包”), no sums given."""
    if ruleset.kind_markers is None or _MONEY not in quantity.unit_classes:
        return False
    end = _MORE_SUMS.match(text, quantity.end, limit).end()
    return _word_at(ruleset.kind_markers, text, end, limit, hits) is not None


# A cause right before a negation, up to it (因长期卧病在床 before 未参加)
_CAUSE_BEFORE = regex.compile(_CAUSE_WORDS + r"{1,16}$")
# How far after a negation a 的 makes it part of a modifier of the noun (未落实索证索票制度的冷库企业负责人)
NEGATED_MODIFIER_REACH = 16
_OF_IN_CLAUSE = regex.compile(f"[^{CLAUSE_ENDS}]*?的")


def _did_not(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int], hits: Hits | None) -> bool:
    """True where a negation stands right after a count of people or households, or right after the noun phrase of
    people it counts: they did not do what follows (有31人未纳入台账, 发现2名卡口值守人员未在岗). Not where a 的 follows
    the negation closely in its clause: the negation then sits in a modifier of the noun
    (对2名未落实索证索票制度的冷库企业负责人进行约谈)."""
    if ruleset.negations is None or not quantity.unit_classes & _COUNTED_AS_DOERS:
        return False
    negated = _overlapped(ruleset.negations, text, quantity.end, min(clause[1], quantity.end + NOUN_PHRASE_REACH), hits)
    if not negated:
        return False
    at = negated[0][0]
    # (a cause may stand before the negation: 支部其余2名党员因长期卧病在床未参加)
    cause = _CAUSE_BEFORE.search(text, quantity.end, at)
    doers_end = cause.start() if cause is not None else at
    if doers_end > quantity.end and not (quantity.unit_classes & _PEOPLE and _people_phrase(
            ruleset, text, quantity.end, doers_end, hits)):
        return False
    return _OF_IN_CLAUSE.match(text, negated[0][1], min(clause[1], negated[0][1] + NEGATED_MODIFIER_REACH)) is None


# The most characters from a measure word to the end of the head of its noun (2个集中隔离观察点的物资)
HEAD_REACH = 10
# What may follow the head of the number's noun: 的, a conjunction, the end of an item or clause
_AFTER_HEAD = regex.compile(f"[的和及与等{ITEM_ENDS}]|[^\\p{{Han}}]|$")


def _counts_other_heads(ruleset: RuleSet, text: str, quantity: Quantity, limit: int, hits: Hits | None) -> bool:
    """True where the noun right after the measure word ends in a head no metric counts (`other_heads`) before a
    的, a conjunction or the end of its item: the number counts those (2个集中隔离观察点的物资保障, 送到6个物资保障点,
    8个乡镇广播电视平台), whatever trigger stands near. The noun runs in Han characters with no function word or
    phrase break (口罩送到中转站 is a gift delivered)."""
    if ruleset.other_heads is None or not _PEOPLE.isdisjoint(quantity.unit_classes):
        return False  # people counted do things at sites (志愿者260余名进驻重点安置点): they count people
    reach = min(limit, quantity.end + HEAD_REACH)
    for start, end in _overlapped(ruleset.other_heads, text, quantity.end, reach, hits):
        if (_MODIFIER_RUN.fullmatch(text, quantity.end, start) and _AFTER_HEAD.match(text, end)
                and not _search(ruleset.function_words, text, quantity.end, start, hits)
                and not _search(ruleset.phrase_breaks, text, quantity.end, start, hits)
                # a noun of a counted class ahead of the head, not its modifier, is the number's own noun
                # (5个工作组进驻安置点; but 6个物资保障点)
                and not any(e < start for _, e in _overlapped(ruleset.nouns, text, quantity.end, start, hits))):
            return True
    return False


def _honoured(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int], hits: Hits | None) -> bool:
    """True where a count of people or of anything else (posts, teams) is followed, in its clause, by a word of praise
    (3名同志获市级表彰, 王家坪卡点等3个卡点集体予以通报表扬)."""
    return ruleset.honours is not None and _search(ruleset.honours, text, quantity.end, clause[1], hits)


# The most characters between a count of a whole and the count of some of it (规模以上工业企业已复工)
SUBSET_REACH = 16


def _base_of_a_subset(ruleset: RuleSet, text: str, quantity: Quantity, others: list[Quantity],
                      hits: Hits | None) -> bool:
    """True where the next number of the clause, in the same measure word and within SUBSET_REACH characters
    with no separator between, counts some of what this one counts: a word of a subset stands between, after
    this number's own noun (37家规模以上企业已复工34家), or right after it where it is 中 (值守人员3人中2人不在岗);
    not a part marker (其中), nor 已 right after the number (口罩5000只已发放3000只: given, then handed out)."""
    if ruleset.subset_markers is None:
        return False
    after = next((other for other in others if other.start >= quantity.end), None)
    # (nor a subset told in an aside: 累计落实集中隔离：46人（已解除31人）, the 46 were isolated)
    if (after is None or after.unit != quantity.unit or after.start - quantity.end > SUBSET_REACH
            or text.startswith(("(", "（"), quantity.end)
            or _SEPARATOR_NOT_WITHIN.search(text, quantity.end, after.start)
            or _search(ruleset.part_markers, text, quantity.end, after.start, hits)):
        return False
    markers = _overlapped(ruleset.subset_markers, text, quantity.end, after.start, hits)
    return any(_a_subset_here(text, quantity, start, end) for start, end in markers)


# what follows 中 where it means "among" (3人中2人, 卡口中，有4个, 党员中有), not where it begins a word (中成药)
_AMONG_NEXT = regex.compile(r"[^\p{Han}]|[有就仅只一二两三四五六七八九十百千万几]")


def _a_subset_here(text: str, quantity: Quantity, start: int, end: int) -> bool:
    """True where a word of a subset at [start, end) says the next count is some of this one: after the number's
    own noun, or right after the number where it is 中; 中 alone must mean "among" (测试包二十万盒及中成药一万盒:
    a word of medicine)."""
    within = text.startswith(_WITHIN, start)
    if within and end - start == len(_WITHIN) and not _AMONG_NEXT.match(text, end):
        return False
    return within if start == quantity.end else start > quantity.end


_WITHIN = "中"
# a separator, but not one right after 中 (19个交通卡口中，有4个存在“只扫码不测温”)
# (nor a 、 between kinds in the whole's noun: 68家规模以上物流、快递企业已复工63家)
_SEPARATOR_NOT_WITHIN = regex.compile(f"(?<!{_WITHIN})[{CLAUSE_ENDS}]")


# How far into its clause an authority may start (村“两委”为…: a quote and 村 before 两委), and how many characters
# (an adverb: 街道还为, 镇里及时送来) may stand between it and the preposition or the verb of giving after it.
AUTHORITY_START = 3
AUTHORITY_TAIL = 3


def _handed_out_by_authority(ruleset: RuleSet, rule: Rule, text: str, quantity: Quantity, clause: tuple[int, int],
                             hits: Hits | None, sentence: tuple[int, int] | None = None) -> bool:
    """True where an authority opens the number's clause as the one that gives (街道还为企业送去口罩2万只, 乡里送来了
    额温枪2把, 村“两委”为留守老人送去慰问品40余份) and no word of giving itself stands before the number: supplies the
    authorities hand out are no donation (METRICS.md). Not 镇政府向卫生院捐赠口罩 (a gift said), nor 街道商会送来口罩
    (a chamber of commerce, no authority). A clause with no subject of its own, opened by 为 or 给, carries on the
    subject its `sentence` opens with (区委组织部划拨资金……，为各卡口送去棉大衣1500件)."""
    if ruleset.authorities is None or ruleset.gift_words is None:
        return False
    if sentence is not None and (cleft := _CLEFT.match(text, clause[1] + 1, sentence[1])) and _search(
            ruleset.gift_words, text, cleft.end(), sentence[1], hits):
        return False  # 镇里送来口罩500只，是县里一家企业捐的: the authority brought what another gave
    if sentence is not None and (comma := _COMMA.search(text, quantity.end, sentence[1])) and (
            said := _ALL_OF_IT.match(text, comma.end(), sentence[1])) and _word_at(
            ruleset.gift_words, text, said.end(), sentence[1], hits) is not None:
        # 村里共送来蔬菜1800斤、土鸡蛋60箱，全部无偿捐赠给医院: the clause after the list says it was a gift
        return False
    if _authority_gives(ruleset, rule, text, quantity, clause[0], hits):
        return not _search(ruleset.gift_words, text, clause[0], quantity.start, hits)
    if sentence is None or sentence[0] >= clause[0] or not _FOR_SOMEONE.match(text, clause[0], quantity.start):
        return False
    verbs = rule.triggers if rule.shared else rule.context
    # the nearest clause before not itself opened by 为 or 给 holds the subject (为改善卡口值守条件，区委组织部……)
    starts = [sentence[0]] + [m.end() for m in _COMMA.finditer(text, sentence[0], clause[0] - 1)]
    subject_at = next((at for at in reversed(starts) if not _FOR_SOMEONE.match(text, at, clause[0])), sentence[0])
    opener = _authority_at(ruleset, text, subject_at, quantity.start, hits)
    # (not where 的 makes the authority a modifier: 村里的两家超市老板还自掏腰包，给现场工作人员送来了120份早餐)
    return (opener is not None and not text.startswith(_OF, opener)
            and verbs is not None and _search(verbs, text, clause[0], quantity.start, hits)
            and not _search(ruleset.gift_words, text, sentence[0], quantity.start, hits))


# A clause saying whose it was (……，是县里一家企业捐的; 都是爱心人士捐赠的; 这些物资均由镇商会捐赠)
_WHAT_WAS_GIVEN = r"\s*(?:这些|这批)?(?:物资|物品|东西|款物)?"  # (what a clause after a gift opens on: 这些物资)
_CLEFT = regex.compile(_WHAT_WAS_GIVEN + r"(?:都|均|全|全部)?(?:是|由)")
# The opening of a clause that goes on about all of what the clause before counted (……，全部无偿捐赠给医院)
_ALL_OF_IT = regex.compile(_WHAT_WAS_GIVEN + r"(?:已全部|全部|均已|都已|都|均|全|已)?")
# A clause opened by a preposition of whom for (为各卡口送去, 还给群众送来): it has no subject of its own
_FOR_SOMEONE = regex.compile(r"\s*(?:还|又|并|同时|再)?[为给]")
_COMMA = regex.compile(r"[，,]")


def _authority_at(ruleset: RuleSet, text: str, start: int, limit: int, hits: Hits | None) -> int | None:
    """Where the authority opening text[start:] ends (within AUTHORITY_START of it, after no word that ends a giver),
    or None."""
    while start < limit and text[start].isspace():
        start += 1
    # (no preposition before it: 给现场工作人员送来 names whom it was given to)
    reach = min(limit, start + AUTHORITY_START + 8)
    ends = [e for s, e in _overlapped(ruleset.authorities, text, start, reach, hits)
            if s - start <= AUTHORITY_START and not _search(ruleset.giver_ends, text, start, s, hits)]
    return max(ends) if ends else None


def _authority_gives(ruleset: RuleSet, rule: Rule, text: str, quantity: Quantity, start: int,
                     hits: Hits | None) -> bool:
    """True where an authority opens text[start:] and gives what the number counts, right after it."""
    end = _authority_at(ruleset, text, start, quantity.start, hits)
    if end is None:
        return False
    if _search(ruleset.receiving_verbs, text, end, quantity.start, hits):
        return False  # 村里共收到口罩600个: the authority received them
    verbs = rule.triggers if rule.shared else rule.context
    follows = [s for pattern in (ruleset.giver_ends, verbs) if pattern is not None
               for s, _ in _overlapped(pattern, text, end, min(quantity.start, end + AUTHORITY_TAIL + 4), hits)]
    # only adverbs between (街道还为): a noun there makes the authority a modifier (街道商会送来: a chamber of commerce)
    return any(s - end <= AUTHORITY_TAIL and _only_function_words(ruleset, text, end, s, hits) for s in follows)


def _only_function_words(ruleset: RuleSet, text: str, start: int, end: int, hits: Hits | None) -> bool:
    """True where text[start:end] is empty or made up of function words (还, 也, 先后) and quotes (村“两委”为)."""
    if ruleset.function_words is None:
        return start >= end
    spans = sorted([*_overlapped(ruleset.function_words, text, start, end, hits),
                    *(m.span() for m in _QUOTES.finditer(text, start, end))])
    covered = start
    for s, e in spans:
        if s > covered:
            return False
        covered = max(covered, e)
    return covered >= end


def _a_copula_after_its_noun(ruleset: RuleSet, rule: Rule, text: str, quantity: Quantity, hits: Hits | None) -> bool:
    """True where a copula ends right at the number and a noun trigger of `rule` right at the copula (设置检查点为37个):
    the number says how many of the noun there are."""
    if rule.shared or ruleset.copulas is None:
        return False
    start = _before_word_at(ruleset.copulas, text, quantity.start, hits)
    return start < quantity.start and any(
        e == start for _, e in _triggers(rule, text, max(0, start - rule.window), start, hits))


# A 在 right before the number (在15个村级卡点轮流值守), and what may stand between the measure word and the rule's
# noun: up to four characters, no separator and no verb of setting up (在12个村设置卡点 names villages)
_ZAI = "在"
_MODIFIERS_ONLY = regex.compile(r"[^\s\d,，;；:：。!?！？、的]{0,4}")
# A 的 soon after the noun: a relative clause that tells who people are (其中在9个卡点值守的有30名)
_RELATIVE_AFTER = regex.compile(r"[^,，;；:：。!?！？\d]{0,6}?的")
# Testing sites are where people are tested: 组织志愿者在5个检测点值守 names the sites, no posts
_TESTING_SITES = ("检测点", "采样点")
_DUTY_BEFORE_REACH = 4  # (志愿者日夜坚守在26个卡口: the verb right before 在)


def _posts_kept_after_zai(ruleset: RuleSet, rule: Rule, text: str, quantity: Quantity, hits: Hits | None) -> bool:
    """True where 在 stands right before the number, a trigger of the rule follows its measure word after modifiers
    only, and a verb of keeping watch governs the phrase, right before 在 or after the noun in its clause, outside a
    relative clause: the posts where people keep watch are counted (see duty_verbs in core.toml)."""
    if ruleset.duty_verbs is None or quantity.start == 0 or text[quantity.start - 1] != _ZAI:
        return False
    clause_end = found.start() if (found := _CLAUSE_END.search(text, quantity.end)) else len(text)
    ends = [end for start, end in _triggers(rule, text, quantity.end, min(clause_end, quantity.end + 12), hits)
            if _MODIFIERS_ONLY.fullmatch(text, quantity.end, start) is not None
            and not _search(ruleset.setting_up_verbs, text, quantity.end, start, hits)
            and not text.endswith(_TESTING_SITES, start, end)]
    if not ends or _RELATIVE_AFTER.match(text, ends[0], clause_end) is not None:
        return False
    return _ends_at(ruleset.duty_verbs, text, quantity.start - 1, hits) or any(
        start - ends[0] <= _DUTY_BEFORE_REACH for start, _ in _overlapped(ruleset.duty_verbs, text, ends[0],
                                                                           clause_end, hits))


def _rule_vetoes_here(ruleset: RuleSet, rule: Rule, text: str, quantity: Quantity, limit: int, hits: Hits | None,
                      heading: tuple[int, int] | None, before: bool = True) -> bool:
    """True where the rule's own words veto it at the number: its exclude_before ending right before it (unless
    `before` is False: a bare total has no noun there to veto), its exclude_after right after it, before a
    separator and `limit`, or its exclude_heading in the `heading` of the number's section (_heading_vetoes). A title's
    or a name's closing mark right before the number is no distance (把《转场防疫须知》3000份送到: the title's noun),
    nor is the 了 of a verb done (走访了两个卡点: the verb), nor a verb of having (医护人员共有190余名: the staff)."""
    if (rule.exclude_before is not None and ((before and (
            _ends_at(rule.exclude_before, text, quantity.start, hits)
            or (quantity.start > 0 and text[quantity.start - 1] in _NAME_CLOSERS + _PERFECTIVE
                and _ends_at(rule.exclude_before, text, quantity.start - 1, hits))))
            # (a bare total has its noun before the verb: 医护人员共有190余名)
            or ((having := _HAVING_LEAD.search(text, max(0, quantity.start - 3), quantity.start)) is not None
                and _ends_at(rule.exclude_before, text, having.start(), hits)))
            and not _a_copula_after_its_noun(ruleset, rule, text, quantity, hits)
            and not (not rule.shared and _posts_kept_after_zai(ruleset, rule, text, quantity, hits))):
        return True
    return rule.exclude_after is not None and _search(
        rule.exclude_after, text, quantity.end, _right_after(ruleset, text, quantity.end, limit, hits), hits
    ) or _heading_vetoes(rule, text, quantity, heading, hits)


def _heading_vetoes(rule: Rule, text: str, quantity: Quantity, heading: tuple[int, int] | None,
                    hits: Hits | None) -> bool:
    """True where a word of the rule's exclude_heading stands in the heading of the number's section and the number in
    the first paragraph under it (a later one may sum up the whole report: 两期累计接收捐款700,250元)."""
    # (the heading's words looked up first: the text up to the number is read only under a heading that has one)
    return (rule.exclude_heading is not None and heading is not None and heading[1] <= quantity.start
            and _search(rule.exclude_heading, text, *heading, hits)
            and "\n" not in text[heading[1]:quantity.start].strip())


def excluded_everywhere(ruleset: RuleSet, rule: Rule, text: str, quantity: Quantity, clause: tuple[int, int],
                        sentence: tuple[int, int], paragraph: tuple[int, int], others: Sequence[Quantity],
                        item: tuple[int, int], hits: Hits | None = None,
                        heading: tuple[int, int] | None = None, outer: tuple[tuple[int, int], ...] = (),
                        before: bool = True) -> bool:
    """True where `rule` may not claim `quantity` whatever its trigger: a veto of every rule holds, a case word
    or a group size stands in the number's own `item` before it (其中阳性3人), or one of the rule's own vetoes
    holds (its exclude words in the clause, its exclude_before right before the number unless `before` is False,
    its exclude_after right after it). For a claim the number inherits, which has no trigger of its own."""
    clause, sentence, paragraph = (_within_reach(span, quantity) for span in (clause, sentence, paragraph))
    if _vetoed(ruleset, text, quantity, clause, sentence, _nearby(list(others), quantity), hits, heading, outer):
        return True
    if ruleset.exclude_after is not None and _search(ruleset.exclude_after, text, item[0], item[1], hits):
        return True
    if _rule_vetoes_here(ruleset, rule, text, quantity, clause[1], hits, heading, before):
        return True
    if rule.authority_handouts and _handed_out_by_authority(ruleset, rule, text, quantity, clause, hits, sentence):
        return True
    return _excluded(rule, text, clause, quantity, item[0], item[0], sentence, hits, paragraph, ruleset)


def triggers_in(rule: Rule, text: str, start: int, end: int, hits: Hits | None = None) -> bool:
    """True where a trigger of `rule` stands in text[start:end]."""
    return bool(_triggers(rule, text, start, end, hits))


word_at = _word_at


has_own_noun = _has_own_noun
words_in = _search
spans_in = _overlapped
triggers_between = _triggers
ends_at = _ends_at
before_word_at = _before_word_at
a_bare_total_alone = _a_bare_total_alone
people_phrase = _people_phrase

# How far before its number a word that makes a mention another one (也, 又) may stand: 我也捐100元, 他又捐款1000元,
# and past a verb and its noun, 校门口同样设置了测温点2个 (a second school's two posts, not the first's again).
ADDITIVE_REACH = 10


def another_mention(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int],
                    sentence: tuple[int, int], hits: Hits | None = None) -> bool:
    """True where a word of `additive_markers` stands shortly before the number in its clause (我也捐100元), or, where
    the clause holds no more than its verb before the number, in the clause before it in its sentence (乡贤陈某也慷慨
    解囊，捐赠2万元): the number is another of its kind, never a repeat of an equal one before."""
    if _search(ruleset.additive_markers, text, max(clause[0], quantity.start - ADDITIVE_REACH), quantity.start, hits):
        return True
    if clause[0] <= sentence[0] or quantity.start - clause[0] > ADDITIVE_REACH:
        return False
    return _search(ruleset.additive_markers, text, _clause_start(text, sentence[0], clause[0] - 1), clause[0], hits)


# How far from its number, within its item, the word naming what it counts may stand: before it (捐赠大米2000袋)
# or after its measure word (2000件矿泉水).
KIND_REACH = 8
_LAST_SEPARATOR = regex.compile(f"[{ITEM_ENDS}]", regex.REVERSE)


def kind_named(ruleset: RuleSet, metric: str, text: str, quantity: Quantity, clause: tuple[int, int],
               hits: Hits | None = None) -> str:
    """The word of a `kinds` rule of `metric` that names what `quantity` counts: the one nearest the number
    within its item (捐赠大米2000袋: 大米; 这2000件矿泉水: 矿泉水), or "" where none does (or no rule of the
    metric names kinds)."""
    rules = [rule for rule in ruleset.rules if rule.kinds and rule.metric == metric]
    if not rules:
        return ""
    lo = max(clause[0], quantity.start - KIND_REACH)
    opening = _LAST_SEPARATOR.search(text, lo, quantity.start)
    start = opening.end() if opening else lo
    hi = min(clause[1], quantity.end + KIND_REACH)
    closing = _SEPARATOR.search(text, quantity.end, hi)
    end = closing.start() if closing else hi
    spans = [span for rule in rules for span in _triggers(rule, text, start, end, hits)
             if span[1] <= quantity.start or span[0] >= quantity.end]
    if not spans:
        return ""
    s, e = min(spans, key=lambda span: (quantity.start - span[1] if span[1] <= quantity.start
                                        else span[0] - quantity.end))
    return "" if _search(ruleset.general_nouns, text, s, e, hits) else text[s:e]


_HAN_RUN = regex.compile(r"\p{Han}+")
# The longest giver told apart: a longer run before the verb is a phrase (今7日由理事长某某、顾问某某等人代表), whose
# wording a later mention of the same gift need not repeat.
GIVER_MAX = 8
_MODIFIER_END = "的"


def giver_named(ruleset: RuleSet, text: str, matched: Match, quantity: Quantity, clause: tuple[int, int],
                hits: Hits | None = None) -> str:
    """Who gave `quantity`, as the words before the verb of giving in its clause name them (张三捐款500元: 张三;
    某集团向镇政府捐赠: 某集团): the trigger of a `givers` rule of actions, or the first context word of one of nouns
    (张三捐赠口罩100只: 捐赠, not 口罩). "" where the rule names no givers, no verb stands before the number in its
    clause, or the words are fewer than two characters or more than GIVER_MAX, end in 的 (a modifier: 标题里的捐款),
    hold a word pointing back (这家企业, 他) or a verb of receiving (镇里共收到捐款: a recipient)."""
    rule = matched.rule
    if not rule.givers or matched.trigger_end > quantity.start:
        return ""
    if matched.named:  # 2. 湖南宏达建设工程有限公司（董事长 罗永刚）：50000元
        named = "".join(_HAN_RUN.findall(text, matched.trigger_start, matched.trigger_end))
        # a row of totals (合计 826,000.00元) names no giver: it repeats the whole it totals
        total_row = ruleset.totalling_words is not None and ruleset.totalling_words.fullmatch(named) is not None
        return "" if total_row else named
    line = text.rfind("\n", 0, quantity.start) + 1
    if matched.trigger_end <= line:
        # a verb heading a list of lines (捐款名单如下：⏎3. 王秀英 500元): each line names its own giver
        return "".join(_HAN_RUN.findall(text, line, quantity.start))
    if rule.shared:
        verb = matched.trigger_start, matched.trigger_end
    else:  # 包括KN95口罩2万个: a noun names no giver before it; the verb of the clause, if any, does
        verbs = _overlapped(rule.context, text, clause[0], quantity.start, hits) if rule.context is not None else []
        if not verbs:
            return ""
        verb = verbs[0]
    if verb[0] <= clause[0]:
        return ""
    start, end = clause[0], verb[0]
    if ruleset.giver_ends is not None:
        ends = _overlapped(ruleset.giver_ends, text, start, end, hits)
        end = min((s for s, _ in ends), default=end)
    giver = "".join(_HAN_RUN.findall(text, start, end))
    if (not 2 <= len(giver) <= GIVER_MAX or giver.endswith(_MODIFIER_END)
            or _search(ruleset.anaphora, text, start, end, hits)
            or _search(ruleset.receiving_verbs, text, start, verb[1], hits)):
        return ""  # 标题里的捐款: a modifier, no giver; 镇里共收到捐款: a recipient
    return giver


def _reach(rule: Rule) -> tuple[int, int]:
    """How far before and after its number a rule's triggers may stand (see match_quantity's windows)."""
    # (an action of people may stand before one long noun phrase of them: _people_phrase)
    before = rule.window + (NOUN_PHRASE_REACH if rule.shared and rule.units & _PEOPLE else 8)
    # (an action after an object led in by 对 may stand past its long noun phrase: 对2名……负责人进行了约谈)
    return before, rule.window + NOUN_PHRASE_REACH if rule.shared else max(rule.window + 8, NOUN_PHRASE_REACH)


_UNIT_RULES: dict[int, tuple[RuleSet, dict]] = {}


def counts_unit(rule: Rule, unit_classes: frozenset[str], unit: str) -> bool:
    """True where `rule` may claim a quantity of these unit classes and this measure word. A count in a measure word
    of things that counts people (20个返乡村民: see counts_people, both classes) is one of people for any rule of
    people, whatever measure words of people it lists."""
    if not rule.units & unit_classes:
        return False
    return not rule.unit_words or unit in rule.unit_words or (_PROMOTED <= unit_classes and "person" in rule.units)


def _no_units_yet(ruleset: RuleSet) -> dict:
    return {}


def _rules_of_unit(ruleset: RuleSet, unit_classes: frozenset[str], unit: str) -> list[tuple[int, Rule, int, int]]:
    """(order, rule, reach before, reach after) of the rules that count this unit, worked out once per unit and
    rule set: a rule of other units, or of other unit words, cannot claim the quantity."""
    of_ruleset = per_ruleset(_UNIT_RULES, ruleset, _no_units_yet)
    found = of_ruleset.get((unit_classes, unit))
    if found is None:
        found = of_ruleset[(unit_classes, unit)] = [
            (order, rule, *_reach(rule)) for order, rule in enumerate(ruleset.rules)
            if counts_unit(rule, unit_classes, unit)]
    return found


rules_of_unit = _rules_of_unit


def _with_rules_in(ruleset: RuleSet, text: str, quantity: Quantity, live: list[tuple[int, Rule]],
                   span: tuple[int, int], hits: Hits | None) -> list[tuple[int, Rule]]:
    """`live`, with the rules of the quantity's unit that have a trigger in `span` added, in rule order."""
    known = {order for order, _ in live}
    added = [(order, rule) for order, rule, _, _ in _rules_of_unit(ruleset, quantity.unit_classes, quantity.unit)
             if order not in known and _triggers(rule, text, *span, hits)]
    return sorted(live + added, key=lambda item: item[0]) if added else live


def _live_rules(ruleset: RuleSet, quantity: Quantity, head: Quantity | None,
                hits: Hits | None) -> list[tuple[int, Rule]]:
    """(order, rule) of the rules that may claim `quantity`: those of its unit, less, where `hits` tell, those no
    trigger of which is near the number (they cannot fire unless through a list's head: their other tests are
    skipped)."""
    rules = _rules_of_unit(ruleset, quantity.unit_classes, quantity.unit)
    if hits is None:
        return [(order, rule) for order, rule, _, _ in rules]
    return hits.near(rules, quantity.start, quantity.end, head is not None)


# What separates the items before 分别 (、 和 及 与 or a comma), and joins the numbers after it.
_RESPECTIVE_SEPARATOR = regex.compile(r"\s*(?:、|，|,|和|及|与|以及)\s*")
# A verb may stand between 分别 and its numbers (镇村干部、志愿者分别出动200人次、500人次).
_RESPECTIVE_VERB = regex.compile(r"\s*\p{Han}{0,6}\s*")


def _respective_item(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int],
                     others: Sequence[Quantity], hits: Hits | None) -> tuple[int, int] | None:
    """The span of the item a number answers to, where it is the i-th of two or more numbers joined right after a
    word of `respectively_markers` (or after a short verb after it) and the clause lists as many items before that
    word (设立卡点和劝返点分别为12个、5个: the 5 answers to 劝返点); else None."""
    if ruleset.respectively_markers is None:
        return None
    marks = _overlapped(ruleset.respectively_markers, text, clause[0], quantity.start, hits)
    if not marks:
        return None
    mark_start = marks[-1][0]
    mark_end = max(end for start, end in marks if start == mark_start)
    run: list[Quantity] = []
    at = mark_end
    for other in sorted(others, key=lambda q: q.start):
        if other.start < mark_end:
            continue
        if other.start != at and not (run and _RESPECTIVE_SEPARATOR.fullmatch(text, at, other.start)):
            if not run and not _RESPECTIVE_VERB.fullmatch(text, at, other.start):
                return None
            if run:
                break
        run.append(other)
        at = other.end
    if len(run) < 2 or not any(q.start == quantity.start for q in run):
        return None
    cuts = [(clause[0], clause[0])] + [m.span() for m in _RESPECTIVE_SEPARATOR.finditer(text, clause[0], mark_start)]
    items = [(cut[1], following[0]) for cut, following in zip(cuts, [*cuts[1:], (mark_start, mark_start)],
                                                               strict=True)]
    items = [item for item in items if text[item[0]:item[1]].strip()]
    if len(items) < len(run):
        return None
    index = next(i for i, q in enumerate(run) if q.start == quantity.start)
    return items[len(items) - len(run) + index]


def _respective_match(text: str, quantity: Quantity, item: tuple[int, int], live: list[tuple[int, Rule]],
                      clause: tuple[int, int], sentence: tuple[int, int], paragraph: tuple[int, int],
                      ruleset: RuleSet, hits: Hits | None) -> Match | None:
    """The rule whose word stands in the number's own item of a 分别 list, the longest word first, then as
    match_quantity ranks claims."""
    found: list[tuple[Match, int]] = []
    for order, rule in live:
        for t_start, t_end in _triggers(rule, text, *item, hits):
            if not _excluded(rule, text, clause, quantity, t_start, t_end, sentence, hits, paragraph, ruleset):
                found.append((Match(rule, t_start, t_end, item[1] - t_end), order))
    return _ranked_first(_outermost(found)) if found else None


def _outermost(candidates: list[tuple[Match, int]]) -> list[tuple[Match, int]]:
    """`candidates` (match, rule order) without those whose trigger lies inside a longer trigger of another (干部 in
    党员干部 yields to it)."""
    return [(m, order) for m, order in candidates if not any(
        o.trigger_start <= m.trigger_start and m.trigger_end <= o.trigger_end
        and (o.trigger_end - o.trigger_start) > (m.trigger_end - m.trigger_start) for o, _ in candidates)]


def _ranked_first(candidates: list[tuple[Match, int]]) -> Match:
    """The claim that wins among `candidates` (match, rule order): the highest priority, then the nearest trigger,
    then the rule listed first."""
    return min(candidates, key=lambda item: (-item[0].rule.priority, item[0].distance, item[1]))[0]


def match_quantity(
    ruleset: RuleSet,
    text: str,
    quantity: Quantity,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    paragraph: tuple[int, int] | None = None,
    others: list[Quantity] | None = None,
    head: Quantity | None = None,
    hits: Hits | None = None,
    heading: tuple[int, int] | None = None,
    outer: tuple[tuple[int, int], ...] = (),
    carried: bool = True,
) -> Match | None:
    """The rule that claims `quantity`, or None.

    `clause`, `sentence` and `paragraph` are the spans around the quantity in the normalized
    `text`; `others` are the quantities of the same clause (a trigger between two numbers belongs
    to the nearer one); `head` is the first quantity of the list the quantity stands in, if that is
    another one (rules with `lists` look for their trigger before it too); `heading` is the span of the heading
    of its section, if any, and `outer` those of the headings above it. The highest priority wins, then the
    nearest trigger, then rule order. `hits` (matcher.scan of `text` with this ruleset) make it look words up
    instead of searching for them; the answer is the same. With `carried` False no clause after the number's
    carries an action out on it (see governed_as_well).
    """
    live = _live_rules(ruleset, quantity, head, hits)
    if hits is not None and (group := _group_of_members_told(
            ruleset, text, quantity, _within_reach(clause, quantity), _within_reach(sentence, quantity), hits)):
        # a group named two clauses back may lie beyond the rules' reach: its rules are live all the same
        live = _with_rules_in(ruleset, text, quantity, live, group, hits)
    if not live:
        return None  # no rule's word near the number: nothing below can claim it (a date, a count of nothing)
    paragraph = paragraph or sentence
    clause, sentence, paragraph = (_within_reach(span, quantity) for span in (clause, sentence, paragraph))
    others = _nearby(others or [], quantity)
    # a veto of every rule (see _vetoed) is asked only of a number some rule claims: most are claimed by none
    if (item := _respective_item(ruleset, text, quantity, clause, others, hits)) is not None and (
            matched := _respective_match(text, quantity, item, live, clause, sentence, paragraph, ruleset, hits)):
        # 设立卡点和劝返点分别为12个、5个: each number counts what its own item names; where no item names
        # anything a rule counts, what follows says (东村、西村分别设立卡点3个、2个)
        return None if _vetoed(ruleset, text, quantity, clause, sentence, others, hits, heading, outer) else matched
    place = _word_at(ruleset.places, text, quantity.end, clause[1], hits)
    subject = _word_at(ruleset.subjects, text, quantity.end, clause[1], hits)
    if place is not None and subject is not None and subject[1] > place[1]:
        place = None  # the longest word there is the noun: 30名村民 counts villagers, not villages (村)
    if place is not None and text.startswith(_LEVEL, place[1]):
        place = None  # 村级, 县级: the place says the level of what follows, it is no noun of its own
    if place is not None and _where_they_are_from(text, quantity, place[1]):
        place = None  # 30名区内中学生志愿者: people are counted, the place (区内) says where they are from
    each_end = _each_set_up(ruleset, text, quantity, place, clause[1], hits, beyond=sentence[1])

    # looked up once, when first asked: a plain dict, for functools.cache would build two wrappers per quantity
    asked: dict[str, tuple[int, int] | int | bool | None] = {}

    def noun_span() -> tuple[int, int] | None:
        """The noun of the lexicon right after the measure word; none where 级 makes it a modifier
        (156个村级党员责任区)."""
        if "noun" not in asked:
            found = _word_at(ruleset.nouns, text, quantity.end, clause[1], hits)
            if found is not None and (text.startswith(_LEVEL, found[1]) or _NUMBER_NEXT.match(text, found[1])
                                      or _where_they_are_from(text, quantity, found[1])):
                # 村级党员: a modifier; 50箱价值15000元的A4纸: 价值 labels the next number; 30名区内学生志愿者: where
                found = None
            asked["noun"] = found
        return asked["noun"]

    def carried_into() -> tuple[int, int] | None:
        """The clause after the number's that carries an action out on it."""
        if "carried" not in asked:
            asked["carried"] = _carried_into(ruleset, text, quantity, clause, sentence, hits) if carried else None
        return asked["carried"]

    def carried_to_all() -> bool:
        """True where the clause that carries an action out on the number opens with a word of each (均已, 全部):
        排查出返乡人员37人，均已落实居家隔离 says what became of all those screened, and the verb before the number
        still counts them; 密接者317人，进行集中隔离 counts people isolated."""
        if "to all" not in asked:
            carried = carried_into()
            asked["to all"] = carried is not None and _opens_with_each(ruleset, text, carried, hits)
        return bool(asked["to all"])

    def a_part() -> bool:
        """True where a part marker (其中) stands before the number in its clause: the part takes its total's claim."""
        if "part" not in asked:
            asked["part"] = _search(ruleset.part_markers, text, clause[0], quantity.start, hits)
        return bool(asked["part"])

    def said_at() -> int:
        """Where a word of totalling that ends at the number starts (共送了 before 三十八份), or the number's start."""
        if "said" not in asked:
            asked["said"] = _before_word_at(ruleset.totalling_words, text, quantity.start, hits)
        return asked["said"]

    def clause_names_its_count() -> bool:
        """True where the number's own clause holds a word of a rule of its unit (_clause_names_its_count)."""
        if "named" not in asked:
            asked["named"] = _clause_names_its_count(ruleset, text, clause, quantity, said_at(), hits)
        return bool(asked["named"])

    def relative() -> bool:
        """True where the number's clause is a headless relative clause (_a_headless_relative)."""
        if "relative" not in asked:
            asked["relative"] = _a_headless_relative(ruleset, text, quantity, clause, hits)
        return bool(asked["relative"])

    def parts_after() -> list[tuple[int, int]] | None:
        """What the parts that follow the number say before their own numbers (_parts_told_after), or None."""
        if "parts" not in asked:
            asked["parts"] = _parts_told_after(ruleset, text, quantity, sentence, hits)
        return asked["parts"]

    def became() -> int | None:
        """The end of the clause after the number's where it says what the people it counts joined or became
        (_becomes_next), else None (looked up once)."""
        if "became" not in asked:
            asked["became"] = _becomes_next(ruleset, text, quantity, clause, sentence, hits)
        return asked["became"]

    def object_led() -> bool:
        """True where a preposition or verb of an object (对, 组织) leads the number in its clause."""
        if "object" not in asked:
            asked["object"] = _search(ruleset.object_markers, text, clause[0], quantity.start, hits)
        return bool(asked["object"])

    def object_right_before() -> bool:
        """True where a preposition or verb of an object ends right at the number (对3名…)."""
        if "object at" not in asked:
            asked["object at"] = _ends_at(ruleset.object_markers, text, quantity.start, hits)
        return bool(asked["object at"])

    def pointed_back_to() -> tuple[int, int] | None:
        """The paragraph before the number's, where the number's opens by pointing back to it (looked up once)."""
        if "back" not in asked:
            asked["back"] = _paragraph_pointed_back_to(ruleset, text, paragraph, hits)
        return asked["back"]

    def noun_end() -> int:
        """Where a noun of the lexicon right after the measure word ends, or the measure word's end."""
        found = noun_span()
        return found[1] if found else quantity.end
    # Two counts side by side (突击队14个162人) share the noun before the first.
    lead = next((other.start for other in others if other.end == quantity.start), quantity.start)
    total = _a_bare_total(ruleset, text, quantity, clause, hits)
    total_alone = total and _a_bare_total_alone(ruleset, text, quantity, clause, hits)
    people = bool(quantity.unit_classes & _PEOPLE)
    # 党员干部下沉社区达500余人: a count of people led up to, ending its clause, counts the subject of the clause
    led_up = people and not total and _led_up_to(ruleset, text, quantity, clause, hits)
    # 抽调镇村干部、民兵、护边员等812人: a 、-list closed by 等 right before the number is what it totals, every item
    enumerated = quantity.start >= len(_ETC) and text.startswith(_ETC, quantity.start - len(_ETC))
    composed = _composed_group(ruleset, text, quantity, clause, sentence, hits)
    if composed is not None and not any(
            _triggers(rule, text, *composed, hits) for rule in ruleset.rules
            if not rule.shared and rule.units & quantity.unit_classes):
        composed = None  # a group no rule counts people of (由20名党员组成的突击队): the members' noun decides
    # 核酸检测队伍6人: six members of a team, not six people tested; so too after the count of the teams
    # (核酸检测队伍6支、共计48人)
    members = people and ruleset.group_nouns is not None and (
        _ends_at(ruleset.group_nouns, text, quantity.start, hits)
        # (流调队伍扩充至320人: the team grown to that size)
        or ((grown := _GROWN_TO.search(text, max(clause[0], quantity.start - 9), quantity.start)) is not None
            and grown.end() == quantity.start and _ends_at(ruleset.group_nouns, text, grown.start(), hits))
        or any(
            _TEAM_SIZE_GAP.fullmatch(text, other.end, quantity.start) and not other.unit_classes & _PEOPLE
            and _ends_at(ruleset.group_nouns, text, other.start, hits)
            for other in others if other.end <= quantity.start))
    # 出动2000余人次参与采样: the people sent out do the sampling; they are not sampled
    agents = people and ruleset.deploying_verbs is not None and (
        _ends_at(ruleset.deploying_verbs, text, quantity.start, hits)
        or _deployed_by_name(ruleset, text, quantity, clause, hits))
    # 组织1200余名党员干部在集市周边巡查劝导: people named right after the measure word by a noun of those who
    # act (party members, cadres, volunteers, medical staff) do what the verb after them says; not where 对 leads
    # them in as an object (对2名村干部进行约谈), nor where 被 makes them undergo it
    def undergoing() -> list[tuple[int, int]]:
        """The words of undergoing (被, 接受) after the number in its clause (looked up once)."""
        if "undergoing" not in asked:
            asked["undergoing"] = _overlapped(ruleset.undergoing_markers, text, quantity.end, clause[1], hits)
        return asked["undergoing"]

    def actor() -> tuple[int, int] | None:
        """The noun of those who act right after the measure word, where it makes them the verb's subject."""
        if "actor" not in asked:
            asked["actor"] = (
                _word_at(ruleset.agent_nouns, text, quantity.end, clause[1], hits)
                if people and ruleset.agent_nouns is not None and _PASSIVE not in text[quantity.end:clause[1]]
                and not undergoing()
                and not (ruleset.patient_markers is not None and _search(ruleset.patient_markers, text, clause[0],
                                                                         quantity.start, hits)) else None)
        return asked["actor"]
    candidates: list[tuple[Match, int]] = []

    def rule_vetoed(rule: Rule, scope_end: int) -> bool:
        """True where the rule's own words veto it at the number (_rule_vetoes_here). (Places that each set one up are
        the setting's subject, whatever preposition leads them: 在7个路口全部设置了卡点.)"""
        return _rule_vetoes_here(ruleset, rule, text, quantity, scope_end, hits, heading,
                                 before=not total and each_end is None)

    for order, rule in live:
        scope = _span(rule.scope, clause, sentence, paragraph)
        if rule.context is not None and not _search(
            rule.context, text, *_span(rule.context_scope, clause, sentence, paragraph), hits
        ) and not (rule.context_scope == "paragraph" and (
                (heading is not None and heading[1] <= quantity.start and _search(rule.context, text, *heading, hits))
                or ((before := pointed_back_to()) is not None and _search(rule.context, text, *before, hits)))):
            # (a paragraph's context may stand in the heading of its section, or in the paragraph before one that opens
            # by pointing back to it: ……捐赠现金50万元和一批防疫物资。⏎这批物资包括医用防护服2000套)
            continue
        # (the rule's own vetoes at the number, rule_vetoed, are asked only once it has a claim)
        if composed is not None and not rule.shared:
            # 志愿者队伍由31名工作人员组成: the number counts the group's members, named by the group
            named = _triggers(rule, text, *composed, hits)
            if named and not _excluded(rule, text, clause, quantity, *named[0], sentence, hits, paragraph,
                                       ruleset) and not rule_vetoed(rule, scope[1]):
                candidates.append((Match(rule, *named[-1], 0), order))
            continue
        best: Match | None = None
        spans = []
        carried_spans: list[tuple[int, int]] = []
        if rule.side in ("before", "either"):
            # a bare total (……卡口，全镇一共有473个) looks for its noun back across clauses of its sentence, and
            # one that opens its clause (……收到各界的捐款。截至目前，一共有5704元) back into its paragraph
            lo = (min(scope[0], paragraph[0] if total_alone else sentence[0]) if total else scope[0])
            lead_reach = NOUN_PHRASE_REACH if rule.shared and people else 8
            spans += _triggers(rule, text, max(lo, quantity.start - rule.window - lead_reach), quantity.start, hits)
        if rule.side in ("after", "either") or (rule.shared and object_led()):
            # 对……300多人派专人上门检测: a number led in as an object takes the action after it, whatever side
            # from the measure word on, so a tail like 元钱 can itself be a trigger; a noun as far as the
            # noun phrase may reach
            reach = rule.window + 8 if rule.shared else max(rule.window + 8, NOUN_PHRASE_REACH)
            if rule.shared and object_right_before():
                reach = rule.window + NOUN_PHRASE_REACH  # 对两名…的村组干部进行了约谈: the object's phrase runs long
            # (what places each set up may stand in the next clause: 在7个路口处，全部设置了执勤卡点)
            end = sentence[1] if each_end is not None and each_end > scope[1] and not rule.shared else scope[1]
            if not rule.shared and people and (joined := became()) is not None:
                end = max(end, joined)  # 35名社员，也跟着他当起了志愿者: the next clause says what they became
            if not rule.shared and text.startswith(_ITEM_OPENINGS, quantity.end):
                # 志愿者：6870名（含党员志愿者2110名）, 党员82名、网格员和民警: an aside or a 、 right after the number
                # opens an item of its own, whose noun is not the number's
                end = quantity.end
            spans += _triggers(rule, text, quantity.number_end, min(end, quantity.end + reach), hits)
            if rule.shared and (carried := carried_into()) and not (carried_to_all() and (
                    a_part() or (head is not None and head is not quantity))) and not _ends_at(
                    ruleset.agent_nouns, text, quantity.start, hits):
                # 317人，进行集中隔离医学观察: the next clause carries out the action on the number, explicitly, so
                # nearer than any verb before it (检查密接者317人，进行集中隔离 counts people isolated); but what became
                # of all of a part is no claim of its own (其中湖北返乡人员23人，全部落实居家医学观察: the part takes
                # its total's), nor of all the items of a list (排查出湖北返乡人员47人、省外返乡人员1320人，全部纳入居家
                # 隔离: the list's verb claims each); nor where a noun of people who act ends right at the number, whose
                # next clause says what they did (组织乡村干部、网格员、医务人员7800余人，开展地毯式排查)
                carried_spans = _carried_triggers(rule, text, carried, hits)
                spans += carried_spans
        for t_start, t_end in spans:
            if best is not None and (t_start, t_end) in carried_spans:
                break  # the rule's own word near the number is the better evidence; carried spans come last
            if _starts_inside_a_marker(ruleset, text, t_start, hits):
                continue  # 其中药店139家: no 中药 here
            head_gap = None
            before = t_end <= quantity.start
            if before and not rule.shared and _inside_a_title(text, t_start, t_end, quantity.start):
                continue  # 《用工信息汇编》两万份: a word inside a title is no head of it
            if before:
                gap = (lead if not rule.shared and t_end <= lead else quantity.start) - t_end
                if not rule.shared and (label := _word_at(ruleset.count_labels, text, t_end, quantity.start, hits)):
                    gap -= label[1] - label[0]  # 志愿者总数已突破1000人: the label is part of the noun's phrase
                if not rule.shared and t_end <= (opening := _before_word_at(ruleset.start_markers, text,
                                                                             quantity.start, hits)):
                    gap -= quantity.start - opening  # 志愿者队伍也由最初的36人: the starting value's words
                if "（" in text[t_end:quantity.start] or "(" in text[t_end:quantity.start]:
                    # an aside in brackets is no distance (排查中高风险地区及涉疫地区来（返）人员214人, 消毒液(NaClO,
                    # 有效氯含量≥5%)30吨)
                    gap -= sum(len(aside) for aside in BRACKET_ASIDE.findall(text, t_end, quantity.start))
                if "《" in text[t_end:quantity.start]:
                    # a title is one name, however long (印制《新型冠状病毒感染的肺炎公众防护科普读本》3000册)
                    gap -= sum(len(title) - 2 for title in _TITLE.findall(text, t_end, quantity.start))
            elif not rule.shared and place is None and subject is None and (
                    head_gap := _head_gap(text, quantity, t_start, noun_end())) is not None:
                # (where a place or a subject follows the measure word, that is the phrase's noun already)
                gap = head_gap
            else:
                gap = max(0, t_start - quantity.end)
                if rule.shared and (cause := _CAUSE.match(text, quantity.end, t_start)) is not None:
                    gap -= cause.end() - cause.start()  # 2人因与确诊病例同乘一趟列车被转运集中隔离: why, then what
            if (not before and quantity.unit == _GE and (noun := noun_span()) is not None and noun[1] <= t_start
                    and not _search(ruleset.people_nouns, text, *noun, hits)
                    and _search(ruleset.people_nouns, text, t_start, t_end, hits)):
                continue  # 17个防疫卡点值守人员: 个 with a noun of things right after it counts the things
            if (not before and not rule.shared and people and gap > rule.window
                    and t_end - quantity.end <= NOUN_PHRASE_REACH
                    and _people_phrase(ruleset, text, quantity.end, t_end, hits)
                    # (not where a noun of things stands right after the measure word: 11个卡点慰问值守人员 counts
                    # the checkpoints visited)
                    and ((noun := noun_span()) is None or _search(ruleset.people_nouns, text, *noun, hits))):
                # 32名会骑马、懂蒙汉双语的党员: a noun of people that ends one noun phrase of people from the number
                # is its head, however long its modifiers
                gap = rule.window
            # (志愿者们服务群众达5000人次: the served)
            wide = total or (led_up and clause[0] <= t_start and not _search(
                ruleset.people_nouns, text, t_end, quantity.start, hits)) or (
                enumerated and clause[0] <= t_start and _LIST_SEPARATOR in text[t_end:quantity.start]) or (
                before and people and _more_people_listed(ruleset, text, t_end, quantity.start, hits))
            if gap > (min(rule.window, NOUN_BEFORE_WINDOW) if before and not rule.shared and not wide
                      # 对3名值守不力的村（社区）干部进行约谈: the action on an object led in by 对 ends its noun
                      # phrase, however long (对两名在疫情期间违规操办宴席的村组干部进行了约谈)
                      else rule.window + NOUN_PHRASE_REACH if rule.shared and not before and object_right_before()
                      # an action before one noun phrase of people that runs up to the count governs it, however
                      # long its modifiers (排查出14天内有中高风险地区旅居史人员46人)
                      else rule.window + NOUN_PHRASE_REACH if rule.shared and before and people and _people_phrase(
                          ruleset, text, t_end, quantity.start, hits)
                      # and so does an action right after one, its subject (23名个体诊所医生和护士主动报名), for a
                      # rule whose window leaves room for a noun at all (52人下沉 wants its verb at the number)
                      else rule.window + NOUN_PHRASE_REACH if rule.shared and not before and people
                      and NOUN_BEFORE_WINDOW <= rule.window < gap
                      and _people_then_act(ruleset, text, quantity.end, t_start, hits)
                      else rule.window):
                continue
            if total and before and t_end <= clause[0] and (
                    (clause_names_its_count() and not relative())
                    or not _totals_across(ruleset, text, clause, quantity, rule, t_start, hits)):
                continue
            if not rule.shared and _owned_elsewhere(ruleset, text, quantity, t_start, t_end, others, rule, hits):
                continue
            if not rule.shared and _modifies_another_head(
                    ruleset, text, t_start, t_end, quantity.start if before else clause[1], hits,
                    groups=not people):
                continue
            if members and rule.shared and before:
                continue
            if rule.shared and before and ruleset.other_heads is not None and (
                    ((head_after := _word_at(ruleset.other_heads, text, t_end, quantity.start, hits)) is not None
                     and head_after[1] - head_after[0] <= COMPOUND_HEAD) or (
                    (site := _word_at(ruleset.other_heads, text, t_start, quantity.start, hits)) is not None
                    and site[1] > t_end)):
                # the action and a short head right after it make one noun (检测机构现场负责人1名), or the action is
                # part of a longer head (隔离点负责人17人次): no verb here (but in 约谈隔离点负责人 the site is a noun)
                continue
            # an action's word after the number that begins a longer noun is that noun's modifier (缝制隔离衣: a gown
            # sewn, no one isolated)
            if rule.shared and not before and (noun := _word_at(ruleset.nouns, text, t_start, clause[1], hits)) and (
                    noun[1] > t_end):
                continue
            if agents and rule.shared and not before:
                continue
            if (rule.participants_act and not before and people and ruleset.joining_verbs is not None
                    and not _CLAUSE_END.search(text, quantity.end, t_start)
                    and _search(ruleset.joining_verbs, text, quantity.end, t_start, hits)):
                continue  # 260名导游参与社区值守、疫情排查: those who take part in the work do it
            if rule.shared and not before and people and (
                    _for_others(ruleset, text, quantity.end, t_start, hits)
                    or _acts_on_people(ruleset, text, quantity.end, t_end, clause[1], hits)):
                continue  # 两名村民正在给过往群众测体温, 2名大学生在卡点登记进出人员: the two check others
            if not before and people and (acting := actor()) is not None and _another_noun_first(
                    ruleset, text, quantity, acting, t_start) and _word_at(
                    ruleset.becoming_verbs, text, t_start, t_end, hits) is None:
                # 1200余名党员干部在集市周边巡查劝导: the verb is what the party members did (not a trigger that heads
                # the noun's list or compound: 80多名党员、网格员等志愿者, 133名党员巾帼志愿者; nor one that opens
                # with becoming, which says what they are now: 62名干部职工报名成为志愿者)
                continue
            if rule.shared and not before and (_opens_next_item(text, quantity, t_start, t_end, others)
                                               or _nearer_count_between(rule, text, quantity, t_start, others,
                                                                        hits)):
                continue
            if (not before and _an_article(quantity) and not _governed_by_context(ruleset, rule, text, quantity, hits)
                    and not _listed_after_a_count(text, quantity, others)):
                continue
            if not before and _STATEMENT_END.search(text, quantity.end, t_start):
                continue  # 转疫控办10万元;收到捐赠的医疗用品: the gift received is another statement's
            if (not before and not rule.shared and _CONJOINED.fullmatch(text, quantity.end, t_start)
                    and ruleset.nouns is not None and _ends_at(ruleset.nouns, text, quantity.start - (
                        text[quantity.start - 1] in _CLOSING_QUOTES if quantity.start else 0), hits)):
                continue  # 明白纸2000份及宣传标语: the number has its noun before it, the one after 及 is another item
            # places that each set one up count as many of it (5个路口均设立检查站)
            each = (each_end is not None and not before and not rule.shared and t_start - each_end <= EACH_REACH
                    and each_end <= t_start and not _SEPARATOR.search(text, each_end, t_start))
            if (not each and not before and not rule.shared
                    and _breaks_phrase(ruleset, text, quantity.end, t_start, hits,
                                       modifier_end=text.rfind(_OF, quantity.end, t_start))
                    and not (people and _search(ruleset.joining_verbs, text, subject[1] if subject else quantity.end,
                                                t_start, hits))
                    and not (people and _COPULA_AFTER.fullmatch(text, quantity.end, t_start))):
                continue  # (people who join become what follows: 30名村民加入了志愿者队伍, 12名大学生成为了志愿者; and
                # those who are it: 剩下五个都是志愿者)
            if not each and not rule.shared and _counts_places(ruleset, text, place, before, t_start, t_end, hits):
                continue
            if not rule.shared and _in_a_phrase_of(ruleset, text, subject, t_start, before, hits):
                continue
            if not each and not rule.shared and not before and subject is None and _another_noun_first(
                    ruleset, text, quantity, noun_span(), t_start) and not (
                    # people who join become what follows, whatever their noun (180名员工报名成为社区志愿者)
                    people and _search(ruleset.joining_verbs, text, noun_end(), t_start, hits)):
                continue
            if before and rule.shared and text.startswith(_OF, quantity.start - 1) and _search(
                    ruleset.joining_verbs, text, clause[0], t_start, hits):
                continue  # 参与社区排查的1380名: what the people left unnamed took part in; they are not those screened
            if before and not rule.shared and _search(ruleset.object_markers, text, t_end, quantity.start, hits):
                continue  # 医护人员对1200名返乡人员: the staff act on the number, they are not what it counts
            if before and not rule.shared and not total and (own := noun_span()) is not None and not _in_trigger(
                    rule, text, own, hits) and not (
                    # (a measure of people counts no noun of things: in 村两委成员12人值守卡点 the 值守卡点 is what they
                    # do, verb and object; but a group of them sizes the group: 由……组成的24人值守队伍)
                    people and quantity.unit != _GE and not _search(ruleset.people_nouns, text, *own, hits)
                    and not _search(ruleset.group_nouns, text, *own, hits)):
                continue  # 卡点上有5个志愿者: the noun right after the measure word is what is counted
            if before and not rule.shared and _CONJUNCTION.fullmatch(text, t_end, quantity.start) and _has_own_noun(
                    ruleset, text, quantity, clause[1], hits):
                continue  # 9名党员和5名社长: the 5 has a noun of its own after it, 党员 is the 9's
            if _excluded(rule, text, clause, quantity, t_start, t_end, sentence, hits, paragraph, ruleset):
                continue
            distance = _distance(quantity, t_start, t_end, rule.shared) if before or head_gap is None else head_gap
            if not before and not rule.shared and _A_MEMBER.match(text, t_end, quantity.end + NOUN_PHRASE_REACH):
                distance += NOUN_PHRASE_REACH  # a member of a 等-list yields to the list's head, where one is found
            if (t_start, t_end) in carried_spans and not carried_to_all():
                distance = 0
            elif t_start < clause[0] or t_end > clause[1]:
                distance += OUTSIDE_CLAUSE_PENALTY
            if best is None or distance < best.distance:
                best = Match(rule, t_start, t_end, distance)
        if best is None and rule.lists and head is not None and (head is not quantity or _after_colon(text, head)):
            best = _list_match(rule, text, head, clause, hits)
            if best is not None and head is not quantity and _excluded(
                    rule, text, clause, quantity, clause[0], clause[0], sentence, hits, paragraph, ruleset):
                best = None  # the item's own words veto it (收到口罩3000只，其中购买1000只: bought)
        elif best is None and rule.shared and rule.side != "after" and head is not None:
            best = _heading_match(rule, text, head, quantity, hits)
        if best is not None and rule.authority_handouts and _handed_out_by_authority(
                ruleset, rule, text, quantity, clause, hits, sentence):
            best = None
        if (best is not None and rule.givers and rule.exclude is not None and (parts := parts_after()) is not None
                and any(_search(rule.exclude, text, start, end, hits) for start, end in parts)):
            # 送去燃煤110吨（其中乡财政出资采购80吨，爱心企业捐赠30吨）: a part was bought, so the whole is no gift
            best = None
        if best is not None and not rule_vetoed(rule, scope[1]):
            candidates.append((best, order))
    if not candidates or _vetoed(ruleset, text, quantity, clause, sentence, others, hits, heading, outer):
        return None
    if total and len(candidates) > 1 and any(not m.rule.shared for m, _ in candidates):
        # a bare total counts the noun named before it: the verb of its own word of totalling only repeats the one
        # that governed that noun (送去了居家监测告知书，一户一份，共送了三十八份: the letters, no goods)
        candidates = [(m, order) for m, order in candidates
                      if not (m.rule.shared and said_at() <= m.trigger_start < quantity.start)] or candidates
    # A trigger inside a longer trigger of another rule (干部 in 党员干部) yields to it.
    kept = _outermost(candidates)
    if len(kept) > 1 and len(quantity.unit_classes) > 1 and _MONEY in quantity.unit_classes and (
            any(not m.rule.shared and _MONEY not in m.rule.units
                and quantity.start in (m.trigger_end, m.trigger_end + 1) for m, _ in kept)):
        # a measure word of money or of pieces (块) right after a noun of things, or one character after it (a closing
        # quote: “砖茶”400块), counts the things (香皂100块, 砖茶400块)
        kept = [(m, order) for m, order in kept if _MONEY not in m.rule.units] or kept
    if len(kept) > 1:
        kept = [(m, order) for m, order in kept if not any(
            _modifies(ruleset, text, quantity, m, o, hits) for o, _ in kept)]
    if people and len(kept) > 1 and any(not m.rule.shared and m.trigger_end == quantity.start for m, _ in kept) and (
            not undergoing() and not _search(ruleset.patient_markers, text, clause[0], quantity.start, hits)):
        # 巾帼志愿者2300余名参与卡点值守、宣传劝导: people named right before the number do what follows it (not
        # where 对 leads them in, or 被 makes them undergo it: 对……社区工作人员2名进行约谈)
        kept = [(m, order) for m, order in kept if not (m.rule.shared and m.trigger_start >= quantity.end)] or kept
    if people and len(kept) > 1 and _search(ruleset.patient_markers, text, clause[0], quantity.start, hits):
        # 对1200名机关干部进行核酸检测: people led in as the object of an action after them are counted by what was
        # done to them; their noun says who they are
        acted = [(m, order) for m, order in kept if m.rule.shared and m.trigger_start >= quantity.end]
        kept = acted or kept
    elif people and len(kept) > 1 and undergoing() and (
            acted := [(m, order) for m, order in kept if m.rule.shared and m.trigger_start >= undergoing()[0][1]]):
        # (so are people who undergo it, 接受 or 被 after their noun: 60余名工作人员接受核酸检测)
        kept = acted
    elif len(kept) > 1 and (own := noun_span() or next(
            ((m.trigger_start, m.trigger_end) for m, _ in kept if m.trigger_start == quantity.end), None)):
        # (the noun right after the measure word, of the lexicon or a rule's own: 5个工作组)
        kept = _subject_acts(ruleset, text, kept, own, clause, hits, object_led())
    return _ranked_first(kept)


def _subject_acts(ruleset: RuleSet, text: str, kept: list[tuple[Match, int]], own: tuple[int, int],
                  clause: tuple[int, int], hits: Hits | None, object_led: bool) -> list[tuple[Match, int]]:
    """`kept` without the actions after the number's own noun `own` in its clause, where a rule of that noun
    claims it: 1100余名志愿者主动报名参与卡点值守、宣传劝导 counts volunteers, who act, not people turned back. A word
    of undergoing between, or an object marker leading the number (对30名志愿者进行核酸检测), keeps the action
    (5名干部被问责). Nor does an action that is only the name of a kind, in a 、-list right before the number
    (督查问责5个工作组), claim it."""
    if not any(not m.rule.shared and m.trigger_start == own[0] for m, _ in kept):
        return kept
    acting = [(m, order) for m, order in kept if not (
        m.rule.shared and not object_led and own[1] <= m.trigger_start < clause[1]
        and not _search(ruleset.undergoing_markers, text, own[1], m.trigger_start, hits)
        # (an action that opens with becoming says what the people are now: 62名干部职工报名成为志愿者)
        and _word_at(ruleset.becoming_verbs, text, m.trigger_start, m.trigger_end, hits) is None
        or m.rule.shared and _names_a_kind(text, m, own))]
    return acting or kept


# How far before a trigger the 、 opening its item may stand, for the item to name a kind (督查问责, 综合协调)
KIND_NAME_LEAD = 3


def _names_a_kind(text: str, match: Match, own: tuple[int, int]) -> bool:
    """True where the trigger ends a short item of a 、-list that runs into the number, whose own noun follows:
    下设综合协调、排查管控、督查问责5个工作组 (or 督查问责、复工复产9个工作组) names kinds of groups, no one held to
    account."""
    if match.trigger_end > own[0] or text.rfind(
            _LIST_SEPARATOR, max(0, match.trigger_start - KIND_NAME_LEAD), match.trigger_start) < 0:
        return False
    later = _LATER_KINDS.match(text, match.trigger_end, own[0])
    return (own[0] - later.end() <= MEASURE_AND_NUMBER
            and _DIGITS_TO_MEASURE.fullmatch(text, later.end(), own[0]) is not None)


def _modifies(ruleset: RuleSet, text: str, quantity: Quantity, noun: Match, head: Match,
              hits: Hits | None) -> bool:
    """True where the noun trigger `noun`, after the number, modifies the noun trigger `head` after it in one
    compound: Chinese nouns are head-final, so in 133名党员巾帼志愿者 or 青年党员志愿者 the 志愿者 says what is counted.
    The two touch, overlap, or have only modifiers of the lexicon between them; and no word of `noun`'s own rule
    holds the head (机关党员干部: 党员干部 is the party members' word, its 干部 no other head)."""
    if noun.rule.shared or head.rule.shared or noun.trigger_start < quantity.end:
        return False
    if head.trigger_end <= noun.trigger_end or head.trigger_start < noun.trigger_start:
        return False
    between = text[noun.trigger_end:head.trigger_start].strip("“”‘’\"'")  # (2台“小喇叭”宣传车: a name in quotes)
    if between and not _modifiers_only(ruleset, between):
        return False
    return not any(s <= head.trigger_start and head.trigger_end <= e
                   for s, e in _triggers(noun.rule, text, noun.trigger_start, head.trigger_end, hits))
