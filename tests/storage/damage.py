"""Damaged project files for the fuzz test (tests/storage/test_fuzz_load.py) and its long run
(tests/perf/fuzz_projects.py): mutations of the sample and of the format reference files, each run
through load, check, save and export exactly as the program runs them.

``mutate(rng, base_bytes)`` returns ``(kind, bytes)``; ``run_case(data, folder)`` returns an outcome
string (``"loaded"`` or the name of the typed error) and raises :class:`Failure` on a traceback (any
error that is not one of :mod:`editor.errors`' types), a generic or non-Chinese message, or a loaded
report that cannot be saved and read back.
"""

from __future__ import annotations

import copy
import json
import random
import re
from pathlib import Path

from editor.checks import run_checks
from editor.errors import ReportEditorError
from editor.export import write_docx
from editor.storage import dump_project, parse_project

ROOT = Path(__file__).resolve().parents[2]
BASES = {
    "sample": ROOT / "templates" / "sample-dongguan-2022.fzbg",
    "v2": ROOT / "tests" / "data" / "formats" / "v2.fzbg",
    "v1": ROOT / "tests" / "data" / "formats" / "v1.fzbg",
}

# English parser / OS / library text that must never reach a user.
INTERNALS = re.compile(
    r"Expecting|Unterminated|Invalid|Extra data|Input should|Errno|Traceback|Error\b|Exception|pydantic|"
    r"For further information|validation error|delimiter|escape|surrogates? not allowed|codec|recursion|"
    r"Exceeds the limit|literal|decimal\.|NoneType|object has no|not subscriptable"
)
GENERIC = ("发生意外错误", "意外错误")


class Failure(AssertionError):
    pass


def base_bytes() -> dict[str, bytes]:
    return {name: path.read_bytes() for name, path in BASES.items()}


# ------------------------------------------------------------------ running one file
def check_message(message: str, file_name: str = "") -> None:
    if file_name:  # the file's own name may be anything
        message = message.replace(file_name, "文件名")
    if not re.search(r"[\u4e00-\u9fff]", message):
        raise Failure(f"message without Chinese: {message[:200]!r}")
    if any(g in message for g in GENERIC):
        raise Failure(f"generic message: {message[:200]!r}")
    m = INTERNALS.search(message)
    if m:
        raise Failure(f"English internals ({m.group(0)!r}) in: {message[:300]!r}")
    if len(message) > 2000:
        raise Failure(f"message of {len(message)} characters")


def run_case(data: bytes, folder: Path, *, export: bool = True) -> str:
    """Load ``data`` as the window and the command line do; on success check, save (and read back) and
    export it. Returns the outcome; raises :class:`Failure` on anything a user must never see."""
    try:
        try:
            report, meta = parse_project(data, "损坏.fzbg")
        except ReportEditorError as e:
            check_message(e.message)
            repaired = getattr(e, "repaired", None)
            if repaired is not None:  # the copy offered to the user must itself save and load cleanly
                copy_ = repaired()
                parse_project(dump_project(copy_), "副本.fzbg")
                run_checks(copy_)
            return type(e).__name__
        for value in meta.values():  # shown by the window (a template's description): must be encodable
            if isinstance(value, str):
                value.encode("utf-8")
        findings = run_checks(report)
        for f in findings:
            if any(g in f.message for g in GENERIC):
                raise Failure(f"generic finding: {f.message[:200]!r}")
        saved = dump_project(report)
        again, _ = parse_project(saved, "重新读取.fzbg")
        if again.model_dump() != report.model_dump():
            raise Failure("a loaded report did not survive save and load unchanged")
        if export:
            try:
                write_docx(report, folder / "out.docx", "formal" if len(data) % 3 == 0 else None)
            except ReportEditorError as e:
                check_message(e.message)
                return "loaded, export refused: " + type(e).__name__
        return "loaded"
    except Failure:
        raise
    except ReportEditorError as e:  # a typed error from check/save/export
        check_message(e.message)
        return "typed after load: " + type(e).__name__
    except BaseException as e:  # noqa: BLE001 - a traceback is exactly what the fuzz test looks for
        if isinstance(e, KeyboardInterrupt):
            raise
        raise Failure(f"traceback: {type(e).__name__}: {str(e)[:300]}") from e


# ------------------------------------------------------------------ mutations
def _paths(node, path=()):
    """Every (path, value) of a parsed JSON document."""
    out = [(path, node)]
    stack = [(node, path)]
    while stack:
        n, p = stack.pop()
        items = n.items() if isinstance(n, dict) else enumerate(n) if isinstance(n, list) else ()
        for k, v in items:
            out.append((p + (k,), v))
            if isinstance(v, (dict, list)):
                stack.append((v, p + (k,)))
    return out


def _set(doc, path, value):
    node = doc
    for k in path[:-1]:
        node = node[k]
    node[path[-1]] = value


def _strings(doc):
    return [(p, v) for p, v in _paths(doc) if isinstance(v, str) and p]


def _ids(doc):
    return [(p, v) for p, v in _paths(doc) if p and p[-1] == "id" and isinstance(v, str)]


SWAPS = [None, True, False, 0, -1, 1.5, 10**20, "", "文字", "x" * 50, [], [1], {}, {"a": 1}, "2023-13-45", 1e308]


def _json_mutation(rng: random.Random, doc: dict) -> tuple[str, str]:
    """Returns (kind, JSON text)."""
    doc = copy.deepcopy(doc)
    report = doc.get("report", {})
    kind = rng.choice(["swap", "swap", "delete", "unknown", "version", "huge_value", "huge_value", "dup_id",
                       "dup_id", "surrogate", "surrogate", "deep_items", "bad_id", "long_font", "metric_nonsense",
                       "empty", "reorder"])
    if kind == "swap":
        path, _ = rng.choice(_paths(doc)[1:])
        _set(doc, path, copy.deepcopy(rng.choice(SWAPS)))
    elif kind == "delete":
        cands = [(p, v) for p, v in _paths(doc) if p and isinstance(p[-1], str)]
        path, _ = rng.choice(cands)
        node = doc
        for k in path[:-1]:
            node = node[k]
        del node[path[-1]]
    elif kind == "unknown":
        cands = [(p, v) for p, v in _paths(doc) if isinstance(v, dict)]
        path, node = rng.choice(cands)
        node[rng.choice(["zzz", "额外", "x" * 300])] = rng.choice(SWAPS)
    elif kind == "version":
        doc["format_version"] = rng.choice([0, -1, 3, 99, 10**40, "2", 2.0, None, True, [], 1, 2])
        if rng.random() < 0.3:
            doc["format"] = rng.choice(["report-editor", "", None, 5])
    elif kind == "huge_value" and report.get("metrics"):
        m = rng.choice(report["metrics"])
        digits = rng.choice([16, 22, 30, 60, 400])
        m[rng.choice(["value", "last_value"])] = rng.choice(["1", "9", "4"]) * digits
        if rng.random() < 0.7:
            m["last_value"] = rng.choice(["3", "0.000001", "0", "1" * 15, "0." + "0" * 5 + "1"])
        if rng.random() < 0.3:
            m["value"] = "9" * 15
        m["is_rate"] = rng.random() < 0.3
        m["change_decimals"] = rng.choice([0, 1, 4])
        if isinstance(report.get("preamble"), list) and isinstance(m.get("id"), str):
            report["preamble"].append("数值{{m:%s}}，{{chg:%s}}。" % (m["id"], m["id"]))
    elif kind == "dup_id":
        ids = _ids(doc)
        if len(ids) >= 2:
            (p1, v1), (p2, _v2) = rng.sample(ids, 2)
            _set(doc, p2, v1)
    elif kind == "surrogate":
        strings = _strings(doc)
        if strings:
            path, value = rng.choice(strings)
            cut = rng.randint(0, len(value))
            _set(doc, path, value[:cut] + rng.choice(["\ud800", "\udfff", "\udc00x", "\ud83d"]) + value[cut:])
        return kind, json.dumps(doc, ensure_ascii=True, indent=rng.choice([None, 1]))
    elif kind == "deep_items":
        sections = report.get("sections") or []
        if sections and isinstance(sections[0], dict):
            depth = rng.choice([5, 30, 51, 60, 120])
            item = {"lead": "深"}
            top = item
            for _ in range(depth - 1):
                child = {"lead": "层"}
                item["children"] = [child]
                item = child
            sections[0].setdefault("items", []).append(top)
    elif kind == "bad_id":
        ids = _ids(doc)
        if ids:
            path, _ = rng.choice(ids)
            _set(doc, path, rng.choice(["", "a b", "report", "x" * 100, "中文", "m:1", None, 5]))
    elif kind == "long_font":
        fonts = report.setdefault("format", {}).setdefault("fonts", {})
        fonts[rng.choice(["body", "title", "heading1"])] = "仿" * rng.choice([101, 5000, 2_000_000])
    elif kind == "metric_nonsense" and report.get("metrics"):
        m = rng.choice(report["metrics"])
        m[rng.choice(["value", "last_value"])] = rng.choice(["两千", "-5", "1,000", "1.2.3", "０１", " 12 ", "1e5",
                                                             "NaN", "٣", "0" * 30, "1." + "0" * 30])
        m["change_decimals"] = rng.choice([0, 4, 5, -1, 1])
    elif kind == "empty":
        key = rng.choice(["sections", "metrics", "organisations", "preamble"])
        report[key] = []
    elif kind == "reorder":
        secs = report.get("sections")
        if isinstance(secs, list):
            rng.shuffle(secs)
    return kind, json.dumps(doc, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 1]))


def _text_mutation(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    kind = rng.choice(["truncate", "truncate", "flip", "flip", "insert", "delete", "deep_nesting", "huge_int",
                       "huge_int_value", "escape", "bom", "encoding", "nan"])
    n = len(data)
    if kind == "truncate":
        return kind, data[: rng.randrange(0, n)]
    if kind == "flip":
        b = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            b[rng.randrange(n)] = rng.randrange(256)
        return kind, bytes(b)
    if kind == "insert":
        pos = rng.randrange(n)
        junk = rng.choice([b"{", b"}", b"[", b"]", b",", b":", b'"', b"\\", b"\x00", b"\xff\xfe", b"null",
                           bytes(rng.randrange(256) for _ in range(8))])
        return kind, data[:pos] + junk + data[pos:]
    if kind == "delete":
        pos = rng.randrange(n)
        return kind, data[:pos] + data[pos + rng.randint(1, 40):]
    text = data.decode("utf-8")
    if kind == "deep_nesting":
        depth = rng.choice([150, 250, 1000, 5000, 100_000])
        nest = "[" * depth + "]" * depth if rng.random() < 0.5 else '{"a":' * depth + "1" + "}" * depth
        key = rng.choice(['"hint": ', '"preamble": ', '"zzz": ', '"notes": '])
        pos = text.find(key)
        if pos < 0:
            return kind, text.replace('"report": {', '"report": {"hint": ' + nest + ",", 1).encode()
        end = text.find(",", pos)
        return kind, (text[:pos] + key + nest + text[end:]).encode()
    if kind == "huge_int":
        digits = rng.choice([4301, 5000, 20_000])
        return kind, re.sub(r'"year": \d+', '"year": ' + "9" * digits, text, count=1).encode()
    if kind == "huge_int_value":
        digits = rng.choice([30, 400, 4301, 10_000])
        field = rng.choice(['"change_decimals": ', '"format_version": ', '"year": '])
        return kind, re.sub(re.escape(field) + r"\d+", field + "1" * digits, text, count=1).encode()
    if kind == "escape":
        strings = [m.start() + 1 for m in re.finditer(r'": "', text)]
        if not strings:
            return kind, data
        pos = rng.choice(strings) + 2
        esc = rng.choice(["\\ud800", "\\udfff", "\\ud83d\\ude00", "\\u00", "\\x41", "\\q", "\\u0000", "\\ud800\\ud800"])
        return kind, (text[:pos] + esc + text[pos:]).encode()
    if kind == "bom":
        return kind, rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]) + data
    if kind == "encoding":
        return kind, text.encode(rng.choice(["utf-16", "gb18030", "utf-32"]))
    if kind == "nan":
        return kind, re.sub(r'"year": \d+', '"year": ' + rng.choice(["NaN", "Infinity", "-Infinity", "1e999"]), text,
                            count=1).encode()
    return kind, data


def mutate(rng: random.Random, bases: dict[str, bytes], parsed: dict[str, dict]) -> tuple[str, bytes]:
    """One damaged file: (``base/kind``, bytes). Half the mutations work on the text, half on the JSON."""
    name = rng.choice(["sample", "v2", "v2", "v1"])
    if rng.random() < 0.5:
        kind, data = _text_mutation(rng, bases[name])
    else:
        kind, text = _json_mutation(rng, parsed[name])
        data = text.encode("utf-8")
        if rng.random() < 0.15:  # damage on top of damage
            kind2, data = _text_mutation(rng, data)
            kind += "+" + kind2
    return f"{name}/{kind}", data


def run_fuzz(count: int, seed: int, folder: Path, *, export: bool = True):
    """Run ``count`` damaged files; returns (outcomes by kind, failures [(case, seed, kind, message)])."""
    bases = base_bytes()
    parsed = {k: json.loads(v) for k, v in bases.items()}
    rng = random.Random(seed)
    outcomes: dict[str, dict[str, int]] = {}
    failures = []
    for i in range(count):
        kind, data = mutate(rng, bases, parsed)
        try:
            outcome = run_case(data, folder, export=export)
        except Failure as f:
            failures.append((i, seed, kind, str(f), data))
            outcome = "FAILURE"
        outcomes.setdefault(kind.split("+")[0], {}).setdefault(outcome, 0)
        outcomes[kind.split("+")[0]][outcome] += 1
    return outcomes, failures
