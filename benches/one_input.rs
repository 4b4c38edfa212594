//! `make bench`'s yardstick: a Yew app of one input, built as the widget is (the release profile,
//! wasm-opt, the minified `no-modules` glue), so that the widget's time to ready is measured as a
//! ratio to it, which holds on any machine.

#[cfg(target_arch = "wasm32")]
mod app {
    use yew::prelude::*;

    #[component]
    fn OneInput() -> Html {
        html! { <input type="text" data-key="one" aria-label="一个输入框" /> }
    }

    pub fn start() {
        let host = gloo_utils::document().get_element_by_id("one-input").expect("the page's mount point");
        yew::Renderer::<OneInput>::with_root(host).render();
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    app::start();
}
