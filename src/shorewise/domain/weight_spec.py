"""From the weights a person writes to the :class:`WeightConstraints` SMAA samples from.

What a scenario may say (``weights:`` and ``weight_order:``), per criterion:

=====================  =================================================================
``cost: 0.4``          a number. When *every* criterion has a plain number they are
                       relative weights, rescaled to sum 1 (today's ``weights:``, one
                       point). Otherwise a number is an exact share of the total, 0..1.
``cost: 40%``          the same as 0.4
``cost: 0.3..0.5``     a range of shares of the total: any weight vector whose cost share
``cost: 30%..50%``     is between 30 % and 50 % is allowed (bounds included)
(not named)            free: any share 0..1 (when something else is a range or an order)
=====================  =================================================================

``weight_order: [cost, control, speed]`` says cost weighs at least as much as control, and
control at least as much as speed; criteria not listed are not ranked (a partial order).
``"cost > control > speed"`` is accepted too. Every mistake raises ``ValueError`` naming the
field (``weights.cost``, ``weight_order[2]``) and what is allowed; the caller adds the file.

>>> c = parse_weight_spec({"cost": "30%..50%", "control": 0.2}, ["cost", "speed"])
>>> c.lower[:3], c.upper[:3], c.order
((0.3, 0.0, 0.2), (0.5, 1.0, 0.2), ('cost', 'speed'))
>>> parse_weight_spec({"cost": 2, "speed": 1, "control": 1, "scalability": 0, "risk": 0}).lower
(0.5, 0.25, 0.25, 0.0, 0.0)
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from shorewise.domain.weight_constraints import WeightConstraints

__all__ = ["CRITERIA", "parse_weight_spec"]

CRITERIA: tuple[str, ...] = ("cost", "speed", "control", "scalability", "risk")
"""The five decision criteria, in the order of every weight vector and matrix column."""

_NUMBER = r"(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_SHARE = re.compile(rf"^\s*({_NUMBER})\s*(%?)\s*$")
_ALLOWED = "a number (0.4), a percentage (40%), or a range of shares (0.3..0.5 or 30%..50%)"


def parse_weight_spec(
    weights: Mapping[str, object] | None = None,
    weight_order: Sequence[str] | str | None = None,
    criteria: Sequence[str] = CRITERIA,
) -> WeightConstraints:
    """The weight constraints a ``weights:`` mapping and a ``weight_order:`` list describe.

    ``criteria`` names the columns (default the five decision criteria). Raises
    ``ValueError`` naming the field for an unknown criterion, a value that is not a number,
    percentage or range, a bound outside 0..1, a repeated name in the order, or constraints
    that no weight vector satisfies together.
    """
    names = tuple(criteria)
    bounds = _bounds(weights or {}, names)
    order = _order(weight_order, names)
    lower = tuple(bounds.get(name, (0.0, 1.0))[0] for name in names)
    upper = tuple(bounds.get(name, (0.0, 1.0))[1] for name in names)
    try:
        return WeightConstraints(names, lower=lower, upper=upper, order=order)
    except ValueError as exc:
        raise ValueError(f"weights: {exc}") from exc


def _bounds(
    weights: Mapping[str, object], names: tuple[str, ...]
) -> dict[str, tuple[float, float]]:
    """Per named criterion its ``(low, high)`` share; plain numbers for all -> rescaled."""
    parsed: dict[str, tuple[float, float, bool]] = {}  # name -> (low, high, is_range)
    for key, value in weights.items():
        name = _criterion(key, names, f"weights.{key}")
        parsed[name] = _parse_value(value, f"weights.{key}")
    if parsed and len(parsed) == len(names) and not any(r for _, _, r in parsed.values()):
        total = sum(low for low, _, _ in parsed.values())
        if total <= 0:
            raise ValueError("weights: at least one weight must be greater than 0")
        return {name: (low / total, low / total) for name, (low, _, _) in parsed.items()}
    for name, (_, high, is_range) in parsed.items():
        if high > 1.0:
            what = "range" if is_range else "number"
            raise ValueError(
                f"weights.{name}: a {what} here is a share of the total weight and must be "
                f"between 0 and 1 (0%..100%), got {high:g}; plain numbers are relative "
                "weights only when every criterion has one"
            )
    return {name: (low, high) for name, (low, high, _) in parsed.items()}


def _parse_value(value: object, field: str) -> tuple[float, float, bool]:
    """``(low, high, is_range)`` for one weight as written."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"{field}: expected {_ALLOWED}, got {value!r}")
    if isinstance(value, str) and ".." in value:
        parts = value.split("..")
        if len(parts) != 2:
            raise ValueError(f"{field}: a range has one '..', e.g. 30%..50%; got {value!r}")
        low, high = (_share(part, field, value) for part in parts)
        if low > high:
            raise ValueError(f"{field}: the range {value!r} runs backwards; write low..high")
        return low, high, True
    number = _share(value, field, value)
    return number, number, False


def _share(text: object, field: str, whole: object) -> float:
    if isinstance(text, (int, float)):
        number = float(text)
    else:
        match = _SHARE.match(str(text))
        if match is None:
            raise ValueError(f"{field}: expected {_ALLOWED}, got {whole!r}")
        number = float(match.group(1)) / (100.0 if match.group(2) else 1.0)
    if not math.isfinite(number) or number < 0:
        raise ValueError(f"{field}: a weight must be a finite number >= 0, got {whole!r}")
    return number


def _order(weight_order: Sequence[str] | str | None, names: tuple[str, ...]) -> tuple[str, ...]:
    if weight_order is None:
        return ()
    items = weight_order.split(">") if isinstance(weight_order, str) else list(weight_order)
    order = tuple(_criterion(item, names, f"weight_order[{i}]") for i, item in enumerate(items))
    seen: set[str] = set()
    for i, name in enumerate(order):
        if name in seen:
            raise ValueError(
                f"weight_order[{i}]: {name!r} is listed twice; name each criterion once"
            )
        seen.add(name)
    return order


def _criterion(item: object, names: tuple[str, ...], field: str) -> str:
    name = item.strip().lower() if isinstance(item, str) else None
    if name is None or name not in names:
        shown = item.strip() if isinstance(item, str) else item
        raise ValueError(f"{field}: unknown criterion {shown!r}; allowed: {', '.join(names)}")
    return name
