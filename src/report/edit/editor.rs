//! Editing with a memory: every change is a step that can be undone and redone. Typing into one
//! field is one step however many keystrokes it takes; a paste, an import or a new report from
//! last year's is one step of its own.

use std::rc::Rc;

use crate::report::base::format::{self, FieldId, META_AGENCY, META_YEAR};
use crate::report::base::json::{self, Json};
use crate::report::base::text::ends_sentence;
use crate::report::data::finding::Finding;
use crate::report::data::model::{FileError, Report};
use crate::report::data::sheet::{adopt_computed_totals, as_printed};

/// How many steps back the clerk can go.
pub const UNDO_DEPTH: usize = 200;

/// A pause in typing this long (milliseconds) ends an undo step, as in a word processor.
pub const TYPING_PAUSE_MS: u64 = 1000;

/// True when a text ends a sentence or a line: the next keystroke starts a new undo step.
fn ends_step(text: &str) -> bool {
    text.ends_with('\n') || ends_sentence(text)
}

/// What is being edited: this year's report and, when it was started from one, last year's.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    /// The name it is stored under in the browser. Part of the history, so undoing a step that
    /// started a new draft returns to the draft it came from.
    pub id: String,
    pub report: Report,
    pub last_year: Option<Rc<Report>>,
    /// What reading a published copy left open (`IMPORT`): kept with the draft until the cell
    /// concerned is typed in or the clerk dismisses it.
    pub notes: Vec<Finding>,
}

impl Draft {
    /// The draft as kept in the browser's storage: the report file, last year's if any, and when
    /// (milliseconds since 1970).
    pub fn to_storage(&self, saved_at_ms: u64) -> String {
        let last_year = self.last_year.as_deref().map_or_else(|| "null".to_string(), Report::to_json);
        let notes: Vec<String> = self.notes.iter().map(Finding::to_json).collect();
        format!(
            r#"{{"savedAt":{saved_at_ms},"report":{},"lastYear":{last_year},"notes":[{}]}}"#,
            self.report.to_json(),
            notes.join(",")
        )
    }

    /// Reads the draft stored under `id` back, with the time it was saved.
    pub fn from_storage(id: &str, text: &str) -> Result<(Draft, u64), FileError> {
        let value = json::parse(text).map_err(|e| FileError::NotJson(e.to_string()))?;
        let read = |v: &Json| Report::from_file_value(v).map(|loaded| loaded.report);
        let report = read(value.get("report").ok_or(FileError::NotAReport)?)?;
        let last_year = match value.get("lastYear") {
            Some(Json::Null) | None => None,
            Some(v) => Some(Rc::new(read(v)?)),
        };
        // Whole milliseconds; drafts stored by earlier versions wrote them with a `.0`.
        let saved_at = match value.get("savedAt") {
            Some(Json::Number(ms)) => ms.split('.').next().and_then(|ms| ms.parse().ok()).unwrap_or_default(),
            _ => 0,
        };
        // Notes this version cannot read (a rule or key it does not know) are left out.
        let notes = match value.get("notes") {
            Some(Json::Array(notes)) => notes.iter().filter_map(Finding::from_json).collect(),
            _ => Vec::new(),
        };
        Ok((Draft { id: id.to_string(), report, last_year, notes }, saved_at))
    }

    /// Sets a field; the import's notes about it are answered by the typing.
    fn set(&mut self, id: FieldId, text: String) {
        self.report.set(id, text);
        self.notes.retain(|note| !note.fields.contains(&id));
    }

    /// How the clerk tells drafts apart: agency and year, or what is still missing of them.
    pub fn label(&self) -> String {
        match (self.report.written(META_AGENCY), self.report.written(META_YEAR)) {
            (Some(agency), Some(year)) => format!("{agency} {year}年"),
            (Some(agency), None) => format!("{agency}（年度未填）"),
            (None, Some(year)) => format!("{year}年（机关未填）"),
            (None, None) => "未填机关和年度的报告".to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// A keystroke in a field at a moment (milliseconds): joins the step of the keystrokes before
    /// it in the same field, unless typing paused for [`TYPING_PAUSE_MS`] or a sentence had ended.
    Type(FieldId, String, u64),
    /// Text pasted or otherwise set in one go: a step of its own.
    Set(FieldId, String),
    /// The clerk left a number cell: a number typed with its unit, in full-width digits or with
    /// separators is written as the table prints it, within the step that typed it.
    Leave(FieldId),
    /// Several fields at once (a block pasted into a table): one step.
    SetMany(Vec<(FieldId, String)>),
    /// A whole new draft: an imported file, the example, a report started from last year's.
    Replace(Draft),
    /// Printed totals replaced by computed ones.
    AdoptComputedTotals,
    /// The clerk has seen a note of the import and wants it gone.
    DismissNote(Finding),
}

/// The draft with its undo and redo history. Past drafts are shared, not copied, so an editor is
/// cheap to clone (the widget's reducer clones it on every keystroke).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Editor {
    draft: Draft,
    undo: Vec<Rc<Draft>>,
    redo: Vec<Rc<Draft>>,
    /// The field the last step was typing into and when, so the next keystroke there joins it.
    typing_in: Option<(FieldId, u64)>,
}

impl Editor {
    pub fn new(draft: Draft) -> Self {
        Editor { draft, ..Editor::default() }
    }

    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    pub fn report(&self) -> &Report {
        &self.draft.report
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies an edit; false (and no step recorded) when it changes nothing.
    pub fn apply(&mut self, edit: Edit) -> bool {
        let mut next = self.draft.clone();
        let (mut typing_in, mut joins) = (None, false);
        match edit {
            Edit::Type(id, text, at) => {
                joins = self.typing_in.is_some_and(|(field, last)| {
                    field == id && at.saturating_sub(last) < TYPING_PAUSE_MS && !ends_step(self.report().text(id))
                });
                next.set(id, text);
                typing_in = Some((id, at));
            }
            Edit::Set(id, text) => next.set(id, text),
            Edit::Leave(id) => {
                if let Some(printed) = as_printed(format::field(id).kind, self.report().text(id)) {
                    next.set(id, printed);
                }
                joins = self.typing_in.is_some_and(|(field, _)| field == id);
            }
            Edit::SetMany(cells) => {
                for (id, text) in cells {
                    next.set(id, text);
                }
            }
            Edit::Replace(draft) => next = draft,
            Edit::AdoptComputedTotals => adopt_computed_totals(&mut next.report),
            Edit::DismissNote(note) => next.notes.retain(|kept| *kept != note),
        }
        if next == self.draft {
            return false;
        }
        let joins = joins && !self.undo.is_empty();
        let previous = std::mem::replace(&mut self.draft, next);
        if !joins {
            self.undo.push(Rc::new(previous));
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.typing_in = typing_in;
        true
    }

    /// Puts `draft` in place of the current one, as one step that undo reverts. Over a report with
    /// anything in it, `draft` is stored apart (as `new_id`), so the replaced draft stays in the
    /// browser; over a blank report it takes the blank draft's place.
    pub fn replace(&mut self, draft: Draft, new_id: String) -> bool {
        let id = if self.report().is_blank() { self.draft.id.clone() } else { new_id };
        self.apply(Edit::Replace(Draft { id, ..draft }))
    }

    /// Goes one step back; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.typing_in = None;
        travel(&mut self.draft, &mut self.undo, &mut self.redo)
    }

    /// Goes one undone step forward again; false when there is none.
    pub fn redo(&mut self) -> bool {
        self.typing_in = None;
        travel(&mut self.draft, &mut self.redo, &mut self.undo)
    }
}

/// How many steps of history are kept for a reload.
pub const STORED_STEPS: usize = 50;

impl Editor {
    /// The undo history as the browser keeps it for a reload: each step back as the fields it
    /// changes and their earlier text (`null`: never filled in), newest first. It reaches back to
    /// the last step that replaced the whole draft, and no further than [`STORED_STEPS`].
    pub fn history_to_storage(&self) -> String {
        let mut out = String::from("[");
        let mut later = &self.draft;
        for earlier in self.undo.iter().rev().take(STORED_STEPS) {
            if earlier.id != later.id || earlier.last_year != later.last_year {
                break;
            }
            let changed: Vec<FieldId> = earlier.report.differences(&later.report).collect();
            later = earlier;
            // A step of notes alone (a dismissal) is not kept: undone after a reload, it would
            // change nothing the clerk can see.
            if changed.is_empty() {
                continue;
            }
            if out.len() > 1 {
                out.push(',');
            }
            out.push('{');
            for (n, &id) in changed.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                json::quote(&mut out, &crate::report::base::format::field(id).key);
                out.push(':');
                match earlier.report.get(id) {
                    Some(text) => json::quote(&mut out, text),
                    None => out.push_str("null"),
                }
            }
            out.push('}');
        }
        out.push(']');
        out
    }

    /// An editor of `draft` with the history a reload kept ([`Editor::history_to_storage`]);
    /// what cannot be read is left out.
    pub fn with_history(draft: Draft, stored: &str) -> Editor {
        let mut undo: Vec<Rc<Draft>> = Vec::new();
        if let Ok(Json::Array(steps)) = json::parse(stored) {
            let mut later = draft.clone();
            for step in steps.iter().filter_map(Json::as_object) {
                let mut earlier = later.clone();
                for (key, text) in step {
                    let Some(id) = crate::report::base::format::field_id(key) else { continue };
                    match text.as_str() {
                        Some(text) => earlier.report.set(id, text),
                        None => earlier.report.clear(id),
                    }
                }
                undo.insert(0, Rc::new(earlier.clone()));
                later = earlier;
            }
        }
        Editor { draft, undo, ..Editor::default() }
    }
}

/// Makes the last draft of `from` the current one, keeping the current one at the end of `to`.
fn travel(draft: &mut Draft, from: &mut Vec<Rc<Draft>>, to: &mut Vec<Rc<Draft>>) -> bool {
    let Some(target) = from.pop() else { return false };
    to.push(Rc::new(std::mem::replace(draft, Rc::unwrap_or_clone(target))));
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::base::format::id_of;

    fn cell() -> FieldId {
        id_of("requests.received.natural_person")
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut editor = Editor::default();
        for text in ["1", "12", "123"] {
            assert!(editor.apply(Edit::Type(cell(), text.into(), 0)));
        }
        assert_eq!(editor.report().get(cell()), Some("123"));
        assert!(editor.undo());
        assert_eq!(editor.report().get(cell()), None);
        assert!(!editor.can_undo());
        assert!(editor.redo());
        assert_eq!(editor.report().get(cell()), Some("123"));
    }

    #[test]
    fn a_left_cell_shows_its_number_as_printed_within_the_step_that_typed_it() {
        let amount = id_of("proactive.fees.amount");
        let mut editor = Editor::default();
        editor.apply(Edit::Type(cell(), "5".into(), 0));
        editor.apply(Edit::Type(cell(), "5件".into(), 100));
        assert!(editor.apply(Edit::Leave(cell())));
        assert_eq!(editor.report().get(cell()), Some("5"));
        assert!(editor.undo());
        assert_eq!(editor.report().get(cell()), None, "typing and leaving are one step");

        for (typed, shown) in [("５", "5"), ("1,234", "1234"), (" 12 ", "12"), ("3万元", "3"), ("0.50", "0.5")] {
            let id = if typed.contains('万') || typed.contains('.') { amount } else { cell() };
            editor.apply(Edit::Set(id, typed.into()));
            editor.apply(Edit::Leave(id));
            assert_eq!(editor.report().get(id), Some(shown), "{typed}");
        }
        // What is not a number stays as typed, its mistake in view; a plain number is unchanged.
        for typed in ["5.5", "12a", "/", "", "12"] {
            editor.apply(Edit::Set(cell(), typed.into()));
            let steps = editor.undo.len();
            editor.apply(Edit::Leave(cell()));
            assert_eq!(editor.report().get(cell()), Some(typed));
            assert_eq!(editor.undo.len(), steps, "{typed}: no step");
        }
    }

    #[test]
    fn a_pause_or_a_sentence_end_starts_a_new_step_as_in_a_word_processor() {
        let intro = id_of("overview.intro");
        let mut editor = Editor::default();
        let mut type_at = |text: &str, at: u64| editor.apply(Edit::Type(intro, text.into(), at));
        type_at("本机关", 0);
        type_at("本机关认真", 900);
        type_at("本机关认真贯彻。", 1700);
        type_at("本机关认真贯彻。加强", 2000);
        type_at("本机关认真贯彻。加强领导", 3500);
        let mut steps = vec![editor.report().text(intro).to_string()];
        while editor.undo() {
            steps.push(editor.report().text(intro).to_string());
        }
        // Joined within a second; the full stop ends a step; a 1.5 s pause ends one.
        assert_eq!(steps, ["本机关认真贯彻。加强领导", "本机关认真贯彻。加强", "本机关认真贯彻。", ""]);
    }

    #[test]
    fn another_field_a_paste_or_an_undo_starts_a_new_step() {
        let mut editor = Editor::default();
        let other = id_of("requests.received.commercial");
        editor.apply(Edit::Type(cell(), "1".into(), 0));
        editor.apply(Edit::Type(other, "2".into(), 0));
        editor.apply(Edit::Set(other, "25".into()));
        editor.apply(Edit::Type(other, "256".into(), 0));
        assert_eq!(editor.report().get(other), Some("256"));
        editor.undo();
        assert_eq!(editor.report().get(other), Some("25"));
        editor.undo();
        assert_eq!(editor.report().get(other), Some("2"));
        editor.undo();
        assert_eq!((editor.report().get(cell()), editor.report().get(other)), (Some("1"), None));
        editor.apply(Edit::Type(cell(), "19".into(), 0));
        assert!(!editor.can_redo(), "a new edit forgets what was undone");
        editor.undo();
        assert_eq!(editor.report().get(cell()), Some("1"), "typing after an undo is its own step");
    }

    #[test]
    fn a_replace_or_a_block_is_one_step_that_undo_reverts_whole() {
        let mut editor = Editor::default();
        editor.apply(Edit::Type(cell(), "7".into(), 0));
        let before = editor.draft().clone();
        let last = Rc::new(crate::report::example());
        editor.apply(Edit::Replace(Draft {
            report: crate::report::example(),
            last_year: Some(last),
            ..Draft::default()
        }));
        assert!(editor.draft().last_year.is_some());
        editor.undo();
        assert_eq!(editor.draft(), &before);
        editor.apply(Edit::SetMany(vec![(cell(), "1".into()), (id_of("requests.received.research"), "2".into())]));
        editor.undo();
        assert_eq!(editor.draft(), &before);
    }

    #[test]
    fn an_edit_that_changes_nothing_records_nothing() {
        let mut editor = Editor::default();
        editor.apply(Edit::Type(cell(), "1".into(), 0));
        assert!(!editor.apply(Edit::Set(cell(), "1".into())));
        editor.undo();
        assert!(!editor.can_undo());
    }

    #[test]
    fn a_stored_draft_comes_back_whole_with_its_last_year_and_bad_entries() {
        let mut report = crate::report::example();
        report.set(cell(), "十二");
        let draft =
            Draft { id: "17".into(), report, last_year: Some(Rc::new(crate::report::example())), notes: vec![] };
        let (back, saved_at) = Draft::from_storage("17", &draft.to_storage(1_700_000_000_000)).unwrap();
        assert_eq!(back, draft);
        assert_eq!(saved_at, 1_700_000_000_000);
        assert_eq!(back.label(), "咸宁市政务服务和大数据管理局 2022年");
        let plain = Draft::default();
        assert_eq!(Draft::from_storage("", &plain.to_storage(0)).unwrap().0, plain);
        assert!(Draft::from_storage("", "{").is_err());
    }

    #[test]
    fn drafts_stored_by_earlier_versions_still_open() {
        let stored = r#"{"lastYear":null,"report":{"fields":{"meta.agency":"甲"},"format":"xxgk-nianbao/1"},"savedAt":1700000000123.0}"#;
        let (draft, saved_at) = Draft::from_storage("1", stored).unwrap();
        assert_eq!(draft.report.get_key("meta.agency"), Some("甲"));
        assert_eq!(draft.last_year, None);
        assert_eq!(saved_at, 1_700_000_000_123);
    }

    #[test]
    fn a_draft_is_named_by_its_agency_and_year_or_by_what_is_missing() {
        let mut draft = Draft::default();
        assert_eq!(draft.label(), "未填机关和年度的报告");
        draft.report.set_key(META_YEAR, "2025");
        assert_eq!(draft.label(), "2025年（机关未填）");
        draft.report.set_key(META_AGENCY, " 某某局 ");
        assert_eq!(draft.label(), "某某局 2025年");
        draft.report.set_key(META_YEAR, "");
        assert_eq!(draft.label(), "某某局（年度未填）");
    }

    #[test]
    fn replacing_a_report_with_work_in_it_starts_a_new_draft_and_undo_returns_to_the_old_one() {
        let mut editor = Editor::new(Draft { id: "old".into(), ..Draft::default() });
        editor.apply(Edit::Type(cell(), "7".into(), 0));
        let worked = editor.draft().clone();
        assert!(editor.replace(Draft { report: crate::report::example(), ..Draft::default() }, "new".into()));
        assert_eq!(editor.draft().id, "new", "the example goes into a draft of its own");
        assert_eq!(editor.report().get_key(META_AGENCY), Some("咸宁市政务服务和大数据管理局"));
        assert!(editor.undo());
        assert_eq!(editor.draft(), &worked, "undo returns to the old draft, id and all");
        assert!(editor.redo());
        assert_eq!(editor.draft().id, "new");
    }

    #[test]
    fn replacing_a_blank_report_fills_its_draft() {
        let mut editor = Editor::new(Draft { id: "blank".into(), ..Draft::default() });
        assert!(editor.replace(Draft { report: crate::report::example(), ..Draft::default() }, "new".into()));
        assert_eq!(editor.draft().id, "blank");
    }

    #[test]
    fn an_import_note_stays_with_the_draft_until_its_cell_is_typed_or_it_is_dismissed() {
        use crate::report::data::finding::Rule;
        let other = id_of("requests.received.commercial");
        let note = |id: FieldId| Finding::new(Rule::Import, vec![id], format!("{id} 未导入"));
        let draft = Draft { id: "d".into(), notes: vec![note(cell()), note(other)], ..Draft::default() };
        let (stored, _) = Draft::from_storage("d", &draft.to_storage(0)).unwrap();
        assert_eq!(stored.notes, draft.notes, "the notes survive storage");
        let mut editor = Editor::new(stored);
        editor.apply(Edit::Type(cell(), "3".into(), 0));
        assert_eq!(editor.draft().notes, vec![note(other)], "typing the cell answers its note");
        editor.apply(Edit::DismissNote(note(other)));
        assert!(editor.draft().notes.is_empty());
        editor.undo();
        assert_eq!(editor.draft().notes, vec![note(other)], "a dismissal is undone like any step");
    }

    #[test]
    fn the_history_kept_for_a_reload_undoes_the_same_steps() {
        let intro = id_of("overview.intro");
        let mut editor = Editor::new(Draft { id: "d".into(), ..Draft::default() });
        editor.apply(Edit::Type(cell(), "12".into(), 0));
        editor.apply(Edit::Type(intro, "一句。".into(), 5_000));
        editor.apply(Edit::Type(intro, "一句。两句".into(), 5_100));
        editor.apply(Edit::Set(cell(), "".into()));
        let stored = editor.history_to_storage();
        let mut reloaded = Editor::with_history(editor.draft().clone(), &stored);
        loop {
            assert_eq!(reloaded.draft(), editor.draft());
            let (a, b) = (editor.undo(), reloaded.undo());
            assert_eq!(a, b);
            if !a {
                break;
            }
        }
        assert!(!Editor::with_history(Draft::default(), "not json").can_undo());
    }

    #[test]
    fn the_kept_history_stops_at_a_step_that_replaced_the_draft() {
        let mut editor = Editor::new(Draft { id: "old".into(), ..Draft::default() });
        editor.apply(Edit::Type(cell(), "1".into(), 0));
        editor.replace(Draft { report: crate::report::example(), ..Draft::default() }, "new".into());
        editor.apply(Edit::Set(cell(), "5".into()));
        let mut reloaded = Editor::with_history(editor.draft().clone(), &editor.history_to_storage());
        assert!(reloaded.undo());
        assert_eq!(reloaded.report(), &crate::report::example());
        assert!(!reloaded.undo(), "the draft it came from is in the draft list, not in this history");
    }

    #[test]
    fn history_is_deep_but_bounded() {
        let mut editor = Editor::default();
        for n in 0..UNDO_DEPTH + 50 {
            editor.apply(Edit::Set(cell(), n.to_string()));
        }
        let mut steps = 0;
        while editor.undo() {
            steps += 1;
        }
        assert_eq!(steps, UNDO_DEPTH);
        assert_eq!(editor.report().get(cell()), Some("49"));
    }
}
