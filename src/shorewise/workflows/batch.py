"""Many evaluations at once: serially, on a local process pool, or on a Dask cluster.

:func:`evaluate_many` runs one full Monte Carlo per scenario and returns one
:class:`~shorewise.results.result.Result` each, in the order given. Workers send back
summaries (the result, or a sweep's rows), never the raw draws, so a big batch needs
little memory and network. Every task carries its own seed, so the output does not
depend on the executor, the number of workers or the order tasks finish in:

- ``seed=None``: each scenario runs with its own ``simulation.seed`` (as
  :func:`~shorewise.workflows.evaluate.evaluate` would);
- ``seed=S``: scenario ``i`` runs with :func:`variant_seed` ``(S, i)``, from
  ``numpy.random.SeedSequence(S, spawn_key=(i,))`` — the ``i``-th child of
  ``SeedSequence(S).spawn``, the same whoever computes it.

Executors: ``workers=1`` runs in this process; ``workers>1`` a local process pool;
``dask="local"`` a ``LocalCluster`` on 127.0.0.1 with ``workers`` processes, and
``dask="tcp://host:8786"`` an existing scheduler (``pip install 'shorewise[cluster]'`` on
every machine; see ``docs/cluster.md``).

Example::

    >>> results = evaluate_many([a, b], samples=2000, seed=7, workers=2)   # doctest: +SKIP
    >>> [r.recommendation.label for r in results]                          # doctest: +SKIP
    ['Dedicated team in Vietnam', 'In-house team at home']
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from shorewise.domain.scenario import Scenario
from shorewise.errors import ModelError
from shorewise.results.result import Result

__all__ = ["EvaluationTask", "evaluate_many", "run_tasks", "variant_seed"]

T = TypeVar("T")
R = TypeVar("R")
_MAX_WORKERS = 256


def variant_seed(seed: int, index: int) -> int:
    """The seed of task ``index`` of a batch seeded by ``seed``: the first 63 bits of
    ``SeedSequence(seed, spawn_key=(index,))``'s state.

    >>> variant_seed(42, 0) == variant_seed(42, 0) != variant_seed(42, 1)
    True
    """
    state = np.random.SeedSequence(seed, spawn_key=(index,)).generate_state(1, np.uint64)
    return int(state[0]) >> 1


@dataclass(frozen=True)
class EvaluationTask:
    """One evaluation to run anywhere: everything it needs, nothing live."""

    scenario: Scenario
    samples: int | None
    seed: int | None
    base_dir: str | None
    flips: bool


def run_evaluation(task: EvaluationTask) -> Result:
    """Run ``task`` and return its result without the live draws (a plain summary)."""
    from shorewise.workflows.evaluate import evaluate

    result = evaluate(
        task.scenario,
        samples=task.samples,
        seed=task.seed,
        base_dir=task.base_dir,
        flips=task.flips,
    )
    summary = result.model_copy()
    summary._live = None
    return summary


def _check_workers(workers: int) -> None:
    if not 1 <= workers <= _MAX_WORKERS:
        raise ModelError(f"workers must be between 1 and {_MAX_WORKERS} (got {workers})")


@contextmanager
def _dask_client(address: str, workers: int) -> Iterator[Any]:
    try:
        distributed: Any = import_module("distributed")  # optional: shorewise[cluster]
    except ImportError as exc:
        raise ModelError(
            "running on Dask needs dask.distributed: pip install 'shorewise[cluster]'"
        ) from exc
    if address == "local":
        try:
            cluster = distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",  # a free loopback port, never a clash
            )
        except (OSError, RuntimeError) as exc:
            raise ModelError(f"cannot start a local Dask cluster: {exc}") from exc
        with cluster, distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise ModelError(f"cannot reach the Dask scheduler at {address!r}: {exc}") from exc
    with client:
        yield client


def _run_chunk(function: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [function(task) for task in chunk]


def run_tasks(
    function: Callable[[T], R],
    tasks: Sequence[T],
    *,
    workers: int = 1,
    dask: str | None = None,
) -> Iterator[R]:
    """``function`` over ``tasks``, results in the tasks' order, on the chosen executor
    (see module doc). ``function`` must be importable by name (module level)."""
    _check_workers(workers)
    chunk = max(1, len(tasks) // (workers * 8))  # a few chunks per worker: little overhead
    if dask is not None:
        chunks = [list(tasks[i : i + chunk]) for i in range(0, len(tasks), chunk)]
        with _dask_client(dask, workers) as client:
            futures = client.map(_run_chunk, [function] * len(chunks), chunks, pure=False)
            for future in futures:
                yield from future.result()
        return
    if workers == 1 or len(tasks) <= 1:
        yield from map(function, tasks)
        return
    context = multiprocessing.get_context("spawn")  # no fork of a threaded parent
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(function, tasks, chunksize=chunk)


def evaluation_tasks(
    scenarios: Sequence[Scenario],
    *,
    samples: int | None,
    seed: int | None,
    base_dir: str | Path | None,
    flips: bool,
) -> list[EvaluationTask]:
    """One task per scenario, seeded as the module doc says."""
    folder = None if base_dir is None else str(base_dir)
    return [
        EvaluationTask(s, samples, None if seed is None else variant_seed(seed, i), folder, flips)
        for i, s in enumerate(scenarios)
    ]


def evaluate_many(
    scenarios: Sequence[Scenario],
    *,
    samples: int | None = None,
    seed: int | None = None,
    workers: int = 1,
    dask: str | None = None,
    base_dir: str | Path | None = None,
    flips: bool = True,
) -> list[Result]:
    """Evaluate every scenario (see module doc); the results are in the given order and
    identical whatever ``workers`` and ``dask`` are. ``flips=False`` skips the search for
    what would change each answer (much faster). A relative ``rate_card`` is read from
    ``base_dir``. Raises :class:`~shorewise.errors.ShorewiseError` subclasses only."""
    tasks = evaluation_tasks(
        list(scenarios), samples=samples, seed=seed, base_dir=base_dir, flips=flips
    )
    return list(run_tasks(run_evaluation, tasks, workers=workers, dask=dask))
