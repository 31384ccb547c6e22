"""Write a comparison as a report: HTML, PDF, Excel, Markdown or CSV.

The CLI (``shorewise report``) and the web app's export both call these two functions.
The format comes from the file extension; heavy libraries load only when a format needs
them.

Example::

    >>> result = shorewise.evaluate(scenario, samples=2000)            # doctest: +SKIP
    >>> write_report(result, "board-pack.html")                         # doctest: +SKIP
    PosixPath('board-pack.html')
    >>> render_report(result, "csv")[:40]                              # doctest: +SKIP
    b'month,workstream,option,strategy,countr'
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from shorewise.errors import ReportError
from shorewise.results.result import Result

REPORT_FORMATS: tuple[str, ...] = ("html", "pdf", "xlsx", "md", "csv")
"""Report formats, each named by its file extension."""

MEDIA_TYPES: dict[str, str] = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "md": "text/markdown; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}
"""The HTTP media type of each format (for downloads from the web app)."""

ReportProgress = Callable[[int, int], None]
"""Called as ``progress(step_done, steps_total)`` while a report is rendered."""

_ALIASES = {"htm": "html", "markdown": "md", "xls": "xlsx"}


def _allowed() -> str:
    return ", ".join(f".{f}" for f in REPORT_FORMATS)


def report_format(fmt: str, *, source: str | None = None) -> str:
    """The canonical format for a name or extension (``"HTML"``, ``".md"``, ``"htm"``).

    Raises :class:`ReportError` naming the allowed extensions for anything else.
    """
    name = fmt.strip().lower().lstrip(".")
    name = _ALIASES.get(name, name)
    if name not in REPORT_FORMATS:
        shown = f"{fmt!r}" if fmt else "no extension"
        raise ReportError(
            f"unknown report format {shown}; use one of {_allowed()}",
            source=source,
        )
    return name


def render_report(result: Result, fmt: str, *, progress: ReportProgress | None = None) -> bytes:
    """The report in format ``fmt`` (one of :data:`REPORT_FORMATS`) as bytes.

    Raises :class:`ReportError` for an unknown format or a report that cannot be built.
    """
    kind = report_format(fmt)
    if kind == "md":
        from shorewise.report.markdown import report_markdown

        text = report_markdown(result)
        if progress:
            progress(1, 1)
        return text.encode("utf-8")
    if kind == "csv":
        from shorewise.report.csv import monthly_csv

        data = monthly_csv(result).encode("utf-8")
        if progress:
            progress(1, 1)
        return data
    if kind == "html":
        from shorewise.report.html import render_html

        return render_html(result, progress=progress).encode("utf-8")
    if kind == "pdf":
        from shorewise.report.pdf import render_pdf

        return render_pdf(result, progress=progress)
    from shorewise.report.excel import render_workbook

    return render_workbook(result, progress=progress)


def load_result(path: str | os.PathLike[str]) -> Result:
    """A result written by ``shorewise compare FILE --format json``.

    Raises :class:`ReportError` naming the file when it cannot be read or is not one.
    """
    target = Path(path)
    try:
        data = target.read_bytes()
    except OSError as exc:
        raise ReportError(f"cannot read ({exc.strerror or exc})", source=str(path)) from exc
    return Result.from_json(data, source=str(path))


def write_report(
    result: Result,
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    progress: ReportProgress | None = None,
) -> Path:
    """Write the report to ``path`` atomically; the format comes from its extension.

    ``fmt`` overrides the extension. Raises :class:`ReportError` for an unknown format or
    a path that cannot be written; a failed write leaves no partial file behind.
    """
    from shorewise.io.scenario_file import write_atomically

    target = Path(path)
    kind = report_format(fmt if fmt is not None else target.suffix, source=str(target))
    if target.is_dir():
        raise ReportError("is a directory; give a file name such as report.html", source=str(path))
    data = render_report(result, kind, progress=progress)
    try:
        write_atomically(target, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ReportError(f"cannot write the report ({reason})", source=str(path)) from exc
    return target
