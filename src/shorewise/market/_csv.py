"""Read the bundled reference CSVs once, lazily, and parse the numbers in their notes.

The files live in ``shorewise/data/`` (see ``SOURCES.md`` there). Every loader here is
cached; a missing file or column becomes a :class:`~shorewise.errors.MarketDataError`.
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from importlib.resources import files

from shorewise.errors import MarketDataError, Problem

Row = dict[str, str]

PAY_FILE = "pay-by-country.csv"
FACTS_FILE = "country-facts.csv"
COSTS_FILE = "employer-costs.csv"

_COLUMNS: dict[str, tuple[str, ...]] = {
    PAY_FILE: ("country_iso2", "country", "annual_pay_usd", "n", "source", "source_year", "notes"),
    FACTS_FILE: (
        "country_iso2",
        "country",
        "hub_city",
        "iana_time_zone",
        "utc_offset_jan_2025",
        "utc_offset_jul_2025",
        "tz_source",
        "ef_epi_score",
    ),
    COSTS_FILE: (
        "country_iso2",
        "country",
        "employer_contributions_pct",
        "extra_salaries",
        "cap_notes",
        "source",
        "source_year",
        "strength",
    ),
}

_IMPLIED_RATE = re.compile(r"implied SO rate 1 USD = ([\d,.]+) ([A-Z]{3})")
_LOCAL_MEDIAN = re.compile(r"local median [\d,.]+ ([A-Z]{3})/yr")
_QUARTILES = re.compile(r"p25-p75 USD ([\d,.]+)-([\d,.]+)")


@cache
def read_rows(name: str) -> tuple[Row, ...]:
    """All rows of one bundled CSV, keyed by country ISO code (upper case).

    Raises ``MarketDataError`` naming the file when it is missing or lacks a column.
    Example: ``read_rows("pay-by-country.csv")[0]["country_iso2"] == "US"``.
    """
    try:
        text = (files("shorewise") / "data" / name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise MarketDataError("bundled reference data is missing", source=name) from exc
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in _COLUMNS.get(name, ()) if c not in (reader.fieldnames or ())]
    if missing:
        raise MarketDataError(
            "bundled reference data is broken",
            source=name,
            problems=tuple(Problem(c, "column missing") for c in missing),
        )
    rows = tuple({k: (v or "").strip() for k, v in row.items() if k} for row in reader)
    for row in rows:
        row["country_iso2"] = row["country_iso2"].upper()
    return rows


@cache
def rows_by_iso2(name: str) -> dict[str, Row]:
    """The rows of ``name`` keyed by ISO 3166-1 alpha-2 code. Example: ``["VN"]["country"]``."""
    return {row["country_iso2"]: row for row in read_rows(name)}


def parse_number(text: str) -> float:
    """``"25,442"`` -> ``25442.0``. Raises ``ValueError`` on anything else."""
    return float(text.replace(",", ""))


def implied_rate(notes: str) -> tuple[str, float] | None:
    """``(currency, units per USD)`` from a pay row's notes, or None (USD answers).

    Example: ``implied_rate("...implied SO rate 1 USD = 0.93 EUR)") == ("EUR", 0.93)``.
    """
    match = _IMPLIED_RATE.search(notes)
    return (match.group(2), parse_number(match.group(1))) if match else None


def local_currency(notes: str) -> str | None:
    """The currency of the local median in a pay row's notes: ``"67,000 GBP/yr"`` -> GBP."""
    match = _LOCAL_MEDIAN.search(notes)
    return match.group(1) if match else None


def quartiles(notes: str) -> tuple[float, float] | None:
    """``(p25, p75)`` in USD from ``"p25-p75 USD 105,000-194,000"``, or None."""
    match = _QUARTILES.search(notes)
    return (parse_number(match.group(1)), parse_number(match.group(2))) if match else None
