"""The weight and information analyses of a result as plain tables of words and numbers.

One place builds them; the terminal (``shorewise value-of-information``), the Markdown, the
HTML and PDF reports and the web app render the same cells. Labels only, never ids.

- :func:`acceptability_tables`: per workstream, how often each eligible option ranks
  first, second, third or lower over every weighting the scenario allows (SMAA-2), how
  sure its win is at its typical weights (confidence) and which criteria those weights favour;
- :func:`information_table`: what each input would be worth knowing before deciding
  (expected value of perfect information, in money), largest first.

Example::

    >>> from shorewise.results.result import Result
    >>> t = information_table(Result.from_json(open("r.json").read()))  # doctest: +SKIP
    >>> t.columns                                                       # doctest: +SKIP
    ('input', 'worth up to', 'of knowing all')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from shorewise.results import numbers as fmt
from shorewise.results.result import Result
from shorewise.results.vocabulary import input_label, option_label

__all__ = ["TOP_INPUTS", "TextTable", "acceptability_tables", "information_table"]

TOP_INPUTS = 10
"""Inputs listed by value of information; the rest are counted in the note."""


@dataclass(frozen=True)
class TextTable:
    """A table ready to print: ``numeric[i]`` says whether column ``i`` aligns right."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    note: str = ""
    highlight: int | None = None
    """Index of the row of the recommended option, if any."""


def _favoured(weights: Mapping[str, float]) -> str:
    """The two criteria an option's central weights put most on: "speed 55%, control 22%"."""
    top = sorted(weights.items(), key=lambda kv: -kv[1])[:2]
    return ", ".join(f"{c} {fmt.share(w)}" for c, w in top)


def _smaa_by_workstream(result: Result) -> list[tuple[str, str | None, list[dict[str, Any]]]]:
    by_ws = result.recommendation.by_workstream
    if by_ws:
        return [(w.workstream, w.option, list(w.smaa)) for w in by_ws if w.smaa]
    if result.smaa:
        return [(result.workstreams[0].name, result.recommendation.option, list(result.smaa))]
    return []


def _ranks(acceptability: Sequence[float]) -> tuple[str, str, str, str]:
    first = acceptability[0] if acceptability else 0.0
    second = acceptability[1] if len(acceptability) > 1 else 0.0
    third = acceptability[2] if len(acceptability) > 2 else 0.0
    lower = sum(acceptability[3:])
    return fmt.share(first), fmt.share(second), fmt.share(third), fmt.share(lower)


def acceptability_tables(result: Result) -> list[TextTable]:
    """One table per workstream with SMAA records (none for a single run)."""
    tables = []
    several = len(result.workstreams) > 1
    for workstream, pick, records in _smaa_by_workstream(result):
        rows = []
        highlight = None
        ordered = sorted(records, key=lambda r: -float(r["rank_acceptability"][0]))
        for k, r in enumerate(ordered):
            if r["option"] == pick:
                highlight = k
            rows.append(
                (
                    option_label(str(r["option"]), short=True),
                    *_ranks([float(v) for v in r["rank_acceptability"]]),
                    fmt.share(float(r["confidence"])) if r.get("confidence") is not None else "–",
                    _favoured(r.get("central_weights") or {}),
                )
            )
        title = "How the choice depends on the weights"
        tables.append(
            TextTable(
                title=f"{title}: {workstream}" if several else title,
                columns=("option", "1st", "2nd", "3rd", "lower", "sure", "favours"),
                rows=tuple(rows),
                numeric=(False, True, True, True, True, True, False),
                note=(
                    "1st, 2nd, 3rd, lower: share of all (draw, weighting) pairs in which the "
                    "option takes that rank, the weights drawn from every weighting the "
                    "scenario allows (SMAA-2). Sure: how often it ranks first at its typical "
                    "winning weights. Favours: the two criteria those weights put most on."
                ),
                highlight=highlight,
            )
        )
    return tables


def information_table(result: Result, *, top: int = TOP_INPUTS) -> TextTable | None:
    """What knowing each input before deciding would be worth (``None`` for a single run)."""
    voi = result.value_of_information
    if not voi:
        return None
    cur = result.currency
    total = float(voi["total"])
    items = [i for i in voi["per_input"] if float(i["value"]) > 0]
    rows = tuple(
        (
            input_label(str(i["input"])),
            fmt.money(float(i["value"]), cur),
            fmt.share(float(i["value"]) / total) if total > 0 else "–",
        )
        for i in items[:top]
    )
    quiet = len(voi["per_input"]) - len(items)
    more = len(items) - len(rows)
    note = (
        f"Knowing every input before deciding would be worth up to {fmt.money(total, cur)} "
        "(the expected cost of deciding now, on the cost of the work; "
        f"{fmt.count(int(voi.get('draws', 0)))} draws)."
    )
    if more:
        note += f" {fmt.count(more)} more inputs are worth less than those shown."
    if quiet:
        note += f" Nothing to learn about the other {fmt.count(quiet)} inputs."
    return TextTable(
        title="What is worth finding out before you sign",
        columns=("input", "worth up to", "of knowing all"),
        rows=rows,
        numeric=(False, True, True),
        note=note,
    )
