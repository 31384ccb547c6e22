"""Every size limit on a scenario, in one place, and the nesting check for parsed data.

Each limit is documented in ``docs/scenario-format.md`` (section "Limits"); a test keeps
the two in step. The memory a run needs is estimated from the scenario's size before
simulating (``shorewise.io.scenario_check``), against :data:`MAX_RUN_BYTES`.

Example::

    >>> nesting_problem({"a": [{"b": 1}]}) is None
    True
    >>> nesting_problem([[[[1]]]], max_depth=3)
    'nested deeper than 3 levels (a scenario needs at most 4); check the brackets'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MAX_WORKSTREAMS = 1_000
"""Workstreams in one scenario; a big portfolio keeps fewer monthly band draws per option
(``uncertainty.montecarlo.band_draws``) so its memory stays bounded."""
MAX_HORIZON_MONTHS = 240  # 20 years
MIN_FINISH_ALLOWANCE_MONTHS = 12
"""A late team is kept past the due month until the scope is done, at most the larger of
this and half the work's length (judgement: lateness beyond that is not a plan, and the
output says the scope was not finished within the allowance)."""
MAX_FTE = 10_000  # per workstream, summed over roles
MAX_ROLES = 50  # roles in one workstream's team
MAX_OFFSHORE_COUNTRIES = 20
MAX_MIXES = 20
MAX_CORRELATIONS = 100
MAX_SAMPLES = 2_000_000
MAX_NAME_CHARS = 200
MAX_FILE_BYTES = 2_000_000
MAX_RUN_BYTES = 4 * 2**30
"""Memory one run may need (4 GiB), estimated before it starts."""
MAX_DEPTH = 16
"""Nesting levels a scenario's data may have; the deepest real path has 4
(``workstreams.0.team.backend``)."""
MAX_VALUES = 100_000
"""Values (mappings, lists and scalars, aliases counted each time they are used)."""


def finish_allowance(duration_months: int) -> int:
    """Months past the due month a late team may be kept: ``max(12, duration // 2)``.

    >>> finish_allowance(6), finish_allowance(36)
    (12, 18)
    """
    return max(MIN_FINISH_ALLOWANCE_MONTHS, duration_months // 2)


def kept_at_most(start_month: int, duration_months: int) -> int:
    """Months from a work's start a late team may be kept until the scope is done: its
    length plus :func:`finish_allowance`, never past month :data:`MAX_HORIZON_MONTHS`.

    >>> kept_at_most(0, 6), kept_at_most(230, 6)
    (18, 10)
    """
    allowance = finish_allowance(duration_months)
    return max(duration_months, min(duration_months + allowance, MAX_HORIZON_MONTHS - start_month))


def nesting_problem(
    data: Any, *, max_depth: int = MAX_DEPTH, max_values: int = MAX_VALUES
) -> str | None:
    """Why ``data`` (parsed YAML/TOML/JSON) is too deep or too big, or None.

    Walks iteratively, so a cycle (a YAML alias to itself) or a billion-laughs expansion
    stops at a limit instead of recursing or running away.
    """
    stack: list[tuple[Any, int]] = [(data, 0)]
    seen = 0
    while stack:
        value, depth = stack.pop()
        seen += 1
        if seen > max_values:
            return (
                f"more than {max_values:,} values (YAML aliases count each time they are "
                "used); a scenario is far smaller"
            )
        if isinstance(value, Mapping):
            children: Any = list(value.keys()) + list(value.values())
        elif isinstance(value, list | tuple):
            children = value
        else:
            continue
        if depth >= max_depth:
            return (
                f"nested deeper than {max_depth} levels (a scenario needs at most 4); "
                "check the brackets"
            )
        stack.extend((child, depth + 1) for child in children)
    return None
