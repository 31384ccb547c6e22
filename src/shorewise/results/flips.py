"""What would change the answer: the threshold of each key input where the pick flips.

For each key input the model is re-run at central values (every other input at its
median) over the input's plausible range; the weighted-sum score of the recommended
option is compared with the best other eligible option, and the crossing is found by
bisection. Inputs: the work's duration, the vendor margin, the offshore wage ratio, the
recommended option's productivity, and the cost weight. Risk (from the Monte Carlo run)
and control are held fixed. A condition reads e.g. "below 9 months, onshore_outsource
would rank first (now 36 months)"; "no flip within the plausible range" when none.

Example::

    >>> flip_conditions(ctx, decision)[0]                         # doctest: +SKIP
    'Duration: below 9 months, offshore_outsource@VN would rank first (now 36 months)'
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from shorewise.decision import weighted_sum
from shorewise.decision.criteria import DIRECTIONS, NORMALISATION, censored_speed, weight_vector
from shorewise.domain.scenario import Scenario
from shorewise.engine.alternatives import simulate_alternative
from shorewise.engine.metrics import draw_metrics
from shorewise.engine.params import option_params
from shorewise.results.context import RunContext
from shorewise.results.recommend import Decision

GRID = 13
BISECTIONS = 14


@dataclass(frozen=True)
class Variant:
    """The model at one value of a flip input: another scenario (duration), other weights,
    or central values overridden by key (assumptions)."""

    scenario: Scenario
    weights: np.ndarray | None = None
    central: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class FlipInput:
    """One input to vary: a label, the baseline value, the plausible range, a formatter."""

    label: str
    baseline: float
    low: float
    high: float
    apply: Callable[[float], Variant]
    fmt: Callable[[float], str]
    integer: bool = False


def _matrix(ctx: RunContext, decision: Decision, variant: Variant) -> np.ndarray:
    """The central decision matrix of the scored rows for one variant of the model."""
    scenario, inputs = variant.scenario, ctx.inputs
    central = dict(ctx.central)
    central.update({k: np.array([v]) for k, v in variant.central})
    w_index = decision.scored[0].alternative.workstream_index
    ws = scenario.workstreams[w_index]
    matrix = np.empty((len(decision.scored), len(DIRECTIONS)))
    for j, (row, facts) in enumerate(zip(decision.scored, decision.facts, strict=True)):
        alt = row.alternative
        alt = type(alt)(
            alt.workstream_index, ws, alt.strategy, alt.country, alt.mix, alt.components, alt.routes
        )
        cube = simulate_alternative(scenario, inputs, alt, central)
        m = draw_metrics(cube, central["discount_rate"])
        eff = float(m.effective_fte_months[0])
        matrix[j, 0] = float(m.npv_cost[0]) / eff if eff > 0 else 1e12
        matrix[j, 1] = float(censored_speed(m.months_to_target, ws.duration_months)[0])
        matrix[j, 2] = facts.control
        scal = 0.0
        for c in alt.components:
            p = option_params(
                c.option, central, inputs, volatility=ws.scope_volatility.value, route=c.route
            )
            scal += c.share * float(0.5 * p.ramp_months[0] + p.learn_months[0])
        matrix[j, 3] = scal
        matrix[j, 4] = facts.safety
    return matrix


class _Scorer:
    """Scores per variant; matrices are cached (a weight change re-uses the model run)."""

    def __init__(self, ctx: RunContext, decision: Decision) -> None:
        self.ctx, self.decision = ctx, decision
        self.cache: dict[tuple[object, ...], np.ndarray] = {}

    def scores(self, variant: Variant) -> np.ndarray:
        key = (id(variant.scenario), variant.central)
        if key not in self.cache:
            self.cache[key] = _matrix(self.ctx, self.decision, variant)
        w = variant.weights
        if w is None:
            w = weight_vector(variant.scenario.weights.as_dict())
        return weighted_sum(self.cache[key], DIRECTIONS, w, NORMALISATION)


def _gap(scorer: _Scorer, best: int, value: float, item: FlipInput) -> tuple[float, int]:
    scores = scorer.scores(item.apply(value))
    others = np.delete(scores, best)
    challenger = int(np.delete(np.arange(len(scores)), best)[int(np.argmax(others))])
    return float(scores[best] - others.max()), challenger


def _threshold(scorer: _Scorer, best: int, item: FlipInput) -> str:
    decision = scorer.decision
    grid = np.linspace(item.low, item.high, GRID)
    if item.integer:
        grid = np.unique(np.round(grid))
    gaps = [(_gap(scorer, best, float(v), item), float(v)) for v in grid]
    # nearest sign change on each side of the baseline
    found = []
    for (g0, v0), (g1, v1) in itertools.pairwise(gaps):
        if (g0[0] > 0) != (g1[0] > 0):
            found.append((v0, v1, g0[0] > 0))
    if not found:
        span = f"{item.fmt(item.low)}–{item.fmt(item.high)}"
        if item.integer:  # months: "1–72 months", not "1 months–72 months"
            span = f"{item.low:.0f}–{item.fmt(item.high)}"
        return f"{item.label}: no flip within the plausible range {span}"
    lo, hi, best_on_left = min(
        found, key=lambda f: min(abs(f[0] - item.baseline), abs(f[1] - item.baseline))
    )
    for _ in range(BISECTIONS):
        if item.integer and hi - lo <= 1:
            break
        mid = (lo + hi) / 2
        if item.integer:
            mid = float(math.floor(mid))
        if (_gap(scorer, best, mid, item)[0] > 0) == best_on_left:
            lo = mid
        else:
            hi = mid
    edge = hi if best_on_left else lo
    _, challenger = _gap(scorer, best, hi if best_on_left else lo, item)
    who = decision.scored[challenger].alternative.option_name
    side = "above" if best_on_left else "below"
    threshold = (lo + hi) / 2 if not item.integer else edge
    return (
        f"{item.label}: {side} {item.fmt(threshold)}, {who} would rank first "
        f"(now {item.fmt(item.baseline)})"
    )


def _with_value(ctx: RunContext, key: str, value: float) -> Variant:
    """The model with one input's central value replaced (a market-derived wage ratio is
    set net of the talent premiums, so the effective ratio is ``value``)."""
    base, _, country = key.partition("@")
    if base == "offshore_wage_ratio" and ctx.inputs.wage_ratio_from_market.get(country, False):
        value /= _premium_ratio(ctx, country)
    return Variant(ctx.scenario, None, ((key, value),))


def _inputs(ctx: RunContext, decision: Decision) -> list[FlipInput]:
    s = ctx.scenario
    best = decision.chosen
    assert best is not None
    w_index = best.alternative.workstream_index
    ws = s.workstreams[w_index]
    pct: Callable[[float], str] = lambda v: f"{v:.0%}"  # noqa: E731
    items: list[FlipInput] = []

    durations: dict[int, Variant] = {}

    def duration(v: float) -> Variant:
        if int(v) in durations:  # the same scenario object, so its model run is cached
            return durations[int(v)]
        wss = list(s.workstreams)
        wss[w_index] = ws.model_copy(update={"duration_months": int(v)})
        horizon = max(s.horizon_months or 0, max(w.end_month for w in wss))
        changed = s.model_copy(update={"workstreams": tuple(wss), "horizon_months": horizon})
        durations[int(v)] = Variant(changed)
        return durations[int(v)]

    items.append(
        FlipInput(
            "Duration",
            ws.duration_months,
            1,
            max(60, 2 * ws.duration_months),
            duration,
            lambda v: f"{v:.0f} months",
            integer=True,
        )
    )
    involved = {c.option.strategy for r in decision.scored for c in r.alternative.components}
    if any(st.outsourced for st in involved):
        margin = float(ctx.central["vendor_margin"][0])
        items.append(
            FlipInput(
                "Vendor margin",
                margin,
                0.0,
                1.0,
                lambda v: _with_value(ctx, "vendor_margin", v),
                pct,
            )
        )
    country = next(
        (c.option.country for c in best.alternative.components if c.option.country), None
    ) or next(
        (
            c.option.country
            for r in decision.scored
            for c in r.alternative.components
            if c.option.country
        ),
        None,
    )
    if country:
        key = f"offshore_wage_ratio@{country}"
        base = _effective_ratio(ctx, country)
        items.append(
            FlipInput(
                f"Offshore wage ratio ({country})",
                base,
                0.05,
                1.0,
                lambda v: _with_value(ctx, key, v),
                pct,
            )
        )
    prod_key = _productivity_key(best)
    if prod_key:
        base = float(ctx.central[prod_key][0])
        items.append(
            FlipInput(
                f"Productivity of {best.alternative.option_name}",
                base,
                0.4,
                1.0,
                lambda v: _with_value(ctx, prod_key, v),
                pct,
            )
        )
    weights = weight_vector(s.weights.as_dict())

    def cost_weight(v: float) -> Variant:
        rest = weights[1:] / max(weights[1:].sum(), 1e-12) * (1 - v)
        return Variant(s, np.concatenate([[v], rest]))

    items.append(FlipInput("Weight on cost", float(weights[0]), 0.0, 1.0, cost_weight, pct))
    return items


def _premium_ratio(ctx: RunContext, country: str) -> float:
    return float(ctx.central[f"offshore_talent_premium@{country}"][0]) / float(
        ctx.central["onshore_talent_premium"][0]
    )


def _effective_ratio(ctx: RunContext, country: str) -> float:
    ratio = float(ctx.central[f"offshore_wage_ratio@{country}"][0])
    if ctx.inputs.wage_ratio_from_market.get(country, False):
        ratio *= _premium_ratio(ctx, country)
    return ratio


def _productivity_key(row: object) -> str | None:
    alt = row.alternative  # type: ignore[attr-defined]
    if alt.mix:
        return None
    option = alt.components[0].option
    name = {
        "onshore_inhouse": "onshore_productivity",
        "onshore_outsource": "onshore_vendor_productivity",
        "offshore_inhouse": "offshore_team_productivity",
        "offshore_outsource": "offshore_vendor_productivity",
    }[option.strategy.value]
    return f"{name}@{option.country}" if option.country else name


def flip_conditions(ctx: RunContext, decision: Decision) -> list[str]:
    """Thresholds of the key inputs at which another option would rank first."""
    if decision.chosen is None or len(decision.scored) < 2:
        return []
    best = decision.scored.index(decision.chosen)
    scorer = _Scorer(ctx, decision)
    return [_threshold(scorer, best, item) for item in _inputs(ctx, decision)]
