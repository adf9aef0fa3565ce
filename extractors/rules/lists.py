"""Lists: which quantities stand in one enumerated list, so that the verb heading it governs them all.

In 收到的物资有：口罩3000只、手套1200双，防护服40套 the three numbers are items of one list, and 收到
heads it. A list runs over items separated by 、 ， ； or line ends while each item names its number
within a few characters of its start (a short noun, or none); a full stop, a long stretch of words
before a number, or an item without a number ends it. `list_company` gives each number the other items of its
list, which tell two gifts of the same size apart. Knows nothing of metrics.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from fangkong.numbers.quantities import Quantity
from fangkong.rules.punctuation import LIST_SEPARATORS, SENTENCE_ENDS

# What separates items of one list, and what ends any list (searched backwards from a number).
_ITEM_SEPARATOR = regex.compile(f"[{LIST_SEPARATORS}]")
_LIST_END = regex.compile(f"[{SENTENCE_ENDS}]")
_LINE_END = "\n"
_LAST_BOUNDARY = regex.compile(f"[{LIST_SEPARATORS}{SENTENCE_ENDS}]", regex.REVERSE)
# An item names its number within this many characters of its start (口罩3000只, 医用帽子0.12万个);
# farther in, the item is a clause of its own (公司负责人带领员工送来口罩3000只).
ITEM_LEAD = 8
# A label and a colon lead to an item's number (护目镜等防护设备：0.26万只): a heading, so it may run longer.
LABEL_LEAD = 12
# A noun phrase of people that runs right up to its count in people, after the mark that joins nouns (、), is an item
# however long its modifiers, up to this many characters (排查出从武汉返乡人员3人、湖北其他地区返乡人员11人); after a
# comma it may be a clause of its own (劝返人员89人；发现中高风险地区来人11人).
PEOPLE_ITEM_LEAD = 16
_ENUMERATION = "、"
_LABEL_COLON = regex.compile(r"[:：]\s*$")

# Items counted in these unit classes only (people, households, times) are no goods or money: a list of
# things given ends at them (收到捐款8万元，防护物资1万余件，累计劝返3000余人次). They make a list of their own
# with items of the same class (排查武汉返乡人员17人、其他地区返乡人员7人).
BREAKING_CLASSES = frozenset({"person", "person-times", "household", "times", "vehicle-times"})
# No item is looked for farther back than this from a number.
LIST_REACH = 400


def _item_start(text: str, position: int) -> int:
    """The start of the item holding `position`: just after the nearest separator before it."""
    found = _LAST_BOUNDARY.search(text, max(0, position - LIST_REACH), position)
    return found.end() if found else max(0, position - LIST_REACH)


# An aside in brackets within an item is no length of its lead (布洛芬缓释胶囊(0.3g)2,000盒), and a title is one name,
# however long (《告全镇父老乡亲书》8000份): only its marks count
_ASIDE = regex.compile(r"[(（][^()（）\n]{1,20}[)）]")
_TITLE = regex.compile(r"《[^《》\n]{1,40}》")


def _asides(text: str, start: int, end: int) -> int:
    """How many characters of text[start:end] stand in asides in brackets, or inside the marks of a title."""
    lead = text[start:end]
    asides = sum(len(found) for found in _ASIDE.findall(text, start, end)) if "(" in lead or "（" in lead else 0
    return asides + (sum(len(found) - 2 for found in _TITLE.findall(text, start, end)) if "《" in lead else 0)


def _lead_allowed(text: str, quantity: Quantity, start: int, people: regex.Pattern | None) -> int:
    """How many characters an item starting at `start` may run before its number: more where a label and a colon
    lead to it, or where a noun of people (`people`) ends right at a count of people after a 、."""
    if _LABEL_COLON.search(text, max(0, quantity.start - 3), quantity.start):
        return LABEL_LEAD
    if people is not None and quantity.unit_classes <= BREAKING_CLASSES and quantity.start - start > ITEM_LEAD and (
            text[start - 1:start] == _ENUMERATION) and any(
            people.fullmatch(text, at, quantity.start) for at in range(max(start, quantity.start - 8), quantity.start)):
        return PEOPLE_ITEM_LEAD
    return ITEM_LEAD


def list_heads(text: str, quantities: Sequence[Quantity], clause_marks: regex.Pattern | None = None,
               people: regex.Pattern | None = None) -> list[int]:
    """For each quantity (in text order), the index of the first quantity of the list it stands in.

    A quantity continues the list of the quantity before it when that one stands in the same item,
    or in the item just before, across one separator, and its own item leads to it in at most
    ITEM_LEAD characters, none of them a word of `clause_marks` (把, 对: the item is a clause of its own, 社区还把辖区
    两个广场的电子显示屏……), or in more where a noun of `people` ends right at a count of people after a 、
    (湖北其他地区返乡人员11人).
    Otherwise it heads a list of its own (its own index).
    """
    heads: list[int] = []
    for index, quantity in enumerate(quantities):
        head = index
        breaking = quantity.unit_classes <= BREAKING_CLASSES
        if index and (not breaking or quantities[index - 1].unit_classes == quantity.unit_classes):
            previous = quantities[index - 1]
            start = _item_start(text, quantity.start)
            if previous.start >= start:  # the same item: 口罩3000只1200盒
                head = heads[index - 1]
            elif previous.unit_classes <= BREAKING_CLASSES and not breaking:
                pass
            elif (start - 1 >= previous.end and _ITEM_SEPARATOR.match(text, start - 1)
                  and (quantity.start - start - _asides(text, start, quantity.start)
                       <= _lead_allowed(text, quantity, start, people))
                  and _LAST_BOUNDARY.search(text, previous.end, start - 1) is None
                  and (clause_marks is None or clause_marks.search(text, start, quantity.start) is None)
                  # a line of a list counts what the line before counts (口罩3000只⏎手套1200双); a line of
                  # another dimension is no item of it (张三捐款500元支持⏎2条评论)
                  and (text[start - 1] != _LINE_END or previous.unit_classes & quantity.unit_classes)):
                head = heads[index - 1]
        heads.append(head)
    return heads


# Lists longer than this keep no company (see list_company).
LIST_COMPANY_MAX = 12


def list_company(quantities: Sequence[Quantity], heads: Sequence[int],
                 metrics: Sequence[str | None] | None = None) -> list[frozenset[tuple[float, str]]]:
    """For each quantity, the values and units of the other items of its list (empty where it stands alone). With
    `metrics` (the metric a rule claimed each quantity for, or None), only the claimed items of the quantity's own
    metric keep it company: 28个卡点飘扬28面党旗 counts posts alone, for the flags are no fact, and a summary's list
    of metrics (发放宣传资料56.8万份，悬挂横幅标语1.3万条) tells no leaflets apart from the same count told again
    with its parts (发放宣传资料56.8万份，其中明白纸32万份)."""
    members: dict[int, list[int]] = {head: [] for head in heads}
    for index, head in enumerate(heads):
        if metrics is None or metrics[index] is not None:
            members[head].append(index)
    alone: frozenset[tuple[float, str]] = frozenset()
    # a list of gifts is short; a long run of numbers (a table flattened to text) tells no event from another
    return [frozenset((quantities[other].value, quantities[other].unit) for other in members[head]
                      if other != index and (metrics is None or metrics[other] == metrics[index]))
            if len(members[head]) <= LIST_COMPANY_MAX else alone
            for index, head in enumerate(heads)]
