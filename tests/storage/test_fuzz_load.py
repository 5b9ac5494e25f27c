"""Fuzz test (issue 9): 2,000 damaged project files -- mutations of the sample and of the format
reference files (truncation, byte flips and insertions, type swaps, huge numbers, deep nesting, lone
surrogates, duplicate and invalid ids, wrong versions, oversized font names, other encodings...) --
through load, check, save + reload and the .docx export. Only the typed errors of editor/errors.py may
come out, every message is Chinese and names the problem (never the generic one), and every file that
loads also checks, saves, reloads unchanged and exports. The long run is tests/perf/fuzz_projects.py.
"""

from __future__ import annotations

from damage import run_fuzz

COUNT = 2000
SEED = 20261201


def test_two_thousand_damaged_files_give_typed_named_errors(tmp_path):
    outcomes, failures = run_fuzz(COUNT, SEED, tmp_path)
    assert not failures, "\n".join(f"case {i} ({kind}): {msg}" for i, _seed, kind, msg, _data in failures[:10])
    total: dict[str, int] = {}
    for by_outcome in outcomes.values():
        for outcome, n in by_outcome.items():
            total[outcome] = total.get(outcome, 0) + n
    assert sum(total.values()) == COUNT
    # the generator really reaches every kind of outcome (a fuzz test that only ever loads proves nothing)
    for outcome in ("loaded", "ProjectNotJson", "ProjectDamaged", "ProjectDuplicateIds", "ProjectUnencodableText",
                    "ProjectFiguresOutOfRange", "ProjectTooNew", "NotAProject"):
        assert total.get(outcome, 0) >= 5, (outcome, total)
    assert total["loaded"] >= COUNT // 20
