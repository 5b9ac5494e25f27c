"""Bad input: each case raises ImportError_ with a Chinese message, and nothing is written."""

from __future__ import annotations

import shutil
import struct
import subprocess
import time
import zipfile

import pytest
from docx import Document
from lxml import etree

from editor import cli
from editor.errors import ImportError_
from editor.importing import Limits, import_file
from editor.importing.sources import SAFE_PARSER, OLE_MAGIC


def _docx(path, *paragraphs):
    doc = Document()
    doc.add_paragraph("某局2022年法治政府建设年度报告")
    for p in paragraphs or ("一、主要举措", "（一）做好工作。完成任务。"):
        doc.add_paragraph(p)
    doc.save(path)
    return path


def _cli_refuses(src, tmp_path, capsys):
    out = tmp_path / "out.fzbg"
    rc = cli.main(["import", str(src), "-o", str(out)])
    err = capsys.readouterr().err
    assert rc == 1
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("out")] == []
    return err


def test_damaged_docx(tmp_path, capsys):
    good = _docx(tmp_path / "good.docx")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(good.read_bytes()[:900])
    with pytest.raises(ImportError_, match="损坏"):
        import_file(bad)
    assert "损坏" in _cli_refuses(bad, tmp_path, capsys)


def test_docx_with_broken_xml(tmp_path):
    src = _docx(tmp_path / "good.docx")
    bad = tmp_path / "broken.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]
            zout.writestr(info, data)
    with pytest.raises(ImportError_, match="不是有效的 XML"):
        import_file(bad)


def test_zip_without_document_part(tmp_path):
    bad = tmp_path / "notword.docx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ImportError_, match="不是 Word 文档"):
        import_file(bad)


def _ole(streams: list[str]) -> bytes:
    """A compound-file header followed by directory entry names (UTF-16LE), as Office writes them."""
    body = b"".join(name.encode("utf-16-le") + b"\x00\x00" for name in streams)
    return OLE_MAGIC + b"\x00" * 504 + body + b"\x00" * 1024


def test_password_protected_docx(tmp_path, capsys):
    # Office stores an encrypted .docx as an OLE container with EncryptionInfo / EncryptedPackage streams
    p = tmp_path / "secret.docx"
    p.write_bytes(_ole(["Root Entry", "EncryptionInfo", "EncryptedPackage"]))
    with pytest.raises(ImportError_, match="密码"):
        import_file(p)
    assert "密码" in _cli_refuses(p, tmp_path, capsys)


@pytest.fixture
def real_doc(tmp_path, soffice):
    src = _docx(tmp_path / "src.docx")
    subprocess.run([soffice, "--headless", "--convert-to", "doc", "--outdir", str(tmp_path / "conv"), str(src)],
                   check=True, timeout=180, capture_output=True,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    return tmp_path / "conv" / "src.doc"


def test_old_binary_doc(real_doc, tmp_path, capsys):
    assert real_doc.read_bytes()[:8] == OLE_MAGIC
    with pytest.raises(ImportError_, match=r"另存为.*\.docx"):
        import_file(real_doc)
    # renamed to .docx it is still recognised as the old format
    renamed = tmp_path / "renamed.docx"
    shutil.copy(real_doc, renamed)
    with pytest.raises(ImportError_, match="97-2003"):
        import_file(renamed)


def test_empty_files(tmp_path, capsys):
    for name in ("empty.txt", "empty.docx", "empty.md"):
        p = tmp_path / name
        p.write_bytes(b"")
        with pytest.raises(ImportError_, match="空的"):
            import_file(p)
    blank = tmp_path / "blank.txt"
    blank.write_text("\n  \n\u3000\n", encoding="utf-8")
    with pytest.raises(ImportError_, match="没有文字"):
        import_file(blank)
    assert "空的" in _cli_refuses(tmp_path / "empty.txt", tmp_path, capsys)


def test_not_a_report(tmp_path, capsys):
    p = tmp_path / "recipe.txt"
    p.write_text("番茄炒蛋\n先把鸡蛋打散，加盐。\n热锅下油，倒入蛋液。\n", encoding="utf-8")
    with pytest.raises(ImportError_, match="不是一份报告"):
        import_file(p)
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ImportError_):
        import_file(binary)
    other = tmp_path / "table.xlsx"
    other.write_bytes(b"abc")
    with pytest.raises(ImportError_, match="不支持"):
        import_file(other)
    assert "不是一份报告" in _cli_refuses(p, tmp_path, capsys)


def _set_declared_size(data: bytes, name: bytes, size: int) -> bytes:
    """Rewrite the uncompressed size of member ``name`` in the local header and central directory."""
    buf = bytearray(data)
    pos = 0
    while True:
        pos = buf.find(b"PK\x03\x04", pos)
        if pos < 0:
            break
        n = struct.unpack_from("<H", buf, pos + 26)[0]
        if bytes(buf[pos + 30 : pos + 30 + n]) == name:
            struct.pack_into("<I", buf, pos + 22, size)
        pos += 4
    pos = 0
    while True:
        pos = buf.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        n = struct.unpack_from("<H", buf, pos + 28)[0]
        if bytes(buf[pos + 46 : pos + 46 + n]) == name:
            struct.pack_into("<I", buf, pos + 24, size)
        pos += 4
    return bytes(buf)


def test_zip_bomb_refused_from_directory_without_inflating(tmp_path, capsys):
    src = _docx(tmp_path / "good.docx")
    data = _set_declared_size(src.read_bytes(), b"word/document.xml", 4_000_000_000)
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(data)
    with zipfile.ZipFile(bomb) as z:
        assert z.getinfo("word/document.xml").file_size == 4_000_000_000
    t0 = time.perf_counter()
    with pytest.raises(ImportError_, match="压缩炸弹"):
        import_file(bomb)
    assert time.perf_counter() - t0 < 1.0
    assert "压缩炸弹" in _cli_refuses(bomb, tmp_path, capsys)


def test_real_deflate_bomb_refused_by_limits(tmp_path):
    # a 600 KB member of zeros compresses to about 1 KB; with a 256 KB part limit it is refused
    src = _docx(tmp_path / "good.docx")
    bomb = tmp_path / "zeros.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
        zout.writestr("word/media/zeros.bin", b"\x00" * 600_000)
    assert bomb.stat().st_size < src.stat().st_size + 5_000
    small = Limits(max_total_bytes=256 * 1024, max_part_bytes=256 * 1024)
    with pytest.raises(ImportError_, match="压缩炸弹"):
        import_file(bomb, limits=small)
    # the same file passes with the default limits: the limit, not the file, refused it
    assert import_file(bomb).report.sections


def test_streaming_cap_stops_inflating(tmp_path):
    # the declared size is within the limits but the part inflates past the part cap while reading
    src = _docx(tmp_path / "good.docx")
    with zipfile.ZipFile(src) as z:
        real = z.getinfo("word/document.xml").file_size
    limits = Limits(max_part_bytes=real - 10, max_total_bytes=10**9)
    data = _set_declared_size(src.read_bytes(), b"word/document.xml", real - 20)
    p = tmp_path / "liar.docx"
    p.write_bytes(data)
    with pytest.raises(ImportError_):
        import_file(p, limits=limits)


def test_too_many_members(tmp_path):
    p = tmp_path / "many.docx"
    with zipfile.ZipFile(p, "w") as z:
        for i in range(50):
            z.writestr(f"word/x{i}.xml", "<a/>")
    with pytest.raises(ImportError_, match="部件"):
        import_file(p, limits=Limits(max_members=20))


def test_file_size_limit(tmp_path):
    p = _docx(tmp_path / "big.docx")
    with pytest.raises(ImportError_, match="上限"):
        import_file(p, limits=Limits(max_file_bytes=1000))


LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE w:document [\n<!ENTITY lol "lol">\n'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n'
    '<!ENTITY xxe SYSTEM "file:///etc/hostname">\n]>\n'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    "<w:p><w:r><w:t>某局2022年法治政府建设年度报告</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>一、&lol3;&xxe;</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>（一）做好工作。完成任务。</w:t></w:r></w:p></w:body></w:document>"
).encode("utf-8")


def test_entity_declarations_refused(tmp_path, capsys):
    src = _docx(tmp_path / "good.docx")
    evil = tmp_path / "evil.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(evil, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, LAUGHS if info.filename == "word/document.xml" else zin.read(info))
    with pytest.raises(ImportError_, match="实体"):
        import_file(evil)
    assert "实体" in _cli_refuses(evil, tmp_path, capsys)


def test_safe_parser_never_expands_entities():
    root = etree.fromstring(LAUGHS, SAFE_PARSER)
    text = "".join(root.itertext())
    assert "lollol" not in text and "&lol3;" in text  # neither the internal entities ...
    with open("/etc/hostname", encoding="utf-8") as fh:
        host = fh.read().strip()
    assert not host or host not in text  # ... nor the external file were expanded
    # whereas a default-configured parser would have expanded the internal ones
    expanded = "".join(etree.fromstring(LAUGHS, etree.XMLParser(resolve_entities=True, no_network=True, load_dtd=False)).itertext())
    assert "lollollol" in expanded
