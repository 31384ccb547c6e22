"""The local web app (``shorewise serve``): edit, run, save and compare scenarios.

Delivery only: routes parse the request, call :mod:`shorewise.workflows` (the
:class:`~shorewise.workflows.library.Library`), and render a template or JSON.

- :mod:`.app` — :func:`~shorewise.web.app.create_app`, the application factory;
- :mod:`.api` — the JSON API; :mod:`.pages`, :mod:`.results` — the HTML pages;
- :mod:`.forms` — the scenario form, named by the file format's field paths;
- :mod:`.charts` — Vega-Lite specs from a saved run; :mod:`.jobs` — background runs;
- :mod:`.security` — body cap, same-origin checks and CSRF tokens.
"""
