"""The HTML report: one self-contained file, charts drawn in the browser, no network.

The page inlines its stylesheet and the Vega, Vega-Lite and Vega-Embed libraries
(``vl_convert.javascript_bundle()``), and each chart's Vega-Lite spec with its data, so
it opens from a USB stick or an e-mail attachment and never fetches anything. The PDF
uses the same template with static charts (:mod:`shorewise.report.pdf`).

Example::

    >>> html = render_html(result)                          # doctest: +SKIP
    >>> html.count("<script")                              # specs, bundle, embed # doctest: +SKIP
    3
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from importlib.resources import files
from typing import Any

from shorewise.report.chart_style import ChartItem
from shorewise.report.charts import report_charts
from shorewise.report.context import report_context
from shorewise.report.option_colours import result_style
from shorewise.results.result import Result

Progress = Callable[[int, int], None]
HTML_CHART_WIDTH = 440
_GLOBALS = "window.vegaEmbed = vegaEmbed; window.vega = vega; window.vegaLite = vegaLite;"
"""The bundle's entry: the three libraries as globals for the page's own script."""


def template_text(name: str) -> str:
    """A bundled template file's text (``report.html.j2``, ``report.css``)."""
    return (files("shorewise.report") / "templates" / name).read_text(encoding="utf-8")


def render_template(context: dict[str, Any]) -> str:
    """Render the report template (HTML for the browser, or for WeasyPrint when
    ``context["static"]`` is true)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("shorewise.report", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("report.html.j2").render(css=template_text("report.css"), **context)


def chart_groups(
    c: Result,
    charts: list[tuple[int, list[ChartItem]]],
    draw: Callable[[ChartItem], dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Per-workstream chart groups and the extra (decision) charts of
    :func:`~shorewise.report.charts.report_charts`, each chart passed through ``draw`` to
    add what the template needs (a DOM id, or an SVG)."""
    groups: list[dict[str, Any]] = []
    extras: list[dict[str, Any]] = []
    names = [ws.name for ws in c.workstreams]
    for w, items in charts:
        drawn = [draw(item) for item in items]
        if w < 0:
            extras = drawn
        else:
            groups.append({"title": names[w], "charts": drawn})
    return groups, extras


def _json_for_script(data: Any) -> str:
    """JSON safe inside ``<script>``: no ``</`` can end the element early."""
    text = json.dumps(data, allow_nan=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def render_html(
    c: Result, *, progress: Progress | None = None, generated: dt.date | None = None
) -> str:
    """The self-contained HTML report as text (see module doc)."""
    import vl_convert

    specs: dict[str, Any] = {}

    def draw(item: ChartItem) -> dict[str, Any]:
        specs[item.key] = item.spec
        return {"key": item.key, "title": item.title, "caption": item.caption}

    groups, extras = chart_groups(c, report_charts(c, width=HTML_CHART_WIDTH), draw)
    if progress:
        progress(1, 3)
    bundle = vl_convert.javascript_bundle(_GLOBALS)
    if progress:
        progress(2, 3)
    html = render_template(
        {
            **report_context(c, generated=generated),
            "option_colours": result_style(c).colours,
            "static": False,
            "chart_groups": groups,
            "extra_charts": extras,
            "specs_json": _json_for_script(specs),
            "vega_bundle": bundle.replace("</script", "<\\/script"),
        }
    )
    if progress:
        progress(3, 3)
    return html
