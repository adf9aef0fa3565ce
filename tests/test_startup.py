"""What `fangkong extract` imports: pandas (a third of a second at every start) only where a frame is made, and
scipy.integrate (two thirds of importing datasketch) not at all.

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


SIGNING = """
import sys
{before}
from fangkong.facts.duplicates import DuplicateFinder, signature
finder = DuplicateFinder()
body = "".join(chr(0x4e00 + i % 97) for i in range(400))
finder.first_copy("a", signature(body))
copied = finder.first_copy("b", signature(body))
loaded = "scipy.integrate" in sys.modules
from datasketch import MinHashLSH
bands = MinHashLSH(threshold=0.5, num_perm=128).b  # datasketch's own quad, through scipy.integrate
import scipy.integrate
print(copied, loaded, bands > 0, callable(scipy.integrate.solve_ivp))
"""


@pytest.mark.parametrize("before, integrate_loaded", [("", False), ("import scipy.integrate", True),
                                                      ("import datasketch", True)])
def test_signing_reports_imports_datasketch_without_scipy_integrate_which_still_works(before, integrate_loaded):
    done = subprocess.run([sys.executable, "-c", SIGNING.format(before=before)], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["a", str(integrate_loaded), "True", "True"], done.stderr
