"""Every student-facing message exists in English and Korean, with the same fields.

Messages in both languages are written ``Text(en, ko)`` (kept, rendered later) or
``say(en, ko, **fields)`` (rendered now) from ``mlplab.i18n``. This test reads the
package's source and checks every such pair: two string literals, the same
``{placeholders}``, Hangul in the Korean one and none in the English one.
"""

import ast
import os
import pathlib
import subprocess
import sys

import numpy as np
import pytest

import mlplab
from mlplab.i18n import Text, placeholders

PACKAGE = pathlib.Path(mlplab.__file__).resolve().parent
HANGUL = ("\uac00", "\ud7a3")


def _has_hangul(text):
    return any(HANGUL[0] <= ch <= HANGUL[1] for ch in text)


def _literal(node):
    """The string of a literal (or of implicitly joined literals), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _pairs():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "i18n.py":  # the machinery itself
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name not in ("Text", "say") or len(node.args) < 2:
                continue
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            found.append((where, _literal(node.args[0]), _literal(node.args[1])))
    return found


PAIRS = _pairs()


def test_there_are_bilingual_messages():
    assert len(PAIRS) >= 20


@pytest.mark.parametrize("where, en, ko", PAIRS, ids=[w for w, _, _ in PAIRS])
def test_message_pair_is_complete_and_consistent(where, en, ko):
    assert en is not None and ko is not None, f"{where}: both versions must be string literals"
    assert en.strip() and ko.strip(), f"{where}: an empty version"
    assert placeholders(en) == placeholders(ko), \
        f"{where}: fields differ: {sorted(placeholders(en))} vs {sorted(placeholders(ko))}"
    assert _has_hangul(ko), f"{where}: the Korean version has no Korean"
    assert not _has_hangul(en), f"{where}: Hangul in the English version"


def test_text_renders_in_the_current_language():
    t = Text("{n} cases", "사례 {n}개")
    try:
        assert t.format(n=3) == "3 cases"
        mlplab.set_language("ko")
        assert t.format(n=3) == "사례 3개" and str(Text("a", "가")) == "가"
    finally:
        mlplab.set_language("en")
    with pytest.raises(ValueError, match="different placeholders"):
        Text("{n} cases", "사례")


def test_library_errors_follow_the_language():
    try:
        mlplab.set_language("ko")
        with pytest.raises(ValueError, match="X의 특성은 2개인데 이 신경망은 3개를 받습니다"):
            mlplab.MLP([3, 2]).forward(np.ones((4, 2)))
    finally:
        mlplab.set_language("en")
    with pytest.raises(ValueError, match="X has 2 features but this network expects 3"):
        mlplab.MLP([3, 2]).forward(np.ones((4, 2)))


def test_the_environment_sets_the_language_of_a_new_kernel():
    code = "import mlplab; print(mlplab.get_language())"
    env = {**os.environ, "MLPLAB_LANG": "ko"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "ko", out.stderr
    env["MLPLAB_LANG"] = "klingon"  # unknown: English, no crash at import
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "en", out.stderr
