"""Charts of the trade-offs behind the pick: how the scores move with each weight, and what
each option costs for what it gives.

- :func:`weight_sensitivity_chart`: one panel per criterion; its weight runs from 0 to 1
  with the others rescaled in proportion (their ratios kept), the score of every eligible
  option drawn against it, the scenario's weight as a rule and every change of the first
  place marked where it happens;
- :func:`value_for_money_chart`: total cost (P50, P10–P90 bar) against the benefit score
  (the weighted score on everything but cost), the Pareto frontier (no other option both
  cheaper and better) joined and labelled.

Scores are the recommendation's: the P50 criteria (``OptionRow.criteria``) normalised the
same way (linear, over the workstream's eligible options) and weighted by
``Result.weights``. Each score is a straight line in one weight, so the switches are exact
(:func:`weight_switches`).

Example::

    >>> n = {"A": [1.0, 0.2], "B": [0.5, 1.0]}   # normalised (cost, speed)
    >>> weight_switches(n, {"cost": 0.5, "speed": 0.5}, ["cost", "speed"], "cost")
    [(0.615, 'B', 'A')]
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from shorewise.decision.criteria import DIRECTIONS, NORMALISATION
from shorewise.decision.normalise import NORMALISATIONS
from shorewise.report.chart_style import (
    FONT,
    ChartItem,
    Datasets,
    Layer,
    Spec,
    alt_module,
    unchecked,
)
from shorewise.report.option_colours import OptionStyle, result_style
from shorewise.results.result import OptionRow, Result

__all__ = [
    "normalised_criteria",
    "pareto_front",
    "tradeoff_items",
    "value_for_money_chart",
    "weight_sensitivity_chart",
    "weight_switches",
]

EDGE = 0.005
"""A change of first place within this of 100 % is a tie at the edge, not a switch."""

Normalised = Mapping[str, Sequence[float]]
"""Option label -> its normalised criteria (in criterion order), 1 = best."""


def normalised_criteria(
    rows: Sequence[OptionRow], criteria: Sequence[str]
) -> dict[str, list[float]]:
    """The eligible rows' P50 criteria normalised as the recommendation does (risk scored as
    safety = 1 - risk, floored at 0.01). Rows without criteria are left out."""
    rows = [r for r in rows if r.eligible and r.criteria]
    if not rows:
        return {}
    raw = np.array([[float(r.criteria[c]) for c in criteria] for r in rows])  # type: ignore[index]
    risk = list(criteria).index("risk")
    raw[:, risk] = np.maximum(0.01, 1.0 - raw[:, risk])
    normalised = NORMALISATIONS[NORMALISATION](raw, DIRECTIONS)
    return {r.label: [float(v) for v in normalised[k]] for k, r in enumerate(rows)}


def _scores(n: Normalised, weights: Sequence[float]) -> dict[str, float]:
    return {name: float(np.dot(values, weights)) for name, values in n.items()}


def _varied(weights: Mapping[str, float], criteria: Sequence[str], c: str, t: float) -> list[float]:
    """The weights with ``c`` at ``t`` and the others rescaled to ``1 - t`` in proportion."""
    rest = sum(w for k, w in weights.items() if k != c)
    out = []
    for k in criteria:
        if k == c:
            out.append(t)
        elif rest > 0:
            out.append(weights[k] * (1 - t) / rest)
        else:
            out.append((1 - t) / (len(criteria) - 1))
    return out


def weight_switches(
    n: Normalised, weights: Mapping[str, float], criteria: Sequence[str], c: str
) -> list[tuple[float, str, str]]:
    """Where the first place changes as the weight on ``c`` runs from 0 to 1 (short of
    :data:`EDGE` before 1): ``[(weight, from, to)]``, the weight rounded to 3 decimals."""
    if len(n) < 2:
        return []
    ends = {
        t: _scores(n, _varied(weights, criteria, c, t)) for t in (0.0, 1.0)
    }  # every score is linear in t
    names = list(n)

    def score(name: str, t: float) -> float:
        return ends[0.0][name] + t * (ends[1.0][name] - ends[0.0][name])

    def rise(name: str) -> float:
        return ends[1.0][name] - ends[0.0][name]

    out: list[tuple[float, str, str]] = []
    t = 0.0
    current = max(names, key=lambda name: (score(name, 0.0), rise(name)))
    while True:
        crossings = []  # (where, -its rise, option): where it overtakes; steepest first on a tie
        for other in names:
            slope = rise(other) - rise(current)
            if other == current or slope <= 1e-12:
                continue
            at = max(t, t + (score(current, t) - score(other, t)) / slope)
            if at < 1.0 - EDGE:
                crossings.append((round(at, 9), -rise(other), other))
        if not crossings:
            return out
        at, _, nxt = min(crossings)
        if out and out[-1][0] == round(at, 3):  # three or more lines meet: one switch
            out[-1] = (out[-1][0], out[-1][1], nxt)
        else:
            out.append((round(at, 3), current, nxt))
        t, current = at, nxt


@unchecked
def weight_sensitivity_chart(
    n: Normalised,
    weights: Mapping[str, float],
    criteria: Sequence[str],
    *,
    style: OptionStyle,
    order: Sequence[str] = (),
    width: int = 520,
    validate: bool = False,
) -> Spec:
    """Scores against each weight in turn (one small panel per criterion); ``style``: the
    result's option colours and pick (:func:`~shorewise.report.option_colours.result_style`),
    ``order``: option labels in legend order."""
    alt = alt_module()
    rows: list[dict[str, Any]] = []
    for c in criteria:
        for t in (0.0, 1.0):
            for name, score in _scores(n, _varied(weights, criteria, c, t)).items():
                rows.append(
                    {"criterion": c, "kind": "line", "weight": t, "label": name, "score": score}
                )
        rows.append({"criterion": c, "kind": "now", "weight": float(weights.get(c, 0.0))})
        for at, before, after in weight_switches(n, weights, criteria, c):
            score = _scores(n, _varied(weights, criteria, c, at))[after]
            rows.append(
                {
                    "criterion": c,
                    "kind": "switch",
                    "weight": at,
                    "score": score,
                    "text": f"{after} overtakes {before} at {at:.0%}",
                }
            )
    colors = style.scale([*order, *n])
    sets = Datasets()
    base = alt.Chart(sets.data("weights", rows))
    x = alt.X(
        "weight:Q",
        title="weight",
        scale=alt.Scale(domain=[0, 1]),
        axis=alt.Axis(format="%", tickCount=3),
    )
    lines = (
        base.transform_filter("datum.kind == 'line'")
        .mark_line()
        .encode(
            x=x,
            y=alt.Y("score:Q", title="score", scale=alt.Scale(domain=[0, 1])),
            color=alt.Color("label:N", scale=colors, title="option", legend=style.legend()),
            strokeWidth=style.emphasis(),
        )
    )
    now = (
        base.transform_filter("datum.kind == 'now'")
        .mark_rule(color="#555", strokeDash=[3, 3])
        .encode(x=x)
    )
    switches = (
        base.transform_filter("datum.kind == 'switch'")
        .mark_point(shape="circle", size=70, color="#111", filled=False, strokeWidth=2)
        .encode(
            x=x, y=alt.Y("score:Q"), tooltip=[alt.Tooltip("text:N", title="first place changes")]
        )
    )
    panel = max(90, (width - 60) // 3)
    chart = (
        alt.layer(lines, now, switches)
        .properties(width=panel, height=110)
        .facet(facet=alt.Facet("criterion:N", title=None, sort=list(criteria)), columns=3)
    )
    return sets.finish(chart, validate=validate)


def _benefit(
    values: Sequence[float], weights: Mapping[str, float], criteria: Sequence[str]
) -> float:
    others = [
        (weights.get(c, 0.0), v) for c, v in zip(criteria, values, strict=True) if c != "cost"
    ]
    total = sum(w for w, _ in others)
    if total <= 0:
        return float(np.mean([v for _, v in others]))
    return sum(w * v for w, v in others) / total


def pareto_front(points: Mapping[str, tuple[float, float]]) -> list[str]:
    """The options no other beats on both cost (lower) and benefit (higher), cheapest first.

    >>> pareto_front({"A": (10, 0.5), "B": (12, 0.9), "C": (13, 0.6)})
    ['A', 'B']
    """
    front = [
        a
        for a, (ca, ba) in points.items()
        if not any(
            (cb <= ca and bb >= ba) and (cb < ca or bb > ba)
            for b, (cb, bb) in points.items()
            if b != a
        )
    ]
    return sorted(front, key=lambda name: points[name][0])


@unchecked
def value_for_money_chart(
    rows: Sequence[OptionRow],
    n: Normalised,
    weights: Mapping[str, float],
    criteria: Sequence[str],
    currency: str,
    *,
    style: OptionStyle,
    order: Sequence[str] = (),
    width: int = 520,
    validate: bool = False,
) -> Spec:
    """Total cost against the benefit score, with the Pareto frontier (``style`` and
    ``order`` as in :func:`weight_sensitivity_chart`; the pick's dot larger, its name in
    bold)."""
    alt = alt_module()
    points = {}
    data: list[dict[str, Any]] = []
    for r in rows:
        if r.label not in n:
            continue
        mid = r.total_cost.value()
        if mid is None or not math.isfinite(mid):
            continue
        benefit = _benefit(n[r.label], weights, criteria)
        points[r.label] = (mid, benefit)
        data.append(
            {
                "label": r.label,
                "benefit": benefit,
                "cost": mid,
                "low": r.total_cost.value("p10"),
                "high": r.total_cost.value("p90"),
            }
        )
    front = pareto_front(points)
    for d in data:
        d["frontier"] = d["label"] in front
        d["rank"] = front.index(str(d["label"])) if d["frontier"] else -1
    colors = style.scale([*order, *(str(d["label"]) for d in data)])
    sets = Datasets()
    base = alt.Chart(sets.data("value", data))
    x = alt.X(
        "benefit:Q",
        title="benefit score (everything but cost, weighted)",
        scale=alt.Scale(zero=False, padding=20),
    )
    y = alt.Y(
        "cost:Q",
        title=f"total cost ({currency})",
        scale=alt.Scale(zero=False),
        axis=alt.Axis(format="~s"),
    )
    bars = base.mark_rule(strokeWidth=2, opacity=0.5).encode(
        x=x,
        y=alt.Y("low:Q"),
        y2=alt.Y2("high:Q"),
        color=alt.Color("label:N", scale=colors, legend=None),
    )
    frontier = (
        base.transform_filter("datum.frontier")
        .mark_line(color="#111", strokeDash=[4, 3])
        .encode(x=x, y=y, order=alt.Order("rank:Q"))
    )
    dots = base.mark_point(filled=True).encode(
        x=x,
        y=y,
        color=alt.Color("label:N", scale=colors, title="option", legend=style.legend()),
        size=style.emphasis(110, 220, "Size"),
        shape=alt.Shape(
            "frontier:N",
            scale=alt.Scale(domain=[True, False], range=["circle", "square"]),
            legend=None,
        ),
        tooltip=[
            alt.Tooltip("label:N", title="option"),
            alt.Tooltip("cost:Q", title="total cost P50", format=",.0f"),
            alt.Tooltip("benefit:Q", title="benefit score", format=".2f"),
            alt.Tooltip("frontier:N", title="on the frontier"),
        ],
    )
    texts = [
        base.transform_filter(test)
        .mark_text(dx=9, align="left", fontSize=10, font=FONT, color="#333", fontWeight=weight)
        .encode(x=x, y=y, text=alt.Text("label:N"))
        for test, weight in ((f"!({style.test()})", "normal"), (style.test(), "bold"))
    ]
    chart = Layer(bars, frontier, dots, *texts).properties(width=width - 40, height=240)
    return sets.finish(chart, validate=validate)


def tradeoff_items(c: Result, *, width: int = 520, validate: bool = False) -> list[ChartItem]:
    """Both charts for every workstream with two or more scored options (none without
    weights, e.g. a result written before they were stored)."""
    if not c.weights:
        return []
    criteria = list(c.weights)
    items = []
    several = len(c.workstreams) > 1
    for w, ws in enumerate(c.workstreams):
        rows = c.rows_for(w)
        n = normalised_criteria(rows, criteria)
        if len(n) < 2:
            continue
        order = [r.label for r in rows]
        style = result_style(c, w)
        which = f" Workstream: {ws.name}." if several else ""
        switches = [
            f"{after} overtakes {before} when the weight on {crit} reaches {at:.0%}"
            for crit in criteria
            for at, before, after in weight_switches(n, c.weights, criteria, crit)
        ]
        items.append(
            ChartItem(
                f"weights-{w}",
                "How the scores move with each weight",
                "Each panel runs one weight from 0 to 100 %, the others kept in proportion; "
                "the dashed rule is your weight, circles mark where the first place changes"
                + (": " + "; ".join(switches[:4]) + "." if switches else " (it never does).")
                + which,
                weight_sensitivity_chart(
                    n,
                    c.weights,
                    criteria,
                    style=style,
                    order=order,
                    width=width,
                    validate=validate,
                ),
            )
        )
        items.append(
            ChartItem(
                f"value-for-money-{w}",
                "Value for money",
                "Total cost (P50, bar P10–P90) against the benefit score on everything but "
                "cost; the dashed line joins the options no other beats on both." + which,
                value_for_money_chart(
                    rows,
                    n,
                    c.weights,
                    criteria,
                    c.currency,
                    style=style,
                    order=order,
                    width=width,
                    validate=validate,
                ),
            )
        )
    return items
