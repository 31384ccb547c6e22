"""The result pipeline's last steps: summarise the run, decide per workstream, word it.

``resolve`` (scenario + market data -> inputs) -> ``simulate`` (Monte Carlo) ->
:func:`build_result`: ``summarise`` (percentiles, delivery, budget) -> ``decide`` (policy,
scores, findings, flips) -> one frozen :class:`~shorewise.results.result.Result`. No step
changes another's output.

Example::

    >>> result = build_result(evaluation)                       # doctest: +SKIP
    >>> result.recommendation.label                                   # doctest: +SKIP
    'Dedicated team in Vietnam'
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from shorewise.decision.criteria import scoring_weights
from shorewise.decision.findings import Finding, FlipFinding
from shorewise.decision.policy import Eligibility, exclusion
from shorewise.decision.recommend import Settings, WorkstreamDecision, recommend
from shorewise.decision.seed_rules import WorkFacts
from shorewise.domain.scenario import Scenario, Workstream
from shorewise.domain.weight_spec import CRITERIA
from shorewise.results import result as model
from shorewise.results.assumption_rows import assumption_rows, scenario_data
from shorewise.results.candidates import candidate_for
from shorewise.results.evaluation import Evaluation
from shorewise.results.flip_runner import workstream_flips
from shorewise.results.information import plan_information
from shorewise.results.plan import overall_recommendation, plan_summary
from shorewise.results.routes import country_routes
from shorewise.results.summarise import OptionSummary, summarise_option
from shorewise.results.vocabulary import input_label, option_label
from shorewise.results.wording import Wording
from shorewise.uncertainty.summary import probability_lowest

__all__ = ["build_result", "finding_model", "flip_model"]


def _finish_cap(s: Scenario, ws: Workstream) -> int:
    """The latest month (from the scenario start) a late team of ``ws`` is kept: its start
    plus its ``window_months``, within the horizon."""
    return min(ws.start_month + ws.window_months, s.horizon)


def _clean(value: object) -> object:
    if isinstance(value, float):
        if not np.isfinite(value):
            return None
        return round(value, 2) if abs(value) >= 100 else round(value, 6)
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def finding_model(f: Finding, words: Wording, workstream: str | None = None) -> model.Finding:
    """A decision finding with its sentence (and, in a plan, its workstream)."""
    text = words.finding(f)
    data = {k: _clean(v) for k, v in f.data.items()}
    if workstream is not None:
        data["workstream"] = workstream
        text = f"{workstream}: {text}"
    return model.Finding(kind=f.kind, text=text, **data)


def flip_model(f: FlipFinding, words: Wording) -> model.FlipCondition:
    """A flip condition with its sentence and the option's label."""
    return model.FlipCondition(
        input=f.input,
        input_label=input_label(f.input),
        current=round(f.current, 6),
        threshold=None if f.threshold is None else round(f.threshold, 6),
        direction=f.direction,
        option=f.option,
        label=option_label(f.option) if f.option else None,
        low=f.low,
        high=f.high,
        step=None if f.step is None else round(f.step, 6),
        unit=f.unit,
        text=words.flip(f),
    )


@dataclass(frozen=True)
class _Workstream:
    index: int
    decision: WorkstreamDecision
    flips: tuple[FlipFinding, ...]


def _cheapest_and_savings(
    ev: Evaluation, idx: list[int], summaries: list[OptionSummary], elig: list[Eligibility]
) -> dict[int, tuple[float, float | None]]:
    cpe = np.stack([ev.run.metrics[i].cost_per_effective_fte_month for i in idx])
    eligible = np.array([elig[i].eligible for i in idx])
    shares = probability_lowest(cpe, eligible)
    base = next((i for i in idx if ev.alternatives[i].option_name == "onshore_inhouse"), None)
    ref = (
        summaries[base].figures["cost_per_effective_fte_month"].value()
        if base is not None
        else None
    )
    out = {}
    for i, share in zip(idx, shares, strict=True):
        own = summaries[i].figures["cost_per_effective_fte_month"].value()
        saving = None
        if ref is not None and np.isfinite(ref) and np.isfinite(own) and ref > 0:
            saving = 1 - own / ref
        out[i] = (float(share), saving)
    return out


def _decide(
    ev: Evaluation,
    w: int,
    summaries: list[OptionSummary],
    elig: list[Eligibility],
    with_flips: bool,
) -> tuple[_Workstream, int]:
    s = ev.scenario
    ws = s.workstreams[w]
    idx = [i for i, a in enumerate(ev.alternatives) if a.workstream_index == w]
    candidates = [candidate_for(ev, i, summaries[i], elig[i]) for i in idx]
    settings = Settings(
        weights=scoring_weights(s),
        constraints=s.weight_constraints(),
        work=WorkFacts(
            core=ws.core,
            duration_months=ws.duration_months,
            tech_company=s.company.tech_company,
            policy_never_outsource_core=s.policy.never_outsource_core,
            annual_budget=s.company.annual_budget,
            finish_cap_month=_finish_cap(s, ws),
        ),
        start_month=ws.start_month,
        deterministic=ev.run.deterministic,
        samples=ev.run.samples,
        seed=s.simulation.seed,
    )
    decision = recommend(candidates, settings)
    flips: list[FlipFinding] = []
    used = 0
    if with_flips and decision.pick is not None and len(decision.scores) > 1:
        flips, used = workstream_flips(ev, w, decision.pick)
    return _Workstream(w, decision, tuple(flips)), used


def _row(
    ev: Evaluation,
    i: int,
    summary: OptionSummary,
    decision: WorkstreamDecision,
    cheap: tuple[float, float | None],
    elig: Eligibility,
) -> model.OptionRow:
    alt = ev.alternatives[i]
    name = alt.option_name
    f = summary.figures
    routes = [
        model.RouteChoice(
            option=option,
            route=choice.route.value,
            chosen_by=choice.chosen_by,
            eor_total=None if choice.eor_total is None else round(choice.eor_total, 2),
            entity_total=None if choice.entity_total is None else round(choice.entity_total, 2),
        )
        for option, choice in alt.routes
    ]
    route_text = "; ".join(
        f"{option_label(r.option)}: {'employer of record' if r.route == 'eor' else 'own entity'}"
        f" ({'set in the scenario' if r.chosen_by == 'scenario' else 'cheaper'})"
        for r in routes
    )
    return model.OptionRow(
        workstream=alt.workstream.name,
        strategy=alt.strategy,
        mix=alt.mix,
        country=alt.country,
        option=name,
        label=option_label(name),
        short_label=option_label(name, short=True),
        eligible=elig.eligible,
        excluded_reason=elig.reason,
        **f,
        required_fte_months=summary.required_fte_months,
        delivered_share=summary.delivered_share,
        finish_month=summary.finish_month,
        p_on_time=round(summary.p_on_time, 4),
        over_budget_years=summary.over_budget_years,
        control=round(_control(ev, i), 4),
        score=None if name not in decision.scores else round(decision.scores[name], 4),
        rank=decision.ranks.get(name),
        p_best=round(decision.p_best.get(name, 0.0), 4),
        p_cheapest=round(cheap[0], 4),
        savings_vs_onshore_inhouse=None if cheap[1] is None else round(cheap[1], 4),
        reaches_target_share=round(summary.reaches_target_share, 4),
        route=route_text or None,
        routes=routes,
        components=[
            model.Component(
                option=str(c.option), share=c.share, route=c.route.value if c.route else None
            )
            for c in alt.components
        ],
        cost_by_category=summary.category_means,
        criteria=_rounded(decision.criteria.get(name)),
        contributions=_rounded(decision.contributions.get(name)),
    )


def _control(ev: Evaluation, i: int) -> float:
    from shorewise.engine.alternatives import control_index

    return control_index(ev.alternatives[i], ev.central)


def _rounded(values: dict[str, float] | None) -> dict[str, float] | None:
    if values is None:
        return None
    return {k: round(v, 6) if abs(v) < 100 else round(v, 2) for k, v in values.items()}


def _workstream_rec(
    ev: Evaluation, d: _Workstream, words: Wording
) -> model.WorkstreamRecommendation:
    ws = ev.scenario.workstreams[d.index]
    pick = d.decision.pick
    alt = next(
        (a for a in ev.alternatives if a.workstream_index == d.index and a.option_name == pick),
        None,
    )
    if alt is None:
        return model.WorkstreamRecommendation(
            workstream=ws.name,
            strategy="none",
            country=None,
            option=None,
            label=option_label(None),
            reasons=[
                model.Finding(kind="none_eligible", text="Every option is excluded by the policy")
            ],
            caveats=[],
            flip_conditions=[],
        )
    return model.WorkstreamRecommendation(
        workstream=ws.name,
        strategy=alt.strategy,
        country=alt.country,
        option=pick,
        label=option_label(pick),
        reasons=[finding_model(f, words) for f in d.decision.reasons],
        caveats=[finding_model(f, words) for f in d.decision.caveats],
        flip_conditions=[flip_model(f, words) for f in d.flips],
        smaa=[{**r, "label": option_label(r["option"])} for r in d.decision.smaa],
    )


def build_result(ev: Evaluation, *, with_flips: bool = True) -> model.Result:
    """Summarise, decide and word one evaluation (see module doc)."""
    from shorewise._version import __version__

    s = ev.scenario
    words = Wording(s.currency, s.home_country)
    summaries = [summarise_option(s, a, i, ev.run) for i, a in enumerate(ev.alternatives)]
    elig = [
        exclusion(a, s, summaries[i].delivered_share.value(), summaries[i].over_budget_years)
        for i, a in enumerate(ev.alternatives)
    ]
    rows: list[model.OptionRow] = []
    decided: list[_Workstream] = []
    flip_draws = 0
    for w in range(len(s.workstreams)):
        idx = [i for i, a in enumerate(ev.alternatives) if a.workstream_index == w]
        d, used = _decide(ev, w, summaries, elig, with_flips)
        flip_draws = max(flip_draws, used)
        decided.append(d)
        cheap = _cheapest_and_savings(ev, idx, summaries, elig)
        rows += [_row(ev, i, summaries[i], d.decision, cheap[i], elig[i]) for i in idx]
    by_workstream = [_workstream_rec(ev, d, words) for d in decided]
    picks = [d.decision.pick for d in decided]
    plan, plan_findings = plan_summary(ev, picks)
    voi, voi_findings = plan_information(ev, [e.eligible for e in elig])
    recommendation = overall_recommendation(
        s, by_workstream, [finding_model(f, words) for f in [*plan_findings, *voi_findings]]
    )
    result = _assemble(ev, rows, recommendation, plan, summaries, flip_draws, __version__)
    if voi is None:
        return result
    done = result.model_copy(update={"value_of_information": voi})
    done._live = ev
    return done


def _assemble(
    ev: Evaluation,
    rows: list[model.OptionRow],
    recommendation: model.Recommendation,
    plan: model.Plan,
    summaries: list[OptionSummary],
    flip_draws: int,
    version: str,
) -> model.Result:
    s, run = ev.scenario, ev.run
    from shorewise.decision.policy import policy_notes
    from shorewise.results.guard_rails import guard_notes

    result = model.Result(
        scenario=s.name,
        currency=s.currency,
        home_country=s.home_country,
        horizon_months=s.horizon,
        samples=0 if run.deterministic else run.samples,
        seed=run.seed,
        strategies=rows,
        recommendation=recommendation,
        plan=plan,
        routes=country_routes(ev),
        notes=[*policy_notes(s), *guard_notes(ev)],
        weights={c: round(float(v), 6) for c, v in zip(CRITERIA, scoring_weights(s), strict=True)},
        smaa=list(recommendation.by_workstream[0].smaa),
        workstreams=[
            model.WorkstreamInfo(
                name=ws.name,
                core=ws.core,
                fte=ws.target_fte,
                duration_months=ws.duration_months,
                start_month=ws.start_month,
                due_month=ws.end_month,
                required_fte_months=round(ws.target_fte * ws.duration_months, 4),
                scope_volatility=ws.scope_volatility.value,
                finish_cap_month=_finish_cap(s, ws),
            )
            for ws in s.workstreams
        ],
        offshore_countries=list(s.offshore_countries),
        assumptions=assumption_rows(ev.inputs),
        series=[summary.series for summary in summaries],
        simulation=model.RunInfo(
            samples=run.samples,
            seed=run.seed,
            method=run.method,
            deterministic=run.deterministic,
            version=version,
            flip_draws=flip_draws or None,
        ),
        scenario_data=scenario_data(s),
    )
    result._live = ev
    return result
