"""Findings into sentences: the one place words are made from the decision's data.

Every reason, caveat and flip condition is a ``kind`` with numbers
(:mod:`shorewise.decision.findings`); this module writes the sentence people read, with
option labels (never ids) and the shared number formatter. "The article" is the seed
article shorewise comes from.

Example::

    >>> words = Wording("USD")
    >>> words.finding(Finding("months_to_target", {"months": 7.0}))
    'Builds to 90% of the target capacity in 7 months (P50)'
    >>> words.finding(Finding("breakeven", {"against": "offshore_outsource@VN", "month": 9.0}))
    'Its start-up costs are repaid by month 9: from then on it stays cheaper per effective FTE-month than the vendor in Vietnam (P50)'
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from shorewise.decision.findings import Finding, FlipFinding
from shorewise.results import numbers as fmt
from shorewise.results.vocabulary import criterion_label, input_label, option_phrase

__all__ = ["Wording"]

ARTICLE = "the article"

_FITS = {
    "never_outsource_core": "Fits {a}'s rule never to outsource core IT: this is core work and "
    "it stays in-house",
    "outsource_short": "Fits {a}'s rule that outsourcing suits short projects (under a year): "
    "this work runs {months}",
    "own_team_long": "Fits {a}'s rule that a dedicated team abroad suits long, important work "
    "(over a year): this work runs {months}",
    "outsourcing_for_non_it": "Fits {a}'s advice that outsourcing IT work makes most sense for "
    "a company whose business is not IT",
    "inhouse_when_budget": "Fits {a}'s rule for an in-house team at home when the budget allows: "
    "the costliest year is {peak} (P50) of the {budget} annual budget",
}

_AGAINST = {
    "never_outsource_core": "Goes against {a}'s rule never to outsource core IT: {outsourced} of "
    "this core work goes to a vendor (the policy was turned off)",
    "outsource_short": "Goes against {a}'s rule that short projects (under a year) suit "
    "outsourcing: this work runs {months} and the pick builds a team of its own",
    "own_team_long": "Goes against {a}'s rule that long work (over a year) suits a team of your "
    "own: this work runs {months} and {outsourced} of it goes to a vendor",
    "outsourcing_for_non_it/tech": "Goes against {a}'s advice that outsourcing IT mostly makes "
    "sense for non-IT companies: this is a tech company outsourcing {outsourced} of the work",
    "outsourcing_for_non_it/non_it": "Goes against {a}'s advice that a company whose business "
    "is not IT does best to outsource IT work: this pick builds a team of its own",
    "inhouse_when_budget": "Goes against {a}'s rule that an in-house team at home fits when the "
    "budget allows: it is over the {budget} annual budget in year {years}",
}


def _years(values: list[int]) -> str:
    if len(values) <= 1:
        return ", ".join(str(v) for v in values)
    return ", ".join(str(v) for v in values[:-1]) + f" and {values[-1]}"


@dataclass(frozen=True)
class Wording:
    """Sentences in the scenario's currency; ``home`` names the home country when set."""

    currency: str
    home: str | None = None

    def money(self, value: float | None) -> str:
        return fmt.money(value, self.currency)

    def option(self, option: str | None) -> str:
        return option_phrase(option)

    # --- findings --------------------------------------------------------------------
    def finding(self, f: Finding) -> str:
        """The sentence of a reason or caveat."""
        method: Callable[[Finding], str] | None = getattr(self, f"_{f.kind}", None)
        if method is None:
            raise ValueError(f"no wording for finding kind {f.kind!r}")
        return method(f)

    def _ranks_first(self, f: Finding) -> str:
        ahead = [criterion_label(str(a["criterion"])) for a in f.get("ahead_on", [])]
        text = (
            f"Ranks first on your weighted criteria: score {f['score']:.2f} against "
            f"{f['runner_up_score']:.2f} for {self.option(f['runner_up'])}"
        )
        return text + (f", ahead on {' and '.join(ahead)}" if ahead else "")

    def _only_eligible(self, f: Finding) -> str:
        return "The only option the policy allows for this work"

    def _saving(self, f: Finding) -> str:
        total, unit = f["total_saving"], f["unit_saving"]
        who = self.option(f["comparator"])
        if f.get("comparator_on_time") is False:
            delivered = fmt.share(f.get("comparator_delivered_share"))
            who += f", which would deliver {delivered} of the work by the due month"
        return (
            f"{fmt.share(abs(total))} {'cheaper' if total >= 0 else 'dearer'} in total than "
            f"{who} ({self.money(f['total_cost'])} against "
            f"{self.money(f['comparator_total_cost'])}) and {fmt.share(abs(unit))} "
            f"{'cheaper' if unit >= 0 else 'dearer'} per effective FTE-month "
            f"({self.money(f['unit_cost'])} against {self.money(f['comparator_unit_cost'])}), P50"
        )

    def _on_time(self, f: Finding) -> str:
        return (
            f"On time: delivers {fmt.share(f['delivered_share'])} of the work by month "
            f"{f['due_month']} (P50; at least 90% in {fmt.share(f['p_on_time'])} of draws)"
        )

    def _unit_cost(self, f: Finding) -> str:
        return f"Costs {self.money(f['unit_cost'])} per effective FTE-month (P50)"

    def _months_to_target(self, f: Finding) -> str:
        return f"Builds to 90% of the target capacity in {fmt.months(f['months'])} (P50)"

    def _breakeven(self, f: Finding) -> str:
        other = self.option(f["against"])
        if f["month"] <= 1:
            return f"Cheaper per effective FTE-month than {other} from the first month"
        return (
            f"Its start-up costs are repaid by month {f['month']:.0f}: from then on it stays "
            f"cheaper per effective FTE-month than {other} (P50)"
        )

    def _p_best(self, f: Finding) -> str:
        return (
            f"Ranks first in {fmt.share(f['share'])} of {fmt.count(f['draws'])} Monte Carlo draws"
        )

    def _topsis_agreement(self, f: Finding) -> str:
        pairs = f"{f['pairs_agree']} of {f['pairs']} pairs of options"
        if f["same_first"]:
            return (
                f"A second scoring method (TOPSIS) picks the same option and orders {pairs} "
                "the same way"
            )
        return (
            "A second scoring method (TOPSIS) would pick another option; it orders "
            f"{pairs} the same way"
        )

    def _smaa_first(self, f: Finding) -> str:
        region = (
            "any weights you could give the five criteria"
            if f["weights"] == "any"
            else "the weights your ranges and order allow"
        )
        return (
            f"Ranks first for {fmt.share(f['share'])} of {region}, across the Monte Carlo "
            "draws (SMAA)"
        )

    def _smaa_alternative(self, f: Finding) -> str:
        return (
            f"{self.option(f['option'])[0].upper()}{self.option(f['option'])[1:]} ranks first "
            f"for {fmt.share(f['share'])} of the weights, typically when "
            f"{criterion_label(f['heavier'])} weighs more and {criterion_label(f['lighter'])} "
            "less"
        )

    def _voi_input(self, f: Finding) -> str:
        return (
            f"Worth finding out before you sign: knowing the {input_label(f['input'])} "
            f"would be worth up to {self.money(f['value'])} on expected cost (of "
            f"{self.money(f['total'])} for knowing everything)"
        )

    def _voi_spread(self, f: Finding) -> str:
        return (
            f"Knowing everything before deciding would be worth up to {self.money(f['total'])} "
            "on expected cost, spread over many inputs: no single one is worth checking alone"
        )

    def _voi_none(self, f: Finding) -> str:
        return (
            "Nothing to find out first: across the Monte Carlo draws no input changes which "
            "option's work costs least"
        )

    def _within_budget(self, f: Finding) -> str:
        return (
            f"Within the annual budget: the costliest year is {self.money(f['peak_year_cost'])} "
            f"(P50) of {self.money(f['annual_budget'])}"
        )

    def _over_budget(self, f: Finding) -> str:
        return (
            f"Over budget in year {f['year']}: the plan costs {self.money(f['cost'])} (P50) "
            f"against an annual budget of {self.money(f['annual_budget'])}"
        )

    def _seed_numbers(self, f: Finding) -> dict[str, str]:
        return {
            "a": ARTICLE,
            "months": fmt.months(f.get("duration_months")),
            "outsourced": fmt.share(f.get("outsourced_share")),
            "budget": self.money(f.get("annual_budget")),
            "peak": self.money(f.get("peak_year_cost")),
            "years": _years(list(f.get("over_budget_years") or [])),
        }

    def _fits_seed_rule(self, f: Finding) -> str:
        return _FITS[f["rule"]].format(**self._seed_numbers(f))

    def _against_seed_rule(self, f: Finding) -> str:
        rule = f["rule"]
        if rule == "outsourcing_for_non_it":
            rule += "/tech" if f.get("tech_company") else "/non_it"
        return _AGAINST[rule].format(**self._seed_numbers(f))

    def _late(self, f: Finding) -> str:
        text = (
            f"Late: delivers {fmt.share(f['delivered_share'])} of the work by month "
            f"{f['due_month']}, the due month (P50; at least 90% in "
            f"{fmt.share(f['p_on_time'])} of draws)"
        )
        if "finish_cap_month" in f.data:
            done = f.get("finish_month")
            text += (
                f"; kept until the work is done, it finishes in {fmt.finish(done)}"
                if done is not None
                else f"; it is not done by month {f['finish_cap_month']}, the latest a late "
                "team is kept"
            )
        if f.get("every_option"):
            text += "; no option you can choose delivers 90% on time, so this is the best late one"
        return text

    def _hr_problem(self, f: Finding) -> str:
        if f["where"] == "home":
            return (
                f"HR is a problem ({ARTICLE}): hiring takes months and about "
                f"{fmt.share(f['attrition'])} of the team leaves each year; each leaver is a "
                "vacancy, a recruiting fee and a new hire to train"
            )
        return (
            f"HR is a problem ({ARTICLE}): about {fmt.share(f['attrition'])} of the team abroad "
            "leaves each year; local HR, payroll and retention need an owner"
        )

    def _cost_problem(self, f: Finding) -> str:
        return (
            f"Cost is a problem ({ARTICLE}): {f['unit_cost_ratio']:.1f}× the cheapest allowed "
            "option per effective FTE-month"
        )

    def _time_to_build(self, f: Finding) -> str:
        months = f.get("months_to_target")
        reach = (
            f"{fmt.months(months)} to reach 90% of the target capacity"
            if months is not None
            else "it does not reach 90% of the target capacity within the work"
        )
        if f.get("setup_months"):
            reach += f", including about {fmt.months(f['setup_months'])} to open an own entity"
        return (
            f"Needs time to build ({ARTICLE}): {reach}; the upfront investment pays back only "
            "on longer work"
        )

    def _lower_control(self, f: Finding) -> str:
        return (
            f"Control is lower than at home ({ARTICLE}: a different country, −25%): plan "
            "overlap hours, visits and clear ownership"
        )

    def _trusted_partner(self, f: Finding) -> str:
        return (
            f"Needs a trusted partner ({ARTICLE}): check references, delivery track record "
            "and who owns the code and knowledge"
        )

    def _change_requests(self, f: Finding) -> str:
        vol = f" with {f['volatility']} scope volatility" if f.get("volatility") else ""
        if not f["premium"]:
            return (
                f"Change requests cost extra ({ARTICLE}): on time and materials changes are "
                "billed as hours, so no premium is modelled; on a fixed price they are, so fix "
                "rates for changes in the contract"
            )
        return (
            f"Change requests cost extra ({ARTICLE}): modelled at {fmt.share(f['premium'])} of "
            f"fixed-price fees{vol}; fix scope and rates for changes in the contract"
        )

    def _vendor_dependency(self, f: Finding) -> str:
        return (
            f"Vendor dependency ({ARTICLE}): if the vendor stops, the work stops; keep "
            "documentation, access and an exit plan"
        )

    def _least_effort(self, f: Finding) -> str:
        if not f["rework_rate"]:
            return (
                f"Least-effort solutions ({ARTICLE}): on time and materials the hours of rework "
                "are billed and counted in the vendor's productivity; review architecture and "
                "code quality yourself"
            )
        return (
            f"Least-effort solutions ({ARTICLE}): rework modelled at up to "
            f"{fmt.share(f['rework_rate'])} of fixed-price fees after a year; review "
            "architecture and "
            "code quality yourself"
        )

    def _least_control(self, f: Finding) -> str:
        return (
            f"Least control of all options ({ARTICLE}: an external vendor in another "
            f"country, control {fmt.share(f['control'])})"
        )

    def _uncertain_pick(self, f: Finding) -> str:
        return (
            f"Uncertain pick: it ranks first in only {fmt.share(f['share'])} of the Monte "
            "Carlo draws; see what would change the answer"
        )

    def _policy_off(self, f: Finding) -> str:
        return (
            "The policy never to outsource core work is turned off in this scenario: "
            f"outsourcing core work is allowed here, against {ARTICLE}'s advice"
        )

    def _non_it_company(self, f: Finding) -> str:
        return (
            f"Non-IT company: {ARTICLE} notes that outsourcing IT projects to a trustworthy "
            "third party makes most sense for companies whose business is not IT"
        )

    # --- flips -----------------------------------------------------------------------
    def value(self, value: float, unit: str) -> str:
        """An input's value in its unit: ``11 months``, ``45%``."""
        if unit == "months":
            return fmt.months(value)
        return fmt.share(value)

    def flip(self, f: FlipFinding) -> str:
        """The sentence of a flip condition."""
        name = input_label(f.input)
        now = self.value(f.current, f.unit)
        if f.threshold is None or f.option is None:
            return (
                f"{name[0].upper() + name[1:]}: no other option ranks first between "
                f"{self.value(f.low, f.unit)} and {self.value(f.high, f.unit)} "
                f"(now {now})"
            )
        who = self.option(f.option)
        if f.input == "duration_months":
            return (
                f"{f.direction.capitalize() if f.direction else ''} "
                f"{self.value(f.threshold, f.unit)}, {who} would rank first (now {now})"
            )
        return (
            f"{name[0].upper() + name[1:]} {f.direction} {self.value(f.threshold, f.unit)}: "
            f"{who} would rank first (now {now})"
        )
