"""The package's layers, read from the code (nothing imported or run): every module sits in a layer, imports only its
own layer or lower ones, and no modules import each other round a loop — counting imports inside functions and under
TYPE_CHECKING, since an import moved into a function to dodge a circle is still a circle in the design.

The layers, bottom to top (docs/architecture.md explains each):
  core        plain values: schema, model, values, text, keys, errors, resources, …
  io          the workbook file and Excel: read, write, lock, patch, the access protocol
  book        the workbook as a product: its sheets, buttons, VBA, xlwings' settings
  domain      the conference's rules: facts, deadlines, settings, numbers, document kinds, carry-over, privacy
  validation  the checks on the workbook's data
  documents   the documents' contexts, rendering and runs
  mttq        the exchange with the Fatherland Front
  rollup      the province's roll-up
  workflows   jobs that combine the above for one user action
  front       the command line, the buttons, the window (the root's modules are the names used from outside:
              pip's scripts and every office's VBA `import doithoai.buttons`)
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "doithoai"

LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("core", ("doithoai.core",)),
    ("io", ("doithoai.io",)),
    ("book", ("doithoai.book",)),
    ("domain", ("doithoai.domain",)),
    ("validation", ("doithoai.validation",)),
    ("documents", ("doithoai.documents",)),
    ("mttq", ("doithoai.mttq",)),
    ("rollup", ("doithoai.rollup",)),
    ("workflows", ("doithoai.workflows",)),
    ("front", ("doithoai.commands", "doithoai.cli", "doithoai.buttons", "doithoai.app", "doithoai.windows",
               "doithoai.__main__")),
]


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(current: str, is_package: bool, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = current.split(".")
    if not is_package:
        base = base[:-1]
    if node.level > 1:
        base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(root: Path) -> dict[str, dict[str, int]]:
    """Each module's imports of the package's own modules: {module: {imported module: line}}."""
    files = {module_name(root, p): p for p in sorted(root.rglob("*.py"))}

    def known(name: str) -> str | None:
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, dict[str, int]] = {m: {} for m in files}
    for mod, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(mod, path.name == "__init__.py", node)
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names]
            for target in targets:
                found = known(target)
                # a package's __init__ is run by importing any module inside it: not an edge of the design
                if found and found != mod and not (files[found].name == "__init__.py" and mod.startswith(found + ".")):
                    graph[mod].setdefault(found, node.lineno)
    return graph


def layer_of(module: str) -> int | None:
    for rank, (_, prefixes) in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return rank
    return 0 if module == "doithoai" else None  # the package's own __init__ (its version) is below everything


def upward(graph: dict[str, dict[str, int]]) -> list[str]:
    found = []
    for mod, targets in graph.items():
        for target, line in targets.items():
            a, b = layer_of(mod), layer_of(target)
            if a is not None and b is not None and b > a:
                found.append(f"{mod}:{line} imports {target} ({LAYERS[a][0]} -> {LAYERS[b][0]})")
    return sorted(found)


def circles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return sorted(groups)


@pytest.fixture(scope="module")
def graph() -> dict[str, dict[str, int]]:
    return imports(PACKAGE)


def test_every_module_sits_in_a_layer(graph):
    loose = [m for m in graph if layer_of(m) is None]
    assert not loose, f"modules outside every layer (put each in a sub-package, or list it in LAYERS): {loose}"


def test_no_import_runs_back_up(graph):
    assert upward(graph) == []


def test_no_import_circles(graph):
    assert circles(graph) == []


def test_the_reader_finds_what_it_must(tmp_path):
    """The checks above can fail: a planted upward import inside a function and a planted circle are found."""
    root = tmp_path / "doithoai"
    for folder in ("core", "io", "workflows"):
        (root / folder).mkdir(parents=True)
        (root / folder / "__init__.py").write_text("")
    (root / "__init__.py").write_text("")
    (root / "core" / "text.py").write_text("def f():\n    from ..workflows.intake import run\n")
    (root / "workflows" / "intake.py").write_text("from ..core import text\nfrom . import demo\n")
    (root / "workflows" / "demo.py").write_text("from .intake import run\nimport doithoai.io.files\n")
    (root / "io" / "files.py").write_text("")
    found = imports(root)
    assert found["doithoai.core.text"] == {"doithoai.workflows.intake": 2}
    assert "doithoai.io.files" in found["doithoai.workflows.demo"]
    assert upward(found) == ["doithoai.core.text:2 imports doithoai.workflows.intake (core -> workflows)"]
    assert circles(found) == [["doithoai.core.text", "doithoai.workflows.demo", "doithoai.workflows.intake"]]


def io_order(root: Path = PACKAGE) -> dict[str, int]:
    """The io layer's own order, read from io/__init__.py's docstring: module -> its line, counted from the bottom
    (a line reads "- name: `module` `module` …")."""
    doc = ast.get_docstring(ast.parse((root / "io" / "__init__.py").read_text(encoding="utf-8"))) or ""
    return {f"doithoai.io.{name}": rank for rank, line in enumerate(re.findall(r"^- \w+: (.*)$", doc, re.M))
            for name in re.findall(r"`(\w+)`", line)}


def io_upward(graph: dict[str, dict[str, int]], order: dict[str, int]) -> list[str]:
    """Imports inside io that run to a higher line of its order, and io modules on no line (a package's modules take
    the package's line)."""
    def rank(module: str) -> int | None:
        while module not in order and module.count(".") > 2:
            module = module.rpartition(".")[0]
        return order.get(module)

    found = []
    for mod in sorted(m for m in graph if m.startswith("doithoai.io.")):
        mine = rank(mod)
        if mine is None:
            found.append(f"{mod} is on no line of io/__init__.py's order")
            continue
        for target, line in sorted(graph[mod].items()):
            theirs = rank(target) if target.startswith("doithoai.io.") else None
            if theirs is not None and theirs > mine:
                found.append(f"{mod}:{line} imports {target} (a higher line of io's order)")
    return found


def test_io_keeps_the_order_its_docstring_states(graph):
    order = io_order()
    assert {"doithoai.io.files", "doithoai.io.writer", "doithoai.io.xlsxpatch"} <= order.keys()
    assert order["doithoai.io.files"] < order["doithoai.io.scan"] < order["doithoai.io.tables"] < order["doithoai.io.writer"]
    assert io_upward(graph, order) == []
    planted = {**graph, "doithoai.io.files": {**graph["doithoai.io.files"], "doithoai.io.xlsxpatch.apply": 7},
               "doithoai.io.stray": {}}
    assert io_upward(planted, order) == [
        "doithoai.io.files:7 imports doithoai.io.xlsxpatch.apply (a higher line of io's order)",
        "doithoai.io.stray is on no line of io/__init__.py's order",
    ]
