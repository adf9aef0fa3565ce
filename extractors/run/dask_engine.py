"""The Dask engine: the same extraction on a Dask distributed cluster, written as a partitioned parquet dataset.

The reports are cut into batches of whole files; each batch is one task, which extracts its reports on a
worker exactly as `parallel.extract_report` does and writes their facts as one parquet file. The client
then moves the parts, in the order of the reports, to `part-00000.parquet`, `part-00001.parquet`, … in the
output folder, so that reading the folder gives the rows of the local engine in the same order. Workers
read the inputs and write the parts themselves: both must be on storage every worker and the client see.

A worker that dies is Dask's to handle first: the scheduler runs its tasks again on another worker. A batch
that has killed workers `allowed-failures` times (Dask's setting) is run again one report per task, and a
report that still kills its worker is one error naming it; the rest of the run goes on.

Republished copies are found on the client: each task gives back its reports' signatures, the client's
DuplicateFinder takes them in the order of the reports (as the local engine's parent does), and the few
parts that hold a copy are written again with `duplicate_of` filled in, before they are published.
Needs the `dask` extra (`pip install "fangkong[dask]"`).
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import shutil
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fangkong.facts.duplicates import DuplicateFinder
from fangkong.facts.record import to_frame
from fangkong.rules.model import RuleSet
from fangkong.rules.reader import load_rules, rules_from_files
from fangkong.run.cache import ReportCache
from fangkong.run.parallel import Outcome, extract_report, replay
from fangkong.text.load import ExtractError, Report

PART = "part-{:05}.parquet"
MISSING = 'the Dask engine needs the dask extra: pip install "fangkong[dask]" (dask[distributed] and pyarrow)'


class EngineError(Exception):
    """The Dask engine cannot run as asked (extra missing, output folder not ours, scheduler unreachable)."""


class RunFailed(Exception):
    """The cluster failed under a run (scheduler lost, a task that could not write its part); nothing is written."""


@dataclass(frozen=True)
class DaskRun:
    """What a run gave: the parquet files written, in order, and the number of rows in them."""

    parts: tuple[Path, ...]
    rows: int


def require_dask() -> None:
    """Raise EngineError with a one-line message when dask.distributed or pyarrow is not installed."""
    try:
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as error:
        raise EngineError(MISSING) from error


_RULESETS: dict[tuple, RuleSet] = {}


def _worker_rules(rules: tuple[tuple[tuple[str, str], ...], bool] | None) -> RuleSet:
    """The rule set on a worker, built once per worker process from the user's rule files sent with the task
    and whether the shipped rules count too (as `--rules` and `--no-default-rules` say)."""
    if rules is None:
        return load_rules()
    if rules not in _RULESETS:
        files, defaults = rules
        _RULESETS[rules] = rules_from_files(files, defaults=defaults)
    return _RULESETS[rules]


def extract_batch(reports: Sequence[Report], part: str, *, rules: tuple[tuple[str, str], ...] | None = None,
                  include_other: bool = False, encoding: str | None = None,
                  cache: ReportCache | None = None) -> list[Outcome]:
    """A task: extract `reports` and write their facts to the parquet file `part`; their Outcomes without facts
    (with their signatures)."""
    ruleset = _worker_rules(rules)
    outcomes = [extract_report(report, include_other=include_other, encoding=encoding, ruleset=ruleset, cache=cache)
                for report in reports]
    frame = to_frame(fact for outcome in outcomes for fact in outcome.facts)
    temporary = f"{part}.{uuid.uuid4().hex}.tmp"
    frame.to_parquet(temporary, index=False, engine="pyarrow")  # (pandas refuses a folder that is gone: no new one)
    os.replace(temporary, part)
    return [Outcome((), outcome.warnings, outcome.error, outcome.signature) for outcome in outcomes]


def _check_output(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise EngineError(f"{out} is a file; the parquet dataset is a folder")
    if out.is_dir():
        strangers = [p.name for p in out.iterdir() if not (p.name.startswith("part-") and p.suffix == ".parquet")]
        if strangers:
            raise EngineError(f"{out} holds files that are not a fangkong dataset ({strangers[0]}, …); "
                              "give an empty or new folder")


def batch_size(reports: int, workers: int) -> int:
    """Reports per task: about four tasks per worker thread, at least 1 and at most 256 reports each."""
    return max(1, min(256, math.ceil(reports / max(1, 4 * workers))))


def run_dask(reports: Sequence[Report], out: str | os.PathLike, *, scheduler: str | None = None,
             workers: int | None = None, rules_files: Sequence[tuple[str, str]] | None = None,
             defaults: bool = True,
             include_other: bool = False, encoding: str | None = None, cache: ReportCache | None = None,
             on_error: Callable[[ExtractError], None] | None = None,
             on_warning: Callable[[str, str], None] | None = None, client=None) -> DaskRun:
    """Extract `reports` on a Dask cluster into the parquet dataset folder `out`; the parts written and the rows.

    `scheduler` is the address of a running scheduler (`tcp://host:8786`); without it a LocalCluster of
    `workers` processes (default: one per core) is started and stopped. `rules_files` are (name, text) rule
    files a user added to the shipped rules (without `defaults`: instead of them; default: the shipped
    rules). Warnings and failures reach `on_warning` and `on_error` in the order
    of the reports, as with the local engine. `out` is replaced only at the end: a run that fails leaves it
    as it was. Raises EngineError where the extra is missing, `out` is not a dataset folder or the scheduler
    cannot be reached, and RunFailed where the cluster fails under the run. `client` is a
    `distributed.Client` of your own to use instead (left open).
    """
    require_dask()
    from distributed import Client, KilledWorker, LocalCluster

    out = Path(out)
    _check_output(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.parent / f".{out.name}.{uuid.uuid4().hex[:8]}.tmp"
    staging.mkdir()
    rules = (tuple(rules_files), defaults) if rules_files is not None else None
    options = {"rules": rules, "include_other": include_other,
               "encoding": encoding, "cache": cache}
    reports = list(reports)
    cluster = None
    try:
        try:
            if client is not None:
                own = contextlib.nullcontext(client)
            elif scheduler:
                own = client = Client(scheduler, timeout="10s")
            else:
                cluster = LocalCluster(n_workers=workers or None, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")
                own = client = Client(cluster)
        except (OSError, TimeoutError) as error:
            raise EngineError(f"cannot reach the Dask scheduler {scheduler}: {error}") from error
        with own:
            size = batch_size(len(reports), sum(client.nthreads().values()))
            batches = [reports[i:i + size] for i in range(0, len(reports), size)]
            names = [str(staging / f"batch-{i:07}.parquet") for i in range(len(batches))]
            futures = client.map(extract_batch, batches, names, pure=False, **options)
            parts: list[Path] = []
            duplicates = DuplicateFinder()
            copies: dict[Path, dict[str, str]] = {}  # part → {doc of a copy: doc of its first copy}
            for batch, name, future in zip(batches, names, futures, strict=True):
                try:
                    pieces = [(batch, name, future.result())]
                except KilledWorker:
                    pieces = _one_by_one(client, batch, name, options, KilledWorker)
                except (Exception, asyncio.CancelledError) as error:  # the scheduler lost, a part not written
                    raise RunFailed(f"{type(error).__name__}: {error}") from error
                for members, part, outcomes in pieces:
                    if part is not None:
                        parts.append(Path(part))
                    for report, outcome in zip(members, outcomes, strict=True):
                        list(replay(outcome, report, on_error, on_warning))
                        first = duplicates.first_copy(report.doc, outcome.signature)
                        if first is not None and part is not None:
                            copies.setdefault(Path(part), {})[report.doc] = first
        for part, firsts in copies.items():
            _mark_part(part, firsts)
        finished = _publish(parts, out)
    finally:
        if cluster is not None:
            cluster.close()
        _remove_staging(staging)
    import pyarrow.parquet as pq

    return DaskRun(tuple(finished), sum(pq.ParquetFile(part).metadata.num_rows for part in finished))


def _remove_staging(staging: Path) -> None:
    """Remove the staging folder of a run. It is renamed first: a task still running after its run failed (a worker
    cannot be stopped mid-task) then finds no folder to write its part into, where it could otherwise add a file while
    the folder is being removed and leave the folder behind."""
    try:
        gone = staging.rename(staging.with_suffix(".gone"))
    except OSError:
        gone = staging
    shutil.rmtree(gone, ignore_errors=True)


def _one_by_one(client, batch: Sequence[Report], name: str, options: dict, killed: type[Exception]) -> list:
    """A batch that killed its workers, run one report per task: (reports, part or None, outcomes) in order."""
    singles = [f"{name[:-len('.parquet')]}-{j:04}.parquet" for j in range(len(batch))]
    futures = client.map(extract_batch, [[report] for report in batch], singles, pure=False, **options)
    pieces = []
    for report, single, future in zip(batch, singles, futures, strict=True):
        try:
            pieces.append(([report], single, future.result()))
        except killed:
            reason = "the Dask workers extracting it died (KilledWorker); the report was not extracted"
            pieces.append(([report], None, [Outcome(error=(str(report.path), reason, False))]))
        except (Exception, asyncio.CancelledError) as error:
            raise RunFailed(f"{type(error).__name__}: {error}") from error
    return pieces


def _mark_part(part: Path, firsts: dict[str, str]) -> None:
    """Write a part again with `duplicate_of` set on the rows of the docs in `firsts` (copy → first copy)."""
    import pandas as pd

    frame = pd.read_parquet(part, engine="pyarrow")
    found = frame["doc"].map(firsts).astype("string")
    frame["duplicate_of"] = found.fillna(frame["duplicate_of"])
    temporary = f"{part}.{uuid.uuid4().hex}.tmp"
    frame.to_parquet(temporary, index=False, engine="pyarrow")
    os.replace(temporary, part)


def _publish(parts: list[Path], out: Path) -> list[Path]:
    """Move the parts, in order, to part-00000.parquet … in a new folder that then replaces `out`."""
    ready = out.parent / f".{out.name}.{uuid.uuid4().hex[:8]}.ready"
    ready.mkdir()
    if not parts:  # no report: one empty part, so that the folder reads as a dataset with the columns
        to_frame([]).to_parquet(ready / PART.format(0), index=False, engine="pyarrow")
    for n, part in enumerate(parts):
        part.rename(ready / PART.format(n))
    old = None
    if out.exists():
        old = out.parent / f".{out.name}.{uuid.uuid4().hex[:8]}.old"
        out.rename(old)
    ready.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return [out / PART.format(n) for n in range(max(1, len(parts)))]
