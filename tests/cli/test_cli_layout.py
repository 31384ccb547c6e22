"""At 80 columns nothing is cut mid-word; --format markdown is honoured by every command
that offers it; the help's first lines fit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.cli.in_process import run_main

ROOT = Path(__file__).resolve().parents[2]
RETAIL = str(ROOT / "examples" / "retail-app.yaml")
TWO = str(ROOT / "examples" / "two-workstreams.yaml")
OPTION_ID = re.compile(r"\b(on|off)shore_(inhouse|outsource)\b|@[A-Z]{2}\b")


@pytest.fixture(autouse=True)
def _eighty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


def _lines_fit(text: str) -> None:
    for line in text.splitlines():
        assert len(line) <= 80, line
    assert "…" not in text


def test_breakeven_sweep_fits_with_every_number_whole() -> None:
    out = run_main(
        "breakeven", RETAIL, "--between", "offshore_inhouse@VN", "offshore_outsource@VN",
        "--samples", "200",
    )  # fmt: skip
    assert out.code == 0, out.stderr
    _lines_fit(out.stdout)
    assert "from month never" not in out.stdout
    for word in ("months", "Home", "Vietnam", "vendor", "recommended"):
        assert word in out.stdout
    # every month of the sweep is a row, every cost whole (no "2…")
    rows = [line.split() for line in out.stdout.splitlines() if re.match(r"^\s+\d+\s+\d", line)]
    assert [int(r[0]) for r in rows] == list(range(3, 61, 3))
    assert all(re.fullmatch(r"[\d,]+", cell) for r in rows for cell in r[1:7])


def test_a_narrow_terminal_stacks_the_sweep_instead_of_cutting_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    out = run_main(
        "breakeven", RETAIL, "--between", "offshore_inhouse@VN", "offshore_outsource@VN",
        "--samples", "200",
    )  # fmt: skip
    assert out.code == 0, out.stderr
    assert "…" not in out.stdout
    assert "months 60" in out.stdout
    assert "  Vietnam vendor: " in out.stdout


def test_compare_table_keeps_every_column_and_names_both_savings() -> None:
    out = run_main("compare", RETAIL, "--samples", "300")
    assert out.code == 0, out.stderr
    _lines_fit(out.stdout)
    for header in ("P(first)", "rank", "control", "vs home"):
        assert header in out.stdout
    assert re.search(r"[+−]\d+%/unit", out.stdout)  # per unit beside the total
    assert not OPTION_ID.search(out.stdout)


@pytest.mark.parametrize(
    "args",
    [
        ("countries", "--home", "US"),
        ("optimize", TWO),
        ("sensitivity", RETAIL, "--samples", "200", "--sobol-samples", "16"),
        (
            "breakeven",
            RETAIL,
            "--between",
            "offshore_inhouse@VN",
            "onshore_inhouse",
            "--samples",
            "200",
            "--no-sweep",
        ),
    ],
)
def test_markdown_is_honoured_and_in_words(args: tuple[str, ...]) -> None:
    table = run_main(*args)
    md = run_main(*args, "--format", "markdown")
    assert md.code == 0, md.stderr
    assert md.stdout != table.stdout
    assert "─" not in md.stdout
    assert "┃" not in md.stdout
    if args[0] != "breakeven":
        assert re.search(r"^\| .+ \|$", md.stdout, re.M)  # a pipe table
        assert re.search(r"^\|(-{3}:?\|)+", md.stdout, re.M) or "|---" in md.stdout
    assert not OPTION_ID.search(md.stdout)
    assert not OPTION_ID.search(table.stdout)


def test_optimize_names_the_options_in_words() -> None:
    out = run_main("optimize", TWO)
    assert out.code == 0, out.stderr
    assert "Dedicated team in India" in out.stdout
    assert not OPTION_ID.search(out.stdout)


def test_help_first_lines_fit_on_one_line_of_the_command_list() -> None:
    out = run_main("--help")
    listing = out.stdout.split("Commands", 1)[1]
    names = re.findall(r"^│ (\w+) ", listing, re.M)
    assert {"breakeven", "sensitivity", "optimize", "report"} <= set(names)
    # each command's summary is one sentence: a continuation line never starts lower-case
    # mid-sentence after a line that did not end it
    from shorewise.cli.app import app

    for command in app.registered_commands:
        doc = (command.callback.__doc__ or "") if command.callback else ""
        first = doc.strip().split("\n\n")[0]
        assert "\n" not in first, f"{command.callback}: {first!r}"
        assert len(first) <= 90, first


@pytest.mark.parametrize("name", ["two-workstreams", "leads-at-home-mix"])
def test_compare_in_words_for_plans_and_mixes(name: str) -> None:
    from tests.human_text import ids_in, markdown_text

    path = str(ROOT / "examples" / f"{name}.yaml")
    table = run_main("compare", path, "--samples", "300", "--detail")
    assert table.code == 0, table.stderr
    _lines_fit(table.stdout)
    assert ids_in(table.stdout) == []
    assert "Would change the answer" in table.stdout
    md = run_main("compare", path, "--samples", "300", "--detail", "-f", "markdown")
    assert ids_in(markdown_text(md.stdout)) == []
