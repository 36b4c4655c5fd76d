"""The deep check behind `pipec check --deep`: quick baselines on a data file, metrics as the project computes them."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from pipec_runtime import deep_check

IRIS = Path(__file__).resolve().parents[3] / "examples" / "iris-species" / "data.csv"


def _request(path: Path, **over):
    req = {"path": str(path), "format": "csv", "target": "species", "problem": "classification", "primary": "f1_score",
           "seed": 42, "sample_rows": 20000, "folds": 5, "test_percent": 20}
    req.update(over)
    return req


def test_iris_intervals_hold_the_expected_value_and_stay_in_range():
    out = deep_check.run(_request(IRIS))
    assert out["rows"] == 150 and out["sampled_rows"] == 150 and out["test_rows"] == 30
    assert set(out["models"]) == {"logistic_regression", "hist_gradient_boosting"}
    for name, m in out["metrics"].items():
        assert m["low"] <= m["expected"] <= m["high"], name
    assert 0.85 < out["metrics"]["accuracy"]["expected"] <= 1.0
    assert out["metrics"]["accuracy"]["high"] <= 1.0


def test_regression_on_a_linear_target_with_noise(tmp_path: Path):
    rng = np.random.default_rng(0)
    x = rng.normal(size=3000)
    frame = pd.DataFrame({"x": x, "id": np.arange(3000), "y": 2 * x + rng.normal(size=3000)})
    frame.to_parquet(tmp_path / "d.parquet")
    out = deep_check.run(_request(tmp_path / "d.parquet", format="parquet", target="y", problem="regression", primary="rmse"))
    assert out["features"] == 1  # the identifier column is dropped
    r2 = out["metrics"]["r2_score"]
    assert r2["low"] < 0.8 < r2["high"]
    assert abs(out["metrics"]["rmse"]["expected"] - 1.0) < 0.1


def test_errors_are_one_json_line_not_a_traceback(tmp_path: Path):
    req = json.dumps(_request(tmp_path / "missing.csv"))
    r = subprocess.run([sys.executable, "-m", "pipec_runtime.deep_check"], input=req, capture_output=True, text=True,
                       cwd=Path(deep_check.__file__).parents[1])
    assert r.returncode == 1
    assert "error" in json.loads(r.stdout.strip().splitlines()[-1])
    assert "Traceback" not in r.stderr
