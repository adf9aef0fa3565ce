"""`fangkong summarize FACTS` and `fangkong extract --wide`: one row per report, a column per metric."""

from __future__ import annotations

import io
import sqlite3

import pandas as pd
import pytest
from click.testing import CliRunner

from fangkong.cli.main import cli

from golden import ROOT

REPORT = "全镇共收到捐款30万元，其中党员捐款10万元，群众捐款20万元。设立卡点12个，志愿者50余名。"


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


@pytest.fixture()
def report(tmp_path):
    path = tmp_path / "town.txt"
    path.write_text("平安镇:防疫简报\n" + REPORT, encoding="utf-8")
    return path


def _csv(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), keep_default_na=False)


def test_parts_never_count_twice_and_over_is_flagged(report, tmp_path):
    facts = tmp_path / "facts.csv"
    assert run("extract", str(report), "-o", str(facts)).exit_code == 0
    wide = _csv(run("summarize", str(facts)).stdout)
    assert len(wide) == 1
    assert wide.loc[0, "donations_money"] == 300000  # the total; its parts (10万, 20万) are not added
    assert wide.loc[0, "checkpoints"] == 12 and wide.loc[0, "volunteers"] == 50
    assert bool(wide.loc[0, "volunteers_over"]) and not bool(wide.loc[0, "checkpoints_over"])
    assert list(wide.columns[:4]) == ["doc", "title", "published", "place"]


def test_extract_wide_gives_what_summarize_gives(tmp_path):
    facts = tmp_path / "facts.csv"
    assert run("extract", str(ROOT / "fixtures" / "reports"), "-o", str(facts)).exit_code == 0
    assert run("extract", str(ROOT / "fixtures" / "reports"), "--wide").stdout == run("summarize", str(facts)).stdout


def test_metrics_choose_the_columns_in_their_order(report):
    wide = _csv(run("extract", str(report), "--wide", "--metrics", "volunteers,checkpoints,leaflets").stdout)
    assert list(wide.columns[4:]) == ["volunteers", "volunteers_over", "checkpoints", "checkpoints_over",
                                      "leaflets", "leaflets_over"]
    assert wide.loc[0, "leaflets"] == ""  # no such fact: an empty cell, not 0


def test_metric_columns_follow_the_catalogue(report):
    metrics = [c for c in _csv(run("extract", str(report), "--wide").stdout).columns[4:] if not c.endswith("_over")]
    assert metrics == ["checkpoints", "volunteers", "donations_money"]


def test_any_format_with_typed_numbers(report, tmp_path):
    out = tmp_path / "wide.sqlite"
    assert run("extract", str(report), "--wide", "-o", str(out)).exit_code == 0
    with sqlite3.connect(out) as db:
        assert db.execute("select typeof(donations_money), donations_money from facts").fetchone() == ("real", 300000)
    xlsx = tmp_path / "wide.xlsx"
    assert run("summarize", "-", "-o", str(xlsx), stdin=run("extract", str(report)).stdout).exit_code == 0
    assert pd.read_excel(xlsx).loc[0, "checkpoints"] == 12


def test_metrics_without_wide_is_a_usage_error(report):
    result = CliRunner().invoke(cli, ["extract", str(report), "--metrics", "checkpoints"])
    assert result.exit_code == 2 and "--wide" in result.output


def test_not_a_facts_file_is_one_clear_line(tmp_path):
    bad = tmp_path / "notes.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["summarize", str(bad)])
    assert result.exit_code == 1 and "not a fangkong facts CSV" in result.output
