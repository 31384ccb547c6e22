"""Build a ``Scenario`` from plain data, turning pydantic's errors into one ScenarioError.

Every problem is kept, each with its dotted field path and what is allowed.

Example::

    >>> build_scenario({"name": "x"}, source="s.yaml")
    Traceback (most recent call last):
    ...
    shorewise.errors.ScenarioError: s.yaml: 2 problems in the scenario
      - home_country: required
      - workstreams: required
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from shorewise.domain.scenario import ASSUMPTION_SEPARATOR, Scenario
from shorewise.errors import Problem, ScenarioError, problems_found

_FRIENDLY = {
    "missing": "required",
    "extra_forbidden": "unknown key (check the spelling; see DESIGN §6 / `shorewise schema`)",
}


def _problems(exc: ValidationError) -> list[Problem]:
    problems: list[Problem] = []
    for err in exc.errors():
        loc = [str(part) for part in err["loc"]]
        field = ".".join(loc)
        kind = err["type"]
        message = _FRIENDLY.get(kind) or str(err["msg"]).removeprefix("Value error, ")
        if kind == "too_short" and field == "workstreams" and err.get("input"):
            continue  # follows from an invalid workstream, already reported
        if (field == "assumptions" and ASSUMPTION_SEPARATOR in message) or (
            field == "assumptions" and ": " in message and kind == "value_error"
        ):
            for part in message.split(ASSUMPTION_SEPARATOR):
                key, _, text = part.partition(": ")
                problems.append(Problem(f"assumptions.{key}", text))
            continue
        if kind not in _FRIENDLY and "input" in err and not isinstance(err["input"], dict | list):
            got = repr(err["input"])
            if len(got) < 60 and "got" not in message:
                message = f"{message} (got {got})"
        problems.append(Problem(field, message))
    return problems


def build_scenario(data: Any, *, source: str | None = None) -> Scenario:
    """Validate plain data (from YAML, TOML, JSON or a form) into a Scenario.

    Raises :class:`ScenarioError` listing every problem, each with its field path.
    """
    if not isinstance(data, dict):
        kind = "empty" if data is None else f"a {type(data).__name__}"
        raise ScenarioError(
            f"a scenario must be a mapping of keys (name, home_country, workstreams, ...), "
            f"but the content is {kind}",
            source=source,
        )
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        problems = tuple(_problems(exc))
        raise ScenarioError(
            problems_found(len(problems)), source=source, problems=problems
        ) from exc
