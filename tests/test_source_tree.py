"""The source tree keeps its promises: every docstring example runs, no module is too big."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import shorewise

SRC = Path(shorewise.__file__).parent
MAX_LINES = 400
MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages([str(SRC)], prefix="shorewise.")
    if ".migrations" not in m.name and not m.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Examples not marked ``# doctest: +SKIP`` are run (from the repository root, so
    ``examples/...`` paths resolve)."""
    monkeypatch.chdir(SRC.parents[1])
    module = importlib.import_module(name)
    failed, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert failed == 0, f"{name}: {failed} docstring example(s) fail"


def test_no_module_over_400_lines() -> None:
    big = {
        str(p.relative_to(SRC)): n
        for p in SRC.rglob("*.py")
        if (n := len(p.read_text().splitlines())) > MAX_LINES
    }
    assert big == {}
