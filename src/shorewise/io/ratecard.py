"""Read a user's rate card CSV: their own pay and vendor rates per country.

Columns (header required): ``country`` (ISO code), and at least one of ``annual_pay``
(own staff gross pay per year) and ``vendor_monthly_rate`` (a vendor's price per FTE-month),
both in the scenario's currency. Empty cells are allowed.

Example file::

    country,annual_pay,vendor_monthly_rate
    US,165000,
    VN,28000,4200
"""

from __future__ import annotations

import csv
import io
import math
import os
from pathlib import Path

from shorewise.domain.ratecard import RateCard, RateCardRow
from shorewise.errors import Problem, RateCardError, problems_found
from shorewise.market import is_known_country

COLUMNS = ("country", "annual_pay", "vendor_monthly_rate")


def _number(text: str, field: str, problems: list[Problem]) -> float | None:
    text = text.strip().replace(",", "").replace("_", "")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        problems.append(Problem(field, f"{text!r} is not a number"))
        return None
    if not math.isfinite(value) or value <= 0:
        problems.append(Problem(field, f"must be a positive number (got {text})"))
        return None
    return value


def load_rate_card(path: str | os.PathLike[str]) -> RateCard:
    """Parse and check a rate card; every problem is reported with its row and column."""
    where = str(path)
    p = Path(path)
    if not p.is_file():
        raise RateCardError("rate card not found", source=where)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RateCardError(
            f"cannot read the rate card as UTF-8 text ({exc})", source=where
        ) from exc
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    if "country" not in header or not {"annual_pay", "vendor_monthly_rate"} & set(header):
        raise RateCardError(
            f"header must have 'country' and 'annual_pay' and/or 'vendor_monthly_rate' "
            f"(got {', '.join(header) or 'nothing'})",
            source=where,
        )
    unknown = [h for h in header if h not in COLUMNS]
    problems: list[Problem] = [
        Problem(f"column {h}", f"unknown column; allowed: {', '.join(COLUMNS)}") for h in unknown
    ]
    rows: dict[str, RateCardRow] = {}
    for line, record in enumerate(reader, start=2):
        record = {(k or "").strip(): (v or "") for k, v in record.items()}
        code = record.get("country", "").strip().upper()
        if not is_known_country(code):
            problems.append(Problem(f"row {line}.country", f"unknown country code {code!r}"))
            continue
        if code in rows:
            problems.append(Problem(f"row {line}.country", f"{code} appears twice"))
            continue
        pay = _number(record.get("annual_pay", ""), f"row {line}.annual_pay", problems)
        rate = _number(
            record.get("vendor_monthly_rate", ""), f"row {line}.vendor_monthly_rate", problems
        )
        rows[code] = RateCardRow(pay, rate)
    if problems:
        raise RateCardError(
            problems_found(len(problems), "the rate card"), source=where, problems=tuple(problems)
        )
    return RateCard(source=where, rows=rows)
