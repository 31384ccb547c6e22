"""CLI commands: serve (registered on the app by :func:`register`)."""

from __future__ import annotations

from typing import Annotated

import typer

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve(
    host: Annotated[
        str,
        typer.Option(help="Address to listen on. Anything but 127.0.0.1 exposes the app."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8765,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Database URL: sqlite:///path.db or postgresql+psycopg://user@host/db. "
            "Default: shorewise.db in your user data folder.",
        ),
    ] = None,
    open_browser: Annotated[
        bool, typer.Option("--open/--no-open", help="Open the app in your web browser.")
    ] = True,
) -> None:
    """Start the local web app: edit, run, save and compare scenarios in your browser.

    Example: shorewise serve --port 8765 --db sqlite:///scenarios.db --no-open
    """
    import threading
    import webbrowser

    import uvicorn

    from shorewise.storage.database import default_url
    from shorewise.web.app import LOOPBACK_HOSTS, create_app

    url = db or default_url()
    loopback = host in LOOPBACK
    # On loopback only local host names are answered (no DNS rebinding); elsewhere any.
    app = create_app(url, allowed_hosts=LOOPBACK_HOSTS if loopback else None)
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{port}/"
    typer.echo(f"shorewise on {address} (database: {_redacted(url)}); Ctrl+C stops it")
    if not loopback:
        typer.echo(f"warning: on {host}, anyone who can reach this port can use the app", err=True)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(address,)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning", ws="none")


def _redacted(url: str) -> str:
    """The URL without its password, for printing."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "(unparsed URL)"


def register(app: typer.Typer) -> None:
    """Add this module's commands to app."""
    app.command()(serve)
