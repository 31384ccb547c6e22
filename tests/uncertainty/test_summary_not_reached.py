"""A percentile next to a never-reached draw (inf) is not reached either, never 1e299."""

from __future__ import annotations

import math

import numpy as np

from shorewise.uncertainty.summary import percentiles


def test_a_percentile_interpolated_towards_inf_is_inf() -> None:
    values = np.array([8.0] * 8 + [10.0, math.inf])  # P90 lies between 10 and inf
    p = percentiles(values)
    assert p.p10 == 8.0
    assert p.p50 == 8.0
    assert p.p90 == math.inf
    assert p.as_dict()["p90"] is None


def test_all_never_reached() -> None:
    p = percentiles(np.full(5, math.inf))
    assert (p.p10, p.p50, p.p90, p.mean) == (math.inf,) * 4


def test_finite_draws_are_untouched() -> None:
    values = np.arange(11.0)
    p = percentiles(values)
    assert (p.p10, p.p50, p.p90, p.mean) == (1.0, 5.0, 9.0, 5.0)
