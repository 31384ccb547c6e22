"""Run workbooks through a real headless LibreOffice (see ``libreoffice_driver.py``).

The driver needs Debian's ``python3-uno`` for the system ``/usr/bin/python3`` and
``soffice`` (``libreoffice-calc-nogui``); ``make test`` installs both when missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

DRIVER = Path(__file__).with_name("libreoffice_driver.py")
SYSTEM_PYTHON = "/usr/bin/python3"


def recalculate(jobs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each job's cells before and after its edits and a full recalculation, and (``scan``)
    every cell whose result is an error."""
    if shutil.which("soffice") is None:
        raise AssertionError("LibreOffice (soffice) is missing: run `make system-deps`")
    done = subprocess.run(
        [SYSTEM_PYTHON, str(DRIVER)],
        input=json.dumps({"jobs": jobs}),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if done.returncode != 0:
        raise AssertionError(
            f"LibreOffice driver failed ({done.returncode}): {done.stderr[-3000:]}"
        )
    results: list[dict[str, Any]] = json.loads(done.stdout)["results"]
    return results
