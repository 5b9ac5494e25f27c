"""The reliability review's damaged project files (issue 9), kept as regression cases.

Each file under ``tests/data/damaged/`` is listed in ``MANIFEST.json`` with the typed error it must
raise (a class of :mod:`editor.errors`) and words its Chinese message must contain. Every case also
goes through the command line (``check`` and ``export``: exit 1, the message, no traceback); the
repairable ones (duplicate ids, unsaveable characters, figures out of range) must offer a copy that
saves, loads and exports, while the file itself stays as it was.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import editor.errors as errors
from damage import check_message
from editor import cli
from editor.checks import run_checks
from editor.export import write_docx
from editor.model import Metric
from editor.model.report import MAX_CHANGE_DIGITS, MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS
from editor.model.tokens import change_amount, change_error, format_change, metric_number_error, value_error
from editor.storage import dump_project, parse_project, read_project, write_project
from editor.storage.projectfile import duplicate_ids, renumbered_copy

DAMAGED = Path(__file__).resolve().parents[1] / "data" / "damaged"
MANIFEST = json.loads((DAMAGED / "MANIFEST.json").read_text(encoding="utf-8"))


def test_manifest_lists_every_file():
    files = {p.name for p in DAMAGED.glob("*.fzbg")}
    assert files == set(MANIFEST) and len(files) >= 20


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_damaged_file_has_its_named_outcome(name, tmp_path, capsys):
    expected = MANIFEST[name]
    path = tmp_path / name
    path.write_bytes((DAMAGED / name).read_bytes())
    before = path.read_bytes()
    with pytest.raises(errors.ReportEditorError) as e:
        read_project(path)
    assert type(e.value).__name__ == expected["error"], e.value.message
    assert isinstance(e.value, getattr(errors, expected["error"]))
    for word in expected["words"]:
        assert word in e.value.message, (word, e.value.message)
    assert name in e.value.message
    check_message(e.value.message, name)  # Chinese, not the generic message, no English internals
    assert path.read_bytes() == before  # never repaired in place
    for command in (["check", str(path)], ["export", str(path), "-o", str(tmp_path / "out.docx")]):
        assert cli.main(command) == 1
        err = capsys.readouterr().err
        assert expected["words"][0] in err and "Traceback" not in err and "意外错误" not in err
    assert not (tmp_path / "out.docx").exists()


REPAIRABLE = sorted(n for n, e in MANIFEST.items() if issubclass(getattr(errors, e["error"]), errors.ProjectRepairable))


@pytest.mark.parametrize("name", REPAIRABLE)
def test_repaired_copy_saves_loads_and_exports(name, tmp_path):
    with pytest.raises(errors.ProjectRepairable) as e:
        read_project(DAMAGED / name)
    assert e.value.problems
    copy = e.value.repaired()
    assert duplicate_ids(copy) == {}
    target = tmp_path / "副本.fzbg"
    write_project(target, copy)
    again = read_project(target)
    assert again.model_dump() == copy.model_dump()
    run_checks(again)
    write_docx(again, tmp_path / "副本.docx")
    assert (tmp_path / "副本.docx").stat().st_size > 5000


def test_surrogate_replaced_in_the_copy_at_the_named_place():
    with pytest.raises(errors.ProjectUnencodableText) as e:
        read_project(DAMAGED / "lone-surrogate.fzbg")
    assert e.value.bad_text == ["第1部分的开头段落第1段"]
    copy = e.value.repaired()
    assert copy.sections[0].intro[0] == "引言\ufffd段落。"
    dump_project(copy).decode("utf-8")  # saves


def test_duplicate_ids_copy_renumbers_all_but_the_first():
    with pytest.raises(errors.ProjectDuplicateIds) as e:
        read_project(DAMAGED / "duplicate-section-ids.fzbg")
    assert e.value.duplicates == {"s-1": ["第1部分", "第2部分"]}
    copy = e.value.repaired()
    assert copy.sections[0].id == "s-1" and copy.sections[1].id.startswith("s-") and copy.sections[1].id != "s-1"
    assert copy.sections[1].heading == "" and copy.sections[1].intro == ["不足。"]  # content untouched
    # the core function itself: a copy, the original unchanged, one line per renamed part
    report = copy.model_copy(deep=True)
    report.metrics[2].id = "m-a"
    fixed, lines = renumbered_copy(report)
    assert report.metrics[2].id == "m-a" and fixed.metrics[0].id == "m-a" and fixed.metrics[2].id != "m-a"
    assert len(lines) == 1 and "第3个指标" in lines[0] and "m-a" in lines[0]


def test_figures_out_of_range_copy_keeps_the_digits_in_the_note():
    with pytest.raises(errors.ProjectFiguresOutOfRange) as e:
        read_project(DAMAGED / "value-30-digits.fzbg")
    assert e.value.field == "report.metrics.0.value"
    copy = e.value.repaired()
    metric = copy.metrics[0]
    assert metric.value is None and metric.last_value == "1240"
    assert "1" * 30 in metric.note and metric.note.startswith("含转办")


def test_ten_megabyte_font_name_is_named(tmp_path):
    doc = json.loads((DAMAGED.parent / "formats" / "v2.fzbg").read_text(encoding="utf-8"))
    doc["report"]["format"]["fonts"]["title"] = "x" * 10_000_000
    with pytest.raises(errors.ProjectDamaged) as e:
        parse_project(json.dumps(doc), "大字体名.fzbg")
    assert "“标题”字体的名称过长" in e.value.message and "10,000,000" in e.value.message
    assert e.value.field == "report.format.fonts.title"
    check_message(e.value.message)


# ------------------------------------------------------------------ figures: where values are computed
@pytest.mark.parametrize("value, last, rate", [
    ("1" * 30, "3", False), ("9" * 15, "0.000001", False), ("9" * 15, "0.000001", True),
    ("0.000001", "9" * 15, False), ("1" * 400, "1" * 400, False), ("1." + "0" * 40 + "1", "3", False),
])
def test_change_never_raises(value, last, rate):
    """Issue 9 point 1: a ~30-digit value with a last-year value raised decimal.InvalidOperation."""
    m = Metric(label="收办", value=value, last_value=last, is_rate=rate, change_decimals=4)
    change_amount(m)
    format_change(m)
    change_error(m)


def test_limits_on_digits_of_values_and_changes():
    assert value_error("9" * MAX_INTEGER_DIGITS) is None
    assert "最多 15 位" in value_error("9" * (MAX_INTEGER_DIGITS + 1))
    assert value_error("1." + "5" * MAX_FRACTION_DIGITS) is None
    assert "最多 6 位" in value_error("1." + "5" * (MAX_FRACTION_DIGITS + 1))
    assert "太长" in value_error("1" * 5_000_000)
    ok = Metric(value="9999999999", last_value="1")  # +999999999800%: 12 digits, the most that is written
    assert change_amount(ok) == (1, Decimal("999999999800.0")) and len("999999999800") == MAX_CHANGE_DIGITS
    assert change_amount(Metric(value="99999999999", last_value="1")) is None  # 13 digits
    big = Metric(label="收办", value="9" * 15, last_value="0.01")
    assert change_amount(big) is None and format_change(big) is None
    assert "同比变化超过 12 位数" in change_error(big) and "收办" in change_error(big)
    # where values are typed: the figure itself, then the change it gives with the other value
    assert metric_number_error(Metric(last_value="0.01"), "value", "9" * 15) == change_error(big).replace("“收办”", "")
    assert metric_number_error(Metric(last_value="3"), "value", "1" * 30) == value_error("1" * 30)
    assert metric_number_error(Metric(last_value="3"), "value", "2041") is None
    assert Decimal(format_change(Metric(value="2041", last_value="1240"))[4:-1]) == Decimal("64.6")


def test_report_is_not_a_part_id():
    """``report`` names the report itself in references (FieldRef): a section with that id would receive
    the report's edits."""
    doc = json.loads((DAMAGED.parent / "formats" / "v2.fzbg").read_text(encoding="utf-8"))
    doc["report"]["sections"][1]["id"] = "report"
    with pytest.raises(errors.ProjectDuplicateIds) as e:
        parse_project(json.dumps(doc), "r.fzbg")
    assert e.value.duplicates == {"report": ["报告", "第2部分"]}
    copy = e.value.repaired()
    assert copy.sections[1].id.startswith("s-") and copy.find_node(copy.sections[1].id) is copy.sections[1]


@pytest.mark.parametrize("text, words", [
    ('{"format": "report-editor-project", "format_version": 2, "report": {"year": 2023', ["文件在这里意外结束"]),
    ('{"format": "report-editor-project" "format_version": 2}', ["第 1 行第 36 列", "缺少逗号"]),
    ('{"format": "report-editor-project", "format_version" 2}', ["字段名后缺少冒号"]),
    ('{"format": "report-editor-project", format_version: 2}', ["字段名应写在英文双引号中"]),
    ('{"format": "report-editor-project", "format_version": 2, "report": {"hint": tru}}', ["有无法识别的内容"]),
    ('{"format": "report-editor-project"} x', ["内容结束后还有多余的数据"]),
    ('{"format": "rep\\x"}', ["无效的转义字符"]),
    ('{"format": "rep\\u12"}', ["不完整的转义字符"]),
    ('{"format": "a\tb"}', ["控制字符"]),
    ('{"format": "abc', ["文件末尾都没有结束"]),
])
def test_json_errors_in_chinese(text, words):
    with pytest.raises(errors.ProjectNotJson) as e:
        parse_project(text, "p.fzbg")
    for w in words:
        assert w in e.value.message, e.value.message
    check_message(e.value.message)


@pytest.mark.parametrize("path, text", [
    (("sections", 1, "items", 0, "body", 2), "第2部分第1项的正文第3段"),
    (("sections", 0, "items", 0, "children", 1, "lead"), "第1部分第1项第2子项的首句"),
    (("metrics", 0, "value"), "第1个指标“收办”的本年数值"),
    (("format", "fonts", "heading1"), "格式设置的“一级标题”字体"),
    (("preamble", 0), "前言第1段"),
    (("zzz",), "“zzz”"),
    ((), "报告"),
])
def test_places_in_chinese(path, text):
    from editor.storage.projectfile import describe_place

    assert describe_place(path, {"metrics": [{"label": "收办"}]}) == text
