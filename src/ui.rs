//! The widget: thin Yew components over the core. They turn events into edits of the report and
//! draw what the core computes; no rule or label is decided here.

mod app;
mod autosave;
mod browser;
mod confirm;
mod failure;
mod files;
mod findings;
mod form;
mod intake;
mod jobs;
mod notice;
mod other_tabs;
mod publish;
mod seen;
mod selection;
mod shortcuts;
mod state;
mod storage;
mod tables;
mod texts;
mod width;

pub mod desk;

pub use app::{App, AppProps};

use std::cell::RefCell;

use std::thread::LocalKey;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

use yew::AppHandle;
use yew::html::BaseComponent;

/// The id of the host page's element the widget lives in, and nowhere else.
pub const HOST_ID: &str = "xxgk-nianbao";

/// style/base.css and style/widget.css, minified by style/build.rs.
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    /// The widget mounted, which mounting again ends first.
    static MOUNTED: RefCell<Option<AppHandle<App>>> = const { RefCell::new(None) };
}

/// Mounts the widget inside an open shadow root of `<div id="xxgk-nianbao">`, so the host page's
/// CSS cannot reach it and its own CSS cannot reach the host page. Without that element it does
/// nothing but say so in the console: it never falls back to the page body.
///
/// A page that puts the widget's block in anew (a tab or a navigation that reloads it) mounts it
/// again: the change still waiting is written and the widget mounted before is ended, then the
/// widget mounts into the mount point there is now, with the draft as stored.
pub fn mount() {
    yew::set_custom_panic_hook(Box::new(failure::on_failure));
    // Drawn the first time for the room it has, not redrawn (and laid out again) once measured.
    let props = |root: &Element| AppProps { room: width::visible_width(root) };
    mount_app(&MOUNTED, HOST_ID, "编制助手", STYLE, || drop(autosave::save_waiting()), props);
}

/// One of this crate's apps (the widget, the review desk) mounted inside an open shadow root of the
/// host page's `<div id=host_id>`, with its style sheet and the properties `props` gives for its
/// root there; the app `mounted` before is ended first, `ending` run just before. Without that
/// element it says so in the console (`name` is what the clerk knows the app by) and mounts nothing.
fn mount_app<C: BaseComponent>(
    mounted: &'static LocalKey<RefCell<Option<AppHandle<C>>>>,
    host_id: &str,
    name: &str,
    style_sheet: &str,
    ending: fn(),
    props: impl FnOnce(&Element) -> C::Properties,
) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(host) = document.get_element_by_id(host_id) else {
        web_sys::console::error_1(&format!("xxgk-nianbao: 页面中没有 <div id=\"{host_id}\">，{name}未加载").into());
        return;
    };
    if let Some(previous) = mounted.with(|mounted| mounted.borrow_mut().take()) {
        ending();
        previous.destroy();
    }
    let Some(root) = shadow_root_in(&document, &host, style_sheet) else { return };
    let props = props(&root);
    let app = yew::Renderer::<C>::with_root_and_props(root, props).render();
    mounted.with(|mounted| *mounted.borrow_mut() = Some(app));
}

/// A new root for a page's app inside an open shadow root of `host` (emptied first), with the app's
/// style sheet, so the host page's CSS cannot reach the app and the app's cannot reach the page.
fn shadow_root_in(document: &web_sys::Document, host: &Element, style_sheet: &str) -> Option<Element> {
    let shadow = match host.shadow_root() {
        Some(existing) => existing,
        None => match host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) {
            Ok(shadow) => shadow,
            Err(_) => {
                web_sys::console::error_1(&"xxgk-nianbao: 无法在挂载点上创建 Shadow DOM".into());
                return None;
            }
        },
    };
    shadow.set_inner_html("");
    let (style, root) = (document.create_element("style").ok()?, document.create_element("div").ok()?);
    style.set_text_content(Some(style_sheet));
    root.set_class_name("xx-root");
    (shadow.append_child(&style).is_ok() && shadow.append_child(&root).is_ok()).then_some(root)
}
