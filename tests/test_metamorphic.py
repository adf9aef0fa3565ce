"""Metamorphic checks on the shared corpus (skipped where ../shared is absent): a required gold fact found in its
sentence alone is still found when the sentence is written another way a report might write it — in traditional
script, with full-width digits or a thousands separator, with 余 after the number (then `over`), inside a page
with a title, a date line and an editor's line. What the rules know must not hang on one way of writing."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import opencc
import pytest

import fangkong

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
REPORTS = SHARED / "corpus" / "reports"
GOLD = SHARED / "corpus" / "gold.jsonl"

pytestmark = pytest.mark.skipif(not (REPORTS.is_dir() and GOLD.is_file()),
                                reason="../shared (corpus and gold) is not beside the project")

_SENTENCE_END = "。！？\n"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_DIGITS = re.compile(r"(?<![\d.,])\d+(?![\d.,])")


def _sentence(text: str, evidence: str) -> str | None:
    """The sentence of `text` holding `evidence`, or None where the evidence is not in it."""
    at = text.find(evidence)
    if at < 0:
        return None
    start = max(text.rfind(end, 0, at) for end in _SENTENCE_END) + 1
    ends = [i for i in (text.find(end, at + len(evidence)) for end in _SENTENCE_END) if i >= 0]
    return text[start:min(ends) + 1 if ends else len(text)].strip()


def _found(text: str, fact: dict) -> list[str]:
    """The qualifiers of the facts of `text` with the gold fact's metric and value."""
    facts = fangkong.extract_text(text)
    same = facts[(facts["metric"] == fact["metric"]) & ((facts["value"] - fact["value"]).abs() < 1e-6)]
    return list(same["qualifier"])


def _cases() -> list[tuple[str, dict]]:
    """(sentence, gold fact) for each required gold fact whose sentence alone gives it, its number in digits."""
    if not GOLD.is_file():
        return []
    cases = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        fact = json.loads(line)
        number = _DIGITS.search(fact["evidence"])
        if fact["optional"] or not number or float(number.group()) != fact["value"]:
            continue
        text = (REPORTS / fact["doc"]).read_text(encoding="utf-8", errors="replace")
        sentence = _sentence(text, fact["evidence"])
        if sentence and len(sentence) <= 300 and _found(sentence, fact):
            cases.append((sentence, fact))
    return cases


def _renumbered(sentence: str, fact: dict, written: Callable[[str], str]) -> str:
    """`sentence` with the gold fact's number in its evidence written by `written`."""
    evidence = fact["evidence"]
    number = _DIGITS.search(evidence)
    return sentence.replace(evidence, evidence[:number.start()] + written(number.group()) + evidence[number.end():], 1)


_T2S = opencc.OpenCC("s2t")
_PAGE = "某镇扎实做好疫情防控工作\n2020-02-10 来源：某某网\n{}\n责任编辑：张三"
WAYS: dict[str, Callable[[str, dict], str]] = {
    "traditional script": lambda sentence, fact: _T2S.convert(sentence),
    "full-width digits": lambda sentence, fact: _renumbered(sentence, fact, lambda n: n.translate(_FULL_WIDTH)),
    "thousands separator": lambda sentence, fact: _renumbered(sentence, fact, lambda n: f"{int(n):,}"),
    "in a page": lambda sentence, fact: _PAGE.format(sentence),
}


@pytest.fixture(scope="module")
def cases() -> list[tuple[str, dict]]:
    return _cases()


@pytest.mark.parametrize("way", WAYS)
def test_a_fact_survives_another_way_of_writing_its_sentence(cases, way):
    assert len(cases) > 300  # the corpus's required facts, nearly all found in their sentence alone
    lost = [(fact["doc"][:3], fact["evidence"]) for sentence, fact in cases
            if not _found(WAYS[way](sentence, fact), fact)]
    assert lost == []


def test_yu_after_the_number_makes_it_over(cases):
    wrong = []
    for sentence, fact in cases:
        evidence = fact["evidence"]
        number = _DIGITS.search(evidence)
        after = evidence[number.end():number.end() + 1]
        if fact["qualifier"] != "exact" or not after or not "\u4e00" <= after <= "\u9fff":
            continue
        changed = sentence.replace(evidence, evidence[:number.end()] + "余" + evidence[number.end():], 1)
        if "over" not in _found(changed, fact):
            wrong.append((fact["doc"][:3], evidence))
    assert wrong == []
