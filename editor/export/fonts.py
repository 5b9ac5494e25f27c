"""Which of the fonts an exported file names are installed here, and look-alikes for the preview.

No Qt: the installed fonts are read from the system's font folders (fontconfig on Linux), see
:mod:`editor.sysenv`.
"""

from __future__ import annotations

import functools

from ..model import FormatSettings
from ..sysenv import parse_fc_list as _parse_fc_list  # noqa: F401 - kept for callers and tests
from ..model.report import DEFAULT_FONTS

# 仿宋 is a light face: its look-alikes are light serifs (AR PL UMing's Light, Noto/Source Han Serif
# Light when fonts-noto-cjk-extra is installed) rather than the Regular serif used for 宋体, so that the
# preview and the PDF tell 仿宋 and 宋体 apart.
_LIGHT_SERIFS = ("Noto Serif CJK SC Light", "Source Han Serif SC Light", "AR PL UMing CN")
# Official font -> installed look-alikes, best first (Linux names; Windows names where they exist).
PREVIEW_SUBSTITUTES: dict[str, tuple[str, ...]] = {
    "方正小标宋简体": ("方正小标宋简体", "方正小标宋_GBK", "华文中宋", "Noto Serif CJK SC", "Source Han Serif SC",
                 "思源宋体", "SimSun", "宋体"),
    "方正小标宋_GBK": ("方正小标宋_GBK", "方正小标宋简体", "华文中宋", "Noto Serif CJK SC", "Source Han Serif SC", "宋体"),
    "小标宋": ("方正小标宋简体", "Noto Serif CJK SC", "Source Han Serif SC", "宋体"),
    "宋体": ("宋体", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN"),
    "仿宋_GB2312": ("仿宋_GB2312", "仿宋", "FangSong", *_LIGHT_SERIFS, "Noto Serif CJK SC", "Source Han Serif SC"),
    "仿宋": ("仿宋", "FangSong", "仿宋_GB2312", *_LIGHT_SERIFS, "Noto Serif CJK SC", "Source Han Serif SC"),
    "黑体": ("黑体", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei"),
    "楷体_GB2312": ("楷体_GB2312", "楷体", "KaiTi", "LXGW WenKai", "AR PL UKai CN", "Noto Serif CJK SC"),
    "楷体": ("楷体", "KaiTi", "楷体_GB2312", "LXGW WenKai", "AR PL UKai CN", "Noto Serif CJK SC"),
}
# Fallback by kind of face when a font name is unknown.
_GENERIC = {
    "黑": ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei"),
    "楷": ("LXGW WenKai", "AR PL UKai CN", "Noto Serif CJK SC"),
    "": ("Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "Noto Sans CJK SC", "WenQuanYi Zen Hei"),
}

ROLE_LABELS = {
    "title": "标题", "body": "正文", "heading1": "一级标题", "heading2": "二级标题", "heading3": "三级、四级标题",
    "page_number": "页码", "issuer_mark": "发文机关标志",
}


def installed_font_families() -> set[str]:
    """Font family names installed on this machine, in every language (仿宋_GB2312's file calls itself
    仿宋_GB2312 and FangSong_GB2312); see :func:`editor.sysenv.installed_font_families` for where they
    are looked up on each platform (no Qt).

    The lookup runs once per process; each call returns a fresh copy of the cached set."""
    return set(_installed_cached())


@functools.lru_cache(maxsize=1)
def _installed_cached() -> frozenset[str]:
    from .. import sysenv

    try:
        return frozenset(sysenv.installed_font_families())
    except Exception:  # noqa: BLE001 - fonts only improve the preview and the notices; never fail here
        return frozenset()


def _candidates(font_name: str) -> tuple[str, ...]:
    if font_name in PREVIEW_SUBSTITUTES:
        return PREVIEW_SUBSTITUTES[font_name]
    key = "黑" if "黑" in font_name else "楷" if "楷" in font_name else ""
    return (font_name,) + _GENERIC[key]


def preview_family(font_name: str, installed=None) -> str:
    """The installed family to draw ``font_name`` with: itself if installed, else a look-alike.

    When nothing suitable is installed the first candidate is returned (the toolkit then falls back).
    """
    installed = _installed_cached() if installed is None else installed
    if font_name in installed:
        return font_name
    candidates = _candidates(font_name)
    for name in candidates:
        if name in installed:
            return name
    return candidates[-1] if installed else font_name


def missing_fonts(format_settings: FormatSettings, installed=None) -> list[tuple[str, str, str]]:
    """``(role, font_name, substitute)`` for every font the export names that is not installed here."""
    installed = _installed_cached() if installed is None else installed
    out = []
    seen = set()
    for role in DEFAULT_FONTS:
        name = format_settings.font(role)
        if name in installed or (role, name) in seen:
            continue
        seen.add((role, name))
        out.append((role, name, preview_family(name, installed)))
    return out


def fontconfig_substitutes(names, installed=None) -> str:
    """A fontconfig configuration (XML text) that includes the system's configuration and makes each
    missing font in ``names`` resolve to its installed look-alike (used when LibreOffice renders a PDF)."""
    from xml.sax.saxutils import escape

    installed = _installed_cached() if installed is None else installed
    rules = []
    for name in sorted(set(names)):
        if name in installed:
            continue
        sub = preview_family(name, installed)
        if sub == name:
            continue
        heavy = "小标宋" in name  # 小标宋 is a heavy face: its look-alike is a bold serif
        weight = '<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>' if heavy else ""
        rules.append(
            f'  <match target="pattern"><test name="family" qual="any"><string>{escape(name)}</string></test>'
            f'<edit name="family" mode="prepend" binding="strong"><string>{escape(sub)}</string></edit>{weight}</match>'
        )
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n' + "\n".join(rules) + "\n</fontconfig>\n"
    )


def word_fallback_chain(font_name: str) -> list[str]:
    """The fonts Word and WPS try, in order, when ``font_name`` is missing on the PC that opens the
    exported file (the altName chain written into its font table): 仿宋_GB2312 → 仿宋 → FangSong."""
    from .format_spec import FONT_ALT_NAMES

    chain = [font_name]
    while chain[-1] in FONT_ALT_NAMES and FONT_ALT_NAMES[chain[-1]] not in chain:
        chain.append(FONT_ALT_NAMES[chain[-1]])
    return chain
