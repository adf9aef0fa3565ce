"""--engine dask: on a 2-worker LocalCluster, the same rows and messages as the local engine, as a parquet dataset."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from fangkong.cli.main import cli
from fangkong.facts.record import to_frame
from fangkong.run.pipeline import extract_reports, find_reports

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow", reason="the dask extra is not installed")

import cloudpickle  # noqa: E402  (comes with distributed)
import dask  # noqa: E402

from fangkong.run.dask_engine import EngineError, RunFailed, batch_size, run_dask  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "fixtures" / "reports"
SHARED = ROOT.parent / "shared" / "corpus" / "reports"
POISON = "poison.txt"

cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import this test module


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def client():
    """A LocalCluster of two single-threaded worker processes; a batch that kills a worker twice is given up."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=":0")
        with distributed.Client(cluster) as client:
            yield client
        cluster.close()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """The fixture reports with a binary file, a damaged one and a dangling link; and the shared corpus."""
    folder = tmp_path_factory.mktemp("inputs") / "reports"
    shutil.copytree(REPORTS, folder)
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "damaged.txt").write_bytes("幸福村设立卡点5个，".encode() * 20 + b"\xff\xfe" + "志愿者30名。".encode())
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    return [folder, *([SHARED] if SHARED.is_dir() else [])]


def local(reports, **options):
    events: list[tuple] = []
    frame = to_frame(extract_reports(reports, on_error=lambda f: events.append(("error", f.path, f.reason, f.skipped)),
                                on_warning=lambda p, m: events.append(("warning", p, m)), **options))
    return frame, events


def on_dask(reports, out, **options):
    events: list[tuple] = []
    done = run_dask(reports, out, on_error=lambda f: events.append(("error", f.path, f.reason, f.skipped)),
                    on_warning=lambda p, m: events.append(("warning", p, m)), **options)
    return done, pd.read_parquet(out), events


def test_same_rows_in_the_same_order_and_the_same_messages(client, inputs, tmp_path):
    reports = find_reports(inputs)
    expected, expected_events = local(reports)
    assert len(expected) > 20 and {e[0] for e in expected_events} == {"error", "warning"}
    done, frame, events = on_dask(reports, tmp_path / "out", client=client)
    pd.testing.assert_frame_equal(frame, expected)
    assert events == expected_events
    assert done.rows == len(expected) and len(done.parts) > 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"part-{n:05}.parquet" for n in
                                                                     range(len(done.parts))]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging folder left


def test_copies_are_marked_as_the_local_engine_marks_them(client, tmp_path):
    from variants import WRITTEN, copies_of

    from fangkong.facts.duplicates import DuplicateFinder

    folder = tmp_path / "copies"
    folder.mkdir()
    for name, text in {**WRITTEN, **copies_of(WRITTEN)}.items():
        (folder / name).write_text(text, encoding="utf-8")
    reports = find_reports([folder])
    expected, _ = local(reports, duplicates=DuplicateFinder())
    assert expected["duplicate_of"].notna().any()
    done, frame, _ = on_dask(reports, tmp_path / "out", client=client)
    pd.testing.assert_frame_equal(frame, expected)
    assert len(done.parts) > 1


def test_include_other_and_a_rerun_replace_the_dataset(client, inputs, tmp_path):
    reports = find_reports(inputs[:1])
    out = tmp_path / "out"
    on_dask(reports, out, client=client)
    _, frame, _ = on_dask(reports, out, client=client, include_other=True)
    pd.testing.assert_frame_equal(frame, local(reports, include_other=True)[0])
    assert (frame["metric"] == "other").any()


def test_no_reports_give_an_empty_dataset_with_the_columns(client, tmp_path):
    _, frame, events = on_dask([], tmp_path / "out", client=client)
    assert list(frame.columns) == list(to_frame([]).columns) and len(frame) == 0 and events == []


def test_a_folder_that_is_not_a_dataset_is_refused_and_left_alone(client, inputs, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(EngineError, match="notes.txt"):
        run_dask(find_reports(inputs[:1]), out, client=client)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


class KillOnPoison(distributed.WorkerPlugin):
    """Test scaffolding: on every worker (restarted ones too), extracting the poison report kills the process."""

    name = "kill-on-poison"

    def setup(self, worker):
        import fangkong.run.dask_engine as engine

        real = engine.extract_report

        def extract_report(report, **options):
            if report.path.name == POISON:
                os._exit(9)
            return real(report, **options)

        engine.extract_report = extract_report


def test_a_report_that_kills_its_workers_costs_only_that_report(client, inputs, tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(REPORTS, folder)
    (folder / POISON).write_text("设立卡点7个，志愿者9名。\n", encoding="utf-8")
    reports = find_reports([folder])
    expected, expected_events = local([r for r in reports if r.doc != POISON])
    client.register_plugin(KillOnPoison())
    try:
        _, frame, events = on_dask(reports, tmp_path / "out", client=client)
    finally:
        client.unregister_worker_plugin(KillOnPoison.name)
        client.restart()  # workers without the patch for the tests after this one
    pd.testing.assert_frame_equal(frame, expected)
    died = ("error", str(folder / POISON), "the Dask workers extracting it died (KilledWorker); the report was "
            "not extracted", False)
    order = [str(r.path) for r in reports]
    assert events == sorted([*expected_events, died], key=lambda e: order.index(e[1]))


class FullDiskOnPoison(distributed.WorkerPlugin):
    """Test scaffolding: on every worker, the task holding the poison report fails as on a full disk."""

    name = "full-disk-on-poison"

    def setup(self, worker):
        import fangkong.run.dask_engine as engine

        real = engine.extract_report

        def extract_report(report, **options):
            if report.path.name == POISON:
                raise OSError(28, "No space left on device")
            return real(report, **options)

        engine.extract_report = extract_report


def test_a_task_that_fails_ends_the_run_and_leaves_the_output_as_it_was(client, tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(REPORTS, folder)
    (folder / POISON).write_text("设立卡点7个。\n", encoding="utf-8")
    out = tmp_path / "out"
    on_dask(find_reports([REPORTS]), out, client=client)
    before = sorted((p.name, p.read_bytes()) for p in out.iterdir())
    client.register_plugin(FullDiskOnPoison())
    try:
        with pytest.raises(RunFailed, match="No space left on device"):
            run_dask(find_reports([folder]), out, client=client)
    finally:
        client.unregister_worker_plugin(FullDiskOnPoison.name)
        client.restart()
    assert sorted((p.name, p.read_bytes()) for p in out.iterdir()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "reports"]


class LoseTheScheduler(distributed.WorkerPlugin):
    """Test scaffolding: the task holding the poison report shuts the whole cluster down, scheduler included."""

    name = "lose-the-scheduler"

    def setup(self, worker):
        import time

        import fangkong.run.dask_engine as engine

        real = engine.extract_report

        def extract_report(report, **options):
            if report.path.name == POISON:
                distributed.get_client().shutdown()
                time.sleep(5)
            return real(report, **options)

        engine.extract_report = extract_report


def test_a_lost_scheduler_ends_the_run_and_leaves_the_output_as_it_was(tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(REPORTS, folder)
    (folder / POISON).write_text("设立卡点7个。\n", encoding="utf-8")
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=":0")
    client = distributed.Client(cluster)
    try:
        client.register_plugin(LoseTheScheduler())
        with pytest.raises(RunFailed, match="scheduler-connection-lost"):
            run_dask(find_reports([folder]), tmp_path / "out", client=client)
    finally:  # the cluster is gone: closing what is left only times out, quickly
        with contextlib.suppress(Exception):
            client.close(timeout=2)
        with contextlib.suppress(Exception):
            cluster.close(timeout=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


def test_cli_on_a_scheduler(client, inputs, tmp_path):
    out = tmp_path / "out"
    result = run("extract", *inputs, "--engine", "dask", "--scheduler", client.scheduler.address,
                 "--format", "parquet", "-o", out)
    serial = run("extract", *inputs)
    assert (result.exit_code, result.stderr, result.stdout) == (serial.exit_code, serial.stderr, "")
    assert serial.exit_code == 1  # the dangling link, named on stderr by both
    pd.testing.assert_frame_equal(pd.read_parquet(out), local(find_reports(inputs))[0])


def test_cli_with_its_own_local_cluster(tmp_path):
    out = tmp_path / "out"
    result = run("extract", REPORTS, "--engine", "dask", "--jobs", "1", "--format", "parquet", "-o", out)
    assert result.exit_code == 0, result.output
    pd.testing.assert_frame_equal(pd.read_parquet(out), local(find_reports([REPORTS]))[0])


@pytest.mark.parametrize(("args", "message"), [
    (["--engine", "dask"], "--format parquet -o DIR"),
    (["--engine", "dask", "--format", "parquet"], "--format parquet -o DIR"),
    (["--engine", "dask", "-o", "out"], "--format parquet -o DIR"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--engine dask"),
    (["--engine", "dask", "--format", "parquet", "-o", "out", "--excel"], "--excel"),
    (["--engine", "dask", "--format", "parquet", "-o", "out", "--fail-fast"], "--fail-fast"),
    (["--engine", "dask", "--format", "parquet", "-o", "out", "--scheduler", "tcp://h:1", "-j", "2"], "--jobs"),
])
def test_cli_options_that_do_not_go_together_are_usage_errors(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("extract", REPORTS, *args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_cli_a_folder_that_is_not_a_dataset_is_a_usage_error(tmp_path):
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    result = run("extract", REPORTS, "--engine", "dask", "--format", "parquet", "-o", tmp_path)
    assert result.exit_code == 2
    assert "keep.txt" in result.stderr


def test_cli_without_the_extra_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now raises ImportError
    result = run("extract", REPORTS, "--engine", "dask", "--format", "parquet", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert 'pip install "fangkong[dask]"' in result.stderr
    assert [line for line in result.stderr.splitlines() if "dask" in line] == [
        'Error: the Dask engine needs the dask extra: pip install "fangkong[dask]" (dask[distributed] and pyarrow)']


def test_batch_size():
    assert batch_size(0, 2) == 1
    assert batch_size(10, 2) == 2
    assert batch_size(10_000_000, 8) == 256
