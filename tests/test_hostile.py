"""Hostile and broken input: what the user sees, and that nothing raises, hangs or grows out of proportion.

Each case here backs a row of docs/robustness.md. A hang fails the test through HANG_GUARD (a guard
against never finishing, not a speed target: speed lives in bench/).
"""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

import fangkong
from fangkong.cli.main import cli
from fangkong.rules.model import MATCH_TIMEOUT
from fangkong.rules.reader import load_rules
from fangkong.run.pipeline import extract_loaded
from fangkong.text.load import load_text

ROOT = Path(__file__).resolve().parent.parent
HANG_GUARD = 120  # seconds; any case taking this long is treated as hung


@contextmanager
def no_hang(seconds: int = HANG_GUARD):
    def hung(signum, frame):
        raise AssertionError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def check(frame, original: str) -> None:
    for row in frame.itertuples():
        assert original[row.start:row.end] == row.evidence


FACT = "设立卡点12个。"
# name → (text, the values it must yield): degenerate runs around (or instead of) one real fact
GENERATED = {
    "a million digits": ("1" * 1_000_000, []),
    "a million digits, then a fact": ("7" * 1_000_000 + "。" + FACT, [12]),
    "余余余": ("志愿者" + "余" * 200_000 + "人。" + FACT, [12]),
    "万万万": ("捐款" + "万" * 200_000 + "元。" + FACT, [12]),
    "亿亿亿 after a number": ("捐款3" + "亿" * 100_000 + "元。" + FACT, [12]),
    "nested brackets": ("(" * 100_000 + FACT + ")" * 100_000, [12]),
    "nested full-width brackets": ("（【《" * 30_000 + FACT + "》】）" * 30_000, [12]),
    "a thousand glosses in a row": ("網(wǎng)" * 1000 + "設立卡點(diǎn)12個(gè)。", [12]),
    "a hundred thousand glosses": ("個(gè)" * 100_000, []),
    "unclosed gloss brackets": ("卡(ka" * 50_000 + FACT, [12]),
    "chinese numerals without end": ("一二三四五六七八九十百千万亿" * 20_000, []),
    "numbers with qualifiers, unpunctuated": ("3.1万余名" * 50_000, []),
    "thousand separators without end": ("1," * 300_000 + "。" + FACT, [12]),
    "decimal points without end": ("1." * 300_000 + "。" + FACT, [12]),
    "tags without end": ("<p>" * 200_000 + FACT, [12]),
    "lone angle brackets": ("<" * 500_000 + FACT, [12]),
    "ampersands": ("&" * 500_000 + FACT, [12]),
    "an unclosed script": ("<script>" + "var a = '卡点5个';" * 10_000 + FACT, []),
    "replacement characters": ("\ufffd" * 200_000 + FACT, [12]),
    "control characters": ("".join(chr(c) for c in range(1, 32)) * 10_000 + FACT, [12]),
}


@pytest.mark.parametrize("name", GENERATED)
def test_generated_hostile_text(name):
    text, values = GENERATED[name]
    with no_hang():
        frame = fangkong.extract_text(text)
    check(frame, text)
    assert list(frame["value"]) == values


def test_an_unpunctuated_page_of_facts_keeps_every_fact_and_a_short_sentence():
    text = "全镇设立卡点12个，志愿者50余人，发放宣传单3000份，" * 5_000
    with no_hang():
        frame = fangkong.extract_text(text)
    check(frame, text)
    assert len(frame) == 15_000
    assert frame["sentence"].str.len().max() <= 202  # shown around the fact, not the whole page each time


def test_a_50_mb_file_of_one_line_in_a_real_process(tmp_path):
    """The whole line is read (its last fact is found) and peak memory stays in proportion to the input."""
    unit = "全镇上下齐心协力做好疫情防控工作"
    line = unit * (50_000_000 // len(unit.encode()) + 1)
    path = tmp_path / "one_line.txt"
    path.write_text(line + "设立卡点12个", encoding="utf-8")
    size = path.stat().st_size
    assert size >= 50_000_000
    code = (
        "import resource, sys; from fangkong.cli.main import main; "
        "sys.argv = ['fangkong', 'extract', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit as end:\n"
        "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, end.code, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          timeout=HANG_GUARD * 3)
    peak_kb, exit_code = done.stderr.split()[-2:]
    assert exit_code in ("0", "None")
    facts = rows(done.stdout)
    assert [(f["metric"], f["value"], f["evidence"]) for f in facts] == [("checkpoints", "12", "卡点12个")]
    assert int(facts[0]["start"]) == len(line) + 2
    assert int(peak_kb) * 1024 < 300_000_000 + 12 * size  # the interpreter and pandas, then ~10 bytes a byte


def test_memory_grows_in_proportion_to_the_input():
    """Peak traced memory for 4× the text is about 4× (not 16×) that of 1×."""
    import tracemalloc

    def peak(text: str) -> int:
        tracemalloc.start()
        fangkong.extract_text(text)
        result = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return result

    unit = "设立卡点12个，志愿者50余人，发放宣传单3000份，" * 2
    fangkong.extract_text(unit)  # rules and tables loaded before measuring
    small, large = peak(unit * 300), peak(unit * 1_200)
    assert large < 6 * small


# --- files a batch meets -------------------------------------------------------------------

@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("幸福村设立卡点5个。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("发放宣传单200份。\n", encoding="utf-8")
    return tmp_path


def test_a_file_that_vanishes_mid_run(folder, monkeypatch):
    real = Path.read_bytes

    def read_bytes(path):
        if path.name == "a.txt":
            (folder / "b.txt").unlink()  # another process removes b.txt after the folder was listed
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = run("extract", folder)
    assert result.exit_code == 1
    assert result.stderr == f"fangkong: error: {folder / 'b.txt'}: No such file or directory\n"
    assert [r["doc"] for r in rows(result.stdout)] == ["a.txt"]


def test_a_bug_met_by_one_report_is_one_error_line_and_the_batch_goes_on(folder, monkeypatch):
    import fangkong.run.pipeline as pipeline

    real = pipeline.extract_document

    def extract_document(loaded, doc, **options):
        if doc == "a.txt":
            raise IndexError("string index out of range")
        return real(loaded, doc, **options)

    monkeypatch.setattr(pipeline, "extract_document", extract_document)
    result = run("extract", folder)
    assert result.exit_code == 1
    assert result.stderr == (f"fangkong: error: {folder / 'a.txt'}: internal error, please report it: "
                             "IndexError: string index out of range\n")
    assert [r["doc"] for r in rows(result.stdout)] == ["b.txt"]


BINARY = {
    "nul bytes": b"\xe8\xae\xbe\xe7\xab\x8b\x00\x00\x01\x02",
    "a png image": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "a jpeg image": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)),
    "a zip archive": b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(1, 256)),
    "a gzip file": b"\x1f\x8b\x08\x00" + bytes(range(1, 256)),
    "a pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
}


@pytest.mark.parametrize("name", BINARY)
def test_binary_file_is_skipped_with_one_warning_line(folder, name):
    (folder / "junk.txt").write_bytes(BINARY[name])
    result = run("extract", folder)
    assert result.exit_code == 0
    assert result.stderr.startswith(f"fangkong: warning: {folder / 'junk.txt'}: skipped: ")
    assert result.stderr.count("\n") == 1
    assert [r["doc"] for r in rows(result.stdout)] == ["a.txt", "b.txt"]


def test_an_empty_file_gives_no_rows_and_exit_0(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("extract", tmp_path / "empty.txt")
    assert (result.exit_code, result.stderr, rows(result.stdout)) == (0, "", [])


def test_a_half_downloaded_file_keeps_the_facts_before_the_cut(tmp_path):
    data = "幸福村设立卡点5个，组织志愿者30余名参与值守。发放宣传单200份。完".encode()
    (tmp_path / "cut.txt").write_bytes(data[:-2])  # cut inside the last character
    result = run("extract", tmp_path / "cut.txt")
    assert result.exit_code == 0
    assert "1 undecodable byte sequence replaced" in result.stderr
    assert [r["value"] for r in rows(result.stdout)] == ["5", "30", "200"]


def test_a_script_and_formula_text_are_not_facts_and_stay_inert():
    result = run("extract", ROOT / "fixtures" / "hostile" / "formula.html", "--excel")
    assert result.exit_code == 0
    cells = [cell for row in rows(result.stdout.lstrip("\ufeff")) for cell in row.values()]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert "alert" not in result.stdout  # the script's text is not read as the report's


# --- every rule pattern against adversarial text ----------------------------------------------

ADVERSARIAL = [
    "余" * 20_000, "万" * 20_000, "(" * 20_000, "（" * 20_000, "志愿者" * 10_000, "志" * 20_000,
    "网(wǎng)" * 2_000, "1" * 50_000, "不" * 20_000, "计划要求" * 5_000, "a" * 50_000 + "!",
    "人员" * 10_000, "卡点" * 10_000 + "x",
]


def test_no_rule_pattern_times_out_on_adversarial_text():
    ruleset = load_rules()
    patterns = [("defaults", "exclude", ruleset.exclude), ("defaults", "phrase_breaks", ruleset.phrase_breaks)]
    for rule in ruleset.rules:
        for key in ("triggers", "context", "exclude", "exclude_after"):
            patterns.append((rule.id, key, getattr(rule, key)))
    for text in ADVERSARIAL:
        for owner, key, pattern in patterns:
            if pattern is None:
                continue
            try:
                for _ in pattern.finditer(text, overlapped=True, timeout=MATCH_TIMEOUT):
                    pass
            except TimeoutError:  # pragma: no cover - what the test guards against
                pytest.fail(f"{owner} {key} timed out on {text[:10]!r}…")
    assert len(patterns) > 50


def test_a_pattern_that_runs_out_of_time_counts_as_no_match_and_extraction_goes_on(monkeypatch):
    import fangkong.rules.model

    text = "全镇设立卡点12个，志愿者50余人。" * 50
    assert len(fangkong.extract_text(text)) == 2  # the repeats collapse to the first mention
    loaded = load_text(text)
    expected = extract_loaded(loaded, "-")
    monkeypatch.setattr(fangkong.rules.model, "MATCH_TIMEOUT", 1e-9)  # every regex search now times out
    with no_hang(), pytest.warns(fangkong.rules.model.RuleTimeout, match="ran out of time"):
        assert extract_loaded(loaded, "-", one_pass=False) == []
    # The one-pass matcher looks literal words up (they cannot run out of time); the real regexes among the
    # defaults' exclude words ((?<!主动)要求) are still searched, time out and count as no match.
    with no_hang(), pytest.warns(fangkong.rules.model.RuleTimeout, match="ran out of time"):
        assert extract_loaded(loaded, "-") == expected


def test_a_rule_with_a_catastrophic_pattern_is_refused_naming_file_and_rule(tmp_path):
    (tmp_path / "mine.toml").write_text(
        '[[rule]]\nid = "volunteers.greedy"\nmetric = "volunteers"\nunits = ["person"]\n'
        'triggers = ["(志愿+)+者"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("志愿者5人。", encoding="utf-8")
    result = run("extract", tmp_path / "a.txt", "--rules", tmp_path)
    assert result.exit_code == 2
    assert f"{tmp_path / 'mine.toml'}:2: rule volunteers.greedy: 'triggers' pattern '(志愿+)+者' has nested" in (
        result.stderr)
    assert result.stdout == ""


def test_binary_on_stdin_is_skipped_like_a_binary_file():
    result = CliRunner().invoke(cli, ["extract", "-"], input=BINARY["a png image"])
    assert result.exit_code == 0
    assert result.stderr == "fangkong: warning: -: skipped: binary file, not text\n"
    assert rows(result.stdout) == []


def test_a_short_damaged_report_on_stdin_is_still_read():
    damaged = b"x\xff\xfe" + "设立卡点5个".encode()  # too short for the encoding guesser
    result = CliRunner().invoke(cli, ["extract", "-", "--name", "short.txt"], input=damaged)
    assert result.exit_code == 0
    assert result.stderr == "fangkong: warning: short.txt: 2 undecodable byte sequences replaced with U+FFFD " \
                            "(decoded as utf-8)\n"
    assert [(r["doc"], r["evidence"], r["start"]) for r in rows(result.stdout)] == [("short.txt", "卡点5个", "5")]


def test_a_folder_that_cannot_be_listed_is_one_error_line_and_the_rest_goes_on(folder, monkeypatch):
    (folder / "locked").mkdir()
    (folder / "locked" / "c.txt").write_text("捐款5万元。", encoding="utf-8")
    real = os.scandir

    def scandir(path):
        if Path(path).name == "locked":  # as chmod 000 would, for a user other than root
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run("extract", folder)
    assert result.exit_code == 1
    assert result.stderr == f"fangkong: error: {folder / 'locked'}: Permission denied\n"
    assert [r["doc"] for r in rows(result.stdout)] == ["a.txt", "b.txt"]


def test_a_pattern_that_runs_out_of_time_is_one_warning_line_per_pattern_and_report(folder, monkeypatch):
    import fangkong.rules.model

    monkeypatch.setattr(fangkong.rules.model, "MATCH_TIMEOUT", 1e-9)
    # a report where real regexes among the rule words are searched: each only where one of the words every match
    # of it holds stands (要求, 发放), so a report of none of them (幸福村设立卡点5个) searches none and says nothing
    (folder / "c.txt").write_text("幸福村按要求设立卡点5个，发放口罩200只。\n", encoding="utf-8")
    result = run("extract", folder / "c.txt")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith(f"fangkong: warning: {folder / 'c.txt'}: a rule pattern ran out of time")
                         for line in lines)
    assert len(lines) == len(set(lines))
