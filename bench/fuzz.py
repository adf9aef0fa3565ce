"""Coverage-guided fuzzing of the whole pipeline: bytes → load → normalize → segment → quantities → rules.

    python bench/fuzz.py --minutes 12 [--corpus DIR] [--crashes DIR]

With atheris installed the fangkong modules are instrumented and libFuzzer drives the search; a crash
(an invariant broken, or any exception but LoadError) is written to the crash folder and the fuzzer is
restarted for the time that is left. Without atheris a long hypothesis run over bytes stands in.

Invariants checked for every input (`check_one`):
  * `extract_bytes` raises nothing but LoadError (BinaryFileError included);
  * every row's evidence is the decoded original at [start, end), with 0 <= start <= end <= len(original);
  * a second call gives an equal frame.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import atheris
except ImportError:  # fall back to hypothesis
    atheris = None

if atheris is not None and "--atheris-child" in sys.argv:
    with atheris.instrument_imports(include=["fangkong"]):
        from fangkong.run.pipeline import extract_bytes
        from fangkong.text.load import LoadError, load_bytes
else:
    from fangkong.run.pipeline import extract_bytes
    from fangkong.text.load import LoadError, load_bytes

ROOT = Path(__file__).resolve().parent.parent
SEED_DIRS = [ROOT / "fixtures" / "reports", ROOT / "fixtures" / "encodings", ROOT / "fixtures" / "hostile",
             ROOT.parent / "shared" / "corpus" / "reports"]
DEFAULT_CRASHES = ROOT / "bench" / "fuzz-crashes"
# The working corpus grows from real reports: kept outside the repository so none of their text is committed.
DEFAULT_CORPUS = Path(tempfile.gettempdir()) / "fangkong-fuzz-corpus"
SLOW_INPUT_SECONDS = 60  # libFuzzer reports an input that takes longer as a timeout crash

_FACTS = "全镇设立卡点12个，志愿者50余人，发放宣传单3000份。"
HOSTILE_SEEDS: dict[str, bytes] = {
    "gloss": "網(wǎng)站發(fā)布：全鎮(zhèn)設立卡點(diǎn)12個(gè)，志願者50余人。".encode(),
    "gloss-garbled": "總？cè）計發放口罩３０００余只，?zhèn）志愿者四十多人".encode(),
    "html": ("<html><body><p>设立卡点<b>12</b>个&nbsp;志愿者50余人</p><script>var n=12;</script>"
             "<!-- 3个 --><div>捐款&#20010;2万元&amp;</div>&lt;p&gt;<br/>发放3000份").encode(),
    "html-unclosed": "<p>志愿者12人<style>p{}</style><script>捐款3万元".encode(),
    "wan-wan-wan": ("捐款万万万万元，" + "万" * 40 + "个，设立卡点12万万万个。").encode(),
    "yu-yu-yu": ("志愿者" + "余" * 60 + "人，发放" + "余多来" * 10 + "3000余余份。").encode(),
    "gbk": _FACTS.encode("gbk"),
    "gb18030": ("發放口罩3000只，" + _FACTS).encode("gb18030"),
    "big5": "設立檢查點12個，志願者50餘人。".encode("big5"),
    "utf-16-le-bom": b"\xff\xfe" + _FACTS.encode("utf-16-le"),
    "utf-16-be-bom": b"\xfe\xff" + _FACTS.encode("utf-16-be"),
    "utf-16-no-bom": _FACTS.encode("utf-16-le"),
    "utf-8-cut": _FACTS.encode()[:-4] + b"\xe4\xb8" + _FACTS.encode(),
    "full-width": "设立卡点１２个，志愿者５０余人，消杀面积４,５６２平方米。".encode(),
    "ranges": "志愿者三四十人，3至5万元，4-5人，一两个，五六十户，上万人，第十二批，9+8+24".encode(),
    "digits": ("1" * 3000 + "个。" + "3." * 200 + "人").encode(),
}

_TOKENS = ["余", "多", "来", "万", "亿", "千", "百", "十", "两", "约", "近", "超过", "以上", "左右", "至", "个", "人",
           "名", "份", "元", "万元", "户", "人次", "平方米", "设立卡点", "志愿者", "捐款", "发放", "，", "。", "；",
           "\n", "<p>", "</p>", "<br>", "<script>", "</script>", "<!--", "-->", "&nbsp;", "&#20010;", "(wǎng)",
           "（zhèn）", "？", "\ufffd", "網", "點", "１２", "4,562", "3.1", "第", "“", "”", "一、", "来源："]


class InvariantError(AssertionError):
    """An input for which the pipeline broke one of its promises."""


def check_one(data: bytes) -> None:
    """Run `extract_bytes` on `data` (twice, and with include_other) and raise InvariantError if a promise breaks."""
    try:
        frame = extract_bytes(data)
    except LoadError:
        return
    except Exception as error:
        raise InvariantError(f"extract_bytes raised {type(error).__name__}: {error}") from error
    original = load_bytes(data).original
    for include_other, rows in ((False, frame), (True, extract_bytes(data, include_other=True))):
        for row in rows.itertuples():
            if not 0 <= row.start <= row.end <= len(original):
                raise InvariantError(f"bad span [{row.start}, {row.end}) of {len(original)} chars "
                                     f"(include_other={include_other})")
            if original[row.start:row.end] != row.evidence:
                raise InvariantError(f"evidence {row.evidence!r} != original[{row.start}:{row.end}] "
                                     f"{original[row.start:row.end]!r} (include_other={include_other})")
    again = extract_bytes(data)
    if not frame.equals(again):
        raise InvariantError("a second call gave a different frame")


def seed_files() -> list[Path]:
    """Seed reports found on disk (fixtures, and the shared corpus when present)."""
    return [p for d in SEED_DIRS if d.is_dir() for p in sorted(d.rglob("*")) if p.is_file()]


def _write_seeds(folder: Path) -> None:
    for name, data in HOSTILE_SEEDS.items():
        (folder / f"hostile-{name}").write_bytes(data)
    lines = ['"' + "".join(f"\\x{b:02x}" for b in token.encode()) + '"' for token in _TOKENS]
    (folder.parent / "fuzz.dict").write_text("\n".join(lines) + "\n")


def run_atheris(minutes: float, corpus: Path, crashes: Path) -> tuple[int, int]:
    """Fuzz with libFuzzer in child processes until `minutes` are spent; return (executions, child runs)."""
    deadline = time.monotonic() + minutes * 60
    executions = runs = 0
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        _write_seeds(seeds)
        seed_dirs = [str(seeds)] + [str(d) for d in SEED_DIRS if d.is_dir()]
        while (left := int(deadline - time.monotonic())) > 5:
            runs += 1
            command = [sys.executable, __file__, "--atheris-child", str(corpus), *seed_dirs,
                       f"-max_total_time={left}", f"-artifact_prefix={crashes}/", f"-timeout={SLOW_INPUT_SECONDS}",
                       f"-dict={Path(tmp) / 'fuzz.dict'}", "-print_final_stats=1", "-max_len=16384"]
            child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, errors="replace")
            for line in child.stderr:
                sys.stderr.write(line)
                if found := re.match(r"stat::number_of_executed_units:\s*(\d+)", line):
                    executions += int(found.group(1))
            child.wait()
    return executions, runs


def run_hypothesis(minutes: float, crashes: Path) -> tuple[int, int]:
    """Stand-in without atheris: hypothesis over bytes until `minutes` are spent; return (executions, 1)."""
    from hypothesis import HealthCheck, given, seed, settings
    from hypothesis import strategies as st

    class TimeUp(BaseException):
        """Raised to stop hypothesis when the time is spent (BaseException: not taken for a failure)."""

    deadline = time.monotonic() + minutes * 60
    state = {"executions": 0, "failing": None}
    pieces = st.sampled_from([t.encode() for t in _TOKENS] + list(HOSTILE_SEEDS.values()))
    texts = st.lists(st.one_of(pieces, st.text(max_size=8).map(str.encode), st.binary(max_size=8)), max_size=40)
    inputs = st.one_of(st.binary(max_size=4096), texts.map(b"".join),
                       st.sampled_from([p.read_bytes() for p in seed_files()] or [b""]))

    @seed(time.time_ns())  # an explicit seed: stopping on TimeUp prints no "reproduce with @seed" advice
    @settings(max_examples=10**9, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(inputs)
    def target(data: bytes) -> None:
        if time.monotonic() > deadline:
            raise TimeUp
        state["executions"] += 1
        try:
            check_one(data)
        except InvariantError:
            state["failing"] = data
            raise

    try:
        target()
    except TimeUp:
        pass
    except InvariantError:
        data = state["failing"]
        path = crashes / f"crash-{hashlib.sha1(data).hexdigest()}"
        path.write_bytes(data)
        print(f"crash saved to {path}", file=sys.stderr)
    return state["executions"], 1


def _child() -> None:
    def test_one_input(data: bytes) -> None:
        check_one(data)

    argv = [sys.argv[0]] + [a for a in sys.argv[1:] if a != "--atheris-child"]
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


def main() -> None:
    """Parse the options and fuzz for the given minutes; print a summary of executions and crashes."""
    if "--atheris-child" in sys.argv:
        _child()
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=1.0, help="how long to fuzz")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="working corpus folder (grows)")
    parser.add_argument("--crashes", type=Path, default=DEFAULT_CRASHES, help="where crashing inputs are saved")
    parser.add_argument("--hypothesis", action="store_true", help="use hypothesis even when atheris is installed")
    args = parser.parse_args()
    args.corpus.mkdir(parents=True, exist_ok=True)
    args.crashes.mkdir(parents=True, exist_ok=True)
    before = {p.name for p in args.crashes.iterdir()}
    started = time.monotonic()
    if atheris is not None and not args.hypothesis:
        engine = "atheris"
        executions, runs = run_atheris(args.minutes, args.corpus.resolve(), args.crashes.resolve())
    else:
        engine = "hypothesis"
        executions, runs = run_hypothesis(args.minutes, args.crashes)
    new = sorted(p.name for p in args.crashes.iterdir() if p.name not in before)
    print(f"\nengine {engine}: {(time.monotonic() - started) / 60:.1f} min, {executions} executions, "
          f"{runs} fuzzer run(s), {len(new)} new crash file(s) in {args.crashes}")
    for name in new:
        print(f"  {name}")


if __name__ == "__main__":
    main()
