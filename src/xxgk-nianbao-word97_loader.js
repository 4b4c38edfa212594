// Starts the widget's reader of Word 97–2003 files: its JS glue and module, from beside this script.
importScripts("./xxgk-nianbao-word97.js");
wasm_bindgen({ module_or_path: "./xxgk-nianbao-word97_bg.wasm" });
