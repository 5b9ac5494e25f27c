"""Every layout number of the official format (GB/T 9704-2012) in one place.

Units: twips (1/20 pt, 1/1440 inch) unless the name says otherwise; font sizes in half-points
(``w:sz``). See ``official-format.md`` for where each value comes from. Values marked (LO) were
checked by rendering with LibreOffice 7.4; nothing was checked in Word or WPS, so adjust them here.
:data:`RENDERER_NOTES` lists what was verified where and what is expected to differ in Word and WPS.
"""

from __future__ import annotations

MM = 1440 / 25.4  # twips per millimetre


def mm(value: float) -> int:
    return round(value * MM)


# ----------------------------------------------------------------- page
PAGE_WIDTH = 11906  # A4 210 mm
PAGE_HEIGHT = 16838  # A4 297 mm
MARGIN_TOP = 2098  # 天头 37 mm
MARGIN_LEFT = 1588  # 订口 28 mm
MARGIN_RIGHT = 1474  # 26 mm -> text block 156 mm wide
MARGIN_BOTTOM = 1984  # 35 mm -> text block 225 mm high
HEADER_DISTANCE = 851  # 15 mm (no header is used)
FOOTER_DISTANCE = 1417  # 25 mm: puts the page number's dash ≈ 7 mm below the text block (LO)
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8844
TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # 12756

LINE_PITCH = 579  # exact line spacing 28.95 pt: 22 lines fill the text block (29 pt gives 21, LO)
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
DOC_GRID_LINE_PITCH = 579  # w:docGrid linePitch, no grid type (linesAndChars breaks LibreOffice)

# ----------------------------------------------------------------- type
SIZE_ERHAO = 44  # 二号 22 pt, in half-points
SIZE_SANHAO = 32  # 三号 16 pt
SIZE_SIHAO = 28  # 四号 14 pt
ISSUER_MARK_MAX_SIZE = 84  # 初号 42 pt at most; shrunk so the mark fits on one line

BODY_CHAR_SPACING = -5  # w:spacing on body runs: -0.25 pt so 28 三号 characters fit a line (LO)

# Nominal character widths used for indents measured "in characters".
CHAR = 320  # one 三号 character (16 pt)
CHAR_SIHAO = 280  # one 四号 character (14 pt)
INDENT_2CHARS = 2 * CHAR  # 640: first-line indent of body paragraphs and headings
# Widths used to measure a line of 三号 text with the body character spacing applied
FULL_WIDTH_ADVANCE = CHAR + BODY_CHAR_SPACING  # 315
HALF_WIDTH_ADVANCE = CHAR // 2 + BODY_CHAR_SPACING  # 155

SIGNATURE_RIGHT_INDENT = 2 * CHAR  # 署名右空二字
DATE_SHIFT = 2 * CHAR  # 成文日期首字比署名首字右移二字
# 成文日期 at least as long as the 署名: the date is right-aligned with this right indent (exact in every
# renderer, whatever its digits measure) and the signature's right indent is derived from the date's
# estimated width, so only the signature's offset depends on an estimate.
DATE_RIGHT_INDENT_WHEN_LONGER = 2 * CHAR  # 成文日期右空二字

# 签发人 (上行文, GB/T 9704 7.2.4): 发文字号 居左空一字, 签发人 居右空一字 on the same line, two names a line.
DOC_NUMBER_LEFT_INDENT = CHAR
SIGNERS_RIGHT_INDENT = CHAR
SIGNERS_PER_LINE = 2
SIGNERS_LABEL = "签发人："

# Title (GB/T 9704 7.3.1): one line when it fits comfortably, else split between words into balanced
# lines, the longer line first. A line of 二号 holds 20 characters (442 pt / 22 pt); "comfortably" leaves
# one character spare. Widths in ems (a full-width character = 1, a digit or Latin letter = 0.5).
TITLE_MAX_EMS = 19.0

PAGE_NUMBER_INDENT = CHAR_SIHAO  # 280: odd pages right, even pages left, one 四号 character
PAGE_NUMBER_DASH = "\u2014"  # — on each side of the number

# ----------------------------------------------------------------- formal edition
RED = "FF0000"
BLACK = "000000"
ISSUER_MARK_SPACE_BEFORE = mm(35)  # top edge 35 mm below the top of the text block
DOC_NUMBER_SPACE_BEFORE = 2 * LINE_PITCH  # 发文字号 two lines below the mark
# The red rule sits 4 mm below the 发文字号's glyphs. It is the bottom border of a paragraph of this exact
# height right after the 发文字号's line. The characters' em box (baseline + 0.12 em) ends about
# RED_RULE_GLYPH_GAP above the bottom of that 28.95 pt line (LO measured 2.0 mm), and the border is drawn
# 1 pt (w:space) below the paragraph, so the paragraph is shorter than 4 mm by about that gap.
RED_RULE_GLYPH_GAP = mm(2.0)
RED_RULE_HEIGHT = mm(4) - RED_RULE_GLYPH_GAP
RED_RULE_SIZE = 12  # border width in eighths of a point (1.5 pt)
RED_RULE_SPACE_AFTER = 2 * LINE_PITCH  # the title starts two lines below the rule
COLOPHON_THICK_RULE = 8  # 0.35 mm ≈ 1 pt, eighths of a point
COLOPHON_THIN_RULE = 6  # 0.25 mm ≈ 0.75 pt
COLOPHON_INDENT = CHAR_SIHAO  # 抄送 / 印发机关 left, 印发日期 right: one character
COLOPHON_CC_HANG = 3 * CHAR_SIHAO  # wrapped 抄送 lines align after "抄送："

# ----------------------------------------------------------------- font table
# Word picks a substitute for a missing font from the font table: the alternative name (one per font;
# a chain is built by listing the alternative as a font of its own with its own alternative), then the
# PANOSE class, character set (86 = GB2312) and Unicode/code-page signature, so that it stays with a
# Chinese face of the same kind (仿宋_GB2312 → 仿宋 → FangSong; 方正小标宋简体 → 宋体 → SimSun).
FONT_ALT_NAMES: dict[str, str] = {
    "仿宋_GB2312": "仿宋",
    "楷体_GB2312": "楷体",
    "方正小标宋简体": "宋体",
    "方正小标宋_GBK": "宋体",
    "仿宋": "FangSong",
    "楷体": "KaiTi",
    "黑体": "SimHei",
    "宋体": "SimSun",
}
FONT_CHARSET_GB2312 = "86"
# name -> (panose1, family, pitch, sig usb0..usb3 csb0 csb1). Values as Word writes them for these fonts
# (Windows 10/11 and the 方正 / GB2312 fonts of a government PC); not measured here: the fonts are not
# installed on the build machine. Fonts not listed get the GB2312 charset only.
_SIG_WIN = ("800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000")  # 黑体/仿宋/楷体 (Win)
_SIG_GB2312 = ("00000001", "080E0000", "00000010", "00000000", "00040000", "00000000")  # *_GB2312, 方正
FONT_INFO: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "宋体": ("02010600030101010101", "auto", "variable",
           ("00000003", "288F0000", "00000016", "00000000", "00040001", "00000000")),
    "SimSun": ("02010600030101010101", "auto", "variable",
               ("00000003", "288F0000", "00000016", "00000000", "00040001", "00000000")),
    "黑体": ("02010609060101010101", "modern", "fixed", _SIG_WIN),
    "SimHei": ("02010609060101010101", "modern", "fixed", _SIG_WIN),
    "仿宋": ("02010609060101010101", "modern", "fixed", _SIG_WIN),
    "FangSong": ("02010609060101010101", "modern", "fixed", _SIG_WIN),
    "楷体": ("02010609060101010101", "modern", "fixed", _SIG_WIN),
    "KaiTi": ("02010609060101010101", "modern", "fixed", _SIG_WIN),
    "仿宋_GB2312": ("02010609030101010101", "modern", "fixed", _SIG_GB2312),
    "楷体_GB2312": ("02010609030101010101", "modern", "fixed", _SIG_GB2312),
    "方正小标宋简体": ("02000000000000000000", "auto", "variable", _SIG_GB2312),
    "方正小标宋_GBK": ("02000000000000000000", "auto", "variable", _SIG_GB2312),
}
# Title and 发文机关标志 set in a plain 宋体 (the "Windows 自带字体" preset) are bold: 小标宋 is a heavy face.
BOLD_TITLE_FONTS = ("宋体", "SimSun", "华文中宋")

# ----------------------------------------------------------------- file metadata
COMPATIBILITY_MODE = 15  # Word 2013 and later: no 兼容模式 banner
APPLICATION = "report-editor"
ZOOM_PERCENT = 100

# ----------------------------------------------------------------- misc
MISSING_HIGHLIGHT = "yellow"  # 【待填：…】 markers are highlighted in the exported file
LANG = "en-US"
LANG_EAST_ASIA = "zh-CN"
LANG_BIDI = "ar-SA"

# ----------------------------------------------------------------- styles
# block kind -> (style id, Chinese style name). Style ids are ASCII so that Word keeps them stable;
# names avoid 正文/标题/页码, which Chinese Word shows for its built-in Normal, Title and page number.
PARAGRAPH_STYLES: dict[str, tuple[str, str]] = {
    "title": ("FzTitle", "公文标题"),
    "body": ("FzBody", "公文正文"),
    "heading1": ("FzHeading1", "一级标题"),
    "heading2": ("FzHeading2", "二级标题"),
    "heading3": ("FzHeading3", "三级标题"),
    "heading4": ("FzHeading4", "四级标题"),
    "signature": ("FzSignature", "落款"),
    "date": ("FzDate", "成文日期"),
    "note": ("FzNote", "附注"),
    "page_number": ("FzPageNumber", "公文页码"),
    "issuer_mark": ("FzIssuerMark", "发文机关标志"),
    "doc_number": ("FzDocNumber", "发文字号"),
    "red_rule": ("FzRedRule", "版头分隔线"),
    "recipients": ("FzRecipients", "主送机关"),
    "title_gap": ("FzBlank", "空行"),
    "colophon_cc": ("FzColophonCc", "版记抄送"),
    "colophon_print": ("FzColophonPrint", "版记印发"),
    "end": ("FzEnd", "文末空段"),  # the tiny paragraph a body needs after the colophon table
}
TABLE_STYLE = ("FzColophonTable", "版记表格")
END_PARAGRAPH_LINE = 20  # 1 pt: the closing paragraph after the colophon never pushes a page
CHARACTER_STYLES: dict[str, tuple[str, str]] = {
    "lead2": ("FzLead2", "二级标题引导句"),
    "lead3": ("FzLead3", "三级标题引导句"),
    "missing": ("FzMissing", "待填数据"),
}


# ----------------------------------------------------------------- what was verified where
# Word and WPS are not available where this program is built and tested. What stands in for them:
# - openxml-audit (a port of the Open XML SDK validator) with its Microsoft 365 profile: zero findings
#   for every export variant (tests/export/test_export_validity.py). It knows Word's own restrictions
#   beyond the ISO schema (MS-OI29500), e.g. no w:highlight in a style's rPr.
# - the ISO/IEC 29500 transitional XML schemas (tests/data/ooxml-xsd): zero errors for every part but
#   docProps/core.xml.
# - LibreOffice 7.4 renders measured with pdfplumber (tests/export/test_export_layout.py,
#   test_export_render.py).
RENDERER_NOTES: dict[str, str] = {
    "page, margins, 22 lines x 28 characters, page numbers":
        "LO measured (test_export_render.py). Word: the same with the official fonts; with substitutes the "
        "character count per line can differ by one.",
    "成文日期 右空二字":
        "LO measured 11.3 mm ± 0.5 (right-aligned paragraph with a 640-twip right indent): exact in any "
        "renderer. Only the signature's offset from the date uses the estimated date width (digits half "
        "an em, no Chinese/digit auto-spacing): Word with 仿宋_GB2312 should match; a renderer that adds "
        "auto-spacing (LibreOffice reading the .docx directly, WPS?) moves the signature by a few points.",
    "落款 kept with the text":
        "keepNext on the paragraph before the signature and on the signature: LO verified for short, normal "
        "and 50x reports in both editions. Word honours keepNext the same way (a chain of keep-with-next "
        "paragraphs moves to the next page together).",
    "版记 on the last even page":
        "a last section of type evenPage with empty footers and the 版记 as a table anchored to the bottom "
        "margin. LO verified: even page, closing rule on the text block's bottom (± 1.5 pt), no page number; "
        "the blank page LO inserts has no page number. Word inserts the blank page too and is expected to "
        "draw the previous section's footer (a page number) on it, where GB/T 9704 wants none: not verified.",
    "红色分隔线 4 mm below the 发文字号":
        "LO measured 4 mm ± 0.5 from the characters' em box. Word places text lower in an exact line than "
        "LO by up to about 1 pt, so expect 3.6-4 mm in Word.",
    "发文机关标志 35 mm below the top of the text block":
        "LO measured about 32 mm to the em box top of the 42 pt mark (spacing before 35 mm, exact line "
        "height = font size): Word lays out the same way.",
    "title lines":
        "split by the program (between words, longer line first); each line is its own centred paragraph, "
        "so Word, WPS and LO break them identically.",
    "fonts":
        "font table with altName chains, panose1 and sig as Word writes them for these fonts (not measured "
        "here: the fonts are not installed on the build machine). The PDF uses installed look-alikes "
        "(pdf.py / fonts.py); 仿宋 a light serif (AR PL UMing), 宋体/小标宋 Noto Serif CJK.",
    "compatibility":
        "compatibilityMode 15: Word 2013+ opens the file without 兼容模式. WPS ignores the setting.",
    "PDF line breaks":
        "LibreOffice ignores w:autoSpaceDE/DN when reading .docx and adds about 3.3 pt at every Chinese/"
        "digit boundary; our PDF goes through .odt with style:text-autospace=\"none\" so its line breaks "
        "follow Word's (verified: the date's width then matches the estimate used for the signature).",
}
