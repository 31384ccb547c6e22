"""The one door for randomness: seeded generators and independent per-block streams.

Nothing in shorewise seeds numpy globally. A run gets ``make_rng(seed)``; work split into
blocks of draws gets ``block_rng(seed, block)``, an independent stream per block, so block
``b`` gives the same numbers whichever order (or process) blocks are computed in.

Example::

    >>> a = make_rng(42).random(3)
    >>> bool((a == make_rng(42).random(3)).all())
    True
    >>> bool((block_rng(42, 0).random(3) == block_rng(42, 1).random(3)).any())
    False
"""

from __future__ import annotations

import numpy as np

__all__ = ["block_rng", "make_rng"]


def make_rng(seed: int | None) -> np.random.Generator:
    """A generator from ``seed`` (``None`` draws fresh entropy: not reproducible)."""
    return np.random.default_rng(np.random.SeedSequence(seed))


def block_rng(seed: int, block: int) -> np.random.Generator:
    """An independent stream for block ``block`` (>= 0) of the run seeded by ``seed``.

    Uses ``SeedSequence(seed, spawn_key=(block,))``, i.e. the same stream as the
    ``block``-th child spawned from ``make_rng(seed)``.
    """
    if block < 0:
        raise ValueError(f"block must be >= 0 (got {block})")
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(block,)))
