"""One colour per option in every chart of a report and of the web page, whatever the order
of the rows; the recommended option drawn thicker with its name in bold."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from tests.report.conftest import WITH_EXTRAS, comparison

from shorewise.report.charts import report_charts
from shorewise.report.option_colours import (
    COUNTRY_PAIRS,
    HOME_PAIR,
    MIX_COLOURS,
    country_hues,
    option_colours,
    result_style,
)
from shorewise.results.result import Result
from shorewise.web.charts import analysis_charts, workstream_charts

IDS = [
    "onshore_inhouse",
    "onshore_outsource",
    "offshore_inhouse@VN",
    "offshore_outsource@VN",
    "offshore_inhouse@PL",
    "offshore_outsource@PL",
    "mix: leads at home",
]


def _colour_scales(spec: Any) -> Iterator[dict[str, str]]:
    """Every ``color`` encoding's label -> colour in a Vega-Lite spec (layers, facets)."""
    if isinstance(spec, dict):
        color = spec.get("color")
        if isinstance(color, dict) and color.get("field") == "label":
            scale = color.get("scale") or {}
            yield dict(zip(scale["domain"], scale["range"], strict=True))
        for value in spec.values():
            yield from _colour_scales(value)
    elif isinstance(spec, list):
        for value in spec:
            yield from _colour_scales(value)


def _colours_by_chart(specs: dict[str, Any]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for key, spec in specs.items():
        for scale in _colour_scales(spec):
            out.setdefault(key, {}).update(scale)
    return out


def _report_specs(c: Result) -> dict[str, Any]:
    return {item.key: item.spec for _, items in report_charts(c) for item in items}


def test_home_is_blue_and_each_country_a_dark_light_pair() -> None:
    colours = option_colours(IDS)
    assert (colours["onshore_inhouse"], colours["onshore_outsource"]) == HOME_PAIR
    hues = country_hues(["VN", "PL"])
    assert hues["VN"] != hues["PL"]
    for code in ("VN", "PL"):
        team, vendor = COUNTRY_PAIRS[hues[code]]
        assert colours[f"offshore_inhouse@{code}"] == team
        assert colours[f"offshore_outsource@{code}"] == vendor
    assert colours["mix: leads at home"] == MIX_COLOURS[0]
    assert len(set(colours.values())) == len(IDS)


def test_colours_do_not_depend_on_the_order_of_options_or_countries() -> None:
    assert option_colours(reversed(IDS)) == option_colours(IDS)
    assert country_hues(["PL", "VN", "IN"]) == country_hues(["IN", "VN", "PL"])


def test_countries_that_hash_alike_get_different_hues() -> None:
    codes = ["PL", "RO", "US", "KE", "CN", "VN"]  # the first five share a CRC-32 hue
    assert len(set(country_hues(codes).values())) == len(codes)


def test_mixes_follow_the_scenario_order() -> None:
    ids = ["mix: b", "mix: a"]
    assert option_colours(ids, mixes=["a", "b"]) == {
        "mix: a": MIX_COLOURS[0],
        "mix: b": MIX_COLOURS[1],
    }


@pytest.mark.parametrize("name", [WITH_EXTRAS, "leads-at-home-mix", "two-workstreams"])
def test_every_chart_of_a_report_gives_an_option_the_same_colour(name: str) -> None:
    c = comparison(name)
    expected = result_style(c).colours
    charts = _colours_by_chart(_report_specs(c))
    if name == WITH_EXTRAS:
        assert {
            "cumulative-0",
            "burn-0",
            "capacity-0",
            "cost-per-fte-0",
            "duration-sweep",
            "weights-0",
            "value-for-money-0",
        } <= set(charts)
    for key, colours in charts.items():
        assert colours == {label: expected[label] for label in colours}, key
    assert len(set(expected.values())) == len(expected)  # no two options alike


def test_the_web_page_draws_the_reports_colours() -> None:
    c = comparison(WITH_EXTRAS)
    expected = result_style(c).colours
    web = {
        chart["id"]: chart["spec"]
        for group in workstream_charts(c.to_dict())
        for chart in group["charts"]
    }
    web |= {chart["id"]: chart["spec"] for chart in analysis_charts(c)}
    charts = _colours_by_chart(web)
    assert {"cumulative-0", "cost-per-fte-0", "duration-sweep", "value-for-money-0"} <= set(charts)
    for key, colours in charts.items():
        assert colours == {label: expected[label] for label in colours}, key


def test_two_results_with_options_in_another_order_keep_each_colour() -> None:
    core = comparison(WITH_EXTRAS)  # countries VN, PL
    retail = comparison("retail-app")  # countries PL, VN
    reordered = core.model_copy(update={"strategies": list(reversed(core.strategies))})
    first = _colours_by_chart(_report_specs(core))["cumulative-0"]
    again = _colours_by_chart(_report_specs(reordered))["cumulative-0"]
    other = _colours_by_chart(_report_specs(retail))["cumulative-0"]
    assert list(again) == list(reversed(first))  # the legend follows the rows...
    assert again == first  # ...the colours follow the options
    assert other == first
    assert first["Vendor in Vietnam"] != first["Vendor in Poland"]


def test_the_recommended_option_is_thicker_and_bold_in_the_drawing() -> None:
    import vl_convert

    c = comparison(WITH_EXTRAS)
    pick = result_style(c, 0).recommended
    assert pick == "Dedicated team in Vietnam"
    svg = vl_convert.vegalite_to_svg(_report_specs(c)["cumulative-0"])
    legend = {
        text: weight for weight, text in re.findall(r'font-weight="(\w+)"[^>]*>([^<]+)</text>', svg)
    }
    assert legend[pick] == "bold"
    assert legend["Vendor in Poland"] == "normal"
    colour = result_style(c).colours[pick]
    widths = set(re.findall(rf'stroke="{colour}" stroke-width="([\d.]+)"', svg))
    others = set(re.findall(r'stroke="#6f9fd8" stroke-width="([\d.]+)"', svg))
    assert "3.5" in widths
    assert "3.5" not in others


def test_the_report_tables_show_each_option_in_its_chart_colour() -> None:
    from tests.report.conftest import rendered

    c = comparison(WITH_EXTRAS)
    html = rendered(WITH_EXTRAS, "html").decode()
    swatches = re.findall(
        r'class="swatch" style="background: (#\w+)"></span><strong>([^<]+)<', html
    )
    assert {label: colour for colour, label in swatches} == result_style(c).colours
