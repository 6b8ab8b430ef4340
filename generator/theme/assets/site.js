// Progressive enhancement only: every page is complete without this file, and
// it runs under Content-Security-Policy: default-src 'self'.
(function () {
  "use strict";
  var doc = document.documentElement;
  var store = {
    get: function (k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { window.localStorage.setItem(k, v); } catch (e) { /* private mode */ } }
  };
  var sizes = { s: 1, m: 1, l: 1 };
  function setSize(fs) {
    if (!sizes[fs]) { fs = "m"; }
    if (fs === "m") { doc.removeAttribute("data-fs"); } else { doc.setAttribute("data-fs", fs); }
    var btns = document.querySelectorAll("[data-fs]");
    for (var i = 0; i < btns.length; i++) {
      btns[i].setAttribute("aria-pressed", btns[i].getAttribute("data-fs") === fs ? "true" : "false");
    }
  }
  setSize(store.get("reportsite-fs"));

  function ready() {
    setSize(store.get("reportsite-fs"));
    var tools = document.querySelectorAll(".tools");
    for (var i = 0; i < tools.length; i++) { tools[i].hidden = false; }
    document.addEventListener("click", function (ev) {
      var t = ev.target.closest ? ev.target.closest("button") : null;
      if (!t) { return; }
      if (t.hasAttribute("data-fs")) {
        var fs = t.getAttribute("data-fs");
        store.set("reportsite-fs", fs);
        setSize(fs);
      } else if (t.hasAttribute("data-print")) {
        window.print();
      }
    });

    // The outline is open beside the text on a wide screen, folded on a phone.
    var box = document.querySelector(".outline-box");
    var wide = window.matchMedia && window.matchMedia("(min-width: 64em)");
    if (box && wide) {
      var sync = function () { box.open = wide.matches; };
      sync();
      if (wide.addEventListener) { wide.addEventListener("change", sync); }
      var cur = box.querySelector('[aria-current="page"]');
      var nav = box.parentNode;
      if (cur && wide.matches && nav.scrollHeight > nav.clientHeight) {
        nav.scrollTop = cur.offsetTop - nav.clientHeight / 3;
      }
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
