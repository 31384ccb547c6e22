"""The variants of a sweep: ``--grid KEY=V1,V2,...`` axes and the scenarios they make.

A key is any assumption name (``vendor_margin``, ``offshore_wage_ratio@VN``), a
workstream field ``workstreams.N.fte`` / ``workstreams.N.duration_months`` (``N`` counts
from 0), ``offshore_countries`` (one variant's countries joined with ``+``: ``VN+PL``) or
``weights.CRITERION`` (``cost``, ``speed``, ``control``, ``scalability``, ``risk``). Values
are written as in a scenario file (``0.35``, ``30%``, ``20%..40%``). The variants are
every combination, the last axis changing fastest; each is validated like a file, and a bad
key or value raises :class:`~shorewise.errors.ScenarioError` naming the ``--grid`` key.

Example::

    >>> axes = parse_grid(["vendor_margin=0.2,0.4", "workstreams.0.fte=4,8"])
    >>> [a.key for a in axes], axes[1].values
    (['vendor_margin', 'workstreams.0.fte'], ('4', '8'))
    >>> [v for v in settings_of(axes)][1]
    {'vendor_margin': '0.2', 'workstreams.0.fte': '8'}
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shorewise.domain.catalogue import CATALOGUE
from shorewise.domain.scenario import Scenario
from shorewise.domain.weight_spec import CRITERIA
from shorewise.errors import Problem, ScenarioError
from shorewise.io.scenario_check import check_scenario

__all__ = [
    "MAX_VARIANTS",
    "WORKSTREAM_FIELDS",
    "GridAxis",
    "Variant",
    "apply_settings",
    "parse_grid",
    "settings_of",
    "variants_of",
]

MAX_VARIANTS = 100_000
"""Variants one sweep may have (the product of the axes' lengths)."""
WORKSTREAM_FIELDS = ("fte", "duration_months")
_ALLOWED_KEYS = (
    "an assumption name (see `shorewise assumptions`), workstreams.N.fte, "
    "workstreams.N.duration_months, offshore_countries or weights.CRITERION "
    f"({', '.join(CRITERIA)})"
)


@dataclass(frozen=True)
class GridAxis:
    """One ``--grid`` option: a key and the values it takes, as written."""

    key: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Variant:
    """One combination of grid values and the validated scenario it gives."""

    index: int
    settings: dict[str, str]
    scenario: Scenario


def _grid_error(key: str, message: str) -> ScenarioError:
    return ScenarioError(
        "a --grid option is not valid", source="--grid", problems=(Problem(key, message),)
    )


def _check_key(key: str) -> None:
    name = key.partition("@")[0]
    if name in CATALOGUE or key == "offshore_countries":
        return
    parts = key.split(".")
    if parts[0] == "weights" and len(parts) == 2 and parts[1] in CRITERIA:
        return
    if parts[0] == "workstreams" and len(parts) == 3 and parts[2] in WORKSTREAM_FIELDS:
        if parts[1].isdigit():
            return
        raise _grid_error(key, f"N in workstreams.N.{parts[2]} is a number from 0")
    raise _grid_error(key, f"unknown key; use {_ALLOWED_KEYS}")


def parse_grid(texts: Sequence[str]) -> list[GridAxis]:
    """The axes of ``KEY=V1,V2,...`` texts; raises ``ScenarioError`` naming a bad one.

    >>> parse_grid(["nonsense=1"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    shorewise.errors.ScenarioError: --grid: a --grid option is not valid
      - nonsense: unknown key; use an assumption name ...
    """
    axes: list[GridAxis] = []
    for text in texts:
        key, sep, rest = text.partition("=")
        key = key.strip()
        values = tuple(v.strip() for v in rest.split(","))
        if not sep or not key:
            raise _grid_error(text, "write KEY=V1,V2,... (e.g. vendor_margin=0.2,0.3)")
        if any(not v for v in values):
            raise _grid_error(key, "a value is empty; separate values with single commas")
        _check_key(key)
        if any(a.key == key for a in axes):
            raise _grid_error(key, "given twice; list all its values in one --grid")
        axes.append(GridAxis(key, values))
    if not axes:
        raise _grid_error("", "give at least one --grid KEY=V1,V2,...")
    count = 1
    for axis in axes:
        count *= len(axis.values)
    if count > MAX_VARIANTS:
        raise _grid_error(
            axes[-1].key, f"{count:,} variants; a sweep may have at most {MAX_VARIANTS:,}"
        )
    return axes


def settings_of(axes: Sequence[GridAxis]) -> Iterator[dict[str, str]]:
    """Every combination of the axes' values, the last axis changing fastest."""
    for combo in itertools.product(*(a.values for a in axes)):
        yield {a.key: v for a, v in zip(axes, combo, strict=True)}


def _number(key: str, value: str) -> float:
    try:
        return float(value.replace("_", ""))
    except ValueError:
        raise _grid_error(key, f"{value!r} is not a number") from None


def _workstream_change(
    scenario: Scenario, key: str, value: str, changed: dict[int, dict[str, Any]]
) -> None:
    _, index_text, field = key.split(".")
    index = int(index_text)
    if index >= len(scenario.workstreams):
        raise _grid_error(
            key,
            f"there is no workstream {index}; the scenario has {len(scenario.workstreams)} "
            f"(numbered from 0)",
        )
    number = _number(key, value)
    if field == "duration_months":
        if not number.is_integer():
            raise _grid_error(key, f"{value!r} is not a whole number of months")
        changed.setdefault(index, {})[field] = int(number)
    else:
        changed.setdefault(index, {})["fte"] = number
        changed[index]["team"] = None


def _changes(scenario: Scenario, settings: dict[str, str]) -> dict[str, Any]:
    assumptions: dict[str, Any] = {}
    weights: dict[str, Any] = {}
    workstreams: dict[int, dict[str, Any]] = {}
    changes: dict[str, Any] = {}
    for key, value in settings.items():
        if key == "offshore_countries":
            changes[key] = [c.strip() for c in value.split("+")]
        elif key.startswith("weights."):
            weights[key.partition(".")[2]] = value if "%" in value else _number(key, value)
        elif key.startswith("workstreams."):
            _workstream_change(scenario, key, value, workstreams)
        else:
            assumptions[key] = value
    if assumptions:
        changes["assumptions"] = {**scenario.assumptions, **assumptions}
    if weights:
        changes["weights"] = {**scenario.weights.model_dump(), **weights}
    if workstreams:
        changes["workstreams"] = [
            {**w.model_dump(), **workstreams.get(i, {})} for i, w in enumerate(scenario.workstreams)
        ]
    return changes


def _variant_error(settings: dict[str, str], exc: ScenarioError) -> ScenarioError:
    shown = ", ".join(f"{k}={v}" for k, v in settings.items())
    problems = exc.problems or (Problem("", exc.message),)
    return ScenarioError(
        f"the variant {shown} is not a valid scenario", source="--grid", problems=problems
    )


def apply_settings(
    scenario: Scenario,
    settings: dict[str, str],
    *,
    samples: int | None = None,
    base_dir: str | Path | None = None,
) -> Scenario:
    """``scenario`` with the grid ``settings`` (key -> value as written), validated again
    completely (market data and rate card included) for a run of ``samples`` draws.

    Raises ``ScenarioError`` whose problems name each ``--grid`` key that is wrong.
    """
    try:
        changed = scenario.replace(**_changes(scenario, settings))
        return check_scenario(changed, base_dir=base_dir, samples=samples)[0]
    except ScenarioError as exc:
        raise _variant_error(settings, exc) from exc


def variants_of(
    scenario: Scenario,
    axes: Sequence[GridAxis],
    *,
    samples: int | None = None,
    base_dir: str | Path | None = None,
) -> list[Variant]:
    """Every variant of ``scenario`` over ``axes``, each validated (see module doc)."""
    return [
        Variant(i, settings, apply_settings(scenario, settings, samples=samples, base_dir=base_dir))
        for i, settings in enumerate(settings_of(axes))
    ]
