"""What the HTML and PDF templates show, worked out once from a result: texts, rounded
money, rows — in words, never ids.

:func:`report_context` turns a :class:`~shorewise.results.result.Result` into plain dicts
and strings (money formatted by the shared formatter in the scenario's currency); the
templates only lay them out.

Example::

    >>> ctx = report_context(result)                           # doctest: +SKIP
    >>> ctx["recommendation"]["title"]                                # doctest: +SKIP
    'Dedicated team in Vietnam'
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from shorewise.report.assumptions import short_unit
from shorewise.report.decision_tables import decision_tables
from shorewise.results import numbers as fmt
from shorewise.results.headline import headline as plan_headline
from shorewise.results.result import OptionRow, Quantiles, Result
from shorewise.results.vocabulary import PROVENANCE_LABELS, country_name

PROVENANCE_TEXT = PROVENANCE_LABELS


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("shorewise")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "dev"


def run_text(c: Result) -> str:
    """``10,000 Monte Carlo draws, random seed 42`` or the deterministic run's description."""
    if c.deterministic:
        return "one run with every input at its median"
    return f"{fmt.count(c.simulation.samples)} Monte Carlo draws, random seed {c.simulation.seed}"


def _range(p: Quantiles, currency: str) -> str:
    lo, hi = p.value("p10"), p.value("p90")
    if not (math.isfinite(lo) and math.isfinite(hi)) or math.isclose(lo, hi, rel_tol=1e-9):
        return ""
    return fmt.money_range(lo, hi, currency)


def is_recommended(c: Result, r: OptionRow) -> bool:
    """True when ``r`` is the option recommended for its own workstream."""
    return any(
        rec.workstream == r.workstream and rec.option == r.option
        for rec in c.recommendation.by_workstream
    )


def _saving(c: Result, r: OptionRow) -> str:
    if r.option == "onshore_inhouse" or r.savings_vs_onshore_inhouse is None:
        return ""
    home = next((x for x in c.rows_for(r.workstream) if x.option == "onshore_inhouse"), None)
    if home is None:
        return ""
    total = 1 - r.total_cost.value() / home.total_cost.value()
    return (
        f"{fmt.share(total, signed=True)} total, "
        f"{fmt.share(r.savings_vs_onshore_inhouse, signed=True)} per unit"
    )


def _row(c: Result, r: OptionRow) -> dict[str, Any]:
    cur = c.currency
    return {
        "title": r.label,
        "label": r.short_label,
        "eligible": r.eligible,
        "excluded_reason": r.excluded_reason,
        "recommended": is_recommended(c, r),
        "total": fmt.money(r.total_cost.value(), cur),
        "total_range": _range(r.total_cost, cur),
        "npv": fmt.money(r.npv_cost.value(), cur),
        "cpe": fmt.money(r.cost_per_effective_fte_month.value(), cur),
        "cpe_range": _range(r.cost_per_effective_fte_month, cur),
        "delivered": fmt.share(r.delivered_share.value()),
        "on_time": fmt.share(r.p_on_time),
        "finish": c.finish_text(r),
        "effective": f"{r.effective_fte_months.value():,.0f}",
        "months_to_target": fmt.months(r.months_to_target.value()),
        "reaches": fmt.share(r.reaches_target_share)
        if r.reaches_target_share is not None and r.reaches_target_share < 1
        else "",
        "vs_home": _saving(c, r),
        "control": fmt.share(r.control),
        "p_best": fmt.share(r.p_best) if r.eligible else "–",
        "score": f"{r.score:.2f}" if r.score is not None else "–",
        "rank": r.rank or "–",
        "route": _route(r),
    }


def _route(r: OptionRow) -> str | None:
    if not r.routes:
        return None
    if len(r.routes) == 1:
        route = r.routes[0]
        what = "an employer of record" if route.route == "eor" else "its own entity"
        why = "set in the scenario" if route.chosen_by == "scenario" else "the cheaper route"
        return f"via {what} ({why})"
    return r.route


def _kpis(c: Result) -> list[dict[str, str]]:
    cur = c.currency
    kpis = []
    single = "one run at the medians" if c.deterministic else "P50"
    plan = c.plan
    if plan.total_cost is not None:
        kpis.append(
            {
                "label": "total cost of the plan",
                "value": fmt.money(plan.total_cost.value(), cur),
                "sub": f"P10–P90 {r}" if (r := _range(plan.total_cost, cur)) else single,
            }
        )
    if plan.npv_cost is not None:
        kpis.append(
            {
                "label": "net present value",
                "value": fmt.money(plan.npv_cost.value(), cur),
                "sub": single,
            }
        )
    if len(c.workstreams) == 1:
        rec = c.recommendation.by_workstream[0]
        row = next((r for r in c.strategies if r.option == rec.option), None)
        if row is not None:
            kpis.append(
                {
                    "label": "work delivered by the due month",
                    "value": fmt.share(row.delivered_share.value()),
                    "sub": single,
                }
            )
            kpis.append(
                {
                    "label": "per effective FTE-month",
                    "value": fmt.money(row.cost_per_effective_fte_month.value(), cur),
                    "sub": f"P10–P90 {r}"
                    if (r := _range(row.cost_per_effective_fte_month, cur))
                    else single,
                }
            )
            if not c.deterministic:
                kpis.append(
                    {
                        "label": "chance it ranks first",
                        "value": fmt.share(row.p_best),
                        "sub": f"of {fmt.count(c.simulation.samples)} draws",
                    }
                )
    return kpis


_URL = re.compile(r"https?://[^\s;,()]+")


def source_parts(text: str) -> list[dict[str, str | None]]:
    """A source text split into plain parts and links (shown by their site's name)."""
    parts: list[dict[str, str | None]] = []
    pos = 0
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(".")
        if m.start() > pos:
            parts.append({"text": text[pos : m.start()], "href": None})
        site = url.split("/")[2].removeprefix("www.")
        parts.append({"text": site, "href": url})
        pos = m.start() + len(url)
    if pos < len(text):
        parts.append({"text": text[pos:], "href": None})
    return parts


def central_text(value: float, unit: str) -> str:
    """A central value in its unit, never in scientific notation: ``45%``, ``147,250``."""
    if unit in ("share", "share/year"):
        return f"{value * 100:.4g}%"
    if unit.startswith("money"):
        return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}"
    return f"{value:,.4g}"


def assumption_groups(c: Result) -> list[dict[str, Any]]:
    """The assumptions by group, with unit, provenance and source links in words."""
    cur = c.currency
    groups: dict[str, list[dict[str, Any]]] = {}
    for a in c.assumptions:
        row = {
            **a.model_dump(),
            "unit_text": short_unit(a.unit, cur),
            "provenance_text": PROVENANCE_TEXT.get(a.provenance, a.provenance),
            "central_text": central_text(a.central, a.unit) if a.uncertain else "",
            "source_parts": source_parts(a.source),
        }
        groups.setdefault(a.group, []).append(row)
    return [{"name": name, "rows": rows} for name, rows in groups.items()]


def headline(c: Result) -> list[dict[str, str]]:
    """What to do, per workstream in words: ``[{workstream, title, reason}]``."""
    return [
        {
            "workstream": rec.workstream,
            "title": rec.label,
            "reason": rec.reasons[0].text if rec.reasons else "",
        }
        for rec in c.recommendation.by_workstream
    ]


def scenario_yaml(c: Result) -> str:
    """The scenario as YAML (the appendix)."""
    import yaml

    text: str = yaml.safe_dump(c.scenario_data, sort_keys=False, allow_unicode=True)
    return text


def report_context(c: Result, *, generated: dt.date | None = None) -> dict[str, Any]:
    """Everything the report templates show (see module doc)."""
    home = c.home_country
    rec = c.recommendation
    top = plan_headline(c)
    workstreams = []
    for w, ws in enumerate(c.workstreams):
        facts = (
            f"{ws.fte:g} FTE for {fmt.months(ws.duration_months)}"
            + (f" from month {ws.start_month + 1}" if ws.start_month else "")
            + f" ({ws.required_fte_months:,.0f} FTE-months due by month {ws.due_month}); "
            f"{'core IT capability' if ws.core else 'not core'}; scope volatility "
            f"{ws.scope_volatility}"
        )
        ws_rec = rec.by_workstream[w]
        workstreams.append(
            {
                "index": w,
                "name": ws.name,
                "facts": facts,
                "rows": [_row(c, r) for r in c.rows_for(ws.name)],
                "recommendation": {
                    "title": ws_rec.label,
                    "reason": ws_rec.reasons[0].text if ws_rec.reasons else "",
                },
            }
        )
    policy = {"policy_off", "non_it_company"}
    return {
        "name": c.scenario,
        "generated": (generated or dt.date.today()).isoformat(),
        "version": _version(),
        "currency": c.currency,
        "home": f"{country_name(home)}",
        "offshore": ", ".join(country_name(x) for x in c.offshore_countries),
        "horizon": c.horizon_months,
        "run": run_text(c),
        "deterministic": c.deterministic,
        "headline": headline(c),
        "recommendation": {
            "title": rec.label,
            "reasons": [f.text for f in rec.reasons],
            "caveats": [f.text for f in rec.caveats if f.kind not in policy],
            "flips": [f.text for f in rec.flip_conditions],
            "changes": top.changes,
            "total_text": top.total_text,
            "kpis": _kpis(c),
        },
        "notes": c.notes,
        "routes": [route.text for route in c.routes],
        "several_workstreams": len(c.workstreams) > 1,
        "workstreams": workstreams,
        "assumption_groups": assumption_groups(c),
        "overrides": sum(1 for a in c.assumptions if a.overridden),
        "scenario_yaml": scenario_yaml(c),
        **decision_tables(c),
    }
