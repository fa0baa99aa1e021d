"""The referral procedure page by page: the steps of data/referral.yaml grouped by their
`stage`, what the audience pages pick from them, and the flowcharts drawn from the same steps.

The flowcharts' decisions are those of checker/routing.py (read its docstring): who is a minor
(p. 14), informed consent (pp. 7, 9), refusal of assistance (p. 13), where the person was
detected and who is returned (pp. 21-23), whether immediate relocation is possible (pp. 11-12,
17-18), and for minors an unattended child (pp. 36-37) and the outcome (pp. 32, 38-39).
Every label is a step of referral.yaml or a label of ui.yaml. Where a step rests on a reading of
data/readings.yaml, its box says so and the reading is listed under the chart as the site's.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts import citations, flowchart
from build_scripts.citations import RULES_DOC

#: The procedure pages, procedure/STAGE.md, in reading order (the `stage` of each step).
STAGES = ("adults", "minors", "abroad", "identification", "assistance")
#: A stage page that is about one audience also lists that audience's steps on other pages.
STAGE_AUDIENCE = {"adults": "adult", "minors": "minor"}
#: The actors of the steps taken at detection: whoever detects the person.
DETECTING_ACTORS = ("referral_subjects", "detecting_subject")
#: What happens after someone reports a case, for the public page (Rules' order).
AFTER_A_CALL = (
    "require-informed-consent",
    "take-measures-on-information",
    "relocate-safely",
    "provide-safe-place",
    "identify-per-criteria",
    "keep-information-confidential",
    "inform-identified-victim",
    "return-to-residence-with-card",
    "complain-against-non-recognition",
    "appeal-to-court",
    "provide-social-support",
)

#: How the Rules name the card of Appendix 2 in a step that gives it (pp. 13, 33).
CARD_WORDS = "ақпараттық карточка"


def gives_card(step: dict) -> bool:
    """Whether the step, in the Rules' own words, gives the information card: its pages then
    link to the card and to the printable pocket card."""
    return CARD_WORDS in step["text"]["kk"]


@dataclass(frozen=True)
class Step:
    id: str


@dataclass(frozen=True)
class Goto:
    """A box linking to another procedure page, or to one step on it."""

    stage: str
    step: str = ""


@dataclass(frozen=True)
class Stop:
    label: str


@dataclass(frozen=True)
class Ask:
    """A decision: the question's label, then (answer label, nodes) per branch."""

    question: str
    branches: tuple


_RELOCATE_ADULT = Ask("flow-q-relocate", (("yes", (Step("relocate-safely"),)), ("no", (Step("provide-safe-place"),))))
_RELOCATE_MINOR = Ask(
    "flow-q-relocate", (("yes", (Step("relocate-minor-safely"),)), ("no", (Step("provide-safe-place-for-minor"),)))
)
#: Drawn apart: p. 10 (whoever receives information) and p. 20 (crimes known) in every route.
_ALWAYS = (Step("take-measures-on-information"), Step("report-crimes-to-police"))
_REFUSES = Ask("flow-q-refuses", (("yes", (Step("give-information-card"),)), ("no", ())))

#: name -> (nodes, nodes that apply in every case). Each covers every step of its stage.
CHARTS = {
    "adults": (
        (
            Step("detect-by-indicators"),
            Ask("flow-q-minor", (("flow-a-minor-or-presumed", (Goto("minors"),)), ("adult", ()))),
            Step("offer-referral"),
            Step("require-informed-consent"),
            Step("communicate-in-safe-place"),
            Ask("flow-q-consent", (("no", (_REFUSES, Stop("flow-end-no-consent"))), ("yes", ()))),
            Step("notify-ssp-police-lea"),
            Step("attend-to-urgent-needs"),
            Ask("flow-q-location", (("location-abroad", (Goto("abroad"),)), ("location-kazakhstan", ()))),
            _RELOCATE_ADULT,
            Goto("identification"),
        ),
        _ALWAYS,
    ),
    "minors": (
        (
            Step("detect-by-indicators"),
            Ask(
                "flow-q-minor",
                (("adult", (Goto("adults"),)), ("flow-a-presumed-minor", (Step("presume-minor"),)), ("minor", ())),
            ),
            Step("communicate-with-minor-in-safe-place"),
            Step("notify-police-or-guardianship"),
            Step("inform-minor-of-referral"),
            Step("hand-over-minor"),
            Step("ensure-minor-safety-and-needs"),
            _REFUSES,
            Ask(
                "flow-q-location",
                (
                    ("location-abroad", (Step("refer-minor-from-abroad-to-csc"),)),
                    ("location-kazakhstan", (_RELOCATE_MINOR,)),
                ),
            ),
            Step("establish-circumstances"),
            Goto("identification"),
            Ask(
                "flow-q-unaccompanied",
                (
                    ("yes", (Step("notify-on-unaccompanied-minor"), Step("guardianship-acts-as-representative"))),
                    ("no", ()),
                ),
            ),
            Ask(
                "flow-q-identified",
                (
                    ("no", (Goto("identification", "return-to-residence-with-card"),)),
                    (
                        "yes",
                        (
                            Step("inform-identified-victim"),
                            Step("csc-informs-identified-minor"),
                            Ask("flow-q-police-ngo", (("yes", (Step("refer-minor-to-csc"),)), ("no", ()))),
                            Goto("assistance"),
                        ),
                    ),
                ),
            ),
        ),
        _ALWAYS,
    ),
    "abroad": (
        (
            Step("detect-by-indicators"),
            Ask("flow-q-return", (("yes", (Step("return-to-kazakhstan"),)), ("no", ()))),
            Ask(
                "flow-q-minor",
                (
                    ("flow-a-minor-or-presumed", (Step("refer-minor-from-abroad-to-csc"), Goto("minors"))),
                    (
                        "adult",
                        (
                            Goto("adults"),
                            Ask(
                                "flow-q-consent",
                                (("no", (Stop("flow-end-no-consent"),)), ("yes", (Step("refer-from-abroad-to-ssp"),))),
                            ),
                        ),
                    ),
                ),
            ),
            Goto("identification"),
        ),
        _ALWAYS,
    ),
}


def page_of(stage: str) -> str:
    return f"procedure/{stage}.md"


def paragraph_range(paragraphs) -> str:
    """Paragraphs (a sub-paragraph counts as its paragraph) as ranges: "5-13, 20"."""
    runs: list[list[int]] = []
    for n in sorted({int(p.split(".")[0]) for p in paragraphs}):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def chart_steps(nodes) -> list[str]:
    """The ids of the steps drawn as boxes in these chart nodes."""
    found = []
    for node in nodes:
        if isinstance(node, Step):
            found.append(node.id)
        elif isinstance(node, Ask):
            for _, branch in node.branches:
                found += chart_steps(branch)
    return found


class Procedure:
    """The steps by stage, with what the procedure and audience pages show of them."""

    chart_names = tuple(CHARTS)

    def __init__(self, data: dict):
        referral = data["referral"]
        self.steps = {s["id"]: s for s in referral["steps"]}
        self.actors = {a["id"]: a for a in referral["actors"]}
        self.deadlines = {d["id"]: d for d in referral["deadlines"]}
        self.by_stage = {stage: [s for s in referral["steps"] if s["stage"] == stage] for stage in STAGES}
        rules = next(d for d in data["rules-text"]["documents"] if d["doc"] == RULES_DOC)
        self.paragraphs = {
            p["number"]: p for part in rules["parts"] if part["id"] != "order" for p in part["paragraphs"]
        }
        self.all_readings = data["readings"]["readings"]
        self._readings = {step: [r for r in self.all_readings if step in r["steps"]] for step in self.steps}

    def readings(self, step: dict) -> list[dict]:
        """The site's readings (data/readings.yaml) that decide this step, in the file's order."""
        return self._readings[step["id"]]

    def chart_readings(self, name: str) -> list[dict]:
        """The readings of the steps drawn in chart `name`, numbered by their place in this list."""
        nodes, always = CHARTS[name]
        steps = chart_steps(nodes + always)
        return [r for r in self.all_readings if any(step in r["steps"] for step in steps)]

    gives_card = staticmethod(gives_card)

    @staticmethod
    def target(step: dict) -> str:
        """The site path of the step on its procedure page."""
        return f"{page_of(step['stage'])}#step-{step['id']}"

    @staticmethod
    def place(step: dict, lang: str) -> str:
        """The step's paragraph in words: "9-тармақтың 1) тармақшасы" / "подп. 1) п. 9"."""
        return citations.place(RULES_DOC, step["paragraph"], lang)

    @staticmethod
    def rules_target(step: dict) -> str:
        """The site path of the step's paragraph in the full text of the Rules."""
        return citations.target(RULES_DOC, step["paragraph"])

    def paragraph_range(self, stage: str) -> str:
        return paragraph_range(s["paragraph"] for s in self.by_stage[stage])

    def lead(self, step: dict) -> dict | None:
        """The paragraph whose sub-paragraph the step is ("9.1" -> p. 9), for its opening words,
        when the step is the first of that paragraph's sub-paragraphs on its page."""
        number, _, sub = step["paragraph"].partition(".")
        if not sub:
            return None
        first = next(s for s in self.by_stage[step["stage"]] if s["paragraph"].partition(".")[0] == number)
        return self.paragraphs[number] if first is step else None

    def related(self, stage: str) -> list[dict]:
        """Steps on other pages for the audience of this stage page (none for other stages)."""
        audience = STAGE_AUDIENCE.get(stage)
        return [s for s in self.steps.values() if s["applies_to"] == audience and s["stage"] != stage]

    def with_deadline(self) -> list[tuple[dict, list[dict]]]:
        """Each deadline of the Rules with the steps it applies to."""
        return [(d, [s for s in self.steps.values() if s["deadline"] == d["id"]]) for d in self.deadlines.values()]

    def detection(self) -> dict[str, list[dict]]:
        """The steps taken by whoever detects the person, by audience: any, adult, minor."""
        steps = [s for s in self.steps.values() if s["actor"] in DETECTING_ACTORS]
        return {audience: [s for s in steps if s["applies_to"] == audience] for audience in ("any", "adult", "minor")}

    def after_a_call(self) -> list[dict]:
        return [self.steps[step_id] for step_id in AFTER_A_CALL]

    def chart(self, name: str, page) -> flowchart.Chart:
        """The flowchart `name` in the page's language."""
        lang = page.lang

        def label(key: str) -> str:
            return page.labels_for([key])[key]

        notes = [r["id"] for r in self.chart_readings(name)]

        def node(spec):
            if isinstance(spec, Ask):
                return flowchart.Decision(
                    label(spec.question),
                    tuple(flowchart.Branch(label(answer), tuple(map(node, nodes))) for answer, nodes in spec.branches),
                )
            if isinstance(spec, Stop):
                return flowchart.Box("end", label(spec.label))
            if isinstance(spec, Goto) and spec.step:
                step = self.steps[spec.step]
                words = f"→ {self.place(step, lang)}: {step['title'][lang]}"
                return flowchart.Box("link", words, (), self.target(step))
            if isinstance(spec, Goto):
                where = label("paragraphs-range").replace("#", self.paragraph_range(spec.stage))
                return flowchart.Box("link", f"→ {label('stage-' + spec.stage)} ({where})", (), page_of(spec.stage))
            step = self.steps[spec.id]
            head = (self.place(step, lang),)
            if step["deadline"]:
                head += (f"{label('step-deadline')}: {self.deadlines[step['deadline']]['label'][lang]}",)
            marks = [str(notes.index(r["id"]) + 1) for r in self.readings(step)]
            if marks:
                head += (f"{label('flow-reading-mark')} {', '.join(marks)}",)
            return flowchart.Box("step", step["title"][lang], head, self.target(step))

        nodes, always = CHARTS[name]
        return flowchart.Chart(
            id=f"flow-{name}",
            title=f"{label('flow-title')}: {label('stage-' + name)}",
            description=label("flow-desc"),
            nodes=tuple(map(node, nodes)),
            always_label=label("flow-always"),
            always=tuple(map(node, always)),
        )
