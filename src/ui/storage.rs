//! Drafts in the browser's localStorage, one entry per draft, so a reload, a closed tab or a crash
//! loses nothing. Every call reports failure (storage disabled, private mode, quota full) instead
//! of throwing, and the widget keeps working in memory.

use web_sys::Storage;

use crate::report::edit::editor::{Draft, Editor};
use crate::report::publish::portal::PortalEditor;

const DRAFT_PREFIX: &str = "xxgk-nianbao/draft/";
const CURRENT_KEY: &str = "xxgk-nianbao/current";
/// The undo history of a draft, in the tab's session storage: it survives a reload, not the tab.
const HISTORY_PREFIX: &str = "xxgk-nianbao/history/";
/// The portal's article editor the clerk named, kept with the drafts for every report.
const PORTAL_EDITOR_KEY: &str = "xxgk-nianbao/portal-editor";

/// A saved draft as the draft list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedDraft {
    pub id: String,
    pub label: String,
    pub saved_at_ms: u64,
}

fn storage() -> Result<Storage, String> {
    let window = web_sys::window().ok_or("没有浏览器窗口")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err("浏览器禁止了本地存储（可能处于隐私模式，或关闭了网站数据）".into()),
    }
}

/// A new draft id, unique in this browser: the time, and a count for ids made in the same
/// millisecond (an import right after a new draft).
pub fn new_id() -> String {
    thread_local!(static MADE: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    let n = MADE.with(|made| made.replace(made.get() + 1));
    format!("{}-{n}", js_sys::Date::now() as u64)
}

/// Saves the draft; the time it was saved, or why it could not be.
pub fn save(draft: &Draft) -> Result<u64, String> {
    let storage = storage()?;
    let now = js_sys::Date::now() as u64;
    storage
        .set_item(&format!("{DRAFT_PREFIX}{}", draft.id), &draft.to_storage(now))
        .and_then(|_| storage.set_item(CURRENT_KEY, &draft.id))
        .map_err(|_| "浏览器的存储空间已满或不允许写入".to_string())?;
    Ok(now)
}

pub fn load(id: &str) -> Option<Draft> {
    let text = storage().ok()?.get_item(&format!("{DRAFT_PREFIX}{id}")).ok()??;
    Draft::from_storage(id, &text).ok().map(|(draft, _)| draft)
}

/// Keeps a draft's undo history for a reload of this tab; without session storage it is simply
/// not kept.
pub fn save_history(id: &str, history: &str) {
    if let Some(session) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = session.set_item(&format!("{HISTORY_PREFIX}{id}"), history);
    }
}

/// The undo history a reload of this tab kept for a draft.
fn history(id: &str) -> Option<String> {
    let session = web_sys::window()?.session_storage().ok()??;
    session.get_item(&format!("{HISTORY_PREFIX}{id}")).ok()?
}

/// An editor of a stored draft, with the history this tab kept for it.
pub fn editor_of(draft: Draft) -> Editor {
    match history(&draft.id) {
        Some(stored) => Editor::with_history(draft, &stored),
        None => Editor::new(draft),
    }
}

/// The draft in use when the page was last left, if it can be read.
pub fn current() -> Option<Draft> {
    load(&storage().ok()?.get_item(CURRENT_KEY).ok()??)
}

/// The draft a change of storage wrote, when `key` is a draft's.
pub fn draft_stored_as(key: &str, text: &str) -> Option<Draft> {
    let id = key.strip_prefix(DRAFT_PREFIX)?;
    Draft::from_storage(id, text).ok().map(|(draft, _)| draft)
}

/// Every saved draft, newest first.
pub fn list() -> Result<Vec<SavedDraft>, String> {
    let storage = storage()?;
    let length = storage.length().map_err(|_| "无法读取本地存储".to_string())?;
    let mut drafts: Vec<SavedDraft> = Vec::new();
    for key in (0..length).filter_map(|i| storage.key(i).ok().flatten()) {
        let Some(id) = key.strip_prefix(DRAFT_PREFIX) else { continue };
        let Some(Ok((draft, saved_at_ms))) = storage.get_item(&key).ok().flatten().map(|t| Draft::from_storage(id, &t))
        else {
            continue;
        };
        // Kept in order as they are read: a sort would add its own code to the download.
        let at = drafts.partition_point(|d| d.saved_at_ms >= saved_at_ms);
        drafts.insert(at, SavedDraft { id: id.to_string(), label: draft.label(), saved_at_ms });
    }
    Ok(drafts)
}

/// Removes a draft; what was stored, so that it can be put back.
pub fn delete(id: &str) -> Option<String> {
    let storage = storage().ok()?;
    let key = format!("{DRAFT_PREFIX}{id}");
    let stored = storage.get_item(&key).ok()??;
    storage.remove_item(&key).ok()?;
    Some(stored)
}

/// Stores a deleted draft again, as it was.
pub fn put_back(id: &str, stored: &str) {
    if let Ok(storage) = storage() {
        let _ = storage.set_item(&format!("{DRAFT_PREFIX}{id}"), stored);
    }
}

pub fn portal_editor() -> PortalEditor {
    let stored = storage().ok().and_then(|s| s.get_item(PORTAL_EDITOR_KEY).ok().flatten());
    PortalEditor::from_key(stored.as_deref().unwrap_or_default())
}

/// Remembers the editor; without storage the choice lasts as long as the page.
pub fn set_portal_editor(editor: PortalEditor) {
    if let Ok(storage) = storage() {
        let _ = storage.set_item(PORTAL_EDITOR_KEY, editor.key());
    }
}

/// `HH:MM:SS` of a time, for the "saved at" hint.
pub fn clock(ms: u64) -> String {
    let date = js_sys::Date::new(&(ms as f64).into());
    format!("{:02}:{:02}:{:02}", date.get_hours(), date.get_minutes(), date.get_seconds())
}

/// `YYYY-MM-DD HH:MM` of a time, for the draft list.
pub fn day_and_time(ms: u64) -> String {
    let date = js_sys::Date::new(&(ms as f64).into());
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}
