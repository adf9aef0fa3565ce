"""The HTML review page: `extract --html`, `review FACTS REPORTS… -o`, and the page itself (parsed, not rendered;
tests/test_review_browser.py renders it)."""

from __future__ import annotations

import builtins
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import fangkong
from fangkong.cli.main import cli
from fangkong.output.review import FONT_STACK, MissingExtra, render_page
from fangkong.text.load import load_text

pytest.importorskip("matplotlib", reason="the review page needs matplotlib (the html extra)")

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "fixtures" / "reports"
HOSTILE = "<p>&lt;script&gt;alert('x')&lt;/script&gt;幸福村设立卡点5个，发放宣传单200份。</p>"


class Page(HTMLParser):
    """The parts of a page the tests look at: elements by tag, marks, scripts, external references."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: dict[str, int] = {}
        self.marks: list[dict[str, str]] = []
        self.mark_text: list[str] = []
        self.scripts: list[dict[str, str]] = []
        self.references: list[str] = []
        self._in_mark = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag == "mark":
            self.marks.append(attributes)
            self.mark_text.append("")
            self._in_mark += 1
        if tag == "script":
            self.scripts.append(attributes)
        for key in ("src", "href"):
            if key in attributes and not attributes[key].startswith("#"):
                self.references.append(attributes[key])
        if tag == "link":
            self.references.append(attributes.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark -= 1

    def handle_data(self, data):
        if self._in_mark:
            self.mark_text[-1] += data


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.html").write_text(HOSTILE, encoding="utf-8")
    (reports / "b.txt").write_text("东坪镇：简报\n全镇共设卡点12个，其中村级卡点9个。\n", encoding="utf-8")
    return reports


def test_extract_html_writes_the_page_and_the_csv(folder, tmp_path):
    page_path, csv_path = tmp_path / "review.html", tmp_path / "facts.csv"
    result = run("extract", folder, "-o", csv_path, "--html", page_path)
    assert result.exit_code == 0, result.output
    facts = pd.read_csv(csv_path)
    page = Page(page_path.read_text("utf-8"))
    assert len(page.marks) == len(facts) == 4  # one mark per fact here (no evidence overlaps)
    assert sorted(page.mark_text) == sorted(facts["evidence"])
    assert {m["data-metrics"] for m in page.marks} == set(facts["metric"])
    assert page.tags["svg"] == facts["metric"].nunique() == 2  # a chart per metric found
    assert page.tags["table"] >= 1 and page.tags["select"] == 1


def test_review_command_gives_the_same_page_from_the_csv(folder, tmp_path):
    run("extract", folder, "-o", tmp_path / "facts.csv", "--html", tmp_path / "one.html")
    result = run("review", tmp_path / "facts.csv", folder, "-o", tmp_path / "two.html")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "one.html").read_bytes() == (tmp_path / "two.html").read_bytes()


def test_review_reads_excel_csv_back(folder, tmp_path):
    run("extract", folder, "-o", tmp_path / "facts.csv", "--html", tmp_path / "one.html")
    run("extract", folder, "-o", tmp_path / "excel.csv", "--excel")
    assert run("review", tmp_path / "excel.csv", folder, "-o", tmp_path / "two.html").exit_code == 0
    assert (tmp_path / "one.html").read_bytes() == (tmp_path / "two.html").read_bytes()


def test_report_text_is_escaped_and_nothing_is_fetched(folder, tmp_path):
    run("extract", folder, "-o", tmp_path / "facts.csv", "--html", tmp_path / "review.html")
    text = (tmp_path / "review.html").read_text("utf-8")
    page = Page(text)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in text  # the report's <script> shown as text
    assert "<script>alert" not in text and "</script>幸福村" not in text
    assert "\\u003cscript\\u003ealert('x')" in text  # in the facts' JSON (their sentences), escaped too
    assert len(page.scripts) == 2  # the page's own: its data (JSON) and its code
    assert page.references == []  # no src, no href leaving the page
    assert "default-src 'none'" in text
    assert FONT_STACK in text and "Noto Sans CJK SC" in FONT_STACK and "Microsoft YaHei" in FONT_STACK


def test_hostile_doc_names_evidence_and_titles_are_escaped():
    original = "<title>x</title>幸福村设立卡点5个。"
    loaded = load_text(original)
    doc = '<img src=x onerror="alert(1)">.txt'
    facts = fangkong.extract_text(original, doc=doc)
    facts["title"] = "</script><script>alert(2)</script>"
    page = render_page(facts, {doc: loaded})
    assert "<img src=x" not in page and "<script>alert(2)" not in page
    assert Page(page).scripts == [{"type": "application/json", "id": "fact-data"}, {}]


def test_a_report_whose_text_changed_is_flagged_not_mismarked(folder, tmp_path):
    run("extract", folder, "-o", tmp_path / "facts.csv")
    (folder / "b.txt").write_text("东坪镇：简报\n前言。全镇共设卡点12个，其中村级卡点9个。\n", encoding="utf-8")
    result = run("review", tmp_path / "facts.csv", folder, "-o", tmp_path / "review.html")
    assert result.exit_code == 0
    text = (tmp_path / "review.html").read_text("utf-8")
    assert "2 fact(s) not found at their offsets" in text
    assert len(Page(text).marks) == 2  # a.html's two facts only


def test_a_report_not_given_lists_its_facts_without_text(folder, tmp_path):
    run("extract", folder, "-o", tmp_path / "facts.csv")
    result = run("review", tmp_path / "facts.csv", folder / "a.html", "-o", tmp_path / "review.html")
    assert result.exit_code == 0
    text = (tmp_path / "review.html").read_text("utf-8")
    assert "text was not given" in text
    assert len(Page(text).marks) == 4


def test_charts_are_svg_with_text_kept_as_text(folder, tmp_path):
    run("extract", folder, "--html", tmp_path / "review.html")
    text = (tmp_path / "review.html").read_text("utf-8")
    assert "<svg" in text and "<text" in text  # svg.fonttype none: labels are text, drawn by the page's fonts
    assert "东坪镇" in text.split("<h2>Charts</h2>")[1].split("<h2>Reports</h2>")[0]  # a place bar's label
    assert "<image" not in text and "base64" not in text


def test_without_matplotlib_a_clear_message(folder, tmp_path, monkeypatch):
    real_import = builtins.__import__

    def no_matplotlib(name, *args, **kwargs):
        if name.split(".")[0] == "matplotlib":
            raise ImportError("No module named 'matplotlib'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    result = run("extract", folder, "-o", tmp_path / "facts.csv", "--html", tmp_path / "review.html")
    assert result.exit_code == 2
    assert 'pip install "fangkong[html]"' in result.output and "Traceback" not in result.output
    assert not (tmp_path / "facts.csv").exists()  # refused before any work
    run_csv = tmp_path / "given.csv"
    shutil.copy(ROOT / "fixtures" / "expected" / "reports.csv", run_csv)
    result = run("review", run_csv, REPORTS, "-o", tmp_path / "review.html")
    assert result.exit_code == 1 and "matplotlib" in result.output
    with pytest.raises(MissingExtra):
        render_page(fangkong.extract_text("设立卡点5个。"), {})


@pytest.mark.parametrize(("content", "message"), [
    ("a,b\n1,2\n", "not a fangkong facts CSV"),
    ("doc,metric,value,qualifier,evidence,start,end\na,checkpoints,1,exact,x,zero,1\n", "not a number"),
    (b"\xff\xfe\x00bad", "cannot read"),
])
def test_a_bad_facts_csv_is_one_message(tmp_path, content, message):
    path = tmp_path / "facts.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    result = run("review", path, "-o", tmp_path / "review.html")
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_review_usage_errors(tmp_path):
    assert run("review", tmp_path / "none.csv", "-o", tmp_path / "r.html").exit_code == 2
    csv_path = tmp_path / "facts.csv"
    shutil.copy(ROOT / "fixtures" / "expected" / "reports.csv", csv_path)
    result = run("review", csv_path, tmp_path / "no_such_folder", "-o", tmp_path / "r.html")
    assert result.exit_code == 2 and "no such file or folder" in result.output
    assert run("review", csv_path, REPORTS).exit_code == 2  # -o is required


def test_unwritable_page_is_one_error(folder, tmp_path):
    result = run("extract", folder, "-o", tmp_path / "facts.csv", "--html", tmp_path / "no" / "review.html")
    assert result.exit_code == 1 and "cannot write" in result.output and "Traceback" not in result.output


def test_the_shipped_fixtures_make_a_page_with_every_fact_marked(tmp_path):
    result = run("review", ROOT / "fixtures" / "expected" / "reports.csv", REPORTS, "-o", tmp_path / "r.html")
    assert result.exit_code == 0, result.output
    facts = pd.read_csv(ROOT / "fixtures" / "expected" / "reports.csv")
    page = Page((tmp_path / "r.html").read_text("utf-8"))
    marked = {int(n) for mark in page.marks for n in mark["data-facts"].split()}
    assert marked == set(range(len(facts)))  # every fact highlighted somewhere in its report's text


# --- sums per county and per month ----------------------------------------------------------------------------

def _placed_facts() -> pd.DataFrame:
    """Facts written by hand with place columns: two counties, one fact without a place, and a copy."""
    rows = [
        # doc, metric, value, qualifier, role, published, as_of, county, adcode, duplicate_of
        ("a.txt", "checkpoints", 12.0, "exact", "total", "2020-02-12", "2020-02-10", "东兴区", "511011", None),
        ("a.txt", "checkpoints", 9.0, "exact", "part", "2020-02-12", "2020-02-10", "东兴区", "511011", None),
        ("b.txt", "checkpoints", 3.0, "over", "single", "2020-03-01", None, "荣县", "510321", None),
        ("c.txt", "checkpoints", 7.0, "exact", "single", None, None, None, None, None),
        ("d.txt", "checkpoints", 12.0, "exact", "total", "2020-02-13", "2020-02-10", "东兴区", "511011", "a.txt"),
    ]
    frame = pd.DataFrame(rows, columns=["doc", "metric", "value", "qualifier", "role", "published", "as_of",
                                        "county", "adcode", "duplicate_of"])
    frame["province"] = frame["county"].map({"东兴区": "四川省", "荣县": "四川省"})
    frame["city"] = frame["county"].map({"东兴区": "内江市", "荣县": "自贡市"})
    frame["evidence"] = frame["value"].map(lambda v: f"卡点{v:g}个")
    frame["start"], frame["end"] = 0, 4
    return frame.astype({c: "string" for c in frame.columns if c not in ("value", "start", "end")})


def _cells(page: str, css: str) -> list[list[str]]:
    """The text of each body row's cells in the table of class `css`."""
    import re

    table = page.split(f'class="overview {css}"')[1].split("</table>")[0]
    return [[re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1])]


def test_tables_per_county_and_per_month_sum_totals_and_singles_without_copies():
    page = render_page(_placed_facts(), {})
    assert _cells(page, "by-county") == [["四川省", "自贡市", "荣县", "510321", "1", "3+"],
                                         ["四川省", "内江市", "东兴区", "511011", "1", "12"],
                                         ["", "", "", "", "1", "7"]]
    assert _cells(page, "by-month") == [["2020-02", "1", "12"], ["2020-03", "1", "3+"], ["", "1", "7"]]
    charts = page.split("<h2>Charts</h2>")[1].split("<h2>Reports</h2>")[0]
    assert charts.count("<svg") == 1
    for label in ("per county", "per month", "东兴区 511011", "2020-03", "(no county)", "(no date)"):
        assert label in charts, label
    assert "a copy of" in page.split('id="doc-d_txt"')[1] and "copy of" in page.split("<h2>Overview</h2>")[1]


def test_without_place_columns_the_county_table_is_left_out_saying_why(folder, tmp_path):
    # facts from a run before places existed: the place columns are not in the file
    run("extract", folder, "-o", tmp_path / "facts.csv")
    old = pd.read_csv(tmp_path / "facts.csv").drop(columns=["province", "city", "county", "adcode", "town",
                                                                 "village"])
    old.to_csv(tmp_path / "old.csv", index=False)
    assert run("review", tmp_path / "old.csv", folder, "-o", tmp_path / "page.html").exit_code == 0
    page = (tmp_path / "page.html").read_text("utf-8")
    groups = page.split("<h2>Sums by county and month</h2>")[1].split("<h2>Charts</h2>")[0]
    assert 'class="overview by-county"' not in groups
    assert "No table by county: these facts have no place columns (province, city, county, adcode)" in groups
    assert 'class="overview by-month"' in groups
    charts = page.split("<h2>Charts</h2>")[1].split("<h2>Reports</h2>")[0]
    assert "per month" in charts and "per county" not in charts
