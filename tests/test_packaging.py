"""The package as users install it: a wheel (regular install) and the editable install the README uses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import fangkong
import fangkong.rules.reader

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # a clean copy, so no stale build/ folder of the working tree slips old files into the wheel
    source = tmp_path_factory.mktemp("source") / "fangkong"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", ".ci-venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis",
        "fuzz-crashes"))
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(source)],
                   check=True, capture_output=True)
    (built,) = out.glob("fangkong-*.whl")
    return built


def test_wheel_holds_one_top_level_package_with_its_rule_files(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top == {"fangkong"}  # nothing generic like cli/ or extractors/ lands in site-packages
    assert "fangkong/cli/main.py" in names
    assert {"fangkong/rules/core.toml", "fangkong/rules/extended.toml"} <= set(names)
    assert {"fangkong/data/measure_words.toml", "fangkong/data/chrome.toml", "fangkong/data/context.toml"} <= set(names)


def test_regular_install_runs_from_the_wheel(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(target)}
    version = subprocess.run([str(target / "bin" / "fangkong"), "--version"], env=env, cwd=tmp_path,
                             capture_output=True, text=True, check=True)
    rules = fangkong.rules.reader.load_rules().version  # the wheel's rule files are the repository's
    assert version.stdout.strip() == f"fangkong, version {fangkong.__version__} (rules {rules})"
    report = ROOT / "fixtures" / "reports" / "town_checkpoints.txt"
    run = subprocess.run(
        [sys.executable, "-c", "import fangkong, sys; print(fangkong.__file__); "
         "print(len(fangkong.extract_paths(sys.argv[1])))", str(report)],
        env=env, cwd=tmp_path, capture_output=True, text=True, check=True,
    )
    location, count = run.stdout.split()
    assert Path(location).is_relative_to(target)  # imported from the wheel, not from the repository
    assert int(count) > 0  # its rule files were found as package data


def test_editable_install_maps_both_folders_to_one_name():
    import fangkong.cli.main

    if not Path(fangkong.__file__).is_relative_to(ROOT):
        pytest.skip("fangkong is not installed editable from this repository")
    assert Path(fangkong.__file__).parent == ROOT / "extractors"
    assert Path(fangkong.cli.main.__file__).parent == ROOT / "cli"
