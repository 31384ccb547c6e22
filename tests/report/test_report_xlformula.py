"""The formula evaluator follows spreadsheet rules for the subset the workbook uses."""

from __future__ import annotations

import pytest

from shorewise.report.xlformula import Book, FormulaError, cell_name, column_index, column_letters


def _value(formula: str, **cells: float) -> object:
    grid = {("S", 0, column_index(k)): v for k, v in cells.items()}
    book = Book({**grid, ("S", 9, 9): formula}, names={"margin": ("S", 0, 0)})
    return book.value("S", 9, 9)


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        ("=-2^2", 4.0),  # unary minus binds tighter than ^ (Excel, LibreOffice)
        ("=0-2^2", -4.0),
        ("=2^3^2", 64.0),  # ^ is left-associative
        ("=1+2*3-4/2", 5.0),
        ("=(1+2)*3", 9.0),
        ("=2*-3", -6.0),
        ("=1E-3*1000", 1.0),
        ("=IF(1>2,1/0,7)", 7.0),  # IF is lazy: the other branch is never computed
        ("=IF(AND(1>=0,1<2),1,0)", 1.0),
        ("=MIN(MAX(-1,0),1)", 0.0),
        ('="a"&"b"', "ab"),
        ("=1=1", True),
        ("=2<>2", False),
    ],
)
def test_operators_and_precedence(formula: str, expected: object) -> None:
    assert _value(formula) == expected


def test_references_ranges_names_and_sheets() -> None:
    cells = {
        ("In puts", 0, 0): 0.25,
        ("S", 0, 0): 1.0,
        ("S", 1, 0): 2.0,
        ("S", 2, 0): 3.0,
        ("S", 0, 1): 10.0,
        ("S", 1, 1): 20.0,
        ("S", 2, 1): 30.0,
        ("S", 0, 2): "x",
        ("S", 0, 3): "y",
        ("S", 5, 0): "=SUM(A1:A3)+SUM($B$1:B3)",
        ("S", 5, 1): "=SUMPRODUCT(A1:A3,B1:B3)",
        ("S", 5, 2): "='In puts'!$A$1*margin",
        ("S", 5, 3): '=INDEX(A1:B3,2,2)+MATCH("y",C1:D1,0)',
        ("S", 5, 4): "=A9+1",  # an empty cell is 0
    }
    book = Book(cells, names={"margin": ("S", 2, 1)})
    assert book.value("S", 5, 0) == 66.0
    assert book.value("S", 5, 1) == 140.0
    assert book.value("S", 5, 2) == 7.5
    assert book.value("S", 5, 3) == 22.0
    assert book.value("S", 5, 4) == 1.0


@pytest.mark.parametrize(
    "formula", ["=1/0", "=NOW()", "=unknown_name+1", "=1+", '="a"*2', "=SUM(A1:A2"]
)
def test_what_it_cannot_compute_is_an_error(formula: str) -> None:
    with pytest.raises(FormulaError):
        _value(formula)


@pytest.mark.parametrize(("index", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ")])
def test_column_names(index: int, letters: str) -> None:
    assert column_letters(index) == letters
    assert column_index(letters) == index
    assert cell_name(4, index, absolute=True) == f"${letters}$5"
