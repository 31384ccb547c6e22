"""What every route shares: the library, the job runner, the templates and their filters.

Templates are autoescaped Jinja2 (every value is escaped unless a template says
otherwise) rendered through jinja2-fragments, so an HTMX request can get one block of a
page instead of the whole page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from jinja2_fragments.fastapi import Jinja2Blocks
from starlette.responses import Response

from shorewise.results import numbers as fmt
from shorewise.results.vocabulary import option_label
from shorewise.web.jobs import JobRunner
from shorewise.web.security import csrf_token
from shorewise.workflows.library import Library

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


@dataclass
class WebSettings:
    """Limits of one app: draws per run, request body size, report formats offered."""

    max_samples: int
    max_body_bytes: int


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _percent(value: Any, signed: bool = False) -> str:
    return fmt.share(_number(value), signed=signed)


def _amount(value: Any) -> str:
    return fmt.amount(_number(value))


def _money(value: Any, currency: Any) -> str:
    """Money with the currency's symbol, as every other surface writes it: ``$1.42M``."""
    return fmt.money(_number(value), str(currency or "USD"))


def _money_band(figure: Any, currency: Any) -> str:
    """A P10–P90 range with the currency's symbol: ``$1.3–1.6M``."""
    if not isinstance(figure, dict):
        return fmt.MISSING
    low, high = _number(figure.get("p10")), _number(figure.get("p90"))
    return fmt.money_range(low, high, str(currency or "USD"))


def _band(figure: Any) -> str:
    if not isinstance(figure, dict):
        return fmt.MISSING
    return fmt.amount_range(_number(figure.get("p10")), _number(figure.get("p90")))


def _months(value: Any) -> str:
    """Whole months; ``not reached`` where a stored figure is null (never reached)."""
    number = _number(value)
    return fmt.months(float("inf") if number is None else number, short=True)


def _finish(figure: Any, cap: Any = None) -> str:
    """When the scope is done (a stored ``finish_month`` figure's P50): ``month 42``;
    ``after month 54`` past the workstream's cap; ``–`` for results stored without it."""
    if not isinstance(figure, dict):
        return fmt.MISSING
    limit = int(cap) if isinstance(cap, int | float) and not isinstance(cap, bool) else None
    return fmt.finish(_number(figure.get("p50")), limit)


def _option_label(name: Any) -> str:
    """``offshore_inhouse@VN`` -> ``Dedicated team in Vietnam``."""
    return option_label(str(name)) if name else fmt.MISSING


def _text(item: Any) -> str:
    """A finding's sentence (stored results before findings were data: the string)."""
    if isinstance(item, dict):
        return str(item.get("text", ""))
    return str(item)


def _when(moment: Any) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment is not None else ""


def make_templates() -> Jinja2Blocks:
    """The template renderer with shorewise's filters (autoescape always on)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        amount=_amount,
        money=_money,
        money_band=_money_band,
        band=_band,
        percent=_percent,
        months=_months,
        finish=_finish,
        when=_when,
        option_label=_option_label,
        text=_text,
    )
    return Jinja2Blocks(env=env)


def library(request: Request) -> Library:
    """The app's library (dependency)."""
    lib: Library = request.app.state.library
    return lib


def jobs(request: Request) -> JobRunner:
    """The app's background job runner (dependency)."""
    runner: JobRunner = request.app.state.jobs
    return runner


def settings(request: Request) -> WebSettings:
    """The app's limits (dependency)."""
    value: WebSettings = request.app.state.settings
    return value


def is_htmx(request: Request) -> bool:
    """True for a request HTMX sent (it wants a fragment, not a page)."""
    return request.headers.get("hx-request") == "true"


def render(
    request: Request,
    name: str,
    context: dict[str, Any],
    *,
    status_code: int = 200,
    block: str | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """Render a page, or only ``block`` of it; every page gets the CSRF token and limits."""
    templates: Jinja2Blocks = request.app.state.templates
    full = {"csrf_token": csrf_token(request), "settings": settings(request), **context}
    if block is not None:
        return templates.TemplateResponse(
            request, name, full, status_code=status_code, headers=headers, block_name=block
        )
    return templates.TemplateResponse(request, name, full, status_code=status_code, headers=headers)
