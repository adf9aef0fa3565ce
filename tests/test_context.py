"""Place names, as-of dates and row ids: tables of written cases."""

from __future__ import annotations

import pytest

import fangkong
from fangkong.facts.context import as_of_date, find_places, nearest_place, title_place

# text → the place names found in it, in order
PLACES = [
    ("东坪镇南桥村爱心人士捐款", ["东坪镇", "南桥村"]),
    ("幸福村设立卡点5个", ["幸福村"]),
    ("在南桥村设卡", ["南桥村"]),
    ("截止目前，云溪街道组织志愿者30名", ["云溪街道"]),
    ("深入云溪街道各社区", ["云溪街道"]),
    ("马家湾村设卡", ["马家湾村"]),
    ("黄陂区蔡甸区", ["黄陂区", "蔡甸区"]),
    ("金沙社区召开疫情防控部署会", ["金沙社区"]),
    ("印发浠水县防控方案", ["浠水县"]),
    # common words that end like place names
    ("全镇各村", []),
    ("组织村民下沉社区", []),
    ("17个村设立检查点34个", []),
    ("辖区上万名党员", []),
    ("各小区每个卡点", []),
    ("城乡社区", []),
    ("用于全区防疫", []),
    ("全县各乡镇", []),
    ("外出返乡人员", []),
    ("村两委干部", []),
    ("美丽乡村", []),
    ("农村地区重点区域", []),
    ("目前镇里", []),
    ("组织村干部", []),
    ("严格执行社区封闭管理", []),
]


@pytest.mark.parametrize(("text", "names"), PLACES, ids=[p[0] for p in PLACES])
def test_find_places(text, names):
    assert [text[a:b] for a, b in find_places(text)] == names


# sentence, the fact's evidence in it → the place it is about
NEAREST = [
    ("东坪镇南桥村爱心人士捐款500元", "捐款500元", "南桥村"),
    ("南桥村设卡点3个，北桥村设卡点4个", "卡点4个", "北桥村"),
    ("南桥村设卡点3个，北桥村设卡点4个", "卡点3个", "南桥村"),
    ("设卡点3个的南桥村和北桥村", "卡点3个", "南桥村"),
    ("全镇共设卡点12个", "卡点12个", None),
]


@pytest.mark.parametrize(("text", "evidence", "place"), NEAREST, ids=[f"{n[0]}:{n[1]}" for n in NEAREST])
def test_nearest_place(text, evidence, place):
    start = text.index(evidence)
    assert nearest_place(text, (0, len(text)), (start, start + len(evidence))) == place


@pytest.mark.parametrize(("title", "place"), [
    ("东坪镇：党员干部冲在疫情防控第一线", "东坪镇"),
    ("【抗疫一线】云溪街道：万众一心战疫情", "云溪街道"),
    ("关于捐赠防疫物资的公告", None),
    (None, None),
])
def test_title_place(title, place):
    assert title_place(title) == place


# sentence, published → as_of of a fact at the end of the sentence
AS_OF = [
    ("截至2月10日，全镇共设卡点12个", "2020-02-15", "2020-02-10"),
    ("截至2月10日24时，全镇共设卡点12个", "2020-02-15", "2020-02-10"),
    ("截止2021年12月31日，累计接种3万剂次", "2022-01-05", "2021-12-31"),
    ("截至12月31日，累计接种3万剂次", "2022-01-05", "2021-12-31"),  # a month after published's: last year
    ("截止目前，全镇共设卡点12个", "2020-02-15", "2020-02-15"),
    ("截至今日，全镇共设卡点12个", "2020-02-15", "2020-02-15"),
    ("截至昨日，全镇共设卡点12个", "2020-03-01", "2020-02-29"),
    ("截止到3月5日，复工企业126家", "2020-03-10", "2020-03-05"),
    ("全镇共设卡点12个", "2020-02-15", None),
    ("截至2月10日，全镇共设卡点12个", None, None),  # no year to take
    ("截止目前，全镇共设卡点12个", None, None),
    ("截至2月30日，全镇共设卡点12个", "2020-02-15", None),  # no such day
    ("2月10日，全镇共设卡点12个", "2020-02-15", None),  # a date, but no 截至
    ("全镇共设卡点12个（截至2月10日）", "2020-02-15", "2020-02-10"),  # after the fact, in its sentence
    ("截至2月1日设卡点5个，截至2月10日设卡点12个", "2020-02-15", "2020-02-10"),  # the nearest before it
]


@pytest.mark.parametrize(("text", "published", "as_of"), AS_OF, ids=[a[0] for a in AS_OF])
def test_as_of_date(text, published, as_of):
    start = text.rindex("卡点") if "卡点" in text else len(text) - 4
    assert as_of_date(text, (0, len(text)), (start, len(text)), published) == as_of


REPORT = """东坪镇：疫情防控简报
2020年02月15日
截至2月10日，全镇共设卡点12个，其中村级卡点9个。
南桥村村民自发捐款500元。
"""


def test_columns_through_the_pipeline():
    frame = fangkong.extract_text(REPORT, doc="d.txt")
    columns = ["id", "metric", "value", "role", "parent", "place", "as_of"]
    got = [tuple(row) for row in frame[columns].astype(object).where(frame[columns].notna(), None).values]
    assert got == [
        ("d.txt#1", "checkpoints", 12.0, "total", None, "东坪镇", "2020-02-10"),  # 全镇: the title's place
        ("d.txt#2", "checkpoints", 9.0, "part", "d.txt#1", "东坪镇", "2020-02-10"),
        ("d.txt#3", "donations_money", 500.0, "single", None, "南桥村", None),
    ]


def test_ids_number_the_rows_of_each_report():
    one = fangkong.extract_text("设立卡点5个，志愿者30名，发放宣传单200份。", doc="a")
    assert list(one["id"]) == ["a#1", "a#2", "a#3"]
    assert list(one["role"]) == ["single"] * 3
    assert one["parent"].isna().all() and one["as_of"].isna().all()
    assert str(one["id"].dtype) == "string" and str(one["place"].dtype) == "string"
