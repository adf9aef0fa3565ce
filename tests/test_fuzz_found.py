"""The fuzz target of bench/fuzz.py, run on its hostile seeds, so that its invariant checks are tested too.

The checks: `extract_bytes` raises nothing but LoadError, every row's evidence is original[start:end] with
0 <= start <= end <= len(original), and a second run gives an equal frame. A 12-minute atheris run found no
crash; an input it finds goes to fixtures/fuzz/ with a test here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_fuzz():
    spec = importlib.util.spec_from_file_location("fangkong_bench_fuzz", ROOT / "bench" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fuzz = _load_fuzz()


@pytest.mark.parametrize("name", sorted(fuzz.HOSTILE_SEEDS))
def test_fuzz_target_passes_hostile_seed(name: str) -> None:
    fuzz.check_one(fuzz.HOSTILE_SEEDS[name])


def test_fuzz_target_catches_a_broken_promise(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(data: bytes, doc: str = "-", **options):
        raise ValueError("boom")

    monkeypatch.setattr(fuzz, "extract_bytes", broken)
    with pytest.raises(fuzz.InvariantError, match="ValueError"):
        fuzz.check_one(fuzz.HOSTILE_SEEDS["gbk"])


def test_fuzz_target_lets_load_errors_pass() -> None:
    fuzz.check_one(b"\x89PNG\r\n\x1a\n\x00\x00")
