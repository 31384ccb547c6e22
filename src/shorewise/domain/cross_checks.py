"""Checks of a scenario that pydantic's field types cannot say, each giving field paths.

A validator raises :class:`FieldProblemsError` (a ``ValueError`` pydantic passes through) with
one :class:`~shorewise.errors.Problem` per thing wrong, paths relative to the field it
validates; :func:`shorewise.domain.validation.build_scenario` joins them to full paths.

Example::

    >>> [p.field for p in duplicate_names(["a", "b", "a"])]
    ['2.name']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from shorewise.domain.catalogue import CATALOGUE
from shorewise.domain.distributions import Distribution, parse_uncertain
from shorewise.domain.strategy import OptionKey
from shorewise.errors import Problem

if TYPE_CHECKING:
    from shorewise.domain.scenario import Scenario


class FieldProblemsError(ValueError):
    """Several problems found by one validator, paths relative to its field."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(p.render() for p in self.problems))

    @classmethod
    def one(cls, field: str, message: str) -> FieldProblemsError:
        """A single problem."""
        return cls([Problem(field, message)])


def assumption_problems(
    raw: Mapping[Any, Any], units_per_usd: float | None
) -> tuple[dict[str, Distribution], list[Problem]]:
    """Parse each assumption and check it against its allowed range (money ceilings only
    when ``units_per_usd`` is known). Paths are the assumption keys."""
    parsed: dict[str, Distribution] = {}
    problems: list[Problem] = []
    for key, value in raw.items():
        name, _, country = str(key).partition("@")
        known = CATALOGUE.get(name)
        if known is None:
            problems.append(Problem(str(key), "unknown assumption (see `shorewise assumptions`)"))
            continue
        if country and not known.per_country:
            problems.append(Problem(str(key), f"{name} is not per country; drop '@{country}'"))
            continue
        try:
            dist = parse_uncertain(value)
        except ValueError as exc:
            problems.append(Problem(str(key), str(exc)))
            continue
        assert known.allowed is not None  # the catalogue sets every range
        message = known.allowed.problem(dist, units_per_usd)
        if message:
            problems.append(Problem(str(key), message))
            continue
        parsed[str(key)] = dist
    return parsed, problems


def duplicate_names(names: Sequence[str]) -> list[Problem]:
    """A problem at ``i.name`` for each name already used by an earlier item."""
    first: dict[str, int] = {}
    problems = []
    for i, name in enumerate(names):
        if name in first:
            problems.append(
                Problem(f"{i}.name", f"{name!r} is used twice (also item {first[name]})")
            )
        else:
            first[name] = i
    return problems


def correlation_name_problems(pairs: Sequence[tuple[str, str]]) -> list[Problem]:
    """A problem at ``i.between`` for each correlated name that is no assumption."""
    problems = []
    for i, pair in enumerate(pairs):
        unknown = [n for n in pair if n.partition("@")[0] not in CATALOGUE]
        if unknown:
            problems.append(
                Problem(
                    f"{i}.between",
                    f"unknown assumption {', '.join(map(repr, unknown))} "
                    "(see `shorewise assumptions`)",
                )
            )
    return problems


def horizon_problems(s: Scenario) -> list[Problem]:
    """The horizon covers the work: nothing starts at or after it, nothing ends after it."""
    if s.horizon_months is None:
        return []
    h = s.horizon_months
    problems = [
        Problem(
            f"workstreams.{i}.start_month",
            f"starts at month {w.start_month}, at or after the end of the horizon ({h} months)",
        )
        for i, w in enumerate(s.workstreams)
        if w.start_month >= h
    ]
    late = [w for w in s.workstreams if w.start_month < h < w.end_month]
    if late:
        names = ", ".join(f"{w.name!r} (ends at month {w.end_month})" for w in late)
        need = max(w.end_month for w in s.workstreams)
        problems.append(
            Problem(
                "horizon_months",
                f"the horizon ends at month {h}, before the work does: {names}; costs after "
                f"it would be cut off. Set horizon_months to at least {need}, or leave it out "
                "(default: the end of the latest workstream)",
            )
        )
    return problems


def mix_country_problems(s: Scenario) -> list[Problem]:
    """Every country a mix names is one of ``offshore_countries``."""
    problems = []
    for i, mix in enumerate(s.mixes):
        for key in mix.shares:
            option = OptionKey.parse(key, default_country=s.offshore_countries[0])
            if option.country and option.country not in s.offshore_countries:
                problems.append(
                    Problem(
                        f"mixes.{i}.shares.{key}",
                        f"{option.country} is not in offshore_countries "
                        f"({', '.join(s.offshore_countries)})",
                    )
                )
    return problems


CROSS_CHECKS: tuple[tuple[frozenset[str], Callable[[Scenario], list[Problem]]], ...] = (
    (frozenset({"horizon_months", "workstreams"}), horizon_problems),
    (frozenset({"mixes", "offshore_countries"}), mix_country_problems),
)
"""Each check across fields with the top-level keys it reads (run on a partial scenario
only when those keys are valid)."""


def cross_problems(s: Scenario) -> list[Problem]:
    """Every check across fields (:data:`CROSS_CHECKS`)."""
    return [p for _, check in CROSS_CHECKS for p in check(s)]
