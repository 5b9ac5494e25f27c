"""Validation of exported .docx files for the tests, offline:

- ``audit_errors``: openxml-audit (a Python port of the Open XML SDK validator) with the Microsoft 365
  profile, which adds Word's own restrictions (MS-OI29500) to the schemas.
- ``xsd_errors``: the ISO/IEC 29500 transitional XML schemas under tests/data/ooxml-xsd (see SOURCE.md
  there), applied to every XML part after Markup Compatibility processing (elements and attributes of
  the namespaces a part declares ignorable are removed, as a consumer that does not know them does).
  docProps/core.xml is left to openxml-audit: its schema imports the Dublin Core schemas from the web.
"""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

from lxml import etree

XSD_DIR = Path(__file__).resolve().parent.parent / "data" / "ooxml-xsd"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# part (by name pattern) -> entry schema
_SCHEMAS = {
    "wordprocessingml.xsd": lambda n: n.startswith("word/") and n.endswith(".xml"),
    "shared-documentPropertiesExtended.xsd": lambda n: n == "docProps/app.xml",
    "opc-contentTypes.xsd": lambda n: n == "[Content_Types].xml",
    "opc-relationships.xsd": lambda n: n.endswith(".rels"),
}


@functools.lru_cache(maxsize=None)
def _schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD_DIR / name)))


def _apply_markup_compatibility(root):
    ignorable = set()
    for el in root.iter():
        value = el.get(f"{{{MC}}}Ignorable")
        for prefix in (value or "").split():
            if prefix in el.nsmap:
                ignorable.add(el.nsmap[prefix])
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        for attr in list(el.attrib):
            ns = attr[1:].split("}")[0] if attr.startswith("{") else ""
            if ns in ignorable or ns == MC:
                del el.attrib[attr]
    for el in list(root.iter()):
        if isinstance(el.tag, str) and el.tag.startswith("{") and el.tag[1:].split("}")[0] in ignorable:
            el.getparent().remove(el)
    return root


def xsd_errors(data: bytes) -> list[str]:
    """Schema errors of every XML part of the .docx (``part: message``); empty when valid."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            schema_name = next((s for s, match in _SCHEMAS.items() if match(name)), None)
            if schema_name is None:
                continue
            schema = _schema(schema_name)
            root = _apply_markup_compatibility(etree.fromstring(z.read(name)))
            if not schema.validate(root):
                out += [f"{name}: {e.message} (line {e.line})" for e in schema.error_log]
    return out


def audit_errors(data: bytes, tmp_path: Path) -> list[str]:
    """openxml-audit's findings with the Microsoft 365 profile (errors and warnings)."""
    from openxml_audit import FileFormat, OpenXmlValidator

    path = tmp_path / "audit.docx"
    path.write_bytes(data)
    result = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=1000).validate(str(path))
    return [f"{e.part_uri} {getattr(e, 'path', '')}: {e.description}" for e in result.errors]
