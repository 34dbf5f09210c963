from __future__ import annotations

from datetime import date

import pytest

import smartlint
from smartlint.errors import SmartlintError
from smartlint.langdetect import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Increase ARR to $3M by Q3", "en"),
        ("将客户流失率降低2%", "zh"),
        ("将NPS提高到50", "zh"),
        ("Q3 ARR 达到300万元", "zh"),
        ("Launch the 客户 portal for enterprise partners in EMEA", "en"),
        ("", "en"),
    ],
)
def test_language_detection(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_parse_offsets_survive_surrounding_whitespace() -> None:
    plain = smartlint.parse("Grow revenue 10% by 2027", lang="en", reference_date=date(2027, 1, 1))
    padded = smartlint.parse(
        "  \tGrow revenue 10% by 2027\n", lang="en", reference_date=date(2027, 1, 1)
    )
    assert padded.text.startswith("  \t")
    assert len(plain.quantities) == len(padded.quantities)
    for q in padded.quantities:
        assert padded.text[q.start : q.end] == q.text
    for t in padded.timeframes:
        assert padded.text[t.start : t.end] == t.text


def test_lint_findings_are_the_same_with_surrounding_whitespace() -> None:
    a = smartlint.lint("Improve customer satisfaction")
    b = smartlint.lint("   Improve customer satisfaction  ")
    assert a.codes == b.codes


def test_unknown_language_is_refused() -> None:
    with pytest.raises(SmartlintError, match="unsupported language 'fr'"):
        smartlint.lint("Améliorer la satisfaction", lang="fr")


def test_parse_refuses_non_text() -> None:
    with pytest.raises(TypeError):
        smartlint.parse(b"bytes")  # type: ignore[arg-type]


def test_config_select_limits_the_rules() -> None:
    only_t = smartlint.Config(select=("T",))
    codes = smartlint.lint("Improve customer satisfaction", config=only_t).codes
    assert codes and all(c.startswith("T") for c in codes)
