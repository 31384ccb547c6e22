"""Names people read in reports: ``Dedicated team in Vietnam`` for ``offshore_inhouse@VN``.

Example::

    >>> option_title("offshore_inhouse@VN", home="US")
    'Dedicated team in Vietnam'
    >>> option_title("onshore_outsource", home="DE")
    'Vendor at home (Germany)'
"""

from __future__ import annotations

from shorewise.errors import MarketDataError
from shorewise.market import get_country


def country_name(code: str | None) -> str:
    """The English name of an ISO 3166-1 alpha-2 code, or the code when unknown."""
    if not code:
        return ""
    try:
        return get_country(code).name
    except MarketDataError:
        return code


def option_title(option_name: str | None, *, home: str) -> str:
    """A readable title for an option name (``offshore_outsource@PL``, ``mix: NAME``)."""
    if not option_name:
        return "no eligible option"
    if option_name.startswith("mix:"):
        return "Mix: " + option_name.removeprefix("mix:").strip()
    strategy, _, country = option_name.partition("@")
    where = country_name(country)
    titles = {
        "onshore_inhouse": f"In-house team at home ({country_name(home)})",
        "onshore_outsource": f"Vendor at home ({country_name(home)})",
        "offshore_inhouse": f"Dedicated team in {where}",
        "offshore_outsource": f"Vendor in {where}",
    }
    return titles.get(strategy, option_name)


def strategy_title(strategy: str) -> str:
    """``mixed`` and ``none`` in words; other strategy names with spaces."""
    return {
        "mixed": "A different option per workstream",
        "none": "No eligible option",
    }.get(strategy, strategy.replace("_", " "))
