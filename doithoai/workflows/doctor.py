"""`doithoai doctor`: check this machine (and a workbook) the way a helper would, one Vietnamese line per problem.

`Machine` holds what the checks look at; `Machine.here()` reads it from this computer, tests build prepared
ones. `diagnose(machine, book)` is pure apart from reading the workbook file, and returns the problems, each
with its fix. What it knows about:

- Python: version (xlwings 0.37.8 needs 3.11+), 64-bit (no pandas/matplotlib wheels for 32-bit), the
  libraries the package needs and xlwings at the pinned version;
- the workbook: its `xlwings.conf` sheet (connected? to which Python? does that Python exist? is it the one
  Đối thoại is installed in?), the launcher the Windows buttons use, the version of xlwings' VBA module inside
  it against the installed xlwings, a non-ASCII interpreter or temporary folder (xlwings' VBA file functions
  are ANSI), a OneDrive folder, Windows' mark of the web (`Zone.Identifier`, Excel then blocks the macros),
  a lock file (open in Excel, LibreOffice or WPS);
- this Windows PC (read from the registry by `doithoai.io.registry`; tests prepare them): Defender's attack surface
  reduction rules that stop the buttons (Office child processes: error 70; Win32 API calls from macros), WPS as the
  program that opens .xlsm, whether the workbook's folder is one of Excel's trusted locations (the installer makes
  `C:\\DoiThoai\\So` one; a workbook there runs its macros despite the mark of the web, which is then not reported);
- Word or LibreOffice, which make the PDF copies, and Times New Roman (every document's font, with Vietnamese letters).

Decision: the version of xlwings' VBA module inside a workbook against the installed xlwings is said, not counted as
a problem: that module names its DLL by version, and the DLL serves only user-defined functions; the buttons start
Python through RunFrozenPython / RunPython, which do not load it, so a mismatch does not stop them.
"""

from __future__ import annotations

import os
import re
import struct
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..io.registry import ASR_AUDIT, ASR_BLOCK, ASR_CHILD_PROCESSES, ASR_WARN, ASR_WIN32_API, TrustedLocation

MIN_PYTHON = (3, 11)
_XLWINGS_DLL = re.compile(rb"xlwings(?:32|64)-(\d+\.\d+\.\d+)\.dll")


@dataclass
class Machine:
    python: str  # the interpreter Đối thoại is installed in (the one the buttons should run)
    version: tuple[int, int, int]
    bits: int
    platform: str
    environ: dict[str, str]
    packages: dict[str, str | None]  # required distribution -> installed version (None: missing)
    required: dict[str, str]  # required distribution -> its requirement text
    soffice: str | None
    word: bool = False  # Microsoft Word's automation object is registered (it makes the PDFs on Windows)
    asr: dict[str, int] = field(default_factory=dict)  # Defender's configured ASR rules: lower-case GUID -> state
    xlsm_opener: tuple[str, str] | None = None  # (ProgId, open command) of what a double click on a .xlsm starts
    trusted: list[TrustedLocation] | None = None  # Excel's trusted locations (None: not known, not Windows)
    fonts: set[str] | None = None  # installed font families (None: not known)
    # The installed families that hold the Vietnamese letters (fontconfig's charset query; None: not known). Debian's
    # fonts-liberation 1.07 has a "Liberation Serif" without them, and LibreOffice then takes each missing letter from
    # another typeface, in the middle of a word.
    vietnamese_fonts: set[str] | None = None

    @classmethod
    def here(cls) -> Machine:
        from ..book.xlwings_conf import button_python
        from ..documents.pdf import soffice

        required = _requirements()
        machine = cls(
            python=button_python(),
            version=tuple(sys.version_info[:3]),  # type: ignore[arg-type]
            bits=struct.calcsize("P") * 8,
            platform=sys.platform,
            environ=dict(os.environ),
            packages={name: _installed(name) for name in required},
            required=required,
            soffice=soffice(),
            fonts=_fc_families(),
            vietnamese_fonts=_fc_families(VIETNAMESE_LETTERS),
        )
        if sys.platform == "win32":
            from ..io import registry as windows

            registry = windows.WinRegistry()
            machine.word = windows.word_installed(registry)
            machine.asr = windows.asr_rules(registry)
            machine.xlsm_opener = windows.xlsm_opener(registry)
            machine.trusted = windows.trusted_locations(registry, machine.environ)
            machine.fonts = windows.font_families(registry)
        return machine


@dataclass
class Finding:
    problem: str
    fix: str

    def line(self) -> str:
        return f"✗ {self.problem} Cách sửa: {self.fix}"


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)  # what was looked at, for the person reading it

    def add(self, problem: str, fix: str) -> None:
        self.findings.append(Finding(problem, fix))


def _requirements() -> dict[str, str]:
    from importlib import metadata

    try:
        requires = metadata.requires("doithoai") or []
    except metadata.PackageNotFoundError:
        requires = []
    result = {}
    for requirement in requires:
        if ";" in requirement:  # extras (tests, build) are not needed by the office
            continue
        name = re.split(r"[<>=!~ \[]", requirement, maxsplit=1)[0]
        result[name] = requirement
    return result


# Letters only Vietnamese uses (ạ ệ ờ ữ ỹ Ư đ): a font holding them all holds the Vietnamese alphabet.
VIETNAMESE_LETTERS = "ạệờữỹƯđ"


def _fc_families(letters: str = "") -> set[str] | None:
    """Font families fontconfig knows (Linux, where LibreOffice makes the PDFs), or None without fc-list; with `letters`,
    only the families holding every one of them."""
    import shutil
    import subprocess

    if sys.platform == "win32" or shutil.which("fc-list") is None:
        return None
    pattern = ":charset=" + " ".join(f"{ord(c):x}" for c in letters) if letters else ":"
    try:
        listing = subprocess.run(["fc-list", pattern, "family"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    return {name.strip() for line in listing.splitlines() for name in line.split(",") if name.strip()}


def _installed(name: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


# -- the workbook's xlwings VBA module -------------------------------------------------------------------------


def _ovba_chunk(data: bytes, pos: int) -> tuple[bytes | None, int]:
    """One MS-OVBA compressed chunk at `pos` (MS-OVBA 2.4.1), or None when the bytes there are not one."""
    if pos + 2 > len(data):
        return None, 0
    header = struct.unpack_from("<H", data, pos)[0]
    if (header >> 12) & 0b0111 != 0b011:
        return None, 0
    end = min(pos + (header & 0x0FFF) + 3, len(data))
    if not header & 0x8000:
        return bytes(data[pos + 2: pos + 2 + 4096]), pos + 2 + 4096
    out = bytearray()
    i = pos + 2
    while i < end:
        flags = data[i]
        i += 1
        for bit in range(8):
            if i >= end:
                break
            if not flags & (1 << bit):
                out.append(data[i])
                i += 1
                continue
            if i + 2 > len(data):
                return None, 0
            token = struct.unpack_from("<H", data, i)[0]
            i += 2
            bits = max((len(out) - 1).bit_length(), 4) if len(out) > 1 else 4
            length, offset = (token & (0xFFFF >> bits)) + 3, (token >> (16 - bits)) + 1
            if offset > len(out):
                return None, 0
            for _ in range(length):
                out.append(out[-offset])
    return bytes(out), end


def vba_xlwings_version(project: bytes) -> str | None:
    """The xlwings version the VBA project's xlwings module names its DLL by, found in its compressed source.

    Scans for compressed containers (signature byte 1, then a chunk header) rather than parsing the compound
    file: the standard library has no OLE reader, and the module's Declare lines sit in its first chunks.
    """
    for pos in range(len(project) - 3):
        if project[pos] != 1:
            continue
        text, following = _ovba_chunk(project, pos + 1)
        if text is None:
            continue
        if b"xlwings" not in text:
            continue
        more, _ = _ovba_chunk(project, following)
        match = _XLWINGS_DLL.search(text + (more or b""))
        if match:
            return match.group(1).decode("ascii")
    return None


def zone_identifier(path: Path) -> int | None:
    """Windows' mark of the web: the ZoneId in the file's `Zone.Identifier` stream (3 = Internet), or None.

    On NTFS `name:Zone.Identifier` opens the alternate data stream; copies to other file systems (a network
    share, WSL) carry it as a file of that name beside the workbook, which is read the same way.
    """
    try:
        text = Path(f"{path}:Zone.Identifier").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    match = re.search(r"ZoneId\s*=\s*(\d+)", text)
    return int(match.group(1)) if match else None


def _same_file(a: str, b: str, platform: str) -> bool:
    if platform.startswith("win"):
        return os.path.normcase(a.replace("/", "\\")).lower() == os.path.normcase(b.replace("/", "\\")).lower()
    return os.path.normpath(a) == os.path.normpath(b)


def _onedrive(path: Path, environ: dict[str, str]) -> bool:
    roots = [environ.get(k, "") for k in ("OneDrive", "OneDriveConsumer", "OneDriveCommercial")]
    text = str(path)
    if any(root and text.lower().startswith(root.lower()) for root in roots):
        return True
    return any(part.lower().startswith("onedrive") for part in path.parts)


# -- the checks --------------------------------------------------------------------------------------------------


CONNECT = ("lưu và đóng sổ, kéo tệp sổ thả vào biểu tượng “Kết nối sổ Đối thoại” trên màn hình "
           "(hoặc chạy: doithoai connect \"{book}\").")
REINSTALL = "chạy lại bộ cài install.bat của Đối thoại (cài Python 64-bit và các thư viện đi kèm, không cần mạng)."


def diagnose(machine: Machine, book: Path | None = None) -> Report:
    from ..book import vba

    report = Report()
    windows = machine.platform.startswith("win")
    version = ".".join(map(str, machine.version))
    report.checked.append(f"Python: {machine.python} (phiên bản {version}, {machine.bits}-bit)")
    if machine.version[:2] < MIN_PYTHON:
        report.add(f"Python {version} quá cũ: Đối thoại cần Python 3.11 trở lên.", REINSTALL)
    if machine.bits != 64:
        report.add(f"Python đang dùng là bản {machine.bits}-bit: pandas và matplotlib không có bản cài cho loại này.", REINSTALL)
    if windows and not machine.python.isascii():
        report.add(f"Đường dẫn Python có chữ có dấu ({machine.python}): macro của Excel không mở được đường dẫn này.",
                   "cài Đối thoại vào thư mục không dấu, ví dụ C:\\DoiThoai (bộ cài install.bat làm sẵn việc này).")
    for name, installed in sorted(machine.packages.items()):
        if installed is None:
            report.add(f"Thiếu thư viện {name} ({machine.required.get(name, name)}).", REINSTALL)
    xlwings = machine.packages.get("xlwings")
    if xlwings is not None and xlwings != vba.XLWINGS_VERSION:
        report.add(f"Thư viện xlwings là bản {xlwings}, còn Đối thoại cần đúng bản {vba.XLWINGS_VERSION}.", REINSTALL)
    _check_pdf_and_fonts(report, machine, windows)
    if windows:
        _check_office(report, machine)
    temp = machine.environ.get("TEMP", "")
    if book is not None:
        _check_book(report, machine, Path(book), windows, temp)
    elif windows and temp and not temp.isascii():
        report.checked.append(f"Thư mục tạm có chữ có dấu ({temp}): lệnh connect sẽ ghi thư mục thay thế vào sổ.")
    return report


ASR_FIX = ("nhờ bộ phận kỹ thuật chuyển quy tắc này sang chế độ Audit (2) hoặc tắt (0) cho máy này (Group Policy, Intune "
           "hoặc Set-MpPreference); trong lúc chờ, lưu và đóng sổ rồi dùng chương trình “Đối thoại” trên màn hình (không "
           "cần macro).")
ASR_RULES = {
    ASR_CHILD_PROCESSES: ("“Block all Office applications from creating child processes”",
                          "Excel không được mở chương trình khác, nên bấm nút chỉ hiện thông báo lỗi 70, không chạy được Python"),
    ASR_WIN32_API: ("“Block Win32 API calls from Office macros”",
                    "mã xlwings trong sổ có khai báo hàm của Windows (Declare), nên Excel có thể chặn macro của sổ"),
}
FONT = "Times New Roman"
# The same letter widths as Times New Roman: LibreOffice uses one in its place (Liberation Serif 2.x, Tinos).
FONT_LIKE = ("Liberation Serif", "Tinos")
FONT_PACKAGES = "fonts-liberation2 fonts-croscore"  # Debian and Ubuntu: the two with the Vietnamese letters


def _check_pdf_and_fonts(report: Report, machine: Machine, windows: bool) -> None:
    if machine.word and windows:
        report.checked.append("Bản PDF: tạo bằng Microsoft Word" + (f" (LibreOffice dự phòng: {machine.soffice})"
                                                                    if machine.soffice else ""))
    elif machine.soffice:
        report.checked.append(f"Bản PDF: tạo bằng LibreOffice ({machine.soffice})")
    else:
        report.add("Máy chưa có Microsoft Word hay LibreOffice: văn bản chỉ có bản Word (.docx), không có bản PDF.",
                   "cài LibreOffice (libreoffice.org, miễn phí), rồi tạo lại văn bản.")
    if machine.fonts is None:
        return
    families = {name.casefold(): name for name in machine.fonts}
    # Where the PDFs are made: Word takes Times New Roman itself; LibreOffice takes it or a font of the same widths,
    # and only one holding the Vietnamese letters keeps every word in one typeface.
    candidates = [FONT] if windows and machine.word else [FONT, *([] if windows else FONT_LIKE)]
    present = [families[name.casefold()] for name in candidates if name.casefold() in families]
    vietnamese = None if machine.vietnamese_fonts is None else {name.casefold() for name in machine.vietnamese_fonts}
    complete = [name for name in present if vietnamese is None or name.casefold() in vietnamese]
    if complete:
        name = complete[0]
        report.checked.append(f"Phông chữ của văn bản: {name}" + ("" if name == FONT else f" thay cho {FONT} (cùng độ rộng "
                                                                                          "chữ, có chữ tiếng Việt)"))
    elif present:
        report.add(f"Phông {', '.join(present)} trên máy không có chữ tiếng Việt (ví dụ gói fonts-liberation 1.x): bản PDF "
                   "lấy các chữ có dấu từ một phông khác, lẫn hai kiểu chữ trong một từ.",
                   f"cài phông có chữ tiếng Việt cùng độ rộng với {FONT}: sudo apt-get install {FONT_PACKAGES} (Debian, Ubuntu), "
                   "hoặc phông Times New Roman, rồi tạo lại bản PDF.")
    else:
        fix = ("cài lại phông Times New Roman của Windows (Settings → Personalization → Fonts) hoặc nhờ bộ phận kỹ thuật."
               if windows else f"cài phông Times New Roman, hoặc Liberation Serif 2, Tinos (apt-get install {FONT_PACKAGES}).")
        report.add(f"Máy không có phông {FONT} (phông của mọi văn bản): bản PDF và bản in sẽ dùng phông khác, chữ có dấu "
                   "có thể sai hoặc lệch dòng.", fix)


def _check_office(report: Report, machine: Machine) -> None:
    from ..io.registry import is_wps

    for guid, (name, effect) in ASR_RULES.items():
        state = machine.asr.get(guid)
        if state == ASR_BLOCK:
            report.add(f"Microsoft Defender đang bật quy tắc {name} ({guid}) ở chế độ chặn: {effect}.", ASR_FIX)
        elif state == ASR_WARN:
            report.add(f"Microsoft Defender đang bật quy tắc {name} ({guid}) ở chế độ cảnh báo: mỗi lần bấm nút Windows "
                       "báo chặn, phải chọn cho phép thì nút mới chạy.", ASR_FIX)
        elif state == ASR_AUDIT:
            report.checked.append(f"Microsoft Defender: quy tắc {name} ở chế độ Audit (chỉ ghi nhật ký, không chặn)")
    if is_wps(machine.xlsm_opener):
        progid = machine.xlsm_opener[0] if machine.xlsm_opener else ""
        report.add(f"Tệp .xlsm đang được mở bằng WPS Office ({progid}): bấm đúp vào sổ thì sổ mở trong WPS, nơi các nút "
                   "không chạy.",
                   "mở sổ bằng biểu tượng “Sổ Đối thoại” trên màn hình (luôn mở bằng Excel), hoặc bấm chuột phải vào sổ → "
                   "Open with → Choose another app → Excel, đánh dấu “Always use this app”; máy không có Excel thì dùng "
                   "chương trình “Đối thoại”.")


def _our_trusted_folder(machine: Machine) -> str:
    """The folder the installer made a trusted location (its description says so), else the installer's usual one."""
    from ..io.registry import TRUST_DESCRIPTION

    for location in machine.trusted or []:
        if location.description == TRUST_DESCRIPTION:
            return location.path.rstrip("\\")
    return "C:\\DoiThoai\\So"


def _check_book(report: Report, machine: Machine, book: Path, windows: bool, temp: str) -> None:
    from ..io.files import lock_files

    report.checked.append(f"Sổ: {book}")
    connect = CONNECT.format(book=book)
    if not book.is_file():
        report.add(f"Không thấy tệp sổ “{book}”.", "kiểm tra lại đường dẫn (đặt trong dấu ngoặc kép nếu có khoảng trắng).")
        return
    parts = _book_parts(report, book)
    if parts is None:
        return
    conf, project = parts
    _check_macros(report, machine, project)
    if conf is None:
        from ..book.xlwings_conf import CONF_SHEET

        report.add(f"Sổ chưa có trang cấu hình {CONF_SHEET} (sổ tạo bằng phiên bản cũ), nên nút chạy Python nào có trên máy.",
                   connect)
    else:
        _check_conf(report, machine, conf, windows, temp, connect)
    trusted = _check_trusted(report, machine, book, windows)
    zone = zone_identifier(book)
    if zone is not None and zone >= 3 and not trusted:  # a trusted location runs the macros despite the mark
        report.add("Sổ bị Windows đánh dấu là tải từ Internet, nên Excel chặn macro (các nút không chạy).",
                   "bấm chuột phải vào tệp sổ → Properties → đánh dấu ô Unblock → OK, rồi mở lại sổ; hoặc lưu sổ vào "
                   "thư mục nơi tin cậy của Excel (bộ cài đặt sẵn C:\\DoiThoai\\So).")
    if _onedrive(book, machine.environ):
        report.add("Sổ nằm trong thư mục OneDrive: khi Excel mở sổ dưới dạng địa chỉ web, nút không biết thư mục để ghi văn bản.",
                   "chép sổ ra thư mục trên máy, ví dụ D:\\DoiThoai, và làm việc trên bản đó.")
    if lock_files(book):
        report.add(f"Sổ “{book.name}” đang mở trong Excel, LibreOffice hoặc WPS: lệnh và chương trình “Đối thoại” không ghi.",
                   "lưu và đóng sổ trước khi chạy lệnh (các nút trong Excel vẫn dùng được).")


def _book_parts(report: Report, book: Path) -> tuple[dict[str, str] | None, bytes] | None:
    """The workbook's xlwings settings (None: no settings sheet) and its VBA project; None, reported, when the file is
    damaged or has no macros."""
    from ..book.xlwings_conf import read_conf

    try:
        conf = read_conf(book)
        with zipfile.ZipFile(book) as archive:
            project = archive.read("xl/vbaProject.bin") if "xl/vbaProject.bin" in archive.namelist() else None
    except Exception:
        report.add(f"Tệp “{book.name}” bị hỏng hoặc không phải tệp Excel.",
                   "mở bản sao lưu gần nhất trong thư mục “Sao lưu” bên cạnh sổ.")
        return None
    if project is None:
        report.add(f"Sổ “{book.name}” không có macro (không phải sổ .xlsm có nút bấm).",
                   "tạo sổ mới bằng lệnh doithoai new, hoặc dùng chương trình “Đối thoại” trên màn hình.")
        return None
    return conf, project


def _check_macros(report: Report, machine: Machine, project: bytes) -> None:
    """The xlwings version the workbook's VBA module was made for, against the one installed."""
    from ..book import vba

    module_version = vba_xlwings_version(project)
    if module_version is None:
        report.add("Không đọc được phiên bản xlwings trong mã macro của sổ.",
                   "tạo sổ mới bằng lệnh doithoai new rồi chép dữ liệu sang.")
    elif module_version != (machine.packages.get("xlwings") or vba.XLWINGS_VERSION):
        installed = machine.packages.get("xlwings")
        report.checked.append(f"Mã macro trong sổ là của xlwings {module_version}, máy cài xlwings {installed}: các nút vẫn "
                              "chạy (phần khác nhau chỉ dùng cho hàm tự định nghĩa, sổ Đối thoại không dùng); sổ tạo mới "
                              "bằng lệnh doithoai new có mã khớp với máy.")


def _check_conf(report: Report, machine: Machine, conf: dict[str, str], windows: bool, temp: str, connect: str) -> None:
    """The Python the workbook's buttons run (its settings sheet), against the one Đối thoại is installed for."""
    key = "INTERPRETER_MAC" if machine.platform == "darwin" else "INTERPRETER_WIN"
    interpreter = conf.get(key, "")
    if machine.platform != "darwin" and not windows:  # no Excel runs the buttons here: nothing to compare
        report.checked.append(f"Sổ được kết nối lần cuối với: {conf.get('DOITHOAI_PYTHON') or '(chưa kết nối)'}")
        return
    report.checked.append(f"Nút của sổ chạy: {interpreter or '(chưa kết nối)'}")
    if not interpreter:
        report.add("Sổ chưa được kết nối với Python trên máy này: bấm nút sẽ chỉ hiện thông báo.", connect)
    elif not Path(interpreter).exists():
        report.add(f"Nút của sổ chạy Python “{interpreter}”, nhưng tệp đó không có trên máy này.", connect)
    elif not _same_file(interpreter, machine.python, machine.platform):
        report.add(f"Nút của sổ chạy Python “{interpreter}”, còn Đối thoại được cài cho Python “{machine.python}”.", connect)
    if windows:
        _check_conf_windows(report, conf, interpreter, temp, connect)


def _check_conf_windows(report: Report, conf: dict[str, str], interpreter: str, temp: str, connect: str) -> None:
    """What Excel's VBA on Windows cannot do with the settings: paths with accents, no quick launcher."""
    if interpreter and not interpreter.isascii():
        report.add(f"Đường dẫn Python trong sổ có chữ có dấu ({interpreter}): macro của Excel không mở được.",
                   "cài Đối thoại vào C:\\DoiThoai bằng bộ cài install.bat, rồi " + connect)
    launcher = conf.get("DOITHOAI_LAUNCHER_WIN", "")
    if interpreter and not (launcher and Path(launcher).exists()):
        report.add("Sổ chưa biết chương trình khởi động nhanh doithoai-click: mỗi lần bấm nút chậm thêm khoảng 1 giây.",
                   connect)
    if temp and not temp.isascii() and not conf.get("TEMP DIR"):
        report.add(f"Thư mục tạm của Windows có chữ có dấu ({temp}): khi có lỗi, Excel không đọc được nhật ký lỗi.",
                   connect)


def _check_trusted(report: Report, machine: Machine, book: Path, windows: bool) -> bool | None:
    """Whether the workbook's folder is one of Excel's trusted locations (None: not known here)."""
    if not (windows and machine.trusted is not None):
        return None
    from ..io.registry import is_trusted

    trusted = is_trusted(str(book.parent), machine.trusted)
    ours = _our_trusted_folder(machine)
    if trusted:
        report.checked.append(f"Thư mục của sổ là nơi tin cậy của Excel: {book.parent}")
    else:
        report.add(f"Thư mục của sổ ({book.parent}) không phải nơi tin cậy của Excel: sổ nhận qua thư điện tử, Zalo "
                   "hay tải từ trình duyệt bị chặn macro, sổ khác phải bấm Enable Content trên dải vàng.",
                   f"làm việc trên sổ trong thư mục {ours} (bộ cài đã đặt là nơi tin cậy; chưa có thì chạy lại "
                   "install.bat).")
    return trusted
