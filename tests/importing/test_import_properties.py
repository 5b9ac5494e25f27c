"""Properties over arbitrary text: import never fails with anything but ImportError_, and accepting
the figures never changes the rendered text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.errors import ImportError_
from editor.importing import import_paragraphs
from editor.importing.sources import text_paragraphs
from editor.model import build_flow

PIECES = [
    "一、", "（一）", "(二)", "1.", "（1）", "一是", "二是", "。", "，", ",", ":", "(", ")", "\"", "2041件", "同比增长64.6%",
    "下降7.01个百分点", "75.46%", "近5.9万宗", "逾千家", "2万多人次", "1100余人次", "约96.17亿元", "第六次", "2022年",
    "二十大", "“七五”", "报告", "东莞市司法局", "2023年1月28日", "\n", "\n", "\n", "加强", "法治", "建设", " ", "0769-22489999",
    "《条例》", "12 项", "特此报告。", "（此件公开发布）", "分享到:", "ICP备案号", "首页 > 栏目",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(alphabet="一二三四五件宗%。，0123456789.万", max_size=6), max_size=60),
       st.booleans())
def test_import_text_never_crashes_and_metrics_keep_text(pieces, keep):
    text = "".join(pieces)
    paras = text_paragraphs(text)
    try:
        plain = import_paragraphs(paras, keep_punctuation=keep, metrics=False)
    except ImportError_:
        return
    with_metrics = import_paragraphs(paras, keep_punctuation=keep, metrics=True)
    assert [b.text for b in build_flow(with_metrics.report)] == [b.text for b in build_flow(plain.report)]
    assert with_metrics.metrics_applied == len(with_metrics.report.metrics)
