"""What the HTML and PDF templates show, worked out once: texts, rounded money, rows.

:func:`report_context` turns a comparison into plain dicts and strings (money already
formatted with babel in the scenario's currency); the templates only lay them out.

Example::

    >>> ctx = report_context(result)                           # doctest: +SKIP
    >>> ctx["recommendation"]["title"]
    'Dedicated team in Vietnam'
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from shorewise.report.assumptions import assumption_table, short_unit
from shorewise.report.markdown import run_text
from shorewise.report.money import human_months, human_share, money, money_range
from shorewise.report.names import country_name, option_title, strategy_title
from shorewise.results.comparison import Comparison, Row
from shorewise.uncertainty.summary import Percentiles

PROVENANCE_TEXT = {
    "seed": "the article",
    "published": "published source",
    "market": "market data",
    "judgement": "our judgement",
    "scenario": "your scenario",
}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("shorewise")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "dev"


def _range(p: Percentiles, currency: str) -> str:
    if math.isclose(p.p10, p.p90, rel_tol=1e-9) or not math.isfinite(p.p90):
        return ""
    return money_range(p.p10, p.p90, currency)


def is_recommended(c: Comparison, r: Row) -> bool:
    """True when ``r`` is the option recommended for its own workstream."""
    w = r.alternative.workstream_index
    return w < len(c.by_workstream) and c.by_workstream[w].option == r.alternative.option_name


def _row(c: Comparison, r: Row) -> dict[str, Any]:
    cur = c.scenario.currency
    f = r.figures
    alt = r.alternative
    mtt = f["months_to_target"]
    return {
        "title": option_title(alt.option_name, home=c.scenario.home_country),
        "code": alt.option_name,
        "label": alt.short_label,
        "eligible": r.eligible,
        "excluded_reason": r.excluded_reason,
        "recommended": is_recommended(c, r),
        "total": money(f["total_cost"].p50, cur),
        "total_range": _range(f["total_cost"], cur),
        "npv": money(f["npv_cost"].p50, cur),
        "cpe": money(f["cost_per_effective_fte_month"].p50, cur),
        "cpe_range": _range(f["cost_per_effective_fte_month"], cur),
        "effective": f"{f['effective_fte_months'].p50:,.0f}",
        "months_to_target": human_months(mtt.p50),
        "reaches": human_share(r.reaches_target_share) if r.reaches_target_share < 1 else "",
        "vs_home": human_share(r.savings_vs_onshore_inhouse, signed=True),
        "control": human_share(r.control),
        "p_best": human_share(r.p_best) if r.eligible else "-",
        "score": f"{r.score:.2f}" if r.score is not None and math.isfinite(r.score) else "-",
        "rank": r.rank or "-",
        "route": _route(r),
    }


def _route(r: Row) -> str | None:
    """The route text without the option's own name for a pure option."""
    text = r.route_text()
    prefix = f"{r.alternative.option_name}: "
    if text and text.startswith(prefix) and text.count(": ") == 1:
        return "via " + text.removeprefix(prefix)
    return text


def _kpis(c: Comparison) -> list[dict[str, str]]:
    cur = c.scenario.currency
    kpis = []
    single = "deterministic run" if c.run.deterministic else "P50"
    if c.plan_total is not None:
        kpis.append(
            {
                "label": "total cost of the plan",
                "value": money(c.plan_total.p50, cur),
                "sub": (f"P10–P90 {r}" if (r := _range(c.plan_total, cur)) else single),
            }
        )
    if c.plan_npv is not None:
        kpis.append(
            {"label": "net present value", "value": money(c.plan_npv.p50, cur), "sub": single}
        )
    if len(c.by_workstream) == 1:
        rec = c.by_workstream[0]
        row = next((r for r in c.rows if r.alternative.option_name == rec.option), None)
        if row is not None:
            cpe = row.figures["cost_per_effective_fte_month"]
            kpis.append(
                {
                    "label": "per effective FTE-month",
                    "value": money(cpe.p50, cur),
                    "sub": f"P10–P90 {r}" if (r := _range(cpe, cur)) else single,
                }
            )
            kpis.append(
                {
                    "label": "to 90 % of target capacity",
                    "value": human_months(row.figures["months_to_target"].p50),
                    "sub": single,
                }
            )
            if not c.run.deterministic:
                kpis.append(
                    {
                        "label": "chance it ranks first",
                        "value": human_share(row.p_best),
                        "sub": f"of {c.run.samples:,} draws",
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


def _central(value: float, unit: str) -> str:
    if unit in ("share", "share/year"):
        return f"{value * 100:.4g}%"
    if unit.startswith("money"):
        return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}"
    return f"{value:,.4g}"


def _assumption_groups(c: Comparison) -> list[dict[str, Any]]:
    cur = c.scenario.currency
    groups: dict[str, list[dict[str, Any]]] = {}
    for a in assumption_table(c):
        a = {
            **a,
            "unit_text": short_unit(a["unit"], cur),
            "provenance_text": PROVENANCE_TEXT.get(a["provenance"], a["provenance"]),
            "central_text": _central(a["central"], a["unit"]) if a["uncertain"] else "",
            "source_parts": source_parts(a["source"]),
        }
        groups.setdefault(a["group"], []).append(a)
    return [{"name": name, "rows": rows} for name, rows in groups.items()]


def report_context(c: Comparison, *, generated: dt.date | None = None) -> dict[str, Any]:
    """Everything the report templates show (see module doc)."""
    from shorewise.io.scenario_file import scenario_to_yaml

    s = c.scenario
    home = s.home_country
    rec = c.recommendation
    workstreams = []
    for w, ws in enumerate(s.workstreams):
        rows = c.rows_for(w)
        facts = (
            f"{ws.target_fte:g} FTE for {ws.duration_months} months"
            + (f" from month {ws.start_month + 1}" if ws.start_month else "")
            + f"; {'core IT capability' if ws.core else 'not core'}; scope volatility "
            f"{ws.scope_volatility.value}"
        )
        ws_rec = c.by_workstream[w] if w < len(c.by_workstream) else None
        workstreams.append(
            {
                "index": w,
                "name": ws.name,
                "facts": facts,
                "rows": [_row(c, r) for r in rows],
                "recommendation": (
                    {
                        "title": option_title(ws_rec.option, home=home),
                        "code": ws_rec.option or ws_rec.strategy,
                        "reason": ws_rec.reasons[0] if ws_rec.reasons else "",
                    }
                    if ws_rec is not None
                    else None
                ),
            }
        )
    title = option_title(rec.option, home=home) if rec.option else strategy_title(rec.strategy)
    return {
        "name": s.name,
        "generated": (generated or dt.date.today()).isoformat(),
        "version": _version(),
        "currency": s.currency,
        "home": f"{country_name(home)} ({home})",
        "offshore": ", ".join(f"{country_name(x)} ({x})" for x in s.offshore_countries),
        "horizon": s.horizon,
        "run": run_text(c),
        "deterministic": c.run.deterministic,
        "recommendation": {
            "title": title,
            "code": rec.option or rec.strategy,
            "reasons": rec.reasons,
            "caveats": [item for item in rec.caveats if item not in c.notes],  # notes: own box
            "flips": rec.flip_conditions,
            "kpis": _kpis(c),
        },
        "notes": c.notes,
        "several_workstreams": len(s.workstreams) > 1,
        "workstreams": workstreams,
        "assumption_groups": _assumption_groups(c),
        "overrides": sum(1 for a in c.inputs.assumptions.values() if a.overridden),
        "scenario_yaml": scenario_to_yaml(s),
    }
