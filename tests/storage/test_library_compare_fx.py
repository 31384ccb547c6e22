"""Comparing runs in different currencies converts the right run's money with the dated FX
rate of shorewise.market.fx, and says so; without a rate, nothing is subtracted."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
import yaml
from tests.conftest import scenario_data

from shorewise.market.fx import usd_rate
from shorewise.workflows.library import Library, draft_from_text
from shorewise.workflows.run_compare import compare_run_records, currency_conversion


@pytest.fixture
def library(db_url: str) -> Iterator[Library]:
    opened = Library.open(db_url)
    yield opened
    opened.close()


def _saved_run(library: Library, **overrides: object) -> int:
    text = yaml.safe_dump(scenario_data(**overrides), sort_keys=False)
    saved = library.create(draft_from_text(text))
    return library.run(saved.scenario_id, samples=0).run_id


def test_the_right_runs_money_is_converted_into_the_left_currency(library: Library) -> None:
    usd = _saved_run(library, name="In dollars")
    eur = _saved_run(library, name="In euros", currency="EUR")
    comparison = library.compare_runs(usd, eur)
    eur_per_usd = usd_rate("EUR").units_per_usd
    assert eur_per_usd == 0.93  # mid-2024 (Stack Overflow Developer Survey 2024 conversions)
    assert comparison.currency == "USD"
    assert comparison.fx_note is not None
    assert "EUR figures of the right-hand run are shown in USD" in comparison.fx_note
    assert "1 EUR = 1.075 USD" in comparison.fx_note
    assert "mid-2024" in comparison.fx_note
    raw = library.get_run(eur).result["plan"]["total_cost"]["p50"]
    assert comparison.plan_total_cost.right == pytest.approx(raw / eur_per_usd)
    left = library.get_run(usd).result["plan"]["total_cost"]["p50"]
    assert comparison.plan_total_cost.change == pytest.approx(raw / eur_per_usd - left)
    for delta in comparison.total_cost:
        assert delta.comparable


def test_same_currency_converts_nothing(library: Library) -> None:
    a, b = _saved_run(library, name="A"), _saved_run(library, name="B")
    comparison = library.compare_runs(a, b)
    assert comparison.fx_note is None
    raw = library.get_run(b).result["plan"]["total_cost"]["p50"]
    assert comparison.plan_total_cost.right == raw
    assert comparison.plan_total_cost.change == 0


def test_without_a_rate_figures_stay_and_no_change_is_computed(library: Library) -> None:
    a, b = _saved_run(library, name="A"), _saved_run(library, name="B")
    left, right = library.get_run(a), library.get_run(b)
    odd = dataclasses.replace(right, result={**right.result, "currency": "ZZZ"})
    comparison = compare_run_records(left, odd, "a", "b")
    assert comparison.fx_note is not None
    assert comparison.fx_note.startswith("not converted")
    assert comparison.plan_total_cost.change is None
    assert comparison.plan_total_cost.right == right.result["plan"]["total_cost"]["p50"]
    assert all(d.change is None for d in comparison.total_cost)


def test_conversion_factor_is_the_ratio_of_usd_rates() -> None:
    conversion = currency_conversion("GBP", "EUR")
    assert conversion.factor == pytest.approx(
        usd_rate("GBP").units_per_usd / usd_rate("EUR").units_per_usd
    )
    assert currency_conversion("usd", "USD").factor == 1.0
