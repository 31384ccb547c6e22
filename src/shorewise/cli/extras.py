"""Optional parts of shorewise and the message shown when one is not installed.

A bare ``pip install shorewise`` gives the command line and the model; reports, the web
app, pandas frames and parquet draws need an extra. A missing module of an extra is not a
bug: it reads as what to install.

Example::

    >>> extra_for("vl_convert")
    'report'
    >>> print(missing_part_message("uvicorn"))
    this needs the optional part "web" of shorewise (the Python module uvicorn is not installed); install it with: pip install 'shorewise[web]' (in a clone: make demo)
    >>> extra_for("numpy") is None
    True
"""  # noqa: E501

from __future__ import annotations

__all__ = ["EXTRA_MODULES", "extra_for", "missing_part_message"]

EXTRA_MODULES: dict[str, tuple[str, ...]] = {
    "report": ("altair", "vl_convert", "jinja2", "weasyprint", "xlsxwriter", "platformdirs"),
    "web": (
        "fastapi",
        "starlette",
        "uvicorn",
        "jinja2_fragments",
        "multipart",
        "python_multipart",
        "sqlalchemy",
        "alembic",
        "psycopg",
    ),
    "frame": ("pandas",),
}
"""Extra name (``pip install 'shorewise[NAME]'``) -> the top-level modules it brings."""


def extra_for(module: str | None) -> str | None:
    """The extra that installs ``module`` (its top-level package), or None."""
    top = (module or "").partition(".")[0]
    return next((extra for extra, mods in EXTRA_MODULES.items() if top in mods), None)


def missing_part_message(module: str | None) -> str | None:
    """One line saying which optional part to install for ``module``; None if not ours."""
    extra = extra_for(module)
    if extra is None:
        return None
    top = (module or "").partition(".")[0]
    return (
        f'this needs the optional part "{extra}" of shorewise (the Python module {top} is not '
        f"installed); install it with: pip install 'shorewise[{extra}]' (in a clone: make demo)"
    )
