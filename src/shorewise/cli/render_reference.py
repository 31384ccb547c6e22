"""Rich tables for reference data (countries)."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table

from shorewise.workflows.reference import CountryRow


def print_countries(console: Console, rows: list[CountryRow], home: str | None) -> None:
    """One row per country: hub, offset, survey pay, on-costs, overlap with home."""
    table = Table(header_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("code", no_wrap=True)
    table.add_column("country (hub)", max_width=26, overflow="fold")
    table.add_column("UTC\n(Jan)", no_wrap=True)
    for col in ("median pay\nUSD/yr", "n", "on-\ncosts"):
        table.add_column(col, justify="right", no_wrap=True)
    if home:
        table.add_column(f"overlap\n{home} h/day", justify="right", no_wrap=True)
        table.add_column("SITE\nprod.", justify="right", no_wrap=True)
    for r in rows:
        pay = f"{r.annual_pay_usd:,.0f}" if r.annual_pay_usd else "-"
        n = f"{r.pay_n}{' (low)' if r.low_n else ''}" if r.pay_n else "-"
        cells = [
            r.iso2,
            f"{r.name} ({r.hub_city})",
            r.utc_offset.removeprefix("UTC").removesuffix(":00"),
            pay,
            n,
            f"{r.oncost_rate:.0%}" if r.oncost_rate is not None else "-",
        ]
        if home:
            cells += [
                f"{r.overlap_hours:.1f}" if r.overlap_hours is not None else "-",
                f"{r.site_productivity:.2f}" if r.site_productivity is not None else "-",
            ]
        table.add_row(*cells)
    console.print(table)
    console.print(
        "[dim]Pay: Stack Overflow Developer Survey 2024 medians (ODbL); low = fewer "
        "than 100 respondents. On-costs at the median pay: BLS for the US, statutory "
        "elsewhere. SITE productivity: COCOMO II.2000 scale by overlap hours.[/dim]"
    )
