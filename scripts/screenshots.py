"""Regenerate the screenshots in docs/: the web results page at 1280 and 390 px wide and
the first two pages of the board PDF, for the multi-workstream example.

Run from a clone after `make test` (it needs the dev extras, Debian's chromium and
poppler's pdftoppm): ``make screenshots``. Nothing leaves the machine: the app is served
on 127.0.0.1 with a throw-away SQLite database.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXAMPLE = ROOT / "examples" / "two-workstreams.yaml"
SAMPLES = "2000"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run_page(client: httpx.Client) -> str:
    """Save the example, run it, and return the results page's path."""
    page = client.get("/scenarios/new")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token, "the form carries a CSRF token"
    saved = client.post(
        "/api/scenarios", content=EXAMPLE.read_text(), headers={"content-type": "application/yaml"}
    ).json()["id"]
    started = client.post(
        f"/scenarios/{saved}/run", data={"csrf_token": token[1], "samples": SAMPLES, "seed": "11"}
    )
    job = started.headers["location"]
    for _ in range(3000):
        answer = client.get(job)
        if answer.status_code == 303:
            return str(answer.headers["location"])
        time.sleep(0.2)
    raise SystemExit("the run did not finish")


def web_screenshots() -> None:
    from playwright.sync_api import sync_playwright

    from shorewise.web.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        app = create_app(f"sqlite:///{Path(tmp) / 'shots.db'}")
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", ws="none")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=600) as client:
                path = _run_page(client)
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
                )
                for width, height, name in (
                    (1280, 900, "web-results.png"),
                    (390, 844, "web-results-390.png"),
                ):
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(base + path, wait_until="networkidle")
                    page.wait_for_timeout(1500)  # the charts draw after load
                    page.screenshot(path=str(DOCS / name))
                    print(f"wrote docs/{name}")
                browser.close()
        finally:
            server.should_exit = True
            thread.join(timeout=30)


def pdf_screenshots() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "board.pdf"
        shorewise = Path(sys.executable).with_name("shorewise")
        subprocess.run(
            [str(shorewise), "report", str(EXAMPLE), "-o", str(pdf), "--samples", SAMPLES],
            check=True,
        )
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), str(Path(tmp) / "p")],
            check=True,
        )
        for n, png in enumerate(sorted(Path(tmp).glob("p-*.png")), start=1):
            shutil.copyfile(png, DOCS / f"report-pdf-page{n}.png")
            print(f"wrote docs/report-pdf-page{n}.png")


if __name__ == "__main__":
    web_screenshots()
    pdf_screenshots()
