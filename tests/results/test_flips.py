"""Flip conditions re-run the whole decision: past each reported threshold the stated
option ranks first, and at the threshold it does not (issue 10, item 4)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from shorewise.decision.flips import FlipSearch, find_flip
from shorewise.domain.validation import build_scenario
from shorewise.io.scenario_file import parse_text
from shorewise.workflows.evaluate import evaluate
from shorewise.workflows.examples import example_path

US_VN = {
    "name": "US-VN",
    "home_country": "US",
    "offshore_countries": ["VN"],
    "workstreams": [{"name": "app", "fte": 10, "duration_months": 36}],
    "simulation": {"samples": 0},
}


def _at(data: dict[str, Any], key: str, value: float) -> dict[str, Any]:
    """The scenario with one flip input set to ``value``."""
    out = copy.deepcopy(data)
    if key == "duration_months":
        out["workstreams"][0]["duration_months"] = round(value)
        out.pop("horizon_months", None)
    elif key.startswith("weight."):
        weights = {"cost": 0.4, "speed": 0.15, "control": 0.2, "scalability": 0.1, "risk": 0.15}
        weights.update(out.get("weights") or {})
        rest = sum(v for k, v in weights.items() if k != "cost")
        out["weights"] = {
            k: (value if k == "cost" else v / rest * (1 - value)) for k, v in weights.items()
        }
    else:
        out.setdefault("assumptions", {})[key] = value
    return out


def _first(data: dict[str, Any]) -> str | None:
    result = evaluate(build_scenario(data), samples=0, with_flips=False)
    return result.recommendation.by_workstream[0].option


def _scenarios() -> list[dict[str, Any]]:
    retail = parse_text(example_path("retail-app").read_text(), source="retail-app")
    short = copy.deepcopy(US_VN)
    short["workstreams"][0]["duration_months"] = 8
    return [US_VN, short, {**retail, "simulation": {"samples": 0}}]


@pytest.mark.parametrize("data", _scenarios(), ids=["us-vn-36", "us-vn-8", "retail-app"])
def test_every_stated_flip_holds_past_its_threshold(data: dict[str, Any]) -> None:
    result = evaluate(build_scenario(data), samples=0)
    rec = result.recommendation.by_workstream[0]
    assert rec.flip_conditions, "every input gets a flip condition or 'no flip'"
    found = 0
    for flip in rec.flip_conditions:
        if flip.threshold is None:
            assert flip.option is None
            assert "no other option ranks first" in flip.text
            continue
        found += 1
        assert flip.step is not None
        assert flip.step > 0
        past = (
            flip.threshold - flip.step if flip.direction == "below" else flip.threshold + flip.step
        )
        assert flip.low < past < flip.high  # never at the edge of the range searched
        assert _first(_at(data, flip.input, past)) == flip.option, flip.text
        assert _first(_at(data, flip.input, flip.threshold)) != flip.option, flip.text
        assert flip.label
        assert "@" not in flip.text
    assert found, "some input flips the answer in these scenarios"


def test_a_flip_only_at_the_range_edge_is_no_flip() -> None:
    search = FlipSearch("duration_months", current=36, low=2, high=72, integer=True)
    flip = find_flip(search, lambda v: "vendor" if v <= 2 else "team", "team")
    assert flip.threshold is None
    assert flip.option is None


def test_the_nearer_side_is_reported() -> None:
    search = FlipSearch("vendor_margin", current=0.4, low=0.0, high=1.0)

    def first(v: float) -> str:
        return "low" if v < 0.1 else "high" if v > 0.55 else "pick"

    flip = find_flip(search, first, "pick")
    assert flip.direction == "above"
    assert flip.option == "high"
    assert flip.threshold is not None
    assert flip.step is not None
    assert flip.threshold <= 0.55 < flip.threshold + flip.step


def test_the_vendor_margin_is_searched_only_where_a_price_reads_it() -> None:
    """Vendors in the US and Vietnam bill a published rate band, so their margin changes
    nothing and is not offered as a flip; Australia has no band, so its home vendor is cost
    plus margin and the margin is searched."""
    banded = evaluate(build_scenario(US_VN), samples=0)
    inputs = {f.input for f in banded.recommendation.by_workstream[0].flip_conditions}
    assert "vendor_margin" not in inputs
    assert "duration_months" in inputs
    australia = evaluate(build_scenario({**US_VN, "home_country": "AU"}), samples=0)
    inputs = {f.input for f in australia.recommendation.by_workstream[0].flip_conditions}
    assert "vendor_margin" in inputs
