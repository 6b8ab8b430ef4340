// Progressive enhancement only: every page is complete without this file,
// and it runs under Content-Security-Policy: default-src 'self'.
//
// It is loaded in <head> without defer, on purpose: the first lines set the
// "js" class and the reader's 字号 before the body is laid out, so that
// nothing moves when the page appears. The rest waits for the document.
(function () {
  "use strict";
  var doc = document.documentElement;
  var key = "reportsite-fs";
  var store = {
    get: function (k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { window.localStorage.setItem(k, v); } catch (e) { /* storage off */ } }
  };
  var sizes = { s: 1, m: 1, l: 1 };

  function setSize(fs) {
    if (!sizes[fs]) { fs = "m"; }
    if (fs === "m") { doc.removeAttribute("data-fs"); } else { doc.setAttribute("data-fs", fs); }
    var btns = document.querySelectorAll("button[data-fs]");
    for (var i = 0; i < btns.length; i++) {
      btns[i].setAttribute("aria-pressed", btns[i].getAttribute("data-fs") === fs ? "true" : "false");
    }
  }
  doc.className += " js";
  setSize(store.get(key));

  // wide reports whether the outline sits beside the text (site.css uses the
  // same width).
  var wide = window.matchMedia ? window.matchMedia("(min-width: 64em)") : null;

  function outline() {
    var box = document.querySelector(".outline-box");
    if (!box || !wide) { return; }
    var nav = box.parentNode;
    var summary = box.querySelector("summary");
    var sync = function () {
      box.open = wide.matches;
      if (wide.matches) { summary.setAttribute("tabindex", "-1"); } else { summary.removeAttribute("tabindex"); }
    };
    sync();
    if (wide.addEventListener) { wide.addEventListener("change", sync); }
    // Beside the text the outline stays open: its title is not a toggle.
    summary.addEventListener("click", function (ev) { if (wide.matches) { ev.preventDefault(); } });
    // On a phone, following a link of the open outline closes it, and so
    // do Escape (giving the focus back to its bar) and going back or
    // forward in the page's history.
    box.addEventListener("click", function (ev) {
      if (!wide.matches && ev.target.closest && ev.target.closest("a")) { box.open = false; }
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && box.open && !wide.matches) {
        box.open = false;
        summary.focus();
      }
    });
    window.addEventListener("hashchange", function () { if (!wide.matches) { box.open = false; } });
    window.addEventListener("pageshow", function () { if (!wide.matches) { box.open = false; } });
    // Beside the text, show the current page's entry of a long outline; on
    // the full-text page the entry of the part being read is shown instead.
    var cur = box.querySelector('[aria-current="page"]');
    if (!follow(box, nav) && cur && wide.matches && nav.scrollHeight > nav.clientHeight) {
      nav.scrollTop = offset(cur, nav) - nav.clientHeight / 3;
    }
  }

  // offset is the distance of el from the top of the scrolled content of box.
  function offset(el, box) {
    return el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  }

  // follow keeps the bar's position text and the outline's marked entry on
  // the part of a long page that is being read (the full-text page, whose
  // outline links to its own parts). It reports whether the page has such
  // parts.
  function follow(box, nav) {
    var links = box.querySelectorAll('a[href^="#"]');
    var where = box.querySelector(".where");
    var items = [];
    for (var i = 0; i < links.length; i++) {
      var target = document.getElementById(decodeURIComponent(links[i].getAttribute("href").slice(1)));
      if (!target) { continue; }
      var text = links[i].textContent;
      var parent = links[i].parentNode.parentNode.parentNode;
      var up = parent && parent.tagName === "LI" ? parent.querySelector("a .label") : null;
      items.push({ link: links[i], target: target, text: (up ? up.textContent : "") + text });
    }
    if (!items.length) { return false; }
    var initial = where ? where.textContent : "";
    var current = null;
    var queued = false;
    function update() {
      queued = false;
      var line = window.innerHeight / 4;
      var found = null;
      for (var i = 0; i < items.length; i++) {
        if (items[i].target.getBoundingClientRect().top > line) { break; }
        found = items[i];
      }
      if (found === current) { return; }
      if (current) { current.link.removeAttribute("aria-current"); }
      current = found;
      if (where) { where.textContent = found ? found.text : initial; }
      if (!found) { return; }
      found.link.setAttribute("aria-current", "location");
      if (wide.matches && nav.scrollHeight > nav.clientHeight) {
        var top = offset(found.link, nav);
        if (top < nav.scrollTop || top > nav.scrollTop + nav.clientHeight - 40) {
          nav.scrollTop = top - nav.clientHeight / 3;
        }
      }
    }
    window.addEventListener("scroll", function () {
      if (!queued) { queued = true; window.requestAnimationFrame(update); }
    }, { passive: true });
    update();
    return true;
  }

  // searchBox loads search.js the first time the reader focuses or touches
  // the search box: a reader who never searches downloads nothing for it.
  // A link with ?q=… (a shared search) opens the box with the query and
  // its results at once. On a phone the header's 搜索 button opens and
  // closes the box.
  function searchBox() {
    var form = document.querySelector("form.search[data-script]");
    if (!form) { return; }
    var input = form.querySelector("input");
    var header = form.closest(".site-header");
    var toggle = document.querySelector(".search-toggle");
    var loaded = false;
    var load = function () {
      if (loaded) { return; }
      loaded = true;
      form.removeEventListener("focusin", load);
      form.removeEventListener("pointerdown", load);
      var s = document.createElement("script");
      s.src = form.getAttribute("data-script");
      document.head.appendChild(s);
    };
    form.addEventListener("focusin", load);
    form.addEventListener("pointerdown", load);
    function show(on) {
      if (!toggle || !header) { return; }
      header.classList.toggle("search-shown", on);
      toggle.setAttribute("aria-expanded", on ? "true" : "false");
    }
    if (toggle) {
      toggle.addEventListener("click", function () {
        var on = toggle.getAttribute("aria-expanded") !== "true";
        show(on);
        if (on) { input.focus(); }
      });
      form.addEventListener("keydown", function (ev) {
        if (ev.key === "Escape" && !form.classList.contains("search-open") && header.classList.contains("search-shown")) {
          show(false);
          toggle.focus();
        }
      });
    }
    var q = param("q");
    if (q) {
      input.value = q;
      show(true);
      load();
    }
  }

  // param returns the value of a parameter of the page's address, or "".
  function param(name) {
    var m = new RegExp("[?&]" + name + "=([^&#]*)").exec(location.search);
    if (!m) { return ""; }
    try { return decodeURIComponent(m[1].replace(/\+/g, " ")); } catch (e) { return ""; }
  }

  // highlight marks the words of ?hl=… (a search result followed here) in
  // the paragraph the result lands on, or in the text when it names none.
  // search.js asks for the same on a result of the page it is on.
  function highlight(query, id) {
    var words = query.split(" ").filter(function (w) { return w.length > 0; });
    if (!words.length) { return; }
    var old = document.querySelectorAll("mark.hl");
    for (var k = 0; k < old.length; k++) {
      var parent = old[k].parentNode;
      parent.replaceChild(document.createTextNode(old[k].textContent), old[k]);
      parent.normalize();
    }
    var scope = (id && document.getElementById(id)) || document.querySelector("main");
    if (!scope) { return; }
    var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, null);
    var nodes = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push(n); }
    var lower = words.map(function (w) { return w.toLowerCase(); });
    nodes.forEach(function (node) {
      var text = node.nodeValue, low = text.toLowerCase(), marks = [];
      lower.forEach(function (w) {
        for (var i = low.indexOf(w); i >= 0; i = low.indexOf(w, i + w.length)) { marks.push([i, i + w.length]); }
      });
      if (!marks.length) { return; }
      marks.sort(function (a, b) { return a[0] - b[0]; });
      var frag = document.createDocumentFragment(), pos = 0;
      marks.forEach(function (m) {
        if (m[0] < pos) { return; }
        frag.appendChild(document.createTextNode(text.slice(pos, m[0])));
        var mark = document.createElement("mark");
        mark.className = "hl";
        mark.textContent = text.slice(m[0], m[1]);
        frag.appendChild(mark);
        pos = m[1];
      });
      frag.appendChild(document.createTextNode(text.slice(pos)));
      node.parentNode.replaceChild(frag, node);
    });
  }

  // filter narrows the data page's indicators to those whose row holds
  // what the reader types; a section with none left is hidden. Without
  // script the field stays hidden and the page is a plain list.
  function filter() {
    var box = document.querySelector(".ind-filter");
    if (!box) { return; }
    box.hidden = false;
    var input = box.querySelector("input"), count = box.querySelector(".ind-count");
    var groups = document.querySelectorAll(".ind-group");
    var run = function () {
      var q = input.value.replace(/\s+/g, "").toLowerCase(), shown = 0, all = 0;
      for (var i = 0; i < groups.length; i++) {
        var rows = groups[i].querySelectorAll("tbody tr"), left = 0;
        for (var j = 0; j < rows.length; j++) {
          var hit = !q || rows[j].textContent.replace(/\s+/g, "").toLowerCase().indexOf(q) >= 0 ||
            groups[i].querySelector("h3").textContent.toLowerCase().indexOf(q) >= 0;
          rows[j].hidden = !hit;
          if (hit) { left++; }
          all++;
        }
        groups[i].hidden = left === 0;
        shown += left;
      }
      count.textContent = q ? "显示 " + shown + " 项，共 " + all + " 项。" : "";
    };
    input.addEventListener("input", run);
    if (input.value) { run(); }
  }

  function ready() {
    setSize(store.get(key));
    var tools = document.querySelectorAll(".tools");
    for (var i = 0; i < tools.length; i++) { tools[i].hidden = false; }
    document.addEventListener("click", function (ev) {
      var t = ev.target.closest ? ev.target.closest("button") : null;
      if (!t) { return; }
      if (t.hasAttribute("data-fs")) {
        var fs = t.getAttribute("data-fs");
        store.set(key, fs);
        setSize(fs);
      } else if (t.hasAttribute("data-print")) {
        window.print();
      }
    });
    outline();
    filter();
    searchBox();
    highlight(param("hl"), decodeURIComponent(location.hash.slice(1)));
    document.addEventListener("searchhighlight", function (ev) { highlight(ev.detail.words, ev.detail.id); });
    // The printed page's address, where the build knew no base URL.
    var url = document.querySelector(".print-url");
    if (url && !url.textContent) { url.textContent = location.href.split("#")[0].split("?")[0]; }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
