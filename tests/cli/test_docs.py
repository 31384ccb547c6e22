"""Docs that cannot drift: the CLI reference is generated, every command has a working
example."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from shorewise.cli.docs import command_names, examples, reference

ROOT = Path(__file__).resolve().parents[2]
LONG_RUNNING = {"serve", "init"}  # a server, a questionnaire: examples checked for form only


def test_cli_reference_is_current() -> None:
    assert (ROOT / "docs" / "cli.md").read_text() == reference(), (
        "docs/cli.md is stale: run `make docs`"
    )


def test_every_command_has_an_example() -> None:
    found = examples()
    for name in command_names():
        assert name in found, f"{name}: its help text must end with an example"
        assert found[name].startswith(f"shorewise {name}")


def test_every_example_runs(tmp_path: Path) -> None:
    (tmp_path / "examples").symlink_to(ROOT / "src" / "shorewise" / "examples")
    env = {**os.environ, "COLUMNS": "100"}
    for name, line in examples().items():
        if name in LONG_RUNNING:
            continue
        args = shlex.split(line.split(">", 1)[0])[1:]
        result = subprocess.run(
            [sys.executable, "-m", "shorewise", *args, *_quick(name)],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
        )
        assert result.returncode == 0, (line, result.stderr)


def _quick(name: str) -> list[str]:
    """Fewer draws than the examples ask for, to keep the test fast."""
    return (
        ["--samples", "200"]
        if name in {"compare", "demo", "breakeven", "sensitivity", "report"}
        else []
    )


def test_readme_names_both_quick_start_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    quick = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    assert "make demo" in quick
    assert "make test" in quick
