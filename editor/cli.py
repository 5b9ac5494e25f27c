"""The command line: ``report-editor SUBCOMMAND …``, built on the same core as the window.

Exit codes: 0 success, 1 the work failed (message printed in Chinese), 2 usage error.
With no subcommand, or with a project path, the window opens.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Optional, Sequence

from . import __version__
from .errors import ReportEditorError

SUBCOMMANDS = ("templates", "new", "export", "check", "import", "rollover", "merge")
# Options of the window (editor.app), not of the command line: `report-editor --sample`.
WINDOW_OPTIONS = ("--sample", "--template", "--lang")


class UsageError(Exception):
    pass


class ChineseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help with its own words in Chinese ("用法：" for "usage: ", "选项：" for "options:");
    descriptions are kept as written (they are laid out by hand, counting Chinese as double width)."""

    def __init__(self, prog, indent_increment=2, max_help_position=30, width=None):
        super().__init__(prog, indent_increment, max_help_position, width)

    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)

    def start_section(self, heading):
        # argparse writes "heading:"; Chinese punctuation is full width
        return super().start_section(f"{heading}\b" if heading else heading)

    def format_help(self):
        return super().format_help().replace("\b:", "：")

    def add_argument(self, action):
        super().add_argument(action)
        # argparse measures subcommands without their extra indent, so a long one ("templates") wraps
        if action.help is not argparse.SUPPRESS and hasattr(action, "_get_subactions"):
            for sub in action._get_subactions():
                width = len(self._format_action_invocation(sub)) + self._current_indent + 2 * self._indent_increment
                self._action_max_length = max(self._action_max_length, width)

    def _format_action(self, action):
        # argparse aligns by character count; a Chinese character is two columns wide in a terminal
        import unicodedata

        text = super()._format_action(action)
        invocation = self._format_action_invocation(action)
        wide = sum(1 for ch in invocation if unicodedata.east_asian_width(ch) in "WF")
        i = text.find(invocation)
        if wide and i >= 0:
            j = i + len(invocation)
            spaces = len(text[j:]) - len(text[j:].lstrip(" "))
            if spaces > wide + 1 and not text[j:].startswith("\n"):
                text = text[:j] + text[j + wide:]
        return text


def chinese_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Translate the section headers argparse writes itself."""
    parser._positionals.title = "位置参数"
    parser._optionals.title = "选项"
    return parser


def translate_argparse_message(message: str) -> str:
    return (
        message.replace("the following arguments are required", "缺少必需的参数")
        .replace("unrecognized arguments", "无法识别的参数")
        .replace("invalid choice", "无效的选项")
        .replace("choose from", "可选")
        .replace("expected one argument", "需要一个参数值")
        .replace("ignored explicit argument", "多余的参数值")
        .replace("not allowed with argument", "不能与以下参数同时使用")
        .replace("argument ", "参数 ")
        .replace(": ", "：")
    )


class WindowArgumentParser(argparse.ArgumentParser):
    """The window's options (editor.app): Chinese help and errors, exit code 2 on a usage error."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        super().__init__(*args, **kwargs)
        chinese_parser(self)

    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：{translate_argparse_message(message)}\n运行“{self.prog} --help”查看用法。\n")


class _Parser(argparse.ArgumentParser):
    """argparse with Chinese messages and no SystemExit on errors."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        super().__init__(*args, **kwargs)
        chinese_parser(self)

    def error(self, message: str):  # noqa: D401 - argparse API
        message = translate_argparse_message(message)
        raise UsageError(f"{self.prog}：{message}\n运行“{self.prog} --help”查看用法。")

    def exit(self, status: int = 0, message: Optional[str] = None):
        if message:
            print(message, file=sys.stderr)
        raise SystemExit(status)


def _out(msg: str) -> None:
    print(msg, flush=True)


def _err(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _args_new(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--template", "-t", default="fzzf-annual", help="模板名称（见 templates 子命令），默认 fzzf-annual")
    sp.add_argument("project", help="新项目文件的路径（.fzbg）")
    sp.add_argument("--force", action="store_true", help="目标文件已存在时覆盖")


def _args_export(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("projects", nargs="+", help="项目文件（可以有多个）")
    sp.add_argument("-o", "--output", help="输出文件路径（只导出一个项目时）；格式由扩展名 .docx 或 .pdf 决定")
    sp.add_argument("--out-dir", help="输出文件夹（导出多个项目时）；文件名为项目名加格式的扩展名")
    sp.add_argument("--format", choices=("docx", "pdf"), default=None,
                    help="输出格式；不指定时按 -o 的扩展名，没有 -o 时为 docx。与 -o 的扩展名不一致时报错")
    sp.add_argument("--edition", choices=("public", "formal"), help="版本：public 公开发布版，formal 正式公文版（带版头版记）")


def _args_check(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("project", help="项目文件")
    sp.add_argument("--json", action="store_true", help="以 JSON 输出检查结果")
    sp.add_argument("--terms", metavar="FILE", help="用户词典（UTF-8 文本，格式同 resources/terms）")


def _args_import(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("source", help="来源文件（.docx、.txt、.md）")
    sp.add_argument("-o", "--output", required=True, help="新项目文件的路径（.fzbg）")
    sp.add_argument("--keep-punctuation", action="store_true", help="保留原文的半角标点，不转换为全角")
    sp.add_argument("--no-metrics", action="store_true", help="不把文中的数字识别为指标")
    sp.add_argument("--force", action="store_true", help="目标文件已存在时覆盖")


def _args_rollover(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("project", help="本年度项目文件")
    sp.add_argument("-o", "--output", required=True, help="下一年度项目文件的路径")
    sp.add_argument("--force", action="store_true", help="目标文件已存在时覆盖")


def _args_merge(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("project", help="主项目文件")
    sp.add_argument("others", nargs="+", help="要合并进来的项目文件")
    sp.add_argument("-o", "--output", required=True, help="合并结果的项目文件路径")
    sp.add_argument(
        "--prefer",
        metavar="来源",
        help="冲突时一律采用哪一方：main（主项目）或其他项目文件的路径；不指定时有冲突则列出并退出",
    )
    sp.add_argument(
        "--resolve",
        action="append",
        default=[],
        metavar="键=来源",
        help="逐个解决冲突：冲突键=main 或 冲突键=其他项目文件路径（冲突键见不带此参数时的输出）",
    )
    sp.add_argument("--force", action="store_true", help="目标文件已存在时覆盖")


# name -> (help, function adding its arguments), in the order the help lists them
_SUBPARSERS = {
    "templates": ("列出可用的报告模板", None),
    "new": ("从模板新建项目", _args_new),
    "export": ("把项目导出为公文格式的 Word（.docx）或 PDF", _args_export),
    "check": ("校对检查项目，发现错误时退出码为 1", _args_check),
    "import": ("从 .docx 或文本文件导入已有报告", _args_import),
    "rollover": ("由本年度项目生成下一年度项目", _args_rollover),
    "merge": ("把同事分工起草的项目合并到一个项目中", _args_merge),
}


def build_parser(command: Optional[str] = None) -> argparse.ArgumentParser:
    """The command line's parser. With ``command`` (the subcommand that runs: the first word of the command
    line), only that subcommand's parser is built -- every command starts ~1 ms sooner; what is parsed, printed
    and refused is the same, since argparse hands everything after the subcommand to its parser alone."""
    p = _Parser(
        prog="report-editor",
        usage="report-editor [项目文件 | --sample | --template 模板] [--lang {zh_CN,en}]\n"
              "       report-editor 子命令 [参数 …]",
        description="法治政府建设年度报告编辑器。不带子命令运行时打开编辑窗口。",
        epilog="各子命令的参数：report-editor 子命令 --help（例如 report-editor export --help）。\n"
               "退出码：0 成功，1 处理失败（原因见提示），2 命令用法有误。",
        add_help=False,
    )
    p.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    p.add_argument("--version", action="version", version=f"report-editor {__version__}", help="显示版本号")
    # The window's options: main() hands them to the window (editor.app) before this parser runs.
    p.add_argument_group(
        "打开编辑窗口（不带子命令）",
        "report-editor 项目文件.fzbg   打开一个项目\n"
        "report-editor                 新建一份空白报告\n"
        "--sample                      打开示例报告（东莞市司法局 2022 年）的副本\n"
        "--template 模板               以指定模板新建报告（模板名见 templates 子命令）\n"
        "--lang {zh_CN,en}             界面语言：zh_CN 简体中文（默认），en 英文")
    sub = p.add_subparsers(dest="command", metavar="子命令", parser_class=_Parser, prog="report-editor")
    for name, (help_text, add_arguments) in _SUBPARSERS.items():
        if command in _SUBPARSERS and name != command:
            continue
        sp = sub.add_parser(name, help=help_text, description=help_text, add_help=False)
        sp.add_argument("-h", "--help", action="help", help="显示帮助并退出")
        if add_arguments is not None:
            add_arguments(sp)
    return p


# ------------------------------------------------------------------ helpers
def _check_target(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise ReportEditorError(f"“{path}”已存在。如要覆盖，请加 --force；或换一个文件名。")


def _load(path: str):
    from .storage import read_project

    try:
        return read_project(path)
    except ReportEditorError as e:
        raise ReportEditorError(terminal_advice(e.message, Path(path))) from None


def terminal_advice(message: str, path: Path) -> str:
    """A damaged project's message, with advice that works in a terminal (the window's wording —
    "open the backup" — means a menu there): name the backup and the command that uses it."""
    bak = path.with_name(path.name + ".bak")
    if not bak.is_file():
        return message
    message = message.replace("如有备份（同名 .bak 文件），请打开备份", "可以改用备份").replace("请打开备份", "可以改用备份")
    return (f"{message}\n备份文件：{bak}\n"
            f"可以先把它复制为新项目再使用，例如：{'copy' if sys.platform.startswith('win') else 'cp'} \"{bak}\" \"{path.with_name(path.stem + '-备份恢复.fzbg')}\"")


# ------------------------------------------------------------------ commands
def cmd_templates(args) -> int:
    from .templates import list_templates

    for t in list_templates():
        _out(f"{t.name}\t{t.description}")
    return 0


def cmd_new(args) -> int:
    from .storage import write_project
    from .templates import load_template

    target = Path(args.project)
    if target.suffix == "":
        target = target.with_suffix(".fzbg")
    _check_target(target, args.force)
    report = load_template(args.template)
    write_project(target, report, backup=False)
    _out(f"已从模板“{args.template}”新建项目：{target}")
    return 0


def _print_check_errors(report, name: str, edition: Optional[str] = None) -> None:
    try:
        from .checks import run_checks
    except ImportError:  # checks not available: exporting a draft never depends on them
        return
    # only the rules that can find an error run (the 50x report: 80 ms less); the same errors as `check`
    errors = [f for f in run_checks(report, severities={"error"}) if f.severity == "error"]
    for f in errors:
        _err(f"{name}：错误：{f.message}")
    if (edition or report.edition) == "formal":
        # the formal edition's own fields (发文机关标志, 发文字号, 印发日期): a warning naming each missing one,
        # also when --edition formal exports a report kept as the public edition
        formal = report
        if report.edition != "formal":  # a shallow copy with the other edition (attributes only: no model API)
            import copy

            formal = copy.copy(report)
            formal.edition = "formal"
        for f in run_checks(formal, rules=["formal"]):
            _err(f"{name}：警告：{f.message}")


EXPORT_SUFFIXES = {".docx": "docx", ".pdf": "pdf"}
# Extensions of other document formats: naming one of them with -o is a mistake, not a name to keep.
_OTHER_DOCUMENT_SUFFIXES = {".doc", ".wps", ".odt", ".rtf", ".txt", ".md", ".html", ".htm", ".ofd", ".xml",
                            ".fzbg", ".docm", ".dotx", ".xps"}
_FORMAT_NAMES = {"docx": "Word（.docx）", "pdf": "PDF（.pdf）"}


def export_targets(projects: Sequence[Path], output: Optional[str], out_dir: Optional[str],
                   fmt: Optional[str]) -> tuple[str, list[Path]]:
    """The format and the file each project is written to, so that every file is what its name says.

    The format follows the extension of ``-o`` when ``--format`` is not given; a conflict between the two,
    an extension of another format, two projects written to one file, or a folder given where a file is
    meant (and the reverse) is a usage error: nothing is written."""
    if output and out_dir:
        raise UsageError("-o 和 --out-dir 只能用一个：导出一个项目到指定文件用 -o，导出到文件夹用 --out-dir。")
    if len(projects) > 1 and output:
        raise UsageError("导出多个项目时请用 --out-dir 指定输出文件夹，不能用 -o。")
    if output:
        target = Path(output)
        if target.is_dir():
            raise UsageError(f"“{target}”是一个文件夹：请用 --out-dir {target}，或在 -o 后写出文件名（如 报告.docx）。")
        suffix = target.suffix.lower()
        named = EXPORT_SUFFIXES.get(suffix)
        if named is None and suffix in _OTHER_DOCUMENT_SUFFIXES:
            raise UsageError(f"不能导出为“{target.suffix}”文件：只能导出 Word（.docx）或 PDF（.pdf）。"
                             f"请把 -o 的扩展名改为 .docx 或 .pdf。")
        if named is not None and fmt is not None and fmt != named:
            raise UsageError(f"--format {fmt} 与输出文件名“{target.name}”的扩展名 {target.suffix} 不一致，"
                             f"未导出任何文件。请去掉 --format（按扩展名导出{_FORMAT_NAMES[named]}），"
                             f"或把 -o 的扩展名改为 .{fmt}。")
        chosen = named or fmt or "docx"
        if named is None:  # no extension (or not a file-type one, e.g. “报告.2023”): add the format's
            target = target.with_name(target.name + "." + chosen)
        return chosen, [target]
    chosen = fmt or "docx"
    if out_dir:
        folder = Path(out_dir)
        if folder.exists() and not folder.is_dir():
            raise UsageError(f"--out-dir 需要一个文件夹，而“{folder}”是一个文件。请换一个文件夹名。")
        if not folder.exists() and folder.suffix.lower() in EXPORT_SUFFIXES:
            raise UsageError(f"--out-dir 需要一个文件夹，而“{folder}”看起来是文件名：导出一个项目到指定文件请用 -o {folder}。")
        targets = [folder / (p.stem + "." + chosen) for p in projects]
    else:
        targets = [p.parent / (p.stem + "." + chosen) for p in projects]
    seen: dict[Path, Path] = {}
    for project, target in zip(projects, targets, strict=True):
        key = Path(os.path.abspath(target))
        if key in seen and Path(os.path.abspath(seen[key])) != Path(os.path.abspath(project)):
            raise UsageError(f"“{seen[key]}”和“{project}”会导出为同一个文件“{target}”，后者会覆盖前者。"
                             f"请分别导出，或用 -o 为其中一个指定文件名。")
        seen[key] = project
    return chosen, targets


def cmd_export(args) -> int:
    from .export import export_report

    projects = [Path(p) for p in args.projects]
    fmt, targets = export_targets(projects, args.output, args.out_dir, args.format)
    if args.out_dir:
        Path(args.out_dir).mkdir(parents=True, exist_ok=True)
    failed = 0
    for project, target in zip(projects, targets, strict=True):
        try:
            report = _load(str(project))
            _print_check_errors(report, project.name, args.edition)
            export_report(report, target, fmt=fmt, edition=args.edition)
            _out(f"已导出：{target}")
        except ReportEditorError as e:
            _err(f"{project.name}：{e.message}")
            failed += 1
    return 1 if failed else 0


def cmd_check(args) -> int:
    import json

    from .checks import run_checks

    report = _load(args.project)
    user_terms = None
    if getattr(args, "terms", None):
        try:
            user_terms = Path(args.terms).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise ReportEditorError(f"无法读取用户词典“{args.terms}”：请确认文件存在且是 UTF-8 文本。") from e
    try:
        findings = run_checks(report, user_terms=user_terms)
    except ValueError as e:  # a line of the user dictionary in the wrong format
        raise ReportEditorError(f"用户词典有误：{e}") from e
    if args.json:
        _out(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=1))
    else:
        labels = {"error": "错误", "warning": "警告", "info": "提示"}
        for f in findings:
            where = f" [{f.where}]" if getattr(f, "where", "") else ""
            _out(f"{labels.get(f.severity, f.severity)}{where}：{f.message}")
        counts = {s: sum(1 for f in findings if f.severity == s) for s in labels}
        _out(f"共 {counts['error']} 个错误、{counts['warning']} 个警告、{counts['info']} 个提示。")
    return 1 if any(f.severity == "error" for f in findings) else 0


def cmd_import(args) -> int:
    from .importing import import_file
    from .storage import write_project

    target = Path(args.output)
    _check_target(target, args.force)
    result = import_file(args.source, keep_punctuation=args.keep_punctuation, metrics=not args.no_metrics)
    write_project(target, result.report, backup=False)
    for line in result.summary_lines():
        _out(line)
    _out(f"已导入到：{target}")
    return 0


def cmd_rollover(args) -> int:
    from .model.yearly import rollover
    from .storage import write_project

    target = Path(args.output)
    _check_target(target, args.force)
    report = _load(args.project)
    nxt = rollover(report)
    write_project(target, nxt, backup=False)
    _out(f"已生成 {nxt.year} 年度项目：{target}（{len(nxt.metrics)} 个指标待填写本年数值）")
    _print_stale_years(nxt)
    return 0


def _print_stale_years(report) -> None:
    """Every place where the text still has last year's years (``check`` keeps listing them)."""
    from .checks import describe_ref
    from .model import get_field
    from .model.yearly import stale_year_places

    places = stale_year_places(report)
    if not places:
        return
    _out(f"以下 {len(places)} 处年份沿用了上一年度报告的文字，请逐一修改（check 命令会一直列出，直到改好）：")
    for p in places:
        text = get_field(report, p.ref)
        excerpt = text[max(0, p.start - 6):p.end + 10].replace("\n", " ")
        _out(f"  [{describe_ref(report, p.ref)}] …{excerpt}…")


def cmd_merge(args) -> int:
    from .model.merge import run_merge_cli

    return run_merge_cli(args, out=_out, err=_err)


COMMANDS = {
    "templates": cmd_templates,
    "new": cmd_new,
    "export": cmd_export,
    "check": cmd_check,
    "import": cmd_import,
    "rollover": cmd_rollover,
    "merge": cmd_merge,
}


def _open_window(argv: Sequence[str]) -> int:
    try:
        from .app import main as app_main
    except ImportError as e:  # pragma: no cover - depends on the installed Qt
        _err(f"无法启动编辑窗口：{e}。请确认已安装 PySide6（pip install PySide6-Essentials）。")
        return 1
    return app_main(list(argv))


def main(argv: Optional[Sequence[str]] = None) -> int:
    from .sysenv import utf8_output

    utf8_output()  # UTF-8, never UnicodeEncodeError on a console code page such as cp936
    argv = list(sys.argv[1:] if argv is None else argv)
    first = argv[0] if argv else ""
    window_option = first.split("=", 1)[0] in WINDOW_OPTIONS
    if not argv or window_option or (first not in SUBCOMMANDS and not first.startswith("-")):
        return _open_window(argv)
    parser = build_parser(first)
    try:
        args = parser.parse_args(argv)
        if not args.command:
            return _open_window([])
        return COMMANDS[args.command](args)
    except UsageError as e:
        _err(str(e))
        return 2
    except ReportEditorError as e:
        _err(e.message)
        return 1
    except KeyboardInterrupt:
        _err("已中断。")
        return 1
    except Exception as e:  # never show a traceback to a user: the details go to the log file
        from .errors import unexpected_error_message

        _err(unexpected_error_message(e, "report-editor " + " ".join(argv)))
        if os.environ.get("REPORT_EDITOR_DEBUG"):
            raise
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
