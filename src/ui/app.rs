//! The whole widget: the report's identity, its six sections with their tables, the findings, and
//! the preview with its exports. Everything shown is derived from the one report in the state.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::autosave::use_autosave;
use super::browser;
use super::files::{FileBar, Notice, Purpose, Read, Start, notices, read_file, read_paste, start_panel};
use super::findings::{CellMarks, side_panel};
use super::form::{Drafts, form};
use super::jobs::draft_text;
use super::other_tabs::use_saves_elsewhere;
use super::publish::Publish;
use super::selection::{SheetEntry, use_sheet_entry};
use super::state::{Action, SAVED_BY_ITSELF, restored};
use super::storage;
use super::tables::TableData;
use super::width::{MAX_WIDTH, NARROW_BELOW, use_visible_width};
use crate::report::base::format::{self, FieldId, META_AGENCY};
use crate::report::data::example::EXAMPLE_FILE_NAME;
use crate::report::edit::editor::{Draft, Edit};
use crate::report::edit::grid::copy_range;
use crate::report::edit::review::Review;
use crate::report::publish::fragment::title;
use crate::report::read::import::open_report_file;

/// True from the second render on. The first render leaves out tables 三 and 四 and the preview,
/// below the fold, which are half of the widget's DOM: the top of the form is usable about 50 ms
/// sooner, and the rest follows in the next task.
#[hook]
fn use_complete_after_first_paint() -> bool {
    let complete = use_state(|| false);
    {
        let complete = complete.clone();
        use_effect_with((), move |_| {
            let timer = Timeout::new(0, move || complete.set(true));
            move || drop(timer)
        });
    }
    *complete
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(restored);
    let root = use_node_ref();
    let dispatch = state.dispatcher();
    let complete = use_complete_after_first_paint();

    let save = use_autosave(&state.editor);

    // Everything shown about the draft, worked out once per change of it.
    let reviewed = use_memo((state.draft().clone(), state.every_check), |(draft, every)| {
        let review = Review::of(draft, *every);
        let marks = Rc::new(CellMarks::of(&review.findings));
        (review, marks)
    });
    let (review, marks) = (&reviewed.0, reviewed.1.clone());
    let (report, sheet, findings) = (review.report.clone(), review.sheet.clone(), &review.findings);
    let notes = &state.draft().notes;
    {
        let root = root.clone();
        use_effect_with(state.revealed, move |revealed| {
            if let (Some((id, _)), Some(root)) = (revealed, root.cast::<web_sys::Element>()) {
                browser::reveal_field(&root, &format::field(*id).key);
            }
        });
    }
    // What became of a file or a paste is shown under the file bar; the clerk may have chosen the
    // file or pasted further down (the start panel), so the message is brought into view; a
    // quiet one leaves the clerk where they are in the form. (A question brings itself.)
    {
        let root = root.clone();
        use_effect_with(state.notice.clone(), move |notice| {
            let quiet = notice.as_ref().is_some_and(|n| n.quiet);
            if let Some(root) = root.cast::<web_sys::Element>().filter(|_| !quiet) {
                browser::bring_into_view(&root, "[data-testid=\"file-notice\"]");
            }
        });
    }
    // Laid out by the room the widget has; below NARROW_BELOW the findings become a bar at the
    // bottom of the screen, one tap from opening.
    let width = use_visible_width(root.clone());
    let narrow = width.is_some_and(|w| w < NARROW_BELOW);
    let app_width = width.map(|w| format!("max-width:{}px;margin-left:0", w.min(MAX_WIDTH)));
    let findings_open = use_state_eq(|| false);
    let toggle_findings = {
        let findings_open = findings_open.clone();
        Callback::from(move |_: MouseEvent| findings_open.set(!*findings_open))
    };

    let check_everything = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| dispatch.dispatch(Action::CheckEverything))
    };
    let onaction = {
        let dispatch = dispatch.clone();
        use_callback((), move |action: Action, _| dispatch.dispatch(action))
    };
    use_saves_elsewhere(onaction.reform(Action::SavedElsewhere));
    let onedit = {
        let dispatch = dispatch.clone();
        use_callback((), move |edit: Edit, _| dispatch.dispatch(Action::Edit(edit)))
    };
    // The draft as it is now, for the callbacks that must not change with every keystroke.
    let current = use_mut_ref(Draft::default);
    *current.borrow_mut() = state.draft().clone();
    // 按表格生成: the worker drafts from the draft as it is (last year's report in its file).
    let ondraft = {
        let (dispatch, current) = (dispatch.clone(), current.clone());
        Callback::from(move |id: FieldId| {
            let file = {
                let draft = current.borrow();
                draft.report.to_file(draft.last_year.as_deref())
            };
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.dispatch(match draft_text(&file, id).await {
                    Ok(text) => Action::ShowDraft(id, text),
                    Err(why) => Action::Tell(Notice::said(false, why)),
                });
            });
        })
    };
    let draft_id = AttrValue::from(state.draft().id.clone());
    let onexport = use_callback((), move |(), _| {
        let draft = current.borrow();
        let name = format!("{}.json", title(&draft.report));
        let file = draft.report.to_file(draft.last_year.as_deref());
        let _ = browser::download(&name, "application/json;charset=utf-8", &file);
    });
    let SheetEntry { selection, selected, oncell, paste_status } = use_sheet_entry(root.clone(), onedit.clone());
    let oncopy = {
        let (report, sheet) = (report.clone(), sheet.clone());
        Callback::from(move |e: Event| {
            let Some((a, b)) = selection else { return };
            let e: web_sys::ClipboardEvent = e.unchecked_into();
            if let Some(data) = e.clipboard_data()
                && data.set_data("text/plain", &copy_range(&report, &sheet, a, b)).is_ok()
            {
                e.prevent_default();
            }
        })
    };
    let table = TableData {
        report: report.clone(),
        sheet: sheet.clone(),
        marks: marks.clone(),
        hints: review.hints.clone(),
        selected,
        onedit: onedit.clone(),
        oncell,
    };

    // A file or a paste read into a report: applied at once over a blank report, else after asking.
    let offer = {
        let dispatch = dispatch.clone();
        Callback::from(move |read: Result<Read, Notice>| dispatch.dispatch(Action::Read(read, storage::new_id())))
    };
    let onfile = {
        let (offer, dispatch) = (offer.clone(), dispatch.clone());
        Callback::from(move |(file, purpose): (web_sys::File, Purpose)| {
            let (offer, dispatch) = (offer.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let reading = move |notice| dispatch.dispatch(Action::Tell(Notice::quiet(notice)));
                offer.emit(read_file(purpose, file, reading).await);
            });
        })
    };
    let onread = {
        let offer = offer.clone();
        Callback::from(move |(name, text, purpose): (String, String, Purpose)| {
            let offer = offer.clone();
            wasm_bindgen_futures::spawn_local(async move { offer.emit(read_paste(purpose, name, text).await) });
        })
    };
    let answer = {
        let dispatch = dispatch.clone();
        Callback::from(move |yes: bool| dispatch.dispatch(Action::Answer(yes, storage::new_id())))
    };
    let undo_import = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::UndoImport))
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let onfile = onfile.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|files| files.get(0)) {
                onfile.emit((file, Purpose::Open));
            }
        })
    };
    // Ctrl+P in the widget prints the report alone, as 打印 / 另存为 PDF does, not the portal's page
    // with the form on it.
    let print_requests = use_state(|| 0u32);
    let onkeydown = {
        let (dispatch, print_requests) = (dispatch.clone(), print_requests.clone());
        Callback::from(move |e: KeyboardEvent| {
            if !(e.ctrl_key() || e.meta_key()) || e.is_composing() {
                return;
            }
            if e.key().eq_ignore_ascii_case("p") && !e.shift_key() {
                e.prevent_default();
                print_requests.set(*print_requests + 1);
                return;
            }
            let action = match (e.key().to_ascii_lowercase().as_str(), e.shift_key()) {
                ("z", false) => Action::Undo,
                ("z", true) | ("y", _) => Action::Redo,
                // A habit from Word: the browser would save the portal's page, not the report.
                ("s", false) => Action::Tell(Notice::quiet(SAVED_BY_ITSELF)),
                _ => return,
            };
            e.prevent_default();
            dispatch.dispatch(action);
        })
    };

    let onpick = {
        let root = root.clone();
        Callback::from(move |id: FieldId| {
            if let Some(root) = root.cast::<web_sys::Element>() {
                browser::focus_field(&root, &format::field(id).key);
            }
        })
    };
    // Taken to a finding, the clerk wants to see the cell, not the opened bar over it.
    let pick_and_close = {
        let (onpick, findings_open) = (onpick.clone(), findings_open.clone());
        Callback::from(move |id: FieldId| {
            findings_open.set(false);
            onpick.emit(id);
        })
    };
    // The example is a report file beside the widget's, read like any other.
    let load_example = {
        let offer = offer.clone();
        Callback::from(move |_: MouseEvent| {
            let offer = offer.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = browser::fetch_beside(EXAMPLE_FILE_NAME).await.map_err(|_| "未能下载".to_string());
                offer.emit(match text.and_then(|text| open_report_file(&text)) {
                    Ok(opened) => Ok(Read { purpose: Purpose::Open, name: "示例".into(), opened }),
                    Err(why) => Err(Notice::refused(
                        EXAMPLE_FILE_NAME,
                        &format!("{why}；请确认它已与编制助手的其他文件一起上传"),
                    )),
                });
            });
        })
    };
    let start_blank = {
        let (dispatch, root) = (dispatch.clone(), root.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::BeginBlank);
            if let Some(root) = root.cast::<web_sys::Element>() {
                browser::focus_field(&root, META_AGENCY);
            }
        })
    };
    let adopt_totals = onedit.reform(|_: MouseEvent| Edit::AdoptComputedTotals);
    // A blank report is offered the ways to begin, each once, in the start panel.
    let starting = report.is_blank() && state.offer_start;
    // The start panel's paste box: closed whenever the panel goes (it is the file bar's then).
    let importing = use_state_eq(|| false);
    {
        let importing = importing.clone();
        use_effect_with(starting, move |_| importing.set(false));
    }
    let toggle_import = {
        let importing = importing.clone();
        Callback::from(move |_: MouseEvent| importing.set(!*importing))
    };
    let drafts = Drafts { shown: state.drafting.clone(), onask: ondraft, onplace: onaction.reform(Action::PlaceDraft) };
    let dismiss = onedit.reform(Edit::DismissNote);
    html! {
        // A landmark of its own: the host page around it rarely has any.
        <div class={classes!("xx-app", narrow.then_some("xx-narrow"))} style={app_width} ref={root}
            role="region" aria-label="政府信息公开工作年度报告编制助手"
            {onkeydown} {ondragover} {ondrop} {oncopy}>
            <header class="xx-bar">
                <h1>{ "政府信息公开工作年度报告 编制助手" }</h1>
                if !starting {
                    <div class="xx-tools">
                        <button type="button" data-action="load-example" onclick={load_example.clone()}>{ "载入示例" }</button>
                    </div>
                }
            </header>
            <FileBar can_undo={state.editor.can_undo()} can_redo={state.editor.can_redo()} draft_id={draft_id.clone()}
                onaction={onaction.clone()} {onexport} {save} onfile={onfile.clone()} onread={onread.clone()} {starting} />
            // What became of a file or a paste, right under the file bar's buttons and box.
            { notices(&state, answer, undo_import) }
            if starting {
                { start_panel(&Start { draft_id, onaction: onaction.clone(), onfile, onread, onblank: start_blank,
                    onexample: load_example.clone(), importing: *importing, ontoggle_import: toggle_import }) }
            }
            <div class="xx-layout">
                { form(&table, findings, paste_status.as_ref(), complete, adopt_totals, &drafts) }
                { side_panel(review, notes, *findings_open, &toggle_findings, &pick_and_close, &check_everything, &dismiss) }
            </div>
            if complete {
                <Publish report={report.clone()} errors={review.errors.clone()} open={review.open.clone()} onexport={check_everything} {onedit}
                    print_requests={*print_requests} />
            }
        </div>
    }
}
