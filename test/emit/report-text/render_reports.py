"""Renders the generated EDA and retrospective Markdown (and the EDA HTML) from fixed records whose
strings carry the punctuation real runs produce (decimals, ISO timestamps, snake_case names, paths,
operators) plus text Markdown WOULD interpret (emphasis, links, HTML, table pipes). Prints one JSON
document: the texts and, for each text, what markdown-it renders it to (plain text of the HTML)."""
import html
import json
import re
import sys

from markdown_it import MarkdownIt

from credit_risk import eda, eda_html, retrospective
from credit_risk.markdown_text import inline

RENDER = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def plain(markdown: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", RENDER.render(markdown)))


report = {"rows": 3000, "columns": 5, "missing_percent": 0.4133, "duplicate_rows": 0, "quality_score": 0.9917,
          "critical_issues": 0,
          "issues": [{"severity": "warning", "column": "income", "issue": "2.1% missing (limit 5%); e.g. 1.5-2.0"},
                     {"severity": "info", "column": "employment_type", "issue": "rare level *self_employed* < 1%"}]}
target = {"classes": {"0": 0.8123, "1": 0.1877}, "minority_share": 0.1877}
outliers = {"age": 0, "income": 37, "loan_amount_usd": 12}
corr = [("income", "log_income", 0.9712), ("age", "default", -0.0431)]
eda_md = eda.eda_markdown("Credit default risk [v2] | <beta>", report, target, outliers, corr,
                          ["distributions.png", "missing_heatmap.png"])

epochs = [{"id": "001", "name": "planning", "agent": "planner_agent", "estimate": {"minutes": 60, "memoryGb": 1}},
          {"id": "005", "name": "model_development", "agent": "model_agent", "estimate": {"minutes": 240, "memoryGb": 12}}]
state = {"epochs": {
    "001": {"status": "completed", "attempts": 1, "elapsed_seconds": 4.2, "started_at": "2026-11-30T00:11:16Z",
            "peak_memory_bytes": 268435456, "engine": {"engine": "pandas"}, "facts": {"plan.written": True},
            "gate": {"passed": True, "results": [{"rule": "001:1", "fact": "plan.written", "op": "==", "expected": True,
                                                  "observed": True, "unit": "bool", "passed": True, "message": "plan written"}]}},
    "005": {"status": "completed", "attempts": 2, "elapsed_seconds": 95.5, "peak_memory_bytes": 1610612736, "engine": {"engine": "dask", "workers": 2},
            "facts": {"metric.f1_score": 0.2543, "model.size": 602546},
            "gate": {"passed": True, "results": [
                {"rule": "005:1", "fact": "metric.f1_score", "op": ">=", "expected": 0.2, "observed": 0.2543, "unit": "number",
                 "passed": True, "message": "f1_score >= 0.2 (the plan's minimum)"},
                {"rule": "005:2", "fact": "model.size", "op": "<=", "expected": 52428800, "observed": 602546, "unit": "size",
                 "passed": True, "message": "model file under 50 MB"},
                {"rule": "005:3", "fact": "api.latency_p95", "op": "<=", "expected": 0.1, "observed": 0.0599,
                 "unit": "duration", "passed": True, "message": "p95 latency under 100 ms"},
                {"rule": "005:4", "fact": "data.missing", "op": "<=", "expected": 5, "observed": 2.1, "unit": "percent",
                 "passed": True, "message": "missing_percent <= 5%"}]}}}}
records = {"state": state, "approvals": [{"epoch": "002", "decision": "approved", "by": "j.doe@example.com",
                                          "at": "2026-11-30T00:11:16Z", "via": "pipec run --approve 002"}],
           "lineage": {}, "errors": [], "resources": {}, "checkpoints": [], "runs": {}}
rows = retrospective.epoch_rows(epochs, records)
gates = retrospective.gate_history(records)
ml = {"available": True, "runs": {"credit_risk-005": 7}, "registry": {"name": "credit_risk_model", "versions": [1, 2],
                                                                      "aliases": {"production": "2"}}}
notes = ["Epoch 005 took 1.5x its estimate: raise the estimate [source: .context/pipeline_state.json epochs.005.elapsed_seconds]"]
retro_md = retrospective.report_markdown("Credit default risk", rows, gates, records["approvals"], ml, notes)
book = retrospective.playbook({"title": "Credit default risk", "objective": "# Predict default_flag within 30 days"},
                              rows, gates, notes)
playbook_md = retrospective.playbook_markdown(book)
page = eda_html.eda_html("Credit <risk> & co", report, target, outliers, corr, {"a.png": b"\x89PNG\r\n\x1a\n"})

texts = {"eda_report.md": eda_md, "retrospective.md": retro_md, "playbook.md": playbook_md}
samples = ["0.2543", "2026-11-30T00:11:16Z", "peak_memory_bytes", "*self_employed* < 1%", "[v2] | <beta>",
           "_leading", "a_b_", "C:\\data\\x", "# heading?", "1. first", "~~gone~~", "&amp;", "x|y",
           "[source: a.json epochs.005]", "[link](http://x.example)", "![img](a.png)", "[a][b]", "[ref]: http://x.example",
           "[x] done", "[ ] todo", "Model #"]
json.dump({"texts": texts, "rendered": {k: plain(v) for k, v in texts.items()},
           "inline": {s: {"markdown": inline(s), "rendered": plain("x " + inline(s)).strip()[2:],
                          "line_start": plain(inline(s, line_start=True)).strip()} for s in samples},
           "html": page}, sys.stdout, indent=1, sort_keys=True)
