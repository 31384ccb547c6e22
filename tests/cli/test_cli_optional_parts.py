"""The whole application after `make demo`; a bare install names the extra it lacks."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from tests.cli.in_process import run_main

from shorewise.cli.extras import EXTRA_MODULES, extra_for, missing_part_message

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(ROOT / "examples" / "retail-app.yaml")


def _requirement_name(req: str) -> str:
    return re.split(r"[\[<>=! ;]", req, maxsplit=1)[0].lower().replace("_", "-")


@pytest.mark.parametrize("extra", ["report", "web", "frame"])
def test_every_requirement_of_an_extra_is_named_by_its_modules(extra: str) -> None:
    """Each distribution an extra installs has a top-level module that names that extra
    (or, for the web, the report extra it includes)."""
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    modules_of: dict[str, set[str]] = {}
    for module, dists in packages_distributions().items():
        for dist in dists:
            modules_of.setdefault(dist.lower().replace("_", "-"), set()).add(module)
    for req in meta["optional-dependencies"][extra]:
        name = _requirement_name(req)
        if name == "shorewise":
            continue
        extras = {extra_for(m) for m in modules_of.get(name, set())}
        assert extras & {extra, "report"}, f"{name} ({sorted(modules_of.get(name, []))})"


def test_core_modules_are_not_an_extra() -> None:
    for module in ("numpy", "scipy", "pydantic", "yaml", "typer", "rich", "babel"):
        assert extra_for(module) is None
    assert missing_part_message("numpy") is None
    assert set(EXTRA_MODULES) == {"report", "web", "frame"}


def _block(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    """Make ``modules`` unimportable, as in an install without their extra."""
    for name in list(sys.modules):
        if name.partition(".")[0] in modules:
            monkeypatch.delitem(sys.modules, name)
    for name in modules:
        monkeypatch.setitem(sys.modules, name, None)  # import raises ModuleNotFoundError


def test_a_pdf_without_the_report_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _block(monkeypatch, "vl_convert", "weasyprint")
    out = tmp_path / "board.pdf"
    outcome = run_main("report", EXAMPLE, "-o", str(out), "--samples", "200")
    assert outcome.code == 3
    assert "pip install 'shorewise[report]'" in outcome.message
    assert "bug" not in outcome.message
    assert "Traceback" not in outcome.stderr
    assert not out.exists()


def test_serve_without_the_web_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _block(monkeypatch, "uvicorn")
    outcome = run_main("serve", "--no-open", "--port", "8799")
    assert outcome.code == 3
    assert "pip install 'shorewise[web]'" in outcome.message
    assert "uvicorn" in outcome.message
    assert "bug" not in outcome.message


def test_an_unexpected_missing_module_is_still_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    from shorewise.cli import app as cli_app

    def broken() -> None:
        raise ModuleNotFoundError("No module named 'nowhere'", name="nowhere")

    monkeypatch.setattr(cli_app, "app", broken)
    outcome = run_main("demo")
    assert outcome.code == 1
    assert "This is a bug in shorewise" in outcome.message


def test_make_demo_installs_reports_and_the_web_app() -> None:
    """`make demo` (dry run, as from a fresh clone) installs the report and web extras
    before it runs the demo."""
    # under `make test` the parent make's MAKELEVEL/MAKEFLAGS would add "Entering directory"
    env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
    plan = subprocess.run(
        ["make", "--no-print-directory", "-n", "-B", "demo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    installs = [line for line in plan.splitlines() if "pip install" in line and " -e " in line]
    assert installs, plan
    extras = set(re.findall(r"\.\[([a-z,]+)\]", installs[-1])[0].split(","))
    assert {"report", "web"} <= extras
    assert plan.strip().splitlines()[-1].endswith("shorewise demo")
