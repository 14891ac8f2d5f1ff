"""The package layout: no import cycles (lazy imports inside functions included), only
dehub/engine imports MkDocs or Material, every package says what enters and leaves it,
modules stay small, and the tests mirror the packages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "dehub"
STAGES = ["load", "validate", "localize", "render", "write", "engine", "commands"]
MAX_LINES = 300


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(name: str, path: Path) -> set[str]:
    """Every module `name` imports at run time, at the top or inside a function (not under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            found.add(stem)
            found.update(f"{stem}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: {target for target in imports_of(name, path) if target in known and target != name} for name, path in known.items()}


def test_the_import_walker_sees_lazy_and_relative_imports() -> None:
    imports = imports_of("dehub.cli", PACKAGE / "cli.py")
    assert "dehub.commands.check" in imports  # imported inside main()
    assert "argparse" in imports


def test_no_import_cycles() -> None:
    edges = graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def walk(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges[node]):
            # a package's __init__ is imported before its modules; importing one's own package is no cycle
            if node.startswith(target + "."):
                continue
            if state.get(target) == 1:
                cycles.append(trail[trail.index(target) :] + [target] if target in trail else [node, target])
            elif target not in state:
                walk(target, [*trail, target])
        state[node] = 2

    for name in sorted(edges):
        if name not in state:
            walk(name, [name])
    assert not cycles, "\n".join(" -> ".join(cycle) for cycle in cycles)


def test_only_the_engine_imports_mkdocs_or_material() -> None:
    offenders = [
        f"{name}: {target}"
        for name, path in modules().items()
        if not name.startswith("dehub.engine")
        for target in imports_of(name, path)
        if target.split(".")[0] in {"mkdocs", "material"}
    ]
    assert not offenders


def material_plugin_imports(imports: set[str]) -> list[str]:
    return sorted(target for target in imports if target == "material.plugins" or target.startswith("material.plugins."))


def test_no_module_imports_materials_plugins() -> None:
    """The search is Pagefind's (write/search.py): nothing depends on Material's plugins, so
    an engine without them (Zensical, MkDocs 2) can build the same site."""
    offenders = {name: found for name, path in modules().items() if (found := material_plugin_imports(imports_of(name, path)))}
    assert not offenders


def test_the_plugin_import_gate_sees_a_plugin_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from material.plugins.search.plugin import SearchIndex\n", encoding="utf-8")
    assert material_plugin_imports(imports_of("m", module)) == [
        "material.plugins.search.plugin",
        "material.plugins.search.plugin.SearchIndex",
    ]


def test_check_does_not_import_the_renderer_or_the_engine() -> None:
    edges = graph()
    seen, todo = set(), ["dehub.commands.check"]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(edges[name])
    assert not {name for name in seen if name.startswith(("dehub.engine", "dehub.render.renderer", "dehub.render.pages"))}


@pytest.mark.parametrize("stage", STAGES)
def test_each_package_says_what_enters_and_leaves(stage: str) -> None:
    docstring = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text(encoding="utf-8"))) or ""
    assert "In:" in docstring and "Out:" in docstring, stage


def test_modules_stay_small() -> None:
    large = {name: lines for name, path in modules().items() if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not large


def test_tests_mirror_the_packages() -> None:
    for stage in STAGES:
        assert list((ROOT / "tests" / stage).glob("test_*.py")), f"tests/{stage}/ has no tests"
