//! The widget's session as plain data with one reducer: the draft being edited with its history,
//! what the clerk is being asked and told, and how much is checked. The widget's components send
//! it [`Action`]s and draw what it holds; nothing here touches the browser, so every flow is tested
//! natively. Where a flow needs a new draft id (the browser's clock), the action brings it.

use std::rc::Rc;

use crate::report::base::format::{self, FieldId, Table};
use crate::report::base::text::ends_sentence;
use crate::report::data::model::Report;
use crate::report::edit::carry::next_year;
use crate::report::edit::editor::{Draft, Edit, Editor};
pub use crate::report::edit::exporting::{Export, Exported, ToDo};
use crate::report::edit::exporting::{Exporting, copied_by_hand};
use crate::report::edit::grid::paste_block;
use crate::report::edit::review::Review;
use crate::report::publish::draft_text::{Position, insert};
use crate::report::publish::portal::PortalEditor;
use crate::report::publish::tidy::Tidied;
use crate::report::read::import::Opened;

/// What a report the clerk opens or pastes is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A report to continue working on.
    Open,
    /// Last year's report, to start this year's from.
    LastYear,
}

/// A report read from a file, a paste or the example, for a purpose.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    pub purpose: Purpose,
    /// What the clerk knows it by: the file's name, 粘贴的内容, the example.
    pub name: String,
    pub opened: Opened,
}

impl Read {
    /// What the clerk is told once it is applied; `in_new_draft` when the report it replaced stays
    /// in the draft list. With something not read for sure (its notes), a reminder, not a success.
    fn done(&self, in_new_draft: bool) -> Notice {
        let mut text = match self.purpose {
            Purpose::Open => format!("已打开“{}”。", self.name),
            Purpose::LastYear => {
                format!("已根据上年报告“{}”新建本年度报告：上年结转已按上年“结转下年度”填好。", self.name)
            }
        };
        if in_new_draft {
            text.push_str("原来的报告仍在“草稿”中。");
        }
        let notes = &self.opened.notes;
        let mut details = self.opened.remarks.clone();
        match self.purpose {
            // Kept with the draft, in the findings, until each is settled: those that left cells
            // blank, and those about values read the one way the table's arithmetic allows.
            Purpose::Open if !notes.is_empty() => {
                let report = &self.opened.report;
                let blank = notes.iter().filter(|note| note.fields.iter().any(|&id| report.get(id).is_none())).count();
                if blank > 0 {
                    details.push(format!("有 {blank} 处未能确定读取，已列入“检查结果”，逐一核对后会消失。"));
                }
                if blank < notes.len() {
                    details.push(format!(
                        "有 {} 处按表格自身的勾稽关系读出，请对照原表核对（见“检查结果”）。",
                        notes.len() - blank
                    ));
                }
            }
            // About last year's cells: said once, here.
            _ => details.extend(notes.iter().map(|note| note.message.clone())),
        }
        let tone = if notes.is_empty() { Tone::Done } else { Tone::Reminder };
        Notice { tone, details, undo: true, ..Notice::said(true, text) }
    }

    /// The step that applies it.
    fn draft(self) -> Draft {
        match self.purpose {
            Purpose::Open => Draft {
                report: self.opened.report,
                last_year: self.opened.last_year.map(Rc::new),
                notes: self.opened.notes,
                ..Draft::default()
            },
            Purpose::LastYear => next_year(&self.opened.report),
        }
    }
}

/// Where a message to the clerk is shown: beside what it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Under the file bar: files, pastes, drafts, the worker's jobs.
    Files,
    /// Under a table: what a block pasted into it did.
    Table(Table),
    /// In 预览与发布: what an export or 一键排版 did.
    Publish,
    /// In 核对发布结果: why a page could not be checked.
    Verify,
}

/// How a message reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Done,
    /// Done, with something still open: a reminder, never a plain success.
    Reminder,
    Failed,
}

/// A message to the clerk. The session holds one at a time, the latest, shown at its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub place: Place,
    pub tone: Tone,
    pub text: String,
    /// What the clerk should check, one point each.
    pub details: Vec<String>,
    /// Offer 撤销导入 (an undo of the step that just replaced the report).
    pub undo: bool,
    /// Said without taking the clerk from where they are in the form: it answers nothing they did
    /// up there (a file, a paste), so the widget does not bring it into view.
    pub quiet: bool,
}

impl Notice {
    /// A message of one line at `place`.
    pub fn at(place: Place, tone: Tone, text: String) -> Notice {
        Notice { place, tone, text, details: vec![], undo: false, quiet: false }
    }

    /// A message of one line under the file bar, brought into view.
    pub fn said(ok: bool, text: String) -> Notice {
        Notice::at(Place::Files, if ok { Tone::Done } else { Tone::Failed }, text)
    }

    /// A message of one line under the file bar, left where it is shown.
    pub fn quiet(text: &str) -> Notice {
        Notice { quiet: true, ..Notice::said(true, text.to_string()) }
    }

    pub fn refused(name: &str, why: &str) -> Notice {
        // A reason said in whole sentences (a picture's, an OFD file's) already ends with its stop.
        let stop = if ends_sentence(why) { "" } else { "。" };
        Notice::said(false, format!("无法打开“{name}”：{why}{stop}当前报告没有任何改动。"))
    }
}

/// How a blank report offers the ways to begin: the start panel, until the clerk chooses a blank
/// form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Begin {
    Offered,
    /// Offered, with the panel's paste box open.
    Pasting,
    /// The clerk chose a blank form.
    Blank,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub editor: Editor,
    /// The field the last undo or redo changed, or the export question's 先去改正 goes back to,
    /// with a count so the same field is shown again: the widget brings it into view and focuses
    /// it, as a word processor does.
    pub revealed: Option<(FieldId, u32)>,
    pub notice: Option<Notice>,
    /// A report read over one with work in it, waiting for the clerk to say it may open.
    pub asking: Option<Read>,
    /// Every check runs, not only those of the parts begun (the clerk asked, or exported).
    pub every_check: bool,
    /// How a blank report offers the ways to begin.
    pub begin: Begin,
    /// 按表格生成: sentences drafted for a text part, shown under it until the clerk places them.
    pub drafting: Option<(FieldId, String)>,
    /// 预览与发布's exports and 一键排版.
    pub exporting: Exporting,
    /// In a narrow column the findings are a bar at the bottom of the screen: opened over the form.
    pub findings_open: bool,
}

pub enum Action {
    Edit(Edit),
    /// A block pasted into a table at a cell: its numbers typed in as one step, and what it did
    /// said under the table (a reminder when a pasted total differs from its cells).
    Paste(FieldId, String),
    Undo,
    Redo,
    /// 撤销导入: an undo, said as such.
    UndoImport,
    /// A report read for the clerk, or why it could not be. Over a blank report it is applied at
    /// once; over one with work in it the clerk is asked first. The id is for a new draft.
    Read(Result<Read, Notice>, String),
    /// The clerk's answer to [`Session::asking`]; the id is for the new draft.
    Answer(bool, String),
    /// This year's report from a report of this browser, as last year's (id for a new draft).
    StartFrom(Report, String),
    /// Another stored draft, or a new blank one, with whatever history this tab kept of it.
    Open(Editor),
    /// Run every check from now on.
    CheckEverything,
    /// The findings bar opened or closed.
    ShowFindings(bool),
    /// The clerk begins from a blank form.
    BeginBlank,
    /// The start panel's paste box opened or closed.
    TogglePaste,
    /// 按表格生成 for a text part: the sentences drafted from the tables (in the worker), shown, not
    /// yet placed. An empty draft puts away what was shown.
    ShowDraft(FieldId, String),
    /// Something to tell the clerk, at the notice's place.
    Tell(Notice),
    /// The notice at a place put away: what it said no longer holds (核对 answered anew).
    PutAway(Place),
    /// An export asked for: performed, or asked about first while the report, every check run on
    /// it, still has errors or blanks. Every check runs from now on: the report is leaving the widget.
    Export(Export),
    /// The clerk copied from 预览与发布 by hand (the title, the preview, its HTML source): the
    /// browser's copy, said with what is still to be done, if anything.
    CopiedByHand,
    /// The clerk's answer to the question before an export: go on, or 先去改正.
    AnswerExport(bool),
    /// What the export being performed came to, in the chosen portal editor.
    Exported(Export, Exported, PortalEditor),
    /// 一键排版's changes (worked out in the worker), shown before they are applied; or why not.
    Tidy(Result<Vec<Tidied>, String>),
    /// 一键排版's shown changes applied as one step (`true`) or dropped.
    ApplyTidy(bool),
    /// The shown draft put in its text part, as one step; `None` puts it away.
    PlaceDraft(Option<Position>),
    /// A draft as another tab of this browser just saved it. When it is the one open here, its
    /// version is taken as one step that undo reverts: this tab's autosave must not write an older
    /// report over the work done there.
    SavedElsewhere(Draft),
}

/// What the clerk is told on Ctrl+S, which would otherwise save the portal's page instead.
pub const SAVED_BY_ITSELF: &str =
    "编制助手随时自动保存（每次修改后不到一秒），不必按 Ctrl+S。要把报告保存到电脑上，请点“导出报告文件”。";

/// What the clerk is told when another tab's version of the open draft is taken.
pub const SAVED_ELSEWHERE: &str =
    "这份报告刚在本浏览器的另一个标签页中修改并保存，这里已换成最新内容。要回到本页原来的内容，请点“撤销”。";

impl Session {
    pub fn new(editor: Editor) -> Session {
        Session {
            editor,
            revealed: None,
            notice: None,
            asking: None,
            every_check: false,
            begin: Begin::Offered,
            drafting: None,
            exporting: Exporting::default(),
            findings_open: false,
        }
    }

    /// Has the widget bring the field with `id` into view, even when it was the last one shown.
    fn reveal(&mut self, id: FieldId) {
        self.revealed = Some((id, self.revealed.map_or(0, |(_, n)| n.wrapping_add(1))));
    }

    pub fn draft(&self) -> &Draft {
        self.editor.draft()
    }

    pub fn report(&self) -> &Report {
        self.editor.report()
    }

    /// The session after `action`; `None` when it changes nothing.
    pub fn after(&self, action: Action) -> Option<Session> {
        let mut next = self.clone();
        let changed = match action {
            Action::Edit(edit) => next.editor.apply(edit),
            Action::Paste(id, text) => {
                let place = format::field(id).table.map_or(Place::Files, Place::Table);
                next.notice = Some(match paste_block(self.report(), id, &text) {
                    Ok(pasted) => {
                        let tone = if pasted.totals_differ { Tone::Reminder } else { Tone::Done };
                        next.editor.apply(Edit::SetMany(pasted.cells));
                        Notice::at(place, tone, pasted.message)
                    }
                    Err(why) => Notice::at(place, Tone::Failed, why),
                });
                true
            }
            Action::Undo | Action::UndoImport | Action::Redo => {
                let moved = if matches!(action, Action::Redo) { next.editor.redo() } else { next.editor.undo() };
                if let Some(id) = self.report().first_difference(next.report()) {
                    next.reveal(id);
                }
                if matches!(action, Action::UndoImport) && moved {
                    next.notice = Some(Notice::said(true, "已撤销，回到导入前的报告。".into()));
                }
                moved
            }
            Action::Read(Err(refused), _) => {
                next.notice = Some(refused);
                true
            }
            Action::Read(Ok(read), new_id) if self.report().is_blank() => {
                next.notice = Some(read.done(false));
                next.asking = None;
                next.editor.replace(read.draft(), new_id);
                true
            }
            Action::Read(Ok(read), _) => {
                next.notice = None;
                next.asking = Some(read);
                true
            }
            Action::Answer(yes, new_id) => match next.asking.take() {
                Some(read) if yes => {
                    next.notice = Some(read.done(true));
                    next.editor.replace(read.draft(), new_id);
                    true
                }
                Some(_) => true,
                None => false,
            },
            Action::StartFrom(last, new_id) => next.editor.replace(next_year(&last), new_id),
            Action::Open(editor) => {
                next = Session::new(editor);
                next.every_check = self.every_check;
                true
            }
            Action::CheckEverything => !std::mem::replace(&mut next.every_check, true),
            Action::ShowFindings(open) => std::mem::replace(&mut next.findings_open, open) != open,
            Action::BeginBlank => std::mem::replace(&mut next.begin, Begin::Blank) != Begin::Blank,
            Action::TogglePaste => {
                next.begin = match self.begin {
                    Begin::Offered => Begin::Pasting,
                    Begin::Pasting => Begin::Offered,
                    Begin::Blank => return None,
                };
                true
            }
            Action::Tell(notice) => {
                next.notice = Some(notice);
                true
            }
            Action::PutAway(place) => next.notice.take_if(|notice| notice.place == place).is_some(),
            Action::Export(export) => {
                next.every_check = true;
                next.exporting.request(export, Review::of(self.draft(), true).to_do());
                true
            }
            Action::CopiedByHand => match copied_by_hand(&Review::of(self.draft(), true).to_do()) {
                Some(notice) => {
                    next.every_check = true;
                    next.notice = Some(notice);
                    true
                }
                None => false,
            },
            Action::AnswerExport(go_on) => {
                // 先去改正 takes the clerk to what is to be done first.
                if let Some((_, ToDo { first: Some(id), .. })) = self.exporting.asking.as_ref().filter(|_| !go_on) {
                    next.reveal(*id);
                }
                next.exporting.answer(go_on)
            }
            Action::Exported(export, exported, portal) => {
                next.notice = Some(self.exporting.result(export, &exported, portal));
                true
            }
            Action::Tidy(Ok(changes)) if changes.is_empty() => {
                next.exporting.tidying = None;
                next.notice = Some(Notice::at(Place::Publish, Tone::Done, "文字已是规范格式，无需排版。".into()));
                true
            }
            Action::Tidy(Ok(changes)) => {
                next.exporting.tidying = Some(Rc::new(changes));
                true
            }
            Action::Tidy(Err(why)) => {
                next.notice = Some(Notice::at(Place::Publish, Tone::Failed, why));
                true
            }
            Action::ApplyTidy(apply) => match next.exporting.tidying.take() {
                Some(changes) if apply => {
                    next.editor.apply(Edit::SetMany(changes.iter().map(|c| (c.id, c.after.clone())).collect()));
                    let text = format!("已排版 {} 处文字；要恢复，点“撤销”或按 Ctrl+Z。", changes.len());
                    next.notice = Some(Notice::at(Place::Publish, Tone::Done, text));
                    true
                }
                shown => shown.is_some(),
            },
            Action::ShowDraft(id, draft) => {
                next.drafting = (!draft.is_empty()).then_some((id, draft));
                next.drafting != self.drafting
            }
            Action::PlaceDraft(place) => match (next.drafting.take(), place) {
                (Some((id, draft)), Some(place)) => {
                    let text = insert(self.report().text(id), &draft, place);
                    next.editor.apply(Edit::Set(id, text));
                    true
                }
                (drafting, _) => drafting.is_some(),
            },
            Action::SavedElsewhere(draft) if draft.id == self.draft().id => {
                let taken = next.editor.apply(Edit::Replace(draft));
                if taken {
                    next.notice = Some(Notice::quiet(SAVED_ELSEWHERE));
                }
                taken
            }
            Action::SavedElsewhere(_) => false,
        };
        // A draft made from another report's tables is not offered for this one.
        if next.draft().id != self.draft().id {
            next.drafting = None;
        }
        changed.then_some(next)
    }
}

#[cfg(test)]
mod drafting_tests {
    use super::*;
    use crate::report::base::format::id_of;

    #[test]
    fn a_draft_is_shown_first_and_placed_as_one_step_that_one_undo_takes_back() {
        let note = id_of("requests.note");
        let mut session = Session::new(Editor::default());
        session =
            session.after(Action::Edit(Edit::Set(id_of("requests.received.natural_person"), "4".into()))).unwrap();
        session = session.after(Action::Edit(Edit::Set(note, "已有的文字。".into()))).unwrap();
        let drafted = crate::report::publish::draft_text::draft_for(note, session.report(), None).unwrap();
        let shown = session.after(Action::ShowDraft(note, drafted)).unwrap();
        let (id, draft) = shown.drafting.clone().unwrap();
        assert_eq!(id, note);
        assert!(draft.starts_with("本年度共收到政府信息公开申请4件"));
        assert_eq!(shown.report().text(note), "已有的文字。", "shown, not placed");

        let placed = shown.after(Action::PlaceDraft(Some(Position::End))).unwrap();
        assert_eq!(placed.report().text(note), format!("已有的文字。\n\n{draft}"));
        assert_eq!(placed.drafting, None);
        assert_eq!(placed.after(Action::Undo).unwrap().report().text(note), "已有的文字。");

        let put_away = shown.after(Action::PlaceDraft(None)).unwrap();
        assert_eq!((put_away.drafting.clone(), put_away.report().text(note)), (None, "已有的文字。"));
        assert!(put_away.after(Action::PlaceDraft(None)).is_none(), "nothing to put away");
        assert!(session.after(Action::ShowDraft(note, String::new())).is_none(), "nothing drafted, nothing shown");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::base::format::id_of;
    use crate::report::data::finding::{Finding, Rule};

    fn session() -> Session {
        Session::new(Editor::new(Draft { id: "first".into(), ..Draft::default() }))
    }

    fn read(purpose: Purpose) -> Read {
        let report = crate::report::example();
        Read {
            purpose,
            name: "上报.json".into(),
            opened: Opened { report, last_year: None, notes: vec![], remarks: vec![] },
        }
    }

    fn apply(session: &Session, action: Action) -> Session {
        session.after(action).expect("the action changes the session")
    }

    #[test]
    fn a_report_read_over_a_blank_one_opens_at_once_in_the_same_draft() {
        let after = apply(&session(), Action::Read(Ok(read(Purpose::Open)), "new".into()));
        assert_eq!(after.draft().id, "first");
        assert_eq!(after.report().get_key("meta.agency"), Some("咸宁市政务服务和大数据管理局"));
        assert_eq!(after.notice.as_ref().map(|n| n.text.as_str()), Some("已打开“上报.json”。"));
        assert_eq!(after.notice.as_ref().map(|n| n.tone), Some(Tone::Done));
        assert!(after.asking.is_none());
    }

    #[test]
    fn a_report_read_with_cells_not_read_for_sure_is_said_as_a_reminder_not_a_success() {
        for purpose in [Purpose::Open, Purpose::LastYear] {
            let mut uncertain = read(purpose);
            let note = Finding::new(Rule::Import, vec![id_of("requests.received.natural_person")], "未能确定".into());
            uncertain.opened.notes = vec![note];
            let after = apply(&session(), Action::Read(Ok(uncertain), "new".into()));
            assert_eq!(after.notice.as_ref().map(|n| n.tone), Some(Tone::Reminder));
        }
    }

    #[test]
    fn an_import_says_apart_what_it_left_blank_and_what_it_read_for_the_clerk_to_compare() {
        let mut opened = read(Purpose::Open);
        let read_cell = id_of("requests.received.natural_person");
        let blank_cell = id_of("requests.received.commercial");
        opened.opened.report.clear(blank_cell);
        opened.opened.notes = vec![
            Finding::new(Rule::Import, vec![blank_cell], "未导入".into()),
            Finding::new(Rule::Import, vec![read_cell], "已拆为（唯一拆法）".into()),
        ];
        let after = apply(&session(), Action::Read(Ok(opened), "new".into()));
        let notice = after.notice.unwrap();
        assert_eq!(
            notice.details,
            [
                "有 1 处未能确定读取，已列入“检查结果”，逐一核对后会消失。",
                "有 1 处按表格自身的勾稽关系读出，请对照原表核对（见“检查结果”）。"
            ]
        );
        assert_eq!(notice.tone, Tone::Reminder);
    }

    #[test]
    fn a_pasted_block_is_one_step_said_under_its_table_and_a_differing_total_is_no_success() {
        let start = id_of("requests.disclosed.natural_person");
        let table = Place::Table(Table::Requests);
        let typed = apply(&session(), Action::Edit(Edit::Set(start, "9".into())));

        let agreeing = apply(&typed, Action::Paste(start, "2\t0\t0\t0\t0\t1\t3".into()));
        let notice = agreeing.notice.as_ref().unwrap();
        assert_eq!((notice.place, notice.tone), (table, Tone::Done));
        assert_eq!(agreeing.report().get_key("requests.disclosed.total"), None, "left to the sum");

        let differing = apply(&typed, Action::Paste(start, "2\t0\t0\t0\t0\t1\t4".into()));
        let notice = differing.notice.as_ref().unwrap();
        assert_eq!((notice.place, notice.tone), (table, Tone::Reminder));
        assert_eq!(differing.report().get_key("requests.disclosed.total"), Some("4"));
        let undone = apply(&differing, Action::Undo);
        assert_eq!(undone.report(), typed.report(), "one undo takes the whole paste back");

        let refused = apply(&typed, Action::Paste(start, "2\tabc".into()));
        assert_eq!(refused.notice.as_ref().map(|n| n.tone), Some(Tone::Failed));
        assert_eq!(refused.report(), typed.report());
    }

    #[test]
    fn over_work_the_clerk_is_asked_and_a_yes_opens_a_new_draft_keeping_the_old() {
        let worked = apply(&session(), Action::Edit(Edit::Set(id_of("meta.agency"), "某局".into())));
        let asked = apply(&worked, Action::Read(Ok(read(Purpose::Open)), "unused".into()));
        assert_eq!(asked.report(), worked.report(), "nothing changes before the clerk answers");
        assert!(asked.asking.is_some());
        let kept = apply(&asked, Action::Answer(false, "unused".into()));
        assert_eq!((kept.report(), kept.asking.is_none()), (worked.report(), true));
        let opened = apply(&asked, Action::Answer(true, "second".into()));
        assert_eq!(opened.draft().id, "second");
        assert!(opened.notice.as_ref().is_some_and(|n| n.text.ends_with("原来的报告仍在“草稿”中。")));
        let undone = apply(&opened, Action::UndoImport);
        assert_eq!((undone.draft().id.as_str(), undone.report()), ("first", worked.report()));
        assert!(undone.notice.as_ref().is_some_and(|n| n.text.starts_with("已撤销")));
    }

    #[test]
    fn last_years_report_starts_this_years_and_a_refusal_changes_nothing_but_the_notice() {
        let started = apply(&session(), Action::Read(Ok(read(Purpose::LastYear)), "new".into()));
        assert_eq!(started.report().get_key("meta.year"), Some("2023"));
        assert!(started.draft().last_year.is_some());
        let refused = apply(&started, Action::Read(Err(Notice::refused("x.doc", "不是报告")), "new".into()));
        assert_eq!(refused.report(), started.report());
        assert!(refused.notice.as_ref().is_some_and(|n| n.tone == Tone::Failed && n.place == Place::Files));
    }

    #[test]
    fn opening_another_draft_clears_what_was_said_about_this_one() {
        let said = apply(&session(), Action::Read(Err(Notice::refused("x", "y")), String::new()));
        let checked = apply(&said, Action::CheckEverything);
        assert!(checked.after(Action::CheckEverything).is_none(), "asking twice changes nothing");
        let other = apply(&checked, Action::Open(Editor::new(Draft { id: "other".into(), ..Draft::default() })));
        assert_eq!((other.draft().id.as_str(), other.notice.is_none()), ("other", true));
        assert!(other.every_check, "every check stays asked for");
        let pasting = apply(&other, Action::TogglePaste);
        assert_eq!(pasting.begin, Begin::Pasting);
        let begun = apply(&pasting, Action::BeginBlank);
        assert!(begun.begin == Begin::Blank && begun.after(Action::BeginBlank).is_none());
        assert!(begun.after(Action::TogglePaste).is_none(), "no start panel, no paste box");
        let new_draft = apply(&pasting, Action::Open(Editor::new(Draft { id: "third".into(), ..Draft::default() })));
        assert_eq!(new_draft.begin, Begin::Offered, "a new draft's start panel opens with its paste box closed");
    }

    #[test]
    fn another_tabs_save_of_this_draft_is_taken_as_a_step_and_of_another_draft_ignored() {
        let ours = apply(&session(), Action::Edit(Edit::Set(id_of("meta.agency"), "某局".into())));
        let mut theirs = ours.draft().clone();
        theirs.report.set(id_of("meta.year"), "2025");
        theirs.report.set(id_of("requests.received.natural_person"), "12");

        let taken = apply(&ours, Action::SavedElsewhere(theirs.clone()));
        assert_eq!(taken.draft(), &theirs);
        assert_eq!(taken.notice, Some(Notice::quiet(SAVED_ELSEWHERE)), "said where the clerk is");
        assert!(taken.after(Action::SavedElsewhere(theirs.clone())).is_none(), "the same version again: nothing");
        let undone = apply(&taken, Action::Undo);
        assert_eq!(undone.draft(), ours.draft(), "this tab's version is one undo away");

        let other = Draft { id: "other".into(), ..theirs };
        assert!(ours.after(Action::SavedElsewhere(other)).is_none(), "another draft saved elsewhere");
    }

    #[test]
    fn undoing_a_change_elsewhere_says_which_field_to_show() {
        let cell = id_of("requests.carried_forward.other_org");
        let typed = apply(&session(), Action::Edit(Edit::Set(cell, "2".into())));
        let typed = apply(&typed, Action::Edit(Edit::Set(id_of("meta.agency"), "某局".into())));
        let once = apply(&typed, Action::Undo);
        let twice = apply(&once, Action::Undo);
        assert_eq!(once.revealed.map(|(id, _)| id), Some(id_of("meta.agency")));
        assert_eq!(twice.revealed.map(|(id, _)| id), Some(cell));
        assert_ne!(once.revealed, twice.revealed);
        assert!(twice.after(Action::Undo).is_none(), "nothing left to undo");
    }

    #[test]
    fn an_export_runs_every_check_and_its_result_is_the_one_thing_said() {
        let worked = apply(&session(), Action::Read(Ok(read(Purpose::Open)), "new".into()));
        // A printed total that does not add up: an error, whether or not the clerk has run every check.
        let wrong = apply(&worked, Action::Edit(Edit::Set(id_of("requests.received.total"), "999".into())));
        let asked = apply(&wrong, Action::Export(Export::Word));
        assert!(asked.every_check);
        assert_eq!(asked.exporting.performing, None);
        let back = apply(&asked, Action::AnswerExport(false));
        assert_eq!(
            back.revealed.map(|(id, _)| id),
            Some(id_of("requests.received.total")),
            "先去改正 goes to the error"
        );
        assert_eq!((back.exporting.performing, back.notice.clone()), (None, worked.notice.clone()));
        let going = apply(&asked, Action::AnswerExport(true));
        assert_eq!(going.exporting.performing, Some((Export::Word, 0)));
        let done = apply(&going, Action::Exported(Export::Word, Exported::Done, PortalEditor::UEditor));
        let notice = done.notice.clone().unwrap();
        assert_eq!((notice.place, notice.tone), (Place::Publish, Tone::Reminder));
        assert!(notice.text.starts_with("已下载 Word 文件"), "{}", notice.text);
    }

    #[test]
    fn a_copy_by_hand_of_a_report_still_to_be_done_says_what_is_left() {
        let worked = apply(&session(), Action::Read(Ok(read(Purpose::Open)), "new".into()));
        let wrong = apply(&worked, Action::Edit(Edit::Set(id_of("requests.received.total"), "999".into())));
        let copied = apply(&wrong, Action::CopiedByHand);
        let notice = copied.notice.clone().unwrap();
        assert_eq!((notice.place, notice.tone), (Place::Publish, Tone::Reminder));
        assert!(
            notice.text.starts_with("已复制选中的内容。注意：报告还有 2 个错误，发布前应当改正"),
            "{}",
            notice.text
        );
        assert!(copied.every_check, "the report is leaving the widget");
        let whole = Session::new(Editor::new(Draft { report: crate::report::example(), ..Draft::default() }));
        assert!(whole.after(Action::CopiedByHand).is_none(), "a whole, right report: the browser's copy, nothing said");
    }

    #[test]
    fn a_number_an_import_read_for_the_clerk_to_check_is_asked_about_until_checked() {
        let mut opened = read(Purpose::Open);
        let note =
            Finding::new(Rule::Import, vec![id_of("requests.received.natural_person")], "已拆为（唯一拆法）".into());
        opened.opened.notes = vec![note.clone()];
        let worked = apply(&session(), Action::Read(Ok(opened), "new".into()));
        let asked = apply(&worked, Action::Export(Export::Rich));
        assert_eq!(asked.exporting.performing, None, "the report is whole and right, but one reading is unchecked");
        assert_eq!(
            asked.exporting.asking.as_ref().map(|(_, to_do)| to_do.question()),
            Some("报告有 1 条提醒，请逐条确认无误。仍要继续吗？".into())
        );
        let back = apply(&asked, Action::AnswerExport(false));
        assert_eq!(back.revealed.map(|(id, _)| id), Some(id_of("requests.received.natural_person")), "先去核对");
        let checked = apply(&worked, Action::Edit(Edit::DismissNote(note)));
        let copied = apply(&checked, Action::Export(Export::Rich));
        assert_eq!(copied.exporting.performing, Some((Export::Rich, 0)), "已核对: nothing left to ask");
        let done = apply(&copied, Action::Exported(Export::Rich, Exported::Done, PortalEditor::UEditor));
        assert_eq!(done.notice.map(|n| n.tone), Some(Tone::Done));
    }

    #[test]
    fn tidying_is_shown_first_and_applied_as_one_step() {
        let id = id_of("overview.intro");
        let typed = apply(&session(), Action::Edit(Edit::Set(id, "本报告 ,依据".into())));
        let change = Tidied { id, before: "本报告 ,依据".into(), after: "本报告，依据".into() };
        let shown = apply(&typed, Action::Tidy(Ok(vec![change])));
        assert_eq!(shown.report().text(id), "本报告 ,依据", "shown, not applied");
        let applied = apply(&shown, Action::ApplyTidy(true));
        assert_eq!(applied.report().text(id), "本报告，依据");
        assert_eq!(applied.exporting.tidying, None);
        assert_eq!(applied.notice.as_ref().map(|n| n.place), Some(Place::Publish));
        assert_eq!(apply(&applied, Action::Undo).report().text(id), "本报告 ,依据");
        let dropped = apply(&shown, Action::ApplyTidy(false));
        assert_eq!((dropped.report().text(id), dropped.exporting.tidying.is_none()), ("本报告 ,依据", true));
        assert!(dropped.after(Action::ApplyTidy(false)).is_none(), "nothing shown, nothing to drop");
        let whole = apply(&typed, Action::Tidy(Ok(vec![])));
        assert_eq!(whole.notice.map(|n| n.text), Some("文字已是规范格式，无需排版。".into()));
    }

    #[test]
    fn the_findings_bar_opens_and_closes_and_saying_the_same_changes_nothing() {
        let open = apply(&session(), Action::ShowFindings(true));
        assert!(open.findings_open);
        assert!(open.after(Action::ShowFindings(true)).is_none());
        assert!(!apply(&open, Action::ShowFindings(false)).findings_open);
    }

    #[test]
    fn a_notice_is_put_away_only_at_its_own_place() {
        let told = apply(&session(), Action::Tell(Notice::at(Place::Verify, Tone::Failed, "请先粘贴".into())));
        assert!(told.after(Action::PutAway(Place::Publish)).is_none(), "another place's notice stays");
        assert_eq!(apply(&told, Action::PutAway(Place::Verify)).notice, None);
        assert!(session().after(Action::PutAway(Place::Verify)).is_none(), "nothing to put away");
    }

    #[test]
    fn a_refused_file_is_said_with_one_stop_whatever_its_reason_ends_with() {
        let picture = crate::report::base::file_kind::FileKind::Picture("PNG").refusal().unwrap();
        let said = Notice::refused("截图.png", &picture).text;
        assert!(said.ends_with("粘贴进来）。当前报告没有任何改动。") && !said.contains("。。"), "{said}");
        assert_eq!(Notice::refused("a.txt", "文件是空的").text, "无法打开“a.txt”：文件是空的。当前报告没有任何改动。");
    }
}
