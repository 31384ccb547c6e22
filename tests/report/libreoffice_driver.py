"""Recalculate workbooks in a real headless LibreOffice; run with the system python3.

Debian's ``python3-uno`` is for ``/usr/bin/python3``, not the project's venv, so the tests
run this script as a subprocess: JSON jobs on stdin, JSON results on stdout. It starts its
own ``soffice --headless`` on a free local port with a fresh profile, and for each job opens
the workbook, reads the stored values, applies the edits, forces a full recalculation
(LibreOffice does not recalculate an xlsx on load) and reads the cells again::

    {"jobs": [{"path": "/tmp/x.xlsx",
               "edits": [{"name": "vendor_margin", "value": 0.55},
                         {"sheet": "Inputs", "cell": "B40", "value": "entity"}],
               "read": [{"sheet": "Summary", "cell": "E12"}, {"name": "horizon_months"}],
               "scan": true}]}

gives ``{"results": [{"stored": [...], "values": [...], "errors": [...]}]}``, where
``errors`` lists every cell (``Sheet!A1: text``) whose result is an error or a text that
starts with ``Err:`` or ``#``. A job with ``"diff": true`` instead recalculates without
edits and counts the cells whose value changed from the stored one (``changed``,
``first_changes``).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

ERROR = 4  # com.sun.star.sheet.FormulaResult.ERROR


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(profile: str) -> tuple[subprocess.Popen[bytes], Any]:
    port = _free_port()
    office = shutil.which("soffice") or "/usr/bin/soffice"
    proc = subprocess.Popen(
        [office, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
         "--nolockcheck", f"--accept=socket,host=127.0.0.1,port={port};urp;",
         f"-env:UserInstallation=file://{profile}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    url = f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"
    deadline = time.monotonic() + 90
    while True:
        try:
            ctx = resolver.resolve(url)
            break
        except NoConnectException:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise SystemExit("LibreOffice did not start") from None
            time.sleep(0.3)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return proc, desktop


def _cell(doc: Any, spec: dict[str, Any]) -> Any:
    if "name" in spec:
        return doc.NamedRanges.getByName(spec["name"]).getReferredCells().getCellByPosition(0, 0)
    return doc.Sheets.getByName(spec["sheet"]).getCellRangeByName(spec["cell"])


def _read(cell: Any) -> Any:
    if cell.getError():
        return f"Err:{cell.getError()}"
    text = cell.getString()
    if cell.getType().value == "TEXT" or (
        cell.getType().value == "FORMULA" and cell.FormulaResultType2 == 2
    ):
        return text
    return cell.getValue()


def _errors(doc: Any) -> list[str]:
    found = []
    for sheet in doc.Sheets:
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.getRangeAddress()
        used = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
        bad = used.queryFormulaCells(ERROR)
        for address in bad.getRangeAddressesAsString().split(";"):
            if address:
                found.append(f"{address}: error result")
        for r, row in enumerate(used.getDataArray()):
            for c, value in enumerate(row):
                if isinstance(value, str) and value.startswith(("Err:", "#")):
                    found.append(f"{sheet.Name}!R{r + 1}C{c + 1}: {value}")
    return found


def _grids(doc: Any) -> dict[str, Any]:
    """Every sheet's used area as values (numbers and texts)."""
    out = {}
    for sheet in doc.Sheets:
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.getRangeAddress()
        out[sheet.Name] = sheet.getCellRangeByPosition(
            0, 0, end.EndColumn, end.EndRow
        ).getDataArray()
    return out


def _changed(before: dict[str, Any], after: dict[str, Any]) -> tuple[int, list[str]]:
    """Cells whose recalculated value differs from the stored one (numbers: 1e-9 relative
    or 1e-6 absolute), counted, with the first few."""
    count, first = 0, []
    for name, grid in before.items():
        for r, row in enumerate(grid):
            for c, old in enumerate(row):
                new = after[name][r][c]
                same = old == new or (
                    isinstance(old, float)
                    and isinstance(new, float)
                    and abs(old - new) <= max(1e-6, 1e-9 * abs(new))
                )
                if not same:
                    count += 1
                    if len(first) < 20:
                        first.append(f"{name}!R{r + 1}C{c + 1}: stored {old!r}, now {new!r}")
    return count, first


def _job(desktop: Any, job: dict[str, Any]) -> dict[str, Any]:
    url = uno.systemPathToFileUrl(os.path.abspath(job["path"]))
    hidden = PropertyValue("Hidden", 0, True, 0)
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (hidden,))
    try:
        if job.get("diff"):
            before = _grids(doc)
            doc.calculateAll()
            count, first = _changed(before, _grids(doc))
            return {"changed": count, "first_changes": first, "stored": [], "values": [],
                    "errors": _errors(doc) if job.get("scan") else []}  # fmt: skip
        stored = [_read(_cell(doc, spec)) for spec in job.get("read", [])]
        for edit in job.get("edits", []):
            cell, value = _cell(doc, edit), edit["value"]
            if isinstance(value, str):
                cell.setString(value)
            else:
                cell.setValue(float(value))
        doc.calculateAll()
        values = [_read(_cell(doc, spec)) for spec in job.get("read", [])]
        errors = _errors(doc) if job.get("scan") else []
    finally:
        doc.close(True)
    return {"stored": stored, "values": values, "errors": errors}


def main() -> None:
    request = json.load(sys.stdin)
    profile = tempfile.mkdtemp(prefix="shorewise-lo-")
    proc, desktop = _start(profile)
    try:
        results = [_job(desktop, job) for job in request["jobs"]]
    finally:
        with contextlib.suppress(Exception):  # the office may already be gone
            desktop.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main()
