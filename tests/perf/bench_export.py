"""Benchmark of the Word export (plain script, not part of the test run):

    python tests/perf/bench_export.py

Measures, in this one run: the export of the sample and of a report 50x the sample in-process
(with peak memory), against pandoc converting the same text to .docx and against a straightforward
python-docx build (add_paragraph/add_run per paragraph). Prints medians and ratios.
Targets: sample <= 50 ms; 50x <= 0.3 s and <= 300 MB.
"""

from __future__ import annotations

import gc
import io
import os
import shutil
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import large_report, median_time, report_chars, sample_report  # noqa: E402

from editor.export import build_docx, write_docx  # noqa: E402
from editor.model import build_flow  # noqa: E402


def naive_python_docx(report) -> bytes:
    """What a straightforward python-docx export looks like: one add_paragraph/add_run per piece,
    fonts set per run (including the East Asian slot)."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt, Twips

    doc = Document()
    fonts = {"title": report.format.font("title"), "heading1": report.format.font("heading1"),
             "lead": report.format.font("heading2")}
    body_font = report.format.font("body")
    for block in build_flow(report):
        p = doc.add_paragraph()
        pf = p.paragraph_format
        pf.line_spacing = Pt(28.95)
        pf.first_line_indent = Twips(640)
        for r in block.runs:
            run = p.add_run(r.text)
            name = fonts.get(block.kind) or (fonts["lead"] if r.role == "lead" else body_font)
            run.font.name = name
            run.font.size = Pt(22 if block.kind == "title" else 16)
            run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def markdown_of(report) -> str:
    out = []
    for block in build_flow(report):
        text = block.text.replace("*", "\\*")
        if block.kind == "title":
            out.append("# " + text)
        elif block.kind in ("heading1", "heading2"):
            out.append("## " + text)
        elif text:
            out.append(text)
    return "\n\n".join(out) + "\n"


def pandoc_time(report, repeat: int) -> float | None:
    pandoc = shutil.which("pandoc")
    if not pandoc:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.md"
        src.write_text(markdown_of(report), encoding="utf-8")
        out = Path(tmp) / "out.docx"

        def run():
            subprocess.run([pandoc, "-f", "markdown", "-t", "docx", "-o", str(out), str(src)], check=True)

        return median_time(run, repeat=repeat)


def peak_memory_mb(fn) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def child_rss_mb() -> tuple[float, float]:
    """(max RSS before the export, max RSS after) of a fresh process exporting the 50x report."""
    here = Path(__file__).resolve().parent
    code = (
        f"import sys, resource; sys.path[:0] = [{str(here)!r}, {str(here.parents[1])!r}]\n"
        "from common import large_report\nfrom editor.export import build_docx\n"
        "r = large_report(50)\nbefore = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "build_docx(r)\nprint(before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return int(out[0]) / 1024, int(out[1]) / 1024


def cold_sample_time(sample) -> float:
    """Export with the python-docx skeleton not yet cached (the first export in a process, with no
    skeleton in the user's cache folder either)."""
    from editor.export.docx import _skeleton

    def run():
        _skeleton.cache_clear()
        build_docx(sample)

    os.environ["REPORT_EDITOR_NO_SKELETON_CACHE"] = "1"
    try:
        return median_time(run, repeat=7)
    finally:
        del os.environ["REPORT_EDITOR_NO_SKELETON_CACHE"]


def ms(t: float) -> str:
    return f"{t * 1000:8.1f} ms"


def main() -> int:
    sample = sample_report()
    large = large_report(50)
    print(f"sample: {report_chars(sample):,} characters, {len(build_flow(sample)):,} paragraphs")
    print(f"50x:    {report_chars(large):,} characters, {len(build_flow(large)):,} paragraphs, "
          f"{len(large.metrics):,} metrics")
    print()

    t_sample = median_time(lambda: build_docx(sample), repeat=15)
    t_cold = cold_sample_time(sample)
    with tempfile.TemporaryDirectory() as tmp:
        t_sample_file = median_time(lambda: write_docx(sample, Path(tmp) / "s.docx"), repeat=15)
    t_large = median_time(lambda: build_docx(large), repeat=7)
    t_flow_large = median_time(lambda: build_flow(large), repeat=7)
    mem_large = peak_memory_mb(lambda: build_docx(large))
    rss_before, rss_after = child_rss_mb()

    t_naive_sample = median_time(lambda: naive_python_docx(sample), repeat=7)
    t_naive_large = median_time(lambda: naive_python_docx(large), repeat=3)
    t_pandoc_sample = pandoc_time(sample, repeat=5)
    t_pandoc_large = pandoc_time(large, repeat=3)

    print("median times (in-process, bytes of the .docx built in memory)")
    print(f"  export sample                  {ms(t_sample)}   target <= 50 ms   "
          f"{'MET' if t_sample <= 0.05 else 'MISSED'}")
    print(f"  export sample, first in process{ms(t_cold)}   (python-docx skeleton built, then cached)")
    print(f"  export sample to a file        {ms(t_sample_file)}   (atomic write with fsync)")
    print(f"  export 50x                     {ms(t_large)}   target <= 300 ms  "
          f"{'MET' if t_large <= 0.3 else 'MISSED'}")
    print(f"    of which build_flow (model)  {ms(t_flow_large)}")
    print(f"  peak memory, 50x export        {rss_after:8.1f} MB   target <= 300 MB  "
          f"{'MET' if rss_after <= 300 else 'MISSED'}   (max RSS of a fresh process: {rss_before:.0f} MB "
          f"with the report loaded, {rss_after:.0f} MB after exporting; Python heap peak during the "
          f"export {mem_large:.1f} MB by tracemalloc)")
    print()
    print("baselines measured in this run")
    print(f"  naive python-docx, sample      {ms(t_naive_sample)}   ratio export/naive {t_sample / t_naive_sample:.2f}")
    print(f"  naive python-docx, 50x         {ms(t_naive_large)}   ratio export/naive {t_large / t_naive_large:.2f}")
    if t_pandoc_sample is not None:
        print(f"  pandoc md->docx, sample        {ms(t_pandoc_sample)}   ratio export/pandoc {t_sample / t_pandoc_sample:.2f}")
        print(f"  pandoc md->docx, 50x           {ms(t_pandoc_large)}   ratio export/pandoc {t_large / t_pandoc_large:.2f}")
    else:
        print("  pandoc not installed: no pandoc baseline")
    ok = t_sample <= 0.05 and t_large <= 0.3 and rss_after <= 300
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
