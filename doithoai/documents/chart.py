"""The report's picture: petitions by field and by status, as a PNG (matplotlib, no display needed)."""

from __future__ import annotations

import io


def chart_png(data: dict[str, list[tuple[str, int]]]) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    panels = (("linh_vuc", "Theo lĩnh vực"), ("trang_thai", "Theo trạng thái"))
    plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9, "svg.hashsalt": "doithoai"})
    figure, axes = plt.subplots(1, 2, figsize=(9.0, 3.6), dpi=150)
    try:
        for axis, (key, heading) in zip(axes, panels, strict=True):
            pairs = data.get(key) or [("Chưa có dữ liệu", 0)]
            labels = [label for label, _ in pairs][::-1]
            counts = [count for _, count in pairs][::-1]
            bars = axis.barh(labels, counts, color="#2f5597")
            axis.set_title(heading, fontsize=10, fontweight="bold")
            axis.bar_label(bars, padding=2, fontsize=8)
            axis.spines[["top", "right"]].set_visible(False)
            axis.set_xlim(0, max(counts + [1]) * 1.2)
            axis.xaxis.set_visible(False)
        figure.suptitle("Số ý kiến, kiến nghị", fontsize=11)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()
    finally:
        plt.close(figure)
