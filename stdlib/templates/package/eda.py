"""Exploratory data analysis: the figures and summaries epoch 003's script and notebook share.

Figures use matplotlib's object API (no pyplot state, no display needed), so the same functions run
headless in a Domino job and inline in a notebook.
"""
from __future__ import annotations

import textwrap
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from . import config
from .markdown_text import inline

PALETTE = ["#2E5E7E", "#6FA89A", "#BAD2DE", "#CBE2DA", "#E5F0EC"]


def md_escape(text: Any) -> str:
    """Markdown-safe inline text (data may hold any characters), escaped only where Markdown needs it."""
    return inline(text)


def numeric_columns(frame: pd.DataFrame, target: str | None = None) -> list[str]:
    """Numeric, non-boolean columns other than the target."""
    target = config.TARGET if target is None else target
    return [str(c) for c in frame.columns if c != target and pd.api.types.is_numeric_dtype(frame[c])
            and not pd.api.types.is_bool_dtype(frame[c])]


def category_columns(frame: pd.DataFrame, target: str | None = None) -> list[str]:
    """Columns other than the target that are not numeric."""
    target = config.TARGET if target is None else target
    numeric = set(numeric_columns(frame, target))
    return [str(c) for c in frame.columns if c != target and str(c) not in numeric]


def _label(name: Any, width: int = 18) -> str:
    """A tick label kept whole: long names wrap onto more lines instead of being cut."""
    return textwrap.fill(str(name), width)


def histogram_bins(values: pd.Series, target_bins: int = 40) -> np.ndarray | int:
    """Bin edges for a histogram. Integer-valued data gets edges on half-integers with an integer bin
    width, so every bar covers whole numbers (no aliasing: some bins holding two values, others none)."""
    v = values.dropna().to_numpy(dtype="float64")
    if not len(v) or not np.all(np.isfinite(v)) or not np.all(v == np.round(v)):
        return target_bins
    lo, hi = float(v.min()), float(v.max())
    width = max(1.0, float(np.ceil((hi - lo + 1) / target_bins)))
    return np.arange(lo - 0.5, hi + width + 0.5, width)


def _grid(n: int, width: int = 3) -> tuple[Figure, list[Any]]:
    cols = min(width, max(n, 1))
    rows = max(1, int(np.ceil(n / cols)))
    fig = Figure(figsize=(4 * cols, 3 * rows), layout="constrained")
    axes = fig.subplots(rows, cols, squeeze=False).ravel().tolist()
    for ax in axes[n:]:
        ax.set_visible(False)
    return fig, axes


def distribution_figure(frame: pd.DataFrame) -> Figure:
    """One histogram per numeric column and one bar chart per categorical column."""
    cols = numeric_columns(frame) + category_columns(frame)
    fig, axes = _grid(len(cols))
    for ax, name in zip(axes, cols):
        s = frame[name].dropna()
        if name in numeric_columns(frame):
            values = s.astype("float64")
            ax.hist(values, bins=histogram_bins(values), color=PALETTE[0], edgecolor="white", linewidth=0.4)
        else:
            # The most frequent levels, horizontal so long labels stay whole (wrapped, not cut).
            counts = s.astype("str").value_counts().head(20).iloc[::-1]
            ax.barh(range(len(counts)), counts.to_numpy(), color=PALETTE[1])
            ax.set_yticks(range(len(counts)), [_label(v) for v in counts.index], fontsize=8)
        ax.set_title(textwrap.fill(str(name), 40), fontsize=10)
    fig.suptitle("Distributions")
    return fig


def missing_heatmap(frame: pd.DataFrame, max_rows: int = 500) -> Figure:
    """Missing cells (dark) for a sample of rows, one column per variable."""
    sample = frame.iloc[:: max(1, len(frame) // max_rows)] if len(frame) else frame
    fig = Figure(figsize=(max(4, 0.6 * len(frame.columns)), 4), layout="constrained")
    ax = fig.subplots()
    ax.imshow(sample.isna().to_numpy(dtype="float64"), aspect="auto", cmap="Blues", vmin=0, vmax=1, interpolation="nearest")
    ax.set_xticks(range(len(frame.columns)), [_label(c) for c in frame.columns], rotation=45, ha="right")
    ax.set_ylabel("sampled rows")
    ax.set_title("Missing values")
    return fig


def correlations(frame: pd.DataFrame) -> pd.DataFrame:
    """Pearson correlations of numeric columns and a numeric target."""
    cols = numeric_columns(frame)
    target = config.TARGET
    if target in frame.columns and pd.api.types.is_numeric_dtype(frame[target]):
        cols = cols + [target]
    return frame[cols].astype("float64").corr() if cols else pd.DataFrame()


def correlation_figure(corr: pd.DataFrame) -> Figure:
    """Heatmap of a correlation matrix."""
    n = max(len(corr.columns), 1)
    fig = Figure(figsize=(1 + 0.7 * n, 1 + 0.6 * n), layout="constrained")
    ax = fig.subplots()
    im = ax.imshow(corr.to_numpy() if len(corr) else np.zeros((1, 1)), cmap="RdBu_r", vmin=-1, vmax=1)
    ax.set_xticks(range(len(corr.columns)), [_label(c) for c in corr.columns], rotation=45, ha="right")
    ax.set_yticks(range(len(corr.columns)), [_label(c) for c in corr.columns])
    fig.colorbar(im, ax=ax)
    ax.set_title("Correlations")
    return fig


def outlier_figure(frame: pd.DataFrame) -> Figure:
    """Box plots of the numeric columns (whiskers at 1.5 IQR)."""
    cols = numeric_columns(frame)
    fig, axes = _grid(len(cols), width=4)
    for ax, name in zip(axes, cols):
        ax.boxplot(frame[name].dropna().astype("float64"), vert=True)
        ax.set_title(textwrap.fill(str(name), 40), fontsize=10)
    fig.suptitle("Outliers")
    return fig


def target_figure(frame: pd.DataFrame) -> Figure:
    """Class balance (classification) or the target's distribution (regression)."""
    fig = Figure(figsize=(5, 3.5), layout="constrained")
    ax = fig.subplots()
    s = frame[config.TARGET].dropna()
    if config.PROBLEM == "classification":
        counts = s.astype("str").value_counts().sort_index()
        ax.bar([str(v) for v in counts.index], counts.to_numpy(), color=PALETTE[:len(counts)] or PALETTE[0])
        ax.set_title("Class balance")
    else:
        ax.hist(s.astype("float64"), bins=50, color=PALETTE[0])
        ax.set_title("Target distribution")
    return fig


def target_summary(frame: pd.DataFrame) -> dict[str, Any]:
    """Class shares (classification) or mean/std/quantiles (regression) of the target."""
    s = frame[config.TARGET].dropna()
    if config.PROBLEM == "classification":
        shares = s.astype("str").value_counts(normalize=True).sort_index()
        return {"classes": {str(k): round(float(v), 6) for k, v in shares.items()},
                "minority_share": round(float(shares.min()), 6) if len(shares) else 0.0}
    q = s.astype("float64").quantile([0.05, 0.5, 0.95])
    return {"mean": float(s.mean()), "std": float(s.std()), "p05": float(q.iloc[0]), "p50": float(q.iloc[1]),
            "p95": float(q.iloc[2])}


def eda_markdown(title: str, report: dict[str, Any], target: dict[str, Any], outliers: dict[str, int],
                 top_correlations: list[tuple[str, str, float]], figures: list[str]) -> str:
    """The EDA report in Markdown (every data-derived string escaped)."""
    lines = [f"# EDA report: {md_escape(title)}", "",
             f"- rows: {report['rows']}, columns: {report['columns']}",
             f"- missing cells: {report['missing_percent']:.2f}%",
             f"- duplicate rows: {report['duplicate_rows']}",
             f"- data quality score: {report['quality_score']:.3f}",
             f"- critical issues: {report['critical_issues']}", "", "## Target", ""]
    lines += [f"- {md_escape(k)}: {v}" for k, v in target.items() if not isinstance(v, dict)]
    for k, v in (target.get("classes") or {}).items():
        lines.append(f"- class {md_escape(k)}: {v:.2%}")
    lines += ["", "## Issues", ""]
    lines += [f"- **{i['severity']}** {md_escape(i['column'] or '')}: {md_escape(i['issue'])}" for i in report["issues"]] or ["- none"]
    lines += ["", "## Outliers (1.5 IQR)", ""]
    lines += [f"- {md_escape(k)}: {v}" for k, v in outliers.items()] or ["- no numeric columns"]
    lines += ["", "## Strongest correlations", ""]
    lines += [f"- {md_escape(a)} ~ {md_escape(b)}: {r:+.3f}" for a, b, r in top_correlations] or ["- none"]
    lines += ["", "## Figures", ""] + [f"- `{md_escape(f)}`" for f in figures]
    return "\n".join(lines) + "\n"


def top_correlations(corr: pd.DataFrame, k: int = 10) -> list[tuple[str, str, float]]:
    """The `k` strongest off-diagonal correlations, strongest first."""
    pairs = []
    cols = list(corr.columns)
    for i, a in enumerate(cols):
        for b in cols[i + 1:]:
            r = corr.loc[a, b]
            if np.isfinite(r):
                pairs.append((str(a), str(b), round(float(r), 6)))
    return sorted(pairs, key=lambda p: (-abs(p[2]), p[0], p[1]))[:k]
