"""The result's ``routes``: one per country with a team abroad, said in words on every
surface (CLI, Markdown, HTML), never with ids."""

from __future__ import annotations

import pytest
from tests.cli.in_process import run_main
from tests.report.conftest import deterministic

from shorewise.engine.route_crossover import SEARCH_HEAD_MONTHS
from shorewise.results.routes import route_sentence
from shorewise.workflows.examples import example_path
from shorewise.workflows.report import render_report

VIETNAM = (
    "Vietnam: employer of record (288 head-months planned; an own entity pays off from "
    "about 334 head-months)"
)


def test_core_platform_routes_in_the_json() -> None:
    routes = deterministic("core-platform").to_dict()["routes"]
    assert [r["country"] for r in routes] == ["VN", "PL"]
    vn = routes[0]
    assert vn["route"] == "eor"
    assert vn["chosen_by"] == "cheaper"
    assert vn["head_months"] == 288.0  # 8 FTE x 36 months
    assert vn["crossover_head_months"] == pytest.approx(334.5, abs=1)
    assert vn["eor_cost_per_effective_fte_month"] < vn["entity_cost_per_effective_fte_month"]
    assert vn["text"] == VIETNAM


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_reports_say_the_route_per_country(fmt: str) -> None:
    text = render_report(deterministic("core-platform"), fmt).decode()
    assert "Team abroad, route per country" in text
    assert VIETNAM in text


def test_cli_compare_says_the_route_per_country() -> None:
    out = run_main("compare", str(example_path("core-platform")), "--samples", "0")
    assert out.code == 0
    flat = " ".join(out.stdout.split())
    assert VIETNAM in flat
    assert "offshore_inhouse" not in flat


def test_the_sentence_without_a_crossover() -> None:
    low, high = SEARCH_HEAD_MONTHS
    never = route_sentence("IN", "eor", "scenario", 90.0, None, entity_everywhere=False)
    assert never == (
        f"India: employer of record, set in the scenario (90 head-months planned; an own "
        f"entity does not pay off below {high:,.0f} head-months)"
    )
    always = route_sentence("PL", "entity", "cheaper", 1200.0, None, entity_everywhere=True)
    assert always.endswith(f"an own entity pays off at every size from {low:,.0f} head-months)")
