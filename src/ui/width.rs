//! The widget lays itself out by the room it has on the screen, not by the window: a portal may
//! put it in a 760 px column, or in a 1200 px column wider than the clerk's 1024 px window.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use super::browser::use_on_first_draw;

/// The widest the widget grows; wider, the form's lines grow too long to read.
pub const MAX_WIDTH: i32 = 1280;

/// Below this width the findings panel leaves the side and becomes a bar at the bottom.
pub const NARROW_BELOW: i32 = 980;

/// The width the widget can show in `container` without the clerk scrolling sideways: the
/// container's width, cut at the right edge of what the window shows — left of its scrollbar,
/// which Windows draws 17 px wide.
pub fn visible_width(container: &web_sys::Element) -> i32 {
    let window = gloo_utils::window();
    let shown = gloo_utils::document_element().client_width();
    let left = container.get_bounding_client_rect().left() + window.scroll_x().unwrap_or(0.0);
    let room = (f64::from(shown) - left.max(0.0) - 8.0).max(320.0);
    f64::from(container.client_width()).min(room) as i32
}

/// The width the widget under `host` can show ([`visible_width`] of its container), kept up to
/// date; it starts from `first`, measured as the widget was mounted, so the widget is drawn the
/// first time as it will stay.
#[hook]
pub fn use_visible_width(host: NodeRef, first: i32) -> i32 {
    let width = use_state_eq(|| first);
    {
        let width = width.clone();
        use_on_first_draw(Box::new(move || {
            let observed = host.cast::<web_sys::Element>().and_then(|element| element.parent_element());
            let container = observed.clone();
            let measure = move || {
                if let Some(container) = &container {
                    width.set(visible_width(container));
                }
            };
            // The container, and the page's root element: its width is what the window shows,
            // which changes with the window and when a scrollbar comes or goes (the form's height
            // may bring one). Each reports its size once when first observed.
            let callback = Closure::<dyn Fn()>::new(measure);
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let Some(observer) = &observer {
                observed.iter().for_each(|container| observer.observe(container));
                observer.observe(&gloo_utils::document_element());
            }
            Box::new(move || {
                if let Some(observer) = &observer {
                    observer.disconnect();
                }
                drop(callback);
            })
        }));
    }
    *width
}
