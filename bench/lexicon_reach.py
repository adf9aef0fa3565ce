"""How far the lexicon classes reach in a folder of reports: the compounds each class recognises there.

    python bench/lexicon_reach.py [FOLDER ...]   (default: ../shared/corpus/unlabeled)

For each class with heads and modifiers, counts the distinct compounds (modifier + head) found in the
normalized texts, how many of them no whole word of the class names, and their occurrences; then the
whole words found. A compound a class makes but no report uses costs nothing; one a report uses that no
list names is what composing buys. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import ahocorasick_rs

from fangkong.rules.lexicon import load_lexicon
from fangkong.run.pipeline import find_reports
from fangkong.text.load import LoadError, load_bytes
from fangkong.text.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "unlabeled"


def texts(folders: list[Path]):
    """The normalized text of every report under the folders."""
    for report in find_reports(folders):
        try:
            yield normalize(load_bytes(report.path.read_bytes()).plain).text
        except (OSError, LoadError):
            continue


def main() -> None:
    """Print, per class, the compounds and whole words found in the folders."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT])
    folders = parser.parse_args().folders
    if not all(folder.exists() for folder in folders):
        sys.exit(f"no such folder: {' '.join(map(str, folders))}")
    lexicon = load_lexicon()
    words = sorted({w for listed in lexicon.words.values() for w in listed})
    automaton = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    found: Counter[str] = Counter()
    reports = 0
    for text in texts(folders):
        reports += 1
        found.update(words[index] for index, _, _ in automaton.find_matches_as_indexes(text))
    print(f"{reports} reports in {', '.join(map(str, folders))}")
    print(f"{'class':<20} {'compounds':>9} {'found':>6} {'uses':>6} {'words found':>11}  examples")
    for name in lexicon.words:
        made = set(lexicon.compounds(name))
        whole = set(lexicon.words[name]) - made
        seen = {w: n for w, n in found.items() if w in made}
        examples = " ".join(w for w, _ in Counter(seen).most_common(6))
        print(f"{name:<20} {len(made):>9} {len(seen):>6} {sum(seen.values()):>6} "
              f"{sum(1 for w in whole if found[w]):>11}  {examples}")


if __name__ == "__main__":
    main()
