"""Half-width punctuation in Chinese text -> full-width, with a count of the changes.

A mark is converted only in Chinese context: a CJK character on at least one side (``2022年,东莞`` ->
``2022年，东莞``), never between two digits or Latin letters (``16:12:18``, ``1.5``, ``A,B``).
Parentheses are converted in pairs when either side or the inside holds Chinese (``(一)`` -> ``（一）``).
Straight double quotes are paired to “ ” when the quoted text is Chinese. Spaces between Chinese
characters and digits (``共 27 项``) are removed, since official text has none.
"""

from __future__ import annotations

import re

_CJK = r"\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’《》、"
_CJK_RE = re.compile(f"[{_CJK}]")

SIMPLE = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK_RE.match(ch))


def normalise(text: str) -> tuple[str, int]:
    """Return (converted text, number of characters changed)."""
    if not text:
        return text, 0
    count = 0
    # spaces between CJK and digits / CJK
    def _space(m):
        nonlocal count
        count += 1
        return ""

    text = re.sub(f"(?<=[{_CJK}0-9%])[ \t]+(?=[{_CJK}])|(?<=[{_CJK}])[ \t]+(?=[0-9])", _space, text)

    # parentheses, innermost first
    def _paren(m):
        nonlocal count
        inner = m.group(1)
        start, end = m.start(), m.end()
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        if _CJK_RE.search(inner) or _is_cjk(before) or _is_cjk(after):
            count += 2
            return f"（{inner}）"
        return m.group(0)

    prev = None
    while prev != text:
        prev = text
        text = re.sub(r"\(([^()]*)\)", _paren, text)

    # straight double quotes around Chinese text
    def _quote(m):
        nonlocal count
        inner = m.group(1)
        if _CJK_RE.search(inner):
            count += 2
            return f"“{inner}”"
        return m.group(0)

    text = re.sub(r'"([^"\n]{1,80})"', _quote, text)

    out = []
    n = len(text)
    for i, ch in enumerate(text):
        rep = SIMPLE.get(ch)
        if rep is not None:
            before = text[i - 1] if i > 0 else ""
            after = text[i + 1] if i + 1 < n else ""
            # "1:2" or "a,b" stay; a mark next to Chinese (or at a line end after Chinese) converts
            if _is_cjk(before) or (_is_cjk(after) and not before.isdigit()) or (after == "" and _is_cjk(before)):
                out.append(rep)
                count += 1
                continue
            if after and _is_cjk(after) and before.isdigit() and ch in ",;":
                out.append(rep)
                count += 1
                continue
            if ch in ",;" and before.isdigit() and after == " ":
                pass
        out.append(ch)
    return "".join(out), count
