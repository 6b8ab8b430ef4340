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
    // On a phone, following a link of the open outline closes it.
    box.addEventListener("click", function (ev) {
      if (!wide.matches && ev.target.closest && ev.target.closest("a")) { box.open = false; }
    });
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
  function searchBox() {
    var form = document.querySelector("form.search[data-script]");
    if (!form) { return; }
    var load = function () {
      form.removeEventListener("focusin", load);
      form.removeEventListener("pointerdown", load);
      var s = document.createElement("script");
      s.src = form.getAttribute("data-script");
      document.head.appendChild(s);
    };
    form.addEventListener("focusin", load);
    form.addEventListener("pointerdown", load);
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
    searchBox();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
