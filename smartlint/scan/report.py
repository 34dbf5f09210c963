"""The HTML report: one self-contained file (inline CSS and SVG, no script, no fetches).

Built for the person who hands goals back to their owners: totals first, then how each
SMART dimension fares, a table per team and per owner, and the weakest goals with what to
fix and a suggested rewrite. Every value from the sheet is HTML-escaped; numbers carry
`data-*` attributes so tools (and tests) can read them without scraping prose.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from smartlint.scan.engine import GoalResult, ScanStats
from smartlint.scan.score import LETTER, SMART_DIMENSIONS
from smartlint.scan.summary import GroupStats, ScanSummary

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "SMART goal report",
        "source": "Source",
        "sheet": "sheet",
        "generated": "Checked on",
        "totals": "Totals",
        "goals": "Goals checked",
        "with_findings": "Goals to improve",
        "clean": "Goals with nothing to fix",
        "average": "Average SMART score",
        "skipped": "Rows skipped (empty goal)",
        "errors": "Errors",
        "warnings": "Warnings",
        "infos": "Hints",
        "dimensions": "Pass rate per SMART dimension",
        "dimension": "Dimension",
        "pass_rate": "Pass rate",
        "passed": "Goals passing",
        "teams": "By team",
        "owners": "By owner",
        "team": "Team",
        "owner": "Owner",
        "top_codes": "Most common issues",
        "weakest": "Goals that need the most work",
        "row": "Row",
        "goal": "Goal",
        "score": "Score",
        "fix": "What to fix",
        "rewrite": "Suggested rewrite",
        "codes": "Issues found",
        "code": "Code",
        "name": "Issue",
        "count": "Times found",
        "none": "Nothing to fix: every goal passed.",
        "score_note": "Score 0-100: 100 means no findings; see docs/scan.md for the formula.",
        "S": "Specific",
        "M": "Measurable",
        "A": "Achievable",
        "R": "Relevant",
        "T": "Time-bound",
    },
    "zh": {
        "title": "SMART 目标检查报告",
        "source": "来源",
        "sheet": "工作表",
        "generated": "检查日期",
        "totals": "总览",
        "goals": "已检查目标",
        "with_findings": "需要改进的目标",
        "clean": "无需修改的目标",
        "average": "平均 SMART 评分",
        "skipped": "跳过的行（目标为空）",
        "errors": "错误",
        "warnings": "警告",
        "infos": "提示",
        "dimensions": "各 SMART 维度通过率",
        "dimension": "维度",
        "pass_rate": "通过率",
        "passed": "通过的目标",
        "teams": "按团队",
        "owners": "按负责人",
        "team": "团队",
        "owner": "负责人",
        "top_codes": "最常见的问题",
        "weakest": "最需要修改的目标",
        "row": "行",
        "goal": "目标",
        "score": "评分",
        "fix": "修改建议",
        "rewrite": "建议改写",
        "codes": "发现的问题",
        "code": "代码",
        "name": "问题",
        "count": "出现次数",
        "none": "没有需要修改的地方：所有目标都通过了。",
        "score_note": "评分 0–100：100 表示没有发现问题；计算方法见 docs/scan.md。",
        "S": "具体",
        "M": "可衡量",
        "A": "可实现",
        "R": "相关",
        "T": "有时限",
    },
}

_CSS = """
:root{--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--bad:#c62828;--mid:#ef8c00;--good:#2e7d32}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1100px;padding:24px;color:var(--ink);line-height:1.5;
font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB",
"Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC",sans-serif}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.2em;margin:32px 0 8px;
border-bottom:2px solid var(--line);padding-bottom:4px}
.meta,.note{color:var(--muted);font-size:.9em}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:150px}
.card .num{font-size:1.6em;font-weight:600;display:block}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f5f7fa}td.n{text-align:right;white-space:nowrap}table.dims{width:auto;min-width:420px}
.score{font-weight:600}.low{color:var(--bad)}.mid{color:var(--mid)}.high{color:var(--good)}
.goal{max-width:420px}.rewrite{background:#f0f7f0;border-left:3px solid var(--good);
padding:4px 8px;margin-top:4px;white-space:pre-line}
ul.fix{margin:0;padding-left:18px}
svg text{font-family:inherit;font-size:13px;fill:var(--ink)}
@media print{body{padding:0}}
"""


def _band(score: float) -> str:
    return "low" if score < 50 else "mid" if score < 80 else "high"


def _bar_colour(rate: float) -> str:
    return "#c62828" if rate < 0.5 else "#ef8c00" if rate < 0.8 else "#2e7d32"


def _pct(rate: float) -> str:
    return f"{rate * 100:.0f}%"


def _chart(summary: ScanSummary, t: dict[str, str]) -> str:
    bar_w, row_h, label_w = 320, 34, 120
    height = row_h * len(SMART_DIMENSIONS) + 10
    width = label_w + bar_w + 70
    parts = [
        f'<svg role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-label="{escape(t["dimensions"])}"><title>{escape(t["dimensions"])}</title>'
    ]
    for i, dim in enumerate(SMART_DIMENSIONS):
        letter = LETTER[dim]
        rate = summary.pass_rate(dim)
        y = 5 + i * row_h
        w = round(bar_w * rate, 1)
        parts.append(
            f'<g data-dim="{letter}" data-rate="{rate:.4f}">'
            f'<text x="0" y="{y + 20}">{letter} · {escape(t[letter])}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{bar_w}" height="22" fill="#eef2f6"/>'
            f'<rect x="{label_w}" y="{y + 4}" width="{w}" height="22" '
            f'fill="{_bar_colour(rate)}"/>'
            f'<text x="{label_w + bar_w + 8}" y="{y + 20}">{_pct(rate)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _group_table(title: str, key_label: str, groups: dict[str, GroupStats], t: dict[str, str],
                 section: str, names: dict[str, str]) -> str:
    if not groups:
        return ""
    rows = []
    # Lowest average first: the groups that need help come to the top.
    for key, g in sorted(groups.items(), key=lambda kv: (kv[1].average, kv[0])):
        top = ", ".join(
            f'<abbr title="{escape(names.get(c, c))}">{escape(c)}</abbr>'
            for c, _ in g.codes.most_common(3)
        )
        rows.append(
            f'<tr data-group="{escape(key)}"><td>{escape(key)}</td>'
            f'<td class="n" data-key="goals">{g.goals}</td>'
            f'<td class="n" data-key="with_findings">{g.with_findings}</td>'
            f'<td class="n score {_band(g.average)}" data-key="average">{g.average:.0f}</td>'
            f"<td>{top}</td></tr>"
        )
    return (
        f'<section id="{section}"><h2>{escape(title)}</h2><table><thead><tr>'
        f"<th>{escape(key_label)}</th><th>{t['goals']}</th><th>{t['with_findings']}</th>"
        f"<th>{t['average']}</th><th>{t['top_codes']}</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></section>"
    )


def _weakest(goals: list[GoalResult], t: dict[str, str]) -> str:
    if not goals:
        return f'<section id="weakest"><h2>{t["weakest"]}</h2><p>{t["none"]}</p></section>'
    rows = []
    for g in goals:
        who = " · ".join(escape(x) for x in (g.owner, g.team) if x)
        fixes = "".join(
            f'<li lang="{escape(f.lang)}"><b>{escape(f.code)}</b> {escape(f.message)}</li>'
            for f in g.findings
        )
        rewrite = (
            f'<div class="rewrite" lang="{escape(g.lang)}">{t["rewrite"]}: '
            f"{escape(g.rewrite)}</div>"
            if g.rewrite
            else ""
        )
        rows.append(
            f'<tr data-row="{g.row}"><td class="n">{g.row}</td>'
            f'<td class="goal" lang="{escape(g.lang)}">{escape(g.text)}{rewrite}</td>'
            f"<td>{who}</td>"
            f'<td class="n score {_band(g.score)}" data-key="score">{g.score}</td>'
            f'<td><ul class="fix">{fixes}</ul></td></tr>'
        )
    return (
        f'<section id="weakest"><h2>{t["weakest"]}</h2><table><thead><tr>'
        f"<th>{t['row']}</th><th>{t['goal']}</th><th>{t['owner']}</th>"
        f"<th>{t['score']}</th><th>{t['fix']}</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></section>"
    )


def render_report(
    summary: ScanSummary,
    stats: ScanStats | None = None,
    *,
    lang: str | None = None,
    checked_on: date | None = None,
) -> str:
    """The report as one HTML document (a str; write it as UTF-8)."""
    lang = lang if lang in _LABELS else summary.lang
    t = {k: escape(v) for k, v in _LABELS[lang].items()}
    card = '<div class="card"><span class="num" data-key="{key}">{value}</span>{label}</div>'
    cards: list[tuple[str, Any, str]] = [
        ("goals", summary.goals, t["goals"]),
        ("with_findings", summary.with_findings, t["with_findings"]),
        ("clean", summary.goals - summary.with_findings, t["clean"]),
        ("average", f"{summary.average:.0f}", t["average"]),
        ("errors", summary.severities["error"], t["errors"]),
        ("warnings", summary.severities["warning"], t["warnings"]),
        ("infos", summary.severities["info"], t["infos"]),
    ]
    if stats is not None:
        cards.append(("skipped", stats.skipped_empty, t["skipped"]))
    meta = []
    if stats is not None and stats.source:
        where = escape(stats.source)
        if stats.sheet:
            where += f" ({t['sheet']} {escape(stats.sheet)})"
        meta.append(f"{t['source']}: {where}")
    if checked_on is not None:
        meta.append(f"{t['generated']}: {checked_on.isoformat()}")
    dim_rows = "".join(
        f'<tr data-dim="{LETTER[d]}"><td>{LETTER[d]} · {t[LETTER[d]]}</td>'
        f'<td class="n" data-key="passed">{summary.passed(d)}</td>'
        f'<td class="n" data-key="rate">{_pct(summary.pass_rate(d))}</td></tr>'
        for d in SMART_DIMENSIONS
    )
    code_rows = "".join(
        f'<tr data-code="{escape(c)}"><td>{escape(c)}</td>'
        f"<td>{escape(summary.code_names.get(c, ''))}</td>"
        f'<td class="n" data-key="count">{n}</td></tr>'
        for c, n in summary.codes.most_common()
    )
    html_lang = "zh-CN" if lang == "zh" else "en"
    body = [
        f'<h1>{t["title"]}</h1><p class="meta">{" · ".join(meta)}</p>',
        f'<section id="totals"><h2>{t["totals"]}</h2><div class="cards">'
        + "".join(card.format(key=k, value=escape(str(v)), label=lbl) for k, v, lbl in cards)
        + f'</div><p class="note">{t["score_note"]}</p></section>',
        f'<section id="dimensions"><h2>{t["dimensions"]}</h2>{_chart(summary, t)}'
        f"<table class=\"dims\"><thead><tr><th>{t['dimension']}</th><th>{t['passed']}</th>"
        f"<th>{t['pass_rate']}</th></tr></thead><tbody>{dim_rows}</tbody></table></section>",
        _group_table(_LABELS[lang]["teams"], _LABELS[lang]["team"], summary.teams, t, "teams",
                     summary.code_names),
        _group_table(_LABELS[lang]["owners"], _LABELS[lang]["owner"], summary.owners, t,
                     "owners", summary.code_names),
        _weakest(summary.weakest(), t),
    ]
    if code_rows:
        body.append(
            f'<section id="codes"><h2>{t["codes"]}</h2><table><thead><tr>'
            f"<th>{t['code']}</th><th>{t['name']}</th><th>{t['count']}</th></tr></thead>"
            f"<tbody>{code_rows}</tbody></table></section>"
        )
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{t['title']}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(b for b in body if b)
        + "\n</body>\n</html>\n"
    )
