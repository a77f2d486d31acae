"""Đối thoại: the dialogue-conference workbook for Vietnamese ward and commune People's Committees."""

__version__ = "0.1.0"
