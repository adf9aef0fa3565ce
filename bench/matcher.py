"""Benchmark: the one-pass matcher against the regex path, in the same run, on the same reports.

    python bench/matcher.py [--mb 10] [--corpus DIR]

The reports (../shared/corpus/reports, else fixtures/reports) are repeated to about `--mb` MB of UTF-8 and
extracted twice on one core: `extract_loaded(..., one_pass=False)` (every rule searches the windows around
every number, as before the matcher) and the default (every rule word found in one Aho-Corasick scan per
text). Prints MB/s of each (loading included), the time of the scans alone, whether the facts are the
same, and the scanners' speeds (pyahocorasick only where it is installed). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import ahocorasick_rs

from fangkong.numbers.quantities import find_quantities
from fangkong.rules.lists import list_heads
from fangkong.rules.match import match_quantity
from fangkong.rules.reader import load_rules
from fangkong.rules.words import matcher_for, scan
from fangkong.run.pipeline import extract_loaded, find_reports
from fangkong.text.load import LoadError, load_bytes
from fangkong.text.normalize import normalize
from fangkong.text.segment import segment

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "shared" / "corpus" / "reports", ROOT / "fixtures" / "reports"]


def report_bytes(folder: Path) -> list[tuple[str, bytes]]:
    """(doc, bytes) of the readable reports in a folder."""
    out = []
    for report in find_reports([folder]):
        data = report.path.read_bytes()
        try:
            load_bytes(data)
        except LoadError:
            continue
        out.append((report.doc, data))
    return out


def repeated(reports: list[tuple[str, bytes]], megabytes: float) -> list[tuple[str, bytes]]:
    """The reports cycled until their UTF-8 text reaches `megabytes` MB (10^6 bytes)."""
    out, size, target = [], 0, megabytes * 1e6
    while size < target:
        for doc, data in reports:
            out.append((doc, data))
            size += len(load_bytes(data).original.encode("utf-8"))
            if size >= target:
                break
    return out


def run(reports: list[tuple[str, bytes]], one_pass: bool) -> tuple[float, list]:
    """Seconds to load and extract every report one way, and the facts."""
    ruleset = load_rules()
    start = time.process_time()
    facts = [extract_loaded(load_bytes(data), doc, ruleset=ruleset, one_pass=one_pass) for doc, data in reports]
    return time.process_time() - start, facts


def rule_matching(texts: list[str]) -> None:
    """Time match_quantity alone over every quantity of the texts: searching windows, and scan + look-ups."""
    ruleset = load_rules()
    work = []
    for text in texts:
        found = [(sentence, clause, quantities) for sentence in segment(text).sentences for clause in sentence.clauses
                 if (quantities := find_quantities(text, *clause))]
        everything = [quantity for *_, quantities in found for quantity in quantities]
        heads = iter(list_heads(text, everything))
        work.append((text, [(quantity, clause, (sentence.start, sentence.end), sentence.paragraph, quantities,
                             everything[next(heads)]) for sentence, clause, quantities in found
                            for quantity in quantities]))
    for one_pass in (False, True):
        start = time.process_time()
        for text, calls in work:
            hits = scan(ruleset, text) if one_pass and calls else None
            for quantity, clause, sentence, paragraph, others, head in calls:
                match_quantity(ruleset, text, quantity, clause, sentence, paragraph, others, head, hits)
        name = "scan + look-ups " if one_pass else "window searches "
        print(f"  rules alone, {name}{time.process_time() - start:6.2f} s")


def scanners(texts: list[str], words: list[str]) -> None:
    """Time the automaton libraries on the normalized texts: all overlapping occurrences of every word."""
    automaton = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard)
    start = time.process_time()
    found = sum(len(automaton.find_matches_as_indexes(text, overlapping=True)) for text in texts)
    print(f"  ahocorasick-rs   {time.process_time() - start:6.3f} s  {found} occurrences")
    try:
        import ahocorasick
    except ImportError:
        print("  pyahocorasick    not installed (pip install pyahocorasick to compare)")
        return
    other = ahocorasick.Automaton()
    for index, word in enumerate(words):
        other.add_word(word, (index, len(word)))
    other.make_automaton()
    start = time.process_time()
    found = sum(len([(i, end - size + 1, end + 1) for end, (i, size) in other.iter(text)]) for text in texts)
    print(f"  pyahocorasick    {time.process_time() - start:6.3f} s  {found} occurrences")


def main() -> None:
    """Parse the options, run both paths and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="MB of report text to extract (default 10)")
    parser.add_argument("--corpus", type=Path, help="a folder of reports (default: the shared corpus)")
    args = parser.parse_args()
    folder = args.corpus or next(f for f in CORPORA if f.is_dir())
    reports = repeated(report_bytes(folder), args.mb)
    size = sum(len(load_bytes(data).original.encode("utf-8")) for _, data in reports)
    ruleset = load_rules()
    matcher = matcher_for(ruleset)
    run(reports[:20], True)  # warm up: rules, OpenCC, the automaton
    print(f"{folder}: {len(reports)} reports, {size / 1e6:.2f} MB; {len(matcher.plans)} patterns, "
          f"{len(matcher.words)} literal words")
    before, old = run(reports, one_pass=False)
    after, new = run(reports, one_pass=True)
    print(f"  regex path       {before:6.2f} s  {size / 1e6 / before:5.2f} MB/s")
    print(f"  one-pass matcher {after:6.2f} s  {size / 1e6 / after:5.2f} MB/s  ({before / after:.2f}x)")
    print(f"  same facts: {old == new} ({sum(map(len, new))} facts)")
    texts = [normalize(load_bytes(data).plain).text for _, data in reports]
    start = time.process_time()
    for text in texts:
        matcher.scan(text)
    print(f"  scans alone      {time.process_time() - start:6.3f} s")
    rule_matching(texts)
    scanners(texts, matcher.words)


if __name__ == "__main__":
    main()
