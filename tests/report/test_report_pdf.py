"""The PDF report: A4, a title page, page numbers, every section, a first page that is
not blank."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from PIL import Image, ImageStat
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
    for heading in ("We recommend", "Side by side", "Charts", "Assumptions", "Scenario"):
        assert heading.lower() in text.lower()
    assert "Cumulative cost" in text
    assert "Cost by category" in text
    assert ("What moves the answer (tornado)" in text) == (example == WITH_EXTRAS)
    assert "How the scores move with each weight" in text
    assert "How the choice depends on the weights" in text
    for a in comparison(example).assumptions:
        assert a.key in text.replace("\n", " ") or a.key[:30] in text


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
