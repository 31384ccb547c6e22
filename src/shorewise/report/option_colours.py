"""One colour per option, the same in every chart of every surface, and one highlight for
the recommended option.

The colour is read from the option's id, never from where its row happens to sit:

- the two options at home are blues (the in-house team dark, the vendor light);
- each country abroad has its own hue, the dedicated team dark and the vendor light, so the
  two options of one country read as a pair. A country's hue comes from its ISO code
  (CRC-32 of the code, modulo the :data:`COUNTRY_PAIRS`), so Vietnam keeps its hue in
  every result; when two countries of one result land on the same hue, the later code (in
  alphabetical order) takes the next free one — a result's colours depend on its set of
  countries, never on their order. More countries than hues share hues (judgement: past
  six countries a chart is unreadable in any palette);
- mixes take :data:`MIX_COLOURS` in the order the scenario lists them.

The recommended option is drawn the same way everywhere: a thicker line or a larger mark,
and its name in bold in legends and on axes (:class:`OptionStyle`).

Example::

    >>> colours = option_colours(["onshore_inhouse", "offshore_outsource@VN"])
    >>> colours["onshore_inhouse"], colours["offshore_outsource@VN"]
    ('#1f5fa8', '#ea8595')
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from shorewise.report.chart_style import alt_module
from shorewise.results.result import Result

__all__ = [
    "COUNTRY_PAIRS",
    "HOME_PAIR",
    "MIX_COLOURS",
    "OTHER_COLOUR",
    "OptionStyle",
    "country_hues",
    "option_colours",
    "result_style",
]

HOME_PAIR = ("#1f5fa8", "#6f9fd8")
"""(in-house team, vendor) at home: deep and light blue."""

COUNTRY_PAIRS = (
    ("#c9580c", "#f2a65a"),  # orange
    ("#1e8a5a", "#7cc8a2"),  # green
    ("#b8283e", "#ea8595"),  # red
    ("#6a4c9c", "#ad95d6"),  # purple
    ("#85601f", "#cfa25a"),  # brown
    ("#12808c", "#6fc6cf"),  # teal
)
"""(dedicated team, vendor) per country abroad: a dark and a light tone of one hue; every
tone keeps a contrast of at least 1.9:1 on white (judgement: lines 2 px and wider)."""

MIX_COLOURS = ("#d45fa6", "#4d4d4d", "#b5a21a", "#8c8c8c")
"""Mixes, in the scenario's order: pink, dark grey, olive, grey (then again)."""

OTHER_COLOUR = "#6b7a8f"
"""Anything else (an id this version does not know): slate."""

THIN, THICK = 2.0, 3.5
"""Line widths in px: every option, the recommended one."""


def country_hues(countries: Iterable[str]) -> dict[str, int]:
    """Each country code's index in :data:`COUNTRY_PAIRS` (see module doc).

    >>> country_hues(["VN", "PL", "IN"])
    {'IN': 4, 'PL': 0, 'VN': 2}
    """
    n = len(COUNTRY_PAIRS)
    hues: dict[str, int] = {}
    for code in sorted({c.upper() for c in countries if c}):
        hue = zlib.crc32(code.encode("ascii", "replace")) % n
        if len(hues) < n:
            while hue in hues.values():
                hue = (hue + 1) % n
        hues[code] = hue
    return hues


def option_colours(options: Iterable[str], mixes: Sequence[str] = ()) -> dict[str, str]:
    """Option id -> colour (``#rrggbb``) for a result's options (see module doc).

    ``mixes``: the scenario's mix names in its order (mixes not named follow in the
    order given).
    """
    ids = list(dict.fromkeys(options))
    hues = country_hues(o.partition("@")[2] for o in ids if not o.startswith("mix:"))
    mix_names = list(
        dict.fromkeys(
            [
                *mixes,
                *(o.removeprefix("mix:").strip() for o in ids if o.startswith("mix:")),
            ]
        )
    )
    out: dict[str, str] = {}
    for option in ids:
        strategy, _, country = option.partition("@")
        vendor = strategy.endswith("outsource")
        if option.startswith("mix:"):
            k = mix_names.index(option.removeprefix("mix:").strip())
            out[option] = MIX_COLOURS[k % len(MIX_COLOURS)]
        elif strategy.startswith("onshore_"):
            out[option] = HOME_PAIR[vendor]
        elif strategy.startswith("offshore_") and country:
            out[option] = COUNTRY_PAIRS[hues[country.upper()]][vendor]
        else:
            out[option] = OTHER_COLOUR
    return out


def _literal(text: str) -> str:
    """A string as a Vega expression literal."""
    return json.dumps(text)


@dataclass(frozen=True)
class OptionStyle:
    """How a chart draws options: ``colours`` maps each option's label (what charts
    encode) to its colour; ``recommended`` is the label of the pick, or None."""

    colours: Mapping[str, str] = field(default_factory=dict)
    recommended: str | None = None

    @classmethod
    def of(cls, rows: Iterable[Mapping[str, Any]], recommended: str | None = None) -> OptionStyle:
        """The style of plain rows with ``option`` (id) and ``label``, when no result's
        style is at hand (a chart drawn on its own)."""
        labels = {str(r["option"]): str(r["label"]) for r in rows if "option" in r}
        by_id = option_colours(labels)
        return cls({labels[o]: c for o, c in by_id.items()}, recommended)

    def colour(self, label: str) -> str:
        """The colour of one option label (:data:`OTHER_COLOUR` when unknown)."""
        return self.colours.get(label, OTHER_COLOUR)

    def scale(self, labels: Sequence[str]) -> Any:
        """An Altair colour scale over ``labels`` (in the legend's order)."""
        alt = alt_module()
        domain = list(dict.fromkeys(labels))
        return alt.Scale(domain=domain, range=[self.colour(x) for x in domain])

    def test(self, field_name: str = "datum.label") -> str:
        """A Vega expression true for the recommended option's data (never when none)."""
        if self.recommended is None:
            return "false"
        return f"{field_name} === {_literal(self.recommended)}"

    def legend(self, **kwargs: Any) -> Any:
        """A legend whose recommended entry is in bold."""
        alt = alt_module()
        weight = {"expr": f"{self.test('datum.label')} ? 'bold' : 'normal'"}
        return alt.Legend(labelFontWeight=weight, **kwargs)

    def axis(self, **kwargs: Any) -> Any:
        """A (category) axis whose recommended label is in bold."""
        alt = alt_module()
        weight = alt.condition(self.test("datum.value"), alt.value("bold"), alt.value("normal"))
        return alt.Axis(labelFontWeight=weight, **kwargs)

    def emphasis(
        self, thin: float = THIN, thick: float = THICK, channel: str = "StrokeWidth"
    ) -> Any:
        """An encoding value of ``channel`` (``StrokeWidth``, ``Size``), ``thick`` for the
        recommended option's marks and ``thin`` for the others (e.g.
        ``strokeWidth=style.emphasis()``; the data need a ``label``). A channel object, not
        a dict: Altair searches its whole schema to type a dict, each time."""
        value_class = getattr(alt_module(), f"{channel}Value")
        return value_class(thin, condition={"test": self.test("datum.label"), "value": thick})


def result_style(result: Result, workstream: str | int | None = None) -> OptionStyle:
    """The style of every option of ``result`` (label -> colour, the same for every
    workstream) with the pick of ``workstream`` (name or index) as the recommended one
    (none when ``workstream`` is None)."""
    mixes = [str(m.get("name", "")) for m in result.scenario_data.get("mixes") or []]
    labels = {r.option: r.label for r in result.strategies}
    by_id = option_colours(labels, mixes)
    recommended = None
    if workstream is not None:
        name = result.workstreams[workstream].name if isinstance(workstream, int) else workstream
        pick = next((p for p in result.recommendation.picks if p.workstream == name), None)
        if pick is not None and pick.option is not None:
            recommended = labels.get(pick.option, pick.label)
    return OptionStyle({labels[o]: c for o, c in by_id.items()}, recommended)
