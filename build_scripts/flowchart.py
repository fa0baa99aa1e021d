"""Flowcharts drawn at build time as inline SVG, top to bottom, with no script in the browser.

A chart is a sequence of nodes: a Box (a step, a link to another page, or the end of a route)
or a Decision, whose branches are drawn below it, indented, each leaving a line on the left.
A branch that does not end in a link or an end box joins that line again, and the flow goes on
below; a branch with no nodes is the answer that goes straight on. The SVG is WIDTH user units
wide and scales to its container (viewBox), so text is wrapped here, by an estimate of glyph
widths that the browser tests check against the rendered text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup

WIDTH = 340
FONT = 13
LINE = 16
PAD_X, PAD_Y = 8, 6
GAP = 20  # between one node and the next (the arrow)
INDENT = 24  # of a branch below its decision
RAIL = 12  # x of the flow line within its column
NOTCH = 10  # the pointed sides of a decision
CHAR_EM, BOLD_EM = 0.6, 0.66  # average glyph width, in em, of regular and bold text


@dataclass(frozen=True)
class Box:
    """kind "step" | "link" | "end"; `head` is printed bold (a step's paragraph and deadline);
    `target` is the site path the page's text version links to."""

    kind: str
    text: str
    head: tuple[str, ...] = ()
    target: str = ""


@dataclass(frozen=True)
class Branch:
    answer: str
    nodes: tuple = ()

    @property
    def ends(self) -> bool:
        """The route stops here or goes on on another page."""
        last = self.nodes[-1] if self.nodes else None
        return isinstance(last, Box) and last.kind in ("link", "end")


@dataclass(frozen=True)
class Decision:
    question: str
    branches: tuple[Branch, ...]


@dataclass(frozen=True)
class Chart:
    """`always`: nodes that apply in every case, drawn apart under the `always_label`."""

    id: str
    title: str
    description: str
    nodes: tuple
    always_label: str = ""
    always: tuple = ()

    def svg(self) -> Markup:
        """The chart as one line of inline SVG (no blank line: it stays one raw HTML block)."""
        return _Drawing(self).render()


def wrap(text: str, width: float, bold: bool = False) -> list[str]:
    """Lines of at most `width` user units (estimated); a word longer than a line is split."""
    limit = max(2, int(width / (FONT * (BOLD_EM if bold else CHAR_EM))))
    lines, line = [], ""
    for word in text.split():
        while len(word) > limit:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[: limit - 1] + "-")
            word = word[limit - 1 :]
        candidate = f"{line} {word}" if line else word
        if len(candidate) <= limit:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


class _Drawing:
    """Lays the nodes out and collects the SVG elements."""

    def __init__(self, chart: Chart):
        self.chart, self.parts = chart, []

    def text(self, x: float, y: float, lines: list[tuple[str, bool]], cls: str) -> None:
        """Lines (text, bold) from the top `y`, left-aligned at `x`."""
        bold_class = ' class="fc-bold"'
        spans = "".join(
            f'<tspan x="{x:g}" dy="{LINE if i else FONT:g}"{bold_class if bold else ""}>{escape(t)}</tspan>'
            for i, (t, bold) in enumerate(lines)
        )
        self.parts.append(f'<text class="{cls}" x="{x:g}" y="{y:g}">{spans}</text>')

    def arrow(self, x: float, y1: float, y2: float) -> None:
        self.parts.append(
            f'<path class="fc-line" d="M{x:g} {y1:g}V{y2 - 1:g}" marker-end="url(#{self.chart.id}-arrow)"/>'
        )

    def line(self, d: str) -> None:
        self.parts.append(f'<path class="fc-line" d="{d}"/>')

    def box(self, node: Box, x: float, w: float, y: float) -> float:
        inner = w - 2 * PAD_X
        lines = [(t, True) for head in node.head for t in wrap(head, inner, True)]
        lines += [(t, False) for t in wrap(node.text, inner)]
        h = 2 * PAD_Y + len(lines) * LINE
        radius = h / 2 if node.kind == "link" else 6
        self.parts.append(
            f'<g class="fc-node fc-{node.kind}">'
            f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="{min(radius, 14):g}"/>'
        )
        self.text(x + PAD_X, y + PAD_Y, lines, "fc-text")
        self.parts.append("</g>")
        return y + h

    def decision(self, node: Decision, x: float, w: float, y: float, followed: bool) -> tuple[float, str]:
        """The question, then each branch indented below it; the bottom of the decision's
        line and the answer that goes straight on ("" when none)."""
        lines = [(t, True) for t in wrap(node.question, w - 2 * (PAD_X + NOTCH))]
        h = 2 * PAD_Y + len(lines) * LINE
        points = [
            (x + NOTCH, y),
            (x + w - NOTCH, y),
            (x + w, y + h / 2),
            (x + w - NOTCH, y + h),
            (x + NOTCH, y + h),
            (x, y + h / 2),
        ]
        self.parts.append(
            '<g class="fc-node fc-decision"><polygon points="' + " ".join(f"{px:g},{py:g}" for px, py in points) + '"/>'
        )
        self.text(x + PAD_X + NOTCH, y + PAD_Y, lines, "fc-text")
        self.parts.append("</g>")
        rail, bottom, straight = x + RAIL, y + h, ""
        for branch in node.branches:
            if not branch.nodes:
                straight = branch.answer
                continue
            bx, bw = x + INDENT, w - INDENT
            answer = [(t, True) for t in wrap(branch.answer, bw - RAIL - 6, True)]
            tick = bottom + 10
            self.line(f"M{rail:g} {tick:g}H{bx + RAIL:g}")
            top = tick + len(answer) * LINE + 8
            self.arrow(bx + RAIL, tick, top)
            self.text(bx + RAIL + 6, tick, answer, "fc-answer")
            joins = followed and not branch.ends
            end = self.sequence(branch.nodes, bx, bw, top, joins)
            if joins:
                self.line(f"M{bx + RAIL:g} {end:g}V{end + 8:g}H{rail:g}")
                end += 8
            bottom = end
        self.line(f"M{rail:g} {y + h:g}V{bottom:g}")
        return bottom, straight

    def sequence(self, nodes: tuple, x: float, w: float, y: float, continues: bool) -> float:
        """Nodes one below the other from `y`; the bottom. `continues`: the flow goes on after
        the last node (its branches join the line)."""
        bottom, straight = None, ""
        for i, node in enumerate(nodes):
            if bottom is not None:
                answer = [(t, True) for t in wrap(straight, w - RAIL - 6, True)] if straight else []
                y = bottom + max(GAP, len(answer) * LINE + 10)
                self.arrow(x + RAIL, bottom, y)
                if answer:
                    self.text(x + RAIL + 6, bottom + 3, answer, "fc-answer")
            followed = i < len(nodes) - 1 or continues
            if isinstance(node, Decision):
                bottom, straight = self.decision(node, x, w, y, followed)
            else:
                bottom, straight = self.box(node, x, w, y), ""
        if straight:
            raise ValueError(f"the answer {straight!r} goes straight on, but no node follows it")
        return y if bottom is None else bottom

    def render(self) -> Markup:
        chart = self.chart
        bottom = self.sequence(chart.nodes, 1, WIDTH - 2, 1, False)
        if chart.always:
            y = bottom + 14
            self.line(f"M1 {y:g}H{WIDTH - 1:g}")
            label = [(t, True) for t in wrap(chart.always_label, WIDTH - 2)]
            self.text(1, y + 6, label, "fc-answer")
            bottom = self.sequence(chart.always, 1, WIDTH - 2, y + 12 + len(label) * LINE, False)
        height = bottom + 2
        head = (
            f'<svg class="fc" role="img" aria-labelledby="{chart.id}-title" aria-describedby="{chart.id}-desc" '
            f'viewBox="0 0 {WIDTH} {height:g}" width="{WIDTH}" height="{height:g}" font-size="{FONT}">'
            f'<title id="{chart.id}-title">{escape(chart.title)}</title>'
            f'<desc id="{chart.id}-desc">{escape(chart.description)}</desc>'
            f'<defs><marker id="{chart.id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" '
            f'markerHeight="6" orient="auto"><path d="M0 0L10 5L0 10z"/></marker></defs>'
        )
        return Markup(head + "".join(self.parts) + "</svg>")
