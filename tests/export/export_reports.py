"""Reports used by the export tests: a small synthetic one touching every block kind (golden files)
and one built from the seed text (the Dongguan 2022 web page)."""

from __future__ import annotations

import datetime as dt
import re

from editor.model import FormalInfo, Item, Metric, Report, Section, metric_token, change_token

HALF_TO_FULL = str.maketrans({",": "，", "(": "（", ")": "）", ":": "：", ";": "；", "?": "？", "!": "！"})
_SECTION_RE = re.compile(r"^[一二三四五六七八九十]+、")
_ITEM_RE = re.compile(r"^（[一二三四五六七八九十]+）")


def seed_report(seed: str) -> Report:
    """The seed web page as a report: title, preamble, sections, items (lead = first sentence)."""
    lines = [ln.strip().translate(HALF_TO_FULL) for ln in seed.splitlines()]
    lines = [ln for ln in lines if ln]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("2022年，东莞市司法局"))
    end = next(i for i, ln in enumerate(lines) if ln == "东莞市司法局" and i > start)
    report = Report(organisations=["东莞市司法局"], year=2022, signature=["东莞市司法局"],
                    date=dt.date(2023, 1, 28), notes=["（此件公开发布）"])
    section = None
    for ln in lines[start:end]:
        if _SECTION_RE.match(ln):
            section = Section(heading=_SECTION_RE.sub("", ln))
            report.sections.append(section)
        elif _ITEM_RE.match(ln) and section is not None:
            text = _ITEM_RE.sub("", ln)
            cut = text.find("。") + 1 or len(text)
            section.items.append(Item(lead=text[:cut], body=[text[cut:]] if text[cut:] else []))
        elif section is None:
            report.preamble.append(ln)
        elif section.items:
            # an unnumbered paragraph after items starts an unnumbered part (e.g. shortcomings)
            section = Section(heading="", numbered=False, intro=[ln])
            report.sections.append(section)
        else:
            section.intro.append(ln)
    return report


def small_report() -> Report:
    """A small synthetic report touching every block kind (used for golden files)."""
    rate = Metric(id="m-rate", label="出庭率", value="75.46", unit="%", last_value="68.45", is_rate=True)
    cases = Metric(id="m-cases", label="行政复议申请", value="2041", unit="件", last_value="1240")
    missing = Metric(id="m-missing", label="培训人次", unit="人次", scale="万")
    r = Report(
        organisations=["东莞市司法局"],
        year=2022,
        title_override="东莞市司法局\n2022年法治政府建设年度报告",
        preamble=["2022年，东莞市司法局坚持以习近平法治思想为指导。现将有关情况报告如下："],
        sections=[
            Section(
                id="s-1",
                heading="深入学习贯彻党的二十大精神",
                items=[
                    Item(id="i-1", lead="全面准确学习领会党的二十大精神。",
                         body=[f"收办行政复议申请{metric_token('m-cases')}，{change_token('m-cases')}。", "第二段<&>。"]),
                    Item(id="i-2", lead="营造良好氛围。", run_in=False,
                         body=[f"出庭率{metric_token('m-rate')}，{change_token('m-rate')}。"],
                         children=[
                             Item(id="i-3", lead="三级标题引导句。", body=[f"培训{metric_token('m-missing')}。"],
                                  children=[Item(id="i-4", lead="四级标题。", body=["四级正文。"])]),
                         ]),
                ],
            ),
            Section(id="s-2", heading="存在的不足和原因", intro=["一是不足；二是原因。"]),
        ],
        closing=["特此报告。"],
        signature=["东莞市司法局"],
        date=dt.date(2023, 1, 28),
        notes=["（此件公开发布）"],
        formal=FormalInfo(issuer_mark="东莞市司法局文件", doc_number="东司〔2023〕5号", recipients="东莞市人民政府",
                          cc="市委依法治市办，省司法厅", printer="东莞市司法局办公室", print_date=dt.date(2023, 1, 28)),
        metrics=[rate, cases, missing],
    )
    return r

