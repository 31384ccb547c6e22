"""Allowed ranges: every assumption has one, defaults obey it, and the check over a whole
distribution agrees with what the sampler really draws."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shorewise.domain.allowed import Allowed
from shorewise.domain.catalogue import CATALOGUE
from shorewise.domain.distributions import (
    Distribution,
    Fixed,
    Interval90,
    LogNormal,
    Normal,
    Pert,
    Triangular,
    Uniform,
)
from shorewise.domain.ranges import ALLOWED
from shorewise.domain.support import U_HIGH, U_LOW, drawable_range, support
from shorewise.uncertainty import distributions as sampler
from shorewise.uncertainty.rng import make_rng

ROOT = Path(__file__).resolve().parents[2]
SHARE = Allowed(low=0.0, high=1.0, reason="a share")
POSITIVE = Allowed(low=0.0, low_open=True, ceiling=100.0, reason="positive")
PAY = ALLOWED["onshore_annual_pay"]

KINDS: list[Distribution] = [
    Fixed(value=0.4),
    Uniform(low=0.2, high=0.6),
    Triangular(low=0.1, mode=0.2, high=0.9),
    Pert(low=0.1, mode=0.5, high=0.7),
    Normal(mean=0.5, sd=0.1),
    Normal(mean=0.5, sd=0.1, low=0.3),
    Normal(mean=0.5, sd=0.1, high=0.55),
    Normal(mean=0.5, sd=0.1, low=0.2, high=0.9),
    LogNormal(median=0.5, sigma=0.4),
    Interval90(low=0.3, high=0.7),
    Interval90(low=0.3, high=0.7, shape="lognormal"),
]


def test_every_assumption_has_a_range_with_a_reason() -> None:
    assert set(ALLOWED) == set(CATALOGUE)
    for name, a in CATALOGUE.items():
        assert a.allowed is ALLOWED[name]
        assert a.allowed.reason, name
        assert a.allowed.low is not None, f"{name}: every input has a lower bound"
        assert a.allowed.high is not None or a.allowed.ceiling is not None, name


def test_every_default_is_allowed() -> None:
    for name, a in CATALOGUE.items():
        if a.default is not None:
            assert a.allowed is not None
            assert a.allowed.problem(a.default, 1.0) is None, name


def test_the_docs_list_every_range_as_the_code_has_it() -> None:
    text = (ROOT / "docs" / "scenario-format.md").read_text()
    block = re.search(r"<!-- allowed-ranges:.*?-->\n(.*?)\n<!-- /allowed-ranges -->", text, re.S)
    assert block, "docs/scenario-format.md lost its allowed-ranges table"
    rows = ["| assumption | allowed | reason |", "|---|---|---|"]
    for a in CATALOGUE.values():
        assert a.allowed is not None
        usd = " (USD)" if a.allowed.ceiling_usd else ""
        rows.append(f"| `{a.name}` | {a.allowed.describe()}{usd} | {a.allowed.reason} |")
    assert block.group(1) == "\n".join(rows), "regenerate the table in docs/scenario-format.md"


@pytest.mark.parametrize("dist", KINDS, ids=lambda d: d.kind)
def test_support_and_drawable_range_match_the_sampler(dist: Distribution) -> None:
    """Bounded ends are the support's (the sampler stays inside); unbounded tails end
    exactly where the sampler's extreme uniforms put them."""
    assert support(dist) == sampler.support(dist)
    low, high = support(dist)
    drawn_low, drawn_high = sampler.ppf(dist, sampler.open_unit(np.array([0.0, 1.0])))
    lowest, highest = drawable_range(dist)
    ulps = 1e-12 * max(1.0, abs(drawn_low), abs(drawn_high))  # float rounding only
    assert lowest <= drawn_low + ulps
    assert drawn_high <= highest + ulps
    exact = 1e-9 if math.isinf(low) == math.isinf(high) else 0.05  # one-sided: conservative
    if math.isinf(low) or (low == 0.0 and dist.kind in ("lognormal", "interval90")):
        assert lowest == pytest.approx(drawn_low, rel=exact)
    if math.isinf(high):
        assert highest == pytest.approx(drawn_high, rel=exact)


def test_the_uniform_clip_is_the_samplers() -> None:
    clipped = sampler.open_unit(np.array([0.0, 1.0]))
    assert (float(clipped[0]), float(clipped[1])) == (U_LOW, U_HIGH)


@pytest.mark.parametrize(
    ("dist", "fragment"),
    [
        (Fixed(value=-0.1), "must be >= 0 and <= 1 (got -0.1)"),
        (Fixed(value=1.2), "must be >= 0 and <= 1 (got 1.2)"),
        (Uniform(low=-0.5, high=0.5), "its lower end -0.5 is outside the allowed values"),
        (Pert(low=0.2, mode=0.5, high=1.4), "its upper end 1.4 is outside"),
        (Normal(mean=0.5, sd=0.01), "a normal distribution has no lower bound"),
        (Normal(mean=0.5, sd=0.1, low=0.0), "a normal distribution has no upper bound"),
        (LogNormal(median=0.5, sigma=0.1), "a lognormal distribution has no upper bound"),
        (Interval90(low=0.3, high=0.7), "an interval90 distribution has no lower bound"),
    ],
)
def test_a_share_refuses_what_can_leave_it(dist: Distribution, fragment: str) -> None:
    message = SHARE.problem(dist)
    assert message is not None
    assert fragment in message, message
    assert message.endswith("a share")


@pytest.mark.parametrize(
    "dist",
    [
        Fixed(value=0.0),
        Fixed(value=1.0),
        Uniform(low=0.0, high=1.0),
        Normal(mean=0.5, sd=0.3, low=0.0, high=1.0),
        Pert(low=0.0, mode=0.0, high=0.2),
    ],
    ids=lambda d: d.kind,
)
def test_a_share_accepts_what_stays_inside(dist: Distribution) -> None:
    assert SHARE.problem(dist) is None


def test_open_bounds_exclude_their_end() -> None:
    assert POSITIVE.problem(Fixed(value=0.0)) == "must be > 0, at most 100 (got 0); positive"
    assert POSITIVE.problem(Normal(mean=1, sd=0.1, low=0.0, high=2)) is not None
    assert POSITIVE.problem(LogNormal(median=1.0, sigma=0.5)) is None  # never exactly 0


def test_ceilings_hold_over_what_can_be_drawn() -> None:
    assert POSITIVE.problem(LogNormal(median=1.0, sigma=0.5)) is None  # draws up to ~60
    wide = POSITIVE.problem(LogNormal(median=0.5, sigma=1000))
    assert wide is not None
    assert "its largest draws reach inf, above the ceiling 100" in wide
    assert POSITIVE.problem(Fixed(value=100.0)) is None
    assert POSITIVE.problem(Fixed(value=1e308)) == "must be at most 100 (got 1e+308); positive"
    tiny = POSITIVE.problem(LogNormal(median=1e-300, sigma=40))
    assert tiny is not None
    assert "smallest draws reach 0" in tiny


def test_money_ceilings_are_converted_from_usd() -> None:
    vnd = 25_442.0  # VND per USD
    pay = 1_000_000_000.0  # about USD 39,000 a year
    assert PAY.problem(Fixed(value=pay), units_per_usd=1.0) is not None
    assert PAY.problem(Fixed(value=pay), units_per_usd=vnd) is None
    too_much = PAY.problem(Fixed(value=1e11), units_per_usd=vnd)
    assert too_much is not None
    assert "(USD 2,000,000 converted)" in too_much
    assert PAY.problem(Fixed(value=1e308), units_per_usd=None) is None  # rate unknown: skipped
    assert PAY.problem(Fixed(value=-1.0), units_per_usd=None) is not None  # bounds are not


_BOUND = st.floats(-1e6, 1e6, allow_nan=False)


@st.composite
def _cases(draw: st.DrawFn) -> tuple[Allowed, Distribution]:
    low = draw(_BOUND)
    high = low + draw(st.floats(1e-3, 1e6))
    allowed = Allowed(
        low=low,
        high=draw(st.sampled_from([None, high])),
        low_open=draw(st.booleans()),
        ceiling=draw(st.sampled_from([None, high * 2 if high > 0 else None])),
    )
    centre = draw(st.floats(low - 10, high + 10))
    spread = draw(st.floats(1e-3, 1e3))
    dist = draw(
        st.sampled_from(
            [
                Fixed(value=centre),
                Uniform(low=centre, high=centre + spread),
                Pert(low=centre - spread, mode=centre, high=centre + spread),
                Normal(mean=centre, sd=spread),
                Normal(mean=centre, sd=spread, low=centre - spread, high=centre + spread),
                LogNormal(median=abs(centre) + 1e-3, sigma=min(spread, 20)),
            ]
        )
    )
    return allowed, dist


@settings(max_examples=200, deadline=None)
@given(_cases(), st.integers(0, 2**32))
def test_what_is_allowed_is_what_gets_drawn(case: tuple[Allowed, Distribution], seed: int) -> None:
    """Oracle: the sampler. An allowed distribution never draws a value outside the range."""
    allowed, dist = case
    if allowed.problem(dist) is not None:
        return
    draws = sampler.sample(dist, 2000, make_rng(seed))
    extremes = sampler.ppf(dist, sampler.open_unit(np.array([0.0, 1.0])))
    for value in (*draws, *extremes):
        assert math.isfinite(value)
        assert allowed.contains(float(value)), (allowed, dist, value)
