"""Old import paths of modules that moved into subpackages (issue 17), kept working with a DeprecationWarning.

`import fangkong.pipeline` (documented before the move) still gives the module, now `fangkong.run.pipeline`; the
warning names the new path. Only paths the documentation used are here; nothing new should import them.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import warnings

MOVED = {
    "fangkong.pipeline": "fangkong.run.pipeline",
    "fangkong.parallel": "fangkong.run.parallel",
    "fangkong.dask_engine": "fangkong.run.dask_engine",
    "fangkong.cache": "fangkong.run.cache",
    "fangkong.load": "fangkong.text.load",
    "fangkong.summary": "fangkong.output.summary",
    "fangkong.formats": "fangkong.output.formats",
    "fangkong.review": "fangkong.output.review",
    "fangkong.explain": "fangkong.output.explain",
    "fangkong.ruleset": "fangkong.rules.reader",
}


class _Alias(importlib.abc.Loader):
    def __init__(self, new: str):
        self.new = new

    def create_module(self, spec):
        warnings.warn(f"{spec.name} moved to {self.new}; import it from there", DeprecationWarning, stacklevel=3)
        return importlib.import_module(self.new)

    def exec_module(self, module) -> None:
        return None


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        new = MOVED.get(name)
        return importlib.util.spec_from_loader(name, _Alias(new)) if new else None


def install() -> None:
    """Let the old paths import (once per process)."""
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.append(_Finder())
