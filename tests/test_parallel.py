"""--jobs: worker processes give what one process gives, in the same order; a dead worker costs one report."""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

import fangkong.run.parallel as parallel
from fangkong.cli.main import cli
from fangkong.run.pipeline import extract_reports, find_reports
from fangkong.text.load import ExtractError

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "fixtures" / "reports"
SHARED = ROOT.parent / "shared" / "corpus" / "reports"
POISON = "poison.txt"
HAS_FORK = "fork" in multiprocessing.get_all_start_methods()


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """The fixture reports, plus a binary file, a damaged one, a dangling link and the poison report."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    for source in REPORTS.rglob("*"):
        if source.is_file():
            target = folder / source.relative_to(REPORTS)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "damaged.txt").write_bytes("幸福村设立卡点5个，".encode() * 20 + b"\xff\xfe" + "志愿者30名。".encode())
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / POISON).write_text("设立卡点7个，志愿者9名。\n", encoding="utf-8")
    return folder


def collect(runner, reports, **options):
    """Facts and the sequence of callbacks (errors and warnings, in order) of one run."""
    events: list[tuple] = []
    facts = list(runner(reports, on_error=lambda f: events.append(("error", f.path, f.reason, f.skipped)),
                        on_warning=lambda path, message: events.append(("warning", path, message)), **options))
    return facts, events


def kill_on_poison() -> None:
    """Worker initializer (test scaffolding): the worker that meets the poison report kills itself with SIGKILL."""
    real = parallel.extract_report

    def extract_report(report, **options):
        if report.path.name == POISON:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(report, **options)

    parallel.extract_report = extract_report


def exit_on_poison() -> None:
    """Worker initializer (test scaffolding): the worker that meets the poison report exits with code 3."""
    real = parallel.extract_report

    def extract_report(report, **options):
        if report.path.name == POISON:
            os._exit(3)
        return real(report, **options)

    parallel.extract_report = extract_report


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_same_facts_warnings_and_errors_in_the_same_order_as_one_process(mixed, jobs):
    reports = find_reports([mixed, *([SHARED] if SHARED.is_dir() else [])])
    expected = collect(extract_reports, reports)
    assert expected[0] and {e[0] for e in expected[1]} == {"error", "warning"}  # the case is not trivial
    assert collect(parallel.run_reports, reports, jobs=jobs) == expected


def test_spawned_workers_give_the_same_facts(mixed):
    reports = find_reports([mixed])
    assert collect(parallel.run_reports, reports, jobs=2, start_method="spawn") == collect(extract_reports, reports)


@pytest.mark.parametrize(("initializer", "reason"), [
    (kill_on_poison, "the worker process extracting it was killed by SIGKILL (out of memory?); "
                     "the report was not extracted"),
    (exit_on_poison, "the worker process extracting it exited with code 3; the report was not extracted"),
])
def test_a_worker_that_dies_costs_only_its_report(mixed, initializer, reason):
    reports = find_reports([mixed])
    facts, events = collect(parallel.run_reports, reports, jobs=2, initializer=initializer)
    serial_facts, serial_events = collect(extract_reports, reports)
    assert [f for f in serial_facts if f.doc != POISON] == facts
    assert [f for f in serial_facts if f.doc == POISON]  # the poison report has facts when it is not poison
    died = ("error", str(mixed / POISON), reason, False)
    assert events == sorted([*serial_events, died], key=lambda e: [str(r.path) for r in reports].index(e[1]))


def test_every_worker_dying_still_ends_the_run(tmp_path):
    for i in range(5):
        (tmp_path / f"{i}{POISON}").write_text("设立卡点7个。\n", encoding="utf-8")
    (tmp_path / "fine.txt").write_text("设立卡点7个。\n", encoding="utf-8")

    def everyone() -> None:  # every report but fine.txt kills its worker
        real = parallel.extract_report
        parallel.extract_report = lambda report, **o: (os._exit(9) if POISON in report.path.name
                                                       else real(report, **o))

    if not HAS_FORK:
        pytest.skip("a local function as initializer needs the fork start method")
    facts, events = collect(parallel.run_reports, find_reports([tmp_path]), jobs=2, initializer=everyone)
    assert [f.doc for f in facts] == ["fine.txt"]
    assert [Path(e[1]).name for e in events] == [f"{i}{POISON}" for i in range(5)]


def test_without_on_error_a_failure_is_raised(mixed):
    with pytest.raises(ExtractError, match="dangling.txt"):
        list(parallel.run_reports(find_reports([mixed]), jobs=2, on_warning=lambda *a: None))


def test_resolve_jobs():
    assert parallel.resolve_jobs(3) == 3
    assert parallel.resolve_jobs(0) >= 1
    with pytest.raises(ValueError):
        parallel.resolve_jobs(-1)


def test_default_jobs_looks_ahead_and_gives_every_report_back():
    reports, jobs = parallel.default_jobs(iter(range(5)), many=3)
    assert list(reports) == [0, 1, 2, 3, 4]
    assert jobs == (0 if parallel.resolve_jobs(0) > 1 else 1)
    reports, jobs = parallel.default_jobs(iter(range(2)), many=3)
    assert (list(reports), jobs) == ([0, 1], 1)


def test_cli_a_long_run_uses_every_core_by_default_and_j1_keeps_one_process(tmp_path, monkeypatch):
    import fangkong.cli.main as main

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(12):
        (folder / f"r{n:02d}.txt").write_text(f"{n}月，全镇设立卡点{n + 3}个，志愿者{n + 20}名。", encoding="utf-8")
    monkeypatch.setattr(main, "default_jobs", lambda reports: parallel.default_jobs(reports, many=10))
    workers: list[int] = []
    real = main.run_reports

    def run_reports(reports, *, jobs, **options):
        workers.append(jobs)
        return real(reports, jobs=jobs, **options)

    monkeypatch.setattr(main, "run_reports", run_reports)
    default = run("extract", folder)
    assert workers == ([0] if parallel.resolve_jobs(0) > 1 else [])
    one = run("extract", folder, "-j", "1")
    assert workers == ([0] if parallel.resolve_jobs(0) > 1 else [])  # -j1 runs in this process
    assert (default.exit_code, default.stdout_bytes) == (one.exit_code, one.stdout_bytes) == (0, one.stdout_bytes)
    assert len(rows(one.stdout)) == 24


def test_cli_jobs_output_is_byte_identical(mixed, tmp_path):
    inputs = [mixed, *([SHARED] if SHARED.is_dir() else [])]
    one = run("extract", *inputs, "--include-other", "-j", "1")
    assert one.exit_code == 1  # the dangling link
    for jobs in ("2", "0"):
        many = run("extract", *inputs, "--include-other", "--jobs", jobs)
        assert (many.exit_code, many.stdout_bytes, many.stderr) == (one.exit_code, one.stdout_bytes, one.stderr)
    out = tmp_path / "facts.csv"
    assert run("extract", *inputs, "--include-other", "-j", "2", "-o", out).exit_code == 1
    assert out.read_bytes() == one.stdout_bytes


@pytest.mark.skipif(not HAS_FORK, reason="the patched worker is inherited only through fork")
def test_cli_a_killed_worker_is_one_error_line_and_exit_1(mixed, monkeypatch):
    expected = [row for row in rows(run("extract", mixed).stdout) if row["doc"] != POISON]
    real = parallel.extract_report

    def extract_report(report, **options):
        if report.path.name == POISON and multiprocessing.parent_process() is not None:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(report, **options)

    monkeypatch.setattr(parallel, "extract_report", extract_report)
    result = run("extract", mixed, "--jobs", "2")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("fangkong: error:")]
    assert errors == [f"fangkong: error: {mixed / 'dangling.txt'}: No such file or directory",
                      f"fangkong: error: {mixed / POISON}: the worker process extracting it was killed by SIGKILL "
                      "(out of memory?); the report was not extracted"]
    assert rows(result.stdout) == expected
    assert "town_checkpoints.txt" in {row["doc"] for row in expected}


def test_cli_fail_fast_with_jobs_stops_at_the_first_failure(mixed):
    one = run("extract", mixed, "--fail-fast")
    many = run("extract", mixed, "--fail-fast", "--jobs", "2")
    assert (many.exit_code, many.stdout_bytes, many.stderr) == (one.exit_code, one.stdout_bytes, one.stderr)
    assert "stopped at the first failure" in many.stderr


def test_cli_negative_jobs_is_a_usage_error(mixed):
    result = run("extract", mixed, "--jobs", "-1")
    assert result.exit_code == 2
    assert "--jobs" in result.stderr


def test_cli_stdin_with_jobs(mixed):
    text = "幸福村设立卡点5个，组织志愿者30余名参与值守。\n" * 2000  # bytes that travel to a worker
    one = CliRunner().invoke(cli, ["extract", "-", str(mixed), "--name", "stdin.txt"], input=text)
    many = CliRunner().invoke(cli, ["extract", "-", str(mixed), "--name", "stdin.txt", "-j", "2"], input=text)
    assert (many.exit_code, many.stdout_bytes, many.stderr) == (one.exit_code, one.stdout_bytes, one.stderr)
    assert "stdin.txt,checkpoints" in one.stdout


@pytest.mark.parametrize("batch_files", [1, 2, 5])
def test_batches_of_any_size_give_the_same_and_a_death_costs_only_its_report(mixed, monkeypatch, batch_files):
    monkeypatch.setattr(parallel, "BATCH_FILES", batch_files)  # the poison lands in the middle of a batch or alone
    reports = find_reports([mixed, *([SHARED] if SHARED.is_dir() else [])])
    serial_facts, serial_events = collect(extract_reports, reports)
    assert collect(parallel.run_reports, reports, jobs=2) == (serial_facts, serial_events)
    facts, events = collect(parallel.run_reports, reports, jobs=2, initializer=kill_on_poison)
    assert facts == [f for f in serial_facts if f.doc != POISON]
    assert [e for e in events if e[1] == str(mixed / POISON)] == [
        ("error", str(mixed / POISON), "the worker process extracting it was killed by SIGKILL (out of memory?); "
                                       "the report was not extracted", False)]


def test_prepare_loads_what_workers_would_each_load_and_never_fails(monkeypatch):
    # before forking its workers the parent extracts a sample: the gazetteer's automaton and the rule words'
    # matcher are then built in it (the forked workers inherit them); a failure there is no failure of the run
    import fangkong.run.pipeline as pipeline
    from fangkong.facts import places
    from fangkong.rules import words
    from fangkong.rules.reader import load_rules

    ruleset = load_rules()
    words._matchers.pop(id(ruleset), None)
    places._automaton.cache_clear()
    pipeline.prepare(ruleset)
    assert words._matchers[id(ruleset)][0] is ruleset
    assert places._automaton.cache_info().currsize == 1

    def broken(*args, **kwargs):
        raise RuntimeError("a bug met by the sample")

    monkeypatch.setattr(pipeline, "extract_document", broken)
    pipeline.prepare(ruleset)  # says nothing, raises nothing: each report meets the bug and reports it
