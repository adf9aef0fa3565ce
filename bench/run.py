"""The benchmark: fangkong end to end beside what a user would use instead, on the same corpus in one run.

    python bench/run.py [--mb 50] [--json] [--only NAME,…] [--repeat N] [--memory-check]

Builds a corpus on disk by copying the reports of ../shared/corpus/reports (or fixtures/reports without
../shared) into numbered folders until it holds `--mb` MB (10^6 bytes), then runs each engine over it in a
fresh process and prints, for each, MB/s, docs/s, seconds, CPU seconds (the process's and its workers', start-up
included), rows and that process's peak RSS (seconds: the engine's own run, after start-up and warm-up, for
the in-process engines; launch to exit for the commands):

  fangkong-lib        the library: iter_reports → extract_reports → to_frame → CSV file (the CLI's path, in-process)
  fangkong-stream     the library writing each fact as it comes (what streaming writers do): flat memory
  fangkong-cli        `fangkong extract CORPUS -o FILE --jobs 1`, one process, timed from launch to exit (start-up
                      included)
  fangkong-cli-j2     the same with --jobs 2 (peak RSS: the parent process only)
  cache-cold          --jobs 1 --cache into an empty folder (the cost of filling it)
  cache-warm          the same command again: every report read from the cache
  dask-local          `--engine dask --jobs 2 --format parquet -o DIR`: a 2-worker LocalCluster (the `dask` extra;
                      left out when missing; peak RSS: the client process only)
  floor               a bare scan for numerals (Arabic and Chinese) over the decoded text: no tool is faster
  baseline            OpenCC t2s + cn2an.transform + keyword windows: what a user writes in an afternoon
  jionlp              JioNLP's extract_money on every report (the `bench` extra; left out when missing)

Then the ratios fangkong/JioNLP and fangkong/floor (speed over speed; above 1 is fangkong faster), the
start-up (with fangkong-cli: `fangkong extract` on one report of the corpus, launch to exit, the best of 3), and the
per-stage table (`--no-stages` leaves it out): in one fresh process, the library's stages each timed alone
over every report of the corpus (load: read and decode; normalize; segment; quantities; word scan: the
one-pass matcher; rule matching: lists and match_quantity per quantity; facts/context: the rest of
extract_loaded, i.e. building the facts, collapsing repeats, id, role, place and as_of), with each stage's
MB/s and share of extract_loaded.
`--memory-check` runs fangkong-lib, fangkong-stream and fangkong-cli (those chosen) again on 10× the corpus,
to compare peak RSS at both sizes. `--repeat N` runs every engine in turn N times and keeps each one's
fastest run. Nothing is asserted; the figures are printed (or with --json, a JSON document).
Every competitor gets its text decoded as UTF-8 for free; fangkong detects each file's encoding itself.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT.parent / "shared" / "corpus" / "reports", ROOT / "fixtures" / "reports"]
NUMERALS = re.compile(r"[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万亿]+")
KEYWORDS = re.compile(r"(卡点|志愿者|宣传单|捐款|党员|干部|检查|消毒)[^，。]{0,6}?(\d+(?:\.\d+)?)")
ENGINES = ("fangkong-lib", "fangkong-stream", "fangkong-cli", "fangkong-cli-j2", "cache-cold", "cache-warm",
           "dask-local", "floor", "baseline", "jionlp")
IN_PROCESS = ("fangkong-lib", "fangkong-stream", "floor", "baseline", "jionlp")
STAGES = ("load", "normalize", "segment", "quantities", "word scan", "rule matching", "facts/context")
CLI = [sys.executable, "-m", "fangkong.cli.main", "extract"]


def source_folder() -> Path:
    """The folder of sample reports: the shared corpus where it is beside the project, else the fixtures."""
    return next(folder for folder in SOURCES if folder.is_dir())


def build_corpus(target: Path, megabytes: float) -> tuple[int, int]:
    """Copy the sample reports into target/0000/, target/0001/, … until `megabytes` MB; (files, bytes).

    Each copy of a UTF-8 report ends in its own run of blank characters (no fact changes), so that no two
    files have the same bytes: the cache cannot take a copy for the original.
    """
    samples = [p for p in sorted(source_folder().rglob("*")) if p.is_file() and p.suffix in {".txt", ".html", ".htm"}]
    files = total = copy = 0
    while total < megabytes * 1e6:
        folder = target / f"{copy:04}"
        folder.mkdir(parents=True)
        for sample in samples:
            data = sample.read_bytes()
            if copy and _is_utf8(data):
                data += b"\n" + f"{copy:b}".replace("0", " ").replace("1", "\t").encode()
            (folder / sample.name).write_bytes(data)
            files += 1
            total += len(data)
            if total >= megabytes * 1e6:
                break
        copy += 1
    return files, total


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def corpus_texts(corpus: Path) -> list[str]:
    """Every file of the corpus decoded as UTF-8 (the competitors' input)."""
    return [p.read_bytes().decode("utf-8", "replace") for p in sorted(corpus.rglob("*")) if p.is_file()]


# ---- what runs inside a child process -------------------------------------------------------------------

def child_fangkong_lib(corpus: Path, out: Path) -> int:
    from fangkong.facts.record import to_frame
    from fangkong.output.writers import write_csv_file
    from fangkong.run.pipeline import extract_reports, iter_reports

    frame = to_frame(extract_reports(iter_reports([corpus]), on_error=lambda failure: None))
    write_csv_file(frame, out)
    return len(frame)


def child_fangkong_stream(corpus: Path, out: Path) -> int:
    import csv

    from fangkong.facts.record import COLUMNS
    from fangkong.numbers.numerals import format_value
    from fangkong.run.pipeline import extract_reports, iter_reports

    rows = 0
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for fact in extract_reports(iter_reports([corpus]), on_error=lambda failure: None):
            cells = [getattr(fact, name) for name in COLUMNS]
            cells[2] = format_value(fact.value)
            cells[3] = "" if fact.value_high is None else format_value(fact.value_high)
            writer.writerow(["" if cell is None else cell for cell in cells])
            rows += 1
    return rows


def child_floor(corpus: Path, out: Path) -> int:
    return sum(1 for text in corpus_texts(corpus) for _ in NUMERALS.finditer(text))


def child_baseline(corpus: Path, out: Path) -> int:
    import cn2an
    import opencc

    warnings.filterwarnings("ignore", module=r"cn2an\.")
    t2s = opencc.OpenCC("t2s")
    return sum(1 for text in corpus_texts(corpus)
               for _ in KEYWORDS.finditer(cn2an.transform(t2s.convert(text), "cn2an")))


def child_jionlp(corpus: Path, out: Path) -> int:
    import jionlp

    return sum(len(jionlp.ner.extract_money(text)) for text in corpus_texts(corpus))


def child_stages(corpus: Path, out: Path) -> int:
    """Each stage of the library timed alone over every report; the seconds per stage written to `out` as JSON.

    facts/context is extract_loaded's time less the stages before it (run again alone), so the shares add up.
    """
    from fangkong.numbers.quantities import find_quantities
    from fangkong.rules.lists import list_heads
    from fangkong.rules.match import match_quantity
    from fangkong.rules.reader import load_rules
    from fangkong.rules.words import scan
    from fangkong.run.pipeline import extract_loaded
    from fangkong.text.load import LoadError, load_bytes
    from fangkong.text.normalize import normalize
    from fangkong.text.segment import segment

    ruleset = load_rules()
    seconds = dict.fromkeys((*STAGES, "extract_loaded"), 0.0)
    clock = time.process_time  # CPU time: other load on a shared machine does not count
    rows = 0
    for path in sorted(corpus.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        started = clock()
        try:
            loaded = load_bytes(data)
        except LoadError:
            continue
        seconds["load"] += clock() - started
        started = clock()
        rows += len(extract_loaded(loaded, path.name, ruleset=ruleset))
        seconds["extract_loaded"] += clock() - started
        started = clock()
        text = normalize(loaded.plain).text
        seconds["normalize"] += clock() - started
        started = clock()
        parts = segment(text)
        seconds["segment"] += clock() - started
        started = clock()
        found = [(sentence, clause, quantities) for sentence in parts.sentences for clause in sentence.clauses
                 if (quantities := find_quantities(text, *clause))]
        seconds["quantities"] += clock() - started
        if not found:
            continue
        started = clock()
        hits = scan(ruleset, text)
        seconds["word scan"] += clock() - started
        started = clock()
        everything = [quantity for *_, quantities in found for quantity in quantities]
        heads = iter(list_heads(text, everything))
        for sentence, clause, quantities in found:
            for quantity in quantities:
                match_quantity(ruleset, text, quantity, clause, (sentence.start, sentence.end), sentence.paragraph,
                               quantities, everything[next(heads)], hits)
        seconds["rule matching"] += clock() - started
    seconds["facts/context"] = seconds["extract_loaded"] - sum(seconds[s] for s in STAGES[1:-1])
    out.write_text(json.dumps(seconds))
    return rows


WARM_UP = {  # one small call before the clock starts: imports, rules, dictionaries
    "fangkong-lib": lambda: __import__("fangkong").extract_text("设立卡点12个"),
    "fangkong-stream": lambda: __import__("fangkong").extract_text("设立卡点12个"),
    "floor": lambda: None,
    "stages": lambda: __import__("fangkong").extract_text("设立卡点12个"),
    "baseline": lambda: child_baseline_warm(),
    "jionlp": lambda: __import__("jionlp").ner.extract_money("捐款1万元"),
}


def child_baseline_warm() -> None:
    import cn2an
    import opencc

    cn2an.transform(opencc.OpenCC("t2s").convert("捐款一万元"), "cn2an")


def child_main(engine: str, corpus: Path, out: Path) -> None:
    """In a child: warm up, run one engine over the corpus, print {"seconds", "rows"} as JSON."""
    WARM_UP[engine]()
    started = time.perf_counter()
    rows = globals()[f"child_{engine.replace('-', '_')}"](corpus, out)
    print(json.dumps({"seconds": time.perf_counter() - started, "rows": rows}))


# ---- the parent ---------------------------------------------------------------------------------------------

def _maxrss_mb(rusage) -> float:
    return rusage.ru_maxrss * (1 if sys.platform == "darwin" else 1024) / 1e6


def run_child(command: list[str]) -> tuple[float, float, float, str, int]:
    """Run a command; its wall seconds, CPU seconds (with its workers'), peak RSS (MB, the process itself),
    stdout and exit code."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    stdout = process.stdout.read()
    _, status, rusage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = rusage.ru_utime + rusage.ru_stime
    return time.perf_counter() - started, cpu, _maxrss_mb(rusage), stdout, process.returncode


def count_rows(out: Path) -> int:
    """The rows of a CSV file, or of a parquet dataset folder."""
    import csv

    if out.is_dir():
        return count_parquet_rows(out)
    with open(out, encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def measure(engine: str, corpus: Path, work: Path) -> dict | None:
    """One engine over the corpus in a fresh process: its seconds, rows and peak RSS (None where unavailable)."""
    out = work / f"{engine}.csv"
    if engine in IN_PROCESS:
        if engine == "jionlp" and importlib.util.find_spec("jionlp") is None:
            return None
        wall, cpu, rss, stdout, code = run_child([sys.executable, __file__, "--child", engine, "--corpus",
                                                 str(corpus), "--out", str(out)])
        if code != 0:
            raise SystemExit(f"{engine} failed (exit {code})")
        figures = json.loads(stdout.strip().splitlines()[-1])  # JioNLP prints a banner first
        return {"seconds": figures["seconds"], "cpu_seconds": cpu, "rows": figures["rows"], "peak_rss_mb": rss}
    if engine == "dask-local":
        if importlib.util.find_spec("distributed") is None:
            return None
        out = work / "dataset"
    options = {"fangkong-cli": ["--jobs", "1"], "fangkong-cli-j2": ["--jobs", "2"],
               "cache-cold": ["--jobs", "1", "--cache", str(work / "cache")],
               "cache-warm": ["--jobs", "1", "--cache", str(work / "cache")],
               "dask-local": ["--engine", "dask", "--jobs", "2", "--format", "parquet"]}[engine]
    if engine == "cache-cold":
        shutil.rmtree(work / "cache", ignore_errors=True)
    wall, cpu, rss, _, code = run_child([*CLI, str(corpus), "-o", str(out), *options])
    if code not in (0, 1):
        raise SystemExit(f"{engine} failed (exit {code})")
    return {"seconds": wall, "cpu_seconds": cpu, "rows": count_rows(out), "peak_rss_mb": rss}


def measure_startup(corpus: Path, work: Path, runs: int = 3) -> float:
    """The command's start-up: `fangkong extract` on the corpus's first report, launch to exit, the best of `runs`
    (its imports, rules, gazetteer and automatons, for a report that takes a few milliseconds)."""
    report = next(p for p in sorted(corpus.rglob("*")) if p.is_file())
    return min(run_child([*CLI, str(report), "-o", str(work / "one.csv"), "-q"])[0] for _ in range(runs))


def measure_stages(corpus: Path, work: Path) -> dict:
    """The seconds of each stage of the library over the corpus, timed in a fresh process (child_stages)."""
    out = work / "stages.json"
    _, _, _, _, code = run_child([sys.executable, __file__, "--child", "stages", "--corpus", str(corpus),
                                  "--out", str(out)])
    if code != 0:
        raise SystemExit(f"the stage timing failed (exit {code})")
    print("  stages: done", file=sys.stderr, flush=True)
    return json.loads(out.read_text())


def count_parquet_rows(folder: Path) -> int:
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(part).metadata.num_rows for part in sorted(folder.glob("*.parquet")))


def _spin(_: int) -> int:
    total = 0
    for i in range(10_000_000):
        total += i
    return total


def two_process_scaling() -> float:
    """How much faster two processes run two pure-Python loops than one process runs both, right now: the
    most that --jobs 2 can gain on this machine with the load it has (2.0 on two idle cores)."""
    import multiprocessing

    started = time.perf_counter()
    _spin(0), _spin(1)
    serial = time.perf_counter() - started
    with multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
                                     ).Pool(2) as pool:
        pool.map(_spin, [0])  # the pool started before the clock
        started = time.perf_counter()
        pool.map(_spin, [0, 1], chunksize=1)
        parallel = time.perf_counter() - started
    return serial / parallel


def machine() -> dict:
    """Where the figures come from: CPU, cores, memory, OS, Python, fangkong and rules versions."""
    import fangkong
    from fangkong.rules.reader import load_rules

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = next(int(line.split()[1]) * 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal"))
    except (OSError, StopIteration):
        memory = 0
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(memory / 1e9, 1),
            "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
            "fangkong": fangkong.__version__, "rules": load_rules().version,
            "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None}


def run(megabytes: float, engines: list[str], memory_check: bool, repeat: int = 1, stages: bool = True) -> dict:
    """Build the corpus, measure every engine (and with `stages` each stage of the library), and return the
    figures and ratios as one dict."""
    with tempfile.TemporaryDirectory(prefix="fangkong-bench-") as scratch:
        work = Path(scratch)
        files, size = build_corpus(work / "corpus", megabytes)
        runs: dict[str, list[dict]] = {}
        scaling = []
        for _ in range(repeat):  # rounds of every engine in turn: a load that comes and goes hits them alike
            if "fangkong-cli-j2" in engines:
                scaling.append(two_process_scaling())
            for engine in engines:
                figures = measure(engine, work / "corpus", work)
                if figures is not None:
                    runs.setdefault(engine, []).append(figures)
                    print(f"  {engine}: {figures['seconds']:.1f} s", file=sys.stderr, flush=True)
        results = {}
        for engine, measured in runs.items():  # the fastest run of each, with the highest peak RSS seen
            best = min(measured, key=lambda r: r["seconds"])
            results[engine] = {**best, "peak_rss_mb": max(r["peak_rss_mb"] for r in measured),
                               "mb_per_s": size / 1e6 / best["seconds"], "docs_per_s": files / best["seconds"]}
        startup = measure_startup(work / "corpus", work) if "fangkong-cli" in engines else None
        stage_seconds = measure_stages(work / "corpus", work) if stages else None
        shutil.rmtree(work / "corpus")
        large = {}
        if memory_check:
            big_files, big_size = build_corpus(work / "corpus", megabytes * 10)
            for engine in [e for e in ("fangkong-lib", "fangkong-stream", "fangkong-cli") if e in engines]:
                figures = measure(engine, work / "corpus", work)
                large[engine] = {**figures, "mb_per_s": big_size / 1e6 / figures["seconds"]}
                print(f"  {engine} ×10: {figures['seconds']:.1f} s", file=sys.stderr, flush=True)
    ratios = {}
    for ours in ("fangkong-lib", "fangkong-cli", "fangkong-cli-j2", "cache-warm", "dask-local"):
        for theirs in ("jionlp", "floor", "baseline"):
            if ours in results and theirs in results:
                ratios[f"{ours}/{theirs}"] = results[theirs]["seconds"] / results[ours]["seconds"]
    if "fangkong-cli" in results and "fangkong-cli-j2" in results:
        ratios["jobs-2 speed-up"] = results["fangkong-cli"]["seconds"] / results["fangkong-cli-j2"]["seconds"]
        ratios["the machine's 2-process scaling (a pure-Python loop, best of the rounds)"] = max(scaling)
    if "dask-local" in results and "fangkong-cli" in results:
        ratios["dask 2 workers speed-up"] = results["fangkong-cli"]["seconds"] / results["dask-local"]["seconds"]
    if "cache-warm" in results and "fangkong-cli" in results:
        ratios["cache re-run speed-up"] = results["fangkong-cli"]["seconds"] / results["cache-warm"]["seconds"]
    if "cache-warm" in results and "cache-cold" in results:
        ratios["cache warm/cold"] = results["cache-cold"]["seconds"] / results["cache-warm"]["seconds"]
    report = {"machine": machine(), "corpus": {"source": str(source_folder()), "files": files, "mb": size / 1e6},
              "results": results, "ratios": ratios}
    if startup is not None:
        report["startup_seconds"] = startup
    if stage_seconds is not None:
        total = stage_seconds.pop("extract_loaded")
        report["stages"] = {name: {"seconds": value, "mb_per_s": size / 1e6 / value if value > 0 else float("inf"),
                                   "share": value / total}
                            for name, value in stage_seconds.items()}
        report["stages"]["extract_loaded"] = {"seconds": total, "mb_per_s": size / 1e6 / total, "share": 1.0}
    if large:
        report["memory_check"] = {"mb": big_size / 1e6, "files": big_files, "results": large,
                                  "rss_ratio": {e: large[e]["peak_rss_mb"] / results[e]["peak_rss_mb"]
                                                for e in large if e in results}}
    return report


def table(report: dict) -> str:
    """The report as the text table docs/speed.md carries."""
    m, c = report["machine"], report["corpus"]
    lines = [f"machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, {m['os']}, Python {m['python']}, "
             f"load average {m['load_average']:.1f}" if m["load_average"] is not None else "",
             f"fangkong {m['fangkong']} (rules {m['rules']}); corpus: {c['files']:,} files, {c['mb']:.1f} MB, "
             f"copies of {c['source']}", "",
             f"| {'engine':<16} | {'MB/s':>6} | {'docs/s':>7} | {'seconds':>7} | {'CPU s':>6} | {'rows':>8} | "
             f"{'peak RSS MB':>11} |",
             f"| {'---':<16} | {'---':>6} | {'---':>7} | {'---':>7} | {'---':>6} | {'---':>8} | {'---':>11} |"]
    for engine, r in report["results"].items():
        lines.append(f"| {engine:<16} | {r['mb_per_s']:>6.2f} | {r['docs_per_s']:>7,.0f} | {r['seconds']:>7.1f} | "
                     f"{r.get('cpu_seconds', float('nan')):>6.1f} | {r['rows']:>8,} | {r['peak_rss_mb']:>11.0f} |")
    lines += ["", "| ratio (speed over speed) | value |", "| --- | --- |"]
    lines += [f"| {name} | {value:.2f}× |" for name, value in report["ratios"].items()]
    if "startup_seconds" in report:
        lines += ["", f"start-up (fangkong extract on one report, launch to exit, best of 3): "
                      f"{report['startup_seconds']:.2f} s"]
    if "stages" in report:
        lines += ["", "each stage of the library timed alone over the same corpus (load is outside extract_loaded):",
                  "", "| stage | seconds | MB/s | share of extract_loaded |", "| --- | --- | --- | --- |"]
        lines += [f"| {name} | {s['seconds']:.2f} | {s['mb_per_s']:.1f} | {s['share']:.0%} |"
                  for name, s in report["stages"].items()]
    if "memory_check" in report:
        check = report["memory_check"]
        lines += ["", f"peak RSS at {c['mb']:.0f} MB and at {check['mb']:.0f} MB ({check['files']:,} files):", "",
                  "| engine | MB/s | peak RSS MB (small) | peak RSS MB (×10) | ratio |",
                  "| --- | --- | --- | --- | --- |"]
        for engine, r in check["results"].items():
            small = report["results"].get(engine, {}).get("peak_rss_mb", float("nan"))
            lines.append(f"| {engine} | {r['mb_per_s']:.2f} | {small:.0f} | {r['peak_rss_mb']:.0f} | "
                         f"{check['rss_ratio'].get(engine, float('nan')):.2f}× |")
    return "\n".join(lines)


def main() -> None:
    """Parse the options, run, print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50, help="corpus size in MB (default 50)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    parser.add_argument("--only", help=f"comma-separated engines among {','.join(ENGINES)}")
    parser.add_argument("--memory-check", action="store_true",
                        help="also run fangkong-lib, -stream and -cli (those chosen) on 10× the corpus for peak RSS")
    parser.add_argument("--repeat", type=int, default=1, help="runs per engine, the fastest kept (default 1)")
    parser.add_argument("--no-stages", action="store_true", help="leave out the per-stage table")
    parser.add_argument("--child", choices=(*IN_PROCESS, "stages"), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_main(args.child, args.corpus, args.out)
        return
    engines = args.only.split(",") if args.only else list(ENGINES)
    unknown = set(engines) - set(ENGINES)
    if unknown:
        parser.error(f"unknown engine(s): {', '.join(sorted(unknown))}")
    report = run(args.mb, engines, args.memory_check, max(1, args.repeat), stages=not args.no_stages)
    print(json.dumps(report, indent=2) if args.json else table(report))


if __name__ == "__main__":
    main()
