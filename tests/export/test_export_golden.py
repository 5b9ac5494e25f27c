"""Golden-file comparison of the exported .docx: every XML part pretty-printed and compared with a
reference under tests/data/golden/<case>/ (timestamps in docProps/core.xml and the w14:docId that
every export draws afresh are ignored; binary parts are compared by SHA-256).

After an intended change of the export, regenerate the references and review the diff:

    UPDATE_GOLDEN=1 python -m pytest tests/export/test_export_golden.py
    git diff tests/data/golden
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from export_reports import small_report
from editor.export import build_docx
from editor.templates import load_template

GOLDEN = Path(__file__).resolve().parent.parent / "data" / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
# Parts written by the export are compared in full; parts copied unchanged from python-docx's
# template (theme, font table, …) by the SHA-256 of their normalised text.
FULL = re.compile(r"^(word/(document|styles|settings|fontTable|footer\d+)\.xml|docProps/(core|app)\.xml|.*\.rels|\[Content_Types\]\.xml)$")
_TIMESTAMP = re.compile(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")
_DOC_ID = re.compile(r'(<w14:docId w14:val=")[0-9A-F]{8}(")')


def normalised_parts(data: bytes) -> dict[str, str]:
    """Part name -> pretty-printed XML (or ``sha256 …`` for binary parts)."""
    out = {}
    parser = etree.XMLParser(remove_blank_text=True)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in sorted(z.namelist()):
            raw = z.read(name)
            if name.endswith(".xml") or name.endswith(".rels"):
                text = etree.tostring(etree.fromstring(raw, parser), pretty_print=True, encoding="unicode")
                if name == "docProps/core.xml":
                    text = _TIMESTAMP.sub(r"\1TIMESTAMP\3", text)
                elif name == "word/settings.xml":
                    text = _DOC_ID.sub(r"\1DOCID\2", text)
                out[name] = text if FULL.match(name) else "sha256 " + hashlib.sha256(text.encode()).hexdigest() + "\n"
            else:
                out[name] = "sha256 " + hashlib.sha256(raw).hexdigest() + "\n"
    return out


def _golden_name(part: str) -> str:
    return part.replace("[", "_").replace("]", "_") + ("" if FULL.match(part) else ".sha256")


def compare_with_golden(case: str, data: bytes) -> None:
    parts = normalised_parts(data)
    folder = GOLDEN / case
    manifest = folder / "MANIFEST"
    if UPDATE:
        if folder.exists():
            for old in sorted(folder.rglob("*"), reverse=True):
                old.unlink() if old.is_file() else old.rmdir()
        for part, text in parts.items():
            path = folder / _golden_name(part)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        manifest.write_text("".join(p + "\n" for p in parts), encoding="utf-8")
    assert manifest.is_file(), f"no golden files for {case}: run with UPDATE_GOLDEN=1"
    assert manifest.read_text(encoding="utf-8").split() == list(parts), "the set of parts changed"
    for part, text in parts.items():
        expected = (folder / _golden_name(part)).read_text(encoding="utf-8")
        assert text == expected, f"{case}: {part} differs from the golden file (UPDATE_GOLDEN=1 to accept)"


@pytest.mark.parametrize("edition", ["public", "formal"])
def test_small_report_matches_golden(edition):
    compare_with_golden(f"small-{edition}", build_docx(small_report(), edition))


def test_small_report_centred_bold_matches_golden():
    r = small_report()
    r.format.page_numbers = "centred"
    r.format.bold_level2 = True
    r.format.bold_level3 = True
    compare_with_golden("small-centred-bold", build_docx(r))


def test_sample_matches_golden():
    compare_with_golden("sample-public", build_docx(load_template("sample-dongguan-2022"), "public"))


def test_export_is_deterministic_apart_from_timestamps():
    a = normalised_parts(build_docx(small_report(), "formal"))
    b = normalised_parts(build_docx(small_report(), "formal"))
    assert a == b


def test_golden_comparison_detects_a_change():
    r = small_report()
    r.preamble[0] = r.preamble[0].replace("坚持", "始终坚持")
    parts = normalised_parts(build_docx(r, "public"))
    expected = (GOLDEN / "small-public" / "word/document.xml").read_text(encoding="utf-8")
    assert parts["word/document.xml"] != expected
