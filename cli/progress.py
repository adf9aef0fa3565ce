"""The progress bar of long runs (tqdm, on stderr), and the messages that must not break it."""

from __future__ import annotations

import os
import sys

import click
from tqdm import tqdm

# The bar's size where the terminal reports none (a pty without a window size: some CI consoles,
# `docker exec -t`, editors' terminals); tqdm draws nothing on a terminal of 0 rows.
FALLBACK_WIDTH, FALLBACK_HEIGHT = 80, 24


def terminal_width(stream) -> int | None:
    """The width in columns of the terminal `stream` is on, or None where it reports none (0 or unknown)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns or None
    except (AttributeError, ValueError, OSError):
        return None


class Progress:
    """Files done, facts found, rate and time left, on stderr while it is a terminal and there is more than one file.

    `say` prints a message line above the bar (or plainly when there is no bar). Nothing goes to stdout.
    """

    def __init__(self, total: int, *, enabled: bool):
        self.bar = None
        if enabled:
            sized = terminal_width(sys.stderr) is not None  # else a fixed width: tqdm would print nothing
            self.bar = tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=sized,
                            ncols=None if sized else FALLBACK_WIDTH, nrows=None if sized else FALLBACK_HEIGHT,
                            mininterval=0.25, smoothing=0.1)
            self.bar.set_postfix_str("0 facts", refresh=False)

    @staticmethod
    def count(counter, quiet: bool) -> int | None:
        """How many files the run has (`counter()`, a walk of the folders), or None where no bar can show:
        the count is only taken for a terminal."""
        return None if quiet or not sys.stderr.isatty() else counter()

    @staticmethod
    def wanted(total: int, quiet: bool) -> bool:
        """A bar is shown for more than one file, when stderr is a terminal and --quiet is not given."""
        return total > 1 and not quiet and sys.stderr.isatty()

    def done(self, facts: int) -> None:
        """One more file done; `facts` found so far."""
        if self.bar is not None:
            self.bar.set_postfix_str(f"{facts:,} facts", refresh=False)
            self.bar.update(1)

    def say(self, line: str) -> None:
        """A message on stderr, above the bar where there is one."""
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            click.echo(line, err=True)

    def close(self) -> None:
        """Remove the bar's cursor line: the last state stays on screen."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None
