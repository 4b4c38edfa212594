//! The few browser services the widget needs — clipboard, file download, focus — behind plain
//! functions, so components never touch `JsValue`.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::report::base::file_kind::{FileKind, HEAD_BYTES};
use web_sys::{
    Blob, BlobPropertyBag, ClipboardEvent, ClipboardItem, Element, HtmlAnchorElement, HtmlDocument, HtmlElement,
    HtmlIFrameElement, HtmlScriptElement, HtmlTextAreaElement, Response, ScrollIntoViewOptions, ScrollLogicalPosition,
    TextDecoder, Url,
};

/// The widget's JS glue, whose address is where the webmaster uploaded the widget's files.
const GLUE_SCRIPT: &str = "script[src$=\"xxgk-nianbao.js\"]";

/// The address of a file shipped beside the widget's own files, wherever they were uploaded.
pub fn beside(name: &str) -> Result<String, JsValue> {
    beside_script(GLUE_SCRIPT, name)
}

/// The address of a file shipped beside the script `selector` finds (a page's JS glue), or beside
/// the page itself when there is none.
pub fn beside_script(selector: &str, name: &str) -> Result<String, JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
    let glue = document.query_selector(selector)?.and_then(|s| s.dyn_into::<HtmlScriptElement>().ok());
    let base = match glue {
        Some(script) => script.src(),
        None => document.url()?,
    };
    Ok(Url::new_with_base(name, &base)?.href())
}

/// The page's site (scheme, host and port). Drafts belong to it: the same page opened under
/// another address (http and https, with and without `www.`) has drafts of its own.
pub fn site() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// Whether a full address (as `beside` gives) is of the page's own site, where a worker may
/// start from it.
pub fn of_this_site(address: &str) -> bool {
    address.strip_prefix(&site()).is_some_and(|path| path.starts_with('/'))
}

/// A script of the page's own (an object URL) that runs `source`.
pub fn script_url(source: &str) -> Result<String, JsValue> {
    Url::create_object_url_with_blob(&blob(source, "text/javascript")?)
}

/// The text of a file shipped beside the widget's own files.
pub async fn fetch_beside(name: &str) -> Result<String, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let response: Response = JsFuture::from(window.fetch_with_str(&beside(name)?)).await?.dyn_into()?;
    if !response.ok() {
        return Err(JsValue::NULL);
    }
    JsFuture::from(response.text()?).await?.as_string().ok_or(JsValue::NULL)
}

fn blob(content: &str, mime: &str) -> Result<Blob, JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(content)), &options)
}

/// The asynchronous Clipboard API, when the page may use it: it is missing on plain-http pages
/// and in older browsers, where calling it would throw.
fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    (!clipboard.is_undefined() && !clipboard.is_null()).then(|| clipboard.unchecked_into())
}

/// Puts `html` (for the editor's visual view) and `plain` (for its source view) on the clipboard.
pub async fn copy_rich(html: &str, plain: &str) -> Result<(), JsValue> {
    let clipboard = clipboard().ok_or(JsValue::NULL)?;
    let record = Object::new();
    let html_blob = blob(html, "text/html")?;
    let plain_blob = blob(plain, "text/plain")?;
    Reflect::set(&record, &"text/html".into(), &html_blob)?;
    Reflect::set(&record, &"text/plain".into(), &plain_blob)?;
    let item = ClipboardItem::new_with_record_from_str_to_blob_promise(&record)?;
    JsFuture::from(clipboard.write(&Array::of1(&item))).await.map(|_| ())
}

pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let clipboard = clipboard().ok_or(JsValue::NULL)?;
    JsFuture::from(clipboard.write_text(text)).await.map(|_| ())
}

/// The older way, which also works on plain http: a one-shot `copy` listener fills the clipboard
/// while `execCommand("copy")` runs. True when the browser says it copied.
pub fn copy_with_command(html: Option<&str>, plain: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let (html, plain) = (html.map(str::to_string), plain.to_string());
    let listener = Closure::<dyn Fn(ClipboardEvent)>::new(move |event: ClipboardEvent| {
        if let Some(data) = event.clipboard_data() {
            if let Some(html) = &html {
                let _ = data.set_data("text/html", html);
            }
            let _ = data.set_data("text/plain", &plain);
            event.prevent_default();
        }
    });
    let callback = listener.as_ref().unchecked_ref();
    if document.add_event_listener_with_callback("copy", callback).is_err() {
        return false;
    }
    let copied = document.unchecked_ref::<HtmlDocument>().exec_command("copy").unwrap_or(false);
    let _ = document.remove_event_listener_with_callback("copy", callback);
    copied
}

/// Selects the whole text of a text area, the last resort for copying by hand.
pub fn select_all(area: &HtmlTextAreaElement) {
    let _ = area.focus();
    area.select();
}

/// The bytes of a file the clerk chose or dropped.
pub async fn read_bytes(file: &web_sys::File) -> Result<js_sys::Uint8Array, JsValue> {
    Ok(js_sys::Uint8Array::new(&JsFuture::from(file.array_buffer()).await?))
}

/// The kind of a file the clerk chose, by its name and first bytes.
pub fn file_kind(name: &str, bytes: &js_sys::Uint8Array) -> FileKind {
    let head = bytes.subarray(0, bytes.length().min(HEAD_BYTES as u32)).to_vec();
    FileKind::of(name, &head)
}

/// Bytes as UTF-8 text (a report file of this tool is UTF-8; a byte-order mark is dropped).
pub fn utf8(bytes: &js_sys::Uint8Array) -> Result<String, JsValue> {
    TextDecoder::new()?.decode_with_buffer_source(bytes)
}

/// Offers `content` as a file download.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    offer(file_name, &blob(content, mime)?)
}

/// Offers bytes (a Word file) as a download.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &js_sys::Uint8Array) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    offer(file_name, &Blob::new_with_u8_array_sequence_and_options(&Array::of1(bytes), &options)?)
}

fn offer(file_name: &str, blob: &Blob) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
    let url = Url::create_object_url_with_blob(blob)?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoke later: revoking at once can cancel the download in some browsers.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// Prints a document alone — not the form, not the host page — from an unseen frame in `host`,
/// which replaces the frame of an earlier print. The browser's print dialog offers 另存为 PDF.
pub fn print_document(host: &Element, html: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
    if let Some(old) = host.query_selector("iframe[data-testid=\"print-frame\"]")? {
        old.remove();
    }
    let frame: HtmlIFrameElement = document.create_element("iframe")?.unchecked_into();
    frame.set_attribute("data-testid", "print-frame")?;
    frame.set_attribute("title", "打印")?;
    frame.set_attribute("style", "position:fixed;right:0;bottom:0;width:0;height:0;border:0")?;
    frame.set_srcdoc(html);
    let printed = frame.clone();
    let onload = Closure::once_into_js(move || {
        if let Some(window) = printed.content_window() {
            let _ = window.print();
        }
    });
    frame.set_onload(Some(onload.unchecked_ref()));
    host.append_child(&frame)?;
    Ok(())
}

/// Brings the field with `key` into view and focuses it, unless the clerk is in it already.
pub fn reveal_field(root: &Element, key: &str) {
    let shadow = root.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok();
    let active = shadow.and_then(|s| s.active_element()).and_then(|e| e.get_attribute("data-key"));
    if active.as_deref() != Some(key) {
        focus_field(root, key);
    }
}

/// Scrolls the first element matching `selector` inside the widget just into view, if it is not.
pub fn bring_into_view(root: &Element, selector: &str) {
    let Ok(Some(target)) = root.query_selector(selector) else { return };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Nearest);
    target.scroll_into_view_with_scroll_into_view_options(&options);
}

/// What stops, when its component goes, what the component started on its first drawing.
pub type Stop = Box<dyn FnOnce()>;

/// Runs `start` once the component is first drawn, and what it returns when the component goes:
/// listeners and observers that live as long as the widget. Every such effect goes through this
/// one boxed type, because each distinct effect closure links its own copy of Yew's effect code.
#[yew::hook]
pub fn use_on_first_draw(start: Box<dyn FnOnce() -> Stop>) {
    yew::use_effect_with((), move |_| start());
}

/// Focuses `node` once it is first drawn: a question's answer, a paste box opened by a click (so
/// that Ctrl+V right after pastes into it). The focus brings it into view.
#[yew::hook]
pub fn use_focus_when_drawn(node: yew::NodeRef) {
    use_on_first_draw(Box::new(move || {
        if let Some(element) = node.cast::<HtmlElement>() {
            let _ = element.focus();
        }
        Box::new(|| ())
    }));
}

/// Brings the field with `key` into view inside the widget and focuses it.
pub fn focus_field(root: &Element, key: &str) {
    let Ok(Some(target)) = root.query_selector(&format!("[data-key=\"{key}\"]")) else { return };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    target.scroll_into_view_with_scroll_into_view_options(&options);
    if let Some(element) = target.dyn_ref::<HtmlElement>() {
        let _ = element.focus();
    }
}
