//! Large inputs generated at test time: a 50 MB single-line text file.

mod common;

use std::io::Write;

use chancery_model::DocFormat;

#[test]
fn fifty_megabyte_single_line_is_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one-line.txt");
    let sentence = "The committee met again and agreed on nothing in particular, as usual. ";
    let repeats = 50_000_000 / sentence.len() + 1;
    {
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        for _ in 0..repeats {
            file.write_all(sentence.as_bytes()).unwrap();
        }
        file.flush().unwrap();
    }
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size > 50_000_000);
    let outcome = common::read(&path);
    let doc = outcome.only_doc();
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    assert_eq!(doc.format, DocFormat::Text);
    assert_eq!(doc.text.len() as u64, size);
    assert!(!doc.text.contains('\n'));
    assert_eq!(outcome.progress.last(), Some(&size));
}
