/* Tokenizer playground: google-bert/bert-base-uncased in the browser, offline and exact.
 *
 * window.playground.encode(text, textPair) returns a promise of
 * {tokens, input_ids, token_type_ids, attention_mask, offsets}, as
 * tokenizer(text, textPair, return_offsets_mapping=True) does in Python:
 * special tokens added, no truncation, no padding. Offsets count code points,
 * as Python's str does (one per character above U+FFFF too); an empty
 * textPair means no pair, as in transformers.
 *
 * The stages, as transformers 5 assembles BertTokenizer:
 *   1. special tokens written in the text are cut out first, on the raw text;
 *   2. BertNormalizer, one code point at a time, from tables that the build
 *      reads out of the Rust tokenizers library (window.playgroundData): the
 *      browser's own Unicode tables are newer and disagree on some characters;
 *      then the canonical reordering of combining marks;
 *   3. BertPreTokenizer: split on whitespace, punctuation alone (same tables);
 *   4. WordPiece, greedy longest match first: Tokenizers.js (window.TokenizersJS);
 *   5. the template [CLS] A [SEP] B [SEP] with token_type_ids 0 for A, 1 for B.
 * Tokenizers.js's own normalizer and pre-tokenizer are not used: they walk
 * UTF-16 code units (CJK above U+FFFF is not split), lower-case before they
 * strip accents, lower-case a final capital sigma to ς, and use the browser's
 * Unicode tables; and they keep no offsets.
 *
 * Long text (a pasted article, a megabyte) stays responsive:
 *   - a model tokenizes a text as a job that runs stages 1-4 as one stream over
 *     the text, one code point at a time, and can stop after any of them
 *     (job.step(deadline)): every stage is linear, a word's pieces are
 *     computed once per distinct word, and tokens are kept in flat columns;
 *   - the widget runs the jobs in slices of a few milliseconds, yields to the
 *     event loop between slices, and drops a computation when newer input comes;
 *   - it renders only what a reader can look at: the first SHOWN tokens of
 *     each text, and says how many of how many are shown.
 * The driver and the rendering know nothing of the model: a model is
 * {start(text, detail) -> job, layout(results), kept(lengths, max), ...}, so a
 * second one (GPT-2's byte-level BPE) plugs in beside this one.
 */
(function () {
  "use strict";

  const BERT = "google-bert/bert-base-uncased";
  const SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];
  const UNK = "[UNK]";
  const CONTINUATION = "##";
  const MAX_INPUT_CHARS_PER_WORD = 100;
  // stage detail a job keeps for the page, whatever the length of the text
  const TEXT_SHOWN = 20000; // code points of a text, and of the normalized text
  const WORD_SHOWN = 200; // code points of one word

  // [first, last] pairs, sorted: is cp in one of them?
  function inRanges(ranges, cp) {
    let low = 0;
    let high = ranges.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (cp < ranges[mid][0]) high = mid - 1;
      else if (cp > ranges[mid][1]) low = mid + 1;
      else return true;
    }
    return false;
  }

  // Unicode's algorithmic decomposition of a Hangul syllable (left out of the tables)
  function hangul(cp) {
    const index = cp - 0xac00;
    const trail = index % 28;
    const parts = [0x1100 + Math.floor(index / 588), 0x1161 + Math.floor((index % 588) / 28)];
    if (trail) parts.push(0x11a7 + trail);
    return parts;
  }

  const codePointsOf = (string) => Array.from(string, (char) => char.codePointAt(0));
  const charOf = (cp) => (cp < 0x10000 ? String.fromCharCode(cp) : String.fromCodePoint(cp));

  // what the tables say of a code point, as bits
  const REMOVED = 1; // clean: control, format, private use
  const SPACE = 2; // clean: becomes " "
  const CJK = 4; // chinese: a space on each side
  const DECOMPOSES = 8; // nfd
  const MARK = 16; // mn: removed
  const LOWER = 32; // lower-cased
  const WHITESPACE = 64; // pre-tokenizer: splits
  const PUNCTUATION = 128; // pre-tokenizer: a word of its own

  function createBert(data, TokenizersJS) {
    const tables = data.tables;
    const nfd = new Map(Object.entries(tables.nfd).map(([cp, out]) => [Number(cp), codePointsOf(out)]));
    const lower = new Map(Object.entries(tables.lower).map(([cp, out]) => [Number(cp), codePointsOf(out)]));
    // combining class, from [first, last, class] runs
    function classOf(cp) {
      const runs = tables.ccc;
      let low = 0;
      let high = runs.length - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (cp < runs[mid][0]) high = mid - 1;
        else if (cp > runs[mid][1]) low = mid + 1;
        else return runs[mid][2];
      }
      return 0;
    }
    const spaces = new Set(tables.spaces);
    const whitespace = new Set(tables.whitespace);
    const RANGES = [
      [tables.removed, REMOVED],
      [tables.chinese, CJK],
      [tables.mn, MARK],
      [tables.punctuation, PUNCTUATION],
    ];
    function flagsFromTables(cp) {
      let f = 0;
      for (const [ranges, bit] of RANGES) if (inRanges(ranges, cp)) f |= bit;
      if (spaces.has(cp)) f |= SPACE;
      if (nfd.has(cp) || (cp >= 0xac00 && cp <= 0xd7a3)) f |= DECOMPOSES;
      if (lower.has(cp)) f |= LOWER;
      if (whitespace.has(cp)) f |= WHITESPACE;
      return f;
    }
    // the Basic Multilingual Plane as two flat tables, filled once; the other planes when met
    const bmpFlags = new Uint8Array(0x10000);
    const bmpClass = new Uint8Array(0x10000);
    const fill = (table, first, last, value, or) => {
      for (let cp = first; cp <= Math.min(last, 0xffff); cp++) table[cp] = or ? table[cp] | value : value;
    };
    for (const [ranges, bit] of RANGES) for (const [first, last] of ranges) fill(bmpFlags, first, last, bit, true);
    for (const [first, last, value] of tables.ccc) fill(bmpClass, first, last, value, false);
    fill(bmpFlags, 0xac00, 0xd7a3, DECOMPOSES, true);
    for (const cp of spaces) fill(bmpFlags, cp, cp, SPACE, true);
    for (const cp of whitespace) fill(bmpFlags, cp, cp, WHITESPACE, true);
    for (const cp of nfd.keys()) fill(bmpFlags, cp, cp, DECOMPOSES, true);
    for (const cp of lower.keys()) fill(bmpFlags, cp, cp, LOWER, true);
    const astral = new Map();
    function flagsOf(cp) {
      if (cp < 0x10000) return bmpFlags[cp];
      let f = astral.get(cp);
      if (f === undefined) astral.set(cp, (f = flagsFromTables(cp)));
      return f;
    }
    const cccOf = (cp) => (cp < 0x10000 ? bmpClass[cp] : classOf(cp));
    const decomposition = (cp) => nfd.get(cp) || hangul(cp);

    // vocab.txt as transformers reads it: one token a line, its line number is its id
    const lines = data.files["vocab.txt"].split(/\r\n|\r|\n/);
    if (lines[lines.length - 1] === "") lines.pop();
    const vocab = Object.create(null);
    lines.forEach((token, id) => {
      vocab[token] = id;
    });
    const config = JSON.parse(data.files["tokenizer_config.json"]);
    const wordpiece = new TokenizersJS.WordPiece({
      type: "WordPiece",
      vocab: vocab,
      unk_token: UNK,
      continuing_subword_prefix: CONTINUATION,
      max_input_chars_per_word: MAX_INPUT_CHARS_PER_WORD,
    });
    const idOf = (token) => wordpiece.tokens_to_ids.get(token);
    const unkId = idOf(UNK);

    // 4. WordPiece on one word, once per distinct word: [{token, id, length}], or null for [UNK]
    const pieceCache = new Map();
    function piecesOf(word) {
      let pieces = pieceCache.get(word);
      if (pieces !== undefined) return pieces;
      const found = wordpiece.encode([word]);
      if (found.length === 1 && found[0] === UNK) pieces = null;
      else {
        pieces = found.map((token, k) => {
          let length = 0;
          for (const _ of k > 0 ? token.slice(CONTINUATION.length) : token) length++;
          return { token, id: idOf(token), length };
        });
      }
      if (pieceCache.size >= 200000) pieceCache.clear();
      pieceCache.set(word, pieces);
      return pieces;
    }

    /* One text, stages 1-4 as one stream; step(deadline) runs until done or the deadline.
     * detail: how many tokens' worth of the stages (normalized text, words) to keep. */
    function start(text, detail) {
      if (typeof text !== "string") throw new TypeError("text must be a string");
      detail = detail === undefined ? Infinity : detail;
      const n = text.length;
      let unit = 0; // UTF-16 index into text
      let position = 0; // code point index: the offsets
      // tokens, in flat columns
      const tokens = [];
      const ids = [];
      const starts = [];
      const ends = [];
      const groups = []; // the word each token comes from, for colours
      let group = 0;
      // a run of combining marks waiting for the canonical ordering
      const runCh = [];
      const runAt = [];
      const runClass = [];
      const runFirst = [];
      let runLength = 0;
      let lastAt = -1; // source of the entry before the run, -1 at the start of a section
      // the word being read
      let word = "";
      let wordLength = 0;
      const wordAt = [];
      // the stages, for the page
      let collecting = detail > 0;
      const normalized = [];
      let normalizedLength = 0;
      let normalizedMore = false;
      const words = [];
      let done = false;

      function pushToken(token, id, from, to, g) {
        tokens.push(token);
        ids.push(id);
        starts.push(from);
        ends.push(to);
        groups.push(g);
      }

      function endWord() {
        const g = group++;
        if (wordLength > MAX_INPUT_CHARS_PER_WORD) {
          pushToken(UNK, unkId, wordAt[0], wordAt[MAX_INPUT_CHARS_PER_WORD] + 1, g);
        } else {
          const pieces = piecesOf(word);
          if (pieces === null) pushToken(UNK, unkId, wordAt[0], wordAt[wordLength - 1] + 1, g);
          else {
            let from = 0;
            for (const piece of pieces) {
              const to = from + piece.length;
              pushToken(piece.token, piece.id, wordAt[from], wordAt[to - 1] + 1, g);
              from = to;
            }
          }
        }
        if (collecting) {
          words.push({ text: wordLength > WORD_SHOWN ? word + "\u2026" : word, group: g });
          if (tokens.length >= detail) collecting = false;
        }
        word = "";
        wordLength = 0;
      }

      function showNormalized(chars) {
        if (collecting && normalizedLength < TEXT_SHOWN) {
          normalized.push(chars);
          normalizedLength++;
        } else normalizedMore = true;
      }

      // 3. pre-tokenize one normalized character
      function preTokenize(cp, at) {
        showNormalized(charOf(cp));
        const f = flagsOf(cp);
        if (f & WHITESPACE) {
          if (wordLength) endWord();
          return;
        }
        const alone = f & PUNCTUATION;
        if (alone && wordLength) endWord();
        if (wordLength <= WORD_SHOWN) word += charOf(cp);
        // a word over the limit becomes one [UNK]: only its first and last sources count
        if (wordLength <= MAX_INPUT_CHARS_PER_WORD) wordAt[wordLength] = at;
        else wordAt[MAX_INPUT_CHARS_PER_WORD] = at;
        wordLength++;
        if (alone) endWord();
      }

      // 2, after the reordering: mn (marks removed), lower (one character at a time)
      function emit(cp, at) {
        const f = flagsOf(cp);
        if (f & MARK) return;
        if (f & LOWER) for (const part of lower.get(cp)) preTokenize(part, at);
        else preTokenize(cp, at);
      }

      // nfd: a run of marks is sorted by combining class (stable). As in the Rust
      // alignments, the first part of each decomposition takes the next source in
      // text order, and any other part the source of the part before it.
      function flushRun() {
        if (runLength === 1) emit(runCh[0], runAt[0]);
        else {
          const order = Array.from({ length: runLength }, (_, k) => k);
          order.sort((a, b) => runClass[a] - runClass[b] || a - b);
          const sources = [];
          for (let k = 0; k < runLength; k++) if (runFirst[k]) sources.push(runAt[k]);
          let next = 0;
          let previous = lastAt >= 0 ? lastAt : runAt[0];
          for (const k of order) {
            const at = runFirst[k] ? sources[next++] : previous;
            emit(runCh[k], at);
            previous = at;
          }
        }
        runLength = 0;
      }

      // one normalized part, before the reordering
      function entry(cp, at, ccc, first) {
        if (ccc !== 0) {
          runCh[runLength] = cp;
          runAt[runLength] = at;
          runClass[runLength] = ccc;
          runFirst[runLength] = first;
          runLength++;
          return;
        }
        if (runLength) flushRun();
        lastAt = at;
        emit(cp, at);
      }

      // a special token, or the end of the text, ends a section: sections are normalized apart
      function endSection() {
        if (runLength) flushRun();
        if (wordLength) endWord();
        lastAt = -1;
      }

      function special(token) {
        endSection();
        const g = group++;
        pushToken(token, idOf(token), position, position + token.length, g);
        if (collecting) {
          showNormalized(token);
          words.push({ text: token, group: g });
          if (tokens.length >= detail) collecting = false;
        } else normalizedMore = true;
        unit += token.length;
        position += token.length;
      }

      // 1. and 2. for the code point at unit
      function next() {
        let cp = text.charCodeAt(unit);
        if (cp === 0x5b) {
          // "[": special tokens are cut out of the raw text, leftmost first
          for (const token of SPECIAL_TOKENS) {
            if (text.startsWith(token, unit)) return special(token);
          }
        }
        if (cp >= 0xd800 && cp <= 0xdfff) {
          const low = unit + 1 < n ? text.charCodeAt(unit + 1) : 0;
          if (cp > 0xdbff || low < 0xdc00 || low > 0xdfff) throw new TypeError("text holds a lone surrogate");
          cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
          unit += 2;
        } else unit += 1;
        const at = position++;
        const f = flagsOf(cp);
        if (f & REMOVED) return;
        if (f & SPACE) return entry(0x20, at, 0, true);
        const cjk = f & CJK;
        if (cjk) entry(0x20, at, 0, true);
        if (f & DECOMPOSES) {
          const parts = decomposition(cp);
          for (let k = 0; k < parts.length; k++) entry(parts[k], at, cccOf(parts[k]), k === 0 && !cjk);
        } else entry(cp, at, cccOf(cp), !cjk);
        if (cjk) entry(0x20, at, 0, false);
      }

      return {
        /** Tokenize until done (returns true) or past the deadline (performance.now()). */
        step(deadline) {
          while (unit < n) {
            for (let k = 0; k < 512 && unit < n; k++) next();
            if (unit < n && performance.now() >= deadline) return false;
          }
          if (!done) {
            endSection();
            done = true;
          }
          return true;
        },
        /** How much of the text is done, from 0 to 1. */
        progress: () => (n === 0 ? 1 : unit / n),
        /** The tokens of the text, and the stages the page shows. */
        result() {
          return {
            text,
            length: position,
            count: tokens.length,
            tokens,
            ids,
            starts,
            ends,
            groups,
            stages: [
              { key: "normalized", kind: "text", text: normalized.join(""), more: normalizedMore },
              { key: "words", kind: "list", items: words, more: group - words.length },
            ],
          };
        },
      };
    }

    // 5. the template: [CLS] A [SEP] (B [SEP]); a part is a special token or a whole text
    function layout(results) {
      const parts = [{ special: "[CLS]", id: idOf("[CLS]"), type: 0 }];
      results.forEach((_, sequence) => {
        parts.push({ sequence, type: sequence });
        parts.push({ special: "[SEP]", id: idOf("[SEP]"), type: sequence });
      });
      return parts;
    }

    // how many tokens of each text truncation=True (longest first) keeps under maxLength
    function kept(lengths, maxLength) {
      const budget = maxLength - (lengths.length === 2 ? 3 : 2);
      if (lengths.length === 1) return [Math.max(0, Math.min(lengths[0], budget))];
      let [a, b] = lengths;
      if (a + b <= budget) return [a, b];
      const swap = a > b;
      let n1 = swap ? b : a;
      let n2;
      n2 = n1 > budget ? n1 : Math.max(n1, budget - n1);
      if (n1 + n2 > budget) {
        n1 = Math.floor(budget / 2);
        n2 = n1 + (budget % 2);
      }
      [a, b] = swap ? [n2, n1] : [n1, n2];
      return [Math.min(a, lengths[0]), Math.min(b, lengths[1])];
    }

    return {
      name: BERT,
      fields: ["input_ids", "token_type_ids", "attention_mask"],
      continuation: CONTINUATION,
      maxLength: config.model_max_length,
      padToken: "[PAD]",
      padId: idOf("[PAD]"),
      idOf,
      start,
      layout,
      kept,
    };
  }

  // ---- models, their files, and what every model shares ----

  // Tokenizers.js and the tokenizer files load when first needed: when the widget
  // comes near the screen, or when the API is first called.
  const HERE = document.currentScript ? document.currentScript.src : "";
  const MODELS = {
    [BERT]: {
      needed: [
        ["TokenizersJS", "vendor/tokenizers.js"],
        ["playgroundData", "bert-base-uncased.js"],
      ],
      create: () => createBert(window.playgroundData, window.TokenizersJS),
    },
  };
  const loaded = new Map();

  // a plain script element: it also loads when the site is opened from disk
  function load(name, file) {
    if (window[name]) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(file, HERE).href;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error("the playground could not load " + file));
      document.head.append(script);
    });
  }

  function ready(options) {
    const name = (options && options.model) || BERT;
    const spec = MODELS[name];
    if (!spec) return Promise.reject(new Error("the playground has no model " + name));
    if (!loaded.has(name)) {
      const files = spec.needed.reduce((previous, [global, file]) => previous.then(() => load(global, file)), Promise.resolve());
      loaded.set(name, files.then(spec.create));
    }
    return loaded.get(name);
  }

  // the texts of one input: an empty textPair means no pair, as in transformers
  function textsOf(text, textPair) {
    if (typeof textPair === "string" && textPair !== "") return [text, textPair];
    return [text];
  }
  function checkPair(textPair) {
    if (textPair !== undefined && textPair !== null && typeof textPair !== "string") {
      throw new TypeError("textPair must be a string");
    }
  }

  // all at once, for the API: the results of each text
  function runNow(model, text, textPair, detail) {
    const results = [];
    textsOf(text, textPair).forEach((one, k) => {
      const job = model.start(one, detail);
      job.step(Infinity);
      results.push(job.result());
      if (k === 0) checkPair(textPair);
    });
    if (results.length === 1) checkPair(textPair);
    return results;
  }

  // every row of the layout, as the Python tokenizer returns them
  function encodeWith(model, text, textPair) {
    const results = runNow(model, text, textPair, 0);
    const out = { tokens: [], input_ids: [], token_type_ids: [], attention_mask: [], offsets: [] };
    for (const part of model.layout(results)) {
      if (part.special !== undefined) {
        out.tokens.push(part.special);
        out.input_ids.push(part.id);
        out.token_type_ids.push(part.type);
        out.attention_mask.push(1);
        out.offsets.push([0, 0]);
        continue;
      }
      const r = results[part.sequence];
      for (let i = 0; i < r.count; i++) {
        out.tokens.push(r.tokens[i]);
        out.input_ids.push(r.ids[i]);
        out.token_type_ids.push(part.type);
        out.attention_mask.push(1);
        out.offsets.push([r.starts[i], r.ends[i]]);
      }
    }
    for (const field of ["input_ids", "token_type_ids", "attention_mask"]) {
      if (!model.fields.includes(field)) delete out[field];
    }
    return out;
  }

  window.playground = {
    /** Encode text (and a second text, for a pair), as the Python tokenizer does. */
    encode(text, textPair, options) {
      return ready(options).then((model) => encodeWith(model, text, textPair));
    },
    /** Encode many [text, textPair] inputs at once (what the tests use). */
    encodeAll(inputs, options) {
      return ready(options).then((model) =>
        inputs.map(([text, textPair]) => {
          try {
            return encodeWith(model, text, textPair);
          } catch (error) {
            return { error: String(error) };
          }
        }),
      );
    },
    /** Each text's tokens in flat columns, and the stages of its first `detail` tokens. */
    analyze(text, textPair, options) {
      const detail = options && options.detail !== undefined ? options.detail : Infinity;
      return ready(options).then((model) => {
        const results = runNow(model, text, textPair, detail);
        return { texts: results, layout: model.layout(results), maxLength: model.maxLength };
      });
    },
    /** Tokens of each text that truncation=True keeps, for token counts [a] or [a, b]. */
    kept(lengths, maxLength, options) {
      return ready(options).then((model) => model.kept(lengths, maxLength === undefined ? model.maxLength : maxLength));
    },
  };

  // ---- running a computation in slices ----

  const SLICE_MS = 15;

  // let the browser handle input and paint between two slices
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()();
  function yieldToEventLoop() {
    if (window.scheduler && typeof window.scheduler.yield === "function") return window.scheduler.yield();
    return new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
  }

  // wait until the browser has drawn a frame (or a moment, where it draws none: a hidden tab)
  function nextFrame() {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, 100);
      requestAnimationFrame(() => {
        clearTimeout(timer);
        setTimeout(resolve, 0);
      });
    });
  }

  /* Run jobs one after the other, SLICE_MS at a time. Resolves to their results,
   * or to null once stillWanted() says a newer input took over. */
  async function runInSlices(jobs, stillWanted, onProgress) {
    for (let k = 0; k < jobs.length; k++) {
      while (!jobs[k].step(performance.now() + SLICE_MS)) {
        onProgress((k + jobs[k].progress()) / jobs.length);
        await yieldToEventLoop();
        if (!stillWanted()) return null;
      }
    }
    return jobs.map((job) => job.result());
  }

  // ---- the widget ----

  const COLOURS = 6;
  const SHOWN = 800; // tokens of each text the page lists: all that the model takes, and more

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value);
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  // text and attribute values for HTML built as one string: one parse for a thousand nodes
  const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
  const escape = (text) => String(text).replace(/[&<>"]/g, (char) => ESCAPES[char]);
  function fromHtml(tag, attributes, html) {
    const node = el(tag, attributes);
    node.innerHTML = html;
    return node;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
  }

  // the rows the page shows: special tokens, the first `limit` tokens of each text, a gap
  // where tokens are left out, and the padding; positions are those of the whole encoding
  function rowsToShow(model, results, limit, keep, pad) {
    const rows = [];
    let position = 0;
    for (const part of model.layout(results)) {
      if (part.special !== undefined) {
        rows.push({ kind: "special", position: position++, token: part.special, id: part.id, type: part.type, start: 0, end: 0 });
        continue;
      }
      const r = results[part.sequence];
      const shown = Math.min(r.count, limit);
      for (let i = 0; i < shown; i++) {
        rows.push({
          kind: "token",
          position: position + i,
          sequence: part.sequence,
          index: i,
          token: r.tokens[i],
          id: r.ids[i],
          type: part.type,
          start: r.starts[i],
          end: r.ends[i],
          colour: r.groups[i] % COLOURS,
          cut: i >= keep[part.sequence],
        });
      }
      if (r.count > shown) rows.push({ kind: "gap", sequence: part.sequence, left: r.count - shown });
      position += r.count;
    }
    const total = position;
    for (let k = total; k < pad; k++) {
      rows.push({ kind: "pad", position: k, token: model.padToken, id: model.padId, type: 0, start: 0, end: 0 });
    }
    return { rows, total };
  }

  function setUp(root, model) {
    const strings = JSON.parse(root.getAttribute("data-strings"));
    const inputs = root.querySelectorAll("textarea");
    const padInput = root.querySelector("input[type=number]");
    const status = root.querySelector(".pg-status");
    const count = status.querySelector(".pg-count");
    const output = root.querySelector(".pg-output");
    const language = document.documentElement.lang || undefined;
    const number = (value) => value.toLocaleString(language);
    let timer = null;
    let announce = null;
    let generation = 0;
    let last = { texts: [], results: null };
    // what the hover and focus handlers need of the rows on the page
    let nodesOfRow = new Map();
    let rowsOfSegment = new WeakMap();
    let tokenItems = [];

    // the original text, up to the last character of its tokens on the page, each
    // character range linked to its tokens
    function source(result, rows, sequence, complete) {
      const mine = rows.filter((r) => r.kind === "token" && r.sequence === sequence);
      let upto = complete ? result.length : 0;
      for (const r of mine) upto = Math.max(upto, r.end);
      upto = Math.min(upto, result.length, TEXT_SHOWN);
      // code point index -> UTF-16 index, for the part shown
      const units = new Int32Array(upto + 1);
      let unit = 0;
      for (let k = 0; k < upto; k++) {
        units[k] = unit;
        unit += result.text.codePointAt(unit) > 0xffff ? 2 : 1;
      }
      units[upto] = unit;
      const bounds = new Set([0, upto]);
      for (const r of mine) bounds.add(Math.min(r.start, upto)).add(Math.min(r.end, upto));
      const sorted = Array.from(bounds).sort((a, b) => a - b);
      const covering = sorted.map(() => []);
      const segmentAt = (at) => {
        let low = 0;
        let high = sorted.length - 1;
        while (low < high) {
          const mid = (low + high) >> 1;
          if (sorted[mid] < at) low = mid + 1;
          else high = mid;
        }
        return low;
      };
      for (const r of mine) {
        const end = Math.min(r.end, upto);
        if (r.start >= end) continue;
        for (let k = segmentAt(r.start); k + 1 < sorted.length && sorted[k + 1] <= end; k++) covering[k].push(r.position);
      }
      let html = "";
      for (let k = 0; k + 1 < sorted.length; k++) {
        const text = escape(result.text.slice(units[sorted[k]], units[sorted[k + 1]]));
        if (covering[k].length) {
          html += `<span class="pg-c${colourOf.get(covering[k][0])}" data-rows="${covering[k].join(" ")}">${text}</span>`;
        } else html += `<span>${text}</span>`;
      }
      if (upto < result.length) html += `<span class="pg-more">${escape(strings.more)}</span>`;
      const box = fromHtml("div", { class: "pg-source", "aria-hidden": "true" }, html);
      // segment k is the box's child k: link it to its rows
      const segments = box.children;
      for (let k = 0; k + 1 < sorted.length; k++) {
        if (!covering[k].length) continue;
        rowsOfSegment.set(segments[k], covering[k]);
        for (const position of covering[k]) nodeList(position).push(segments[k]);
      }
      return box;
    }
    const nodeList = (position) => {
      let list = nodesOfRow.get(position);
      if (!list) nodesOfRow.set(position, (list = []));
      return list;
    };
    let colourOf = new Map();

    function stageNode(stage) {
      if (stage.kind === "text") {
        return el("code", { class: "pg-normalized", text: stage.text + (stage.more ? strings.more : "") });
      }
      let html = "";
      for (const item of stage.items) html += `<li class="pg-c${item.group % COLOURS}">${escape(item.text)}</li>`;
      if (stage.more > 0) html += `<li class="pg-more">${escape(format(strings.omittedWords, { n: number(stage.more) }))}</li>`;
      return fromHtml("ol", { class: "pg-words" }, html);
    }

    /* Put the rows on the page, in two steps that run in separate tasks: first the
     * texts and the stages before WordPiece, then (call the function returned) the
     * tokens and the numbers. Returns [the message saying what is shown, the second step]. */
    function render(results) {
      const maxLength = model.maxLength;
      const lengths = results.map((r) => r.count);
      const keep = model.kept(lengths, maxLength);
      const pad = Math.min(Math.max(parseInt(padInput.value, 10) || 0, 0), maxLength);
      const { rows, total } = rowsToShow(model, results, SHOWN, keep, pad);
      nodesOfRow = new Map();
      rowsOfSegment = new WeakMap();
      colourOf = new Map(rows.filter((r) => r.kind === "token").map((r) => [r.position, r.colour]));

      const sources = results.map((result, sequence) => source(result, rows, sequence, result.count <= SHOWN));
      const stages = results[0].stages.map((stage, k) => ({
        key: stage.key,
        nodes: results.map((result) => stageNode(result.stages[k])),
      }));

      // how many of the tokens the page lists
      let shownMessage = "";
      if (rows.some((r) => r.kind === "gap")) {
        const shown = rows.filter((r) => r.kind === "token" || r.kind === "special").length;
        shownMessage = format(results.length === 2 ? strings.shownPair : strings.shownOne, {
          shown: number(shown),
          total: number(total),
          limit: number(SHOWN),
        });
      }

      const stage = (title, nodes) => [el("dt", { text: title }), el("dd", {}, nodes)];
      const labelled = (nodes) =>
        nodes.length === 1
          ? nodes
          : nodes.flatMap((node, k) => [el("span", { class: "pg-which", text: k === 0 ? strings.textA : strings.textB }), node]);
      const [tokensTitle, tokensBox] = stage(strings.wordpiece, []);
      const [numbersTitle, numbersBox] = stage(strings.numbersTitle, []);
      tokenItems = [];
      output.replaceChildren(
        ...(shownMessage ? [el("p", { class: "pg-shown", text: shownMessage })] : []),
        ...labelled(sources),
        el("dl", { class: "pg-stages" }, [
          ...stages.flatMap((s) => stage(strings[s.key], labelled(s.nodes))),
          tokensTitle,
          tokensBox,
          numbersTitle,
          numbersBox,
        ]),
      );
      return [shownMessage, () => renderTokens(rows, tokensBox, numbersBox)];
    }

    function renderTokens(rows, tokensBox, numbersBox) {
      // the tokens: one tab stop, arrow keys move between them
      const prefix = model.continuation;
      let html = "";
      let stop = 0; // the tab stop: the first token
      const listed = []; // the rows of the list's items, in order
      for (const r of rows) {
        if (r.kind === "gap") {
          html += `<li class="pg-more">${escape(format(strings.omitted, { n: number(r.left) }))}</li>`;
          listed.push(null);
          continue;
        }
        listed.push(r);
        if (r.kind === "pad") {
          html += `<li class="pg-token pg-pad" data-row="${r.position}">${escape(r.token)}</li>`;
          continue;
        }
        const isContinuation = r.kind === "token" && r.token.startsWith(prefix) && r.token !== prefix;
        let classes = "pg-token " + (r.kind === "special" ? "pg-special" : "pg-c" + r.colour);
        if (isContinuation) classes += " pg-continuation";
        if (r.cut) classes += " pg-cut";
        const label =
          format(strings.tokenLabel, { index: r.position, token: r.token, start: r.start, end: r.end, id: r.id }) +
          (r.cut ? " " + strings.cutMark : "");
        // the token's text, with the continuation prefix set apart
        const text = isContinuation
          ? `<span class="pg-hash">${escape(prefix)}</span>${escape(r.token.slice(prefix.length))}`
          : escape(r.token);
        html +=
          `<li class="${classes}" tabindex="${stop++ === 0 ? 0 : -1}" data-row="${r.position}" aria-label="${escape(label)}">` +
          `<span class="pg-token-text">${text}</span></li>`;
      }
      const tokenList = fromHtml("ol", { class: "pg-tokens", "aria-label": strings.tokens }, html);
      tokenItems = [];
      let k = 0;
      for (const item of tokenList.children) {
        const r = listed[k++];
        if (r === null) continue;
        nodeList(r.position).push(item);
        if (r.kind !== "pad") tokenItems.push(item);
      }

      // the numbers, one row each, as the Python tokenizer returns them
      const lines = [
        ["token", strings.token, (r) => r.token],
        ["offsets", "offsets", (r) => `(${r.start}, ${r.end})`],
        ["input_ids", "input_ids", (r) => String(r.id)],
        ["token_type_ids", "token_type_ids", (r) => String(r.type)],
        ["attention_mask", "attention_mask", (r) => (r.kind === "pad" ? "0" : "1")],
      ].filter(([field]) => field === "token" || field === "offsets" || model.fields.includes(field));
      const cells = (tag, value) => {
        let line = "";
        for (const r of rows) {
          if (r.kind === "gap") line += `<${tag} class="pg-gap">${escape(strings.more)}</${tag}>`;
          else {
            const cls = r.cut ? ' class="pg-cut"' : r.kind === "pad" ? ' class="pg-pad"' : "";
            line += `<${tag}${tag === "th" ? ' scope="col"' : ""}${cls}>${escape(value(r))}</${tag}>`;
          }
        }
        return line;
      };
      const head = `<thead><tr><th scope="row">${escape(strings.position)}</th>${cells("th", (r) => r.position)}</tr></thead>`;
      const body = lines.map(([, title, value]) => `<tr><th scope="row">${escape(title)}</th>${cells("td", value)}</tr>`);
      const table = fromHtml("table", { class: "pg-table" }, head + "<tbody>" + body.join("") + "</tbody>");
      const scroller = el("div", { class: "pg-scroll", tabindex: "0", role: "region", "aria-label": strings.numbers }, [table]);
      tokensBox.append(tokenList);
      numbersBox.append(scroller);
    }

    // the count against the limit, and what truncation would cut
    function countMessage(results) {
      const lengths = results.map((r) => r.count);
      const keep = model.kept(lengths, model.maxLength);
      const total = model.layout(results).reduce((sum, part) => sum + (part.special !== undefined ? 1 : results[part.sequence].count), 0);
      const cut = lengths.map((n, k) => n - keep[k]);
      let message = format(strings.count, { total: number(total), max: number(model.maxLength) });
      if (cut.some((n) => n > 0)) {
        message += " " + format(results.length === 2 ? strings.cutPair : strings.cutOne, { a: number(cut[0]), b: number(cut[1] || 0) });
      }
      return message;
    }

    function fail(error) {
      count.textContent = "";
      output.removeAttribute("aria-busy");
      output.replaceChildren(el("p", { text: String(error.message || error) }));
    }

    async function update() {
      const mine = ++generation;
      const stillWanted = () => mine === generation;
      clearTimeout(announce);
      const texts = textsOf(inputs[0].value, inputs[1].value);
      let results = last.texts.length === texts.length && texts.every((text, k) => text === last.texts[k]) ? last.results : null;
      let said = -Infinity;
      if (results === null) {
        try {
          const jobs = texts.map((text) => model.start(text, SHOWN));
          results = await runInSlices(jobs, stillWanted, (done) => {
            // say how far it got, a few times a second
            if (performance.now() - said < 250) return;
            said = performance.now();
            output.setAttribute("aria-busy", "true");
            count.textContent = format(strings.working, { percent: Math.floor(done * 100) });
          });
        } catch (error) {
          if (stillWanted()) fail(error);
          return;
        }
        if (results === null) return;
        last = { texts, results }; // a change of the padding alone tokenizes nothing again
      }
      // the counts first, then the page in two steps, each laid out in a frame of its own
      const message = countMessage(results);
      count.textContent = message;
      await yieldToEventLoop();
      if (!stillWanted()) return;
      const [shown, renderRest] = render(results);
      await nextFrame();
      if (!stillWanted()) return;
      renderRest();
      output.removeAttribute("aria-busy");
      announce = setTimeout(() => {
        status.querySelector(".pg-announce").textContent = shown ? message + " " + shown : message;
      }, 700);
    }

    function highlight(positions, on) {
      root.querySelectorAll(".pg-active").forEach((node) => node.classList.remove("pg-active"));
      if (!on) return;
      for (const position of positions) {
        for (const node of nodesOfRow.get(Number(position)) || []) node.classList.add("pg-active");
      }
    }

    output.addEventListener("mouseover", (event) => {
      const token = event.target.closest(".pg-token[data-row]");
      const segment = event.target.closest(".pg-source span[data-rows]");
      if (token) highlight([token.dataset.row], true);
      else if (segment) highlight(rowsOfSegment.get(segment) || [], true);
    });
    output.addEventListener("mouseleave", () => highlight([], false));
    output.addEventListener("focusin", (event) => {
      const token = event.target.closest(".pg-token[data-row]");
      if (token) highlight([token.dataset.row], true);
    });
    output.addEventListener("focusout", () => highlight([], false));
    output.addEventListener("keydown", (event) => {
      const token = event.target.closest(".pg-token[tabindex]");
      if (!token) return;
      const at = tokenItems.indexOf(token);
      const next = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: tokenItems.length - 1 }[
        event.key
      ];
      if (at < 0 || next === undefined || next < 0 || next >= tokenItems.length) return;
      event.preventDefault();
      token.setAttribute("tabindex", "-1");
      tokenItems[next].setAttribute("tabindex", "0");
      tokenItems[next].focus();
    });

    // a newer input drops the computation in progress
    const schedule = () => {
      generation++;
      clearTimeout(timer);
      timer = setTimeout(update, 60);
    };
    inputs.forEach((input) => input.addEventListener("input", schedule));
    padInput.addEventListener("input", schedule);
    update();
  }

  function activate(root) {
    if (root.dataset.active) return;
    root.dataset.active = "1";
    ready({ model: root.dataset.model })
      .then((model) => setUp(root, model))
      .catch((error) => root.append(el("p", { text: String(error.message || error) })));
  }

  function start() {
    document.querySelectorAll("[data-playground]").forEach((root) => {
      root.addEventListener("focusin", () => activate(root));
      if (!("IntersectionObserver" in window)) return activate(root);
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) {
            observer.disconnect();
            activate(root);
          }
        },
        { rootMargin: "400px" },
      );
      observer.observe(root);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
