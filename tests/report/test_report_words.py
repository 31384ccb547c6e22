"""No internal id in what people read: Markdown, HTML (live and the PDF's static page) and
the workbook's labels, for the examples with several workstreams or mixes."""

from __future__ import annotations

import io
import re

import pytest
from tests.human_text import html_text, ids_in, markdown_text
from tests.report.conftest import comparison, rendered

from shorewise.report.charts import report_charts
from shorewise.report.context import report_context
from shorewise.report.html import render_html, render_template
from shorewise.report.markdown import comparison_markdown
from shorewise.report.pdf import chart_svg

WORDY = ["two-workstreams", "leads-at-home-mix"]


@pytest.mark.parametrize("name", WORDY)
def test_markdown_has_no_ids(name: str) -> None:
    for md in (rendered(name, "md").decode(), comparison_markdown(comparison(name), detail=True)):
        assert ids_in(markdown_text(md)) == []


@pytest.mark.parametrize("name", WORDY)
def test_html_text_has_no_ids(name: str) -> None:
    c = comparison(name)
    static = render_template(
        {**report_context(c), "static": True, "chart_groups": [], "extra_charts": []}
    )  # the page WeasyPrint typesets, without its charts
    for html in (render_html(c), static):
        text = html_text(html)
        assert ids_in(text) == []
        for pick in c.recommendation.picks:
            assert pick.label in text  # the picks, in words


@pytest.mark.parametrize("name", WORDY)
def test_chart_labels_have_no_ids(name: str) -> None:
    charts = [item for _, items in report_charts(comparison(name)) for item in items]
    assert charts
    for item in charts:
        svg = chart_svg(item)
        labels = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
        assert labels.strip(), item.key
        assert ids_in(f"{item.title} {item.caption} {labels}") == [], item.key


@pytest.mark.parametrize("name", WORDY)
def test_workbook_labels_have_no_ids(name: str) -> None:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(rendered(name, "xlsx")))
    found = []
    for sheet in book.worksheets:
        found += [sheet.title] if ids_in(sheet.title) else []
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and not value.startswith("="):
                    found += [f"{sheet.title}!{cell.coordinate}: {x}" for x in ids_in(value)]
    assert found == []


def test_the_scan_finds_an_id_when_there_is_one() -> None:
    assert ids_in(html_text("<p>pick offshore_inhouse@VN now</p>"))
    assert ids_in(markdown_text("| Vendor@PL | 3 |"))
    assert ids_in(html_text("<img alt='onshore_outsource chart'>"))
    assert ids_in(markdown_text("the plan is mixed"))
    assert not ids_in(html_text("<pre>offshore_inhouse@VN: 0.8</pre><p>Vendor in Poland</p>"))
    assert not ids_in(markdown_text("`offshore_wage_ratio@VN` is the key"))
