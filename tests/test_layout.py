"""The package's layout follows the pipeline: subpackages in the order text → numbers → rules → facts → output → run,
then the top-level modules (score, gaps). A module imports only from its own layer or the ones before it, and no
two modules import each other, so a newcomer can read the stages in order."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "extractors"
LAYERS = ["data", "text", "numbers", "rules", "facts", "output", "run"]  # then the top-level modules


def _layer(module: str) -> int:
    """fangkong.rules.match → the index of `rules`; a top-level module (fangkong.score) → after every package."""
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) >= 2 and parts[1] in LAYERS else len(LAYERS)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(["fangkong", *(p for p in parts if p != "__init__")])


def _imports(path: Path) -> set[str]:
    """Every fangkong module the file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("fangkong"):
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names if (PACKAGE / node.module.split(".", 1)[-1]
                      .replace(".", "/") / f"{a.name}.py").exists()} if "." in node.module else set()
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("fangkong.")}
    return {name for name in found if name != "fangkong"}


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_module_imports_only_from_its_layer_or_those_before(path):
    if path.relative_to(PACKAGE).parts in (("__init__.py",), ("_moved.py",)):
        return  # the package's front: it re-exports the public API
    own = _layer(_module_name(path))
    against = sorted(name for name in _imports(path) if _layer(name) > own)
    assert against == [], f"{_module_name(path)} imports against the pipeline's direction: {against}"


def test_no_two_modules_import_each_other():
    graph = {_module_name(p): {n for n in _imports(p) if n.count(".") >= 1} for p in MODULES}
    circles = sorted((a, b) for a, targets in graph.items() for b in targets
                     if a < b and a in graph.get(b, set()))
    assert circles == []


@pytest.mark.parametrize("package", [p for p in LAYERS])
def test_each_subpackage_says_in_one_line_what_it_holds_and_may_import(package):
    tree = ast.parse((PACKAGE / package / "__init__.py").read_text("utf-8"))
    doc = ast.get_docstring(tree)
    assert doc and "\n" not in doc
    if package not in ("data", "text", "run"):
        assert "may import" in doc


def test_the_layout_test_would_catch_an_import_against_the_direction(tmp_path):
    # a module of text/ importing run/ is what the test above must refuse
    bad = tmp_path / "bad.py"
    bad.write_text("from fangkong.run.pipeline import extract_text\n")
    assert _layer("fangkong.text.bad") < min(_layer(n) for n in _imports(bad))
