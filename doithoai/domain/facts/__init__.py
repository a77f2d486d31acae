"""The conference's facts, decided once: every document, the roll-up, the carry-over, intake and the secretary's sheet
read them here and none counts or decides on its own. Pure, stdlib only (plus the schema and the identity keys).

One rule per question (issue 23, "One truth per conference"):

- **handling class** (`handling_of`): the petition's `Hình thức xử lý` as the list spells it, compared by
  `keys.list_key`; blank or a value outside the list is the explicit class `UNCLASSIFIED`, counted and printed like
  the others, so every total is the sum of its parts;
- **upward** (`is_upward`): the handling class is "Ghi nhận, báo cáo cấp trên" — nothing else. A competence of
  "Cấp trên" with another handling class is a contradiction `validate` reports at the cell; it is not counted twice;
- **answered at the conference** (`at_conference`): the handling class "Trả lời tại hội nghị";
- **answered** (`answered`): the petition has an answer text;
- **open** (`is_open`): its status is not one that closes it ("Đã trả lời", "Đã giải quyết", "Đã chuyển cấp trên"),
  compared by `keys.list_key`, so "Dang xu ly" is "Đang xử lý" and still open; a status outside the list is open
  (carrying a matter over is safer than dropping it);
- **present** (`is_present`): `Có mặt` is "Có" (by `keys.list_key`);
- **the same person** is `keys.name_key` everywhere (intake, the secretary's sheet, the letters): "Hoà" is "Hòa",
  "Hùng" and "Hưng" are two people. Only the validator's `duplicate_person` hint also matches a name typed without
  any accent, as "maybe the same person, check";
- **the next answer-letter number** (`next_letter_number`, in "Numbers" below): one past the highest number of the
  letters' series any petition row holds ("150/UBND-VP", "Số: 151/UBND-VP", a bare "152"; a number on a row whose
  code and content were cleared too), never below `Số văn bản trả lời tiếp theo`. The letters run numbers from it and
  `new --from` continues from it.
- **a document's milestone** (`milestone_of`, in "Timeline milestones" below): the `Mốc thời gian` row that is the
  memo's, the invitations', the announcement's, the conference's… recognised by what its name says (accents, case
  ignored) and, for an ambiguous "thông báo" row, by its side of the conference day. The documents' dates
  (documents/dates.py) and the roll-up read it.

People (the "People" section): the chair, co-chair, signer and secretary are `Person(name, title, gender)`, the name
always bare. `parse_person` reads a setting as offices type it ("Ông Hà Văn Tuấn, Chủ tịch UBND xã", "Chủ tịch UBND",
"đồng chí Nguyễn Văn A - Bí thư Đảng ủy", a name alone, a title alone, a remark in brackets); `resolve` completes it
from `Đại biểu` (the one delegate of this unit holding the post, or the post of the delegate named) and adds the unit
to the title. An honorific typed into a name (Ông, Bà, Anh, Chị, Đồng chí, đ/c, Ô., B., "Ông (Bà)"; any case, NFC or
NFD) is recognised by `strip_honorific`, never printed twice, and gives the gender where none is recorded. The gender
(`gender_of`): the row's own `Giới tính`, else the honorific, else the gender recorded for that name anywhere in the
workbook (`known_genders`: delegates, slips, by `keys.name_key`; a name recorded with both is unknown), else "Thị" as
middle name, else a post in the women's union; otherwise unknown, and only then "Ông (Bà)". `who_chaired` is the one
answer to "who chaired": the plan's chair, unless the secretary's sheet names another (then the minutes, the notice and
the report upward all name that one).

`PetitionFacts` holds the counts every document prints (by class, by field, by source, by status; the statistics table
whose rows and columns add up) and is computed by one function (`petition_facts`) that every document calls.
Imports: the standard library, the schema, the identity keys, `text` and `conference_settings` (all pure).

One package, one module per section, each name defined once in its module and re-exported here, so that `facts.X`
is the one name every caller uses: `rows` (what a row is, `text_of`, the group names), `petitions` (one petition's
facts and the counts that add up), `attendance`, `people` (people as data, the delegates read once, hosts), `numbers`
(the answer letters' numbers), `timeline` (milestones) and `carried` (petitions carried from the last conference).
"""

from __future__ import annotations

from .attendance import Attendance, attendance, presence
from .carried import CARRIED_PREFIX, Carried, carried_from, carry_note, direction
from .numbers import letter_number, next_letter_number
from .people import (
    FEMALE,
    MALE,
    Chairs,
    Directory,
    Person,
    chair,
    co_chair,
    directory,
    gender_of,
    holder,
    holder_conflict,
    hosts,
    known_genders,
    parse_person,
    person_named,
    planned_chairs,
    posts_of,
    resolve,
    same_person,
    secretary,
    signer,
    signer_title,
    strip_honorific,
    tidy_title,
    who_chaired,
)
from .petitions import (
    PetitionFacts,
    StatRow,
    answered,
    at_conference,
    canonical,
    competence_conflict,
    count_petitions,
    field_of,
    group,
    handling_of,
    is_open,
    is_petition,
    is_present,
    is_upward,
    moved_upward,
    ordered,
    petition_facts,
    stat_row,
)
from .rows import (
    CLASS_ORDER,
    CLOSED_STATUSES,
    HANDLING_ORDER,
    NO_FIELD,
    NO_SOURCE,
    NO_STATUS,
    OTHER_GROUP,
    TOTAL,
    UNCLASSIFIED,
    Row,
    text_of,
)
from .timeline import milestone_of, milestone_roles

__all__ = [
    "FEMALE",
    "MALE",
    "Attendance",
    "CARRIED_PREFIX",
    "CLASS_ORDER",
    "CLOSED_STATUSES",
    "Carried",
    "Chairs",
    "Directory",
    "HANDLING_ORDER",
    "NO_FIELD",
    "NO_SOURCE",
    "NO_STATUS",
    "OTHER_GROUP",
    "Person",
    "PetitionFacts",
    "Row",
    "StatRow",
    "TOTAL",
    "UNCLASSIFIED",
    "answered",
    "at_conference",
    "attendance",
    "canonical",
    "carried_from",
    "carry_note",
    "chair",
    "co_chair",
    "competence_conflict",
    "count_petitions",
    "direction",
    "directory",
    "field_of",
    "gender_of",
    "group",
    "handling_of",
    "holder",
    "holder_conflict",
    "hosts",
    "is_open",
    "is_petition",
    "is_present",
    "is_upward",
    "known_genders",
    "letter_number",
    "milestone_of",
    "milestone_roles",
    "moved_upward",
    "next_letter_number",
    "ordered",
    "parse_person",
    "person_named",
    "petition_facts",
    "planned_chairs",
    "posts_of",
    "presence",
    "resolve",
    "same_person",
    "secretary",
    "signer",
    "signer_title",
    "stat_row",
    "strip_honorific",
    "text_of",
    "tidy_title",
    "who_chaired",
]
