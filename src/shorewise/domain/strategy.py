"""The seed's four staffing strategies, and an option = a strategy in a country or a mix.

Two axes give four strategies (seed, "Software Development Strategies")::

                 done internally        done externally
    onshore      onshore_inhouse        onshore_outsource
    offshore     offshore_inhouse       offshore_outsource

Offshore strategies are per country: ``offshore_inhouse@VN`` is a dedicated team in
Vietnam. Example::

    >>> OptionKey.parse("offshore_inhouse@vn")
    OptionKey(strategy=<Strategy.OFFSHORE_INHOUSE: 'offshore_inhouse'>, country='VN')
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Strategy(StrEnum):
    """One of the seed's four strategies. ``Strategy.parse`` lists the valid words on error."""

    ONSHORE_INHOUSE = "onshore_inhouse"
    ONSHORE_OUTSOURCE = "onshore_outsource"
    OFFSHORE_INHOUSE = "offshore_inhouse"
    OFFSHORE_OUTSOURCE = "offshore_outsource"

    @property
    def offshore(self) -> bool:
        """True for the two strategies that work from another country."""
        return self in (Strategy.OFFSHORE_INHOUSE, Strategy.OFFSHORE_OUTSOURCE)

    @property
    def outsourced(self) -> bool:
        """True when an external vendor does the work."""
        return self in (Strategy.ONSHORE_OUTSOURCE, Strategy.OFFSHORE_OUTSOURCE)

    @property
    def label(self) -> str:
        """Words a CFO reads, e.g. ``dedicated team abroad``."""
        return _LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Strategy:
        """Parse a strategy name; the error lists every valid name."""
        try:
            return cls(text.strip().lower())
        except ValueError:
            valid = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown strategy {text!r}; allowed: {valid}") from None


def short_label(option_name: str) -> str:
    """``offshore_inhouse@VN`` -> ``VN team``; ``mix: NAME`` stays as it is."""
    if option_name.startswith("mix:"):
        return option_name
    return OptionKey.parse(option_name, default_country="??").short_label


_LABELS = {
    Strategy.ONSHORE_INHOUSE: "in-house team at home",
    Strategy.ONSHORE_OUTSOURCE: "vendor at home",
    Strategy.OFFSHORE_INHOUSE: "dedicated team abroad",
    Strategy.OFFSHORE_OUTSOURCE: "vendor abroad",
}


@dataclass(frozen=True, order=True)
class OptionKey:
    """A pure strategy, and for offshore strategies the country (ISO 3166-1 alpha-2)."""

    strategy: Strategy
    country: str | None = None

    def __str__(self) -> str:
        return f"{self.strategy.value}@{self.country}" if self.country else self.strategy.value

    @property
    def label(self) -> str:
        """e.g. ``dedicated team abroad (VN)``."""
        return f"{self.strategy.label} ({self.country})" if self.country else self.strategy.label

    @property
    def short_label(self) -> str:
        """For narrow tables: ``home team``, ``VN vendor``."""
        who = "vendor" if self.strategy.outsourced else "team"
        return f"{self.country or 'home'} {who}"

    @classmethod
    def parse(cls, text: str, default_country: str | None = None) -> OptionKey:
        """Parse ``strategy`` or ``strategy@CC``; offshore without a country takes the default."""
        name, _, country = text.partition("@")
        strategy = Strategy.parse(name)
        code = country.strip().upper() or None
        if strategy.offshore:
            code = code or default_country
            if code is None:
                raise ValueError(f"{text!r}: an offshore strategy needs a country, e.g. {name}@VN")
        elif code is not None:
            raise ValueError(f"{text!r}: {strategy.value} is onshore and takes no country")
        return cls(strategy, code)
