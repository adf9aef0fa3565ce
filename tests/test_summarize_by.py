"""`fangkong summarize FACTS --by LEVEL[,LEVEL]`: sums per county, town, city, province or month.

The FACTS here are written by hand with the place columns (province, city, county, adcode, town, village)
that place resolution gives each fact; sums are of totals and singles, never parts; copies left out.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pandas as pd
import pytest
from click.testing import CliRunner

from fangkong.cli.main import cli
from fangkong.output.summary import summarize_by

from golden import EXPECTED

HEADER = ("doc", "metric", "value", "unit", "qualifier", "evidence", "start", "end", "role", "parent",
          "published", "as_of", "province", "city", "county", "adcode", "town", "village", "duplicate_of")
SICHUAN = ("四川省", "内江市", "东兴区", "511011")
ZIGONG = ("四川省", "自贡市", "荣县", "510321")
HUBEI = ("湖北省", "省直辖县级行政区划", "仙桃市", "429004")
NOWHERE = ("", "", "", "")
# doc, metric, value, qualifier, role, published, as_of, place, town, duplicate_of
FACTS = [
    ("a.txt", "checkpoints", 12, "exact", "total", "2020-02-12", "2020-02-10", SICHUAN, "永兴镇", ""),
    ("a.txt", "checkpoints", 9, "exact", "part", "2020-02-12", "2020-02-10", SICHUAN, "永兴镇", ""),
    ("a.txt", "volunteers", 260, "over", "single", "2020-02-12", "", SICHUAN, "永兴镇", ""),
    ("b.txt", "checkpoints", 3, "exact", "single", "2020-03-01", "", SICHUAN, "田家镇", ""),
    ("b.txt", "volunteers", 40, "exact", "single", "2020-03-01", "", SICHUAN, "", ""),
    ("c.txt", "checkpoints", 5, "exact", "single", "2020-02-20", "", ZIGONG, "旭阳镇", ""),
    ("d.txt", "volunteers", 100, "exact", "single", "2020-02-25", "", HUBEI, "", ""),
    ("e.txt", "volunteers", 7, "exact", "single", "", "", NOWHERE, "", ""),
    ("f.txt", "checkpoints", 12, "exact", "single", "2020-02-13", "2020-02-10", SICHUAN, "永兴镇", "a.txt"),
]


def write_facts(path, facts=FACTS, header=HEADER):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for n, (doc, metric, value, qualifier, role, published, as_of, place, town, copy) in enumerate(facts):
            row = dict(zip(HEADER, (doc, metric, value, "个", qualifier, f"{value}个", n, n + 3, role, "",
                                    published, as_of, *place, town, "", copy), strict=True))
            writer.writerow([row[c] for c in header])
    return path


def run(*args, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], **kwargs)


def table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def facts(tmp_path):
    return write_facts(tmp_path / "facts.csv")


def test_by_county_one_row_per_county_with_its_code_sums_and_flags(facts):
    result = run("summarize", facts, "--by", "county")
    assert result.exit_code == 0, result.output
    rows = table(result.stdout)
    assert list(rows[0])[:5] == ["province", "city", "county", "adcode", "reports"]
    assert [(r["county"], r["adcode"], r["reports"], r["checkpoints"], r["volunteers"], r["volunteers_over"])
            for r in rows] == [
        ("仙桃市", "429004", "1", "", "100", "False"),
        ("荣县", "510321", "1", "5", "", "False"),
        ("东兴区", "511011", "2", "15", "300", "True"),  # a's total 12 (its part 9 not added) + b's 3; f is a copy
        ("", "", "1", "", "7", "False"),  # no county: a group of its own, last, so the groups add up
    ]


@pytest.mark.parametrize("level, expected", [
    ("province", [("湖北省", "420000", "1", "", "100"), ("四川省", "510000", "3", "20", "300"),
                  ("", "", "1", "", "7")]),
    ("city", [("湖北省", "省直辖县级行政区划", "429000", "1", "", "100"), ("四川省", "自贡市", "510300", "1", "5", ""),
              ("四川省", "内江市", "511000", "2", "15", "300"), ("", "", "", "1", "", "7")]),
])
def test_by_province_and_city_the_code_is_the_levels_own(facts, level, expected):
    rows = table(run("summarize", facts, "--by", level).stdout)
    keys = ["province", "adcode"] if level == "province" else ["province", "city", "adcode"]
    assert [tuple(r[c] for c in [*keys, "reports", "checkpoints", "volunteers"]) for r in rows] == expected


def test_by_town_a_fact_counts_in_its_own_town(facts):
    rows = table(run("summarize", facts, "--by", "town").stdout)
    found = [(r["county"], r["adcode"], r["town"], r["reports"], r["checkpoints"], r["volunteers"]) for r in rows]
    assert found == [
        ("仙桃市", "429004", "", "1", "", "100"),
        ("荣县", "510321", "旭阳镇", "1", "5", ""),
        ("东兴区", "511011", "永兴镇", "1", "12", "260"),
        ("东兴区", "511011", "田家镇", "1", "3", ""),
        ("东兴区", "511011", "", "1", "", "40"),  # b's volunteers: in the county, no town named
        ("", "", "", "1", "", "7"),
    ]


def test_by_month_from_as_of_else_published(facts):
    rows = table(run("summarize", facts, "--by", "month").stdout)
    assert [(r["month"], r["reports"], r["checkpoints"], r["volunteers"]) for r in rows] == [
        ("2020-02", "3", "17", "360"), ("2020-03", "1", "3", "40"), ("", "1", "", "7")]


def test_as_of_wins_over_published_across_a_month_end(tmp_path):
    late = [("g.txt", "checkpoints", 4, "exact", "single", "2020-03-02", "2020-02-28", SICHUAN, "", "")]
    rows = table(run("summarize", write_facts(tmp_path / "late.csv", late), "--by", "month").stdout)
    assert [(r["month"], r["checkpoints"]) for r in rows] == [("2020-02", "4")]


def test_county_and_month_combined(facts):
    rows = table(run("summarize", facts, "--by", "county,month").stdout)
    assert list(rows[0])[:6] == ["province", "city", "county", "adcode", "month", "reports"]
    dongxing = [(r["month"], r["reports"], r["checkpoints"], r["volunteers"]) for r in rows if r["county"] == "东兴区"]
    assert dongxing == [("2020-02", "1", "12", "260"), ("2020-03", "1", "3", "40")]
    assert len(rows) == 5


def test_copies_are_left_out_unless_kept(facts):
    kept = table(run("summarize", facts, "--by", "county", "--keep-duplicates").stdout)
    dongxing = next(r for r in kept if r["county"] == "东兴区")
    assert (dongxing["reports"], dongxing["checkpoints"]) == ("3", "27")


def test_metrics_choose_the_columns(facts):
    rows = table(run("summarize", facts, "--by", "province", "--metrics", "volunteers").stdout)
    assert list(rows[0]) == ["province", "adcode", "reports", "volunteers", "volunteers_over"]


@pytest.mark.parametrize("format_", ["jsonl", "tsv", "xlsx", "sqlite", "parquet"])
def test_any_format_holds_the_same_groups(facts, tmp_path, format_):
    if format_ in ("xlsx", "parquet"):
        pytest.importorskip({"xlsx": "openpyxl", "parquet": "pyarrow"}[format_])
    out = tmp_path / f"groups.{format_}"
    result = run("summarize", facts, "--by", "county,month", "-o", out)
    assert result.exit_code == 0, result.output
    if format_ == "jsonl":
        got = pd.DataFrame([json.loads(line) for line in out.read_text("utf-8").splitlines()])
    elif format_ == "tsv":
        got = pd.read_csv(out, sep="\t", dtype={"adcode": str})
    elif format_ == "xlsx":
        got = pd.read_excel(out, dtype={"adcode": str})
    elif format_ == "sqlite":
        with sqlite3.connect(out) as db:
            got = pd.read_sql("select * from facts", db)
            assert db.execute("select typeof(reports), typeof(volunteers) from facts limit 1").fetchone() == (
                "integer", "real")
    else:
        got = pd.read_parquet(out)
    assert got["reports"].tolist() == [1, 1, 1, 1, 1]
    assert got["volunteers"].fillna(-1).tolist() == [100, -1, 260, 40, 7]
    assert str(got.loc[2, "adcode"]) == "511011"


def test_facts_without_place_columns_are_one_clear_line(tmp_path):
    old = tmp_path / "old.csv"  # facts from a run before place resolution: no place columns
    pd.read_csv(EXPECTED / "reports.csv").drop(columns=["province", "city", "county", "adcode", "town",
                                                         "village"]).to_csv(old, index=False)
    result = run("summarize", old, "--by", "county,month")
    assert result.exit_code == 1
    assert result.output == (f"Error: {old} lacks the columns --by county,month needs: province, city, county, "
                             "adcode (facts from an older fangkong? extract them again)\n")
    months = table(run("summarize", old, "--by", "month").stdout)  # month needs no place
    assert [r["month"] for r in months] == ["2020-02", "2020-03", "2022-03", "2022-04"]


@pytest.mark.parametrize("given, message", [
    ("county,week", "'week' is not a level"),
    ("month,month", "a level given twice"),
    (",", "is not a level"),
])
def test_a_bad_level_is_a_usage_error(facts, given, message):
    result = run("summarize", facts, "--by", given)
    assert result.exit_code == 2 and message in result.output


def test_no_facts_no_groups():
    empty = pd.DataFrame({c: pd.array([], dtype="string") for c in HEADER}).assign(
        value=pd.array([], dtype="float64"))
    assert summarize_by(empty, ["county"]).columns.tolist() == ["province", "city", "county", "adcode", "reports"]
    assert len(summarize_by(empty, ["month"])) == 0
