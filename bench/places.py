"""Benchmark: what places cost, in the same run: the gazetteer's load and each report's resolution.

    python bench/places.py [--corpus DIR] [--rounds 3]

Start-up: a fresh interpreter that imports fangkong, against one that also loads the gazetteer (JioNLP's data
files read, the towns indexed) and builds the name automaton, and against one that imports JioNLP itself (the
package's own way in). Per report: the reports (../shared/corpus/reports, else fixtures/reports) resolved one
after another (places.resolve on the normalized text), against their whole extraction (extract_loaded, which
includes the resolution), on one core. Prints milliseconds and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from fangkong.facts import places
from fangkong.run.pipeline import extract_loaded, find_reports
from fangkong.text.load import LoadError, load_bytes
from fangkong.text.normalize import normalize
from fangkong.text.segment import segment

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "shared" / "corpus" / "reports", ROOT / "fixtures" / "reports"]
STARTS = {
    "import fangkong": "import fangkong",
    "+ gazetteer and automaton": "import fangkong; from fangkong import places; places._automaton()",
    "import jionlp": "import jionlp",
}


def _fresh(code: str, rounds: int) -> float:
    """The best wall time, in seconds, of a fresh interpreter running `code`."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print the start-up times and the per-report costs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a folder of reports (default: the shared corpus, else fixtures)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each measurement; the best is shown")
    args = parser.parse_args()
    corpus = args.corpus or next(c for c in CORPORA if c.is_dir())

    print("start-up (fresh interpreter, best of", args.rounds, "runs)")
    base = _fresh(STARTS["import fangkong"], args.rounds)
    for name, code in STARTS.items():
        seconds = base if name == "import fangkong" else _fresh(code, args.rounds)
        print(f"  {name:28} {seconds * 1000:8.0f} ms   {seconds / base:5.2f}x")

    loaded = []
    for report in find_reports([corpus]):
        try:
            loaded.append((report.doc, load_bytes(report.path.read_bytes())))
        except LoadError:
            continue
    texts = []
    for _, report in loaded:
        text = normalize(report.plain).text
        texts.append((text, segment(text).title))
    places._automaton()  # loaded once per process, not per report
    resolve = extract = float("inf")
    for _ in range(args.rounds):
        start = time.perf_counter()
        for text, title in texts:
            places.resolve(text, title)
        resolve = min(resolve, time.perf_counter() - start)
        start = time.perf_counter()
        for doc, report in loaded:
            extract_loaded(report, doc)
        extract = min(extract, time.perf_counter() - start)
    count = len(texts)
    print(f"per report ({count} reports of {corpus})")
    print(f"  resolve places               {resolve / count * 1000:8.2f} ms")
    print(f"  whole extraction             {extract / count * 1000:8.2f} ms   "
          f"(places {resolve / extract:.0%} of it)")


if __name__ == "__main__":
    main()
