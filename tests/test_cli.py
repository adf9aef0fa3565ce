"""The `fangkong` command as a user meets it: stdout, -o, stdin, messages and exit codes (click's CliRunner)."""

from __future__ import annotations

import csv
import io
import os
import shutil
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

import fangkong
import fangkong.cli.main
from fangkong.cli.main import cli
from fangkong.facts.record import COLUMNS
from fangkong.rules.reader import load_rules

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "fixtures" / "reports"
HOSTILE = ROOT / "fixtures" / "hostile"
REPORT = "幸福村设立卡点5个，组织志愿者30余名参与值守。\n"
HEADER = ",".join(COLUMNS) + "\n"


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>发放宣传单<b>200</b>份</p>", encoding="utf-8")
    return tmp_path


def test_version_and_help():
    version = load_rules().version
    assert run("--version").output.strip() == f"fangkong, version {fangkong.__version__} (rules {version})"
    help_text = run("extract", "--help").output
    for needed in ("Examples:", "Exit codes:", "--fail-fast", "--excel", "--encoding", "130"):
        assert needed in help_text


def test_folder_to_stdout_is_csv_only(folder):
    result = run("extract", folder)
    assert result.exit_code == 0
    assert result.stderr == ""
    got = [(r["doc"], r["metric"], r["value"], r["qualifier"]) for r in rows(result.stdout)]
    assert got == [
        ("a.txt", "checkpoints", "5", "exact"),
        ("a.txt", "volunteers", "30", "over"),
        ("sub/b.html", "leaflets", "200", "exact"),
    ]


def test_header_is_written_even_without_facts(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("extract", tmp_path / "empty.txt")
    assert (result.exit_code, result.stdout) == (0, HEADER)


def test_output_file(folder, tmp_path):
    out = tmp_path / "facts.csv"
    result = run("extract", folder, "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8") == run("extract", folder).stdout
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_stdin_with_name():
    result = run("extract", "-", "--name", "town.txt", input=REPORT.encode("utf-8"))
    assert result.exit_code == 0
    assert {r["doc"] for r in rows(result.stdout)} == {"town.txt"}
    assert rows(run("extract", "-", input=REPORT).stdout)[0]["doc"] == "-"


def test_same_output_whatever_the_argument_order(folder):
    a, b = folder / "a.txt", folder / "sub" / "b.html"
    assert run("extract", a, b).stdout == run("extract", b, a).stdout
    assert run("extract", folder, a).stdout == run("extract", a, folder).stdout


@pytest.mark.parametrize("args", [
    ["extract", "no/such/folder"],
    ["extract"],
    ["extract", "fixtures/reports", "--no-such-option"],
    ["extract", "fixtures/reports", "--encoding", "no-such-codec"],
    ["extract", "fixtures/reports", "-o", "fixtures"],  # a directory as -o
    ["extract", "fixtures/reports", "--rules", "fixtures/reports"],  # a folder without rule files
])
def test_usage_errors_exit_2_without_traceback(args, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_bad_rule_file_is_a_usage_error_naming_file_and_rule(tmp_path):
    (tmp_path / "mine.toml").write_text('[[rule]]\nid = "x.bad"\nmetric = "no_such_metric"\n', encoding="utf-8")
    result = run("extract", REPORTS, "--rules", tmp_path)
    assert result.exit_code == 2
    assert "mine.toml" in result.stderr and "x.bad" in result.stderr


def test_custom_rules_folder(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "only.toml").write_text(
        '[[rule]]\nid = "checkpoints.only"\nmetric = "checkpoints"\nunits = ["count"]\ntriggers = ["卡点"]\n',
        encoding="utf-8",
    )
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    result = run("extract", tmp_path / "r.txt", "--rules", rules, "--no-default-rules")
    assert result.exit_code == 0, result.output
    assert [(r["metric"], r["rule"]) for r in rows(result.stdout)] == [("checkpoints", "checkpoints.only")]


def test_a_bad_file_is_named_the_rest_still_written_exit_1(folder):
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")  # listed, then cannot be read
    result = run("extract", folder)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"fangkong: error: {folder / 'gone.txt'}: No such file or directory"
    ]
    assert len(rows(result.stdout)) == 3


def test_unreadable_file(folder, monkeypatch):
    real = Path.read_bytes

    def read_bytes(path):
        if path.name == "a.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = run("extract", folder)
    assert result.exit_code == 1
    assert result.stderr == f"fangkong: error: {folder / 'a.txt'}: Permission denied\n"
    assert [r["doc"] for r in rows(result.stdout)] == ["sub/b.html"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files without read permission")
def test_file_without_read_permission(folder):
    (folder / "a.txt").chmod(0)
    result = run("extract", folder)
    assert result.exit_code == 1 and "Permission denied" in result.stderr


def test_fail_fast_stops_at_the_first_bad_file_and_keeps_what_came_before(folder):
    (folder / "b_gone.txt").symlink_to(folder / "nowhere.txt")
    keep_going = run("extract", folder)
    fail_fast = run("extract", folder, "--fail-fast")
    assert keep_going.exit_code == fail_fast.exit_code == 1
    assert [r["doc"] for r in rows(keep_going.stdout)] == ["a.txt", "a.txt", "sub/b.html"]
    assert [r["doc"] for r in rows(fail_fast.stdout)] == ["a.txt", "a.txt"]
    assert "--fail-fast" in fail_fast.stderr


def test_binary_files_are_skipped_with_a_warning(folder):
    (folder / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "archive.txt").write_bytes(b"PK\x03\x04" + os.urandom(64).replace(b"\x00", b"\x01"))
    result = run("extract", folder)
    assert result.exit_code == 0
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 2 and all(w.startswith("fangkong: warning: ") and "binary" in w for w in warnings)
    assert len(rows(result.stdout)) == 3


def test_replaced_bytes_are_counted_in_one_warning(tmp_path):
    (tmp_path / "cut.txt").write_bytes(REPORT.encode("utf-8") + "发放".encode()[:-1])
    result = run("extract", tmp_path / "cut.txt")
    assert result.exit_code == 0
    assert result.stderr == f"fangkong: warning: {tmp_path / 'cut.txt'}: " \
        "1 undecodable byte sequence replaced with U+FFFD (decoded as utf-8)\n"
    assert len(rows(result.stdout)) == 2


def test_encoding_override(tmp_path):
    (tmp_path / "r.txt").write_bytes(REPORT.encode("gb18030"))
    detected = run("extract", tmp_path / "r.txt")
    forced = run("extract", tmp_path / "r.txt", "--encoding", "gb18030")
    assert detected.stdout == forced.stdout and len(rows(forced.stdout)) == 2
    wrong = run("extract", tmp_path / "r.txt", "--encoding", "latin-1")
    assert wrong.exit_code == 0 and rows(wrong.stdout) == []


def test_interrupted_run_leaves_the_previous_output_and_exits_130(folder, tmp_path, monkeypatch):
    out = tmp_path / "facts.csv"
    out.write_text("previous run\n", encoding="utf-8")

    def interrupted(*args, **kwargs):
        yield from ()
        raise KeyboardInterrupt

    monkeypatch.setattr("fangkong.cli.main.extract_reports", interrupted)
    result = run("extract", folder, "-o", out)
    assert result.exit_code == 130
    assert "interrupted" in result.stderr and "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "previous run\n"


@pytest.mark.parametrize("command", [("extract", "{folder}"), ("explain", "{report}")])
def test_ctrl_c_while_the_rules_load_is_one_line_and_130_not_click_aborted(folder, monkeypatch, command):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    for module in ("main", "explain"):
        monkeypatch.setattr(f"fangkong.cli.{module}.load_ruleset", interrupted)
    report = folder / "a.txt"
    result = run(*(part.format(folder=folder, report=report) for part in command))
    assert result.exit_code == 130
    assert result.stderr.strip() == "fangkong: error: interrupted"


def test_a_ctrl_c_a_finaliser_drops_still_stops_the_run_and_keeps_the_old_output(folder, tmp_path, monkeypatch):
    # Python drops a KeyboardInterrupt raised inside a __del__ (printing "Exception ignored"): the run must not then
    # go on and replace the output
    out = tmp_path / "facts.csv"
    out.write_text("previous run\n", encoding="utf-8")
    real = fangkong.cli.main.extract_reports

    class Finaliser:
        def __del__(self):
            signal.raise_signal(signal.SIGINT)

    def dropping(*args, **kwargs):
        for fact in real(*args, **kwargs):
            Finaliser()  # collected at once: Ctrl-C lands in its __del__
            yield fact

    monkeypatch.setattr("fangkong.cli.main.extract_reports", dropping)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # CI may start the tests with it ignored
    try:
        result = run("extract", folder, "-o", out)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert result.exit_code == 130
    assert result.stderr.strip().splitlines()[-1] == f"fangkong: error: interrupted; {out} left as it was"
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert out.read_text(encoding="utf-8") == "previous run\n"


def test_a_failed_write_leaves_the_previous_output_and_no_temporary_file(folder, tmp_path, monkeypatch):
    out = tmp_path / "facts.csv"
    out.write_text("previous run\n", encoding="utf-8")

    def broken(writer, rows):
        writer.stream.write("doc,met")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("fangkong.output.delimited.DelimitedWriter._lines", broken)
    result = run("extract", folder, "-o", out)
    assert result.exit_code == 1
    assert result.stderr == f"fangkong: error: cannot write {out}: No space left on device, left as it was\n"
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "facts.csv", "sub"]


def test_excel_flag_adds_a_bom_and_neutralises_formulas():
    result = run("extract", HOSTILE / "formula.html", "--excel")
    assert result.exit_code == 0
    assert result.stdout.startswith("\ufeffdoc,")
    cells = [cell for row in rows(result.stdout) for cell in row.values()]
    assert cells and not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    plain = run("extract", HOSTILE / "formula.html")
    assert not plain.stdout.startswith("\ufeff")
    assert rows(plain.stdout)[0]["title"].startswith("=HYPERLINK")  # the plain CSV keeps text exact


def test_symlink_loop_is_not_walked_forever(tmp_path):
    shutil.copy(REPORTS / "town_checkpoints.txt", tmp_path / "r.txt")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    result = run("extract", tmp_path)
    assert result.exit_code == 0
    assert {r["doc"] for r in rows(result.stdout)} == {"r.txt"}
