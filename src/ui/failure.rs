//! When the widget's code fails — a bug, or a script of the host page changing the widget's own
//! elements under it — the WebAssembly module stops for good. Rather than leave a form that looks
//! alive but neither reacts nor saves, the change still waiting is saved, the form is greyed out,
//! and the clerk is told what was kept and to reload.

use std::panic::PanicHookInfo;

use wasm_bindgen::JsCast;

use super::HOST_ID;
use super::autosave::save_waiting;
use super::files::SaveStatus;

/// What the clerk reads above the stopped form.
fn message(saved: Option<SaveStatus>) -> String {
    let kept = match saved {
        Some(SaveStatus::Failed(reason)) => format!("最近的修改未能保存（{reason}）。"),
        _ => "出错之前填写的内容已保存在本浏览器中。".to_string(),
    };
    format!("编制助手出错，已停止工作。{kept}请刷新页面后继续填写。")
}

/// The panic hook of the widget: for the webmaster, the panic in the console; for the clerk,
/// the waiting change saved and the failure said in the widget, once.
pub fn on_failure(info: &PanicHookInfo) {
    console_error_panic_hook::hook(info);
    let saved = save_waiting();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(shadow) = document.get_element_by_id(HOST_ID).and_then(|host| host.shadow_root()) else { return };
    let (Ok(None), Ok(Some(root))) = (shadow.query_selector(".xx-failed"), shadow.query_selector(".xx-root")) else {
        return;
    };
    root.set_class_name(&format!("{} xx-stopped", root.class_name()));
    // Older engines ignore `inert`; the style sheet stops the pointer there.
    let _ = root.set_attribute("inert", "");
    let Ok(said) = document.create_element("p") else { return };
    said.set_class_name("xx-failed");
    let _ = said.set_attribute("role", "alert");
    let _ = said.set_attribute("data-testid", "widget-failed");
    said.set_text_content(Some(&message(saved)));
    let _ = shadow.insert_before(&said, Some(root.unchecked_ref()));
}
