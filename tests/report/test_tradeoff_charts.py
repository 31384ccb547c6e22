"""The weight-sensitivity and value-for-money charts: exact switches, the Pareto frontier,
and scores that are the recommendation's own."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.report.conftest import comparison

from shorewise.report.tradeoff_charts import (
    EDGE,
    normalised_criteria,
    pareto_front,
    tradeoff_items,
    weight_switches,
)

CRITERIA = ["cost", "speed", "control", "scalability", "risk"]

unit = st.floats(0.01, 1.0, allow_nan=False)


def _leader(n: dict[str, list[float]], weights: dict[str, float], c: str, t: float) -> str:
    rest = sum(w for k, w in weights.items() if k != c)
    w = [t if k == c else weights[k] * (1 - t) / rest for k in CRITERIA]
    scores = {name: float(np.dot(v, w)) for name, v in n.items()}
    return max(scores, key=lambda name: scores[name])


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(st.lists(unit, min_size=5, max_size=5), min_size=2, max_size=5),
    raw_weights=st.lists(st.floats(0.05, 1.0), min_size=5, max_size=5),
    which=st.sampled_from(CRITERIA),
)
def test_switches_are_where_a_fine_grid_sees_the_first_place_change(
    values: list[list[float]], raw_weights: list[float], which: str
) -> None:
    n = {f"option {k}": v for k, v in enumerate(values)}
    total = sum(raw_weights)
    weights = {c: w / total for c, w in zip(CRITERIA, raw_weights, strict=True)}
    switches = weight_switches(n, weights, CRITERIA, which)
    for at, before, after in switches:
        assert 0 < at < 1 - EDGE + 1e-3
        assert before != after
        # a little before the switch the old leader leads, a little after the new one
        # (unless two switches are closer than the probe)
        if all(abs(at - other) > 0.004 for other, _, _ in switches if other != at):
            assert _leader(n, weights, which, max(0.0, at - 0.002)) == before
            assert _leader(n, weights, which, min(1.0, at + 0.002)) == after
    grid = np.linspace(0, 1 - EDGE - 1e-3, 2001)
    leaders = [_leader(n, weights, which, float(t)) for t in grid]
    changes = sum(1 for a, b in itertools.pairwise(leaders) if a != b)
    assert changes <= len(switches) + 1  # a near-tie on the grid may hide or add one
    assert len(switches) <= changes + 1


def test_a_hand_computed_switch() -> None:
    # A = 0.2 + 0.8 t, B = 1 - 0.5 t with the cost weight t: equal at t = 0.8 / 1.3
    n = {"A": [1.0, 0.2], "B": [0.5, 1.0]}
    assert weight_switches(n, {"cost": 0.5, "speed": 0.5}, ["cost", "speed"], "cost") == [
        (round(0.8 / 1.3, 3), "B", "A")
    ]
    assert weight_switches(n, {"cost": 0.5, "speed": 0.5}, ["cost", "speed"], "speed") == [
        (round(0.5 / 1.3, 3), "A", "B")
    ]


@settings(max_examples=80, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from("ABCDEFG"),
        st.tuples(st.floats(1, 1e6), st.floats(0, 1)),
        min_size=1,
        max_size=7,
    )
)
def test_the_frontier_is_exactly_the_undominated_options(
    points: dict[str, tuple[float, float]],
) -> None:
    front = pareto_front(points)
    for a, (ca, ba) in points.items():
        dominated = any(
            cb <= ca and bb >= ba and (cb < ca or bb > ba)
            for b, (cb, bb) in points.items()
            if b != a
        )
        assert (a in front) is not dominated
    costs = [points[a][0] for a in front]
    assert costs == sorted(costs)
    assert front  # someone is always undominated


def test_the_charts_use_the_recommendations_own_scores() -> None:
    result = comparison("retail-app")
    rows = result.rows_for(0)
    n = normalised_criteria(rows, list(result.weights))
    weights = [result.weights[c] for c in result.weights]
    assert abs(sum(weights) - 1) < 1e-6
    scored = [r for r in rows if r.eligible and r.score is not None]
    assert len(scored) >= 2
    for r in scored:
        assert abs(float(np.dot(n[r.label], weights)) - r.score) < 2e-3
    best = max(scored, key=lambda r: r.score or 0)
    assert best.rank == 1
    keys = [item.key for item in tradeoff_items(result, validate=True)]
    assert keys == ["weights-0", "value-for-money-0"]


def test_every_workstream_gets_its_pair_and_labels_not_ids() -> None:
    result = comparison("two-workstreams")
    items = tradeoff_items(result)
    assert [i.key for i in items] == [
        "weights-0",
        "value-for-money-0",
        "weights-1",
        "value-for-money-1",
    ]
    for item in items:
        text = item.caption + repr(item.spec.get("datasets"))
        assert "offshore_" not in text
        assert "onshore_" not in text


def test_no_weights_no_charts() -> None:
    result = comparison("retail-app").model_copy(update={"weights": {}})
    assert tradeoff_items(result) == []
