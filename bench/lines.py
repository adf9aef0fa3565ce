"""Benchmark of pathological lines: throughput, peak memory and scaling of `fangkong.extract_text` on one huge line.

    python bench/lines.py [--quick]

(Whole corpora, the CLI, --jobs, --cache and the competitors are bench/run.py's.)

Prints figures only; nothing here asserts a timing. Each measurement runs in a forked child so that its
peak RSS (getrusage ru_maxrss) is its own; one-time setup (rules, OpenCC) is warmed up before the clock starts.

Cases:
  facts-line  one 10 MB line of a fact-dense clause (卡点12个，志愿者50余人，宣传单3000份，)
  prose-line  one 10 MB line of prose without a number
  scaling     the fact-dense line at 1×, 2× and 4× a 1 MB unit: time and memory should grow ~4× from 1× to 4×

The baseline is what a capable user would write in an afternoon: OpenCC t2s, cn2an.transform(…, "cn2an")
and a keyword-window regex. MB are 10^6 bytes of UTF-8 input.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import resource
import sys
import time
import warnings
from functools import cache

import cn2an
import opencc

from fangkong import extract_text

CLAUSE = "全镇设立卡点12个，志愿者50余人，发放宣传单3000份，"
PROSE = "全镇干部群众齐心协力，认真做好疫情防控各项工作，"
BASELINE_PATTERN = re.compile(r"(卡点|志愿者|宣传单|捐款)[^，。]{0,6}?(\d+(?:\.\d+)?)")
SIZES = {  # bytes of UTF-8 input per case
    "full": {"line": 10_000_000, "unit": 1_000_000},
    "quick": {"line": 500_000, "unit": 50_000},
}
warnings.filterwarnings("ignore", module=r"cn2an\.")  # the baseline's "不符合格式的数据" chatter
_MAXRSS_UNIT = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is bytes on macOS, KiB on Linux


def make_texts(case: str, size: int) -> list[str]:
    """The input of a case as a list of documents totalling about `size` bytes of UTF-8."""
    unit = CLAUSE if case == "facts-line" else PROSE
    return [unit * max(1, round(size / len(unit.encode())))]


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def baseline_extract(text: str) -> int:
    """The naive extractor: traditional → simplified, Chinese numerals → digits, keyword windows; returns matches."""
    arabic = cn2an.transform(_t2s().convert(text), "cn2an")
    return sum(1 for _ in BASELINE_PATTERN.finditer(arabic))


def fangkong_extract(text: str) -> int:
    """fangkong on one document; returns the number of facts."""
    return len(extract_text(text))


# engine → a function of the documents returning the rows found
ENGINES = {
    "fangkong": lambda texts: sum(map(fangkong_extract, texts)),  # one extract_text call (and frame) a document
    "baseline": lambda texts: sum(map(baseline_extract, texts)),
}


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _MAXRSS_UNIT / 1e6


def _run_case(case: str, size: int, engine: str, queue: multiprocessing.Queue) -> None:
    run = ENGINES[engine]
    texts = make_texts(case, size)
    run([CLAUSE + PROSE])  # warm up: rules, measure words, OpenCC
    before = _maxrss_mb()
    started = time.perf_counter()
    rows = run(texts)
    seconds = time.perf_counter() - started
    queue.put({"chars": sum(map(len, texts)), "bytes": sum(len(t.encode()) for t in texts), "seconds": seconds,
               "rows": rows, "peak_mb": _maxrss_mb(), "growth_mb": _maxrss_mb() - before})


def measure(case: str, size: int, engine: str) -> dict:
    """Run one case with one engine in a forked child; return its figures (chars, bytes, seconds, rows, RSS)."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_run_case, args=(case, size, engine, queue))
    child.start()
    result = queue.get()
    child.join()
    return {"case": case, "engine": engine, **result}


def _row(result: dict) -> str:
    rate = result["chars"] / result["seconds"]
    return (f"{result['case']:<14} {result['engine']:<12} {result['chars']:>11,} {result['bytes'] / 1e6:>7.2f} "
            f"{result['seconds']:>8.2f} {rate:>11,.0f} {result['bytes'] / 1e6 / result['seconds']:>7.2f} "
            f"{result['peak_mb']:>8.0f} {result['growth_mb']:>8.0f} {result['rows']:>9,}")


HEADER = (f"{'case':<14} {'engine':<12} {'chars':>11} {'MB':>7} {'seconds':>8} {'chars/s':>11} {'MB/s':>7} "
          f"{'peak RSS':>8} {'+RSS MB':>8} {'rows':>9}")


def main() -> None:
    """Run every case with fangkong and the baseline, then the scaling series; print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (finishes in well under 30 s)")
    args = parser.parse_args()
    sizes = SIZES["quick" if args.quick else "full"]
    print(f"fangkong benchmark ({'quick' if args.quick else 'full'}); Python {sys.version.split()[0]}; "
          "peak RSS and its growth during the run in MB\n")
    print(HEADER)
    print("-" * len(HEADER))
    results = {}
    for case, size in (("facts-line", sizes["line"]), ("prose-line", sizes["line"])):
        for engine in ("fangkong", "baseline"):
            results[case, engine] = measure(case, size, engine)
            print(_row(results[case, engine]), flush=True)

    print("\nscaling (fangkong, facts-line)")
    print(HEADER)
    print("-" * len(HEADER))
    scaled = {}
    for factor in (1, 2, 4):
        scaled[factor] = {**measure("facts-line", sizes["unit"] * factor, "fangkong"), "case": f"facts-line {factor}×"}
        print(_row(scaled[factor]), flush=True)
    growth_1 = max(scaled[1]["growth_mb"], 1e-9)
    print(f"time(2×)/time(1×) = {scaled[2]['seconds'] / scaled[1]['seconds']:.2f}   "
          f"time(4×)/time(1×) = {scaled[4]['seconds'] / scaled[1]['seconds']:.2f}   (linear: 2 and 4)")
    print(f"+RSS(2×)/+RSS(1×) = {scaled[2]['growth_mb'] / growth_1:.2f}   "
          f"+RSS(4×)/+RSS(1×) = {scaled[4]['growth_mb'] / growth_1:.2f}")

    print("\nfangkong speed as a ratio to the baseline (chars/s ÷ chars/s; below 1 is slower)")
    for case, engine in (("facts-line", "fangkong"), ("prose-line", "fangkong")):
        ours, theirs = results[case, engine], results[case, "baseline"]
        ratio = theirs["seconds"] / ours["seconds"]
        print(f"  {case + ' ' + engine:<26} {ratio:6.3f}×   ({1 / ratio:.1f}× the baseline's time; "
              f"{ours['rows']:,} facts vs {theirs['rows']:,} baseline matches)")


if __name__ == "__main__":
    main()
