"""End to end in a real headless Chromium (Debian's `chromium`, driven by Playwright).

One journey: write a scenario in the form, fix an inline error, run it, read the
recommendation and a drawn chart, edit and save (a new version), reload, compare with a
second scenario written in the YAML tab, and download the PDF report. No request may
leave 127.0.0.1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect, sync_playwright
from tests.browser import CHROMIUM_ARGS, chromium_path
from tests.human_text import ids_in
from tests.web.conftest import example_text
from tests.web.live_server import LiveServer

from shorewise.web.app import create_app

pytestmark = pytest.mark.browser

WAIT_MS = 90_000


@pytest.fixture
def app_url(tmp_path: Path) -> Iterator[str]:
    app = create_app(f"sqlite:///{tmp_path / 'browser.db'}", max_samples=50_000)
    with LiveServer(app) as server:
        yield server.url


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[tuple[BrowserContext, list[str]]]:
    """A fresh Chromium profile; requests to anywhere but 127.0.0.1 are recorded and cut."""
    executable = chromium_path()
    outside: list[str] = []

    def local_only(route: Route) -> None:
        host = urlsplit(route.request.url).hostname
        if host == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=executable,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
            accept_downloads=True,
        )
        context.route("**/*", local_only)
        context.set_default_timeout(WAIT_MS)
        try:
            yield context, outside
        finally:
            context.close()


def _fill(page: Page, values: dict[str, str]) -> None:
    for name, value in values.items():
        page.locator(f'#scenario-form [name="{name}"]').fill(value)


def test_write_run_save_compare_and_download(
    app_url: str, browser: tuple[BrowserContext, list[str]]
) -> None:
    context, outside = browser
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    # 1. Write a scenario in the form, with a mistake in the first workstream.
    page.goto(app_url + "/scenarios/new")
    _fill(
        page,
        {
            "name": "Checkout app",
            "home_country": "US",
            "offshore_countries": "VN, PL",
            "workstreams.0.name": "checkout",
            "workstreams.0.fte": "-3",
            "workstreams.0.duration_months": "18",
            "simulation.samples": "2000",
        },
    )
    page.get_by_role("button", name="+ Add workstream").click()
    _fill(
        page,
        {
            "workstreams.1.name": "admin tools",
            "workstreams.1.fte": "2",
            "workstreams.1.duration_months": "6",
        },
    )
    page.get_by_role("button", name="+ Add assumption").click()
    _fill(page, {"assumptions.0.key": "offshore_wage_ratio", "assumptions.0.value": "30%..70%"})
    page.locator("#scenario-form button[type=submit]").click()

    # 2. The error shows on the field that is wrong; fix it and save.
    error = page.locator('[id="err-workstreams.0.fte"]')
    expect(error).to_contain_text("greater than 0")
    fte = page.locator('#scenario-form [name="workstreams.0.fte"]')
    expect(fte).to_have_attribute("aria-invalid", "true")
    expect(page.locator('#scenario-form [name="workstreams.1.name"]')).to_have_value("admin tools")
    fte.fill("4")
    page.locator("#scenario-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/scenarios/\d+$"))
    scenario_url = page.url
    expect(page.locator("h1")).to_have_text("Checkout app")

    # 3. Run it: progress, then the results with the recommendation and a drawn chart.
    page.get_by_role("button", name="Run", exact=True).click()
    page.wait_for_url(re.compile(r"/runs/\d+$"))
    run_url = page.url
    expect(page.locator("#recommendation h2")).not_to_be_empty()
    expect(page.locator("#recommendation")).to_contain_text("Why")
    chart = page.locator('[data-chart="cumulative-0"][data-rendered="yes"] svg')
    expect(chart).to_be_visible()
    expect(page.locator('[data-chart="cost-per-fte-1"][data-rendered="yes"] svg')).to_be_visible()

    # 4. Edit and save: a new version; a reload shows it, the old one stays readable.
    page.goto(scenario_url + "/edit")
    _fill(page, {"name": "Checkout app (lean)", "workstreams.0.fte": "3"})
    page.locator("#scenario-form button[type=submit]").click()
    page.wait_for_url(scenario_url)
    page.reload()
    expect(page.locator("h1")).to_have_text("Checkout app (lean)")
    expect(page.locator(".crumbs")).to_contain_text("version 2 of 2")
    page.get_by_role("link", name="version 1").click()
    expect(page.locator("h1")).to_have_text("Checkout app")
    expect(page.locator("pre.yaml")).to_contain_text("fte: 4")

    # 5. A second scenario, pasted in the YAML tab.
    page.goto(app_url + "/scenarios/new")
    page.get_by_role("tab", name="YAML").click()
    expect(page.locator("#yaml-text")).to_be_visible()
    page.locator("#yaml-text").fill(example_text("retail-app"))
    page.locator("#yaml-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/scenarios/\d+$"))
    second_name = page.locator("h1").inner_text()
    second_id = page.url.rsplit("/", 1)[1]

    # 6. Compare the two scenarios.
    page.goto(app_url + "/compare")
    selects = page.locator("select[name=scenarios]")
    selects.nth(0).select_option(scenario_url.rsplit("/", 1)[1])
    selects.nth(1).select_option(second_id)
    page.get_by_role("button", name="Compare").click()
    expect(page.locator("#run-missing")).to_contain_text("no run of")  # nothing ran yet
    page.get_by_role("button", name="Run them and compare").click()
    page.wait_for_url(re.compile(r"/compare\?runs=\d+&runs=\d+"))
    expect(page.locator("[data-side='0']")).to_contain_text("Checkout app (lean)")
    expect(page.locator("[data-side='1']")).to_contain_text(second_name)
    expect(page.locator("pre.diff")).to_be_visible()

    # 7. Make and download the PDF report of the first run.
    page.goto(run_url)
    page.locator('[data-download="pdf"]').click()  # queues the report, shows its progress
    with page.expect_download() as download:
        page.locator("[data-download-file]").click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    assert download.value.suggested_filename.endswith(".pdf")

    assert outside == [], f"requests left the host: {outside}"
    assert errors == []


def test_a_progress_page_says_so_when_the_server_stops(
    tmp_path: Path, browser: tuple[BrowserContext, list[str]]
) -> None:
    context, outside = browser
    app = create_app(f"sqlite:///{tmp_path / 'gone.db'}", workers=0)  # jobs only wait
    server = LiveServer(app).__enter__()
    try:
        with httpx.Client(base_url=server.url) as client:
            scenario = client.post(
                "/api/scenarios",
                content=example_text(),
                headers={"content-type": "application/yaml"},
            ).json()["id"]
            job_id = client.post(f"/api/scenarios/{scenario}/jobs").json()["job_id"]
        page = context.new_page()
        page.goto(f"{server.url}/jobs/{job_id}")
        expect(page.locator("#progress")).to_contain_text("Waiting for a free worker")
        notice = page.locator("[data-server-gone]")
        expect(notice).to_be_hidden()
    finally:
        server.__exit__(None, None, None)
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("not answering")
    assert outside == []


def test_results_and_scenario_pages_fit_a_phone(
    app_url: str, browser: tuple[BrowserContext, list[str]]
) -> None:
    """At 390 px the page never scrolls sideways (tables scroll inside their box) and
    chart legends show whole option names."""
    context, outside = browser
    with httpx.Client(base_url=app_url, timeout=120) as client:
        saved = client.post(
            "/api/scenarios",
            content=example_text("leads-at-home-mix"),
            headers={"content-type": "application/yaml"},
        ).json()["id"]
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{app_url}/scenarios/{saved}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator('input[name="samples"]').fill("300")
    page.get_by_role("button", name="Run", exact=True).click()
    page.wait_for_url(re.compile(r".*/runs/\d+$"))
    expect(page.locator("[data-rendered='yes']").first).to_be_visible()
    page.wait_for_function(
        "[...document.querySelectorAll('[data-vega]')].every("
        "e => e.getAttribute('data-rendered') === 'yes')"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    legends = page.locator("[data-vega] g.role-legend text").all_text_contents()
    assert "Mix: team in Vietnam with a local vendor for overflow" in legends
    assert not [x for x in legends if x.endswith("…")]
    assert outside == []


def test_the_break_even_of_two_options_from_the_results_page(
    app_url: str, browser: tuple[BrowserContext, list[str]]
) -> None:
    """From a run's results: pick two options by name, see the break-even month (P10, P50,
    P90) and the share of draws that never break even, in words and numbers."""
    context, outside = browser
    with httpx.Client(base_url=app_url, timeout=120) as client:
        saved = client.post(
            "/api/scenarios",
            content=example_text("core-platform"),
            headers={"content-type": "application/yaml"},
        ).json()["id"]
        run_id = client.post(f"/api/scenarios/{saved}/runs", params={"samples": 500}).json()[
            "run_id"
        ]
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{app_url}/runs/{run_id}")
    page.get_by_role("link", name="Break-even of two options").click()
    page.wait_for_url(re.compile(rf"/runs/{run_id}/breakeven$"))
    first = page.get_by_label("first option")
    expect(first).to_have_value("Dedicated team in Vietnam")  # the pick is offered first
    first.select_option("Vendor in Vietnam")
    page.get_by_label("second option").select_option("In-house team at home")
    page.get_by_role("button", name="Work out the break-even").click()
    page.wait_for_url(re.compile(rf"/runs/{run_id}/breakeven\?job=[^#]+#answer$"))
    answer = page.locator("#answer")
    expect(answer).to_contain_text("Vendor in Vietnam against In-house team at home")
    expect(answer).to_contain_text(
        "The vendor in Vietnam becomes cheaper per effective FTE-month than the in-house team "
        "at home from month"
    )
    expect(answer.locator("table.breakeven tbody tr")).to_have_count(4)
    expect(answer.locator("table.breakeven")).to_contain_text(
        re.compile(r"P50 \(the median\)\s*month \d+")
    )
    expect(answer.locator("table.breakeven")).to_contain_text("of 500 draws")
    assert ids_in(answer.inner_text()) == []
    assert outside == []
    assert errors == []
