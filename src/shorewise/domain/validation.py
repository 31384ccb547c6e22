"""Build a ``Scenario`` from plain data, with every problem found in one pass.

:func:`check_scenario_data` gives the scenario (if valid) and every problem, each with its
dotted field path: field types and ranges (pydantic), each assumption against its allowed
range, the checks across fields, and — when ``references`` (reference data: known
countries, exchange rates; ``shorewise.market`` is one) are given — unknown countries and
currencies. The problems do not hide each other: an unknown country is reported beside a
negative FTE. Its ``partial`` scenario (invalid top-level keys replaced by defaults) lets
later checks (``shorewise.io.scenario_check``) run on the parts that are valid.

Example::

    >>> build_scenario({"name": "x"}, source="s.yaml")
    Traceback (most recent call last):
    ...
    shorewise.errors.ScenarioError: s.yaml: 2 problems in the scenario
      - home_country: required
      - workstreams: required
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from pydantic import ValidationError

from shorewise.domain.cross_checks import CROSS_CHECKS, FieldProblemsError
from shorewise.domain.limits import nesting_problem
from shorewise.domain.scenario import SKIP_CROSS_CHECKS, UNITS_PER_USD, Scenario
from shorewise.errors import Problem, ScenarioError, ShorewiseError, problems_found

_FRIENDLY = {
    "missing": "required",
    "extra_forbidden": "unknown key (check the spelling; see DESIGN §6 / `shorewise schema`)",
}
_PLACEHOLDERS: dict[str, Any] = {  # required keys, for a partial scenario only
    "name": "partial",
    "home_country": "US",
    "workstreams": [{"name": "partial", "fte": 1, "duration_months": 1}],
}


class Rate(Protocol):
    """An exchange rate: units of a currency per US dollar."""

    @property
    def units_per_usd(self) -> float: ...


class References(Protocol):
    """Reference data the checks need; the ``shorewise.market`` module is one."""

    def is_known_country(self, code: str) -> bool: ...

    def usd_rate(self, currency: str) -> Rate: ...


@dataclass
class Checked:
    """The outcome of :func:`check_scenario_data`."""

    scenario: Scenario | None  # None when there is any problem
    problems: list[Problem] = field(default_factory=list)
    partial: Scenario | None = None  # the valid parts, for checks that need a Scenario
    units_per_usd: float | None = None

    def clean(self, keys: Iterable[str]) -> bool:
        """True when no problem is about any of these top-level keys."""
        wanted = set(keys)
        return not any(p.field.split(".")[0] in wanted or not p.field for p in self.problems)


def _problems(exc: ValidationError) -> list[Problem]:
    problems: list[Problem] = []
    for err in exc.errors():
        loc = [str(part) for part in err["loc"]]
        where = ".".join(loc)
        kind = err["type"]
        inner = (err.get("ctx") or {}).get("error")
        if isinstance(inner, FieldProblemsError):
            for p in inner.problems:
                problems.append(Problem(".".join(x for x in (where, p.field) if x), p.message))
            continue
        message = _FRIENDLY.get(kind) or str(err["msg"]).removeprefix("Value error, ")
        if kind == "too_short" and where == "workstreams" and err.get("input"):
            continue  # follows from an invalid workstream, already reported
        if kind not in _FRIENDLY and "input" in err and not isinstance(err["input"], dict | list):
            got = repr(err["input"])
            if len(got) < 60 and "got" not in message:
                message = f"{message} (got {got})"
        problems.append(Problem(where, message))
    return problems


def reference_problems(data: Mapping[str, Any], references: References) -> list[Problem]:
    """Unknown countries or currency, the home country offered as offshore, ``name@CC`` for
    a country not offered — read from plain data, so they are found with every other
    problem. Values of the wrong type are left to the field checks."""
    problems: list[Problem] = []

    def unknown(code: Any) -> bool:
        return isinstance(code, str) and len(code) == 2 and not references.is_known_country(code)

    home = data.get("home_country")
    if unknown(home):
        problems.append(
            Problem("home_country", f"unknown country code {home!r} (see `shorewise countries`)")
        )
    listed = data.get("offshore_countries", ["VN"])
    offshore = list(listed) if isinstance(listed, list | tuple) else []
    codes = [c.upper() for c in offshore if isinstance(c, str)]
    for i, code in enumerate(offshore):
        if unknown(code):
            problems.append(
                Problem(
                    f"offshore_countries.{i}",
                    f"unknown country code {code!r} (see `shorewise countries`)",
                )
            )
        elif isinstance(code, str) and isinstance(home, str) and code.upper() == home.upper():
            problems.append(
                Problem(
                    f"offshore_countries.{i}",
                    f"{code} is the home country; offshore means another country",
                )
            )
    currency = data.get("currency", "USD")
    if isinstance(currency, str) and len(currency.strip()) == 3:
        try:
            references.usd_rate(currency.strip().upper())
        except ShorewiseError as exc:
            problems.append(Problem("currency", exc.message))
    assumptions = data.get("assumptions")
    for key in assumptions if isinstance(assumptions, Mapping) else ():
        _, _, country = str(key).partition("@")
        if country and codes and country.upper() not in codes:
            problems.append(
                Problem(f"assumptions.{key}", f"{country} is not in offshore_countries")
            )
    return problems


def check_references(scenario: Scenario, references: References, source: str | None = None) -> None:
    """Raise ScenarioError for unknown countries or currency (see
    :func:`reference_problems`), every such problem at once, with its field."""
    data = {
        "home_country": scenario.home_country,
        "offshore_countries": list(scenario.offshore_countries),
        "currency": scenario.currency,
        "assumptions": dict(scenario.assumptions),
    }
    problems = reference_problems(data, references)
    if problems:
        raise ScenarioError(problems_found(len(problems)), source=source, problems=tuple(problems))


def _units_per_usd(data: Mapping[str, Any], references: References | None) -> float | None:
    currency = data.get("currency", "USD")
    if references is None or not isinstance(currency, str):
        return None
    try:
        return references.usd_rate(currency.strip().upper()).units_per_usd
    except ShorewiseError:
        return None


def _partial(data: Mapping[str, Any], problems: list[Problem], rate: float | None) -> Any:
    """A Scenario from the valid top-level keys (the rest defaulted), or None."""
    bad = {p.field.split(".")[0] for p in problems}
    if "" in bad:
        return None
    kept = {k: v for k, v in data.items() if k not in bad}
    kept.update({k: v for k, v in _PLACEHOLDERS.items() if k in bad})
    try:
        return Scenario.model_validate(kept, context={SKIP_CROSS_CHECKS: True, UNITS_PER_USD: rate})
    except ValidationError:
        return None


def check_scenario_data(data: Any, *, references: References | None = None) -> Checked:
    """Every problem of plain scenario data, and the scenario when there is none.

    Raises ScenarioError only for data that is not a mapping or is nested absurdly deep.
    """
    if not isinstance(data, Mapping):
        kind = "empty" if data is None else f"a {type(data).__name__}"
        raise ScenarioError(
            f"a scenario must be a mapping of keys (name, home_country, workstreams, ...), "
            f"but the content is {kind}"
        )
    deep = nesting_problem(data)
    if deep:
        raise ScenarioError(deep)
    rate = _units_per_usd(data, references)
    problems = reference_problems(data, references) if references is not None else []
    try:
        scenario = Scenario.model_validate(data, context={UNITS_PER_USD: rate})
    except ValidationError as exc:
        checked = Checked(None, _problems(exc) + problems, None, rate)
        checked.partial = _partial(data, checked.problems, rate)
        if checked.partial is not None:
            for keys, check in CROSS_CHECKS:
                if checked.clean(keys):
                    checked.problems += check(checked.partial)
        return checked
    if problems:
        return Checked(None, problems, scenario, rate)
    return Checked(scenario, [], scenario, rate)


def build_scenario(
    data: Any, *, source: str | None = None, references: References | None = None
) -> Scenario:
    """Validate plain data (from YAML, TOML, JSON or a form) into a Scenario.

    Raises :class:`ScenarioError` listing every problem, each with its field path.
    """
    try:
        checked = check_scenario_data(data, references=references)
    except ScenarioError as exc:
        raise ScenarioError(exc.message, source=source) from exc
    if checked.scenario is None:
        problems = tuple(checked.problems)
        raise ScenarioError(problems_found(len(problems)), source=source, problems=problems)
    return checked.scenario
