"""The Korean and English lessons are one course: same cells, same code, prose in step.

- parity: same cells in the same order (ids), same tags, identical code (the
  language cell aside), so a code change cannot reach one language only
  (``python tools/lessons.py sync`` repairs it);
- drift: every Korean prose cell records the version of the English cell it
  translates; when the English changes this fails until the Korean cell is
  reviewed (``python tools/lessons.py review`` lists them, with the English diff);
- glossary: the Key-terms boxes are the glossary's, every Korean lesson writes a
  term 한글(English) the first time it uses it, and avoided renderings never appear.
"""

import pathlib
import sys

import pytest
from lesson_jobs import lesson_id, notebooks

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tools"))
import lessons as tool  # noqa: E402

ENGLISH = notebooks("en")
PAIRS = [(p, tool.counterpart(p, "ko")) for p in ENGLISH]
TERMS = tool.load_glossary()


def test_every_english_lesson_has_a_korean_one_and_no_more():
    assert [p.name for p in notebooks("ko")] == [p.name for p in ENGLISH]


@pytest.mark.parametrize("en, ko", PAIRS, ids=[lesson_id(p) for p, _ in PAIRS])
def test_same_cells_same_code(en, ko):
    problems = tool.parity_problems(en, ko)
    assert not problems, "run `python tools/lessons.py sync`:\n" + "\n".join(problems)


@pytest.mark.parametrize("en, ko", PAIRS, ids=[lesson_id(p) for p, _ in PAIRS])
def test_korean_prose_translates_the_current_english(en, ko):
    stale = tool.stale_translations(en, ko)
    assert not stale, ("these Korean cells need review (`python tools/lessons.py review`):\n"
                       + "\n".join(f"cell {i} ({cid}): {why}" for i, cid, why in stale))


@pytest.mark.parametrize("en, ko", PAIRS, ids=[lesson_id(p) for p, _ in PAIRS])
def test_korean_prose_is_korean(en, ko):
    en_nb, ko_nb = tool.read(en), tool.read(ko)
    for i, (a, b) in enumerate(zip(en_nb.cells, ko_nb.cells)):
        if b.cell_type == "markdown" and a.source.strip():
            assert tool.HANGUL.search(b.source), f"cell {i}: no Korean in the Korean lesson"
            assert b.source != a.source, f"cell {i}: still the English text"


@pytest.mark.parametrize("ko", [k for _, k in PAIRS], ids=lesson_id)
def test_glossary_terms_on_first_use_and_no_avoided_words(ko):
    problems = tool.glossary_problems(ko, TERMS)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ENGLISH + [k for _, k in PAIRS], ids=lesson_id)
def test_key_terms_box_is_the_glossarys(path):
    nb = tool.read(path)
    box = [c for c in nb.cells if "key-terms" in tool.tags(c)]
    assert len(box) == 1, "one cell tagged 'key-terms'"
    want = tool.key_terms_source(path.name[:2], path.parent.name, TERMS)
    assert box[0].source == want, "run `python tools/lessons.py keyterms`"


def test_the_glossary_has_one_word_for_gradient_and_says_why():
    gradient = next(t for t in TERMS if t.english == "gradient")
    assert gradient.korean == "그레디언트" and "기울기" not in gradient.also
    text = tool.GLOSSARY.read_text(encoding="utf-8")
    assert "gradient → 그레디언트" in text and "그래디언트" in text and "그레이디언트" in text
    english = [t.english for t in TERMS]
    assert len(english) == len(set(english)), "every term once"
    korean = [t.korean for t in TERMS]
    assert len(korean) == len(set(korean)), "one canonical Korean word per term"


def test_every_avoided_rendering_is_refused_by_the_lint(tmp_path):
    """The avoid column is not decoration: a lesson using one fails."""
    import nbformat

    nb = tool.read(PAIRS[0][1])
    for t in TERMS:
        for bad in t.avoid:
            broken = nbformat.from_dict(nb)
            broken.cells[0].source += f"\n\n{bad}"
            path = tmp_path / PAIRS[0][1].name
            tool.write(path, broken)
            assert any(f"'{bad}'" in p for p in tool.glossary_problems(path, TERMS)), bad
