"""The PDF report: A4, a title page, page numbers, every section, a first page that is
not blank."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from PIL import Image, ImageStat
from tests.human_text import ids_in
from tests.report.conftest import WITH_EXTRAS, comparison, rendered


def _pdf(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(rendered(name, "pdf"))
    return path


def _info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return {
        k.strip(): v.strip()
        for k, _, v in (line.partition(":") for line in out.stdout.splitlines())
    }


def _text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(
        ["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True, text=True, check=True
    )
    return out.stdout


def test_a4_pages_with_a_title_page_and_numbers(tmp_path: Path, example: str) -> None:
    path = _pdf(tmp_path, example)
    info = _info(path)
    pages = int(info["Pages"])
    width, height = (float(x) for x in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    c = comparison(example)
    charts_pages = len(c.workstreams) * 2
    assert pages >= 5 + charts_pages  # title, recommendation, table, charts, assumptions, scenario
    title = _text(path, 1)
    assert c.scenario in title
    assert dt.date.today().isoformat() in title
    assert "page 1" not in title  # no number on the title page
    assert re.search(rf"page 2 of {pages}\b", _text(path, 2))
    assert re.search(rf"page {pages} of {pages}\b", _text(path, pages))


def test_every_section_is_there(tmp_path: Path, example: str) -> None:
    text = _text(_pdf(tmp_path, example))
    for heading in ("We recommend", "Side by side", "Charts", "Appendix A: Assumptions",
                    "Appendix B: Scenario file"):  # fmt: skip
        assert heading.lower() in text.lower()
    assert "Cumulative cost" in text
    assert "Cost by category" in text
    flat = " ".join(text.split())
    assert ("What moves the answer (tornado)" in flat) == (example == WITH_EXTRAS)
    assert "How the scores move with each weight" in flat
    assert "How the choice depends on the weights" in flat
    for a in comparison(example).assumptions:
        assert a.label in flat or a.label[:30] in flat
    # the board reads words: no option id outside the scenario file (Appendix B)
    assert ids_in(flat.split("Appendix B: Scenario file")[0]) == []


def test_first_page_renders_to_a_picture_that_is_not_blank(tmp_path: Path, example: str) -> None:
    path = _pdf(tmp_path, example)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile", str(path),
         str(tmp_path / "page1")],
        check=True,
    )  # fmt: skip
    with Image.open(tmp_path / "page1.png") as image:
        gray = image.convert("L")
        stat = ImageStat.Stat(gray)
        assert stat.var[0] > 100  # text and colour, not an empty page
        dark = sum(gray.histogram()[:128])
        assert dark > 200  # some ink: the title and the facts


def test_decision_comparison_and_charts_come_first_appendices_after(
    tmp_path: Path, example: str
) -> None:
    path = _pdf(tmp_path, example)
    pages = int(_info(path)["Pages"])
    text = [" ".join(_text(path, p).split()).lower() for p in range(1, pages + 1)]

    def first(heading: str) -> int:
        return next(i + 1 for i, t in enumerate(text) if heading.lower() in t)

    # sections follow one another without a page break: the charts start by page 6
    assert first("We recommend") == 2
    assert first("Side by side") <= 5
    assert first("Cumulative cost What each option") <= 6
    assert first("Appendix A: Assumptions") > first("Cumulative cost What each option")
    assert first("Appendix B: Scenario file") > first("Appendix A: Assumptions")
    # the appendix starts a page of its own
    assert text[first("Appendix A: Assumptions") - 1].startswith("appendix a: assumptions")


def test_no_page_holds_only_a_stray_line_or_row(tmp_path: Path, example: str) -> None:
    path = _pdf(tmp_path, example)
    pages = int(_info(path)["Pages"])
    for p in range(2, pages + 1):
        lines = [x for x in _text(path, p).splitlines() if x.strip()]
        assert len(lines) >= 6, f"page {p} holds only: {lines}"


def test_charts_print_whole_names(tmp_path: Path, example: str) -> None:
    """No option, mix or input name is cut short (…) in a chart's legend or axis."""
    text = _text(_pdf(tmp_path, example))
    assert "…" not in text
    if example == "leads-at-home-mix":
        assert "Mix: team in Vietnam with a local vendor for overflow" in text
