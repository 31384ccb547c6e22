"""Every kind of bad scenario file gives exit code 2 and a message naming the problem.

Most cases run the real entry point in this process (fast); a few run the installed
command as a subprocess, to prove the same from the outside.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.cli.in_process import run_main

GOOD = """\
name: ok
home_country: US
workstreams:
  - {name: app, fte: 4, duration_months: 8}
"""


def run_subprocess(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shorewise", *args], capture_output=True, text=True, timeout=120
    )


CASES: list[tuple[str, str | bytes, list[str]]] = [
    ("negative-fte", GOOD.replace("fte: 4", "fte: -3"), ["workstreams.0.fte", "greater than 0"]),
    ("nan-fte", GOOD.replace("fte: 4", "fte: .nan"), ["workstreams.0.fte", "finite"]),
    ("unknown-country", GOOD + "offshore_countries: [ZZ]\n", ["offshore_countries.0", "ZZ"]),
    ("unknown-home", GOOD.replace("home_country: US", "home_country: QQ"), ["home_country", "QQ"]),
    (
        "reversed-range",
        GOOD + "assumptions: {vendor_margin: 60%..20%}\n",
        ["assumptions.vendor_margin", "reversed"],
    ),
    (
        "pert-mode-outside",
        GOOD + "assumptions:\n  vendor_margin: {dist: pert, low: 0.2, mode: 0.9, high: 0.6}\n",
        ["assumptions.vendor_margin", "low <= mode <= high"],
    ),
    ("unknown-key", GOOD + "colour: blue\n", ["colour", "unknown key"]),
    (
        "unknown-assumption",
        GOOD + "assumptions: {vendor_margn: 0.3}\n",
        ["assumptions.vendor_margn", "unknown assumption"],
    ),
    ("empty", "", ["mapping", "empty"]),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", ["binary"]),
    ("broken-yaml", "name: [unclosed\nhome_country: US\n", ["broken YAML", "line"]),
    (
        "absurd-samples",
        GOOD + "simulation: {samples: 1000000000}\n",
        ["simulation.samples", "2000000"],
    ),
    ("negative-weight", GOOD + "weights: {cost: -1}\n", ["weights.cost", ">= 0 (got -1)"]),
    ("not-a-mapping", "- just\n- a list\n", ["mapping", "list"]),
    (
        "bad-shares",
        GOOD + "mixes:\n  - {name: m, shares: {onshore_inhouse: 0.5}}\n",
        ["mixes.0.shares", "add up to 1"],
    ),
    ("bad-currency", GOOD + "currency: XYZ\n", ["currency", "XYZ"]),
    (
        "zero-weights",
        GOOD + "weights: {cost: 0, speed: 0, control: 0, scalability: 0, risk: 0}\n",
        ["weights", "positive"],
    ),
    ("broken-toml", 'name = "x"\nhome_country = \n', ["broken TOML"]),
    # the list (#12): nonsense that was accepted or crashed
    ("negative-margin", GOOD + "assumptions: {vendor_margin: -2}\n", ["vendor_margin", ">= 0"]),
    (
        "discount-minus-one",
        GOOD + "assumptions: {discount_rate: -1}\n",
        ["discount_rate", ">= -0.1"],
    ),
    (
        "negative-productivity",
        GOOD + "assumptions: {offshore_team_productivity: -0.5}\n",
        ["assumptions.offshore_team_productivity", "> 0 and <= 1.5"],
    ),
    (
        "control-200",
        GOOD + "assumptions: {control_offshore_inhouse: 200%}\n",
        ["control_offshore_inhouse", "(got 2)"],
    ),
    (
        "pay-below-zero",
        GOOD + "assumptions: {onshore_annual_pay: -50000..-1000}\n",
        ["onshore_annual_pay", "lower end -50,000", "> 0"],
    ),
    (
        "pay-1e308",
        GOOD + "assumptions: {onshore_annual_pay: 1e308}\n",
        ["onshore_annual_pay", "at most 2,000,000"],
    ),
    (
        "sigma-1000",
        GOOD + "assumptions:\n  offshore_wage_ratio: {dist: lognormal, median: 0.5, sigma: 1000}\n",
        ["offshore_wage_ratio", "largest draws reach inf"],
    ),
    (
        "fixed-correlated",
        GOOD + "correlations:\n  - {between: [discount_rate, vendor_margin], rho: 0.4}\n",
        ["correlations.0.between", "not uncertain"],
    ),
    ("duplicate-key", GOOD.replace("fte: 4", "fte: 10, fte: 99"), ["fte", "given twice"]),
    (
        "horizon-short",
        GOOD + "horizon_months: 6\n",
        ["horizon_months", "before the work does", "at least 8"],
    ),
    ("missing-rate-card", GOOD + "rate_card: nowhere.csv\n", ["rate_card", "not found"]),
    (
        "deep-nesting",
        "name: " + "[" * 5000 + "]" * 5000 + "\n",
        ["nested"],
    ),
]


@pytest.mark.parametrize(("label", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_exits_2_and_names_the_field(
    tmp_path: Path, label: str, content: str | bytes, expected: list[str]
) -> None:
    suffix = ".toml" if "toml" in label else ".yaml"
    path = tmp_path / f"{label}{suffix}"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    checked = run_main("validate", str(path))
    compared = run_main("compare", str(path), "--samples", "20", "--format", "json")
    for result in (checked, compared):
        assert result.code == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert "internal error" not in result.stderr
        assert result.stdout == ""  # nothing written
        assert str(path) in result.message
        for fragment in expected:
            assert fragment in result.message, (fragment, result.message)
    assert checked.stderr == compared.stderr  # validate and compare agree


def test_missing_file(tmp_path: Path) -> None:
    result = run_subprocess("compare", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2
    assert "file not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(
        "name: x\nhome_country: US\nworkstreams:\n"
        "  - {name: a, fte: -1, duration_months: 0}\nweights: {risk: -2}\n"
    )
    result = run_subprocess("validate", str(path))
    assert result.returncode == 2
    message = " ".join(result.stderr.split())
    for field in ("workstreams.0.fte", "workstreams.0.duration_months", "weights.risk"):
        assert field in message
    assert "3 problems" in message


def test_good_file_validates(tmp_path: Path) -> None:
    path = tmp_path / "good.yaml"
    path.write_text(GOOD)
    result = run_main("validate", str(path))
    assert result.code == 0, result.stderr
    assert "valid" in result.stdout


def test_usage_error_is_exit_2_without_traceback() -> None:
    result = run_subprocess("compare", "--samples", "-5", "x.yaml")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_the_docs_error_example_is_what_validate_says(tmp_path: Path) -> None:
    path = tmp_path / "my.yaml"
    path.write_text(
        "name: Payments platform\nhome_country: US\noffshore_countries: [ZZ]\n"
        "workstreams:\n  - {name: core platform, fte: -3, duration_months: 36}\n"
        "assumptions:\n  vendor_margin: 60%..20%\n"
        "  offshore_team_productivity: {dist: normal, mean: 0.8, sd: 0.1}\n"
    )
    result = run_main("validate", str(path))
    docs = (Path(__file__).resolve().parents[2] / "docs" / "scenario-format.md").read_text()
    example = docs.split("## Errors", 1)[1].split("```text", 1)[1].split("```", 1)[0]
    shown = " ".join(example.replace("my.yaml", str(path)).split()).replace(": ...", "")
    assert result.code == 2
    for line in shown.split(" - "):
        assert line.strip() in result.message, line


def test_an_absurd_result_is_refused_not_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The output guard: if the model ever produced a NaN, the command says so (exit 2)
    instead of writing it."""
    from shorewise.results.result import Result

    real = Result.to_dict

    def broken(self: Result) -> dict[str, object]:
        data = real(self)
        data["plan"]["npv_cost"]["p50"] = float("nan")  # type: ignore[index]
        return data

    monkeypatch.setattr(Result, "to_dict", broken)
    path = tmp_path / "ok.yaml"
    path.write_text(GOOD)
    for fmt in ("json", "table", "markdown"):
        result = run_main("compare", str(path), "--samples", "20", "--format", fmt)
        assert result.code == 2, result.stderr
        assert result.stdout == ""
        assert "plan.npv_cost.p50: not a finite number (nan)" in result.message
