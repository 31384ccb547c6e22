"""Employer contribution caps and mandatory extra salaries, per country (private table).

Every figure comes from the ``employer-costs.csv`` row named by the key (``cap_notes``,
``components``, ``extra_salaries``); amounts are local currency **per month** (annual
figures divided by 12). A rule with no parts means the CSV's nominal rate applies.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

INF = math.inf


@dataclass(frozen=True)
class Part:
    """``rate`` x monthly pay between ``band_from`` and ``band_to`` (base at least ``floor``),
    plus ``flat``; counted only while monthly pay is in [``when_from``, ``when_below``)."""

    rate: float = 0.0
    band_to: float = INF
    band_from: float = 0.0
    floor: float = 0.0
    flat: float = 0.0
    when_from: float = 0.0
    when_below: float = INF

    def applies(self, pay: float) -> bool:
        return self.when_from <= pay < self.when_below

    def monthly(self, pay: float) -> float:
        if not self.applies(pay):
            return 0.0
        base = max(min(pay, self.band_to) - self.band_from, self.floor, 0.0)
        return self.rate * base + self.flat


@dataclass(frozen=True)
class Rule:
    """One country's caps (local currency per month) and mandatory extra salaries.

    ``parts=()`` means the nominal CSV rate applies (no numeric cap to encode).
    """

    currency: str
    parts: tuple[Part, ...]
    caps: str
    extra_months: float = 0.0
    extras: str = "none mandatory"
    contributions_on_extras: bool = False


def over(amount: float) -> float:
    """The smallest amount above ``amount``: turns "<= X" into a half-open bound."""
    return math.nextafter(amount, INF)


# Figures from employer-costs.csv (row named by the key): cap_notes, components, extra_salaries.
RULES: dict[str, Rule] = {
    "VN": Rule(
        "VND",
        (Part(0.205, band_to=46.8e6), Part(0.01, band_to=99.2e6), Part(0.02, band_to=46.8e6)),
        "SI 17.5 % + HI 3 % and the 2 % trade-union fee on a base capped at VND 46.8m/month "
        "(from 1 Jul 2024), UI 1 % capped at VND 99.2m/month (Region I)",
        extras="13th month / Tet bonus customary, not mandatory: not added",
    ),
    "IN": Rule(
        "INR",
        (Part(0.13, band_to=15_000), Part(0.0325, when_below=over(21_000))),
        "EPF 12 % + EDLI 0.5 % + admin 0.5 % on pay up to the INR 15,000/month wage ceiling "
        "(true base is basic+DA, approximated by gross); ESI 3.25 % only up to INR 21,000/month; "
        "gratuity accrual excluded",
    ),
    "PH": Rule(
        "PHP",
        (
            Part(0.10, floor=5_000, band_to=35_000),
            Part(flat=30),
            Part(0.025, floor=10_000, band_to=100_000),
            Part(0.02, band_to=10_000),
        ),
        "SSS 10 % of a salary credit in PHP 5,000-35,000/month, EC taken as PHP 30/month, "
        "PhilHealth 2.5 % on PHP 10,000-100,000/month, Pag-IBIG 2 % up to PHP 10,000/month",
        1.0,
        "13th-month pay (PD 851), 1 month, mandatory",
    ),
    "PL": Rule(
        "PLN",
        (),
        "cap not applied: value not retrieved (pension and disability stop at an "
        "annual cap; the CSV's 2019 value PLN 142,950 is out of date)",
    ),
    "UA": Rule(
        "UAH",
        (Part(0.22, band_to=100_500),),
        "base capped at 15 minimum wages = UAH 100,500/month (2023: max UAH 22,110/month)",
    ),
    "RO": Rule("RON", (), "no cap in the source"),
    "BR": Rule(
        "BRL",
        (),
        "no cap: employer INSS and FGTS are uncapped",
        4 / 3,
        "13th salary (1 month) + 1/3 vacation bonus, mandatory; INSS and FGTS due on them",
        contributions_on_extras=True,
    ),
    "MX": Rule(
        "MXN",
        (),
        "cap not applied: value not retrieved (IMSS base capped at 25 x UMA); "
        "IMSS share 17 % used (sources say 17-25 %); state payroll tax excluded",
        0.6,
        "aguinaldo 15 days (0.5 month) + vacation premium 25 % of 12 days (0.1 month), "
        "mandatory; PTU profit sharing excluded",
    ),
    "AR": Rule(
        "USD",
        (),
        "cap not applied: value not retrieved (contribution base limits); "
        "18 % band used (20.4 % for large services/commerce employers)",
        1.0,
        "SAC / aguinaldo 13th salary, mandatory",
    ),
    "CO": Rule(
        "COP",
        (Part(0.16522, band_to=32.5e6), Part(0.135, band_to=32.5e6, when_from=13e6)),
        "base capped at 25 SMMLV = COP 32.5m/month (2024); health 8.5 % + ICBF 3 % + SENA 2 % "
        "added at or above 10 SMMLV = COP 13m/month",
        2.12,
        "prima 1 month + cesantias 1 month + 12 % interest on cesantias, mandatory",
    ),
    "EG": Rule(
        "EGP",
        (Part(0.1875, floor=2_300, band_to=14_500),),
        "insurable wage EGP 2,300-14,500/month (from 1 Jan 2025)",
        extras="not retrieved",
    ),
    "ID": Rule(
        "IDR",
        (Part(0.04, band_to=12e6), Part(0.02, band_to=10_547_400), Part(0.0424)),
        "health 4 % up to IDR 12m/month, JP 2 % up to IDR 10,547,400/month (ASEAN Briefing; "
        "msure gives 10,042,300), JHT/JKK/JKM uncapped, JKP 0.36 % excluded",
        1.0,
        "THR religious-holiday allowance, 1 month, mandatory",
    ),
    "MY": Rule(
        "MYR",
        (
            Part(0.13, when_below=over(5_000)),
            Part(0.12, when_from=over(5_000)),
            Part(0.0195, band_to=6_000),
            Part(0.01),
        ),
        "EPF 13 % up to RM5,000/month, 12 % above (uncapped); SOCSO 1.75 % + EIS 0.2 % up to "
        "RM6,000/month; HRD levy 1 % (base approximated by gross)",
    ),
    "TH": Rule(
        "THB",
        (Part(0.05, band_to=15_000), Part(0.002, band_to=240_000 / 12)),
        "SSF 5 % on wages up to THB 15,000/month, WCF 0.2 % up to THB 240,000/yr",
    ),
    "PT": Rule(
        "EUR",
        (),
        "no contribution ceiling",
        2.0,
        "holiday and Christmas allowances, 1 month each (14 payments), mandatory",
    ),
    "ES": Rule(
        "EUR",
        (Part(0.3147, band_to=4_909.50),),
        "maximum contribution base EUR 4,909.50/month (2025); solidarity quota above it excluded",
        extras="pagas extraordinarias are inside the quoted annual salary: nothing added",
    ),
    "CN": Rule(
        "CNY",
        (Part(0.3066, floor=7_384, band_to=36_921),),
        "Shanghai base CNY 7,384-36,921/month (Jul 2024-Jun 2025) for every item",
    ),
    "GB": Rule(
        "GBP",
        (Part(0.15, band_from=5_000 / 12), Part(0.03, band_from=6_240 / 12, band_to=50_270 / 12)),
        "NIC 15 % above GBP 5,000/yr (no upper limit); pension 3 % on the GBP 6,240-50,270/yr "
        "band (2023/24); Employment Allowance not applied",
    ),
    "DE": Rule(
        "EUR",
        (Part(0.106, band_to=96_600 / 12), Part(0.1035, band_to=66_150 / 12), Part(0.0015)),
        "2025 ceilings: pension + unemployment up to EUR 96,600/yr, health + care up to "
        "EUR 66,150/yr; insolvency levy treated as uncapped",
    ),
    "FR": Rule(
        "EUR",
        (
            Part(0.2057),
            Part(0.1456, band_to=3_925),
            Part(0.0425, band_to=15_700),
            Part(0.1457, band_from=3_925, band_to=31_400),
        ),
        "PASS EUR 3,925/month: capped old-age 8.55 % and T1 6.01 % up to it, T2 14.57 % "
        "from it to EUR 31,400, unemployment + AGS up to EUR 15,700; full (not reduced) health "
        "and family rates: SMIC thresholds not retrieved (reduced-rate total 31.58 %)",
    ),
    "NL": Rule(
        "EUR",
        (Part(0.1603, band_to=75_864 / 12),),
        "maximum premium wage EUR 75,864/yr (2025)",
        0.96,
        "holiday allowance 8 % of gross wage (0.96 month), mandatory",
    ),
    "CA": Rule(
        "CAD",
        (
            Part(0.0595, band_from=3_500 / 12, band_to=71_300 / 12),
            Part(0.04, band_from=71_300 / 12, band_to=81_200 / 12),
            Part(0.02296, band_to=65_700 / 12),
        ),
        "2025: CPP 5.95 % on CAD 3,500-71,300/yr, CPP2 4 % on 71,300-81,200, EI 2.296 % up to "
        "65,700 (outside Quebec)",
    ),
    "AU": Rule(
        "AUD",
        (Part(0.12, band_to=65_070 / 3),),
        "super 12 % up to the maximum contribution base AUD 65,070/quarter (2024-25)",
    ),
    "SG": Rule(
        "SGD",
        (
            Part(0.17, band_to=7_400),
            Part(0.0025, floor=800, band_to=4_500),  # floor: SDL min SGD 2 = 0.25 % x 800
        ),
        "CPF 17 % up to SGD 7,400/month (citizens/PRs; Employment Pass holders pay none), SDL "
        "0.25 % on the first SGD 4,500 (min SGD 2)",
        extras="Annual Wage Supplement customary, not mandatory: not added",
    ),
    "JP": Rule(
        "JPY",
        (Part(0.04955, band_to=1_390_000), Part(0.0915, band_to=650_000), Part(0.0151)),
        "standard monthly remuneration max: pension JPY 650,000, health JPY 1,390,000; "
        "child-rearing, employment and accident insurance uncapped",
    ),
}
