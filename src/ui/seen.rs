//! Parts below the fold that wait: for the first paint, or until the clerk scrolls near them.

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// True once the element has come within a screen of the viewport: parts below the form wait for
/// the clerk to scroll to them.
#[hook]
pub fn use_seen(node: NodeRef) -> bool {
    let seen = use_state_eq(|| false);
    {
        let seen = seen.clone();
        use_effect_with((), move |_| {
            let callback =
                wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    if entries
                        .iter()
                        .any(|e| e.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting())
                    {
                        seen.set(true);
                    }
                });
            let options = web_sys::IntersectionObserverInit::new();
            options.set_root_margin("100% 0px");
            let observer =
                web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok();
            if let (Some(observer), Some(element)) = (&observer, node.cast::<web_sys::Element>()) {
                observer.observe(&element);
            }
            move || {
                if let Some(observer) = &observer {
                    observer.disconnect();
                }
                drop(callback);
            }
        });
    }
    *seen
}

/// True from the second render on. The first render leaves out tables 三 and 四 and the preview,
/// below the fold, which are half of the widget's DOM: the top of the form is usable about 50 ms
/// sooner, and the rest follows in the next task.
#[hook]
pub fn use_complete_after_first_paint() -> bool {
    let complete = use_state(|| false);
    {
        let complete = complete.clone();
        use_effect_with((), move |_| {
            let timer = Timeout::new(0, move || complete.set(true));
            move || drop(timer)
        });
    }
    *complete
}
