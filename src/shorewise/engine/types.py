"""Array shapes used across the engine, named once.

Axis order is always ``(draw, month)``; a category stack is ``(category, draw, month)``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
DrawVector = NDArray[np.float64]  # (draw,)
MonthCube = NDArray[np.float64]  # (draw, month)
CategoryCube = NDArray[np.float64]  # (category, draw, month)

CATEGORIES: tuple[str, ...] = (
    "salaries",
    "on_costs",
    "equipment_office",
    "eor_fees",
    "entity",
    "recruiting",
    "release",
    "vendor_fees",
    "vendor_selection_transition",
    "governance",
    "change_requests",
    "rework",
    "travel",
    "cost_of_delay",
)
"""Cost categories, in display order. ``cost_of_delay``: the months past the due month."""

CATEGORY_LABELS: dict[str, str] = {
    "salaries": "salaries",
    "on_costs": "employer on-costs and benefits",
    "equipment_office": "equipment and office",
    "eor_fees": "employer-of-record fees",
    "entity": "own entity set-up and running",
    "recruiting": "recruiting",
    "release": "release at the end (notice, severance)",
    "vendor_fees": "vendor fees",
    "vendor_selection_transition": "vendor selection and transition",
    "governance": "management and contract governance",
    "change_requests": "change-request premium",
    "rework": "rework of least-effort delivery",
    "travel": "travel",
    "cost_of_delay": "cost of delay (months late)",
}
