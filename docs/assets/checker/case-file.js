/* "Open saved case": a case file is checked by the checker first (window.checker.assessText,
   the same reading as the command line's), and only a valid case reaches the form. A valid
   case with facts the form cannot show is refused too, so the form never silently drops one. */

/* A case file is a few hundred bytes; a larger file is not one (and is not read whole). */
const MAX_BYTES = 2_000_000;

export class CaseFileRefused extends Error {}

/* The facts of a case without the "absent" values (null, false, []), lists sorted. */
function facts(caseObject) {
  const kept = {};
  for (const key of Object.keys(caseObject).sort()) {
    const value = caseObject[key];
    if (value === null || value === false || (Array.isArray(value) && !value.length)) continue;
    kept[key] = Array.isArray(value) ? [...value].sort() : value;
  }
  return JSON.stringify(kept);
}

/* The checked case of `file`, after `fill(case)` has put it in the form and `read()` reads the
   form back the same; rejects with a one-line message otherwise. */
export async function openCaseFile(file, fill, read) {
  if (file.size > MAX_BYTES) throw new CaseFileRefused(`${file.name}: larger than 2 MB: not a case file`);
  const answer = await window.checker.assessText(await file.text());
  const before = read();
  fill(answer.case);
  const shown = read();
  const lost = Object.keys(answer.case).filter((key) => facts({ [key]: answer.case[key] }) !== facts({ [key]: shown[key] }));
  if (lost.length) {
    fill(before);
    throw new CaseFileRefused(`${lost.join(", ")}: the form cannot show this, so the case was not opened`);
  }
  return answer;
}
