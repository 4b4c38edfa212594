//! Preview and export: the exact fragment the core renders, copied as rich text or as source, or
//! downloaded as a file; and 核对发布结果 once it is published.
//!
//! The rendering happens in the widget's worker (`worker.rs`), which the clerk does not wait for
//! when the widget opens: the preview is drawn once the section comes near the screen, a moment
//! after typing stops, and exports always use the report as it is at the click.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::browser;
use super::confirm::Confirm;
use super::files::{PastedPage, use_pasted_page};
use super::jobs::{Rendering, render_published, tidy_texts, verify_published, word_file};
use super::seen::use_seen;
use super::storage;
use crate::report::Report;
use crate::report::base::file_kind::{FileKind, PAGE_FILES};
use crate::report::base::format;
use crate::report::edit::editor::Edit;
use crate::report::publish::fragment::{title, title_when_named};
use crate::report::publish::portal::PortalEditor;
use crate::report::publish::tidy::Tidied;
use crate::worker::protocol::Page;

/// What a Word file is served as.
const WORD_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// How long typing must pause before the preview is redrawn.
const PREVIEW_DELAY_MS: u32 = 200;

#[derive(Properties, PartialEq)]
pub struct PublishProps {
    pub report: Rc<Report>,
    /// The messages of the open error findings. Exporting with any asks first, and asks again
    /// whenever they are not the ones the clerk last went on with.
    pub errors: Rc<Vec<String>>,
    /// What is still open (blank cells, empty sections): asked about like errors, and said again
    /// beside what an export did, in a reminder's colour rather than a success's.
    pub open: Rc<Vec<String>>,
    /// Told of every export: the report is about to leave the widget, so every check should run.
    pub onexport: Callback<()>,
    /// 一键排版's changes, applied as one step.
    pub onedit: Callback<Edit>,
    /// How many times the clerk pressed Ctrl+P in the widget: each asks for 打印 / 另存为 PDF.
    pub print_requests: u32,
}

/// The rendering shown, and the report it was rendered from.
#[derive(PartialEq)]
struct Preview {
    report: Rc<Report>,
    rendered: Result<Rendering, String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Export {
    Rich,
    Source,
    Download,
    Print,
    Word,
}

/// How an export's result is said.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tone {
    Done,
    /// Done, with something still open.
    Reminder,
    Failed,
}

#[derive(Debug, Clone, PartialEq)]
struct Status {
    tone: Tone,
    text: String,
}

impl Status {
    fn class(&self) -> &'static str {
        match self.tone {
            Tone::Done => "xx-ok",
            Tone::Reminder => "xx-warning",
            Tone::Failed => "xx-error",
        }
    }
}

/// What a report about to leave the widget still has to be done (its errors, what is still open),
/// asked before an export and said again after it; `None` when nothing.
fn to_do(errors: usize, open: &[String]) -> Option<String> {
    let mut said = String::from("报告");
    if errors > 0 {
        said.push_str(&format!("还有 {errors} 个错误，发布前应当改正"));
    }
    if !open.is_empty() {
        said.push_str(if errors > 0 { "；尚未填完：" } else { "尚未填完：" });
        said.push_str(&open.join("；"));
    }
    (errors > 0 || !open.is_empty()).then_some(said)
}

#[component]
pub fn Publish(props: &PublishProps) -> Html {
    let section = use_node_ref();
    let seen = use_seen(section.clone());
    let verify = use_verify(props.report.clone());
    let preview = use_state(|| None::<Preview>);
    let current = preview.as_ref().is_some_and(|p| p.report == props.report && p.rendered.is_ok());
    {
        let preview = preview.clone();
        use_effect_with((props.report.clone(), seen), move |(report, seen)| {
            let report = report.clone();
            let redraw = (*seen && !current).then(|| {
                Timeout::new(PREVIEW_DELAY_MS, move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        let rendered = render_published(&report.to_file(None)).await;
                        preview.set(Some(Preview { report, rendered }));
                    });
                })
            });
            move || drop(redraw)
        });
    }
    let shown = match preview.as_ref().map(|p| &p.rendered) {
        Some(Ok(rendering)) => rendering.fragment.clone(),
        _ => AttrValue::default(),
    };
    let failed = preview.as_ref().and_then(|p| p.rendered.as_ref().err()).cloned();
    let status = use_state(|| None::<Status>);
    let pending = use_state(|| None::<Export>);
    // The errors and open items the clerk last chose to go on with.
    let acknowledged = use_state(|| None::<(Rc<Vec<String>>, Rc<Vec<String>>)>);
    let source = use_node_ref();
    let portal = use_state(storage::portal_editor);
    let choose = {
        let portal = portal.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let editor = PortalEditor::from_key(&select.value());
            storage::set_portal_editor(editor);
            portal.set(editor);
        })
    };

    let perform = {
        let (status, source, portal, section) = (status.clone(), source.clone(), *portal, section.clone());
        let (report, preview) = (props.report.clone(), preview.clone());
        let to_do = to_do(props.errors.len(), &props.open);
        let onexport = props.onexport.clone();
        Callback::from(move |export: Export| {
            onexport.emit(());
            let say = {
                let (status, to_do) = (status.clone(), to_do.clone());
                move |ok: bool, text: &str| {
                    let said = match (ok, &to_do) {
                        (false, _) => Status { tone: Tone::Failed, text: text.to_string() },
                        (true, None) => Status { tone: Tone::Done, text: text.to_string() },
                        (true, Some(to_do)) => {
                            Status { tone: Tone::Reminder, text: format!("{text}注意：{to_do}。") }
                        }
                    };
                    status.set(Some(said))
                }
            };
            let ready = preview.as_ref().filter(|p| p.report == report).and_then(|p| p.rendered.clone().ok());
            let (source, report, preview, section) = (source.clone(), report.clone(), preview.clone(), section.clone());
            wasm_bindgen_futures::spawn_local(async move {
                // The Word file is written from the report itself, not from the fragment.
                if export == Export::Word {
                    let saved = match word_file(&report.to_file(None)).await {
                        Ok(bytes) => browser::download_bytes(&format!("{}.docx", title(&report)), WORD_TYPE, &bytes)
                            .map_err(|_| "浏览器未能下载文件".to_string()),
                        Err(why) => Err(why),
                    };
                    return match saved {
                        Ok(()) => say(true, "已下载 Word 文件（.docx），可用 Word、WPS 打开送审。"),
                        Err(why) => say(false, &format!("未能生成 Word 文件：{why}。")),
                    };
                }
                let rendering = match ready {
                    Some(rendering) => rendering,
                    None => match render_published(&report.to_file(None)).await {
                        Ok(rendering) => {
                            preview.set(Some(Preview { report: report.clone(), rendered: Ok(rendering.clone()) }));
                            rendering
                        }
                        Err(why) => return say(false, &why),
                    },
                };
                let Rendering { fragment, text, document } = rendering;
                if export == Export::Print {
                    return match section
                        .cast::<web_sys::Element>()
                        .map(|host| browser::print_document(&host, &document))
                    {
                        Some(Ok(())) => say(
                            true,
                            "已打开打印：报告单独打印在 A4 纸上；要 PDF 文件，在打印窗口的“目标打印机”中选“另存为 PDF”。",
                        ),
                        _ => say(false, "浏览器未能打开打印，请改用“下载 .html 文件”，打开后再打印。"),
                    };
                }
                if export == Export::Download {
                    return match browser::download(
                        &format!("{}.html", title(&report)),
                        "text/html;charset=utf-8",
                        &document,
                    ) {
                        Ok(()) => say(true, "已下载 HTML 文件。"),
                        Err(_) => say(false, "浏览器未能下载文件，请改用“复制 HTML 源码”。"),
                    };
                }
                // Rich copies carry the report as readable text for plain fields; source copies the HTML.
                let plain = if export == Export::Rich { text } else { fragment.to_string() };
                let copied = match export {
                    Export::Rich => browser::copy_rich(&fragment, &plain).await,
                    _ => browser::copy_text(&fragment).await,
                };
                if copied.is_ok() {
                    let done = if export == Export::Rich { portal.rich_copied() } else { portal.source_copied() };
                    return say(true, &done);
                }
                // The Clipboard API is missing (plain-http portal, older browser) or was refused.
                if let Some(area) = source.cast::<web_sys::HtmlTextAreaElement>() {
                    area.set_value(&fragment);
                    browser::select_all(&area);
                }
                let html = (export == Export::Rich).then_some(fragment.as_str());
                if browser::copy_with_command(html, &plain) {
                    let done = if export == Export::Rich {
                        "已复制（兼容方式：本浏览器的剪贴板接口不能写入带格式内容，已改用浏览器的“复制”命令，表格格式同样放入剪贴板），可直接粘贴到网站编辑器中。"
                    } else {
                        "已复制 HTML 源码（兼容方式），请粘贴到编辑器的“源码”模式中。若粘贴为空，下方源码已选中，请按 Ctrl+C。"
                    };
                    say(true, done)
                } else {
                    say(
                        false,
                        "浏览器不允许直接写入剪贴板：已选中下方的 HTML 源码，请按 Ctrl+C 复制，再粘贴到编辑器的“源码”模式中。",
                    )
                }
            });
        })
    };

    let ask_for = {
        let now = (props.errors.clone(), props.open.clone());
        let asks = (!now.0.is_empty() || !now.1.is_empty()) && acknowledged.as_ref() != Some(&now);
        let (perform, pending) = (perform.clone(), pending.clone());
        Callback::from(move |export: Export| {
            if asks {
                pending.set(Some(export));
            } else {
                perform.emit(export);
            }
        })
    };
    let request = |export: Export| ask_for.reform(move |_: MouseEvent| export);
    {
        let ask_for = ask_for.clone();
        use_effect_with(props.print_requests, move |asked| {
            if *asked > 0 {
                ask_for.emit(Export::Print);
            }
        });
    }
    let go_on = {
        let (perform, pending, acknowledged) = (perform.clone(), pending.clone(), acknowledged.clone());
        let now = (props.errors.clone(), props.open.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(export) = *pending {
                acknowledged.set(Some(now.clone()));
                pending.set(None);
                perform.emit(export);
            }
        })
    };
    let cancel = {
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| pending.set(None))
    };

    // 一键排版: the changes shown before and after, applied only when the clerk says so.
    let tidying = use_state(|| None::<Rc<Vec<Tidied>>>);
    let tidy = {
        let (tidying, status, report) = (tidying.clone(), status.clone(), props.report.clone());
        Callback::from(move |_: MouseEvent| {
            let (tidying, status, file) = (tidying.clone(), status.clone(), report.to_file(None));
            wasm_bindgen_futures::spawn_local(async move {
                match tidy_texts(&file).await {
                    Ok(changes) if changes.is_empty() => {
                        tidying.set(None);
                        status.set(Some(Status {
                            tone: Tone::Done, text: "文字已是规范格式，无需排版。".into()
                        }));
                    }
                    Ok(changes) => tidying.set(Some(Rc::new(changes))),
                    Err(why) => status.set(Some(Status { tone: Tone::Failed, text: why })),
                }
            });
        })
    };
    let apply_tidy = {
        let (tidying, status, onedit) = (tidying.clone(), status.clone(), props.onedit.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(changes) = (*tidying).clone() else { return };
            onedit.emit(Edit::SetMany(changes.iter().map(|c| (c.id, c.after.clone())).collect()));
            let text = format!("已排版 {} 处文字；要恢复，点“撤销”或按 Ctrl+Z。", changes.len());
            status.set(Some(Status { tone: Tone::Done, text }));
            tidying.set(None);
        })
    };
    let cancel_tidy = {
        let tidying = tidying.clone();
        Callback::from(move |_: MouseEvent| tidying.set(None))
    };

    // The copy the chosen editor needs is the one the eye lands on.
    let primary = |source: bool| (portal.copies_source() == source).then_some("xx-primary");
    html! {
        <section class="xx-publish" aria-label="预览与发布" ref={section.clone()}>
            <h2>{ "预览与发布" }</h2>
            <p class="xx-title-line">{ "文章标题（填入网站的标题栏）：" }<strong data-testid="title">{ title_when_named(&props.report).unwrap_or_else(|| "（填写机关全称和报告年度后生成）".into()) }</strong></p>
            <label class="xx-portal">
                { "网站使用的编辑器：" }
                <select data-action="portal-editor" onchange={choose}>
                    for editor in PortalEditor::ALL {
                        <option value={editor.key()} selected={editor == *portal}>{ editor.label() }</option>
                    }
                </select>
            </label>
            <p class="xx-steps" data-testid="editor-steps">{ portal.steps() }</p>
            <div class="xx-actions">
                <button type="button" class={primary(false)} data-action="copy-rich" onclick={request(Export::Rich)}>{ "复制（带格式）" }</button>
                <button type="button" class={primary(true)} data-action="copy-source" onclick={request(Export::Source)}>{ "复制 HTML 源码" }</button>
                <button type="button" data-action="download" onclick={request(Export::Download)}>{ "下载 .html 文件" }</button>
                <button type="button" data-action="print" onclick={request(Export::Print)}>{ "打印 / 另存为 PDF" }</button>
                <button type="button" data-action="download-word" onclick={request(Export::Word)}>{ "下载 Word" }</button>
                <button type="button" data-action="tidy" onclick={tidy}>{ "一键排版" }</button>
            </div>
            if let Some(changes) = &*tidying {
                <section class="xx-tidy" aria-label="一键排版" data-testid="tidy">
                    <p>{ format!("一键排版将改动 {} 处文字（全角标点、序号、每行一段、多余空格），请看过再应用：", changes.len()) }</p>
                    <table class="xx-differences">
                        <thead><tr><th scope="col">{ "位置" }</th><th scope="col">{ "排版前" }</th><th scope="col">{ "排版后" }</th></tr></thead>
                        <tbody>
                            for change in changes.iter() {
                                <tr data-field={format::field(change.id).key.clone()}>
                                    <td>{ &format::field(change.id).place }</td><td class="xx-pre">{ &change.before }</td><td class="xx-pre">{ &change.after }</td>
                                </tr>
                            }
                        </tbody>
                    </table>
                    <div class="xx-actions">
                        <button type="button" data-action="apply-tidy" onclick={apply_tidy}>{ "全部应用" }</button>
                        <button type="button" data-action="cancel-tidy" onclick={cancel_tidy}>{ "取消" }</button>
                    </div>
                </section>
            }
            if pending.is_some() {
                <Confirm question={format!("{}。仍要继续吗？", to_do(props.errors.len(), &props.open).unwrap_or_default())}
                    yes="仍然继续" action="confirm" no="先去改正" onyes={go_on} onno={cancel} />
            }
            if let Some(status) = &*status {
                <p class={classes!("xx-status", status.class())} role="status" data-testid="copy-status">
                    { &status.text }
                </p>
            }
            if let Some(why) = failed {
                <p class="xx-status xx-error" role="status" data-testid="preview-error">{ why }</p>
            }
            // Reachable by the keyboard, so that its scrolling is too.
            <div class="xx-preview" data-testid="preview" data-state={if current { "current" } else { "pending" }}
                tabindex="0" role="region" aria-label="预览">
                { Html::from_html_unchecked(shown.clone()) }
            </div>
            <label class="xx-text">
                <span class="xx-text-label">{ "HTML 源码（与上方预览完全一致）" }</span>
                <textarea ref={source} readonly=true rows="6" data-testid="source" value={shown} />
            </label>
            { verify_box(&verify) }
        </section>
    }
}

/// 核对发布结果's state: the page pasted or opened, and the verdict on it.
struct Verify {
    pasted: Rc<PastedPage>,
    result: UseStateHandle<Option<Result<AttrValue, String>>>,
    onclick: Callback<MouseEvent>,
    onchange: Callback<Event>,
}

/// The published page, pasted or saved, read back and held against the report.
#[hook]
fn use_verify(report: Rc<Report>) -> Verify {
    let pasted = Rc::new(use_pasted_page());
    let result = use_state(|| None::<Result<AttrValue, String>>);
    let check = {
        let (result, report) = (result.clone(), report);
        Callback::from(move |(kind, page): (FileKind, Page)| {
            let (result, file) = (result.clone(), report.to_file(None));
            wasm_bindgen_futures::spawn_local(async move {
                result.set(Some(verify_published(&file, kind, page).await.map(AttrValue::from)));
            });
        })
    };
    let onclick = {
        let (pasted, check) = (pasted.clone(), check.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(page) = pasted.page() {
                check.emit((FileKind::Page, Page::Text(page)));
            }
        })
    };
    let onchange = {
        let result = result.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
            input.set_value("");
            let (check, result) = (check.clone(), result.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match browser::read_bytes(&file).await {
                    Ok(bytes) => check.emit((browser::file_kind(&file.name(), &bytes), Page::Bytes(bytes))),
                    Err(_) => result.set(Some(Err(format!("浏览器未能读取“{}”", file.name())))),
                }
            });
        })
    };
    Verify { pasted, result, onclick, onchange }
}

/// 核对发布结果: where the page goes in, and the verdict. A plain view over [`use_verify`]'s state.
fn verify_box(verify: &Verify) -> Html {
    let Verify { pasted, result, onclick, onchange } = verify;
    html! {
        <section class="xx-verify" aria-label="核对发布结果" data-testid="verify">
            <h3>{ "核对发布结果" }</h3>
            <label class="xx-text">
                <span class="xx-text-label">{ "发布后，打开网站上的文章页，整页复制（Ctrl+A、Ctrl+C）粘贴到这里，或打开另存的网页文件：" }</span>
                <textarea ref={pasted.area.clone()} rows="4" data-testid="verify-source"
                    onpaste={pasted.onpaste.clone()} oninput={pasted.oninput.clone()} />
            </label>
            <div class="xx-actions">
                <button type="button" data-action="verify" onclick={onclick.clone()}>{ "核对" }</button>
                <label class="xx-file-button">
                    { "打开另存的网页" }
                    <input type="file" accept={PAGE_FILES} data-action="verify-file" onchange={onchange.clone()} />
                </label>
            </div>
            <div role="status" data-testid="verify-result">
                {
                    match &**result {
                        Some(Ok(verdict)) => Html::from_html_unchecked(verdict.clone()),
                        Some(Err(why)) => html! { <p class="xx-status xx-error">{ why }</p> },
                        None => html! {},
                    }
                }
            </div>
        </section>
    }
}
