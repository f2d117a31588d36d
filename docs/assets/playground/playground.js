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
 */
(function () {
  "use strict";

  const SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];
  const UNK = "[UNK]";
  const CONTINUATION = "##";

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
    return (
      String.fromCodePoint(0x1100 + Math.floor(index / 588), 0x1161 + Math.floor((index % 588) / 28)) +
      (trail ? String.fromCodePoint(0x11a7 + trail) : "")
    );
  }

  // Code points of a string; a lone surrogate is refused, as the Python tokenizer refuses it.
  function codePoints(text) {
    if (typeof text !== "string") throw new TypeError("text must be a string");
    const out = [];
    for (const char of text) {
      const cp = char.codePointAt(0);
      if (cp >= 0xd800 && cp <= 0xdfff) throw new TypeError("text holds a lone surrogate");
      out.push(cp);
    }
    return out;
  }

  function createTokenizer(data, TokenizersJS) {
    const tables = data.tables;
    const spaces = new Set(tables.spaces);
    const whitespace = new Set(tables.whitespace);
    const nfd = new Map(Object.entries(tables.nfd).map(([cp, out]) => [Number(cp), out]));
    const lower = new Map(Object.entries(tables.lower).map(([cp, out]) => [Number(cp), out]));
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
      max_input_chars_per_word: 100,
    });
    const idOf = (token) => wordpiece.tokens_to_ids.get(token);

    // 1. special tokens in the raw text, leftmost first: [{start, end, token}] in code points
    function findSpecial(cps) {
      const found = [];
      for (let i = 0; i < cps.length; i++) {
        if (cps[i] !== 0x5b) continue; // "["
        for (const token of SPECIAL_TOKENS) {
          let j = 0;
          while (j < token.length && cps[i + j] === token.charCodeAt(j)) j++;
          if (j === token.length) {
            found.push({ start: i, end: i + j, token: token });
            i += j - 1;
            break;
          }
        }
      }
      return found;
    }

    // 2. normalize a section: [{ch, at}], at = index of the code point it comes from
    function normalize(cps, base) {
      const seq = [];
      for (let k = 0; k < cps.length; k++) {
        const cp = cps[k];
        const at = base + k;
        if (inRanges(tables.removed, cp)) continue; // clean: control, format, private use
        if (spaces.has(cp)) {
          seq.push({ ch: " ", at, ccc: 0, first: true }); // clean: whitespace
          continue;
        }
        const cjk = inRanges(tables.chinese, cp); // chinese: a space on each side
        const parts = nfd.get(cp) || (cp >= 0xac00 && cp <= 0xd7a3 ? hangul(cp) : String.fromCodePoint(cp));
        const first = seq.length;
        if (cjk) seq.push({ ch: " ", at, ccc: 0 });
        for (const ch of parts) seq.push({ ch, at, ccc: classOf(ch.codePointAt(0)) });
        if (cjk) seq.push({ ch: " ", at, ccc: 0 });
        seq[first].first = true;
      }
      // nfd: a run of marks is sorted by combining class (stable). As in the Rust
      // alignments, the first part of each decomposition takes the next source in
      // text order, and any other part the source of the part before it.
      for (let i = 0; i < seq.length; ) {
        if (seq[i].ccc === 0) {
          i++;
          continue;
        }
        let j = i;
        while (j < seq.length && seq[j].ccc !== 0) j++;
        if (j - i > 1) {
          const run = seq.slice(i, j);
          const sources = run.filter((entry) => entry.first).map((entry) => entry.at);
          let previous = i > 0 ? seq[i - 1].at : run[0].at;
          run
            .sort((a, b) => a.ccc - b.ccc)
            .forEach((entry, k) => {
              const at = entry.first ? sources.shift() : previous;
              seq[i + k] = { ch: entry.ch, at, ccc: entry.ccc, first: entry.first };
              previous = at;
            });
        }
        i = j;
      }
      // mn: nonspacing marks removed; lower: lower-cased one character at a time
      const out = [];
      for (const entry of seq) {
        const cp = entry.ch.codePointAt(0);
        if (inRanges(tables.mn, cp)) continue;
        for (const ch of lower.get(cp) || entry.ch) out.push({ ch, at: entry.at });
      }
      return out;
    }

    // 3. pre-tokenize: words are runs of normalized characters
    function preTokenize(seq) {
      const words = [];
      let word = null;
      for (const entry of seq) {
        const cp = entry.ch.codePointAt(0);
        if (whitespace.has(cp)) {
          word = null;
        } else if (inRanges(tables.punctuation, cp)) {
          words.push([entry]);
          word = null;
        } else {
          if (word === null) {
            word = [];
            words.push(word);
          }
          word.push(entry);
        }
      }
      return words;
    }

    // 4. WordPiece on one word: [{token, start, end}], offsets in code points of the text
    function wordPieces(word) {
      const text = word.map((entry) => entry.ch).join("");
      const pieces = wordpiece.encode([text]);
      const span = (from, to) => ({ start: word[from].at, end: word[to - 1].at + 1 });
      if (pieces.length === 1 && pieces[0] === UNK) return [{ token: UNK, ...span(0, word.length) }];
      const out = [];
      let from = 0;
      pieces.forEach((piece, k) => {
        const body = k > 0 ? piece.slice(CONTINUATION.length) : piece;
        const to = from + Array.from(body).length;
        out.push({ token: piece, ...span(from, to) });
        from = to;
      });
      return out;
    }

    // one text: its stages and its tokens
    function analyzeText(text) {
      const cps = codePoints(text);
      const sections = [];
      let start = 0;
      for (const special of findSpecial(cps).concat([{ start: cps.length, end: cps.length }])) {
        if (special.start > start) {
          const seq = normalize(cps.slice(start, special.start), start);
          const words = preTokenize(seq).map((word) => ({
            text: word.map((entry) => entry.ch).join(""),
            pieces: wordPieces(word),
          }));
          sections.push({ special: false, normalized: seq.map((entry) => entry.ch).join(""), words });
        }
        if (special.token) {
          const piece = { token: special.token, start: special.start, end: special.end };
          sections.push({ special: true, normalized: special.token, words: [{ text: special.token, pieces: [piece] }] });
        }
        start = special.end;
      }
      const pieces = sections.flatMap((section) => section.words.flatMap((word) => word.pieces));
      return { text, sections, pieces };
    }

    // 5. the template: [CLS] A [SEP] (B [SEP])
    function analyze(text, textPair) {
      const texts = [analyzeText(text)];
      if (typeof textPair === "string" && textPair !== "") texts.push(analyzeText(textPair));
      else if (textPair !== undefined && textPair !== null && typeof textPair !== "string") {
        throw new TypeError("textPair must be a string");
      }
      const rows = [{ token: "[CLS]", start: 0, end: 0, sequence: null, type: 0 }];
      texts.forEach((analyzed, sequence) => {
        for (const piece of analyzed.pieces) rows.push({ ...piece, sequence, type: sequence });
        rows.push({ token: "[SEP]", start: 0, end: 0, sequence: null, type: sequence });
      });
      rows.forEach((row) => {
        row.id = idOf(row.token);
      });
      return { texts, rows, maxLength: config.model_max_length };
    }

    function encode(text, textPair) {
      const { rows } = analyze(text, textPair);
      return {
        tokens: rows.map((row) => row.token),
        input_ids: rows.map((row) => row.id),
        token_type_ids: rows.map((row) => row.type),
        attention_mask: rows.map(() => 1),
        offsets: rows.map((row) => [row.start, row.end]),
      };
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

    return { analyze, encode, kept, idOf, padId: idOf("[PAD]") };
  }

  // Tokenizers.js and the tokenizer files load when first needed: when the widget
  // comes near the screen, or when the API is first called.
  const HERE = document.currentScript ? document.currentScript.src : "";
  const NEEDED = [
    ["TokenizersJS", "vendor/tokenizers.js"],
    ["playgroundData", "bert-base-uncased.js"],
  ];
  let tokenizer = null;
  let loading = null;

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

  function ready() {
    if (loading === null) {
      loading = NEEDED.reduce((previous, [name, file]) => previous.then(() => load(name, file)), Promise.resolve());
      loading = loading.then(() => {
        tokenizer = createTokenizer(window.playgroundData, window.TokenizersJS);
        return tokenizer;
      });
    }
    return loading;
  }

  function getTokenizer() {
    if (tokenizer === null) throw new Error("the playground has not loaded yet");
    return tokenizer;
  }

  window.playground = {
    /** Encode text (and a second text, for a pair), as the Python tokenizer does. */
    encode(text, textPair) {
      return ready().then((t) => t.encode(text, textPair));
    },
    /** Encode many [text, textPair] inputs at once (what the tests use). */
    encodeAll(inputs) {
      return ready().then((t) =>
        inputs.map(([text, textPair]) => {
          try {
            return t.encode(text, textPair);
          } catch (error) {
            return { error: String(error) };
          }
        }),
      );
    },
    /** Every stage of one input, what the page shows. */
    analyze(text, textPair) {
      return ready().then((t) => t.analyze(text, textPair));
    },
    /** Tokens of each text that truncation=True keeps, for token counts [a] or [a, b]. */
    kept(lengths, maxLength) {
      return ready().then((t) => t.kept(lengths, maxLength === undefined ? 512 : maxLength));
    },
  };

  // ---- the widget ----

  const COLOURS = 6;

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value);
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
  }

  // show a token: its text, with the continuation prefix set apart
  function tokenLabel(token, isContinuation) {
    const span = el("span", { class: "pg-token-text" });
    if (isContinuation) span.append(el("span", { class: "pg-hash", text: CONTINUATION }), token.slice(2));
    else span.append(token);
    return span;
  }

  function setUp(root) {
    const strings = JSON.parse(root.getAttribute("data-strings"));
    const inputs = root.querySelectorAll("textarea");
    const padInput = root.querySelector("input[type=number]");
    const status = root.querySelector(".pg-status");
    const output = root.querySelector(".pg-output");
    let timer = null;
    let announce = null;

    function render() {
      let analysis;
      try {
        analysis = getTokenizer().analyze(inputs[0].value, inputs[1].value);
      } catch (error) {
        output.replaceChildren(el("p", { text: String(error.message || error) }));
        return;
      }
      const t = getTokenizer();
      const { texts, rows, maxLength } = analysis;
      const lengths = texts.map((text) => text.pieces.length);
      const keep = t.kept(lengths, maxLength);
      const total = rows.length;
      // which rows truncation would cut
      let seen = [0, 0];
      rows.forEach((row) => {
        if (row.sequence === null) return;
        row.cut = seen[row.sequence] >= keep[row.sequence];
        seen[row.sequence] += 1;
      });
      // colour by word, within each text
      texts.forEach((text, sequence) => {
        let index = 0;
        text.sections.forEach((section) =>
          section.words.forEach((word) => {
            word.colour = index % COLOURS;
            word.pieces.forEach((piece) => {
              piece.colour = index % COLOURS;
              piece.sequence = sequence;
            });
            index += 1;
          }),
        );
      });
      let row = 1;
      texts.forEach((text) => {
        text.pieces.forEach((piece) => {
          rows[row].colour = piece.colour;
          row += 1;
        });
        row += 1;
      });

      const pad = Math.min(Math.max(parseInt(padInput.value, 10) || 0, 0), maxLength);
      const padded = Math.max(pad - total, 0);

      // the original texts, each character range linked to its tokens
      const sources = texts.map((text, sequence) => {
        const cps = Array.from(text.text);
        const bounds = new Set([0, cps.length]);
        rows.forEach((r) => {
          if (r.sequence === sequence) bounds.add(r.start).add(r.end);
        });
        const sorted = Array.from(bounds).sort((a, b) => a - b);
        const box = el("div", { class: "pg-source", "aria-hidden": "true" });
        for (let k = 0; k + 1 < sorted.length; k++) {
          const [a, b] = [sorted[k], sorted[k + 1]];
          const covering = [];
          rows.forEach((r, index) => {
            if (r.sequence === sequence && r.start <= a && b <= r.end && r.start < r.end) covering.push(index);
          });
          const segment = el("span", { text: cps.slice(a, b).join("") });
          if (covering.length) {
            segment.className = "pg-c" + rows[covering[0]].colour;
            segment.dataset.rows = covering.join(" ");
          }
          box.append(segment);
        }
        return box;
      });

      const normalized = texts.map((text) =>
        el("code", { class: "pg-normalized", text: text.sections.map((s) => s.normalized).join("") }),
      );
      const words = texts.map((text) =>
        el(
          "ol",
          { class: "pg-words" },
          text.sections.flatMap((s) => s.words).map((word) => el("li", { class: "pg-c" + word.colour, text: word.text })),
        ),
      );

      // the tokens: one tab stop, arrow keys move between them
      const tokenList = el("ol", { class: "pg-tokens", "aria-label": strings.tokens });
      rows.forEach((r, index) => {
        const isContinuation = r.sequence !== null && r.token.startsWith(CONTINUATION) && r.token !== CONTINUATION;
        const classes = ["pg-token", r.sequence === null ? "pg-special" : "pg-c" + r.colour];
        if (isContinuation) classes.push("pg-continuation");
        if (r.cut) classes.push("pg-cut");
        const item = el("li", {
          class: classes.join(" "),
          tabindex: index === 0 ? "0" : "-1",
          "data-row": String(index),
          "aria-label": format(strings.tokenLabel, {
            index,
            token: r.token,
            start: r.start,
            end: r.end,
            id: r.id,
          }) + (r.cut ? " " + strings.cutMark : ""),
        });
        item.append(tokenLabel(r.token, isContinuation));
        tokenList.append(item);
      });
      for (let k = 0; k < padded; k++) {
        tokenList.append(el("li", { class: "pg-token pg-pad", "data-row": String(total + k), text: "[PAD]" }));
      }

      // the numbers, one row each, as the Python tokenizer returns them
      const table = el("table", { class: "pg-table" });
      const head = el("tr", {}, [el("th", { scope: "row", text: strings.position })]);
      const lines = {
        token: el("tr", {}, [el("th", { scope: "row", text: strings.token })]),
        offsets: el("tr", {}, [el("th", { scope: "row", text: "offsets" })]),
        input_ids: el("tr", {}, [el("th", { scope: "row", text: "input_ids" })]),
        token_type_ids: el("tr", {}, [el("th", { scope: "row", text: "token_type_ids" })]),
        attention_mask: el("tr", {}, [el("th", { scope: "row", text: "attention_mask" })]),
      };
      const all = rows.concat(
        Array.from({ length: padded }, () => ({ token: "[PAD]", start: 0, end: 0, id: t.padId, type: 0, pad: true })),
      );
      all.forEach((r, index) => {
        const cls = r.cut ? "pg-cut" : r.pad ? "pg-pad" : "";
        head.append(el("th", { scope: "col", class: cls, text: String(index) }));
        lines.token.append(el("td", { class: cls, text: r.token }));
        lines.offsets.append(el("td", { class: cls, text: `(${r.start}, ${r.end})` }));
        lines.input_ids.append(el("td", { class: cls, text: String(r.id) }));
        lines.token_type_ids.append(el("td", { class: cls, text: String(r.type) }));
        lines.attention_mask.append(el("td", { class: cls, text: r.pad ? "0" : "1" }));
      });
      table.append(el("thead", {}, [head]), el("tbody", {}, Object.values(lines)));
      const scroller = el("div", { class: "pg-scroll", tabindex: "0", role: "region", "aria-label": strings.numbers }, [table]);

      const stage = (title, nodes) => [el("dt", { text: title }), el("dd", {}, nodes)];
      const labelled = (nodes) =>
        nodes.length === 1
          ? nodes
          : nodes.flatMap((node, k) => [el("span", { class: "pg-which", text: k === 0 ? strings.textA : strings.textB }), node]);
      output.replaceChildren(
        ...labelled(sources),
        el("dl", { class: "pg-stages" }, [
          ...stage(strings.normalized, labelled(normalized)),
          ...stage(strings.words, labelled(words)),
          ...stage(strings.wordpiece, [tokenList]),
          ...stage(strings.numbersTitle, [scroller]),
        ]),
      );

      // the count against the limit, and what truncation would cut
      const cut = lengths.map((n, k) => n - keep[k]);
      let message = format(strings.count, { total, max: maxLength });
      if (cut.some((n) => n > 0)) {
        message += " " + format(texts.length === 2 ? strings.cutPair : strings.cutOne, { a: cut[0], b: cut[1] || 0 });
      }
      status.querySelector(".pg-count").textContent = message;
      clearTimeout(announce);
      announce = setTimeout(() => {
        status.querySelector(".pg-announce").textContent = message;
      }, 700);
    }

    function highlight(rowsToMark, on) {
      root.querySelectorAll(".pg-active").forEach((node) => node.classList.remove("pg-active"));
      if (!on) return;
      for (const index of rowsToMark) {
        root.querySelectorAll(`.pg-token[data-row="${index}"]`).forEach((node) => node.classList.add("pg-active"));
        root.querySelectorAll(".pg-source span[data-rows]").forEach((node) => {
          if (node.dataset.rows.split(" ").includes(String(index))) node.classList.add("pg-active");
        });
      }
    }

    output.addEventListener("mouseover", (event) => {
      const token = event.target.closest(".pg-token[data-row]");
      const segment = event.target.closest(".pg-source span[data-rows]");
      if (token) highlight([token.dataset.row], true);
      else if (segment) highlight(segment.dataset.rows.split(" "), true);
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
      const list = Array.from(token.parentNode.querySelectorAll(".pg-token[tabindex]"));
      const at = list.indexOf(token);
      const next = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[
        event.key
      ];
      if (next === undefined || next < 0 || next >= list.length) return;
      event.preventDefault();
      token.setAttribute("tabindex", "-1");
      list[next].setAttribute("tabindex", "0");
      list[next].focus();
    });

    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(render, 60);
    };
    inputs.forEach((input) => input.addEventListener("input", schedule));
    padInput.addEventListener("input", schedule);
    render();
  }

  function activate(root) {
    if (root.dataset.active) return;
    root.dataset.active = "1";
    ready()
      .then(() => setUp(root))
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
