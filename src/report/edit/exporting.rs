//! 预览与发布 as plain state: an export the clerk asks for, the question asked first while the
//! report has errors or blanks, the answer, and what is said once the browser has done it (or not).
//! The widget performs the export — the clipboard, a download, the print — and reports back with
//! an [`Exported`]; everything decided about it is here, tested natively.

use std::rc::Rc;

use crate::report::base::format::FieldId;
use crate::report::publish::open::STILL_OPEN;
use crate::report::publish::portal::PortalEditor;
use crate::report::publish::tidy::Tidied;

use super::session::{Notice, Place, Tone};

/// A way the report leaves the widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// 复制（带格式）
    Rich,
    /// 复制 HTML 源码
    Source,
    /// 下载 .html 文件
    Download,
    /// 打印 / 另存为 PDF
    Print,
    /// 下载 Word
    Word,
}

/// What a report about to leave the widget still has to be done: its errors' messages, its
/// warnings' (an import's notes among them) and what is still open (blank cells, empty sections).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ToDo {
    pub errors: Rc<Vec<String>>,
    pub warnings: Rc<Vec<String>>,
    pub open: Rc<Vec<String>>,
    /// Where the clerk who answers 先去改正 is taken: the first error's field, else the first
    /// warning's, else the first field still open.
    pub first: Option<FieldId>,
}

impl ToDo {
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty() && self.warnings.is_empty() && self.open.is_empty()
    }

    /// It said in one sentence, asked before an export and said again after it; `None` when nothing.
    pub fn said(&self) -> Option<String> {
        to_do_said(self.errors.len(), self.warnings.len(), &self.open)
    }

    /// The question asked before an export.
    pub fn question(&self) -> String {
        format!("{}。仍要继续吗？", self.said().unwrap_or_default())
    }

    /// The question's safe answer, which takes the clerk to [`ToDo::first`].
    pub fn going_back(&self) -> &'static str {
        if !self.errors.is_empty() {
            "先去改正"
        } else if !self.warnings.is_empty() {
            "先去核对"
        } else {
            "先去填写"
        }
    }
}

/// What a report with `errors` errors, `warnings` warnings and `open`
/// ([`still_open`](crate::report::publish::open::still_open)) still has to be done, in one sentence; `None` when
/// nothing. The copies ask with it, and the 图解's page and 核对 say it (the widget hands the
/// worker the sentence).
pub fn to_do_said(errors: usize, warnings: usize, open: &[String]) -> Option<String> {
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(format!("还有 {errors} 个错误，发布前应当改正"));
    }
    // A warning is a likely mistake, or a number an import read that the clerk has not checked.
    if warnings > 0 {
        parts.push(format!("有 {warnings} 条提醒，请逐条确认无误"));
    }
    if !open.is_empty() {
        parts.push(format!("{STILL_OPEN}：{}", open.join("；")));
    }
    (!parts.is_empty()).then(|| format!("报告{}", parts.join("；")))
}

/// What is said when the clerk copies the report from 预览与发布 by hand (the title, the preview,
/// its HTML source) while it still has something to be done (`None` when nothing: the browser's
/// copy needs no word).
pub fn copied_by_hand(to_do: &ToDo) -> Option<Notice> {
    let said = to_do.said()?;
    Some(Notice::at(Place::Publish, Tone::Reminder, format!("已复制选中的内容。注意：{said}。")))
}

/// What became of an export, as the widget reports it.
#[derive(Debug, Clone, PartialEq)]
pub enum Exported {
    Done,
    /// Copied with the browser's copy command: its clipboard interface is missing or refused.
    CopiedByCommand,
    /// The browser would not do it (no clipboard, no download, no print window).
    Refused,
    /// The worker could not render or write it, and why.
    NotMade(String),
}

/// The export flow of 预览与发布.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Exporting {
    /// The export waiting for the clerk's answer to [`ToDo::question`], and what was asked about.
    pub asking: Option<(Export, ToDo)>,
    /// What the clerk last chose to go on with: not asked about again while it is what remains.
    acknowledged: Option<ToDo>,
    /// The export for the widget to perform now, numbered so that one asked for twice is done twice.
    pub performing: Option<(Export, u32)>,
    /// What remained when it was asked for, said again beside its result.
    performing_with: ToDo,
    /// 一键排版's changes, shown before and after, until the clerk applies or drops them.
    pub tidying: Option<Rc<Vec<Tidied>>>,
}

impl Exporting {
    /// The clerk asks for `export` with `to_do` remaining: asked first, unless nothing remains or
    /// the clerk already went on with exactly this.
    pub fn request(&mut self, export: Export, to_do: ToDo) {
        if to_do.is_empty() || self.acknowledged.as_ref() == Some(&to_do) {
            self.perform(export, to_do);
        } else {
            self.asking = Some((export, to_do));
        }
    }

    /// The clerk's answer to the question; true when it changed anything.
    pub fn answer(&mut self, go_on: bool) -> bool {
        let Some((export, to_do)) = self.asking.take() else { return false };
        if go_on {
            self.acknowledged = Some(to_do.clone());
            self.perform(export, to_do);
        }
        true
    }

    fn perform(&mut self, export: Export, to_do: ToDo) {
        let serial = self.performing.map_or(0, |(_, n)| n.wrapping_add(1));
        self.performing = Some((export, serial));
        self.performing_with = to_do;
    }

    /// What the clerk is told of the export being performed, done as `exported`.
    pub fn result(&self, export: Export, exported: &Exported, portal: PortalEditor) -> Notice {
        let done = |text: String| match self.performing_with.said() {
            None => Notice::at(Place::Publish, Tone::Done, text),
            Some(to_do) => Notice::at(Place::Publish, Tone::Reminder, format!("{text}注意：{to_do}。")),
        };
        let failed = |text: String| Notice::at(Place::Publish, Tone::Failed, text);
        match (export, exported) {
            (Export::Word, Exported::NotMade(why)) => failed(format!("未能生成 Word 文件：{why}。")),
            (_, Exported::NotMade(why)) => failed(why.clone()),
            (Export::Rich, Exported::Done) => done(portal.rich_copied()),
            (Export::Source, Exported::Done) => done(portal.source_copied()),
            (Export::Rich, Exported::CopiedByCommand) => done(
                "已复制（兼容方式：本浏览器的剪贴板接口不能写入带格式内容，已改用浏览器的“复制”命令，表格格式同样放入剪贴板），可直接粘贴到网站编辑器中。".into(),
            ),
            (_, Exported::CopiedByCommand) => done(
                "已复制 HTML 源码（兼容方式），请粘贴到编辑器的“源码”模式中。若粘贴为空，下方源码已选中，请按 Ctrl+C。".into(),
            ),
            (Export::Rich | Export::Source, Exported::Refused) => failed(
                "浏览器不允许直接写入剪贴板：已选中下方的 HTML 源码，请按 Ctrl+C 复制，再粘贴到编辑器的“源码”模式中。".into(),
            ),
            (Export::Download, Exported::Done) => done("已下载 HTML 文件。".into()),
            (Export::Download, Exported::Refused) => failed("浏览器未能下载文件，请改用“复制 HTML 源码”。".into()),
            (Export::Print, Exported::Done) => done(
                "已打开打印：报告单独打印在 A4 纸上；要 PDF 文件，在打印窗口的“目标打印机”中选“另存为 PDF”。".into(),
            ),
            (Export::Print, Exported::Refused) => {
                failed("浏览器未能打开打印，请改用“下载 .html 文件”，打开后再打印。".into())
            }
            (Export::Word, Exported::Done) => done("已下载 Word 文件（.docx），可用 Word、WPS 打开送审。".into()),
            (Export::Word, Exported::Refused) => failed("未能生成 Word 文件：浏览器未能下载文件。".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_do(errors: &[&str], open: &[&str]) -> ToDo {
        let said = |messages: &[&str]| Rc::new(messages.iter().map(|s| s.to_string()).collect());
        ToDo { errors: said(errors), warnings: Rc::default(), open: said(open), first: None }
    }

    #[test]
    fn a_whole_report_is_exported_at_once_and_said_done() {
        let mut flow = Exporting::default();
        flow.request(Export::Download, ToDo::default());
        assert_eq!((flow.asking.clone(), flow.performing), (None, Some((Export::Download, 0))));
        let said = flow.result(Export::Download, &Exported::Done, PortalEditor::UEditor);
        assert_eq!((said.tone, said.text.as_str(), said.place), (Tone::Done, "已下载 HTML 文件。", Place::Publish));
        flow.request(Export::Download, ToDo::default());
        assert_eq!(flow.performing, Some((Export::Download, 1)), "asked twice, done twice");
    }

    #[test]
    fn errors_or_blanks_are_asked_about_first_and_said_again_beside_what_was_done() {
        let open = to_do(&["表三「自然人」列：…"], &["3 个数字格未填，将按 0 发布"]);
        let mut flow = Exporting::default();
        flow.request(Export::Rich, open.clone());
        assert_eq!(flow.performing, None, "nothing leaves before the clerk answers");
        assert_eq!(
            flow.asking.as_ref().map(|(_, t)| t.question()),
            Some("报告还有 1 个错误，发布前应当改正；尚未填完：3 个数字格未填，将按 0 发布。仍要继续吗？".into())
        );
        assert!(flow.answer(true));
        assert_eq!(flow.performing, Some((Export::Rich, 0)));
        let said = flow.result(Export::Rich, &Exported::Done, PortalEditor::TinyMce);
        assert_eq!(said.tone, Tone::Reminder, "never a plain success over something still open");
        assert!(
            said.text.ends_with("注意：报告还有 1 个错误，发布前应当改正；尚未填完：3 个数字格未填，将按 0 发布。")
        );

        // Gone on with once, the same remainder is not asked about again; a different one is.
        flow.request(Export::Source, open.clone());
        assert_eq!(flow.performing, Some((Export::Source, 1)));
        let section = crate::report::base::format::id_of("other_matters");
        let empty_section = ToDo {
            first: Some(section),
            ..to_do(&[], &["“六、其他需要报告的事项”没有内容，只会发布标题"])
        };
        flow.request(Export::Source, empty_section);
        assert_eq!(flow.asking.as_ref().map(|(_, t)| t.going_back()), Some("先去填写"));
        assert!(flow.answer(false), "先去填写");
        assert_eq!((flow.asking.is_none(), flow.performing), (true, Some((Export::Source, 1))));
        assert!(!flow.answer(true), "nothing was asked");
    }

    #[test]
    fn the_safe_answer_says_what_the_clerk_goes_back_to_do() {
        assert_eq!(to_do(&["表三…"], &["3 个数字格未填，将按 0 发布"]).going_back(), "先去改正");
        let warned = ToDo {
            warnings: Rc::new(vec!["规章…请对照原表核对".into()]),
            ..to_do(&[], &["落款没有成文日期"])
        };
        assert_eq!(warned.going_back(), "先去核对");
        assert_eq!(to_do(&[], &["落款没有成文日期"]).going_back(), "先去填写");
    }

    #[test]
    fn the_sentence_names_errors_then_warnings_then_what_is_open() {
        assert_eq!(to_do_said(0, 0, &[]), None);
        assert_eq!(
            to_do_said(1, 2, &["落款没有成文日期".into()]).unwrap(),
            "报告还有 1 个错误，发布前应当改正；有 2 条提醒，请逐条确认无误；尚未填完：落款没有成文日期"
        );
        assert_eq!(to_do_said(0, 1, &[]).unwrap(), "报告有 1 条提醒，请逐条确认无误");
    }

    #[test]
    fn what_the_browser_refused_is_said_with_what_to_do_instead() {
        let flow = Exporting::default();
        let refused = flow.result(Export::Source, &Exported::Refused, PortalEditor::UEditor);
        assert_eq!(refused.tone, Tone::Failed);
        assert!(refused.text.contains("请按 Ctrl+C"));
        let word = flow.result(Export::Word, &Exported::NotMade("报告文件无法读取".into()), PortalEditor::UEditor);
        assert_eq!(word.text, "未能生成 Word 文件：报告文件无法读取。");
        let by_command = flow.result(Export::Rich, &Exported::CopiedByCommand, PortalEditor::UEditor);
        assert_eq!(by_command.tone, Tone::Done);
    }
}
