"""The Markdown report's tables say what the JSON says (``result.to_dict()``)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from tests.report.conftest import comparison, rendered

_AMOUNT = re.compile(r"-?[\d,]+(?:\.\d+)?[MBk]?")


def amount(text: str) -> tuple[float, float]:
    """A rounded amount as printed (``$5.53M``, ``€22,900``, ``PLN 950``) and how far the
    exact value can be from it."""
    m = _AMOUNT.search(text.replace("\u00a0", " "))
    assert m, text
    token = m.group(0)
    scale = {"M": 1e6, "B": 1e9, "k": 1e3}.get(token[-1], 1.0)
    digits = token.rstrip("MBk").replace(",", "")
    value = float(digits) * scale
    decimals = len(digits.partition(".")[2])
    if scale > 1:
        return value, 0.5 * 10**-decimals * scale
    return value, 50.0 if abs(value) >= 10_000 else 0.5


def band(text: str) -> tuple[tuple[float, float], list[tuple[float, float]]]:
    """``$5.53M (5.40M–5.70M)`` -> the P50 and the P10/P90 in brackets."""
    head, _, rest = text.partition("(")
    return amount(head), [amount(x) for x in rest.rstrip(")").split("–")] if rest else []


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
        assert header.startswith("| option | eligible | total cost")
        rows = []
        for line in lines[1:]:
            if line.startswith("| cost category"):
                break
            rows.append([cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]])
        out[name] = rows
    return out


def _share(text: str) -> float | None:
    return None if text == "-" else float(text.rstrip("%")) / 100


def test_markdown_tables_match_the_json(example: str) -> None:
    md = rendered(example, "md").decode()
    data = comparison(example).to_dict()
    tables = _tables(md)
    for ws in {s["workstream"] for s in data["strategies"]}:
        expected: list[dict[str, Any]] = [s for s in data["strategies"] if s["workstream"] == ws]
        rows = tables[ws]
        assert [r[0].replace("\\|", "|") for r in rows] == [s["option"] for s in expected]
        for cells, s in zip(rows, expected, strict=True):
            assert cells[1] == ("yes" if s["eligible"] else "no")
            p50, spread = band(cells[2])
            assert close(p50, s["total_cost"]["p50"])
            if spread:
                assert close(spread[0], s["total_cost"]["p10"])
                assert close(spread[1], s["total_cost"]["p90"])
            assert close(amount(cells[3]), s["npv_cost"]["p50"])
            assert float(cells[4].replace(",", "")) == pytest.approx(
                s["effective_fte_months"]["p50"], abs=0.5
            )
            assert close(band(cells[5])[0], s["cost_per_effective_fte_month"]["p50"])
            months = s["months_to_target"]["p50"]
            assert cells[6] == ("not reached" if months is None else f"{months:.0f} mo")
            savings = _share(cells[7])
            if s["savings_vs_onshore_inhouse"] is None:
                assert savings is None
            else:
                assert savings == pytest.approx(s["savings_vs_onshore_inhouse"], abs=0.005)
            assert _share(cells[8]) == pytest.approx(s["control"], abs=0.005)
            assert _share(cells[9]) == pytest.approx(s["p_best"], abs=0.005)
            assert cells[10] == (str(s["rank"]) if s["rank"] else "-")


def test_markdown_recommendation_matches_the_json(example: str) -> None:
    md = rendered(example, "md").decode()
    rec = comparison(example).to_dict()["recommendation"]
    assert f"## Recommendation: **{rec['option'] or rec['strategy']}**" in md
    for item in (*rec["reasons"], *rec["caveats"], *rec["flip_conditions"]):
        assert f"- {item}" in md
    plan = comparison(example).to_dict()["plan"]["total_cost"]
    line = next(x for x in md.splitlines() if x.startswith("Plan total cost:"))
    assert close(band(line.removeprefix("Plan total cost:").split(";")[0])[0], plan["p50"])


def test_markdown_lists_every_assumption_and_the_scenario(example: str) -> None:
    md = rendered(example, "md").decode()
    c = comparison(example)
    section = md.split("## Assumptions", 1)[1]
    for a in c.inputs.assumptions.values():
        shown = f"**{a.key}**" if a.overridden else a.key
        assert f"| {shown} |" in section
    assert "```yaml\nname: " in md
