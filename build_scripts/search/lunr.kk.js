/**
 * Kazakh for lunr, as Material's search worker loads a language: it imports
 * lunr/min/lunr.<lang>.min.js for the language its index names and calls `this.use(lunr.<lang>)`.
 * The index keeps every word folded; search-worker.js stems the query words with lunr.kk.stem.
 */
function registerKazakh(lunr, words) {
  lunr.kk = function () {
    this.pipeline.reset()
    this.pipeline.add(lunr.kk.folder)
    this.searchPipeline.reset()
    this.searchPipeline.add(lunr.kk.folder)
  }
  lunr.kk.folder = token => token.update(words.fold)
  lunr.Pipeline.registerFunction(lunr.kk.folder, "folder-kk")
  lunr.kk.fold = words.fold
  lunr.kk.stem = word => words.stem(words.fold(word))
}
