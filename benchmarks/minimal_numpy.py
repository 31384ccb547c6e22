"""BM-1 in one file with numpy only: the speed yardstick for ``shorewise compare``.

The same cost model as shorewise's engine for the BM-1 scenario (10 FTE for 36 months, US
home, Vietnam offshore, wage ratio 30-70 %, vendor margin 20-60 %, default assumptions
otherwise; the team abroad employed through an employer of record): linear hiring ramps,
linear learning, attrition with vacancies and replacement hires, wage growth, unit costs,
one-offs, governance, change-request and rework premiums, travel, NPV at 8 %. It samples
its inputs its own way (numpy's beta for PERT, no rank correlation), so its numbers match
shorewise's only statistically: it is a yardstick for speed, not an oracle.

Run: ``python benchmarks/minimal_numpy.py --samples 100000`` (prints P50s and the time).
"""

import sys
import time

import numpy as np

MONTHS, FTE, DISCOUNT = 36, 10.0, 0.08
PAY, ONCOST, EQUIPMENT = 147_250.0, 0.4205, 150.0


def pert(rng, n, low, mode, high, lamb=4.0):
    a = 1 + lamb * (mode - low) / (high - low)
    b = 1 + lamb * (high - mode) / (high - low)
    return low + (high - low) * rng.beta(a, b, n)


def draw(rng, n):
    u, tri = rng.uniform, rng.triangular
    return {
        "ratio": u(0.3, 0.7, n),
        "margin": u(0.2, 0.6, n),
        "benefits": u(0.03, 0.1, n),
        "office": u(300, 900, n),
        "office_vn": u(100, 300, n),
        "setup": tri(15e3, 30e3, 60e3, n),
        "fee": u(0.15, 0.25, n),
        "hire": tri(2, 4, 6, n),
        "hire_vn": tri(3, 5, 8, n),
        "mob": tri(0.5, 1, 2, n),
        "mob_vn": tri(0.5, 1.5, 3, n),
        "learn": pert(rng, n, 2, 4, 9),
        "learn_vendor": pert(rng, n, 1, 2, 4),
        "vacancy": tri(1, 1.6, 3, n),
        "vacancy_vn": tri(1, 2, 3.5, n),
        "backfill": u(0.25, 1, n),
        "attr": u(0.08, 0.2, n),
        "attr_vn": tri(0.12, 0.18, 0.28, n),
        "attr_vendor": tri(0.12, 0.2, 0.3, n),
        "release_vn": u(1, 2.5, n),
        "onsite": pert(rng, n, 0.05, 0.1, 0.5),
        "selection": u(0.002, 0.02, n) + u(0.02, 0.03, n),
        "gov_on": u(0.04, 0.08, n),
        "gov_off": u(0.06, 0.1, n),
        "gov_team": u(0.03, 0.08, n),
        "change": u(0.08, 0.2, n),
        "rework": u(0, 0.15, n),
        "travel": u(80, 200, n),
        "growth": u(0.02, 0.05, n),
        "growth_vn": u(0.04, 0.1, n),
    }


def shares(ramp, learn):
    """Monthly mean headcount, productive and hired shares, each (month, draw)."""
    r, lrn = np.maximum(ramp, 1e-3), np.maximum(learn, 1e-3)
    y = np.arange(MONTHS + 1.0)[:, None]
    g = np.where(y < r, y * y / (2 * r), y - r / 2)

    def v(x):
        x = np.maximum(x, 0)
        return np.where(x < lrn, x**3 / (6 * lrn), lrn * lrn / 6 + x * (x - lrn) / 2)

    w = (v(y) - v(y - r)) / r
    hired = np.minimum(y / r, 1)
    return np.diff(g, axis=0), np.diff(w, axis=0), np.diff(hired, axis=0)


def option(
    ramp,
    learn,
    attrition,
    vacancy,
    productivity,
    growth,
    unit,
    per_paid,
    fee,
    release,
    one_off,
    premium,
    rework,
):
    """Per-draw total cost, NPV, effective FTE-months and months to target."""
    a = 1 - (1 - attrition) ** (1 / 12)
    full = FTE / productivity
    head, productive, hires = shares(ramp, learn)
    paid = head * full * np.clip(1 - a * vacancy, 0, 1)
    effective = productive * full * productivity * np.clip(1 - a * (vacancy + learn / 2), 0, 1)
    month = np.arange(MONTHS)[:, None]
    grown = paid * (1 + growth) ** (month / 12)
    burn = grown * (unit * (1 + premium) + fee * a) + paid * per_paid
    burn += hires * full * fee * (1 + growth) ** (month / 12)
    burn += grown * rework * np.minimum(1, (month + 1) / 12)
    burn[0] += one_off
    burn[-1] += release * grown[-1]
    total = burn.sum(axis=0)
    npv = (burn * (1 + DISCOUNT) ** (-month / 12)).sum(axis=0)
    delivered = effective.sum(axis=0)
    reached = effective >= 0.9 * FTE - 1e-9
    to_target = np.where(reached.any(axis=0), reached.argmax(axis=0) + 1.0, np.inf)
    return total, npv, delivered, total / delivered, to_target


def run(n, seed=42):
    p = draw(np.random.default_rng(seed), n)
    salary = PAY / 12
    home_loaded = salary * (1 + ONCOST) + EQUIPMENT + p["office"]
    onshore_rate = home_loaded * (1 + p["margin"])
    vn_salary = salary * p["ratio"]
    vn_oncost = 0.235 + p["benefits"]
    vn_rate = (vn_salary * (1 + vn_oncost) + EQUIPMENT + p["office_vn"]) * (1 + p["margin"])
    blended = (1 - p["onsite"]) * vn_rate + p["onsite"] * onshore_rate
    zero = np.zeros(n)
    vendor_premium_on = p["gov_on"] + p["change"]
    vendor_premium_off = p["gov_off"] + p["change"]
    return {
        "onshore_inhouse": option(
            p["hire"],
            p["learn"],
            p["attr"],
            p["vacancy"],
            1.0,
            p["growth"],
            salary * (1 + ONCOST),
            EQUIPMENT + p["office"],
            p["fee"] * PAY,
            salary,
            zero,
            zero,
            zero,
        ),
        "onshore_outsource": option(
            p["mob"],
            p["learn_vendor"],
            p["attr_vendor"],
            p["backfill"],
            0.8,
            p["growth"],
            onshore_rate,
            0.0,
            0.0,
            0.0,
            FTE / 0.8 * onshore_rate * 12 * p["selection"],
            vendor_premium_on,
            onshore_rate * p["rework"],
        ),
        "offshore_inhouse@VN": option(
            p["hire_vn"],
            p["learn"],
            p["attr_vn"],
            p["vacancy_vn"],
            0.8,
            p["growth_vn"],
            vn_salary * (1 + vn_oncost),
            EQUIPMENT + p["office_vn"] + 599 + p["travel"],
            p["fee"] * vn_salary * 12,
            p["release_vn"] * vn_salary,
            p["setup"],
            p["gov_team"] * (1 + zero),
            zero,
        ),
        "offshore_outsource@VN": option(
            p["mob_vn"],
            p["learn_vendor"],
            p["attr_vendor"],
            p["backfill"],
            0.8,
            p["growth_vn"],
            blended,
            p["travel"],
            0.0,
            0.0,
            FTE / 0.8 * blended * 12 * p["selection"],
            vendor_premium_off,
            blended * p["rework"],
        ),
    }


def main():
    n = int(sys.argv[sys.argv.index("--samples") + 1]) if "--samples" in sys.argv else 100_000
    started = time.perf_counter()
    results = {}
    for start in range(0, n, 16_384):  # chunks, like shorewise: bounded memory
        part = run(min(16_384, n - start), seed=42 + start)
        for name, figures in part.items():
            results.setdefault(name, []).append(figures)
    for name, parts in results.items():
        total, _, _, per_fte, _ = (np.concatenate(f) for f in zip(*parts, strict=True))
        _p10, p50, _p90 = np.percentile(total, [10, 50, 90])
        print(
            f"{name:24s} total P50 {p50:12,.0f}  per effective FTE-month P50 "
            f"{np.median(per_fte):8,.0f}"
        )
    print(f"{n} draws in {time.perf_counter() - started:.3f} s")


if __name__ == "__main__":
    main()
