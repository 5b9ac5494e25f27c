"""Project files: every failure told apart, format versions and migrations, atomic writes."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.errors import (
    NotAProject, ProjectDamaged, ProjectError, ProjectNotFound, ProjectNotJson, ProjectTooNew, ProjectWriteError,
)
from editor.model.report import CheckIgnore, ImportFinding
from editor.model import FormalInfo, FormatSettings, Item, Metric, Report, Section, SectionKind
from editor.storage import (
    FORMAT_NAME, FORMAT_VERSION, atomic_write_bytes, dump_project, parse_project, read_project,
    read_project_with_meta, write_project,
)
from editor.storage import projectfile

ROOT = Path(__file__).resolve().parents[2]
V1 = ROOT / "tests" / "data" / "formats" / "v1.fzbg"
V2 = ROOT / "tests" / "data" / "formats" / "v2.fzbg"


def reference_report() -> Report:
    """The report stored in tests/data/formats/v1.fzbg: every field of format version 1 set."""
    return Report(
        organisations=["某市司法局", "某市人民政府"],
        year=2023,
        title_override="某市司法局\n关于2023年度法治政府建设情况的报告",
        preamble=["2023年，我局……现将有关情况报告如下："],
        sections=[
            Section(id="s-1", heading="主要举措和成效", kinds=[SectionKind.MEASURES, SectionKind.LEADERSHIP],
                    intro=["引言段落。"], hint="提示", needs_revision=True,
                    items=[Item(id="i-1", lead="加强行政复议。", body=["收办申请{{m:m-a}}，{{chg:m-a}}。", "第二段。"],
                                run_in=False, kinds=[SectionKind.LEADERSHIP], hint="项提示", needs_revision=True,
                                children=[Item(id="i-1a", lead="子项。", numbered=False)])]),
            Section(id="s-2", numbered=False, kinds=[SectionKind.SHORTCOMINGS, SectionKind.PLANS], intro=["不足。"]),
        ],
        closing=["特此报告。"],
        signature=["某市司法局", "某市人民政府"],
        date=dt.date(2024, 1, 28),
        publication_date=dt.date(2024, 2, 6),
        notes=["（此件公开发布）"],
        edition="formal",
        formal=FormalInfo(issuer_mark="某市司法局文件", doc_number="某司〔2024〕5号", recipients="市人民政府",
                          cc="省司法厅", printer="某市司法局办公室", print_date=dt.date(2024, 2, 1)),
        format=FormatSettings(fonts={"title": "方正小标宋简体", "body": "仿宋"}, bold_level2=True, bold_level3=True,
                              page_numbers="centred", continuous_level3=True),
        metrics=[
            Metric(id="m-a", label="收办行政复议申请", value="2041", unit="件", last_value="1240", source="复议科",
                   note="含转办", change_decimals=1, change_prefix="同比", change_words=("增长", "下降")),
            Metric(id="m-b", label="出庭率", value="75.46", unit="%", is_rate=True, last_value="82.47"),
            Metric(id="m-c", label="服务企业", value="1000", unit="家", qualifier="逾", numerals="chinese"),
            Metric(id="m-d", label="标的总额", value="6.5", unit="元", scale="亿", qualifier="逾", parts=["m-a"]),
            Metric(id="m-e", label="待填", value=None),
        ],
        hint="报告提示",
    )


def reference_report_v2() -> Report:
    """The report stored in tests/data/formats/v2.fzbg: the v1 reference plus every field version 2 added."""
    report = reference_report()
    report.sections[0].outro = ["下一步，我局将继续……。"]
    report.formal.signers = ["张三", "李四"]
    report.check_ignores = [CheckIgnore(rule="wording.term", where="i-1:body[0]", text="收办"),
                            CheckIgnore(rule="punct.space")]
    report.import_findings = [ImportFinding(id="f-1", kind="numbering", message="原文编号（一）（一）重复，已改为（二）。",
                                            where="i-1:lead", excerpt="（一）加强行政复议。"),
                              ImportFinding(id="f-2", kind="dropped", message="删除了网页内容“分享到：”。",
                                            excerpt="分享到：", dismissed=True)]
    return report


def envelope(report: dict | None = None, **kw) -> str:
    doc = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "report": report if report is not None else {}}
    doc.update(kw)
    return json.dumps(doc, ensure_ascii=False)


# ------------------------------------------------------------------ reading failures
def test_not_found(tmp_path):
    with pytest.raises(ProjectNotFound) as e:
        read_project(tmp_path / "无此文件.fzbg")
    assert "找不到" in e.value.message and "无此文件.fzbg" in e.value.message


def test_directory(tmp_path):
    (tmp_path / "d.fzbg").mkdir()
    with pytest.raises(ProjectNotFound) as e:
        read_project(tmp_path / "d.fzbg")
    assert "文件夹" in e.value.message


def test_not_json(tmp_path):
    p = tmp_path / "x.fzbg"
    p.write_text('{"format": "report-editor-project",\n "format_version": 1, oops}', encoding="utf-8")
    with pytest.raises(ProjectNotJson) as e:
        read_project(p)
    assert "第 2 行" in e.value.message and "x.fzbg" in e.value.message and ".bak" in e.value.message


def test_empty(tmp_path):
    p = tmp_path / "e.fzbg"
    p.write_bytes(b"")
    with pytest.raises(ProjectNotJson) as e:
        read_project(p)
    assert "空文件" in e.value.message
    p.write_bytes(b"  \n ")
    with pytest.raises(ProjectNotJson):
        read_project(p)


def test_not_utf8(tmp_path):
    p = tmp_path / "gbk.fzbg"
    p.write_bytes("报告".encode("gbk"))
    with pytest.raises(ProjectNotJson) as e:
        read_project(p)
    assert "UTF-8" in e.value.message


def test_word_file_is_not_json(tmp_path):
    p = tmp_path / "report.fzbg"
    p.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)))
    with pytest.raises(ProjectError) as e:
        read_project(p)
    assert isinstance(e.value, (ProjectNotJson, NotAProject))


@pytest.mark.parametrize("text", ['{"a": 1}', "[1, 2]", '"text"', '{"format": "other", "format_version": 1}'])
def test_not_our_file(tmp_path, text):
    p = tmp_path / "o.fzbg"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(NotAProject) as e:
        read_project(p)
    assert "不是本程序的项目文件" in e.value.message and "导入" in e.value.message


@pytest.mark.parametrize(
    "report, field, words",
    [
        ({"year": "abc"}, "report.year", ["整数"]),
        ({"year": 1800}, "report.year", ["过小", "1949"]),
        ({"date": "2023-13-01"}, "report.date", ["日期"]),
        ({"sections": [{"items": [{"lead": 5}]}]}, "report.sections.0.items.0.lead", ["文字"]),
        ({"sections": [{"items": [{"children": [{"kinds": ["nope"]}]}]}]},
         "report.sections.0.items.0.children.0.kinds.0", ["取值无效", "measures"]),
        ({"metrics": [{"qualifier": "大约"}]}, "report.metrics.0.qualifier", ["未知的限定词", "大约"]),
        ({"metrics": [{"is_rate": "maybe"}]}, "report.metrics.0.is_rate", ["true"]),
        ({"edition": "draft"}, "report.edition", ["public、formal"]),
        ({"unknown_field": 1}, "report.unknown_field", ["不认识"]),
        ({"organisations": "某局"}, "report.organisations", ["列表"]),
    ],
)
def test_damaged_field_named(tmp_path, report, field, words):
    p = tmp_path / "d.fzbg"
    p.write_text(envelope(report), encoding="utf-8")
    before = p.read_bytes()
    with pytest.raises(ProjectDamaged) as e:
        read_project(p)
    assert e.value.field == field
    assert field in e.value.message and "d.fzbg" in e.value.message
    for w in words:
        assert w in e.value.message
    assert "Input should" not in e.value.message  # Chinese only
    assert p.read_bytes() == before


@pytest.mark.parametrize("doc", [{"format": FORMAT_NAME, "format_version": 1},
                                 {"format": FORMAT_NAME, "format_version": 1, "report": [1]}])
def test_missing_report(doc):
    with pytest.raises(ProjectDamaged) as e:
        parse_project(json.dumps(doc), "m.fzbg")
    assert e.value.field == "report"


@pytest.mark.parametrize("version", [None, "1", 0, -3, 1.5, True])
def test_invalid_version(version):
    with pytest.raises(ProjectDamaged) as e:
        parse_project(envelope({}, format_version=version))
    assert e.value.field == "format_version"


def test_newer_version_refused(tmp_path):
    p = tmp_path / "new.fzbg"
    p.write_text(envelope({"year": 2030, "field_from_the_future": 1}, format_version=FORMAT_VERSION + 4),
                 encoding="utf-8")
    with pytest.raises(ProjectTooNew) as e:
        read_project(p)
    assert e.value.version == FORMAT_VERSION + 4
    assert str(FORMAT_VERSION + 4) in e.value.message and "升级" in e.value.message


# ------------------------------------------------------------------ versions and migrations
def test_reference_v1_file_loads_and_equals_the_built_report():
    report, meta = read_project_with_meta(V1)
    assert meta["format_version"] == FORMAT_VERSION and meta["description"] == "格式版本 1 的参考文件"  # migrated
    assert report == reference_report()


def test_reference_v2_file_loads_and_equals_the_built_report():
    report, meta = read_project_with_meta(V2)
    assert meta["format_version"] == 2 and meta["description"] == "格式版本 2 的参考文件"
    assert report == reference_report_v2()


def test_reference_v2_file_is_stable():
    """A file written today is the same JSON as the newest reference (apart from the save time)."""
    assert FORMAT_VERSION == 2, "a new format version needs a new reference file and this test moved to it"
    ref = json.loads(V2.read_text(encoding="utf-8"))
    now = json.loads(dump_project(reference_report_v2(), "格式版本 2 的参考文件"))
    for d in (ref, now):
        d.pop("saved_at"), d.pop("app_version")
    assert now == ref


def test_version_1_program_would_refuse_a_version_2_file(monkeypatch):
    """A file with the new fields is refused as too new by a program that knows only version 1."""
    monkeypatch.setattr(projectfile, "FORMAT_VERSION", 1)
    with pytest.raises(ProjectTooNew):
        read_project(V2)


def test_migration_registry(monkeypatch):
    """Simulate format version 3: v1 files are brought up through two registered steps, in order."""
    calls = []

    def v1_to_v2(doc):
        calls.append(1)
        doc = dict(doc, format_version=2)
        doc["report"] = dict(doc["report"], organisations=[doc["report"].pop("organisation_v1")])
        return doc

    def v2_to_v3(doc):
        calls.append(2)
        return dict(doc, format_version=3)

    monkeypatch.setattr(projectfile, "FORMAT_VERSION", 3)
    monkeypatch.setitem(projectfile.MIGRATIONS, 1, v1_to_v2)
    monkeypatch.setitem(projectfile.MIGRATIONS, 2, v2_to_v3)
    report, meta = parse_project(envelope({"organisation_v1": "某局", "year": 2021}, format_version=1))
    assert calls == [1, 2] and report.organisations == ["某局"] and report.year == 2021
    assert meta["format_version"] == 3
    calls.clear()
    parse_project(envelope({"year": 2021}, format_version=2))
    assert calls == [2]
    with pytest.raises(ProjectTooNew):
        parse_project(envelope({}, format_version=4))


def test_missing_migration_step(monkeypatch):
    monkeypatch.setattr(projectfile, "FORMAT_VERSION", 3)
    with pytest.raises(ProjectDamaged) as e:
        parse_project(envelope({}, format_version=2), "old.fzbg")
    assert e.value.field == "format_version" and "2" in e.value.message


def test_broken_migration_step_does_not_loop(monkeypatch):
    monkeypatch.setattr(projectfile, "FORMAT_VERSION", 2)
    monkeypatch.setitem(projectfile.MIGRATIONS, 1, lambda doc: doc)  # forgets to bump the version
    with pytest.raises(ProjectDamaged):
        parse_project(envelope({}, format_version=1), "old.fzbg")


def test_current_version_has_no_pending_migration():
    assert all(v < FORMAT_VERSION for v in projectfile.MIGRATIONS)
    assert set(projectfile.MIGRATIONS) == set(range(1, FORMAT_VERSION))
    assert V1.is_file()
    for v in range(1, FORMAT_VERSION + 1):
        assert (V1.parent / f"v{v}.fzbg").is_file(), f"reference file of format version {v} missing"


# ------------------------------------------------------------------ writing
def test_write_and_read_back_with_description(tmp_path):
    p = tmp_path / "r.fzbg"
    write_project(p, reference_report(), description="说明")
    report, meta = read_project_with_meta(p)
    assert report == reference_report()
    assert meta["description"] == "说明" and meta["format"] == FORMAT_NAME
    dt.datetime.fromisoformat(meta["saved_at"])
    assert "收办行政复议申请" in p.read_text(encoding="utf-8")  # readable UTF-8, not \\u escapes


def test_backup_kept(tmp_path):
    p = tmp_path / "r.fzbg"
    first = Report(organisations=["第一版"])
    write_project(p, first)
    assert not (tmp_path / "r.fzbg.bak").exists()
    write_project(p, Report(organisations=["第二版"]))
    write_project(p, Report(organisations=["第三版"]))
    assert read_project(p).organisations == ["第三版"]
    assert read_project(tmp_path / "r.fzbg.bak").organisations == ["第二版"]
    write_project(p, Report(organisations=["第四版"]), backup=False)
    assert read_project(tmp_path / "r.fzbg.bak").organisations == ["第二版"]


def test_write_keeps_permissions(tmp_path):
    p = tmp_path / "r.fzbg"
    write_project(p, Report())
    os.chmod(p, 0o640)
    write_project(p, Report(year=2023))
    assert (p.stat().st_mode & 0o777) == 0o640


def test_new_file_gets_the_usual_mode(tmp_path):
    old = os.umask(0o027)
    os.umask(old)
    p = tmp_path / "n.fzbg"
    write_project(p, Report())
    assert (p.stat().st_mode & 0o777) == (0o666 & ~old)  # not mkstemp's 0600


def test_utf8_bom_is_accepted(tmp_path):
    p = tmp_path / "bom.fzbg"
    p.write_bytes(b"\xef\xbb\xbf" + dump_project(Report(organisations=["记事本另存"])))
    assert read_project(p).organisations == ["记事本另存"]


def test_write_through_symlink(tmp_path):
    real = tmp_path / "real" / "r.fzbg"
    real.parent.mkdir()
    write_project(real, Report(organisations=["旧"]))
    link = tmp_path / "link.fzbg"
    link.symlink_to(real)
    write_project(link, Report(organisations=["新"]))
    assert link.is_symlink() and read_project(real).organisations == ["新"]
    assert read_project(real.with_name("r.fzbg.bak")).organisations == ["旧"]


def test_stale_temporaries_removed_fresh_ones_kept(tmp_path):
    p = tmp_path / "r.fzbg"
    stale = tmp_path / ".r.fzbg.abc123.tmp"
    fresh = tmp_path / ".r.fzbg.def456.tmp"
    other = tmp_path / ".other.fzbg.abc123.tmp"
    for f in (stale, fresh, other):
        f.write_bytes(b"partial")
    old = time.time() - projectfile.STALE_TEMP_SECONDS - 5
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    write_project(p, Report())
    assert not stale.exists() and fresh.exists() and other.exists()


def _only_target_files(folder: Path) -> set[str]:
    return {f.name for f in folder.iterdir()}


def test_failure_mid_write_leaves_old_file(tmp_path, monkeypatch):
    p = tmp_path / "r.fzbg"
    write_project(p, Report(organisations=["旧"]))
    before = p.read_bytes()

    def no_space(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(projectfile.os, "fsync", no_space)
    with pytest.raises(ProjectWriteError) as e:
        write_project(p, Report(organisations=["新"]))
    # the OS error is explained in Chinese, without the system's English text
    assert "原文件未被改动" in e.value.message and "磁盘已满" in e.value.message
    assert "No space" not in e.value.message and "Errno" not in e.value.message
    assert p.read_bytes() == before
    assert _only_target_files(tmp_path) == {"r.fzbg"}


def test_unexpected_exception_mid_write_cleans_up(tmp_path, monkeypatch):
    p = tmp_path / "r.fzbg"
    write_project(p, Report(organisations=["旧"]))
    real_replace = os.replace

    def boom(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(projectfile.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write_project(p, Report(organisations=["新"]))
    monkeypatch.setattr(projectfile.os, "replace", real_replace)
    assert read_project(p).organisations == ["旧"]
    assert {f for f in _only_target_files(tmp_path) if f.endswith(".tmp")} == set()


def test_write_into_missing_folder(tmp_path):
    with pytest.raises(ProjectWriteError) as e:
        write_project(tmp_path / "没有" / "r.fzbg", Report())
    assert "不存在" in e.value.message


def test_permission_denied_message(tmp_path, monkeypatch):
    """The tests run as root here, so a read-only folder cannot be made: the OS refusal is raised instead."""
    p = tmp_path / "r.fzbg"
    write_project(p, Report(organisations=["旧"]))

    def refuse(*a, **kw):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(projectfile.tempfile, "mkstemp", refuse)
    with pytest.raises(ProjectWriteError) as e:
        write_project(p, Report())
    assert "没有写入权限" in e.value.message and "原文件未被改动" in e.value.message
    monkeypatch.undo()
    assert read_project(p).organisations == ["旧"]


def test_atomic_write_bytes_any_file(tmp_path):
    p = tmp_path / "out.docx"
    atomic_write_bytes(p, b"one", backup=False)
    atomic_write_bytes(p, b"two", backup=False)
    assert p.read_bytes() == b"two" and _only_target_files(tmp_path) == {"out.docx"}


WRITER = r"""
import sys, itertools
sys.path.insert(0, sys.argv[2])
from tests.perf.common import large_report
from editor.storage import write_project
report = large_report(int(sys.argv[3]))
print("ready", flush=True)
for i in itertools.count():
    report.year = 1950 + i % 200
    write_project(sys.argv[1], report)
"""


def test_killed_writer_leaves_a_loadable_file(tmp_path):
    """kill -9 a process that keeps saving a big project: the target is always a complete project."""
    target = tmp_path / "big.fzbg"
    write_project(target, Report(organisations=["初始"]))
    years = set()
    for round_ in range(8):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target), str(ROOT), "10"],
                                stdout=subprocess.PIPE, text=True, cwd=tmp_path)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(0.15 + 0.09 * round_)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        report = read_project(target)  # must not raise
        years.add(report.year)
        bak = target.with_name(target.name + ".bak")
        if bak.exists():
            read_project(bak)
    assert len(years) > 1  # the writer really was overwriting the file when it was killed
