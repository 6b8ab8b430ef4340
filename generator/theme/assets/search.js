// Site search, in the browser, with no server. site.js loads this file the
// first time the reader focuses or touches the search box, so a reader who
// never searches downloads nothing for it. It runs under
// Content-Security-Policy: default-src 'self' (no eval, no inline style).
//
// The index is generator/search's (its package documentation is the
// format): search/index.json holds a Bloom filter of the character pairs of
// every section; the text parts are fetched only when a section of theirs
// passes the filters, and the text then decides. pairHash, probe, Terms,
// match and wholeIn repeat generator/search; the theme's browser test
// checks that both give the same results.
(function () {
  "use strict";
  var form = document.querySelector("form.search[data-index]");
  if (!form || form.getAttribute("data-ready")) { return; }
  form.setAttribute("data-ready", "");
  var input = form.querySelector("input");
  var status = form.querySelector(".search-status");
  var panel = form.querySelector(".search-panel");
  var list = document.createElement("ol");
  list.className = "search-results";
  panel.appendChild(list);
  var close = document.createElement("button");
  close.type = "button";
  close.className = "search-close";
  close.textContent = "关闭";
  form.insertBefore(close, panel);

  var MAX = 50; // results shown
  var PREFETCH = 256 << 10; // text fetched as search opens when all of it is this small
  var indexURL = new URL(form.getAttribute("data-index"), location.href);
  var root = new URL("../", indexURL);
  var wide = window.matchMedia("(min-width: 40em)");
  var fullLink = form.querySelector(".search-nojs a");

  // Text as search compares it: ASCII letters in lower case, full-width
  // ASCII forms as ASCII; one UTF-16 unit stays one, so offsets in the
  // folded text are offsets in the text shown.
  var FOLD = /[A-Z\uFF01-\uFF5E]/g;
  function fold(s) {
    return s.replace(FOLD, function (c) {
      var n = c.charCodeAt(0);
      if (n > 0xFF00) { n -= 0xFEE0; }
      return String.fromCharCode(n >= 65 && n <= 90 ? n + 32 : n);
    });
  }
  var SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
  function collapse(s) { return s.replace(SPACE, " ").replace(/^ | $/g, ""); }

  function terms(query) {
    var q = collapse(fold(query));
    var a = Array.from(q);
    var n = a.length;
    if (n >= 2 && ((a[0] === "\"" && a[n - 1] === "\"") || (a[0] === "\u201c" && a[n - 1] === "\u201d"))) {
      var t = collapse(a.slice(1, n - 1).join(""));
      return t ? [t] : [];
    }
    var out = [];
    q.split(" ").forEach(function (t) {
      if (t && out.indexOf(t) < 0) { out.push(t); }
    });
    return out;
  }

  var INDEXED = /[\p{L}\p{N}.%]/u;
  function pairHash(a, b) {
    var h = Math.imul(a, 0x9E3779B1) ^ b;
    h ^= h >>> 15;
    h = Math.imul(h, 0x85EBCA6B);
    h ^= h >>> 13;
    h = Math.imul(h, 0xC2B2AE35);
    h ^= h >>> 16;
    return h >>> 0;
  }
  function pairs(ts) {
    var hs = [];
    ts.forEach(function (t) {
      var prev = " ";
      for (var c of t) {
        if (INDEXED.test(prev) && INDEXED.test(c)) { hs.push(pairHash(prev.codePointAt(0), c.codePointAt(0))); }
        prev = c;
      }
    });
    return hs;
  }

  function isWord(c) { return (c >= "0" && c <= "9") || (c >= "a" && c <= "z") || c === "."; }
  // wholeIn reports whether t occurs in s at least once not inside a longer
  // number or Latin word.
  function wholeIn(s, t) {
    var first = isWord(t.charAt(0)), last = isWord(t.charAt(t.length - 1));
    for (var i = s.indexOf(t); i >= 0; i = s.indexOf(t, i + 1)) {
      if (!(first && isWord(s.charAt(i - 1))) && !(last && isWord(s.charAt(i + t.length)))) { return true; }
    }
    return false;
  }

  // match checks a section's text for the terms and ranks it: 4 the terms
  // as one phrase, 2 in the heading, 1 a whole number or word.
  function match(u, ts) {
    var f = u.folded || (u.folded = u.texts.map(fold)), i, j;
    for (i = 0; i < ts.length; i++) {
      for (j = 0; j < f.length && f[j].indexOf(ts[i]) < 0; j++) { /* next text */ }
      if (j === f.length) { return null; }
    }
    var phrases = ts.length > 1 ? [ts.join(""), ts.join(" ")] : [ts[0]];
    var ranks = [], phrase = false;
    for (i = 0; i < f.length; i++) {
      var r = { p: false, all: true, w: false, any: false, lead: "" };
      for (j = 0; j < phrases.length; j++) {
        if (f[i].indexOf(phrases[j]) >= 0) {
          r.p = true;
          r.lead = r.lead || phrases[j];
          r.w = r.w || wholeIn(f[i], phrases[j]);
        }
      }
      for (j = 0; j < ts.length; j++) {
        if (f[i].indexOf(ts[j]) >= 0) { r.any = true; } else { r.all = false; }
      }
      phrase = phrase || r.p;
      ranks.push(r);
    }
    if (!phrase) {
      for (i = 0; i < f.length; i++) { ranks[i].w = wholeIn(f[i], ts[0]); }
    }
    var score = phrase ? 4 : 0, land = 0;
    if (ranks[0].p || ranks[0].all) {
      score += 2;
    } else {
      var best = -1;
      for (i = 1; i < ranks.length; i++) {
        r = ranks[i];
        var s = (r.p ? 8 : 0) + (r.all ? 4 : 0) + (r.w ? 2 : 0) + (r.any ? 1 : 0);
        if (s > best) { best = s; land = i; }
      }
    }
    for (i = 0; i < ranks.length; i++) {
      if (ranks[i].w) { score++; break; }
    }
    return { u: u, score: score, land: land, lead: ranks[land].lead };
  }

  function getJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) { throw new Error(url + ": " + r.status); }
      return r.json();
    });
  }

  var index = null, loading = null;
  function load() {
    if (!loading) {
      loading = getJSON(indexURL).then(function (ix) {
        if (ix.v !== 1) { throw new Error("search index format " + ix.v); }
        var bin = atob(ix.f), bits = new Uint8Array(bin.length), i;
        for (i = 0; i < bin.length; i++) { bits[i] = bin.charCodeAt(i); }
        var off = new Int32Array(ix.m.length + 1);
        for (i = 0; i < ix.m.length; i++) { off[i + 1] = off[i] + ix.m[i]; }
        var parts = [], unitPart = new Int32Array(ix.m.length), u = 0, size = 0;
        ix.parts.forEach(function (p, n) {
          parts.push({ url: new URL(p[0], root), first: u, count: p[1], done: null });
          for (i = 0; i < p[1]; i++) { unitPart[u++] = n; }
          size += p[2];
        });
        index = { k: ix.k, bits: bits, off: off, parts: parts, unitPart: unitPart, units: new Array(ix.m.length) };
        if (size <= PREFETCH) { parts.forEach(function (p) { loadPart(p).catch(function () { /* fetched again when needed */ }); }); }
      });
    }
    return loading;
  }

  // loadPart fetches a text part once and makes its sections ready to match.
  function loadPart(p) {
    if (!p.done) {
      p.done = getJSON(p.url).then(function (d) {
        var prev = -1;
        d.units.forEach(function (raw, i) {
          var page = d.pages[raw[0]];
          var u = { path: page[0], title: page[1], report: d.report, heading: "", texts: [], anchors: [raw[2]] };
          if (raw[0] !== prev) { u.texts.push(page[1]); } else { u.heading = raw[1]; u.texts.push(raw[1]); }
          for (var j = 3; j + 1 < raw.length; j += 2) {
            u.anchors.push(raw[j] || raw[2]);
            u.texts.push(raw[j + 1]);
          }
          prev = raw[0];
          index.units[p.first + i] = u;
        });
        p.ready = true;
      }, function (e) {
        p.done = null; // fetch again next time
        throw e;
      });
    }
    return p.done;
  }

  function mayHold(u, hs) {
    var off = index.off[u], m = (index.off[u + 1] - off) * 8, bits = index.bits;
    for (var j = 0; j < hs.length; j++) {
      var h = hs[j], h2 = ((h >>> 16) | (h << 16) | 1) >>> 0;
      for (var i = 0; i < index.k; i++) {
        var pos = ((h + Math.imul(i, h2)) >>> 0) % m;
        if (!(bits[off + (pos >>> 3)] & (1 << (pos & 7)))) { return false; }
      }
    }
    return true;
  }

  // search resolves to the ranked hits of the terms.
  function search(ts) {
    return load().then(function () {
      var hs = pairs(ts), cands = [], need = [];
      for (var u = 0; u < index.units.length; u++) {
        if (mayHold(u, hs)) {
          cands.push(u);
          var p = index.parts[index.unitPart[u]];
          if (need.indexOf(p) < 0) { need.push(p); }
        }
      }
      if (need.some(function (p) { return !p.ready; })) { say("正在载入…"); }
      return Promise.all(need.map(loadPart)).then(function () {
        var hits = [];
        cands.forEach(function (u) {
          var h = match(index.units[u], ts);
          if (h) { hits.push(h); }
        });
        return hits.sort(function (a, b) { return b.score - a.score; });
      });
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }

  // snippet shows the text around the first match, every term marked.
  function snippet(text, folded, lead, ts) {
    var out = el("span", "search-snip");
    var at = Math.max(0, folded.indexOf(lead));
    var start = Math.max(0, at - 24), end = Math.min(text.length, at + lead.length + 60);
    var marks = [];
    ts.forEach(function (t) {
      for (var i = folded.indexOf(t, start); i >= 0 && i < end; i = folded.indexOf(t, i + 1)) {
        marks.push([i, Math.min(end, i + t.length)]);
      }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var pos = start;
    if (start > 0) { out.appendChild(document.createTextNode("…")); }
    marks.forEach(function (m) {
      if (m[1] <= pos) { return; }
      out.appendChild(document.createTextNode(text.slice(pos, Math.max(pos, m[0]))));
      out.appendChild(el("mark", "", text.slice(Math.max(pos, m[0]), m[1])));
      pos = m[1];
    });
    out.appendChild(document.createTextNode(text.slice(pos, end) + (end < text.length ? "…" : "")));
    return out;
  }

  function render(hits, ts) {
    list.textContent = "";
    var reports = {};
    hits.forEach(function (h) { reports[h.u.report] = true; });
    var many = Object.keys(reports).length > 1;
    hits.slice(0, MAX).forEach(function (h) {
      var u = h.u, a = el("a");
      var anchor = u.anchors[h.land];
      // ?hl= asks the page to mark the words searched for (site.js); a
      // result on this very page is reached without loading it again, and
      // the words are marked when it is followed (see list's click).
      var to = new URL(u.path + (anchor ? "#" + anchor : ""), root);
      if (to.pathname === location.pathname) {
        a.href = to.pathname + location.search + to.hash;
        a.setAttribute("data-hl", ts.join(" "));
      } else {
        to.search = "?hl=" + encodeURIComponent(ts.join(" "));
        a.href = to.href;
      }
      a.appendChild(el("span", "search-hit-title", u.title + (u.heading ? " › " + u.heading : "")));
      if (many && u.report) { a.appendChild(el("span", "search-hit-meta", u.report)); }
      // A match in the heading shows the text below it, if any matches.
      var i = h.land;
      if (i === 0) {
        for (i = 1; i < u.texts.length && !ts.some(function (t) { return u.folded[i].indexOf(t) >= 0; }); i++) { /* next */ }
      }
      if (i < u.texts.length) {
        var lead = h.lead && u.folded[i].indexOf(h.lead) >= 0 ? h.lead : ts.filter(function (t) { return u.folded[i].indexOf(t) >= 0; })[0];
        a.appendChild(snippet(u.texts[i], u.folded[i], lead, ts));
      }
      var li = el("li");
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  function say(text) { status.textContent = text; }

  // done tells listeners (the theme's tests) that the results of q show.
  function done(q, n, t0) {
    form.dispatchEvent(new CustomEvent("searchdone", { detail: { query: q, count: n, ms: performance.now() - t0 } }));
  }

  // share keeps the query in the page's address (?q=…), so that the
  // results can be linked to, bookmarked and reopened with 后退.
  function share(q) {
    if (!window.history || !history.replaceState) { return; }
    var u = new URL(location.href);
    if (q) { u.searchParams.set("q", q); } else { u.searchParams.delete("q"); }
    if (u.href !== location.href) { history.replaceState(history.state, "", u.href); }
  }

  var seq = 0, last = null;
  function run() {
    var my = ++seq, q = input.value, ts = terms(q), t0 = performance.now();
    share(collapse(q));
    if (!ts.length) {
      last = null;
      list.textContent = "";
      say("");
      setOpen(false);
      done(q, 0, t0);
      return;
    }
    setOpen(true);
    if (!ts.some(function (t) { return Array.from(t).length >= 2; })) {
      list.textContent = "";
      say("请至少输入两个字。");
      done(q, 0, t0);
      return;
    }
    search(ts).then(function (hits) {
      if (my !== seq) { return; }
      last = hits;
      render(hits, ts);
      say(hits.length === 0 ? "没有找到“" + q.trim() + "”。" :
        "找到 " + hits.length + " 处" + (hits.length > MAX ? "，列出前 " + MAX + " 处" : "") + "。");
      done(q, hits.length, t0);
    }, function () {
      if (my !== seq) { return; }
      loading = null; // try again on the next key
      list.textContent = "";
      say("搜索索引未能载入。");
      if (fullLink) {
        var p = el("span", "", "请打开");
        var a = el("a", "", "全文");
        a.href = fullLink.href;
        p.appendChild(a);
        p.appendChild(document.createTextNode("，用浏览器的“查找”功能（Ctrl+F）。"));
        status.appendChild(p);
      }
    });
  }

  function setOpen(on) {
    form.classList.toggle("search-open", on);
    document.documentElement.classList.toggle("search-page", on && !wide.matches);
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  input.addEventListener("input", run);
  // shut closes the results and gives the focus back to the box, which
  // stays closed until the reader types or comes back to it.
  var quiet = false;
  function shut() {
    setOpen(false);
    share("");
    quiet = true;
    input.focus();
    quiet = false;
  }
  input.addEventListener("focus", function () { if (!quiet && input.value && last !== null) { setOpen(true); } });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var first = links()[0];
    if (first) { first.click(); }
  });
  form.addEventListener("keydown", function (ev) {
    var all = links(), i = all.indexOf(document.activeElement);
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      var next = ev.key === "ArrowDown" ? i + 1 : i - 1;
      if (next >= all.length) { return; }
      ev.preventDefault();
      if (next < 0) { input.focus(); } else { all[next].focus(); }
    } else if (ev.key === "Escape" && form.classList.contains("search-open")) {
      ev.preventDefault();
      shut();
    }
  });
  close.addEventListener("click", shut);
  list.addEventListener("click", function (ev) {
    var a = ev.target.closest("a");
    if (!a) { return; }
    setOpen(false);
    if (a.hasAttribute("data-hl")) {
      var words = a.getAttribute("data-hl"), id = decodeURIComponent(a.hash.slice(1));
      setTimeout(function () {
        document.dispatchEvent(new CustomEvent("searchhighlight", { detail: { words: words, id: id } }));
      }, 0);
    }
  });
  // Beside the text, the panel closes when the reader turns elsewhere; on a
  // phone the search page stays until closed, as the keyboard hides.
  document.addEventListener("click", function (ev) {
    if (wide.matches && !form.contains(ev.target)) { setOpen(false); }
  });
  form.addEventListener("focusout", function (ev) {
    if (wide.matches && ev.relatedTarget && !form.contains(ev.relatedTarget)) { setOpen(false); }
  });

  load().catch(function () { loading = null; });
  if (input.value) { run(); }
})();
