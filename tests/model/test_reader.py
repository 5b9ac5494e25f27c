"""The fast reader of project data (editor.model.reader) agrees with pydantic, the authority.

Whatever the reader accepts, pydantic accepts and turns into the same objects (same values and same types:
an enum is not a str that compares equal, a date not its text); whatever pydantic refuses, the reader refuses.
Checked on every project file of the repository and on thousands of randomly damaged variants of the sample.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
import random
from enum import Enum
from pathlib import Path

import pytest
from pydantic import ValidationError

import editor.model.report as report_module
from editor.model import Report
from editor.model.reader import read_plain
from editor.model.report import Item, Metric, _Model
from editor.errors import ProjectError
from editor.storage import dump_project, parse_project
from editor.storage.projectfile import migrate
from editor.templates import load_template
from tests.perf.common import large_report

ROOT = Path(__file__).resolve().parents[2]


def typed(value):
    """A structure that compares equal only for equal values of equal types."""
    if isinstance(value, _Model):
        return (type(value).__name__, {k: typed(v) for k, v in value.__dict__.items()}, list(value.__dict__))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [typed(v) for v in value])
    if isinstance(value, dict):
        return ("dict", {k: typed(v) for k, v in value.items()})
    return (type(value).__name__, value.value if isinstance(value, Enum) else value)


@pytest.fixture(autouse=True)
def _counted_ids(monkeypatch):
    """Ids made for missing id fields come from a counter, so that two readings can be compared."""
    counter = itertools.count()
    monkeypatch.setattr(report_module, "new_id", lambda prefix: f"{prefix}-{next(counter)}")
    return counter


def _both(raw):
    """(reader's result, pydantic's result or the ValidationError), each from a fresh id counter."""
    report_module.new_id = _fresh_ids()
    fast = read_plain(Report, copy.deepcopy(raw))
    report_module.new_id = _fresh_ids()
    try:
        slow = Report.model_validate(copy.deepcopy(raw))
    except (ValidationError, UnicodeEncodeError) as e:  # pydantic fails to word its error on a lone surrogate
        slow = e
    return fast, slow


def _fresh_ids():
    counter = itertools.count()
    return lambda prefix: f"{prefix}-{next(counter)}"


def _project_files():
    return sorted(p for p in ROOT.glob("**/*.fzbg") if ".venv" not in p.parts and "build" not in p.parts)


def test_every_project_file_of_the_repository_is_read_alike():
    files = _project_files()
    assert len(files) >= 5, files
    fast_count = 0
    for path in files:
        try:
            doc = json.loads(path.read_text(encoding="utf-8-sig"))
            raw = migrate(doc, path.name)["report"]
        except (ValueError, KeyError, TypeError, RecursionError, ProjectError):
            continue  # a test file damaged before the report's data (not JSON, no report...)
        if not isinstance(raw, dict):
            continue
        fast, slow = _both(raw)
        if isinstance(slow, ValidationError):
            assert fast is None, path  # a deliberately damaged test file
            continue
        if fast is not None:
            fast_count += 1
            assert typed(fast) == typed(slow), path
    # the templates and format reference files are written by this program: all of them take the fast path
    assert fast_count >= len([p for p in files if "templates" in p.parts or "formats" in p.parts])


def test_a_saved_report_is_read_without_pydantic_and_equal():
    for report in (load_template("sample-dongguan-2022"), large_report(3)):
        raw = json.loads(dump_project(report))["report"]
        fast = read_plain(Report, raw)
        assert fast is not None
        assert typed(fast) == typed(report)
        assert typed(parse_project(dump_project(report))[0]) == typed(report)


STRANGE_VALUES = [
    None, True, False, 0, 1, -1, 4, 5, 2022, 1948, 1949, 2200, 2201, 10**20, 1.0, 2.5, 2022.0,
    "", "x", "1", "true", "2023-01-28", "2023-1-28", "2023-02-30", "2023-01-28T00:00:00", "0001-01-01",
    "逾", "余", "以上", "万", "亿", "chinese", "arabic", "formal", "measures", "centred", "s-1", "i-1\n",
    "has space", "i-" + "a" * 70, "\ud800", "２０２３-01-28",
    [], ["a"], ["a", "b"], ["a", "b", "c"], [1], [None], ["measures"], ["nope"], {}, {"x": "y"}, {"x": 1},
]


def _paths(node, prefix=()):
    """Every (container path, key) of the plain data."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield prefix, k
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield prefix, i
            yield from _paths(v, prefix + (i,))


def _at(node, path):
    for p in path:
        node = node[p]
    return node


def _mutate(raw: dict, rng: random.Random) -> dict:
    raw = copy.deepcopy(raw)
    for _ in range(rng.choice((1, 1, 2))):
        places = list(_paths(raw))
        parent_path, key = rng.choice(places)
        parent = _at(raw, parent_path)
        action = rng.random()
        if action < 0.65:
            parent[key] = copy.deepcopy(rng.choice(STRANGE_VALUES))
        elif action < 0.8 and isinstance(parent, dict):
            del parent[key]
        elif action < 0.9 and isinstance(parent, dict):
            parent[rng.choice(("extra", "Id", "kind", "value"))] = rng.choice(STRANGE_VALUES)
        else:
            parent[key] = [parent[key]] if rng.random() < 0.5 else {"x": parent[key]}
    return raw


def _small_full_report() -> dict:
    """The sample's data cut short, with every optional part present so that mutations reach them."""
    small = json.loads(dump_project(load_template("sample-dongguan-2022")))["report"]
    small["sections"] = small["sections"][:2]
    small["metrics"] = small["metrics"][:6]
    small["date"] = "2023-01-28"
    small["formal"]["print_date"] = "2023-02-01"
    small["check_ignores"] = [{"rule": "r", "where": "", "text": ""}]
    small["import_findings"] = [{"id": "f-1", "kind": "dropped", "message": "删除了“分享到：”。"}]
    return small


def _compare(raw, counts):
    fast, slow = _both(raw)
    if isinstance(slow, Exception):
        assert fast is None, (raw, slow)
        counts["both refuse"] += 1
    elif fast is None:
        counts["pydantic converts"] += 1  # e.g. 2022.0 as a year: pydantic's to judge
    else:
        assert typed(fast) == typed(slow), raw
        counts["both accept"] += 1


def test_every_field_with_every_strange_value_is_read_as_pydantic_reads_it():
    small = _small_full_report()
    first: dict = {}
    for parent_path, key in _paths(small):
        if isinstance(key, str):
            first.setdefault((_shape(parent_path), key), (parent_path, key))
    counts = {"both accept": 0, "both refuse": 0, "pydantic converts": 0}
    for parent_path, key in first.values():
        for value in STRANGE_VALUES + ["deleted"]:
            raw = copy.deepcopy(small)
            parent = _at(raw, parent_path)
            if value == "deleted":
                del parent[key]
            else:
                parent[key] = copy.deepcopy(value)
            _compare(raw, counts)
    assert len(first) >= 70, len(first)  # every field of every class of the model
    assert counts["both accept"] >= 300 and counts["both refuse"] >= 1000 and counts["pydantic converts"] >= 50, counts


def _shape(path) -> tuple:
    """The path with list positions left out: which field of which kind of object."""
    return tuple(p for p in path if isinstance(p, str))


def test_randomly_damaged_data_is_accepted_only_as_pydantic_accepts_it():
    small = _small_full_report()
    rng = random.Random(20261201)
    counts = {"both accept": 0, "both refuse": 0, "pydantic converts": 0}
    for _ in range(2000):
        _compare(_mutate(small, rng), counts)
    # every kind of outcome occurred often: the comparison was not vacuous
    assert counts["both accept"] >= 300 and counts["both refuse"] >= 300 and counts["pydantic converts"] >= 10, counts


def test_missing_required_fields_and_wrong_types_are_left_to_pydantic():
    assert read_plain(Report, {"check_ignores": [{"where": "x"}]}) is None
    assert read_plain(Report, {"import_findings": [{"kind": "dropped"}]}) is None
    assert read_plain(Report, {"year": "2023"}) is None  # pydantic converts it
    assert read_plain(Report, {"date": "2023-01-28"}).date == dt.date(2023, 1, 28)
    assert read_plain(Metric, {"change_words": ["增加", "减少"]}).change_words == ("增加", "减少")
    deep = {"id": "i-0"}
    for _ in range(2000):
        deep = {"children": [deep]}
    assert read_plain(Item, deep) is None  # too deep for the reader: pydantic reports it


def test_constructor_copies_lists_as_pydantic_did():
    body = ["一", "二"]
    item = Item(body=body)
    body.append("三")
    assert item.body == ["一", "二"]
    m = Metric(change_words=["增加", "减少"])
    assert m.change_words == ("增加", "减少")
