//! The widget's reader of Word 97–2003 and WPS files, a worker of its own (see `worker.rs`).

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();

#[cfg(target_arch = "wasm32")]
fn main() {
    xxgk_nianbao::worker::serve_word97();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("xxgk-nianbao-word97 runs in the widget's Web Worker; the command-line tool is `xxgk`.");
    std::process::exit(2);
}
