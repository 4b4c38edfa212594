//! The identity of the report and the text of its sections.

use yew::prelude::*;

use super::findings::Mark;
use super::state::input_edit;
use crate::report::base::format::{self, FieldId, META_SCOPE, SCOPES};
use crate::report::edit::editor::Edit;

fn on_input(id: FieldId, onedit: &Callback<Edit>) -> Callback<InputEvent> {
    let onedit = onedit.clone();
    Callback::from(move |e: InputEvent| {
        let text = match e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
            Some(area) => area.value(),
            None => e.target_unchecked_into::<web_sys::HtmlInputElement>().value(),
        };
        onedit.emit(input_edit(id, text, &e));
    })
}

/// A paragraph field under `label`: a blank line starts a new paragraph in the published report.
pub fn text_field(id: FieldId, text: &str, mark: Option<Mark>, onedit: &Callback<Edit>, label: &str) -> Html {
    let field = format::field(id);
    let rows = (text.chars().count() / 60 + text.lines().count()).clamp(3, 16).to_string();
    html! {
        <label class={classes!("xx-text", mark.as_ref().map(Mark::class))}>
            <span class="xx-text-label">{ label }</span>
            <textarea data-key={field.key.clone()} {rows} value={text.to_string()} oninput={on_input(id, onedit)}
                aria-invalid={mark.as_ref().map(|m| m.invalid().to_string())}
                aria-describedby={mark.map(|m| m.described_by)} />
        </label>
    }
}

/// A one-line field of the identity, under its label (an identity field's place is its label);
/// `meta.scope` is a choice.
pub fn meta_field(id: FieldId, text: &str, mark: Option<Mark>, onedit: &Callback<Edit>) -> Html {
    let field = format::field(id);
    let label = field.place.as_str();
    let invalid = mark.as_ref().map(|m| m.invalid().to_string());
    let described_by = mark.as_ref().map(|m| m.described_by.clone());
    let control = if field.key == META_SCOPE {
        let onedit = onedit.clone();
        let onchange = Callback::from(move |e: Event| {
            let choice = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            onedit.emit(Edit::Set(id, choice));
        });
        html! {
            <select data-key={field.key.clone()} {onchange}>
                <option value="" selected={text.is_empty()}>{ "请选择" }</option>
                for (value, name) in SCOPES {
                    <option {value} selected={text == value}>{ name }</option>
                }
            </select>
        }
    } else {
        html! {
            <input type="text" data-key={field.key.clone()} value={text.to_string()} oninput={on_input(id, onedit)}
                aria-invalid={invalid} aria-describedby={described_by} />
        }
    };
    html! {
        <label class={classes!("xx-meta", mark.as_ref().map(Mark::class))}>
            <span class="xx-text-label">{ label }</span>
            { control }
        </label>
    }
}
