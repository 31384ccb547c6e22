"""Every default has a unit and a provenance; sourced constants are pinned to their source."""

from __future__ import annotations

import pytest

from shorewise.domain.assumption import UNITS
from shorewise.domain.catalogue import CATALOGUE, GROUPS
from shorewise.domain.distributions import Fixed, Pert, Triangular, Uniform


def test_every_assumption_is_documented() -> None:
    for name, a in CATALOGUE.items():
        assert a.unit in UNITS, name
        assert a.provenance.kind in {"seed", "published", "market", "judgement"}, name
        assert len(a.provenance.text) > 10, name
        assert a.meaning, name
        assert a.group in GROUPS, name
        assert (a.default is None) == (a.provenance.kind == "market"), name


@pytest.mark.parametrize(
    ("name", "expected", "source"),
    [
        # the seed article's model comparison table
        ("offshore_team_productivity", Fixed(value=0.8), "x 80 %"),
        ("onshore_vendor_productivity", Fixed(value=0.8), "80 %"),
        ("offshore_vendor_productivity", Fixed(value=0.8), "80 %"),
        ("vendor_margin", Uniform(low=0.2, high=0.6), "20 %-60 %"),
        ("control_offshore_inhouse", Fixed(value=0.75), "-25 %"),
        ("control_offshore_outsource", Fixed(value=0.25), "-75 %"),
        # published figures (shared/data/published-figures.md)
        ("eor_fee_monthly", Fixed(value=599.0), "$599"),
        ("vendor_selection_rate", Uniform(low=0.002, high=0.02), "0.2 %-2 %"),
        ("vendor_transition_rate", Uniform(low=0.02, high=0.03), "2 %-3 %"),
        ("offshore_vendor_governance_rate", Uniform(low=0.06, high=0.10), "6 %-10 %"),
        ("onshore_vendor_governance_rate", Uniform(low=0.04, high=0.08), "4 %-8 %"),
        ("vendor_onsite_share", Pert(low=0.05, mode=0.1, high=0.5), "up to 50 %"),
        ("offshore_attrition", Triangular(low=0.12, mode=0.18, high=0.28), "12.5 %-28 %"),
    ],
)
def test_sourced_defaults_match_their_source(name: str, expected: object, source: str) -> None:
    a = CATALOGUE[name]
    assert a.default == expected
    assert a.provenance.kind in {"seed", "published"}
    assert source in a.provenance.text
