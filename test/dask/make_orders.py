"""Writes a real-shaped orders CSV (seeded): an id column, signup dates, a high-cardinality city (2,000
levels), amounts and visits with missing values, and a churn label that depends on them.
Usage: python make_orders.py OUT.csv ROWS"""
import sys

import numpy as np
import pandas as pd

out, rows = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(11)
amount = rng.lognormal(4.0, 0.8, rows).round(2)
visits = rng.poisson(6, rows).astype("float64")
logit = -0.5 + 0.02 * (60 - amount.clip(0, 200)) / 10 - 0.15 * (visits - 6)
churned = np.where(rng.random(rows) < 1 / (1 + np.exp(-logit)), "yes", "no")
amount[rng.random(rows) < 0.04] = np.nan
visits[rng.random(rows) < 0.02] = np.nan
frame = pd.DataFrame({
    "order_id": [f"ORD-{i:07d}" for i in range(rows)],
    "signup": (pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 700, rows), unit="D")).strftime("%Y-%m-%d"),
    "city": [f"city_{c:04d}" for c in rng.integers(0, 2_000, rows)],
    "segment": rng.choice(["retail", "smb", "enterprise"], rows, p=[0.7, 0.25, 0.05]),
    "amount": amount,
    "visits": visits,
    "churned": churned,
})
frame.to_csv(out, index=False)
