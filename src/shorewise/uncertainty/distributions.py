"""Sampling the typed distributions of :mod:`shorewise.domain.distributions`.

Every kind shares one contract, in a registry keyed by ``kind``: an inverse CDF
``ppf(dist, u)`` for uniforms ``u`` in (0, 1) and a ``support``. Sampling is ``ppf`` of
uniforms, so random, Sobol', Latin-hypercube designs and rank correlation apply to every
kind alike. Parameters were checked when each distribution was built, not again here.

Closed forms in numpy where they exist. PERT, a scaled beta, is inverted with numpy only
(:mod:`shorewise.uncertainty.beta_inverse`: exact for a few values, a cached logit table
for many, within 1e-10 of the range), so the default assumptions never import scipy. The
normal family needs Φ⁻¹ (``scipy.special.ndtri``, imported lazily; not at u = 1/2, so
medians stay scipy-free); the truncated normal's inverse (``scipy.stats.truncnorm``, slow)
is tabulated once per parameter set against Φ⁻¹(u) and interpolated (cubic Hermite, exact
slopes): ~50 ms per million, within 1e-10 of the range.

Example::

    >>> from shorewise.domain.distributions import Pert
    >>> from shorewise.uncertainty.rng import make_rng
    >>> pert = Pert(low=0.2, mode=0.35, high=0.6)
    >>> round(median(pert), 4), support(pert)
    (0.3627, (0.2, 0.6))
    >>> draws = sample(pert, 1000, make_rng(7))
    >>> bool(((draws >= 0.2) & (draws <= 0.6)).all())
    True
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

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
from shorewise.uncertainty.beta_inverse import beta_ppf

__all__ = ["is_fixed", "median", "open_unit", "ppf", "quantile", "sample", "support"]

Draws = NDArray[np.float64]  # (n,) values of one input
Uniforms = NDArray[np.float64]  # (n,) numbers in (0, 1)

#: z such that P(Z <= z) = 0.95 for a standard normal: an Interval90 spans mean ± z·sd.
Z95 = 1.6448536269514722
_TINY = 2.0**-60  # uniforms are kept inside [_TINY, 1 - 2**-53]
_Z_MAX = 9.0  # score tables cover z in [-9, 9], i.e. u in [1.1e-19, 1 - 1.1e-19]
_NODES = 2048  # intervals in a score table
_TABLE_MIN = 256  # fewer uniforms than this: call the exact inverse, build no table


@dataclass(frozen=True)
class _Kind:
    """One distribution kind: its inverse CDF and the range of possible values."""

    ppf: Callable[[Any, Uniforms], Draws]
    support: Callable[[Any], tuple[float, float]]


def _ndtri(u: Uniforms) -> Draws:
    if u.size and bool(np.all(u == 0.5)):  # a median: Φ⁻¹(1/2) = 0, no need for scipy
        return np.zeros(u.shape, dtype=np.float64)
    from scipy.special import ndtri  # lazy: keep module import free of scipy

    return np.asarray(ndtri(u), dtype=np.float64)


@dataclass(frozen=True)
class _ScoreTable:
    """x(z) at even nodes of z = Φ⁻¹(u), exact values and slopes φ(z)/f(x): cubic Hermite."""

    values: Draws  # (_NODES + 1,)
    slopes: Draws  # (_NODES + 1,) dx/dz times the node spacing

    def __call__(self, z: Draws) -> Draws:
        t = (z + _Z_MAX) * (_NODES / (2 * _Z_MAX))
        i = np.clip(t.astype(np.intp), 0, _NODES - 1)
        s = t - i
        s2, s3 = s * s, s * s * s
        return (
            (2 * s3 - 3 * s2 + 1) * self.values[i]
            + (s3 - 2 * s2 + s) * self.slopes[i]
            + (3 * s2 - 2 * s3) * self.values[i + 1]
            + (s3 - s2) * self.slopes[i + 1]
        )


def _score_nodes() -> Draws:
    return np.linspace(-_Z_MAX, _Z_MAX, _NODES + 1)


def _score_table(values: Draws, densities: Draws) -> _ScoreTable | None:
    """A table from exact ``values`` at the nodes and their ``densities`` (None if unusable)."""
    z = _score_nodes()
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        slopes = np.exp(-0.5 * z * z) / (math.sqrt(2 * math.pi) * densities)
    slopes *= 2 * _Z_MAX / _NODES
    if not (np.isfinite(values).all() and np.isfinite(slopes).all()):
        return None
    return _ScoreTable(values, slopes)


def _tabulated(
    build: Callable[[], _ScoreTable | None], exact: Callable[[Uniforms], Draws], u: Uniforms
) -> Draws:
    """``exact(u)``, through the table from ``build()`` when ``u`` is large."""
    if u.size < _TABLE_MIN or (table := build()) is None:
        return exact(u)
    z = _ndtri(u)
    outside = ~(np.abs(z) <= _Z_MAX)
    values = table(np.where(outside, 0.0, z))
    if outside.any():
        values[outside] = exact(u[outside])
    return values


def _constant(value: float, u: Uniforms) -> Draws:
    return np.full(u.shape, value, dtype=np.float64)


def _uniform_ppf(dist: Uniform, u: Uniforms) -> Draws:
    if dist.low == dist.high:
        return _constant(dist.low, u)
    return np.clip(dist.low + (dist.high - dist.low) * u, dist.low, dist.high)


def _triangular_ppf(dist: Triangular, u: Uniforms) -> Draws:
    low, mode, high = dist.low, dist.mode, dist.high
    if low == high:
        return _constant(low, u)
    width = high - low
    peak = (mode - low) / width  # CDF at the mode
    rising = low + width * np.sqrt(u * peak)
    falling = high - width * np.sqrt((1.0 - u) * (1.0 - peak))
    return np.clip(np.where(u < peak, rising, falling), low, high)


def _pert_ppf(dist: Pert, u: Uniforms) -> Draws:
    if dist.low == dist.high:
        return _constant(dist.low, u)
    width = dist.high - dist.low  # a scaled beta (Vose, *Risk Analysis*, 2008, §9.1.7):
    a = 1.0 + dist.lamb * (dist.mode - dist.low) / width
    b = 1.0 + dist.lamb * (dist.high - dist.mode) / width
    return np.clip(dist.low + width * beta_ppf(a, b, u), dist.low, dist.high)


@functools.lru_cache(maxsize=256)
def _truncnorm_table(a: float, b: float) -> _ScoreTable | None:
    from scipy.special import ndtr
    from scipy.stats import truncnorm

    z = _score_nodes()
    upper = z > 0
    x = np.empty_like(z)
    x[~upper] = truncnorm.ppf(ndtr(z[~upper]), a, b)
    x[upper] = truncnorm.isf(ndtr(-z[upper]), a, b)
    return _score_table(x, np.asarray(truncnorm.pdf(x, a, b), dtype=np.float64))


def _normal_ppf(dist: Normal, u: Uniforms) -> Draws:
    if dist.low is None and dist.high is None:
        return dist.mean + dist.sd * _ndtri(u)
    from scipy.stats import truncnorm  # lazy: ~0.5 s to import

    a = -math.inf if dist.low is None else (dist.low - dist.mean) / dist.sd
    b = math.inf if dist.high is None else (dist.high - dist.mean) / dist.sd
    standard = _tabulated(
        lambda: _truncnorm_table(a, b),
        lambda v: np.asarray(truncnorm.ppf(v, a, b), dtype=np.float64),
        u,
    )
    low, high = support(dist)
    return np.clip(dist.mean + dist.sd * standard, low, high)


def _lognormal_ppf(dist: LogNormal, u: Uniforms) -> Draws:
    return dist.median * np.exp(dist.sigma * _ndtri(u))


def _interval90_ppf(dist: Interval90, u: Uniforms) -> Draws:
    if dist.shape == "lognormal":
        log_low, log_high = math.log(dist.low), math.log(dist.high)
        centre, spread = (log_low + log_high) / 2, (log_high - log_low) / (2 * Z95)
        return np.exp(centre + spread * _ndtri(u))
    centre, spread = (dist.low + dist.high) / 2, (dist.high - dist.low) / (2 * Z95)
    return centre + spread * _ndtri(u)


_INF = math.inf
_KINDS: dict[str, _Kind] = {
    "fixed": _Kind(lambda d, u: _constant(d.value, u), lambda d: (d.value, d.value)),
    "uniform": _Kind(_uniform_ppf, lambda d: (d.low, d.high)),
    "triangular": _Kind(_triangular_ppf, lambda d: (d.low, d.high)),
    "pert": _Kind(_pert_ppf, lambda d: (d.low, d.high)),
    "normal": _Kind(
        _normal_ppf,
        lambda d: (-_INF if d.low is None else d.low, _INF if d.high is None else d.high),
    ),
    "lognormal": _Kind(_lognormal_ppf, lambda d: (0.0, _INF)),
    "interval90": _Kind(
        _interval90_ppf, lambda d: (0.0, _INF) if d.shape == "lognormal" else (-_INF, _INF)
    ),
}


def ppf(dist: Distribution, u: Uniforms) -> Draws:
    """Inverse CDF of ``dist`` at uniforms ``u`` (any shape, values in (0, 1)); same shape.

    >>> from shorewise.domain.distributions import Uniform
    >>> ppf(Uniform(low=2, high=4), np.array([0.25, 0.5])).tolist()
    [2.5, 3.0]
    """
    return _KINDS[dist.kind].ppf(dist, np.asarray(u, dtype=np.float64))


def open_unit(u: Uniforms) -> Uniforms:
    """``u`` moved strictly inside (0, 1) (a uniform of exactly 0 would give -inf)."""
    return np.clip(u, _TINY, 1.0 - 2.0**-53)


def sample(dist: Distribution, n: int, rng: np.random.Generator) -> Draws:
    """``n`` independent draws of ``dist`` from ``rng``: ``ppf`` of ``rng.random(n)``.

    >>> sample(Fixed(value=3.0), 2, np.random.default_rng(0)).tolist()
    [3.0, 3.0]
    """
    return ppf(dist, open_unit(rng.random(n)))


def quantile(dist: Distribution, q: float) -> float:
    """The ``q``-quantile (``0 <= q <= 1``) of ``dist``; ``q`` of 0 or 1 gives the support ends.

    Raises ``ValueError`` for ``q`` outside [0, 1].
    """
    if not 0.0 <= q <= 1.0:
        raise ValueError(f"q must be between 0 and 1 (got {q:g})")
    if q in (0.0, 1.0):
        return support(dist)[int(q)]
    return float(ppf(dist, np.array([q]))[0])


def median(dist: Distribution) -> float:
    """The central value used for a deterministic run: the 50th percentile (``Fixed`` → value).

    >>> median(LogNormal(median=150_000, sigma=0.2))
    150000.0
    """
    if isinstance(dist, Fixed):
        return dist.value
    return quantile(dist, 0.5)


def is_fixed(dist: Distribution) -> bool:
    """True for a ``Fixed`` value or a degenerate range (``low == high``)."""
    if isinstance(dist, Fixed):
        return True
    if isinstance(dist, Uniform | Triangular | Pert):
        return dist.low == dist.high
    return False


def support(dist: Distribution) -> tuple[float, float]:
    """Smallest and largest possible values (``±inf`` where unbounded).

    >>> support(Normal(mean=0.8, sd=0.05, high=1.0))
    (-inf, 1.0)
    """
    return _KINDS[dist.kind].support(dist)
