"""The criterion weights a scenario gives: plain numbers, shares or ranges of shares.

Example::

    >>> Weights.model_validate({"cost": "30%..50%"}).is_point
    False
    >>> Weights().as_dict()["cost"]
    0.4
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PlainValidator, model_validator

from shorewise.domain.weight_spec import CRITERIA, parse_weight_spec

__all__ = ["WeightValue", "Weights"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _weight_value(value: Any) -> float | str:
    """A number >= 0 (a relative weight) or a share/range as text (checked later)."""
    if isinstance(value, bool):
        raise ValueError("a weight is a number, a percentage or a range, not true/false")
    if isinstance(value, int | float):
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"a weight must be a finite number >= 0 (got {value})")
        return float(value)
    if isinstance(value, str):
        return value.strip()
    raise ValueError("a weight is a number (0.4), a percentage (40%) or a range (30%..50%)")


WeightValue = Annotated[float | str, PlainValidator(_weight_value)]
"""A weight: a number (relative), a percentage share (``40%``) or a range of shares
(``0.3..0.5``, ``30%..50%``); see :mod:`shorewise.domain.weight_spec`."""


class Weights(_Frozen):
    """Criterion weights for the recommendation. Plain numbers are relative weights,
    normalised to sum 1 (one weight vector); a share (``40%``) or a range of shares
    (``30%..50%``) makes the weights a region, scored at its centre and sampled by SMAA
    (see :meth:`Scenario.weight_constraints`)."""

    cost: WeightValue = 0.4
    speed: WeightValue = 0.15
    control: WeightValue = 0.2
    scalability: WeightValue = 0.1
    risk: WeightValue = 0.15

    @model_validator(mode="after")
    def _valid(self) -> Weights:
        if self.is_point:
            if sum(self.as_dict().values()) <= 0:
                raise ValueError("at least one weight must be positive")
            return self
        try:
            parse_weight_spec(self.written())
        except ValueError as exc:
            raise ValueError(str(exc).removeprefix("weights.")) from None
        return self

    @property
    def is_point(self) -> bool:
        """True when every weight is a plain number (one weight vector)."""
        return all(not isinstance(v, str) for v in self.model_dump().values())

    def written(self) -> dict[str, float | str]:
        """The weights the file wrote (defaults left out)."""
        values = self.model_dump()
        return {k: values[k] for k in CRITERIA if k in self.model_fields_set}

    def as_dict(self) -> dict[str, float]:
        """The weights by criterion as numbers (not normalised). Only for plain numbers;
        ``ValueError`` when a weight is a share or a range (use the constraints)."""
        if not self.is_point:
            raise ValueError("weights with shares or ranges have no single vector")
        return {k: float(v) for k, v in self.model_dump().items()}
