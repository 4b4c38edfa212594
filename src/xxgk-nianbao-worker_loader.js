// Starts the widget's worker: its JS glue and module, from beside this script.
importScripts("./xxgk-nianbao-worker.js");
wasm_bindgen({ module_or_path: "./xxgk-nianbao-worker_bg.wasm" });
