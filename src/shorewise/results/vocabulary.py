"""The words people read for every id the program uses: one vocabulary, in one module.

Programs read ids (``offshore_inhouse@VN``, ``vendor_margin``, ``eor``); people read
labels (*Dedicated team in Vietnam*, *vendor margin*, *employer of record*). Every surface
— terminal tables, web pages, HTML/PDF/Markdown reports, the workbook — takes its words
from here; ids appear only in JSON and files.

Example::

    >>> option_label("offshore_inhouse@VN")
    'Dedicated team in Vietnam'
    >>> option_label("onshore_outsource", short=True)
    'Home vendor'
    >>> input_label("offshore_wage_ratio@PH")
    'offshore wage ratio (the Philippines)'
    >>> input_label("control_offshore_outsource")
    'control of a vendor abroad'
"""

from __future__ import annotations

from functools import lru_cache

from shorewise.engine.types import CATEGORY_LABELS
from shorewise.errors import MarketDataError

__all__ = [
    "CATEGORY_SHORT",
    "CRITERION_LABELS",
    "PROVENANCE_LABELS",
    "ROUTE_LABELS",
    "STRATEGY_LABELS",
    "category_label",
    "country_name",
    "criterion_label",
    "in_country",
    "input_label",
    "option_label",
    "option_phrase",
    "route_label",
]

STRATEGY_LABELS = {
    "onshore_inhouse": "In-house team at home",
    "onshore_outsource": "Vendor at home",
    "offshore_inhouse": "Dedicated team abroad",
    "offshore_outsource": "Vendor abroad",
    "mix": "Mix",
    "mixed": "A different option per workstream",
    "none": "No eligible option",
}
"""The seed's four strategies (and the plan-level words) in a CFO's words."""

ROUTE_LABELS = {"eor": "employer of record", "entity": "own entity"}
"""How a team abroad is employed."""

CRITERION_LABELS = {
    "cost": "cost per unit of work",
    "speed": "speed",
    "control": "control",
    "scalability": "scalability",
    "risk": "risk",
}
"""The five decision criteria."""

PROVENANCE_LABELS = {
    "seed": "the article",
    "published": "published source",
    "market": "market data",
    "judgement": "our judgement",
    "scenario": "your scenario",
}
"""Where a default comes from (``seed`` is the article shorewise comes from)."""

CATEGORY_SHORT = {
    "on_costs": "on-costs, benefits",
    "equipment_office": "equipment, office",
    "eor_fees": "EOR fees",
    "entity": "team set-up",
    "release": "release at end",
    "vendor_selection_transition": "vendor selection",
    "governance": "governance",
    "change_requests": "change requests",
    "rework": "rework",
    "cost_of_delay": "cost of delay",
}
"""Cost categories for narrow tables and chart legends (whole words, no mid-word cuts)."""

CATEGORY_WORDS = {
    "entity": "team set-up abroad (and own entity running cost)",
}
"""Categories whose engine name says less than they hold: ``entity`` is the one-off set-up
of a team abroad on either route, plus the running cost only of an own entity — on the
employer-of-record route it is not an entity cost."""

_INPUT_WORDS = {
    "onshore": "home",
    "offshore": "offshore",
    "oncost": "on-cost",
    "eor": "employer-of-record",
    "fte": "FTE",
}

_STRATEGY_IN_INPUT = {
    "onshore_inhouse": "an in-house team at home",
    "onshore_outsource": "a vendor at home",
    "offshore_inhouse": "a dedicated team abroad",
    "offshore_outsource": "a vendor abroad",
}

_WITH_THE = frozenset(
    {"US", "GB", "NL", "PH", "AE", "CZ", "DO", "BS", "GM", "KY", "MV", "SC", "VA"}
)


@lru_cache(maxsize=256)
def country_name(code: str | None) -> str:
    """The English name of an ISO 3166-1 alpha-2 code (``VN`` -> ``Vietnam``), else the code."""
    if not code:
        return ""
    from shorewise.market import get_country

    try:
        return get_country(code).name
    except MarketDataError:
        return code


def in_country(code: str) -> str:
    """The country as it reads after "in": ``the Philippines``, ``Vietnam``."""
    name = country_name(code)
    return f"the {name}" if code.upper() in _WITH_THE and name != code else name


def option_label(option: str | None, *, short: bool = False, home: str | None = None) -> str:
    """The label of an option id: ``offshore_outsource@PL`` -> ``Vendor in Poland``.

    ``mix: NAME`` -> ``Mix: NAME``; ``short=True`` gives the narrow-table form
    (``Poland vendor``, ``Home team``); ``home`` names the home country for the two onshore
    options (``In-house team at home (Germany)``).
    """
    if not option:
        return STRATEGY_LABELS["none"]
    if option.startswith("mix:"):
        return "Mix: " + option.removeprefix("mix:").strip()
    strategy, _, country = option.partition("@")
    if strategy in ("mixed", "none"):
        return STRATEGY_LABELS[strategy]
    vendor = strategy.endswith("outsource")
    if short:
        where = country_name(country) if country else "Home"
        return f"{where} {'vendor' if vendor else 'team'}"
    if country:
        who = "Vendor" if vendor else "Dedicated team"
        return f"{who} in {in_country(country)}"
    text = STRATEGY_LABELS.get(strategy, strategy.replace("_", " "))
    return f"{text} ({country_name(home)})" if home else text


def option_phrase(option: str | None, *, home: str | None = None) -> str:
    """The option as it reads inside a sentence: ``the dedicated team in Vietnam``,
    ``the mix "leads at home"``."""
    if not option:
        return "no eligible option"
    if option.startswith("mix:"):
        return f'the mix "{option.removeprefix("mix:").strip()}"'
    label = option_label(option, home=home)
    return "the " + label[0].lower() + label[1:]


def route_label(route: str | None) -> str:
    """``eor`` -> ``employer of record``; ``entity`` -> ``own entity``."""
    return ROUTE_LABELS.get(route or "", route or "")


def criterion_label(criterion: str) -> str:
    """``cost`` -> ``cost per unit of work``."""
    return CRITERION_LABELS.get(criterion, criterion)


def category_label(category: str, *, short: bool = False) -> str:
    """A cost category in words (``short``: for narrow tables and legends)."""
    if short:
        return CATEGORY_SHORT.get(category, CATEGORY_LABELS.get(category, category))
    return CATEGORY_WORDS.get(category, CATEGORY_LABELS.get(category, category))


def input_label(key: str) -> str:
    """An input's name in words: ``vendor_margin`` -> ``vendor margin``;
    ``offshore_wage_ratio@VN`` -> ``offshore wage ratio (Vietnam)``; ``duration_months`` ->
    ``duration``; ``weight.cost`` -> ``weight on cost``."""
    if key == "duration_months":
        return "duration"
    if key.startswith("weight."):
        return f"weight on {key.removeprefix('weight.')}"
    name, _, country = key.partition("@")
    for strategy, phrase in _STRATEGY_IN_INPUT.items():
        if name.endswith("_" + strategy):
            head = " ".join(
                _INPUT_WORDS.get(w, w) for w in name.removesuffix("_" + strategy).split("_")
            )
            return f"{head} of {phrase}"
    words = " ".join(_INPUT_WORDS.get(w, w) for w in name.split("_"))
    return f"{words} ({in_country(country)})" if country else words
