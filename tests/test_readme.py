"""README.md and docs/robustness.md say what the code does: commands, sample, columns, metrics, options, codes."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import fangkong
from fangkong.cli.main import cli, extract
from fangkong.ruleset import METRICS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")
ROBUSTNESS = (ROOT / "docs" / "robustness.md").read_text("utf-8")


def section(title: str) -> str:
    """The README's text under the heading `title`, up to the next heading of the same or a higher level."""
    heading = re.search(rf"^(#+) {re.escape(title)}$", README, re.M)
    assert heading, title
    end = re.compile(rf"^#{{1,{len(heading.group(1))}}} ", re.M).search(README, heading.end())
    return README[heading.end():end.start() if end else len(README)]


def table_column(text: str, column: int = 0) -> list[str]:
    """The `code` in the given column of each row of the first markdown table in `text`."""
    cells = []
    for line in text.splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            cell = line.split(" | ")[column].strip("| ")
            cells.append(cell)
    return cells[1:]  # without the header row


def test_the_two_commands():
    commands = [line.strip() for line in section("Quick start").splitlines() if line.startswith("    ")]
    assert commands == [
        'python -m pip install -e ".[test]" && fangkong extract fixtures/reports > facts.csv',
        "python -m pytest",
    ]
    assert "python -m pytest" in (ROOT / ".ci" / "run").read_text()


def test_sample_output_is_real_output():
    sample = re.search(r"```csv\n(.*?)```", README, re.S).group(1).splitlines()
    expected = (ROOT / "fixtures" / "expected" / "reports.csv").read_text("utf-8").splitlines()
    assert sample[0] == expected[0]
    assert len(sample) > 2 and all(line in expected for line in sample)


def test_columns_table_lists_the_columns_in_order():
    assert [c.strip("`") for c in table_column(section("Columns"))] == list(fangkong.COLUMNS)


def test_metrics_table_lists_the_catalogue():
    assert [c.strip("`") for c in table_column(section("Metrics"))] == list(METRICS)


def test_every_option_is_documented():
    documented = " ".join(table_column(section("Using the command")))
    for param in extract.params:
        for flag in param.opts + param.secondary_opts:
            if flag.startswith("-"):
                assert flag in documented, flag


def test_exit_codes_match_the_help():
    codes = {int(c) for c in table_column(section("Exit codes"))}
    help_text = CliRunner().invoke(cli, ["extract", "--help"]).output
    in_help = {int(c) for c in re.findall(r"^\s+(\d+)\s{2,}", help_text.split("Exit codes:")[1], re.M)}
    assert codes == in_help == {0, 1, 2, 130}


@pytest.mark.parametrize("number", range(len(re.findall(r"```pycon\n", README))))
def test_library_examples_run_as_written(number):
    example = re.findall(r"```pycon\n(.*?)```", README, re.S)[number]
    test = doctest.DocTestParser().get_doctest(example, {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert test.examples


def test_there_are_library_examples():
    assert len(re.findall(r"```pycon\n", README)) >= 2


def test_accuracy_floors_match_the_test():
    from test_accuracy import FLOORS

    rows = [line for line in section("Accuracy").splitlines() if line.startswith("| ") and "---" not in line][1:]
    floors = {row.split(" | ")[0].strip("| ").split()[0]: row.split(" | ")[3].strip(" |") for row in rows}
    assert floors == {name: f"{f1:.3f} / {qualifier:.2f}" for name, (f1, qualifier) in FLOORS.items()}


ROBUSTNESS_TESTS = re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?`", ROBUSTNESS)


def test_robustness_table_has_rows():
    assert len(ROBUSTNESS_TESTS) >= 25


@pytest.mark.parametrize(("path", "name"), ROBUSTNESS_TESTS, ids=lambda v: v)
def test_robustness_row_is_backed_by_a_test(path, name):
    source = (ROOT / path).read_text("utf-8")
    if name:
        assert re.search(rf"^def {name}\(", source, re.M), f"{path}::{name}"
