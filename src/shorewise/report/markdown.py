"""The result as Markdown, for wikis and pull requests — in words, never ids.

:func:`comparison_markdown` is what ``shorewise compare --format markdown`` prints;
:func:`report_markdown` is the full report (``shorewise report FILE -o report.md``): cost by
category, the extra analyses when present, every assumption and the scenario itself.
Money uses the shared formatter (the currency's symbol).

Example::

    >>> print(comparison_markdown(result))       # doctest: +SKIP
    # Payments platform
    ...
"""

from __future__ import annotations

from typing import Any

from shorewise.engine.types import CATEGORIES
from shorewise.report.context import central_text, run_text, scenario_yaml
from shorewise.report.decision_tables import decision_science_lines
from shorewise.results import numbers as fmt
from shorewise.results.headline import headline
from shorewise.results.result import Finding, FlipCondition, Quantiles, Result
from shorewise.results.vocabulary import (
    PROVENANCE_LABELS,
    category_label,
    country_name,
    input_label,
    option_label,
)


def _band(p: Quantiles, currency: str) -> str:
    mid = fmt.money(p.value(), currency)
    if p.p10 == p.p90:
        return mid
    return f"{mid} ({fmt.amount_range(p.value('p10'), p.value('p90'))})"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _items(head: str, items: list[Finding] | list[FlipCondition]) -> list[str]:
    if not items:
        return []
    return [f"**{head}**", ""] + [f"- {item.text}" for item in items] + [""]


def _decision(c: Result) -> list[str]:
    rec = c.recommendation
    top = headline(c)
    lines = []
    if len(top.picks) == 1:
        lines += [f"## Recommendation: **{top.picks[0][1]}**", ""]
    else:
        lines += ["## Recommendation", ""]
        lines += [f"- **{workstream}**: {label}" for workstream, label in top.picks] + [""]
    if top.total_text:
        lines += [top.total_text, ""]
    if top.changes:
        lines += ["Would change the answer:", ""] + [f"- {t}" for t in top.changes] + [""]
    lines += _items("Why", rec.reasons)
    lines += _items("Watch out", rec.caveats)
    lines += _items("What would change the answer", rec.flip_conditions)
    return lines


def comparison_markdown(c: Result, *, detail: bool = False) -> str:
    """The decision, then one table per workstream (P50 with P10–P90 in brackets)."""
    cur = c.currency
    lines = [
        f"# {c.scenario}",
        "",
        f"Home {country_name(c.home_country)}, modelled over {fmt.months(c.horizon_months)}, money "
        f"in {cur}; {run_text(c)}. Figures are P50 (P10–P90).",
        "",
    ]
    lines += _decision(c)
    if c.plan.npv_cost is not None:
        lines += [f"Net present value of the plan: {_band(c.plan.npv_cost, cur)}", ""]
    for note in c.notes:
        lines += [f"> {note}", ""]
    if c.routes:
        lines += ["Team abroad, route per country:", ""]
        lines += [f"- {route.text}" for route in c.routes] + [""]
    for ws in c.workstreams:
        rows = c.rows_for(ws.name)
        lines += [
            f"## Workstream: {ws.name}",
            "",
            f"{ws.fte:g} FTE for {fmt.months(ws.duration_months)} from month "
            f"{ws.start_month + 1}: {ws.required_fte_months:,.0f} FTE-months due by month "
            f"{ws.due_month}; core: {'yes' if ws.core else 'no'}; scope volatility "
            f"{ws.scope_volatility}.",
            "",
            "| option | allowed | total cost | delivered by due month | all done by | cost per "
            "effective FTE-month | to 90% of target | vs home team (total, per unit) | control "
            "| P(first) | rank |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        home = next((r for r in rows if r.option == "onshore_inhouse"), None)
        for r in rows:
            vs = "–"
            if home is not None and r is not home and r.savings_vs_onshore_inhouse is not None:
                total = 1 - r.total_cost.value() / home.total_cost.value()
                vs = (
                    f"{fmt.share(total, signed=True)}, "
                    f"{fmt.share(r.savings_vs_onshore_inhouse, signed=True)}"
                )
            lines.append(
                f"| {_cell(r.label)} | {'yes' if r.eligible else 'no'} | "
                f"{_band(r.total_cost, cur)} | {fmt.share(r.delivered_share.value())} | "
                f"{c.finish_text(r)} | "
                f"{_band(r.cost_per_effective_fte_month, cur)} | "
                f"{fmt.months(r.months_to_target.value())} | {vs} | "
                f"{fmt.share(r.control)} | {fmt.share(r.p_best) if r.eligible else '–'} | "
                f"{r.rank or '–'} |"
            )
        excluded = [r for r in rows if not r.eligible]
        if excluded:
            lines += [""] + [f"- *{r.label}* excluded: {r.excluded_reason}" for r in excluded]
        routes = [text for r in rows if (text := r.route)]
        if routes:
            lines += [""] + [f"- route: {text}" for text in dict.fromkeys(routes)]
        if detail:
            lines += [
                "",
                "| cost category (mean) | " + " | ".join(_cell(r.label) for r in rows) + " |",
                "|---|" + "---|" * len(rows),
            ]
            for cat in CATEGORIES:
                values = [r.cost_by_category.get(cat, 0.0) for r in rows]
                if any(abs(v) > 0.5 for v in values):
                    lines.append(
                        f"| {category_label(cat)} | "
                        + " | ".join(fmt.money(v, cur) if abs(v) > 0.5 else "–" for v in values)
                        + " |"
                    )
        lines.append("")
    return "\n".join(lines)


def _number(value: Any) -> str:
    v = float(value)
    return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.3g}"


def _extras(c: Result) -> list[str]:
    extras = c.analyses
    cur = c.currency
    lines: list[str] = []
    tornado = extras.get("tornado") or []
    if tornado:
        lines += [
            "## What moves the answer most (tornado)",
            "",
            "| input | low → high | output at low | output at high |",
            "|---|---|---|---|",
        ]
        for t in tornado:
            lines.append(
                f"| {_cell(input_label(str(t['name'])))} | {_number(t['low_input'])} → "
                f"{_number(t['high_input'])} | {fmt.money(t['output_at_low'], cur)} | "
                f"{fmt.money(t['output_at_high'], cur)} |"
            )
        lines.append("")
    sweep = extras.get("duration_sweep") or []
    if sweep:
        options = list(dict.fromkeys(str(s["option"]) for s in sweep))
        months = sorted({int(s["duration_months"]) for s in sweep})
        value = {(int(s["duration_months"]), str(s["option"])): s for s in sweep}
        lines += [
            "## Cost per effective FTE-month by duration",
            "",
            "| months | " + " | ".join(_cell(option_label(o)) for o in options) + " |",
            "|---|" + "---|" * len(options),
        ]
        for m in months:
            cells = [
                fmt.money(value[(m, o)]["cost_per_effective_fte_month"], cur)
                if (m, o) in value
                else "–"
                for o in options
            ]
            lines.append(f"| {m} | " + " | ".join(cells) + " |")
        lines.append("")
    return lines


def report_markdown(c: Result) -> str:
    """The full Markdown report: the comparison with costs by category, the analyses,
    the assumptions and the scenario file (YAML)."""
    from shorewise.report.assumptions import unit_text

    lines = [comparison_markdown(c, detail=True).rstrip(), ""]
    lines += _extras(c)
    lines += decision_science_lines(c)
    lines += [
        "## Assumptions",
        "",
        "Every model input as used in this run; **bold** = set in the scenario file. "
        "Central = the median, used for the deterministic run and the workbook.",
        "",
        "| input | scenario key | value | central | unit | source |",
        "|---|---|---|---|---|---|",
    ]
    for a in c.assumptions:
        name = f"**{a.label}**" if a.overridden else a.label
        lines.append(
            f"| {_cell(name)} | `{a.key}` | {_cell(a.value)} | {central_text(a.central, a.unit)} | "
            f"{_cell(unit_text(a.unit, c.currency))} | "
            f"{PROVENANCE_LABELS.get(a.provenance, a.provenance)}: {_cell(a.source)} |"
        )
    lines += ["", "## Scenario", "", "```yaml", scenario_yaml(c).rstrip(), "```", ""]
    return "\n".join(lines)
