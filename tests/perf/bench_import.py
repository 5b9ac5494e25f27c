"""Benchmark: import time is linear in the size of the source.

Texts of 10,000 / 40,000 / 200,000 paragraphs (headings, run-in items, plain paragraphs with figures and
changes, 一是/二是 points, a closing, as in real reports) are imported from .txt files with
``import_file`` (reading, punctuation, structure, figures and metrics included). Printed: time, time per
paragraph and the ratio of per-paragraph times against the 10,000-paragraph run (the baseline, measured
in the same run). Targets: ratio <= 1.5 (linear) and 200,000 paragraphs <= 10 s.

Both wall-clock time and the CPU time of this process (``time.process_time``) are printed; the targets are
judged on CPU time, because on a shared machine the wall clock also counts the time other programs hold the
processor (``os.getloadavg`` is printed with the results). On an idle machine the two agree.

Also timed: a text just under the 20 MB limit of a .txt source, a 56 KB paragraph holding 8,000
figures, and the Word file 50x the sample against python-docx just opening it (the earlier benchmark).

Run: ``python tests/perf/bench_import.py`` (``--quick`` skips the 200,000-paragraph and 20 MB runs).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

TARGET_200K_S = 10.0
TARGET_RATIO = 1.5

_PLAIN = [
    "全年受理行政复议申请{a}件，同比增长{p}%，办结{b}件，纠错率{r}%。",
    "组织全市行政执法人员培训{w}万人次，实现执法人员教育培训全覆盖。",
    "一是开展专项整治，查处违法案件{a}宗；",
    "二是加强队伍建设，培训执法骨干{b}余人次。",
    "审查规范性文件{a}件，前置审查部门规范性文件{b}件，备案审查镇街文件{c}件。",
    "推动党的二十大精神进企业、进社区、进校园，营造尊法学法守法用法的良好氛围。",
]


def report_text(paragraphs: int) -> str:
    """A report of about ``paragraphs`` paragraphs: a title, 一、 sections of 20 items, each item a run-in
    paragraph followed by plain ones; figures vary so that no two paragraphs are the same."""
    out = ["某市司法局2023年法治政府建设年度报告", "2023年，某市司法局坚持以习近平法治思想为指导。现将有关情况报告如下："]
    n = 0
    sec = 0
    while n < paragraphs:
        sec += 1
        out.append(f"{_cn(sec % 99 or 99)}、坚持依法行政，推进第{sec}项重点工作")
        n += 1
        for item in range(1, 21):
            if n >= paragraphs:
                break
            out.append(f"（{_cn(item)}）强化第{item}项制度建设。制定办法{item + sec % 7}部，同比增长{item % 9 + 1}.5%。")
            n += 1
            for k in range(8):
                if n >= paragraphs:
                    break
                i = n
                out.append(_PLAIN[k % len(_PLAIN)].format(a=i % 997 + 3, b=i % 89 + 2, c=i % 53 + 1, p=i % 40 + 1,
                                                          r=f"{i % 9}.{i % 7}", w=f"{i % 5 + 1}.{i % 9}"))
                n += 1
    out += ["下一步，我局将继续深入推进法治政府建设。", "特此报告。", "某市司法局", "2024年1月20日"]
    return "\n".join(out) + "\n"


def _write_plain_docx(text: str, path: Path) -> None:
    """A minimal valid .docx with one paragraph per line of ``text``."""
    import zipfile
    from xml.sax.saxutils import escape

    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in text.splitlines())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml",
                    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
                    '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
                    'document.main+xml"/></Types>')
        zf.writestr("_rels/.rels",
                    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        zf.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{ns}"><w:body>'
                    f"{body}</w:body></w:document>")


def _cn(n: int) -> str:
    from editor.model.numbering import cn_number

    return cn_number(n)


WALL: list[float] = []


def timed(fn) -> float:
    """CPU seconds of this process spent in ``fn``; the wall-clock seconds are appended to WALL."""
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    WALL.append(time.perf_counter() - w0)
    return time.process_time() - c0


def main() -> int:
    from editor.importing import import_file

    quick = "--quick" in sys.argv
    sizes = [10_000, 40_000] + ([] if quick else [200_000])
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        results = []
        for size in sizes:
            path = Path(tmp) / f"r{size}.txt"
            path.write_text(report_text(size), encoding="utf-8")
            holder: dict = {}
            seconds = timed(lambda path=path, holder=holder: holder.setdefault("r", import_file(path)))
            r = holder["r"].report
            items = sum(1 for _ in r.iter_items())
            results.append((size, seconds))
            print(f"{size:>7} paragraphs ({path.stat().st_size / 1e6:5.1f} MB): CPU {seconds:6.2f} s "
                  f"(wall {WALL[-1]:6.2f} s), "
                  f"{seconds / size * 1e6:6.1f} µs/paragraph; {len(r.sections)} sections, {items} items, "
                  f"{len(r.metrics)} metrics")
        base = results[0][1] / results[0][0]
        for size, seconds in results[1:]:
            ratio = (seconds / size) / base
            good = ratio <= TARGET_RATIO
            ok &= good
            print(f"per-paragraph time {size} vs {results[0][0]}: ratio {ratio:4.2f} "
                  f"(target <= {TARGET_RATIO}): {'OK' if good else 'MISSED'}")
        if not quick:
            t200 = results[-1][1]
            ok &= t200 <= TARGET_200K_S
            print(f"200,000 paragraphs in {t200:.2f} s (target <= {TARGET_200K_S:.0f} s): "
                  f"{'OK' if t200 <= TARGET_200K_S else 'MISSED'}")

            # a text just under the 20 MB limit of a .txt source
            big = Path(tmp) / "big.txt"
            text = report_text(10_000)
            reps = int(19.5e6 // len(text.encode("utf-8")))
            body = text.split("\n", 2)[2].rsplit("特此报告", 1)[0]
            big.write_text(text.split("\n", 2)[0] + "\n" + text.split("\n", 2)[1] + "\n" + body * reps
                           + "特此报告。\n某市司法局\n2024年1月20日\n", encoding="utf-8")
            seconds = timed(lambda: import_file(big))
            print(f"{big.stat().st_size / 1e6:.1f} MB text (limit 20 MB): CPU {seconds:.2f} s (wall {WALL[-1]:.2f} s)")

            # the same 200,000 paragraphs as a Word file (document.xml written directly; python-docx would
            # take minutes to build it): the .docx limits (64 MB per part) and the time match too
            big_docx = Path(tmp) / "r200000.docx"
            _write_plain_docx(report_text(200_000), big_docx)
            seconds = timed(lambda: import_file(big_docx))
            print(f"200,000-paragraph .docx ({big_docx.stat().st_size / 1e6:.1f} MB zipped): CPU {seconds:.2f} s "
                  f"(wall {WALL[-1]:.2f} s)")

        # one paragraph of 56 KB (UTF-8) with 8,000 figures in one long clause (the case that took 19 s)
        dense = Path(tmp) / "dense.txt"
        figures = "".join(f"{i % 9 + 1}件和" for i in range(8000))
        dense.write_text("某市司法局2023年法治政府建设年度报告\n一、主要工作\n（一）加强审查。审查" + figures + "。\n"
                         "某市司法局\n2024年1月20日\n", encoding="utf-8")
        one: dict = {}
        seconds = timed(lambda: one.setdefault("r", import_file(dense)))
        print(f"one {len(figures.encode('utf-8')) / 1024:.0f} KB paragraph with 8,000 figures: CPU {seconds:.2f} s "
              f"(wall {WALL[-1]:.2f} s), "
              f"{len(one['r'].report.metrics)} metrics")

        # the Word file 50x the sample, against python-docx opening it (baseline of the earlier benchmark)
        import docx
        from common import large_report, median_time

        from editor.export import write_docx

        big_docx = write_docx(large_report(50), Path(tmp) / "large.docx")
        base = median_time(lambda: docx.Document(str(big_docx)), repeat=3)
        imp = median_time(lambda: import_file(big_docx), repeat=3)
        print(f"sample 50x .docx: python-docx open {base * 1000:7.1f} ms | import {imp * 1000:7.1f} ms "
              f"| ratio {imp / base:5.1f}x")
    print(f"load average during the run: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
          f"({os.cpu_count()} processors)")
    print("all targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
