"""The last check before a result is written: only finite, sensible numbers go out.

Inputs are validated so that this never fires; if the model still produces a NaN, an
infinity, or a missing or negative cost, the result is refused with a clear
:class:`~shorewise.errors.ModelError` naming each figure, instead of printing garbage or
crashing in the JSON encoder. Call it on a result's JSON dump (``Result.to_dict()``)
before any rendering: JSON, tables, Markdown, reports, storage.

Example::

    >>> check_result_numbers({"strategies": [{"option": "x", "total_cost": {"p50": 1.0}}]})
    >>> check_result_numbers({"plan": {"npv_cost": {"p50": float("nan")}}})
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    shorewise.errors.ModelError: the result holds numbers that cannot be shown; ...
      - plan.npv_cost.p50: not a finite number (nan)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from shorewise.errors import ModelError, Problem, ReportError

MONEY_FIGURES = ("total_cost", "npv_cost")
"""Percentile objects of each strategy row that must be numbers, never negative."""
PERCENTILES = ("p10", "p50", "p90", "mean")
_MAX_PROBLEMS = 20


def _walk(value: Any, path: str, out: list[Problem]) -> None:
    stack = [(value, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            out.append(Problem(where, f"not a finite number ({item})"))
        elif isinstance(item, Mapping):
            stack.extend((v, f"{where}.{k}" if where else str(k)) for k, v in item.items())
        elif isinstance(item, list | tuple):
            stack.extend((v, f"{where}.{i}") for i, v in enumerate(item))


def _money(rows: Any, out: list[Problem]) -> None:
    for i, row in enumerate(rows if isinstance(rows, list) else []):
        if not isinstance(row, Mapping):
            continue
        for figure in MONEY_FIGURES:
            numbers = row.get(figure)
            if not isinstance(numbers, Mapping):
                continue
            for name in PERCENTILES:
                value = numbers.get(name)
                where = f"strategies.{i}.{figure}.{name} ({row.get('option', '?')})"
                if value is None and name in numbers:
                    out.append(Problem(where, "missing (null)"))
                elif isinstance(value, int | float) and value < 0:
                    out.append(Problem(where, f"negative ({value:,.2f})"))


def check_result_numbers(data: Mapping[str, Any]) -> None:
    """Raise ModelError if ``data`` (a result's JSON dump) holds a NaN or an infinity
    anywhere, or a missing or negative total or NPV cost in a strategy row."""
    problems: list[Problem] = []
    _walk(data, "", problems)
    _money(data.get("strategies"), problems)
    if problems:
        problems.sort(key=lambda p: p.field)
        shown = tuple(problems[:_MAX_PROBLEMS])
        more = len(problems) - len(shown)
        raise ModelError(
            "the result holds numbers that cannot be shown; nothing was written. This is a "
            "bug in shorewise: please report it with the scenario"
            + (f" ({more} more not listed)" if more else ""),
            problems=shown,
        )


def output_format(path: str | Path, formats: Sequence[str], what: str, instead: str) -> str:
    """The extension of ``path`` when it is one of ``formats``, checked before a long run.

    Raises ``ReportError`` naming the file for another extension, or for ``.parquet``
    without pyarrow (``instead`` says what to use then).

    >>> output_format("out/run.CSV", (".jsonl", ".csv"), "a sweep", "")
    '.csv'
    """
    suffix = Path(path).suffix.lower()
    if suffix not in formats:
        raise ReportError(
            f"cannot write {what} as {suffix or 'a file without an extension'!r}; "
            f"use one of: {', '.join(formats)}",
            source=str(path),
        )
    if suffix == ".parquet":
        try:
            import pyarrow  # type: ignore[import-untyped]  # noqa: F401
        except ImportError as exc:
            raise ReportError(
                f"writing Parquet needs pyarrow (pip install pyarrow); or use {instead}",
                source=str(path),
            ) from exc
    return suffix
