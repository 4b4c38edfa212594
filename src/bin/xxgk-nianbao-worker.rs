//! The widget's worker: the parts of the core loaded on demand (see `worker.rs`).

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();

#[cfg(target_arch = "wasm32")]
fn main() {
    xxgk_nianbao::worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("xxgk-nianbao-worker runs in the widget's Web Worker; the command-line tool is `xxgk`.");
    std::process::exit(2);
}
