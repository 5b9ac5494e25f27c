"""The preview lays out the 落款 as the export does (issue 10): a blank line above the signature, and
never the 落款 alone at the top of a page (the export's keep-with-next)."""

from __future__ import annotations

import sys
from pathlib import Path

from editor.templates import load_template
from editor.ui import preview as pv

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "perf"))


def _page(layout, y):
    return int(y // (pv.TEXT_H_PT * pv.U))


def test_blank_line_above_the_signature(qapp):
    layout = pv.PageLayout()
    layout.update(load_template("sample-dongguan-2022"))
    kinds = [b.kind for b in layout.blocks]
    sig = kinds.index("signature")
    gap = layout._text_box(sig)[0] - layout._text_box(sig - 1)[1]
    assert 0.9 * pv.LINE_PT * pv.U < gap < 1.6 * pv.LINE_PT * pv.U


def test_signature_never_alone_at_the_top_of_a_page(qapp):
    from common import large_report

    report = large_report(50)  # its signature falls at the top of a page in the preview
    layout = pv.PageLayout()
    layout.update(report)
    kinds = [b.kind for b in layout.blocks]
    sig = kinds.index("signature")
    before = (_page(layout, layout._text_box(sig - 1)[1] - 1), _page(layout, layout._text_box(sig)[0]))
    assert before[0] != before[1]  # the situation the export's keepNext prevents
    layout.keep_signature_with_text()
    assert _page(layout, layout._text_box(sig - 1)[1] - 1) == _page(layout, layout._text_box(sig)[0])
    # a later update (the text changed) that no longer needs it takes the page break away again
    report.closing = []
    layout.update(report)
    layout.keep_signature_with_text()
    assert all(layout.text.findBlockByNumber(i).blockFormat().pageBreakPolicy()
               == pv.QTextFormat.PageBreakFlag.PageBreak_Auto for i in range(len(layout.blocks))
               if i != getattr(layout, "_kept", None))
