"""`fangkong explain REPORT`: the report with evidence marked ([[…]] piped, colour on a terminal) and the facts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import fangkong
from fangkong.cli.main import cli
from fangkong.output.explain import explain
from fangkong.run.pipeline import extract_loaded
from fangkong.text.load import load_text

ROOT = Path(__file__).resolve().parent.parent
ANSI = re.compile(r"\x1b\[[0-9;]*m")
REPORT = """东坪镇：疫情防控简报
2020年02月15日

截至2月10日，全镇共设卡点12个，其中村级卡点9个。镇里开会部署。
南桥村村民自发捐款500元。
"""


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "town.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def run(*args, color: bool = False, input: bytes | None = None):
    return CliRunner().invoke(cli, ["explain", *map(str, args)], color=color, input=input)


def test_piped_output_marks_evidence_with_brackets_and_lists_facts(report):
    result = run(report)
    assert result.exit_code == 0, result.output
    assert not ANSI.search(result.output)
    lines = result.output.splitlines()
    facts = fangkong.extract_text(REPORT, doc="town.txt")
    assert list(facts["metric"]) == ["checkpoints", "checkpoints", "donations_money"]
    first, second, third = facts["evidence"]
    sentence = next(i for i, line in enumerate(lines) if line.startswith("截至2月10日"))
    assert lines[sentence].count("[[") == 2 and f"[[{first}]]" in lines[sentence] and f"[[{second}]]" in lines[sentence]
    assert lines[sentence].replace("[[", "").replace("]]", "") == "截至2月10日，全镇共设卡点12个，其中村级卡点9个。"
    assert re.fullmatch(r"    #1 checkpoints 12 个 exact · rule \S+ · total · 东坪镇 · as of 2020-02-10",
                        lines[sentence + 1])
    assert re.fullmatch(r"    #2 checkpoints 9 个 exact · rule \S+ · part of #1 · 东坪镇 · as of 2020-02-10",
                        lines[sentence + 2])
    assert lines[sentence + 3] == "镇里开会部署。"  # the rest of the paragraph, after the fact lines
    donation = next(i for i, line in enumerate(lines) if line.startswith("南桥村"))
    assert f"[[{third}]]" in lines[donation]
    assert re.fullmatch(r"    #3 donations_money 500 元 exact · rule \S+ · 南桥村", lines[donation + 1])
    assert lines[0] == "东坪镇：疫情防控简报"  # the whole report is printed


def test_terminal_output_colours_the_evidence(report):
    result = run(report, color=True)
    assert result.exit_code == 0
    assert "[[" not in result.output
    coloured = re.findall(r"\x1b\[[0-9;]*m([^\x1b]+)\x1b\[0m", result.output)
    assert coloured == list(fangkong.extract_text(REPORT)["evidence"])
    assert ANSI.sub("", result.output) == run(report).output.replace("[[", "").replace("]]", "")


def test_no_color_wins_over_a_terminal(report):
    result = run(report, "--no-color", color=True)
    assert "[[" in result.output and not ANSI.search(result.output)


def test_stdin_and_html_report():
    page = "<html><body><p>幸福村设立<b>卡点5个</b>。</p><script>var x = '卡点9个';</script></body></html>"
    result = run("-", input=page.encode("utf-8"))
    assert result.exit_code == 0
    assert "幸福村设立卡点5个。" in result.output.replace("[[", "").replace("]]", "").splitlines()
    assert result.output.count("[[") == 1 and "9" not in result.output  # the script's text is not the report's
    assert "<b>" not in result.output and "script" not in result.output  # the text, not the markup


def test_a_report_without_facts_is_printed_plainly(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("会议要求各网格做好防控。\n\n\n\n会后大家分头落实。\n", encoding="utf-8")
    assert run(path).output == "会议要求各网格做好防控。\n\n会后大家分头落实。\n"  # blank lines squeezed


@pytest.mark.parametrize(("make", "code", "message"), [
    (lambda tmp: tmp / "missing.txt", 2, "cannot read"),
    (lambda tmp: (tmp / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00") and tmp / "a.png", 1, "not a report"),
])
def test_bad_report_is_one_line_without_traceback(tmp_path, make, code, message):
    result = run(make(tmp_path))
    assert result.exit_code == code
    assert message in result.output and "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


def test_library_explain_marks_overlapping_evidence_once():
    loaded = load_text("排查农户868户、2,953人。")
    facts = extract_loaded(loaded, "a")
    lines = explain(loaded, facts, mark=lambda s: "<" + s + ">")
    assert lines[0].count("<") == 1  # two facts sharing 排查农户868户 make one marked stretch
    assert len(lines) == 1 + len(facts)


def test_explain_help():
    result = CliRunner().invoke(cli, ["explain", "--help"])
    assert result.exit_code == 0 and "[[like this]]" in result.output
