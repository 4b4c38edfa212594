//! Minifies the widget's style sheet into the build's output, whence `ui.rs` includes it: its
//! comments and spacing, there for whoever edits it, need not be in every clerk's download.

fn main() {
    println!("cargo::rerun-if-changed=style/widget.css");
    let css = std::fs::read_to_string("style/widget.css").expect("style/widget.css is readable");
    let minified = minifier::css::minify(&css).expect("style/widget.css is valid CSS").to_string();
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(format!("{out}/widget.css"), minified).expect("the minified style sheet is written");
}
