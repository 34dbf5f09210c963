"""The action of an English goal: its main verb, direction, metric, baseline and target.

No tagger runs here (the pipeline is spaCy's blank English), so the analysis reads words
with a verb lexicon of its own (`data/en/verbs.txt`, inflections generated) and a few
positional cues: goals are mostly imperative ("Reduce churn …"), sometimes have a subject
("Churn drops to 2%", "We will …") and sometimes no verb at all ("NPS ≥ 50",
"1,200 MAU by Q3", "Customer satisfaction up 5 points").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc

from smartlint.lang.base import GoalAnalysis, TimeMention, doc_text
from smartlint.lexicon import shipped
from smartlint.model import Direction, Quantity, QuantityKind, Span, TimeKind

# Words: letters with inner hyphens/apostrophes ("best-in-class", "we'll"), numbers with
# their separators, comparison signs, then any other single character.
_TOKEN = re.compile(
    r"[A-Za-z][A-Za-z0-9]*(?:['’][A-Za-z]+)?(?:-[A-Za-z0-9]+)*"
    r"|\d[\d,.]*(?:-[A-Za-z]+)?"
    r"|[≥≤]|[<>]=?|=+"
    r"|\S"
)

# Unset values a writer left to fill in.
PLACEHOLDER = re.compile(
    r"<[^<>\n]{1,40}>"
    r"|\[[^\[\]\n]{1,40}\]"
    r"|\b(?:TBD|TBC|TBA|tbd)\b"
    r"|[$€£¥]\s?[Xx]{1,3}(?:[.,][Xx]+)?[kKmMbB]?\b"
    r"|(?<![\w.])[XxNnYy]{1,3}\s?%"
    r"|(?<![\w.])(?:X{1,3}|N|Y|Z)(?:,X{3})*(?![\w%])"
    r"|\?{2,}"
)

_LABEL = re.compile(
    r"^\s*(?:[-*•·▪◦]+\s*|\d+[.)]\s+|\(?[a-z]\)\s+)?"
    r"(?:(?:KR|OKR|O|KPI|Objective|Goal|Key\s+result|Target|Aim|Phase|Step|Stage|Workstream|"
    r"Pillar|Wave|Milestone|Track|Theme|Priority|Initiative|Sprint|Epic)"
    r"\s*\d*(?:\.\d+)*\s*[:：.)\-–—]\s*)?",
    re.IGNORECASE,
)

_MODALS = frozenset(
    [
        "will",
        "'ll",
        "’ll",
        "shall",
        "must",
        "should",
        "can",
        "could",
        "would",
        "to",
        "want",
        "aim",
        "plan",
        "intend",
        "need",
        "strive",
        "seek",
        "please",
    ]
)
_SUBJECT_PRONOUNS = frozenset(["we", "i", "you", "they", "he", "she", "it", "team"])
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "our",
        "your",
        "their",
        "its",
        "my",
        "his",
        "her",
        "this",
        "that",
        "these",
        "those",
        "each",
        "every",
        "all",
        "any",
        "some",
    ]
)
# Words that end the noun phrase a verb moves.
_NP_STOP = frozenset(
    [
        "prior",  # "prior to the launch": a time bound follows
        "from",
        "to",
        "by",
        "at",
        "within",
        "in",
        "on",
        "for",
        "over",
        "under",
        "below",
        "above",
        "across",
        "through",
        "via",
        "with",
        "while",
        "without",
        "before",
        "after",
        "during",
        "until",
        "till",
        "so",
        "that",
        "which",
        "who",
        "where",
        "when",
        "than",
        "and",
        "or",
        "but",
        "as",
        "if",
        "because",
        "per",
        "vs",
        "versus",
        "up",
        "down",
        "into",
        "onto",
        "among",
        "between",
        "around",
        "near",
        "compared",
        "relative",
        "against",
        "ahead",
        "year-over-year",
        "yoy",
        "qoq",
        "mom",
        "wow",
        "each",
        "every",
    ]
)
# Words kept inside a metric even though they are prepositions ("number of users",
# "revenue per employee").
_NP_KEEP = frozenset(["of", "per"])
_NP_PUNCT = frozenset(",.;:!?()[]{}\"“”'|/")
_COMPARATORS = {
    "≥": ">=",
    ">=": ">=",
    ">": ">",
    "≤": "<=",
    "<=": "<=",
    "<": "<",
    "=": "=",
    "==": "=",
}
_THRESHOLD_WORDS = {
    ("at", "least"): ">=",
    ("at", "most"): "<=",
    ("no", "more", "than"): "<=",
    ("no", "less", "than"): ">=",
    ("no", "fewer", "than"): ">=",
    ("not", "less", "than"): ">=",
    ("more", "than"): ">",
    ("less", "than"): "<",
    ("fewer", "than"): "<",
    ("greater", "than"): ">",
    ("higher", "than"): ">",
    ("lower", "than"): "<",
    ("over",): ">",
    ("under",): "<",
    ("above",): ">",
    ("below",): "<",
    ("exceeding",): ">",
    ("minimum", "of"): ">=",
    ("maximum", "of"): "<=",
    ("up", "to"): "<=",
}
#: How much of a goal's text the analysis reads (rule S100 reports longer ones).
ANALYSIS_LIMIT = 2000
_DATE_KINDS = frozenset({TimeKind.DEADLINE, TimeKind.PERIOD, TimeKind.REFERENCE})
_VERBLESS_DIRECTION = {"up": Direction.INCREASE, "down": Direction.DECREASE}


@dataclass(frozen=True, slots=True)
class VerbEntry:
    lemma: str
    direction: Direction | None
    particle: str | None  # the second word of a phrasal verb ("out" in "roll out")


def _inflections(lemma: str) -> set[str]:
    """Regular -s, -ed and -ing forms of an English verb."""
    forms = {lemma}
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.update({lemma + "d", lemma[:-1] + "ing"})
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.update({lemma[:-1] + "ied", lemma + "ing"})
    elif (
        len(lemma) <= 4
        and re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", lemma)
        and not lemma.endswith(("w", "x", "y"))
    ):
        # consonant-vowel-consonant monosyllables double their last letter (drop, plan)
        forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    else:
        forms.update({lemma + "ed", lemma + "ing"})
    return forms


def _load_verbs() -> dict[str, list[VerbEntry]]:
    directions = {d.value: d for d in Direction}
    # one entry per lemma: a line may repeat a verb to add irregular forms or a direction
    merged: dict[str, tuple[Direction | None, set[str]]] = {}
    for line in sorted(shipped("en", "verbs")):
        head, _, irregular = line.partition(":")
        words = head.split()
        direction = None
        if words and words[-1] in directions:
            direction = directions[words.pop()]
        if not words:
            continue
        lemma = " ".join(words)
        old_direction, forms = merged.get(lemma, (None, set()))
        merged[lemma] = (old_direction or direction, forms | set(irregular.split()))
    table: dict[str, list[VerbEntry]] = {}
    for lemma, (direction, extra_forms) in merged.items():
        words = lemma.split()
        entry = VerbEntry(lemma, direction, words[1] if len(words) > 1 else None)
        for form in _inflections(words[0]) | extra_forms:
            table.setdefault(form, []).append(entry)
    # phrasal entries first, so "roll out" is tried before a plain "roll"; then directed ones
    for bucket in table.values():
        bucket.sort(key=lambda e: (e.particle is None, e.direction is None, e.lemma))
    return table


_VERBS = _load_verbs()


def verb_lemma(word: str) -> str | None:
    """The lemma of a (lower-case) verb form from the verb lexicon: "cutting" → "cut"."""
    entries = _VERBS.get(word)
    if not entries:
        return None
    return next((e.lemma for e in entries if e.particle is None), entries[0].lemma)


@functools.lru_cache(maxsize=1024)
def ing_form(lemma: str) -> str:
    """The -ing form of a verb lemma ("launch" → "launching", "roll out" → "rolling out")."""
    first, _, rest = lemma.partition(" ")
    forms = {
        f
        for f, entries in _VERBS.items()
        if f.endswith("ing") and any(e.lemma == lemma for e in entries)
    }
    if forms:
        form = min(forms, key=len)
    elif first.endswith("ie"):
        form = first[:-2] + "ying"
    elif first.endswith("e") and not first.endswith("ee"):
        form = first[:-1] + "ing"
    else:
        form = first + "ing"
    return f"{form} {rest}" if rest else form


# Inflected forms that show a finite verb after a subject ("churn drops", "revenue grew").
_FINITE_SUFFIXES = ("s", "ed")


class Token(NamedTuple):
    # A NamedTuple, not a frozen dataclass: a goal has ~13 tokens and building them as
    # frozen dataclasses cost ~30 µs a goal against ~16 µs as tuples (measured).
    start: int
    end: int
    text: str
    lower: str


_new_token = tuple.__new__


@functools.lru_cache(maxsize=512)
def tokenize(text: str) -> tuple[Token, ...]:
    """Words, numbers and signs with their offsets (the goal analysis' own tokens).

    Cached: the analysis and the rules read the same goal one after the other.
    """
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        start, end = m.span()
        out.append(_new_token(Token, (start, end, word, word.lower())))
    return tuple(out)


def forms_of(lemmas: Iterable[str]) -> frozenset[str]:
    """Every form of the given verb lemmas that the verb lexicon knows."""
    wanted = set(lemmas)
    return frozenset(f for f, entries in _VERBS.items() if any(e.lemma in wanted for e in entries))


def _lookup(tokens: Sequence[Token], i: int) -> tuple[VerbEntry, int] | None:
    """The verb reading of tokens[i] (and how many tokens it covers), if any."""
    entries = _VERBS.get(tokens[i].lower)
    if not entries:
        return None
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else None
    for entry in entries:
        if entry.particle is None:
            return entry, 1
        if entry.particle == nxt:
            return entry, 2
    return None


# Heads that make a preceding verb-like word a noun: "Market share", "Test coverage".
_METRIC_HEADS = frozenset(
    [
        "share",
        "score",
        "rate",
        "coverage",
        "attainment",
        "cost",
        "costs",
        "time",
        "value",
        "size",
        "growth",
        "revenue",
        "level",
        "ratio",
        "index",
        "count",
        "volume",
        "quality",
        "adoption",
        "usage",
        "rating",
        "ranking",
        "margin",
        "hours",
        "budget",
        "velocity",
        "frequency",
        "speed",
        "latency",
        "throughput",
        "duration",
    ]
)


# Verbs that often stand first in a goal as the first half of a noun compound.
_NOUNISH_VERBS = frozenset(
    [
        "test",
        "market",
        "record",
        "plan",
        "design",
        "review",
        "report",
        "audit",
        "survey",
        "pilot",
        "study",
        "benchmark",
        "map",
        "document",
        "release",
        "update",
        "upgrade",
        "support",
        "research",
        "process",
        "schedule",
        "budget",
        "forecast",
        "staff",
        "fund",
        "source",
        "feature",
        "list",
        "post",
        "email",
        "call",
        "ship",
        "host",
        "train",
        "lead",
        "build",
        "deploy",
        "change",
        "cycle",
        "return",
        "search",
        "load",
        "response",
        "run",
        "file",
        "port",
        "archive",
    ]
)


def _noun_reading(tokens: Sequence[Token], i: int, entry: VerbEntry) -> bool:
    """Whether what follows a first word makes it a noun ("Test coverage at 80%")."""
    if i >= len(tokens):
        return True
    nxt = tokens[i]
    if nxt.lower == "at" and i + 1 < len(tokens) and tokens[i + 1].lower in ("least", "most"):
        return False  # "Hire at least 5 engineers"
    first_nounish = tokens[i - 1].lower in _NOUNISH_VERBS
    tail = tokens[i : i + 3]
    return (
        (first_nounish and nxt.lower in _METRIC_HEADS)
        # a bare metric name: "Lead velocity rate", "Release cycle time"
        or (
            first_nounish
            and i + len(tail) == len(tokens)
            and tail[-1].lower in _METRIC_HEADS
            and all(t.text.isalpha() and t.lower not in _DETERMINERS for t in tail)
        )
        or nxt.text in _COMPARATORS
        or nxt.lower in ("up", "down", "is", "are", "at", "below", "above", "under", "over")
    )


# Words that open a phrase put before the main clause ("In the next 90 days, …").
FRONTED = frozenset(
    [
        "in",
        "by",
        "within",
        "over",
        "during",
        "before",
        "after",
        "for",
        "across",
        "this",
        "next",
        "from",
        "starting",
        "until",
        "through",
        "throughout",
        "at",
        "on",
    ]
)


def _find_verb(
    tokens: Sequence[Token], body_start: int, quantities: Sequence[Quantity]
) -> tuple[int, VerbEntry, int] | None:
    """The main verb: the first verb in a verbal position of the first clause."""
    first = next((i for i, t in enumerate(tokens) if t.start >= body_start), None)
    if first is None:
        return None
    for i in range(first, len(tokens)):
        tok = tokens[i]
        hit = _lookup(tokens, i)
        if hit is None:
            continue
        entry, width = hit
        prev = tokens[i - 1].lower if i > first else None
        if i == first or (
            # after a fronted phrase: "In the next 90 days, make …", "By Q3, launch …"
            prev is not None and prev.endswith(",") and tokens[first].lower in FRONTED
        ):
            if not _noun_reading(tokens, i + width, entry):
                return i, entry, width
            continue
        if prev in _MODALS or prev in _SUBJECT_PRONOUNS:
            return i, entry, width
        if (
            tok.lower != entry.lemma.split()[0]
            and tok.lower.endswith(_FINITE_SUFFIXES)
            and prev not in _DETERMINERS
        ):
            # "Churn drops to 2%", "Revenue grew": an inflected verb after its subject,
            # unless a determiner makes it a noun ("the increases")
            return i, entry, width
        if tok.lower in ("is", "are", "was", "were", "be"):
            return i, entry, width
    return None


def _quantity_at(quantities: Sequence[Quantity], start: int, end: int) -> Quantity | None:
    for q in quantities:
        if q.start < end and start < q.end:
            return q
    return None


def _noun_phrase(
    tokens: Sequence[Token],
    i: int,
    quantities: Sequence[Quantity],
    times: Sequence[TimeMention],
    placeholders: Sequence[Span],
    subject: bool = False,
) -> tuple[int, int] | None:
    """Token index range [i, j) of the noun phrase starting at tokens[i].

    A subject ends at its finite verb ("Churn drops"); an object does not ("blog posts").
    """

    # spans read once; a plain loop instead of two generator expressions a token
    spans = [(t.start, t.end) for t in times] + [(p.start, p.end) for p in placeholders]

    def blocked(tok: Token) -> bool:
        start, end = tok.start, tok.end
        for a, b in spans:  # noqa: SIM110 - a plain loop: any() with a generator costs more here
            if a < end and start < b:
                return True
        return False

    n = len(tokens)
    while i < n and tokens[i].lower in _DETERMINERS:
        i += 1
    j = i
    while j < n:
        tok = tokens[j]
        if tok.text in _NP_PUNCT or tok.text in _COMPARATORS or blocked(tok):
            break
        if _quantity_at(quantities, tok.start, tok.end) is not None:
            break
        if tok.lower in _NP_STOP and tok.lower not in _NP_KEEP:
            # "time to first response": "to" followed by words stays in the metric
            if tok.lower == "to" and j + 1 < n and tokens[j + 1].text[:1].isalpha():
                nxt = tokens[j + 1]
                if (
                    _lookup(tokens, j + 1) is None
                    and not blocked(nxt)
                    and _quantity_at(quantities, nxt.start, nxt.end) is None
                    and nxt.lower not in _NP_STOP
                    and nxt.lower not in _DETERMINERS
                ):
                    j += 1
                    continue
            break
        if subject and j > i and _lookup(tokens, j) is not None:
            break
        j += 1
    # a trailing "of"/"per" belongs to what follows, not to the metric
    while j > i and tokens[j - 1].lower in _NP_KEEP:
        j -= 1
    return (i, j) if j > i else None


def _preceding_words(tokens: Sequence[Token], start: int, k: int = 3) -> tuple[str, ...]:
    """The lower-case words of the `k` tokens that end at or before `start`."""
    lo, hi = 0, len(tokens)
    while lo < hi:  # first token ending after `start` (tokens are in text order)
        mid = (lo + hi) // 2
        if tokens[mid].end <= start:
            lo = mid + 1
        else:
            hi = mid
    return tuple(t.lower for t in tokens[max(0, lo - k) : lo])


def _comparator(tokens: Sequence[Token], q: Quantity) -> str | None:
    if q.comparator:
        return q.comparator
    prev = _preceding_words(tokens, q.start, 3)
    if prev and prev[-1] in _COMPARATORS:
        return _COMPARATORS[prev[-1]]
    for words, comp in _THRESHOLD_WORDS.items():
        if prev[-len(words) :] == words:
            return comp
    if q.text.rstrip().endswith("+"):
        return ">="
    return None


def analyse(doc: Doc, quantities: Sequence[Quantity], times: Sequence[TimeMention]) -> GoalAnalysis:
    # Goals are short; a long text is read up to a limit so time stays bounded.
    text = doc_text(doc)[:ANALYSIS_LIMIT]
    quantities = [q for q in quantities if q.end <= ANALYSIS_LIMIT]
    times = [t for t in times if t.end <= ANALYSIS_LIMIT]
    placeholders = tuple(Span(m.start(), m.end(), m.group(0)) for m in PLACEHOLDER.finditer(text))
    tokens = tokenize(text)
    if not tokens:
        return GoalAnalysis(placeholders=placeholders)
    bounding = [t for t in times if t.bounding]
    # Quantities inside a time expression ("within 4 months", "2027") are not values.
    values = [
        q
        for q in quantities
        if not any(
            t.start <= q.start and q.end <= t.end and (t.bounding or t.kind in _DATE_KINDS)
            for t in times
        )
        and not any(p.start <= q.start < p.end for p in placeholders)
    ]
    body_start = _LABEL.match(text).end()  # type: ignore[union-attr]

    verb_span = lemma = None
    direction: Direction | None = None
    metric: tuple[int, int] | None = None
    found = _find_verb(tokens, body_start, values)
    if found is not None:
        vi, entry, width = found
        verb_span = Span(
            tokens[vi].start,
            tokens[vi + width - 1].end,
            text[tokens[vi].start : tokens[vi + width - 1].end],
        )
        lemma, direction = entry.lemma, entry.direction
        after = vi + width
        # "Reach 1,200 MAU", "Hire 5 AEs": the metric follows the quantity
        if after < len(tokens):
            q = _quantity_at(values, tokens[after].start, tokens[after].end)
            if q is not None:
                k = after
                while k < len(tokens) and tokens[k].start < q.end:
                    k += 1
                if k < len(tokens) and tokens[k].lower == "of":  # "92% of customers"
                    k += 1
                after = k
        metric = _noun_phrase(tokens, after, values, bounding, placeholders)
        if metric is None and vi > 0 and tokens[vi].lower.endswith(_FINITE_SUFFIXES):
            # intransitive with a subject: "Churn drops to 2%"
            subj = _noun_phrase(
                tokens, _first_body(tokens, body_start), values, bounding, placeholders, True
            )
            if subj is not None and subj[1] <= vi:
                metric = subj
    else:
        # Verbless goals: "NPS ≥ 50", "Customer satisfaction up 5 points", "1,200 MAU by Q3"
        fi = _first_body(tokens, body_start)
        q0 = _quantity_at(values, tokens[fi].start, tokens[fi].end) if fi < len(tokens) else None
        if q0 is not None:
            k = fi
            while k < len(tokens) and tokens[k].start < q0.end:
                k += 1
            metric = _noun_phrase(tokens, k, values, bounding, placeholders)
            direction = Direction.REACH
        else:
            metric = _noun_phrase(tokens, fi, values, bounding, placeholders)
            if metric is not None and metric[1] < len(tokens):
                nxt = tokens[metric[1]].lower
                if nxt in _VERBLESS_DIRECTION:
                    direction = _VERBLESS_DIRECTION[nxt]
                elif (
                    nxt in _COMPARATORS
                    or nxt in ("at", "of", "to")
                    or any(
                        _comparator(tokens, q) for q in values if q.start >= tokens[metric[1]].start
                    )
                ):
                    direction = Direction.REACH

    metric_span = None
    if metric is not None:
        a, b = tokens[metric[0]].start, tokens[metric[1] - 1].end
        metric_span = Span(a, b, text[a:b])

    baseline = target = change = None
    metric_end = metric_span.end if metric_span else (verb_span.end if verb_span else 0)
    verb_end = verb_span.end if verb_span else -1
    for q in values:
        prev = _preceding_words(tokens, q.start, 2)
        last = prev[-1] if prev else None
        right_after_verb = verb_span is not None and not text[verb_end : q.start].strip()
        if last == "from":
            baseline = baseline or q
        elif last == "by" or q.kind is QuantityKind.MULTIPLIER or last in _VERBLESS_DIRECTION:
            change = change or q
        elif (
            last in ("to", "at", "of")
            or _comparator(tokens, q)
            or (right_after_verb and direction in (Direction.REACH, Direction.KEEP, None))
        ):
            target = target or q
        elif right_after_verb or (
            direction in (Direction.INCREASE, Direction.DECREASE) and q.start >= metric_end
        ):
            change = change or q
        elif q.start >= metric_end or q.end <= verb_end or verb_span is None:
            target = target or q
    return GoalAnalysis(
        verb=verb_span,
        verb_lemma=lemma,
        direction=direction,
        metric=metric_span,
        baseline=baseline,
        target=target,
        change=change,
        placeholders=placeholders,
    )


def _first_body(tokens: Sequence[Token], body_start: int) -> int:
    """Index of the first token after the label and a leading subject pronoun phrase."""
    for i, t in enumerate(tokens):
        if t.start >= body_start:
            return i
    return len(tokens)
