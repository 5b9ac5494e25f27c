"""The evaluation set (tests/data/reports): every text imported and compared with its expected outline.

Each ``NAME.txt`` has ``NAME.outline.json``: where the text comes from (``source``: a real published
report, or a text written for this set after the structure of a named published one), and what the
import must give: title, organisations, year, signature, date, notes, 版记, preamble, every section
(heading, numbered, kinds, intro and closing paragraphs, items with their leads, kinds and sub-items),
the report's closing, the numbering errors of the source, and the enumeration runs (all points of a run
in the same body, in order, none made an item).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from editor.checks import run_checks
from editor.importing import import_file

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"
NAMES = sorted(p.stem for p in REPORTS.glob("*.txt"))


def _outline(name: str) -> dict:
    return json.loads((REPORTS / f"{name}.outline.json").read_text(encoding="utf-8"))


def _item(it) -> dict:
    d = {"lead": it.lead, "kinds": [k.value for k in it.kinds]}
    if it.children:
        d["children"] = [_item(c) for c in it.children]
    return d


def test_the_set_covers_five_organisations_and_two_years():
    outlines = [_outline(n) for n in NAMES]
    assert len({o["source"]["organisation"] for o in outlines}) >= 5
    assert len({o["source"]["year"] for o in outlines}) >= 2
    for o in outlines:
        assert o["source"]["kind"] in ("real", "constructed") and o["source"]["url"] and o["source"]["note"]


@pytest.mark.parametrize("name", NAMES)
def test_import_matches_expected_outline(name):
    want = _outline(name)
    result = import_file(REPORTS / f"{name}.txt")
    r = result.report
    assert r.title == want["title"]
    assert r.organisations == want["organisations"] and r.year == want["year"]
    assert r.signature == want["signature"]
    assert r.date == dt.date.fromisoformat(want["date"])
    assert r.notes == want["notes"]
    f = r.formal
    assert (f.cc, f.printer, f.print_date.isoformat() if f.print_date else None) == (
        want["formal"]["cc"], want["formal"]["printer"], want["formal"]["print_date"])
    assert len(r.preamble) == want["preamble"]
    got_sections = [{"heading": s.heading, "numbered": s.numbered, "kinds": [k.value for k in s.kinds],
                     "intro": len(s.intro), "outro": len(s.outro), "items": [_item(i) for i in s.items]}
                    for s in r.sections]
    # headings first (a clearer message when a heading is missed), then everything
    assert [s["heading"] for s in got_sections] == [s["heading"] for s in want["sections"]]
    # metrics were applied: compare leads as rendered
    from editor.model import render_text

    def rendered(items):
        for it in items:
            it["lead"] = render_text(it["lead"], r.metrics)
            rendered(it.get("children", []))

    for s in got_sections:
        rendered(s["items"])
    assert got_sections == want["sections"]
    assert r.closing == want["closing"]
    assert sum(1 for x in r.import_findings if x.kind == "numbering") == want["numbering_findings"]
    assert r.format.continuous_level3 == want["continuous_level3"]
    # no closing paragraph inside an item's body: closings are outros or the report's closing
    closing_words = ("下一步", "总之", "特此报告", "同时也要看到")
    for _s, chain in r.iter_items():
        assert not any(b.startswith(closing_words) for b in chain[-1].body), chain[-1].lead


@pytest.mark.parametrize("name", NAMES)
def test_enumeration_runs_imported_consistently(name):
    """Every point of a run lands in the same paragraph list (an item's body, a section's intro or
    closing), in order; no point becomes an item or a heading."""
    from editor.model import render_text

    r = import_file(REPORTS / f"{name}.txt").report
    fields = [(ref, render_text(text, r.metrics)) for ref, text in r.text_fields()]
    for run in _outline(name)["enumerations"]:
        places = []
        for point in run["points"]:
            hits = [(ref, text) for ref, text in fields if point in text]
            assert len(hits) == 1, (point, hits)
            ref, text = hits[0]
            assert ref.field in ("body", "intro", "outro", "preamble", "closing"), (point, ref)
            places.append((ref.node, ref.field, ref.index))
        assert len({(node, fld) for node, fld, _i in places}) == 1, places
        assert [i for _n, _f, i in places] == sorted(i for _n, _f, i in places)


def test_the_five_kinds_are_inferred_where_the_texts_have_them():
    kinds_seen = set()
    for name in NAMES:
        r = import_file(REPORTS / f"{name}.txt").report
        for s in r.sections:
            kinds_seen.update(k.value for k in s.kinds)
        for _s, chain in r.iter_items():
            kinds_seen.update(k.value for k in chain[-1].kinds)
    assert {"measures", "shortcomings", "leadership", "plans", "other"} <= kinds_seen


@pytest.mark.parametrize("name", NAMES)
def test_check_on_imported_report_has_no_title_signature_mismatch_made_by_the_import(name):
    want = _outline(name)
    r = import_file(REPORTS / f"{name}.txt").report
    findings = run_checks(r)
    mismatch = [f for f in findings if f.code == "title.org_mismatch"]
    if not r.title_override:  # the title was generated by the import: it must agree with the signature
        assert mismatch == [], [f.message for f in mismatch]
    # what the source got wrong is shown by check
    numbering = [f for f in findings if f.code == "import.numbering"]
    assert len(numbering) == want["numbering_findings"]
