"""bench/run.py runs from the installed package and prints its table; the engines agree on the facts (no timings)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench" / "run.py"


def bench(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BENCH), "--mb", "0.2", *args], capture_output=True, text=True,
                          timeout=300, check=True)


def test_the_engines_find_the_same_facts_and_the_ratios_are_computed():
    engines = "fangkong-lib,fangkong-stream,fangkong-cli,fangkong-cli-j2,cache-cold,cache-warm,dask-local,floor"
    report = json.loads(bench("--json", "--only", engines).stdout)
    results = report["results"]
    assert list(results) == engines.split(",")
    assert len({results[e]["rows"] for e in engines.split(",")[:-1]}) == 1  # every fangkong run: the same rows
    assert results["fangkong-lib"]["rows"] > 0 and results["floor"]["rows"] > results["fangkong-lib"]["rows"]
    assert report["corpus"]["mb"] >= 0.2 and report["corpus"]["files"] > 0
    assert {"fangkong-cli/floor", "jobs-2 speed-up", "cache re-run speed-up", "dask 2 workers speed-up"} <= set(
        report["ratios"])
    assert all(r["peak_rss_mb"] > 0 and r["mb_per_s"] > 0 for r in results.values())
    assert 0 < report["startup_seconds"] < results["fangkong-cli"]["seconds"] * 3  # one report, launch to exit


def test_the_table():
    table = bench("--only", "fangkong-lib,floor").stdout
    assert table.startswith("machine: ")
    assert "| fangkong-lib     |" in table and "| floor            |" in table
    assert "| fangkong-lib/floor |" in table
