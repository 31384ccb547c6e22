"""Guard rails: warnings when an input or an output is outside what published figures allow.

Three checks, each a sentence for the result's ``notes`` (shown by every surface and in
the JSON): a wage ratio outside 10-95 % of home pay, an option's P50 saving against the home
team outside the published band for its kind, and a vendor's hourly rate (set in the
scenario or a rate card) outside its country's published band. People read labels here,
never internal ids.

Example::

    >>> wage_ratio_note("VN", 0.05)[:48]
    'Check: pay in Vietnam is 5% of home pay, outside'
    >>> wage_ratio_note("VN", 0.3) is None
    True
"""

from __future__ import annotations

import numpy as np

from shorewise.market.benchmarks import SAVING_BANDS, WAGE_RATIO_BAND, Band
from shorewise.market.rates import vendor_rate_band
from shorewise.results.evaluation import Evaluation
from shorewise.results.numbers import share
from shorewise.results.vocabulary import country_name, option_phrase


def _band_text(band: Band) -> str:
    return f"{share(band.low)}–{share(band.high)}"


def wage_ratio_note(country: str, ratio: float) -> str | None:
    """The warning for a wage ratio outside :data:`WAGE_RATIO_BAND`, else ``None``."""
    if WAGE_RATIO_BAND.contains(ratio):
        return None
    return (
        f"Check: pay in {country_name(country)} is {share(ratio)} of home pay, outside "
        f"{_band_text(WAGE_RATIO_BAND)} ({WAGE_RATIO_BAND.source})."
    )


def saving_note(option: str, saving: float, home: str) -> str | None:
    """The warning for a P50 saving outside the published band of ``option``'s kind."""
    band = SAVING_BANDS.get(option.partition("@")[0])
    if band is None or band.contains(saving):
        return None
    what = (
        f"saves {share(saving)} per unit of work against"
        if saving >= 0
        else f"costs {share(-saving)} more per unit of work than"
    )
    return (
        f"Check: {option_phrase(option, home=home)} {what} the home team (P50), outside the "
        f"published savings of {_band_text(band)} ({band.source})."
    )


def rate_note(country: str, hourly_usd: float, where: str) -> str | None:
    """The warning for a vendor's hourly rate (USD) outside its country's published band."""
    band = vendor_rate_band(country)
    if band is None or band.low <= hourly_usd <= band.high:
        return None
    return (
        f"Check: the {where} rate in {country_name(country)} is ${hourly_usd:,.0f} an hour, "
        f"outside the published ${band.low:.0f}–{band.high:.0f} ({band.provenance})."
    )


def _effective_ratio(ev: Evaluation, country: str) -> float:
    ratio = float(ev.central[f"offshore_wage_ratio@{country}"][0])
    if ev.inputs.wage_ratio_from_market.get(country, False):
        ratio *= float(ev.central[f"offshore_talent_premium@{country}"][0])
    return ratio


def _rates(ev: Evaluation) -> list[tuple[str, float, str]]:
    """Hourly rates (USD) the user set, by country: the scenario's or the rate card's."""
    inputs, out = ev.inputs, []
    hours = float(ev.central["vendor_hours_monthly"][0])
    for country in (inputs.home_country, *ev.scenario.offshore_countries):
        home = country == inputs.home_country
        where = "home vendor" if home else "vendor"
        key = "onshore_vendor_hourly_rate" if home else f"offshore_vendor_hourly_rate@{country}"
        if country in inputs.vendor_monthly_rates and not home:
            out.append((country, inputs.vendor_monthly_rates[country] / hours, where))
        elif key in inputs.assumptions and inputs.assumptions[key].overridden:
            out.append((country, float(ev.central[key][0]), where))
    return [(c, rate / inputs.units_per_usd, w) for c, rate, w in out]


def guard_notes(ev: Evaluation) -> list[str]:
    """Every guard-rail warning of an evaluation, in a stable order."""
    notes: list[str | None] = [
        wage_ratio_note(c, _effective_ratio(ev, c)) for c in ev.scenario.offshore_countries
    ]
    notes += [rate_note(c, rate, where) for c, rate, where in _rates(ev)]
    home_cost: dict[int, float] = {}
    for alt, m in zip(ev.alternatives, ev.run.metrics, strict=True):
        if alt.option_name == "onshore_inhouse":
            home_cost[alt.workstream_index] = float(np.median(m.cost_per_effective_fte_month))
    for alt, m in zip(ev.alternatives, ev.run.metrics, strict=True):
        ref = home_cost.get(alt.workstream_index)
        own = float(np.median(m.cost_per_effective_fte_month))
        if alt.mix or ref is None or not (np.isfinite(ref) and np.isfinite(own) and ref > 0):
            continue
        note = saving_note(alt.option_name, 1 - own / ref, ev.inputs.home_country)
        if note and len(ev.scenario.workstreams) > 1:
            note = note.replace("Check: ", f"Check ({alt.workstream.name}): ", 1)
        notes.append(note)
    return [n for n in dict.fromkeys(notes) if n]
