"""Uncertain numbers: what a user may write for any assumption, as typed values.

A number in a scenario may be written as

- ``0.8`` or ``"80%"`` — a fixed value;
- ``"30%..70%"`` or ``"3..6"`` — a **uniform** distribution between the two bounds
  (the bounds are the smallest and largest possible values, not a confidence interval);
- a mapping with ``dist`` and its parameters::

      {dist: uniform, low: 0.3, high: 0.7}
      {dist: triangular, low: 0.2, mode: 0.35, high: 0.6}
      {dist: pert, low: 0.2, mode: 0.35, high: 0.6}          # optional lamb (default 4)
      {dist: normal, mean: 0.8, sd: 0.05}                     # optional low/high truncation
      {dist: lognormal, median: 150000, sigma: 0.2}           # sigma of log(value)
      {dist: interval90, low: 0.3, high: 0.7}                 # 5th..95th percentile, normal
      {dist: interval90, low: 100000, high: 200000, shape: lognormal}

Each value is an immutable pydantic model; sampling lives in ``shorewise.uncertainty``.
Parameters are checked here (``low <= mode <= high``, ``sd > 0``, ...), so kernels can
trust them.

Example::

    >>> parse_uncertain("30%..70%")
    Uniform(kind='uniform', low=0.3, high=0.7)
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

__all__ = [
    "Distribution",
    "Fixed",
    "Interval90",
    "LogNormal",
    "Normal",
    "Pert",
    "Triangular",
    "Uniform",
    "describe",
    "parse_uncertain",
]


class _Dist(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _finite(*values: float | None) -> None:
    for value in values:
        if value is not None and not math.isfinite(value):
            raise ValueError("every parameter must be a finite number")


class Fixed(_Dist):
    """A known value."""

    kind: Literal["fixed"] = "fixed"
    value: float

    @model_validator(mode="after")
    def _check(self) -> Fixed:
        _finite(self.value)
        return self


class Uniform(_Dist):
    """Every value between ``low`` and ``high`` equally likely (what ``a..b`` means)."""

    kind: Literal["uniform"] = "uniform"
    low: float
    high: float

    @model_validator(mode="after")
    def _check(self) -> Uniform:
        _finite(self.low, self.high)
        if self.low > self.high:
            raise ValueError(f"low ({self.low:g}) must not exceed high ({self.high:g})")
        return self


class Triangular(_Dist):
    """Triangular between ``low`` and ``high`` with its peak at ``mode``."""

    kind: Literal["triangular"] = "triangular"
    low: float
    mode: float
    high: float

    @model_validator(mode="after")
    def _check(self) -> Triangular:
        _finite(self.low, self.mode, self.high)
        if not self.low <= self.mode <= self.high:
            raise ValueError(
                f"need low <= mode <= high (got {self.low:g}, {self.mode:g}, {self.high:g})"
            )
        return self


class Pert(_Dist):
    """Beta-PERT between ``low`` and ``high``, most likely ``mode``; ``lamb`` sets the peak."""

    kind: Literal["pert"] = "pert"
    low: float
    mode: float
    high: float
    lamb: float = 4.0

    @model_validator(mode="after")
    def _check(self) -> Pert:
        _finite(self.low, self.mode, self.high, self.lamb)
        if not self.low <= self.mode <= self.high:
            raise ValueError(
                f"need low <= mode <= high (got {self.low:g}, {self.mode:g}, {self.high:g})"
            )
        if self.lamb <= 0:
            raise ValueError(f"lamb must be positive (got {self.lamb:g})")
        return self


class Normal(_Dist):
    """Normal with ``mean`` and ``sd``, optionally truncated to ``[low, high]``."""

    kind: Literal["normal"] = "normal"
    mean: float
    sd: float
    low: float | None = None
    high: float | None = None

    @model_validator(mode="after")
    def _check(self) -> Normal:
        _finite(self.mean, self.sd, self.low, self.high)
        if self.sd <= 0:
            raise ValueError(f"sd must be positive (got {self.sd:g})")
        if self.low is not None and self.high is not None and self.low >= self.high:
            raise ValueError(f"low ({self.low:g}) must be below high ({self.high:g})")
        return self


class LogNormal(_Dist):
    """Log-normal with the given ``median`` (> 0) and ``sigma`` (sd of the log, > 0)."""

    kind: Literal["lognormal"] = "lognormal"
    median: float
    sigma: float

    @model_validator(mode="after")
    def _check(self) -> LogNormal:
        _finite(self.median, self.sigma)
        if self.median <= 0:
            raise ValueError(f"median must be positive (got {self.median:g})")
        if self.sigma <= 0:
            raise ValueError(f"sigma must be positive (got {self.sigma:g})")
        return self


class Interval90(_Dist):
    """A 90 % interval: ``low`` is the 5th and ``high`` the 95th percentile.

    ``shape`` is ``normal`` (default) or ``lognormal`` (then both bounds must be > 0).
    """

    kind: Literal["interval90"] = "interval90"
    low: float
    high: float
    shape: Literal["normal", "lognormal"] = "normal"

    @model_validator(mode="after")
    def _check(self) -> Interval90:
        _finite(self.low, self.high)
        if self.low >= self.high:
            raise ValueError(f"low ({self.low:g}) must be below high ({self.high:g})")
        if self.shape == "lognormal" and self.low <= 0:
            raise ValueError("a lognormal interval needs positive bounds")
        return self


Distribution = Annotated[
    Fixed | Uniform | Triangular | Pert | Normal | LogNormal | Interval90,
    Field(discriminator="kind"),
]
_ADAPTER: TypeAdapter[Distribution] = TypeAdapter(Distribution)

KINDS = ("uniform", "triangular", "pert", "normal", "lognormal", "interval90", "fixed")
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_SCALAR = re.compile(rf"^\s*({_NUMBER})\s*(%|k|K|m|M)?\s*$")
_RANGE = re.compile(r"^\s*(.+?)\s*\.\.\s*(.+?)\s*$")
_MULTIPLIER = {"k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, None: 1.0}


def _parse_scalar(text: str) -> float:
    match = _SCALAR.match(text)
    if not match:
        raise ValueError(
            f"{text!r} is not a number; write e.g. 0.8, 80%, 150k, or a range such as 30%..70%"
        )
    number, suffix = float(match.group(1)), match.group(2)
    return number / 100 if suffix == "%" else number * _MULTIPLIER[suffix]


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError("a number is needed, not true/false")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        return _parse_scalar(value)
    raise ValueError(f"a number is needed (got {type(value).__name__})")


def parse_uncertain(value: Any) -> Distribution:
    """Turn what a user wrote into a checked :data:`Distribution`.

    Raises ``ValueError`` with a message that says what is allowed.

    >>> parse_uncertain("80%")
    Fixed(kind='fixed', value=0.8)
    >>> parse_uncertain({"dist": "pert", "low": 0.2, "mode": 0.35, "high": 0.6}).kind
    'pert'
    """
    if isinstance(value, _Dist):
        return value  # type: ignore[return-value]
    if isinstance(value, str):
        match = _RANGE.match(value)
        if match:
            low, high = _parse_scalar(match.group(1)), _parse_scalar(match.group(2))
            if low > high:
                raise ValueError(f"range {value!r} is reversed: write the lower bound first")
            return Uniform(low=low, high=high)
        return Fixed(value=_parse_scalar(value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Fixed(value=_number(value))
    if isinstance(value, dict):
        data = dict(value)
        kind = data.pop("dist", data.pop("kind", None))
        if kind is None:
            raise ValueError(f"a distribution needs 'dist', one of: {', '.join(KINDS)}")
        if kind not in KINDS:
            raise ValueError(f"unknown dist {kind!r}; allowed: {', '.join(KINDS)}")
        params: dict[str, Any] = {"kind": kind}
        for key, raw in data.items():
            params[key] = raw if key == "shape" else _number(raw)
        try:
            return _ADAPTER.validate_python(params)
        except ValidationError as exc:
            messages = []
            for err in exc.errors():
                loc = ".".join(str(p) for p in err["loc"][1:])
                msg = str(err["msg"]).removeprefix("Value error, ")
                messages.append(f"{loc}: {msg}" if loc else msg)
            raise ValueError("; ".join(messages)) from exc
    raise ValueError(
        "expected a number (0.8), a percentage (80%), a range (30%..70%) "
        f"or a mapping with 'dist' (got {type(value).__name__})"
    )


def describe(dist: Distribution, unit: str = "") -> str:
    """A short human text for a distribution, e.g. ``uniform 0.3..0.7``."""
    fmt = _formatter(unit)
    match dist:
        case Fixed(value=v):
            return fmt(v)
        case Uniform(low=lo, high=hi):
            return f"{fmt(lo)}..{fmt(hi)} (uniform)"
        case Triangular(low=lo, mode=mo, high=hi):
            return f"triangular {fmt(lo)} / {fmt(mo)} / {fmt(hi)}"
        case Pert(low=lo, mode=mo, high=hi):
            return f"PERT {fmt(lo)} / {fmt(mo)} / {fmt(hi)}"
        case Normal(mean=m, sd=s):
            return f"normal {fmt(m)} ± {fmt(s)}"
        case LogNormal(median=m, sigma=s):
            return f"lognormal median {fmt(m)}, σ {s:g}"
        case Interval90(low=lo, high=hi, shape=shape):
            return f"90% interval {fmt(lo)}..{fmt(hi)} ({shape})"
    raise AssertionError(dist)  # pragma: no cover


def _formatter(unit: str) -> Callable[[float], str]:
    if unit in {"share", "share/year"}:
        return lambda v: f"{v * 100:.4g}%"
    return lambda v: f"{v:,.6g}"
