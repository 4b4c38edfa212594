// Starts the widget's reader of PDF files: its JS glue and module, from beside this script.
importScripts("./xxgk-nianbao-pdf.js");
wasm_bindgen({ module_or_path: "./xxgk-nianbao-pdf_bg.wasm" });
