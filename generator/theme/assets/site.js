// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  var wide = window.matchMedia && window.matchMedia("(min-width: 64em)");
  var box = document.querySelector(".outline-box");
  function sync() {
    if (box && wide) { box.open = wide.matches; }
  }
  sync();
  if (wide && wide.addEventListener) { wide.addEventListener("change", sync); }
  var cur = box && box.querySelector('[aria-current="page"]');
  if (cur && cur.scrollIntoView && wide && wide.matches) {
    var list = box.querySelector(".outline-parts");
    if (list) { list.scrollTop = cur.offsetTop - list.clientHeight / 3; }
  }
})();
