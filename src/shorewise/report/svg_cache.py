"""Charts drawn to SVG once: a folder of files named by the chart's content.

A PDF report draws every chart with vl-convert (about 0.1 s each, 15–25 charts). The
SVG depends only on the chart's Vega-Lite spec (its data included) and vl-convert's
version, so each drawing is kept under the SHA-256 of both; a second report of the same
stored run (``shorewise report RESULT.json``, the web app's PDF button) draws nothing.

The folder is ``$SHOREWISE_CACHE_DIR`` when set (an empty value turns the cache off),
else the user's cache folder (``~/.cache/shorewise/svg`` on Linux). Files are written to
a temporary name and renamed, so a killed process never leaves half a drawing; a file
that does not read as SVG is drawn again; a folder that cannot be written is skipped.
At most ``MAX_FILES`` drawings are kept (the oldest go first).

Example::

    >>> cache = SvgCache(None)                       # no folder: draws every time
    >>> cache.svg({"mark": "point"}, lambda spec: "<svg></svg>")
    '<svg></svg>'
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ENV = "SHOREWISE_CACHE_DIR"
MAX_FILES = 2_000
KEEP_AFTER_PRUNE = 1_500
_log = logging.getLogger(__name__)

Draw = Callable[[dict[str, Any]], str]


def default_folder() -> Path | None:
    """The SVG cache folder: ``$SHOREWISE_CACHE_DIR/svg``, off when it is set empty, else
    the user's cache folder for shorewise.

    >>> default_folder() is None or default_folder().name == "svg"
    True
    """
    if ENV in os.environ:
        value = os.environ[ENV].strip()
        return Path(value).expanduser() / "svg" if value else None
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # pragma: no cover - platformdirs comes with the report extra
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "shorewise" / "svg"
    return Path(user_cache_dir("shorewise")) / "svg"


def spec_key(spec: dict[str, Any], version: str) -> str:
    """SHA-256 (hex) of the spec's canonical JSON and the drawing library's version.

    >>> spec_key({"a": 1, "b": 2}, "1") == spec_key({"b": 2, "a": 1}, "1")
    True
    """
    text = json.dumps(spec, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(f"{version}\n{text}".encode()).hexdigest()


def _looks_like_svg(text: str) -> bool:
    head = text.lstrip()[:200]
    return (head.startswith("<svg") or head.startswith("<?xml")) and text.rstrip().endswith(
        "</svg>"
    )


class SvgCache:
    """SVG drawings of charts kept in ``folder`` (None: draw every time); ``version``
    names the drawing library so an upgrade draws afresh."""

    def __init__(self, folder: Path | None, version: str = "") -> None:
        self.folder = folder
        self.version = version
        self.hits = 0
        self.misses = 0
        self._files: int | None = None  # drawings in the folder, counted at the first write

    def svg(self, spec: dict[str, Any], draw: Draw) -> str:
        """The chart's SVG: the kept drawing when there is one, else ``draw(spec)``, kept."""
        if self.folder is None:
            self.misses += 1
            return draw(spec)
        path = self.folder / f"{spec_key(spec, self.version)}.svg"
        try:
            kept = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            kept = ""
        if _looks_like_svg(kept):
            self.hits += 1
            with contextlib.suppress(OSError):
                os.utime(path)  # recently used: pruned last
            return kept
        self.misses += 1
        drawn = draw(spec)
        self._keep(path, drawn)
        return drawn

    def _keep(self, path: Path, svg: str) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.write(svg)
                os.replace(temp, path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
            self._count_and_prune(path.parent)
        except OSError as exc:  # a read-only or full disk: the report is drawn anyway
            _log.debug("SVG cache not written (%s)", exc)

    def _count_and_prune(self, folder: Path) -> None:
        """Keep at most ``MAX_FILES`` drawings: the folder is listed at this cache's first
        write and again only when the writes since could have passed the bound."""
        if self._files is not None:
            self._files += 1  # a redrawn spoilt file counts too: never under the truth
            if self._files <= MAX_FILES:
                return
        files = list(folder.glob("*.svg"))
        self._files = len(files)
        if len(files) <= MAX_FILES:
            return

        def age(file: Path) -> float:
            try:
                return file.stat().st_mtime
            except OSError:
                return 0.0

        for old in sorted(files, key=age)[: len(files) - KEEP_AFTER_PRUNE]:
            old.unlink(missing_ok=True)
        self._files = KEEP_AFTER_PRUNE
