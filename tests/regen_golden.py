"""Rewrite the golden files in fixtures/expected/ from the current code.

Run on purpose only (`python tests/regen_golden.py`), then review every changed line in the diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from golden import CASES, EXPECTED, run_case  # noqa: E402


def main() -> None:
    """Write each case's output to its expected file and say which files changed."""
    EXPECTED.mkdir(parents=True, exist_ok=True)
    for name, args in CASES.items():
        code, output = run_case(args)
        if code != 0:
            raise SystemExit(f"{name}: fangkong {' '.join(args)} exited {code}")
        path = EXPECTED / name
        changed = not path.exists() or path.read_bytes() != output
        path.write_bytes(output)
        print(f"{'changed' if changed else 'same   '} {path.relative_to(EXPECTED.parent.parent)}")


if __name__ == "__main__":
    main()
