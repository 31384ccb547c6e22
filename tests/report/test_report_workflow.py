"""The report use case: formats by extension, atomic writes, clean errors, lazy imports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.report.conftest import comparison, rendered

from shorewise.errors import ReportError
from shorewise.workflows import report as report_workflow
from shorewise.workflows.examples import example_path
from shorewise.workflows.report import (
    MEDIA_TYPES,
    REPORT_FORMATS,
    render_report,
    report_format,
    write_report,
)

MAGIC = {"html": b"<!doctype html>", "pdf": b"%PDF-", "xlsx": b"PK", "md": b"# ", "csv": b"month,"}


def test_formats_are_the_five_extensions() -> None:
    assert REPORT_FORMATS == ("html", "pdf", "xlsx", "md", "csv")
    assert set(MEDIA_TYPES) == set(REPORT_FORMATS)


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_every_format_for_every_example(example: str, fmt: str) -> None:
    data = rendered(example, fmt)
    assert data.startswith(MAGIC[fmt])
    assert len(data) > 1000


@pytest.mark.parametrize(
    ("given", "expected"),
    [(".html", "html"), ("HTM", "html"), (".MD", "md"), ("markdown", "md"), ("xlsx", "xlsx")],
)
def test_format_names_and_extensions(given: str, expected: str) -> None:
    assert report_format(given) == expected


@pytest.mark.parametrize("suffix", [".docx", ".txt", ""])
def test_unknown_extension_names_the_allowed_ones(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"report{suffix}"
    with pytest.raises(ReportError) as info:
        write_report(comparison("retail-app"), target)
    message = str(info.value)
    assert all(f".{f}" in message for f in REPORT_FORMATS)
    assert str(target) in message
    assert not target.exists()


def test_unknown_format_in_render_report() -> None:
    with pytest.raises(ReportError, match=r"\.html, \.pdf, \.xlsx, \.md, \.csv"):
        render_report(comparison("retail-app"), "docx")


def test_write_report_by_extension_and_override(tmp_path: Path) -> None:
    md = write_report(comparison("retail-app"), tmp_path / "out" / "report.md")
    assert md.read_bytes() == rendered("retail-app", "md")
    forced = write_report(comparison("retail-app"), tmp_path / "monthly.txt", fmt="csv")
    assert forced.read_text().startswith("month,workstream,option")


def test_failed_render_leaves_the_old_file_and_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_text("the previous report")

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(report_workflow, "render_report", broken)
    with pytest.raises(RuntimeError):
        write_report(comparison("retail-app"), target)
    assert target.read_text() == "the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_directory_or_unwritable_place_is_a_report_error(tmp_path: Path) -> None:
    folder = tmp_path / "report.html"
    folder.mkdir()
    with pytest.raises(ReportError, match="directory"):
        write_report(comparison("retail-app"), folder)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ReportError, match="cannot write"):
        write_report(comparison("retail-app"), blocker / "report.csv")


def test_progress_is_reported(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_report(
        comparison("retail-app"), tmp_path / "r.xlsx", progress=lambda d, t: seen.append((d, t))
    )
    assert seen
    assert seen[-1][0] == seen[-1][1]


def test_the_cli_does_not_import_report_libraries() -> None:
    heavy = ("altair", "weasyprint", "xlsxwriter", "jinja2", "babel", "vl_convert")
    code = (
        "import sys, shorewise.cli.app, shorewise.workflows.report;"
        f"print(','.join(m for m in {heavy!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "shorewise", "report", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


def test_cli_report_writes_the_file(tmp_path: Path) -> None:
    result = _cli(str(example_path("retail-app")), "-o", "out.csv", "--samples", "50", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.csv").read_text().startswith("month,")
    assert "wrote" in result.stderr


def test_cli_report_bad_extension_is_a_clean_error(tmp_path: Path) -> None:
    result = _cli(str(example_path("retail-app")), "-o", "out.docx", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert ".html, .pdf, .xlsx, .md, .csv" in result.stderr
    assert not (tmp_path / "out.docx").exists()
