//! The review desk's worker: reads and checks the files the office gives the desk (see
//! `worker/desk.rs`).

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();

#[cfg(target_arch = "wasm32")]
fn main() {
    xxgk_nianbao::worker::desk::serve_desk();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "xxgk-nianbao-review-worker runs in the review desk's Web Worker; the command-line tool is `xxgk audit`."
    );
    std::process::exit(2);
}
