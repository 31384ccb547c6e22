"""Monthly series per option as CSV: one row per workstream x option x month.

Columns: ``month`` (1 = the plan's first month), ``workstream``, ``option``, ``strategy``,
``country``, ``eligible``, then for paid FTE, effective FTE, burn (cost in the month) and
cumulative cost: P10, P50 and P90 over the Monte Carlo draws (``burn_p10`` ...), or, for a
deterministic run (``--samples 0``), the single value (``burn``). Money is in the
scenario's currency (the ``currency`` column), rounded to the cent; FTE to three decimals.

Example::

    >>> print(monthly_csv(result).splitlines()[0])           # doctest: +SKIP
    month,workstream,option,strategy,country,eligible,paid_fte,effective_fte,burn,cumulative
"""

from __future__ import annotations

import csv
import io

from shorewise.report.series import series_bands
from shorewise.results.comparison import Comparison

_COLUMNS = (
    ("paid", "paid_fte", 3),
    ("effective", "effective_fte", 3),
    ("burn", "burn", 2),
    ("cumulative", "cumulative", 2),
)


def monthly_csv(c: Comparison) -> str:
    """The CSV text (see module doc); the scenario's horizon months for every option."""
    deterministic = c.run.deterministic
    header = ["month", "workstream", "option", "strategy", "country", "eligible"]
    for _, column, _ in _COLUMNS:
        header += [column] if deterministic else [f"{column}_p10", f"{column}_p50", f"{column}_p90"]
    header.append("currency")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for i, row in enumerate(c.rows):
        alt = row.alternative
        bands = series_bands(c, i)
        for m in range(c.scenario.horizon):
            record: list[object] = [
                m + 1,
                alt.workstream.name,
                alt.option_name,
                alt.strategy,
                alt.country or "",
                "yes" if row.eligible else "no",
            ]
            for series, _, digits in _COLUMNS:
                band = bands[series]
                picks = ("p50",) if deterministic else ("p10", "p50", "p90")
                record += [round(float(getattr(band, q)[m]), digits) + 0.0 for q in picks]
            record.append(c.scenario.currency)
            writer.writerow(record)
    return buffer.getvalue()
