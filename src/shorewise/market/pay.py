"""Developer pay by country: Stack Overflow Developer Survey 2024 medians (ODbL).

Figures are medians of ``ConvertedCompYearly`` (USD per year, total compensation) over
developers by profession; see ``shorewise/data/SOURCES.md`` for caveats (self-selected
respondents, small samples flagged ``low_n``, some monthly figures entered as annual).

Example::

    >>> developer_pay("VN").annual_pay_usd
    12577.0
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from shorewise.errors import MarketDataError, Problem
from shorewise.market._csv import PAY_FILE, Row, parse_number, quartiles, rows_by_iso2
from shorewise.market.countries import resolve_iso2

LOW_N = 100  # respondents; below this a median can move 10-20 % a year (pay-by-country.md)


@dataclass(frozen=True)
class PayFigure:
    """A country's developer pay in USD per year, with sample size and provenance."""

    iso2: str
    country: str
    annual_pay_usd: float
    statistic: str
    n: int
    source: str
    source_year: int
    low_n: bool
    p25_usd: float | None
    p75_usd: float | None
    provenance: str


def _figure(row: Row) -> PayFigure:
    iso2 = row["country_iso2"]
    try:
        pay = parse_number(row["annual_pay_usd"])
        n = int(row["n"])
        year = int(row["source_year"])
    except ValueError as exc:
        raise MarketDataError(
            "bundled reference data is broken",
            source=PAY_FILE,
            problems=(Problem(iso2, f"pay, n or year is not a number: {exc}"),),
        ) from exc
    statistic = row.get("statistic") or "median"
    low_n = n < LOW_N
    provenance = (
        f"Stack Overflow Developer Survey {year} (ODbL), {statistic} of {n} professional developers"
    )
    if low_n:
        provenance += f" (small sample: n < {LOW_N})"
    p25_p75 = quartiles(row["notes"])
    return PayFigure(
        iso2=iso2,
        country=row["country"],
        annual_pay_usd=pay,
        statistic=statistic,
        n=n,
        source=row["source"],
        source_year=year,
        low_n=low_n,
        p25_usd=p25_p75[0] if p25_p75 else None,
        p75_usd=p25_p75[1] if p25_p75 else None,
        provenance=provenance,
    )


@cache
def _figures() -> dict[str, PayFigure]:
    return {iso2: _figure(row) for iso2, row in rows_by_iso2(PAY_FILE).items()}


def developer_pay(iso2: str) -> PayFigure | None:
    """Median developer pay for a country (ISO code or name), or None without a pay row.

    Example: ``developer_pay("US").annual_pay_usd == 147250.0`` (n = 4256).
    """
    code = resolve_iso2(iso2)
    return _figures().get(code) if code else None
