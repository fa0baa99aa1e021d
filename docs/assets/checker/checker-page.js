/* The checker page: the form (HTML from the data, usable at once) and the result of
   window.checker.assess (started by checker-start.js) in the page's language. Nothing is sent
   anywhere or stored: a case is kept only by downloading it as JSON and opening that file. */
import { openCaseFile } from "./case-file.js";

const texts = JSON.parse(document.getElementById("checker-texts").textContent);
const L = texts.labels;
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

/* "12" -> 12; anything else stays the text typed, for the checker to refuse by name
   (Number("1e400") is Infinity, which JSON would turn into null: "unknown"). */
function wholeNumber(text) {
  const value = Number(text.trim());
  return /^\s*\d{1,12}\s*$/.test(text) && Number.isSafeInteger(value) ? value : text.trim();
}

function fillForm(caseObject) {
  form.reset();
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
  for (const badge of form.querySelectorAll("[data-element-count]")) {
    const box = badge.closest("details");
    const picked = box.querySelectorAll("input:checked").length;
    badge.textContent = picked ? `(${picked})` : "";
  }
}

/* ---- the result ---- */

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

function basisLink(basis) {
  const ref = basis.ref;
  let href;
  if (ref.startsWith("app1")) href = texts.indicators_url;
  else if (ref.startsWith("app2")) href = `${texts.card_url}#${ref.replace(/\./g, "-")}`;
  else href = `${texts.rules_url}#p${ref.replace(/\./g, "-")}`;
  return el("a", placeName(ref), { href, class: "basis" });
}

function placeName(ref) {
  const [paragraph, item] = ref.split(".");
  if (ref.startsWith("app")) return texts.lang === "kk" ? `${ref.slice(3)}-қосымша` : `приложение ${ref.slice(3)}`;
  if (texts.lang === "kk") return item ? `${paragraph}-тармақтың ${item}) тармақшасы` : `${paragraph}-тармақ`;
  return item ? `подп. ${item}) п. ${paragraph}` : `п. ${paragraph}`;
}

function render(result) {
  resultBox.replaceChildren();
  resultBox.append(el("h2", L["result-title"], { id: "result" }));

  const screening = result.screening;
  resultBox.append(el("h3", L["result-screening"]));
  const elements = el("ul", null, { class: "elements" });
  for (const name of ["who", "where", "what"]) {
    elements.append(el("li", `${L[`element-${name}`]}: ${screening[name] ? L.yes : L.no}`, { "data-element": name, "data-present": String(screening[name]) }));
  }
  resultBox.append(elements);
  resultBox.append(el("p", screening.potential_victim ? L["result-potential"] : L["result-not-potential"], { class: "verdict", "data-potential": String(screening.potential_victim) }));
  const forms = screening.forms.map((id) => texts.forms[id]).join("; ");
  resultBox.append(el("p", `${L["result-forms"]}: ${forms || L["result-none"]}`));
  if (screening.matched.length) {
    const details = el("details");
    details.append(el("summary", `${L["result-matched"]} (${screening.matched.length})`));
    const list = el("ul");
    for (const id of screening.matched) list.append(el("li", texts.indicators[id]));
    details.append(list);
    resultBox.append(details);
  }

  const score = result.score;
  resultBox.append(el("h3", L["result-score"]));
  const items = score.items.map((item) => `${L["criteria-row"]} ${item.id} — ${item.points}`).join("; ");
  resultBox.append(el("p", `${L["result-total"]}: ${score.total}${items ? ` (${items})` : ""}`, { class: "score-total" }));
  if (score.threshold === null) resultBox.append(el("p", `${L["result-threshold-none"]} ${texts.threshold_note}`, { class: "hint" }));

  const referral = result.referral;
  resultBox.append(el("h3", L["result-referral"]));
  resultBox.append(el("p", referral.minor ? L["result-minor"] : L["result-adult"]));
  if (!referral.actions.length) resultBox.append(el("p", L["result-no-actions"]));
  const steps = el("ol", null, { class: "steps" });
  for (const action of referral.actions) {
    const item = el("li", null, { "data-step": action.id });
    item.append(el("p", action.text[texts.lang], { class: "step-text" }));
    const meta = el("p", null, { class: "step-meta" });
    meta.append(el("span", `${L["result-actor"]}: ${texts.actors[action.actor] || action.actor}`));
    if (action.deadline) meta.append(el("span", `${L["result-deadline"]}: ${texts.deadlines[action.deadline] || action.deadline}`, { class: "deadline" }));
    const basis = el("span", `${L["result-basis"]}: `);
    action.basis.forEach((b, i) => {
      if (i) basis.append(", ");
      basis.append(basisLink(b));
    });
    meta.append(basis);
    item.append(meta);
    steps.append(item);
  }
  resultBox.append(steps);
  resultBox.hidden = false;
}

function showError(message) {
  errorLine.textContent = message ? `${L["result-invalid"]}: ${message}` : "";
  errorLine.hidden = !message;
}

async function runCheck() {
  showError("");
  setStatus("running", L["checker-running"]);
  try {
    render(await window.checker.assess(readCase()));
    resultBox.querySelector("h2").focus?.();
  } catch (err) {
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
  setTimeout(countIndicators);
  resultBox.hidden = true;
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

/* A printed form is a checklist: every indicator group open on paper. */
window.addEventListener("beforeprint", () => {
  for (const box of form.querySelectorAll("details")) box.open = true;
});
