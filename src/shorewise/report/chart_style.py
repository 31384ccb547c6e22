"""The look shared by every report chart: palette, fonts, and named datasets.

Example::

    >>> sets = Datasets()
    >>> ref = sets.data("bands", [{"month": 1, "burn_p50": 10.0}])   # doctest: +SKIP
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

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


P = ParamSpec("P")
R = TypeVar("R")
Spec = dict[str, Any]
"""A Vega-Lite spec, JSON-ready."""


@dataclass(frozen=True)
class ChartItem:
    """One chart of a report: a stable ``key`` (HTML id), title, reading guide, spec."""

    key: str
    title: str
    caption: str
    spec: Spec


class Layer:
    """Charts drawn on top of one another, assembled as plain Vega-Lite: ``{"layer": [each
    part's spec]}``, the parts' width, height and view lifted to the layer as Altair does.
    Altair's own ``alt.layer`` deep-copies every part on the way (most of a chart's build
    time); the spec is the same chart. ``properties`` and ``to_dict`` as on an Altair chart.

    >>> Layer().properties(width=300).to_dict()["width"]
    300
    """

    def __init__(self, *parts: Any, **properties: Any) -> None:
        self.parts = parts
        self.props = properties

    def properties(self, **properties: Any) -> Layer:
        return Layer(*self.parts, **{**self.props, **properties})

    def to_dict(self, *, validate: bool = False) -> Spec:
        layer: list[Spec] = []
        lifted: Spec = {}
        datasets: Spec = {}
        config: Spec = {}
        for part in self.parts:
            spec = dict(part.to_dict(validate=validate))
            spec.pop("$schema", None)
            datasets.update(spec.pop("datasets", {}))
            config = {**spec.pop("config", {}), **config}  # the theme's, once
            for key in ("width", "height", "view"):
                if key in spec:
                    lifted.setdefault(key, spec.pop(key))
            layer.append(spec)
        out: Spec = {"$schema": alt_module().SCHEMA_URL, "layer": layer, **lifted, **self.props}
        if datasets:
            out["datasets"] = datasets
        if config:
            out["config"] = config
        return out


class Datasets:
    """Named data for one chart: ``data("bands", rows)`` gives Altair a reference and
    :meth:`finish` puts the rows into the spec once."""

    def __init__(self) -> None:
        self.values: dict[str, list[dict[str, Any]]] = {}

    def data(self, name: str, rows: list[dict[str, Any]]) -> Any:
        self.values[name] = rows
        return alt_module().NamedData(name=name)

    def finish(self, chart: Any, *, validate: bool = False) -> Spec:
        spec: Spec = configure(chart.to_dict(validate=validate))
        if validate:  # the whole spec, config and layers included
            check_spec(spec)
        spec["datasets"] = {**spec.get("datasets", {}), **self.values}
        legend = spec.setdefault("config", {}).setdefault("legend", {})
        legend["columns"] = legend_columns(_legend_labels(spec), int(spec.get("width", 520)))
        return spec


LABEL_PX_PER_CHAR = 6.4
"""Width of one character of an 11 px legend label, px (measured on DejaVu Sans)."""
LEGEND_ENTRY_PX = 36
"""A legend entry's symbol, gap and column padding, px (Vega's defaults)."""


def legend_columns(labels: list[str], width: int) -> int:
    """How many columns (3, 2 or 1) a bottom legend of ``labels`` in full takes within a
    chart ``width`` px wide plus its axis (about 70 px).

    >>> legend_columns(["Vendor in Poland", "Home team"], 520)
    3
    >>> legend_columns(["Mix: team in Vietnam with a local vendor for overflow"], 520)
    1
    """
    longest = max((len(x) for x in labels), default=0)
    entry = longest * LABEL_PX_PER_CHAR + LEGEND_ENTRY_PX
    return next((n for n in (3, 2) if n * entry <= width + 70), 1)


def _legend_labels(spec: Any) -> list[str]:
    """The labels of every colour scale of a spec (what its legends list)."""
    out: list[str] = []
    if isinstance(spec, dict):
        scale = spec.get("color", {}).get("scale") if isinstance(spec.get("color"), dict) else None
        if isinstance(scale, dict):
            out += [str(x) for x in scale.get("domain") or []]
        for key, value in spec.items():
            if key != "datasets":
                out += _legend_labels(value)
    elif isinstance(spec, list):
        for value in spec:
            out += _legend_labels(value)
    return out


def check_spec(spec: Spec) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``spec`` is valid Vega-Lite (the schema
    Altair ships)."""
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema import load_schema

    validate_jsonschema(spec, load_schema())


def unchecked(build: Callable[P, R]) -> Callable[P, R]:
    """``build`` run with Altair's check of every part as it is made turned off (its
    ``DEBUG_MODE``: about two thirds of a chart's build time); the finished spec is the
    same, and ``finish(validate=True)`` still checks it whole against the schema.

    >>> unchecked(lambda: 2)()
    2
    """

    @functools.wraps(build)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        from altair.utils.schemapi import debug_mode

        with debug_mode(False):
            return build(*args, **kwargs)

    return run


def alt_module() -> Any:
    """Altair, imported when a chart is first drawn."""
    import altair as alt

    return alt


CONFIG: Spec = {
    "font": FONT,
    "view": {"stroke": None},
    "axis": {
        "labelFontSize": 11,
        "titleFontSize": 11,
        "titleFontWeight": "normal",
        "gridColor": "#e8ebef",
    },
    "legend": {"labelFontSize": 11, "titleFontSize": 11, "orient": "bottom", "labelLimit": 0},
}
"""Fonts, grid and legend of every chart (legend names in full: ``labelLimit`` 0;
:meth:`Datasets.finish` picks the number of columns that fits them)."""


def configure(spec: Spec) -> Spec:
    """``spec`` with :data:`CONFIG` merged into its ``config`` (the chart's own settings
    win). Applied to the finished dict: Altair's ``configure_*`` copy the whole chart.

    >>> configure({"config": {"legend": {"columns": 2}}})["config"]["legend"]["columns"]
    2
    """
    config = dict(spec.get("config", {}))
    for key, value in CONFIG.items():
        mine = config.get(key)
        if isinstance(value, dict) and (mine is None or isinstance(mine, dict)):
            config[key] = {**value, **(mine or {})}  # a copy: finish() edits the legend
        elif key not in config:
            config[key] = value
    return {**spec, "config": config}


def dashed_when_excluded() -> Any:
    """Solid lines for eligible options, dashed for the ones the policy excludes."""
    alt = alt_module()
    return alt.StrokeDash(
        "eligible:N",
        scale=alt.Scale(domain=[True, False], range=[[1, 0], [5, 4]]),
        legend=None,
    )


AXIS_LABEL_PX = 360
"""The widest option name on a y axis, px: a mix's whole name (about 55 characters) fits."""


def plot_width(width: int, labels: list[str]) -> int:
    """The plot width that keeps a chart with text labels on its y axis as wide as one
    with a numeric axis (about 70 px): long option names take room from the plot."""
    longest = max((len(x) for x in labels), default=0)
    label_px = min(AXIS_LABEL_PX, int(LABEL_PX_PER_CHAR * longest) + 12)
    return max(200, width + 70 - label_px)
