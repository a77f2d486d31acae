"""Each document's date: chosen from the conference's timeline, checked against the conference day, the law and what
the document itself states. Pure: `BookData` in, dates and Vietnamese sentences out.

Windows, in calendar days from the conference day D (the law counts calendar days, see domain.md): each kind's
`window` in the registry (domain/kinds.py), with its rule in the office's words and its legal ground where there is
one (the announcement at least 7 days before D and the notice within 10 days after, Art. 43 of the Law on
Organisation of Local Government); they are not repeated here, so the registry stays their one description. A kind
with no window (memo, report, reminders) is dated from its milestone or its content alone;

and what the document states narrows its own window:

- the memo (công văn phân công) is not dated before the latest `Ngày giao` of the assignments it gives, nor after the
  earliest deadline it lists (it asks for answers "trước hạn nêu trên");
- the summary report is not dated before the latest `Ngày nhận` of the slips behind its petitions, nor before D when
  it lists a petition raised at the conference (source "Tại hội nghị").

Default date (no `--date`): the document's own milestone or event, never today's clock. Decisions:

- a document's milestone is the `Mốc thời gian` row `facts.milestone_of` recognises for it (one rule, the roll-up's
  too); its date is the row's `Ngày hoàn thành` when recorded and inside the window (what was done is what the
  paper says, and what the roll-up reports), else its computed due date (`deadlines.plan_deadlines`);
- memo: the day of assignment, i.e. the LATEST `Ngày giao` of its assignments (the memo gives every assignment it
  lists, so it cannot predate one; in the usual case they all share one day); without any, its milestone
  ("Báo cáo tổng hợp ý kiến, kiến nghị và Công văn phân công");
- summary report: its milestone (the same row), moved to its content's first possible day when later;
- invitations and agenda: the invitations' milestone ("Phát hành giấy mời…"); announcement: its milestone
  ("Thông báo công khai…"); sign-in list and minutes: the conference day; notice: its milestone ("Thông báo kết
  quả…"); report upward: its milestone, or today when today is later (it reports the follow-up as of its date);
- no milestone: the offset the plan would use (`Window.preferred`: invitations 7 days before D, announcement 10 days
  before, notice 3 days after…), or today for a kind without one (and always when D is unknown);
- letters: today, each letter then moved to the day its answer existed (documents/letters.py), as before;
- plan: `Ngày ban hành kế hoạch` when typed, ALWAYS (given `--date` or not): the plan prints what the workbook says it
  was issued (`Timeline.issued`); outside its window it is warned about, never moved nor refused. Blank: today, moved
  back to the day before the first milestone when later (documents/plan.py);
- reminders: today (overdue is counted on the reminder's date);
- a default that falls outside the window (a milestone typed at D−5 for the announcement) is moved to the window's
  nearest day and the run says so; when no day fits (a memo whose latest assignment is after an earlier deadline it
  lists) it keeps the content's day and the run warns.

A date given with `--date` is used when it is inside the document's window; outside, that document is REFUSED (not
made; the run names it, gives the reason and exits 1) unless `--force-date` is given: then it is made and warned
about. A run states each document's date once ("<Tên văn bản> ghi ngày dd/mm/yyyy (why)"), so no two notes of a
run can disagree. `today` is only "now" (overdue counts in the report upward).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from ..domain.kinds import KINDS, Window, spec_of
from .wording import short_date

if TYPE_CHECKING:
    from ..core.model import BookData


FORCE = "--force-date"


def title(kind: str) -> str:
    """The document's name as a sentence starts ("Giấy mời"): the registry's title, the same in every message."""
    return KINDS[kind].title if kind in KINDS else kind


def _window(kind: str) -> Window | None:
    spec = spec_of(kind)
    return spec.window if spec is not None else None


def _dated(kind: str) -> bool:
    """False for a kind that leaves its date to whoever fills it in (the slip form): no date is stated or checked."""
    spec = spec_of(kind)
    return spec.dated if spec is not None else True


def _offset(days: int) -> str:
    if days == 0:
        return "ngày hội nghị"
    return f"{abs(days)} ngày {'trước' if days < 0 else 'sau'} ngày hội nghị"


# --------------------------------------------------------------------------------------------------
# What the timeline and the document's content say


class Bound(NamedTuple):
    date: dt.date
    reason: str  # "ngày giao việc muộn nhất trên trang Phân công (26/05/2026)": what a message says the limit is
    label: str = ""  # the same without its date, when the date is the document's own ("ngày giao việc … Phân công")


class Milestone(NamedTuple):
    name: str
    due: dt.date | None  # computed by deadlines.plan_deadlines
    done: dt.date | None  # its `Ngày hoàn thành`


@dataclass
class Timeline:
    """What the dates of one run's documents depend on (`timeline(book, today)`)."""

    conference: dt.date | None
    today: dt.date
    milestones: dict[str, Milestone] = field(default_factory=dict)  # kind -> its milestone row
    after: dict[str, Bound] = field(default_factory=dict)  # kind -> not dated before (its content exists from then)
    before: dict[str, Bound] = field(default_factory=dict)  # kind -> not dated after (a deadline it states)
    issued: dict[str, dt.date] = field(default_factory=dict)  # kind -> the date the workbook says it bears (the plan's)


def timeline(book: BookData, today: dt.date) -> Timeline:
    """Each kind's milestone and the bounds its content sets (see the module docstring)."""
    from ..core import schema
    from ..core.keys import code_key, code_text, list_key
    from ..core.values import parse_date
    from ..domain import facts
    from ..domain.deadlines import plan_deadlines
    from .wording import safe_text

    conference = parse_date(book.settings.get("ngay_hoi_nghi"))
    plan = plan_deadlines(book, today)
    line = Timeline(conference, today)
    rows = {item.row: item for item in plan.milestones}
    for kind in (kind for kind, spec in KINDS.items() if spec.milestone):
        record = facts.milestone_of(kind, book.milestones)
        item = rows.get(record.row) if record is not None else None
        if item is not None and (item.due or item.done):
            line.milestones[kind] = Milestone(item.name, item.due, item.done)

    # The plan: dated as `Kế hoạch` says, and issued before the first of the milestones it plans.
    issued = parse_date(book.settings.get("ngay_ke_hoach"))
    if issued is not None:
        line.issued["plan"] = issued
    firsts = sorted((item.due, item.row, item.name) for item in plan.milestones if item.due is not None)
    if firsts:
        due, _, name = firsts[0]
        day = due - dt.timedelta(days=1)
        line.before["plan"] = Bound(day, f"ngày {short_date(day)} (kế hoạch ban hành trước mốc đầu tiên “{name}”, hạn "
                                         f"{short_date(due)})")

    # The memo: given on the day of its latest assignment, asking for answers before the earliest deadline it lists.
    given = [(parse_date(r.get("ngay_giao")), r) for r in book.assignments
             if code_key(r.get("ma_kien_nghi")) and safe_text(r.get("don_vi"))]
    days = [day for day, _ in given if day is not None]
    if days:
        several = " muộn nhất" if len(set(days)) > 1 else ""
        label = f"ngày giao việc{several} trên trang Phân công"
        line.after["memo"] = Bound(max(days), f"{label} ({short_date(max(days))})", label)
    listed = {r.row for _, r in given}
    dues = [(item.due, item) for item in plan.assignments if item.row in listed and item.due is not None]
    if dues:
        due, item = min(dues, key=lambda pair: (pair[0], pair[1].row))
        assert due is not None
        line.before["memo"] = Bound(due, f"hạn {short_date(due)} của {code_text(item.petition)} ({item.unit}) mà công văn nêu")

    # The summary report: not before the slips it summarises, nor before the conference when it lists its floor.
    slips = {code_key(r.get("ma_phieu")): parse_date(r.get("ngay_nhan")) for r in book.slips if code_key(r.get("ma_phieu"))}
    petitions = facts.petition_facts(book).rows
    received = [d for d in (slips.get(code_key(r.get("ma_phieu"))) for r in petitions) if d is not None]
    label = "ngày nhận phiếu đăng ký muộn nhất"
    bounds = [Bound(max(received), f"{label} ({short_date(max(received))})", label)] if received else []
    floor = sum(1 for r in petitions if list_key(r.get("nguon")) == list_key(schema.SOURCE_FLOOR))
    if floor and conference is not None:
        label = f"ngày hội nghị, vì báo cáo có {floor} ý kiến, kiến nghị nêu tại hội nghị"
        bounds.append(Bound(conference, f"ngày hội nghị ({short_date(conference)}), vì báo cáo có {floor} ý kiến, kiến nghị "
                                        "nêu tại hội nghị", label))
    if bounds:
        line.after["report"] = max(bounds, key=lambda b: b.date)
    return line


# --------------------------------------------------------------------------------------------------
# The window and the choice


def bounds(kind: str, conference: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """The window the law and the plan give `kind` around the conference day (None: open)."""
    window = _window(kind)
    if window is None or conference is None:
        return None, None
    earliest = conference + dt.timedelta(window.earliest) if window.earliest is not None else None
    latest = conference + dt.timedelta(window.latest) if window.latest is not None else None
    return earliest, latest


class Limits(NamedTuple):
    earliest: Bound | None
    latest: Bound | None


def limits(kind: str, line: Timeline) -> Limits:
    """`kind`'s window: the conference's rule narrowed by what the document states (the later start, the earlier end)."""
    window = _window(kind)
    conference, rule = line.conference, window.rule if window is not None else ""
    early, late = bounds(kind, conference)
    day = short_date(conference)
    earliest = Bound(early, f"ngày {short_date(early)} (hội nghị ngày {day}: {rule})") if early else None
    latest = Bound(late, f"ngày {short_date(late)} (hội nghị ngày {day}: {rule})") if late else None
    own_after, own_before = line.after.get(kind), line.before.get(kind)
    if own_after is not None and (earliest is None or own_after.date > earliest.date):
        earliest = own_after
    if own_before is not None and (latest is None or own_before.date < latest.date):
        latest = own_before
    return Limits(earliest, latest)


def problem(kind: str, line: Timeline, date: dt.date) -> str | None:
    """Why `date` is outside `kind`'s window, as the end of a sentence ("muộn hơn ngày …"); None when it fits."""
    if not _dated(kind):
        return None
    earliest, latest = limits(kind, line)
    if earliest is not None and date < earliest.date:
        return f"sớm hơn {earliest.reason}"
    if latest is not None and date > latest.date:
        return f"muộn hơn {latest.reason}"
    return None


class Choice(NamedTuple):
    date: dt.date
    note: str  # "<Tên> ghi ngày dd/mm/yyyy (why)." — the one sentence of the run that states the date ("" for undated kinds)
    warning: str | None = None  # a date made outside its window (forced, or no day fits)
    refused: str | None = None  # the kind is not made: why, and what to do


def _default(kind: str, line: Timeline) -> tuple[dt.date, str]:
    """(date, why) before the window is applied."""
    conference, today = line.conference, line.today
    milestone = line.milestones.get(kind)
    if kind == "memo" and "memo" in line.after:  # the day of assignment
        return line.after["memo"].date, line.after["memo"].label
    if kind == "letters":
        return today, "hôm nay"
    if milestone is not None:
        done = f"ngày hoàn thành mốc “{milestone.name}”"
        if milestone.done is not None and problem(kind, line, milestone.done) is None:
            return milestone.done, done  # what was done is what the paper says (and what the roll-up reports)
        if milestone.due is not None and (milestone.done is None or problem(kind, line, milestone.due) is None):
            if kind == "report_upward" and today > milestone.due:
                return today, f"hôm nay, sau hạn {short_date(milestone.due)} của mốc “{milestone.name}”"
            return milestone.due, f"hạn của mốc “{milestone.name}”"
        if milestone.done is not None:
            return milestone.done, done
    window = _window(kind)
    if conference is not None and window is not None and window.preferred is not None:
        return conference + dt.timedelta(window.preferred), f"{_offset(window.preferred)}; trang Mốc thời gian chưa có mốc này"
    if conference is None:
        return today, "hôm nay; chưa có ngày hội nghị"
    return today, "hôm nay"


def stated(kind: str, date: dt.date, why: str, *, fixed: bool = False) -> str:
    """The run's one sentence on `kind`'s date. New answer letters move on to the day their answer existed unless the
    date was given (documents/letters.py), so theirs says so."""
    if kind == "letters":
        later = "" if fixed else "; văn bản nào có nội dung trả lời sau ngày đó ghi ngày có nội dung trả lời"
        return f"Văn bản trả lời mới ghi ngày {short_date(date)} ({why}{later})."
    return f"{title(kind)} ghi ngày {short_date(date)} ({why})."


def choose(kind: str, line: Timeline, given: dt.date | None = None, force: bool = False) -> Choice:
    """The date `kind` carries in this run, the sentence that says so, and a warning or a refusal."""
    name = title(kind)
    if kind in line.issued:  # the workbook states this document's date (the plan's `Ngày ban hành kế hoạch`): as it is
        issued = line.issued[kind]
        wrong = problem(kind, line, issued)
        why = "ngày ban hành trên trang Kế hoạch" + (f", không theo ngày {short_date(given)} được chỉ định"
                                                     if given is not None and given != issued else "")
        return Choice(issued, stated(kind, issued, why),
                      warning=f"{name} ghi ngày ban hành {short_date(issued)}, {wrong}. Hãy kiểm tra lại ngày ban hành "
                              "kế hoạch hoặc các mốc thời gian." if wrong else None)
    if given is not None:
        wrong = problem(kind, line, given)
        if not _dated(kind):
            return Choice(given, "")
        if wrong is None:
            return Choice(given, stated(kind, given, "ngày chỉ định", fixed=True))
        if not force:
            return Choice(given, "", refused=f"Không tạo {name.lower()}: ngày {short_date(given)} {wrong}. Bỏ --date để "
                                             f"ghi ngày theo mốc thời gian, hoặc thêm {FORCE} nếu vẫn muốn ghi ngày này.")
        return Choice(given, stated(kind, given, f"ngày chỉ định, {FORCE}", fixed=True),
                      warning=f"{name} ghi ngày {short_date(given)}, {wrong}. Hãy kiểm tra lại trước khi ký.")
    date, why = _default(kind, line)
    if not _dated(kind):
        return Choice(date, "")
    earliest, latest = limits(kind, line)
    if earliest is not None and latest is not None and earliest.date > latest.date:  # no day fits: keep the content's day
        return Choice(earliest.date, stated(kind, earliest.date, earliest.label or why),
                      warning=f"{name} ghi ngày {short_date(earliest.date)}, muộn hơn {latest.reason}: không ngày nào hợp "
                              "với nội dung văn bản; hãy kiểm tra lại trước khi ký.")
    if earliest is not None and date < earliest.date:
        moved, bound, side = earliest.date, earliest, "sớm hơn"
    elif latest is not None and date > latest.date:
        moved, bound, side = latest.date, latest, "muộn hơn"
    else:
        return Choice(date, stated(kind, date, why))
    return Choice(moved, stated(kind, moved, f"{why} là ngày {short_date(date)}, {side} {bound.reason}"))


def outside(kind: str, conference: dt.date | None, date: dt.date, ready: dt.date | None = None) -> str | None:
    """A Vietnamese warning when `date` is outside `kind`'s window around `conference` (or before `ready`, the day
    its content existed): what `letters.plan_letters` says about one letter."""
    if conference is None or _window(kind) is None:
        return None
    line = Timeline(conference, date)
    if ready is not None:
        line.after[kind] = Bound(ready, f"ngày có nội dung trả lời ({short_date(ready)})")
    wrong = problem(kind, line, date)
    return f"{title(kind)} ghi ngày {short_date(date)}, {wrong}. Hãy kiểm tra lại ngày văn bản." if wrong else None


# --------------------------------------------------------------------------------------------------
# What each document cannot do without


def missing_settings(settings: dict, kinds: list[str]) -> dict[str, list[str]]:
    """Setting key -> the kinds that need it, for every required setting left blank (each kind's registry `required`:
    the settings it prints as facts; blank means a gap in a signed paper)."""
    gaps: dict[str, list[str]] = {}
    for kind in kinds:
        spec = spec_of(kind)
        for key in spec.required if spec is not None else ():
            if settings.get(key) in (None, ""):
                gaps.setdefault(key, []).append(kind)
    return gaps
