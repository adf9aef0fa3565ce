"""The command in a real process: pipes that close early and Ctrl-C (what CliRunner cannot show)."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMMAND = [sys.executable, "-m", "fangkong.cli.main", "extract"]


@pytest.fixture(scope="module")
def many_reports(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    for i in range(150):
        shutil.copy(ROOT / "fixtures" / "reports" / "town_checkpoints.txt", folder / f"r{i:03}.txt")
    return folder


def test_output_into_a_pipe_that_closes_early_ends_quietly(many_reports):
    shell = f"{' '.join(COMMAND)} {many_reports} | head -n 2"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, timeout=120)
    assert len(done.stdout.splitlines()) == 2
    assert done.stderr == ""
    assert done.returncode == 0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_with_one_line_and_keeps_the_old_output(many_reports, tmp_path, jobs):
    out = tmp_path / "facts.csv"
    out.write_text("previous run\n", encoding="utf-8")
    slow = tmp_path / "big.txt"  # large enough that extraction is still running when the signal comes
    slow.write_text((ROOT / "fixtures" / "reports" / "town_checkpoints.txt").read_text("utf-8") * 3000, "utf-8")
    process = subprocess.Popen([*COMMAND, slow, many_reports, "-o", out, "--jobs", jobs], stderr=subprocess.PIPE,
                               text=True)
    time.sleep(3)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.strip().splitlines()[-1].startswith("fangkong: error: interrupted")
    assert "Traceback" not in stderr
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt", "facts.csv"]
    assert _processes_naming(slow) == []  # no worker left behind


def _processes_naming(path: Path) -> list[int]:
    """Ids of running processes whose command line names `path` (workers are forked: they keep the parent's)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if str(path).encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found
