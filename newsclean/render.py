"""Turning a Result into output: text, JSON, JSON Lines; the explain view."""

from __future__ import annotations

from .model import Result

FORMATS = ("text", "json", "jsonl")
SUFFIX = {"text": ".txt", "json": ".json", "jsonl": ".jsonl"}


def as_text(result: Result) -> str:
    """The title line (if any), a blank line, then the paragraphs separated by one
    blank line; a trailing newline. Nothing at all for an empty result."""
    parts = ([result.title] if result.title else []) + list(result.paragraphs)
    return "\n\n".join(parts) + "\n" if parts else ""


def as_dict(result: Result, source: str | None, status: str | None = None, reason: str | None = None) -> dict:
    """The JSON output for one input: its source, status (the result's unless
    given) and reason, then the result's own fields (Result.to_dict)."""
    fields = result.to_dict()
    d: dict = {"source": source, "status": fields.pop("status")}
    if status:
        d["status"] = status
    if reason:
        d["reason"] = reason
    d.update(fields)
    return d


def failure_dict(source: str | None, status: str, reason: str) -> dict:
    return {"source": source, "status": status, "reason": reason, "title": None, "text": "",
            "paragraphs": [], "removed": [], "stats": {}}


def as_json(d: dict, indent: int | None = 2) -> str:
    import json  # text output, the default, does without it

    # ensure_ascii=False keeps text readable; surrogates were removed when the lines
    # were normalised, so the output is always valid UTF-8.
    if indent is None:
        return json.dumps(d, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(d, ensure_ascii=False, indent=indent) + "\n"


def render(result: Result, fmt: str, source: str | None, status: str | None = None, reason: str | None = None) -> str:
    if fmt == "text":
        return as_text(result)
    return as_json(as_dict(result, source, status, reason), indent=2 if fmt == "json" else None)
