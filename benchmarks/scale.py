"""How shorewise scales (issue 14): run with ``make bench`` (after ``run.py``).

Every figure is wall clock, measured while other work may share the machine, so each is
quoted beside a yardstick run in the same session:

- **BM-1 at N draws** (default 100,000): the whole ``shorewise compare`` process with and
  without the flip search, against ``benchmarks/minimal_numpy.py`` (the full model in one
  file) and ``../shared/bench/bm1_numpy.py`` (the seed's simplest model in numpy, the
  practical limit) when it exists;
- **sweep**: ``shorewise sweep`` of V variants (default 1,000) of the core-platform example
  at D draws (default 500) with 1 and 2 workers and on a local Dask cluster of 2;
- **portfolio**: W workstreams (default 500) at 2,000 draws, ``evaluate(flips=False)``,
  time and peak memory (``ru_maxrss``), beside the estimate of ``io/run_size.py``.

Writes ``benchmarks/scale.md`` and prints it. Smaller sizes for a quick look:
``python benchmarks/scale.py --draws 20000 --variants 40 --workstreams 100``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from run import HERE, ROOT, SCENARIO, SHOREWISE, best_process, machine

SHARED_BM1 = ROOT.parent / "shared" / "bench" / "bm1_numpy.py"
RESULTS = HERE / "scale.md"

_PORTFOLIO = (
    "import resource, sys, time\n"
    "import shorewise\n"
    "from shorewise.io.run_size import run_bytes\n"
    "n_ws, n = int(sys.argv[1]), int(sys.argv[2])\n"
    "s = shorewise.Scenario.build(name='portfolio', home_country='US',\n"
    "    workstreams=[{'name': f'w{i}', 'fte': 2 + i % 7, 'duration_months': 12 + (i % 4) * 6}\n"
    "                 for i in range(n_ws)], simulation={'samples': n, 'seed': 1})\n"
    "t = time.perf_counter()\n"
    "shorewise.evaluate(s, flips=False)\n"
    "wall = time.perf_counter() - t\n"
    "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
    "print(wall, peak, run_bytes(s, n) / 2**20)\n"
)


def _bm1(draws: int, repeats: int) -> list[str]:
    compare = [*SHOREWISE, "compare", str(SCENARIO), "-f", "json", "-n", str(draws)]
    timed = {
        "`shorewise compare` (flips on)": best_process(compare, repeats)[0],
        "`shorewise compare --no-flips`": best_process([*compare, "--no-flips"], repeats)[0],
        "`benchmarks/minimal_numpy.py`": best_process(
            [sys.executable, str(HERE / "minimal_numpy.py"), "--samples", str(draws)], repeats
        )[0],
    }
    if SHARED_BM1.exists():
        timed["`shared/bench/bm1_numpy.py`"] = best_process(
            [sys.executable, str(SHARED_BM1), str(draws)], repeats
        )[0]
    base = timed.get("`shared/bench/bm1_numpy.py`", timed["`benchmarks/minimal_numpy.py`"])
    rows = [
        f"BM-1 at {draws:,} draws, best of {repeats}, whole processes:",
        "",
        "| run | seconds | × bm1_numpy |",
        "|---|---:|---:|",
    ]
    rows += [f"| {name} | {sec:.2f} | {sec / base:.1f}× |" for name, sec in timed.items()]
    return rows


def _sweep(variants: int, draws: int) -> list[str]:
    margins = ",".join(f"{0.1 + 0.5 * i / max(1, variants - 1):.4f}" for i in range(variants))
    scenario = ROOT / "examples" / "core-platform.yaml"
    rows = [
        "",
        f"Sweep of {variants:,} variants (`vendor_margin`) of `examples/core-platform.yaml`, "
        f"{draws:,} draws each, flip search off:",
        "",
        "| executor | seconds | variants/s | × 1 worker |",
        "|---|---:|---:|---:|",
    ]
    serial = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, extra in (
            ("1 worker", ["--workers", "1"]),
            ("2 workers (process pool)", ["--workers", "2"]),
            ("Dask LocalCluster, 2 workers", ["--workers", "2", "--dask", "local"]),
        ):
            out = str(Path(tmp) / "sweep.jsonl")
            command = [*SHOREWISE, "sweep", str(scenario), "-g", f"vendor_margin={margins}"]
            wall, _ = best_process([*command, "-n", str(draws), "-o", out, *extra], 1)
            serial = serial or wall
            rows.append(f"| {name} | {wall:.1f} | {variants / wall:.1f} | {wall / serial:.2f} |")
            print(rows[-1], flush=True)
    return rows


def _portfolio(workstreams: int, draws: int) -> list[str]:
    import subprocess

    rows = [
        "",
        f"Portfolio: {{w}} workstreams (4 options each) at {draws:,} draws, "
        "`evaluate(flips=False)` in a fresh process:",
        "",
        "| workstreams | seconds | s per workstream | peak RSS (MiB) | estimate (MiB) |",
        "|---:|---:|---:|---:|---:|",
    ]
    rows[1] = rows[1].replace("{w}", f"{workstreams // 5:,} and {workstreams:,}")
    for w in (workstreams // 5, workstreams):
        out = subprocess.run(
            [sys.executable, "-c", _PORTFOLIO, str(w), str(draws)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout.split()
        wall, peak, estimate = (float(x) for x in out[-3:])
        rows.append(f"| {w:,} | {wall:.1f} | {wall / w:.2f} | {peak:,.0f} | {estimate:,.0f} |")
        print(rows[-1], flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--variants", type=int, default=1_000)
    parser.add_argument("--sweep-draws", type=int, default=500)
    parser.add_argument("--workstreams", type=int, default=500)
    args = parser.parse_args()
    rows = _bm1(args.draws, args.repeats)
    print("\n".join(rows), flush=True)
    rows += _sweep(args.variants, args.sweep_draws)
    rows += _portfolio(args.workstreams, 2_000)
    text = "\n".join(["# How shorewise scales (`make bench`)", "", *machine(), "", *rows, ""])
    RESULTS.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
