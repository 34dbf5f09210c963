"""Write examples/goals.csv and examples/goals.xlsx: a small, realistic OKR export.

    python scripts/make_example_workbook.py

The rows are fixed, so the files always hold the same data: objective rows each followed
by their key-result rows, in English and Chinese, with owners, teams, quarters and due
dates, some good goals and some that need work. The workbook starts with a "Read me" sheet,
as many exports do, to show that the scan finds the goal sheet by itself.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

HEADER = ["ID", "Type", "Goal", "Owner", "Team", "Quarter", "Due date"]
OBJ, KR = "Objective", "Key Result"
ZO, ZKR = "目标", "关键结果"

ROWS: list[list[object]] = [
    ["O1", OBJ, "Grow revenue in the enterprise segment", "Maria Lopez", "Enterprise Sales",
     "2027-Q2", None],
    ["KR1.1", KR, "Increase enterprise ARR from $4.2M to $5M by 2027-06-30", None, None, None,
     "2027-06-30"],
    ["KR1.2", KR, "Sign 6 new logos with more than 1,000 employees", None, None, None, None],
    ["KR1.3", KR, "Improve win rate against competitors", None, None, None, None],
    ["KR1.4", KR, "Hold weekly pipeline reviews", "Dev Patel", None, None, None],
    ["O2", OBJ, "Make onboarding world-class", "James Park", "Customer Success", "2027-Q2", None],
    ["KR2.1", KR, "Cut time to first value from 21 days to 10 days by June 30, 2027", None, None,
     None, "2027-06-30"],
    ["KR2.2", KR, "Raise onboarding CSAT to 4.6 out of 5", None, None, None, None],
    ["KR2.3", KR, "Write a new onboarding playbook", None, None, None, None],
    [None, None, None, None, None, None, None],
    ["O3", OBJ, "Build a stronger partner channel", "Aisha Khan", "Partnerships", "2027 H1", None],
    ["KR3.1", KR, "Launch the partner portal", None, None, None, None],
    ["KR3.2", KR, "Grow partner-sourced pipeline by 30% compared with 2026", None, None, None,
     None],
    ["KR3.3", KR, "Enable more partners ASAP", None, None, None, None],
    ["O4", ZO, "提升华东区销售业绩", "王芳", "华东销售部", "2027年第二季度", None],
    ["KR4.1", ZKR, "华东区季度销售额从1200万元提升到1500万元", None, None, None, "2027-06-30"],
    ["KR4.2", ZKR, "新签约客户数达到40家", None, None, None, None],
    ["KR4.3", ZKR, "加强团队协作", "赵磊", None, None, None],
    ["KR4.4", ZKR, "组织3场客户培训", None, None, None, None],
    ["O5", ZO, "提高客户续约率", "李强", "客户成功部", "2027年第二季度", None],
    ["KR5.1", ZKR, "在2027年6月30日前将续约率从85%提高到92%", None, None, None, None],
    ["KR5.2", ZKR, "尽快完善客户健康度评分体系", None, None, None, None],
    ["KR5.3", ZKR, "将客户投诉处理时长缩短到24小时以内", None, None, None, "2027-05-31"],
    ["O6", OBJ, "Keep churn low", "Tom Becker", "Customer Success", "2027-Q2", None],
    ["KR6.1", KR, "Reduce monthly logo churn from 2.1% to 1.5% by end of Q2 2027", None, None,
     None, None],
    ["KR6.2", KR, "Contact every at-risk account within 5 days of a health-score drop", None,
     None, None, None],
]


def write_csv(path: Path) -> None:
    # UTF-8 with a BOM, as Excel's "CSV UTF-8" writes it.
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for row in ROWS:
            writer.writerow(["" if v is None else v for v in row])


def write_xlsx(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    readme = wb.active
    readme.title = "Read me"
    readme.append(["Q2 2027 OKRs, exported from the planning tool."])
    readme.append(["One objective row, then its key results. Due dates are optional."])
    ws = wb.create_sheet("OKRs")
    ws.append(HEADER)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in ROWS:
        values = list(row)
        if values[6]:  # real date cells, as a spreadsheet holds them
            values[6] = datetime.strptime(str(values[6]), "%Y-%m-%d")
        ws.append(values)
    for letter, width in zip("ABCDEFG", (8, 12, 64, 14, 18, 16, 12), strict=True):
        ws.column_dimensions[letter].width = width
    # Fixed document dates, so the workbook's content does not change from run to run.
    wb.properties.created = wb.properties.modified = datetime(2027, 1, 4, 9, 0)
    wb.save(path)


def main() -> None:
    EXAMPLES.mkdir(exist_ok=True)
    write_csv(EXAMPLES / "goals.csv")
    write_xlsx(EXAMPLES / "goals.xlsx")
    print(f"wrote {EXAMPLES / 'goals.csv'} and {EXAMPLES / 'goals.xlsx'}")


if __name__ == "__main__":
    main()
