"""Work to deliver: the scope is due at the end month; hard deadlines and hard budgets
exclude, lateness is said, and savings name a comparator that delivers (issue 10)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shorewise.domain.validation import build_scenario
from shorewise.workflows.evaluate import evaluate


def _data(**workstream: Any) -> dict[str, Any]:
    return {
        "name": "x",
        "home_country": "US",
        "offshore_countries": ["VN"],
        "workstreams": [{"name": "w", "fte": 10, "duration_months": 6, **workstream}],
        "simulation": {"samples": 300, "seed": 5},
    }


def test_scope_and_delivered_share_in_every_row() -> None:
    result = evaluate(build_scenario(_data()))
    for row in result.strategies:
        assert row.required_fte_months == 60
        delivered = row.delivered_share.value()
        assert 0 <= delivered <= 1
        # the P50 share is the P50 of delivered FTE-months over the scope (to rounding)
        assert abs(row.effective_fte_months.value() / 60 - delivered) < 1e-3


def test_a_hard_deadline_excludes_options_that_cannot_make_it() -> None:
    soft = evaluate(build_scenario(_data()))
    hard = evaluate(build_scenario(_data(deadline="hard")))
    for s, h in zip(soft.strategies, hard.strategies, strict=True):
        late = s.delivered_share.value() < 0.9
        assert h.eligible == (s.eligible and not late)
        if late:
            assert "deadline is hard" in (h.excluded_reason or "")


def test_late_picks_say_so_with_the_numbers() -> None:
    result = evaluate(build_scenario(_data(duration_months=3)))
    rec = result.recommendation.by_workstream[0]
    late = next(c for c in rec.caveats if c.kind == "late")
    row = result.row("w", rec.option or "")
    assert late.get("delivered_share") == row.delivered_share.p50
    assert late.get("due_month") == 3
    assert late.text.startswith("Late: delivers")


def test_saving_names_a_comparator_and_its_delivery() -> None:
    result = evaluate(build_scenario(_data()))
    rec = result.recommendation.by_workstream[0]
    saving = next(f for f in rec.reasons if f.kind == "saving")
    comparator = result.row("w", saving.get("comparator"))
    if saving.get("comparator_on_time") is False:
        share = comparator.delivered_share.value()
        assert f"which would deliver {round(share * 100)}%" in saving.text
    else:
        assert comparator.delivered_share.value() >= 0.9


def test_a_hard_budget_excludes_what_it_cannot_afford() -> None:
    data = _data(duration_months=24)
    data["company"] = {"annual_budget": 900_000, "budget_limit": "hard"}
    result = evaluate(build_scenario(data))
    for row in result.strategies:
        if row.over_budget_years:
            assert not row.eligible
            assert "budget limit is hard" in (row.excluded_reason or "")
    assert any(not r.eligible for r in result.strategies)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(months=st.integers(2, 40), extra=st.integers(1, 24))
def test_more_time_never_lowers_the_delivered_share(months: int, extra: int) -> None:
    """With the same team, a later due month never means less of the work done."""

    def shares(duration: int) -> dict[str, float]:
        data = _data(duration_months=duration)
        data["simulation"] = {"samples": 0}
        data["offshore_route"] = "eor"
        result = evaluate(build_scenario(data), with_flips=False)
        return {r.option: r.delivered_share.value() for r in result.strategies}

    short, long = shares(months), shares(months + extra)
    for option, share in short.items():
        assert long[option] >= share - 1e-9, option
