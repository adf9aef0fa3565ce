"""The command in a real process: pipes that close early and Ctrl-C (what CliRunner cannot show)."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import threading
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
                               text=True, preexec_fn=_ctrl_c_acts)
    time.sleep(3)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.strip().splitlines()[-1].startswith("fangkong: error: interrupted")
    assert "Traceback" not in stderr
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt", "facts.csv"]
    assert _processes_naming(slow) == []  # no worker left behind


def test_ctrl_c_while_the_report_is_read_from_stdin_exits_130(tmp_path):
    import os

    out = tmp_path / "out.csv"
    out.write_text("previous run\n", encoding="utf-8")
    reader, writer = os.pipe()  # a pipe that stays open: the command is still reading its report
    process = subprocess.Popen([*COMMAND, "-", "-o", out], stdin=reader, stderr=subprocess.PIPE, text=True,
                               preexec_fn=_ctrl_c_acts)
    os.close(reader)
    os.write(writer, "幸福村设立卡点12个".encode())
    time.sleep(3)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    os.close(writer)
    assert process.returncode == 130
    assert stderr.strip() == f"fangkong: error: interrupted; {out} left as it was"
    assert out.read_text(encoding="utf-8") == "previous run\n"


def _ctrl_c_acts() -> None:
    """In the child, before exec: Ctrl-C's default action. A runner that starts the tests with SIGINT ignored
    (a background job, some CI runners) passes that on, and Python then leaves the signal ignored too."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


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


def _run_with_a_terminal_on_stderr(args: list[str], columns: int = 100) -> tuple[int, bytes, str]:
    """Run the command with stdout a pipe and stderr a terminal (a pty of `columns` columns; 0: a pty that reports
    no window size): exit code, stdout, stderr."""
    import fcntl
    import os
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    if columns:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    process = subprocess.Popen([*COMMAND, *args], stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    output: list[bytes] = []
    reader = threading.Thread(target=lambda: output.append(process.stdout.read()))  # the pipe must not fill up
    reader.start()
    terminal = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other end closed
            break
        if not chunk:
            break
        terminal += chunk
    reader.join(timeout=120)
    process.wait(timeout=120)
    os.close(master)
    return process.returncode, output[0], terminal.decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_never_in_the_output(many_reports):
    code, stdout, terminal = _run_with_a_terminal_on_stderr([str(many_reports)])
    piped = subprocess.run([*COMMAND, str(many_reports)], capture_output=True, timeout=120)
    assert code == 0 and piped.returncode == 0
    assert piped.stderr == b""  # piped: no bar at all
    assert stdout == piped.stdout  # the bar never touches the data
    assert "150/150" in terminal and "file/s" in terminal and "facts" in terminal
    facts = len(piped.stdout.splitlines()) - 1
    assert f"{facts:,} facts" in terminal
    assert re.search(r"\[\d\d:\d\d<\d\d:\d\d, ", terminal)  # elapsed < time left


def test_a_terminal_that_reports_no_width_gets_a_bar_of_a_fixed_width(many_reports):
    code, stdout, terminal = _run_with_a_terminal_on_stderr([str(many_reports)], columns=0)
    assert code == 0 and stdout
    last = terminal.replace("\r\n", "\r").split("\r")[-2]  # the bar's last state
    assert "150/150" in last and "facts" in last
    assert len(last) == 80


def test_a_binary_format_is_not_written_to_a_terminal():
    import os
    import pty

    master, slave = pty.openpty()
    done = subprocess.run([*COMMAND, str(ROOT / "fixtures" / "reports"), "-f", "xlsx"], stdout=slave,
                          stderr=subprocess.PIPE, text=True, timeout=120)
    os.close(slave)
    os.close(master)
    assert done.returncode == 2
    assert "xlsx is binary, not for a terminal: give -o FILE or pipe it" in done.stderr


def test_quiet_or_one_file_shows_no_bar_even_on_a_terminal(many_reports):
    assert _run_with_a_terminal_on_stderr([str(many_reports), "--quiet"])[2] == ""
    assert _run_with_a_terminal_on_stderr([str(many_reports / "r000.txt")])[2] == ""


def test_a_full_disk_on_stdout_is_one_error_line_exit_1():
    done = subprocess.run(f"{' '.join(COMMAND)} {ROOT / 'fixtures' / 'reports'} > /dev/full", shell=True,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr == "fangkong: error: cannot write standard output: No space left on device\n"


@pytest.fixture
def full_disk(tmp_path):
    """A 64 KB tmpfs (needs root and a kernel that lets us mount): a real disk that fills up."""
    import os

    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


@pytest.fixture(scope="module")
def varied_reports(tmp_path_factory) -> Path:
    """300 reports whose numbers and words differ, so that no format compresses them into 64 KB."""
    import random

    rng = random.Random(7)
    words = "东南西北中前后左右上下新老大小红星光明幸福和平团结胜利"
    folder = tmp_path_factory.mktemp("varied")
    for i in range(300):
        place = "".join(rng.choice(words) for _ in range(3))
        filler = "".join(rng.choice(words) for _ in range(100))
        (folder / f"r{i:03}.txt").write_text(
            f"{filler}，{place}村设立卡点{rng.randint(2, 99)}个，组织志愿者{rng.randint(10, 999)}名，"
            f"发放宣传单{rng.randint(100, 99999)}份，捐款{rng.randint(1000, 999999)}元。\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".sqlite", ".xlsx", ".parquet"])
def test_a_full_disk_under_o_is_one_error_line_and_the_previous_file_stays(suffix, varied_reports, full_disk):
    out = full_disk / f"facts{suffix}"
    out.write_text("previous run\n", encoding="utf-8")
    done = subprocess.run([*COMMAND, str(varied_reports), "-o", str(out)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"fangkong: error: cannot write {out}: "), done.stderr
    assert "full" in lines[0] or "No space left on device" in lines[0]
    assert lines[0].endswith(", left as it was")
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in full_disk.iterdir()) == [out.name]  # no temporary file left
