"""Regenerate resources/screenshots/sample-page-1.png (page 1 of the exported sample, rendered by
LibreOffice with look-alike fonts) for the README:

    python tests/export/render_sample_page.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from editor.export import write_pdf  # noqa: E402
from editor.storage import atomic_write_bytes  # noqa: E402
from editor.templates import load_template  # noqa: E402

TARGET = ROOT / "resources" / "screenshots" / "sample-page-1.png"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = write_pdf(load_template("sample-dongguan-2022"), Path(tmp) / "sample.pdf")
        subprocess.run([shutil.which("pdftoppm") or "pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1",
                        "-singlefile", str(pdf), str(Path(tmp) / "page")], check=True)
        data = (Path(tmp) / "page.png").read_bytes()
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(TARGET, data, backup=False, what="截图")
    print(f"{TARGET} ({len(data) // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
