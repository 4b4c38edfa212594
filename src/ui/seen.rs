//! Parts below the form that wait until the clerk scrolls near them.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::browser::use_on_first_draw;

/// True once the element has come within a screen of the viewport: parts below the form wait for
/// the clerk to scroll to them.
#[hook]
pub fn use_seen(node: NodeRef) -> bool {
    let seen = use_state_eq(|| false);
    {
        let seen = seen.clone();
        use_on_first_draw(Box::new(move || {
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
            Box::new(move || {
                if let Some(observer) = &observer {
                    observer.disconnect();
                }
                drop(callback);
            })
        }));
    }
    *seen
}
