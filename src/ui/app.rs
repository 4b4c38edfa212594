//! The whole widget: the report's identity, its six sections with their tables, the findings, and
//! the preview with its exports. Everything shown is derived from the one session in the reducer.

use std::rc::Rc;

use yew::prelude::*;

use super::autosave::use_autosave;
use super::browser;
use super::files::{FileBar, Start, notices, start_panel};
use super::findings::{CellMarks, SidePanelProps, side_panel};
use super::form::{FormProps, form_view};
use super::intake::{intake, use_export_file};
use super::notice::use_notice_in_view;
use super::other_tabs::use_saves_elsewhere;
use super::publish::Publish;
use super::selection::{SheetEntry, use_sheet_entry};
use super::shortcuts::shortcuts;
use super::state::{Action, restored};
use super::storage;
use super::width::{MAX_WIDTH, NARROW_BELOW, use_visible_width};
use crate::report::base::format::{self, FieldId, META_AGENCY};
use crate::report::edit::editor::Edit;
use crate::report::edit::review::Review;
use crate::report::edit::session::Begin;

/// Focuses the field with `id` in the widget under `root`.
fn focus(root: &NodeRef, id: FieldId) {
    if let Some(root) = root.cast::<web_sys::Element>() {
        browser::focus_field(&root, &format::field(id).key);
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The width the widget could show where it was mounted, measured before it was first drawn.
    pub room: i32,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(restored);
    let root = use_node_ref();
    let dispatch = state.dispatcher();
    let onaction = use_callback((), move |action: Action, _| dispatch.dispatch(action));
    let onedit = use_callback(onaction.clone(), |edit: Edit, onaction| onaction.emit(Action::Edit(edit)));
    let save = use_autosave(&state.editor);
    use_saves_elsewhere(onaction.reform(Action::SavedElsewhere));

    // Everything shown about the draft, worked out once per change of it.
    let reviewed = use_memo((state.draft().clone(), state.every_check), |(draft, every)| {
        let review = Review::of(draft, *every);
        let marks = Rc::new(CellMarks::of(&review.findings));
        (Rc::new(review), marks)
    });
    let (review, marks) = (reviewed.0.clone(), reviewed.1.clone());
    // An undo brings the field it changed into view; a message under the file bar is brought into
    // view unless it is quiet (the clerk may have acted further down, in the start panel).
    {
        let root = root.clone();
        use_effect_with(state.revealed, move |revealed| {
            if let (Some((id, _)), Some(root)) = (revealed, root.cast::<web_sys::Element>()) {
                browser::reveal_field(&root, &format::field(*id).key);
            }
        });
    }
    use_notice_in_view(root.clone(), state.notice.clone());
    // Laid out by the room the widget has; below NARROW_BELOW the findings become a bar at the
    // bottom of the screen.
    let width = use_visible_width(root.clone(), props.room);
    let narrow = width < NARROW_BELOW;
    let app_width = format!("max-width:{}px;margin-left:0", width.min(MAX_WIDTH));

    let intake = intake(&onaction);
    let onexport = use_export_file(state.draft());
    let onkeydown = shortcuts(&onaction);
    let onpaste = onaction.reform(|(id, text)| Action::Paste(id, text));
    let SheetEntry { selected, listeners, oncopy } = use_sheet_entry(root.clone(), onedit.clone(), onpaste, &review);
    let onpick = {
        let root = root.clone();
        Callback::from(move |id: FieldId| focus(&root, id))
    };
    let start_blank = {
        let (onaction, root) = (onaction.clone(), root.clone());
        Callback::from(move |_: MouseEvent| {
            onaction.emit(Action::BeginBlank);
            focus(&root, format::id_of(META_AGENCY));
        })
    };
    // A blank report is offered the ways to begin, each once, in the start panel (whose paste box
    // is the file bar's once the panel goes).
    let starting = review.report.is_blank() && state.begin != Begin::Blank;
    let draft_id = AttrValue::from(state.draft().id.clone());
    html! {
        // A landmark of its own: the host page around it rarely has any.
        <div class={classes!("xx-app", narrow.then_some("xx-narrow"))} style={app_width} ref={root}
            role="region" aria-label="政府信息公开工作年度报告编制助手"
            {onkeydown} ondragover={intake.ondragover} ondrop={intake.ondrop} {oncopy}>
            <header class="xx-bar">
                <h1>{ "政府信息公开工作年度报告 编制助手" }</h1>
                if !starting {
                    <div class="xx-tools">
                        <button type="button" data-action="load-example" onclick={intake.onexample.clone()}>{ "载入示例" }</button>
                    </div>
                }
            </header>
            <FileBar can_undo={state.editor.can_undo()} can_redo={state.editor.can_redo()} draft_id={draft_id.clone()}
                onaction={onaction.clone()} {onexport} {save} onfile={intake.onfile.clone()} onread={intake.onread.clone()} {starting} />
            // What became of a file or a paste, right under the file bar's buttons and box.
            { notices(&state, onaction.reform(|yes| Action::Answer(yes, storage::new_id())), onaction.reform(|_| Action::UndoImport)) }
            if starting {
                { start_panel(&Start { draft_id, onaction: onaction.clone(), onfile: intake.onfile, onread: intake.onread, onblank: start_blank,
                    onexample: intake.onexample, importing: state.begin == Begin::Pasting, ontoggle_import: onaction.reform(|_| Action::TogglePaste) }) }
            }
            <div class="xx-layout">
                { form_view(&FormProps { review: review.clone(), marks, last_year: state.draft().last_year.clone(), selected,
                    notice: state.notice.clone(), drafting: state.drafting.clone(),
                    onedit: onedit.clone(), listeners, onaction: onaction.clone() }) }
                { side_panel(&SidePanelProps { review: &review, notes: &state.draft().notes, open: state.findings_open,
                    ontoggle: onaction.reform(Action::ShowFindings), onpick, oncheckall: onaction.reform(|()| Action::CheckEverything),
                    ondismiss: onedit.reform(Edit::DismissNote) }) }
            </div>
            <Publish report={review.report.clone()} exporting={state.exporting.clone()} to_do={review.numbers_to_do()}
                last_year={state.draft().last_year.clone()}
                notice={state.notice.clone()} {onaction} />
        </div>
    }
}
