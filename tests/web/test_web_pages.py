"""HTML pages without a browser: forms with CSRF tokens, inline errors, escaping, imports."""

from __future__ import annotations

import re
import time

import httpx
import pytest
from tests.web.conftest import example_text

from shorewise.web.forms import data_to_form, form_to_data

YAML = {"content-type": "application/yaml"}


def _token(client: httpx.Client) -> str:
    page = client.get("/scenarios/new")
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match, "every form carries a CSRF token"
    assert client.cookies.get("shorewise_csrf") == match[1]
    return match[1]


def _form(token: str, **fields: str) -> dict[str, str]:
    base = {
        "csrf_token": token,
        "mode": "form",
        "name": "Form scenario",
        "home_country": "US",
        "offshore_countries": "VN, PL",
        "company.tech_company": "true",
        "policy.never_outsource_core": "true",
        "workstreams.0.name": "app",
        "workstreams.0.fte": "4",
        "workstreams.0.duration_months": "12",
        "workstreams.0.scope_volatility": "medium",
        "assumptions.0.key": "offshore_wage_ratio",
        "assumptions.0.value": "30%..70%",
        "simulation.samples": "500",
    }
    base.update(fields)
    return base


def test_form_posts_need_the_csrf_token(client: httpx.Client) -> None:
    token = _token(client)
    missing = client.post("/scenarios", data=_form("wrong-token"))
    assert missing.status_code == 403
    ok = client.post("/scenarios", data=_form(token))
    assert ok.status_code == 303
    assert re.fullmatch(r"/scenarios/\d+", ok.headers["location"])


def test_an_invalid_form_shows_each_error_on_its_field(client: httpx.Client) -> None:
    token = _token(client)
    fields = _form(
        token,
        **{
            "workstreams.0.fte": "-3",
            "workstreams.7.name": "second",
            "workstreams.7.duration_months": "twelve",
            "assumptions.0.value": "{dist: pert, low: 0.2",
            "home_country": "ZZ",
        },
    )
    page = client.post("/scenarios", data=fields)
    assert page.status_code == 422
    html = page.text
    for field in (
        "workstreams.0.fte",
        "workstreams.1.duration_months",
        "assumptions.offshore_wage_ratio",
    ):
        assert f'id="err-{field}"' in html, field
    assert 'id="f-workstreams.0.fte" name="workstreams.0.fte" type="text" value="-3"' in html
    assert 'aria-invalid="true"' in html


def test_a_country_error_is_reported_on_the_country_field(client: httpx.Client) -> None:
    page = client.post("/scenarios", data=_form(_token(client), home_country="ZZ"))
    assert page.status_code == 422
    assert 'id="err-home_country"' in page.text


def test_yaml_tab_saves_and_edits_make_versions(client: httpx.Client) -> None:
    token = _token(client)
    created = client.post(
        "/scenarios", data={"csrf_token": token, "mode": "yaml", "yaml": example_text()}
    )
    assert created.status_code == 303
    url = created.headers["location"]
    edit = client.get(url + "/edit")
    assert "Payments platform" in edit.text
    assert 'name="base_version" value="1"' in edit.text
    edited = example_text().replace("fte: 8", "fte: 9")
    fields = {"csrf_token": token, "mode": "yaml", "yaml": edited, "base_version": "1"}
    saved = client.post(url, data=fields)
    assert saved.status_code == 303
    page = client.get(url)
    assert "version 2 of 2" in page.text
    assert "fte: 9" in page.text
    assert "fte: 8" in client.get(url, params={"version": 1}).text


def test_htmx_saves_redirect_with_a_header(client: httpx.Client) -> None:
    token = _token(client)
    response = client.post(
        "/scenarios", data=_form(token), headers={"hx-request": "true", "x-csrf-token": token}
    )
    assert response.status_code == 200
    assert response.headers["hx-redirect"].startswith("/scenarios/")


def test_everything_is_escaped(client: httpx.Client) -> None:
    text = example_text().replace("name: Payments platform", 'name: "<script>alert(1)</script>"')
    scenario_id = client.post("/api/scenarios", content=text, headers=YAML).json()["id"]
    page = client.get(f"/scenarios/{scenario_id}")
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    listing = client.get("/")
    assert "<script>alert(1)</script>" not in listing.text


def test_import_reads_only_the_uploaded_content(client: httpx.Client) -> None:
    token = _token(client)
    files = {"file": ("../../../etc/passwd.yaml", example_text().encode(), "application/yaml")}
    done = client.post("/import", data={"csrf_token": token}, files=files)
    assert done.status_code == 303
    assert "Payments platform" in client.get(done.headers["location"]).text
    broken = {"file": ("broken.yaml", b"name: [unclosed", "application/yaml")}
    page = client.post("/import", data={"csrf_token": token}, files=broken)
    assert page.status_code == 422
    assert "broken YAML" in page.text
    assert 'data-tab="yaml"' in page.text
    binary = {"file": ("x.yaml", b"\xff\xfe\x00junk", "application/yaml")}
    assert client.post("/import", data={"csrf_token": token}, files=binary).status_code == 422


def test_examples_are_offered_by_name_only(client: httpx.Client) -> None:
    assert "Payments platform" in client.get("/scenarios/new?example=core-platform").text
    outside = client.get("/scenarios/new", params={"example": "../../../../etc/passwd"})
    assert outside.status_code == 200
    assert "root:" not in outside.text


def test_run_page_flow_and_compare(client: httpx.Client) -> None:
    token = _token(client)
    ids = []
    for fte in ("8", "10"):
        text = example_text().replace("fte: 8", f"fte: {fte}")
        ids.append(client.post("/api/scenarios", content=text, headers=YAML).json()["id"])
    started = client.post(
        f"/scenarios/{ids[0]}/run", data={"csrf_token": token, "samples": "300", "seed": "3"}
    )
    assert started.status_code == 303
    run_url = _follow_job(client, started.headers["location"])
    assert run_url.startswith("/runs/")
    results = client.get(run_url)
    assert 'id="recommendation"' in results.text
    assert 'data-vega="spec-cumulative-0"' in results.text
    assert "Team abroad, route per country" in results.text
    assert "Vietnam: employer of record (288 head-months planned" in results.text
    too_many = client.post(
        f"/scenarios/{ids[0]}/run", data={"csrf_token": token, "samples": "50000"}
    )
    assert too_many.status_code == 422
    runs_before = [len(client.get(f"/api/scenarios/{i}/runs").json()) for i in ids]
    offered = client.get("/compare", params={"scenarios": ids})
    assert offered.status_code == 200  # the second scenario has no run: a button, no run
    assert 'id="run-missing"' in offered.text
    assert [len(client.get(f"/api/scenarios/{i}/runs").json()) for i in ids] == runs_before
    queued = client.post("/compare", data={"csrf_token": token, "scenarios": [str(i) for i in ids]})
    assert queued.status_code == 303
    compare_url = _follow_job(client, queued.headers["location"])
    assert compare_url.startswith("/compare?runs=")
    page = client.get(compare_url)
    assert page.status_code == 200
    assert "fte: 10" in page.text
    again = client.get("/compare", params={"scenarios": ids})  # both have runs now
    assert again.status_code == 303
    assert again.headers["location"] == compare_url


def _follow_job(client: httpx.Client, job_url: str) -> str:
    """Poll a job page until it redirects to its result; returns where to."""
    for _ in range(1200):
        page = client.get(job_url)
        if page.status_code == 303:
            return str(page.headers["location"])
        assert page.status_code == 200
        assert 'data-job-state="failed"' not in page.text, page.text
        time.sleep(0.1)
    raise AssertionError(f"{job_url} did not finish")


@pytest.mark.parametrize(
    "path", ["/", "/assumptions", "/import", "/compare", "/docs", "/scenarios/new?tab=yaml"]
)
def test_pages_render(client: httpx.Client, path: str) -> None:
    assert client.get(path).status_code == 200


def test_unknown_things_are_404_pages(client: httpx.Client) -> None:
    for path in ("/scenarios/999999", "/runs/999999", "/jobs/nope", "/no/such/page"):
        assert client.get(path).status_code == 404, path


def test_editor_fragments(client: httpx.Client) -> None:
    row = client.get("/editor/workstream", params={"index": 4})
    assert 'name="workstreams.4.duration_months"' in row.text
    token = _token(client)
    as_yaml = client.post("/editor/yaml", data=_form(token))
    assert "offshore_wage_ratio: 30%..70%" in as_yaml.text
    as_form = client.post("/editor/form", data={"csrf_token": token, "yaml": example_text()})
    assert 'value="Payments platform"' in as_form.text
    broken = client.post("/editor/form", data={"csrf_token": token, "yaml": "a: [b"})
    assert broken.headers["hx-reswap"] == "none"


def test_form_round_trip_keeps_what_the_form_has_no_field_for() -> None:
    data = {
        "name": "Mixed",
        "home_country": "US",
        "workstreams": [{"name": "w", "core": True, "team": {"backend": 4, "qa": 1}}],
        "assumptions": {"vendor_margin": {"dist": "pert", "low": 0.2, "mode": 0.3, "high": 0.5}},
        "mixes": [{"name": "m", "shares": {"onshore_inhouse": 0.2, "offshore_inhouse": 0.8}}],
        "simulation": {"samples": 100, "seed": 1, "method": "sobol"},
    }
    state = data_to_form(data)
    fields = {k: v for k, v in state.values.items() if v}
    fields |= {k: "true" for k, v in state.checks.items() if v}
    for i, w in enumerate(state.workstreams):
        fields |= {f"workstreams.{i}.{k}": str(v) for k, v in w.items() if k != "core" and v}
        if w["core"]:
            fields[f"workstreams.{i}.core"] = "true"
    for i, a in enumerate(state.assumptions):
        fields |= {f"assumptions.{i}.key": a["key"], f"assumptions.{i}.value": a["value"]}
    fields["other"] = state.other
    back, problems = form_to_data(fields)
    assert problems == []
    assert back["mixes"] == data["mixes"]
    assert back["simulation"] == data["simulation"]
    assert back["assumptions"] == data["assumptions"]
    assert back["workstreams"][0]["team"] == {"backend": 4, "qa": 1}
    assert back["workstreams"][0]["core"] is True


def test_trade_off_answers_travel_both_ways_and_errors_land_on_the_question(
    client: httpx.Client,
) -> None:
    answers = {"cost_vs_speed": "speed", "cost_vs_control": "equal"}
    state = data_to_form({"name": "T", "weight_answers": answers})
    assert state.values["weight_answers.cost_vs_speed"] == "speed"
    assert state.values["weight_answers.speed_vs_control"] == ""
    back, problems = form_to_data(
        {"name": "T", **{k: v for k, v in state.values.items() if k.startswith("weight_")}}
    )
    assert problems == []
    assert back["weight_answers"] == answers

    token = _token(client)
    editor = client.get("/scenarios/new").text
    assert "Would you rather pay 10 % less" in editor
    assert 'name="weight_answers.cost_vs_risk"' in editor
    saved = client.post(
        "/scenarios", data=_form(token, **{"weight_answers.cost_vs_speed": "speed"})
    )
    assert saved.status_code == 303
    yaml_text = client.get(saved.headers["location"] + "/download.yaml").text
    assert "weight_answers" in yaml_text
    assert "cost_vs_speed: speed" in yaml_text
    bad = client.post(
        "/scenarios",
        data=_form(token, **{"weight_answers.cost_vs_speed": "control", "weights.cost": "0.5"}),
    )
    assert bad.status_code == 422
    assert "cost_vs_speed" in bad.text
    assert "allowed: cost, speed or equal" in bad.text


def test_results_page_shows_what_to_find_out_and_still_offers_the_tornado(
    client: httpx.Client,
) -> None:
    token = _token(client)
    created = client.post("/api/scenarios", content=example_text(), headers=YAML).json()["id"]
    started = client.post(
        f"/scenarios/{created}/run", data={"csrf_token": token, "samples": "300", "seed": "5"}
    )
    html = client.get(_follow_job(client, started.headers["location"])).text
    assert 'id="weights-and-information"' in html
    assert "How the choice depends on the weights" in html
    assert 'data-vega="spec-weights-0"' in html
    assert 'data-vega="spec-value-for-money-0"' in html
    assert "/analyses" in html  # the tornado and sweep are still one click away
    section = html.split('id="weights-and-information"')[1].split("</section>")[0]
    assert not re.search(r"(onshore|offshore)_(inhouse|outsource)|@[A-Z]{2}\b", section)
