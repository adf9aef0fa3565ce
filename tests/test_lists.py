"""Lists: which quantities of a written sentence stand in one enumerated list (share a head).

Each case is a sentence and its quantities grouped by list, written by hand from reading the sentence:
the verb before a list's first item governs every item of its group.
"""

import pytest

from fangkong.numbers.quantities import find_quantities
from fangkong.rules.lists import BREAKING_CLASSES, ITEM_LEAD, list_heads
from fangkong.text.normalize import normalize
from fangkong.text.textmap import MappedText


def _groups(sentence: str) -> list[list[str]]:
    """The quantities of `sentence` (as written in the normalized text), grouped by the list they stand in."""
    text = normalize(MappedText.identity(sentence)).text
    quantities = find_quantities(text)
    heads = list_heads(text, quantities)
    assert len(heads) == len(quantities)
    groups: dict[int, list[str]] = {}
    for quantity, head in zip(quantities, heads, strict=True):
        groups.setdefault(head, []).append(text[quantity.start:quantity.end])
    return list(groups.values())


# A noun ITEM_LEAD characters long, and one a character longer.
NOUN_AT_LEAD = "蓝色医用防护手套"
NOUN_PAST_LEAD = "淡" + NOUN_AT_LEAD
assert len(NOUN_AT_LEAD) == ITEM_LEAD

CASES = [
    # separators that keep a list going
    ("、-list", "爱心企业捐赠口罩5000只、消毒液200公斤、方便面80箱。", [["5000只", "200公斤", "80箱"]]),
    ("，-list", "捐赠口罩3000只，手套1200双，防护服40套。", [["3000只", "1200双", "40套"]]),
    ("；-list", "捐赠口罩3000只；手套1200双；防护服40套。", [["3000只", "1200双", "40套"]]),
    ("line-broken list", "送来物资如下\n口罩3000只\n手套1200双\n防护服40套", [["3000只", "1200双", "40套"]]),
    ("line ends after the verb", "收到\n口罩3000只\n手套1200双", [["3000只", "1200双"]]),
    ("colon-headed list, 、 and ，", "收到的物资有：口罩3000只、手套1200双，防护服40套，消毒液60桶",
     [["3000只", "1200双", "40套", "60桶"]]),
    ("full-width digits, spaces between number and words", "口罩　３０００只，手套 1200 双", [["3000只", "1200双"]]),
    ("an item without a noun", "捐赠口罩3000只、1200只", [["3000只", "1200只"]]),
    ("money then goods", "收到捐款8万元、口罩3000只", [["8万元", "3000只"]]),
    ("a number in 万 with a decimal", "口罩3000只、医用帽子0.12万个", [["3000只", "0.12万个"]]),
    ("a title is one name, however long", "印发明白纸1.5万份、《告全镇父老乡亲书》8000份", [["1.5万份", "8000份"]]),
    # what ends a list
    ("a full stop", "捐赠口罩3000只。手套1200双。", [["3000只"], ["1200双"]]),
    ("an exclamation mark", "捐赠口罩3000只！手套1200双", [["3000只"], ["1200双"]]),
    ("an item without a number", "捐赠口罩3000只、做好消毒工作、手套1200双", [["3000只"], ["1200双"]]),
    ("a long item: a clause of its own", "捐赠口罩3000只，公司负责人带领员工送来手套1200双", [["3000只"], ["1200双"]]),
    (f"an item {ITEM_LEAD} characters before its number continues, one more ends it",
     f"捐赠{NOUN_AT_LEAD}1200双、{NOUN_AT_LEAD}1000双、{NOUN_PAST_LEAD}40双",
     [["1200双", "1000双"], ["40双"]]),
    ("people in the list", "捐赠口罩3000只，出动志愿者20人，手套1200双", [["3000只"], ["20人"], ["1200双"]]),
    ("households in the list", "捐赠口罩3000只、消毒液200公斤；入户排查520户、手套1200双",
     [["3000只", "200公斤"], ["520户"], ["1200双"]]),
    ("person-times end a list of things given", "收到捐款8万元，防护物资1万余件,累计劝返3000余人次,火线入党申请5份",
     [["8万元", "1万余件"], ["3000余人次"], ["5份"]]),
    ("people continue a list of people", "党员20人、群众30人", [["20人", "30人"]]),
    ("people never continue a list of things", "口罩3000只、群众30人", [["3000只"], ["30人"]]),
    ("households never continue a list of people", "排查520户、群众30人", [["520户"], ["30人"]]),
    # two numbers in one item
    ("two goods counts in one item", "捐赠口罩3000只1200盒、手套40双", [["3000只", "1200盒", "40双"]]),
    ("two numbers, one item, across 和", "捐赠口罩3000只和手套1200双，防护服40套", [["3000只", "1200双", "40套"]]),
]


@pytest.mark.parametrize(("sentence", "groups"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_list_heads(sentence, groups):
    assert _groups(sentence) == groups


def test_a_count_of_people_heads_its_own_list_even_in_the_item_of_another_number():
    # lists carry a verb of giving to goods and money; people (突击队14个162人) are counted on their own
    assert _groups("组建党员突击队14个162人") == [["14个"], ["162人"]]


def test_every_quantity_heads_itself_or_an_earlier_one():
    text = normalize(MappedText.identity(
        "收到的物资有：口罩3000只、手套1200双，防护服40套。排查520户，党员20人、群众30人；消毒液60桶\n方便面4箱")).text
    quantities = find_quantities(text)
    heads = list_heads(text, quantities)
    assert len(quantities) == 8
    for index, head in enumerate(heads):
        assert head <= index
        assert heads[head] == head  # a head heads its own list
        if head != index and quantities[index].unit_classes <= BREAKING_CLASSES:
            # people, households, times continue only a list of their own class
            assert quantities[head].unit_classes == quantities[index].unit_classes


def test_no_quantities_no_heads():
    assert list_heads("没有数字。", []) == []


def test_an_item_with_a_word_of_an_object_is_a_clause_of_its_own():
    import fangkong.rules.reader as reader

    marks = reader.load_rules().object_markers
    text = "李桂兰一人捐了5000元；社区还把辖区两个广场的电子显示屏用来播放标语"
    quantities = find_quantities(text)
    assert list_heads(text, quantities) == [0, 0]  # without the marks, the 两个 is an item of the gift
    assert list_heads(text, quantities, marks) == [0, 1]
    gifts = "捐赠方便面4箱、矿泉水10件、八宝粥2件"
    assert list_heads(gifts, find_quantities(gifts), marks) == [0, 0, 0]


@pytest.mark.parametrize(("sentence", "groups"), [
    # a noun phrase of people running right up to its count, after a 、, is an item however long its modifiers
    ("排查出从武汉返乡人员3人、湖北其他地区返乡人员11人", [["3人", "11人"]]),
    # after a comma or a semicolon it may be a clause of its own, with its own verb
    ("劝返人员89人；发现中高风险地区来人11人", [["89人"], ["11人"]]),
    # things are no people, however their item ends
    ("捐赠口罩3000只、湖北其他地区返乡人员11人", [["3000只"], ["11人"]]),
])
def test_a_long_noun_phrase_of_people_is_an_item(sentence, groups):
    import fangkong.rules.reader as reader

    text = normalize(MappedText.identity(sentence)).text
    quantities = find_quantities(text)
    heads = list_heads(text, quantities, None, reader.load_rules().people_nouns)
    found: dict[int, list[str]] = {}
    for quantity, head in zip(quantities, heads, strict=True):
        found.setdefault(head, []).append(text[quantity.start:quantity.end])
    assert list(found.values()) == groups
    assert _groups(sentence)[-1] == ["11人"]  # without the nouns of people, the long item stands alone
