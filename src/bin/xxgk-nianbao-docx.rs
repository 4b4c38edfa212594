//! The widget's reader of Word files (.docx), a worker of its own (see `worker.rs`).

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();

#[cfg(target_arch = "wasm32")]
fn main() {
    xxgk_nianbao::worker::serve_docx();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("xxgk-nianbao-docx runs in the widget's Web Worker; the command-line tool is `xxgk`.");
    std::process::exit(2);
}
