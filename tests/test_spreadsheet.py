"""A real spreadsheet opens the xlsx and the --excel CSV: LibreOffice headless converts them back to CSV, and the
Chinese evidence and the numbers come back unchanged, formula-like text inert.

Needs `soffice` (Debian's libreoffice-calc-nogui, which .ci/run installs when it can); skips without it.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import fangkong
from fangkong.cli.main import cli
from fangkong.output.writers import spreadsheet_safe

ROOT = Path(__file__).resolve().parent.parent
INPUTS = [ROOT / "fixtures" / "reports", ROOT / "fixtures" / "hostile"]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# LibreOffice's CSV filter options: comma, double quote, UTF-8 (76), from line 1
CSV_UTF8 = "Text - txt - csv (StarCalc):44,34,76,1"

pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc-nogui "
    "where apt-get works")


def soffice_to_csv(path: Path, out: Path, profile: Path, infilter: str | None = None) -> list[dict[str, str]]:
    """Convert a spreadsheet file with LibreOffice headless (a profile of its own) and read the CSV it wrote."""
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", f"csv:{CSV_UTF8}", "--outdir", str(out), str(path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    converted = out / (path.stem + ".csv")
    assert done.returncode == 0 and converted.exists(), done.stdout + done.stderr
    return list(csv.DictReader(io.StringIO(converted.read_text("utf-8"))))


@pytest.fixture(scope="module")
def expected():
    return fangkong.extract_paths(INPUTS)


def check_rows(rows: list[dict[str, str]], expected) -> None:
    assert len(rows) == len(expected) > 20
    for row, want in zip(rows, expected.itertuples(), strict=True):
        assert row["evidence"] == spreadsheet_safe(want.evidence)  # Chinese, traditional and glosses intact
        assert row["doc"] == want.doc
        assert float(row["value"]) == want.value
        assert int(row["start"]) == want.start and int(row["end"]) == want.end
        assert row["title"] == spreadsheet_safe(want.title or "")  # "=HYPERLINK(…)" stays text


def test_libreoffice_opens_the_xlsx(expected, tmp_path):
    path = tmp_path / "facts.xlsx"
    assert CliRunner().invoke(cli, ["extract", *map(str, INPUTS), "-o", str(path)]).exit_code == 0
    rows = soffice_to_csv(path, tmp_path / "out", tmp_path / "profile")
    check_rows(rows, expected)
    assert any(row["title"].startswith("'=HYPERLINK") for row in rows)


def test_libreoffice_opens_the_excel_csv(expected, tmp_path):
    """Imported as UTF-8 (headless LibreOffice must be told the character set; Excel reads the BOM)."""
    path = tmp_path / "facts.csv"
    assert CliRunner().invoke(cli, ["extract", *map(str, INPUTS), "--excel", "-o", str(path)]).exit_code == 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = soffice_to_csv(path, tmp_path / "out", tmp_path / "profile", infilter=CSV_UTF8)
    assert list(rows[0])[0] == "doc"  # the BOM is not part of the first cell
    check_rows(rows, expected)
