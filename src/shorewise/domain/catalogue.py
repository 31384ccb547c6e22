"""Every model input shorewise uses: name, unit, default, provenance, meaning.

Defaults marked ``market`` are derived per scenario from bundled country data (see
``shorewise.market``); the rest are fixed here. Money defaults are US dollars and are
converted to the scenario's currency when it differs. ``shorewise assumptions`` prints
this table; a scenario overrides any entry under ``assumptions:``. Each entry carries its
allowed range from :data:`shorewise.domain.ranges.ALLOWED`.

Example::

    >>> CATALOGUE["offshore_team_productivity"].default
    Fixed(kind='fixed', value=0.8)
"""

from __future__ import annotations

from dataclasses import replace

from shorewise.domain.assumption import Assumption
from shorewise.domain.defaults_abroad import TEAM_ABROAD
from shorewise.domain.defaults_hiring import HIRING
from shorewise.domain.defaults_staff import STAFF
from shorewise.domain.defaults_vendor import VENDOR_AND_FINANCE
from shorewise.domain.ranges import ALLOWED


def _with_range(a: Assumption) -> Assumption:
    if a.name not in ALLOWED:
        raise AssertionError(f"assumption {a.name!r} has no allowed range in domain/ranges.py")
    return replace(a, allowed=ALLOWED[a.name])


CATALOGUE: dict[str, Assumption] = {
    a.name: _with_range(a) for a in (*STAFF, *HIRING, *TEAM_ABROAD, *VENDOR_AND_FINANCE)
}
"""Every assumption by name, in display order."""

GROUPS = (
    "productivity",
    "control",
    "pay",
    "setup",
    "abroad",
    "time",
    "attrition",
    "vendor",
    "finance",
)
