"""The SVG cache of PDF charts: a second report of the same run draws nothing, the same
bytes come out, and a spoilt, unwritable or overfull folder never breaks a report."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from tests.report.conftest import comparison

from shorewise.report import svg_cache
from shorewise.report.chart_style import ChartItem
from shorewise.report.pdf import chart_svg, render_pdf
from shorewise.report.svg_cache import SvgCache, default_folder, spec_key

SPEC: dict[str, Any] = {
    "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
    "data": {"values": [{"x": 1, "y": 2}, {"x": 2, "y": 3}]},
    "mark": "line",
    "encoding": {"x": {"field": "x", "type": "quantitative"}},
}


class Counting:
    """A drawing function that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, spec: dict[str, Any]) -> str:
        self.calls += 1
        return f'<svg xmlns="http://www.w3.org/2000/svg"><text>{spec["mark"]}</text></svg>'


def test_a_chart_is_drawn_once_and_read_back(tmp_path: Path) -> None:
    draw = Counting()
    first = SvgCache(tmp_path, "v1").svg(SPEC, draw)
    again = SvgCache(tmp_path, "v1")
    assert again.svg(SPEC, draw) == first
    assert (draw.calls, again.hits, again.misses) == (1, 1, 0)
    assert [p.suffix for p in tmp_path.iterdir()] == [".svg"]  # no temporary file left


def test_other_data_or_another_version_is_drawn_again(tmp_path: Path) -> None:
    draw = Counting()
    cache = SvgCache(tmp_path, "v1")
    cache.svg(SPEC, draw)
    other = {**SPEC, "data": {"values": [{"x": 1, "y": 9}]}}
    cache.svg(other, draw)
    SvgCache(tmp_path, "v2").svg(SPEC, draw)
    assert draw.calls == 3
    assert spec_key(SPEC, "v1") != spec_key(other, "v1") != spec_key(SPEC, "v2")


def test_a_spoilt_file_is_drawn_again(tmp_path: Path) -> None:
    draw = Counting()
    (tmp_path / f"{spec_key(SPEC, 'v1')}.svg").write_text("<svg half a drawi")
    assert SvgCache(tmp_path, "v1").svg(SPEC, draw).endswith("</svg>")
    assert draw.calls == 1
    assert (tmp_path / f"{spec_key(SPEC, 'v1')}.svg").read_text().endswith("</svg>")


def test_an_unwritable_folder_still_draws(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    draw = Counting()
    cache = SvgCache(blocked / "svg", "v1")
    assert cache.svg(SPEC, draw).startswith("<svg")
    assert cache.svg(SPEC, draw).startswith("<svg")
    assert draw.calls == 2


def test_the_oldest_drawings_go_when_the_folder_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(svg_cache, "MAX_FILES", 5)
    monkeypatch.setattr(svg_cache, "KEEP_AFTER_PRUNE", 3)
    cache = SvgCache(tmp_path, "v1")
    for n in range(5):
        cache.svg({**SPEC, "mark": f"m{n}"}, Counting())
        path = tmp_path / f"{spec_key({**SPEC, 'mark': f'm{n}'}, 'v1')}.svg"
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
    newest = {**SPEC, "mark": "m5"}
    cache.svg(newest, Counting())
    kept = {p.name for p in tmp_path.glob("*.svg")}
    assert len(kept) == 3
    assert f"{spec_key(newest, 'v1')}.svg" in kept
    assert f"{spec_key({**SPEC, 'mark': 'm0'}, 'v1')}.svg" not in kept
    later = SvgCache(tmp_path, "v1")  # another report: counts the folder at its first write
    for n in range(6, 9):
        later.svg({**SPEC, "mark": f"m{n}"}, Counting())
    assert len(list(tmp_path.glob("*.svg"))) == 3  # 3 kept + 3 new passed 5: pruned to 3


def test_the_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOREWISE_CACHE_DIR", "/somewhere/else")
    assert default_folder() == Path("/somewhere/else/svg")
    monkeypatch.setenv("SHOREWISE_CACHE_DIR", "")
    assert default_folder() is None
    monkeypatch.delenv("SHOREWISE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/x/cache")
    assert default_folder() == Path("/x/cache/shorewise/svg")


def test_a_second_pdf_of_a_run_draws_no_chart_and_is_the_same_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import vl_convert

    monkeypatch.setenv("SHOREWISE_CACHE_DIR", str(tmp_path))
    drawn: list[str] = []
    real = vl_convert.vegalite_to_svg

    def counting(spec: dict[str, Any]) -> str:
        drawn.append(str(spec.get("title", "")))
        svg: str = real(spec)
        return svg

    monkeypatch.setattr(vl_convert, "vegalite_to_svg", counting)
    result = comparison("retail-app")
    first = render_pdf(result)
    charts = len(drawn)
    assert charts >= 6
    assert len(list((tmp_path / "svg").glob("*.svg"))) == charts
    second = render_pdf(result)
    assert len(drawn) == charts  # nothing drawn the second time
    assert second == first


def test_the_cached_drawing_is_vl_converts_own(tmp_path: Path) -> None:
    import vl_convert

    item = ChartItem("k", "t", "c", SPEC)
    cache = SvgCache(tmp_path, "v1")
    assert chart_svg(item, cache) == vl_convert.vegalite_to_svg(SPEC)
    assert chart_svg(item, cache) == vl_convert.vegalite_to_svg(SPEC)
    assert cache.hits == 1
