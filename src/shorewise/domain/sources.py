"""Provenance helpers and source names shared by the assumption defaults.

Example::

    >>> seed("outsourcing margins 20 %-60 %").kind
    'seed'
"""

from __future__ import annotations

from shorewise.domain.assumption import Provenance
from shorewise.domain.distributions import Fixed

SEED_TABLE = "article 'Outsourcing and Offshoring', model comparison table"
CIO_2003 = "Overby, 'The Hidden Costs of Offshore Outsourcing', CIO Magazine 2003"
COCOMO = "COCOMO II.2000 Model Definition Manual (USC 2000)"


def seed(text: str) -> Provenance:
    """A default taken from the seed article's model comparison table."""
    return Provenance("seed", f"{SEED_TABLE}: {text}")


def published(text: str) -> Provenance:
    """A default from a published source (name it with its year)."""
    return Provenance("published", text)


def judgement(text: str) -> Provenance:
    """Our judgement, labelled so (say what anchors it)."""
    return Provenance("judgement", text)


def market(text: str) -> Provenance:
    """Derived per scenario from bundled country data."""
    return Provenance("market", text)


def fixed(value: float) -> Fixed:
    """A known value."""
    return Fixed(value=value)
