"""The fact record, totals and parts, place and date context, duplicates; may import text, numbers, rules."""

import warnings as _warnings


def __getattr__(name: str):
    # fangkong.facts was the fact record's module before the subpackages (fangkong.facts.to_frame is documented)
    from fangkong.facts import record

    if name.startswith("_") or not hasattr(record, name):
        raise AttributeError(f"module 'fangkong.facts' has no attribute {name!r}")
    _warnings.warn(f"fangkong.facts.{name} moved to fangkong.facts.record.{name}", DeprecationWarning, stacklevel=2)
    return getattr(record, name)
