"""The look shared by every report chart: palette, fonts, and named datasets.

Example::

    >>> sets = Datasets()
    >>> ref = sets.data("bands", [{"month": 1, "burn_p50": 10.0}])   # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PALETTE = (
    "#1f5fa8",  # deep blue
    "#e07b24",  # orange
    "#2a9d6f",  # green
    "#c23b4e",  # red
    "#7b5ea7",  # purple
    "#8c6d31",  # brown
    "#d45fa6",  # pink
    "#4d9fc9",  # light blue
    "#6b7a8f",  # slate
    "#b5a21a",  # olive
)
CATEGORY_PALETTE = (
    "#1f5fa8", "#6f9fd8", "#a8c8ec", "#2a9d6f", "#8fd1b5", "#7b5ea7", "#c1a9e0",
    "#e07b24", "#f3b77c", "#c23b4e", "#ec8f9c", "#8c6d31", "#4d9fc9", "#6b7a8f",
)  # fmt: skip
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"


Spec = dict[str, Any]
"""A Vega-Lite spec, JSON-ready."""


@dataclass(frozen=True)
class ChartItem:
    """One chart of a report: a stable ``key`` (HTML id), title, reading guide, spec."""

    key: str
    title: str
    caption: str
    spec: Spec


class Datasets:
    """Named data for one chart: ``data("bands", rows)`` gives Altair a reference and
    :meth:`finish` puts the rows into the spec once."""

    def __init__(self) -> None:
        self.values: dict[str, list[dict[str, Any]]] = {}

    def data(self, name: str, rows: list[dict[str, Any]]) -> Any:
        self.values[name] = rows
        return alt_module().NamedData(name=name)

    def finish(self, chart: Any, *, validate: bool = False) -> Spec:
        spec: Spec = configure(chart).to_dict(validate=validate)
        spec["datasets"] = {**spec.get("datasets", {}), **self.values}
        return spec


def alt_module() -> Any:
    """Altair, imported when a chart is first drawn."""
    import altair as alt

    return alt


def configure(chart: Any) -> Any:
    """Fonts, grid and legend of every chart."""
    return (
        chart.configure(font=FONT)
        .configure_view(stroke=None)
        .configure_axis(
            labelFontSize=11, titleFontSize=11, titleFontWeight="normal", gridColor="#e8ebef"
        )
        .configure_legend(labelFontSize=11, titleFontSize=11, orient="bottom", columns=3)
    )


def dashed_when_excluded() -> Any:
    """Solid lines for eligible options, dashed for the ones the policy excludes."""
    alt = alt_module()
    return alt.StrokeDash(
        "eligible:N",
        scale=alt.Scale(domain=[True, False], range=[[1, 0], [5, 4]]),
        legend=None,
    )


def plot_width(width: int, labels: list[str]) -> int:
    """The plot width that keeps a chart with text labels on its y axis as wide as one
    with a numeric axis (about 70 px): long option names take room from the plot."""
    label_px = min(200, int(6.4 * max((len(x) for x in labels), default=0)) + 12)
    return max(200, width + 70 - label_px)
