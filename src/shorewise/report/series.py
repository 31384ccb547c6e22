"""Monthly series and distributions a report draws: percentile bands, never raw draws.

The Monte Carlo run keeps monthly ``(draw, month)`` series for its first draws; from them
each alternative gets P10/P50/P90 per month of paid FTE, effective FTE, burn and
cumulative cost (the percentiles of the cumulative cost per draw, not the sum of monthly
percentiles). A deterministic run has one draw, so its three percentiles coincide.

Example::

    >>> rows = monthly_bands(result)                   # doctest: +SKIP
    >>> rows[0]["option"], rows[0]["month"], rows[0]["burn_p50"]
    ('onshore_inhouse', 1, 12345.6)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from shorewise.engine.types import FloatArray, MonthCube
from shorewise.results.comparison import Comparison, Row

SERIES = ("paid", "effective", "burn", "cumulative")
"""Monthly series per alternative: paid FTE, effective FTE, cost per month, cumulative cost."""

QUANTILES = (("p10", 10.0), ("p50", 50.0), ("p90", 90.0))


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
