"""A speech as prepared against the speech as delivered: a word-level comparison, ready to render.

Words and punctuation are compared one by one (accents and case matter: "Perú" ≠ "Peru");
each token keeps its own leading space, so the text reads as written on both sides.
"""

import difflib
import re

from django.utils.html import escape

TOKEN_RE = re.compile(r"\n|[^\S\n]*(?:\w+|[^\w\s])")


def stream_text(stream_value):
    """The plain text of a StreamField value, one paragraph per line."""
    lines = []
    for child in stream_value or ():
        for piece in child.block.get_searchable_content(child.value):
            text = " ".join(str(piece).split())
            if text:
                lines.append(text)
    return "\n".join(lines)


def tokens(text):
    return TOKEN_RE.findall(text)


def compare(prepared, delivered):
    """Segments [{"op": "equal"|"delete"|"insert", "text": …}] turning ``prepared`` into ``delivered``."""
    old, new = tokens(prepared), tokens(delivered)
    matcher = difflib.SequenceMatcher(
        None, [t.strip(" \t") for t in old], [t.strip(" \t") for t in new], autojunk=False
    )
    segments = []

    def add(op, pieces):
        text = "".join(pieces)
        if not text:
            return
        if segments and segments[-1]["op"] == op:
            segments[-1]["text"] += text
        else:
            segments.append({"op": op, "text": text})

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", new[j1:j2])
        else:
            add("delete", old[i1:i2])
            add("insert", new[j1:j2])
    return segments


def to_html(segments):
    """``<p>`` per paragraph, deletions in ``<del>`` and additions in ``<ins>``."""
    wrap = {"equal": "{}", "delete": "<del>{}</del>", "insert": "<ins>{}</ins>"}
    html = []
    for segment in segments:
        lines = segment["text"].split("\n")
        parts = [wrap[segment["op"]].format(escape(line)) if line.strip() else escape(line) for line in lines]
        html.append("</p><p>".join(parts))
    return "<p>" + "".join(html) + "</p>"


def speech_comparison(prepared_stream, delivered_stream):
    delivered = stream_text(delivered_stream)
    if not delivered:
        return None
    segments = compare(stream_text(prepared_stream), delivered)
    changed = sum(1 for s in segments if s["op"] != "equal")
    return {"segments": segments, "html": to_html(segments), "changes": changed}
