"""Charts of model development and testing (PNG, headless): baseline comparison, tuning candidates,
and a diagnostic of the final model (confusion matrix for classification, residuals for regression).
Bars use the seed's palette (#BAD2DE, #CBE2DA, #E5F0EC).
"""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # scripts and tests run without a display
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

PALETTE = ("#BAD2DE", "#CBE2DA", "#E5F0EC")
EDGE = "#5b7f91"


def _save(fig, path) -> None:
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def plot_comparison(table, metrics, path) -> None:
    """Bar charts of every metric across the trained baselines, one panel per metric."""
    present = [m for m in metrics if m in table.columns]
    n = max(len(present), 1)
    fig, axes = plt.subplots(1, n, figsize=(3.2 * n, 3.4), squeeze=False)
    for ax, metric in zip(axes[0], present):
        ax.barh(table["model"], table[metric], color=PALETTE[0], edgecolor=EDGE)
        ax.set_title(metric)
        ax.invert_yaxis()
    _save(fig, path)


def plot_trials(trials: list, metric: str, path) -> None:
    """Score of every candidate evaluation against the rows it used (the halving rounds)."""
    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.scatter([t["n_resources"] for t in trials], [t["mean_score"] for t in trials], color=EDGE, alpha=0.7)
    ax.set_xlabel("training rows per candidate")
    ax.set_ylabel(f"cv {metric}")
    ax.set_title("tuning candidates")
    _save(fig, path)


def plot_diagnostics(model, problem: str, X, y, path) -> None:
    """Confusion matrix (classification) or predicted-vs-actual residuals (regression)."""
    preds = np.asarray(model.predict(X))
    fig, ax = plt.subplots(figsize=(4.5, 4))
    if problem == "classification":
        from sklearn.metrics import confusion_matrix

        labels = list(getattr(model, "classes_", np.unique(np.asarray(y))))
        cm = confusion_matrix(np.asarray(y), preds, labels=labels)
        ax.imshow(cm, cmap="Blues")
        ax.set_xticks(range(len(labels)), [str(v) for v in labels])
        ax.set_yticks(range(len(labels)), [str(v) for v in labels])
        for (i, j), v in np.ndenumerate(cm):
            ax.text(j, i, str(v), ha="center", va="center")
        ax.set_xlabel("predicted")
        ax.set_ylabel("actual")
        ax.set_title("confusion matrix")
    else:
        actual = np.asarray(y, dtype=float)
        ax.scatter(actual, preds - actual, s=6, color=EDGE, alpha=0.5)
        ax.axhline(0, color="black", lw=0.8)
        ax.set_xlabel("actual")
        ax.set_ylabel("residual")
        ax.set_title("residuals")
    _save(fig, path)


def plot_calibration(calib: dict, path) -> None:
    """Reliability diagram from monitoring.calibration()."""
    fig, ax = plt.subplots(figsize=(4.5, 4))
    xs = [b["mean_predicted"] for b in calib["bins"]]
    ys = [b["observed"] for b in calib["bins"]]
    ax.plot([0, 1], [0, 1], ls="--", color="grey")
    ax.plot(xs, ys, marker="o", color=EDGE)
    ax.set_xlabel("mean predicted probability")
    ax.set_ylabel("observed frequency")
    ax.set_title(f"calibration (ECE {calib['ece']:.3f})")
    _save(fig, path)


def plot_segments(segments: list, metric: str, path) -> None:
    """Primary metric per data segment (horizontal bars)."""
    fig, ax = plt.subplots(figsize=(6, max(2.5, 0.22 * len(segments))))
    ax.barh([s["segment"] for s in segments], [s["score"] for s in segments], color=PALETTE[1], edgecolor=EDGE)
    ax.invert_yaxis()
    ax.set_xlabel(metric)
    ax.set_title("performance by segment")
    _save(fig, path)
