"""The Monte Carlo benchmark of issue 3 (BM-1): run with ``make bench``.

At 10k, 100k and 1M draws it times, best of 3 (wall clock):

- **Monte Carlo, in-process**: ``run_monte_carlo`` on BM-1 (sampling, engine, per-draw
  figures) after the imports, and the whole ``evaluate`` (plus summaries, decision);
- **process**: ``shorewise compare benchmarks/bm1.yaml --format json --samples N``, start
  to exit, with its peak memory (``ru_maxrss`` of the child);
- **yardstick**: ``benchmarks/minimal_numpy.py``, the same cost model in one numpy-only
  file, as a process; the ratio is process / yardstick.

It writes ``benchmarks/results.md`` (the machine, then the table) and prints it.
``--quick`` runs 10k and 100k once each.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCENARIO = HERE / "bm1.yaml"
RESULTS = HERE / "results.md"
SHOREWISE = [sys.executable, "-m", "shorewise"]

_CHILD = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "wall = time.perf_counter() - t\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(done.returncode, wall, peak)\n"
)


def run_process(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one run of ``command``, measured by a fresh parent
    so that ``RUSAGE_CHILDREN`` sees this child only."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, *command],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.split()
    code, wall, peak_kib = int(out[0]), float(out[1]), int(out[2])
    if code != 0:
        raise SystemExit(f"failed ({code}): {' '.join(command)}")
    return wall, peak_kib / 1024


def best_process(command: list[str], repeats: int) -> tuple[float, float]:
    runs = [run_process(command) for _ in range(repeats)]
    return min(w for w, _ in runs), max(m for _, m in runs)


def in_process(samples: int, repeats: int) -> tuple[float, float]:
    """Best seconds of ``run_monte_carlo`` and of the whole ``evaluate`` on BM-1."""
    from shorewise.engine.alternatives import build_alternatives
    from shorewise.engine.inputs import resolve_inputs
    from shorewise.io.scenario_file import load_scenario
    from shorewise.uncertainty.montecarlo import central_draws, run_monte_carlo
    from shorewise.workflows.evaluate import evaluate

    scenario = load_scenario(SCENARIO)
    inputs = resolve_inputs(scenario)
    alternatives = build_alternatives(scenario, inputs, central_draws(inputs))
    monte_carlo, whole = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        run_monte_carlo(scenario, inputs, alternatives, samples=samples, seed=42)
        monte_carlo.append(time.perf_counter() - started)
        started = time.perf_counter()
        evaluate(scenario, samples=samples, seed=42)
        whole.append(time.perf_counter() - started)
    return min(monte_carlo), min(whole)


def machine() -> list[str]:
    model = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return [
        f"- machine: `nproc` {len(os.sched_getaffinity(0))}, {model}",
        f"- Python {platform.python_version()}, numpy {np.__version__}, {platform.system()}",
        f"- date: {dt.date.today().isoformat()}",
    ]


def main() -> None:
    quick = "--quick" in sys.argv
    sizes = [10_000, 100_000] if quick else [10_000, 100_000, 1_000_000]
    repeats = 1 if quick else 3
    rows = [
        "| draws | Monte Carlo in-process (s) | evaluate in-process (s) | `shorewise compare` "
        "process (s) | draws/s (process) | peak memory (MiB) | minimal numpy (s) | ratio |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n in sizes:
        monte_carlo, whole = in_process(n, repeats)
        command = [*SHOREWISE, "compare", str(SCENARIO), "--format", "json", "--samples", str(n)]
        wall, peak = best_process(command, repeats)
        yardstick, _ = best_process(
            [sys.executable, str(HERE / "minimal_numpy.py"), "--samples", str(n)], repeats
        )
        rows.append(
            f"| {n:,} | {monte_carlo:.2f} | {whole:.2f} | {wall:.2f} | {n / wall:,.0f} "
            f"| {peak:,.0f} | {yardstick:.2f} | {wall / yardstick:.1f}x |"
        )
        print(rows[-1], flush=True)
    text = "\n".join(
        [
            "# BM-1 benchmark (`make bench`)",
            "",
            *machine(),
            "",
            f"Best of {repeats}, wall clock; BM-1 = `benchmarks/bm1.yaml` (1 workstream of 10 FTE "
            "for 36 months, US home, VN offshore, 4 options). Ratio = process time / the "
            "minimal numpy implementation's process time (`benchmarks/minimal_numpy.py`).",
            "",
            *rows,
            "",
        ]
    )
    RESULTS.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
