// 长者模式, 朗读 and the printed QR code: progressive enhancement only, under
// Content-Security-Policy: default-src 'self', with nothing from another host.
//
// Loaded in <head> without defer, after site.js: the first lines set
// 长者模式 before the body is laid out, as site.js sets the 字号. The rest
// waits for the document.
(function () {
  "use strict";
  var doc = document.documentElement;
  var key = "reportsite-elder";
  var store = {
    get: function () { try { return window.localStorage.getItem(key) === "1"; } catch (e) { return false; } },
    set: function (on) {
      try { if (on) { window.localStorage.setItem(key, "1"); } else { window.localStorage.removeItem(key); } } catch (e) { /* storage off */ }
    }
  };

  function each(sel, f) {
    var list = document.querySelectorAll(sel);
    for (var i = 0; i < list.length; i++) { f(list[i]); }
  }
  function pressed(el, on) { el.setAttribute("aria-pressed", on ? "true" : "false"); }

  function setElder(on) {
    if (on) { doc.classList.add("elder"); } else { doc.classList.remove("elder"); }
    each("button[data-elder]", function (b) { pressed(b, on); });
  }
  setElder(store.get());

  // A closed QR code prints too, in browsers whose CSS cannot open it.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    each("details.qr-box", function (d) { if (!d.open) { d.open = true; opened.push(d); } });
  });
  window.addEventListener("afterprint", function () {
    while (opened.length) { opened.pop().open = false; }
  });

  // 朗读 reads the page aloud from the block in view to the end of <main>,
  // sentence by sentence, with the browser's own Chinese voice, marking the
  // sentence being read.
  var synth = window.speechSynthesis;
  var reading = null; // {blocks, i, sentences, j, token}

  function voice() {
    if (!synth || !window.SpeechSynthesisUtterance) { return null; }
    var vs = synth.getVoices() || [], found = null;
    for (var i = 0; i < vs.length; i++) {
      var lang = String(vs[i].lang).replace("_", "-").toLowerCase();
      if (lang === "zh-cn") { return vs[i]; }
      if (!found && lang.indexOf("zh") === 0) { found = vs[i]; }
    }
    return found;
  }

  var blockSel = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, caption, th, td";
  var skipSel = "nav, .kicker, .to-top, .read-full, .tools, .cards, .dashboard, .after-text, .attachments, .print-only, .xxgk-meta, figure, [hidden]";

  // blocks lists the text blocks of <main> from the one in view: leaves
  // only, so that no text is read twice.
  function blocks() {
    var main = document.getElementById("main");
    if (!main) { return []; }
    var all = main.querySelectorAll(blockSel), out = [], started = false;
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      if (el.closest(skipSel) || el.querySelector(blockSel) || !el.textContent.trim() || !el.getClientRects().length) { continue; }
      if (!started && el.getBoundingClientRect().bottom <= 0) { continue; }
      started = true;
      out.push(el);
    }
    return out;
  }

  // sentences splits a block's text at sentence marks, keeping closing
  // quotes and brackets with their sentence.
  function sentences(text) {
    var re = /[^。！？；!?]+(?:[。！？；!?]+[”’」』）)]*)?/g, out = [], m;
    while ((m = re.exec(text)) !== null) {
      if (m[0].trim()) { out.push({ start: m.index, end: m.index + m[0].length, text: m[0] }); }
    }
    return out;
  }

  // mark shows which sentence is being read: a CSS highlight over its
  // range where the browser has them, else the whole block.
  function mark(el, s) {
    unmark();
    if (!el) { return; }
    if (window.CSS && CSS.highlights && window.Highlight) {
      var range = document.createRange(), pos = 0, walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), n, set = 0;
      while ((n = walker.nextNode()) && set < 2) {
        var len = n.data.length;
        if (set === 0 && s.start < pos + len) { range.setStart(n, s.start - pos); set = 1; }
        if (set === 1 && s.end <= pos + len) { range.setEnd(n, s.end - pos); set = 2; }
        pos += len;
      }
      CSS.highlights.set("read-aloud", new Highlight(range));
    } else {
      el.classList.add("reading");
    }
  }
  function unmark() {
    if (window.CSS && CSS.highlights) { CSS.highlights.delete("read-aloud"); }
    each(".reading", function (el) { el.classList.remove("reading"); });
  }

  function controls(state) { // "", "playing" or "paused"
    each("button[data-read]", function (b) { pressed(b, state !== ""); });
    each("button[data-read-pause]", function (b) {
      b.hidden = state === "";
      pressed(b, state === "paused");
      b.textContent = state === "paused" ? "继续" : "暂停";
    });
    each("button[data-read-stop]", function (b) { b.hidden = state === ""; });
  }

  function next(r) {
    if (reading !== r) { return; }
    while (r.j >= r.sentences.length) {
      r.i++;
      if (r.i >= r.blocks.length) { stop(); return; }
      r.sentences = sentences(r.blocks[r.i].textContent);
      r.j = 0;
    }
    var s = r.sentences[r.j++];
    var u = new window.SpeechSynthesisUtterance(s.text.trim());
    u.lang = "zh-CN";
    u.voice = r.voice;
    u.onend = function () { next(r); };
    u.onerror = function () { if (reading === r) { stop(); } };
    mark(r.blocks[r.i], s);
    synth.speak(u);
  }

  function start() {
    var v = voice(), bs = blocks();
    if (!v || !bs.length) { return; }
    stop();
    reading = { blocks: bs, i: 0, sentences: sentences(bs[0].textContent), j: 0, voice: v };
    controls("playing");
    next(reading);
  }

  function stop() {
    var was = reading;
    reading = null; // before cancel: the utterance's end event must not go on
    if (was && synth) { synth.cancel(); }
    unmark();
    controls("");
  }

  function pause() {
    if (!reading) { return; }
    if (synth.paused) { synth.resume(); controls("playing"); } else { synth.pause(); controls("paused"); }
  }

  // offerReading shows 朗读 once the browser lists a Chinese voice.
  function offerReading() {
    var ok = !!voice() && !!document.getElementById("main");
    each("button[data-read]", function (b) { b.hidden = !ok; });
  }

  function ready() {
    setElder(store.get());
    each(".care", function (c) { c.hidden = false; });
    offerReading();
    if (synth && synth.addEventListener) { synth.addEventListener("voiceschanged", offerReading); }
    document.addEventListener("click", function (ev) {
      var b = ev.target.closest ? ev.target.closest("button") : null;
      if (!b) { return; }
      if (b.hasAttribute("data-elder")) {
        var on = !doc.classList.contains("elder");
        store.set(on);
        setElder(on);
      } else if (b.hasAttribute("data-read")) {
        if (reading) { stop(); } else { start(); }
      } else if (b.hasAttribute("data-read-pause")) {
        pause();
      } else if (b.hasAttribute("data-read-stop")) {
        stop();
      }
    });
    window.addEventListener("pagehide", stop);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
