//! The review desk's page (review.html): mounts the desk into the host page's
//! `<div id="xxgk-nianbao-review">`, at start and whenever its loader asks again.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();

#[cfg(target_arch = "wasm32")]
fn main() {
    xxgk_nianbao::ui::desk::mount();
}

/// Mounts the desk again, into the mount point there is now (what the loader calls when the page
/// runs it again).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount() {
    xxgk_nianbao::ui::desk::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "xxgk-nianbao-review is the review desk's page: build it with `make run`; on the command line, use `xxgk audit`."
    );
    std::process::exit(2);
}
