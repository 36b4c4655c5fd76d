"""Data-derived text placed in Markdown reports (EDA, retrospective, playbook, lessons learned).

Escapes only what CommonMark/GFM would otherwise interpret, so the raw file reads naturally
(`0.2543`, `2026-11-30T00:11:16`, `peak_memory_gb` stay as they are) and renders as the same text:
backslashes and backticks, emphasis markers (`*`, and `_` at a word edge), a `]` that would close a
link, image or reference (`](`, `][`, `]:`) and a `[` that would be a task box (`[ ]`, `[x]`), so
`[source: …]` stays as written; HTML-looking `<` and entities, `|` (table cells), `~` (strikethrough),
a `#` run that would close a heading, and block markers at the start of the text (`#`, `>`, `-`, `+`, `=`, `1.`) when it begins a line.
"""
from __future__ import annotations

import re
from typing import Any

_PUNCT = r"!-/:-@\[-`{-~"
_BACKSLASH = re.compile(rf"\\(?=[{_PUNCT}]|\n|$)")
_ALWAYS = re.compile(r"([`|])")
# A bracket pair is plain text unless `]` is followed by `(`, `[` or `:` (no reference definitions are
# ever written, and every `]:` is escaped) or it forms a GFM task box.
_LINK_CLOSE = re.compile(r"\](?=[(\[:])")
_TASK_BOX = re.compile(r"\[(?=[ xX]\])")
_FLANKING = re.compile(r"(?<!\s)([*~])|([*~])(?!\s|$)")
_EDGE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# A `#` run ending a line closes an ATX heading (`# Retrospective: v2 #` loses its `#`).
_CLOSING_HASHES = re.compile(r"(?<!\S)#+(?=[ \t]*(?:\n|$))")
_BLOCK_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|[-=](?=[-=\s]*$))")
_ORDERED_START = re.compile(r"^(\s*\d{1,9})(?=[.)](?:\s|$))")


def inline(text: Any, line_start: bool = False) -> str:
    """`text` as one line of Markdown that renders exactly as `text` (line breaks become `<br>`).
    `line_start`: the text begins a line, so block markers (`# `, `> `, `- `, `1. `) are escaped too."""
    s = re.sub(r"\r\n?", "\n", str(text))
    s = _BACKSLASH.sub(r"\\\\", s)
    s = _ALWAYS.sub(r"\\\1", s)
    s = _LINK_CLOSE.sub(r"\\]", s)
    s = _TASK_BOX.sub(r"\\[", s)
    s = _FLANKING.sub(lambda m: "\\" + (m.group(1) or m.group(2)), s)
    s = _EDGE_UNDERSCORE.sub(r"\\_", s)
    s = _HTML_START.sub(r"\\<", s)
    s = _ENTITY.sub(r"\\&", s)
    s = _CLOSING_HASHES.sub(lambda m: "\\" + m.group(0), s)
    if line_start:
        s = _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), s)
        s = _ORDERED_START.sub(lambda m: m.group(1) + "\\", s)
    return s.replace("\n", "<br>")


def with_unit(value: Any, unit: str | None) -> str:
    """A fact's value as a person reads it, in its unit (sizes in KB/MB/GB, durations in ms/s/min,
    percentages with %): the runtime's rendering, so reports and gate messages agree."""
    from pipec_runtime.gates import render_value

    return render_value(value, unit)
