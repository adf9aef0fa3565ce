"""Output formats: time and peak memory of `fangkong extract -o FILE` per format, and memory against input size.

    python bench/bench_formats.py [--mb 8] [--formats csv,jsonl,...]

Builds a corpus by copying ../shared/corpus/reports (or fixtures/reports) until it holds --mb megabytes, runs
the command once per format in a fresh process, and prints wall time, facts per second and peak RSS; then
runs CSV on 1x and 4x the corpus to show that memory stays flat while facts are streamed. Figures are
printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus" / "reports"
SOURCE = SHARED if SHARED.is_dir() else ROOT / "fixtures" / "reports"
FORMATS = ["csv", "tsv", "jsonl", "parquet", "xlsx", "sqlite"]


def build_corpus(folder: Path, megabytes: float) -> tuple[int, int]:
    """Copies of SOURCE in folder/cN/ until megabytes are reached; (files, bytes)."""
    files = [p for p in sorted(SOURCE.rglob("*")) if p.is_file() and not p.name.startswith(".")]
    size = sum(p.stat().st_size for p in files)
    copies = max(1, round(megabytes * 1_000_000 / size))
    for n in range(copies):
        shutil.copytree(SOURCE, folder / f"c{n:04}")
    return copies * len(files), copies * size


def run(args: list[str]) -> tuple[float, int]:
    """Run the command in a fresh process: (seconds, peak RSS in bytes)."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "fangkong.cli.main", *args],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode()
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"fangkong {' '.join(args)} failed:\n{stderr}")
    return elapsed, usage.ru_maxrss * 1024


def count_facts(csv_path: Path) -> int:
    with open(csv_path, encoding="utf-8") as handle:
        import csv

        return sum(1 for _ in csv.reader(handle)) - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=8.0, help="corpus size in MB (default 8)")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated formats")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fangkong-bench-") as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        files, size = build_corpus(corpus, options.mb)
        print(f"corpus: {files:,} files, {size / 1e6:.1f} MB (copies of {SOURCE})")
        print(f"{'format':8} {'seconds':>8} {'facts/s':>9} {'peak RSS':>9} {'file':>9}")
        facts = None
        for format in options.formats.split(","):
            out = tmp / f"facts.{format}"
            seconds, peak = run(["extract", str(corpus), "-o", str(out)])
            if format == "csv":
                facts = count_facts(out)
            rate = f"{facts / seconds:9,.0f}" if facts else f"{'':9}"
            print(f"{format:8} {seconds:8.2f} {rate} {peak / 1e6:7.0f} MB {out.stat().st_size / 1e6:6.1f} MB")
        big = tmp / "big"
        big.mkdir()
        for n in range(4):
            shutil.copytree(corpus, big / f"x{n}")
        print("\nmemory against input (csv):")
        for label, folder, megabytes in (("1x", corpus, size), ("4x", big, 4 * size)):
            seconds, peak = run(["extract", str(folder), "-o", str(tmp / "m.csv")])
            print(f"  {label}: {megabytes / 1e6:5.1f} MB of reports in {seconds:5.2f} s, peak RSS {peak / 1e6:4.0f} MB")


if __name__ == "__main__":
    main()
