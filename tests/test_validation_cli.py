"""`doithoai validate` and `doithoai fix`: exit statuses, the JSON shape, Vietnamese output, unusable files."""

from __future__ import annotations

import json

import openpyxl
import pytest

from doithoai import cli
from doithoai.core import schema


@pytest.fixture(autouse=True)
def commands_registered(monkeypatch):
    # The lead lists the modules in cli.COMMAND_MODULES; make sure they are there whatever the order of work.
    monkeypatch.setattr(cli, "COMMAND_MODULES", tuple(dict.fromkeys((*cli.COMMAND_MODULES, "validate", "fix"))))


def test_demo_validates_with_exit_0_and_vietnamese_summary(demo_path, capsys):
    assert cli.main(["validate", str(demo_path), "--no-write", "--today", "2026-07-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Kiểm tra sổ “demo.xlsm”: không có lỗi,")


def test_errors_give_exit_1_and_exact_json(tmp_book, capsys):
    workbook = openpyxl.load_workbook(tmp_book, keep_vba=True)
    workbook[schema.SLIPS.name]["D2"] = "nam"
    workbook.save(tmp_book)
    content = tmp_book.read_bytes()
    assert cli.main(["validate", str(tmp_book), "--json", "--no-write", "--today", "2026-07-01"]) == 1
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert set(data) == {"findings", "counts"}
    assert set(data["counts"]) == {"error", "warning"} and data["counts"]["error"] == 1
    [error] = [f for f in data["findings"] if f["severity"] == "error"]
    assert error == {
        "sheet": "Phiếu đăng ký", "row": 2, "column": "Giới tính", "cell": "D2", "severity": "error", "code": "not_in_list",
        "message": "Giá trị “nam” không có trong danh sách Giới tính; có phải là “Nam”? Nút “Sửa lỗi an toàn” sửa được.",
    }
    assert "“nam”" in captured.out  # ensure_ascii=False: Vietnamese as it is
    assert tmp_book.read_bytes() == content  # --no-write


def test_human_output_lists_findings(tmp_book, capsys):
    workbook = openpyxl.load_workbook(tmp_book, keep_vba=True)
    workbook[schema.SLIPS.name]["D2"] = "nam"
    workbook.save(tmp_book)
    assert cli.main(["validate", str(tmp_book), "--today", "2026-07-01"]) == 1
    out = capsys.readouterr().out
    assert "1 lỗi" in out and "- Lỗi Phiếu đăng ký!D2 (Giới tính): Giá trị “nam”" in out
    assert schema.CHECK_SHEET in openpyxl.load_workbook(tmp_book, read_only=True).sheetnames


@pytest.mark.parametrize("command", ["validate", "fix"])
def test_unusable_file_is_exit_2_with_one_sentence(tmp_path, capsys, command):
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"not a workbook")
    assert cli.main([command, str(broken)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "hong.xlsx" in err and "Traceback" not in err
    assert cli.main([command, str(tmp_path / "khong-co.xlsx")]) == 2


def test_fix_reports_each_change_and_json(tmp_book, capsys):
    workbook = openpyxl.load_workbook(tmp_book, keep_vba=True)
    workbook[schema.SLIPS.name]["H2"] = "+84 912 345 678"
    workbook.save(tmp_book)
    assert cli.main(["fix", str(tmp_book)]) == 0
    out = capsys.readouterr().out
    assert "Phiếu đăng ký!H2 (Số điện thoại): “+84 912 345 678” → “0912345678”" in out
    assert "đã sửa 1 ô" in out
    assert cli.main(["fix", str(tmp_book), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"changes": [], "count": 0}
