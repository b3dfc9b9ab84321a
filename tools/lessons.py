"""Keep the lessons in two languages from one source, and commit them executed.

    python tools/lessons.py sync          # Korean code cells := English ones (new cells too)
    python tools/lessons.py review        # which Korean prose cells need review, with diffs
    python tools/lessons.py review --accept 03:cell-12 [...] | --accept-all
    python tools/lessons.py keyterms      # Key-terms boxes of both languages from the glossary
    python tools/lessons.py execute [--lang en|ko] [NN ...]   # run and store outputs
    python tools/lessons.py check         # everything the tests check, as a report

The English notebooks (``lessons/en``) are the source of the code. A Korean
notebook (``lessons/ko``, same file name) has the same cells in the same order
with the same ids and tags; its code cells are identical, except the one cell
tagged ``language``, which sets the message language (``mlplab.set_language``).
Each Korean prose cell records in its metadata which version of the English
cell it translates (``metadata.mlplab.translates``: a hash of the English
source); when the English changes, ``review`` lists the cell and shows how the
English changed, and ``--accept`` records the review.

The glossary (``lessons/glossary.md``) is the one list of terms: the cells
tagged ``key-terms`` are generated from it, and ``check`` lints the Korean prose
(한글(English) on a term's first use; no renderings from the *avoid* column).
"""

from __future__ import annotations

import argparse
import copy
import difflib
import hashlib
import json
import pathlib
import re
import subprocess
import sys
from dataclasses import dataclass

import nbformat

ROOT = pathlib.Path(__file__).resolve().parent.parent
LESSONS = ROOT / "lessons"
GLOSSARY = LESSONS / "glossary.md"
SOURCE, TARGET = "en", "ko"
LANGUAGES = (SOURCE, TARGET)
HANGUL = re.compile(r"[\uac00-\ud7a3]")
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
LANGUAGE_CELL = 'import mlplab\n\nmlplab.set_language("{lang}")  # {comment}'
LANGUAGE_COMMENTS = {"en": "checker, hints and readouts in English",
                     "ko": "checker, hints and readouts in Korean"}
KEY_TERMS_TITLE = {"en": "Key terms", "ko": "핵심 용어"}


# ------------------------------------------------------------------ notebooks
def notebooks(language):
    return sorted((LESSONS / language).glob("[0-9][0-9]_*.ipynb"))


def read(path):
    return nbformat.read(path, as_version=4)


def write(path, nb):
    nbformat.validate(nb)
    pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))


def tags(cell):
    return list(cell.get("metadata", {}).get("tags", []))


def source_hash(text):
    """A short, stable fingerprint of a cell's source (line endings normalised)."""
    return hashlib.sha1(text.replace("\r\n", "\n").strip().encode()).hexdigest()[:12]


def translation_record(cell):
    return cell.get("metadata", {}).get("mlplab", {}).get("translates")


def set_translation_record(cell, value):
    cell.metadata.setdefault("mlplab", {})["translates"] = value


def language_cell_source(language):
    return LANGUAGE_CELL.format(lang=language, comment=LANGUAGE_COMMENTS[language])


def _rel(path):
    path = pathlib.Path(path)
    try:
        return path.resolve().relative_to(ROOT)
    except ValueError:
        return path


def counterpart(path, language):
    return LESSONS / language / pathlib.Path(path).name


# ------------------------------------------------------------------ glossary
@dataclass(frozen=True)
class Term:
    english: str
    korean: str
    also: tuple
    avoid: tuple
    lessons: tuple

    @property
    def korean_forms(self):
        """Korean spellings that count as the term (canonical first)."""
        return (self.korean,) + self.also

    @property
    def english_forms(self):
        """Accepted English in the parentheses: "bias / intercept" accepts either."""
        forms = []
        for name in self.english.split(" / "):
            forms += [name.strip(), re.sub(r"\s*\(.*?\)", "", name).strip()]
        return tuple(dict.fromkeys(forms))


def _split(cell):
    return tuple(part.strip() for part in cell.split(",") if part.strip())


def load_glossary(path=None):
    """The terms table of ``lessons/glossary.md`` (the first table with an English column)."""
    path = GLOSSARY if path is None else path
    terms, header = [], None
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            if header and terms:
                break
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            if cells and cells[0] == "English":
                header = cells
            continue
        if set(line) <= set("|-: "):
            continue
        english, korean, also, avoid, lessons = (cells + [""] * 5)[:5]
        terms.append(Term(english, korean, _split(also), _split(avoid), _split(lessons)))
    if not terms:
        raise SystemExit(f"{path}: found no terms table (a table whose first column is 'English')")
    return terms


def key_terms_source(number, language, terms=None):
    """The Key-terms box of lesson ``number`` ("04") in ``language``."""
    terms = load_glossary() if terms is None else terms
    chosen = [t for t in terms if number in t.lessons]
    if language == SOURCE:
        lines = [f"- {t.english} — {t.korean}" + (f" (also {', '.join(t.also)})" if t.also else "")
                 for t in chosen]
    else:
        lines = [f"- {t.korean} ({t.english})" + (f" · 같은 뜻: {', '.join(t.also)}" if t.also else "")
                 for t in chosen]
    intro = {"en": "The lesson's terms in English and Korean (all of them in "
                   "[the glossary](../glossary.md)).",
             "ko": "이 레슨의 용어를 한국어와 영어로 정리했습니다(전체 목록은 "
                   "[용어집](../glossary.md))."}[language]
    return "\n".join([f"> **{KEY_TERMS_TITLE[language]}**", ">", f"> {intro}", ">"]
                     + [f"> {line}" for line in lines])


# ------------------------------------------------------------------ sync
def sync(language=TARGET, paths=None, log=print):
    """Make every ``language`` notebook match the English one cell for cell.

    Code cells are copied (source, tags, outputs); the ``language`` cell gets the
    language's call; prose cells keep their translation when the English cell of
    the same id still exists (a new English prose cell is copied in English,
    with no translation record: ``review`` lists it). Returns changed paths.
    """
    changed = []
    for src in paths or notebooks(SOURCE):
        en = read(src)
        dst_path = counterpart(src, language)
        old = read(dst_path) if dst_path.exists() else None
        old_cells = {c.get("id"): c for c in old.cells} if old else {}
        cells = []
        for cell in en.cells:
            mine = old_cells.get(cell.get("id"))
            if cell.cell_type == "markdown":
                if mine is not None and mine.cell_type == "markdown":
                    new = copy.deepcopy(mine)
                    new.metadata["tags"] = tags(cell)
                    if not tags(cell):
                        new.metadata.pop("tags", None)
                else:
                    new = copy.deepcopy(cell)
                    set_translation_record(new, None)
            else:
                new = copy.deepcopy(cell)
                if "language" in tags(cell):
                    new.source = language_cell_source(language)
                if mine is not None and mine.cell_type == "code" and mine.source == new.source:
                    new.outputs, new.execution_count = mine.get("outputs", []), mine.get("execution_count")
            cells.append(new)
        nb = copy.deepcopy(en)
        nb.cells = cells
        if old is not None:
            nb.metadata = copy.deepcopy(old.metadata)
        if old is None or json.dumps(old, sort_keys=True) != json.dumps(nb, sort_keys=True):
            write(dst_path, nb)
            changed.append(dst_path)
            log(f"synced {_rel(dst_path)}")
    return changed


# ------------------------------------------------------------------ parity
def parity_problems(en_path, ko_path):
    """Ways in which the two notebooks differ beyond their prose."""
    en, ko = read(en_path), read(ko_path)
    problems = []
    if len(en.cells) != len(ko.cells):
        problems.append(f"{len(en.cells)} cells in English, {len(ko.cells)} in Korean")
    for i, (a, b) in enumerate(zip(en.cells, ko.cells)):
        where = f"cell {i} ({a.get('id')})"
        if a.get("id") != b.get("id"):
            problems.append(f"{where}: ids differ ({a.get('id')} / {b.get('id')}): cells out of order")
        if a.cell_type != b.cell_type:
            problems.append(f"{where}: {a.cell_type} in English, {b.cell_type} in Korean")
            continue
        if tags(a) != tags(b):
            problems.append(f"{where}: tags {tags(a)} in English, {tags(b)} in Korean")
        if a.cell_type == "code":
            want = language_cell_source(TARGET) if "language" in tags(a) else a.source
            if "language" in tags(a) and a.source != language_cell_source(SOURCE):
                problems.append(f"{where}: the English language cell must be "
                                f"{language_cell_source(SOURCE)!r}")
            if b.source != want:
                problems.append(f"{where}: the code differs from the English cell")
    return problems


def stale_translations(en_path, ko_path):
    """[(index, id, reason)] of Korean prose cells whose record does not match the English."""
    en, ko = read(en_path), read(ko_path)
    stale = []
    for i, (a, b) in enumerate(zip(en.cells, ko.cells)):
        if a.cell_type != "markdown" or b.cell_type != "markdown" or "key-terms" in tags(a):
            continue
        record = translation_record(b)
        if record is None:
            stale.append((i, a.get("id"), "not translated yet"))
        elif record != source_hash(a.source):
            stale.append((i, a.get("id"), "the English changed since it was translated"))
    return stale


def _old_english(en_path, cell_id, record):
    """The English text whose hash is ``record``, found in the English notebook's history."""
    rel = _rel(en_path)
    if rel.is_absolute():  # not in this repository: no history to search
        return None
    try:
        commits = subprocess.run(["git", "log", "--format=%H", "--", str(rel)], cwd=ROOT,
                                 capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return None
    for commit in commits[:200]:
        shown = subprocess.run(["git", "show", f"{commit}:{rel}"], cwd=ROOT,
                               capture_output=True, text=True)
        if shown.returncode:
            continue
        try:
            nb = nbformat.reads(shown.stdout, as_version=4)
        except Exception:
            continue
        for cell in nb.cells:
            if cell.get("id") == cell_id and source_hash(cell.source) == record:
                return cell.source
    return None


def review(accept=(), accept_all=False, log=print):
    """List the Korean cells to review (with the English diff); record accepted ones."""
    pending = 0
    for en_path in notebooks(SOURCE):
        ko_path = counterpart(en_path, TARGET)
        if not ko_path.exists():
            log(f"{_rel(ko_path)} is missing: run `python tools/lessons.py sync`")
            continue
        en, ko = read(en_path), read(ko_path)
        number = en_path.name[:2]
        dirty = False
        for i, cell_id, reason in stale_translations(en_path, ko_path):
            key = f"{number}:{cell_id}"
            if accept_all or key in accept:
                if not HANGUL.search(ko.cells[i].source) or ko.cells[i].source == en.cells[i].source:
                    log(f"{key}: not accepted — the Korean cell is still the English text")
                    pending += 1
                    continue
                set_translation_record(ko.cells[i], source_hash(en.cells[i].source))
                dirty = True
                log(f"{key}: review recorded")
                continue
            pending += 1
            log(f"\n== {_rel(ko_path)} cell {i} ({key}): {reason}")
            old = _old_english(en_path, cell_id, translation_record(ko.cells[i])) \
                if translation_record(ko.cells[i]) else None
            if old is not None:
                log("".join(difflib.unified_diff(old.splitlines(True), en.cells[i].source.splitlines(True),
                                                 "English then", "English now")))
            else:
                log("English now:\n" + en.cells[i].source)
        if dirty:
            write(ko_path, ko)
    log(f"\n{pending} Korean cell(s) need review." if pending else "All Korean cells are up to date.")
    return pending


# ------------------------------------------------------------------ key terms
def keyterms(log=print):
    """Regenerate every cell tagged ``key-terms`` from the glossary, in both languages."""
    terms = load_glossary()
    for language in LANGUAGES:
        for path in notebooks(language):
            nb = read(path)
            changed = False
            for cell in nb.cells:
                if "key-terms" in tags(cell):
                    want = key_terms_source(path.name[:2], language, terms)
                    if cell.source != want:
                        cell.source, changed = want, True
                    if language == TARGET:
                        en_cell = next(c for c in read(counterpart(path, SOURCE)).cells
                                       if c.get("id") == cell.get("id"))
                        set_translation_record(cell, source_hash(en_cell.source))
            if changed:
                write(path, nb)
                log(f"key terms updated in {_rel(path)}")


# ------------------------------------------------------------------ glossary lint
def _prose(nb):
    return [(i, c) for i, c in enumerate(nb.cells)
            if c.cell_type == "markdown" and "key-terms" not in tags(c)]


def glossary_problems(ko_path, terms=None):
    """The glossary rules for one Korean lesson: 한글(English) on first use, nothing avoided."""
    terms = load_glossary() if terms is None else terms
    nb = read(ko_path)
    text = "\n\n".join(c.source for _, c in _prose(nb))
    problems = []
    every_form = sorted({f for t in terms for f in t.korean_forms}, key=len, reverse=True)
    for t in terms:
        for bad in t.avoid:
            for i, c in enumerate(nb.cells):
                if bad in c.source and c.cell_type == "markdown":
                    problems.append(f"cell {i}: '{bad}' — the course writes '{t.korean}' ({t.english})")
        first = _first_use(text, t, every_form)
        if first is None:
            continue
        after = text[first[1]:first[1] + 120]
        m = re.match(r"[*_`]*\s*\(([^)]*)\)", after)
        said = " ".join(m.group(1).split()).lower() if m else ""
        if not m or not any(said.startswith(e.lower()) for e in t.english_forms):
            context = text[max(0, first[0] - 20):first[1] + 30].replace("\n", " ")
            problems.append(f"first use of '{text[first[0]:first[1]]}' needs the English right after "
                            f"it: '{t.korean}({t.english_forms[-1]})' — near «{context}»")
    return problems


def _first_use(text, term, every_form):
    """(start, end) of the first use of the term's Korean, or None.

    Only the canonical Korean counts (alternatives are for telling students what
    they will meet elsewhere). A use starts a word (the character before it is
    not Hangul, so 풀이 in 되풀이 is not one) and is not part of a longer glossary
    term (미분 inside 편미분); the Hangul right after it (a particle, or a
    compound such as 미분값) belongs to the same word.
    """
    form = term.korean
    longer = [f for f in every_form if len(f) > len(form) and form in f]
    for m in re.finditer(re.escape(form), text):
        s, e = m.span()
        if s > 0 and HANGUL.match(text[s - 1]):
            continue
        if any(_covers(text, s, e, f) for f in longer):
            continue
        while e < len(text) and HANGUL.match(text[e]):
            e += 1
        return s, e
    return None


def _covers(text, s, e, longer):
    """Is text[s:e] part of an occurrence of the longer form ``longer``?"""
    for m in re.finditer(re.escape(longer), text[max(0, s - len(longer)):e + len(longer)]):
        ls = max(0, s - len(longer)) + m.start()
        if ls <= s and ls + len(longer) >= e:
            return True
    return False


# ------------------------------------------------------------------ execute
def strip_widgets(nb):
    """Remove widget views and widget state (they mean nothing without a kernel).

    An explorer's output keeps its static picture (``Explorer.mimebundle``: the
    widget view and a PNG side by side), so the committed lesson shows it; other
    widget outputs go entirely.
    """
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            if o.get("output_type") in ("display_data", "execute_result") and WIDGET_MIME in data:
                if "image/png" not in data:
                    continue
                o.data = {"image/png": data["image/png"]}  # no widget view, no repr text
                o.metadata = {}
            kept.append(o)
        cell.outputs = kept
    return nb


def shrink_pictures(nb):
    """Store every PNG output with a 256-colour palette (the figures use a few flat colours:
    they look the same and take about a third of the space), when that is smaller."""
    import base64
    import io

    from PIL import Image  # matplotlib's own dependency

    for cell in nb.cells:
        for o in cell.get("outputs", []) if cell.cell_type == "code" else []:
            png = o.get("data", {}).get("image/png")
            if not png:
                continue
            raw = base64.b64decode(png if isinstance(png, str) else "".join(png))
            image = Image.open(io.BytesIO(raw)).convert("RGB")
            small = io.BytesIO()
            image.quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                           dither=Image.Dither.NONE).save(small, format="PNG", optimize=True)
            if small.tell() < len(raw):
                o.data["image/png"] = base64.b64encode(small.getvalue()).decode("ascii")
    return nb


def environment_fingerprint():
    """What the committed numbers depend on: NumPy's version, its BLAS kernel and the CPU
    features NumPy's own loops dispatch on (exp, tanh, sums differ in the last bits between
    AVX2 and AVX-512 paths). Only an identical fingerprint gives identical digits."""
    import hashlib
    import platform

    import numpy as np

    try:
        from threadpoolctl import threadpool_info

        arch = [i.get("architecture") for i in threadpool_info() if i.get("user_api") == "blas"]
    except Exception:
        arch = []
    try:
        from numpy._core._multiarray_umath import __cpu_features__ as features
    except ImportError:  # NumPy 1.x
        try:
            from numpy.core._multiarray_umath import __cpu_features__ as features
        except ImportError:
            features = {}
    enabled = ",".join(sorted(k for k, on in features.items() if on))
    return {"numpy": np.__version__, "blas": arch[0] if arch else None,
            "python": ".".join(map(str, sys.version_info[:2])),
            "machine": platform.machine(),
            "simd": hashlib.sha256(enabled.encode()).hexdigest()[:12]}


def execute(languages=LANGUAGES, numbers=(), log=print):
    """Run lessons top to bottom (as shipped) and store their outputs in the notebooks."""
    sys.path.insert(0, str(ROOT / "tests"))
    from notebook_runner import execute as run

    for language in languages:
        for path in notebooks(language):
            if numbers and path.name[:2] not in numbers:
                continue
            nb = read(path)
            for cell in nb.cells:
                if cell.cell_type == "code":
                    cell.outputs, cell.execution_count = [], None
            run(path, nb)
            strip_widgets(nb)
            shrink_pictures(nb)
            for cell in nb.cells:
                cell.metadata.pop("execution", None)  # run timestamps: noise in every diff
            nb.metadata.setdefault("mlplab", {})["executed_with"] = environment_fingerprint()
            write(path, nb)
            log(f"executed {_rel(path)}")


# ------------------------------------------------------------------ check
def check(log=print):
    """Every consistency rule, as a report; returns the number of problems."""
    n = 0
    terms = load_glossary()
    for en_path in notebooks(SOURCE):
        ko_path = counterpart(en_path, TARGET)
        if not ko_path.exists():
            log(f"missing: {_rel(ko_path)}")
            n += 1
            continue
        for p in parity_problems(en_path, ko_path):
            log(f"{ko_path.name}: {p}")
            n += 1
        for i, cell_id, reason in stale_translations(en_path, ko_path):
            log(f"{ko_path.name}: cell {i} ({cell_id}) {reason}")
            n += 1
        for p in glossary_problems(ko_path, terms):
            log(f"{ko_path.name}: {p}")
            n += 1
        for language, path in ((SOURCE, en_path), (TARGET, ko_path)):
            for cell in read(path).cells:
                want = key_terms_source(path.name[:2], language, terms)
                if "key-terms" in tags(cell) and cell.source != want:
                    log(f"{path.name} ({language}): the Key-terms box is not the glossary's")
                    n += 1
    log(f"{n} problem(s)." if n else "Lessons are in sync.")
    return n


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("sync", help="Korean code cells := English ones")
    r = sub.add_parser("review", help="list Korean prose cells that need review")
    r.add_argument("--accept", nargs="*", default=(), metavar="NN:cell-id")
    r.add_argument("--accept-all", action="store_true")
    sub.add_parser("keyterms", help="regenerate the Key-terms boxes from the glossary")
    e = sub.add_parser("execute", help="run lessons and store their outputs")
    e.add_argument("--lang", choices=LANGUAGES, action="append")
    e.add_argument("numbers", nargs="*", help="lesson numbers, e.g. 03 04 (default: all)")
    sub.add_parser("check", help="report everything the tests check")
    args = parser.parse_args(argv)
    if args.command == "sync":
        sync()
    elif args.command == "review":
        return 1 if review(set(args.accept), args.accept_all) and not (args.accept or args.accept_all) else 0
    elif args.command == "keyterms":
        keyterms()
    elif args.command == "execute":
        execute(tuple(args.lang or LANGUAGES), tuple(args.numbers))
    elif args.command == "check":
        return 1 if check() else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
