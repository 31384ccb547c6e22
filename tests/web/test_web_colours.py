"""The results page's table shows each option in the colour its charts draw it in."""

from __future__ import annotations

import json
import re
from html import unescape

import httpx
from tests.web.conftest import example_text

from shorewise.report.option_colours import result_style
from shorewise.results.result import Result


def test_the_results_table_shows_each_option_in_its_chart_colour(client: httpx.Client) -> None:
    scenario = client.post(
        "/api/scenarios",
        content=example_text("leads-at-home-mix"),
        headers={"content-type": "application/yaml"},
    ).json()["id"]
    run_id = client.post(f"/api/scenarios/{scenario}/runs", params={"samples": 200}).json()[
        "run_id"
    ]
    page = client.get(f"/runs/{run_id}").text
    result = Result.from_dict(client.get(f"/runs/{run_id}/download/json").json())
    swatches = re.findall(r'class="swatch" style="background: (#\w+)"></span>([^<]+)<', page)
    shown = {unescape(label): colour for colour, label in swatches}
    assert shown == result_style(result).colours
    assert len(shown) == 6  # home team and vendor, Vietnam team and vendor, two mixes
    specs = re.findall(
        r'<script type="application/json" id="spec-cumulative-0">(.*?)</script>', page
    )
    drawn = re.search(r'"domain":\s*(\[[^\]]*\]),\s*"range":\s*(\[[^\]]*\])', unescape(specs[0]))
    assert drawn is not None
    assert dict(zip(json.loads(drawn[1]), json.loads(drawn[2]), strict=True)) == shown
