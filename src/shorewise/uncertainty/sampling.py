"""Drawing every uncertain input of a run, deterministically by block.

Draws form one endless stream per ``(seed, method)``, cut into blocks of
:data:`BLOCK_SIZE`; block ``k`` holds draws ``k*BLOCK_SIZE ..`` and depends only on the
seed and ``k``. So draw ``i`` has the same value however a caller chunks the work (all at
once, in batches, in parallel), and a run can be extended later without changing its start.

Within a block: fixed inputs are constant; the uncertain ones, in sorted-name order (the
order of the ``correlation`` matrix), get uniforms from the chosen design, re-ordered by
Iman–Conover when a correlation matrix is given, then mapped through each distribution's
inverse CDF. Methods: ``random`` (independent uniforms from ``block_rng(seed, block)``),
``sobol`` (one scrambled Sobol' sequence; blocks are consecutive chunks of it, balanced
when the block size is a power of 2; at most 2**30 draws), ``lhs`` (a Latin hypercube
per block).

Example::

    >>> from shorewise.domain.distributions import Fixed, Uniform
    >>> specs = {"fte": Fixed(value=12), "attrition": Uniform(low=0.1, high=0.3)}
    >>> draws = sample_inputs(specs, 5, seed=42)
    >>> draws["fte"].tolist()
    [12.0, 12.0, 12.0, 12.0, 12.0]
    >>> later = sample_inputs(specs, 3, seed=42, start=2)  # draws 2, 3 and 4 again
    >>> bool((later["attrition"] == draws["attrition"][2:]).all())
    True
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Literal, get_args

import numpy as np
from numpy.typing import NDArray

from shorewise.domain.distributions import Distribution
from shorewise.errors import ModelError
from shorewise.uncertainty.correlation import impose_rank_correlation
from shorewise.uncertainty.distributions import is_fixed, median, open_unit, ppf
from shorewise.uncertainty.rng import block_rng, make_rng

__all__ = [
    "BLOCK_SIZE",
    "METHODS",
    "Method",
    "central_inputs",
    "sample_block",
    "sample_inputs",
    "uncertain_names",
]

BLOCK_SIZE = 8192  # draws per block: a power of 2, so each Sobol' block stays balanced
Method = Literal["random", "sobol", "lhs"]
METHODS: tuple[Method, ...] = get_args(Method)

Draws = NDArray[np.float64]  # (n,) values of one input, draw order
Matrix = NDArray[np.float64]  # (k, k) rank correlations over uncertain_names(specs)


def uncertain_names(specs: Mapping[str, Distribution]) -> list[str]:
    """Names of the inputs that vary, sorted: the column order of a correlation matrix."""
    return sorted(name for name, dist in specs.items() if not is_fixed(dist))


def _uniforms(d: int, *, seed: int, block: int, size: int, method: str) -> NDArray[np.float64]:
    """(size, d) uniforms in [0, 1) of block ``block`` for ``method`` (already checked)."""
    if method == "random":
        return block_rng(seed, block).random((size, d))
    from scipy.stats import qmc  # lazy: scipy.stats takes ~0.5 s to import

    if method == "sobol":
        engine = qmc.Sobol(d, scramble=True, rng=make_rng(seed))
        if block * size:
            engine.fast_forward(block * size)
        with warnings.catch_warnings():  # balance holds: blocks are aligned chunks
            warnings.filterwarnings("ignore", "The balance properties", UserWarning)
            return np.asarray(engine.random(size), dtype=np.float64)
    engine = qmc.LatinHypercube(d, rng=block_rng(seed, block))
    return np.asarray(engine.random(size), dtype=np.float64)


def _checked_names(
    specs: Mapping[str, Distribution], method: str, correlation: Matrix | None
) -> list[str]:
    """:func:`uncertain_names`, after checking ``method`` and the shape of ``correlation``."""
    if method not in METHODS:
        raise ModelError(f"unknown sampling method {method!r}; choose one of: {', '.join(METHODS)}")
    names = uncertain_names(specs)
    k = len(names)
    if correlation is not None and correlation.shape != (k, k):
        raise ValueError(
            f"correlation must be ({k}, {k}), one row per uncertain input in this order: "
            f"{', '.join(names)} (got {correlation.shape})"
        )
    return names


def sample_block(
    specs: Mapping[str, Distribution],
    *,
    seed: int,
    block: int,
    size: int,
    method: Method = "random",
    correlation: Matrix | None = None,
) -> dict[str, Draws]:
    """Draws ``block*size .. (block+1)*size`` of each input: name → array (size,).

    ``correlation`` is a (k, k) rank-correlation matrix over :func:`uncertain_names`
    (see ``correlation_matrix``). Raises ``ModelError`` for an unknown ``method`` and
    ``ValueError`` for a ``correlation`` of the wrong shape.
    """
    if block < 0 or size < 0:
        raise ValueError(f"block and size must be >= 0 (got {block}, {size})")
    names = _checked_names(specs, method, correlation)
    draws = {
        name: np.full(size, median(dist), dtype=np.float64)
        for name, dist in specs.items()
        if is_fixed(dist)
    }
    if names and size:
        u = _uniforms(len(names), seed=seed, block=block, size=size, method=method)
        if correlation is not None:
            u = impose_rank_correlation(u, correlation, block_rng(seed, block).spawn(1)[0])
        columns = np.ascontiguousarray(open_unit(u).T)
        for name, column in zip(names, columns, strict=True):
            draws[name] = ppf(specs[name], column)
    elif names:
        draws.update({name: np.empty(0, dtype=np.float64) for name in names})
    return {name: draws[name] for name in specs}


def sample_inputs(
    specs: Mapping[str, Distribution],
    n: int,
    *,
    seed: int,
    method: Method = "random",
    correlation: Matrix | None = None,
    start: int = 0,
) -> dict[str, Draws]:
    """Draws ``start .. start+n`` of each input's stream: name → array (n,).

    Built from whole blocks of :data:`BLOCK_SIZE`, so any chunking gives the same values:
    ``sample_inputs(specs, 20_000, seed=s)`` equals its pieces ``(start=0, n=7_000)`` and
    ``(start=7_000, n=13_000)`` joined. Raises like :func:`sample_block`.
    """
    if n < 0 or start < 0:
        raise ValueError(f"n and start must be >= 0 (got {n}, {start})")
    _checked_names(specs, method, correlation)
    draws = {name: np.empty(n, dtype=np.float64) for name in specs}
    if n == 0:
        return draws
    first, last = start // BLOCK_SIZE, (start + n - 1) // BLOCK_SIZE
    for block in range(first, last + 1):
        block_start = block * BLOCK_SIZE
        lo, hi = max(start, block_start), min(start + n, block_start + BLOCK_SIZE)
        part = sample_block(
            specs,
            seed=seed,
            block=block,
            size=BLOCK_SIZE,
            method=method,
            correlation=correlation,
        )
        for name, values in part.items():
            draws[name][lo - start : hi - start] = values[lo - block_start : hi - block_start]
    return draws


def central_inputs(specs: Mapping[str, Distribution]) -> dict[str, Draws]:
    """Each input at its median, as arrays of length 1: the deterministic run.

    >>> from shorewise.domain.distributions import Uniform
    >>> central_inputs({"attrition": Uniform(low=0.1, high=0.3)})["attrition"].tolist()
    [0.2]
    """
    return {name: np.array([median(dist)], dtype=np.float64) for name, dist in specs.items()}
