/**
 * Material's search worker, with the query rewritten first and the results ordered and labelled
 * after. The build (language_search.py) ends this file with the importScripts() of Material's
 * worker, and puts the thesaurus and the names of result types in the index's config.
 *
 * Query: Material ends every query word with a wildcard, and lunr runs no pipeline on such words,
 * so the index's stemmer never sees a query: "саудасының*" would find only that very form. Sent as
 * "сауда* саудасының*", it finds every form of the word, the form typed ranking first. Question
 * words and particles (the thesaurus's stop words) are dropped when other words remain. When the
 * words typed name a concept of the thesaurus ("забрали паспорт"), the texts' own words for it are
 * added ("документ*^2"), and the entries and pages the concept finds come first in the results.
 *
 * Results: the terms Material reports back (shown as missing when false, and the `h` highlight of
 * the page a result opens) are merged back into one per word typed, in the reader's letters; each
 * result of a known type (indicator, right, paragraph...) is labelled with it.
 */
const SETUP = 0, QUERY = 2, RESULT = 3 // Material's SearchMessageType
const EXPANSION_BOOST = 2 // weight of a thesaurus term against a word typed
const PARTIAL = 5 // a word typed this long may be the start of a thesaurus word (typing goes on)

/** A lower-case word -> [its stem, itself], as the language's index spells words. */
const forms = {
  kk: word => [lunr.kk.stem(word), lunr.kk.fold(word)],
  ru: word => [lunr.ru.stemmer(new lunr.Token(word)).toString(), word],
}
let language // of the index, from Material's setup message
let thesaurus = { stopwords: [], concepts: [] }
let types = {} // result type -> its name in the language
const typed = new Map() // term sent -> the reader's word, up to its stem
let finds = new Map() // location -> weight of the concepts of the query that find it

/** A word as the thesaurus spells it: lower case, ё as е, Kazakh letters folded. */
const normal = word => {
  word = word.toLowerCase().replace(/ё/g, "е")
  return language === "kk" ? lunr.kk.fold(word) : word
}

/** A thesaurus word as the beginning a word typed must have: Russian words are cut to their
 * stem ("уполномоченный" also begins "уполномоченному"), unless that leaves too short a stem
 * to tell words apart ("права" would become "прав", the start of "правила"). */
const MIN_STEM = 5
const beginning = word => {
  if (language !== "ru") return word
  const stem = forms.ru(word)[0]
  return stem.length >= MIN_STEM ? stem : word
}
let phrases // concept -> its phrases as beginnings, made on the first query (lunr.ru loads late)

/** Each concept whose phrase is in the words typed (`words` normalised, `typedWords` as typed),
 * with the word that named it and the length of its longest such phrase. */
function concepts(words, typedWords) {
  phrases = phrases || new Map(thesaurus.concepts.map(concept =>
    [concept, concept.phrases.map(phrase => phrase.map(beginning))]))
  const at = part => words.findIndex(word => word.startsWith(part) || (word.length >= PARTIAL && part.startsWith(word)))
  const begins = part => at(part) >= 0
  const matched = []
  for (const concept of thesaurus.concepts) {
    const found = phrases.get(concept).filter(phrase => phrase.every(begins))
    if (found.length) {
      const reader = typedWords[at(found[0][0])]
      matched.push({ concept, reader, weight: Math.max(...found.map(phrase => phrase.length)) })
    }
  }
  return matched
}

/** The query with each word as "stem exact"; only the stem where Material's syntax would make
 * the pair mean more than the word: after + or -, and inside "quotes" (all words required).
 * Then the terms of the concepts the words name. */
function rewrite(query) {
  typed.clear()
  finds = new Map()
  const typedWords = (query.match(/[\p{L}\p{N}]+/gu) || []).map(word => word.toLowerCase())
  const words = typedWords.map(normal)
  const stop = new Set(thesaurus.stopwords)
  const dropping = words.some(word => !stop.has(word))
  const stemmed = query.split(/("[^"]*")/).map((part, i) => {
    const quoted = i % 2 === 1
    return part.replace(/((?<=^|\s)[+-])?(\p{L}+)/gu, (_, presence = "", word) => {
      word = word.toLowerCase()
      if (dropping && !presence && !quoted && stop.has(normal(word))) return ""
      const [stem, exact] = language in forms ? forms[language](word) : [word, word]
      typed.set(stem, word.slice(0, stem.length)).set(exact, word.slice(0, stem.length))
      return presence + (stem === exact || presence || quoted ? stem : `${stem} ${exact}`)
    })
  }).join("")
  const expansion = []
  for (const { concept, reader, weight } of concepts(words, typedWords)) {
    for (const term of concept.terms) {
      if (!typed.has(term)) typed.set(term, reader)
      expansion.push(`${term}*^${EXPANSION_BOOST}`)
    }
    for (const location of concept.finds) finds.set(location, (finds.get(location) || 0) + weight)
  }
  return [stemmed.trim(), ...new Set(expansion)].filter(Boolean).join(" ")
}

const page = location => location.split("#")[0]

/** Pages holding what the query's concepts find first (the more words named them, the earlier),
 * and within a page the entries they find first; otherwise Material's order. */
function ordered(result) {
  const items = result.items.map((group, index) => {
    const exact = doc => finds.get(doc.location) || 0
    const docs = group.map((doc, at) => ({ doc, at })).sort((a, b) => exact(b.doc) - exact(a.doc) || a.at - b.at)
    const weight = Math.max(...group.map(doc => finds.get(page(doc.location)) || 0))
    return { group: docs.map(({ doc }) => doc), index, weight }
  })
  items.sort((a, b) => b.weight - a.weight || a.index - b.index)
  return { ...result, items: items.map(({ group }) => group) }
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, char => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char])
}

/** The results as Material shows them: terms in the reader's words (none missing on a page the
 * query's concepts find: the concept is what it answers), and each known type named. */
function presented(result) {
  for (const item of result.items.flat()) {
    const terms = {}
    const answers = finds.has(page(item.location))
    for (const [term, found] of Object.entries(item.terms)) {
      const word = typed.get(term) || term
      terms[word] = terms[word] || found || answers
    }
    item.terms = terms
    if (item.type in types)
      item.title = `<span class="search-type">${escapeHtml(types[item.type])}</span> ${item.title}`
  }
  return result
}

addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP) {
    const { config } = message.data
    ;[language] = config.lang
    thesaurus = config.thesaurus || thesaurus
    types = config.types || types
  } else if (message.type === QUERY) message.data = rewrite(message.data)
})

const post = postMessage.bind(self)
self.postMessage = message =>
  post(message.type === RESULT ? { ...message, data: presented(ordered(message.data)) } : message)
