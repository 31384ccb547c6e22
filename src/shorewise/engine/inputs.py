"""Resolve a scenario's inputs: catalogue defaults, market data, rate card, file overrides.

The result names every model input once (``vendor_margin``, ``offshore_wage_ratio@VN``),
with its distribution and provenance, ready to be sampled. Precedence, highest first:
``name@CC`` in the file, ``name`` in the file, the user's rate card, market data, the
catalogue default. Money defaults (US dollars) are converted to the scenario currency.

Example::

    >>> inputs = resolve_inputs(scenario)                         # doctest: +SKIP
    >>> inputs.assumptions["offshore_wage_ratio@VN"].provenance.kind  # doctest: +SKIP
    'market'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from shorewise import market
from shorewise.domain.assumption import Assumption, Provenance
from shorewise.domain.catalogue import CATALOGUE
from shorewise.domain.distributions import Distribution, Fixed, Triangular, Uniform
from shorewise.domain.ratecard import RateCard
from shorewise.domain.scenario import Scenario
from shorewise.domain.validation import check_references
from shorewise.errors import Problem, ScenarioError
from shorewise.market import (
    developer_pay,
    employer_oncost,
    site_productivity,
    usd_rate,
    working_hours_overlap,
)
from shorewise.market.contracting import b2b_share, survey_correction
from shorewise.market.overlap import SITE_PROVENANCE
from shorewise.market.rates import NEARSHORE_OVERLAP_HOURS, onsite_share, vendor_rate_band

SEED_WAGE_RATIO = Uniform(low=0.3, high=0.7)
_CENTRAL_PREMIUM = 1.3  # mode of the talent premium default, for on-cost caps only
_HOURLY_RATES = ("onshore_vendor_hourly_rate", "offshore_vendor_hourly_rate")
US_BENEFITS_INCLUDED = (
    "0: BLS Employer Costs for Employee Compensation (Dec 2023) on-costs already count "
    "insurance, retirement and every other benefit"
)
NEARSHORE_NOTE = "; on by default for nearshore pairs (>= 4 h overlap)"


def _none(country: str) -> None:
    return None


_JUDGED = {"offshore_b2b_share": b2b_share, "offshore_talent_premium": survey_correction}


def _overridden(scenario: Scenario, name: str, country: str | None) -> bool:
    key = f"{name}@{country}" if country else name
    return key in scenario.assumptions or name in scenario.assumptions


def _band_text(band: str, fx: market.FxRate) -> str:
    if fx.units_per_usd == 1.0:
        return band
    return f"{band} (USD converted at {fx.units_per_usd:g} per USD, {fx.provenance})"


@dataclass(frozen=True)
class ResolvedAssumption:
    """One sampled input: its key, distribution, unit, provenance and whether the file set it."""

    key: str
    name: str
    country: str | None
    distribution: Distribution
    unit: str
    provenance: Provenance
    meaning: str
    overridden: bool


@dataclass(frozen=True)
class ResolvedInputs:
    """Every input of one scenario, plus facts the engine needs beside the numbers."""

    home_country: str
    currency: str
    units_per_usd: float
    fx_provenance: str
    assumptions: dict[str, ResolvedAssumption]
    wage_ratio_from_market: dict[str, bool]
    vendor_monthly_rates: dict[str, float] = field(default_factory=dict)
    overlap_hours: dict[str, float] = field(default_factory=dict)
    tech_company: bool = True

    def key(self, name: str, country: str | None) -> str:
        """The key of ``name`` for ``country`` (per-country inputs) or the global key."""
        return f"{name}@{country}" if country and CATALOGUE[name].per_country else name

    def distributions(self) -> dict[str, Distribution]:
        """Key -> distribution, what the sampler draws from."""
        return {k: a.distribution for k, a in self.assumptions.items()}


def resolve_inputs(scenario: Scenario, rate_card: RateCard | None = None) -> ResolvedInputs:
    """Every input of ``scenario`` with its distribution and provenance (see module doc)."""
    check_references(scenario, market)
    fx = usd_rate(scenario.currency)
    out: dict[str, ResolvedAssumption] = {}
    home = scenario.home_country
    card = rate_card.rows if rate_card else {}

    def put(a: Assumption, country: str | None, dist: Distribution, prov: Provenance) -> None:
        key = f"{a.name}@{country}" if country else a.name
        override = scenario.assumptions.get(key) or scenario.assumptions.get(a.name)
        if override is not None:
            dist, prov = override, Provenance("scenario", "set in the scenario file")
        out[key] = ResolvedAssumption(
            key, a.name, country, dist, a.unit, prov, a.meaning, override is not None
        )

    home_pay_usd = _home_pay_usd(scenario, fx.units_per_usd)
    ratio_from_market: dict[str, bool] = {}
    overlap = {c: working_hours_overlap(home, c) for c in scenario.offshore_countries}
    for a in CATALOGUE.values():
        countries: list[str | None] = list(scenario.offshore_countries) if a.per_country else [None]
        for country in countries:
            dist, prov = _default(a, fx.units_per_usd, fx.provenance)
            if a.name == "onshore_annual_pay":
                dist, prov = _home_pay(scenario, fx.units_per_usd, rate_card)
            elif a.name == "onshore_oncost_rate":
                on = employer_oncost(home, home_pay_usd, pay_includes_extras=True)
                dist, prov = Fixed(value=round(on.rate, 4)), Provenance("market", on.provenance)
            elif a.name == "onshore_benefits_rate" and home == "US":
                dist, prov = Fixed(value=0.0), Provenance("market", US_BENEFITS_INCLUDED)
            elif a.name == "offshore_wage_ratio" and country:
                dist, prov, from_market = _wage_ratio(home, country, rate_card)
                ratio_from_market[country] = from_market
            elif a.name == "offshore_oncost_rate" and country:
                pay = developer_pay(country)
                usd = (pay.annual_pay_usd * _CENTRAL_PREMIUM) if pay else 20_000.0
                on = employer_oncost(country, usd, pay_includes_extras=True)
                dist, prov = Fixed(value=round(on.rate, 4)), Provenance("market", on.provenance)
            elif a.name in _HOURLY_RATES:
                band = vendor_rate_band(country or home)
                if band is None and not _overridden(scenario, a.name, country):
                    continue  # no published band: the engine prices cost plus margin
                if band is not None:
                    low, high = band.low * fx.units_per_usd, band.high * fx.units_per_usd
                    dist = Uniform(low=round(low, 4), high=round(high, 4))
                    prov = Provenance("published", _band_text(band.provenance, fx))
            elif country and (judged := _JUDGED.get(a.name, _none)(country)) is not None:
                dist = Uniform(low=judged.low, high=judged.high)
                prov = Provenance("judgement", judged.reason)
            elif a.name == "vendor_onsite_share" and country:
                share = onsite_share(overlap[country])
                dist = Triangular(low=share.low, mode=share.mode, high=share.high)
                where = "nearshore" if overlap[country] >= NEARSHORE_OVERLAP_HOURS else "farshore"
                text = f"{where} ({overlap[country]:.1f} h overlap {home}-{country}): "
                prov = Provenance("published", text + share.provenance)
            elif a.name == "offshore_team_productivity" and country:
                nearshore = overlap[country] >= NEARSHORE_OVERLAP_HOURS
                if scenario.productivity_from_overlap or nearshore:
                    value = round(site_productivity(overlap[country]), 4)
                    dist = Fixed(value=value)
                    prov = Provenance(
                        "published",
                        f"{SITE_PROVENANCE}; {overlap[country]:.1f} h overlap {home}-{country}"
                        + ("" if scenario.productivity_from_overlap else NEARSHORE_NOTE),
                    )
            put(a, country, dist, prov)
    for country in ratio_from_market:
        if out[f"offshore_wage_ratio@{country}"].overridden:
            ratio_from_market[country] = False
    vendor_rates = {
        code: row.vendor_monthly_rate
        for code, row in card.items()
        if row.vendor_monthly_rate is not None
    }
    return ResolvedInputs(
        home_country=home,
        currency=scenario.currency,
        units_per_usd=fx.units_per_usd,
        fx_provenance=fx.provenance,
        assumptions=out,
        wage_ratio_from_market=ratio_from_market,
        vendor_monthly_rates=vendor_rates,
        overlap_hours=overlap,
        tech_company=scenario.company.tech_company,
    )


def _default(a: Assumption, units_per_usd: float, fx_text: str) -> tuple[Distribution, Provenance]:
    if a.default is None:  # derived from market data by the caller
        return Fixed(value=0.0), a.provenance
    if not a.unit.startswith("money") or units_per_usd == 1.0:
        return a.default, a.provenance
    scaled = _scale(a.default, units_per_usd)
    text = f"{a.provenance.text} (USD converted at {units_per_usd:g} per USD, {fx_text})"
    return scaled, Provenance(a.provenance.kind, text)


def _scale(dist: Distribution, factor: float) -> Distribution:
    """A money distribution in another currency (location and scale multiplied)."""
    updates = {
        k: v * factor
        for k, v in dist.model_dump().items()
        if k in {"value", "low", "mode", "high", "mean", "sd", "median"} and v is not None
    }
    return dist.model_copy(update=updates)


def _home_pay_usd(scenario: Scenario, units_per_usd: float) -> float:
    override = scenario.assumptions.get("onshore_annual_pay")
    if isinstance(override, Fixed):
        return override.value / units_per_usd
    pay = developer_pay(scenario.home_country)
    return pay.annual_pay_usd if pay else 60_000.0


def _home_pay(
    scenario: Scenario, units_per_usd: float, rate_card: RateCard | None
) -> tuple[Distribution, Provenance]:
    home = scenario.home_country
    row = rate_card.rows.get(home) if rate_card else None
    if rate_card is not None and row is not None and row.annual_pay is not None:
        return Fixed(value=row.annual_pay), Provenance("scenario", f"rate card {rate_card.source}")
    pay = developer_pay(home)
    if pay is None:
        if "onshore_annual_pay" in scenario.assumptions:
            return Fixed(value=0.0), Provenance("scenario", "set in the scenario file")
        raise ScenarioError(
            "no developer pay data for the home country",
            problems=(
                Problem(
                    "assumptions.onshore_annual_pay",
                    f"no survey pay for {home}; set onshore_annual_pay (per year, "
                    f"in {scenario.currency}) or give a rate card",
                ),
            ),
        )
    value = round(pay.annual_pay_usd * units_per_usd, 2)
    text = pay.provenance
    if units_per_usd != 1.0:
        text += f" (converted at {units_per_usd:g} {scenario.currency} per USD)"
    return Fixed(value=value), Provenance("market", text)


def _wage_ratio(
    home: str, country: str, rate_card: RateCard | None
) -> tuple[Distribution, Provenance, bool]:
    """Market median pay ratio (premiums applied per draw by the engine), else the seed's."""
    if rate_card is not None:
        home_row, off_row = rate_card.rows.get(home), rate_card.rows.get(country)
        if home_row and off_row and home_row.annual_pay and off_row.annual_pay:
            ratio = off_row.annual_pay / home_row.annual_pay
            text = f"rate card {rate_card.source}: {country} pay / {home} pay"
            return Fixed(value=round(ratio, 4)), Provenance("scenario", text), False
    home_pay, off_pay = developer_pay(home), developer_pay(country)
    if home_pay is None or off_pay is None:
        prov = Provenance(
            "seed",
            "article's model comparison: offshore headcount 30 %-70 % "
            f"(no survey pay for {home if home_pay is None else country})",
        )
        return SEED_WAGE_RATIO, prov, False
    ratio = off_pay.annual_pay_usd / home_pay.annual_pay_usd
    text = (
        f"survey medians {country} USD {off_pay.annual_pay_usd:,.0f} / {home} USD "
        f"{home_pay.annual_pay_usd:,.0f} (Stack Overflow Developer Survey 2024, ODbL), "
        "times offshore_talent_premium / onshore_talent_premium per draw"
    )
    return Fixed(value=round(ratio, 5)), Provenance("market", text), True
