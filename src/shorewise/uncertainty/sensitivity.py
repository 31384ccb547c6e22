"""Which inputs drive the output: one-at-a-time tornado and variance-based Sobol' indices.

Model-agnostic kernels. A model is any vectorised ``func(inputs) -> outputs`` where
``inputs`` maps each input name to a ``(k,)`` array of values and the result is ``(k,)``:
point *j* of the evaluation is ``{name: inputs[name][j]}``. Both kernels evaluate the model
at many points in as few calls as possible (tornado: one call).

- :func:`tornado` — each input moved alone from its low (e.g. P10) to its high (P90).
- :func:`sobol` — first-order and total Sobol' indices with bootstrap intervals
  (Saltelli et al. 2010, as ``scipy.stats.sobol_indices``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeAlias

import numpy as np
from numpy.typing import NDArray

from shorewise.uncertainty.rng import make_rng

__all__ = ["ModelFunction", "SobolIndex", "TornadoBar", "sobol", "tornado"]

ModelFunction: TypeAlias = Callable[[dict[str, NDArray[np.float64]]], NDArray[np.float64]]
"""``func({name: (k,) values}) -> (k,) outputs``, vectorised over the k points."""

InverseCdf: TypeAlias = Callable[[NDArray[np.float64]], NDArray[np.float64]]
"""Inverse CDF (ppf) of an input: ``(k,)`` probabilities in (0, 1) -> ``(k,)`` values."""

_MAX_BOOTSTRAP_CELLS = 4_000_000  # floats per bootstrap batch of f_AB, bounds memory


@dataclass(frozen=True)
class TornadoBar:
    """One input's bar: the output with that input at its low and at its high value."""

    name: str
    low_input: float
    high_input: float
    output_at_low: float
    output_at_high: float
    swing: float  # |output_at_high - output_at_low|, in the output's unit


@dataclass(frozen=True)
class SobolIndex:
    """Sobol' indices of one input, as shares of the output variance (0..1, up to noise).

    ``first``: variance explained by the input alone; ``total``: including all its
    interactions. ``first_ci``/``total_ci`` are (low, high) bootstrap confidence bounds.
    """

    name: str
    first: float
    total: float
    first_ci: tuple[float, float]
    total_ci: tuple[float, float]


def _evaluate(
    func: ModelFunction, inputs: dict[str, NDArray[np.float64]], k: int
) -> NDArray[np.float64]:
    outputs = np.asarray(func(inputs), dtype=np.float64)
    if outputs.shape != (k,):
        raise ValueError(f"func must return shape ({k},) for {k} points, got {outputs.shape}")
    if not np.all(np.isfinite(outputs)):
        raise ValueError("func returned a non-finite output (NaN or infinity)")
    return outputs


def tornado(
    func: ModelFunction,
    centrals: Mapping[str, float],
    lows: Mapping[str, float],
    highs: Mapping[str, float],
) -> list[TornadoBar]:
    """One-at-a-time sensitivity: move each input from low to high, others at central.

    ``centrals``, ``lows`` and ``highs`` map the same input names to values. The model is
    called once, on all ``2 * n_inputs`` points (rows ``2i``/``2i+1`` hold input *i* at low /
    high). Bars are sorted by swing, largest first (ties keep input order). Raises
    ``ValueError`` if the names differ or ``func`` returns the wrong shape or a non-finite
    value.

    >>> bars = tornado(lambda x: 2 * x["a"] - x["b"], {"a": 1, "b": 1}, {"a": 0, "b": 0},
    ...                {"a": 2, "b": 5})
    >>> [(bar.name, bar.swing) for bar in bars]
    [('b', 5.0), ('a', 4.0)]
    """
    names = list(centrals)
    if set(lows) != set(names) or set(highs) != set(names):
        raise ValueError("centrals, lows and highs must name the same inputs")
    if not names:
        return []
    k = 2 * len(names)
    inputs = {name: np.full(k, float(centrals[name])) for name in names}
    for i, name in enumerate(names):
        inputs[name][2 * i] = lows[name]
        inputs[name][2 * i + 1] = highs[name]
    outputs = _evaluate(func, inputs, k)
    bars = [
        TornadoBar(
            name=name,
            low_input=float(lows[name]),
            high_input=float(highs[name]),
            output_at_low=float(outputs[2 * i]),
            output_at_high=float(outputs[2 * i + 1]),
            swing=float(abs(outputs[2 * i + 1] - outputs[2 * i])),
        )
        for i, name in enumerate(names)
    ]
    return sorted(bars, key=lambda bar: -bar.swing)


def _saltelli_jansen(
    f_a: NDArray[np.float64], f_b: NDArray[np.float64], f_ab: NDArray[np.float64]
) -> NDArray[np.float64]:
    """First (Saltelli 2010) and total (Jansen 1999) indices over the last axis.

    ``f_a``, ``f_b``: ``(..., n)``; ``f_ab``: ``(d, ..., n)``. Returns ``(2d, ...)``: the d
    first-order indices, then the d total indices. Zero output variance gives 0.
    Saltelli et al. 2010, Table 2 (b) and (f), as in ``scipy.stats.sobol_indices``.
    """
    mean = 0.5 * (f_a.mean(axis=-1, keepdims=True) + f_b.mean(axis=-1, keepdims=True))
    f_a, f_b, f_ab = f_a - mean, f_b - mean, f_ab - mean
    variance = np.var(np.concatenate([f_a, f_b], axis=-1), axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        first = np.mean(f_b * (f_ab - f_a), axis=-1) / variance
        total = 0.5 * np.mean((f_a - f_ab) ** 2, axis=-1) / variance
    indices = np.concatenate([first, total], axis=0)
    return np.where(np.isfinite(indices), indices, 0.0)


def sobol(
    func: ModelFunction,
    ppfs: Mapping[str, InverseCdf],
    *,
    n: int,
    seed: int,
    confidence: float = 0.95,
    n_resamples: int = 200,
) -> list[SobolIndex]:
    """First-order and total Sobol' indices of each input, with bootstrap intervals.

    Each input is given by its inverse CDF (``ppfs[name]``, e.g. ``scipy.stats.norm(0, 1).ppf``),
    so any distribution plugs in; inputs are independent. ``n`` base samples are rounded up
    to a power of 2 (the balance of Sobol' points needs it); the model is evaluated once on
    ``n * (d + 2)`` points (``d`` inputs), from a scrambled Sobol' sequence (matrices A, B and
    the d mixed matrices AB, Saltelli et al. 2010), the same design and estimators as
    ``scipy.stats.sobol_indices`` (Saltelli 2010 first order, Jansen 1999 total) and the
    same numbers for the same generator (pinned by a test). Confidence intervals (level
    ``confidence``) are percentile bootstraps (``scipy.stats.bootstrap``) over the n base
    rows, ``n_resamples`` resamples. All randomness comes from ``seed``: same seed, same
    numbers.

    Why not call ``sobol_indices`` itself: in scipy 1.17 it fails for a single input
    (its squeezed result is a scalar), and ``SobolResult.bootstrap`` takes no generator and
    draws from NumPy's global state, so its intervals are not reproducible.

    Indices are reported as estimated: small negative values (or first > total) are
    estimator noise, meaning "about zero", not an error. Results keep the input order.
    Raises ``ValueError`` for ``n < 2``, a bad ``confidence`` or ``n_resamples``, or a
    model returning the wrong shape or a non-finite value.

    >>> from scipy.stats import uniform
    >>> result = sobol(lambda x: x["a"] + 0.1 * x["b"],
    ...                {"a": uniform(0, 1).ppf, "b": uniform(0, 1).ppf}, n=1024, seed=1)
    >>> [(index.name, round(index.first, 2)) for index in result]
    [('a', 0.99), ('b', 0.01)]
    """
    if n < 2:
        raise ValueError(f"n must be at least 2, got {n}")
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence}")
    if n_resamples < 1:
        raise ValueError(f"n_resamples must be at least 1, got {n_resamples}")
    names = list(ppfs)
    if not names:
        return []
    from scipy.stats import bootstrap, qmc

    n_base = 1 << math.ceil(math.log2(n))
    d = len(names)
    sample_rng, bootstrap_rng = make_rng(seed).spawn(2)  # design, bootstrap

    uniforms = qmc.Sobol(d=2 * d, rng=sample_rng, bits=64).random(n_base).T  # (2d, n)
    a_and_b = np.empty_like(uniforms)
    for j, name in enumerate(names):
        for half in (j, d + j):
            values = np.asarray(ppfs[name](uniforms[half]), dtype=np.float64)
            if values.shape != (n_base,):
                raise ValueError(f"ppf of {name!r} must keep the shape of its input")
            a_and_b[half] = values
    a, b = a_and_b[:d], a_and_b[d:]
    mixed = np.repeat(a[np.newaxis], d, axis=0)  # (d pages, d inputs, n): page i has B's row i
    mixed[np.arange(d), np.arange(d)] = b
    points = np.concatenate([a, b, *mixed], axis=1)  # (d, n * (d + 2))

    outputs = _evaluate(func, {name: points[j] for j, name in enumerate(names)}, points.shape[1])
    f_a = outputs[:n_base]
    f_b = outputs[n_base : 2 * n_base]
    f_ab = outputs[2 * n_base :].reshape(d, n_base)

    estimates = _saltelli_jansen(f_a, f_b, f_ab)  # (2d,): d first, then d total

    def statistic(rows: NDArray[np.int64], axis: int = -1) -> NDArray[np.float64]:
        return _saltelli_jansen(f_a[rows], f_b[rows], f_ab[:, rows])

    intervals = bootstrap(
        (np.arange(n_base),),
        statistic,
        n_resamples=n_resamples,
        batch=max(1, _MAX_BOOTSTRAP_CELLS // (d * n_base)),
        vectorized=True,
        method="percentile",
        confidence_level=confidence,
        rng=bootstrap_rng,
    ).confidence_interval
    low = np.atleast_1d(intervals.low)
    high = np.atleast_1d(intervals.high)

    return [
        SobolIndex(
            name=name,
            first=float(estimates[j]),
            total=float(estimates[d + j]),
            first_ci=(float(low[j]), float(high[j])),
            total_ci=(float(low[d + j]), float(high[d + j])),
        )
        for j, name in enumerate(names)
    ]
