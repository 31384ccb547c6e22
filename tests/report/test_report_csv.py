"""Monthly CSV: every option's months; percentiles for Monte Carlo, one value otherwise."""

from __future__ import annotations

import csv
import io

import pytest
from tests.report.conftest import comparison, deterministic, rendered

from shorewise.report.csv import monthly_csv


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_monte_carlo_csv_has_ordered_percentiles(example: str) -> None:
    c = comparison(example)
    rows = _rows(rendered(example, "csv").decode())
    assert len(rows) == len(c.rows) * c.scenario.horizon
    assert {r["currency"] for r in rows} == {c.scenario.currency}
    for r in rows:
        for series in ("paid_fte", "effective_fte", "burn", "cumulative"):
            low, mid, high = (float(r[f"{series}_{q}"]) for q in ("p10", "p50", "p90"))
            assert low <= mid + 1e-6
            assert mid <= high + 1e-6


def test_deterministic_csv_adds_up_to_the_totals(example: str) -> None:
    c = deterministic(example)
    rows = _rows(monthly_csv(c))
    assert "burn" in rows[0]
    assert "burn_p50" not in rows[0]
    for i, row in enumerate(c.rows):
        months = [
            r
            for r in rows
            if r["option"] == row.alternative.option_name
            and r["workstream"] == row.alternative.workstream.name
        ]
        assert [int(r["month"]) for r in months] == list(range(1, c.scenario.horizon + 1))
        total = c.run.metrics[i].total_cost[0]
        assert float(months[-1]["cumulative"]) == pytest.approx(total, abs=0.01)
        assert sum(float(r["burn"]) for r in months) == pytest.approx(total, abs=0.01 * len(months))
