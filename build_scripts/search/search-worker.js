/**
 * Material's search worker, with the query words stemmed in the index's language first. The
 * build (language_search.py) ends this file with the importScripts() of Material's worker.
 *
 * Material ends every query word with a wildcard, and lunr runs no pipeline on such words, so the
 * index's stemmer never sees a query: "саудасының*" would find only that very form. Sent as
 * "сауда* саудасының*", it finds every form of the word, the form typed ranking first. The terms
 * Material reports back (shown as missing when false, and the `h` highlight of the page a result
 * opens) are merged back into one per word typed, in the reader's letters.
 */
const SETUP = 0, QUERY = 2, RESULT = 3 // Material's SearchMessageType

/** A lower-case word -> [its stem, itself], as the language's index spells words. */
const forms = {
  kk: word => [lunr.kk.stem(word), lunr.kk.fold(word)],
  ru: word => [lunr.ru.stemmer(new lunr.Token(word)).toString(), word],
}
let language // of the index, from Material's setup message
const typed = new Map() // term sent -> the reader's word, up to its stem

/** The query with each word as "stem exact"; only the stem where Material's syntax would make
 * the pair mean more than the word: after + or -, and inside "quotes" (all words required). */
function stemQuery(query) {
  typed.clear()
  return query.split(/("[^"]*")/).map((part, i) => {
    const quoted = i % 2 === 1
    return part.replace(/((?<=^|\s)[+-])?(\p{L}+)/gu, (_, presence = "", word) => {
      word = word.toLowerCase()
      const [stem, exact] = language in forms ? forms[language](word) : [word, word]
      typed.set(stem, word.slice(0, stem.length)).set(exact, word.slice(0, stem.length))
      return presence + (stem === exact || presence || quoted ? stem : `${stem} ${exact}`)
    })
  }).join("")
}

function inReadersLetters(result) {
  for (const item of result.items.flat()) {
    const terms = {}
    for (const [term, found] of Object.entries(item.terms)) {
      const word = typed.get(term) || term
      terms[word] = terms[word] || found
    }
    item.terms = terms
  }
  return result
}

addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP) [language] = message.data.config.lang
  else if (message.type === QUERY) message.data = stemQuery(message.data)
})

const post = postMessage.bind(self)
self.postMessage = message =>
  post(message.type === RESULT ? { ...message, data: inReadersLetters(message.data) } : message)
