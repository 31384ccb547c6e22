"""A sweep's rows written to a file: JSON Lines, CSV or Parquet, from the extension.

Every row has the same columns in the same order (the first row's); missing numbers are
``null`` (JSON Lines), empty (CSV) or null (Parquet). The file is written atomically and
its bytes depend only on the rows, so the same sweep gives the same file on any executor.
Rows are checked first (:func:`~shorewise.io.output_check.check_result_numbers`): a NaN
or a negative cost is refused, nothing is written.

Example::

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "sweep.csv"
    >>> write_sweep_rows(path, [{"variant": 0, "total_cost_p50": 1.5, "rank": None}]).name
    'sweep.csv'
    >>> path.read_text()
    'variant,total_cost_p50,rank\\n0,1.5,\\n'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from shorewise.errors import ReportError
from shorewise.io.output_check import check_result_numbers, output_format
from shorewise.io.scenario_file import write_atomically

__all__ = ["SWEEP_FORMATS", "check_sweep_path", "write_sweep_rows"]

SWEEP_FORMATS = (".jsonl", ".csv", ".parquet")


def check_sweep_path(path: str | Path) -> str:
    """The format of ``path`` (``.jsonl``, ``.csv`` or ``.parquet``), checked before a
    long run; raises ``ReportError`` for another extension or Parquet without pyarrow."""
    return output_format(path, SWEEP_FORMATS, "a sweep", ".jsonl or .csv")


def _jsonl(rows: Sequence[dict[str, Any]], handle: BinaryIO) -> None:
    for row in rows:
        line = json.dumps(row, allow_nan=False, ensure_ascii=False, separators=(",", ":"))
        handle.write(line.encode() + b"\n")


def _csv(rows: Sequence[dict[str, Any]], columns: list[str], handle: BinaryIO) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    text.detach()


def _parquet(rows: Sequence[dict[str, Any]], columns: list[str], handle: BinaryIO) -> None:
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    table = pa.table({name: pa.array([row.get(name) for row in rows]) for name in columns})
    pq.write_table(table, handle)


def write_sweep_rows(path: str | Path, rows: Sequence[dict[str, Any]]) -> Path:
    """Write ``rows`` (flat dicts, same keys) to ``path``; the format from its extension.

    Raises ``ReportError`` for a bad extension or an unwritable path, ``ModelError`` for a
    number that cannot be shown.
    """
    target = Path(path)
    suffix = check_sweep_path(target)
    check_result_numbers({"rows": list(rows)})
    columns = list(rows[0]) if rows else []

    def write(handle: BinaryIO) -> None:
        if suffix == ".jsonl":
            _jsonl(rows, handle)
        elif suffix == ".csv":
            _csv(rows, columns, handle)
        else:
            _parquet(rows, columns, handle)

    try:
        write_atomically(target, write)
    except OSError as exc:
        raise ReportError(
            f"cannot write the sweep: {exc.strerror or exc}", source=str(path)
        ) from exc
    return target
