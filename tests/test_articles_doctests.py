"""The examples in the reading layer's docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import kg.articles

MODULES = sorted(m.name for m in pkgutil.iter_modules(kg.articles.__path__, "kg.articles."))


def test_found_the_modules():
    assert {"kg.articles.reader", "kg.articles.sentences", "kg.articles.identity"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
