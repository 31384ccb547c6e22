"""Request safety: body size cap, same-origin checks and CSRF tokens for forms.

- :class:`BodyLimitMiddleware` answers 413 to a body over the cap, whether it declares a
  ``Content-Length`` or streams.

Both answer JSON (``{"detail", "errors"}``, as every API error) under ``/api/`` and plain
text elsewhere.
- :class:`SameOriginMiddleware` refuses (403) an unsafe request (POST, PUT, DELETE, PATCH)
  whose ``Origin`` (or, without one, ``Referer``) is another site, and sets the CSRF cookie.
- :func:`check_csrf` (a dependency of every HTML form route) wants the cookie's token back
  in the ``csrf_token`` form field or the ``X-CSRF-Token`` header (double submit).

JSON/YAML API requests need no token: browsers cannot send those content types, nor PUT
or DELETE, to another site without a CORS preflight, which this app never grants.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.datastructures import Headers
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "shorewise_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def refusal(scope: Scope, message: str, status_code: int) -> Response:
    """An error answer from a middleware: JSON for the API, text for pages."""
    if str(scope.get("path", "")).startswith("/api/"):
        return JSONResponse({"detail": message, "errors": []}, status_code=status_code)
    return PlainTextResponse(message, status_code=status_code)


class BodyTooLargeError(Exception):
    """Raised inside the app when a streamed body passes the cap."""


class BodyLimitMiddleware:
    """Refuse request bodies over ``max_bytes`` with 413."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._too_large(scope, receive, send)
            return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLargeError
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLargeError:
            if not started:
                await self._too_large(scope, receive, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"request body too large: at most {self.max_bytes:,} bytes"
        await refusal(scope, message, 413)(scope, receive, send)


def _origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


class SameOriginMiddleware:
    """403 for cross-site unsafe requests; hands out the CSRF cookie to every visitor."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if scope["method"] not in SAFE_METHODS and not _same_origin(scope, headers):
            await refusal(scope, "cross-site request refused", 403)(scope, receive, send)
            return
        token = _cookie(headers, CSRF_COOKIE)
        fresh = token is None or len(token) < 32
        if fresh:
            token = secrets.token_urlsafe(32)
        scope.setdefault("state", {})["csrf_token"] = token

        async def send_with_cookie(message: Message) -> None:
            if fresh and message["type"] == "http.response.start":
                cookie = f"{CSRF_COOKIE}={token}; Path=/; SameSite=Strict; HttpOnly"
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"set-cookie", cookie.encode())]
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def _cookie(headers: Headers, name: str) -> str | None:
    for part in headers.get("cookie", "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


def _same_origin(scope: Scope, headers: Headers) -> bool:
    claimed = headers.get("origin") or headers.get("referer")
    if not claimed or claimed == "null":
        return claimed is None  # "null" origins (sandboxed frames, file:) are refused
    origin = _origin_of(claimed)
    scheme = scope.get("scheme", "http")
    host = headers.get("host", "")
    return origin == f"{scheme}://{host}".lower()


async def check_csrf(request: Request) -> None:
    """Dependency for HTML form routes: unsafe requests must echo the CSRF cookie."""
    if request.method in SAFE_METHODS:
        return
    expected = request.cookies.get(CSRF_COOKIE, "")
    given = request.headers.get(CSRF_HEADER)
    if given is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            value = (await request.form()).get(CSRF_FIELD)
            given = value if isinstance(value, str) else None
    if not expected or not given or not secrets.compare_digest(expected, given):
        raise HTTPException(
            status_code=403,
            detail="the form's security token is missing or stale; reload the page and retry",
        )


def csrf_token(request: Request) -> str:
    """The token templates put in forms (set by :class:`SameOriginMiddleware`)."""
    return str(getattr(request.state, "csrf_token", ""))
