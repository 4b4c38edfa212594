//! The portal's article editor, named once by the clerk: which copy to use and what to do in the
//! editor so that the published tables keep their lines. Each piece of advice is what
//! `tests/e2e/editors.test.mjs` measured in that editor; nothing is claimed that it does not show.

/// An article editor government portals embed, or 不清楚.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PortalEditor {
    #[default]
    Unknown,
    UEditor,
    TinyMce,
    CkEditor4,
    KindEditor,
    WangEditor,
    CkEditor5,
}

/// The copy that keeps the lines in an editor, and how it goes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// 复制（带格式）and Control+V: measured to keep the lines, even under an article style
    /// sheet that zeroes cell borders or one that collapses tables.
    RichPaste,
    /// 复制 HTML 源码 into the editor's source mode, whose button is named here: a paste loses
    /// the lines under some article style sheet, said in `loses` (in Chromium; Firefox keeps them).
    SourceMode { button: &'static str, loses: &'static str },
    /// The editor strips every line and has no source mode: the article template's one rule
    /// (README, 给网站管理员) draws them.
    WebmasterRule,
    /// Not known: rich paste, then a look at the lines.
    Unknown,
}

impl PortalEditor {
    pub const ALL: [PortalEditor; 7] = [
        PortalEditor::Unknown,
        PortalEditor::UEditor,
        PortalEditor::TinyMce,
        PortalEditor::CkEditor4,
        PortalEditor::KindEditor,
        PortalEditor::WangEditor,
        PortalEditor::CkEditor5,
    ];

    /// How the choice is stored.
    pub fn key(self) -> &'static str {
        match self {
            PortalEditor::Unknown => "unknown",
            PortalEditor::UEditor => "ueditor",
            PortalEditor::TinyMce => "tinymce",
            PortalEditor::CkEditor4 => "ckeditor4",
            PortalEditor::KindEditor => "kindeditor",
            PortalEditor::WangEditor => "wangeditor",
            PortalEditor::CkEditor5 => "ckeditor5",
        }
    }

    pub fn from_key(key: &str) -> PortalEditor {
        PortalEditor::ALL.into_iter().find(|e| e.key() == key).unwrap_or_default()
    }

    /// The name a clerk knows it by.
    pub fn label(self) -> &'static str {
        match self {
            PortalEditor::Unknown => "不清楚",
            PortalEditor::UEditor => "UEditor（百度编辑器）",
            PortalEditor::TinyMce => "TinyMCE",
            PortalEditor::CkEditor4 => "CKEditor 4",
            PortalEditor::KindEditor => "KindEditor",
            PortalEditor::WangEditor => "wangEditor",
            PortalEditor::CkEditor5 => "CKEditor 5",
        }
    }

    fn name(self) -> &'static str {
        match self {
            PortalEditor::UEditor => "UEditor",
            PortalEditor::Unknown => "编辑器",
            other => other.label(),
        }
    }

    pub fn route(self) -> Route {
        match self {
            PortalEditor::TinyMce | PortalEditor::KindEditor => Route::RichPaste,
            PortalEditor::UEditor => Route::SourceMode {
                button: "源代码",
                loses: "UEditor 可能去掉表格的边框和样式，文章页的样式表若把表格设为边框合并，表格就没有线了",
            },
            PortalEditor::CkEditor4 => Route::SourceMode {
                button: "源码",
                loses: "CKEditor 4 可能去掉单元格的样式，文章页的样式表去掉边框时表格就没有线了",
            },
            PortalEditor::WangEditor | PortalEditor::CkEditor5 => Route::WebmasterRule,
            PortalEditor::Unknown => Route::Unknown,
        }
    }

    /// Whether 复制 HTML 源码 is the copy to use (else 复制（带格式）).
    pub fn copies_source(self) -> bool {
        matches!(self.route(), Route::SourceMode { .. })
    }

    /// What to do, shown beside the copy buttons.
    pub fn steps(self) -> String {
        let name = self.name();
        match self.route() {
            Route::RichPaste => format!(
                "点“复制（带格式）”，在 {name} 中按 Ctrl+V 粘贴：表格、表格线和宽度都会保留，文章页的样式表去掉单元格边框或合并表格边框时也是如此（已在 {name} 中实测）。"
            ),
            Route::SourceMode { button, loses } => format!(
                "点“复制 HTML 源码”，在 {name} 中点“{button}”按钮，全选后粘贴，再点“{button}”回到编辑视图。直接按 Ctrl+V 粘贴时，{loses}；源码方式实测都有线。"
            ),
            Route::WebmasterRule => format!(
                "点“复制（带格式）”，在 {name} 中按 Ctrl+V 粘贴：表格和文字都会保留，但 {name} 会去掉全部表格线和宽度，也没有可用的源码模式。请网站管理员在文章页模板中加一行表格线样式（编制助手说明中“给网站管理员”一节），加一次即可。"
            ),
            Route::Unknown => "点“复制（带格式）”，在网站的编辑器中按 Ctrl+V 粘贴，再看一眼表格线是否还在。若线没了，请在上面选出网站使用的编辑器，按它的方法做；不知道是哪一种时，请网站管理员在文章页模板中加一行表格线样式（编制助手说明中“给网站管理员”一节）。".to_string(),
        }
    }

    /// What is said once the fragment is on the clipboard as rich text.
    pub fn rich_copied(self) -> String {
        let name = self.name();
        match self.route() {
            Route::RichPaste => format!("已复制，请在 {name} 中按 Ctrl+V 粘贴。"),
            Route::SourceMode { button, .. } => format!(
                "已复制（带格式）。在 {name} 中直接粘贴可能丢掉表格线，建议改用“复制 HTML 源码”，粘贴到“{button}”模式中。"
            ),
            Route::WebmasterRule => {
                format!("已复制，请在 {name} 中按 Ctrl+V 粘贴；表格线要靠文章页模板中的表格线样式。")
            }
            Route::Unknown => {
                "已复制，可直接粘贴到网站编辑器中；粘贴后请在编辑器里看一眼表格的边框是否还在。".to_string()
            }
        }
    }

    /// What is said once the fragment's HTML source is on the clipboard.
    pub fn source_copied(self) -> String {
        match self {
            PortalEditor::UEditor => {
                "已复制 HTML 源码，请在 UEditor 中点“源代码”（HTML）按钮后粘贴，再点一次回到编辑视图。".into()
            }
            PortalEditor::TinyMce => "已复制 HTML 源码，请在 TinyMCE 中打开“源代码”，粘贴后点“保存”。".into(),
            PortalEditor::KindEditor => {
                "已复制 HTML 源码，请在 KindEditor 中点“HTML代码”按钮后粘贴，再点一次回到编辑视图。".into()
            }
            PortalEditor::CkEditor4 => {
                "已复制 HTML 源码，请在 CKEditor 中点“源码”按钮，全选后粘贴，再点“源码”回到编辑视图。".into()
            }
            PortalEditor::WangEditor | PortalEditor::CkEditor5 => {
                format!("已复制 HTML 源码。{} 没有可用的源码模式，请改用“复制（带格式）”。", self.name())
            }
            PortalEditor::Unknown => "已复制 HTML 源码，请粘贴到编辑器的“源码”模式中。".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_is_stored_and_read_back_and_anything_else_is_not_known() {
        for editor in PortalEditor::ALL {
            assert_eq!(PortalEditor::from_key(editor.key()), editor);
        }
        assert_eq!(PortalEditor::from_key(""), PortalEditor::Unknown);
        assert_eq!(PortalEditor::from_key("word"), PortalEditor::Unknown);
    }

    #[test]
    fn the_advice_names_the_copy_the_route_takes() {
        for editor in PortalEditor::ALL {
            let steps = editor.steps();
            let copy = if editor.copies_source() { "“复制 HTML 源码”" } else { "“复制（带格式）”" };
            assert!(steps.starts_with(&format!("点{copy}")), "{editor:?}: {steps}");
            assert_eq!(steps.contains("给网站管理员"), matches!(editor.route(), Route::WebmasterRule | Route::Unknown));
        }
    }
}
