"""Regular expressions compiled on first use.

The rule modules hold some eighty module-level patterns; compiling them all costs ≈ 15 ms (a character class
such as ``[\\u3400-\\u9fff]`` alone ≈ 1.3 ms, ``re`` builds its table one character at a time), paid by every
process that imports :mod:`editor.checks`, although ``export`` runs only the rules that can report an error
(and those use only some of the patterns). A module writes ``NAME_RE = lazy_re(r"...")`` instead of
``re.compile`` and ends with ``bind(globals())``: nothing is compiled on import; the first use of the pattern
(any attribute: ``search``, ``finditer``…) compiles it once and puts the compiled pattern into the globals of
every module that bound it under its name, so later uses in those modules are plain compiled patterns (no
indirection). A pattern held elsewhere (in a dict, or a module that did not call :func:`bind`) stays the
:class:`LazyPattern`, which forwards every attribute to the compiled pattern.
"""

from __future__ import annotations

import _thread
import re

_lock = _thread.allocate_lock()  # not threading: an export need not import it


class LazyPattern:
    """A regular expression compiled the first time one of its attributes is used."""

    __slots__ = ("_source", "_flags", "_compiled", "_homes")

    def __init__(self, source: str, flags: int = 0):
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern | None = None
        self._homes: list[tuple[dict, str]] = []  # (module globals, name) where it stands in for the pattern

    @property
    def compiled(self) -> bool:
        """True once the pattern has been compiled."""
        return self._compiled is not None

    def get(self) -> re.Pattern:
        """The compiled pattern (compiled now if it was not yet)."""
        c = self._compiled
        if c is None:
            c = re.compile(self._source, self._flags)
            with _lock:
                self._compiled = c
                for ns, name in self._homes:
                    if ns.get(name) is self:
                        ns[name] = c
        return c

    def __getattr__(self, name: str):
        return getattr(self.get(), name)

    def __repr__(self) -> str:
        return f"lazy_re({self._source!r})"


def lazy_re(source: str, flags: int = 0) -> LazyPattern:
    """``re.compile(source, flags)``, compiled when first used (see the module's description)."""
    return LazyPattern(source, flags)


def bind(namespace: dict) -> None:
    """Let every :class:`LazyPattern` among the values of ``namespace`` (a module's ``globals()``) replace itself
    there by its compiled pattern when it is compiled (at once, if it already is)."""
    with _lock:
        for name, value in list(namespace.items()):
            if isinstance(value, LazyPattern):
                if value._compiled is not None:
                    namespace[name] = value._compiled
                elif not any(ns is namespace and n == name for ns, n in value._homes):
                    value._homes.append((namespace, name))


def is_compiled(pattern) -> bool:
    """True for a compiled pattern, or a :class:`LazyPattern` that has been compiled."""
    return isinstance(pattern, re.Pattern) or (isinstance(pattern, LazyPattern) and pattern.compiled)
