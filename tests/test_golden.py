"""Golden-file tests: whole CLI runs over fixtures/reports compared byte for byte with fixtures/expected.

After a deliberate change, rewrite them with `python tests/regen_golden.py` and review the diff.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from golden import CASES, EXPECTED, ROOT, run_case


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_output_matches_golden_file(name):
    code, output = run_case(CASES[name])
    assert code == 0
    expected = (EXPECTED / name).read_bytes()
    assert output.decode("utf-8-sig").splitlines() == expected.decode("utf-8-sig").splitlines()
    assert output == expected


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((EXPECTED / name).read_text(encoding="utf-8-sig"))))


def test_golden_rows_hold_the_hand_checked_facts():
    """fixtures/expected/facts.jsonl lists, by hand, every fact a reader finds in the fixture reports."""
    hand = {
        (f["doc"], f["metric"], f["value"], f.get("value_high", ""), f["qualifier"])
        for f in map(json.loads, (EXPECTED / "facts.jsonl").read_text(encoding="utf-8").splitlines())
    }
    got = {(r["doc"], r["metric"], r["value"], r["value_high"], r["qualifier"]) for r in _rows("reports.csv")}
    assert sorted(hand - got) == [], "facts the tool misses"
    assert sorted(got - hand) == [], "facts the tool invents"


def test_golden_evidence_is_the_original_text_at_its_offsets():
    """text[start:end] == evidence for every golden row, read back from the fixture file itself."""
    from fangkong.text.load import load_bytes

    rows = _rows("reports_other.csv")
    assert rows
    for row in rows:
        original = load_bytes((ROOT / "fixtures" / "reports" / row["doc"]).read_bytes()).original
        assert original[int(row["start"]):int(row["end"])] == row["evidence"], row


def test_skipped_files_give_no_rows():
    docs = {row["doc"] for row in _rows("reports_other.csv")}
    assert ".hidden.txt" not in docs  # hidden
    assert "notes.md" not in docs  # not a report suffix
    assert "empty.txt" not in docs
    assert "distractors.txt" not in {row["doc"] for row in _rows("reports.csv")}  # nothing a rule claims
    assert {"traditional/notice", "archive/old_page.htm", "village_news.html"} <= docs
