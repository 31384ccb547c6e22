"""Developer pay: Stack Overflow Developer Survey 2024 medians with provenance."""

from __future__ import annotations

import pytest

from shorewise.market import PayFigure, developer_pay


def test_vietnam_median_is_the_survey_figure_and_flagged_small() -> None:
    pay = developer_pay("VN")
    assert isinstance(pay, PayFigure)
    assert pay.annual_pay_usd == 12577
    assert (pay.n, pay.low_n, pay.statistic, pay.source_year) == (61, True, "median", 2024)
    assert (pay.p25_usd, pay.p75_usd) == (6289, 22010)
    assert "Stack Overflow Developer Survey 2024 (ODbL)" in pay.provenance
    assert "61" in pay.provenance


def test_us_median_and_quartiles() -> None:
    pay = developer_pay("united states")
    assert pay is not None
    assert (pay.iso2, pay.annual_pay_usd, pay.n, pay.low_n) == ("US", 147250, 4256, False)
    assert (pay.p25_usd, pay.p75_usd) == (105_000, 194_000)
    assert pay.provenance == (
        "Stack Overflow Developer Survey 2024 (ODbL), median of 4256 professional developers"
    )
    assert "ODbL" in pay.source


@pytest.mark.parametrize("iso2", ["SG", "TH", "MY", "PH", "EG", "VN", "CN", "CO", "ID", "JP"])
def test_small_samples_listed_in_the_data_notes_are_flagged(iso2: str) -> None:
    pay = developer_pay(iso2)
    assert pay is not None
    assert pay.low_n
    assert pay.n < 100


@pytest.mark.parametrize("query", ["XX", "XK", "Atlantis"])
def test_no_pay_row_gives_none(query: str) -> None:
    assert developer_pay(query) is None


def test_every_row_with_pay_has_positive_pay_and_provenance() -> None:
    for iso2 in ("NG", "CH", "ZW", "KR"):
        pay = developer_pay(iso2)
        assert pay is not None
        assert pay.annual_pay_usd > 0
        assert pay.provenance.startswith("Stack Overflow Developer Survey 2024")
