"""The one complete validation of a scenario, shared by every command, the API and the web.

:func:`scenario_from_data` checks plain data and :func:`check_scenario` a ``Scenario``
object (one edited in code, or one about to run); both report every problem in one
``ScenarioError``, each with its field: field types and allowed ranges, unknown
countries and currency (:mod:`shorewise.domain.validation`), then the checks that need
reference data and the engine's view of the inputs — the rate card file, values derived
from market data or the rate card against their allowed ranges, declared correlations
(each pair uncertain, the set consistent) and the memory the run would need. A later
check runs on the valid part of a file when the keys it reads are valid, so problems do
not hide each other.

Example::

    >>> scenario = scenario_from_data({"name": "App", "home_country": "US",
    ...     "workstreams": [{"name": "app", "fte": 4, "duration_months": 8}]})
    >>> scenario.horizon  # 8 months of work, a late team kept up to 12 more
    20
"""

from __future__ import annotations

import operator
import os
from pathlib import Path
from typing import Any

from shorewise import market
from shorewise.domain.allowed import Allowed
from shorewise.domain.limits import MAX_SAMPLES
from shorewise.domain.ranges import ALLOWED, MONEY_PER_FTE_MONTH
from shorewise.domain.ratecard import RateCard
from shorewise.domain.scenario import Scenario
from shorewise.domain.validation import Checked, check_scenario_data
from shorewise.engine.inputs import ResolvedInputs, resolve_inputs
from shorewise.errors import Problem, RateCardError, ScenarioError, ShorewiseError, problems_found
from shorewise.io.ratecard import load_rate_card
from shorewise.io.run_size import run_size_problem
from shorewise.uncertainty.correlation import correlation_matrix
from shorewise.uncertainty.distributions import is_fixed
from shorewise.uncertainty.montecarlo import expand_correlations

RATE_CARD_KEYS = frozenset({"rate_card", "currency"})
RESOLVE_KEYS = frozenset(
    {
        "assumptions",
        "correlations",
        "currency",
        "home_country",
        "offshore_countries",
        "productivity_from_overlap",
        "rate_card",
    }
)
SIZE_KEYS = frozenset(
    {"workstreams", "offshore_countries", "mixes", "horizon_months", "simulation"}
)
MAX_SEED = 2**63


def _problems_of(exc: ShorewiseError, field: str = "") -> list[Problem]:
    return list(exc.problems) or [Problem(field, exc.message)]


def rate_card_path(scenario: Scenario, base_dir: str | os.PathLike[str] | None) -> Path | None:
    """The scenario's rate card file, a relative path taken from ``base_dir``."""
    if not scenario.rate_card:
        return None
    path = Path(scenario.rate_card)
    return path if path.is_absolute() or base_dir is None else Path(base_dir) / path


def _card_values(card: RateCard, units_per_usd: float | None) -> list[Problem]:
    pay, rate = ALLOWED["onshore_annual_pay"], MONEY_PER_FTE_MONTH
    problems = []
    for code, row in card.rows.items():
        for column, value, allowed in (
            ("annual_pay", row.annual_pay, pay),
            ("vendor_monthly_rate", row.vendor_monthly_rate, rate),
        ):
            if value is not None and not allowed.contains(value, units_per_usd):
                problems.append(
                    Problem(
                        "rate_card",
                        f"{card.source}: {code} {column} {value:g}: must be "
                        f"{allowed.describe(units_per_usd)}",
                    )
                )
    return problems


def _rate_card(
    checked: Checked,
    base_dir: str | os.PathLike[str] | None,
    given: RateCard | None,
    refused: str | None,
) -> RateCard | None:
    """The rate card to use (``given``, else the scenario's file), its problems noted."""
    scenario = checked.partial
    if given is None and (scenario is None or not checked.clean(RATE_CARD_KEYS)):
        return None
    card = given
    if card is None and scenario is not None:
        path = rate_card_path(scenario, base_dir)
        if path is None:
            return None
        if refused is not None:
            checked.problems.append(Problem("rate_card", refused))
            return None
        try:
            card = load_rate_card(path)
        except RateCardError as exc:
            where = exc.source or str(path)
            checked.problems += [Problem("rate_card", p.render(where)) for p in exc.problems] or [
                Problem("rate_card", f"{where}: {exc.message}")
            ]
            return None
    if card is not None:
        checked.problems += _card_values(card, checked.units_per_usd)
    return card


def _derived_ranges(inputs: ResolvedInputs, units_per_usd: float | None) -> list[Problem]:
    """Inputs not set in the file (market data, the rate card) against their ranges."""
    problems = []
    for key, a in inputs.assumptions.items():
        allowed: Allowed | None = ALLOWED.get(a.name)
        if a.overridden or allowed is None:
            continue
        message = allowed.problem(a.distribution, units_per_usd)
        if message is None:
            continue
        if a.provenance.kind == "scenario":  # from the rate card
            problems.append(Problem("rate_card", f"gives {key} out of range: {message}"))
        else:
            problems.append(
                Problem(
                    f"assumptions.{key}",
                    f"the {a.provenance.kind} value is out of range ({message}); set it here",
                )
            )
    return problems


def _engine_view(checked: Checked, card: RateCard | None) -> None:
    """Inputs as the engine resolves them: derived values and correlations checked."""
    scenario = checked.partial
    if scenario is None or not checked.clean(RESOLVE_KEYS):
        return
    try:
        inputs = resolve_inputs(scenario, card)
    except ShorewiseError as exc:
        checked.problems += _problems_of(exc)
        return
    checked.problems += _derived_ranges(inputs, checked.units_per_usd)
    if not scenario.correlations:
        return
    specs = inputs.distributions()
    uncertain = tuple(sorted(k for k, d in specs.items() if not is_fixed(d)))
    try:
        correlation_matrix(uncertain, expand_correlations(scenario, inputs, uncertain))
    except ScenarioError as exc:
        checked.problems += _problems_of(exc, "correlations")


def _whole_number(value: Any, field: str, high: int, checked: Checked) -> int | None:
    if value is None:
        return None
    try:
        number = operator.index(value)
        if isinstance(value, bool):
            raise TypeError
    except TypeError:
        checked.problems.append(Problem(field, f"must be a whole number (got {value!r})"))
        return None
    if not 0 <= number <= high:
        checked.problems.append(Problem(field, f"must be from 0 to {high:,} (got {number:,})"))
        return None
    return number


def _complete(
    checked: Checked,
    *,
    source: str | None,
    base_dir: str | os.PathLike[str] | None,
    samples: Any = None,
    seed: Any = None,
    rate_card: RateCard | None = None,
    refuse_rate_card: str | None = None,
) -> tuple[Scenario, RateCard | None]:
    n = _whole_number(samples, "samples", MAX_SAMPLES, checked)
    _whole_number(seed, "seed", MAX_SEED - 1, checked)
    card = _rate_card(checked, base_dir, rate_card, refuse_rate_card)
    _engine_view(checked, card)
    scenario = checked.partial
    overridden = samples is not None
    if scenario is not None and checked.clean(SIZE_KEYS) and (n is not None or not overridden):
        size = run_size_problem(scenario, scenario.simulation.samples if n is None else n)
        if size is not None:
            field = "samples" if overridden else "simulation.samples"
            checked.problems.append(Problem(field, size))
    if checked.problems or checked.scenario is None:
        problems = tuple(checked.problems)
        raise ScenarioError(problems_found(len(problems)), source=source, problems=problems)
    return checked.scenario, card


def scenario_from_data(
    data: Any,
    *,
    source: str | None = None,
    base_dir: str | os.PathLike[str] | None = None,
    refuse_rate_card: str | None = None,
) -> Scenario:
    """Validate plain data completely (see module doc); relative rate-card paths are taken
    from ``base_dir``. With ``refuse_rate_card`` (a message), a scenario naming a rate card
    file gets that problem and no file is read (for data from a web request).
    Raises :class:`ScenarioError` listing every problem."""
    try:
        checked = check_scenario_data(data, references=market)
    except ScenarioError as exc:
        raise ScenarioError(exc.message, source=source) from exc
    return _complete(checked, source=source, base_dir=base_dir, refuse_rate_card=refuse_rate_card)[
        0
    ]


def check_scenario(
    scenario: Any,
    *,
    source: str | None = None,
    base_dir: str | os.PathLike[str] | None = None,
    samples: Any = None,
    seed: Any = None,
    rate_card: RateCard | None = None,
) -> tuple[Scenario, RateCard | None]:
    """Validate a Scenario object again, completely, for a run of ``samples`` draws (the
    file's when None) — so one edited with ``model_copy(update=...)`` is checked too.

    Returns the validated scenario and the rate card to use (``rate_card``, else the
    scenario's file). Raises :class:`ScenarioError` listing every problem.
    """
    if not isinstance(scenario, Scenario):
        raise ScenarioError(
            f"expected a Scenario (from load_scenario or scenario_from_text), got "
            f"{type(scenario).__name__}"
        )
    data = {name: getattr(scenario, name) for name in type(scenario).model_fields}
    checked = check_scenario_data(data, references=market)
    return _complete(
        checked, source=source, base_dir=base_dir, samples=samples, seed=seed, rate_card=rate_card
    )
