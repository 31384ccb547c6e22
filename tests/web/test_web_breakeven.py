"""The two-option break-even in the web app: picked by label from a run's page, worked out
by the queue from the run's own seed and draws, shown in words and numbers; bad choices
answer 4xx with a message, never 500."""

from __future__ import annotations

import re
from html import unescape

import httpx
import pytest
from tests.human_text import ids_in
from tests.web.conftest import example_text, wait_for_job

from shorewise.io.scenario_file import load_scenario
from shorewise.web.breakeven import answer_words
from shorewise.workflows.decide import breakeven
from shorewise.workflows.evaluate import evaluate
from shorewise.workflows.examples import example_path

YAML = {"content-type": "application/yaml"}
SAMPLES = 300


def _token(client: httpx.Client) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/scenarios/new").text)
    assert match
    return match[1]


def _run(client: httpx.Client, example: str = "core-platform") -> dict[str, int]:
    scenario = client.post("/api/scenarios", content=example_text(example), headers=YAML)
    run = client.post(f"/api/scenarios/{scenario.json()['id']}/runs", params={"samples": SAMPLES})
    assert run.status_code in (200, 201), run.text
    return {"run_id": int(run.json()["run_id"]), "seed": int(run.json()["seed"])}


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_the_break_even_of_two_options_in_words_and_numbers(client: httpx.Client) -> None:
    run = _run(client)
    run_id = run["run_id"]
    assert f'href="/runs/{run_id}/breakeven"' in client.get(f"/runs/{run_id}").text
    page = client.get(f"/runs/{run_id}/breakeven")
    assert page.status_code == 200
    assert "<option selected>Dedicated team in Vietnam</option>" in page.text  # the pick first
    assert ids_in(_text(page.text)) == []  # labels only, never an id
    form = {
        "csrf_token": _token(client),
        "workstream": "core platform",
        "a": "Dedicated team in Vietnam",
        "b": "In-house team at home",
    }
    queued = client.post(f"/runs/{run_id}/breakeven", data=form)
    assert queued.status_code == 303
    job_id = queued.headers["location"].rsplit("/", 1)[1]
    assert wait_for_job(client, job_id)["state"] == "done"
    done = client.get(f"/jobs/{job_id}")
    assert done.status_code == 303
    assert done.headers["location"] == f"/runs/{run_id}/breakeven?job={job_id}#answer"
    answer = _text(client.get(f"/runs/{run_id}/breakeven", params={"job": job_id}).text)

    live = evaluate(load_scenario(example_path("core-platform")), samples=SAMPLES, seed=run["seed"])
    expected = breakeven(live, "offshore_inhouse@VN", "onshore_inhouse", sweep=False)
    words = answer_words(expected.to_dict())
    assert words["headline"] in answer
    assert words["never"] in answer
    for what, value in words["rows"]:
        assert f"{what} {value}" in answer
    assert ids_in(answer) == []
    # the answer says a month: the team abroad, cheaper per unit, overtakes the home team
    assert expected.months.p50 > 0
    assert f"month {expected.months.p50:.0f} of the work" in answer


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"a": "Vendor on Mars", "b": "In-house team at home"}, "choose one of: In-house team"),
        ({"a": "offshore_inhouse@VN", "b": "In-house team at home"}, "no option"),
        ({"a": "Vendor in Poland", "b": "Vendor in Poland"}, "two different options"),
        ({"workstream": "moon base", "a": "Vendor in Poland", "b": "Vendor at home"}, "moon base"),
        ({}, "no option"),
    ],
)
def test_a_bad_choice_answers_422_with_a_message(
    client: httpx.Client, form: dict[str, str], message: str
) -> None:
    run_id = _run(client)["run_id"]
    answer = client.post(f"/runs/{run_id}/breakeven", data={"csrf_token": _token(client), **form})
    assert answer.status_code == 422
    assert message in unescape(answer.text)


def test_an_unknown_job_or_run_answers_404(client: httpx.Client) -> None:
    run_id = _run(client)["run_id"]
    for url in (
        f"/runs/{run_id}/breakeven?job=nonsense",
        f"/runs/{run_id}/breakeven?job={'x' * 300}",
        "/runs/999999/breakeven",
    ):
        answer = client.get(url)
        assert answer.status_code in (404, 422), (url, answer.status_code)
        assert answer.status_code != 500
    token = _token(client)
    report = client.post(f"/runs/{run_id}/reports", data={"csrf_token": token, "format": "md"})
    job_id = report.headers["location"].rsplit("/", 1)[1]
    wait_for_job(client, job_id)
    other = client.get(f"/runs/{run_id}/breakeven", params={"job": job_id})
    assert other.status_code == 404
    assert "not a break-even" in unescape(other.text)


@pytest.mark.parametrize(
    ("months", "never", "headline", "never_text"),
    [
        (
            {"p10": 1.0, "p50": 2.0, "p90": 3.0},
            0.0,
            "from month 2 of the work and stays so (P50; P10 month 1, P90 month 3).",
            "It breaks even within the work in every one of the 10,000 draws.",
        ),
        (
            {"p10": 4.0, "p50": None, "p90": None},
            0.85,
            "within the work in most draws; where it does, from month 4 of the work at P10.",
            "In 85% of the 10,000 draws it never does within the work.",
        ),
        (
            {"p10": None, "p50": None, "p90": None},
            1.0,
            "The vendor in Poland never becomes cheaper per effective FTE-month than the "
            "in-house team at home within the work.",
            "None of the 10,000 draws breaks even within the work.",
        ),
    ],
)
def test_the_answer_in_words(
    months: dict[str, float | None], never: float, headline: str, never_text: str
) -> None:
    words = answer_words(
        {
            "a": "offshore_outsource@PL",
            "b": "onshore_inhouse",
            "workstream": "app",
            "breakeven_month": months,
            "never_share": never,
            "draws": 10_000,
        }
    )
    assert words["headline"].startswith("The vendor in Poland ")
    assert words["headline"].endswith(headline)
    assert words["never"] == never_text
    assert words["a"] == "Vendor in Poland"
    assert dict(words["rows"])["P50 (the median)"] == (
        "never" if months["p50"] is None else "month 2"
    )
