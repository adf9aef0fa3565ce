"""Reports extracted in worker processes, with the same facts, warnings and errors as `pipeline.extract_reports`.

`run_reports` hands the reports to `jobs` worker processes (a few queued on each, so that none waits for
the parent) and gives back what they found in the order of the reports, so a run with many workers writes
the same bytes as a run with one. Each worker's reports are tracked and it does them in order: a worker
that dies (killed, out of memory, a crash in native code) costs only the report it was on, which becomes
one ExtractError; its other reports go to a new worker that takes its place, and the rest go on.
(concurrent.futures would break the whole pool instead.) With a `ReportCache`, a report whose bytes,
rules, code and options are unchanged is read from the cache instead of being extracted.
"""

from __future__ import annotations

import dataclasses
import itertools
import multiprocessing
import operator
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait

from fangkong.facts.duplicates import DuplicateFinder, Signature, mark
from fangkong.facts.record import Fact
from fangkong.rules.model import RuleSet
from fangkong.rules.reader import load_rules
from fangkong.run.cache import Entry, ReportCache
from fangkong.run.pipeline import extract_report_signed, fact_from_row, prepare
from fangkong.text.load import ExtractError, Report

# A worker runs at most this many reports ahead of the first one not yet given back, per worker:
# enough to keep every worker busy behind a slow report, and what is held in memory stays bounded.
AHEAD = 96
# Batches sent to a worker before it has finished the first: it never waits for the parent between two.
QUEUED = 2


@dataclass(frozen=True)
class Outcome:
    """What one report gave: its facts, its warnings, the failure (path, reason, skipped) if it failed, and its
    body's signature for the duplicate finder.

    Plain values only, so that it crosses a process boundary (an ExtractError does not pickle).
    """

    facts: tuple[Fact, ...] = ()
    warnings: tuple[str, ...] = ()
    error: tuple[str, str, bool] | None = None
    signature: Signature | None = None


# A run of this many reports or more uses one worker per core unless told otherwise: workers pay for their start
# only on a long run (--jobs 2 is about 1.85x --jobs 1 on 10 MB of reports on a 2-core machine).
MANY_REPORTS = 200


def default_jobs(reports: Iterable[Report], many: int = MANY_REPORTS) -> tuple[Iterator[Report], int]:
    """The reports (those looked at ahead put back, in order) and the number of workers for a run that names none:
    0 (one per core) where there are at least `many` reports and more than one core, else 1."""
    upcoming = iter(reports)
    ahead = list(itertools.islice(upcoming, many))
    jobs = 0 if len(ahead) >= many and resolve_jobs(0) > 1 else 1
    return itertools.chain(ahead, upcoming), jobs


def resolve_jobs(jobs: int) -> int:
    """The number of worker processes for `--jobs`: `jobs` itself, or for 0 every core this process may use."""
    if jobs < 0:
        raise ValueError("jobs must be 0 (all cores) or more")
    if jobs:
        return jobs
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_report(report: Report, *, include_other: bool = False, encoding: str | None = None,
                   ruleset: RuleSet | None = None, cache: ReportCache | None = None) -> Outcome:
    """One report → its Outcome, exactly as `pipeline.extract_reports` would extract it, through the cache where
    there is one."""
    key = None
    if cache is not None and report.unreadable is None:
        try:
            data = report.path.read_bytes() if report.data is None else report.data
        except OSError:
            data = None  # extract_reports below names the error as it always does
        if data is not None:
            key = cache.key(data)
            entry = cache.get(key, report.doc)
            if entry is not None:
                return Outcome(entry.facts, entry.warnings, signature=entry.signature)
            report = Report(report.path, report.doc, data)
    failures: list[tuple[str, str, bool]] = []
    messages: list[str] = []
    extracted = extract_report_signed(
        report, include_other, encoding, ruleset=ruleset or load_rules(),
        on_error=lambda failure: failures.append((failure.path, failure.reason, failure.skipped)),
        on_warning=lambda path, message: messages.append(message),
    )
    facts = tuple(extracted.facts)
    if failures:
        return Outcome(facts, tuple(messages), failures[0])
    if key is not None:
        cache.put(key, Entry(facts, tuple(messages), extracted.signature))
    return Outcome(facts, tuple(messages), signature=extracted.signature)


def replay(outcome: Outcome, report: Report, on_error: Callable[[ExtractError], None] | None,
           on_warning: Callable[[str, str], None] | None, duplicates: DuplicateFinder | None = None) -> Iterator[Fact]:
    """An Outcome → its warnings to `on_warning`, its failure to `on_error` (raised where None), then its facts
    (marked as a copy where `duplicates`, the run's finder taking the reports in order, finds one)."""
    _tell(outcome.warnings, outcome.error, report, on_error, on_warning)
    if duplicates is None:
        yield from outcome.facts
    else:
        yield from mark(outcome.facts, duplicates.first_copy(report.doc, outcome.signature))


def _tell(warnings: tuple[str, ...], error: tuple[str, str, bool] | None, report: Report,
          on_error: Callable[[ExtractError], None] | None, on_warning: Callable[[str, str], None] | None) -> None:
    """A report's warnings to `on_warning`, then its failure to `on_error` (raised where None)."""
    if on_warning is not None:
        for message in warnings:
            on_warning(str(report.path), message)
    if error is not None:
        failure = ExtractError(*error)
        if on_error is None:
            raise failure
        on_error(failure)


def _replay_compact(compact: tuple, report: Report, on_error: Callable[[ExtractError], None] | None,
                    on_warning: Callable[[str, str], None] | None,
                    duplicates: DuplicateFinder | None = None) -> Iterator[Fact]:
    """`replay` of what `_compact` packed, each fact built once from its row with its `duplicate_of` in it
    (not built, then copied to mark it, as `mark` does for facts it does not own)."""
    rows, warnings, error, signature = compact
    _tell(warnings, error, report, on_error, on_warning)
    facts = list(map(fact_from_row, rows))
    copy_of = duplicates.first_copy(report.doc, signature) if duplicates is not None else None
    if copy_of is not None:
        for fact in facts:  # built just now and seen by no one else: set in place
            fact.__dict__["duplicate_of"] = copy_of
    yield from facts


def death_reason(exitcode: int | None) -> str:
    """The reason given for a report whose worker process ended with `exitcode` while extracting it."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        how = f"was killed by {name}" + (" (out of memory?)" if -exitcode == signal.SIGKILL else "")
    else:
        how = f"exited with code {exitcode}"
    return f"the worker process extracting it {how}; the report was not extracted"


_FIELDS = tuple(field.name for field in dataclasses.fields(Fact))
_ROW = operator.attrgetter(*_FIELDS)  # a Fact → the tuple of its fields, in one C call


def _compact(outcome: Outcome) -> tuple:
    """An Outcome as plain tuples for the pipe: a row per fact instead of a pickled Fact (several times cheaper
    to send, and strings shared by a report's rows, such as its title, are pickled once per batch)."""
    return tuple(map(_ROW, outcome.facts)), outcome.warnings, outcome.error, outcome.signature


def _work(conn, options: dict, initializer: Callable[[], None] | None) -> None:
    """A worker's loop: a batch of (index, report) in, the batch's [(index, compact Outcome)] out, until None or
    the pipe closes. The worker reads the reports' files itself: the parent sends only their paths."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops the workers
    if initializer is not None:
        initializer()
    while True:
        try:
            batch = conn.recv()
        except EOFError:
            return
        if batch is None:
            return
        conn.send([(index, _compact(extract_report(report, **options))) for index, report in batch])


# A batch of reports goes to a worker as one message and comes back as one: at most this many reports,
# and once its files hold this many bytes it is closed (one large report is a batch of its own).
BATCH_FILES = 32
BATCH_BYTES = 256_000


def _size(report: Report) -> int:
    """The bytes a report brings to its batch (its file's size; 0 where it cannot be told: the worker will say)."""
    if report.data is not None:
        return len(report.data)
    try:
        return os.stat(report.path).st_size
    except OSError:
        return 0


class _Worker:
    """A worker process, the parent's end of its pipe, and the batches of (index, report) sent to it, oldest first."""

    def __init__(self, context, options: dict, initializer: Callable[[], None] | None):
        self.conn, child_conn = context.Pipe()
        self.process = context.Process(target=_work, args=(child_conn, options, initializer), daemon=True)
        self.process.start()
        child_conn.close()
        self.batches: deque[list[tuple[int, Report]]] = deque()

    def receive(self) -> tuple[list[tuple[int, tuple]], bool]:
        """The compact outcomes (`_compact`) waiting in the pipe, oldest first, and whether the pipe is closed
        (the worker is gone)."""
        got = []
        try:
            while self.conn.poll():
                answers = self.conn.recv()
                self.batches.popleft()
                got.extend(answers)
        except (EOFError, OSError):
            return got, True
        return got, False

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.conn.close()
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _default_context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def run_reports(reports: Iterable[Report], *, jobs: int = 1, include_other: bool = False,
                encoding: str | None = None, on_error: Callable[[ExtractError], None] | None = None,
                on_warning: Callable[[str, str], None] | None = None, ruleset: RuleSet | None = None,
                cache: ReportCache | None = None, initializer: Callable[[], None] | None = None,
                start_method: str | None = None, on_done: Callable[[Report], None] | None = None,
                duplicates: DuplicateFinder | None = None) -> Iterator[Fact]:
    """Extract reports in `jobs` worker processes (1: in this process; 0: one per core), yielding their facts.

    The facts, and the calls to `on_error` and `on_warning`, come in the order of `reports`, exactly as
    `pipeline.iter_facts` makes them; a report whose worker dies goes to `on_error` naming it. `cache`
    skips reports extracted before. `initializer` runs first in every worker (tests use it);
    `start_method` is a multiprocessing start method (default fork where there is one, else spawn).
    `on_done(report)` is called after each report's last fact, as `pipeline.extract_reports` calls it.
    The reports go to the workers in batches (BATCH_FILES, BATCH_BYTES) of paths; a batch whose worker dies
    is done again one report per batch, so that only the report that kills a worker fails.
    `duplicates` (the run's finder) marks copies here, in the parent, in the order of `reports`: workers only
    compute signatures, so any number of workers marks the same copies.
    """
    ruleset = ruleset or load_rules()
    options = {"include_other": include_other, "encoding": encoding, "ruleset": ruleset, "cache": cache}
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        for report in reports:
            yield from replay(extract_report(report, **options), report, on_error, on_warning, duplicates)
            if on_done is not None:
                on_done(report)
        return
    yield from _run_batches(reports, jobs, options, on_error, on_warning, initializer,
                            multiprocessing.get_context(start_method) if start_method else _default_context(),
                            on_done, duplicates)


def _run_batches(reports: Iterable[Report], jobs: int, options: dict,
                 on_error: Callable[[ExtractError], None] | None, on_warning: Callable[[str, str], None] | None,
                 initializer: Callable[[], None] | None, context, on_done: Callable[[Report], None] | None,
                 duplicates: DuplicateFinder | None = None) -> Iterator[Fact]:
    """run_reports with `jobs` (2 or more) worker processes."""
    todo = enumerate(reports)
    pending: tuple[int, Report] | None = None  # the report that did not fit in the last batch
    again: deque[tuple[list[tuple[int, Report]], bool]] = deque()  # (batch, alone): batches of a dead worker
    alone: set[int] = set()  # indexes of the reports being done one per batch after their batch's worker died
    taken: dict[int, Report] = {}
    done: dict[int, Outcome | tuple] = {}  # an Outcome, or a worker's compact one (_compact)
    next_out = next_in = 0
    exhausted = False
    if context.get_start_method() == "fork":
        prepare(options["ruleset"])  # loaded once here, the workers forked with it: not once per worker
    workers = [_Worker(context, options, initializer) for _ in range(jobs)]

    def next_batch() -> list[tuple[int, Report]] | None:
        """The next batch of reports from `todo`, or None when none is left or enough are in flight."""
        nonlocal pending, exhausted, next_in
        batch: list[tuple[int, Report]] = []
        size = 0
        while len(batch) < BATCH_FILES and size < BATCH_BYTES and next_in - next_out < AHEAD * jobs:
            task = pending if pending is not None else next(todo, None)
            pending = None
            if task is None:
                exhausted = True
                break
            if task[1].data is not None and batch:  # bytes (stdin) travel alone, to an idle worker
                pending = task
                break
            taken[task[0]] = task[1]
            next_in += 1
            batch.append(task)
            size += _size(task[1])
            if task[1].data is not None:
                break
        return batch or None

    def bury(slot: int) -> None:
        """A worker is gone: what it sent is kept; the batch it was on is done again one report at a time, and
        a report that was already alone fails; its other batches go to another worker."""
        worker = workers[slot]
        for index, outcome in worker.receive()[0]:
            done[index] = outcome
        worker.process.join()
        if worker.batches:
            batch = worker.batches.popleft()
            if len(batch) == 1 and batch[0][0] in alone:
                index, report = batch[0]
                done[index] = Outcome(error=(str(report.path), death_reason(worker.process.exitcode), False))
                again.extendleft((batch, False) for batch in reversed(worker.batches))
            else:
                again.extendleft((batch, False) for batch in reversed(worker.batches))
                again.extendleft(([task], True) for task in reversed(batch))
        worker.stop()
        workers[slot] = _Worker(context, options, initializer)

    try:
        while True:
            while next_out in done:
                report = taken.pop(next_out)
                alone.discard(next_out)
                outcome = done.pop(next_out)
                if isinstance(outcome, Outcome):
                    yield from replay(outcome, report, on_error, on_warning, duplicates)
                else:
                    yield from _replay_compact(outcome, report, on_error, on_warning, duplicates)
                if on_done is not None:
                    on_done(report)
                next_out += 1
            for slot in range(len(workers)):
                while len(workers[slot].batches) < QUEUED:
                    if again:
                        batch, single = again.popleft()
                        if single:
                            alone.add(batch[0][0])
                    elif exhausted or pending is not None and workers[slot].batches:
                        break
                    else:
                        batch = next_batch()
                        if batch is None:
                            break
                    if any(report.data is not None for _, report in batch) and workers[slot].batches:
                        again.appendleft((batch, batch[0][0] in alone))  # bytes go only to an idle worker:
                        break  # no pipe fills both ways
                    try:
                        workers[slot].conn.send(batch)
                    except OSError:  # it died: bury it; the batch goes to the next worker
                        again.appendleft((batch, batch[0][0] in alone))
                        bury(slot)
                        break
                    workers[slot].batches.append(batch)
            if exhausted and pending is None and not again and next_out == next_in:
                return
            busy = [worker for worker in workers if worker.batches]
            if not busy:
                continue
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
            for slot, worker in enumerate(workers):
                if not worker.batches or not ready & {worker.conn, worker.process.sentinel}:
                    continue
                got, closed = worker.receive()
                for index, outcome in got:
                    done[index] = outcome
                if closed or not worker.process.is_alive():
                    bury(slot)
    finally:
        for worker in workers:
            worker.stop()
