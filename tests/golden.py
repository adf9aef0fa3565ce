"""The golden CLI runs: arguments → the file in fixtures/expected/ that holds their exact output.

Shared by tests/test_golden.py (compares) and tests/regen_golden.py (rewrites on purpose).
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from fangkong.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "fixtures" / "expected"

# name of the expected file → arguments, with paths relative to the repository's root
CASES: dict[str, list[str]] = {
    "reports.csv": ["extract", "fixtures/reports"],
    "reports_other.csv": ["extract", "fixtures/reports", "--include-other"],
    "formula.csv": ["extract", "fixtures/hostile/formula.html"],
    "formula_excel.csv": ["extract", "fixtures/hostile/formula.html", "--excel"],
    "context.csv": ["extract", "fixtures/context"],  # totals and parts, places, as-of dates
    "duplicates.csv": ["extract", "fixtures/duplicates"],  # republished copies: duplicate_of
}


def run_case(args: list[str]) -> tuple[int, bytes]:
    """Run the CLI in-process from the repository's root; its exit code and stdout bytes."""
    import os

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(here)
    return result.exit_code, result.stdout_bytes
