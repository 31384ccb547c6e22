"""The comparison as Markdown, for wikis and pull requests.

:func:`comparison_markdown` is what ``shorewise compare --format markdown`` prints (plain
amounts, no extra libraries); :func:`report_markdown` is the full report
(``shorewise report FILE -o report.md``): money with the currency's symbol (babel), cost
by category, the extra analyses when present, every assumption and the scenario itself.

Example::

    >>> print(comparison_markdown(result))       # doctest: +SKIP
    # Payments platform
    ...
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from shorewise.engine.types import CATEGORIES, CATEGORY_LABELS
from shorewise.report.money import human_amount, human_money, human_months, human_share, money
from shorewise.results.comparison import Comparison, Recommendation
from shorewise.uncertainty.summary import Percentiles

Money = Callable[[float | None], str]


def _band(p: Percentiles, fmt: Money) -> str:
    if p.p10 == p.p90:
        return fmt(p.p50)
    return f"{fmt(p.p50)} ({human_amount(p.p10)}–{human_amount(p.p90)})"


def _recommendation(rec: Recommendation, title: str) -> list[str]:
    what = rec.option or rec.strategy
    lines = [f"## {title}: **{what}**", ""]
    for head, items in (
        ("Why", rec.reasons),
        ("Watch out", rec.caveats),
        ("What would change the answer", rec.flip_conditions),
    ):
        if items:
            lines += [f"**{head}**", ""] + [f"- {item}" for item in items] + [""]
    return lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def run_text(c: Comparison) -> str:
    """``10,000 Monte Carlo draws, seed 42`` or the deterministic run's description."""
    if c.run.deterministic:
        return "deterministic run (every input at its median)"
    return f"{c.run.samples:,} Monte Carlo draws, seed {c.run.seed}"


def comparison_markdown(
    c: Comparison, *, detail: bool = False, money_fmt: Money | None = None
) -> str:
    """Recommendation, then one table per workstream (P50 with P10–P90 in brackets).

    ``money_fmt`` formats money cells (default: plain rounded amounts, the currency named
    once in the header).
    """
    cur = c.scenario.currency
    fmt: Money = money_fmt or human_amount
    plan_fmt: Money = money_fmt or (lambda v: human_money(v, cur))
    lines = [
        f"# {c.scenario.name}",
        "",
        f"Home {c.scenario.home_country}, horizon {c.scenario.horizon} months, "
        f"money in {cur}; {run_text(c)}. Figures are P50 (P10–P90).",
        "",
    ]
    lines += _recommendation(c.recommendation, "Recommendation")
    if c.plan_total is not None and c.plan_npv is not None:
        lines += [
            f"Plan total cost: {_band(c.plan_total, plan_fmt)}; NPV {_band(c.plan_npv, plan_fmt)}",
            "",
        ]
    for note in c.notes:
        lines += [f"> {note}", ""]
    for w, ws in enumerate(c.scenario.workstreams):
        rows = c.rows_for(w)
        lines += [
            f"## Workstream: {ws.name}",
            "",
            f"{ws.target_fte:g} FTE for {ws.duration_months} months from month "
            f"{ws.start_month}; core: {'yes' if ws.core else 'no'}; scope volatility "
            f"{ws.scope_volatility.value}.",
            "",
            "| option | eligible | total cost | NPV | effective FTE-months | cost per "
            "effective FTE-month | months to target | vs onshore in-house | control "
            "| P(best) | rank |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for r in rows:
            f = r.figures
            lines.append(
                f"| {_cell(r.alternative.option_name)} | {'yes' if r.eligible else 'no'} | "
                f"{_band(f['total_cost'], fmt)} | {fmt(f['npv_cost'].p50)} | "
                f"{f['effective_fte_months'].p50:,.0f} | "
                f"{_band(f['cost_per_effective_fte_month'], fmt)} | "
                f"{human_months(f['months_to_target'].p50)} | "
                f"{human_share(r.savings_vs_onshore_inhouse, signed=True)} | "
                f"{r.control:.0%} | {human_share(r.p_best)} | {r.rank or '-'} |"
            )
        excluded = [r for r in rows if not r.eligible]
        if excluded:
            lines += [""] + [
                f"- *{r.alternative.option_name}* excluded: {r.excluded_reason}" for r in excluded
            ]
        routes = [text for r in rows if (text := r.route_text())]
        if routes:
            lines += [""] + [f"- route: {text}" for text in routes]
        if detail:
            lines += [
                "",
                "| cost category (mean) | "
                + " | ".join(_cell(r.alternative.option_name) for r in rows)
                + " |",
                "|---|" + "---|" * len(rows),
            ]
            for cat in CATEGORIES:
                values = [r.category_means[cat] for r in rows]
                if any(abs(v) > 0.5 for v in values):
                    lines.append(
                        f"| {CATEGORY_LABELS[cat]} | "
                        + " | ".join(fmt(v) if abs(v) > 0.5 else "–" for v in values)
                        + " |"
                    )
        lines.append("")
    return "\n".join(lines)


def _extras(c: Comparison, fmt: Money) -> list[str]:
    extras: dict[str, Any] = getattr(c, "extras", None) or {}
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
                f"| {_cell(str(t['name']))} | {t['low_input']:.4g} → {t['high_input']:.4g} "
                f"| {fmt(t['output_at_low'])} | {fmt(t['output_at_high'])} |"
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
            "| months | " + " | ".join(_cell(o) for o in options) + " |",
            "|---|" + "---|" * len(options),
        ]
        for m in months:
            cells = [
                fmt(value[(m, o)]["cost_per_effective_fte_month"]) if (m, o) in value else "-"
                for o in options
            ]
            lines.append(f"| {m} | " + " | ".join(cells) + " |")
        lines.append("")
    return lines


def report_markdown(c: Comparison) -> str:
    """The full Markdown report: comparison with costs by category, extras, assumptions and
    the scenario file (YAML)."""
    from shorewise.io.scenario_file import scenario_to_yaml
    from shorewise.report.assumptions import assumption_table, unit_text

    cur = c.scenario.currency

    def fmt(value: float | None) -> str:
        return money(value, cur)

    lines = [comparison_markdown(c, detail=True, money_fmt=fmt).rstrip(), ""]
    lines += _extras(c, fmt)
    lines += [
        "## Assumptions",
        "",
        "Every model input as used in this run; **bold** = set in the scenario file. "
        "Central = the median, used for the deterministic run and the workbook.",
        "",
        "| input | value | central | unit | provenance | source |",
        "|---|---|---|---|---|---|",
    ]
    for a in assumption_table(c):
        name = f"**{a['key']}**" if a["overridden"] else a["key"]
        lines.append(
            f"| {name} | {_cell(a['value'])} | {a['central']:,.6g} | "
            f"{_cell(unit_text(a['unit'], cur))} | {a['provenance']} | {_cell(a['source'])} |"
        )
    lines += ["", "## Scenario", "", "```yaml", scenario_to_yaml(c.scenario).rstrip(), "```", ""]
    return "\n".join(lines)
