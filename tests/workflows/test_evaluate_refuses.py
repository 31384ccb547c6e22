"""`evaluate` checks what it is given again: only ShorewiseError, never a numpy or
attribute error, whatever an API user passes."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import make_scenario

import shorewise
from shorewise.errors import ScenarioError, ShorewiseError


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"samples": -1}, "samples"),
        ({"samples": 10**9}, "samples"),
        ({"samples": 1.5}, "samples"),
        ({"seed": -3}, "seed"),
        ({"seed": 2**64}, "seed"),
    ],
)
def test_bad_run_settings_are_refused(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(ScenarioError) as err:
        shorewise.evaluate(make_scenario(), **kwargs)
    assert [p.field for p in err.value.problems] == [field]


@pytest.mark.parametrize(
    ("update", "field"),
    [
        ({"workstreams": ({"name": "w", "fte": 4, "duration_months": -6},)}, "workstreams.0"),
        ({"workstreams": "lots"}, "workstreams"),
        ({"assumptions": {"vendor_margin": -2}}, "assumptions.vendor_margin"),
        ({"assumptions": {"vendor_margn": 0.3}}, "assumptions.vendor_margn"),
        ({"offshore_countries": ("ZZ",)}, "offshore_countries.0"),
        ({"horizon_months": 4}, "horizon_months"),
        ({"simulation": None}, "simulation"),
        ({"currency": "XYZ"}, "currency"),
    ],
)
def test_a_model_copy_edit_is_validated_again(update: dict[str, Any], field: str) -> None:
    edited = make_scenario().model_copy(update=update)
    with pytest.raises(ShorewiseError) as err:
        shorewise.evaluate(edited, samples=0)
    assert isinstance(err.value, ScenarioError)
    assert any(p.field.startswith(field) for p in err.value.problems), err.value.render()


def test_a_valid_edit_runs_with_its_change() -> None:
    base = make_scenario()
    edited = base.model_copy(
        update={"workstreams": ({"name": "w", "fte": 8, "duration_months": 12},)}
    )
    result = shorewise.evaluate(edited, samples=0)
    assert result.workstreams[0].fte == 8
    assert result.to_dict()["strategies"][0]["total_cost"]["p50"] > 0


def test_plain_data_is_not_a_scenario() -> None:
    with pytest.raises(ScenarioError, match="expected a Scenario"):
        shorewise.evaluate({"name": "x"})  # type: ignore[arg-type]
