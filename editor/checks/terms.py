"""Term lists of the wording rules: fixed terms, explicit wrong forms and exceptions.

The lists are data files under ``resources/terms/`` (format in ``resources/terms/README.md``); the
user's own dictionary has the same format and is passed in by the caller (the window keeps it in
``QSettings``). Fixed terms are also matched loosely: a stretch of text that differs from a fixed term
in exactly one character *that sounds the same* (pypinyin readings, tones ignored) is an input-method
homophone (公证文明执法 for 严格规范公正文明执法's 公正文明执法).

Loading is lazy and cached: nothing is read until the first check run, which happens in the problems
panel's worker thread, so start-up does not pay for it. The readings of the built-in terms and of the
characters come from a table written from pypinyin (``resources/terms/pinyin.tsv``); pypinyin itself is
imported only for a term of the user's dictionary.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Union

from .lazyre import bind, lazy_re

MIN_FUZZY = 4  # fixed terms shorter than this are matched exactly only (too many homophones)
_CJK = lazy_re(r"[\u3400-\u9fff]")


@dataclass
class TermList:
    fixed: list[str] = field(default_factory=list)
    wrong: dict[str, str] = field(default_factory=dict)  # wrong form -> right form
    exceptions: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # file name -> its source note

    def merged(self, other: Optional["TermList"]) -> "TermList":
        if other is None:
            return self
        return TermList(
            fixed=self.fixed + [t for t in other.fixed if t not in set(self.fixed)],
            wrong={**self.wrong, **other.wrong},
            exceptions=self.exceptions + other.exceptions,
            sources={**self.sources, **other.sources},
        )


def parse_terms(text: str, name: str = "") -> TermList:
    """Parse one list in the documented format. Bad lines raise ValueError with the line number."""
    out = TermList()
    source = []
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            if "来源" in stripped or source:
                source.append(stripped.lstrip("# ").strip())
            continue
        if " #" in stripped:
            stripped = stripped.split(" #", 1)[0].strip()
        if stripped.startswith("!"):
            word = stripped[1:].strip()
            if word:
                out.exceptions.append(word)
            continue
        if "=>" in stripped:
            wrong, _, right = (s.strip() for s in stripped.partition("=>"))
            if not wrong or not right or wrong == right:
                raise ValueError(f"{name or '词表'}第{n}行：“错误写法 => 正确写法”两边都要填写，且不能相同。")
            out.wrong[wrong] = right
            continue
        if " " in stripped and not stripped.replace(" ", "").isascii():
            raise ValueError(f"{name or '词表'}第{n}行：一行只写一个说法；错误写法请写成“错误写法 => 正确写法”。")
        out.fixed.append(stripped)
    if name:
        out.sources[name] = "".join(source)
    return out


def terms_dir() -> Path:
    from ..paths import resources_dir

    return resources_dir() / "terms"


@lru_cache(maxsize=1)
def builtin_terms() -> TermList:
    """All lists shipped under ``resources/terms`` (except ``places.txt``), merged."""
    out = TermList()
    for path in sorted(terms_dir().glob("*.txt")):
        if path.name == "places.txt":
            continue
        out = out.merged(parse_terms(path.read_text(encoding="utf-8"), path.name))
    return out


@lru_cache(maxsize=1)
def places() -> tuple[frozenset, frozenset]:
    """(provinces, cities) from ``places.txt``: names without their final 省/市."""
    path = terms_dir() / "places.txt"
    provinces, cities = set(), set()
    for ln in path.read_text(encoding="utf-8").splitlines():
        ln = ln.strip()
        if not ln or ln.startswith("#"):
            continue
        (provinces if ln.endswith("省") else cities).add(ln[:-1])
    return frozenset(provinces), frozenset(cities)


def as_term_list(user: Union[None, str, TermList, Iterable[str]]) -> Optional[TermList]:
    if user is None or isinstance(user, TermList):
        return user
    if isinstance(user, str):
        return parse_terms(user, "用户词典")
    return parse_terms("\n".join(user), "用户词典")


# ---------------------------------------------------------------- pinyin
# The readings come from pypinyin. Importing it costs 0.1-0.2 s of start-up (its phrase dictionary and
# segmenter are built on import), more than a whole export of the sample, so the readings the built-in
# lists need are kept in ``resources/terms/pinyin.tsv``, written from pypinyin by
# :func:`write_pinyin_table` (a test checks it against the installed pypinyin): the toneless readings of
# every character U+3400-U+9FFF and the reading of every built-in fixed term that is matched by sound.
# pypinyin itself is imported only for a term of the user's dictionary.
_PY_LOCK = threading.Lock()
PINYIN_TABLE = "pinyin.tsv"
_CHAR_RANGE = range(0x3400, 0xA000)  # what _CJK matches: only such a typed character is judged by sound


def _pypinyin_readings(ch: str) -> frozenset:
    with _PY_LOCK:
        try:
            from pypinyin import Style, pinyin
        except ImportError:  # a broken installation: only the listed wrong forms are found
            return frozenset()
        got = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
    return frozenset(got[0]) if got else frozenset()


def _pypinyin_term_readings(term: str) -> tuple[str, ...]:
    with _PY_LOCK:
        try:
            from pypinyin import Style, lazy_pinyin
        except ImportError:
            return ()
        got = lazy_pinyin(term, style=Style.NORMAL, errors=lambda x: ["?"] * len(x))
    return tuple(got) if len(got) == len(term) else ()


def _fuzzy_term(t: str) -> bool:
    """A fixed term matched by sound as well (see :class:`TermMatcher`)."""
    return len(t) >= MIN_FUZZY and all("\u3400" <= c <= "\u9fff" for c in t)  # _CJK.match(c), not compiled


def pinyin_table_text() -> str:
    """The text of ``resources/terms/pinyin.tsv`` computed with the installed pypinyin (slow: seconds)."""
    import pypinyin

    by_reading: dict[str, list[str]] = {}
    for cp in _CHAR_RANGE:
        ch = chr(cp)
        for r in sorted(_pypinyin_readings(ch)):
            by_reading.setdefault(r, []).append(ch)
    lines = [f"# Toneless pinyin readings, written from pypinyin {pypinyin.__version__} by",
             "# editor.checks.terms.write_pinyin_table(); do not edit. c = a reading and every character",
             "# (U+3400-U+9FFF) read so; t = a built-in fixed term and the reading of each of its characters."]
    lines += [f"c\t{r}\t{''.join(chars)}" for r, chars in sorted(by_reading.items())]
    for t in sorted(t for t in set(builtin_terms().fixed) if _fuzzy_term(t)):
        lines.append(f"t\t{t}\t{' '.join(_pypinyin_term_readings(t))}")
    return "\n".join(lines) + "\n"


def write_pinyin_table() -> Path:
    """Rewrite ``resources/terms/pinyin.tsv`` (after changing a term list or pypinyin)."""
    path = terms_dir() / PINYIN_TABLE
    path.write_text(pinyin_table_text(), encoding="utf-8", newline="\n")
    return path


@lru_cache(maxsize=1)
def _pinyin_table() -> Optional[tuple[list[tuple[str, str]], dict[str, tuple[str, ...]]]]:
    """(reading, characters) pairs and the built-in terms' readings; None when the file is missing."""
    try:
        text = (terms_dir() / PINYIN_TABLE).read_text(encoding="utf-8")
    except OSError:
        return None
    chars: list[tuple[str, str]] = []
    terms: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        kind, _, rest = line.partition("\t")
        key, _, value = rest.partition("\t")
        if kind == "c":
            chars.append((key, value))
        elif kind == "t":
            terms[key] = tuple(value.split()) if value else ()
    return chars, terms


@lru_cache(maxsize=20000)
def readings(ch: str) -> frozenset:
    """Toneless pinyin readings of one character (all of them: 重 -> {zhong, chong})."""
    table = _pinyin_table()
    if table is None or len(ch) != 1 or ord(ch) not in _CHAR_RANGE:
        return _pypinyin_readings(ch)
    return frozenset(r for r, chars in table[0] if ch in chars)


@lru_cache(maxsize=5000)
def term_readings(term: str) -> tuple[str, ...]:
    """The reading of each character of ``term`` in that term (pypinyin's phrase data: 省 in 依法治省 is
    sheng, not its archaic xian), toneless."""
    table = _pinyin_table()
    if table is not None and term in table[1]:
        return table[1][term]
    return _pypinyin_term_readings(term)  # a term of the user's dictionary


# ---------------------------------------------------------------- matching
@dataclass(frozen=True)
class TermHit:
    start: int
    end: int
    wrong: str
    right: str
    homophone: bool  # found by sound (one character differs) rather than listed as a wrong form


class TermMatcher:
    """Finds wrong forms and homophone variants of fixed terms in a text."""

    def __init__(self, terms: TermList):
        self.terms = terms
        self.fixed = set(terms.fixed)
        self.wrong_re = None
        if terms.wrong:
            alts = sorted(terms.wrong, key=len, reverse=True)
            self.wrong_re = re.compile("|".join(re.escape(w) for w in alts))
        self.exceptions = list(dict.fromkeys(terms.exceptions))
        # anchors: the first and the last two characters of each term of 4+ characters; a single changed
        # character leaves one of them intact.
        self.prefix: dict[str, list[str]] = {}
        self.suffix: dict[str, list[str]] = {}
        for t in self.fixed:
            if not _fuzzy_term(t):
                continue
            self.prefix.setdefault(t[:2], []).append(t)
            self.suffix.setdefault(t[-2:], []).append(t)
        self.anchors = bool(self.prefix)
        firsts = {b[0] for b in self.prefix} | {b[0] for b in self.suffix}
        # positions worth a look: a character that starts some anchor (a C-speed scan skips the rest)
        self.first_re = re.compile("[%s]" % "".join(sorted(re.escape(c) for c in firsts))) if firsts else None

    def _excepted(self, text: str, start: int, end: int) -> bool:
        for ex in self.exceptions:
            i = text.find(ex, max(0, start - len(ex) + 1))
            while i != -1 and i < end:
                if i + len(ex) > start:
                    return True
                i = text.find(ex, i + 1)
        return False

    def find(self, text: str) -> list[TermHit]:
        hits: list[TermHit] = []
        if self.wrong_re is not None:
            for m in self.wrong_re.finditer(text):
                if not self._excepted(text, m.start(), m.end()):
                    hits.append(TermHit(m.start(), m.end(), m.group(0), self.terms.wrong[m.group(0)], False))
        if self.anchors:
            hits.extend(self._fuzzy(text))
        hits.sort(key=lambda h: (h.start, -h.end))
        out: list[TermHit] = []
        last_end = -1
        for h in hits:
            if h.start >= last_end:
                out.append(h)
                last_end = h.end
        return out

    def _fuzzy(self, text: str) -> Iterable[TermHit]:
        prefix, suffix = self.prefix, self.suffix
        n = len(text)
        if self.first_re is None:
            return
        for mo in self.first_re.finditer(text, 0, n - 1):
            i = mo.start()
            b = text[i:i + 2]
            for term in prefix.get(b, ()):
                end = i + len(term)
                if end > n:
                    continue
                # the first two characters agree: find the first difference after them
                k = 2
                while k < len(term) and text[i + k] == term[k]:
                    k += 1
                if k == len(term) or text[i + k + 1:end] != term[k + 1:]:
                    continue  # the term itself, or more than one character differs
                hit = self._judge(text, i, term, k)
                if hit:
                    yield hit
            for term in suffix.get(b, ()):
                start = i + 2 - len(term)
                if start < 0 or text.startswith(term[:2], start):
                    continue  # the prefix anchor has judged this place
                k = len(term) - 3
                while k >= 0 and text[start + k] == term[k]:
                    k -= 1
                if k < 0 or text[start:start + k] != term[:k]:
                    continue
                hit = self._judge(text, start, term, k)
                if hit:
                    yield hit

    def _judge(self, text: str, start: int, term: str, k: int) -> Optional[TermHit]:
        """``text[start:]`` differs from ``term`` only at ``k``: a homophone typed by the input method?"""
        end = start + len(term)
        typed = text[start + k]
        if typed == term[k] or not "\u3400" <= typed <= "\u9fff":  # not _CJK.match(typed)
            return None
        expected = term_readings(term)
        if not expected or expected[k] not in readings(typed):
            return None  # the typed character cannot be read as the term's character is read there
        window = text[start:end]
        if window in self.fixed or self._excepted(text, start, end):
            return None
        return TermHit(start, end, window, term, True)


@lru_cache(maxsize=8)
def _matcher_for(key: Optional[str]) -> TermMatcher:
    base = builtin_terms()
    return TermMatcher(base.merged(as_term_list(key) if key else None))


def matcher(user_terms=None) -> TermMatcher:
    """The matcher for the built-in lists plus the user's dictionary (cached per dictionary text)."""
    if user_terms is None:
        return _matcher_for(None)
    if isinstance(user_terms, TermList):
        return TermMatcher(builtin_terms().merged(user_terms))
    if not isinstance(user_terms, str):
        user_terms = "\n".join(user_terms)
    return _matcher_for(user_terms)


bind(globals())  # patterns compile on first use (see .lazyre)
