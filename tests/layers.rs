//! The core's layers point one way (README, "What is where"): a module of `src/report/<layer>/`
//! uses its own layer and the layers before it, never one after it — so that the format can be
//! read without the importer, and the rules without the widget's session.

use std::path::Path;

const LAYERS: [&str; 6] = ["base", "data", "check", "read", "publish", "edit"];

/// The items `src/report.rs` re-exports, by the layer they come from.
const REEXPORTS: [(&str, &str); 11] = [
    ("Report", "data"),
    ("Loaded", "data"),
    ("FileError", "data"),
    ("Sheet", "data"),
    ("Finding", "data"),
    ("Rule", "data"),
    ("Severity", "data"),
    ("example", "data"),
    ("check", "check"),
    ("check_with_last_year", "check"),
    ("render", "publish"),
];

fn rank(layer: &str) -> usize {
    LAYERS.iter().position(|l| *l == layer).unwrap_or_else(|| panic!("{layer} is not a layer"))
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The layers a source names through `crate::report::…`, its tests left out (a test may build
/// what it needs from any layer).
fn layers_named(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]\nmod tests").next().unwrap();
    let mut named = Vec::new();
    for (at, _) in code.match_indices("crate::report::") {
        let rest = &code[at + "crate::report::".len()..];
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let layer = match REEXPORTS.iter().find(|(item, _)| *item == name) {
            Some((_, layer)) => layer.to_string(),
            None => name,
        };
        named.push(layer);
    }
    named
}

#[test]
fn every_module_of_the_core_uses_only_its_own_layer_and_the_ones_before() {
    let report = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/report");
    let mut upward = Vec::new();
    for layer in LAYERS {
        let mut files = Vec::new();
        sources(&report.join(layer), &mut files);
        assert!(!files.is_empty(), "{layer} has modules");
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap();
            assert!(!source.contains("super::super"), "{}: name layers by crate::report::", file.display());
            for named in layers_named(&source) {
                if rank(&named) > rank(layer) {
                    upward.push(format!("{} uses {named}", file.strip_prefix(&report).unwrap().display()));
                }
            }
        }
    }
    assert!(upward.is_empty(), "imports that point up a layer:\n{}", upward.join("\n"));
}

#[test]
fn the_check_sees_an_import_that_points_up() {
    assert_eq!(layers_named("use crate::report::edit::editor::Draft;\nuse crate::report::Report;"), ["edit", "data"]);
    let tested =
        "use crate::report::base::format;\n#[cfg(test)]\nmod tests {\n    use crate::report::edit::session;\n}";
    assert_eq!(layers_named(tested), ["base"]);
}
