"""A test province: many ward and commune workbooks of realistic, varied sizes and states, with the truth.

`generate_province(folder, count)` writes `count` workbooks (a third of them in a sub-folder, some as .xlsm)
and returns a `Province` whose `wards` say what each workbook holds: counts by field, handling class and
status, overdue assignments on `TODAY`, the conference's facts, and every phone number, birth year and full
address written, so tests can check the roll-up against it and scan its output for personal data.

Variety: small communes with a handful of petitions and large wards with hundreds; conferences held, not
yet held (after `TODAY`), announced late or never recorded, results notices on time, late or missing;
pending assignments past their due date; phone and ID-card numbers typed inside petition text; and a few
unreadable files (a damaged zip, a password-protected file, a workbook without `Kế hoạch`, a text file
named .xlsx). Deterministic: one `random.Random` per workbook, no clock. Used by tests and benchmarks.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from doithoai.core import schema

TODAY = dt.date(2026, 12, 15)  # the roll-up's "today" the truth is computed for
PROVINCE = "Tỉnh Hòa Bình Mới"
SUBFOLDER = "Cụm 2"
UNREADABLE_KINDS = ("corrupt", "password", "missing_sheet", "not_excel")
_SYLLABLES = ("An", "Bình", "Hòa", "Tân", "Phú", "Hưng", "Thịnh", "Đông", "Tây", "Nam", "Bắc", "Vĩnh", "Quang", "Thanh",
              "Minh", "Đức", "Thắng", "Lạc", "Hải", "Tiên", "Yên", "Cẩm", "Kiến", "Thủy", "Phong", "Lộc", "Xuân", "Long",
              "Trung", "Hiệp", "Sơn", "Lâm", "Mỹ", "Khánh", "Thuận", "Định", "Hồng", "Việt", "Ngọc", "Kim")
_PARTY = 0.12  # share of conferences whose plan the Party committee issues


@dataclass
class Ward:
    """The truth about one generated workbook."""

    file: str  # path relative to the province folder, "/" separated
    unit: str  # "Phường An Bình"
    unit_type: str  # "Phường" or "Xã"
    unreadable: str | None = None  # one of UNREADABLE_KINDS
    petitions: int = 0
    by_field: Counter = field(default_factory=Counter)
    by_handling: Counter = field(default_factory=Counter)
    by_status: Counter = field(default_factory=Counter)
    upward: list[str] = field(default_factory=list)  # petition codes proposed to the higher level
    assignments: int = 0
    overdue: int = 0  # pending assignments whose due date is before TODAY
    overdue_by_unit: Counter = field(default_factory=Counter)
    conference: dt.date | None = None
    held: bool = False
    present: int = 0
    announce_days: int | None = None  # days between the public announcement and the conference
    notice_days: int | None = None  # days between the conference and the results notice
    phones: set[str] = field(default_factory=set)
    birth_years: set[str] = field(default_factory=set)
    addresses: set[str] = field(default_factory=set)


@dataclass
class Province:
    folder: Path
    wards: list[Ward]

    @property
    def readable(self) -> list[Ward]:
        return [w for w in self.wards if w.unreadable is None]

    @property
    def unreadable(self) -> list[Ward]:
        return [w for w in self.wards if w.unreadable is not None]


def _names(count: int, rng: random.Random) -> list[str]:
    pairs = [f"{a} {b}" for a in _SYLLABLES for b in _SYLLABLES if a != b]
    rng.shuffle(pairs)
    return pairs[:count]


def _size(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.4:
        return rng.randrange(4, 30)
    if roll < 0.87:
        return rng.randrange(30, 120)
    return rng.randrange(120, 420)


def _ward_data(index: int, name: str, unit_type: str, seed: int) -> tuple[dict[str, Any], Ward]:
    from doithoai.workflows.sample import _Gen

    g = _Gen(seed * 1000 + index)
    r = g.r
    truth = Ward(file="", unit=f"{unit_type} {name}", unit_type=unit_type)
    ward = _WardMaker(g, truth, unit_type)
    conference = ward.conference
    party = r.random() < _PARTY
    expected = r.randrange(60, 220)
    settings: dict[str, Any] = {
        "co_quan": "ĐẢNG ỦY" if party else "ỦY BAN NHÂN DÂN",
        "loai_don_vi": unit_type,
        "ten_don_vi": name,
        "tinh": PROVINCE,
        "so_ke_hoach": f"{r.randrange(20, 200)}/KH-{'ĐU' if party else 'UBND'}",
        "ngay_ke_hoach": conference - dt.timedelta(days=r.randrange(25, 40)),
        "ngay_hoi_nghi": conference,
        "dia_diem": f"Hội trường UBND {unit_type.lower()} {name}",
        "chu_tri": "Chủ tịch UBND",
        "so_dai_bieu_du_kien": expected,
        "so_ngay_giai_quyet": r.choice((8, 10, 15)),
        "nguoi_ky": g.person()[0],
    }
    delegates = ward.delegates(expected)
    count = _size(r)
    slips = ward.slips(count)
    petitions, assignments = ward.petitions(count, slips)
    data = {"settings": settings, "tables": {"dai_bieu": delegates, "phieu": slips, "kien_nghi": petitions,
                                             "phan_cong": assignments, "moc_thoi_gian": ward.milestones()}, "calendar": []}
    return data, truth


class _WardMaker:
    """The tables of one generated workbook, drawn from one random generator in a fixed order, its truth kept beside."""

    def __init__(self, g: Any, truth: Ward, unit_type: str) -> None:
        self.g, self.r, self.truth = g, g.r, truth
        r = self.r
        self.group_word = "Tổ dân phố" if unit_type == "Phường" else "Thôn"
        self.groups = [f"{r.choice(_SYLLABLES)} {chr(65 + i)}" if unit_type == "Phường" else str(i + 1)
                       for i in range(r.randrange(2, 12))]
        self.conference = dt.date(2026, 4, 1) + dt.timedelta(days=r.randrange(0, 270))
        truth.conference = self.conference
        self.held = self.conference <= TODAY
        truth.held = self.held

    def address(self, group: str) -> str:
        text = f"Số {self.r.randrange(1, 200)}, {self.g.lane(group)}, {self.group_word} {group}"
        self.truth.addresses.add(text)
        return text

    def delegates(self, expected: int) -> list[dict[str, Any]]:
        g, r, truth, held = self.g, self.r, self.truth, self.held
        delegates = []
        for i in range(1, expected + 1):
            person, _ = g.person()
            phone = g.phone() if r.random() < 0.7 else None
            if phone:
                truth.phones.add(phone)
            present = "Có" if held and r.random() < 0.9 else ("Không" if held else None)
            truth.present += present == "Có"
            delegates.append({"stt": i, "ho_ten": person, "chuc_vu": "Công dân",
                              "don_vi": f"{self.group_word} {r.choice(self.groups)}", "nhom": "Nhân dân", "dien_thoai": phone,
                              "xac_nhan": "Có", "co_mat": present})
        return delegates

    def slips(self, count: int) -> list[dict[str, Any]]:
        from doithoai.workflows.sample import TOPICS

        g, r, truth = self.g, self.r, self.truth
        fields = list(TOPICS)
        slips: list[dict[str, Any]] = []
        for i in range(1, int(count * 0.7) + 1):
            person, gender = g.person()
            group = r.choice(self.groups)
            phone, year = g.phone(), str(r.randrange(1940, 2004))
            truth.phones.add(phone)
            truth.birth_years.add(year)
            field_name = r.choice(fields)
            slips.append({"ma_phieu": f"P-{i:03d}", "ngay_nhan": self.conference - dt.timedelta(days=20), "ho_ten": person,
                          "gioi_tinh": gender, "nam_sinh": year, "dia_chi": self.address(group),
                          "to_dan_pho": f"{self.group_word} {group}", "dien_thoai": phone, "linh_vuc": field_name,
                          "noi_dung": r.choice(TOPICS[field_name])[0].format(lane=g.lane(group), group=group)})
        return slips

    def petitions(self, count: int, slips: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The petitions (the first ones from the slips) and the assignments of those handled here."""
        from doithoai.workflows.sample import ANSWER, TOPICS

        g, r, truth = self.g, self.r, self.truth
        fields = list(TOPICS)
        handlings = (schema.HANDLING_AT_CONFERENCE, schema.HANDLING_LATER, schema.HANDLING_UPWARD)
        petitions: list[dict[str, Any]] = []
        assignments: list[dict[str, Any]] = []
        for i in range(1, count + 1):
            slip = slips[i - 1] if i <= len(slips) else None
            field_name = slip["linh_vuc"] if slip else r.choice(fields)
            group = r.choice(self.groups)
            content: str = slip["noi_dung"] if slip else r.choice(TOPICS[field_name])[0].format(lane=g.lane(group), group=group)
            if r.random() < 0.05:  # people write their number into the text; the roll-up must mask it
                phone = g.phone()
                truth.phones.add(phone)
                content += f" Số điện thoại liên hệ: {phone[:4]} {phone[4:7]} {phone[7:]}."
            handling = r.choices(handlings, (0.35, 0.5, 0.15))[0]
            status = self._status(handling)
            code = f"KN-{i:03d}"
            petitions.append({
                "ma_kien_nghi": code, "ma_phieu": slip["ma_phieu"] if slip else None,
                "nguon": "Phiếu đăng ký" if slip else r.choice(("Ủy ban MTTQ", "Tổ chức chính trị - xã hội", "Tại hội nghị")),
                "nguoi_kien_nghi": slip["ho_ten"] if slip else g.person()[0],
                "dia_chi": slip["dia_chi"] if slip else self.address(group), "linh_vuc": field_name, "noi_dung": content,
                "tham_quyen": schema.COMPETENCE_UPPER if handling == schema.HANDLING_UPWARD else schema.COMPETENCE_LOCAL,
                "hinh_thuc_xu_ly": handling,
                "noi_dung_tra_loi": ANSWER[field_name] if status in schema.ANSWERED_STATUSES else None,
                "trang_thai": status,
            })
            truth.petitions += 1
            truth.by_field[field_name] += 1
            truth.by_handling[handling] += 1
            truth.by_status[status] += 1
            if handling == schema.HANDLING_UPWARD:
                truth.upward.append(code)
                continue
            if handling == schema.HANDLING_AT_CONFERENCE and r.random() < 0.6:
                continue
            assignments += self._assignments(code, field_name, status)
        return petitions, assignments

    def _status(self, handling: str) -> str:
        r = self.r
        if not self.held:
            return "Chưa xử lý" if r.random() < 0.7 else "Đang xử lý"
        if handling == schema.HANDLING_UPWARD:
            return "Đã chuyển cấp trên"
        return r.choices(("Đang xử lý", "Đã trả lời", "Đã giải quyết"), (0.2, 0.5, 0.3))[0]

    def _assignments(self, code: str, field_name: str, status: str) -> list[dict[str, Any]]:
        """A petition's lead unit and maybe one supporting unit; the pending ones past their due date counted overdue."""
        from doithoai.workflows.sample import LEAD_UNIT

        r, truth = self.r, self.truth
        units = schema.lookup("don_vi").values
        assigned = self.conference - dt.timedelta(days=r.randrange(10, 20))
        lead = LEAD_UNIT[field_name]
        supports = r.sample([u for u in units if u != lead], r.choice((0, 0, 1)))
        assignments = []
        for unit, role in [(lead, schema.ROLE_LEAD)] + [(u, schema.ROLE_SUPPORT) for u in supports]:
            due = assigned + dt.timedelta(days=r.choice((14, 21, 30, 45, 60)))
            pending = status == "Đang xử lý" or not self.held or r.random() < 0.1
            done = None if pending else min(due, TODAY) - dt.timedelta(days=r.randrange(0, 5))
            assignments.append({"ma_kien_nghi": code, "don_vi": unit, "vai_tro": role, "ngay_giao": assigned,
                                "han_hoan_thanh": due, "ngay_hoan_thanh": done})
            truth.assignments += 1
            if done is None and due < TODAY:
                truth.overdue += 1
                truth.overdue_by_unit[unit] += 1
        return assignments

    def milestones(self) -> list[dict[str, Any]]:
        """The default timeline; when the conference was held, its milestones done (the announcement and the results
        notice on time, late or never)."""
        milestones = []
        for name_, base, days, kind, unit, note in schema.DEFAULT_MILESTONES:
            done = self._milestone_done(days, name_) if base == schema.BASE_CONFERENCE and self.held else None
            milestones.append({"moc": name_, "can_cu": base, "so_ngay": days, "loai_ngay": kind, "don_vi_thuc_hien": unit,
                               "ngay_hoan_thanh": done, "ghi_chu": note})
        return milestones

    def _milestone_done(self, days: int, name_: str) -> dt.date | None:
        r, truth, conference = self.r, self.truth, self.conference
        if days == -7 and "công khai" in name_:
            roll = r.random()
            if roll < 0.75:
                truth.announce_days = r.randrange(7, 13)
            elif roll < 0.9:
                truth.announce_days = r.randrange(2, 7)
            return conference - dt.timedelta(days=truth.announce_days) if truth.announce_days is not None else None
        if days == 0:
            return conference
        if days == 10 and conference + dt.timedelta(days=10) <= TODAY:
            roll = r.random()
            if roll < 0.65:
                truth.notice_days = r.randrange(1, 11)
            elif roll < 0.8:
                truth.notice_days = r.randrange(11, 21)
            done = conference + dt.timedelta(days=truth.notice_days) if truth.notice_days is not None else None
            if done is not None and done > TODAY:
                done, truth.notice_days = None, None
            return done
        if days < 0:
            return conference + dt.timedelta(days=days)
        return None


def _write_unreadable(path: Path, kind: str, good: bytes) -> None:
    if kind == "corrupt":
        path.write_bytes(good[: len(good) // 3])
    elif kind == "password":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    elif kind == "not_excel":
        path.write_text("Đây là một tệp văn bản được đổi tên thành .xlsx\n", encoding="utf-8")
    else:  # a real workbook, but not one of ours: no `Kế hoạch`
        import io

        import xlsxwriter

        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        workbook.add_worksheet("Sheet1").write_string(0, 0, "Danh sách khác")
        workbook.close()
        path.write_bytes(buffer.getvalue())


def generate_province(folder: Path | str, count: int = 150, *, seed: int = 2026) -> Province:
    """Write `count` workbooks into `folder` (created) and return what they hold."""
    import io

    from doithoai.book.builder import build_workbook
    from doithoai.core.resources import vba_project

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    names = _names(count, rng)
    macros = vba_project()
    wards = []
    for index, name in enumerate(names):
        unit_type = "Phường" if rng.random() < 0.55 else "Xã"
        data, truth = _ward_data(index, name, unit_type, seed)
        macro = index % 3 == 1
        sub = SUBFOLDER + "/" if index % 3 == 2 else ""
        slug = "-".join(name.lower().split())
        truth.file = f"{sub}doi-thoai-{unit_type.lower()}-{slug}-2026.{'xlsm' if macro else 'xlsx'}"
        path = folder / truth.file
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        build_workbook(buffer, data, vba_project=macros if macro else None)
        if index % 25 == 7:
            truth.unreadable = UNREADABLE_KINDS[(index // 25) % len(UNREADABLE_KINDS)]
            _write_unreadable(path, truth.unreadable, buffer.getvalue())
        else:
            path.write_bytes(buffer.getvalue())
        wards.append(truth)
    return Province(folder=folder, wards=wards)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="write a test province of ward and commune workbooks")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=150)
    args = parser.parse_args()
    province = generate_province(args.folder, args.count)
    print(f"{len(province.wards)} workbooks in {args.folder} ({len(province.unreadable)} unreadable)")


if __name__ == "__main__":
    main()
