"""What the charts draw, read from a :class:`~shorewise.results.result.Result`: percentile
bands and binned distributions only, never raw draws.

A result keeps, per option, P10/P50/P90 per month of paid FTE, effective FTE, burn and
cumulative cost (the percentiles of each draw's cumulative cost, not the sum of monthly
percentiles) over its workstream's months; :func:`chart_data` turns them into long-form
rows per workstream. A report and the web app draw the same rows, from a live result or a
stored one.

Example::

    >>> data = chart_data(result)[0]                     # doctest: +SKIP
    >>> data.bands[0]["label"], data.bands[0]["month"]                # doctest: +SKIP
    ('In-house team at home', 1)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shorewise.report.option_colours import OptionStyle, result_style
from shorewise.results.result import OptionSeries, Result

SERIES = ("paid", "effective", "burn", "cumulative")
"""Monthly series per option: paid FTE, effective FTE, cost per month, cumulative cost."""

QUANTILES = ("p10", "p50", "p90")

Rows = list[dict[str, Any]]
"""Plain JSON-ready rows, one dict each."""


@dataclass(frozen=True)
class ChartData:
    """What one workstream's charts draw, as plain rows.

    ``bands``: one row per option and month (months from 1), ``{series}_{p10,p50,p90}``;
    ``options``: the workstream's option rows (``Result.strategies`` dumped), each with its
    ``label`` and ``cost_per_effective_fte_month_bins``; ``style``: each option's colour
    (the same in every workstream and chart of the result) and the workstream's pick.
    """

    workstream: str
    currency: str
    deterministic: bool
    target_fte: float | None
    bands: Rows
    options: Rows
    style: OptionStyle = field(default_factory=OptionStyle)


def band_rows(series: OptionSeries, label: str, eligible: bool) -> Rows:
    """Long-form monthly rows of one option (``month`` counts from 1, the plan's first)."""
    out: Rows = []
    n = len(series.burn.p50)
    for k in range(n):
        rec: dict[str, Any] = {
            "workstream": series.workstream,
            "option": series.option,
            "label": label,
            "eligible": eligible,
            "month": series.first_month + k,
        }
        for name in SERIES:
            band = getattr(series, name)
            for q in QUANTILES:
                rec[f"{name}_{q}"] = getattr(band, q)[k]
        out.append(rec)
    return out


def chart_data(result: Result) -> list[ChartData]:
    """Each workstream's :class:`ChartData`, in the scenario's order."""
    out = []
    for w, ws in enumerate(result.workstreams):
        rows = result.rows_for(ws.name)
        bands: Rows = []
        options: Rows = []
        for r in rows:
            s = result.series_of(ws.name, r.option)
            if s is not None:
                bands += band_rows(s, r.label, r.eligible)
            options.append(
                {
                    **r.model_dump(mode="json"),
                    "cost_per_effective_fte_month_bins": []
                    if s is None
                    else [b.model_dump() for b in s.cost_per_effective_fte_month_bins],
                }
            )
        out.append(
            ChartData(
                workstream=ws.name,
                currency=result.currency,
                deterministic=result.deterministic,
                target_fte=ws.fte,
                bands=bands,
                options=options,
                style=result_style(result, w),
            )
        )
    return out
