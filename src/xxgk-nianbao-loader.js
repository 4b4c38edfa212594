/* 政府信息公开工作年度报告 编制助手 — loader for a portal page template.
 * Put <div id="xxgk-nianbao"></div> and <script src=".../xxgk-nianbao-loader.js"></script> in the
 * page; the widget's other files are found beside this one, wherever they were uploaded. */
(function () {
  var script = document.currentScript;
  var base = script && script.src ? script.src.replace(/[^/]*$/, "") : "./";
  function fail(error) {
    var host = document.getElementById("xxgk-nianbao");
    if (host) host.textContent = "编制助手加载失败，请使用新版 Chrome、Edge、Firefox 或 360 极速模式打开本页。（" + error + "）";
  }
  try {
    import(base + "xxgk-nianbao.js")
      .then(function (module) { return module.default({ module_or_path: base + "xxgk-nianbao_bg.wasm" }); })
      .catch(fail);
  } catch (error) {
    fail(error);
  }
})();
