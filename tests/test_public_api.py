"""The names users import from ``bluntgraph``: all importable, sorted, complete."""

from __future__ import annotations

import importlib
import inspect

import pytest

import bluntgraph

# Modules whose whole public API (classes and functions) users reach from `bluntgraph`.
REEXPORTED = ("bluntgraph.errors", "bluntgraph.kg", "bluntgraph.model", "bluntgraph.vocabulary")


def test_every_name_in_all_is_importable() -> None:
    for name in bluntgraph.__all__:
        assert hasattr(bluntgraph, name), f"bluntgraph.__all__ lists {name!r} but it is missing"
    namespace: dict[str, object] = {}
    exec("from bluntgraph import *", namespace)
    assert set(bluntgraph.__all__) <= set(namespace)


def test_all_is_sorted_without_duplicates() -> None:
    assert bluntgraph.__all__ == sorted(bluntgraph.__all__)
    assert len(set(bluntgraph.__all__)) == len(bluntgraph.__all__)


@pytest.mark.parametrize("module_name", REEXPORTED)
def test_public_classes_and_functions_are_reexported(module_name: str) -> None:
    module = importlib.import_module(module_name)
    for name in module.__all__:
        value = getattr(module, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert name in bluntgraph.__all__, f"{module_name}.{name} is not in bluntgraph.__all__"
            assert getattr(bluntgraph, name) is value


def test_every_error_is_a_bluntgraph_error() -> None:
    errors = importlib.import_module("bluntgraph.errors")
    for name in errors.__all__:
        value = getattr(errors, name)
        if inspect.isclass(value) and issubclass(value, Exception):
            assert issubclass(value, bluntgraph.BluntgraphError)


def test_the_entry_point_and_its_notebook_summary() -> None:
    kg = bluntgraph.load()
    assert isinstance(kg, bluntgraph.KnowledgeGraph)
    html = kg._repr_html_()
    assert "<table>" in html and str(len(kg.corpus.claims)) in html
    for method in ("claims", "causes", "treatments", "about", "backed_by", "statistics",
                   "unsupported"):  # fmt: skip
        assert callable(getattr(kg, method))


def test_each_module_all_names_exist() -> None:
    for module_name in (*REEXPORTED, "bluntgraph.query", "bluntgraph.loading",
                        "bluntgraph.graph", "bluntgraph.checks"):  # fmt: skip
        module = importlib.import_module(module_name)
        for name in module.__all__:
            assert hasattr(module, name), f"{module_name}.__all__ lists missing {name!r}"
