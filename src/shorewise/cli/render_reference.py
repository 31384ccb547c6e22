"""Reference data (countries) as blocks: one table in the terminal or as Markdown."""

from __future__ import annotations

from shorewise.cli.tables import Block, Grid
from shorewise.results import numbers as fmt
from shorewise.workflows.reference import CountryRow

SOURCES = (
    "Pay: Stack Overflow Developer Survey 2024 medians (ODbL); low = fewer than 100 "
    "respondents. On-costs at the median pay: BLS for the US, statutory elsewhere. SITE "
    "productivity: COCOMO II.2000 scale by overlap hours."
)


def country_blocks(rows: list[CountryRow], home: str | None) -> list[Block]:
    """One row per country: hub, offset, survey pay, on-costs, overlap with home."""
    headers = ["code", "country (hub)", "UTC (Jan)", "median pay USD/yr", "n", "on-costs"]
    if home:
        headers += [f"overlap {home} h/day", "SITE prod."]
    cells = []
    for r in rows:
        row = [
            r.iso2,
            f"{r.name} ({r.hub_city})",
            r.utc_offset.removeprefix("UTC").removesuffix(":00"),
            f"{r.annual_pay_usd:,.0f}" if r.annual_pay_usd else fmt.MISSING,
            f"{r.pay_n}{' (low)' if r.low_n else ''}" if r.pay_n else fmt.MISSING,
            fmt.share(r.oncost_rate) if r.oncost_rate is not None else fmt.MISSING,
        ]
        if home:
            row += [
                f"{r.overlap_hours:.1f}" if r.overlap_hours is not None else fmt.MISSING,
                f"{r.site_productivity:.2f}" if r.site_productivity is not None else fmt.MISSING,
            ]
        cells.append(row)
    return [Grid("", tuple(headers), cells, text_columns=frozenset({0, 1}), note=SOURCES)]
