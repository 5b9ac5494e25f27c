"""Derived numbering: ``一、`` for sections, ``（一）`` for items, ``1.`` and ``（1）`` below them.

Numbers are never stored; they follow from position, counting only numbered siblings.
"""

from __future__ import annotations

from .tokens import chinese_numeral


def cn_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 11 -> 十一, 21 -> 二十一 (as section numbers are written)."""
    if n == 10:
        return "十"
    text = chinese_numeral(n)
    if n < 100 and text.startswith("一十"):
        text = text[1:]
    if len(text) == 1 and text in "百千万":  # prose shorthand (逾千家) is not a number: 100 -> 一百
        text = "一" + text
    return text


def marker(level: int, n: int) -> str:
    """The marker of the n-th numbered part at ``level`` (1 section, 2 item, 3 and 4 sub-items)."""
    if level == 1:
        return f"{cn_number(n)}、"
    if level == 2:
        return f"（{cn_number(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    return ""


def number_report(report) -> dict[str, str]:
    """Map every section and item id to its marker ("" when unnumbered)."""
    out: dict[str, str] = {}
    n_section = 0
    continuous = report.format.continuous_level3
    for section in report.sections:
        # With continuous level-3 numbering, "1." items count on across the level-2 items of one
        # section and start again in the next section.
        level3_counter = [0]
        if section.numbered:
            n_section += 1
            out[section.id] = marker(1, n_section)
        else:
            out[section.id] = ""
        _number_items(section.items, 2, out, level3_counter if continuous else None)
    return out


def _number_items(items, level: int, out: dict[str, str], shared_counter) -> None:
    n = 0
    for item in items:
        if item.numbered:
            if level == 3 and shared_counter is not None:
                shared_counter[0] += 1
                out[item.id] = marker(level, shared_counter[0])
            else:
                n += 1
                out[item.id] = marker(level, n)
        else:
            out[item.id] = ""
        _number_items(item.children, min(level + 1, 4), out, shared_counter)
