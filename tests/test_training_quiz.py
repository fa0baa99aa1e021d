"""The practice and test pages in Chromium: a seed gives the same test in both languages and on
reload; a test is graded only at the end, by topic; practice gives feedback at once and offers
the missed questions again; progress is saved to a file and opened again (a bad file gets one
clear line); the printed test of 20 questions fits on three A4 pages and shows no answer; the
key shows every answer with its explanation and citation; scenario options fit a 360 px screen."""

from __future__ import annotations

import json
import re

import pytest

from build_scripts.question_bank import BANK_PATH, TOPICS
from build_scripts.training import training_view
from build_scripts.validate import check

pytestmark = pytest.mark.browser

DATA = check()
LABELS = {label["id"]: label["text"] for label in DATA["ui"]["labels"]}
LANGS = ["kk", "ru"]
PHONE = {"width": 360, "height": 740}


def root(lang: str) -> str:
    return "ru/" if lang == "ru" else ""


@pytest.fixture(scope="module")
def banks(built_site) -> dict[str, dict[str, dict]]:
    """lang -> question id -> question, read from the built site."""
    out = {}
    for lang in LANGS:
        questions = json.loads((built_site / BANK_PATH.format(lang=lang)).read_text(encoding="utf-8"))
        out[lang] = {q["id"]: q for q in questions}
    return out


def open_test(page, site_url, lang, query) -> list[str]:
    page.goto(f"{site_url}{root(lang)}training/test/?{query}")
    page.wait_for_selector(".quiz-question, .quiz-sheet")
    return page.locator("[data-id]").evaluate_all("nodes => nodes.map(n => n.dataset.id)")


def test_a_seed_gives_the_same_test_in_both_languages_and_on_reload(site_url, page, foreign_requests):
    query = "seed=class-7&topics=indicators,bodies,deadlines&n=12"
    kk = open_test(page, site_url, "kk", query)
    assert len(kk) == 12
    page.reload()
    page.wait_for_selector(".quiz-question")
    assert page.locator("[data-id]").evaluate_all("nodes => nodes.map(n => n.dataset.id)") == kk
    assert open_test(page, site_url, "ru", query) == kk
    assert {q.split(":")[0] for q in kk} <= {
        "element",
        "form",
        "in-app1",
        "not-in-app1",
        "subject-p4",
        "competence",
        "step-actor",
        "deadline",
        "deadline-step",
        "paragraph",
    }
    assert open_test(page, site_url, "kk", "seed=class-8&topics=indicators,bodies,deadlines&n=12") != kk
    assert foreign_requests == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_test_is_graded_only_at_the_end_by_topic(site_url, page, banks, foreign_requests, lang):
    ids = open_test(page, site_url, lang, "seed=grade&topics=card,glossary&n=6")
    bank = banks[lang]
    assert {bank[i]["t"] for i in ids} == {"card", "glossary"}
    wrong = ids[0]
    for box, qid in zip(page.locator(".quiz-question").all(), ids, strict=False):
        q = bank[qid]
        choice = q["a"] if qid != wrong else (q["a"] + 1) % len(q["o"])
        box.locator(f'li[data-option="{choice}"] input').check()
    assert page.locator(".quiz-feedback").count() == 0
    page.get_by_role("button", name=LABELS["quiz-finish"][lang]).click()
    assert page.locator(".quiz-score").inner_text() == LABELS["quiz-score"][lang].format(
        right=len(ids) - 1, total=len(ids)
    )
    rows = dict(
        zip(
            page.locator(".quiz-topics th").all_inner_texts(),
            page.locator(".quiz-topics td").all_inner_texts(),
            strict=False,
        )
    )
    per_topic = {t: [i for i in ids if bank[i]["t"] == t] for t in ("card", "glossary")}
    assert rows == {
        LABELS[f"quiz-topic-{t}"][lang]: f"{len(q) - (wrong in q)} / {len(q)}" for t, q in per_topic.items()
    }
    first = page.locator(".quiz-question").first
    assert LABELS["quiz-wrong"][lang] in first.locator(".quiz-feedback").inner_text()
    assert bank[wrong]["e"] in first.locator(".quiz-feedback").inner_text()
    assert first.locator(".quiz-cite").inner_text().endswith(bank[wrong]["c"])
    assert page.locator(".quiz-feedback").count() == len(ids)
    assert foreign_requests == []


def test_practice_gives_feedback_at_once_and_offers_the_missed_questions(site_url, page, banks, foreign_requests):
    page.goto(f"{site_url}ru/training/practice/")
    page.wait_for_selector(".quiz-setup:not([hidden])")
    for topic in TOPICS:
        if topic != "deadlines":
            page.locator(f'input[name=topics][value="{topic}"]').uncheck()
    page.locator("input[name=n]").fill("3")
    page.get_by_role("button", name=LABELS["quiz-start"]["ru"]).click()
    seen = []
    for index in range(3):
        box = page.locator(".quiz-question")
        qid = box.get_attribute("data-id")
        q = banks["ru"][qid]
        assert q["t"] == "deadlines"
        seen.append(qid)
        choice = (q["a"] + 1) % len(q["o"]) if index == 0 else q["a"]
        box.locator(f'li[data-option="{choice}"] input').check()
        feedback = box.locator(".quiz-feedback").inner_text()
        assert (LABELS["quiz-wrong"]["ru"] if index == 0 else LABELS["quiz-right"]["ru"]) in feedback
        assert q["e"] in feedback
        if "h" in q:
            assert box.locator(".quiz-cite a").get_attribute("href") == q["h"]
        page.locator(".quiz-next").click()
    assert page.locator(".quiz-score").inner_text() == LABELS["quiz-score"]["ru"].format(right=2, total=3)
    assert page.locator(".quiz-progress-line").inner_text() == LABELS["quiz-progress"]["ru"].format(
        answered=3, correct=2
    )
    page.locator(".quiz-missed").click()
    assert page.locator(".quiz-question").get_attribute("data-id") == seen[0]
    assert LABELS["quiz-question-of"]["ru"].format(n=1, total=1) in page.locator(".quiz-number").inner_text()
    assert foreign_requests == []


def test_progress_is_saved_to_a_file_and_opened_again(site_url, page, banks, tmp_path, foreign_requests):
    page.goto(f"{site_url}training/practice/")
    page.wait_for_selector(".quiz-setup:not([hidden])")
    page.locator("input[name=n]").fill("2")
    page.get_by_role("button", name=LABELS["quiz-start"]["kk"]).click()
    for index in range(2):
        box = page.locator(".quiz-question")
        q = banks["kk"][box.get_attribute("data-id")]
        box.locator(f'li[data-option="{q["a"] if index else (q["a"] + 1) % len(q["o"])}"] input').check()
        page.locator(".quiz-next").click()
    with page.expect_download() as download:
        page.get_by_role("button", name=LABELS["quiz-save"]["kk"]).click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    content = json.loads(saved.read_text(encoding="utf-8"))
    assert (content["answered"], content["correct"], len(content["missed"])) == (2, 1, 1)
    assert page.evaluate("Object.keys(localStorage).length + Object.keys(sessionStorage).length") == 0

    page.goto(f"{site_url}training/practice/")
    page.wait_for_selector(".quiz-setup:not([hidden])")
    page.locator(".quiz-open input").set_input_files(str(saved))
    expected = LABELS["quiz-progress"]["kk"].format(answered=2, correct=1)
    page.wait_for_function("t => document.querySelector('.quiz-progress-line').textContent === t", arg=expected)
    assert page.locator(".quiz-file-message").inner_text() == LABELS["quiz-opened"]["kk"]
    page.locator(".quiz-missed").click()
    assert page.locator(".quiz-question").get_attribute("data-id") == content["missed"][0]

    bad = {
        "not json": ("{", LABELS["quiz-bad-json"]["kk"]),
        "other file": ('{"a": 1}', LABELS["quiz-bad-format"]["kk"]),
        "bad count": (json.dumps({**content, "correct": 5}), LABELS["quiz-bad-field"]["kk"].format(field="correct")),
        "unknown question": (
            json.dumps({**content, "missed": ["no-such:question"]}),
            LABELS["quiz-bad-field"]["kk"].format(field="missed[0]"),
        ),
    }
    for name, (text, problem) in bad.items():
        path = tmp_path / f"{name.replace(' ', '-')}.json"
        path.write_text(text, encoding="utf-8")
        page.locator(".quiz-open input").set_input_files(str(path))
        message = LABELS["quiz-bad-file"]["kk"].format(file=path.name, problem=problem)
        page.wait_for_function("t => document.querySelector('.quiz-file-message').textContent === t", arg=message)
        assert page.locator(".quiz-progress-line").inner_text() == expected, name
    assert foreign_requests == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("seed", ["paper-1", "paper-2", "paper-3"])
def test_a_printed_test_of_20_fits_three_pages_without_answers(site_url, page, banks, foreign_requests, lang, seed):
    query = f"seed={seed}&topics={','.join(TOPICS)}&n=20&print=test"
    ids = open_test(page, site_url, lang, query)
    assert len(ids) == 20
    sheet = page.locator(".quiz-sheet")
    assert sheet.locator(".quiz-sheet-list > li").count() == 20
    assert page.locator(".quiz-run").locator("input, .is-right, .is-wrong, .quiz-feedback, .quiz-key-note").count() == 0
    shown = sheet.inner_text()
    for qid in ids:
        q = banks[lang][qid]
        assert q["e"] not in shown
        assert all(option in shown for option in q["o"])
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    assert 1 <= len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 3
    assert foreign_requests == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_key_gives_each_answer_with_explanation_and_citation(site_url, page, banks, foreign_requests, lang):
    query = f"seed=paper-1&topics={','.join(TOPICS)}&n=20"
    ids = open_test(page, site_url, lang, query + "&print=key")
    assert ids == open_test(page, site_url, lang, query + "&print=test")
    open_test(page, site_url, lang, query + "&print=key")
    letters = LABELS["quiz-letters"][lang].split(",")
    for item, qid in zip(page.locator(".quiz-sheet-list > li").all(), ids, strict=False):
        q = banks[lang][qid]
        text = item.inner_text()
        assert f"{letters[q['a']]}) {q['o'][q['a']]}" in text
        assert q["e"] in text and q["c"] in text
    assert foreign_requests == []


SCENARIOS = training_view(DATA).scenarios


@pytest.mark.parametrize("lang", LANGS)
def test_scenario_options_fit_a_phone_as_full_width_tap_targets(site_url, browser, lang):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for scenario in SCENARIOS:
        page.goto(f"{site_url}{root(lang)}training/{scenario['id']}/")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], scenario["id"]
        content = page.locator(".md-content__inner").bounding_box()
        for option in page.locator(".training-choices .check").all():
            box = option.bounding_box()
            assert box["height"] >= 44, scenario["id"]
            assert box["width"] >= content["width"] * 0.8, scenario["id"]
            assert box["x"] + box["width"] <= PHONE["width"], scenario["id"]
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_who_question_is_graded_against_the_steps_actor(site_url, page, foreign_requests, lang):
    scenario = next(s for s in SCENARIOS if s.get("who"))
    actor = next(step["actor"] for step in DATA["referral"]["steps"] if step["id"] == scenario["who"]["step"])
    wrong = next(a for a in scenario["who"]["choices"] if a != actor)
    page.goto(f"{site_url}{root(lang)}training/{scenario['id']}/")
    form = page.locator("form.scenario-who")
    form.locator(f'li[data-actor="{wrong}"] input').check()
    form.get_by_role("button", name=LABELS["scenario-who-check"][lang]).click()
    assert form.locator(".verdict").inner_text().startswith(f"✗ {LABELS['training-wrong'][lang]}.")
    assert "is-right" in form.locator(f'li[data-actor="{actor}"]').get_attribute("class")
    form.locator(f'li[data-actor="{actor}"] input').check()
    assert form.locator(".verdict").is_hidden()
    form.get_by_role("button", name=LABELS["scenario-who-check"][lang]).click()
    assert form.locator(".verdict").inner_text().startswith(f"✓ {LABELS['training-right'][lang]}.")
    assert foreign_requests == []
