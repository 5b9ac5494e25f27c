"""Shared helpers for the benchmarks: the sample report and a report 50x its size."""

from __future__ import annotations

import statistics
import time
from typing import Callable

from editor.model import Item, Report, Section, new_id
from editor.model.tokens import TOKEN_RE
from editor.templates import load_template


def sample_report() -> Report:
    return load_template("sample-dongguan-2022")


def large_report(factor: int = 50) -> Report:
    """The sample with its sections repeated ``factor`` times; every copy has its own metrics
    (fresh ids) so the report has ``factor`` x the sample's metrics (≈ 4,000 for 50x)."""
    base = sample_report()
    out = base.model_copy(deep=True)
    out.sections = []
    out.metrics = []
    for _ in range(factor):
        mapping = {m.id: new_id("m") for m in base.metrics}
        for m in base.metrics:
            parts = [mapping.get(p, p) for p in m.parts]
            out.metrics.append(m.model_copy(update={"id": mapping[m.id], "parts": parts}))

        def remap(text: str, mapping: dict = mapping) -> str:
            return TOKEN_RE.sub(lambda mo: "{{%s:%s}}" % (mo.group(1), mapping.get(mo.group(2), mo.group(2))), text)

        def copy_item(item: Item) -> Item:
            return Item(
                lead=remap(item.lead), body=[remap(b) for b in item.body], run_in=item.run_in,
                numbered=item.numbered, kinds=list(item.kinds), children=[copy_item(c) for c in item.children],
            )

        for s in base.sections:
            out.sections.append(
                Section(heading=remap(s.heading), kinds=list(s.kinds), numbered=s.numbered,
                        intro=[remap(p) for p in s.intro], items=[copy_item(i) for i in s.items])
            )
    return out


def median_time(fn: Callable[[], object], repeat: int = 7, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def report_chars(report: Report) -> int:
    from editor.model import build_flow

    return sum(len(b.text) for b in build_flow(report))
