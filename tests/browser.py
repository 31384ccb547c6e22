"""How every browser test starts Debian's Chromium: headless, no sandbox (root), and no
background traffic (this machine has no network but loopback). Never `playwright install`.
"""

from __future__ import annotations

import shutil

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """Path of Debian's chromium; `make test` installs it when missing."""
    path = shutil.which("chromium")
    assert path, "Debian's chromium is needed (make test installs it)"
    return path
