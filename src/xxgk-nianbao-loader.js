/*! 政府信息公开工作年度报告 编制助手 — loader */
/* The loader a portal page template includes. Put <div id="xxgk-nianbao"></div> and
 * <script src=".../xxgk-nianbao-loader.js"></script> in the page; the widget's other files are
 * found beside this one, wherever they were uploaded.
 *
 * The review desk's page (review.html) starts with this same loader, built as
 * xxgk-nianbao-review-loader.js with its own APP and NAME (Trunk.toml's post-build hook).
 *
 * Written in ES3 on purpose, without reserved words as property names (`.catch`): it must parse
 * in every engine a government PC may run (IE in the IE 7 and 8 document modes old portal
 * templates ask for, 360's 兼容模式, old 信创 browsers) so that, where the widget cannot run, the
 * clerk reads why and what to do instead of a loading text that never ends. */
(function () {
  /** The app this loader starts: its mount point's id, and the name of its glue and module. */
  var APP = "xxgk-nianbao";
  /** What the clerk knows it by. */
  var NAME = "编制助手";
  var HOST_ID = APP;
  /** The page's note that the app has been started: a promise of "" once it runs, or of the
   * word said where it could not start. */
  var STARTED = APP + ":started";
  var GLUE = APP + ".js";
  var WASM = APP + "_bg.wasm";
  var TOO_OLD = "当前浏览器内核版本过低，无法运行" + NAME + "。请切换到“极速模式”（360、QQ 等浏览器地址栏右侧的闪电图标），" +
    "或使用新版 Chrome、Edge、Firefox 浏览器打开本页。";
  var FORBIDDEN = "本页的安全策略（Content-Security-Policy）不允许运行 WebAssembly，" + NAME + "无法启动。请联系网站管理员：" +
    "在本页 CSP 的 script-src 中加入 'wasm-unsafe-eval'，Chromium 96 及以下内核的浏览器还需要 'unsafe-eval'。";
  var MISMATCHED = NAME + "的程序文件版本不一致（多半是网站更新后，浏览器还留着旧文件），请按 Ctrl+F5 强制刷新本页；" +
    "如仍不行，请联系网站管理员检查 " + GLUE + " 和 " + WASM + " 是否来自同一次更新。";
  var base = directoryOf(ownAddress());
  var host;

  // The loader's address: the widget's other files are beside it. A page script that puts the
  // loader in by eval (jQuery's .html() and .load() run a block's scripts so) leaves no current
  // script, so its element is also looked for by the file's name.
  function ownAddress() {
    var current = document.currentScript;
    if (current && current.src) return current.src;
    var scripts = document.getElementsByTagName("script");
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (scripts[i].src.split(/[?#]/)[0].slice(-(APP.length + 10)) === APP + "-loader.js") return scripts[i].src;
    }
    return "";
  }
  // The directory of an address, without a query (`?v=20251201`, which may hold a slash).
  function directoryOf(address) {
    return address ? address.split(/[?#]/)[0].replace(/[^\/]*$/, "") : "./";
  }

  function say(text) {
    // Not textContent, which IE 8 document modes lack.
    host.innerHTML = "";
    host.appendChild(document.createTextNode(text));
    host.setAttribute("role", "alert");
  }
  // Whether the page forbids compiling WebAssembly at all (its Content-Security-Policy lacks
  // 'wasm-unsafe-eval' / 'unsafe-eval'): then even the smallest module fails, while an engine that
  // is merely too old compiles it.
  function wasmForbidden() {
    try {
      new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
      return false;
    } catch (error) {
      return true;
    }
  }
  function cannotDownload(file, detail) {
    return "无法下载" + NAME + "的程序文件 " + file + (detail ? "（" + detail + "）" : "") +
      "，请联系网站管理员检查文件是否已上传到 " + base + "。";
  }

  function start() {
    host = document.getElementById(HOST_ID);
    if (!host) {
      if (window.console) console.error("xxgk-nianbao: 页面中没有 <div id=\"" + HOST_ID + "\">，" + NAME + "未加载");
      return;
    }
    // What the widget needs of the engine before anything is downloaded: WebAssembly, promises,
    // fetch and Shadow DOM. Below Chromium 86 the module itself will not compile (caught below).
    if (typeof WebAssembly !== "object" || typeof Promise !== "function" || typeof fetch !== "function" ||
        !document.head || typeof document.head.attachShadow !== "function") {
      say(TOO_OLD);
      return;
    }

    // A page that puts the widget's block in anew (a tab or a navigation that reloads it) runs
    // the loader again: the widget already running mounts itself into the new mount point.
    var running = window[STARTED];
    if (running) {
      running.then(function (word) {
        if (word) say(word);
        else wasm_bindgen.mount();
      });
      return;
    }
    var settle;
    window[STARTED] = new Promise(function (resolve) { settle = resolve; });
    function fail(word) {
      say(word);
      settle(word);
    }

    var wasm = fetch(base + WASM).then(function (response) {
      if (!response.ok) throw { download: "HTTP " + response.status };
      return response;
    }, function () {
      throw { download: "网络错误" };
    });
    wasm.then(null, function () {}); // handled where it is awaited

    var glue = document.createElement("script");
    glue.src = base + GLUE;
    glue.onerror = function () { fail(cannotDownload(GLUE)); };
    glue.onload = function () {
      // A classic script that this engine could not parse defines nothing.
      if (typeof wasm_bindgen !== "function") {
        fail(TOO_OLD);
        return;
      }
      wasm_bindgen({ module_or_path: wasm }).then(function () { settle(""); }, function (error) {
        if (error && error.download) {
          fail(cannotDownload(WASM, error.download));
        } else if (error instanceof WebAssembly.LinkError) {
          // The module wants what this glue does not give: the two files come from different
          // versions, one of them kept by the browser's cache from before an update.
          fail(MISMATCHED);
        } else if (error instanceof WebAssembly.CompileError) {
          fail(wasmForbidden() ? FORBIDDEN : TOO_OLD);
        } else {
          fail(NAME + "加载失败（" + error + "），请刷新页面重试；如仍失败，请联系网站管理员。");
        }
      });
    };
    document.head.appendChild(glue);
  }

  // The mount point may come after the loader: later in the page (a template that loads its
  // scripts in <head>), or put in by a script of the page (an article body drawn from the site's
  // data). The loader starts as soon as it is there; ten seconds after the page has loaded without
  // it, it says in the console that it is missing.
  function afterLoad(then) {
    if (document.readyState === "complete") then();
    else if (window.addEventListener) window.addEventListener("load", then, false);
    else window.attachEvent("onload", then);
  }
  if (document.getElementById(HOST_ID)) {
    start();
  } else if (typeof MutationObserver === "function") {
    var waiting = true;
    var observer = new MutationObserver(function () {
      if (document.getElementById(HOST_ID)) startOnce();
    });
    var startOnce = function () {
      if (!waiting) return;
      waiting = false;
      observer.disconnect();
      start();
    };
    observer.observe(document.documentElement, { childList: true, subtree: true });
    afterLoad(function () { setTimeout(startOnce, 10000); });
  } else {
    // Engines without MutationObserver (IE 10 and older) cannot run the widget: the word that says
    // so goes into a mount point that is in the page once it has loaded.
    afterLoad(start);
  }
})();
