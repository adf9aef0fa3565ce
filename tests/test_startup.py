"""What `fangkong extract` imports: pandas (a third of a second at every start) only where a frame is made.

Not a timing test: it asserts which modules a run to CSV loaded, in a fresh interpreter.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "fixtures" / "reports" / "town_checkpoints.txt"

RUN = """
import sys
from fangkong.cli.main import cli
try:
    cli(sys.argv[1:])
except SystemExit as done:
    code = done.code
print(code, "pandas" in sys.modules)
"""


@pytest.mark.parametrize("format, pandas", [("csv", False), ("jsonl", False), ("xlsx", True)])
def test_extract_imports_pandas_only_for_the_formats_that_make_a_frame(format, pandas, tmp_path):
    if format == "xlsx":
        pytest.importorskip("openpyxl")
    out = tmp_path / f"facts.{format}"
    done = subprocess.run([sys.executable, "-c", RUN, "extract", str(REPORT), "-o", str(out), "-q"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", str(pandas)], done.stderr
    assert out.stat().st_size > 0
