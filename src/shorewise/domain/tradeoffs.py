"""Weights people can give: a few trade-off questions, and the importance order they imply.

Nobody knows their "weight on control" as a number, but most can say whether they would
rather pay 10 % less or have the team two months sooner. Each question pits two criteria;
the answer names the one that matters more (or ``equal``). The answers are kept in the
scenario (``weight_answers``) and give an importance order (``weight_order``) by counting,
for each criterion, the questions it won (Copeland's method); criteria never asked about
are left out of the order, and ties keep the default weights' order. SMAA then samples the
weights uniformly among those that respect the order.

Example::

    >>> order_from_answers({"cost_vs_speed": "cost", "cost_vs_control": "control",
    ...                     "speed_vs_control": "control"})
    ('control', 'cost', 'speed')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from shorewise.domain.weight_spec import CRITERIA

__all__ = ["EQUAL", "QUESTIONS", "Question", "order_from_answers"]

EQUAL = "equal"


@dataclass(frozen=True)
class Question:
    """One trade-off: ``text`` asks the person to choose between criteria ``a`` and ``b``."""

    id: str
    a: str
    b: str
    text: str
    a_answer: str
    b_answer: str


QUESTIONS: tuple[Question, ...] = (
    Question(
        "cost_vs_speed",
        "cost",
        "speed",
        "Would you rather pay 10 % less, or have the team at full strength two months sooner?",
        "pay 10 % less",
        "two months sooner",
    ),
    Question(
        "cost_vs_control",
        "cost",
        "control",
        "Would you rather pay 10 % less, or keep the work with your own people (more control)?",
        "pay 10 % less",
        "more control",
    ),
    Question(
        "speed_vs_control",
        "speed",
        "control",
        "Would you rather have the team two months sooner, or keep more control?",
        "two months sooner",
        "more control",
    ),
    Question(
        "cost_vs_risk",
        "cost",
        "risk",
        "Would you rather pay 10 % less, or have a narrower range of outcomes and less "
        "dependence on one vendor?",
        "pay 10 % less",
        "less risk",
    ),
    Question(
        "speed_vs_scalability",
        "speed",
        "scalability",
        "Would you rather have the team two months sooner, or be able to add half again "
        "the capacity faster later?",
        "two months sooner",
        "grow faster later",
    ),
)
"""The questions ``shorewise init`` and the web editor ask, in order."""

_BY_ID = {q.id: q for q in QUESTIONS}


def _check(answers: Mapping[str, str]) -> None:
    for qid, answer in answers.items():
        q = _BY_ID.get(qid)
        if q is None:
            raise ValueError(
                f"weight_answers.{qid}: unknown question; allowed: {', '.join(_BY_ID)}"
            )
        if answer not in (q.a, q.b, EQUAL):
            raise ValueError(
                f"weight_answers.{qid}: answer {answer!r}; allowed: {q.a}, {q.b} or {EQUAL}"
            )


def order_from_answers(answers: Mapping[str, str]) -> tuple[str, ...]:
    """The importance order the answers give (most important first), see module doc.

    Raises ``ValueError`` naming the question for an unknown question or answer.
    """
    _check(answers)
    wins: dict[str, float] = {}
    for qid, answer in answers.items():
        q = _BY_ID[qid]
        for c in (q.a, q.b):
            wins.setdefault(c, 0.0)
        if answer == EQUAL:
            wins[q.a] += 0.5
            wins[q.b] += 0.5
        else:
            wins[answer] += 1.0
    if len(set(wins.values())) <= 1:
        return ()  # every criterion equally important: no order to impose
    return tuple(sorted(wins, key=lambda c: (-wins[c], CRITERIA.index(c))))
