"""Generate the CLI reference (docs/cli.md) from the commands' own ``--help``.

Run ``python -m shorewise.cli.docs > docs/cli.md`` (``make docs``); a test checks the file
is current, so the reference cannot drift from the code.
"""

from __future__ import annotations

import os
import re

from typer.testing import CliRunner

from shorewise.cli.app import app

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def command_names() -> list[str]:
    """Every registered command, in the order ``--help`` lists them."""
    return [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]


def help_text(*args: str) -> str:
    """Plain ``--help`` output (no colour, fixed width) of ``shorewise ARGS``."""
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    result = CliRunner().invoke(app, [*args, "--help"], env=env, terminal_width=100)
    lines = _ANSI.sub("", result.output).splitlines()
    return "\n".join(line.rstrip() for line in lines).strip("\n") + "\n"


def examples() -> dict[str, str]:
    """Each command's example line (its help text ends with ``Example: shorewise ...``)."""
    out = {}
    for c in app.registered_commands:
        doc = (c.callback.__doc__ or "") if c.callback else ""
        text = " ".join(doc.split())
        if "Example: " in text:
            out[c.name or c.callback.__name__] = text.split("Example: ", 1)[1]  # type: ignore[union-attr]
    return out


def reference() -> str:
    """The whole CLI reference as Markdown."""
    parts = [
        "# CLI reference",
        "",
        "Generated from `--help` by `make docs` (`python -m shorewise.cli.docs`); do not edit.",
        "Every command exits with code 2 and a one-line-per-problem message on bad input.",
        "",
        "```text",
        help_text().rstrip(),
        "```",
    ]
    for name in command_names():
        parts += ["", f"## shorewise {name}", "", "```text", help_text(name).rstrip(), "```"]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(reference())
