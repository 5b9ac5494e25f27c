"""Report templates bundled in ``templates/``: each is a project file (``NAME.fzbg``) whose envelope
``description`` says what it is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import TemplateNotFound
from .model import Report
from .paths import templates_dir
from .storage import EXTENSION, read_project_with_meta


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    description: str
    path: Path


def list_templates() -> list[TemplateInfo]:
    out = []
    for path in sorted(templates_dir().glob(f"*{EXTENSION}")):
        _report, meta = read_project_with_meta(path)
        out.append(TemplateInfo(path.stem, str(meta.get("description", "")), path))
    return out


def template_path(name: str) -> Path:
    path = templates_dir() / f"{name}{EXTENSION}"
    if not path.is_file():
        names = "、".join(t.name for t in list_templates()) or "（无）"
        raise TemplateNotFound(f"没有名为“{name}”的模板。可用的模板：{names}。")
    return path


def load_template(name: str) -> Report:
    return read_project_with_meta(template_path(name))[0]
