"""tools/lessons.py on small synthetic notebooks: sync, drift records, parity, glossary lint."""

import pathlib
import sys

import nbformat
import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tools"))
import lessons as tool  # noqa: E402

GLOSSARY = """# Glossary

| English | 한국어 | also seen | avoid | Key terms in |
|---|---|---|---|---|
| derivative | 미분 | 도함수 | | 01 |
| partial derivative | 편미분 | | | 01 |
| gradient | 그레디언트 | 기울기 | 그라디언트 | 01 |
| automatic differentiation | 자동미분 | | 자동 차별화 | |
"""


def _lesson():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Lesson 01", id="cell-00"),
        nbformat.v4.new_markdown_cell("(box)", id="cell-01", metadata={"tags": ["key-terms"]}),
        nbformat.v4.new_code_cell(tool.language_cell_source("en"), id="cell-02",
                                  metadata={"tags": ["language"]}),
        nbformat.v4.new_code_cell("import numpy as np", id="cell-03"),
        nbformat.v4.new_markdown_cell("The derivative is a limit.", id="cell-04"),
        nbformat.v4.new_code_cell("def f(x):\n    raise NotImplementedError", id="cell-05",
                                  metadata={"tags": ["exercise"]}),
    ]
    return nb


@pytest.fixture
def course(tmp_path, monkeypatch):
    (tmp_path / "en").mkdir()
    tool.write(tmp_path / "en" / "01_demo.ipynb", _lesson())
    (tmp_path / "glossary.md").write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.setattr(tool, "LESSONS", tmp_path)
    monkeypatch.setattr(tool, "GLOSSARY", tmp_path / "glossary.md")
    return tmp_path


def _translate(ko_path, cell_index, text):
    nb = tool.read(ko_path)
    nb.cells[cell_index].source = text
    tool.write(ko_path, nb)


def test_sync_copies_code_swaps_the_language_cell_and_marks_prose_untranslated(course):
    tool.sync(log=lambda *a: None)
    en, ko = tool.read(course / "en/01_demo.ipynb"), tool.read(course / "ko/01_demo.ipynb")
    assert [c.get("id") for c in ko.cells] == [c.get("id") for c in en.cells]
    assert ko.cells[2].source == tool.language_cell_source("ko")
    assert 'mlplab.set_language("ko")' in ko.cells[2].source
    assert ko.cells[3].source == en.cells[3].source and ko.cells[5].metadata["tags"] == ["exercise"]
    assert tool.parity_problems(course / "en/01_demo.ipynb", course / "ko/01_demo.ipynb") == []
    stale = tool.stale_translations(course / "en/01_demo.ipynb", course / "ko/01_demo.ipynb")
    assert [(i, reason) for i, _, reason in stale] == [(0, "not translated yet"), (4, "not translated yet")]


def test_review_records_translations_and_flags_english_changes(course):
    tool.sync(log=lambda *a: None)
    ko_path, en_path = course / "ko/01_demo.ipynb", course / "en/01_demo.ipynb"
    _translate(ko_path, 0, "# 레슨 01")
    _translate(ko_path, 4, "미분(derivative)은 극한입니다.")
    assert tool.review(accept_all=True, log=lambda *a: None) == 0
    assert tool.stale_translations(en_path, ko_path) == []
    en = tool.read(en_path)
    en.cells[4].source = "The derivative is the limit of a difference quotient."
    tool.write(en_path, en)
    tool.sync(log=lambda *a: None)  # a prose change keeps the translation, flags it
    stale = tool.stale_translations(en_path, ko_path)
    assert stale == [(4, "cell-04", "the English changed since it was translated")]
    assert tool.read(ko_path).cells[4].source == "미분(derivative)은 극한입니다."
    printed = []
    assert tool.review(log=printed.append) == 1
    assert any("01:cell-04" in line for line in printed)
    tool.review(accept={"01:cell-04"}, log=lambda *a: None)
    assert tool.stale_translations(en_path, ko_path) == []


def test_untranslated_cells_cannot_be_accepted(course):
    tool.sync(log=lambda *a: None)
    assert tool.review(accept_all=True, log=lambda *a: None) == 2


def test_parity_catches_code_tag_and_order_drift(course):
    tool.sync(log=lambda *a: None)
    ko_path, en_path = course / "ko/01_demo.ipynb", course / "en/01_demo.ipynb"
    ko = tool.read(ko_path)
    ko.cells[3].source = "import numpy as np  # changed"
    ko.cells[5].metadata["tags"] = []
    ko.cells[0], ko.cells[1] = ko.cells[1], ko.cells[0]
    tool.write(ko_path, ko)
    problems = "\n".join(tool.parity_problems(en_path, ko_path))
    assert "code differs" in problems and "tags" in problems and "out of order" in problems
    tool.sync(log=lambda *a: None)  # the command repairs code, tags and order
    assert tool.parity_problems(en_path, ko_path) == []


def test_glossary_lint_wants_english_on_first_use_and_refuses_avoided_words(course):
    tool.sync(log=lambda *a: None)
    ko_path = course / "ko/01_demo.ipynb"
    terms = tool.load_glossary(course / "glossary.md")
    _translate(ko_path, 4, "편미분(partial derivative)을 모아 그레디언트를 만듭니다. 미분(derivative)은 …")
    problems = tool.glossary_problems(ko_path, terms)
    assert len(problems) == 1 and "그레디언트(gradient)" in problems[0]  # 미분 inside 편미분 is not a use
    _translate(ko_path, 4, "편미분(partial derivative)을 모아 **그레디언트**(gradient)를 만들고, "
                           "미분(derivative)과 자동 차별화를 봅니다.")
    problems = tool.glossary_problems(ko_path, terms)
    assert problems == ["cell 4: '자동 차별화' — the course writes '자동미분' (automatic differentiation)"]


def test_key_terms_boxes_come_from_the_glossary(course):
    terms = tool.load_glossary(course / "glossary.md")
    assert tool.key_terms_source("01", "en", terms).splitlines()[-3:] == [
        "> - derivative — 미분 (also 도함수)", "> - partial derivative — 편미분",
        "> - gradient — 그레디언트 (also 기울기)"]
    last_ko = tool.key_terms_source("01", "ko", terms).splitlines()[-1]
    assert last_ko == "> - 그레디언트 (gradient) · 같은 뜻: 기울기"
    tool.sync(log=lambda *a: None)
    tool.keyterms(log=lambda *a: None)
    for lang in ("en", "ko"):
        box = tool.read(course / lang / "01_demo.ipynb").cells[1].source
        assert box == tool.key_terms_source("01", lang, terms)


def test_strip_widgets_keeps_pictures_and_text():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [
        nbformat.v4.new_output("display_data",
                               data={tool.WIDGET_MIME: {"model_id": "1"}, "text/plain": "VBox"}),
        nbformat.v4.new_output("display_data", data={"image/png": "iVBOR", "text/plain": "<Figure>"}),
        nbformat.v4.new_output("stream", name="stdout", text="hello\n"),
    ]
    nb.cells = [cell]
    nb.metadata["widgets"] = {"state": {}}
    tool.strip_widgets(nb)
    assert "widgets" not in nb.metadata
    assert [o.get("output_type") for o in nb.cells[0].outputs] == ["display_data", "stream"]
