"""MappedText against a brute-force model: a per-character list of original spans."""

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from fangkong.text.textmap import MappedText

# Patterns the pipeline's stages use in kind: deletions, one-to-one swaps, many-to-one collapses.
_EDITS = [
    (regex.compile(r"\(\w+\)"), lambda m: ""),  # delete a gloss
    (regex.compile(r"<[^>]*>"), lambda m: "\n"),  # a tag becomes one character
    (regex.compile(r"&\w+;"), lambda m: " "),  # an entity becomes one character
    (regex.compile(r"[A-Z]"), lambda m: m.group().lower()),  # same length
    (regex.compile(r" +(?=\d)"), lambda m: ""),  # close spaces
    (regex.compile(r"x"), lambda m: "yy"),  # one character becomes two
]


def _model_rewrite(text, spans, pattern, replace):
    out, out_spans, last = [], [], 0
    for match in pattern.finditer(text):
        new = replace(match)
        begin, stop = match.span()
        out.append(text[last:begin])
        out_spans += spans[last:begin]
        if len(new) == stop - begin:
            out_spans += spans[begin:stop]
        elif new:
            whole = (spans[begin][0], spans[stop - 1][1])
            out_spans += [whole] * len(new)
        out.append(new)
        last = stop
    out.append(text[last:])
    out_spans += spans[last:]
    return "".join(out), out_spans


def _both(original, edits):
    """The edits applied to `original` by MappedText and by the model: (mapped, model text, model spans)."""
    mapped = MappedText.identity(original)
    text, spans = original, [(i, i + 1) for i in range(len(original))]
    for index in edits:
        pattern, replace = _EDITS[index]
        mapped = mapped.rewrite(pattern, replace)
        text, spans = _model_rewrite(text, spans, pattern, replace)
    return mapped, text, spans


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab x(yz)<p>&amp;AB 12網", max_size=60),
    st.lists(st.integers(0, len(_EDITS) - 1), max_size=5),
)
def test_rewrites_map_every_character_like_the_model(original, edits):
    mapped, text, spans = _both(original, edits)
    assert mapped.text == text
    for i in range(len(text)):
        assert mapped.char_span(i) == spans[i]
    for i in range(len(text)):
        for j in range(i + 1, min(len(text), i + 6) + 1):
            assert mapped.original_span(i, j) == (spans[i][0], spans[j - 1][1])


def test_map_of_an_untouched_long_text_stays_one_piece():
    mapped = MappedText.identity("字" * 1_000_000).rewrite(regex.compile("z"), lambda m: "")
    assert len(mapped.pieces) == 1
    assert mapped.original_span(999_990, 1_000_000) == (999_990, 1_000_000)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab x(yz)<p>&amp;AB 12網", max_size=60),
    st.lists(st.integers(0, len(_EDITS) - 1), max_size=5),
    st.data(),
)
def test_span_from_original_is_the_inverse_the_model_gives(original, edits, data):
    mapped, text, spans = _both(original, edits)
    start = data.draw(st.integers(0, len(original)))
    end = data.draw(st.integers(start, len(original)))
    first = next((i for i, span in enumerate(spans) if span[1] > start), len(text))
    last = next((i for i, span in enumerate(spans) if span[0] >= end), len(text))
    assert mapped.span_from_original(start, end) == (first, max(first, last))
