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


_SPACE_RE = re.compile(f"(?<=[{_CJK}0-9%])[ \t]+(?=[{_CJK}])|(?<=[{_CJK}])[ \t]+(?=[0-9])")
_PAREN_RE = re.compile(r"\(([^()]*)\)")
_QUOTE_RE = re.compile(r'"([^"\n]{1,80})"')
_SIMPLE_RE = re.compile(r"[,:;?!]")
# Nothing to convert unless one of these is present: most paragraphs of a clean source skip all work.
_ANY_RE = re.compile(r'[,:;?!()" \t]')


def normalise(text: str) -> tuple[str, int]:
    """Return (converted text, number of characters changed). Linear in the length of ``text``."""
    if not text or not _ANY_RE.search(text):
        return text, 0
    count = 0

    # spaces between CJK and digits / CJK
    def _space(m):
        nonlocal count
        count += 1
        return ""

    if " " in text or "\t" in text:
        text = _SPACE_RE.sub(_space, text)

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

    if "(" in text:
        prev = None
        for _level in range(8):  # nested deeper than this is not prose; keeps hostile input linear
            if prev == text:
                break
            prev = text
            text = _PAREN_RE.sub(_paren, text)

    # straight double quotes around Chinese text
    def _quote(m):
        nonlocal count
        inner = m.group(1)
        if _CJK_RE.search(inner):
            count += 2
            return f"“{inner}”"
        return m.group(0)

    if '"' in text:
        text = _QUOTE_RE.sub(_quote, text)

    n = len(text)
    src = text

    def _simple(m):
        nonlocal count
        i = m.start()
        ch = m.group()
        before = src[i - 1] if i > 0 else ""
        after = src[i + 1] if i + 1 < n else ""
        # "1:2" or "a,b" stay; a mark next to Chinese (or at a line end after Chinese) converts
        if _is_cjk(before) or (_is_cjk(after) and not before.isdigit()) or (after == "" and _is_cjk(before)):
            count += 1
            return SIMPLE[ch]
        if after and _is_cjk(after) and before.isdigit() and ch in ",;":
            count += 1
            return SIMPLE[ch]
        return ch

    return _SIMPLE_RE.sub(_simple, text), count
