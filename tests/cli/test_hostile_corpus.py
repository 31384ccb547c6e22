"""A corpus of hostile scenario files: for every file, either a result with only finite,
sensible numbers, or exit code 2 with every problem named — and `validate` agrees with
`compare` on every file (issue #12).

The corpus is the kinds the issue lists, plus hypothesis-generated mutations of the
bundled examples (a value replaced, an assumption set, a key dropped or duplicated).
The CLI runs in this process with few samples, so the corpus stays fast.
"""

from __future__ import annotations

import copy
import json
import math
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.cli.in_process import Outcome, run_main

from shorewise.domain.catalogue import CATALOGUE
from shorewise.workflows.examples import example_path

EXAMPLES = ("core-platform", "retail-app", "two-workstreams", "leads-at-home-mix")
SAMPLES = 40
PERCENTILE_FIGURES = ("total_cost", "npv_cost", "effective_fte_months", "months_to_target")


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(example_path(name).read_text())
    data["simulation"] = {**data.get("simulation", {}), "samples": SAMPLES}
    return data


BASES = {name: _load(name) for name in EXAMPLES}

HOSTILE_VALUES = st.one_of(
    st.sampled_from(
        [
            -1,
            0,
            -2.5,
            1e308,
            -1e308,
            10**30,
            float("nan"),
            float("inf"),
            -float("inf"),
            "",
            "abc",
            "80%",
            "-30%..70%",
            "70%..30%",
            "1e400",
            [],
            {},
            None,
            True,
            {"dist": "normal", "mean": 0.5, "sd": 1},
            {"dist": "lognormal", "median": 1, "sigma": 50},
            {"dist": "pert", "low": 0, "mode": 2, "high": 1},
            {"dist": "uniform", "low": 0, "high": 1e300},
            "ZZ",
            ["VN", "VN"],
        ]
    ),
    st.floats(-1e6, 1e6, allow_nan=False),
    st.integers(-(10**6), 10**6),
)


def _in_range(name: str) -> st.SearchStrategy[Any]:
    """A value inside the allowed range of ``name`` (extremes included)."""
    allowed = CATALOGUE[name].allowed
    assert allowed is not None
    low = allowed.low if allowed.low is not None else 0.0
    high = allowed.high if allowed.high is not None else min(allowed.ceiling or 1.0, 1e5)
    lo = low + (1e-6 if allowed.low_open else 0.0)
    hi = high - (1e-6 if allowed.high_open else 0.0)
    point = st.floats(lo, hi, allow_nan=False)
    return st.one_of(
        st.sampled_from([lo, hi]),
        point,
        st.tuples(point, point).map(lambda p: f"{min(p)}..{max(p)}"),
    )


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in ``data`` (mapping keys and list indexes), leaves and branches."""
    found: list[tuple[Any, ...]] = []
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        path = (*prefix, key)
        found.append(path)
        if isinstance(value, dict | list):
            found.extend(_paths(value, path))
    return found


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


def _drop(data: Any, path: tuple[Any, ...]) -> None:
    target = data
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]


@st.composite
def mutated_files(draw: st.DrawFn) -> tuple[str, str]:
    """(label, YAML text): a bundled example with one to three mutations."""
    name = draw(st.sampled_from(EXAMPLES))
    data = copy.deepcopy(BASES[name])
    labels = [name]
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["replace", "assumption", "in_range", "drop"]))
        if kind in ("assumption", "in_range"):
            key = draw(st.sampled_from(sorted(CATALOGUE)))
            value = draw(HOSTILE_VALUES if kind == "assumption" else _in_range(key))
            data.setdefault("assumptions", {})
            if not isinstance(data["assumptions"], dict):
                data["assumptions"] = {}
            data["assumptions"][key] = value
            labels.append(f"assumptions.{key}={value!r}")
            continue
        paths = _paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        if kind == "drop":
            _drop(data, path)
            labels.append(f"drop {path}")
        else:
            value = draw(HOSTILE_VALUES)
            _set(data, path, value)
            labels.append(f"{path}={value!r}")
    simulation = data.get("simulation")
    samples = simulation.get("samples") if isinstance(simulation, dict) else None
    number = isinstance(samples, int | float) and not isinstance(samples, bool)
    if number and math.isfinite(samples) and samples > SAMPLES:  # type: ignore[arg-type,operator]
        simulation["samples"] = SAMPLES  # type: ignore[index]  # keep runs short
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    return "; ".join(labels), text


def _check_result(label: str, out: Outcome) -> None:
    """A result holds only finite numbers, costs >= 0, ordered percentiles, shares in [0, 1]."""
    data = json.loads(out.stdout)  # JSON itself refuses NaN here: allow_nan=False upstream

    def walk(value: Any, where: str) -> None:
        if isinstance(value, float):
            assert math.isfinite(value), (label, where, value)
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{where}.{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{where}.{i}")

    walk(data, "")
    assert data["strategies"], label
    for row in data["strategies"]:
        for figure in PERCENTILE_FIGURES:
            p = row[figure]
            if figure == "months_to_target":  # null: not reached in those draws
                ends = [math.inf if p[k] is None else p[k] for k in ("p10", "p50", "p90")]
                assert ends == sorted(ends), (label, row["option"], p)
                assert all(e == math.inf or 0 <= e <= data["horizon_months"] for e in ends), (
                    label,
                    row["option"],
                    p,
                )
                continue
            assert None not in p.values(), (label, row["option"], figure, p)
            assert p["p10"] <= p["p50"] + 1e-6, (label, p)
            assert p["p50"] <= p["p90"] + 1e-6, (label, p)
            assert p["p10"] >= 0, (label, row["option"], figure, p)
        for share in ("p_best", "control", "p_on_time", "reaches_target_share"):
            if row.get(share) is not None:
                assert 0.0 <= row[share] <= 1.0 + 1e-9, (label, share, row[share])
    plan = data["plan"]["total_cost"]
    assert plan is None or plan["p50"] >= 0, label


def check_file(label: str, path: Path) -> Outcome:
    """Run validate and compare on one file and check they agree, whatever the file."""
    checked = run_main("validate", str(path))
    compared = run_main("compare", str(path), "--format", "json")
    for out in (checked, compared):
        assert out.code in (0, 2), (label, out.code, out.stderr)
        assert "Traceback" not in out.stderr, label
        assert "internal error" not in out.stderr, label
    assert checked.code == compared.code, (label, checked.stderr, compared.stderr)
    if checked.code == 2:
        assert checked.stderr == compared.stderr, label  # the same problems, word for word
        assert compared.stdout == "", label  # nothing half-written
        assert str(path) in checked.message, (label, checked.message)
        problems = [line for line in checked.stderr.splitlines() if line.startswith("  - ")]
        count = re.search(r"(\d+) problems? in", checked.stderr.splitlines()[0])
        if count:  # "N problems in ...": N named problems follow, each with its field
            assert int(count.group(1)) == len(problems), (label, checked.stderr)
    else:
        _check_result(label, compared)
    return compared


# --- the issue's kinds ------------------------------------------------------------------

GOOD = "name: ok\nhome_country: US\nworkstreams:\n  - {name: app, fte: 4, duration_months: 8}\n"
SIM = f"simulation: {{samples: {SAMPLES}}}\n"
BIG = (
    "name: big\nhome_country: US\noffshore_countries: [VN, PL]\nworkstreams:\n"
    + "".join(f"  - {{name: w{i}, fte: 5, duration_months: 240}}\n" for i in range(50))
    + "simulation: {samples: 200000}\n"
)
ISSUE_FILES: dict[str, tuple[str, list[str]]] = {
    "negative margin": (GOOD + SIM + "assumptions: {vendor_margin: -2}\n", ["vendor_margin"]),
    "discount -1": (GOOD + SIM + "assumptions: {discount_rate: -1}\n", ["discount_rate"]),
    "negative productivity": (
        GOOD + SIM + "assumptions: {onshore_vendor_productivity: -0.8}\n",
        ["onshore_vendor_productivity"],
    ),
    "control 200 %": (GOOD + SIM + "assumptions: {control_onshore_outsource: 200%}\n", ["control"]),
    "pay below zero": (
        GOOD + SIM + "assumptions: {onshore_annual_pay: -90000..-10000}\n",
        ["onshore_annual_pay"],
    ),
    "pay 1e308": (
        GOOD + SIM + "assumptions: {onshore_annual_pay: 1e308}\n",
        ["onshore_annual_pay"],
    ),
    "sigma 1000": (
        GOOD
        + SIM
        + "assumptions:\n  offshore_wage_ratio: {dist: lognormal, median: .5, sigma: 1000}\n",
        ["offshore_wage_ratio"],
    ),
    "bad correlation": (
        GOOD + SIM + "correlations:\n  - {between: [vendor_margin, vendor_margin], rho: 0.5}\n",
        ["correlations.0.between"],
    ),
    "unknown country and more": (
        GOOD.replace("fte: 4", "fte: -4") + SIM + "offshore_countries: [ZZ]\ncurrency: EUR\n",
        ["offshore_countries.0", "workstreams.0.fte"],
    ),
    "duplicate keys": (GOOD.replace("fte: 4", "fte: 10, fte: 99") + SIM, ["given twice"]),
    "short horizon": (GOOD + SIM + "horizon_months: 4\n", ["horizon_months"]),
    "34 GB run": (BIG, ["simulation.samples", "samples fit"]),
    "1e9 samples": (GOOD + "simulation: {samples: 1000000000}\n", ["simulation.samples"]),
    "nan fte": (GOOD.replace("fte: 4", "fte: .nan") + SIM, ["workstreams.0.fte"]),
    "deep json": ('{"name": ' + "[" * 3000 + "]" * 3000 + "}", ["nested"]),
}


def test_the_issues_hostile_files(tmp_path: Path) -> None:
    for label, (text, fragments) in ISSUE_FILES.items():
        suffix = ".json" if label.startswith("deep json") else ".yaml"
        path = tmp_path / f"{label.replace(' ', '-')}{suffix}"
        path.write_text(text)
        out = check_file(label, path)
        assert out.code == 2, (label, out.stdout[:200])
        for fragment in fragments:
            assert fragment in out.message, (label, fragment, out.message)


def test_the_bundled_examples_give_sensible_results(tmp_path: Path) -> None:
    for name, data in BASES.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False))
        assert check_file(name, path).code == 0, name


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_files())
def test_mutated_examples_give_a_result_or_exit_2(case: tuple[str, str]) -> None:
    label, text = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mutated.yaml"
        path.write_text(text)
        check_file(label, path)
