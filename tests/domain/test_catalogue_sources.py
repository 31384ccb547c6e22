"""Every default has a unit and a provenance; sourced constants are pinned to their source."""

from __future__ import annotations

import pytest

from shorewise.domain.assumption import UNITS
from shorewise.domain.catalogue import CATALOGUE, GROUPS
from shorewise.domain.distributions import Fixed, Triangular, Uniform


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
        # COCOMO II.2000 SITE: multi-company Nominal 1.00 vs same-city High 0.93
        ("onshore_vendor_productivity", Fixed(value=0.93), "0.93 / 1.00"),
        ("vendor_hours_monthly", Fixed(value=152.0), "152 person-hours"),
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
        ("vendor_onsite_share", Triangular(low=0.1, mode=0.2, high=0.3), "as high as 30 percent"),
        ("vendor_onsite_hourly_rate", Triangular(low=60.0, mode=80.0, high=100.0), "$80/h"),
        # Šmite & van Solingen 2016: learning 2 years in-house vs 3 years offshore
        ("offshore_learning_ratio", Fixed(value=1.5), "2 years in-house vs 3 years offshore"),
        ("offshore_attrition", Triangular(low=0.12, mode=0.18, high=0.28), "12.5 %-28 %"),
    ],
)
def test_sourced_defaults_match_their_source(name: str, expected: object, source: str) -> None:
    a = CATALOGUE[name]
    assert a.default == expected
    assert a.provenance.kind in {"seed", "published"}
    assert source in a.provenance.text
