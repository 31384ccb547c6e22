"""Findings are data: every reason, watch-out, seed-rule check and flip condition is a
``kind`` with the numbers it quotes; the sentence is made later, in one place
(:mod:`shorewise.results.wording`), in the user's words.

Kinds the JSON contract names (DESIGN.md §6): ``late``, ``over_budget``,
``fits_seed_rule`` and ``against_seed_rule`` (with ``rule`` one of :data:`SEED_RULES`).
Numbers are plain floats (money in the scenario's currency, months, shares 0..1); options
are ids (``offshore_inhouse@VN``), turned into labels by the wording.

Example::

    >>> f = Finding("months_to_target", {"months": 7.0})
    >>> f.kind, f["months"]
    ('months_to_target', 7.0)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["REASON_KINDS", "SEED_RULES", "WATCH_OUT_KINDS", "Finding", "FlipFinding"]

SEED_RULES = (
    "never_outsource_core",
    "outsource_short",
    "own_team_long",
    "outsourcing_for_non_it",
    "inhouse_when_budget",
)
"""The seed's rules (DESIGN.md §2), as the ``rule`` of a seed-rule finding."""

REASON_KINDS = (
    "ranks_first",
    "only_eligible",
    "saving",
    "unit_cost",
    "months_to_target",
    "on_time",
    "breakeven",
    "p_best",
    "smaa_first",
    "topsis_agreement",
    "within_budget",
    "fits_seed_rule",
)
"""Kinds of reasons (why the pick), in the order they are given."""

WATCH_OUT_KINDS = (
    "late",
    "over_budget",
    "against_seed_rule",
    "hr_problem",
    "cost_problem",
    "time_to_build",
    "lower_control",
    "trusted_partner",
    "change_requests",
    "vendor_dependency",
    "least_effort",
    "least_control",
    "uncertain_pick",
    "smaa_alternative",
    "voi_input",
    "voi_spread",
    "voi_none",
    "policy_off",
    "non_it_company",
)
"""Kinds of caveats (what to watch), in the order they are given."""


@dataclass(frozen=True)
class Finding:
    """One reason or caveat: its ``kind`` and the numbers (and ids) it quotes."""

    kind: str
    data: Mapping[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.data[name]

    def get(self, name: str, default: Any = None) -> Any:
        """A quoted value, or ``default`` when the finding has none by that name."""
        return self.data.get(name, default)


@dataclass(frozen=True)
class FlipFinding:
    """What would change the answer: past ``threshold`` of ``input`` (``direction``
    ``below``/``above``), ``option`` would rank first; both ``None`` when nothing flips
    within ``low``..``high`` (the plausible range searched)."""

    input: str
    current: float
    threshold: float | None
    direction: str | None
    option: str | None
    low: float
    high: float
    unit: str  # "months" | "share" | "weight"
    step: float | None = None  # how far past the threshold the other option was seen first
