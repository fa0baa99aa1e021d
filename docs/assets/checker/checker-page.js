/* The checker page: the form (HTML from the data, usable at once) and the result of
   window.checker.assess (started by checker-start.js) in the page's language, "what to do now"
   first. Nothing is sent anywhere or stored: a case is kept only by saving it to a file and
   opening that file. Citations and labels come rendered from the build (#checker-texts). */
import { openCaseFile } from "./case-file.js";

const texts = JSON.parse(document.getElementById("checker-texts").textContent);
const L = texts.labels;
const root = document.getElementById("checker");
const form = document.getElementById("checker-form");
const statusLine = document.getElementById("checker-status");
const runButton = document.getElementById("checker-run");
const errorLine = document.getElementById("checker-error");
const resultBox = document.getElementById("checker-result");

window.checker.ready.then(
  () => {
    setStatus("ready", L["checker-ready"]);
    runButton.disabled = false;
  },
  (err) => setStatus("failed", L[err.label] || L["checker-failed"]),
);

function setStatus(state, text) {
  statusLine.dataset.state = state;
  statusLine.textContent = text;
}

/* Download progress from checker-start.js (the worker counts the bytes): "N of M MB", then
   "starting". */
let megabytes = null; /* made at the first count: loading the locale's number data costs the form ~20 ms */
document.getElementById("checker").addEventListener("checker-progress", (event) => {
  if (statusLine.dataset.state !== "loading") return;
  const { loaded, total, starting } = event.detail;
  if (starting || !(total > 0)) {
    statusLine.textContent = L["checker-starting"];
    return;
  }
  megabytes ||= new Intl.NumberFormat(texts.lang === "kk" ? "kk-KZ" : "ru-RU",
                                      { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  statusLine.textContent = L["checker-loading-bytes"]
    .replace("{done}", megabytes.format(Math.min(loaded, total) / 1e6))
    .replace("{total}", megabytes.format(total / 1e6));
});

/* ---- the form <-> a case ---- */

function readCase() {
  const found = {};
  for (const el of form.elements) {
    if (!el.name || !el.dataset.type) continue;
    const type = el.dataset.type;
    if (type === "int" && el.validity.badInput) found[el.name] = NaN; // the checker refuses it by name
    else if (type === "int" && el.value.trim() !== "") found[el.name] = wholeNumber(el.value);
    else if (type === "flag" && el.checked) found[el.name] = true;
    else if (type === "tristate" && el.value) found[el.name] = el.value === "true";
    else if (type === "choice" && el.value) found[el.name] = el.value;
    else if (type === "list" && el.checked) (found[el.name] ||= []).push(el.value);
  }
  return found;
}

/* A saved case replaces the form as a whole: no preset is applied on top of it. */
let fillingFromFile = false;

/* "12" -> 12; anything else stays the text typed, for the checker to refuse by name
   (Number("1e400") is Infinity, which JSON would turn into null: "unknown"). */
function wholeNumber(text) {
  const value = Number(text.trim());
  return /^\s*\d{1,12}\s*$/.test(text) && Number.isSafeInteger(value) ? value : text.trim();
}

function fillForm(caseObject) {
  fillingFromFile = true;
  form.reset();
  fillingFromFile = false;
  for (const el of form.elements) {
    if (!el.name || !(el.name in caseObject)) continue;
    const value = caseObject[el.name];
    const type = el.dataset.type;
    if (type === "int") el.value = value === null ? "" : String(value);
    else if (type === "flag") el.checked = value === true;
    else if (type === "tristate") el.value = value === null ? "" : String(value);
    else if (type === "choice") el.value = value === null ? "" : value;
    else if (type === "list") el.checked = Array.isArray(value) && value.includes(el.value);
  }
  countIndicators();
}

function countIndicators() {
  for (const counter of form.querySelectorAll("[data-element-count]")) {
    const element = counter.dataset.elementCount;
    const picked = form.querySelectorAll(`input[name=indicators][data-element="${element}"]:checked`).length;
    counter.dataset.picked = String(picked);
    counter.querySelector("output").textContent = String(picked);
    const badge = form.querySelector(`[data-element-badge="${element}"]`);
    if (badge) badge.textContent = picked ? `(${picked})` : "";
  }
}

/* ---- the indicator picker: filter as you type ---- */

const filterBox = document.getElementById("indicator-filter");
const filterNone = document.getElementById("indicator-filter-none");

function filterIndicators() {
  const words = filterBox.value.trim().toLocaleLowerCase(texts.lang).split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const group of form.querySelectorAll(".indicator-options")) {
    let inGroup = 0;
    for (const label of group.querySelectorAll("label.check")) {
      const text = label.textContent.toLocaleLowerCase(texts.lang);
      const match = words.every((w) => text.includes(w));
      label.hidden = !match;
      if (match) inGroup += 1;
    }
    group.hidden = inGroup === 0;
    shown += inGroup;
  }
  if (words.length) for (const box of form.querySelectorAll("details.indicator-element")) box.open = true;
  filterNone.hidden = !words.length || shown > 0;
}
filterBox.addEventListener("input", filterIndicators);

/* ---- presets: ?role=border|consular|public (any other value is ignored) ---- */

const role = (() => {
  const value = new URLSearchParams(window.location.search).get("role");
  return value !== null && Object.prototype.hasOwnProperty.call(texts.presets, value) ? value : null;
})();

function applyPreset() {
  if (!role) return;
  const preset = texts.presets[role];
  for (const [name, value] of Object.entries(preset.facts)) {
    const select = form.elements.namedItem(name);
    if (select && [...select.options].some((o) => o.value === value)) select.value = value;
  }
  if (preset.first_group) {
    const group = form.querySelector(`.indicator-options[data-group="${preset.first_group}"]`);
    if (group) document.getElementById("indicator-first").append(group);
  }
  document.getElementById("checker-public").hidden = role !== "public";
  root.dataset.role = role;
}
applyPreset();

/* ---- the result ---- */

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

/* A citation as the build rendered it (build_scripts/citations.py): never formatted here. */
function citation(ref) {
  const found = texts.citations[ref];
  if (!found) return el("span", ref, { class: "basis" });
  const words = found[texts.lang];
  return found.url ? el("a", words, { href: found.url, class: "basis" }) : el("span", words, { class: "basis" });
}

function citations(refs) {
  const span = el("span", `${L["result-basis"]}: `);
  refs.forEach((ref, i) => {
    if (i) span.append(", ");
    span.append(citation(ref));
  });
  return span;
}

function deadlineSpan(deadline) {
  const span = el("span", `${L["result-deadline"]}: `, { class: "deadline" });
  span.append(el("strong", texts.deadlines[deadline] || deadline));
  return span;
}

/* The site's readings of an action's paragraphs; one given `seen` shows each reading once in a
   list where several actions share a paragraph. */
function readings(action, seen = new Set()) {
  const list = Array.isArray(action.readings) ? action.readings : [];
  return list.filter((r) => r && r.text && r.text[texts.lang] && !seen.has(r.id) && seen.add(r.id))
    .map((r) => el("p", `${L["reading-label"]}: ${r.text[texts.lang]}`, { class: "reading", "data-reading": r.id || "" }));
}

/* The "what to do now" lines that apply: a line of field-actions.yaml is the detector's when
   one of its steps is routed and it falls to the detector (or to the detecting kind itself). */
function nowLines(result, caseObject) {
  return texts.field_actions
    .filter((line) => line.by === "detector" || line.by === caseObject.detected_by)
    .map((line) => ({ line, actions: result.referral.actions.filter((a) => line.steps.includes(a.id)) }))
    .filter(({ actions }) => actions.length);
}

function whoDoes(line, caseObject) {
  const kind = line.by === "detector" ? caseObject.detected_by : line.by;
  if (kind && kind !== "other" && texts.subjects[kind]) return `${L["now-you"]} — ${texts.subjects[kind]}`;
  return texts.actors.detecting_subject;
}

function nowItem({ line, actions }, caseObject, sharedWho = null, seenReadings = new Set()) {
  const item = el("li", null, { "data-now": line.id });
  item.append(el("p", line.text, { class: "now-text" }));
  const meta = el("p", null, { class: "now-meta" });
  const who = whoDoes(line, caseObject);
  if (who !== sharedWho) meta.append(el("span", `${L["result-actor"]}: ${who}`));
  const deadline = actions.map((a) => a.deadline).find((d) => d);
  if (deadline) meta.append(deadlineSpan(deadline));
  meta.append(citations([...new Set(actions.flatMap((a) => a.basis.map((b) => b.ref)))]));
  item.append(meta);
  if (line.links.length) {
    const links = el("p", null, { class: "now-links" });
    for (const key of line.links) links.append(el("a", L[`link-${key}`], { href: texts.links[key], "data-link": key }));
    item.append(links);
  }
  for (const action of actions) item.append(...readings(action, seenReadings));
  return item;
}

function screeningLine(screening) {
  const present = ["who", "where", "what"].filter((n) => screening[n]).map((n) => L[`element-${n}`]);
  const missing = ["who", "where", "what"].filter((n) => !screening[n]).map((n) => L[`element-${n}`]);
  const box = el("div", null, { class: "screening-line" });
  box.append(el("p", screening.potential_victim ? L["result-potential"] : L["result-not-potential"],
    { class: "verdict", "data-potential": String(screening.potential_victim) }));
  const parts = [];
  if (present.length) parts.push(`${L["screening-present"]}: ${present.join(", ")}.`);
  if (missing.length) parts.push(`${L["screening-missing"]}: ${missing.join(", ")}.`);
  box.append(el("p", parts.join(" "), { class: "elements", "data-present": present.length, "data-missing": missing.length }));
  if (screening.forms.length) {
    box.append(el("p", `${L["result-forms"]}: ${screening.forms.map((id) => texts.forms[id]).join("; ")}.`, { class: "forms" }));
  }
  return box;
}

/* What changes if the person consents or refuses help: the checker itself run on that variant. */
async function branches(caseObject, nowIds) {
  if (caseObject.consent || caseObject.refuses_assistance) return null;
  const box = el("div", null, { class: "branches" });
  for (const [field, label] of [["consent", "branch-consent"], ["refuses_assistance", "branch-refuses"]]) {
    let variant;
    try {
      variant = await window.checker.assess({ ...caseObject, [field]: true });
    } catch {
      continue;
    }
    const extra = nowLines(variant, caseObject).filter(({ line }) => !nowIds.has(line.id));
    if (!extra.length) continue;
    box.append(el("p", L[label], { "data-branch": field }));
    const list = el("ul", null, { class: "now-list" });
    for (const entry of extra) list.append(nowItem(entry, caseObject));
    box.append(list);
  }
  if (!caseObject.consent && !referralMinor) box.append(el("p", L["branch-no-consent"], { "data-branch": "no-consent" }));
  return box.childElementCount ? box : null;
}
let referralMinor = false;

function printHead(caseObject) {
  const head = el("div", null, { class: "print-only print-head" });
  head.append(el("h2", L["print-heading"]));
  const blanks = el("div", null, { class: "print-blanks" });
  for (const key of ["print-date", "print-place", "print-officer", "print-unit"]) blanks.append(el("p", L[key]));
  head.append(blanks);
  const facts = el("div", null, { class: "print-facts" });
  facts.append(el("h3", L["print-facts"]));
  const list = el("ul");
  for (const [label, value] of givenFacts()) list.append(el("li", `${label}: ${value}`));
  facts.append(list);
  head.append(facts);
  return head;
}

/* The facts as the form shows them (label: value), indicators and Criteria rows apart. */
function givenFacts() {
  const facts = [];
  for (const control of form.elements) {
    if (!control.name || !control.dataset.type || control.name === "indicators") continue;
    const type = control.dataset.type;
    const label = labelOf(control);
    if (type === "int" && control.value.trim() !== "") facts.push([label, control.value]);
    else if ((type === "tristate" || type === "choice") && control.value) facts.push([label, control.selectedOptions[0].textContent.trim()]);
    else if (type === "flag" && control.checked) facts.push([label, L.yes]);
    else if (type === "list" && control.checked) {
      const group = control.closest("fieldset");
      facts.push([group.querySelector("legend").textContent.trim(), labelOf(control)]);
    }
  }
  return facts;
}

function labelOf(control) {
  const label = control.closest("label");
  if (!label) return control.name;
  const span = label.querySelector("span");
  if (span && control.type === "checkbox") return span.textContent.trim();
  return label.firstChild.textContent.trim();
}

function printSigns(screening) {
  const box = el("div", null, { class: "print-only print-signs" });
  box.append(el("h3", `${L["print-signs"]} (${screening.matched.length})`));
  const list = el("ul");
  for (const id of screening.matched) list.append(el("li", texts.indicators[id]));
  if (!screening.matched.length) list.append(el("li", L["result-none"]));
  box.append(list);
  return box;
}

function hotlinesBox() {
  const source = document.querySelector("#checker-public .public-hotlines");
  const box = source.cloneNode(true);
  box.classList.add("print-hotlines");
  box.querySelector(".now-heading").replaceChildren(el("strong", L.hotlines));
  return box;
}

async function render(result, caseObject) {
  referralMinor = result.referral.minor;
  const publicRole = role === "public";
  resultBox.replaceChildren();
  resultBox.append(el("h2", L["result-title"], { id: "result", tabindex: "-1" }));
  resultBox.append(printHead(caseObject));

  const now = el("div", null, { class: "now-box", id: "checker-now" });
  now.append(el("h3", publicRole ? L["public-now-title"] : L["now-title"]));
  const lines = nowLines(result, caseObject);
  if (publicRole) {
    const hotlines = hotlinesBox();
    hotlines.classList.remove("print-hotlines");
    hotlines.querySelector(".now-heading").remove();
    now.append(hotlines);
  } else if (lines.length) {
    const whos = new Set(lines.map(({ line }) => whoDoes(line, caseObject)));
    const sharedWho = whos.size === 1 ? [...whos][0] : null;
    if (sharedWho) now.append(el("p", `${L["result-actor"]}: ${sharedWho}`, { class: "now-who" }));
    const list = el("ol", null, { class: "now-list" });
    const seenReadings = new Set();
    for (const entry of lines) list.append(nowItem(entry, caseObject, sharedWho, seenReadings));
    now.append(list);
    const forks = await branches(caseObject, new Set(lines.map(({ line }) => line.id)));
    if (forks) now.append(forks);
  } else {
    now.append(el("p", L["now-none"]));
  }
  resultBox.append(now);

  resultBox.append(screeningLine(result.screening));
  resultBox.append(printSigns(result.screening));
  if (!publicRole) resultBox.append(hotlinesBox());

  const shown = new Set(publicRole ? [] : lines.flatMap(({ actions }) => actions.map((a) => a.id)));
  const skipped = new Set(texts.done_at_detection);
  const others = result.referral.actions.filter((a) => !shown.has(a.id) && !skipped.has(a.id));
  if (others.length) {
    const next = el("details", null, { class: "next-steps" });
    next.append(el("summary", `${L["next-title"]} (${others.length})`));
    const list = el("ol", null, { class: "steps" });
    for (const action of others) {
      const item = el("li", null, { "data-next": action.id });
      item.append(el("p", texts.titles[action.id] || action.id, { class: "step-title" }));
      const meta = el("p", null, { class: "step-meta" });
      meta.append(el("span", `${L["result-actor"]}: ${texts.actors[action.actor] || action.actor}`));
      if (action.deadline) meta.append(deadlineSpan(action.deadline));
      meta.append(citations(action.basis.map((b) => b.ref)));
      item.append(meta, ...readings(action));
      list.append(item);
    }
    next.append(list);
    resultBox.append(next);
  }

  const score = result.score;
  if (score.items.length) {
    const block = el("div", null, { class: "score" });
    block.append(el("h3", L["result-score"]));
    const items = score.items.map((item) => `${L["criteria-row"]} ${item.id} — ${item.points}`).join("; ");
    block.append(el("p", `${L["result-total"]}: ${score.total} (${items})`, { class: "score-total" }));
    if (score.threshold === null) block.append(el("p", `${L["result-threshold-none"]} ${texts.threshold_note}`, { class: "hint" }));
    resultBox.append(block);
  }

  const details = el("details", null, { class: "details" });
  details.append(el("summary", L["details-title"]));
  details.append(el("p", referralKind(result.referral)));
  if (!result.referral.actions.length) details.append(el("p", L["result-no-actions"]));
  const steps = el("ol", null, { class: "steps" });
  for (const action of result.referral.actions) {
    const item = el("li", null, { "data-step": action.id });
    item.append(el("p", action.text[texts.lang], { class: "step-text" }));
    const meta = el("p", null, { class: "step-meta" });
    meta.append(el("span", `${L["result-actor"]}: ${texts.actors[action.actor] || action.actor}`));
    if (action.deadline) meta.append(deadlineSpan(action.deadline));
    meta.append(citations(action.basis.map((b) => b.ref)));
    item.append(meta, ...readings(action));
    steps.append(item);
  }
  details.append(steps);
  resultBox.append(details);
  markAbbreviations(resultBox);
  resultBox.hidden = false;
  root.classList.add("has-result");
}

/* Abbreviations (data/abbreviations.yaml) as <abbr title>, as the build does on every page. */
function markAbbreviations(node) {
  const names = Object.keys(texts.abbreviations).sort((a, b) => b.length - a.length);
  if (!names.length) return;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${names.join("|")})(?![\\p{L}\\p{N}])`, "u");
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  const found = [];
  while (walker.nextNode()) {
    if (pattern.test(walker.currentNode.data) && !walker.currentNode.parentElement.closest("abbr")) found.push(walker.currentNode);
  }
  for (const text of found) {
    const parts = text.data.split(pattern);
    const fragment = document.createDocumentFragment();
    parts.forEach((part, i) => {
      if (i % 2) fragment.append(el("abbr", part, { title: texts.abbreviations[part] }));
      else if (part) fragment.append(part);
    });
    text.replaceWith(fragment);
  }
}

function referralKind(referral) {
  return referral.minor ? L["result-minor"] : L["result-adult"];
}

function showError(message) {
  errorLine.textContent = message ? `${L["result-invalid"]}: ${message}` : "";
  errorLine.hidden = !message;
}

async function runCheck() {
  showError("");
  setStatus("running", L["checker-running"]);
  const caseObject = readCase();
  try {
    await render(await window.checker.assess(caseObject), caseObject);
    const heading = resultBox.querySelector("h2");
    heading.scrollIntoView({ block: "start" });
    heading.focus({ preventScroll: true });
  } catch (err) {
    root.classList.remove("has-result");
    resultBox.hidden = true;
    if (err.name === "CheckerError") {
      runButton.disabled = true;
      setStatus("failed", L[err.label] || L["checker-failed"]);
      return;
    }
    showError(err.message);
  }
  setStatus("ready", L["checker-ready"]);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  runCheck();
});
form.addEventListener("reset", () => {
  const withPreset = !fillingFromFile;
  setTimeout(() => {
    if (withPreset) applyPreset();
    countIndicators();
  });
  resultBox.hidden = true;
  root.classList.remove("has-result");
  showError("");
});
form.addEventListener("change", countIndicators);

document.getElementById("checker-save").addEventListener("click", () => {
  const blob = new Blob([JSON.stringify(readCase(), null, 2)], { type: "application/json" });
  const link = el("a", null, { href: URL.createObjectURL(blob), download: "case.json" });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(link.href);
});

document.getElementById("checker-open").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  event.target.value = "";
  if (!file) return;
  showError("");
  try {
    await openCaseFile(file, fillForm, readCase);
    runCheck();
  } catch (err) {
    resultBox.hidden = true;
    showError(`${L["checker-open-failed"]}: ${err.message}`);
  }
});

document.getElementById("checker-print").addEventListener("click", () => window.print());

/* Without a result the printed form is a checklist: every indicator group open on paper. */
window.addEventListener("beforeprint", () => {
  if (root.classList.contains("has-result")) return;
  for (const box of form.querySelectorAll("details")) box.open = true;
});
