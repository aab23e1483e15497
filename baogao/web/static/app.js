/* baogao: small progressive enhancements. Pages work without this file except upload.
   Untrusted text is only ever set through textContent, never innerHTML. */
(function () {
  "use strict";

  /* Reader: scroll to #pos-N (any offset, not only paragraph starts) or to the cited span. */
  function blockAt(offset) {
    var best = null;
    document.querySelectorAll(".doc-text [data-start]").forEach(function (el) {
      if (Number(el.dataset.start) <= offset) { best = el; }
    });
    return best;
  }

  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }

  function goToHash() {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (!hash) { return; }
    var target = document.getElementById(hash);
    var m = /^pos-(\d+)$/.exec(hash);
    if (!target && m) {
      target = blockAt(Number(m[1]));
    }
    if (target) {
      target.scrollIntoView({ block: "center" });
      if (m) { target.classList.add("at"); }
      if (target.matches("mark, .term-def, .cited")) { flash(target); }
    }
  }

  function initReader() {
    var text = document.querySelector(".doc-text");
    if (!text) { return; }
    /* On a phone the outline and side panels start folded, so the text comes first. */
    if (window.matchMedia("(max-width: 760px)").matches) {
      document.querySelectorAll(".outline details, .side details").forEach(function (d) {
        d.open = false;
      });
    }
    window.addEventListener("hashchange", goToHash);
    if (location.hash) {
      goToHash();
    } else if (document.getElementById("cited")) {
      document.getElementById("cited").scrollIntoView({ block: "center" });
    }
    document.querySelectorAll("[data-goto-fact]").forEach(function (a) {
      a.addEventListener("click", function () {
        var mark = document.getElementById("fact-" + a.dataset.gotoFact);
        if (mark) { setTimeout(function () { flash(mark); }, 50); }
      });
    });
    /* Mark the outline entry of the section being read. */
    var links = {};
    document.querySelectorAll(".outline a[href^='#sec-']").forEach(function (a) {
      links[a.getAttribute("href").slice(1)] = a;
    });
    if ("IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting && links[entry.target.id]) {
            Object.keys(links).forEach(function (k) { links[k].classList.remove("current"); });
            links[entry.target.id].classList.add("current");
          }
        });
      }, { rootMargin: "-60px 0px -70% 0px" });
      text.querySelectorAll("[id^='sec-']").forEach(function (h) { observer.observe(h); });
    }
  }

  /* Upload: send the files with the token as a bearer header. */
  function line(cls, text) {
    var p = document.createElement("p");
    p.className = cls;
    p.textContent = text;
    return p;
  }

  function initUpload() {
    var form = document.getElementById("upload-form");
    if (!form) { return; }
    var out = document.getElementById("upload-result");
    var tokenInput = form.querySelector("[name=token]");
    try { tokenInput.value = sessionStorage.getItem("baogao-token") || ""; } catch (e) { /* private mode */ }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var data = new FormData();
      Array.prototype.forEach.call(form.querySelector("[name=file]").files, function (f) {
        data.append("file", f, f.name);
      });
      var token = tokenInput.value.trim();
      try { sessionStorage.setItem("baogao-token", token); } catch (e) { /* ignore */ }
      out.textContent = "";
      out.appendChild(line("dim", "上传中…"));
      var button = form.querySelector("button");
      button.disabled = true;
      fetch(form.action, {
        method: "POST",
        body: data,
        headers: token ? { "Authorization": "Bearer " + token } : {}
      }).then(function (resp) {
        return resp.json().then(function (body) { return { ok: resp.ok, body: body }; });
      }).then(function (res) {
        out.textContent = "";
        var b = res.body;
        if (!res.ok) {
          out.appendChild(line("err", "失败：" + (b.error || "未知错误")));
          return;
        }
        out.appendChild(line("ok", "已解析 " + b.documents + " 份报告（新增 " + b.added +
          "，已存在 " + b.unchanged + "），指标 " + b.facts + " 条，名词 " + b.terms + " 条。"));
        var ul = document.createElement("ul");
        (b.ids || []).forEach(function (id) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = "/documents/" + encodeURIComponent(id);
          a.textContent = "打开报告 " + id;
          li.appendChild(a);
          ul.appendChild(li);
        });
        out.appendChild(ul);
        (b.errors || []).forEach(function (e) { out.appendChild(line("err", e)); });
      }).catch(function (err) {
        out.textContent = "";
        out.appendChild(line("err", "网络错误：" + err));
      }).then(function () { button.disabled = false; });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initReader();
    initUpload();
  });
  /* "Cite this": copy the citation text (the textarea beside the button works without JS). */
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.copy") : null;
    if (!button) { return; }
    var text = button.getAttribute("data-copy") || "";
    var done = function () { button.textContent = "已复制"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () {});
    } else {
      var area = button.parentNode.querySelector("textarea");
      if (area) { area.select(); try { document.execCommand("copy"); done(); } catch (e) { /* keep */ } }
    }
  });
  /* Charts: "下载 PNG" draws the SVG into a canvas (same origin, no library) and saves it. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.png-download") : null;
    if (!link) { return; }
    event.preventDefault();
    var img = new Image();
    img.onload = function () {
      var scale = 2;
      var canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth * scale;
      canvas.height = img.naturalHeight * scale;
      var ctx = canvas.getContext("2d");
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(function (blob) {
        var a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = link.getAttribute("data-name") || "chart.png";
        document.body.appendChild(a);
        a.click();
        a.remove();
      }, "image/png");
    };
    img.src = link.getAttribute("data-svg");
  });
  /* API page: "试一试" sends the request from this page and shows the answer as text. */
  document.querySelectorAll("form.try").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var path = form.getAttribute("data-path");
      var query = new URLSearchParams();
      form.querySelectorAll("[name]").forEach(function (field) {
        if (!field.value) { return; }
        if (field.getAttribute("data-in") === "path") {
          path = path.replace("{" + field.name + "}", encodeURIComponent(field.value));
        } else {
          query.append(field.name, field.value);
        }
      });
      var url = path + (query.toString() ? "?" + query.toString() : "");
      var out = form.nextElementSibling;
      out.hidden = false;
      out.querySelector(".try-url").textContent = "GET " + url + " …";
      fetch(url, { headers: { "Accept": "application/json" } }).then(function (response) {
        return response.text().then(function (body) {
          var shown = body;
          try { shown = JSON.stringify(JSON.parse(body), null, 2); } catch (e) { /* not JSON */ }
          if (shown.length > 20000) { shown = shown.slice(0, 20000) + "\n…（已截断）"; }
          out.querySelector(".try-url").textContent = "GET " + url + " → " + response.status;
          out.querySelector(".try-result").textContent = shown;
        });
      }, function (error) {
        out.querySelector(".try-result").textContent = String(error);
      });
    });
  });
})();
