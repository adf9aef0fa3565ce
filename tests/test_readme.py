"""README.md and docs/robustness.md say what the code does: commands, sample, columns, metrics, options, codes."""

from __future__ import annotations

import doctest
import os
import re
import shlex
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


@pytest.mark.parametrize("command", ["explain", "review"])
def test_every_option_of_explain_and_review_is_documented(command):
    documented = " ".join(table_column(section("Checking facts by eye")))  # the rows of both option tables
    for param in cli.commands[command].params:
        for flag in param.opts + param.secondary_opts:
            if flag.startswith("-") and flag not in ("-h", "--help"):
                assert flag in documented, flag


def test_explain_sample_is_real_output():
    block = re.search(r"```console\n\$ (fangkong explain .*?)\n(.*?)```", README, re.S)
    args = block.group(1).split()[1:]
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(cli, args)
    finally:
        os.chdir(here)
    assert result.exit_code == 0
    assert block.group(2) == result.output


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
    floors = {row.split(" | ")[0].strip("| ").split()[0]: row.split(" | ")[-1].strip(" |") for row in rows}
    assert floors == {name: f"{f1:.3f} / {qualifier:.2f}" for name, (f1, qualifier) in FLOORS.items()}


ROBUSTNESS_TESTS = re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?`", ROBUSTNESS)


def test_robustness_table_has_rows():
    assert len(ROBUSTNESS_TESTS) >= 25


@pytest.mark.parametrize(("path", "name"), ROBUSTNESS_TESTS, ids=lambda v: v)
def test_robustness_row_is_backed_by_a_test(path, name):
    source = (ROOT / path).read_text("utf-8")
    if name:
        assert re.search(rf"^def {name}\(", source, re.M), f"{path}::{name}"


@pytest.mark.parametrize(("title", "command"), [("Listing and checking rules", ["rules"]),
                                                ("Listing and checking rules", ["rules", "check"]),
                                                ("Measuring it on your own reports", ["score"]),
                                                ("One row per report", ["summarize"])])
def test_every_option_of_the_other_commands_is_documented(title, command):
    documented = section(title)
    params = cli
    for name in command:
        params = params.commands[name]
    for param in params.params:
        for flag in param.opts + param.secondary_opts:
            if flag.startswith("--"):
                assert f"`{flag}" in documented, flag


CONSOLE = re.findall(r"```console\n(.*?)```", README, re.S)


def _runs(block: str) -> list[tuple[str, list[str]]]:
    """A console block → (command line, the output lines shown after it)."""
    runs: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            runs.append((line[2:], []))
        else:
            runs[-1][1].append(line)
    return runs


def _output(command: str) -> list[str]:
    """What a `fangkong …` command line (one `|` between two fangkong commands allowed) prints."""
    stdin = None
    for part in command.split(" | "):
        words = shlex.split(part)
        assert words[0] == "fangkong", command
        stdin = CliRunner().invoke(cli, words[1:], input=stdin).stdout
    return stdin.splitlines()


def _shown(expected: list[str], got: list[str]) -> bool:
    """True where `got` is `expected`, a line `…` in it standing for any number of lines."""
    pattern = "".join(".*?" if line == "…" else re.escape(line + "\n") for line in expected)
    return re.fullmatch(pattern, "".join(line + "\n" for line in got), re.S) is not None


def test_console_blocks_are_there():
    assert len(CONSOLE) >= 4


@pytest.mark.parametrize("block", CONSOLE, ids=lambda b: b.splitlines()[0][:60])
def test_console_block_is_real_output(block, monkeypatch):
    monkeypatch.chdir(ROOT)
    for command, shown in _runs(block):
        got = _output(command)
        assert _shown(shown, got), "\n".join([command, *got])


def test_completion_is_shown_for_bash_zsh_and_fish():
    text = section("Shell completion")
    for shell in ("bash", "zsh", "fish"):
        assert f"_FANGKONG_COMPLETE={shell}_source fangkong" in text
