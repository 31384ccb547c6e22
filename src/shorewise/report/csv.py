"""Monthly series per option as CSV: one row per workstream x option x month of its work.

Columns: ``month`` (1 = the plan's first month), ``workstream``, ``option`` (its id),
``label`` (in words), ``strategy``, ``country``, ``eligible``, then for paid FTE,
effective FTE, burn (cost in the month) and cumulative cost: P10, P50 and P90 over the
Monte Carlo draws (``burn_p10`` ...), or, for a deterministic run (``--samples 0``), the
single value (``burn``). Money is in the scenario's currency (the ``currency`` column),
rounded to the cent; FTE to three decimals. Months outside a workstream cost nothing and
are left out.

Example::

    >>> print(monthly_csv(result).splitlines()[0])           # doctest: +SKIP
    month,workstream,option,label,strategy,country,eligible,paid_fte,effective_fte,burn,cumulative
"""

from __future__ import annotations

import csv
import io

from shorewise.results.result import Result

_COLUMNS = (
    ("paid", "paid_fte"),
    ("effective", "effective_fte"),
    ("burn", "burn"),
    ("cumulative", "cumulative"),
)


def monthly_csv(c: Result) -> str:
    """The CSV text (see module doc)."""
    deterministic = c.deterministic
    picks = ("p50",) if deterministic else ("p10", "p50", "p90")
    header = ["month", "workstream", "option", "label", "strategy", "country", "eligible"]
    for _, column in _COLUMNS:
        header += [column] if deterministic else [f"{column}_{q}" for q in picks]
    header.append("currency")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in c.strategies:
        series = c.series_of(row.workstream, row.option)
        if series is None:
            continue
        for k in range(len(series.burn.p50)):
            record: list[object] = [
                series.first_month + k,
                row.workstream,
                row.option,
                row.label,
                row.strategy,
                row.country or "",
                "yes" if row.eligible else "no",
            ]
            for name, _ in _COLUMNS:
                band = getattr(series, name)
                record += [
                    "" if getattr(band, q)[k] is None else getattr(band, q)[k] for q in picks
                ]
            record.append(c.currency)
            writer.writerow(record)
    return buffer.getvalue()
