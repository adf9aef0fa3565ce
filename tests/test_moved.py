"""Modules that moved into subpackages (issue 17): their documented old paths still import, with a warning."""

import importlib
import sys

import pytest

from fangkong._moved import MOVED


@pytest.mark.parametrize(("old", "new"), sorted(MOVED.items()))
def test_an_old_path_gives_the_moved_module_and_says_where_it_went(old, new):
    sys.modules.pop(old, None)
    with pytest.warns(DeprecationWarning, match=new.replace(".", r"\.")):
        module = importlib.import_module(old)
    assert module is importlib.import_module(new)


def test_from_an_old_path_import_a_name():
    sys.modules.pop("fangkong.ruleset", None)
    with pytest.warns(DeprecationWarning):
        from fangkong.ruleset import load_rules
    from fangkong.rules.reader import load_rules as moved
    assert load_rules is moved


def test_the_fact_records_old_module_path():
    import fangkong.facts
    from fangkong.facts.record import to_frame

    with pytest.warns(DeprecationWarning, match="fangkong.facts.record.to_frame"):
        assert fangkong.facts.to_frame is to_frame
    with pytest.raises(AttributeError):
        fangkong.facts.no_such_name  # noqa: B018
