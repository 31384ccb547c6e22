"""Helpers the compiled model programs call (:mod:`shorewise.engine.expr_compile`).

Monthly values are ``(month, ...)`` arrays; per-draw values numbers or ``(draw,)`` arrays.

Example::

    >>> _every(2.0, 3).shape
    (3, 1)
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from shorewise.engine.expr_eval import first_month, month_index


def _every(value: Any, months: int) -> Any:
    """A per-draw value in every month, ``(month, ...)``."""
    a = np.asarray(value, dtype=np.float64)
    return np.broadcast_to(a, (months, *(a.shape or (1,))))


def _pulse(acc: Any, at: Any, months: int, coef: Any, *basis: Any) -> Any:
    """``acc`` (a fresh array, changed in place when it can be; None: zeros) plus
    ``coef x Π basis`` in month ``at`` only."""
    month = month_index(at, months)
    row = np.asarray(coef, dtype=np.float64)
    if month is not None:
        for b in basis:
            row = row * b[month]
    tail = row.shape or (1,)
    shape = np.broadcast_shapes((months, *tail), np.shape(acc) if acc is not None else ())
    if acc is None or np.shape(acc) != shape or not acc.flags.writeable:
        acc = np.zeros(shape) if acc is None else np.array(np.broadcast_to(acc, shape))
    if month is not None:
        acc[month] += row
    return acc


def _writable_as(acc: Any, x: Any) -> bool:
    """Whether ``acc op= x`` works in place: a writable array of the result's shape."""
    shape = np.shape(acc)
    return (
        isinstance(acc, np.ndarray)
        and acc.flags.writeable
        and shape == np.broadcast_shapes(shape, np.shape(x))
    )


def _add_into(acc: Any, x: Any) -> Any:
    """``acc + x``, into ``acc`` (a fresh array) when the shapes allow."""
    if _writable_as(acc, x):
        acc += x
        return acc
    return acc + x


def _subtract_into(acc: Any, x: Any) -> Any:
    """``acc - x``, into ``acc`` (a fresh array) when the shapes allow."""
    if _writable_as(acc, x):
        acc -= x
        return acc
    return acc - x


def _pulse_sum(at: Any, months: int, coef: Any, *basis: Any) -> Any:
    """The sum over months of ``coef x Π basis`` in month ``at`` only."""
    month = month_index(at, months)
    if month is None:
        return 0.0
    row = coef
    for b in basis:
        row = row * b[month]
    return row


def _settle_months(months: int, latest: Any) -> int:
    """Months to compute before every draw has settled at ``latest`` months."""
    last = float(np.max(latest, initial=0.0))
    return min(months, max(0, math.ceil(last) + 1)) if math.isfinite(last) else months


def _settle(months: int, k: int, cond: Any, before: Any, after: float) -> Any:
    """``after`` in every month from ``k`` on, ``before`` unless ``cond`` in the first ``k``."""
    head = np.where(cond, after, before)
    out = np.full((months, *head.shape[1:]), after)
    out[:k] = head
    return out


def _delta(f: Any, months: int) -> Any:
    """Month-to-month change of ``f`` given at ``months + 1`` month edges."""
    f = np.broadcast_to(f, (months + 1, *np.shape(f)[1:]))
    return f[1:] - f[:-1]


def _monthly_out(value: Any, months: int) -> Any:
    """A monthly result as a ``(month, ...)`` array."""
    a = np.asarray(value)
    return a if a.ndim == 2 else np.broadcast_to(a, (months, *(a.shape or (1,))))


RUNTIME = {
    "np": np,
    "_every": _every,
    "_pulse": _pulse,
    "_pulse_sum": _pulse_sum,
    "_add_into": _add_into,
    "_subtract_into": _subtract_into,
    "_settle_months": _settle_months,
    "_settle": _settle,
    "_delta": _delta,
    "_first_month": first_month,
    "_monthly_out": _monthly_out,
}
