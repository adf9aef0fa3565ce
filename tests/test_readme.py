"""README.md and docs/*.md say what the code does: commands, sample, columns, metrics, options, codes, links.

Every `console` and `pycon` block of README.md and docs/*.md is run; a test id names the block's file and line
(`docs/commands.md:42`).
"""

from __future__ import annotations

import doctest
import re
import shlex
from functools import cache
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import fangkong
from fangkong.cli.main import cli, extract
from fangkong.rules.model import METRICS

ROOT = Path(__file__).resolve().parent.parent
README_LIMIT = 250  # lines: README is the front door, the manual is docs/
PAGES = ["README.md", *sorted(f"docs/{path.name}" for path in (ROOT / "docs").glob("*.md"))]


@cache
def page(name: str) -> str:
    """The text of a documentation page, by its path relative to the project (`docs/rules.md`)."""
    return (ROOT / name).read_text("utf-8")


def section(title: str, name: str = "README.md") -> str:
    """A page's text under the heading `title`, up to the next heading of the same or a higher level."""
    text = page(name)
    heading = re.search(rf"^(#+) {re.escape(title)}$", text, re.M)
    assert heading, f"{name}: {title}"
    end = re.compile(rf"^#{{1,{len(heading.group(1))}}} ", re.M).search(text, heading.end())
    return text[heading.end():end.start() if end else len(text)]


def table_column(text: str, column: int = 0) -> list[str]:
    """The `code` in the given column of each row of the markdown tables in `text`, without header rows."""
    cells = []
    for line in text.splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            cells.append(line.split(" | ")[column].strip("| "))
    return cells[1:]  # without the (first) header row


def blocks(kind: str) -> list[tuple[str, str]]:
    """Every fenced block of this kind (`console`, `pycon`) on every page: (`file:line` of its fence, body)."""
    found = []
    for name in PAGES:
        text = page(name)
        for match in re.finditer(rf"^```{kind}\n(.*?)^```", text, re.S | re.M):
            found.append((f"{name}:{text.count(chr(10), 0, match.start()) + 1}", match.group(1)))
    return found


# README: the front door.

def test_readme_is_a_front_door():
    assert len(page("README.md").splitlines()) <= README_LIMIT


def test_the_two_commands():
    commands = [line.strip() for line in section("Quick start").splitlines() if line.startswith("    ")]
    assert commands == [
        'python -m pip install -e ".[test]" && fangkong extract fixtures/reports > facts.csv',
        "python -m pytest",
    ]
    assert "python -m pytest" in (ROOT / ".ci" / "run").read_text()


def test_sample_output_is_real_output():
    sample = re.search(r"```csv\n(.*?)```", page("README.md"), re.S).group(1).splitlines()
    expected = (ROOT / "fixtures" / "expected" / "reports.csv").read_text("utf-8").splitlines()
    assert sample[0] == expected[0]
    assert len(sample) > 2 and all(line in expected for line in sample)


@pytest.mark.parametrize(("name", "title"), [("README.md", "Columns"), ("docs/formats.md", "Columns")])
def test_columns_table_lists_the_columns_in_order(name, title):
    assert [c.strip("`") for c in table_column(section(title, name))] == list(fangkong.COLUMNS)


def test_accuracy_floors_match_the_test():
    from test_accuracy import FLOORS

    rows = [line for line in section("Accuracy").splitlines() if line.startswith("| ") and "---" not in line][1:]
    floors = {row.split(" | ")[0].strip("| ").split()[0]: row.split(" | ")[-1].strip(" |") for row in rows}
    assert floors == {name: f"{f1:.3f} / {qualifier:.2f}" for name, (f1, qualifier) in FLOORS.items()}


def test_readme_links_every_docs_page():
    linked = set(re.findall(r"\]\((docs/[\w.-]+\.md)", page("README.md")))
    assert linked == {name for name in PAGES if name.startswith("docs/")}


# docs/: the manual.

def test_metrics_table_lists_the_catalogue():
    assert [c.strip("`") for c in table_column(section("Metrics", "docs/rules.md"))] == list(METRICS)


def test_every_option_of_extract_is_documented():
    documented = " ".join(table_column(section("`fangkong extract`", "docs/commands.md")))
    for param in extract.params:
        for flag in param.opts + param.secondary_opts:
            if flag.startswith("-"):
                assert flag in documented, flag


@pytest.mark.parametrize(("title", "command"), [("`fangkong explain`", "explain"),
                                                ("`fangkong review` and `extract --html`", "review")])
def test_every_option_of_explain_and_review_is_documented(title, command):
    documented = " ".join(table_column(section(title, "docs/commands.md")))
    for param in cli.get_command(click.Context(cli), command).params:
        for flag in param.opts + param.secondary_opts:
            if flag.startswith("-") and flag not in ("-h", "--help"):
                assert flag in documented, flag


@pytest.mark.parametrize(("title", "command"), [("`fangkong rules` and `rules check`", ["rules"]),
                                                ("`fangkong rules` and `rules check`", ["rules", "check"]),
                                                ("`fangkong score`", ["score"]),
                                                ("`fangkong summarize`", ["summarize"]),
                                                ("`fangkong gaps`", ["gaps"])])
def test_every_option_of_the_other_commands_is_documented(title, command):
    documented = section(title, "docs/commands.md")
    params = cli
    for name in command:
        params = params.get_command(click.Context(params), name)  # some commands are imported when first asked for
    for param in params.params:
        for flag in param.opts + param.secondary_opts:
            if flag.startswith("--") and flag != "--help":
                assert f"`{flag}" in documented, flag


def test_every_command_has_a_section():
    for name in cli.commands:
        assert re.search(rf"^## `fangkong {name}`", page("docs/commands.md"), re.M), name


def test_exit_codes_match_the_help():
    codes = {int(c) for c in table_column(section("Exit codes", "docs/commands.md"))}
    help_text = CliRunner().invoke(cli, ["extract", "--help"]).output
    in_help = {int(c) for c in re.findall(r"^\s+(\d+)\s{2,}", help_text.split("Exit codes:")[1], re.M)}
    assert codes == in_help == {0, 1, 2, 130}


def test_completion_is_shown_for_bash_zsh_and_fish():
    text = section("Shell completion", "docs/commands.md")
    for shell in ("bash", "zsh", "fish"):
        assert f"_FANGKONG_COMPLETE={shell}_source fangkong" in text


ROBUSTNESS_TESTS = re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?`", page("docs/robustness.md"))


def test_robustness_table_has_rows():
    assert len(ROBUSTNESS_TESTS) >= 25


@pytest.mark.parametrize(("path", "name"), ROBUSTNESS_TESTS, ids=lambda v: v)
def test_robustness_row_is_backed_by_a_test(path, name):
    source = (ROOT / path).read_text("utf-8")
    if name:
        assert re.search(rf"^def {name}\(", source, re.M), f"{path}::{name}"


# Examples: every pycon and console block on every page runs and prints what it shows.

PYCON = blocks("pycon")
CONSOLE = blocks("console")


def test_there_are_library_examples():
    assert sum(where.startswith("docs/api.md") for where, _ in PYCON) >= 2


@pytest.mark.parametrize(("where", "example"), PYCON, ids=[where for where, _ in PYCON])
def test_library_example_runs_as_written(where, example):
    name, line = where.split(":")
    test = doctest.DocTestParser().get_doctest(example, {}, where, name, int(line))
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert test.examples


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


@pytest.mark.parametrize(("name", "wanted"), [("README.md", 4), ("docs/commands.md", 4), ("docs/rules.md", 2),
                                              ("docs/places-and-duplicates.md", 2), ("docs/formats.md", 1)])
def test_console_blocks_are_there(name, wanted):
    assert sum(where.startswith(f"{name}:") for where, _ in CONSOLE) >= wanted


@pytest.mark.parametrize(("where", "block"), CONSOLE, ids=[where for where, _ in CONSOLE])
def test_console_block_is_real_output(where, block, monkeypatch):
    monkeypatch.chdir(ROOT)
    for command, shown in _runs(block):
        got = _output(command)
        assert _shown(shown, got), "\n".join([where, command, *got])


# Links: every relative link of every page points at a file that exists, and at a heading of it.

def _slugs(text: str) -> set[str]:
    """The anchors of a markdown page's headings, as GitHub makes them (`## Sums by place` → sums-by-place)."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    slugs: set[str] = set()
    for heading in re.findall(r"^#+ (.+)$", text, re.M):
        heading = re.sub(r"\[([^]]*)\]\([^)]*\)", r"\1", heading)  # a link's text
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        unique, n = slug, 0
        while unique in slugs:
            n += 1
            unique = f"{slug}-{n}"
        slugs.add(unique)
    return slugs


def _links() -> list[tuple[str, str]]:
    """Every relative markdown link on every page, outside code: (`file:line`, target)."""
    found = []
    for name in PAGES:
        text = page(name)
        code = re.compile(r"^```.*?^```|`[^`\n]*`", re.S | re.M)
        prose = code.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)  # offsets kept
        for match in re.finditer(r"\]\(([^)\s]+)\)", prose):
            target = match.group(1)
            if not re.match(r"[a-z]+:", target):
                found.append((f"{name}:{text.count(chr(10), 0, match.start()) + 1}", target))
    return found


LINKS = _links()


def test_there_are_links():
    assert len(LINKS) >= 20


@pytest.mark.parametrize(("where", "target"), LINKS, ids=[f"{where} {target}" for where, target in LINKS])
def test_link_resolves(where, target):
    name = where.split(":")[0]
    path, _, anchor = target.partition("#")
    file = (ROOT / name).parent / path if path else ROOT / name
    assert file.exists(), f"{where}: {target}: no such file"
    if anchor:
        assert file.suffix == ".md", f"{where}: {target}: an anchor into a file that is not markdown"
        assert anchor in _slugs(file.read_text("utf-8")), f"{where}: {target}: no such heading"
