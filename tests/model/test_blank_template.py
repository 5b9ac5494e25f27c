"""The blank template: the five required kinds, guidance only in hints (never exported)."""

from __future__ import annotations

import pytest

from editor.errors import TemplateNotFound
from editor.model import REQUIRED_KINDS, build_flow
from editor.templates import list_templates, load_template, template_path


def test_templates_listed_with_descriptions():
    infos = {t.name: t for t in list_templates()}
    assert {"fzzf-annual", "sample-dongguan-2022"} <= set(infos)
    assert all(t.description for t in infos.values())
    assert infos["fzzf-annual"].path == template_path("fzzf-annual")


def test_unknown_template_names_the_available_ones():
    with pytest.raises(TemplateNotFound) as e:
        template_path("no-such")
    assert "no-such" in str(e.value) and "fzzf-annual" in str(e.value)


def test_blank_template_has_the_five_required_kinds_with_hints():
    r = load_template("fzzf-annual")
    kinds = [k for s in r.sections for k in s.kinds]
    assert sorted(kinds, key=str) == sorted(REQUIRED_KINDS, key=str)
    assert r.organisations == [] and r.signature == [] and r.date is None and r.metrics == []
    assert r.hint and all(s.hint for s in r.sections)
    items = [chain[-1] for _s, chain in r.iter_items()]
    assert items and all(it.hint and not it.lead and not it.body for it in items)


def test_blank_template_hints_are_not_exported():
    r = load_template("fzzf-annual")
    text = "\n".join(b.text for b in build_flow(r))
    hints = [r.hint] + [s.hint for s in r.sections] + [chain[-1].hint for _s, chain in r.iter_items()]
    for h in hints:
        assert h not in text and h[-12:] not in text
    headings = [b.text for b in build_flow(r) if b.kind == "heading1"]
    assert headings[0].startswith("一、") and headings[-1].startswith("五、")
