"""A fake Windows registry and shortcut maker for the installer's and doctor's Windows steps (doithoai/windows.py,
doithoai/io/registry.py).

`FakeRegistry` keeps keys as Windows does (names compare case-blind, the first spelling is kept) and records every
value written; `FakeShortcuts` writes each shortcut as a small JSON file where the .lnk would be, so a test reads
the files the installer made.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class FakeRegistry:
    def __init__(self, values: dict[str, dict[str, Any]] | None = None) -> None:
        self.keys: dict[str, tuple[str, dict[str, tuple[str, Any]]]] = {}  # lower-case path -> (path, name -> value)
        self.written: list[tuple[str, str, Any, str]] = []
        for key, named in (values or {}).items():
            self.add(key)
            for name, value in named.items():
                kind = "REG_DWORD" if isinstance(value, int) else "REG_SZ"
                if isinstance(value, tuple):
                    value, kind = value
                self.keys[key.lower()][1][name.lower()] = (kind, (name, value))

    def add(self, key: str) -> None:
        parts = key.split("\\")
        for end in range(1, len(parts) + 1):
            path = "\\".join(parts[:end])
            self.keys.setdefault(path.lower(), (path, {}))

    def subkeys(self, key: str) -> list[str]:
        prefix = key.lower().rstrip("\\") + "\\"
        return sorted({path[len(prefix):].split("\\")[0] for lower, (path, _) in self.keys.items()
                       if lower.startswith(prefix)}, key=str.lower)

    def _entry(self, key: str, name: str):
        found = self.keys.get(key.lower())
        return None if found is None else found[1].get(name.lower())

    def value(self, key: str, name: str = "") -> Any:
        entry = self._entry(key, name)
        return None if entry is None else entry[1][1]

    def value_names(self, key: str) -> list[str]:
        found = self.keys.get(key.lower())
        return [] if found is None else [name for _, (name, _) in found[1].values()]

    def kind(self, key: str, name: str) -> str | None:
        entry = self._entry(key, name)
        return None if entry is None else entry[0]

    def exists(self, key: str) -> bool:
        return key.lower() in self.keys

    def set_value(self, key: str, name: str, value, kind: str) -> None:
        assert kind in ("REG_SZ", "REG_EXPAND_SZ", "REG_DWORD"), kind
        assert isinstance(value, int) == (kind == "REG_DWORD"), (key, name, value, kind)
        self.add(key)
        self.keys[key.lower()][1][name.lower()] = (kind, (name, value))
        self.written.append((key, name, value, kind))

    def key_values(self, key: str) -> dict[str, Any]:
        return {name: value for _, (name, value) in self.keys[key.lower()][1].values()}


class FakeShortcuts:
    def __init__(self) -> None:
        self.made: list[Path] = []

    def __call__(self, path: Path, target: str, arguments: str, folder: str, description: str, icon: str) -> None:
        assert path.suffix == ".lnk" and path.parent.is_dir(), path
        path.write_text(json.dumps({"target": target, "arguments": arguments, "folder": folder, "description": description,
                                    "icon": icon}, ensure_ascii=False), encoding="utf-8")
        self.made.append(path)


def read_shortcut(path: Path) -> dict[str, str]:
    return json.loads(path.read_text(encoding="utf-8"))
