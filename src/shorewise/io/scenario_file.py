"""Read and write scenario files (YAML or TOML), with clean errors for every bad file.

A missing file, a directory, binary junk, broken YAML/TOML, an empty file or a file that
is not a mapping each raise :class:`~shorewise.errors.ScenarioError` naming the file (and
the line where the parser knows it). Valid syntax with invalid content lists every field
problem at once, and unknown countries or currencies are reported the same way.

Example::

    >>> scenario = load_scenario("examples/core-platform.yaml")     # doctest: +SKIP
    >>> scenario.home_country                                         # doctest: +SKIP
    'US'
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from shorewise.domain.scenario import Scenario
from shorewise.domain.validation import build_scenario
from shorewise.engine.inputs import check_references
from shorewise.errors import ScenarioError

MAX_FILE_BYTES = 2_000_000
SUFFIXES = (".yaml", ".yml", ".toml", ".json")


def read_text(path: str | os.PathLike[str]) -> str:
    """The file's text, or a ScenarioError saying why it cannot be read."""
    p = Path(path)
    where = str(path)
    if not p.exists():
        raise ScenarioError("file not found", source=where)
    if p.is_dir():
        raise ScenarioError("is a directory, not a scenario file", source=where)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ScenarioError(f"cannot read the file ({exc.strerror})", source=where) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise ScenarioError(
            f"file is {len(raw):,} bytes; a scenario is at most {MAX_FILE_BYTES:,}", source=where
        )
    if b"\x00" in raw:
        raise ScenarioError("this is a binary file, not a YAML or TOML scenario", source=where)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScenarioError(
            f"not UTF-8 text (bad byte at position {exc.start}); save it as UTF-8", source=where
        ) from exc


def parse_text(text: str, *, source: str = "<text>", fmt: str | None = None) -> Any:
    """Parse YAML (default) or TOML text into plain data; syntax errors name the line."""
    kind = fmt or ("toml" if source.lower().endswith(".toml") else "yaml")
    if kind == "toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ScenarioError(f"broken TOML: {exc}", source=source) from exc
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ScenarioError(f"broken YAML{where}: {exc.problem}", source=source) from exc
    except yaml.YAMLError as exc:
        raise ScenarioError(f"broken YAML: {exc}", source=source) from exc


def scenario_from_text(text: str, *, source: str = "<text>", fmt: str | None = None) -> Scenario:
    """Validate scenario text fully (fields, then countries and currency)."""
    data = parse_text(text, source=source, fmt=fmt)
    scenario = build_scenario(data, source=source)
    check_references(scenario, source=source)
    return scenario


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Load and validate a scenario file (``.yaml``, ``.yml``, ``.toml`` or ``.json``)."""
    return scenario_from_text(read_text(path), source=str(path))


def scenario_to_yaml(scenario: Scenario) -> str:
    """The scenario as YAML that loads back to an equal Scenario."""
    data = scenario.model_dump(mode="json", exclude_defaults=False)
    data["assumptions"] = {
        key: _plain_distribution(value) for key, value in data.get("assumptions", {}).items()
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def _plain_distribution(value: dict[str, Any]) -> Any:
    kind = value.pop("kind")
    if kind == "fixed":
        return value["value"]
    return {"dist": kind, **{k: v for k, v in value.items() if v is not None}}


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomically(
    path: str | os.PathLike[str], data: bytes | Callable[[BinaryIO], object]
) -> None:
    """Write ``data`` to ``path`` via a temporary file and rename: never a half-written file.

    ``data`` is the bytes, or a function that writes them to an open binary file (so large
    outputs stream to disk instead of being built in memory first).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is for sharing
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                data(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
