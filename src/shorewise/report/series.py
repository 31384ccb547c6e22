"""Monthly series and distributions the charts draw: percentile bands, never raw draws.

The Monte Carlo run keeps monthly ``(draw, month)`` series for its first draws; from them
each alternative gets P10/P50/P90 per month of paid FTE, effective FTE, burn and
cumulative cost (the percentiles of the cumulative cost per draw, not the sum of monthly
percentiles). A deterministic run has one draw, so its three percentiles coincide.

Every chart is drawn from plain rows, so a report (from a live :class:`Comparison`) and
the web app (from a saved run) draw the same thing: :func:`chart_series` is what a run
keeps beside ``Comparison.to_dict()`` for its charts, :func:`chart_data` reads the two
back into one :class:`ChartData` per workstream, and :func:`comparison_chart_data` does
both for a live comparison.

Example::

    >>> rows = monthly_bands(result)                   # doctest: +SKIP
    >>> rows[0]["option"], rows[0]["month"], rows[0]["burn_p50"]
    ('onshore_inhouse', 1, 12345.6)
    >>> comparison_chart_data(result)[0].target_fte    # doctest: +SKIP
    8.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from shorewise.engine.types import FloatArray, MonthCube
from shorewise.results.comparison import Comparison, Row

SERIES = ("paid", "effective", "burn", "cumulative")
"""Monthly series per alternative: paid FTE, effective FTE, cost per month, cumulative cost."""

QUANTILES = (("p10", 10.0), ("p50", 50.0), ("p90", 90.0))

CHART_SERIES = {"effective": 2, "burn": 0, "cumulative": 0}
"""The series the charts draw, with the decimals a saved run keeps (FTE, money)."""

Rows = list[dict[str, Any]]
"""Plain JSON-ready rows, one dict each."""


@dataclass(frozen=True)
class Band:
    """P10 / P50 / P90 of one monthly series, each ``(month,)``."""

    p10: FloatArray
    p50: FloatArray
    p90: FloatArray


def _band(cube: MonthCube) -> Band:
    low, mid, high = np.percentile(cube, [q for _, q in QUANTILES], axis=0)
    return Band(low, mid, high)


def series_bands(c: Comparison, index: int) -> dict[str, Band]:
    """The bands of alternative ``index`` (position in ``c.rows``) for every series."""
    run = c.run
    burn = run.monthly_burn[index]
    cubes = {
        "paid": run.monthly_paid[index],
        "effective": run.monthly_effective[index],
        "burn": burn,
        "cumulative": np.cumsum(burn, axis=1),
    }
    return {name: _band(cube) for name, cube in cubes.items()}


def label(row: Row) -> str:
    """How charts and tables name an alternative: ``VN team``, ``home vendor``, ``mix: X``."""
    return row.alternative.short_label


def monthly_bands(c: Comparison, workstream: int | None = None) -> list[dict[str, Any]]:
    """Long-form rows ``{workstream, option, label, month, <series>_p10/_p50/_p90}``.

    Months count from 1 (the first month of the plan). Only the workstream's months are
    kept when ``workstream`` is given (its index); otherwise every alternative's full
    horizon.
    """
    out: list[dict[str, Any]] = []
    for i, row in enumerate(c.rows):
        alt = row.alternative
        if workstream is not None and alt.workstream_index != workstream:
            continue
        bands = series_bands(c, i)
        first, last = 0, c.scenario.horizon
        if workstream is not None:
            first = alt.workstream.start_month
            last = min(first + alt.workstream.duration_months, c.scenario.horizon)
        for m in range(first, last):
            rec: dict[str, Any] = {
                "workstream": alt.workstream.name,
                "option": alt.option_name,
                "label": label(row),
                "eligible": row.eligible,
                "month": m + 1,
            }
            for name, band in bands.items():
                for q, _ in QUANTILES:
                    rec[f"{name}_{q}"] = float(getattr(band, q)[m])
            out.append(rec)
    return out


def histogram(values: FloatArray, bins: int = 30) -> list[dict[str, float]]:
    """Binned shares of the finite values: ``[{start, end, share}]`` (shares sum to 1).

    A single value (deterministic run) gives one narrow bin around it.
    """
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return []
    low, high = float(finite.min()), float(finite.max())
    if math.isclose(low, high, rel_tol=1e-9, abs_tol=1e-9):
        half = max(abs(low) * 0.005, 0.5)
        return [{"start": low - half, "end": low + half, "share": 1.0}]
    counts, edges = np.histogram(finite, bins=bins, range=(low, high))
    shares = counts / finite.size
    return [
        {"start": float(edges[k]), "end": float(edges[k + 1]), "share": float(shares[k])}
        for k in range(len(counts))
    ]


def _rounded(value: Any, digits: int) -> float | None:
    number = float(value)
    return round(number, digits) if math.isfinite(number) else None


def chart_series(c: Comparison) -> dict[str, Any]:
    """What a saved run keeps for its charts beside ``c.to_dict()`` (JSON-ready, rounded).

    ``{"workstreams": [{name, target_fte}], "options": [{workstream, option, label,
    cost_per_effective_fte_month_bins: [{start, end, share}]}], "bands": [...]}``:
    ``bands`` are the :func:`monthly_bands` rows of each workstream's own months with the
    :data:`CHART_SERIES` only; money in the scenario's currency,
    non-finite values as ``None``.
    """
    bands: Rows = []
    for w in range(len(c.scenario.workstreams)):
        for row in monthly_bands(c, w):
            kept = {k: v for k, v in row.items() if not k.endswith(("_p10", "_p50", "_p90"))}
            for name, digits in CHART_SERIES.items():
                for q, _ in QUANTILES:
                    kept[f"{name}_{q}"] = _rounded(row[f"{name}_{q}"], digits)
            bands.append(kept)
    options = [
        {
            "workstream": row.alternative.workstream.name,
            "option": row.alternative.option_name,
            "label": label(row),
            "cost_per_effective_fte_month_bins": [
                {
                    "start": round(b["start"], 2),
                    "end": round(b["end"], 2),
                    "share": round(b["share"], 4),
                }
                for b in histogram(c.run.metrics[i].cost_per_effective_fte_month)
            ],
        }
        for i, row in enumerate(c.rows)
    ]
    workstreams = [{"name": ws.name, "target_fte": ws.target_fte} for ws in c.scenario.workstreams]
    return {"workstreams": workstreams, "options": options, "bands": bands}


@dataclass(frozen=True)
class ChartData:
    """What one workstream's charts draw, as plain rows.

    ``bands``: its :func:`monthly_bands` rows (months from 1); ``options``: its rows of
    ``Comparison.to_dict()["strategies"]``, each with its ``label`` and its
    ``cost_per_effective_fte_month_bins``; ``target_fte`` is None when not known.
    """

    workstream: str
    currency: str
    deterministic: bool
    target_fte: float | None
    bands: Rows
    options: Rows


def chart_data(result: Mapping[str, Any], series: Mapping[str, Any]) -> list[ChartData]:
    """Each workstream's :class:`ChartData` from a ``Comparison.to_dict()`` result and its
    :func:`chart_series`, in the scenario's order."""
    more = {(o["workstream"], o["option"]): o for o in series.get("options", [])}
    options: dict[str, Rows] = {}
    for row in result.get("strategies", []):
        extra = more.get((row["workstream"], row["option"]), {})
        options.setdefault(row["workstream"], []).append(
            {
                **row,
                "label": extra.get("label", row["option"]),
                "cost_per_effective_fte_month_bins": extra.get(
                    "cost_per_effective_fte_month_bins", []
                ),
            }
        )
    targets = {w["name"]: w.get("target_fte") for w in series.get("workstreams", [])}
    bands: dict[str, Rows] = {}
    for band in series.get("bands", []):
        bands.setdefault(band["workstream"], []).append(band)
    return [
        ChartData(
            workstream=name,
            currency=str(result.get("currency", "")),
            deterministic=not result.get("samples"),
            target_fte=targets.get(name),
            bands=bands.get(name, []),
            options=options.get(name, []),
        )
        for name in dict.fromkeys([*targets, *options])
    ]


def comparison_chart_data(c: Comparison) -> list[ChartData]:
    """Each workstream's :class:`ChartData` of a live comparison (what a saved run of it
    would give)."""
    return chart_data(c.to_dict(), chart_series(c))
