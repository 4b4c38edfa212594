// Starts the widget's reader of Word files (.docx): its JS glue and module, from beside this script.
importScripts("./xxgk-nianbao-docx.js");
wasm_bindgen({ module_or_path: "./xxgk-nianbao-docx_bg.wasm" });
