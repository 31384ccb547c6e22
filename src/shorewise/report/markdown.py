"""The comparison as Markdown, for wikis and pull requests.

Example::

    >>> print(comparison_markdown(result))       # doctest: +SKIP
    # Payments platform
    ...
"""

from __future__ import annotations

from shorewise.engine.types import CATEGORIES, CATEGORY_LABELS
from shorewise.report.money import human_amount, human_money, human_months, human_share
from shorewise.results.comparison import Comparison, Recommendation


def _band(p: object, currency: str | None = None) -> str:
    lo, mid, hi = (getattr(p, k) for k in ("p10", "p50", "p90"))
    fmt = (lambda v: human_money(v, currency)) if currency else human_amount
    if lo == hi:
        return fmt(mid)
    return f"{fmt(mid)} ({human_amount(lo)}–{human_amount(hi)})"


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


def comparison_markdown(c: Comparison, *, detail: bool = False) -> str:
    """Recommendation, then one table per workstream (P50 with P10–P90 in brackets)."""
    cur = c.scenario.currency
    run = (
        "deterministic run (every input at its median)"
        if c.run.deterministic
        else (f"{c.run.samples:,} Monte Carlo draws, seed {c.run.seed}")
    )
    lines = [
        f"# {c.scenario.name}",
        "",
        f"Home {c.scenario.home_country}, horizon {c.scenario.horizon} months, "
        f"money in {cur}; {run}. Figures are P50 (P10–P90).",
        "",
    ]
    lines += _recommendation(c.recommendation, "Recommendation")
    if c.plan_total is not None:
        lines += [f"Plan total cost: {_band(c.plan_total, cur)}; NPV {_band(c.plan_npv, cur)}", ""]
    for note in c.notes:
        lines += [f"> {note}", ""]
    for w, ws in enumerate(c.scenario.workstreams):
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
        for r in c.rows_for(w):
            f = r.figures
            lines.append(
                f"| {r.alternative.option_name} | {'yes' if r.eligible else 'no'} | "
                f"{_band(f['total_cost'])} | {human_amount(f['npv_cost'].p50)} | "
                f"{f['effective_fte_months'].p50:,.0f} | "
                f"{_band(f['cost_per_effective_fte_month'])} | "
                f"{human_months(f['months_to_target'].p50)} | "
                f"{human_share(r.savings_vs_onshore_inhouse, signed=True)} | "
                f"{r.control:.0%} | {human_share(r.p_best)} | {r.rank or '-'} |"
            )
        excluded = [r for r in c.rows_for(w) if not r.eligible]
        if excluded:
            lines += [""] + [
                f"- *{r.alternative.option_name}* excluded: {r.excluded_reason}" for r in excluded
            ]
        routes = [r.route_text() for r in c.rows_for(w) if r.route_text()]
        if routes:
            lines += [""] + [f"- route: {text}" for text in routes]
        if detail:
            lines += [
                "",
                "| cost category (mean) | "
                + " | ".join(r.alternative.option_name for r in c.rows_for(w))
                + " |",
                "|---|" + "---|" * len(c.rows_for(w)),
            ]
            for cat in CATEGORIES:
                values = [r.category_means[cat] for r in c.rows_for(w)]
                if any(abs(v) > 0.5 for v in values):
                    lines.append(
                        f"| {CATEGORY_LABELS[cat]} | "
                        + " | ".join(human_amount(v) for v in values)
                        + " |"
                    )
        lines.append("")
    return "\n".join(lines)
