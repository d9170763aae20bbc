"""Set templates: what a complete museum set (or caravan kit) holds, as theme minimums.

A template is written "力学:15;数学:6;航空航天:6" — each theme with the fewest exhibits of it a
complete set has. Staff type them, so full-width separators (；：，、) are accepted too; the stored
form is always the canonical one `format_template` writes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping


class TemplateError(ValueError):
    """A template that cannot be read; the message quotes the part that is wrong."""


_ITEM_SEPARATORS = re.compile(r"[;；,，、\n]")
_PAIR = re.compile(r"^(?P<theme>[^:：]*)[:：](?P<count>.*)$")


def parse_template(text: str | None) -> dict[str, int]:
    """Theme -> minimum, in the order written; an empty text is an empty template."""
    minimums: dict[str, int] = {}
    for raw in _ITEM_SEPARATORS.split(text or ""):
        part = raw.strip()
        if not part:
            continue
        match = _PAIR.match(part)
        if match is None:
            raise TemplateError(f"{part!r} is not theme:count (e.g. 力学:15)")
        theme, count = match.group("theme").strip(), match.group("count").strip()
        if not theme:
            raise TemplateError(f"{part!r} has no theme before the colon")
        if not count.isdigit():
            raise TemplateError(f"{part!r}: {count!r} is not a whole number of exhibits")
        if theme in minimums:
            raise TemplateError(f"theme {theme!r} appears twice")
        minimums[theme] = int(count)
    return minimums


def format_template(minimums: Mapping[str, int]) -> str:
    """The canonical text of a template: "theme:count" joined by ";", in the mapping's order."""
    for theme, count in minimums.items():
        if not theme.strip() or any(c in theme for c in ";；,，、:：\n"):
            raise TemplateError(f"theme {theme!r} is empty or holds a separator")
        if count < 0:
            raise TemplateError(f"theme {theme!r}: {count} is negative")
    return ";".join(f"{theme.strip()}:{count}" for theme, count in minimums.items())


def template_total(minimums: Mapping[str, int]) -> int:
    """The exhibits the template asks for in all."""
    return sum(minimums.values())
