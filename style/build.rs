//! Minifies the style sheets of the widget and of the review desk, each after the base they share,
//! into the build's output, whence `ui.rs` and `ui/desk.rs` include them: their comments and
//! spacing, there for whoever edits them, need not be in every download.

fn read(path: &str) -> String {
    println!("cargo::rerun-if-changed={path}");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path} is readable: {e}"))
}

fn main() {
    let base = read("style/base.css");
    for sheet in ["widget", "desk"] {
        let path = format!("style/{sheet}.css");
        let css = base.clone() + &read(&path);
        let minified = minifier::css::minify(&css).unwrap_or_else(|e| panic!("{path} is valid CSS: {e}")).to_string();
        let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
        std::fs::write(format!("{out}/{sheet}.css"), minified).expect("the minified style sheet is written");
    }
}
