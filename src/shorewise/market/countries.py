"""Countries shorewise knows: hub city, time zone, UTC offsets and English proficiency.

Time-zone facts come from ``country-facts.csv`` (IANA tzdata 2025b, offsets on 15 January and
15 July 2025); hub cities are our judgement; English scores are EF EPI where found.

Example::

    >>> get_country("vietnam").utc_offset_jan_hours
    7.0
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache

from shorewise.errors import MarketDataError, Problem
from shorewise.market._csv import COSTS_FILE, FACTS_FILE, PAY_FILE, Row, read_rows, rows_by_iso2

# Codes people type that ISO 3166-1 spells differently (UK is reserved for GB).
_ALIASES = {"UK": "GB"}


@dataclass(frozen=True)
class Country:
    """One country's hub and time-zone facts. Offsets are hours east of UTC (India +5.5).

    ``english_score`` is the EF English Proficiency Index score, or None where not retrieved.
    ``provenance`` says where each figure comes from.
    """

    iso2: str
    name: str
    hub_city: str
    iana_time_zone: str
    utc_offset_jan_hours: float
    utc_offset_jul_hours: float
    english_score: float | None
    provenance: str = ""


def _parse_offset(text: str, iso2: str, field: str) -> float:
    """``"UTC+05:30"`` -> ``5.5``; ``"UTC-08:00"`` -> ``-8.0``."""
    body = text.removeprefix("UTC")
    try:
        sign = -1.0 if body[0] == "-" else 1.0
        hours, minutes = body[1:].split(":")
        return sign * (int(hours) + int(minutes) / 60)
    except (IndexError, ValueError) as exc:
        raise MarketDataError(
            "bundled reference data is broken",
            source=FACTS_FILE,
            problems=(Problem(f"{iso2}.{field}", f"not a UTC offset like UTC+07:00: {text!r}"),),
        ) from exc


def _country_from_row(row: Row) -> Country:
    iso2 = row["country_iso2"]
    score_text = row["ef_epi_score"]
    if score_text:
        english = (
            f"EF EPI {row.get('ef_epi_edition', '')} score {score_text} "
            f"(via {row.get('ef_epi_source', 'source not given')})"
        )
    else:
        english = "EF EPI score not retrieved"
    provenance = (
        f"time zone {row['iana_time_zone']}: {row['tz_source']}; "
        f"hub city {row['hub_city']}: judgement (chosen by us); English: {english}"
    )
    return Country(
        iso2=iso2,
        name=row["country"],
        hub_city=row["hub_city"],
        iana_time_zone=row["iana_time_zone"],
        utc_offset_jan_hours=_parse_offset(row["utc_offset_jan_2025"], iso2, "utc_offset_jan"),
        utc_offset_jul_hours=_parse_offset(row["utc_offset_jul_2025"], iso2, "utc_offset_jul"),
        english_score=float(score_text) if score_text else None,
        provenance=provenance,
    )


@cache
def _countries() -> dict[str, Country]:
    return {iso2: _country_from_row(row) for iso2, row in rows_by_iso2(FACTS_FILE).items()}


@cache
def _names() -> dict[str, str]:
    """ISO code -> country name, over all three CSVs (pay, facts, employer costs)."""
    names: dict[str, str] = {}
    for file in (FACTS_FILE, PAY_FILE, COSTS_FILE):
        for row in read_rows(file):
            names.setdefault(row["country_iso2"], row["country"])
    return names


@cache
def _codes_by_name() -> dict[str, str]:
    """Upper-case country name -> ISO code."""
    return {name.upper(): iso2 for iso2, name in _names().items()}


def resolve_iso2(code_or_name: str) -> str | None:
    """The ISO code for a code or English name in any bundled CSV, or None.

    Case-insensitive. Example: ``resolve_iso2("viet nam")`` is None, ``resolve_iso2("Vietnam")``
    and ``resolve_iso2("vn")`` are ``"VN"``.
    """
    key = code_or_name.strip().upper()
    key = _ALIASES.get(key, key)
    if key in _names():
        return key
    return _codes_by_name().get(key)


def unknown_country(code_or_name: str, field: str = "country") -> MarketDataError:
    """The error for a code or name no bundled CSV knows, with close suggestions."""
    names = _names()
    key = code_or_name.strip()
    codes = difflib.get_close_matches(key.upper(), list(names), n=3, cutoff=0.5)
    by_name = {name.lower(): iso2 for iso2, name in names.items()}
    codes += [by_name[n] for n in difflib.get_close_matches(key.lower(), list(by_name), n=3)]
    hints = [c for c in dict.fromkeys(codes) if c in _countries()]
    if hints:
        suggestion = ", ".join(f"{c} ({names[c]})" for c in hints)
        message = f"unknown country {code_or_name!r}; did you mean {suggestion}?"
    else:
        known = ", ".join(sorted(_countries()))
        message = f"unknown country {code_or_name!r}; known ISO 3166-1 alpha-2 codes: {known}"
    return MarketDataError(message, problems=(Problem(field, message),))


def get_country(iso2: str) -> Country:
    """The country for an ISO 3166-1 alpha-2 code or English name, case-insensitive.

    Raises ``MarketDataError`` naming the code and suggesting close ones when unknown, or
    when the country has pay data but no time-zone facts.
    Example: ``get_country("VN").hub_city == "Ho Chi Minh City"``.
    """
    code = resolve_iso2(iso2)
    if code is None:
        raise unknown_country(iso2)
    country = _countries().get(code)
    if country is None:
        known = ", ".join(sorted(_countries()))
        message = (
            f"no time-zone facts for {code} ({_names()[code]}) in {FACTS_FILE}; "
            f"countries with time-zone facts: {known}"
        )
        raise MarketDataError(message, problems=(Problem("country", message),))
    return country


def list_countries() -> list[Country]:
    """Every country with time-zone facts (whichever CSVs also know it), sorted by name.

    Example: ``[c.iso2 for c in list_countries()][:2] == ["AR", "AU"]``.
    """
    return sorted(_countries().values(), key=lambda country: country.name)


def is_known_country(iso2: str) -> bool:
    """True when :func:`get_country` would succeed. Example: ``is_known_country("pl")``."""
    code = resolve_iso2(iso2)
    return code is not None and code in _countries()
