"""The question bank of the practice and test pages (training/practice/, training/test/), generated
from the data at build time: no answer is written by hand.

Each question is built from one entry of the data (a sign of Appendix 1, an item of the card, a
step of the Rules, a competence, a glossary term) and its distractors from entries of the same
kind that verifiably do not answer the question. Stems and explanations are the wording of
data/ui.yaml (`quiz-*` labels) with the data's quotes put in; citations come from
citations.place()/target(). Ids and the order of options do not depend on the language, so a
seeded selection gives the same test in Kazakh and in Russian.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from build_scripts import citations
from build_scripts.citations import LAW_DOC, RULES_DOC

#: Topics, in the order the pages offer them.
TOPICS = ("indicators", "card", "bodies", "deadlines", "glossary")
#: Where the bank is written under the docs folder, one file per language (not `x.ru.json`: the i18n plugin
#: reads that suffix as a language).
BANK_PATH = "assets/training/questions-{lang}.json"
#: Options per question (the answer and up to three distractors).
OPTIONS = 4
#: Longest quote (stem) and option, in characters in either language: a question must read on a
#: phone and twenty of them must print on three A4 pages.
MAX_QUOTE, MAX_OPTION = 330, 240
#: A condition is asked with its paragraph's whole text, whose options (paragraph numbers) are short.
MAX_CONDITION = 760
#: Paragraphs of the Rules whose conditions the "deadlines and conditions" topic asks about.
CONDITION_PARAGRAPHS = ("7", "12", "14", "30", "39")
#: How much of a body's name (letters only) a quote must hold to count as naming the body.
NAME_PREFIX = 15
#: Bodies that stand for a whole class of others (all state bodies, all subjects...): they are
#: never an answer or a distractor, as a specific body also belongs to them.
GENERIC_BODIES = frozenset(
    {"state_bodies", "rules_subjects", "prevention_subjects", "law_enforcement", "other_state_body"}
)
#: Bodies whose duties overlap (a local executive body in education is a local executive body):
#: never distractors of each other.
OVERLAPPING_BODIES = (
    frozenset(
        {
            "local_executive",
            "local_education",
            "local_health",
            "guardianship",
            "juvenile_commission",
            "social_protection_org",
            "family_support_centre",
        }
    ),
    frozenset({"ombudsman", "national_human_rights_centre", "child_rights_ombudsman", "human_rights_commission"}),
    frozenset({"education", "child_rights_committee", "local_education"}),
    frozenset({"health", "local_health", "health_org"}),
    frozenset({"sport", "culture_sport", "sport_org"}),
    frozenset({"youth_policy", "youth_org"}),
    frozenset({"social_protection", "social_protection_org", "ssp", "assistance_org"}),
)
#: Actors of referral.yaml that name a role in the procedure rather than a body.
ROLE_ACTORS = frozenset(
    {"detecting_subject", "notified_body", "identifying_subject", "receiving_subject", "potential_victim"}
)
#: Roles that may be the same body at the same moment (a notified body takes measures to identify,
#: p. 10, and is among those who identify, p. 25): never distractors of each other.
OVERLAPPING_ACTORS = frozenset({"notified_body", "identifying_subject"})
#: Actors never offered: every subject of the Rules (it includes every other actor).
GENERIC_ACTORS = frozenset({"referral_subjects"})
#: How a step's Russian text names an actor: a body the step names is never its distractor.
ACTOR_WORDS = {
    "police": "органы внутренних дел",
    "guardianship": "опек",
    "local_executive": "местн",
    "ssp": "ССУ",
    "consular": "загранучрежд",
    "childrens_support_centre": "Центр",
    "identifying_subject": "проводящ",
    "detecting_subject": "выявивш",
    "notified_body": "получив информацию",
    "receiving_subject": "передан",
    "potential_victim": "потенциальн",
}


@dataclass
class Question:
    """One question in both languages; `options[answer]` is right."""

    id: str
    topic: str
    kind: str
    stem: dict
    options: list
    answer: int
    explanation: dict
    source: dict
    quote: dict | None = None
    keys: list = field(default_factory=list)  # what each option stands for (entry ids), for tests

    def for_page(self, lang: str, documents: dict, url) -> dict:
        """The question as the page reads it, in `lang`; `url(target)` makes a citation's link."""
        doc, ref = self.source["doc"], self.source["ref"]
        target = citations.target(doc, ref)
        out = {
            "id": self.id,
            "t": self.topic,
            "q": self.stem[lang],
            "o": [option[lang] for option in self.options],
            "a": self.answer,
            "e": self.explanation[lang],
            "c": f"{documents[doc]['short'][lang]}, {citations.place(doc, ref, lang)}",
        }
        if self.quote:
            out["x"] = self.quote[lang]
        if target:
            out["h"] = url(target)
        return out


def _norm(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def _fits(quote: dict | None, options: list[dict], longest_quote: int) -> bool:
    return (quote is None or max(len(v) for v in quote.values()) <= longest_quote) and all(
        len(v) <= MAX_OPTION for option in options for v in option.values()
    )


class _Builder:
    def __init__(self, data: dict):
        self.data = data
        self.labels = {item["id"]: item["text"] for item in data["ui"]["labels"]}
        self.documents = {doc["id"]: doc for doc in data["sources"]["documents"]}
        self.questions: list[Question] = []

    def say(self, key: str, **values) -> dict:
        """The label `key` in both languages with {placeholders} filled (values: text dicts)."""
        return {lang: self.labels[key][lang].format(**{k: v[lang] for k, v in values.items()}) for lang in ("kk", "ru")}

    def place(self, source: dict) -> dict:
        doc = self.documents[source["doc"]]
        return {
            lang: f"{doc['short'][lang]}, {citations.place(source['doc'], source['ref'], lang)}"
            for lang in ("kk", "ru")
        }

    def add(
        self,
        qid: str,
        topic: str,
        kind: str,
        stem: dict,
        answer: tuple,
        distractors: list[tuple],
        explanation: dict,
        source: dict,
        quote: dict | None = None,
        fewest: int = 3,
        longest_quote: int = MAX_QUOTE,
    ) -> None:
        """Add a question if it has at least `fewest` options and fits; answer and distractors are
        (key, text) pairs. Options are shuffled by the question id, the same in both languages."""
        seen = {_norm(answer[1]["ru"])}
        unique = []
        for key, text in distractors:
            if _norm(text["ru"]) not in seen:
                seen.add(_norm(text["ru"]))
                unique.append((key, text))
        options = [answer] + unique[: OPTIONS - 1]
        if len(options) < fewest or not _fits(quote, [text for _, text in options], longest_quote):
            return
        random.Random(hashlib.sha256(qid.encode()).hexdigest()).shuffle(options)
        self.questions.append(
            Question(
                qid,
                topic,
                kind,
                stem,
                [text for _, text in options],
                options.index(answer),
                explanation,
                source,
                quote,
                [key for key, _ in options],
            )
        )

    @staticmethod
    def pick(qid: str, pool: list, count: int = OPTIONS - 1) -> list:
        """`count` entries of pool chosen by the question id (the same on every build)."""
        pool = list(pool)
        random.Random(hashlib.sha256(("pick" + qid).encode()).hexdigest()).shuffle(pool)
        return pool[:count]

    # Indicators -------------------------------------------------------------------------------
    def indicators(self) -> None:
        ind = self.data["indicators"]
        elements = {e["id"]: e for e in ind["combination"]["elements"]}
        groups = {g["id"]: g for g in ind["groups"]}
        forms = {f["id"]: f for f in ind["forms"]}
        signs = ind["indicators"]
        for sign in signs:
            group = groups[sign["group"]]
            self.add(
                f"element:{sign['id']}",
                "indicators",
                "element",
                self.labels["quiz-q-element"],
                (sign["element"], elements[sign["element"]]["title"]),
                [(e, elements[e]["title"]) for e in elements if e != sign["element"]],
                self.say("quiz-e-element", element=elements[sign["element"]]["title"], group=group["title"]),
                sign["source"],
                sign["text"],
            )
            if sign.get("form"):
                self.add(
                    f"form:{sign['id']}",
                    "indicators",
                    "form",
                    self.labels["quiz-q-form"],
                    (sign["form"], forms[sign["form"]]["title"]),
                    [
                        (f, forms[f]["title"])
                        for f in self.pick(f"form:{sign['id']}", [f for f in forms if f != sign["form"]])
                    ],
                    self.say("quiz-e-form", form=forms[sign["form"]]["title"]),
                    sign["source"],
                    sign["text"],
                )
        appendix = {_norm(s["text"]["ru"]) for s in signs} | {_norm(s["text"]["kk"]) for s in signs}
        others = [
            (key, entry)
            for key, entry in self.not_signs()
            if _norm(entry["text"]["ru"]) not in appendix and _norm(entry["text"]["kk"]) not in appendix
        ]
        for sign in signs:
            qid = f"in-app1:{sign['id']}"
            chosen = self.pick(qid, others)
            self.add(
                qid,
                "indicators",
                "in-app1",
                self.labels["quiz-q-in-app1"],
                (sign["id"], sign["text"]),
                [(key, entry["text"]) for key, entry in chosen],
                self.say(
                    "quiz-e-in-app1",
                    element=elements[sign["element"]]["title"],
                    others=self.joined([self.place(entry["source"]) for _, entry in chosen]),
                ),
                sign["source"],
            )
        for key, entry in others:
            qid = f"not-in-app1:{key}"
            chosen = self.pick(qid, signs)
            self.add(
                qid,
                "indicators",
                "not-in-app1",
                self.labels["quiz-q-not-in-app1"],
                (key, entry["text"]),
                [(s["id"], s["text"]) for s in chosen],
                self.say("quiz-e-not-in-app1", place=self.place(entry["source"])),
                entry["source"],
            )

    def not_signs(self) -> list[tuple[str, dict]]:
        """Texts of the data that are not signs of Appendix 1 but read like facts about a person:
        the card's rights and obligations and the rows of the Criteria."""
        rights = self.data["rights"]
        entries = [(e["id"], e) for e in rights["rights"] + rights["obligations"]]
        entries += [(f"criteria-{row['id']}", row) for row in self.data["criteria"]["rows"]]
        return entries

    @staticmethod
    def joined(parts: list[dict]) -> dict:
        return {lang: "; ".join(dict.fromkeys(p[lang] for p in parts)) for lang in ("kk", "ru")}

    # The information card ----------------------------------------------------------------------
    def card(self) -> None:
        rights = self.data["rights"]
        kinds = {"right": self.labels["quiz-a-right"], "obligation": self.labels["quiz-a-obligation"]}
        items = [("right", e, rights["intro"]) for e in rights["rights"]] + [
            ("obligation", e, rights["obligations_intro"]) for e in rights["obligations"]
        ]
        for kind, entry, intro in items:
            self.add(
                f"card-kind:{entry['id']}",
                "card",
                "card-kind",
                self.labels["quiz-q-card-kind"],
                (kind, kinds[kind]),
                [(k, kinds[k]) for k in kinds if k != kind],
                self.say(
                    "quiz-e-card-kind",
                    number={"kk": str(entry["number"]), "ru": str(entry["number"])},
                    intro=intro["text"],
                ),
                entry["source"],
                entry["text"],
                fewest=2,
            )
        card_texts = {_norm(e["text"]["ru"]) for _, e, _ in items}
        citizens = [
            c
            for c in self.data["competences"]["competences"]
            if c["body"] == "citizens" and "text" in c and _norm(c["text"]["ru"]) not in card_texts
        ]
        for entry in rights["rights"]:
            qid = f"card-right:{entry['id']}"
            chosen = self.pick(qid, citizens)
            self.add(
                qid,
                "card",
                "card-right",
                self.labels["quiz-q-card-right"],
                (entry["id"], entry["text"]),
                [(c["id"], c["text"]) for c in chosen],
                self.say(
                    "quiz-e-card-right",
                    number={"kk": str(entry["number"]), "ru": str(entry["number"])},
                    others=self.joined([self.place(c["source"]) for c in chosen]),
                ),
                entry["source"],
            )
        for entry in rights["obligations"]:
            qid = f"card-obligation:{entry['id']}"
            chosen = self.pick(qid, rights["rights"])
            self.add(
                qid,
                "card",
                "card-obligation",
                self.labels["quiz-q-card-obligation"],
                (entry["id"], entry["text"]),
                [(c["id"], c["text"]) for c in chosen],
                self.say(
                    "quiz-e-card-kind",
                    number={"kk": str(entry["number"]), "ru": str(entry["number"])},
                    intro=rights["obligations_intro"]["text"],
                ),
                entry["source"],
            )

    # Who does what -----------------------------------------------------------------------------
    def bodies(self) -> None:
        comp = self.data["competences"]
        bodies = {b["id"]: b for b in comp["bodies"]}
        subjects = [b for b in comp["bodies"] if b["rules_subject"] and b["id"] not in GENERIC_BODIES]
        others = [
            b
            for b in comp["bodies"]
            if not b["rules_subject"] and b["id"] not in GENERIC_BODIES and b["kind"] != "people"
        ]
        p4 = {"doc": RULES_DOC, "ref": "4"}
        for body in subjects:
            qid = f"subject-p4:{body['id']}"
            same = [b for b in others if b["kind"] == body["kind"] and not self.related(b["id"], body["id"], bodies)]
            rest = [b for b in others if b["kind"] != body["kind"] and not self.related(b["id"], body["id"], bodies)]
            chosen = (self.pick(qid, same) + self.pick(qid, rest))[: OPTIONS - 1]
            where = {lang: citations.place(p4["doc"], p4["ref"], lang) for lang in ("kk", "ru")}
            self.add(
                qid,
                "bodies",
                "subject-p4",
                self.say("quiz-q-subject-p4", place=where),
                (body["id"], body["name"]),
                [(b["id"], b["name"]) for b in chosen],
                self.labels["quiz-e-subject-p4"],
                {"doc": RULES_DOC, "ref": f"4.{body['rules_subject']}"},
            )
        holders: dict[str, set] = {}
        for c in comp["competences"]:
            if "text" in c:
                holders.setdefault(_norm(c["text"]["ru"]), set()).add(c["body"])
        for c in comp["competences"]:
            doc = c["source"]["doc"]
            if "text" not in c or doc == RULES_DOC or c["body"] in GENERIC_BODIES:
                continue
            if doc == LAW_DOC and not 5 <= int(c["source"]["ref"].split(".")[0]) <= 40:
                continue
            owners = holders[_norm(c["text"]["ru"])]
            if len(owners) > 1:
                continue  # the same words given to several bodies cannot tell them apart
            body = bodies[c["body"]]
            if any(_norm(body["name"][lang])[:NAME_PREFIX] in _norm(c["text"][lang]) for lang in ("kk", "ru")):
                continue  # the quote names the body: it would give the answer away
            usable = [
                b
                for b in comp["bodies"]
                if b["id"] not in GENERIC_BODIES
                and b["id"] != body["id"]
                and not self.related(b["id"], body["id"], bodies)
            ]
            qid = f"competence:{c['id']}"
            same = [b for b in usable if b["kind"] == body["kind"]]
            rest = [b for b in usable if b["kind"] != body["kind"]]
            chosen = (self.pick(qid, same) + self.pick(qid, rest))[: OPTIONS - 1]
            doc_name = {lang: self.documents[doc]["short"][lang] for lang in ("kk", "ru")}
            self.add(
                qid,
                "bodies",
                "competence",
                self.say("quiz-q-competence", doc=doc_name),
                (body["id"], body["name"]),
                [(b["id"], b["name"]) for b in chosen],
                self.say("quiz-e-competence", body=body["name"]),
                c["source"],
                c["text"],
            )
        self.step_actors()

    @staticmethod
    def related(a: str, b: str, bodies: dict) -> bool:
        """Whether one body is part of the other or their duties overlap."""
        if bodies[a]["parent"] == b or bodies[b]["parent"] == a:
            return True
        return any(a in group and b in group for group in OVERLAPPING_BODIES)

    def step_actors(self) -> None:
        referral = self.data["referral"]
        actors = {a["id"]: a for a in referral["actors"]}
        for step in referral["steps"]:
            if step["actor"] in GENERIC_ACTORS:
                continue
            named = {a for a, word in ACTOR_WORDS.items() if word in step["text"]["ru"]}
            kind = step["actor"] in ROLE_ACTORS
            overlap = OVERLAPPING_ACTORS if step["actor"] in OVERLAPPING_ACTORS else frozenset()
            usable = [
                a
                for a in actors
                if a != step["actor"] and a not in GENERIC_ACTORS and a not in named and a not in overlap
            ]
            qid = f"step-actor:{step['id']}"
            same = [a for a in usable if (a in ROLE_ACTORS) == kind]
            rest = [a for a in usable if (a in ROLE_ACTORS) != kind]
            chosen = (self.pick(qid, same) + self.pick(qid, rest))[: OPTIONS - 1]
            actor = actors[step["actor"]]
            self.add(
                qid,
                "bodies",
                "step-actor",
                self.labels["quiz-q-step-actor"],
                (actor["id"], actor["name"]),
                [(a, actors[a]["name"]) for a in chosen],
                self.say("quiz-e-step-actor", actor=actor["name"]),
                step["source"],
                step["title"],
            )

    # Deadlines and conditions ------------------------------------------------------------------
    def deadlines(self) -> None:
        referral = self.data["referral"]
        deadlines = {d["id"]: d for d in referral["deadlines"]}
        steps = referral["steps"]
        for step in steps:
            if not step["deadline"]:
                continue
            deadline = deadlines[step["deadline"]]
            self.add(
                f"deadline:{step['id']}",
                "deadlines",
                "deadline",
                self.labels["quiz-q-deadline"],
                (deadline["id"], deadline["label"]),
                [(d, deadlines[d]["label"]) for d in deadlines if d != step["deadline"]],
                self.say("quiz-e-deadline", deadline=deadline["label"]),
                step["source"],
                step["title"],
            )
            qid = f"deadline-step:{step['id']}"
            chosen = self.pick(
                qid,
                [
                    s
                    for s in steps
                    if s["deadline"] != step["deadline"]
                    and s["paragraph"].split(".")[0] != step["paragraph"].split(".")[0]
                ],
            )
            self.add(
                qid,
                "deadlines",
                "deadline-step",
                self.say("quiz-q-deadline-step", deadline=deadline["label"]),
                (step["id"], step["title"]),
                [(s["id"], s["title"]) for s in chosen],
                self.say("quiz-e-deadline", deadline=deadline["label"]),
                step["source"],
            )
        paragraph = lambda s: s["paragraph"].split(".")[0]  # noqa: E731
        quoted = set()
        for step in steps:
            if (paragraph(step) not in CONDITION_PARAGRAPHS and not step["deadline"]) or step["text"]["ru"] in quoted:
                continue
            quoted.add(step["text"]["ru"])  # two steps of p. 39 share its text: ask it once
            qid = f"paragraph:{step['id']}"
            chosen = self.pick(
                qid,
                [
                    s
                    for s in steps
                    if paragraph(s) != paragraph(step) and (paragraph(s) in CONDITION_PARAGRAPHS or s["deadline"])
                ],
            )
            self.add(
                qid,
                "deadlines",
                "paragraph",
                self.labels["quiz-q-paragraph"],
                (step["source"]["ref"], self.place(step["source"])),
                [(s["source"]["ref"], self.place(s["source"])) for s in chosen],
                self.say("quiz-e-paragraph", title=step["title"]),
                step["source"],
                step["text"],
                longest_quote=MAX_CONDITION,
            )

    # Glossary ----------------------------------------------------------------------------------
    def glossary(self) -> None:
        terms = self.data["glossary"]["terms"]
        for term in terms:
            pool = [
                t
                for t in terms
                if t["id"] != term["id"]
                and _norm(t["term"]["ru"]) != _norm(term["term"]["ru"])
                and _norm(t["text"]["ru"]) != _norm(term["text"]["ru"])
            ]
            same = [t for t in pool if t["source"]["doc"] == term["source"]["doc"]]
            qid = f"definition:{term['id']}"
            self.add(
                qid,
                "glossary",
                "definition",
                self.say("quiz-q-definition", term=term["term"]),
                (term["id"], term["text"]),
                [(t["id"], t["text"]) for t in self.pick(qid, same)],
                self.say("quiz-e-glossary", term=term["term"]),
                term["source"],
            )
            qid = f"term:{term['id']}"
            self.add(
                qid,
                "glossary",
                "term",
                self.labels["quiz-q-term"],
                (term["id"], term["term"]),
                [(t["id"], t["term"]) for t in self.pick(qid, same)],
                self.say("quiz-e-glossary", term=term["term"]),
                term["source"],
                term["text"],
            )


def question_bank(data: dict) -> list[Question]:
    """Every question, sorted by id (the order a seeded selection starts from)."""
    builder = _Builder(data)
    builder.indicators()
    builder.card()
    builder.bodies()
    builder.deadlines()
    builder.glossary()
    ids = [q.id for q in builder.questions]
    assert len(ids) == len(set(ids)), "question ids must be unique"
    return sorted(builder.questions, key=lambda q: q.id)


def counts(questions: list[Question]) -> dict[str, int]:
    """Questions per topic, in TOPICS order."""
    return {topic: sum(q.topic == topic for q in questions) for topic in TOPICS}


#: The labels quiz.js shows.
SCRIPT_LABELS = [
    "quiz-choose-topic",
    "quiz-question-of",
    "quiz-next",
    "quiz-see-score",
    "quiz-finish",
    "quiz-right",
    "quiz-wrong",
    "quiz-no-answer",
    "quiz-right-answer",
    "quiz-your-answer",
    "quiz-basis",
    "quiz-score",
    "quiz-by-topic",
    "quiz-practise-missed",
    "quiz-new-set",
    "quiz-progress",
    "quiz-opened",
    "quiz-bad-file",
    "quiz-bad-json",
    "quiz-bad-format",
    "quiz-bad-field",
    "quiz-too-big",
    "quiz-test-settings",
    "quiz-test-link",
    "quiz-other-test",
    "quiz-print-test",
    "quiz-print-key",
    "quiz-print",
    "quiz-back-to-test",
    "quiz-key-title",
    "quiz-name-line",
    "quiz-letters",
    "quiz-loading",
    "quiz-load-failed",
    "quiz-answer-count",
    "quiz-test-title",
] + [f"quiz-topic-{topic}" for topic in TOPICS]


@dataclass(frozen=True)
class QuizView:
    """What the practice and test pages need: the topics, their counts, the bank's path, the labels."""

    counts: dict
    topics: tuple = TOPICS
    bank_path: str = BANK_PATH
    labels: tuple = tuple(SCRIPT_LABELS)


def quiz_view(data: dict) -> QuizView:
    return QuizView(counts(question_bank(data)))


def write_banks(data: dict, docs_dir: Path, url_for) -> dict[str, Path]:
    """Write the bank of each language under docs_dir; `url_for(lang)` gives the function that
    turns a site path into a link from the practice and test pages. Returns lang -> file."""
    questions = question_bank(data)
    documents = {doc["id"]: doc for doc in data["sources"]["documents"]}
    written = {}
    for lang in ("kk", "ru"):
        path = docs_dir / BANK_PATH.format(lang=lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        url = url_for(lang)
        bank = [q.for_page(lang, documents, url) for q in questions]
        path.write_text(json.dumps(bank, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        written[lang] = path
    return written


def main() -> None:
    """Print the number of questions per topic and language."""
    from build_scripts.validate import check

    questions = question_bank(check())
    for lang in ("kk", "ru"):
        print(lang, ", ".join(f"{topic} {n}" for topic, n in counts(questions).items()), f"total {len(questions)}")


if __name__ == "__main__":
    main()
