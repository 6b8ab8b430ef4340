// Live reload for "generator serve". The server adds this script to HTML
// responses only; files on disk never contain it. See package serve.
(() => {
  "use strict";
  const me = document.currentScript;
  let build = me ? me.dataset.build : "";
  const key = "reportsite-scroll:" + location.pathname;

  // Put the page back where it was before a reload.
  const saved = sessionStorage.getItem(key);
  if (saved) {
    sessionStorage.removeItem(key);
    const [x, y] = JSON.parse(saved);
    const restore = () => window.scrollTo(x, y);
    restore();
    window.addEventListener("load", restore, { once: true });
  }

  function reload() {
    sessionStorage.setItem(key, JSON.stringify([window.scrollX, window.scrollY]));
    location.reload();
  }

  // Swap each stylesheet <link> for the one the page now has (its name
  // carries the content hash), keeping the old one until the new one loads.
  async function swapCSS() {
    let doc;
    try {
      const res = await fetch(location.href, { cache: "no-store" });
      if (!res.ok) return reload();
      doc = new DOMParser().parseFromString(await res.text(), "text/html");
    } catch (e) {
      return reload();
    }
    const sel = 'link[rel~="stylesheet"]';
    const olds = [...document.querySelectorAll(sel)];
    const news = [...doc.querySelectorAll(sel)];
    if (olds.length !== news.length) return reload();
    olds.forEach((old, i) => {
      const href = news[i].getAttribute("href");
      if (old.getAttribute("href") === href) return;
      const link = old.cloneNode();
      link.setAttribute("href", href);
      link.onload = link.onerror = () => old.remove();
      old.after(link);
    });
  }

  const overlayID = "reportsite-build-errors";
  function hideErrors() {
    const o = document.getElementById(overlayID);
    if (o) o.remove();
  }
  function el(tag, style, text) {
    const e = document.createElement(tag);
    Object.assign(e.style, style);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function showErrors(problems) {
    hideErrors();
    const box = el("div", {
      position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto",
      background: "rgba(24, 24, 27, 0.94)", color: "#f4f4f5", padding: "2rem",
      font: "16px/1.6 system-ui, sans-serif", textAlign: "left",
    });
    box.id = overlayID;
    box.setAttribute("role", "alert");
    const close = el("button", {
      float: "right", font: "inherit", fontSize: "1.5rem", lineHeight: "1",
      background: "none", color: "inherit", border: "0", cursor: "pointer",
    }, "×");
    close.title = "关闭（页面仍是上次成功生成的版本）";
    close.onclick = hideErrors;
    box.append(close);
    box.append(el("h2", { margin: "0 0 .25rem", fontSize: "1.25rem", color: "#fca5a5" }, "生成失败 Build failed"));
    box.append(el("p", { margin: "0 0 1.5rem", color: "#d4d4d8" },
      "改正下列文件并保存，页面会自动刷新。在此之前显示的是上次成功生成的版本。"));
    for (const p of problems) {
      const item = el("div", { margin: "0 0 1.25rem" });
      if (p.file) {
        item.append(el("div", { fontFamily: "ui-monospace, monospace", color: "#fde68a" },
          p.line ? p.file + ":" + p.line : p.file));
      }
      item.append(el("pre", {
        margin: ".25rem 0 0", whiteSpace: "pre-wrap", overflowWrap: "anywhere",
        font: "15px/1.5 ui-monospace, monospace",
      }, p.message));
      box.append(item);
    }
    document.body.append(box);
  }

  function connect() {
    const es = new EventSource("/_reload?build=" + encodeURIComponent(build));
    es.addEventListener("reload", reload);
    es.addEventListener("css", (e) => {
      build = JSON.parse(e.data).build;
      hideErrors();
      swapCSS();
    });
    // "error" is both our event (with data) and EventSource's own signal that
    // the connection failed (without): then reconnect, with the current build
    // so that a restarted server reloads the page.
    es.addEventListener("error", (e) => {
      if (typeof e.data === "string") {
        showErrors(JSON.parse(e.data).problems);
        return;
      }
      es.close();
      setTimeout(connect, 1000);
    });
  }
  connect();
})();
