"""What an assumption is: a named model input with unit, default and provenance.

Example::

    >>> from shorewise.domain.distributions import Uniform
    >>> a = Assumption("vendor_margin", "share", Uniform(low=0.2, high=0.6),
    ...                Provenance("seed", "article's model comparison: 20 %-60 %"),
    ...                "vendor's mark-up over its own loaded staff cost")
    >>> a.provenance.kind
    'seed'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from shorewise.domain.allowed import Allowed
from shorewise.domain.distributions import Distribution

ProvenanceKind = Literal["seed", "published", "market", "judgement", "scenario"]

UNITS = {
    "share": "fraction (0.8 = 80 %)",
    "ratio": "multiplier (1.3 = 30 % more)",
    "share/year": "fraction per year",
    "months": "months",
    "money/month": "scenario currency per FTE-month",
    "money/year": "scenario currency per FTE-year",
    "money": "scenario currency, one-off",
    "money/entity-month": "scenario currency per month, per entity",
    "money/hour": "scenario currency per billed hour",
    "hours/month": "billed hours per FTE-month",
    "hires/month": "people hired per month",
}


@dataclass(frozen=True)
class Provenance:
    """Where a default comes from: ``seed`` (the article), ``published`` (source + year),
    ``market`` (bundled country data), ``judgement`` (ours, labelled so), ``scenario`` (the file).
    """

    kind: ProvenanceKind
    text: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.text}"


@dataclass(frozen=True)
class Assumption:
    """One model input. ``default`` is ``None`` when it is derived from market data.

    ``per_country`` inputs may be overridden for one country as ``name@CC``. ``allowed``
    is the range every value must lie in (set for each catalogue entry from
    :data:`shorewise.domain.ranges.ALLOWED`; ``None`` only before that).
    """

    name: str
    unit: str
    default: Distribution | None
    provenance: Provenance
    meaning: str
    per_country: bool = False
    group: str = "general"
    allowed: Allowed | None = None
