"""fangkong: numeric facts from Chinese grassroots epidemic-prevention reports, as tidy tables.

    >>> import fangkong
    >>> fangkong.extract_text("设立检查点12个，发放宣传资料3000余份。")[["metric", "value", "qualifier"]]
"""

from importlib.metadata import PackageNotFoundError, version

from fangkong import _moved
from fangkong.facts.record import COLUMNS, Fact
from fangkong.run.pipeline import extract_bytes, extract_paths, extract_text, find_reports, iter_facts
from fangkong.text.load import ExtractError

_moved.install()  # the documented paths of modules that moved into subpackages still import, with a warning

try:
    __version__ = version("fangkong")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

__all__ = ["COLUMNS", "ExtractError", "Fact", "extract_bytes", "extract_paths", "extract_text", "find_reports",
           "iter_facts", "__version__"]
