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
use super::notice::{notice_at, notice_view};
use super::seen::use_seen;
use super::storage;
use crate::report::Report;
use crate::report::base::file_kind::{FileKind, PAGE_FILES};
use crate::report::base::format;
use crate::report::edit::exporting::Exporting;
use crate::report::edit::session::{Action, Export, Exported, Notice, Place, Tone};
use crate::report::publish::fragment::{title, title_when_named};
use crate::report::publish::portal::PortalEditor;
use crate::worker::protocol::Page;

/// What a Word file is served as.
const WORD_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// How long typing must pause before the preview is redrawn.
const PREVIEW_DELAY_MS: u32 = 200;

#[derive(Properties, PartialEq)]
pub struct PublishProps {
    pub report: Rc<Report>,
    pub exporting: Exporting,
    /// What the report still has to be done (its errors, what is still open), which the 图解 and
    /// 核对 say.
    pub to_do: Option<AttrValue>,
    /// Last year's report, when the draft was started from it: the 图解's 同比.
    pub last_year: Option<Rc<Report>>,
    /// The session's latest message, shown here when it is this section's or 核对's. (Every part
    /// is handed it and shows it when it is its own: it changes rarely.)
    pub notice: Option<Notice>,
    pub onaction: Callback<Action>,
}

/// The rendering shown, and the report and to-do sentence it was rendered from (the 图解's page
/// says the sentence, which 检查全部 or an export changes without an edit).
#[derive(PartialEq)]
struct Preview {
    report: Rc<Report>,
    to_do: Option<AttrValue>,
    rendered: Result<Rendering, String>,
}

#[component]
pub fn Publish(props: &PublishProps) -> Html {
    let section = use_node_ref();
    let seen = use_seen(section.clone());
    let verify = use_verify(props.report.clone(), props.to_do.clone(), props.onaction.clone());
    let preview = use_state(|| None::<Preview>);
    let current =
        preview.as_ref().is_some_and(|p| p.report == props.report && p.to_do == props.to_do && p.rendered.is_ok());
    {
        let preview = preview.clone();
        let last_year = props.last_year.clone();
        use_effect_with((props.report.clone(), props.to_do.clone(), seen), move |(report, to_do, seen)| {
            let (report, to_do) = (report.clone(), to_do.clone());
            let redraw = (*seen && !current).then(|| {
                Timeout::new(PREVIEW_DELAY_MS, move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        let rendered = render_published(&report.to_file(last_year.as_deref()), to_do.as_deref()).await;
                        preview.set(Some(Preview { report, to_do, rendered }));
                    });
                })
            });
            move || drop(redraw)
        });
    }
    let rendering = preview.as_ref().and_then(|p| p.rendered.as_ref().ok());
    let (shown, chart_page) = rendering.map(|r| (r.fragment.clone(), r.chart_page.clone())).unwrap_or_default();
    let failed = preview.as_ref().and_then(|p| p.rendered.as_ref().err()).cloned();
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
    // The session says when to perform an export (asked for, or answered); it is told the outcome.
    {
        let ready = preview.as_ref().filter(|p| p.report == props.report).and_then(|p| p.rendered.clone().ok());
        let (report, preview, source, section) =
            (props.report.clone(), preview.clone(), source.clone(), section.clone());
        let (onaction, portal, to_do, last_year) =
            (props.onaction.clone(), *portal, props.to_do.clone(), props.last_year.clone());
        use_effect_with(props.exporting.performing, move |performing| {
            if let Some((export, _)) = *performing {
                wasm_bindgen_futures::spawn_local(async move {
                    let on = Target { report, to_do, last_year, ready, preview, source, section };
                    let exported = perform(export, on).await;
                    onaction.emit(Action::Exported(export, exported, portal));
                });
            }
        });
    }
    let request = |export: Export| props.onaction.reform(move |_: MouseEvent| Action::Export(export));
    let answer = |go_on: bool| props.onaction.reform(move |_: MouseEvent| Action::AnswerExport(go_on));
    // A copy made by hand of the report's parts here (the title, the preview, the source) is said
    // with what is left; 核对's box holds the portal's page, not the report, and is left out.
    let copied_by_hand = props.onaction.reform(|_: Event| Action::CopiedByHand);
    // 一键排版: the changes worked out in the worker, shown before and after, applied only when the
    // clerk says so.
    let tidy = {
        let (onaction, report) = (props.onaction.clone(), props.report.clone());
        Callback::from(move |_: MouseEvent| {
            let (onaction, file) = (onaction.clone(), report.to_file(None));
            wasm_bindgen_futures::spawn_local(async move { onaction.emit(Action::Tidy(tidy_texts(&file).await)) });
        })
    };
    let apply_tidy = |apply: bool| props.onaction.reform(move |_: MouseEvent| Action::ApplyTidy(apply));
    let notice = |place: Place| notice_at(props.notice.as_ref(), place).map(|n| notice_view(n, None));

    // The copy the chosen editor needs is the one the eye lands on.
    let primary = |source: bool| (portal.copies_source() == source).then_some("xx-primary");
    html! {
        <section class="xx-publish" aria-label="预览与发布" ref={section.clone()}>
            <h2>{ "预览与发布" }</h2>
            <div oncopy={copied_by_hand}>
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
            if let Some(changes) = &props.exporting.tidying {
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
                        <button type="button" data-action="apply-tidy" onclick={apply_tidy(true)}>{ "全部应用" }</button>
                        <button type="button" data-action="cancel-tidy" onclick={apply_tidy(false)}>{ "取消" }</button>
                    </div>
                </section>
            }
            if let Some((_, to_do)) = &props.exporting.asking {
                <Confirm question={to_do.question()} yes="仍然继续" action="confirm" no={to_do.going_back()} holding=true
                    onyes={answer(true)} onno={answer(false)} />
            }
            // `if`s keep their slots: what follows is not drawn anew when a message comes.
            if let Some(notice) = notice(Place::Publish) {
                { notice }
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
            // The 图解, a page the worker makes, with its own downloads. Its frame is made once the
            // page is: an empty frame made with the widget cost its first drawing 10 to 20 ms.
            <h3>{ "图解" }</h3>
            if !chart_page.is_empty() {
                <iframe class="xx-chart" title="图解" data-testid="chart" srcdoc={chart_page} />
            }
            </div>
            { verify_box(&verify, notice(Place::Verify)) }
        </section>
    }
}

/// What an export works on: the report, its rendering when the preview holds it, and the parts
/// of the page it uses.
struct Target {
    report: Rc<Report>,
    to_do: Option<AttrValue>,
    last_year: Option<Rc<Report>>,
    ready: Option<Rendering>,
    preview: UseStateHandle<Option<Preview>>,
    /// The source box, selected for Ctrl+C when the browser refuses the clipboard.
    source: NodeRef,
    /// The section the print frame is put beside.
    section: NodeRef,
}

/// Performs `export` in the browser and says what became of it.
async fn perform(export: Export, on: Target) -> Exported {
    let Target { report, to_do, last_year, ready, preview, source, section } = on;
    let done = |result: Result<(), _>| if result.is_ok() { Exported::Done } else { Exported::Refused };
    // The Word file is written from the report itself, not from the fragment.
    if export == Export::Word {
        return match word_file(&report.to_file(None)).await {
            Ok(bytes) => done(browser::download_bytes(&format!("{}.docx", title(&report)), WORD_TYPE, &bytes)),
            Err(why) => Exported::NotMade(why),
        };
    }
    let rendering = match ready {
        Some(rendering) => rendering,
        None => match render_published(&report.to_file(last_year.as_deref()), to_do.as_deref()).await {
            Ok(rendering) => {
                let rendered = Ok(rendering.clone());
                preview.set(Some(Preview { report: report.clone(), to_do: to_do.clone(), rendered }));
                rendering
            }
            Err(why) => return Exported::NotMade(why),
        },
    };
    let Rendering { fragment, text, document, .. } = rendering;
    match export {
        Export::Print => {
            let host = section.cast::<web_sys::Element>();
            return host.map_or(Exported::Refused, |host| done(browser::print_document(&host, &document)));
        }
        Export::Download => {
            let name = format!("{}.html", title(&report));
            return done(browser::download(&name, "text/html;charset=utf-8", &document));
        }
        _ => {}
    }
    // Rich copies carry the report as readable text for plain fields; source copies the HTML.
    let rich = export == Export::Rich;
    let plain = if rich { text } else { fragment.to_string() };
    let copied = if rich { browser::copy_rich(&fragment, &plain).await } else { browser::copy_text(&fragment).await };
    if copied.is_ok() {
        return Exported::Done;
    }
    // The Clipboard API is missing (plain-http portal, older browser) or was refused.
    if let Some(area) = source.cast::<web_sys::HtmlTextAreaElement>() {
        area.set_value(&fragment);
        browser::select_all(&area);
    }
    if browser::copy_with_command(rich.then_some(fragment.as_str()), &plain) {
        Exported::CopiedByCommand
    } else {
        Exported::Refused
    }
}

/// What 核对 says when there is no page to hold against the report.
const NO_PAGE_TO_VERIFY: &str = "还没有发布页可核对：请先粘贴到上面的框里，或点“打开另存的网页”。";

/// 核对发布结果's state: the page pasted or opened, and the verdict on it (why it could not be
/// checked goes to the session's notice).
struct Verify {
    pasted: Rc<PastedPage>,
    verdict: UseStateHandle<Option<AttrValue>>,
    onclick: Callback<MouseEvent>,
    onchange: Callback<Event>,
}

/// The published page, pasted or saved, read back and held against the report.
#[hook]
fn use_verify(report: Rc<Report>, to_do: Option<AttrValue>, onaction: Callback<Action>) -> Verify {
    let pasted = Rc::new(use_pasted_page());
    let verdict = use_state(|| None::<AttrValue>);
    let tell = {
        let (verdict, onaction) = (verdict.clone(), onaction.clone());
        Callback::from(move |why: String| {
            verdict.set(None);
            onaction.emit(Action::Tell(Notice::at(Place::Verify, Tone::Failed, why)));
        })
    };
    let check = {
        let (verdict, tell) = (verdict.clone(), tell.clone());
        Callback::from(move |(kind, page): (FileKind, Page)| {
            let (verdict, tell, file, to_do) = (verdict.clone(), tell.clone(), report.to_file(None), to_do.clone());
            let onaction = onaction.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match verify_published(&file, to_do.as_deref(), kind, page).await {
                    Ok(said) => {
                        onaction.emit(Action::PutAway(Place::Verify));
                        verdict.set(Some(AttrValue::from(said)));
                    }
                    Err(why) => tell.emit(why),
                }
            });
        })
    };
    let onclick = {
        let (pasted, check, tell) = (pasted.clone(), check.clone(), tell.clone());
        Callback::from(move |_: MouseEvent| match pasted.page() {
            Some(page) => check.emit((FileKind::Page, Page::Text(page))),
            None => tell.emit(NO_PAGE_TO_VERIFY.to_string()),
        })
    };
    let onchange = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        input.set_value("");
        let (check, tell) = (check.clone(), tell.clone());
        wasm_bindgen_futures::spawn_local(async move {
            match browser::read_bytes(&file).await {
                Ok(bytes) => check.emit((browser::file_kind(&file.name(), &bytes), Page::Bytes(bytes))),
                Err(_) => tell.emit(format!("浏览器未能读取“{}”", file.name())),
            }
        });
    });
    Verify { pasted, verdict, onclick, onchange }
}

/// 核对发布结果: where the page goes in, and the verdict or why there is none. A plain view over
/// [`use_verify`]'s state.
fn verify_box(verify: &Verify, notice: Option<Html>) -> Html {
    let Verify { pasted, verdict, onclick, onchange } = verify;
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
                if let Some(verdict) = &**verdict {
                    { Html::from_html_unchecked(verdict.clone()) }
                }
                if let Some(notice) = notice {
                    { notice }
                }
            </div>
        </section>
    }
}
