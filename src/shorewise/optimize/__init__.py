"""Best mixes: the cheapest split of each workstream across options, under constraints.

``build_candidates`` turns engine runs into linear coefficients; ``solve`` finds the
cheapest shares with ``scipy.optimize.milp`` (HiGHS) and prices the binding constraints.
"""

from shorewise.optimize.candidates import build_candidates
from shorewise.optimize.solve import Candidate, Limits, Solution, WorkstreamLimits, solve

__all__ = ["Candidate", "Limits", "Solution", "WorkstreamLimits", "build_candidates", "solve"]
