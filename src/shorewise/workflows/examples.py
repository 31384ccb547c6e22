"""The bundled example scenarios.

Example::

    >>> example_path("core-platform").name
    'core-platform.yaml'
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

from shorewise.errors import ScenarioError

DEFAULT_EXAMPLE = "core-platform"


def example_names() -> list[str]:
    """Names of the bundled examples (file stems)."""
    root = files("shorewise") / "examples"
    return sorted(p.name.removesuffix(".yaml") for p in root.iterdir() if p.name.endswith(".yaml"))


def example_path(name: str = DEFAULT_EXAMPLE) -> Path:
    """Path of a bundled example; unknown names list the valid ones."""
    if name not in example_names():
        raise ScenarioError(
            f"no bundled example {name!r}; choose one of: {', '.join(example_names())}"
        )
    with as_file(files("shorewise") / "examples" / f"{name}.yaml") as path:
        return Path(path)
