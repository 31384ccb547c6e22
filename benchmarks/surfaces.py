"""What a person waits for (issue 14): a web run from the click to the drawn charts, and a
PDF report of a stored run. Run with ``make bench`` (after ``scale.py``).

- **web run**: ``shorewise serve`` on a throw-away SQLite database in its own process,
  Debian's Chromium driven by Playwright (headless, loopback only). The scenario is
  ``examples/retail-app.yaml`` (one workstream) at D draws (default 10,000). The clock
  starts at the click on *Run* and stops when every chart of the results page has drawn
  its SVG; best of R runs (default 3), each a new run of the same scenario;
- **PDF of a stored run**: ``shorewise report RESULT.json -o board.pdf`` in a fresh
  process, where RESULT.json is ``compare --format json --analyses`` of the same scenario
  (the tornado and duration sweep kept in it); best of R, the first report of the run
  (an empty SVG cache, every chart drawn) and a report again (the charts from the cache).

Both are quoted beside the ``bm1_numpy.py`` yardstick run in the same session. Appends to
``benchmarks/scale.md`` and prints the table.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import HERE, ROOT, SHOREWISE, best_process, run_process

RESULTS = HERE / "scale.md"
EXAMPLE = ROOT / "examples" / "retail-app.yaml"
SHARED_BM1 = ROOT.parent / "shared" / "bench" / "bm1_numpy.py"
WAIT_MS = 120_000
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    server = subprocess.Popen(
        [*SHOREWISE, "serve", "--port", str(port), "--db", f"sqlite:///{db}", "--no-open"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server, url
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("shorewise serve did not start")


def web_run(draws: int, repeats: int) -> float:
    """Best seconds from the click on Run to every chart drawn."""
    from playwright.sync_api import expect, sync_playwright

    chromium = shutil.which("chromium")
    if not chromium:
        raise SystemExit("Debian's chromium is needed (make test installs it)")
    text = re.sub(r"samples:\s*\d+", f"samples: {draws}", EXAMPLE.read_text())
    with tempfile.TemporaryDirectory() as tmp:
        server, url = _serve(Path(tmp) / "bench.db")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium, headless=True, args=CHROMIUM_ARGS
                )
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.set_default_timeout(WAIT_MS)
                page.goto(url + "/scenarios/new")
                page.get_by_role("tab", name="YAML").click()
                page.locator("#yaml-text").fill(text)
                page.locator("#yaml-form button[type=submit]").click()
                page.wait_for_url(re.compile(r"/scenarios/\d+$"))
                scenario_url = page.url
                times = []
                for _ in range(repeats + 1):  # the first warms the server's imports
                    page.goto(scenario_url)
                    start = time.perf_counter()
                    page.get_by_role("button", name="Run", exact=True).click()
                    page.wait_for_url(re.compile(r"/runs/\d+$"))
                    charts = page.locator("[data-chart]")
                    expect(charts.first).to_be_attached()
                    count = charts.count()
                    drawn = page.locator('[data-chart][data-rendered="yes"] svg')
                    expect(drawn).to_have_count(count)
                    times.append(time.perf_counter() - start)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    return min(times[1:])


def pdf_of_stored_run(draws: int, repeats: int) -> tuple[float, float]:
    """Best seconds of ``shorewise report RESULT.json -o board.pdf``: the first report of
    the run (every chart drawn) and a second one (the charts from the SVG cache)."""
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "result.json"
        with result.open("wb") as out:
            subprocess.run(
                [
                    *SHOREWISE,
                    "compare",
                    str(EXAMPLE),
                    "--format",
                    "json",
                    "--analyses",
                    "--samples",
                    str(draws),
                ],
                stdout=out,
                stderr=subprocess.DEVNULL,
                check=True,
            )
        command = [*SHOREWISE, "report", str(result), "-o", str(Path(tmp) / "board.pdf")]
        cold = []
        for n in range(repeats):  # an empty SVG cache each time: every chart drawn
            os.environ["SHOREWISE_CACHE_DIR"] = str(Path(tmp) / f"cold-{n}")
            cold.append(run_process(command)[0])
        os.environ["SHOREWISE_CACHE_DIR"] = str(Path(tmp) / "warm")
        run_process(command)  # draws the charts once
        warm, _ = best_process(command, repeats)
        del os.environ["SHOREWISE_CACHE_DIR"]
    return min(cold), warm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    yardstick = None
    if SHARED_BM1.exists():
        yardstick, _ = best_process([sys.executable, str(SHARED_BM1), "100000"], args.repeats)
    web = web_run(args.draws, args.repeats)
    pdf, pdf_again = pdf_of_stored_run(args.draws, args.repeats)

    def ratio(seconds: float) -> str:
        return f"{seconds / yardstick:.1f}×" if yardstick else "–"

    lines = [
        "",
        f"What a person waits for, best of {args.repeats} (`benchmarks/surfaces.py`; "
        f"`examples/retail-app.yaml`, one workstream, {args.draws:,} draws):",
        "",
        "| run | seconds | × bm1_numpy |",
        "|---|---:|---:|",
        f"| web: click on Run to every chart drawn | {web:.2f} | {ratio(web)} |",
        f"| PDF of a stored run (`shorewise report RESULT.json -o board.pdf`), first | "
        f"{pdf:.2f} | {ratio(pdf)} |",
        f"| the same PDF again (charts from the SVG cache) | {pdf_again:.2f} "
        f"| {ratio(pdf_again)} |",
    ]
    if yardstick:
        lines.append(f"| `shared/bench/bm1_numpy.py` at 100,000 draws | {yardstick:.2f} | 1.0× |")
    text = "\n".join(lines) + "\n"
    marker = "\nWhat a person waits for"
    old = RESULTS.read_text() if RESULTS.exists() else ""
    RESULTS.write_text(old.split(marker)[0].rstrip("\n") + "\n" + text)
    print(text)


if __name__ == "__main__":
    main()
