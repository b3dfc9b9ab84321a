"""The language of mlplab's messages: English or Korean (한국어).

A Korean lesson sets the language once, in its first cell::

    import mlplab; mlplab.set_language("ko")

or the environment does it for every kernel: ``MLPLAB_LANG=ko``. Checker
verdicts, hints, explorer readouts and the error messages of the lessons'
common mistakes then come in that language; code identifiers stay English.

A message that exists in both languages is a :class:`Text`; it renders in the
language that is current when it is shown, not when it was created, so a
catalogue built at import time follows a later ``set_language``.
"""

from __future__ import annotations

import os
import string

__all__ = ["LANGUAGES", "Text", "get_language", "set_language"]

LANGUAGES = ("en", "ko")
_ENV = "MLPLAB_LANG"


def _from_env():
    value = os.environ.get(_ENV, "").strip().lower()
    return value if value in LANGUAGES else "en"


_current = _from_env()


def set_language(language):
    """Choose the language of mlplab's messages: "en" (English) or "ko" (한국어)."""
    global _current
    if not isinstance(language, str) or language.strip().lower() not in LANGUAGES:
        raise ValueError(
            f"unknown language {language!r}; choose one of: {', '.join(LANGUAGES)} "
            '(e.g. mlplab.set_language("ko"))'
        )
    _current = language.strip().lower()
    return _current


def get_language():
    """The current message language, "en" or "ko"."""
    return _current


def placeholders(template):
    """The set of ``{name}`` fields in a format string."""
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


class Text:
    """One message in English and Korean; ``str()`` gives the current language.

    >>> t = Text("{n} cases", "사례 {n}개")
    >>> t.format(n=3)          # in the current language
    '3 cases'

    Both versions must use the same ``{placeholders}`` (a test checks every
    ``Text`` in the package).
    """

    __slots__ = ("en", "ko")

    def __init__(self, en, ko):
        if not isinstance(en, str) or not isinstance(ko, str):
            raise TypeError("Text(en, ko) takes two strings")
        if placeholders(en) != placeholders(ko):
            raise ValueError(
                f"the two versions use different placeholders: {sorted(placeholders(en))} "
                f"in English, {sorted(placeholders(ko))} in Korean; expected the same fields"
            )
        self.en, self.ko = en, ko

    def in_language(self, language):
        return self.ko if language == "ko" else self.en

    def __str__(self):
        return self.in_language(_current)

    def format(self, *args, **kwargs):
        return str(self).format(*args, **kwargs)

    def __repr__(self):
        return f"Text({self.en!r}, {self.ko!r})"

    def __eq__(self, other):
        if isinstance(other, Text):
            return (self.en, self.ko) == (other.en, other.ko)
        return NotImplemented

    def __hash__(self):
        return hash((self.en, self.ko))


def say(en, ko, **fields):
    """The message in the current language, formatted with ``fields``."""
    return Text(en, ko).format(**fields) if fields else Text(en, ko).in_language(_current)
