"""Run the real CLI entry point (`shorewise.cli.app.main`, error handling included) in this
process: fast, and the same code path as the `shorewise` command."""

from __future__ import annotations

import contextlib
import io
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    """Exit code and captured output of one CLI call."""

    code: int
    stdout: str
    stderr: str

    @property
    def message(self) -> str:
        """stderr with line wrapping undone, for substring checks."""
        return " ".join(self.stderr.split())


def run_main(*args: str) -> Outcome:
    """``shorewise ARGS`` through ``main()``; the exit code is 0 when it returns."""
    from shorewise.cli.app import main

    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["shorewise", *args]
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = argv
    return Outcome(code, out.getvalue(), err.getvalue())
