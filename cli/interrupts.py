"""Ctrl-C that is not lost during a run.

Python raises KeyboardInterrupt wherever the signal lands. One that lands in a finaliser (a `__del__` run by the
garbage collector, such as the regex module's while it compiles a pattern) is printed as "Exception ignored in …"
with a traceback, and dropped: the run would then go on, finish, and replace the output the user meant to keep.
The guard keeps the signal as a flag as well as raising it, silences the dropped copy, and the run checks the flag
after each report and before it commits its output.
"""

from __future__ import annotations

import signal
import sys
import threading
from types import FrameType, TracebackType


class CtrlC:
    """A context in which Ctrl-C is both raised and remembered (`seen`); `check()` raises it where it was dropped.

    Installed only in the main thread and where Ctrl-C has Python's default handler: a process started with SIGINT
    ignored (nohup, a background job) keeps ignoring it.
    """

    def __init__(self) -> None:
        self.seen = False
        self._installed = False
        self._previous_handler = None
        self._previous_hook = None

    def __enter__(self) -> CtrlC:
        if (threading.current_thread() is threading.main_thread()
                and signal.getsignal(signal.SIGINT) is signal.default_int_handler):
            self._previous_handler = signal.signal(signal.SIGINT, self._handle)
            self._previous_hook = sys.unraisablehook
            sys.unraisablehook = self._unraisable
            self._installed = True
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous_handler)
            sys.unraisablehook = self._previous_hook
            self._installed = False

    def check(self) -> None:
        """Raise KeyboardInterrupt where a Ctrl-C came and was dropped by a finaliser."""
        if self.seen:
            raise KeyboardInterrupt

    def _handle(self, number: int, frame: FrameType | None) -> None:
        self.seen = True
        raise KeyboardInterrupt

    def _unraisable(self, unraisable) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            return  # remembered in `seen`: the run stops at its next check, with one line and no traceback
        self._previous_hook(unraisable)
