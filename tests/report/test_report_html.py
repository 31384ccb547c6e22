"""The HTML report: one self-contained file that draws its charts with no network."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.browser import CHROMIUM_ARGS, chromium_path
from tests.report.conftest import EXAMPLES, WITH_EXTRAS, comparison, rendered

LOCAL_SCHEMES = ("file:", "data:", "about:")


def _html(name: str) -> str:
    return rendered(name, "html").decode("utf-8")


def _specs(html: str) -> dict[str, Any]:
    m = re.search(r'<script id="chart-specs" type="application/json">(.*?)</script>', html, re.S)
    assert m, "the chart specs are embedded"
    specs: dict[str, Any] = json.loads(m.group(1))
    return specs


def test_one_file_nothing_external(example: str) -> None:
    html = _html(example)
    assert not re.search(r"<script[^>]+\bsrc=", html)
    assert not re.search(r"<link\b", html)
    assert not re.search(r"<(img|iframe|source|video|audio)\b[^>]*\bsrc=[\"']?https?:", html)
    assert not re.search(r"url\(\s*['\"]?https?:", html)
    assert "window.vegaEmbed=" in html  # the libraries are inlined


def test_every_chart_has_a_div_and_a_spec(example: str) -> None:
    html = _html(example)
    specs = _specs(html)
    c = comparison(example)
    per_workstream = ("cumulative", "burn", "capacity", "cost-per-fte", "categories")
    expected = {f"{k}-{w}" for k in per_workstream for w in range(len(c.workstreams))}
    if example == WITH_EXTRAS:
        expected |= {"tornado", "duration-sweep"}
    for w in range(len(c.workstreams)):  # trade-offs wherever two options are scored
        if sum(1 for r in c.rows_for(w) if r.eligible and r.criteria) >= 2:
            expected |= {f"weights-{w}", f"value-for-money-{w}"}
    assert set(specs) == expected
    for key in specs:
        assert f'id="chart-{key}"' in html


def test_decision_charts_only_when_the_analyses_are_there() -> None:
    with_extras = _specs(_html(WITH_EXTRAS))
    assert "tornado" in with_extras
    assert "duration-sweep" in with_extras
    without = _specs(_html("retail-app"))
    assert "tornado" not in without
    assert "duration-sweep" not in without
    assert {"weights-0", "value-for-money-0"} <= set(without)  # the weights are always there


def test_weights_and_information_section() -> None:
    html = _html("retail-app")
    assert 'id="weights-and-information"' in html
    assert "What is worth finding out before you sign" in html
    assert "How the choice depends on the weights" in html
    assert 'href="#weights-and-information"' in html


def test_recommendation_comes_first_with_its_reasons(example: str) -> None:
    html = _html(example)
    rec = comparison(example).recommendation
    first = html.index('id="recommendation"')
    assert first < html.index('id="comparison"') < html.index('id="charts"')
    assert first < html.index('id="assumptions"') < html.index('id="scenario"')
    notes = {"policy_off", "non_it_company"}  # shown once, in the policy box
    shown = [f for f in (*rec.reasons, *rec.caveats) if f.kind not in notes]
    for text in [f.text for f in shown] + [f.text for f in rec.flip_conditions]:
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        escaped = escaped.replace("'", "&#39;").replace('"', "&#34;")
        assert escaped in html


def test_assumptions_every_input_and_overrides_highlighted(example: str) -> None:
    html = _html(example)
    c = comparison(example)
    section = html[html.index('id="assumptions"') : html.index('id="scenario"')]
    for a in c.assumptions:
        assert f'{a.label} <span class="code">{a.key}</span>' in section
    overridden = [a.key for a in c.assumptions if a.overridden]
    assert section.count('<tr class="override">') == len(overridden)
    assert "name: " in html[html.index('id="scenario"') :]  # the scenario YAML itself


def test_printable() -> None:
    html = _html("core-platform")
    assert "@media print" in html
    assert "size: A4" in html


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.mark.browser
@pytest.mark.parametrize("name", EXAMPLES)
def test_charts_render_offline_in_chromium(browser: Any, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.html"
    path.write_bytes(rendered(name, "html"))
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function(
        "[...document.querySelectorAll('.chart')].every(d => d.querySelector('svg, canvas'))",
        timeout=30_000,
    )
    charts = page.eval_on_selector_all(
        ".chart", "els => els.map(e => [e.id, e.querySelectorAll('svg path, svg text').length])"
    )
    context.close()
    assert errors == []
    assert [u for u in requests if not u.startswith(LOCAL_SCHEMES)] == []
    assert len(charts) == len(_specs(rendered(name, "html").decode()))
    for chart_id, marks in charts:
        assert marks > 10, f"{chart_id} drew almost nothing"
