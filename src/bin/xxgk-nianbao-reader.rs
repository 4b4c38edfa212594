//! The widget's reader of published reports, started in a Web Worker when the clerk first opens or
//! pastes one (see `reader.rs`).

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();

#[cfg(target_arch = "wasm32")]
fn main() {
    xxgk_nianbao::reader::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("xxgk-nianbao-reader runs in the widget's Web Worker; the command-line tool is `xxgk import`.");
    std::process::exit(2);
}
