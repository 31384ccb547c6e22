"""The market layer's public names, and the examples in its docstrings."""

from __future__ import annotations

import doctest
import importlib

import pytest

import shorewise.market

EXPORTS = {
    "SITE_PROVENANCE",
    "Country",
    "FxRate",
    "OnCost",
    "PayFigure",
    "currency_of",
    "developer_pay",
    "employer_oncost",
    "get_country",
    "is_known_country",
    "list_countries",
    "site_productivity",
    "supported_currencies",
    "usd_rate",
    "working_hours_overlap",
}


def test_exports_are_pinned() -> None:
    assert set(shorewise.market.__all__) == EXPORTS
    assert all(hasattr(shorewise.market, name) for name in EXPORTS)


@pytest.mark.parametrize("module", ["", ".countries", ".pay", ".oncosts", ".overlap", ".fx"])
def test_docstring_examples_run(module: str) -> None:
    result = doctest.testmod(importlib.import_module(f"shorewise.market{module}"))
    assert result.failed == 0
