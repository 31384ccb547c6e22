"""Per-country judgements about how developers are paid: contractor (B2B) shares and
corrections where the pay survey is known to skew low. Every figure is judgement, labelled
so, with the reason it rests on.

Example::

    >>> b2b_share("PL").low
    0.3
    >>> b2b_share("VN") is None
    True
"""

from __future__ import annotations

from dataclasses import dataclass

from shorewise.market.countries import resolve_iso2


@dataclass(frozen=True)
class JudgedRange:
    """A uniform range ``low``..``high`` with the reason for it."""

    low: float
    high: float
    reason: str


B2B_SHARES: dict[str, JudgedRange] = {
    "PL": JudgedRange(
        0.3,
        0.6,
        "judgement: much of Poland's developer market invoices B2B (self-employed, own "
        "ZUS); no survey share in the bundled data",
    ),
    "UA": JudgedRange(
        0.5,
        0.9,
        "judgement: most Ukrainian developers work as FOP private entrepreneurs "
        "(employer-costs.md: contractor models not covered by the 22 % ESV)",
    ),
}
"""Share of developers paid as B2B contractors, where it is known to be large."""

SURVEY_CORRECTIONS: dict[str, JudgedRange] = {
    "VN": JudgedRange(
        1.0,
        1.77,
        "judgement between 1 and the ITviec 2024-25 report's median IT pay (VND 43.7m a "
        "month, about USD 1,850) over the Stack Overflow 2024 median (USD 12,577 a year): "
        "21 % of Vietnam's survey answers are under USD 5k, probably monthly pay entered as "
        "annual (pay-by-country.md caveat 3)",
    ),
}
"""Pay abroad over the survey median, relative to the home premium, where the survey is
known to skew low and a second source says by how much."""


def b2b_share(iso2: str) -> JudgedRange | None:
    """The judged B2B share of ``iso2``'s developers, or ``None`` (employment contracts)."""
    code = resolve_iso2(iso2)
    return B2B_SHARES.get(code) if code else None


def survey_correction(iso2: str) -> JudgedRange | None:
    """The judged correction of ``iso2``'s survey pay, or ``None`` (the survey as it is)."""
    code = resolve_iso2(iso2)
    return SURVEY_CORRECTIONS.get(code) if code else None
