"""The reports' pictures: horizontal bar charts as PNG (matplotlib, no display needed).

Drawn at the size they are printed (16 cm wide, see `WIDTH_MM`), so their 11–12 pt text prints at 11–12 pt,
in Times New Roman like the rest of the document (DejaVu Serif where Windows' font is not installed: the
metric-compatible Liberation Serif lacks Vietnamese letters with two marks).
"""

from __future__ import annotations

import io

WIDTH_MM = 160
# Fonts with every Vietnamese letter: Liberation Serif and Nimbus Roman lack the stacked marks (ố, ự…).
SERIF = ("Times New Roman", "DejaVu Serif")


def serif_font() -> str:
    """The first of `SERIF` installed (asking matplotlib for a missing family logs a warning on every draw)."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in SERIF if name in installed), "serif")


def chart_png(data: dict[str, list[tuple[str, int]]]) -> bytes:
    """The ward report's picture: petitions by field and by status."""
    return panels_png("Số ý kiến, kiến nghị", [("Theo lĩnh vực", data.get("linh_vuc") or []),
                                               ("Theo trạng thái", data.get("trang_thai") or [])])


def panels_png(title: str, panels: list[tuple[str, list[tuple[str, int]]]]) -> bytes:
    """Side-by-side horizontal bar charts, one per (heading, [(label, count)]), as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    plt.rcParams.update({"font.family": serif_font(), "font.size": 11, "svg.hashsalt": "doithoai"})
    width = WIDTH_MM / 25.4
    figure, axes = plt.subplots(1, len(panels), figsize=(width, width * 0.45), dpi=200, squeeze=False)
    try:
        for axis, (heading, pairs) in zip(axes[0], panels, strict=True):
            pairs = pairs or [("Chưa có dữ liệu", 0)]
            labels = [label for label, _ in pairs][::-1]
            counts = [count for _, count in pairs][::-1]
            bars = axis.barh(labels, counts, color="#2f5597")
            axis.set_title(heading, fontsize=12, fontweight="bold")
            axis.bar_label(bars, padding=2, fontsize=11)
            axis.spines[["top", "right"]].set_visible(False)
            axis.set_xlim(0, max(counts + [1]) * 1.2)
            axis.xaxis.set_visible(False)
        figure.suptitle(title, fontsize=12)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()
    finally:
        plt.close(figure)
