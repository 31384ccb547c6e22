"""Nothing non-finite, missing or negative is written as a result."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.conftest import make_scenario

from shorewise.errors import ModelError
from shorewise.io.output_check import check_result_numbers
from shorewise.workflows.evaluate import evaluate


def test_a_real_result_passes() -> None:
    result = evaluate(make_scenario(), samples=200, seed=3)
    data = result.to_dict()
    check_result_numbers(data)
    json.dumps(data, allow_nan=False)


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("plan", "npv_cost", "p50"), float("nan"), "plan.npv_cost.p50: not a finite number (nan)"),
        (("strategies", 0, "score"), float("inf"), "strategies.0.score: not a finite number (inf)"),
        (("strategies", 1, "total_cost", "p10"), -3083.0, "negative (-3,083.00)"),
        (
            ("strategies", 2, "npv_cost", "mean"),
            None,
            "npv_cost.mean (offshore_inhouse@VN): missing",
        ),
    ],
)
def test_garbage_is_refused_naming_the_figure(
    path: tuple[Any, ...], value: Any, expected: str
) -> None:
    data = evaluate(make_scenario(), samples=0).to_dict()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ModelError) as err:
        check_result_numbers(data)
    assert expected in err.value.render()
    assert "nothing was written" in err.value.message
