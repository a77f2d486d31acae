"""What a petition, assignment or delegate row is to the facts (`Row`), the names of the groups nothing fills and
of the handling classes in order, the statuses that close a matter, and `text_of`, a cell as one line for grouping and
naming."""

from __future__ import annotations

from typing import Any, Protocol

from ...core import schema
from ...core.text import cell_text

UNCLASSIFIED = "Chưa phân loại"  # the handling class of a petition whose `Hình thức xử lý` is blank or off the list
NO_FIELD = "Chưa xác định lĩnh vực"
NO_SOURCE = "Chưa ghi nguồn"
NO_STATUS = "Chưa cập nhật"
OTHER_GROUP = "Đại biểu khác"
TOTAL = "Tổng cộng"

HANDLING_ORDER = (schema.HANDLING_AT_CONFERENCE, schema.HANDLING_LATER, schema.HANDLING_UPWARD)
CLASS_ORDER = (*HANDLING_ORDER, UNCLASSIFIED)
CLOSED_STATUSES = (schema.STATUS_ANSWERED, schema.STATUS_RESOLVED, schema.STATUS_UPWARD)


class Row(Protocol):
    """A petition, assignment or delegate: a `model.Record`, or the plain dict the roll-up keeps."""

    def get(self, key: str, default: Any = None) -> Any: ...


def text_of(value: Any) -> str:
    """A cell as one line of display text for grouping and naming: `cell_text` on one line, but "" for TRUE/FALSE (a
    checkbox's value left in a text column is no field, source or name)."""
    return "" if isinstance(value, bool) else cell_text(value, one_line=True)
