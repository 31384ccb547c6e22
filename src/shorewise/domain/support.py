"""The values a distribution can take: its support, and the range the sampler can draw.

:func:`support` is the mathematical support (``±inf`` where a tail is unbounded): a
normal has no bounds unless truncated, a log-normal is above 0. :func:`drawable_range` is
what Monte Carlo can actually produce: uniforms are kept inside ``[U_LOW, U_HIGH]`` (see
``shorewise.uncertainty.distributions.open_unit``), so an unbounded tail ends at the
normal score of those uniforms, about -8.8 and +8.2 standard deviations. The allowed-range
checks (:mod:`shorewise.domain.allowed`) use the first for hard bounds and the second for
magnitude ceilings.

Example::

    >>> from shorewise.domain.distributions import LogNormal, Uniform
    >>> support(Uniform(low=0.3, high=0.7))
    (0.3, 0.7)
    >>> low, high = drawable_range(LogNormal(median=100.0, sigma=0.1))
    >>> round(high, 1)
    227.3
"""

from __future__ import annotations

import math
from statistics import NormalDist

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

U_LOW = 2.0**-60
"""Smallest uniform the sampler uses (a uniform of exactly 0 would give -inf)."""
U_HIGH = 1.0 - 2.0**-53
"""Largest uniform the sampler uses."""
Z95 = 1.6448536269514722  # an Interval90 spans centre ± Z95 x spread

_STANDARD = NormalDist()


def support(dist: Distribution) -> tuple[float, float]:
    """Smallest and largest possible values of ``dist`` (``±inf`` where unbounded).

    >>> support(Normal(mean=0.8, sd=0.05, high=1.0))
    (-inf, 1.0)
    """
    match dist:
        case Fixed(value=v):
            return v, v
        case Uniform(low=lo, high=hi) | Triangular(low=lo, high=hi) | Pert(low=lo, high=hi):
            return lo, hi
        case Normal(low=lo, high=hi):
            return (-math.inf if lo is None else lo), (math.inf if hi is None else hi)
        case LogNormal():
            return 0.0, math.inf
        case Interval90(shape=shape):
            return (0.0, math.inf) if shape == "lognormal" else (-math.inf, math.inf)
    raise AssertionError(dist)  # pragma: no cover


def _exp(x: float) -> float:
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


def _tail_z(cut: float, tail: float) -> float:
    """The standard score drawn at uniform ``tail`` from the upper tail beyond ``cut``:
    ``z`` with ``1 - Φ(z) = tail × (1 - Φ(cut))`` (``cut`` itself when that underflows)."""
    p = tail * _STANDARD.cdf(-cut)
    if p <= 0.0:
        return cut
    try:
        return max(cut, -_STANDARD.inv_cdf(p))
    except ValueError:  # p too small for inv_cdf
        return cut


def _normal_range(mean: float, sd: float, low: float, high: float) -> tuple[float, float]:
    """A (truncated) normal's drawable ends. The sampler's truncated inverse is tabulated
    and a little off in the far tail, so the open tail of a truncated normal is taken out
    to the 2^-60 tail quantile: a little beyond what it draws, never short of it."""
    a, b = (low - mean) / sd, (high - mean) / sd
    truncated = math.isfinite(a) or math.isfinite(b)
    upper_tail = U_LOW if truncated else 1.0 - U_HIGH
    z_high = _tail_z(a, upper_tail) if math.isinf(high) else b
    z_low = -_tail_z(-b, U_LOW) if math.isinf(low) else a
    return mean + sd * z_low, mean + sd * z_high


def drawable_range(dist: Distribution) -> tuple[float, float]:
    """The smallest and largest values Monte Carlo can draw from ``dist``.

    Equal to :func:`support` where it is finite; an unbounded tail ends where the sampler's
    extreme uniforms put it (``inf`` when that overflows a float).

    >>> low, high = drawable_range(Normal(mean=0.0, sd=1.0))
    >>> round(low, 2), round(high, 2)
    (-8.77, 8.21)
    """
    low, high = support(dist)
    if math.isfinite(low) and math.isfinite(high):
        return low, high
    if isinstance(dist, Normal):
        return _normal_range(dist.mean, dist.sd, low, high)
    if isinstance(dist, LogNormal):
        log_centre, log_spread = math.log(dist.median), dist.sigma
    elif isinstance(dist, Interval90) and dist.shape == "lognormal":
        log_low, log_high = math.log(dist.low), math.log(dist.high)
        log_centre, log_spread = (log_low + log_high) / 2, (log_high - log_low) / (2 * Z95)
    else:
        assert isinstance(dist, Interval90)
        centre, spread = (dist.low + dist.high) / 2, (dist.high - dist.low) / (2 * Z95)
        return _normal_range(centre, spread, low, high)
    z_low, z_high = _normal_range(0.0, 1.0, -math.inf, math.inf)
    return _exp(log_centre + log_spread * z_low), _exp(log_centre + log_spread * z_high)
