"""HTTP methods done right: ``HEAD`` wherever ``GET`` is, and a true ``Allow`` on 405.

FastAPI routes answer only the methods they list, so ``HEAD`` got 405, and a 405 named
the methods of the first route whose path matched, not every method the path has.

Example::

    >>> app = HeadAsGetMiddleware(app)                               # doctest: +SKIP
    >>> allowed_methods(app.routes, {"type": "http", "path": "/api/scenarios/1",
    ...                              "method": "PATCH"})             # doctest: +SKIP
    ['DELETE', 'GET', 'HEAD', 'PUT']
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH")


class HeadAsGetMiddleware:
    """Answer ``HEAD`` as ``GET`` would, headers and all, without the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


def allowed_methods(routes: Sequence[BaseRoute], scope: Scope) -> list[str]:
    """Every method some route answers at ``scope``'s path (``HEAD`` with ``GET``), sorted.

    Each method is tried against the routes' own matching, so routers nested in routers
    count like any other route.
    """
    methods = {
        method
        for method in METHODS
        if any(route.matches({**scope, "method": method})[0] == Match.FULL for route in routes)
    }
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)
