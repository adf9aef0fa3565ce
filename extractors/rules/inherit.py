"""Inheritance: a number no rule claimed takes the claim of the number it is listed with or is a part of.

The anchor is claimed by a rule and in the number's unit class; it is one of:

- the first item of the 、-list the number stands in (捐赠KN95口罩2万个、N95口罩8万个、抗原试剂2万支: the
  reagents are given as the masks are, though no word of goods names them);
- the total before a part marker in the number's sentence (设置检测点20处，其中高速3处、其他道路17处: each part
  counts what the total counts);
- a parallel item before it, with the same label right before each number;
- the count before it that it changed from (卡点由原来的15个增加到22个);
- for the first item of a list, the next item in the same measure word, where a frame (a shared rule, or a
  rule with a context verb) claimed it (将3000公斤椪柑、8000公斤脐橙捐赠给…).

A number with no anchor may still be claimed by what heads its list: a label item composing with the list's
verb (出动车辆70余辆、人员380人次), the list's action over a bare-noun label (排查车辆1200辆，人员3400人次), a noun
ending the heading before a colon (全镇设卡点：主要路口6个、村组路口30个), or, for the first number of a line of a
list of lines, the action a lead line above names (一、捐款⏎1. 青峰镇商会：100000元).

The number's own item must name nothing that another metric's rule counts, no place or person right after its
measure word, and nothing that vetoes any rule (a case count, a plan, a group size). Runs after matching, on the
matches of a whole text; knows nothing of files or facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from fangkong.numbers.quantities import Quantity
from fangkong.rules.match import (
    BRACKET_ASIDE,
    BRACKET_ASIDE_MAX,
    COLON_ITEM,
    HAVING,
    a_bare_total_alone,
    before_word_at,
    counts_unit,
    ends_at,
    excluded_everywhere,
    has_own_noun,
    in_people_measure,
    people_phrase,
    rules_of_unit,
    spans_in,
    triggers_between,
    triggers_in,
    word_at,
    words_in,
)
from fangkong.rules.model import Match, Rule, RuleSet
from fangkong.rules.punctuation import CLAUSE_ENDS, ITEM_ENDS
from fangkong.rules.words import scan_compound

if TYPE_CHECKING:
    from fangkong.rules.words import Hits

# What opens an item (searched backwards from the number) and what ends it (after the number).
_ITEM_OPEN = regex.compile(f"[{ITEM_ENDS}(（]", regex.REVERSE)
_ITEM_CLOSE = regex.compile(f"[{ITEM_ENDS})）]")
_ASIDE_CLOSE = regex.compile(r"[)）]")
_ASIDE_OPEN = regex.compile(r"[(（]")
# Separators that end an enumeration: only 、 joins the items a claim passes along.
_CLAUSE_BREAK = regex.compile(f"[{CLAUSE_ENDS}]")
# What joins a number to the one before it in an enumeration: an item after a 、, or a conjunction at once
# (口罩3000只和1200盒); not a phrase of its own (四处凑来的10套).
_JOINED = regex.compile(rf"[^{CLAUSE_ENDS}]*、[^{CLAUSE_ENDS}]*|\s*(?:和|及|与|以及|或)?\s*")
# A total is looked for at most this many numbers back: a list of parts is short, and a text of numbers long.
PART_REACH = 12
_PEOPLE = frozenset({"person", "person-times"})
# An inherited fact's evidence starts at its item's start, but never more than this far before the number, and
# ends with the item where its noun after the number is this short.
ITEM_REACH = 12
OWN_NOUN_REACH = 8
# The longest evidence running from a trigger over other items of a list to a number: beyond it, the number's item.
EVIDENCE_REACH = 24
# How far past a trigger another word of its rule that overlaps it may run (党员志愿 and 志愿者)
TRIGGER_WHOLE = 8


@dataclass(frozen=True)
class Found:
    """A quantity where matching saw it: its clause, sentence and paragraph spans and its clause's quantities."""

    quantity: Quantity
    clause: tuple[int, int]
    sentence: tuple[int, int]
    paragraph: tuple[int, int]
    others: Sequence[Quantity]
    heading: tuple[int, int] | None = None  # the heading of its section
    outer: tuple[tuple[int, int], ...] = ()  # the headings above that one


def _item(text: str, found: Found) -> tuple[int, int]:
    """The span of the 、-list item or clause piece holding the number."""
    quantity = found.quantity
    lo = max(found.clause[0], quantity.start - ITEM_REACH)
    if _ASIDE_CLOSE.search(text, lo, quantity.start):
        # an aside in brackets is no reach (密切接触者(Close Contact)1,286人): the item's start lies before it
        lo = max(found.clause[0], quantity.start - ITEM_REACH - sum(
            len(aside) for aside in BRACKET_ASIDE.findall(
                text, max(found.clause[0], lo - BRACKET_ASIDE_MAX), quantity.start)))
    opening = _ITEM_OPEN.search(text, lo, quantity.start)
    while opening is not None and opening.group() in "(（" and _ASIDE_CLOSE.search(text, opening.end(), quantity.start):
        opening = _ITEM_OPEN.search(text, lo, opening.start())  # a closed aside (酒精（75%）100箱) opens no item
    start = opening.end() if opening else lo
    closing = _ITEM_CLOSE.search(text, quantity.end, found.clause[1])
    return start, closing.start() if closing else found.clause[1]


# A part told by a headless relative clause: its 的 (and 有) right before the number (其中……值守的有19个)
# (or a short noun of who they are between: 参与卡点值守的学生有438人)
_HEADLESS_PART = regex.compile(r"的(?:\p{Han}{1,3}?(?:有|共有)|有|是|共有|共)?$")
_ASIDE_BEFORE = regex.compile(r"[(（][^()（）]{1,10}[)）]$")


def _before_aside(text: str, position: int) -> int:
    """Where a short aside in brackets ending at `position` starts (村（社区）215个: the 村 ends there), else
    `position`."""
    aside = _ASIDE_BEFORE.search(text, max(0, position - 12), position)
    return aside.start() if aside else position


def _names_places(ruleset: RuleSet, text: str, quantity: Quantity, hits: Hits | None) -> bool:
    """True where a noun of places ends right before the number, or before a short aside there (村（社区）215个)."""
    return ends_at(ruleset.places, text, _before_aside(text, quantity.start), hits)


def _names_another(ruleset: RuleSet, text: str, metric: str, item: tuple[int, int], found: Found,
                   hits: Hits | None) -> bool:
    """True where the item names what another metric counts, or a place or person follows the measure word."""
    quantity = found.quantity
    if word_at(ruleset.places, text, quantity.end, item[1], hits) or word_at(
            ruleset.subjects, text, quantity.end, item[1], hits):
        return True
    return any(triggers_in(rule, text, *item, hits) for rule in ruleset.rules
               if rule.metric != metric and rule.units & quantity.unit_classes)


def _names_other_people(ruleset: RuleSet, text: str, rule: Rule, item: tuple[int, int], found: Found,
                        hits: Hits | None, part: bool = False) -> bool:
    """True where a count of people names its own people before it in its item (after any number there), in a noun
    of people no trigger of `rule` holds (出动党员12人、群众30人: the masses are not party members). For a rule of a
    noun, which names only its own item; an action heading a list governs every item, whoever they are. A `part`
    of a total (其中返乡大学生22人 after 志愿者65人) is named by who they are, a word of the population served, and
    stays of the total's kind; a role of its own (其中党员10人) does not."""
    quantity = found.quantity
    if not quantity.unit_classes & _PEOPLE or ruleset.people_nouns is None:
        return False
    start = max([item[0], *(other.end for other in found.others if other.end <= quantity.start)])
    nouns = spans_in(ruleset.people_nouns, text, start, quantity.start, hits)
    if part and nouns and ruleset.subjects is not None:
        residents = spans_in(ruleset.subjects, text, start, quantity.start, hits)
        nouns = [noun for noun in nouns if not any(s <= noun[0] and noun[1] <= e for s, e in residents)]
    if part and nouns and ruleset.agent_nouns is not None:
        # (only a role names other people: 其中党员10人; who they are does not, 其中有退伍军人6名, 返乡大学生9名)
        roles = spans_in(ruleset.agent_nouns, text, start, quantity.start, hits)
        nouns = [noun for noun in nouns if any(s < noun[1] and noun[0] < e for s, e in roles)]
        # (and only a role another metric counts: 其中专业心理咨询师38名、社工61名 after 志愿者217名 says who the
        # volunteers are, as no metric counts social workers)
        nouns = [noun for noun in nouns if any(
            other.metric != rule.metric and not other.shared and other.units & _PEOPLE
            and triggers_in(other, text, *noun, hits) for other in ruleset.rules)]
    return bool(nouns) and not triggers_in(rule, text, start, quantity.start, hits)


# A part marker this close to a sentence's start opens it (其中, …): the sentence lists parts of the one before.
OPENING_MARKER = 4


def _previous_sentence_start(found: Sequence[Found], index: int, start: int) -> int:
    """The start of the sentence before the one starting at `start`, as the quantities before `index` know it
    (`start` itself where no quantity stands in the sentence before)."""
    for earlier in range(index - 1, -1, -1):
        if found[earlier].sentence[0] < start:
            return found[earlier].sentence[0]
    return start


def _part_anchor(ruleset: RuleSet, text: str, index: int, found: Sequence[Found],
                 matches: Sequence[Match | None], hits: Hits | None) -> int | None:
    """The index of the claimed total a part marker before the number makes it a part of, or None."""
    quantity = found[index].quantity
    sentence = found[index].sentence
    # a sentence that opens with the marker (……共捐款1.8万元。其中张三1000元) lists the parts of the one before
    start = sentence[0]
    # (it starts where a two-character marker, 其中, would have to end by OPENING_MARKER; it may run on)
    opening = _marker_end(ruleset, text, start, sentence[1], hits, latest=start + OPENING_MARKER - 2)
    if opening is not None:
        start = _previous_sentence_start(found, index, start)
    for earlier in range(index - 1, max(-1, index - 1 - PART_REACH), -1):
        other = found[earlier].quantity
        if other.end <= start:
            return None
        same = other.unit_classes == quantity.unit_classes
        if not same and _inside_a_relative_part(text, earlier, index, found):
            continue  # a count of another kind in a part's relative clause: where they worked (在6个采样点服务的有58名)
        if opening is not None and other.end <= sentence[0]:
            if not same and (matches[earlier] is None or not counts_unit(
                    matches[earlier].rule, quantity.unit_classes, quantity.unit)):
                # the sentence before went on past its total (……1126名学生……，覆盖全国27个省份。其中，……), or past it to
                # a count of another kind (志愿者一万一千四百余人……，累计服务四万六千余人次。其中，老教师三千六百人)
                continue
            marker = opening
        else:
            marker = _marker_end(ruleset, text, other.end, found[earlier + 1].quantity.start, hits)
            if marker is not None and _object_of_a_marker(ruleset, text, other.end, marker, hits):
                return None  # 针对其中情绪困扰明显的61人，安排志愿者: some of them, the object of what follows
        if marker is not None:
            earlier = _before_a_change(ruleset, text, earlier, found, matches, hits)
            total = matches[earlier]
            # parts may be counted in another unit the total's rule takes (接种3.6万剂次，其中第一剂1.9万人)
            numbers = [(f.quantity.number_start, f.quantity.number_end) for f in found[earlier + 1:index]]
            if total is None or not _enumerated(text, marker, quantity.start, numbers) or not (
                    same or counts_unit(total.rule, quantity.unit_classes, quantity.unit)):
                return None
            return earlier
        if not same:
            return None
    return None


def _object_of_a_marker(ruleset: RuleSet, text: str, start: int, marker: int, hits: Hits | None) -> bool:
    """True where the part marker ending at `marker` (after `start`) stands right after a word that makes what follows
    an object (对其中, 针对其中, 为其中): the number it leads is what something is done to, no part of a total."""
    opening = min((found.start() for found in ruleset.part_markers.finditer(text, start, marker)
                   if found.end() == marker), default=marker)
    return ends_at(ruleset.object_markers, text, opening, hits)


def _named_part_match(ruleset: RuleSet, text: str, index: int, found: Sequence[Found],
                      matches: Sequence[Match | None], hits: Hits | None) -> Match | None:
    """The claim of the total of people that a part with no noun of its own belongs to, where that total's noun says
    who they are (142名党员, a rule of nouns) and the part's own claim is an action's, of low priority, that takes
    people of any name (其中87人主动报名上一线); its evidence the part's item. None otherwise."""
    match, quantity = matches[index], found[index].quantity
    if match is None or not _a_lowly_action(match) or not quantity.unit_classes & _PEOPLE:
        return None
    if _names_its_own_people(ruleset, text, quantity, hits):
        return None  # 其中87名群众主动报名: the part names its own people
    anchor = _part_anchor(ruleset, text, index, found, matches, hits)
    if anchor is None or matches[anchor].rule.shared or matches[anchor].rule.metric == match.rule.metric:
        return None
    total = matches[anchor]
    item = (_item(text, found[index])[0], quantity.end)
    if not _takes_anchor(ruleset, text, found[index], total.rule, item, found[anchor].quantity, hits, backward=False,
                         headless=True, part=True, listed=False):
        return None
    return Match(total.rule, *_item_evidence(ruleset, text, quantity, item, hits), total.distance)


def _a_lowly_action(match: Match) -> bool:
    """True where a claim is an action's, of low priority, that takes people of any name (报名, 请缨): a total's or a
    whole's noun of who they are wins over it for a part of them."""
    return match.rule.priority < 0 and match.rule.shared


def _names_its_own_people(ruleset: RuleSet, text: str, quantity: Quantity, hits: Hits | None) -> bool:
    """True where a noun of the lexicon or of people stands right after the number's measure word (其中87名群众)."""
    return word_at(ruleset.nouns, text, quantity.end, len(text), hits) is not None or word_at(
        ruleset.people_nouns, text, quantity.end, len(text), hits) is not None


def _inside_a_relative_part(text: str, inner: int, index: int, found: Sequence[Found]) -> bool:
    """True where the quantity `inner` stands in the relative clause of a part of `index`'s kind later in its clause
    (在6个采样点服务的有58名: the 6 is where the 58 served)."""
    kind = found[index].quantity.unit_classes
    clause = found[inner].clause
    return any(found[later].clause == clause and found[later].quantity.unit_classes == kind
               and _HEADLESS_PART.search(text, found[inner].quantity.end, found[later].quantity.start) is not None
               for later in range(inner + 1, index + 1))


def _before_a_change(ruleset: RuleSet, text: str, index: int, found: Sequence[Found],
                     matches: Sequence[Match | None], hits: Hits | None) -> int:
    """The claimed count just before `index` in its sentence, in the same measure word, where `index` stands in a clause
    opened by a word of comparison or of a rate and no rule claimed it (累计排查4137人，较上周增加612人: the 4137;
    累计金额476.3万元，人均166.5元: the 476.3万); else `index`."""
    here = found[index]
    if matches[index] is not None or index == 0:
        return index
    before = found[index - 1]
    if (before.sentence != here.sentence or matches[index - 1] is None
            or before.quantity.unit_classes != here.quantity.unit_classes):
        return index
    opening = _AFTER_MARKER.match(text, here.clause[0]).end()
    return index - 1 if any(word_at(pattern, text, opening, here.quantity.start, hits)
                            for pattern in (ruleset.comparison_markers, ruleset.rate_markers)) else index


# A part after a part marker: items joined by 、, or by ， where each piece is a short label and its count
# (其中常住人口4660人，返乡人员17人，外来人员15人); a longer piece has a verb of its own. (A count written in words
# is read as one digit first: see _enumerated.)
_PART_PIECE = regex.compile(rf"[^{CLAUSE_ENDS}]{{0,10}}?\d[^{CLAUSE_ENDS}]{{0,6}}")
# (or a piece told by a relative clause, the work its people did: 参与核酸检测服务的有312人, 在6个采样点服务的有58名)
_RELATIVE_LEAD = rf"[^{CLAUSE_ENDS}]{{1,24}}?的\p{{Han}}{{0,3}}?(?:有|是|共有|共)?"
_RELATIVE_PIECE = regex.compile(rf"{_RELATIVE_LEAD}\d[^{CLAUSE_ENDS}]{{0,6}}")
_RELATIVE_LAST = regex.compile(_RELATIVE_LEAD)


# A comma or colon right after a part marker (其中，武汉返乡53人) opens its list, it does not end a piece.
_AFTER_MARKER = regex.compile(r"[\s,，:：]*")


def _enumerated(text: str, marker: int, number: int, numbers: Sequence[tuple[int, int]] = ()) -> bool:
    """True where the stretch from a part marker to a number enumerates parts: nothing but 、-items, or short
    comma-joined pieces each with its count. `numbers` are the spans of the numbers found in the stretch (as
    written, in digits or in words): each is read as one digit, so a count in words is a count (其中，老干部二千一百人，
    老教师三千六百人)."""
    marker = _AFTER_MARKER.match(text, marker, number).end()
    written = "".join(_with_numbers_as_digits(text, marker, number, numbers))
    # (asides in brackets and the commas of thousands are no part of a piece: 密切接触者(Close Contact)1,286人)
    stretch = _THOUSANDS_COMMA.sub("", BRACKET_ASIDE.sub("", written))
    if _CLAUSE_BREAK.search(stretch) is None:
        return True
    pieces = regex.split(r"[,，]", stretch)
    return (not _CLAUSE_BREAK.search(stretch.replace(",", "").replace("，", ""))
            and all(_PART_PIECE.fullmatch(piece) or _RELATIVE_PIECE.fullmatch(piece) for piece in pieces[:-1])
            # (the names of a 、-list before the last piece's head are one item: 温州、宁波等重点地区返乡148人)
            and (len(pieces[-1].rsplit("、", 1)[-1]) <= 10 or _RELATIVE_LAST.fullmatch(pieces[-1]) is not None))


_THOUSANDS_COMMA = regex.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def _with_numbers_as_digits(text: str, start: int, end: int, numbers: Sequence[tuple[int, int]]) -> list[str]:
    """text[start:end] in pieces, each number of `numbers` inside it written in words replaced by one digit."""
    pieces, at = [], start
    for number_start, number_end in numbers:
        if start <= number_start and number_end <= end and not text[number_start:number_end].isascii():
            pieces += [text[at:number_start], "0"]
            at = number_end
    return [*pieces, text[at:end]]


# How many characters of the two labels must agree for two items to be parallel (返乡人员17人、…返乡人员7人).
PARALLEL_HEAD = 2
# A parallel item after a comma: the comma, then a short label of Han characters only (no verb of its own in a
# clause of its own: 其他地区已返乡人员, not 其中隔离观察的有).
_COMMA_ITEM = regex.compile(r"\s*[,，]\s*\p{Han}{2,12}")
# An item after a comma that ends in 的 right before its number: its head is left out (，参与社区排查的1380名), and the
# head of the item before, after its own 的, is at most ELIDED_HEAD_MAX characters (的志愿者2960名).
_OF = "的"
_ELIDED_ITEM = regex.compile(r"\s*[,，;；]\s*[^,，;；:：。!?！？\d]{1,20}的")
ELIDED_HEAD_MAX = 6


def _claimed_neighbour(index: int, step: int, found: Sequence[Found], matches: Sequence[Match | None]) -> int | None:
    """The index of the number `step` away from this one (-1: just before it, 1: just after it), where a rule
    claimed it and it stands in this number's clause in a measure word of the same dimension (人, 名); None
    otherwise."""
    other = index + step
    if not 0 <= other < len(found) or matches[other] is None:
        return None
    here, there = found[index], found[other]
    if (there.quantity.unit_classes != here.quantity.unit_classes
            or not here.clause[0] <= there.quantity.start < here.clause[1]):
        return None
    return other


# A colon or a space between a label and its number (其他地区返乡人员：7人)
_LABEL_GAP = regex.compile(r"[:：\s]+", regex.REVERSE)
# How many words may stand between a label and its number (返乡人员共计达7人: 共计, 达)
LABEL_GAP_WORDS = 2


def _label_ends(ruleset: RuleSet, text: str, position: int, hits: Hits | None) -> list[int]:
    """Where the label of the number at `position` may end, nearest first: the number itself, then before each word
    of totalling or word that only leads up to a number, and the colon between them, in turn (其他地区返乡人员累计7人,
    …人员达7人, …人员：7人, 第二次共1688人)."""
    ends = [position]
    for _ in range(LABEL_GAP_WORDS + 1):
        if gap := _LABEL_GAP.match(text, max(0, position - 4), position):
            position = gap.start()
        moved = before_word_at(ruleset.totalling_words, text, position, hits)
        if moved == position:
            moved = before_word_at(ruleset.function_words, text, moved, hits)
        if moved == position:
            break
        position = moved
        ends.append(position)
    return ends


def _label_end(ruleset: RuleSet, text: str, position: int, hits: Hits | None) -> int:
    """Where the label of the number at `position` ends, every word leading up to the number set aside."""
    return _label_ends(ruleset, text, position, hits)[-1]


def _elided_head_anchor(text: str, index: int, found: Sequence[Found], matches: Sequence[Match | None]) -> int | None:
    """The index of the claimed number just before this one where this one's item ends in 的 right before it, leaving
    out the head that the item before names after its own 的, in the same sentence, one comma between (参与卡点值守的
    志愿者2960名，参与社区排查的1380名，参与宣传引导的940名: volunteers, each). None where there is none."""
    here, before = found[index], found[index - 1] if index else None
    if (before is None or matches[index - 1] is None or before.quantity.unit_classes != here.quantity.unit_classes
            or before.sentence != here.sentence or not text.startswith(_OF, here.quantity.start - 1)
            or not _ELIDED_ITEM.fullmatch(text, before.quantity.end, here.quantity.start)):
        return None
    of = text.rfind(_OF, before.clause[0], before.quantity.start)
    return index - 1 if of >= 0 and before.quantity.start - of - 1 <= ELIDED_HEAD_MAX else None


def _parallel_anchor(ruleset: RuleSet, text: str, index: int, found: Sequence[Found], matches: Sequence[Match | None],
                     hits: Hits | None) -> int | None:
    """The index of the claimed number just before this one that heads a parallel item: a unit of the same
    dimension (人, 名), only a 、 (or one comma, in the same sentence, before a short label) between the two
    items, and labels that end in the same head right before each number (排查武汉返乡人员17人、
    湖北省其他地区返乡人员7人; 排查武汉返乡人员53人，其他地区已返乡人员1394人), or, for a rule of kinds, an item
    naming another of its kinds (医用外科口罩20000只，免洗手消毒凝胶800瓶). Not where the head is a label of a count
    (劝返人数559人，宣传引导人数3889人: its modifier says what is counted). None where there is none."""
    here, before = found[index], found[index - 1] if index else None
    if before is None or matches[index - 1] is None or before.quantity.unit_classes != here.quantity.unit_classes:
        return None
    label_end = _label_end(ruleset, text, here.quantity.start, hits)
    if ruleset.count_labels is not None and (ends_at(ruleset.count_labels, text, here.quantity.start, hits)
                                             or ends_at(ruleset.count_labels, text, label_end, hits)):
        return None
    between = text[before.quantity.end:here.quantity.start]
    if _COMMA_ITEM.fullmatch(between):
        # (not where a verb opens the item: it has an action of its own, ，发现体温异常人员9人)
        opening = _AFTER_MARKER.match(text, before.quantity.end).end()
        joined = before.sentence == here.sentence and not word_at(ruleset.item_verbs, text, opening,
                                                                  here.quantity.start, hits)
    else:
        joined = (_claimed_neighbour(index, -1, found, matches) is not None and between.count("、") == 1
                  and not _CLAUSE_BREAK.search(between))
    if not joined:
        return None
    metric = matches[index - 1].rule.metric
    if any(rule.kinds and rule.metric == metric and triggers_in(rule, text, before.quantity.end, here.quantity.start,
                                                                hits) for rule in ruleset.rules):
        return index - 1  # (another kind of what the claim counts: 医用外科口罩20000只，免洗手消毒凝胶800瓶)
    head = text[label_end - PARALLEL_HEAD:label_end]
    if len(head) < PARALLEL_HEAD or not all("\u4e00" <= char <= "\u9fff" for char in head):
        return None
    before_end = _label_end(ruleset, text, before.quantity.start, hits)
    return index - 1 if text[before_end - PARALLEL_HEAD:before_end] == head else None


# A table's total row, as tables.read_tables writes it: its label a word of totalling, then a colon (合计：笔数2208，
# 金额4988476.50元); and the words of a column right before a number in a row (金额), after the row's colon or a comma.
_TOTAL_ROW = regex.compile(r"[ \t]*(?:合计|总计|小计|共计|总数)[:：]")
_COLUMN_WORDS = regex.compile(r"[:：,，](?P<words>[^:：,，。;；\d\n]{1,8})$")


def _total_row_anchor(text: str, index: int, found: Sequence[Found], matches: Sequence[Match | None]) -> int | None:
    """The index of the claimed number of the row right above where this one stands in a table's total row (see
    _TOTAL_ROW), under the same column's words and in the same measure word: the total counts what the column's rows
    count, whatever their labels name (企业捐赠：笔数126，金额3268400元 … 合计：笔数2208，金额4988476.5元). None
    where there is none."""
    quantity = found[index].quantity
    line = text.rfind("\n", 0, quantity.start) + 1
    if not _TOTAL_ROW.match(text, line) or (words := _COLUMN_WORDS.search(text, line, quantity.start)) is None:
        return None
    above = text.rfind("\n", 0, max(line - 1, 0)) + 1
    for other in range(index - 1, -1, -1):
        before = found[other].quantity
        if before.start < above:
            return None
        if (matches[other] is not None and before.unit == quantity.unit
                and (column := _COLUMN_WORDS.search(text, above, before.start)) is not None
                and column["words"] == words["words"]):
            return other
    return None


# A parallel clause that names only a place and its number (东岗村组织志愿者32名，西岗村28名，南岗村41名): a comma or
# a semicolon, a short label of Han characters (an aside in brackets may follow it) ending in a settlement's noun,
# then at most a word of totalling
_PLACE_ITEM = regex.compile(r"\s*[,，;；]\s*(?P<label>\p{Han}{1,10})(?:[(（]\p{Han}{1,6}[)）])?(?:共有|共|有|各)?\s*")


def _place_item_anchor(ruleset: RuleSet, text: str, index: int, found: Sequence[Found],
                       matches: Sequence[Match | None], hits: Hits | None) -> int | None:
    """The index of the claimed number just before this one where this one's clause names only a settlement (see
    _PLACE_ITEM) and the two share their sentence and measure word: the place did what the clause before says, so
    many of it (西岗村28名: 28 volunteers). None where there is none."""
    if not index or matches[index - 1] is None or ruleset.settlements is None:
        return None
    here, before = found[index], found[index - 1]
    if before.sentence != here.sentence or before.quantity.unit != here.quantity.unit:
        return None
    item = _PLACE_ITEM.fullmatch(text, before.quantity.end, here.quantity.start)
    if item is None or not ends_at(ruleset.settlements, text, item.end("label"), hits):
        return None
    return index - 1


# An ordinal label of a batch, round or time (第二批, 第3轮, 首批): right before a number, or opening the item before
_ORDINAL = r"(?:第[一二三四五六七八九十\d]{1,3}|首)([批次轮组期])"
# The whole of a number's clause before it being an ordinal label: 第二批40人, ，第一次 1567人 (matched from the
# clause's start, it fails at the first other character: no search through a long clause)
_ORDINAL_LABEL = regex.compile(r"[ ,，]*" + _ORDINAL + r"\s*")
_ORDINAL_OPENING = regex.compile(r"[\s,，]*" + _ORDINAL)
_ORDINAL_MARK = regex.compile(r"[第首]")


def _ordinal_label(ruleset: RuleSet, text: str, here: Found, hits: Hits | None) -> regex.Match | None:
    """The ordinal label that is all there is before the number in its clause, a word leading up to the number aside
    (第一次累计1567人), as a match (its group 1: the measure), or None."""
    label = _ORDINAL_LABEL.fullmatch(text, here.clause[0], here.quantity.start)
    if label is not None or not _ORDINAL_MARK.search(text, here.clause[0], here.quantity.start):
        return label  # most numbers: no ordinal in their clause at all, and no words to set aside looked up
    return next((label for end in _label_ends(ruleset, text, here.quantity.start, hits)[1:]
                 if (label := _ORDINAL_LABEL.fullmatch(text, here.clause[0], end))), None)


def _ordinal_anchor(ruleset: RuleSet, text: str, index: int, found: Sequence[Found], matches: Sequence[Match | None],
                    hits: Hits | None) -> int | None:
    """The index of the claimed number just before this one in its sentence, where each stands in an item labelled
    by an ordinal of one measure and this one's label is all there is before it (第一批志愿者30人已上岗，第二批40人
    正在培训: the second batch are volunteers too). None where there is none."""
    if index == 0 or matches[index - 1] is None:
        return None
    here, before = found[index], found[index - 1]
    if before.sentence != here.sentence or before.quantity.unit_classes != here.quantity.unit_classes:
        return None
    label = _ordinal_label(ruleset, text, here, hits)
    if label is None:
        return None
    opening = _ORDINAL_OPENING.match(text, before.clause[0], before.quantity.start)
    return index - 1 if opening is not None and opening.group(1) == label.group(1) else None


def _nearest_claimed(text: str, index: int, found: Sequence[Found], result: Sequence[Match | None],
                     heads: Sequence[int], nearest: dict[int, int | None]) -> int | None:
    """The index of the nearest claimed item before this one in its list, joined to it by 、 or a conjunction all the
    way back, or None. `nearest` keeps the answers of the items before (they are asked in order), so a long list
    is walked once."""
    back = index - 1
    if back < heads[index] or not _JOINED.fullmatch(text, found[back].quantity.end, found[index].quantity.start):
        answer = None
    elif result[back] is not None:
        answer = back
    else:
        answer = nearest.get(back)
    nearest[index] = answer
    return answer


def _rounds_heading(ruleset: RuleSet, text: str, index: int, found: Sequence[Found],
                    hits: Hits | None) -> Match | None:
    """The match of the action that counted rounds in the clause before, where this number's item is labelled by
    the first ordinal of those rounds' measure and the label is all there is before it (体温检测已经做了两次，第一次
    1567人: the first round's people were screened), or of the noun that names what the rounds brought (两批志愿者，
    第一批30人); the items after it follow it as ordinal items. None where there is none."""
    if index == 0:
        return None
    here, rounds = found[index], found[index - 1]
    label = _ordinal_label(ruleset, text, here, hits)
    if (label is None or rounds.sentence != here.sentence or rounds.clause == here.clause
            or rounds.quantity.unit != label.group(1)
            or text[rounds.clause[1]:here.clause[0]].strip(" ,，")):  # (the rounds' clause is the one before)
        return None
    quantity = here.quantity
    best: Match | None = None
    for _, rule, _, _ in rules_of_unit(ruleset, quantity.unit_classes, quantity.unit):
        if counts_unit(rule, rounds.quantity.unit_classes, rounds.quantity.unit):
            continue  # a rule that counts the rounds themselves claims them, not what each round counted
        # an action before the rounds (做了两次); a noun anywhere in their clause (两批志愿者)
        end = rounds.quantity.start if rule.shared else rounds.clause[1]
        for t_start, t_end in triggers_between(rule, text, rounds.clause[0], end, hits):
            if best is None or t_end > best.trigger_end:
                best = Match(rule, t_start, t_end, quantity.start - t_end)
    return best


def _next_sibling(text: str, index: int, found: Sequence[Found], matches: Sequence[Match | None]) -> int | None:
    """The index of the claimed number right after this one, where the two head a list of the same measure word
    joined by a 、 or a conjunction only (3000公斤椪柑、8000公斤脐橙: the first item is given as the next is,
    though no word of goods names it). Not for people: 20名医生、30名志愿者 are two kinds. None where there is none."""
    if _claimed_neighbour(index, 1, found, matches) is None or found[index].quantity.unit_classes & _PEOPLE:
        return None
    here, after = found[index], found[index + 1]
    return index + 1 if _JOINED.fullmatch(text, here.quantity.end, after.quantity.start) else None


def _list_total(ruleset: RuleSet, text: str, index: int, found: Sequence[Found],
                matches: Sequence[Match | None], hits: Hits | None) -> int | None:
    """The index of the claimed count just before this one in its sentence, where this one is a bare total alone in
    its clause (a word of totalling, the number, nothing after its measure word) and the two are of one unit class,
    or the claim counts the total's unit too: 设立卡点12个、劝返点3个，共计15个 totals checkpoints;
    接种第一剂次1862人、第二剂次2430人，合计4292剂次 totals doses. None where there is none."""
    previous = index - 1
    if previous > 0 and matches[previous] is None and found[previous].clause == found[index].clause:
        previous -= 1  # (the parts summed, named by their count: 两批合计40吨 sums the counts before 两批)
    if index == 0 or matches[previous] is None:
        return None
    here, before = found[index], found[previous]
    quantity = here.quantity
    if (before.sentence != here.sentence or before.clause == here.clause or quantity.end < here.clause[1]
            or (before.quantity.unit_classes != quantity.unit_classes
                and not counts_unit(matches[previous].rule, quantity.unit_classes, quantity.unit))):
        return None  # (a total that ends its clause: not one item of a 、-list going on)
    return previous if a_bare_total_alone(ruleset, text, quantity, here.clause, hits) else None


def _changed_from(ruleset: RuleSet, text: str, index: int, found: Sequence[Found],
                  matches: Sequence[Match | None], hits: Hits | None) -> int | None:
    """The index of the claimed count just before this one in its clause, in the same measure word, where a word of
    a count changing ends right before this one (卡点由原来的15个增加到22个: the 22 are checkpoints too); None where
    there is none."""
    if ruleset.change_markers is None or _claimed_neighbour(index, -1, found, matches) is None:
        return None
    return index - 1 if ends_at(ruleset.change_markers, text, found[index].quantity.start, hits) else None


# How far before the colon the noun of a heading may start (设卡点：主要路口6个).
HEADING_REACH = 8


def _colon_heading(ruleset: RuleSet, text: str, index: int, found: Sequence[Found], heads: Sequence[int],
                   hits: Hits | None) -> Match | None:
    """The match of a noun a rule counts that ends the heading of the number's list, right before the colon that
    opens it (全镇设卡点：主要路口6个、村组路口30个: each item counts checkpoints); None where there is none."""
    head = found[heads[index]].quantity
    colon = COLON_ITEM.search(text, max(found[index].sentence[0], head.start - HEADING_REACH - 2), head.start)
    if colon is None:
        return None
    quantity = found[index].quantity
    best: Match | None = None
    for _, rule, _, _ in rules_of_unit(ruleset, quantity.unit_classes, quantity.unit):
        if rule.shared:
            continue
        for t_start, t_end in triggers_between(rule, text, max(0, colon.start() - HEADING_REACH), colon.start(), hits):
            if t_end == colon.start() and (best is None or t_end - t_start > best.trigger_end - best.trigger_start):
                best = Match(rule, t_start, t_end, quantity.start - t_end)
    return best


# The mark that may open a line of a list: 1. 2、 3), or a number and a blank as a table's first column (1　某公司),
# or the date of the line's gift (4月8日　8栋陈先生　口罩800只)
_ITEM_MARK_PATTERN = (r"[ \t　]*(?:[0-9０-９]{1,3}(?:[.、．)），][ \t　]*|[ \t　]+)"
                      r"|[0-9]{1,2}月[0-9]{1,2}日[ \t　]*)?")
_ITEM_MARK = regex.compile(_ITEM_MARK_PATTERN)
# A line of a list of lines: an item mark, then a name with no clause of its own (a giver, a place, a unit; an aside
# in brackets may hold a comma), then the line's first number (1. 青峰镇商会：100000元; 邹春华（退役军人）  口罩2000只;
# 宁禾农村商业银行30万元；刘小龙（马鞍村，在浙江务工）　2000元)
_ITEM_LINE_LEAD = regex.compile(_ITEM_MARK_PATTERN + r"(?:[^\n,，。;；!?！？(（]|[(（][^\n)）]{0,24}[)）]){1,40}")
# A row of a text table as the table reader writes it (text.tables): its cells apart by ，, its label ending in ： and
# the column's words right before the number (5，恒昌药房，75%酒精(500ml)：数量300瓶)
_TABLE_ROW_LEAD = regex.compile(_ITEM_MARK_PATTERN + r"[^\n。;；!?！？:：]{1,60}[:：][^\n,，。;；!?！？:：\d]{0,8}")
# A heading that opens a section of a list: a Chinese ordinal (一、单位捐赠（共15家）, （二）个人捐赠), whatever it
# counts
_ORDINAL = "[一二三四五六七八九十]{1,3}"
_SECTION_HEADING = regex.compile(rf"[ \t　]*(?:{_ORDINAL}[、.．]|[(（]{_ORDINAL}[)）])")
# A section that labels its items: its ordinal, a short label and a colon, then the items (二、肉蛋类：猪肉1500公斤);
# its first number stands within SECTION_NUMBER_REACH characters of the colon (一、资金类：共计一百二十万元)
SECTION_NUMBER_REACH = 4
_LABELLED_SECTION = regex.compile(rf"{_SECTION_HEADING.pattern}[^\n。;；!?！？:：,，]{{1,12}}[:：]")
# The last sentence of a lead paragraph that ends in a colon (……共有16位爱心人士捐款。现将捐款名单公示如下：)
_LAST_SENTENCE = regex.compile(r"[^。!?！？;；]*$")
# The rest of such a line: more items of the list, none a clause of its own
_ITEM_LINE_REST = regex.compile(r"[^\n。!?！？]{0,60}?[。;；]?[ \t　]*")
# How many lines of items the lead line may stand above the number's, and how long it may be
LEAD_LINES_UP = 30
LEAD_LINE_MAX = 60
# and how long the sentence before it may be, where it names the action (……送来了急需的防护物资和生活用品。在此……向以下
# 单位和个人表示衷心的感谢！)
LEAD_BEFORE_MAX = 100


# The opening of a line that sums the items above it (以上共计, 上述各项合计)
_SUMS_ABOVE = regex.compile(r"(?:以上|上述)(?:各项|各笔)?(?:共计|合计|总计|累计)")
# The end of a sentence that points ahead to the list below it (向以下单位和个人表示衷心的感谢！; 现公布如下。)
_LEAD_END_MARKS = "。!！"
# or a title that names a roll (下庄村疫情防控捐款明细公示（第二批）)
_POINTS_AHEAD = regex.compile(r"(?:以下|如下)[^。!?！？;；，,]{0,16}[。!！]$"
                              r"|(?:名单|明细|清单|公示|一览表|统计表)(?:[(（][^()（）]{0,12}[)）])?$")
# A table's row of column names: two or more names with no number, apart by two spaces or a tab
# (序号  姓名/单位  金额（元）)
_COLUMN_NAMES = regex.compile(r"[^\s\d。!?！？，,;；:：]+(?:(?:[ 　]{2,}|\t)[^\s\d。!?！？，,;；:：]+)+")


def _leads(line: str) -> bool:
    """True where a line (stripped) may lead a list of lines below it: it ends in a colon, or its last sentence
    points ahead to the list (以下, 如下), or it is the title of a roll (……捐款名单)."""
    return line.endswith(_COLONS) or _POINTS_AHEAD.search(line) is not None


def _an_item_line(text: str, start: int, end: int, first: int) -> bool:
    """True where text[start:end] is a line of a list of lines whose number starts at `first`: not a line that
    ends in a colon, which leads a list."""
    return (not text[start:end].rstrip().endswith((":", "："))
            and (_ITEM_LINE_LEAD.fullmatch(text, start, first) is not None
                 or _TABLE_ROW_LEAD.fullmatch(text, start, first) is not None)
            and _ITEM_LINE_REST.fullmatch(text, first, end) is not None)


def _a_line_of_items(text: str, start: int, end: int) -> bool:
    """True where text[start:end] is a line of a list of lines, whichever of its numbers is the first count (a
    table's row number may stand glued to the name: 1临溪县某公司 口罩20000只)."""
    return any(_an_item_line(text, start, end, number.start()) for number in _FIRST_DIGIT.finditer(text, start, end))


def _lead_line(ruleset: RuleSet, text: str, quantity: Quantity, hits: Hits | None) -> Match | None:
    """The match of an action that the lead line of a list of lines names, for the first number of one of its
    lines: a line above the number's, over lines of items only, that is a heading or ends in a colon and holds a
    trigger of a rule that governs lists (一、捐款⏎1. 青峰镇商会：100000元⏎2. 某公司：50000元: each line's sum is
    given). None where there is no such line."""
    start = text.rfind("\n", 0, quantity.start) + 1
    end = text.find("\n", quantity.end)
    end = len(text) if end < 0 else end
    labelled = _LABELLED_SECTION.match(text, start, quantity.start)
    if not _an_item_line(text, start, end, quantity.start) and not (
            # (or the first number of a section that labels its items, however it goes on: 一、资金类：共计120万元。)
            labelled is not None and quantity.start - labelled.end() <= SECTION_NUMBER_REACH):
        return None
    name = _ITEM_MARK.match(text, start).end()  # the evidence: the line's name and the number
    # a line summing the items above (以上共计……) may stand apart from them by a blank line, as a section does
    passed_section = _SUMS_ABOVE.match(text, name) is not None
    headings: list[tuple[int, int]] = []  # the sections of the list passed on the way up (二、支出部分)
    for _ in range(LEAD_LINES_UP):
        if start == 0:
            return None
        end = start - 1
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if not line:
            # a blank line ends the list, unless the lead line ending in a colon, or a line of the list before a
            # section of it (……600元⏎⏎二、各党支部), stands right above it
            above = text.rfind("\n", 0, max(0, start - 1)) + 1
            if start == 0 or not (_leads(text[above:start - 1].rstrip())
                                  or passed_section and _a_line_of_items(text, above, start - 1)):
                return None
            end, start = start - 1, above
            line = text[start:end].strip()
        leads = _leads(line)
        # (a table's row of column names stands between its rows and its title as a section's heading does)
        heading = (_SECTION_HEADING.match(text, start, end) is not None or _COLUMN_NAMES.fullmatch(line) is not None
                   ) and not leads
        if not heading and _a_line_of_items(text, start, end):
            continue
        lead = start
        before = start  # where the sentence before a paragraph's last one starts: 如下 may point back to it
        if leads:
            # a paragraph's last sentence leads the list (its end mark left out: ……表示衷心的感谢！)
            stop = start + len(text[start:end].rstrip())
            lead = _LAST_SENTENCE.search(text, start, stop - 1 if line[-1] in _LEAD_END_MARKS else stop).start()
            if lead > start:
                before = _LAST_SENTENCE.search(text, start, lead - 1).start()
        elif _SENTENCE_MARK.search(BRACKET_ASIDE.sub("", line) if heading else line):
            if heading and _LABELLED_SECTION.match(text, start, end):
                # 一、蔬菜类：累计接收12.6万斤。其中……: a section that labels its own items, as the number's line does
                # (二、肉蛋类：猪肉1500公斤); the lead of them all is above
                passed_section = True
                continue
            return None  # (a heading's aside may hold a comma: 一、单位捐款（5家，小计120980元）)
        if end - lead > LEAD_LINE_MAX + (len(text[start:end]) - len(text[start:end].lstrip())):
            return None
        # (not where the lead names an action the rule excludes: ……捐赠防疫物资……。分配情况如下：; the sentence
        # before may name the action: 现将缴纳情况公示如下： after ……合计缴纳特殊党费23500元。)
        naming = [(lead, end)] + ([(before, lead)] if lead - before <= LEAD_BEFORE_MAX else [])
        best = _list_rule_named(ruleset, text, quantity, name, end, hits, naming, excluding=(lead, end),
                                headings=headings)
        if best is None and heading:
            passed_section = True
            headings.append((start, end))
            continue  # a section of the list (一、局领导班子成员) names no action: the lead is above it
        if best is None and leads:
            # (a title's action is not passed on where the sentence before the lead names a word the rule excludes:
            # 累计支出61820元。其中：⏎1.……)
            best = _titled_roll(ruleset, text, quantity, name, end, hits, (before, end), headings)
        return best
    return None


def _titled_roll(ruleset: RuleSet, text: str, quantity: Quantity, name: int, end: int,
                 hits: Hits | None, excluding: tuple[int, int], headings: Sequence[tuple[int, int]]) -> Match | None:
    """The match of an action the report's title names, where the title names a roll (……“抗疫爱心接龙”捐款名单公布)
    and the lead line of the list (`excluding`, with the sentence before it) names none (现将接龙名单整理公布（按接龙
    顺序，节选）：), nor a word the rule excludes (累计支出61820元。其中：); None otherwise."""
    title_end = text.find("\n")
    if title_end <= 0 or title_end >= end or not _ROLL_TITLE.search(text, 0, title_end):
        return None
    return _list_rule_named(ruleset, text, quantity, name, end, hits, [(0, title_end)], excluding, headings)


def _list_rule_named(ruleset: RuleSet, text: str, quantity: Quantity, name: int, end: int, hits: Hits | None,
                     naming: Sequence[tuple[int, int]], excluding: tuple[int, int] | None = None,
                     headings: Sequence[tuple[int, int]] = ()) -> Match | None:
    """The match, for the first number of a line of a list, of the rule of lists of its unit, of the highest priority,
    whose trigger stands in one of the `naming` spans above (a lead line ending at `end`, the sentence before it, a
    title), none of whose exclude words stands in `excluding` and none of whose exclude_heading words in the
    `headings` of the list's sections passed (二、支出部分); its evidence the line's name (from `name`) and the
    number. None where they name none."""
    best: Match | None = None
    for _, rule, _, _ in rules_of_unit(ruleset, quantity.unit_classes, quantity.unit):
        if (rule.shared and rule.lists and (best is None or rule.priority > best.rule.priority)
                and not (excluding is not None and words_in(rule.exclude, text, *excluding, hits))
                and not any(words_in(rule.exclude_heading, text, *heading, hits) for heading in headings)
                and any(triggers_between(rule, text, *span, hits) for span in naming)):
            best = Match(rule, name, quantity.start, quantity.start - end, named=True)
    return best


# A title that names a roll (……捐款名单公布, ……捐赠明细公示)
_ROLL_TITLE = regex.compile(r"名单|明细|清单|公示|一览表|榜")


# What ends an item of a list written on one line after its lead's colon (现将捐款情况公示如下：陈志强10000元；陈东海
# 5000元；…)
_INLINE_ITEM_END = regex.compile(r"[;；]")
_COLONS = (":", "：")
_LAST_ITEM_MARK = regex.compile(r"[;；:：]", regex.REVERSE)
# How many items of such a list may stand between its lead and the number's
INLINE_ITEMS_BACK = 40


def _lead_of_inline_items(ruleset: RuleSet, text: str, quantity: Quantity, hits: Hits | None) -> Match | None:
    """The match of an action that the lead of a list written on one line names, for the first number of one of its
    items: items end at semicolons, each a name and its numbers, back to a colon that ends the lead sentence
    (现将捐款情况公示如下：陈志强（在外乡贤）10000元；陈东海 5000元；陈小兵 1600元: each item's sum is given). None
    where there is no such list."""
    line_start = text.rfind("\n", 0, quantity.start) + 1
    # the number's own item first, from the last semicolon or colon before it, then the items before it one by one
    # back to the colon: most numbers stand in no such item, and none costs a scan of its whole line
    last_mark = _LAST_ITEM_MARK.search(text, line_start, quantity.start)
    start = last_mark.end() if last_mark else line_start
    if not _ITEM_LINE_LEAD.fullmatch(text, start, quantity.start):
        return None
    colon = start
    items = 0
    while colon > line_start and text[colon - 1] not in _COLONS:
        items += 1
        if items > INLINE_ITEMS_BACK:
            return None
        mark = _LAST_ITEM_MARK.search(text, line_start, colon - 1)
        item_start = mark.end() if mark else line_start
        if not _a_line_of_items(text, item_start, colon - 1):
            return None
        colon = item_start
    if colon > line_start:
        lead_start, lead_end = line_start, colon - 1
    else:
        # the items on a line of their own under a lead line that ends in its colon
        above = text.rfind("\n", 0, max(0, line_start - 1)) + 1
        lead_line = text[above:max(above, line_start - 1)].rstrip()
        line_end = text.find("\n", quantity.end)
        # a lead line ends in its colon, or is the heading of a section of the list ((二）个人捐赠（共计261,430.00元）)
        heading = _SECTION_HEADING.match(text, above, max(above, line_start - 1)) is not None
        if not (lead_line.endswith(_COLONS) or heading) or not _INLINE_ITEM_END.search(
                text, line_start, len(text) if line_end < 0 else line_end):
            return None  # (a line of one item is a line of a list of lines: see _lead_line)
        lead_start = above
        lead_end = max(text.rfind("：", lead_start, line_start), text.rfind(":", lead_start, line_start))
        if lead_end < lead_start:
            lead_end = max(lead_start, line_start - 1)  # a heading: the whole line leads
    lead = _LAST_SENTENCE.search(text, lead_start, lead_end).start()
    if lead_end - lead > LEAD_LINE_MAX:
        return None
    best: Match | None = None
    for _, rule, _, _ in rules_of_unit(ruleset, quantity.unit_classes, quantity.unit):
        if rule.shared and rule.lists and triggers_between(rule, text, lead, lead_end, hits) and (
                best is None or rule.priority > best.rule.priority):
            best = Match(rule, start, quantity.start, quantity.start - lead_end, named=True)
    return best


_FIRST_DIGIT = regex.compile(r"(?<![0-9,])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9０-９]+)(?:\.[0-9]+)?(?=[万亿]?\p{Han})"
                             # or a sum in the numerals of money (贰万元整, 捌佰元整)
                             r"|[壹贰叁肆伍陆柒捌玖拾佰仟][零壹贰叁肆伍陆柒捌玖拾佰仟万亿]*(?=[元圆])")
# (not the comma of a thousands group: （一）单位捐赠（共计826,000.00元）is a heading of no sentence)
_SENTENCE_MARK = regex.compile(r"[。!?！？，;；]|,(?![0-9]{3})")


def _marker_end(ruleset: RuleSet, text: str, start: int, end: int, hits: Hits | None,
                latest: int | None = None) -> int | None:
    """Where the last part marker in text[start:end] ends, of those that start by `latest` where it is given (a
    sentence's opening marker may run longer than 其中: 按来源地分，来自湖北的14人), or None."""
    if not words_in(ruleset.part_markers, text, start, end, hits):
        return None
    return max((found.end() for found in ruleset.part_markers.finditer(text, start, end)
                if latest is None or found.start() <= latest), default=None)


# An item that is only a short label after the number before it (车辆70余辆、人员380人次): the label may be the head
# of a compound whose modifier opens the clause of that number (出动 + 人员).
_LABEL_ITEM = regex.compile(r"\s*[、,，]\s*(\p{Han}{1,4})\s*")
# How far before the previous number the modifier may stand, and the longest modifier tried.
MODIFIER_REACH = 16
MODIFIER_LONGEST = 4


def _distributed(ruleset: RuleSet, text: str, index: int, found: Sequence[Found],
                 hits: Hits | None = None) -> Match | None:
    """The match of a label item that composes with the verb opening the list: in 出动车辆70余辆、人员380人次 the
    人员 are 出动人员, staff sent out, as if written so. The nearest modifier wins. Where none composes, an action
    that governs a list (a shared rule counting the number's unit) before the previous number governs the label
    item too: 累计排查车辆1200辆，人员3400人次 screened the people. None where neither holds."""
    if index == 0 or not ruleset.modifiers:
        return None
    here, before = found[index], found[index - 1]
    quantity, previous = here.quantity, before.quantity
    if previous.end <= here.sentence[0]:
        return None
    label = _LABEL_ITEM.fullmatch(text, previous.end, quantity.start)
    if label is None:
        return None
    head = label.group(1)
    rules = [rule for _, rule, _, _ in rules_of_unit(ruleset, quantity.unit_classes, quantity.unit)]
    lo = max(before.clause[0], previous.start - MODIFIER_REACH)
    # no modifier from before the nearest action that heads the list (2号卡点今天登记车辆213辆次，人员456人次: the
    # people were registered, no 卡点人员); the action itself may be one (出动车辆70余辆、人员380人次)
    floor = max([lo, *(start for rule in rules if rule.shared
                       for start, _ in triggers_between(rule, text, lo, previous.start, hits))])
    for start in range(previous.start - 1, floor - 1, -1):
        for end in range(start + 1, min(start + MODIFIER_LONGEST, previous.start) + 1):
            modifier = text[start:end]
            if modifier not in ruleset.modifiers:
                continue
            compound = modifier + head
            found_words = scan_compound(ruleset, compound)  # the rule words in the compound, as in a text
            fired = [rule for rule in rules if any(
                s < len(modifier) and e == len(compound)
                for s, e in triggers_between(rule, compound, 0, len(compound), found_words))
                and _context_holds(rule, text, here, lo, previous.start, hits)]
            if fired:
                best = max(fired, key=lambda rule: rule.priority)
                return Match(best, start, end, quantity.start - end)
    return _governed_label(ruleset, text, (label.start(1), label.end(1)), rules, lo, previous.start, here, hits)


def _context_holds(rule: Rule, text: str, here: Found, lo: int, hi: int, hits: Hits | None) -> bool:
    """True where `rule` needs no context word, or has one where the list's action stands: text[lo:hi] before the
    previous item, or the sentence or paragraph its `context_scope` names (劝返外地人员56人，车辆23辆: 外地车辆 are
    no vehicles checked, for no verb of checking heads the list)."""
    if rule.context is None:
        return True
    if rule.context_scope == "sentence":
        lo, hi = here.sentence
    elif rule.context_scope == "paragraph":
        lo, hi = here.paragraph
    return words_in(rule.context, text, lo, hi, hits)


def _lead_context_holds(match: Match, text: str, here: Found, hits: Hits | None) -> bool:
    """True where the rule of a verb a lead passes to an item needs no context word, or has one in the span of its
    `context_scope` around the number or between the lead's trigger and the number (本期发放物资：口罩1.6万只: no body
    that gives of its own hands them out)."""
    rule = match.rule
    if rule.context is None or not rule.shared:
        return True  # (a noun's rule: the lead named the noun, its context may stand anywhere above)
    lo, hi = here.paragraph if rule.context_scope == "paragraph" else here.sentence
    return words_in(rule.context, text, min(lo, match.trigger_start), max(hi, here.quantity.end), hits)


def _excluded_here(ruleset: RuleSet, rule: Rule, text: str, here: Found, item: tuple[int, int],
                   hits: Hits | None, before: bool = True) -> bool:
    """excluded_everywhere for the number `here` stands for, its `item` the words before it that the claim covers
    (the rule's exclude_before asked only where `before`)."""
    return excluded_everywhere(ruleset, rule, text, here.quantity, here.clause, here.sentence, here.paragraph,
                               here.others, item, hits, here.heading, here.outer, before)


def _passed_on(ruleset: RuleSet, text: str, here: Found, match: Match, item: tuple[int, int],
               hits: Hits | None) -> bool:
    """True where a claim a lead or a compound passes to the number `here` stands for may stand: its rule's context
    holds (_lead_context_holds) and none of its vetoes does (_excluded_here)."""
    return _lead_context_holds(match, text, here, hits) and not _excluded_here(ruleset, match.rule, text, here, item,
                                                                               hits)


def _governed_label(ruleset: RuleSet, text: str, label: tuple[int, int], rules: Sequence[Rule], lo: int, hi: int,
                    here: Found, hits: Hits | None) -> Match | None:
    """The match of an action (a shared rule's trigger in text[lo:hi], the nearest) over a label item that names no
    place, giver or other metric's thing; None where there is none. Where the label names a thing of a rule that
    wants a verb (its context) and the list's action is one, that rule's (累计排查人员3000人，车辆1200辆: vehicles
    checked)."""
    quantity = here.quantity
    # a word ending the label (人员, 司乘人员, 涉及人数): none can start before it, across the separator that opens it
    named = any(pattern is not None and ends_at(pattern, text, label[1], hits)
                for pattern in (ruleset.item_labels, ruleset.count_labels))
    if not named or words_in(ruleset.places, text, *label, hits):
        return None  # 信息有误47人, 共出动435人次: a verb, no label
    own = [rule for rule in ruleset.rules
           if not rule.shared and rule.units & quantity.unit_classes and triggers_in(rule, text, *label, hits)]
    if any(rule.context is None for rule in own):
        return None  # the label names a thing some rule counts: that rule had its chance
    governed = [rule for rule in own if _context_holds(rule, text, here, lo, hi, hits)]
    if governed:
        best_own = max(governed, key=lambda rule: rule.priority)
        return Match(best_own, *label, quantity.start - label[1])
    best: Match | None = None
    for rule in rules:
        if not rule.shared:
            continue
        for t_start, t_end in triggers_between(rule, text, lo, hi, hits):
            if best is None or t_end > best.trigger_end:
                best = Match(rule, t_start, t_end, quantity.start - t_end)
    return best


def inherit(ruleset: RuleSet, text: str, found: Sequence[Found], matches: Sequence[Match | None],
            heads: Sequence[int], hits: Hits | None = None) -> list[Match | None]:
    """The matches with every unclaimed quantity that inherits a claim filled in (quantities in text order;
    `heads[i]` is the index of the first quantity of i's list, from lists.list_heads). An inherited match names
    the anchor's rule; its trigger spans the number's own item (a short noun after the number included), so the
    evidence is that item."""
    result = list(matches)
    nearest: dict[int, int | None] = {}  # per quantity asked: the nearest claimed item before it in its list
    for index, match in enumerate(matches):
        if match is not None:
            # a part of a count of people named by who they are (其中87人主动报名上一线, after 142名党员) stays of them:
            # an action that claims people of any name (报名, 请缨) yields, as it does to a noun of theirs
            result[index] = _named_part_match(ruleset, text, index, found, result, hits) or match
            continue
        here = found[index]
        quantity = here.quantity
        # an item of a list on one line after its lead's colon takes the lead's claim, whatever its neighbours
        if (inline := _lead_of_inline_items(ruleset, text, quantity, hits)) is not None and _passed_on(
                ruleset, text, here, inline, (inline.trigger_start, quantity.start), hits):
            result[index] = inline
            continue
        anchor = heads[index] if heads[index] != index and result[heads[index]] is not None else None
        if anchor is not None and (_CLAUSE_BREAK.search(text, found[anchor].quantity.end, quantity.start)
                                   or not _JOINED.fullmatch(text, found[index - 1].quantity.end, quantity.start)):
            anchor = None  # items joined by ， or ； may each have a verb of their own; 、 enumerates
        if anchor is None and heads[index] != index and result[heads[index]] is None:
            # a head that no rule claimed (三个村分别设立卡点3个、4个): the nearest claimed item before, joined to this
            # one by 、 or a conjunction all the way, anchors it
            anchor = _nearest_claimed(text, index, found, result, heads, nearest)
        listed = anchor is not None
        part = False
        if anchor is None:
            anchor = _part_anchor(ruleset, text, index, found, result, hits)
            part = anchor is not None
        elided = False
        if anchor is None:
            anchor = _elided_head_anchor(text, index, found, result)
            elided = anchor is not None
        if anchor is None:
            anchor = _parallel_anchor(ruleset, text, index, found, result, hits)
        if anchor is None:
            anchor = _total_row_anchor(text, index, found, result)
        if anchor is None:
            anchor = _place_item_anchor(ruleset, text, index, found, result, hits)
        if anchor is None:
            anchor = _ordinal_anchor(ruleset, text, index, found, result, hits)
        if anchor is None:
            anchor = _changed_from(ruleset, text, index, found, result, hits)
        if anchor is None:
            anchor = _list_total(ruleset, text, index, found, result, hits)
        sibling = _next_sibling(text, index, found, matches) if anchor is None else None
        # only a rule with a frame (a verb the list stands in) passes a claim back; a noun names its own item only
        backward = sibling is not None and (result[sibling].rule.shared or result[sibling].rule.context is not None)
        if backward:
            anchor = index + 1
        if anchor is None:
            composed = _distributed(ruleset, text, index, found, hits) or _colon_heading(
                ruleset, text, index, found, heads, hits) or _rounds_heading(ruleset, text, index, found, hits)
            item = (found[index - 1].quantity.end, quantity.start)
            if composed is None and (composed := _lead_line(ruleset, text, quantity, hits)) is not None:
                item = (composed.trigger_start, quantity.start)  # the line's name: the lead line's words are its own
            if composed is not None and _passed_on(ruleset, text, here, composed, item, hits):
                result[index] = composed
            continue
        rule = result[anchor].rule
        if not counts_unit(rule, quantity.unit_classes, quantity.unit):
            # 捐赠大米1吨、口罩500只: mass and count are both goods; 人 is none. A line of a list of gifts may
            # hold money and goods (张三  现金3万元、帐篷12顶): the lead line's action governs each
            if (led := _lead_line(ruleset, text, quantity, hits)) is not None and _passed_on(
                    ruleset, text, here, led, (led.trigger_start, quantity.start), hits):
                result[index] = led
            continue
        item = _item(text, here)
        # (an item of a list whose head is a part is a part too: 其中专业心理咨询师38名、社工61名)
        in_part = part or (listed and _part_anchor(ruleset, text, heads[index], found, result, hits) is not None)
        if _takes_anchor(ruleset, text, here, rule, item, found[anchor].quantity, hits, backward=backward,
                         headless=elided or (part and _HEADLESS_PART.search(text, item[0], quantity.start) is not None),
                         part=in_part, listed=listed):
            result[index] = Match(rule, *_item_evidence(ruleset, text, quantity, item, hits), result[anchor].distance)
    for index in range(len(found) - 1):
        if _whole_of_a_part(ruleset, text, index, found, result, hits):
            part = index + 1
            result[part] = _part_of_a_whole(ruleset, text, found[part], result[index], result[part], hits)
            result[index] = None
        elif index + 2 < len(found) and _whole_but_some(ruleset, text, index, found, result, hits):
            # 全村党员19名，除了3名年龄大的，16名都上了卡点: the rest are the part; those left out did not take part
            rest = index + 2
            result[rest] = _part_of_a_whole(ruleset, text, found[rest], result[index], result[rest], hits, spoken=True)
            result[index] = result[index + 1] = None
    return result


# After a count of people and its noun, the clause of those left out (除了3名年龄大的), then the next clause's count
# of the rest (其余13个, 16名).
_LEFT_OUT = regex.compile(r"[^,，;；。]{0,8}?[,，]\s*除了?")
_THE_REST = regex.compile(r"[^,，;；。]{0,16}?[,，]\s*(?:其余|其他|剩下|剩余|另外)?的?")


def _whole_but_some(ruleset: RuleSet, text: str, index: int, found: Sequence[Found],
                    matches: Sequence[Match | None], hits: Hits | None) -> bool:
    """True where the claimed count of people `index`, in a clause that names a whole place or body (全村, 村里), is
    followed by some of them left out after 除 and then by the rest opening the clause after (全村党员19名，除了3名
    年龄大的，16名都上了卡点; 现在村里有党员17名，除了4个岁数大的，其余13个全上了卡点)."""
    if ruleset.whole_scopes is None or matches[index] is None:
        return False
    here, left_out, rest = found[index], found[index + 1], found[index + 2]
    if not (here.sentence == left_out.sentence == rest.sentence) or not here.quantity.unit_classes & _PEOPLE:
        return False
    if not all(item.quantity.unit_classes & _PEOPLE or in_people_measure(ruleset, item.quantity)
               for item in (left_out, rest)):
        return False
    if (_LEFT_OUT.fullmatch(text, here.quantity.end, left_out.quantity.start) is None
            or _THE_REST.fullmatch(text, left_out.quantity.end, rest.quantity.start) is None):
        return False
    return bool(spans_in(ruleset.whole_scopes, text, here.clause[0], here.quantity.start, hits))


# After a count of people and its noun, what opens a part of them across the comma: 中 (among), 有, or both
# (全镇1400余名党员中，有870名主动请战; 村里47名党员，有31名主动到卡点值守).
_PART_ACROSS = regex.compile(r"\p{Han}{1,8}?(?:中[,，]\s*(?:其中)?有?|[,，]\s*有)")
# After a count that follows its noun (全村共有党员94名), what opens a part of them: 其中, 有, or both.
_PART_AFTER_NOUN = regex.compile(r"[,，]\s*(?:其中)?有?")
# What may stand between the scope opening the clause and the whole's number: a verb of there being (全村共有).
_THERE_ARE = regex.compile(rf"\s*{HAVING}?\s*")
_OPENING_BLANKS = regex.compile(r"[\s“\"「]*")


def _whole_of_a_part(ruleset: RuleSet, text: str, index: int, found: Sequence[Found],
                     matches: Sequence[Match | None], hits: Hits | None) -> bool:
    """True where the claimed count of people `index` is how many there are of a place or body, with a part of them
    right after it: its clause holds only a word of the whole (全镇, 村里), the count and its noun, and the next number,
    of people too, opens the next clause after 中 or 有 (全镇1400余名党员中，有870名主动请战)."""
    if ruleset.whole_scopes is None or matches[index] is None or index + 1 >= len(found):
        return False
    here, after = found[index], found[index + 1]
    quantity = here.quantity
    if (after.sentence != here.sentence or not quantity.unit_classes & _PEOPLE
            or not after.quantity.unit_classes & _PEOPLE):
        return False
    opening = _OPENING_BLANKS.match(text, here.clause[0], quantity.start).end()
    if _PART_ACROSS.fullmatch(text, quantity.end, after.quantity.start) is not None:
        scope = word_at(ruleset.whole_scopes, text, opening, quantity.start, hits)
        return scope is not None and _THERE_ARE.fullmatch(text, scope[1], quantity.start) is not None
    if (_PART_AFTER_NOUN.fullmatch(text, quantity.end, after.quantity.start) is None
            or (having := _HAVING_AFTER_PLACE.match(text, opening, quantity.start)) is None):
        return False
    # 全村共有党员94名，其中62名主动报到; 小区共有在职和退休党员94名，其中62名: a place, a verb of having, a noun
    # of a rank (how many members a place has; not 共有志愿者300名, counted by the work they do), then the count
    place_end = having.start(1)
    return (word_at(ruleset.whole_scopes, text, opening, place_end, hits) is not None
            or word_at(ruleset.settlements, text, opening, place_end, hits) is not None
            or word_at(ruleset.places, text, opening, place_end, hits) is not None) and people_phrase(
        ruleset, text, having.end(), quantity.start, hits) and words_in(
        ruleset.role_nouns, text, having.end(), quantity.start, hits)


# A clause's place, then a verb of having (全村共有, 小区共有): the group 1 span is the verb.
_HAVING_AFTER_PLACE = regex.compile(rf"\p{{Han}}{{1,6}}?({HAVING})")


def _part_of_a_whole(ruleset: RuleSet, text: str, part: Found, whole: Match, own: Match | None,
                     hits: Hits | None, spoken: bool = False) -> Match | None:
    """The claim of the part of a whole (_whole_of_a_part): its own where it names its own people or an action of high
    priority claims it (87名教师作为志愿者); else the whole's, its evidence the part's item (有870名主动请战: 党员).
    `spoken`: the part may count its people in 个 with no noun (其余13个全上了卡点)."""
    quantity = part.quantity
    if own is not None and not _a_lowly_action(own):
        return own
    if _names_its_own_people(ruleset, text, quantity, hits):
        return own  # 有300名群众主动报名: the part names its own people
    if not counts_unit(whole.rule, quantity.unit_classes, quantity.unit) and not (
            spoken and in_people_measure(ruleset, quantity)):
        return own
    item = (_item(text, part)[0], quantity.end)
    return Match(whole.rule, *_item_evidence(ruleset, text, quantity, item, hits), whole.distance)


def _takes_anchor(ruleset: RuleSet, text: str, here: Found, rule: Rule, item: tuple[int, int], anchored: Quantity,
                  hits: Hits | None, *, backward: bool, headless: bool, part: bool, listed: bool) -> bool:
    """True where the number's own item lets it take its anchor's claim (by `rule`): it names no noun, place or people
    of its own that another rule counts, and nothing vetoes the rule there."""
    quantity = here.quantity
    if word_at(ruleset.phrase_breaks, text, quantity.end, item[1], hits) is not None:
        item = (item[0], quantity.end)  # 其中2000只送给了社区卡点: what follows the verb is where they went
    if respective := spans_in(ruleset.respectively_markers, text, item[0], quantity.start, hits):
        # 民宿业主、导游、景区员工分别为212名: the items before 分别 name the numbers after it, one each, in order; the
        # last names the last number, not the first
        item = (max(end for _, end in respective), item[1])
    if not backward and (not rule.shared or quantity.unit_classes & _PEOPLE) and has_own_noun(
            ruleset, text, quantity, item[1], hits):
        # 6个临时党支部、4家企业, 党员9名和5名社长: a noun after the measure word counts itself, unless a verb
        # governs every item and the items are things (捐赠大米2吨、50床毛毯)
        return False
    # (an item whose head is left out names what its people did, not what it counts: 参与社区排查的; so does a
    # part that is a headless relative clause: 其中由企业职工志愿者承担值守任务的有19个)
    if (not headless and _names_another(ruleset, text, rule.metric, item, here, hits)) or (
            not rule.shared and _names_other_people(ruleset, text, rule, item, here, hits, part)):
        return False
    if not rule.shared and ends_at(ruleset.other_heads, text, quantity.start, hits):
        return False  # 交通卡口19个、集中隔离点3个: the item's own head (a site) is no noun a rule counts
    if listed and not rule.shared and _names_places(ruleset, text, quantity, hits) and not _names_places(
            ruleset, text, anchored, hits):
        # 检查卡点89个、村（社区）215个: a listed item naming places right before its number counts them, where the
        # item it follows named its noun (but 柳湾村4个、李集村2个 tell the parts of a total by place)
        return False
    # a part told by place, in the total's own measure word (共设置卡点327个，其中合口镇31个; 捐赠的240套板房……其中，
    # 青山县100套): the place says where the part went or stood, no noun of its own that the rule's words before the
    # number veto
    by_place = part and quantity.unit == anchored.unit and _names_places(ruleset, text, quantity, hits)
    return not _excluded_here(ruleset, rule, text, here, (item[0], quantity.start), hits, before=not by_place)


def _item_evidence(ruleset: RuleSet, text: str, quantity: Quantity, item: tuple[int, int],
                   hits: Hits | None) -> tuple[int, int]:
    """The span of a number's own item as evidence: its label before, and a noun of its own after (1万件医用防护服)."""
    noun_end = item[1] if item[1] - quantity.end <= OWN_NOUN_REACH else quantity.end
    if (aside := _ASIDE_OPEN.search(text, quantity.end, noun_end)) is not None:
        noun_end = aside.start()  # 酒精210箱（县化工行业协会）: the aside after the number is no noun of it
    while noun_end > quantity.end and words_in(ruleset.function_words, text, noun_end - 1, noun_end, hits):
        noun_end -= 1  # 桶面300箱等: the 等 closes the list, it is no part of the item
    line_start = text.rfind("\n", 0, item[0]) + 1
    if _ROW_HEAD.fullmatch(text, line_start, item[0]):
        return line_start, noun_end  # a table row's number shows its row's label (城区农商行	21.40	12.26)
    return item[0], noun_end


# A table row read as its label, a colon and its numbers before this one (城区农商行：21.40万元、 before 12.26)
_ROW_HEAD = regex.compile(r"[ \t\u3000]*[^\n。;；,，:：]{1,24}[:：](?:[^\n。;；,，:：]*、)?")


# How far before a trigger inside a title its opening 《 is looked for
TITLE_REACH = 40


def evidence_span(ruleset: RuleSet, text: str, found: Found, match: Match, previous: Quantity | None,
                  hits: Hits | None = None) -> tuple[int, int]:
    """The span a fact's evidence shows: the number and the trigger that made the rule fire (and, where the trigger
    ends the span, any word of the rule that overlaps it and runs past it: 党员志愿 and 志愿者), or, where another
    number and a separator stand between a trigger before and this number, and the two are farther apart than
    EVIDENCE_REACH (捐赠的物资:口罩2万个,……,碘伏900瓶), the number's own item: the evidence of a list's tenth item is
    not the whole list, while a short one keeps its verb (检查车辆12865台、人员21206人)."""
    quantity = found.quantity
    start, end = min(quantity.start, match.trigger_start), max(quantity.end, match.trigger_end)
    if match.trigger_end == end:
        # a trigger that another word of the rule overlaps and runs past (党员志愿 and 志愿者) shows that word too
        end = max([end] + [e for s, e in triggers_between(match.rule, text, match.trigger_start,
                                                             match.trigger_end + TRIGGER_WHOLE, hits)
                           if s < match.trigger_end])
    if (end - start > EVIDENCE_REACH and previous is not None and match.trigger_end <= previous.start
            and previous.end <= quantity.start and _ITEM_OPEN.search(text, previous.end, quantity.start)):
        return _item_evidence(ruleset, text, quantity, _item(text, found), hits)  # (25户65人 side by side: not)
    if (closing := text.find("》", start, quantity.start)) != -1 and text.rfind("《", start, closing) == -1 and (
            opening := text.rfind("《", max(0, start - TITLE_REACH), start)) != -1:
        start = opening  # a trigger inside a title (《经营场所疫情防控指引》3000余份): the evidence shows all of it
    return start, end
