"""Duplicates: republished copies of a report found across a run, by MinHash signatures in an LSH index.

A report's signature is the MinHash (datasketch) of the character shingles of its body as the pipeline
reads it: normalised (pinyin glosses out, traditional → simplified, full-width → half-width), page chrome
left out by `segment`, and only letters and digits kept, so a traditional mirror, a copy in other page
chrome or with other punctuation reads as the same text. Workers compute signatures; one `DuplicateFinder`
per run takes them in the run's order (one LSH query and one insert per report: linear in the reports, no
comparison of all pairs) and names, for each copy, the first report of its kind: its `duplicate_of`.
"""

from __future__ import annotations

import importlib
import sys
import types
import zlib
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
import regex

from fangkong.facts.record import Fact, with_fields

# Shingles of 5 characters: a Chinese word is 1–4 characters, so a 5-gram spans a word boundary and the
# stock phrases every such report uses (疫情防控, 志愿者, 新冠肺炎) match across distinct reports as
# whole shingles far less often than 3- or 4-grams do; a copy with a few characters changed (a t2s
# conversion that does not round-trip, a typo fixed) loses only the 5 shingles around each change.
SHINGLE = 5
# 128 permutations: the Jaccard estimate's standard error is at most 0.044 (sqrt(J(1-J)/128)); a signature
# is 512 bytes and costs about 0.2 ms for a report of 600 characters (bench/duplicates.py).
NUM_PERM = 128
# A copy shares at least 30% of the shingles of the two (Jaccard ≥ 0.3, estimated from the signatures). The
# variants the tests make (another site's chrome, a traditional mirror with glosses, a paragraph added: J
# above 0.8; cut to its first 60–70% of characters: J from 0.45) lie 3.4 errors or more above it; distinct
# reports of the same place and month share stock phrases and bylines, but the closest two of the team's
# 340 score 0.10 (7 errors below).
THRESHOLD = 0.3
# The LSH index hashes BANDS bands of ROWS values (the first 64 values of the signature): two reports of
# Jaccard J are candidates with probability 1 - (1 - J^2)^32, 0.9993 at J = 0.45 and 0.9999 at 0.5, while
# for J = 0.02 (fewer than 1 pair in 1,000 of distinct reports reach it) it is 0.013. Each candidate is then checked on
# all 128 values against THRESHOLD. Fewer rows per band would bring more candidates; more rows would need
# more bands (each costs a dictionary look-up and entry per report) for the same recall.
BANDS = 32
ROWS = 2
# A body of fewer shingles (a page that is all chrome, a line of text) gets no signature: two short
# notices may share most of their few shingles without being one report.
MIN_SHINGLES = 30
# Fixed seed, scheme and hash: signatures computed by workers, cached on disk or made by another process
# must compare equal (datasketch's affine32: 32-bit values, half the memory of the legacy scheme).
SEED = 1
SCHEME = "affine32"
# CRC-32 of each shingle's UTF-8 bytes: affine32 passes every hash through MurmurHash3's finalizer before its
# permutations, so a fast non-cryptographic hash serves; datasketch's default SHA-1 took 60% of the time.
HASH = zlib.crc32

_NOT_KEPT = regex.compile(r"[^\p{L}\p{N}]+")

# A body of up to this many characters (reports run to a few thousand) is shingled as `_shingle_hashes` cuts it,
# every shingle kept; a longer one (a page of one huge line) as a set of distinct shingles, so that memory
# follows what is distinct, not the length.
EVERY_SHINGLE_LIMIT = 1 << 16
# Up to this many candidates of an LSH query are checked one by one; more, in one numpy comparison.
_ONE_BY_ONE = 8

Signature = np.ndarray  # MinHash values, NUM_PERM of them (uint32)


@lru_cache(maxsize=1)
def _datasketch():
    """datasketch's MinHash and MinHashLSH, imported when first needed, and without scipy.integrate where it is
    not imported yet (see _IntegrateOnCall): commands that sign no report (rules, summarize, score, gaps) pay
    nothing, and those that do pay about 0.1 s instead of 0.35."""
    if "datasketch" in sys.modules or "scipy.integrate" in sys.modules:
        from datasketch import MinHash, MinHashLSH
        return MinHash, MinHashLSH
    sys.modules["scipy.integrate"] = _IntegrateOnCall("scipy.integrate")
    try:
        from datasketch import MinHash, MinHashLSH
    finally:
        if isinstance(sys.modules.get("scipy.integrate"), _IntegrateOnCall):
            del sys.modules["scipy.integrate"]
    return MinHash, MinHashLSH


class _IntegrateOnCall(types.ModuleType):
    """Stands for scipy.integrate while datasketch is imported. datasketch.lsh takes `quad` from it at import
    (for the band and row counts of a threshold, which a DuplicateFinder gives itself: BANDS, ROWS), and
    importing scipy.integrate is two thirds of importing datasketch. Any name asked of it (`quad` included,
    when called) is the real module's, imported then."""

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        if name == "quad":
            return _quad
        return getattr(_real_integrate(), name)


def _real_integrate() -> types.ModuleType:
    if isinstance(sys.modules.get("scipy.integrate"), _IntegrateOnCall):
        del sys.modules["scipy.integrate"]
    return importlib.import_module("scipy.integrate")


def _quad(*args, **kwargs):
    """scipy.integrate.quad, imported when first called (datasketch's threshold → bands and rows)."""
    return _real_integrate().quad(*args, **kwargs)


@lru_cache(maxsize=1)
def _permutations():
    return _datasketch()[0](num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


# MurmurHash3's 32-bit finalizer (shifts and multipliers), which datasketch's affine32 scheme applies to each hash
# before its permutations
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
# Shingles taken at a time into the permutations: a block of values stays small (4 MB) however long the body
_BLOCK = 8192


def body_text(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The letters and digits of `text` inside `spans` (the body's sentences), joined: what is shingled."""
    # the spans joined, then everything else taken out in one call: not a regex call per sentence
    return _NOT_KEPT.sub("", "".join([text[start:end] for start, end in spans]))


def signature(body: str) -> Signature | None:
    """A body (from `body_text`) → its MinHash values, or None where it is too short to tell a copy by."""
    if len(body) - SHINGLE + 1 < MIN_SHINGLES:
        return None
    if len(body) <= EVERY_SHINGLE_LIMIT:
        hashes = _shingle_hashes(body)
    else:  # each distinct shingle once: a page of one repeated line has few
        distinct = {body[i:i + SHINGLE] for i in range(len(body) - SHINGLE + 1)}
        hashes = np.fromiter(map(HASH, (shingle.encode("utf-8") for shingle in distinct)), dtype=np.uint32,
                             count=len(distinct))
    return _least_values(hashes)


def _least_values(hashes: np.ndarray) -> Signature:
    """The MinHash values of a body's shingle hashes (uint32, changed in place), as datasketch's MinHash of
    `SCHEME` gives them after `update_batch` of the shingles: each hash through the MurmurHash3 finalizer, then
    each permutation (a * h + b, modulo 2^32), the least value of each. Worked out here in a few numpy calls on
    the hashes (taken by `map` in C), not through update_batch's Python list of hashes and its checks: a third
    of a signature's cost."""
    a, b = _permutations()
    shift1, multiply1, shift2, multiply2, shift3 = _FMIX32
    hashes ^= hashes >> shift1
    hashes *= multiply1
    hashes ^= hashes >> shift2
    hashes *= multiply2
    hashes ^= hashes >> shift3
    least = None
    for start in range(0, len(hashes), _BLOCK):
        values = np.multiply.outer(hashes[start:start + _BLOCK], a)
        values += b
        found = values.min(axis=0)
        least = found if least is None else np.minimum(least, found, out=least)
    return least


def _shingle_hashes(body: str) -> np.ndarray:
    """The HASH of the UTF-8 bytes of every shingle of `body`, in order, repeats kept (a MinHash takes the least
    value of each permutation, so a repeat changes nothing), as uint32: each shingle cut from the body encoded once,
    at the byte offsets of its characters (not encoded one by one), by `map` in C, and no list of them made."""
    data = body.encode("utf-8")
    ends = _utf8_offsets(body)
    count = len(body) - SHINGLE + 1
    return np.fromiter(map(HASH, map(data.__getitem__, map(slice, ends[:count], ends[SHINGLE:]))), dtype=np.uint32,
                       count=count)


def _utf8_offsets(body: str) -> list[int]:
    """The byte offset in `body`'s UTF-8 of each of its characters, and its length in bytes last."""
    code_points = np.frombuffer(body.encode("utf-32-le"), dtype=np.uint32)
    offsets = np.zeros(len(body) + 1, dtype=np.int64)
    # a character's UTF-8 length: 1 below U+0080, 2 below U+0800, 3 below U+10000, else 4
    np.cumsum(1 + (code_points >= 0x80) + (code_points >= 0x800) + (code_points >= 0x10000), out=offsets[1:])
    return offsets.tolist()


def similarity(first: Signature, second: Signature) -> float:
    """The Jaccard similarity of two bodies as their signatures estimate it (0 to 1)."""
    return float(np.count_nonzero(first == second)) / len(first)


def to_list(value: Signature | None) -> list[int] | None:
    """A signature as plain ints (for JSON), None kept."""
    return None if value is None else [int(v) for v in value]


def from_list(values: Sequence[int] | None) -> Signature | None:
    """Plain ints (from `to_list`) → a signature; ValueError where they are not one."""
    if values is None:
        return None
    if len(values) != NUM_PERM or not all(type(v) is int and 0 <= v < 2 ** 32 for v in values):
        raise ValueError("not a signature")
    return np.array(values, dtype=np.uint32)


class DuplicateFinder:
    """The reports of one run, taken in order: `first_copy` tells whether a report copies an earlier one.

    Holds an LSH index (datasketch MinHashLSH of BANDS × ROWS) and each report's signature for the check
    that follows an LSH hit, so what a report costs is one query, one check per candidate and one insert,
    and about 4.5 KB of memory (bench/duplicates.py); a report whose signature an earlier one has (the same
    body) costs one dictionary look-up, its first copy being that one's.
    """

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._lsh = _datasketch()[1](num_perm=NUM_PERM, params=(BANDS, ROWS))
        # one MinHash carries each signature into the index (the index reads only its values): none is built per report
        self._carrier = _datasketch()[0](num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
        self._signatures = np.empty((64, NUM_PERM), dtype=np.uint32)  # row i: report i's (grown by doubling)
        self._docs: list[str] = []
        self._roots: list[int] = []  # per report, the index of the first report of its kind (itself if none)
        self._exact: dict[int, int] = {}  # the hash of a signature's bytes → the first report that has it

    def first_copy(self, doc: str, value: Signature | None) -> str | None:
        """Take the next report of the run: the doc of the first earlier report it copies, else None.

        Of the earlier reports at THRESHOLD or above, the most alike decides: the report's first copy is that
        one's (so a copy of a copy names the first of them all). A report without a signature is no one's copy.
        """
        if value is None:
            return None
        index = len(self._docs)
        key = hash(value.tobytes())
        same = self._exact.setdefault(key, index)
        if same < index and not np.array_equal(self._signatures[same], value):
            same = index  # another signature of the same hash: looked up as any other
        minhash = self._carrier
        minhash.hashvalues = value
        if same < index:
            # the same signature as an earlier report: none is more alike (1.0), and the first of them is the
            # earliest of equals, as the LSH query would choose
            best: int | None = same
        else:
            # the most alike earlier report (the earliest of equals) names the first copy: one spurious link (two
            # short copies sharing a repost's boilerplate) then cannot join two reports' copies into one
            candidates = list(self._lsh.query(minhash))
            if len(candidates) > _ONE_BY_ONE:
                scores = (np.count_nonzero(self._signatures[candidates] == value, axis=1) / len(value)).tolist()
            else:
                scores = [similarity(value, self._signatures[candidate]) for candidate in candidates]
            found = max(((score, -candidate) for score, candidate in zip(scores, candidates, strict=True)
                         if score >= self.threshold), default=None)
            best = -found[1] if found is not None else None
        root = self._roots[best] if best is not None else index
        if root < index and self._docs[root] == doc:  # another file of the same doc name
            root = index
        if same == index:
            # a report of a signature seen before stays out of the index: every query that would find it finds
            # the earlier one, as alike and earlier, which wins
            self._lsh.insert(index, minhash, check_duplication=False)
        if index == len(self._signatures):
            self._signatures = np.concatenate([self._signatures, np.empty_like(self._signatures)])
        self._signatures[index] = value
        self._docs.append(doc)
        self._roots.append(root)
        return self._docs[root] if root != index else None

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """(copy, first copy) for every copy found so far, in run order."""
        return [(self._docs[i], self._docs[root]) for i, root in enumerate(self._roots) if root != i]


def mark(facts: Iterable[Fact], duplicate_of: str | None) -> list[Fact]:
    """A report's facts with `duplicate_of` set (as they are where it is None)."""
    if duplicate_of is None:
        return list(facts)
    return [with_fields(fact, duplicate_of=duplicate_of) for fact in facts]
