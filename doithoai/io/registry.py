"""This Windows PC as the registry describes it: Office versions, Excel's trusted locations, Word, Excel, the program
that opens .xlsm, Defender's attack surface reduction rules, fonts. Standard library only.

Read by `doithoai doctor` and by `documents/pdf.py` (is Word there?); the installer's steps that write the registry are
`doithoai.windows`, on top. Every access goes through a `Registry` (winreg here; tests hand in a fake).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any, Protocol

# -- the layers ------------------------------------------------------------------------------------------------


class Registry(Protocol):
    """Keys are full paths with their hive first: "HKCU\\Software\\…", "HKLM\\…", "HKCR\\…"; names compare case-blind."""

    def subkeys(self, key: str) -> list[str]: ...  # [] when the key is missing or unreadable

    def value(self, key: str, name: str = "") -> Any: ...  # None when missing or unreadable; "" is the default value

    def value_names(self, key: str) -> list[str]: ...  # [] when the key is missing or unreadable

    def kind(self, key: str, name: str) -> str | None: ...  # "REG_SZ", "REG_EXPAND_SZ", "REG_DWORD", …

    def exists(self, key: str) -> bool: ...

    def set_value(self, key: str, name: str, value: str | int, kind: str) -> None: ...  # creates the key


_HIVES = {"HKCU": "HKEY_CURRENT_USER", "HKLM": "HKEY_LOCAL_MACHINE", "HKCR": "HKEY_CLASSES_ROOT", "HKU": "HKEY_USERS"}


class WinRegistry:
    """The real registry through winreg (64-bit view, as 64-bit Python sees it; WOW6432Node paths are named in full)."""

    def __init__(self) -> None:
        import winreg

        self.winreg: Any = winreg  # typeshed describes winreg only when checking for Windows

    def _split(self, key: str) -> tuple[Any, str]:
        hive, _, path = key.partition("\\")
        return getattr(self.winreg, _HIVES[hive.upper()]), path

    def _open(self, key: str, write: bool = False) -> Any:  # a winreg key handle (winreg exists only on Windows)
        hive, path = self._split(key)
        if write:
            return self.winreg.CreateKeyEx(hive, path, 0, self.winreg.KEY_READ | self.winreg.KEY_WRITE)
        return self.winreg.OpenKey(hive, path, 0, self.winreg.KEY_READ)

    def subkeys(self, key: str) -> list[str]:
        try:
            with self._open(key) as handle:
                count = self.winreg.QueryInfoKey(handle)[0]
                return [self.winreg.EnumKey(handle, index) for index in range(count)]
        except OSError:
            return []

    def _query(self, key: str, name: str) -> tuple[Any, int] | None:
        try:
            with self._open(key) as handle:
                return self.winreg.QueryValueEx(handle, name)
        except OSError:
            return None

    def value(self, key: str, name: str = "") -> Any:
        found = self._query(key, name)
        return None if found is None else found[0]

    def value_names(self, key: str) -> list[str]:
        try:
            with self._open(key) as handle:
                count = self.winreg.QueryInfoKey(handle)[1]
                return [self.winreg.EnumValue(handle, index)[0] for index in range(count)]
        except OSError:
            return []

    def kind(self, key: str, name: str) -> str | None:
        found = self._query(key, name)
        if found is None:
            return None
        names = {self.winreg.REG_SZ: "REG_SZ", self.winreg.REG_EXPAND_SZ: "REG_EXPAND_SZ",
                 self.winreg.REG_DWORD: "REG_DWORD", self.winreg.REG_MULTI_SZ: "REG_MULTI_SZ"}
        return names.get(found[1], str(found[1]))

    def exists(self, key: str) -> bool:
        try:
            with self._open(key):
                return True
        except OSError:
            return False

    def set_value(self, key: str, name: str, value: str | int, kind: str) -> None:
        with self._open(key, write=True) as handle:
            self.winreg.SetValueEx(handle, name, 0, getattr(self.winreg, kind), value)


# What the installer writes as the trusted location's description, and doctor recognises as ours.
TRUST_DESCRIPTION = "Đối thoại: sổ hội nghị đối thoại (bộ cài Đối thoại)"


# -- what the registry says ----------------------------------------------------------------------------------------

OFFICE = "Software\\Microsoft\\Office"
TRUSTED = "Excel\\Security\\Trusted Locations"
DEFAULT_OFFICE = "16.0"  # Office 2016, 2019, 2021, 2024 and Microsoft 365 all keep their settings under 16.0
_VERSION = re.compile(r"^\d{2}\.0$")

# Defender's attack surface reduction rules that stop the buttons (Microsoft's rule GUIDs and registry places).
ASR_CHILD_PROCESSES = "d4f940ab-401b-4efc-aadc-ad5f3c50688a"  # Block all Office applications from creating child processes
ASR_WIN32_API = "92e97fa1-2edf-4476-bdd6-9dd0b4dddc7b"  # Block Win32 API calls from Office macros
ASR_KEYS = (
    "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\Windows Defender Exploit Guard\\ASR\\Rules",  # Group Policy
    "HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Windows Defender Exploit Guard\\ASR\\Rules",  # Set-MpPreference
)
ASR_MDM = ("HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\Policy Manager", "ASRRules")  # Intune: "guid=1|guid=2"
ASR_BLOCK, ASR_AUDIT, ASR_WARN = 1, 2, 6


def office_versions(registry: Registry) -> list[str]:
    """The Office versions whose Excel this user has, or this machine has installed ("16.0", "15.0"…), newest first."""
    found: set[str] = set()
    for version in registry.subkeys(f"HKCU\\{OFFICE}"):
        if _VERSION.match(version) and registry.exists(f"HKCU\\{OFFICE}\\{version}\\Excel"):
            found.add(version)
    for root in ("HKLM\\SOFTWARE\\Microsoft\\Office", "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Office"):
        for version in registry.subkeys(root):
            if _VERSION.match(version) and registry.exists(f"{root}\\{version}\\Excel\\InstallRoot"):
                found.add(version)
        if registry.exists(f"{root}\\ClickToRun\\Configuration"):
            found.add(DEFAULT_OFFICE)
    return sorted(found, key=lambda v: float(v), reverse=True)


@dataclass(frozen=True)
class TrustedLocation:
    version: str
    key: str
    path: str
    subfolders: bool
    description: str = ""


def trusted_locations(registry: Registry, environ: dict[str, str] | None = None) -> list[TrustedLocation]:
    """Excel's trusted locations for this user, every Office version (the user's own and those set by policy)."""
    found = []
    versions = set(office_versions(registry)) | {v for v in registry.subkeys(f"HKCU\\{OFFICE}") if _VERSION.match(v)}
    for version in sorted(versions):
        for base in (f"HKCU\\{OFFICE}\\{version}\\{TRUSTED}",
                     f"HKCU\\Software\\Policies\\Microsoft\\Office\\{version}\\{TRUSTED}"):
            for name in registry.subkeys(base):
                key = f"{base}\\{name}"
                path = registry.value(key, "Path")
                if isinstance(path, str) and path:
                    subfolders = bool(registry.value(key, "AllowSubfolders"))
                    description = registry.value(key, "Description")
                    found.append(TrustedLocation(version, key, expand(path, environ), subfolders,
                                                 description if isinstance(description, str) else ""))
    return found


def folder_key(path: str) -> str:
    return path.replace("/", "\\").rstrip("\\").lower() + "\\"


def is_trusted(folder: str, locations: list[TrustedLocation]) -> bool:
    """Whether Excel trusts files in `folder` (a location equal to it, or above it with AllowSubfolders)."""
    wanted = folder_key(folder)
    for location in locations:
        place = folder_key(location.path)
        if wanted == place or (location.subfolders and wanted.startswith(place)):
            return True
    return False


def expand(text: str, environ: dict[str, str] | None = None) -> str:
    """%VARIABLE% as Windows expands it (os.path.expandvars does so only on Windows)."""
    lowered = {k.lower(): v for k, v in (os.environ if environ is None else environ).items()}
    return re.sub(r"%([^%]+)%", lambda m: lowered.get(m.group(1).lower(), m.group(0)), text)


def word_installed(registry: Registry) -> bool:
    return registry.exists("HKCR\\Word.Application\\CLSID")


def excel_path(registry: Registry) -> str | None:
    """excel.exe as Windows' App Paths name it (where Start → Run finds it), or None."""
    for root in ("HKCU\\SOFTWARE", "HKLM\\SOFTWARE", "HKLM\\SOFTWARE\\WOW6432Node"):
        path = registry.value(f"{root}\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe")
        if isinstance(path, str) and path.strip('"'):
            return path.strip('"')
    return None


def xlsm_opener(registry: Registry) -> tuple[str, str] | None:
    """(ProgId, open command) of the program a double click on a .xlsm starts: the user's choice, else the class's."""
    progid = registry.value("HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\FileExts\\.xlsm\\UserChoice",
                            "ProgId") or registry.value("HKCR\\.xlsm")
    if not isinstance(progid, str) or not progid:
        return None
    command = registry.value(f"HKCR\\{progid}\\shell\\open\\command")
    return progid, command if isinstance(command, str) else ""


def is_wps(opener: tuple[str, str] | None) -> bool:
    if opener is None:
        return False
    text = " ".join(opener).lower()
    if "excel.exe" in text:
        return False
    return any(mark in text for mark in ("wps", "kingsoft", "ksolaunch", "\\et.exe", "ket."))


def asr_rules(registry: Registry) -> dict[str, int]:
    """Defender's attack surface reduction rules that are configured: lower-case GUID -> state (1 block, 2 audit, 6 warn)."""
    rules: dict[str, int] = {}
    for key in ASR_KEYS:
        for name in registry.value_names(key):
            state = _state(registry.value(key, name))
            if state is not None:
                rules.setdefault(name.strip("{}").lower(), state)
    mdm = registry.value(*ASR_MDM)
    if isinstance(mdm, str):
        for pair in mdm.split("|"):
            guid, _, text = pair.partition("=")
            parsed = _state(text)
            if guid.strip() and parsed is not None:
                rules.setdefault(guid.strip().strip("{}").lower(), parsed)
    return rules


def _state(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def font_families(registry: Registry) -> set[str]:
    """Installed font families, from the machine's and the user's font lists ("Times New Roman (TrueType)" → its name)."""
    names: set[str] = set()
    for key in ("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts",
                "HKCU\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts"):
        for name in registry.value_names(key):
            family = re.sub(r"\s*\((TrueType|OpenType|All res)\)$", "", name)
            names.update(part.strip() for part in family.split("&"))
    return names


