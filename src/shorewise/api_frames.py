"""Notebook helpers on a :class:`~shorewise.results.result.Result`: pandas frames of the
monthly bands and of every draw, and the reports' own Altair charts.

- :func:`monthly_frame` — one row per workstream x option x month (1-based months from the
  scenario's start): P10/P50/P90 of the month's cost (``cost_*``, scenario currency), its
  cumulative cost (``cumulative_cost_*``) and its effective capacity (``capacity_*``,
  onshore-equivalent FTE);
- :func:`draws_frame` — one row per draw, one column per option and figure
  (``platform / offshore_inhouse@VN | total_cost``) and per sampled input
  (``input | vendor_margin``): needs the live result of ``shorewise.evaluate``;
- :func:`charts` — the charts of one workstream as the HTML report draws them, by name
  (``cumulative``, ``burn``, ``capacity``, ``cost-per-fte``, ``categories``).

Needs pandas (``shorewise[frame]``); charts need ``shorewise[report]``.

Example::

    >>> result = shorewise.evaluate(scenario, samples=2000)              # doctest: +SKIP
    >>> shorewise.monthly_frame(result).columns[:4].tolist()              # doctest: +SKIP
    ['workstream', 'option', 'label', 'month']
    >>> shorewise.charts(result)["cumulative"]                            # doctest: +SKIP
    alt.LayerChart(...)
"""

from __future__ import annotations

from typing import Any

from shorewise.errors import ReportError
from shorewise.results.result import Result

__all__ = ["charts", "draws_frame", "monthly_frame"]

_MEASURES = (("cost", "burn"), ("cumulative_cost", "cumulative"), ("capacity", "effective"))


def monthly_frame(result: Result) -> Any:
    """The monthly bands as a tidy pandas frame (see module doc)."""
    import pandas as pd

    labels = {(r.workstream, r.option): r.label for r in result.strategies}
    records: list[dict[str, Any]] = []
    for s in result.series:
        months = len(s.burn.p50)
        for k in range(months):
            rec: dict[str, Any] = {
                "workstream": s.workstream,
                "option": s.option,
                "label": labels.get((s.workstream, s.option), s.option),
                "month": s.first_month + k,
            }
            for name, field in _MEASURES:
                band = getattr(s, field)
                for p in ("p10", "p50", "p90"):
                    rec[f"{name}_{p}"] = getattr(band, p)[k]
            records.append(rec)
    columns = ["workstream", "option", "label", "month"] + [
        f"{name}_{p}" for name, _ in _MEASURES for p in ("p10", "p50", "p90")
    ]
    return pd.DataFrame.from_records(records, columns=columns)


def draws_frame(result: Result) -> Any:
    """Every draw of the run as a pandas frame (see module doc); raises ``ReportError``
    for a result without its draws (read from a file, or from ``evaluate_many``)."""
    import pandas as pd

    from shorewise.io.draws import draw_columns

    if result.live is None:
        raise ReportError(
            "this result does not hold its draws (read from a file or returned by "
            "evaluate_many); run shorewise.evaluate(scenario) to get them"
        )
    return pd.DataFrame(draw_columns(result.live))


def charts(result: Result, workstream: int | str = 0, *, width: int = 520) -> dict[str, Any]:
    """The report's charts of one workstream (index or name), by name (see module doc)."""
    from shorewise.report.charts import workstream_charts
    from shorewise.report.series import chart_data

    names = [w.name for w in result.workstreams]
    index = names.index(workstream) if workstream in names else workstream
    if not isinstance(index, int) or not 0 <= index < len(names):
        raise ReportError(f"no workstream {workstream!r}; the result has: {', '.join(names)}")
    items = workstream_charts(chart_data(result)[index], index, width=width)
    return {item.key.rsplit("-", 1)[0]: _altair(item.spec) for item in items}


def _altair(spec: dict[str, Any]) -> Any:
    """An Altair chart object of a Vega-Lite spec (it displays in a notebook)."""
    import altair as alt

    kinds: dict[str, Any] = {
        "layer": alt.LayerChart,
        "vconcat": alt.VConcatChart,
        "hconcat": alt.HConcatChart,
    }
    kind = next((k for k in kinds if k in spec), None)
    return (kinds[kind] if kind else alt.Chart).from_dict(spec, validate=False)
