/**
 * Kazakh words for search: fold the letters people type as Russian look-alikes, and strip
 * inflectional suffixes as the rules table says (kazakh-rules.json; see build_scripts/SEARCH.md).
 *
 * kazakhWords(rules) -> { fold(text), stem(foldedWord) }; runs in the search worker and in Node.
 */
function kazakhWords(rules) {
  const fold = text => Array.from(text, letter => rules.fold[letter] || letter).join("")
  const vowels = new Set(fold(rules.vowels))
  const keep = new Set(rules.keep.map(fold))
  const slots = rules.slots.map(slot => ({
    minStem: slot.min_stem || rules.min_stem,
    rules: slot.rules
      .map(({ suffix, after }) => ({ suffix: fold(suffix), after: after && new Set(fold(after)) }))
      .sort((a, b) => b.suffix.length - a.suffix.length),
  }))

  const fits = (word, { suffix, after }, minStem) => {
    const stem = word.slice(0, -suffix.length)
    return word.endsWith(suffix) && stem.length >= minStem
      && Array.from(stem).some(letter => vowels.has(letter))
      && (!after || after.has(stem.slice(-1)))
  }

  /** The stem of a lower-case, folded word. */
  function stem(word) {
    if (keep.has(word)) return word
    for (const slot of slots) {
      const rule = slot.rules.find(rule => fits(word, rule, slot.minStem))
      if (rule) word = word.slice(0, -rule.suffix.length)
    }
    return word
  }

  return { fold, stem }
}

if (typeof module === "object") module.exports = kazakhWords
