// Starts the review desk's worker: its JS glue and module, from beside this script.
importScripts("./xxgk-nianbao-review-worker.js");
wasm_bindgen({ module_or_path: "./xxgk-nianbao-review-worker_bg.wasm" });
