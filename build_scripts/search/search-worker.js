/**
 * Material's search worker (named by this script's `material` parameter), with the query words
 * stemmed in the index's language first.
 *
 * Material ends every query word with a wildcard, and lunr runs no pipeline on such words, so the
 * index's stemmer never sees a query: "саудасының*" would find only that very form. Sent as
 * "сауда*", it finds every form of the word in the index. The terms Material reports back (they
 * become the `h` highlight of the page a result opens) are put back into the reader's letters.
 */
const SETUP = 0, QUERY = 2, RESULT = 3 // Material's SearchMessageType

const stemmers = {
  kk: word => lunr.kk.stem(word),
  ru: word => lunr.ru.stemmer(new lunr.Token(word)).toString(),
}
let language // of the index, from Material's setup message
const typed = new Map() // stem -> as the reader typed it

function stemQuery(query) {
  typed.clear()
  return query.replace(/\p{L}+/gu, word => {
    word = word.toLowerCase()
    const stem = language in stemmers ? stemmers[language](word) : word
    typed.set(stem, word.slice(0, stem.length))
    return stem
  })
}

function inReadersLetters(result) {
  for (const item of result.items.flat())
    item.terms = Object.fromEntries(
      Object.entries(item.terms).map(([term, found]) => [typed.get(term) || term, found]))
  return result
}

addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP) [language] = message.data.config.lang
  else if (message.type === QUERY) message.data = stemQuery(message.data)
})

const post = postMessage.bind(self)
self.postMessage = message =>
  post(message.type === RESULT ? { ...message, data: inReadersLetters(message.data) } : message)

importScripts(new URL(location.href).searchParams.get("material"))
