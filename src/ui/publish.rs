//! Preview and export: the exact fragment the core renders, copied as rich text or as source, or
//! downloaded as a file.
//!
//! The preview redraws a moment after typing stops: replacing a whole report's worth of markup
//! on every keystroke would cost the clerk more than everything else the widget does. Exports
//! always render the report as it is at the click.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::browser;
use super::confirm::confirm;
use crate::report::fragment::{render_document, render_text, title, title_when_named};
use crate::report::{Report, render};

/// How long typing must pause before the preview is redrawn.
const PREVIEW_DELAY_MS: u32 = 200;

#[derive(Properties, PartialEq)]
pub struct PublishProps {
    pub report: Rc<Report>,
    /// The messages of the open error findings. Exporting with any asks first, and asks again
    /// whenever they are not the ones the clerk last went on with.
    pub errors: Rc<Vec<String>>,
    /// Told of every export: the report is about to leave the widget, so every check should run.
    pub onexport: Callback<()>,
}

/// The fragment shown, and the report it was rendered from.
#[derive(PartialEq)]
struct Preview {
    report: Rc<Report>,
    fragment: AttrValue,
}

impl Preview {
    fn of(report: &Rc<Report>) -> Self {
        Preview { report: report.clone(), fragment: render(report).into() }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Export {
    Rich,
    Source,
    Download,
}

#[derive(Debug, Clone, PartialEq)]
struct Status {
    ok: bool,
    text: String,
}

#[component]
pub fn Publish(props: &PublishProps) -> Html {
    // Drawn after the form, so the first paint of the form does not wait for it.
    let preview = use_state(|| None::<Preview>);
    let current = preview.as_ref().is_some_and(|p| p.report == props.report);
    {
        let preview = preview.clone();
        use_effect_with(props.report.clone(), move |report| {
            let report = report.clone();
            let redraw =
                (!current).then(|| Timeout::new(PREVIEW_DELAY_MS, move || preview.set(Some(Preview::of(&report)))));
            move || drop(redraw)
        });
    }
    let shown = preview.as_ref().map(|p| p.fragment.clone()).unwrap_or_default();
    let status = use_state(|| None::<Status>);
    let pending = use_state(|| None::<Export>);
    let acknowledged = use_state(|| None::<Rc<Vec<String>>>);
    let source = use_node_ref();

    let perform = {
        let (status, source) = (status.clone(), source.clone());
        let (report, preview) = (props.report.clone(), preview.clone());
        let onexport = props.onexport.clone();
        Callback::from(move |export: Export| {
            onexport.emit(());
            let fragment = Rc::new(render(&report));
            if !current {
                preview.set(Some(Preview { report: report.clone(), fragment: fragment.as_str().into() }));
            }
            let say = {
                let status = status.clone();
                move |ok: bool, text: &str| status.set(Some(Status { ok, text: text.to_string() }))
            };
            if export == Export::Download {
                let document = render_document(&report, &fragment);
                match browser::download(&format!("{}.html", title(&report)), "text/html;charset=utf-8", &document) {
                    Ok(()) => say(true, "已下载 HTML 文件。"),
                    Err(_) => say(false, "浏览器未能下载文件，请改用“复制 HTML 源码”。"),
                }
                return;
            }
            let source = source.clone();
            // Rich copies carry the report as readable text for plain fields; source copies the HTML.
            let plain = if export == Export::Rich { render_text(&report) } else { fragment.to_string() };
            wasm_bindgen_futures::spawn_local(async move {
                let copied = match export {
                    Export::Rich => browser::copy_rich(&fragment, &plain).await,
                    _ => browser::copy_text(&fragment).await,
                };
                if copied.is_ok() {
                    let done = if export == Export::Rich {
                        "已复制，可直接粘贴到网站编辑器中；粘贴后请在编辑器里看一眼表格的边框是否还在。"
                    } else {
                        "已复制 HTML 源码，请粘贴到编辑器的“源码”模式中。"
                    };
                    return say(true, done);
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

    let request = |export: Export| {
        let asks = !props.errors.is_empty() && acknowledged.as_ref() != Some(&props.errors);
        let (perform, pending) = (perform.clone(), pending.clone());
        Callback::from(move |_: MouseEvent| {
            if asks {
                pending.set(Some(export));
            } else {
                perform.emit(export);
            }
        })
    };
    let go_on = {
        let (perform, pending, acknowledged, errors) =
            (perform.clone(), pending.clone(), acknowledged.clone(), props.errors.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(export) = *pending {
                acknowledged.set(Some(errors.clone()));
                pending.set(None);
                perform.emit(export);
            }
        })
    };
    let cancel = {
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| pending.set(None))
    };

    html! {
        <section class="xx-publish" aria-label="预览与发布">
            <h2>{ "预览与发布" }</h2>
            <p class="xx-title-line">{ "文章标题（填入网站的标题栏）：" }<strong data-testid="title">{ title_when_named(&props.report).unwrap_or_else(|| "（填写机关全称和报告年度后生成）".into()) }</strong></p>
            <div class="xx-actions">
                <button type="button" data-action="copy-rich" onclick={request(Export::Rich)}>{ "复制（带格式）" }</button>
                <button type="button" data-action="copy-source" onclick={request(Export::Source)}>{ "复制 HTML 源码" }</button>
                <button type="button" data-action="download" onclick={request(Export::Download)}>{ "下载 .html 文件" }</button>
            </div>
            if pending.is_some() {
                { confirm(&format!("报告还有 {} 个错误，发布前应当改正。仍要继续吗？", props.errors.len()),
                    "仍然继续", "confirm", "先去改正", go_on, cancel) }
            }
            if let Some(status) = &*status {
                <p class={if status.ok { "xx-status xx-ok" } else { "xx-status xx-error" }} role="status" data-testid="copy-status">
                    { &status.text }
                </p>
            }
            <div class="xx-preview" data-testid="preview" data-state={if current { "current" } else { "pending" }}>
                { Html::from_html_unchecked(shown.clone()) }
            </div>
            <label class="xx-text">
                <span class="xx-text-label">{ "HTML 源码（与上方预览完全一致）" }</span>
                <textarea ref={source} readonly=true rows="6" data-testid="source" value={shown} />
            </label>
        </section>
    }
}
