//! The widget's entry point: mounts the app into the host page's `<div id="xxgk-nianbao">`, at
//! start and whenever the loader asks again.

/// A TLSF allocator built for code size: constant-time like the default one, and 3 KB less to
/// download.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();

#[cfg(target_arch = "wasm32")]
fn main() {
    xxgk_nianbao::ui::mount();
}

/// Mounts the widget again, into the mount point there is now: what the loader calls when the
/// page runs it again after putting the widget's block in anew.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount() {
    xxgk_nianbao::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("xxgk-nianbao is the browser widget: build it with `make run`; the command-line tool is `xxgk`.");
    std::process::exit(2);
}
