"""Accuracy on the team's shared corpus, measured by its own scorer (skipped where ../shared is absent)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import fangkong
from fangkong.output.writers import write_csv_file

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
REPORTS = SHARED / "corpus" / "reports"
GOLD = SHARED / "corpus" / "gold.jsonl"
SCORER = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(not (REPORTS.is_dir() and GOLD.is_file() and SCORER.is_file()),
                                reason="../shared (corpus, gold and scorer) is not beside the project")

# metric set → (least micro-F1, least qualifier accuracy): the accuracy issue's targets. The 81-report
# corpus started at core 0.925 / all 0.924; raised as accuracy rose, never lowered.
FLOORS = {"core": (0.99, 0.98), "all": (0.985, 0.98)}


@pytest.fixture(scope="module")
def predictions(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("accuracy") / "facts.csv"
    write_csv_file(fangkong.extract_paths(REPORTS), path)
    return path


@pytest.mark.parametrize("metrics", FLOORS)
def test_micro_f1_and_qualifier_accuracy(predictions, metrics):
    done = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(GOLD), "--pred", str(predictions), "--docs-from", str(REPORTS),
         "--metrics", metrics, "--json"],
        capture_output=True, text=True, check=True,
    )
    summary = json.loads(done.stdout)["summary"]
    least_f1, least_qualifier = FLOORS[metrics]
    assert summary["docs"] == len([p for p in REPORTS.iterdir() if not p.name.startswith(".")])
    assert summary["micro_f1"] >= least_f1, summary
    assert summary["qualifier_accuracy"] >= least_qualifier, summary
