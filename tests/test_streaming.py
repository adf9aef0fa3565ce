"""Facts are streamed: each report written when it is done, in the very order of the one-frame run, one report held."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import fangkong
from fangkong.cli.main import cli
from fangkong.facts.record import to_frame
from fangkong.output.formats import FactWriter, ReportBatches
from fangkong.output.writers import to_csv_text
from fangkong.run.pipeline import extract_reports, find_reports
from fangkong.text.load import Report

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "fixtures" / "reports"
A = "幸福村设立卡点5个，组织志愿者30余名参与值守。\n"
B = "红星社区志愿者12名上岗，设立卡点2个，发放宣传单300份。\n"


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


def one_frame_csv(reports: list[Report]) -> str:
    """What the command wrote before streaming: every fact in one frame, sorted, then written."""
    return to_csv_text(to_frame(extract_reports(reports)))


def test_streamed_csv_is_the_one_frame_csv_for_the_fixtures():
    reports = find_reports([REPORTS])
    assert run("extract", REPORTS).stdout == one_frame_csv(reports)


def test_reports_with_the_same_doc_name_are_merged_in_row_order(tmp_path):
    """Two files named r.txt in two folders share the doc r.txt: their rows interleave by offset, as before."""
    for folder, text in (("one", A), ("two", B)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "r.txt").write_text(text, encoding="utf-8")
    paths = [tmp_path / "one" / "r.txt", tmp_path / "two" / "r.txt"]
    out = run("extract", *paths).stdout
    assert out == one_frame_csv(find_reports(paths))
    starts = [line.split(",")[7] for line in out.splitlines()[1:]]
    assert starts == sorted(starts, key=int) and len(starts) == 5  # interleaved, not file after file


@pytest.mark.parametrize("name", ["-", "a.txt", "m.txt", "zz.txt"])
def test_stdin_takes_its_place_in_doc_order(name, tmp_path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "n.txt").write_text(B, encoding="utf-8")
    result = run("extract", tmp_path, "-", "--name", name, input=B.encode("utf-8"))
    reports = [Report(Path(name), name, B.encode("utf-8")), *find_reports([tmp_path])]
    assert result.stdout == one_frame_csv(reports)


def test_each_report_is_written_before_the_next_is_read(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.txt").write_text(B, encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    seen: dict[str, str] = {}
    real = Path.read_bytes

    def read_bytes(path):
        if path.name == "b.txt":  # what the temporary output holds when b.txt is about to be read
            (partial,) = tmp_path.glob(".facts.jsonl.*.tmp")
            seen["b"] = partial.read_text("utf-8")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert run("extract", folder, "-o", out).exit_code == 0
    assert seen["b"].count('"doc": "a.txt"') == 2 and "b.txt" not in seen["b"]
    assert out.read_text("utf-8").startswith(seen["b"])


class Recorder(FactWriter):
    """A writer that records its batches (doc of each batch)."""

    def _open(self):
        self.batches = []

    def _write(self, rows):
        self.batches.append(sorted({row[0] for row in rows}))

    def _close(self):
        self.batches.append("closed")


def test_a_doc_is_written_when_its_last_report_is_done(tmp_path):
    writer = Recorder(tmp_path / "unused")
    a, b1, b2 = Report(Path("a"), "a.txt", A.encode()), Report(Path("b1"), "b.txt", A.encode()), \
        Report(Path("b2"), "b.txt", B.encode())
    batches = ReportBatches(writer, [a, b1, b2])
    log = []
    for fact in extract_reports([a, b1, b2], on_done=lambda r: (batches.report_done(r), log.append(
            (r.path.name, list(writer.batches))))):
        batches.add(fact)
    batches.finish()
    assert log == [("a", [["a.txt"]]), ("b1", [["a.txt"]]), ("b2", [["a.txt"], ["b.txt"]])]
    assert writer.batches == [["a.txt"], ["b.txt"], "closed"]
    writer.abort()


def test_library_iter_facts_streams_in_the_frames_row_order(tmp_path, monkeypatch):
    for i in range(3):
        shutil.copy(REPORTS / "town_checkpoints.txt", tmp_path / f"r{i}.txt")
    read: list[str] = []
    real = Path.read_bytes

    def read_bytes(path):
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    facts = fangkong.iter_facts(tmp_path)
    first = next(facts)
    assert (first.doc, read) == ("r0.txt", ["r0.txt"])  # nothing read ahead
    rest = [first, *facts]
    frame = fangkong.extract_paths(tmp_path)
    assert [(f.doc, f.start, f.metric) for f in rest] == list(zip(frame["doc"], frame["start"], frame["metric"],
                                                                  strict=True))


def test_quiet_silences_warnings_but_not_errors(tmp_path):
    (tmp_path / "cut.txt").write_bytes(A.encode("utf-8") + "发放".encode()[:-1])
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    loud = run("extract", tmp_path)
    quiet = run("extract", tmp_path, "--quiet")
    assert len(loud.stderr.splitlines()) == 3
    assert quiet.stderr == f"fangkong: error: {tmp_path / 'gone.txt'}: No such file or directory\n"
    assert quiet.exit_code == loud.exit_code == 1 and quiet.stdout == loud.stdout


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    for i in range(3):
        shutil.copy(REPORTS / "town_checkpoints.txt", tmp_path / f"r{i}.txt")
    result = run("extract", tmp_path)
    assert result.exit_code == 0 and result.stderr == ""
