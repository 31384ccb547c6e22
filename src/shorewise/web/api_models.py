"""The JSON API's response bodies, as pydantic models: they are the OpenAPI schemas that
clients (and the schemathesis tests) check every answer against.

Example::

    >>> ErrorBody(detail="no saved scenario with id 9").model_dump()
    {'detail': 'no saved scenario with id 9', 'errors': []}
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class FieldError(BaseModel):
    """One problem and the dotted field it is about (``body`` for the request as a whole)."""

    field: str
    message: str


class ErrorBody(BaseModel):
    """Every error answer: what went wrong, and each problem with its field."""

    model_config = ConfigDict(extra="allow")

    detail: str
    errors: list[FieldError] = Field(default_factory=list)


class ConflictBody(ErrorBody):
    """409 on an edit: the version it started from is no longer current."""

    current_version: int
    base_version: int


class BusyBody(ErrorBody):
    """503: the job queue is full; ``retry_after`` seconds (also the header)."""

    retry_after: int


class Health(BaseModel):
    """The server answers."""

    status: Literal["ok"]


class Saved(BaseModel):
    """A scenario version just saved."""

    id: int
    version: int


class ScenarioItem(BaseModel):
    """A saved scenario as listed."""

    id: int
    name: str
    version: int
    created_at: str
    updated_at: str
    latest_run_id: int | None


class ScenarioDetail(BaseModel):
    """One version of a scenario: its data, its text and the versions there are."""

    id: int
    name: str
    version: int
    current_version: int
    versions: list[int]
    created_at: str
    scenario: dict[str, Any]
    yaml: str


class RunItem(BaseModel):
    """A saved run as listed."""

    run_id: int
    scenario_version: int
    seed: int
    samples: int
    engine_version: str
    created_at: str
    recommendation: str | None


class RunInfo(BaseModel):
    """What reproduces a run."""

    scenario_id: int
    scenario_version: int
    seed: int
    samples: int
    engine_version: str
    seconds: float
    created_at: str


class RunDocument(BaseModel):
    """The ``shorewise compare --format json`` document (DESIGN §6), ``run_id`` and ``run``."""

    model_config = ConfigDict(extra="allow")

    scenario: str
    currency: str
    samples: int
    seed: int
    strategies: list[dict[str, Any]]
    recommendation: dict[str, Any]
    plan: dict[str, Any] | None
    run_id: int
    run: RunInfo


class JobState(BaseModel):
    """A queued, running or finished job."""

    job_id: str
    kind: Literal["run", "compare", "report", "analyses", "breakeven"]
    state: Literal["queued", "running", "done", "failed", "cancelled"]
    label: str
    done: int
    total: int
    ahead: int = Field(description="jobs queued before this one")
    attempts: int
    stalled: bool = Field(description="running, but no sign of life from its server lately")
    cancel_requested: bool
    run_id: int | None
    runs: list[int] | None
    file: str | None = Field(description="where a finished report job's file is")
    error: str | None
    errors: list[FieldError]
    created_at: str
    finished_at: str | None
