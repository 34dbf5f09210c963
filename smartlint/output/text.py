"""Text output: one `FILE:LINE:COL: CODE message` line per finding, the suggestion below it.

    goals/sales.md:12:7: M101 No measurable target: say what number will change. [missing-measure]
        suggestion: Raise customer satisfaction (CSAT) from <baseline> to <target> by <deadline>

Colour (ANSI) only when asked for; the CLI asks only on a terminal without NO_COLOR.
"""

from __future__ import annotations

from smartlint.output import Report

_RESET = "\033[0m"
_BOLD = "\033[1m"
_DIM = "\033[2m"
_SEVERITY_COLOR = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(report: Report) -> str:
    """The closing line, in Chinese when every goal checked was Chinese."""
    if report.langs and set(report.langs) == {"zh"}:
        return _summary_zh(report)
    counts = report.counts()
    files = _plural(report.files, "file")
    goals = _plural(report.goals, "goal")
    if not report.findings:
        head = f"No problems in {goals} ({files})."
    else:
        parts = [
            _plural(counts[s], s) if s != "info" else f"{counts[s]} info"
            for s in ("error", "warning", "info")
            if counts.get(s)
        ]
        head = (
            f"Found {_plural(len(report.findings), 'problem')} ({', '.join(parts)}) "
            f"in {goals} ({files})."
        )
    if report.errors:
        head += f" {_plural(len(report.errors), 'file')} could not be checked."
    return head


_ZH_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}


def _summary_zh(report: Report) -> str:
    counts = report.counts()
    checked = f"共检查{report.goals}个目标（{report.files}个文件）"
    if not report.findings:
        head = f"{checked}，没有发现问题。"
    else:
        parts = "，".join(
            f"{counts[s]}个{_ZH_SEVERITY[s]}" for s in ("error", "warning", "info") if counts.get(s)
        )
        head = f"{checked}，发现{len(report.findings)}个问题（{parts}）。"
    if report.errors:
        head += f"{len(report.errors)}个文件无法检查。"
    return head


def render_text(
    report: Report, *, color: bool = False, suggestions: bool = True, quiet: bool = False
) -> str:
    out: list[str] = []
    #: whole-goal results already shown per goal, with the code that showed them: M101 and
    #: S101 (or T101 and T106) often propose the same result, and it is printed once
    shown: dict[tuple[str, int, str], str] = {}
    for lf in report.sorted_findings():
        f = lf.finding
        where = f"{lf.path}:{lf.line}:{lf.column}:"
        code = f.code
        name = f"[{f.name}]"
        if color:
            where = f"{_BOLD}{where}{_RESET}"
            code = f"{_SEVERITY_COLOR.get(f.severity.value, '')}{code}{_RESET}"
            name = f"{_DIM}{name}{_RESET}"
        out.append(f"{where} {code} {f.message} {name}")
        if suggestions and not quiet:
            colon = "：" if f.lang == "zh" else ": "
            label = ("建议" if f.lang == "zh" else "suggestion") + colon
            for s in f.suggestions[:2]:
                text = s.replacement.strip()
                if "\n" in text:  # a split: one goal a line, under the title
                    out.append(f"    {label}{s.title}{colon.rstrip()}")
                    out.extend(f"        {line.strip()}" for line in text.splitlines())
                    continue
                whole: str | None = text if s.start is None else None
                if s.start is not None and s.start == s.end and lf.goal is not None and (
                        s.start <= len(lf.goal)):
                    # an insertion ("，<期限>前完成") reads best in its place in the goal
                    whole = s.apply(lf.goal).strip()
                    text = f"{s.title}{colon}{whole}"
                elif s.start is not None:
                    text = f"{s.title}{colon}{text}"
                if whole is not None:
                    key = (lf.path, lf.line, whole)
                    if key in shown:
                        same = (f"（同{shown[key]}）" if f.lang == "zh"
                                else f"(same as {shown[key]})")
                        out.append(f"    {label}{same}")
                        continue
                    shown[key] = f.code
                out.append(f"    {label}{text}")
    if not quiet:
        line = summary_line(report)
        out.append(f"{_BOLD}{line}{_RESET}" if color else line)
    return "\n".join(out) + "\n" if out else ""
