"""The workbook recalculated in a real headless LibreOffice is the engine: after editing its
inputs it gives the engine's ``--samples 0`` numbers for the same scenario, to the cent, with
no formula error anywhere. (The driver: ``libreoffice_driver.py``; ``-m libreoffice``.)"""

from __future__ import annotations

import functools
import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.report.conftest import EXAMPLES, comparison, rendered
from tests.report.libreoffice import recalculate
from tests.report.test_report_excel import check_against, summary_table, workbooks

from shorewise.io.scenario_file import scenario_from_text
from shorewise.report.excel_layout import cell_name
from shorewise.workflows.evaluate import evaluate
from shorewise.workflows.examples import example_path

pytestmark = pytest.mark.libreoffice

EDITS: dict[str, tuple[str, dict[str, Any], dict[str, Any]]] = {
    # case: (example, workbook edits (defined name -> value), the same change in the scenario)
    "duration 36 -> 48": (
        "core-platform", {"workstream1_duration_months": 48},
        {"workstreams": [{"duration_months": 48}]},
    ),
    "the longest work, 240 months": (
        "core-platform", {"workstream1_duration_months": 240},
        {"workstreams": [{"duration_months": 240}]},
    ),
    "a shorter duration, 9 months": (
        "core-platform", {"workstream1_duration_months": 9},
        {"workstreams": [{"duration_months": 9}]},
    ),
    "wage ratio in Vietnam 30 %": (
        "core-platform", {"offshore_wage_ratio_VN": 0.3},
        {"assumptions": {"offshore_wage_ratio@VN": 0.3}},
    ),
    "8 -> 16 FTE switches the route in Vietnam": (  # entity running 3-8k/month (issue 11)
        "core-platform", {"workstream1_fte": 16}, {"workstreams": [{"fte": 16}]},
    ),
    "vendor margin 55 % and discount rate 12 %": (
        "core-platform", {"vendor_margin": 0.55, "discount_rate": 0.12},
        {"assumptions": {"vendor_margin": 0.55, "discount_rate": 0.12}},
    ),
    "staffing rule: equal headcount": (
        "core-platform", {"equal_output": 0}, {"staffing": "equal_headcount"},
    ),
    "a horizon past the work": (
        "core-platform", {"horizon_months": 60, "workstream1_start_month": 6},
        {"horizon_months": 60, "workstreams": [{"start_month": 6}]},
    ),
    "cost of delay priced, own entity forced": (
        "core-platform", {"cost_of_delay_per_fte_month": 9000, "offshore_route": "entity"},
        {"assumptions": {"cost_of_delay_per_fte_month": 9000}, "offshore_route": "entity"},
    ),
    "second workstream later and longer, employer of record forced": (
        "two-workstreams",
        {"workstream2_start_month": 10, "workstream2_duration_months": 30, "offshore_route": "eor"},
        {"workstreams": [{}, {"start_month": 10, "duration_months": 30}], "offshore_route": "eor"},
    ),
    "the plan's load: 20 FTE puts both countries on an own entity": (
        "two-workstreams", {"workstream1_fte": 20}, {"workstreams": [{"fte": 20}]},
    ),
    "own entity forced, shared by two workstreams of other sizes": (
        "two-workstreams", {"workstream2_fte": 7, "offshore_route": "entity"},
        {"workstreams": [{}, {"fte": 7}], "offshore_route": "entity"},
    ),
    "a mix's shares 20/80 -> 50/50": ("leads-at-home-mix", {"share:0": 0.5, "share:1": 0.5},
                                     {"mix_shares": [0.5, 0.5]}),
}  # fmt: skip


def _edited(name: str, change: dict[str, Any]) -> Any:
    """The example's scenario with ``change`` applied, evaluated at central values."""
    data = yaml.safe_load(example_path(name).read_text())
    for key, value in change.items():
        if key == "workstreams":
            for ws, update in zip(data["workstreams"], value, strict=False):
                ws.update(update)
        elif key == "assumptions":
            data.setdefault("assumptions", {}).update(value)
        elif key == "mix_shares":
            shares = data["mixes"][0]["shares"]
            data["mixes"][0]["shares"] = dict(zip(shares, value, strict=True))
        else:
            data[key] = value
    return evaluate(scenario_from_text(yaml.safe_dump(data)), samples=0)


@functools.cache
def _places(name: str) -> dict[str, Any]:
    """Where the checked cells are: the Summary's table, cheapest options, plan totals, each
    option sheet's route cells and a mix's share cells."""
    formulas = workbooks(name)[1]
    header, heads = summary_table(formulas["Summary"])
    n = len(comparison(name).strategies)
    ws = formulas["Summary"]
    labels = {str(r[0].value): r[0].row for r in ws.iter_rows(max_col=1) if r[0].value}
    per_ws = next(r for t, r in labels.items() if t.startswith("Per workstream"))
    workstreams = len(comparison(name).workstreams)
    routes, shares = {}, {}
    for sheet in formulas.sheetnames[3:-1]:
        for row in formulas[sheet].iter_rows(max_col=2):
            text = str(row[1].value or "")
            if text.endswith("own entity (1) or employer of record (0)"):
                routes[sheet] = f"C{row[1].row}"
            if (
                text == "share of the workstream's capacity"
                and sheet.startswith("mix")
                and not shares
            ):
                cells = formulas[sheet][row[1].row][2:]
                shares = {i: (sheet, c.coordinate) for i, c in enumerate(cells)
                          if isinstance(c.value, float)}  # fmt: skip

    def row_of(start: str) -> int:
        return next(r for t, r in labels.items() if t.startswith(start))

    return {
        "header": header,
        "heads": heads,
        "rows": n,
        "cheapest": [f"B{per_ws + 2 + w}" for w in range(workstreams)],
        "plan": f"E{row_of('Plan total, the recommended')}",
        "plan_cheapest": f"E{row_of('Plan total, the cheapest')}",
        "routes": routes,
        "shares": shares,
        "sheets": formulas.sheetnames[3:-1],
    }  # fmt: skip


def _reads(name: str) -> list[dict[str, str]]:
    p = _places(name)
    cells = [cell_name(p["header"] + 1 + i, col) for i in range(p["rows"]) for col in range(4, 9)]
    cells += [*p["cheapest"], p["plan"], p["plan_cheapest"]]
    out = [{"sheet": "Summary", "cell": c} for c in cells]
    return out + [{"sheet": s, "cell": c} for s, c in p["routes"].items()]


def _edits(name: str, edits: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for key, value in edits.items():
        if key.startswith("share:"):
            sheet, cell = _places(name)["shares"][int(key.partition(":")[2])]
            out.append({"sheet": sheet, "cell": cell, "value": value})
        else:
            out.append({"name": key, "value": value})
    return out


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Every job of this module in one LibreOffice session: each example recalculated as it
    is, and each edit case."""
    folder = Path(tmp_path_factory.mktemp("workbooks"))
    paths = {}
    for name in EXAMPLES:
        paths[name] = folder / f"{name}.xlsx"
        paths[name].write_bytes(rendered(name, "xlsx"))
    jobs = [{"path": str(paths[n]), "diff": True, "scan": True} for n in EXAMPLES]
    for name, edits, _ in EDITS.values():
        jobs.append({"path": str(paths[name]), "read": _reads(name),
                     "edits": _edits(name, edits), "scan": True})  # fmt: skip
    results = recalculate(jobs)
    out = {f"as written: {n}": r for n, r in zip(EXAMPLES, results, strict=False)}
    out.update(zip(EDITS, results[len(EXAMPLES) :], strict=True))
    return out


@pytest.mark.parametrize("name", EXAMPLES)
def test_recalculating_changes_no_stored_value_and_no_cell_errs(
    office: dict[str, dict[str, Any]], name: str
) -> None:
    """The stored values are what LibreOffice computes: viewers that do not recalculate show
    the engine's numbers, and no cell anywhere holds an error."""
    result = office[f"as written: {name}"]
    assert result["errors"] == []
    assert result["changed"] == 0, result["first_changes"]


@pytest.mark.parametrize("case", list(EDITS))
def test_edited_workbook_recalculates_like_the_engine(
    office: dict[str, dict[str, Any]], case: str
) -> None:
    name, _, change = EDITS[case]
    result = office[case]
    assert result["errors"] == []
    engine = _edited(name, change)
    p = _places(name)
    values = result["values"]
    n = p["rows"]
    figures = [dict(zip(("total cost", "NPV", "effective FTE-months",
                         "cost per effective FTE-month", "months to target"),
                        values[5 * i : 5 * i + 5], strict=True)) for i in range(n)]  # fmt: skip
    check_against(figures, engine)
    rest = values[5 * n :]
    for w, got in enumerate(rest[: len(p["cheapest"])]):
        assert got == _cheapest(engine, w)
    original = comparison(name)
    rows = [(r.workstream, r.option) for r in engine.strategies]
    picks = original.recommendation.by_workstream
    chosen = [rows.index((rec.workstream, rec.option)) for rec in picks]
    plan = sum(engine.live.run.metrics[i].total_cost[0] for i in chosen)
    assert rest[len(p["cheapest"])] == pytest.approx(plan, abs=0.01)
    routes = dict(zip(p["routes"], rest[len(p["cheapest"]) + 2 :], strict=True))
    for sheet, got in routes.items():
        alt = engine.live.alternatives[p["sheets"].index(sheet)]
        expected = [c.route.value for c in alt.components if c.route]
        assert got == (1.0 if expected == ["entity"] else 0.0), sheet


def _cheapest(engine: Any, w: int) -> str:
    """The eligible option of workstream ``w`` with the lowest cost per effective FTE-month."""
    best, label = math.inf, "none"
    name = engine.workstreams[w].name
    for row, m in zip(engine.strategies, engine.live.run.metrics, strict=True):
        cpe = m.cost_per_effective_fte_month[0]
        if row.workstream == name and row.eligible and cpe < best:
            best, label = cpe, row.label
    return label


def test_the_cases_change_what_they_claim(office: dict[str, dict[str, Any]]) -> None:
    """The edit cases are not vacuous: the route in Vietnam flips with the team size, and a
    longer duration costs more (the old workbook's bugs)."""
    base = _edited("core-platform", {})
    bigger = _edited("core-platform", {"workstreams": [{"fte": 16}]})
    vn = [r.option for r in base.strategies].index("offshore_inhouse@VN")

    def route(c: Any) -> Any:
        return c.live.alternatives[vn].components[0].route

    assert route(base) != route(bigger)
    plan = _edited("two-workstreams", {"workstreams": [{"fte": 6}]})
    larger = _edited("two-workstreams", {"workstreams": [{"fte": 20}]})
    assert {r.route for r in plan.routes} == {"eor"}
    assert {r.route for r in larger.routes} == {"entity"}
    longer = _edited("core-platform", {"workstreams": [{"duration_months": 48}]})
    for short, long in zip(base.live.run.metrics, longer.live.run.metrics, strict=True):
        assert long.total_cost[0] > short.total_cost[0]
    ratio = _edited("core-platform", {"assumptions": {"offshore_wage_ratio@VN": 0.3}})
    before = base.live.run.metrics[vn].total_cost[0]
    assert ratio.live.run.metrics[vn].total_cost[0] != pytest.approx(before)
