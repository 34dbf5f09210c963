"""Checking goal files: find them, read them, lint each goal in its context, run the
document rules, follow parents across files and apply inline suppressions.

Parent references (`parent: company/2027-q1.md#grow-revenue`):

- `#id` points into the same document; `path#id` into another file; `path` alone names
  a whole document.
- A path that starts with `./` or `../` is relative to the referring file. Any other
  path is relative to the repository root — the nearest folder above the file holding
  `.git`, else the folder of the config file, else the working directory — and, failing
  that, to the referring file. A leading `/` also means the repository root.
- Files named by parents are read even when they were not passed on the command line,
  so pre-commit can pass only the changed files.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

from smartlint.config import Config
from smartlint.documents import read_document, read_goal_lines
from smartlint.documents._text import display_path
from smartlint.documents.model import (
    KEY_RESULT,
    OBJECTIVE,
    GoalDocument,
    GoalItem,
    Position,
    Positions,
)
from smartlint.documents.period import parse_period
from smartlint.documents.rules import DocumentContext, DocumentRule, Resolution
from smartlint.errors import InputError, SmartlintError
from smartlint.langdetect import detect_language
from smartlint.model import Context, Period
from smartlint.output import FileError, LocatedFinding, Report

UNUSED_SUPPRESSION = "O100"
#: Folders never searched when walking a directory.
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})
_LANG_NAMES = {"en": "en", "english": "en", "zh": "zh", "zh-cn": "zh", "zh-hans": "zh",
               "chinese": "zh", "中文": "zh"}


# -- globs ------------------------------------------------------------------------------


def glob_to_regex(pattern: str) -> re.Pattern[str]:
    """A regex for a path glob: `**` spans folders, `*` and `?` stay within one."""
    out: list[str] = []
    i = 0
    pattern = pattern.replace("\\", "/").lstrip("./") if pattern.startswith("./") else pattern
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif ch == "*":
            out.append("[^/]*")
            i += 1
        elif ch == "?":
            out.append("[^/]")
            i += 1
        elif ch == "[":
            j = pattern.find("]", i + 1)
            if j == -1:
                out.append(re.escape(ch))
                i += 1
            else:
                body = pattern[i + 1 : j].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = j + 1
        else:
            out.append(re.escape(ch))
            i += 1
    return re.compile("".join(out) + r"\Z")


class PathFilter:
    """The config's include/exclude globs, matched against paths relative to a folder."""

    def __init__(self, include: Sequence[str], exclude: Sequence[str]) -> None:
        self.include = [glob_to_regex(p) for p in include]
        self.exclude = [glob_to_regex(p) for p in exclude]

    def excluded(self, rel: str) -> bool:
        parts = rel.split("/")
        # "drafts/**" or "drafts" excludes the folder wherever the walk starts.
        candidates = {rel, *("/".join(parts[i:]) for i in range(1, len(parts)))}
        return any(p.match(c) for p in self.exclude for c in candidates)

    def included(self, rel: str) -> bool:
        return any(p.match(rel) for p in self.include) and not self.excluded(rel)


def discover(
    paths: Sequence[str], config: Config
) -> tuple[list[tuple[Path, str]], list[FileError]]:
    """The files to check: (path, display name), and errors for paths that do not exist.

    Files named directly are checked unless `exclude` matches them; folders are walked
    and their files kept when `include` matches and `exclude` does not (hidden folders,
    node_modules and the like are skipped).
    """
    filt = PathFilter(config.include, config.exclude)
    base = _glob_base(config)
    files: list[tuple[Path, str]] = []
    errors: list[FileError] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.absolute()
        if key not in seen:
            seen.add(key)
            files.append((path, display_path(path.absolute()) if path.is_absolute() else
                          path.as_posix()))

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path, filt, base):
                add(file)
        elif path.exists() or path.is_symlink():
            if not any(filt.excluded(rel) for rel in _relatives(path, path.parent, base)):
                add(path)
        else:
            errors.append(FileError(raw, f"{raw}: no such file or directory"))
    return files, errors


def _glob_base(config: Config) -> Path:
    """Globs are written relative to the config file's folder (else the working directory)."""
    if config.source and Path(config.source).is_file():
        return Path(config.source).absolute().parent
    return Path.cwd()


def _relatives(file: Path, root: Path, base: Path) -> list[str]:
    """`file` relative to the config folder (when below it) and to the searched folder."""
    out: list[str] = []
    absolute = file.absolute()
    for folder in (base, root.absolute()):
        try:
            out.append(absolute.relative_to(folder).as_posix())
        except ValueError:
            continue
    return out or [file.name]


def _walk(root: Path, filt: PathFilter, base: Path) -> Iterator[Path]:
    # followlinks=False: a symlinked folder loop cannot make the walk run forever.
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(names):
            file = Path(folder) / name
            rels = _relatives(file, root, base)
            if any(filt.included(r) for r in rels) and not any(filt.excluded(r) for r in rels):
                yield file


# -- checking ---------------------------------------------------------------------------

#: Goal rule R101 (missing-parent) reads the hierarchy from the context; in a document the
#: structure rules say the same thing more precisely, at the right place.
_COVERED_BY = {"R101": frozenset({"O103", "O104", "O105"})}


def _drop_overlaps(
    located: list[tuple[LocatedFinding, GoalItem | None]],
) -> list[tuple[LocatedFinding, GoalItem | None]]:
    structural: dict[int, set[str]] = {}
    for lf, item in located:
        if item is not None and lf.finding.code.startswith("O"):
            structural.setdefault(id(item), set()).add(lf.finding.code)
    out = []
    for lf, item in located:
        covering = _COVERED_BY.get(lf.finding.code)
        if covering and item is not None and structural.get(id(item), set()) & covering:
            continue
        out.append((lf, item))
    return out



class Checker:
    """Checks goal files with one config; reads each file once, parents included."""

    def __init__(
        self,
        config: Config,
        *,
        lang: str | None = None,
        reference_date: date | None = None,
    ) -> None:
        self.config = config
        self.lang = lang if lang not in (None, "auto") else None
        self.reference_date = reference_date or config.reference_date or date.today()
        self._docs: dict[Path, GoalDocument | InputError | None] = {}
        self._roots: dict[Path, Path] = {}
        self._periods: dict[int, Period | None] = {}
        self.goal_langs: Counter[str] = Counter()  # goals checked, per language

    # -- files ----------------------------------------------------------------------

    def repo_root(self, folder: Path) -> Path:
        folder = folder.absolute()
        cached = self._roots.get(folder)
        if cached is not None:
            return cached
        root: Path | None = None
        for candidate in (folder, *folder.parents):
            if (candidate / ".git").exists():
                root = candidate
                break
        if root is None:
            root = Path(self.config.source).absolute().parent if self.config.source and \
                Path(self.config.source).exists() else Path.cwd()
        self._roots[folder] = root
        return root

    def load(self, path: Path, display: str | None = None) -> GoalDocument | None:
        """The document in `path`, read once; InputError when it cannot be read."""
        key = path.absolute()
        cached = self._docs.get(key, ...)
        if cached is ...:
            try:
                cached = read_document(path, display or display_path(key))
            except InputError as exc:
                cached = exc
            self._docs[key] = cached
        if isinstance(cached, InputError):
            raise cached
        return cached

    def resolve(self, ref: str, doc: GoalDocument) -> Resolution:
        file_part, _, frag = ref.strip().partition("#")
        target: GoalDocument | None = doc
        if file_part:
            if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", file_part):
                return Resolution(ref, problem="file", detail="links to web pages are not followed")
            base = doc.file.parent if doc.file is not None else Path.cwd()
            if file_part.startswith(("./", "../")):
                candidates = [base / file_part]
            else:
                root = self.repo_root(base)
                candidates = [root / file_part.lstrip("/"), base / file_part]
            found = next((c for c in candidates if c.is_file()), None)
            if found is None:
                return Resolution(ref, problem="file", detail=file_part)
            try:
                target = self.load(found)
            except InputError as exc:
                return Resolution(ref, problem="read", detail=str(exc))
            if target is None:
                return Resolution(ref, problem="file", detail=f"{file_part} (not a goal document)")
        if not frag:
            return Resolution(ref, document=target)
        assert target is not None
        item = target.find_id(frag)
        if item is None:
            return Resolution(ref, document=target, problem="id", detail=frag)
        return Resolution(ref, item=item, document=target)

    # -- documents ------------------------------------------------------------------

    def period_of(self, doc: GoalDocument) -> Period | None:
        key = id(doc)
        if key not in self._periods:
            value = doc.meta.get("period")
            self._periods[key] = None if value in (None, "") else parse_period(
                value,
                fiscal_year_start=self.config.fiscal_year_start,
                path=doc.path,
                line=doc.meta_lines.get("period"),
            )
        return self._periods[key]

    def doc_lang(self, doc: GoalDocument) -> str | None:
        """The language every goal is read in, when the user or the document fixes it."""
        if self.lang:
            return self.lang
        declared = doc.meta.get("lang") or doc.meta.get("language")
        if declared:
            lang = _LANG_NAMES.get(str(declared).strip().lower())
            if lang is None:
                raise InputError(f"lang must be en or zh, not {declared!r}", doc.path,
                                 doc.meta_lines.get("lang") or doc.meta_lines.get("language"))
            return lang
        if self.config.language in ("en", "zh"):
            return self.config.language
        return None

    def message_lang(self, doc: GoalDocument) -> str:
        fixed = self.doc_lang(doc)
        if fixed:
            return fixed
        sample = " ".join(i.text for i in doc.items[:50])
        return detect_language(sample) if sample else "en"

    def parent_of(self, item: GoalItem, doc: GoalDocument) -> tuple[str | None, Period | None]:
        """The parent's text and period, for the goal's context."""
        if item.kind == KEY_RESULT and item.parent is not None:
            return item.parent.text, None
        ref = item.parent_ref or (doc.parent_ref if item.kind == OBJECTIVE else None)
        if not ref:
            return None, None
        res = self.resolve(ref, doc)
        if not res.ok:
            return None, None
        period = None
        if res.document is not None and res.document is not doc:
            try:
                period = self.period_of(res.document)
            except InputError:
                period = None
        if res.item is not None:
            return res.item.text, period
        if res.document is not None:
            return res.document.title or ref, period
        return None, period

    def check_document(self, doc: GoalDocument) -> list[LocatedFinding]:
        from smartlint.api import _prime, lint, selected_rules

        period = self.period_of(doc)
        lang = self.doc_lang(doc)
        structured = doc.format != "text"
        located: list[tuple[LocatedFinding, GoalItem | None]] = []
        pairs: list[tuple[GoalItem, Context]] = []
        for item in doc.items:
            parent_text, parent_period = self.parent_of(item, doc) if structured else (None, None)
            context = Context(
                period=period,
                reference_date=self.reference_date,
                parent=parent_text,
                parent_period=parent_period,
                goal_type=item.kind if structured else None,
                owner=item.owner or doc.owner,
                team=doc.team,
            )
            pairs.append((item, context))
        # the document's goals analysed together (~0.85x the time of one by one), each
        # one's language found once
        langs = _prime([(item.text, lang, context) for item, context in pairs], self.config)
        for (item, context), goal_lang in zip(pairs, langs, strict=True):
            try:
                result = lint(item.text, lang=goal_lang, context=context, config=self.config)
            except SmartlintError as exc:
                raise InputError(str(exc), doc.path, item.start.line) from None
            except Exception as exc:  # a bug in a rule must not hide the other files' results
                raise InputError(
                    f"internal error while checking {item.text[:60]!r}: "
                    f"{type(exc).__name__}: {exc} (please report this)",
                    doc.path,
                    item.start.line,
                ) from exc
            self.goal_langs[result.lang] += 1
            for f in result.findings:
                start = item.position_at(f.start)
                end = item.end_position_at(f.end) if f.end > f.start else start
                located.append((LocatedFinding(doc.path, start.line, start.column, end.line,
                                               end.column, f, item.text), item))
        ctx = DocumentContext(config=self.config, lang=self.message_lang(doc),
                              resolver=self.resolve)
        ctx.context = Context(period=period, reference_date=self.reference_date)
        rules = selected_rules(self.config, scope="document")
        if structured:
            at = {(i.start.line, i.start.column): i for i in doc.items}
            by_text = {i.text: i for i in doc.items}
            for rule in rules:
                if not isinstance(rule, DocumentRule) or rule.code == UNUSED_SUPPRESSION:
                    continue
                for lf in rule.check_document(doc, ctx):
                    owner = at.get((lf.line, lf.column))
                    if owner is None and lf.goal is not None:
                        owner = by_text.get(lf.goal)
                    located.append((lf, owner))
        located = _drop_overlaps(located)
        return self._apply_suppressions(doc, located, rules, ctx)

    def _apply_suppressions(
        self,
        doc: GoalDocument,
        located: list[tuple[LocatedFinding, GoalItem | None]],
        rules: Iterable[object],
        ctx: DocumentContext,
    ) -> list[LocatedFinding]:
        if not doc.suppressions:
            return [lf for lf, _ in located]
        used: dict[tuple[Position, str], set[str]] = {}
        codes_of: dict[tuple[Position, str], set[str]] = {}
        for s in doc.suppressions:
            key = (s.position, s.text)
            used.setdefault(key, set())
            codes_of.setdefault(key, set()).update(s.codes)
        kept: list[LocatedFinding] = []
        for lf, item in located:
            lines = set(item.lines) if item is not None else set()
            lines.add(lf.line)
            hit = False
            for s in doc.suppressions:
                if any(s.covers(lf.finding.code, line) for line in lines):
                    used[(s.position, s.text)].add(lf.finding.code.upper())
                    hit = True
            if not hit:
                kept.append(lf)
        reporter = next((r for r in rules if getattr(r, "code", None) == UNUSED_SUPPRESSION),
                        None)
        if isinstance(reporter, DocumentRule):
            from smartlint.registry import load_registry

            registry = load_registry(tuple(self.config.plugins))
            for key, codes in codes_of.items():
                position, text = key
                if not codes:
                    if used[key]:
                        continue
                    unused = ""
                else:
                    stale = sorted(
                        c for c in codes
                        if c not in used[key] and (c not in registry or self.config.is_selected(c))
                    )
                    if not stale:
                        continue
                    unused = ", ".join(stale)
                lf = reporter.finding_at(doc, None, ctx, position=position,
                                         codes=unused or "*")
                kept.append(dataclasses.replace(lf, end_column=position.column + len(text)))
        return kept

    # -- entry points ---------------------------------------------------------------

    def check_file(self, path: Path, display: str) -> tuple[list[LocatedFinding], int] | None:
        """Findings and goal count for one file; None when it is not a goal document."""
        doc = self.load(path, display)
        if doc is None:
            return None
        # It may have been read first as some other file's parent, under another name.
        doc.path = display
        return self.check_document(doc), len(doc.items)

    def check_text(self, text: str, display: str) -> tuple[list[LocatedFinding], int]:
        """A goal list given as text (stdin): one goal a line."""
        doc = read_goal_lines(text, display)
        return self.check_document(doc), len(doc.items)

    def check_goals(self, goals: Sequence[str], display: str = "<goal>") -> tuple[
        list[LocatedFinding], int
    ]:
        """Goals given one by one (`--goal`): the Nth goal is reported on line N."""
        doc = GoalDocument(path=display, format="text")
        for index, goal in enumerate(goals):
            text = goal.strip()
            if not text:
                continue
            lead = len(goal) - len(goal.lstrip())
            doc.items.append(GoalItem(
                text=text, kind=KEY_RESULT,
                positions=Positions.on_line(index + 1, lead + 1, len(text)),
                end=Position(index + 1, lead + 1 + len(text)),
            ))
        return self.check_document(doc), len(doc.items)

    def run(
        self,
        paths: Sequence[str] = (),
        *,
        goals: Sequence[str] = (),
        stdin_text: str | None = None,
    ) -> Report:
        report = Report()
        self.goal_langs = report.langs  # check_document counts each goal's language here

        def guarded(label: str, fn: object) -> None:
            try:
                out = fn()  # type: ignore[operator]
            except InputError as exc:
                report.errors.append(FileError(exc.path or label, str(exc), exc.line))
                return
            if out is None:
                report.skipped.append(label)
                return
            findings, count = out
            report.findings.extend(findings)
            report.goals += count
            report.files += 1

        if goals:
            guarded("<goal>", lambda: self.check_goals(goals))
        if stdin_text is not None:
            guarded("<stdin>", lambda: self.check_text(stdin_text, "<stdin>"))
        files, errors = discover(paths, self.config)
        report.errors.extend(errors)
        for path, display in files:
            guarded(display, lambda p=path, d=display: self.check_file(p, d))
        return report
