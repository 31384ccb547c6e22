"""The Markdown report's tables say what the JSON says (``result.to_dict()``)."""

from __future__ import annotations

import math
import re
from typing import Any

import pytest
from tests.report.conftest import comparison, rendered

_AMOUNT = re.compile(r"[-\u2212]?[\d,]+(?:\.\d+)?[MBk]?")


def amount(text: str) -> tuple[float, float]:
    """A rounded amount as printed (``$5.53M``, ``€22,900``, ``PLN 950``) and how far the
    exact value can be from it."""
    m = _AMOUNT.search(text.replace("\u00a0", " "))
    assert m, text
    token = m.group(0).replace("\u2212", "-")
    scale = {"M": 1e6, "B": 1e9, "k": 1e3}.get(token[-1], 1.0)
    digits = token.rstrip("MBk").replace(",", "")
    value = float(digits) * scale
    decimals = len(digits.partition(".")[2])
    if scale > 1:
        return value, 0.5 * 10**-decimals * scale
    whole = len(digits.lstrip("-").partition(".")[0])
    return value, 0.5 * 10 ** max(0, whole - 3)  # three significant figures


def band(text: str) -> tuple[tuple[float, float], list[tuple[float, float]]]:
    """``$5.53M (5.40M–5.70M)`` -> the P50 and the P10/P90 in brackets."""
    head, _, rest = text.partition("(")
    if not rest:
        return amount(head), []
    low, high = rest.rstrip(")").split("–")
    suffix = high.strip()[-1] if high.strip()[-1] in "MBk" else ""
    if suffix and low.strip()[-1] not in "MBk":
        low += suffix  # one suffix for the pair: 5.4–11.0M
    return amount(head), [amount(low), amount(high)]


def close(printed: tuple[float, float], exact: float | None) -> bool:
    value, tolerance = printed
    return exact is not None and abs(value - exact) <= tolerance + 1e-9


def _tables(md: str) -> dict[str, list[list[str]]]:
    """Workstream name -> the rows (cells) of its comparison table."""
    out: dict[str, list[list[str]]] = {}
    for part in md.split("## Workstream: ")[1:]:
        name = part.split("\n", 1)[0].strip()
        lines = [line for line in part.splitlines() if line.startswith("| ")]
        header = lines[0]
        assert header.startswith("| option | allowed | total cost | delivered by due month")
        rows = []
        for line in lines[1:]:
            if line.startswith("| cost category"):
                break
            rows.append([cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]])
        out[name] = rows
    return out


def _share(text: str) -> float | None:
    if text == "–":
        return None
    return float(text.replace("\u2212", "-").lstrip("<>").rstrip("%")) / 100


def test_markdown_tables_match_the_json(example: str) -> None:
    md = rendered(example, "md").decode()
    data = comparison(example).to_dict()
    tables = _tables(md)
    for ws in {s["workstream"] for s in data["strategies"]}:
        expected: list[dict[str, Any]] = [s for s in data["strategies"] if s["workstream"] == ws]
        rows = tables[ws]
        assert [r[0].replace("\\|", "|") for r in rows] == [s["label"] for s in expected]
        for cells, s in zip(rows, expected, strict=True):
            assert cells[1] == ("yes" if s["eligible"] else "no")
            p50, spread = band(cells[2])
            assert close(p50, s["total_cost"]["p50"])
            if spread:
                assert close(spread[0], s["total_cost"]["p10"])
                assert close(spread[1], s["total_cost"]["p90"])
            assert _share(cells[3]) == pytest.approx(s["delivered_share"]["p50"], abs=0.0051)
            finish = s["finish_month"]["p50"]
            cap = next(w["finish_cap_month"] for w in data["workstreams"] if w["name"] == ws)
            assert cells[4] == (
                f"after month {cap}" if finish is None else f"month {math.ceil(finish - 1e-9)}"
            )
            assert close(band(cells[5])[0], s["cost_per_effective_fte_month"]["p50"])
            months = s["months_to_target"]["p50"]
            expected_months = "not reached" if months is None else f"{round(months)} month"
            assert cells[6].startswith(expected_months)
            if s["savings_vs_onshore_inhouse"] is None or s["option"] == "onshore_inhouse":
                assert cells[7] == "–"
            else:
                unit = _share(cells[7].split(", ")[1])
                assert unit == pytest.approx(s["savings_vs_onshore_inhouse"], abs=0.0051)
            assert _share(cells[8]) == pytest.approx(s["control"], abs=0.0051)
            if s["eligible"]:
                assert _share(cells[9]) == pytest.approx(s["p_best"], abs=0.0051)
            assert cells[10] == (str(s["rank"]) if s["rank"] else "–")


def test_markdown_recommendation_matches_the_json(example: str) -> None:
    md = rendered(example, "md").decode()
    rec = comparison(example).to_dict()["recommendation"]
    if len(rec["by_workstream"]) == 1:
        assert f"## Recommendation: **{rec['label']}**" in md
    else:
        for pick in rec["picks"]:
            assert f"- **{pick['workstream']}**: {pick['label']}" in md
    for item in (*rec["reasons"], *rec["caveats"], *rec["flip_conditions"]):
        assert f"- {item['text']}" in md
    plan = comparison(example).to_dict()["plan"]["total_cost"]
    line = next(x for x in md.splitlines() if x.startswith("Plan total "))
    assert close(band(line.removeprefix("Plan total ").split(" (")[0])[0], plan["p50"])
    # page one: the one or two nearest flips, before the reasons
    flips = [f for f in rec["flip_conditions"] if f["threshold"] is not None]
    if flips:
        top = md.split("Would change the answer:", 1)[1].split("**Why**", 1)[0]
        shown = [x.removeprefix("- ") for x in top.strip().splitlines() if x.startswith("- ")]
        assert 1 <= len(shown) <= 2
        assert set(shown) <= {f["text"] for f in flips}


def test_markdown_lists_every_assumption_and_the_scenario(example: str) -> None:
    md = rendered(example, "md").decode()
    c = comparison(example)
    section = md.split("## Assumptions", 1)[1]
    for a in c.assumptions:
        shown = f"**{a.label}**" if a.overridden else a.label
        assert f"| {shown} | `{a.key}` |" in section
    assert "```yaml\nname: " in md
