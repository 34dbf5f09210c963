"""Language-specific parsing: one subpackage per language with the same three modules.

- `quantities.extract(doc) -> list[Quantity]`
- `timeframes.extract(doc) -> list[TimeMention]`; `TimeMention.resolve(...)` gives a TimeFrame
- `goal.analyse(doc, quantities, timeframes) -> GoalAnalysis`
"""
