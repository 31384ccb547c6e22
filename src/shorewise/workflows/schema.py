"""The JSON Schema of scenario files, for editors (``shorewise schema``)."""

from __future__ import annotations

from typing import Any

from shorewise.domain.catalogue import CATALOGUE
from shorewise.domain.scenario import Scenario

_UNCERTAIN = {
    "description": "a number (0.8), a percentage ('80%'), a range ('30%..70%', uniform "
    "between the bounds) or {dist: uniform|triangular|pert|normal|lognormal|interval90, ...}",
    "anyOf": [
        {"type": "number"},
        {"type": "string"},
        {
            "type": "object",
            "required": ["dist"],
            "properties": {
                "dist": {
                    "enum": [
                        "uniform",
                        "triangular",
                        "pert",
                        "normal",
                        "lognormal",
                        "interval90",
                        "fixed",
                    ]
                }
            },
        },
    ],
}


def scenario_json_schema() -> dict[str, Any]:
    """Pydantic's schema of ``Scenario`` with the assumptions block spelled out by name."""
    schema = Scenario.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "shorewise scenario"
    per_country = "|".join(n for n, a in CATALOGUE.items() if a.per_country)
    props = {
        name: {**_UNCERTAIN, "description": f"{a.meaning} [{a.unit}]"}
        for name, a in CATALOGUE.items()
    }
    schema["properties"]["assumptions"] = {
        "type": "object",
        "description": "overrides by assumption name; per-country ones also as name@CC",
        "properties": props,
        "patternProperties": {rf"^({per_country})@[A-Za-z]{{2}}$": _UNCERTAIN},
        "additionalProperties": False,
    }
    return schema
