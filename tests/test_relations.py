"""Totals and their parts: written sentences, the facts in them, and which fact each is a part of.

The facts are given by hand (evidence, metric, value), so these cases test `relate` alone, whatever the
rules find; a few cases at the end go through the whole pipeline.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fangkong
from fangkong.facts.relations import Located, relate, roles
from fangkong.text.segment import segment

M, C, V, G = "donations_money", "checkpoints", "volunteers", "donations_goods"
S, P = "people_screened", "persuaded_back"


def located(text: str, facts: list[tuple[str, str, float]]) -> tuple[list[Located], list[tuple[int, int]]]:
    """Facts given as (evidence, metric, value) → Located facts (found left to right) and the sentence spans."""
    sentences = [(s.start, s.end) for s in segment(text).sentences]
    found, cursor = [], 0
    for evidence, metric, value in facts:
        start = text.index(evidence, cursor)
        cursor = start + len(evidence)
        sentence = next(i for i, (a, b) in enumerate(sentences) if a <= start < b)
        qualifier = "over" if "余" in evidence or "多" in evidence else "exact"
        found.append(Located(metric, value, qualifier, start, cursor, sentence))
    return found, sentences


# text, facts (evidence, metric, value), expected parent index of each (None: not a part)
CASES = [
    ("共收到捐款30万元，其中党员捐款10万元，群众捐款20万元。",
     [("捐款30万元", M, 300000), ("捐款10万元", M, 100000), ("捐款20万元", M, 200000)], [None, 0, 0]),
    ("全镇共设卡点12个，其中村级卡点9个。", [("卡点12个", C, 12), ("卡点9个", C, 9)], [None, 0]),
    ("发放口罩500个、消毒液200瓶，共计700件。",
     [("口罩500个", G, 500), ("消毒液200瓶", G, 200), ("700件", G, 700)], [2, 2, None]),
    ("共计捐赠物资700件，口罩500个、消毒液200瓶。",
     [("物资700件", G, 700), ("口罩500个", G, 500), ("消毒液200瓶", G, 200)], [None, 0, 0]),
    # the marker opens the next sentence: the total is the last clause of the sentence before
    ("全村共招募志愿者120名。其中党员志愿者80名。", [("志愿者120名", V, 120), ("志愿者80名", V, 80)], [None, 0]),
    ("全镇包括党员在内的志愿者共300名，包括青年志愿者100名、巾帼志愿者50名。",
     [("志愿者共300名", V, 300), ("志愿者100名", V, 100), ("志愿者50名", V, 50)], [None, 0, 0]),
    # a part larger than the total is not its part
    ("捐款3万元，其中企业捐款5万元。", [("捐款3万元", M, 30000), ("捐款5万元", M, 50000)], [None, None]),
    # a lower-bound total may be smaller than a part
    ("捐款3万余元，其中企业捐款3.2万元。", [("捐款3万余元", M, 30000), ("捐款3.2万元", M, 32000)], [None, 0]),
    # another metric after 其中 is not a part
    ("设立卡点12个，其中安排志愿者30名值守。", [("卡点12个", C, 12), ("志愿者30名", V, 30)], [None, None]),
    # the total must stand in the clause right before 其中, not further back
    ("村干部59人，热心人士共计41人，其中后备干部4人。", [("村干部59人", V, 59), ("后备干部4人", V, 4)], [None, None]),
    # unless the clauses between hold totals of the marker's other parts: totals of several metrics, then one 其中
    ("共捐款28.6万元，捐赠口罩3.2万只。其中，某公司捐款10万元、捐赠口罩5000只。",
     [("捐款28.6万元", M, 286000), ("口罩3.2万只", G, 32000), ("捐款10万元", M, 100000), ("口罩5000只", G, 5000)],
     [None, None, 0, 1]),
    ("共捐款28.6万元，捐赠口罩3.2万只，其中某公司捐款10万元。",
     [("捐款28.6万元", M, 286000), ("口罩3.2万只", G, 32000), ("捐款10万元", M, 100000)], [None, None, None]),
    # a day's increment is part of the running total of its metric, in its sentence or the next
    ("今日新增排查返乡人员12人，累计排查返乡人员326人。",
     [("排查返乡人员12人", S, 12), ("排查返乡人员326人", S, 326)], [1, None]),
    ("当日劝返车辆15辆。截至目前，累计劝返车辆280辆。", [("车辆15辆", P, 15), ("车辆280辆", P, 280)], [1, None]),
    ("今日排查500人，累计排查326人。", [("排查500人", S, 500), ("排查326人", S, 326)], [None, None]),  # larger
    ("今日新增排查12人，累计劝返车辆280辆。", [("排查12人", S, 12), ("车辆280辆", P, 280)], [None, None]),
    # a list that does not sum to the 共计 figure is no list of parts
    ("发放口罩500个、消毒液200瓶，共计900件。",
     [("口罩500个", G, 500), ("消毒液200瓶", G, 200), ("900件", G, 900)], [None, None, None]),
    # one item is not a list
    ("捐赠口罩500个，共计500个。", [("口罩500个", G, 500), ("500个", G, 500)], [None, None]),
    # 共同 and 共产党 are not totals
    ("捐赠口罩200个、手套300副，与共产党员共同清点物资500件。",
     [("口罩200个", G, 200), ("手套300副", G, 300), ("物资500件", G, 500)], [None, None, None]),
    # two totals each with their own parts
    ("捐款2万元，其中党员1万元、群众1万元；设立卡点5个，其中村口卡点3个。",
     [("捐款2万元", M, 20000), ("党员1万元", M, 10000), ("群众1万元", M, 10000), ("卡点5个", C, 5),
      ("卡点3个", C, 3)], [None, 0, 0, None, 3]),
    ("一人捐款2000元，另一人捐款2000元。", [("捐款2000元", M, 2000), ("捐款2000元", M, 2000)], [None, None]),
]


@pytest.mark.parametrize(("text", "facts", "parents"), CASES, ids=[c[0][:16] for c in CASES])
def test_parent_of_each_fact(text, facts, parents):
    found, sentences = located(text, facts)
    assert relate(found, text, sentences) == parents


def test_roles_follow_from_parents():
    assert roles([None, 0, 0, None, None, 4]) == ["total", "part", "part", "single", "total", "part"]


# whole pipeline: text → (metric value, role, the parent's metric value)
PIPELINE_CASES = [
    ("共收到捐款30万元，其中党员捐款10万元，群众捐款20万元。",
     [("donations_money 300000", "total", None), ("donations_money 100000", "part", "donations_money 300000"),
      ("donations_money 200000", "part", "donations_money 300000")]),
    ("全镇共设卡点12个，其中村级卡点9个。",
     [("checkpoints 12", "total", None), ("checkpoints 9", "part", "checkpoints 12")]),
    ("设立卡点5个，组织志愿者30余名参与值守。", [("checkpoints 5", "single", None), ("volunteers 30", "single", None)]),
]


@pytest.mark.parametrize(("text", "expected"), PIPELINE_CASES, ids=[c[0][:12] for c in PIPELINE_CASES])
def test_role_and_parent_columns(text, expected):
    frame = fangkong.extract_text(text, doc="a.txt")
    named = {row.id: f"{row.metric} {row.value:g}" for row in frame.itertuples()}
    got = [(named[row.id], row.role, named.get(row.parent) if isinstance(row.parent, str) else None)
           for row in frame.itertuples()]
    assert got == expected


# fixtures/context/pingan_town.txt, read by hand: (metric, value) → role, the parent's (metric, value), place,
# as_of. Keyed by metric and value, not evidence, so that a rule change widening a span changes nothing here.
CONTEXT_FIXTURE = [
    ("checkpoints", "12", "total", "", "平安镇", "2020-02-10"),
    ("checkpoints", "9", "part", "checkpoints 12", "平安镇", "2020-02-10"),
    ("checkpoints", "3", "part", "checkpoints 12", "平安镇", "2020-02-10"),
    ("volunteers", "260", "total", "", "平安镇", ""),
    ("volunteers", "110", "part", "volunteers 260", "平安镇", ""),
    ("volunteers", "150", "part", "volunteers 260", "平安镇", ""),
    ("donations_money", "86000", "total", "", "平安镇", "2020-02-12"),  # 截止目前: the day it was published
    ("donations_money", "50000", "part", "donations_money 86000", "平安镇", "2020-02-12"),  # 其中 opens a sentence
    ("donations_money", "36000", "part", "donations_money 86000", "平安镇", "2020-02-12"),
    ("donations_goods", "2000", "part", "donations_goods 2300", "东湖村", ""),
    ("donations_goods", "300", "part", "donations_goods 2300", "东湖村", ""),
    ("donations_goods", "2300", "total", "", "东湖村", ""),  # 共计 after the list it sums
    ("checkpoints", "2", "single", "", "西岭村", ""),
    ("persuaded_back", "45", "single", "", "西岭村", ""),
]


def test_the_context_fixture_golden_rows_are_as_read_by_hand():
    path = Path(__file__).resolve().parent.parent / "fixtures" / "expected" / "context.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    named = {row["id"]: f"{row['metric']} {row['value']}" for row in rows}
    got = [(r["metric"], r["value"], r["role"], named.get(r["parent"], ""), r["place"], r["as_of"]) for r in rows]
    assert got == CONTEXT_FIXTURE


FRAGMENTS = ["共收到捐款30万元", "其中", "党员捐款10万元", "，", "。", "共计", "设卡点12个", "村级卡点9个", "、",
             "志愿者50名", "包括", "捐赠口罩500个", "消毒液200瓶", "物资700件", "截至2月10日", "南桥村", "全镇共"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30))
def test_parents_are_totals_of_the_same_metric_in_the_same_report(pieces):
    frame = fangkong.extract_text("".join(pieces), doc="r")
    rows = {row.id: row for row in frame.itertuples()}
    assert list(frame["id"]) == [f"r#{n}" for n in range(1, len(frame) + 1)]
    for row in rows.values():
        if row.role == "part":
            total = rows[row.parent]
            assert total.role == "total" and total.metric == row.metric and total.id != row.id
        else:
            assert row.parent is pd.NA
        assert row.role in ("total", "part", "single")
    totals = {row.parent for row in rows.values() if row.role == "part"}
    assert totals == {row.id for row in rows.values() if row.role == "total"}
