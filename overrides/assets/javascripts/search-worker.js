/*
 * The archive's search worker. Material for MkDocs' search UI (search box, result list,
 * suggestions, highlighting, keyboard) talks to a web worker in four messages; this one
 * answers them from the sharded index under search/ (generator/site/search.py) instead
 * of building a lunr index of the whole archive in the browser:
 *
 *   SETUP  -> READY   the manifest (about 1 KB gzipped) starts loading, so that the
 *                     first query waits for no more than its own files
 *   QUERY  -> RESULT  the term shards of the query's words (one per two-letter
 *                     prefix), then the chunks of display records of the best results:
 *                     a first RESULT with the ten Material shows at once, then, when
 *                     there are more, one with up to the manifest's limit (Material
 *                     shows those as the reader scrolls); every file is fetched once
 *                     per page, and a query overtaken by the reader's next keystroke
 *                     is dropped before its records are fetched
 *
 * Tokens agree with search.py's `tokens`: lower case, NFKD, combining marks dropped,
 * runs of letters and digits, stop words (from the manifest) dropped. Every query word
 * matches as a prefix (a one-letter word matches only itself); a document ranks by how
 * many query words it matches, then by how well (title over metadata, whole word over
 * prefix), then by its number (derived pages first, then briefings newest first).
 * Records are text: everything that goes into result HTML is escaped here.
 */
"use strict"

const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3

const WEIGHT = { titleWord: 4, titlePrefix: 3, metaWord: 2, metaPrefix: 1 }
const FIRST_SCREEN = 10
const ROOT = new URL("../../", self.location.href)
const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }

let options = { suggest: false }
let manifest = null
let latest = 0
const files = new Map()

function fold(text) {
  return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "")
}

function words(text) {
  return fold(text).match(/[\p{L}\p{N}]+/gu) || []
}

function prefixOf(term, length) {
  return Array.from(term).slice(0, length).join("")
}

function shardName(key) {
  if (/^[a-z0-9]+$/.test(key)) return key
  return "u" + Array.from(key, c => c.codePointAt(0).toString(16)).join("-")
}

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, c => ENTITIES[c])
}

function fetchJSON(path, version) {
  const key = `${path}?${version}`
  if (!files.has(key)) {
    const url = new URL(path, ROOT)
    if (version) url.searchParams.set("v", version)
    const request = fetch(url).then(response => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
      return response.json()
    })
    request.catch(() => files.delete(key))
    files.set(key, request)
  }
  return files.get(key)
}

async function loadManifest() {
  if (!manifest) {
    manifest = fetchJSON("search/manifest.json", "").then(data => ({
      ...data,
      stopwords: new Set(data.stopwords),
      shards: new Set(data.shards)
    }))
    manifest.catch(() => { manifest = null })
  }
  return manifest
}

function matches(word, term, index) {
  return Array.from(term).length < index.prefix ? word === term : word.startsWith(term)
}

function highlight(text, terms, index) {
  let html = ""
  let last = 0
  for (const found of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = fold(found[0])
    if (terms.some(term => matches(word, term, index))) {
      html += escapeHTML(text.slice(last, found.index))
      html += `<mark data-md-highlight>${escapeHTML(found[0])}</mark>`
      last = found.index + found[0].length
    }
  }
  return html + escapeHTML(text.slice(last))
}

function score(terms, shards, index) {
  const hits = new Map()
  terms.forEach((term, i) => {
    const shard = shards.get(prefixOf(term, index.prefix))
    if (!shard) return
    const candidates = Array.from(term).length < index.prefix ? [term] : Object.keys(shard)
    for (const word of candidates) {
      if (!Object.hasOwn(shard, word) || !matches(word, term, index)) continue
      const whole = word === term
      let doc = 0
      for (const value of shard[word]) {
        doc += value >> 1
        const weight = value & 1
          ? (whole ? WEIGHT.titleWord : WEIGHT.titlePrefix)
          : (whole ? WEIGHT.metaWord : WEIGHT.metaPrefix)
        let hit = hits.get(doc)
        if (!hit) {
          hit = { doc, weights: new Array(terms.length).fill(0), words: [] }
          hits.set(doc, hit)
        }
        if (weight > hit.weights[i]) {
          hit.weights[i] = weight
          hit.words[i] = word
        }
      }
    }
  })
  const ranked = []
  for (const hit of hits.values()) {
    hit.matched = hit.weights.filter(Boolean).length
    hit.score = hit.matched * 100 + hit.weights.reduce((sum, w) => sum + w, 0)
    ranked.push(hit)
  }
  return ranked.sort((a, b) => b.score - a.score || a.doc - b.doc)
}

async function records(hits, index) {
  const chunks = [...new Set(hits.map(hit => Math.floor(hit.doc / index.chunk)))]
  return new Map(await Promise.all(chunks.map(async chunk =>
    [chunk, await fetchJSON(`search/docs/${chunk}.json`, index.version)]
  )))
}

function result(hits, chunks, terms, typed, index) {
  const items = hits.map(hit => {
    const [location, title, line, summary] =
      chunks.get(Math.floor(hit.doc / index.chunk))[hit.doc % index.chunk]
    const found = terms.filter((_, i) => hit.weights[i])
    let text = `<p>${highlight(line, found, index)}</p>`
    if (summary) text += `<p>${highlight(summary, found, index)}</p>`
    return [{
      location,
      title: highlight(title, found, index),
      text,
      score: hit.score,
      terms: Object.fromEntries(terms.map((term, i) => [term, hit.weights[i] > 0]))
    }]
  })
  const data = { items }
  if (options.suggest) {
    const last = terms.indexOf(typed[typed.length - 1])
    const word = hits.length && last >= 0 ? hits[0].words[last] : undefined
    data.suggest = word ? [word] : []
  }
  return data
}

async function search(query, id, send) {
  if (!query.trim()) return send({ items: [] })
  const index = await loadManifest()
  const typed = words(query)
  const terms = [...new Set(typed.filter(word => !index.stopwords.has(word)))]
  if (!terms.length) return send({ items: [] })
  const keys = [...new Set(terms.map(term => prefixOf(term, index.prefix)))]
    .filter(key => index.shards.has(key))
  const shards = new Map(await Promise.all(keys.map(async key =>
    [key, await fetchJSON(`search/terms/${shardName(key)}.json`, index.version)]
  )))
  if (id !== latest) return
  const best = score(terms, shards, index).slice(0, index.limit)
  const stages = best.length > FIRST_SCREEN ? [FIRST_SCREEN, best.length] : [best.length]
  for (const count of stages) {
    const hits = best.slice(0, count)
    const chunks = await records(hits, index)
    if (id !== latest) return
    send(result(hits, chunks, terms, typed, index))
  }
}

addEventListener("message", async event => {
  const message = event.data
  if (message.type === SETUP) {
    options = { ...options, ...(message.data && message.data.options) }
    loadManifest().catch(() => {})
    postMessage({ type: READY })
  } else if (message.type === QUERY) {
    const id = ++latest
    const send = data => { if (id === latest) postMessage({ type: RESULT, data }) }
    try {
      await search(String(message.data), id, send)
    } catch (error) {
      console.warn(`search failed: ${error}`)
      send({ items: [] })
    }
  }
})
