"""The duplicate finder on 10,000 reports: its time beside extraction's, the pairs it finds, its memory.

    python bench/duplicates.py [--reports 10000] [--repeat N] [--json]

Builds the reports in memory from ../shared/corpus/reports and ../shared/corpus/unlabeled (340 originals)
and copies of them made by tests/variants.py (other chrome, a traditional mirror with glosses, cut to
60–70%, a paragraph added, and three pairs of these at once), with other seeds, until there are
`--reports` of them. Then, on one core, in the order of the doc names as a run takes them:

  extract      every report through the pipeline without a signature (load, normalize, segment, rules,
               context): the baseline
  signatures   the body's MinHash signature of every report (body_text + signature, on the text the
               pipeline has normalized and segmented anyway): the cost a worker adds per report
  finder       the run's DuplicateFinder: one LSH query, the checks of its candidates and one insert per
               report (the parent's work)

and prints seconds, reports/s, and the ratio to extraction; the pairs found (a copy marked with the
doc of a report it was made from), the copies missed, the false pairs (two reports made from distinct
originals), the highest similarity between distinct originals (all pairs of the 340) and the lowest of a
copy with its original; and the finder's memory (tracemalloc, in a second pass). `--repeat N` keeps the
fastest of N runs of each step (the machine is shared: load moves single runs). Nothing is asserted.
Needs ../shared and pypinyin (the test extra).
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "tests"))

from variants import KINDS, variant  # noqa: E402

from fangkong.facts.duplicates import DuplicateFinder, body_text, signature, similarity  # noqa: E402
from fangkong.rules.reader import load_rules  # noqa: E402
from fangkong.run.pipeline import extract_loaded  # noqa: E402
from fangkong.text.load import load_bytes  # noqa: E402
from fangkong.text.normalize import normalize  # noqa: E402
from fangkong.text.segment import segment  # noqa: E402

# a copy of a copy: what a mirror of a reposted page is
COMBINED = (("mirror", "cut"), ("added", "chrome"), ("cut", "added"))


def originals() -> dict[str, str]:
    """The shared and unlabeled reports' decoded texts by name."""
    texts = {}
    for folder in ("reports", "unlabeled"):
        for path in sorted((SHARED / folder).iterdir()):
            texts[path.stem] = load_bytes(path.read_bytes()).original
    return texts


def corpus(count: int) -> dict[str, str]:
    """`count` reports: the originals, then copies of each in turn (`stem~NN-kind`), in doc order."""
    sources = originals()
    made = {f"{stem}.txt": text for stem, text in sources.items()}
    recipes = [(kind,) for kind in KINDS] + list(COMBINED)
    for round_, (stem, text) in zip(itertools.count(), itertools.cycle(sources.items())):
        if len(made) >= count:
            break
        number = round_ // len(sources)
        recipe = recipes[number % len(recipes)]
        copy = text
        for step, kind in enumerate(recipe):
            copy = variant(copy, kind, number * 10 + step)
        made[f"{stem}~{number:02}-{'+'.join(recipe)}.txt"] = copy
    return dict(sorted(made.items()))


def origin(doc: str) -> str:
    return doc.split("~")[0].removesuffix(".txt")


def timed(work, repeat: int = 1):
    """The fastest of `repeat` runs of `work` in seconds, and its result."""
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=1, help="keep the fastest of N runs of each step")
    parser.add_argument("--json", action="store_true", help="print a JSON document instead of the table")
    options = parser.parse_args()
    if not SHARED.is_dir():
        raise SystemExit(f"bench/duplicates.py needs the shared corpus at {SHARED}")
    built, texts = timed(lambda: corpus(options.reports))
    loaded = {doc: load_bytes(text.encode("utf-8")) for doc, text in texts.items()}
    ruleset = load_rules()
    extract(loaded, ruleset, 20)  # warm up: rules, OpenCC
    extract_seconds, _ = timed(lambda: extract(loaded, ruleset), options.repeat)
    bodies = {}
    for doc, report in loaded.items():  # what the pipeline has at hand when it signs a report
        text = normalize(report.plain).text
        bodies[doc] = (text, [(s.start, s.end) for s in segment(text).sentences])
    sign_seconds, signatures = timed(lambda: {doc: signature(body_text(text, spans))
                                              for doc, (text, spans) in bodies.items()}, options.repeat)
    find_seconds, found = timed(lambda: find(signatures), options.repeat)
    tracemalloc.start()
    find(signatures)
    finder_bytes = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    copies = [doc for doc in texts if "~" in doc]
    right = {doc for doc, first in found.items() if origin(doc) == origin(first)}
    false = sorted((doc, first) for doc, first in found.items() if origin(doc) != origin(first))
    missed = sorted(set(copies) - right)
    stems = sorted(doc for doc in texts if "~" not in doc and signatures[doc] is not None)
    distinct = max((similarity(signatures[a], signatures[b]), a, b) for a, b in itertools.combinations(stems, 2))
    weakest = min((similarity(signatures[doc], signatures[f"{origin(doc)}.txt"]), doc) for doc in copies
                  if signatures[doc] is not None and signatures[f"{origin(doc)}.txt"] is not None)
    n = len(texts)
    report = {
        "machine": f"{platform.processor() or platform.machine()}, Python {platform.python_version()}",
        "reports": n, "originals": n - len(copies), "copies": len(copies), "build_seconds": round(built, 2),
        "seconds": {"extract": round(extract_seconds, 2), "signatures": round(sign_seconds, 2),
                    "finder": round(find_seconds, 2)},
        "ratios": {"signatures/extract": round(sign_seconds / extract_seconds, 3),
                   "finder/extract": round(find_seconds / extract_seconds, 3)},
        "pairs_found": len(right), "copies_missed": len(missed), "false_pairs": len(false),
        "missed": missed[:10], "false": false[:10],
        "highest_distinct": {"similarity": distinct[0], "reports": distinct[1:]},
        "lowest_copy": {"similarity": weakest[0], "report": weakest[1]},
        "finder_peak_mb": round(finder_bytes / 1e6, 1),
    }
    if options.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    print(f"machine: {report['machine']}; one core")
    print(f"{n} reports: {report['originals']} originals (shared + unlabeled), {len(copies)} copies made of them")
    print("| step       | seconds | reports/s | ratio to extract |")
    print("| ---------- | ------- | --------- | ---------------- |")
    for step, seconds in report["seconds"].items():
        ratio = "1" if step == "extract" else f"{seconds / extract_seconds:.3f}"
        print(f"| {step:<10} | {seconds:7.2f} | {n / seconds:9.0f} | {ratio:>16} |")
    print(f"pairs found: {len(right)} of {len(copies)} copies; missed: {len(missed)}; false pairs: {len(false)}")
    print(f"highest similarity of two distinct originals: {distinct[0]:.3f} ({distinct[1]}, {distinct[2]})")
    print(f"lowest similarity of a copy to its original: {weakest[0]:.3f} ({weakest[1]})")
    print(f"finder memory at its peak: {report['finder_peak_mb']} MB ({finder_bytes / n / 1e3:.1f} KB a report)")


def extract(loaded: dict, ruleset, limit: int | None = None) -> None:
    """The pipeline on every report (or the first `limit`), without signatures."""
    for doc, report in itertools.islice(loaded.items(), limit):
        extract_loaded(report, doc, ruleset=ruleset)


def find(signatures: dict) -> dict[str, str]:
    """The run's finder over the signatures in doc order: copy → first copy."""
    finder = DuplicateFinder()
    return {doc: first for doc, value in signatures.items()
            if (first := finder.first_copy(doc, value)) is not None}


if __name__ == "__main__":
    main()
