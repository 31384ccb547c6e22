"""The PDF report: the HTML template with static SVG charts, typeset by WeasyPrint.

A4 pages with page numbers, a title page with the scenario's name and the date, then the
same sections as the HTML report. Charts are drawn to SVG by vl-convert (no browser),
each once: a second report of the same run takes the drawings from the SVG cache
(``report.svg_cache``; ``SHOREWISE_CACHE_DIR`` names its folder, empty turns it off).

Example::

    >>> pdf = render_pdf(result)                      # doctest: +SKIP
    >>> pdf[:5]                                                       # doctest: +SKIP
    b'%PDF-'
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from shorewise.errors import ReportError
from shorewise.report.chart_style import ChartItem
from shorewise.report.charts import report_charts
from shorewise.report.context import report_context
from shorewise.report.html import chart_groups, render_template
from shorewise.report.option_colours import result_style
from shorewise.report.svg_cache import SvgCache, default_folder
from shorewise.results.result import Result

Progress = Callable[[int, int], None]
PDF_CHART_WIDTH = 560


def _vegalite_to_svg(spec: dict[str, Any]) -> str:
    import vl_convert

    svg: str = vl_convert.vegalite_to_svg(spec)
    return svg


def chart_svg(item: ChartItem, cache: SvgCache | None = None) -> str:
    """One chart as SVG text (vl-convert, no browser), from ``cache`` when it was drawn
    before (default: the user's SVG cache)."""
    return (cache or svg_cache()).svg(item.spec, _vegalite_to_svg)


def svg_cache() -> SvgCache:
    """The SVG cache in its default folder, keyed by vl-convert's version."""
    from importlib.metadata import version

    return SvgCache(default_folder(), "vl-convert " + version("vl-convert-python"))


def render_pdf(
    c: Result, *, progress: Progress | None = None, generated: dt.date | None = None
) -> bytes:
    """The PDF report as bytes (see module doc). Raises ReportError if it cannot be typeset."""
    from weasyprint import HTML

    charts = report_charts(c, width=PDF_CHART_WIDTH)
    cache = svg_cache()
    total = sum(len(items) for _, items in charts) + 2
    done = 0

    def draw(item: ChartItem) -> dict[str, Any]:
        nonlocal done
        svg = chart_svg(item, cache).encode("utf-8")
        done += 1
        if progress:
            progress(done, total)
        return {
            "key": item.key,
            "title": item.title,
            "caption": item.caption,
            "svg_uri": "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii"),
        }

    groups, extras = chart_groups(c, charts, draw)
    html = render_template(
        {
            **report_context(c, generated=generated),
            "option_colours": result_style(c).colours,
            "static": True,
            "chart_groups": groups,
            "extra_charts": extras,
        }
    )
    if progress:
        progress(total - 1, total)
    quiet = logging.getLogger("weasyprint")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        pdf = HTML(string=html, base_url=None).write_pdf()
    except Exception as exc:  # WeasyPrint raises many kinds; report them as one
        raise ReportError(f"cannot typeset the PDF ({type(exc).__name__}: {exc})") from exc
    finally:
        quiet.setLevel(level)
    if progress:
        progress(total, total)
    if not isinstance(pdf, bytes):  # pragma: no cover - write_pdf() returns bytes
        raise ReportError("cannot typeset the PDF (no output)")
    return pdf
