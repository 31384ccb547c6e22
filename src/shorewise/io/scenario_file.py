"""Read and write scenario files (YAML or TOML), with clean errors for every bad file.

A missing file, a directory, binary junk, broken YAML/TOML, an empty file, a file that
is not a mapping, a key given twice (YAML: every duplicate with its line; TOML's parser
refuses them) or data nested absurdly deep each raise
:class:`~shorewise.errors.ScenarioError` naming the file (and the line where the parser
knows it). Valid syntax with invalid content goes through the one complete validation
(:mod:`shorewise.io.scenario_check`), which lists every problem at once.

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

from shorewise.domain.limits import MAX_FILE_BYTES, nesting_problem
from shorewise.domain.scenario import Scenario
from shorewise.errors import Problem, ScenarioError, problems_found
from shorewise.io.scenario_check import scenario_from_data

__all__ = [
    "MAX_FILE_BYTES",
    "load_scenario",
    "parse_text",
    "read_text",
    "scenario_from_text",
    "scenario_to_yaml",
    "write_atomically",
]
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


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML's safe loader, noting every key given twice in one mapping (with its line)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[int, Problem]] = []  # (line, problem)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue  # `<<: *base` merges keys that the mapping may override
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            try:
                first = seen.get(key)
            except TypeError:  # an unhashable key: the base loader reports it
                continue
            if first is None:
                seen[key] = line
            else:
                problem = Problem(str(key), f"given twice (line {first} and line {line}); keep one")
                self.duplicates.append((line, problem))
        return super().construct_mapping(node, deep=deep)


def _load_yaml(text: str) -> Any:
    loader = _UniqueKeyLoader(text)
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    if loader.duplicates:
        dupes = tuple(problem for _, problem in sorted(loader.duplicates, key=lambda d: d[0]))
        raise ScenarioError(problems_found(len(dupes), "the file: duplicate keys"), problems=dupes)
    return data


_PARSER_DEPTH = 100  # bracket levels refused before parsing (the parsers recurse on them)


def _bracket_depth(text: str, stop: int = _PARSER_DEPTH) -> int:
    """Deepest ``[``/``{`` nesting outside quotes and comments (stops counting at ``stop``)."""
    depth = deepest = 0
    quote = ""
    comment = False
    for char in text:
        if comment:
            comment = char != "\n"
        elif quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "#":
            comment = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest >= stop:
                break
        elif char in "]}":
            depth -= 1
    return deepest


def parse_text(text: str, *, source: str = "<text>", fmt: str | None = None) -> Any:
    """Parse YAML (default) or TOML text into plain data; syntax errors name the line.

    Refuses duplicate keys and data nested deeper than ``MAX_DEPTH`` levels.
    """
    kind = fmt or ("toml" if source.lower().endswith(".toml") else "yaml")
    if _bracket_depth(text) >= _PARSER_DEPTH:
        raise ScenarioError(
            f"brackets nested {_PARSER_DEPTH} levels deep or more; a scenario needs at most 4",
            source=source,
        )
    try:
        data = tomllib.loads(text) if kind == "toml" else _load_yaml(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"broken TOML: {exc}", source=source) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ScenarioError(f"broken YAML{where}: {exc.problem}", source=source) from exc
    except yaml.YAMLError as exc:
        raise ScenarioError(f"broken YAML: {exc}", source=source) from exc
    except ScenarioError as exc:
        raise ScenarioError(exc.message, source=source, problems=exc.problems) from exc
    except RecursionError as exc:
        raise ScenarioError("nested too deeply to read; check the brackets", source=source) from exc
    deep = nesting_problem(data)
    if deep:
        raise ScenarioError(deep, source=source)
    return data


def scenario_from_text(
    text: str,
    *,
    source: str = "<text>",
    fmt: str | None = None,
    base_dir: str | os.PathLike[str] | None = None,
    refuse_rate_card: str | None = None,
) -> Scenario:
    """Parse and validate scenario text completely (every problem at once); a relative
    rate-card path is taken from ``base_dir``; ``refuse_rate_card``: see
    :func:`~shorewise.io.scenario_check.scenario_from_data`."""
    data = parse_text(text, source=source, fmt=fmt)
    return scenario_from_data(
        data, source=source, base_dir=base_dir, refuse_rate_card=refuse_rate_card
    )


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Load and validate a scenario file (``.yaml``, ``.yml``, ``.toml`` or ``.json``); its
    relative paths (``rate_card``) are read from the file's folder (``scenario.base_dir``)."""
    folder = Path(path).parent
    scenario = scenario_from_text(read_text(path), source=str(path), base_dir=folder)
    return scenario.with_base_dir(folder.resolve())


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
