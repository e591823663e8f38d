//! Expanding command-line paths into input files.

use std::path::PathBuf;

use chancery_ingest::expand_inputs;
use chancery_model::DiagnosticKind;

#[test]
fn directories_are_walked_recursively_in_order_skipping_hidden_entries() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for name in [
        "b.txt",
        "a/z.html",
        "a/b/deep.jsonl",
        "a.txt",
        ".hidden.txt",
        ".git/config",
        "c/.cache/x.txt",
    ] {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, name).unwrap();
    }
    let given = root.join("");
    let (inputs, problems) = expand_inputs(std::slice::from_ref(&given));
    assert!(problems.is_empty(), "{problems:?}");
    let relative: Vec<String> = inputs
        .iter()
        .map(|input| {
            input
                .path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(relative, ["a/b/deep.jsonl", "a/z.html", "a.txt", "b.txt"]);
    for input in &inputs {
        assert_eq!(input.display, input.path.display().to_string());
        assert!(input.display.starts_with(&given.display().to_string()));
        assert_eq!(input.size, std::fs::metadata(&input.path).unwrap().len());
    }
}

#[test]
fn files_stdin_and_missing_paths() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(".explicitly-named.txt");
    std::fs::write(&file, "given by name, so read even though hidden").unwrap();
    let missing = dir.path().join("missing.txt");
    let (inputs, problems) = expand_inputs(&[file.clone(), PathBuf::from("-"), missing.clone()]);
    assert_eq!(inputs.len(), 2);
    assert_eq!(inputs[0].path, file);
    assert_eq!(inputs[0].display, file.display().to_string());
    assert_eq!(inputs[1].display, "-");
    assert!(inputs[1].is_stdin());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, DiagnosticKind::Unreadable);
    assert_eq!(problems[0].path, missing.display().to_string());
    assert!(
        problems[0].message.starts_with("cannot read: no such file"),
        "{}",
        problems[0].message
    );
}
