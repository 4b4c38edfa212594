//! The identity of the report and the text of its sections.

use yew::prelude::*;

use super::findings::Mark;
use super::state::{Action, State, input_edit};
use crate::report::editor::Edit;
use crate::report::format::{self, FieldId, META_FIELDS, META_SCOPE, SCOPES};

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub id: FieldId,
    pub text: AttrValue,
    pub mark: Option<Mark>,
    pub dispatch: UseReducerDispatcher<State>,
    /// Shown above the field; the format's own label when absent.
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

fn on_input(id: FieldId, dispatch: &UseReducerDispatcher<State>) -> Callback<InputEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: InputEvent| {
        let text = match e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
            Some(area) => area.value(),
            None => e.target_unchecked_into::<web_sys::HtmlInputElement>().value(),
        };
        dispatch.dispatch(input_edit(id, text, &e));
    })
}

/// A paragraph field: a blank line starts a new paragraph in the published report.
#[component]
pub fn TextField(props: &FieldProps) -> Html {
    let field = format::field(props.id);
    let oninput = on_input(props.id, &props.dispatch);
    let label = props.label.clone().unwrap_or_else(|| field.place.clone().into());
    let rows = (props.text.chars().count() / 60 + props.text.lines().count()).clamp(3, 16).to_string();
    html! {
        <label class={classes!("xx-text", props.mark.as_ref().map(Mark::class))}>
            <span class="xx-text-label">{ label }</span>
            <textarea data-key={field.key.clone()} {rows} value={props.text.clone()} {oninput}
                aria-invalid={props.mark.as_ref().map(|m| m.invalid().to_string())}
                aria-describedby={props.mark.as_ref().map(|m| m.described_by.clone())} />
        </label>
    }
}

/// A one-line field of the identity; `meta.scope` is a choice.
#[component]
pub fn MetaField(props: &FieldProps) -> Html {
    let field = format::field(props.id);
    let label = META_FIELDS.iter().find(|m| m.key == field.key).map_or("", |m| m.label);
    let invalid = props.mark.as_ref().map(|m| m.invalid().to_string());
    let described_by = props.mark.as_ref().map(|m| m.described_by.clone());
    let control = if field.key == META_SCOPE {
        let (id, dispatch) = (props.id, props.dispatch.clone());
        let onchange = Callback::from(move |e: Event| {
            let choice = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            dispatch.dispatch(Action::Edit(Edit::Set(id, choice)));
        });
        html! {
            <select data-key={field.key.clone()} {onchange}>
                <option value="" selected={props.text.is_empty()}>{ "请选择" }</option>
                for (value, name) in SCOPES {
                    <option {value} selected={props.text == value}>{ name }</option>
                }
            </select>
        }
    } else {
        let oninput = on_input(props.id, &props.dispatch);
        html! {
            <input type="text" data-key={field.key.clone()} value={props.text.clone()} {oninput}
                aria-invalid={invalid} aria-describedby={described_by} />
        }
    };
    html! {
        <label class={classes!("xx-meta", props.mark.as_ref().map(Mark::class))}>
            <span class="xx-text-label">{ label }</span>
            { control }
        </label>
    }
}
