"""The EDA report as one standalone HTML file: the same sections as eda_report.md, with every figure
embedded as a base64 PNG (`data:` URIs), so the file opens anywhere (a browser, a Domino artifact view,
an email attachment) without the artifacts folder next to it. Every data-derived string is HTML-escaped.
"""
from __future__ import annotations

import base64
import html
from pathlib import Path
from typing import Any

from .markdown_text import with_unit

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1100px;
       padding: 1.5rem; color: #1f2d33; background: #ffffff; }
h1 { border-bottom: 4px solid #BAD2DE; padding-bottom: .4rem; }
h2 { background: #E5F0EC; padding: .3rem .6rem; border-left: 6px solid #CBE2DA; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
td, th { border: 1px solid #BAD2DE; padding: .25rem .6rem; text-align: left; }
th { background: #E5F0EC; }
figure { margin: 1rem 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #CBE2DA; }
figcaption { color: #4b5d66; font-size: .9rem; }
"""


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _table(rows: list[tuple[Any, Any]], head: tuple[str, str]) -> str:
    body = "".join(f"<tr><td>{_e(a)}</td><td>{_e(b)}</td></tr>" for a, b in rows)
    return f"<table><thead><tr><th>{_e(head[0])}</th><th>{_e(head[1])}</th></tr></thead><tbody>{body}</tbody></table>"


def figure_tag(name: str, png: bytes) -> str:
    """One embedded figure with its file name as caption."""
    data = base64.b64encode(png).decode("ascii")
    return (f'<figure><img src="data:image/png;base64,{data}" alt="{_e(name)}">'
            f"<figcaption>{_e(name)}</figcaption></figure>")


def eda_html(title: str, report: dict[str, Any], target: dict[str, Any], outliers: dict[str, int],
             top_correlations: list[tuple[str, str, float]], figures: dict[str, bytes]) -> str:
    """The standalone HTML report; `figures` maps a figure's file name to its PNG bytes."""
    overview = [("rows", report["rows"]), ("columns", report["columns"]),
                ("missing cells", with_unit(report["missing_percent"], "percent")),
                ("duplicate rows", report["duplicate_rows"]), ("data quality score", f"{report['quality_score']:.3f}"),
                ("critical issues", report["critical_issues"])]
    target_rows = [(k, v) for k, v in target.items() if not isinstance(v, dict)]
    target_rows += [(f"class {k}", f"{v:.2%}") for k, v in (target.get("classes") or {}).items()]
    issues = "".join(f"<li><strong>{_e(i['severity'])}</strong> {_e(i['column'] or 'data')}: {_e(i['issue'])}</li>"
                     for i in report["issues"]) or "<li>none</li>"
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>EDA report: {_e(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
        f"<h1>EDA report: {_e(title)}</h1>",
        "<h2>Overview</h2>", _table(overview, ("measure", "value")),
        "<h2>Target</h2>", _table(target_rows, ("measure", "value")),
        "<h2>Issues</h2>", f"<ul>{issues}</ul>",
        "<h2>Outliers (1.5 IQR)</h2>", _table(list(outliers.items()), ("column", "outliers")) if outliers else "<p>no numeric columns</p>",
        "<h2>Strongest correlations</h2>",
        _table([(f"{a} ~ {b}", f"{r:+.3f}") for a, b, r in top_correlations], ("pair", "r")) if top_correlations else "<p>none</p>",
        "<h2>Figures</h2>", *(figure_tag(name, png) for name, png in figures.items()),
        "</body>", "</html>",
    ]
    return "\n".join(parts) + "\n"


def read_figures(folder: Path, names: list[str]) -> dict[str, bytes]:
    """The PNG bytes of the named figures that exist in `folder` (in the given order)."""
    return {name: (folder / name).read_bytes() for name in names if (folder / name).is_file()}
