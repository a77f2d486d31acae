"""The reports' pictures: horizontal bar charts as PNG (matplotlib, no display needed)."""

from __future__ import annotations

import io


def chart_png(data: dict[str, list[tuple[str, int]]]) -> bytes:
    """The ward report's picture: petitions by field and by status."""
    return panels_png("Số ý kiến, kiến nghị", [("Theo lĩnh vực", data.get("linh_vuc") or []),
                                               ("Theo trạng thái", data.get("trang_thai") or [])])


def panels_png(title: str, panels: list[tuple[str, list[tuple[str, int]]]]) -> bytes:
    """Side-by-side horizontal bar charts, one per (heading, [(label, count)]), as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9, "svg.hashsalt": "doithoai"})
    figure, axes = plt.subplots(1, len(panels), figsize=(4.5 * len(panels), 3.6), dpi=150, squeeze=False)
    try:
        for axis, (heading, pairs) in zip(axes[0], panels, strict=True):
            pairs = pairs or [("Chưa có dữ liệu", 0)]
            labels = [label for label, _ in pairs][::-1]
            counts = [count for _, count in pairs][::-1]
            bars = axis.barh(labels, counts, color="#2f5597")
            axis.set_title(heading, fontsize=10, fontweight="bold")
            axis.bar_label(bars, padding=2, fontsize=8)
            axis.spines[["top", "right"]].set_visible(False)
            axis.set_xlim(0, max(counts + [1]) * 1.2)
            axis.xaxis.set_visible(False)
        figure.suptitle(title, fontsize=11)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()
    finally:
        plt.close(figure)
