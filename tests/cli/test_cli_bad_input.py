"""Every kind of bad scenario file gives exit code 2 and a message naming the problem."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

GOOD = """\
name: ok
home_country: US
workstreams:
  - {name: app, fte: 4, duration_months: 8}
"""


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
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
    ("negative-weight", GOOD + "weights: {cost: -1}\n", ["weights.cost", "greater than or equal"]),
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
    result = run_cli("validate", str(path))
    assert result.returncode == 2, result.stderr
    message = " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
    assert str(path) in message
    for fragment in expected:
        assert fragment in message, (fragment, message)


def test_missing_file(tmp_path: Path) -> None:
    result = run_cli("compare", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2
    assert "file not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(
        "name: x\nhome_country: US\nworkstreams:\n"
        "  - {name: a, fte: -1, duration_months: 0}\nweights: {risk: -2}\n"
    )
    result = run_cli("validate", str(path))
    message = " ".join(result.stderr.split())
    for field in ("workstreams.0.fte", "workstreams.0.duration_months", "weights.risk"):
        assert field in message
    assert "3 problems" in message


def test_good_file_validates(tmp_path: Path) -> None:
    path = tmp_path / "good.yaml"
    path.write_text(GOOD)
    result = run_cli("validate", str(path))
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout


def test_usage_error_is_exit_2_without_traceback() -> None:
    result = run_cli("compare", "--samples", "-5", "x.yaml")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
