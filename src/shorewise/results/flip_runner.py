"""Re-run the whole decision of one workstream at a trial value of one input, for the flip
search (:mod:`shorewise.decision.flips`).

At each trial value the workstream's options are rebuilt (the route abroad re-chosen for
the changed input), simulated over the same draws (the run's first :data:`FLIP_DRAWS`, or
the central values of a deterministic run, the trial input overwritten), scored with the
same criteria builder as the recommendation (risk and lateness recomputed) and the option
ranking first is returned. Inputs searched: the work's duration, the vendor margin, the
offshore wage ratio, the pick's productivity and the weight on cost.

What a trial would compute again unchanged is reused, never approximated: every
computation (the routes, an option's facts, a part of a mix) is kept with the inputs it
looked up, and serves any trial value of an input it did not look up (the vendor margin
leaves the teams alone, a productivity only its option, the weight on cost no simulation at
all). The findings are those of re-running everything (``tests/results/
test_flip_search_equivalence.py`` keeps that plain search as the reference).

Example::

    >>> flips = workstream_flips(evaluation, 0, "offshore_inhouse@VN")   # doctest: +SKIP
    >>> flips[0].input, flips[0].direction                            # doctest: +SKIP
    ('duration_months', 'below')
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

import numpy as np

from shorewise.decision.criteria import (
    DIRECTIONS,
    NORMALISATION,
    Facts,
    central_matrix,
    facts_for,
    scoring_weights,
)
from shorewise.decision.findings import FlipFinding
from shorewise.decision.flips import FlipSearch, find_flip
from shorewise.decision.policy import eligibility, exclusion
from shorewise.decision.wsm import weighted_sum
from shorewise.domain.scenario import Scenario
from shorewise.engine.alternatives import (
    Alternative,
    build_alternatives,
    control_index,
    simulate_component,
)
from shorewise.engine.inputs import ResolvedInputs
from shorewise.engine.metrics import draw_metrics
from shorewise.engine.option import OptionCube
from shorewise.engine.types import DrawVector, FloatArray
from shorewise.results.evaluation import Evaluation
from shorewise.results.summarise import year_costs

__all__ = ["FLIP_DRAWS", "flip_draws", "workstream_flips"]

FLIP_DRAWS = 2000
"""Draws the flip search re-runs the decision on (the run's first ones)."""

_PRODUCTIVITY = {
    "onshore_inhouse": "onshore_productivity",
    "onshore_outsource": "onshore_vendor_productivity",
    "offshore_inhouse": "offshore_team_productivity",
    "offshore_outsource": "offshore_vendor_productivity",
}


def flip_draws(ev: Evaluation, n: int) -> dict[str, DrawVector]:
    """The run's first ``n`` draws of every input (fixed ones repeated)."""
    k = max(1, n)
    out = {key: np.repeat(v[:1], k) for key, v in ev.central.items()}
    if not ev.run.deterministic:
        for key, values in ev.run.inputs.items():
            out[key] = np.asarray(values[:k], dtype=np.float64)
    return out


@dataclass(frozen=True)
class _Variant:
    scenario: Scenario
    inputs: ResolvedInputs
    overrides: tuple[tuple[str, float], ...] = ()
    weights: FloatArray | None = None


class _Reads(Mapping[str, DrawVector]):
    """A view of ``values`` that notes in ``seen`` every key looked up."""

    def __init__(self, values: Mapping[str, DrawVector], seen: set[str]) -> None:
        self._values, self._seen = values, seen

    def __getitem__(self, key: str) -> DrawVector:
        self._seen.add(key)
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


T = TypeVar("T")
_BASE = object()  # an input at the run's own draws (not overridden)


@dataclass(frozen=True)
class _Memo(Generic[T]):
    """One computation's result with the inputs it read and the overrides it ran with."""

    reads: frozenset[str]
    overrides: Mapping[str, float]
    value: T

    def holds_for(self, overrides: Mapping[str, float]) -> bool:
        """Whether a computation with ``overrides`` reads the same values (so gives the
        same result: the computations are deterministic in what they read)."""
        changed = (self.overrides.keys() | overrides.keys()) & self.reads
        return all(self.overrides.get(k, _BASE) == overrides.get(k, _BASE) for k in changed)


class _Memos(Generic[T]):
    """Results by a structural key, each valid for the overrides that leave its reads alone."""

    def __init__(self) -> None:
        self._by: dict[tuple[object, ...], list[_Memo[T]]] = {}

    def get(self, key: tuple[object, ...], overrides: Mapping[str, float]) -> _Memo[T] | None:
        return next((m for m in self._by.get(key, []) if m.holds_for(overrides)), None)

    def put(self, key: tuple[object, ...], memo: _Memo[T]) -> None:
        self._by.setdefault(key, []).append(memo)


class _Decider:
    """The decision of one workstream at variants of the model.

    Each option's facts are kept with the inputs its simulation and scoring read, and
    reused at every trial value of an input they did not read (the vendor margin leaves the
    teams alone, a productivity only its option); the routes abroad likewise. A variant is
    decided on exactly the facts a fresh run would compute.
    """

    def __init__(self, ev: Evaluation, workstream: int, draws: Mapping[str, DrawVector]) -> None:
        self.ev, self.w, self.draws = ev, workstream, draws
        self.facts: dict[tuple[object, ...], tuple[list[str], list[Facts]]] = {}
        self.matrices: dict[int, FloatArray] = {}  # the P50 matrix of each variant's facts
        self.options: _Memos[list[Alternative]] = _Memos()
        self.rows: _Memos[Facts | None] = _Memos()
        self.parts: _Memos[OptionCube] = _Memos()  # a mix's parts, at the run's scenario
        self.alive: list[object] = []  # the variants' models, so their ids stay theirs
        self.weights = scoring_weights(ev.scenario)  # trial values never change the weights

    def _facts(self, v: _Variant) -> tuple[list[str], list[Facts]]:
        key = (id(v.scenario), id(v.inputs), v.overrides)
        if key in self.facts:
            return self.facts[key]
        self.alive += [v.scenario, v.inputs]
        overrides = dict(v.overrides)
        draws = dict(self.draws)
        central = dict(self.ev.central)
        n = len(next(iter(draws.values())))
        for name, value in v.overrides:
            draws[name] = np.full(n, value)
            central[name] = np.array([value])
        names, facts = [], []
        for alt in self._alternatives(v, central, overrides):
            row = self._row(v, alt, draws, central, overrides)
            if row is not None:
                names.append(alt.option_name)
                facts.append(row)
        self.facts[key] = (names, facts)
        return names, facts

    def _alternatives(
        self, v: _Variant, central: Mapping[str, DrawVector], overrides: Mapping[str, float]
    ) -> list[Alternative]:
        """The workstream's eligible options, routes re-chosen when they read a changed input."""
        key = ("options", id(v.scenario), id(v.inputs))
        memo = self.options.get(key, overrides)
        if memo is None:
            seen: set[str] = set()
            rows = build_alternatives(
                v.scenario, v.inputs, _Reads(central, seen), workstreams=(self.w,)
            )
            alts = [a for a in rows if eligibility(a, v.scenario).eligible]
            memo = _Memo(frozenset(seen), overrides, alts)
            self.options.put(key, memo)
        return memo.value

    def _row(
        self,
        v: _Variant,
        alt: Alternative,
        draws: Mapping[str, DrawVector],
        central: Mapping[str, DrawVector],
        overrides: Mapping[str, float],
    ) -> Facts | None:
        """The facts of one option (``None`` when a deadline or budget excludes it)."""
        key = ("facts", id(v.scenario), id(v.inputs), alt.option_name, alt.components)
        memo = self.rows.get(key, overrides)
        if memo is None:
            seen: set[str] = set()
            cube = self._cube(v, alt, draws, overrides, seen)
            row = _option_facts(
                v.scenario, v.inputs, alt, cube, _Reads(draws, seen), _Reads(central, seen)
            )
            memo = _Memo(frozenset(seen), overrides, row)
            self.rows.put(key, memo)
        return memo.value

    def _cube(
        self,
        v: _Variant,
        alt: Alternative,
        draws: Mapping[str, DrawVector],
        overrides: Mapping[str, float],
        seen: set[str],
    ) -> OptionCube:
        """``alt`` simulated over ``draws`` as :func:`simulate_alternative` does (its parts
        summed in order), each part of a mix reused while it reads no changed input (kept
        only at the run's own scenario and when it reads none, to bound the memory)."""
        total: OptionCube | None = None
        for c in alt.components:
            key = ("part", id(v.scenario), id(v.inputs), alt.workstream_index, c)
            memo = self.parts.get(key, overrides) if alt.mix else None
            if memo is None:
                reads: set[str] = set()
                part = simulate_component(
                    v.scenario, v.inputs, alt.workstream, c, _Reads(draws, reads), load=alt.load
                )
                memo = _Memo(frozenset(reads), overrides, part)
                if alt.mix and v.scenario is self.ev.scenario and not reads & overrides.keys():
                    self.parts.put(key, memo)
            seen |= memo.reads
            total = memo.value if total is None else total + memo.value
        assert total is not None  # an alternative has at least one component
        return total

    def first(self, v: _Variant) -> str | None:
        names, facts = self._facts(v)
        if not facts:
            return None
        weights = v.weights if v.weights is not None else self.weights
        if id(facts) not in self.matrices:  # the variant's facts, kept in self.facts
            self.matrices[id(facts)] = central_matrix(facts)
        scores = weighted_sum(self.matrices[id(facts)], DIRECTIONS, weights, NORMALISATION)
        return names[int(np.argmax(scores))]


def _option_facts(
    scenario: Scenario,
    inputs: ResolvedInputs,
    alt: Alternative,
    cube: OptionCube,
    draws: Mapping[str, DrawVector],
    central: Mapping[str, DrawVector],
) -> Facts | None:
    """One option's simulation ``cube`` over ``draws`` scored as the recommendation scores
    it, or ``None`` when a hard deadline or budget excludes it."""
    metrics = draw_metrics(cube, np.broadcast_to(draws["discount_rate"], (cube.draws,)))
    required = alt.workstream.required_fte_months
    delivered = float(np.median(np.clip(metrics.effective_fte_months / required, 0, 1)))
    budget = scenario.company.annual_budget
    over: list[int] = []
    if budget is not None:  # the yearly medians only matter against a budget
        yearly = np.median(year_costs(cube.burn), axis=0)
        over = [k + 1 for k, c in enumerate(yearly) if c > budget]
    if not exclusion(alt, scenario, delivered, over).eligible:
        return None
    return facts_for(alt, metrics, central, inputs, control_index(alt, central))


def _searches(
    ev: Evaluation, workstream: int, pick: Alternative, decider: _Decider
) -> list[tuple[FlipSearch, Callable[[float], _Variant]]]:
    s, inputs = ev.scenario, ev.inputs
    ws = s.workstreams[workstream]
    base = _Variant(s, inputs)
    out: list[tuple[FlipSearch, Callable[[float], _Variant]]] = []
    durations: dict[int, _Variant] = {}

    def duration(v: float) -> _Variant:
        months = round(v)
        if months not in durations:
            wss = list(s.workstreams)
            wss[workstream] = ws.model_copy(update={"duration_months": months})
            update: dict[str, object] = {"workstreams": tuple(wss)}
            if s.horizon_months is not None:  # a set horizon still covers the changed work
                update["horizon_months"] = max(s.horizon_months, max(w.end_month for w in wss))
            changed = s.model_copy(update=update)
            durations[months] = _Variant(changed, inputs)
        return durations[months]

    high = float(max(60, 2 * ws.duration_months))
    out.append(
        (
            FlipSearch(
                "duration_months", float(ws.duration_months), 2.0, high, integer=True, unit="months"
            ),
            duration,
        )
    )
    options = [a for a in ev.alternatives if a.workstream_index == workstream]
    if any("vendor_margin" in a.inputs_read(ev.inputs) for a in options):
        margin = float(ev.central["vendor_margin"][0])
        out.append(
            (
                FlipSearch("vendor_margin", margin, 0.0, 1.0),
                lambda v: replace(base, overrides=(("vendor_margin", v),)),
            )
        )
    country = next((c.option.country for c in pick.components if c.option.country), None)
    country = country or next(
        (c.option.country for a in options for c in a.components if c.option.country), None
    )
    if country:
        key = f"offshore_wage_ratio@{country}"
        flat = replace(
            inputs, wage_ratio_from_market={**inputs.wage_ratio_from_market, country: False}
        )
        out.append(
            (
                FlipSearch(key, _effective_ratio(ev, country), 0.05, 1.0),
                lambda v: _Variant(s, flat, ((key, v),)),
            )
        )
    if pick.mix is None:
        option = pick.components[0].option
        name = _PRODUCTIVITY[option.strategy.value]
        prod_key = f"{name}@{option.country}" if option.country else name
        out.append(
            (
                FlipSearch(prod_key, float(ev.central[prod_key][0]), 0.4, 1.0),
                lambda v: replace(base, overrides=((prod_key, v),)),
            )
        )
    weights = scoring_weights(s)

    def cost_weight(v: float) -> _Variant:
        rest = weights[1:] / max(float(weights[1:].sum()), 1e-12) * (1 - v)
        return replace(base, weights=np.concatenate([[v], rest]))

    out.append((FlipSearch("weight.cost", float(weights[0]), 0.0, 1.0, unit="weight"), cost_weight))
    return out


def _effective_ratio(ev: Evaluation, country: str) -> float:
    """The wage ratio the engine uses: the market ratio times the relative talent premium."""
    ratio = float(ev.central[f"offshore_wage_ratio@{country}"][0])
    if ev.inputs.wage_ratio_from_market.get(country, False):
        ratio *= float(ev.central[f"offshore_talent_premium@{country}"][0])
    return ratio


def workstream_flips(ev: Evaluation, workstream: int, pick: str) -> tuple[list[FlipFinding], int]:
    """Flip conditions of ``workstream`` whose recommendation is ``pick``, and the number of
    draws they were found on. Empty when the pick cannot be reproduced on the flip draws."""
    alt = next(
        (a for a in ev.alternatives if a.workstream_index == workstream and a.option_name == pick),
        None,
    )
    if alt is None:
        return [], 0
    if ev.run.deterministic:
        n = available = 1
    else:
        kept = [len(v) for v in ev.run.inputs.values()]
        available = min(kept) if kept else ev.run.samples
        n = min(available, FLIP_DRAWS)
    base = _Variant(ev.scenario, ev.inputs)
    decider = _Decider(ev, workstream, flip_draws(ev, n))
    if decider.first(base) != pick and n < available:
        n = available
        decider = _Decider(ev, workstream, flip_draws(ev, n))
    if decider.first(base) != pick:
        return [], n
    out = []
    for search, variant in _searches(ev, workstream, alt, decider):
        out.append(find_flip(search, _first_of(decider, variant), pick))
    return out, n


def _first_of(
    decider: _Decider, variant: Callable[[float], _Variant]
) -> Callable[[float], str | None]:
    """The option ranking first at a value of one input."""
    return lambda value: decider.first(variant(value))
