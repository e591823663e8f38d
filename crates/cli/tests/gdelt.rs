//! `export --format gdelt`: every row of the Event file has GDELT 2.0's 61 columns and every row
//! of the GKG file GKG 2.1's 27; without the model a store has no events but one GKG record per
//! article; with it, the seeds' United States–Kazakhstan meeting in Astana is one event row,
//! checked column by column.

mod common;

use std::path::Path;

use common::{export_seeds, model_path, path_str, run};

const EVENTS_FILE: &str = "chancery.export.CSV";
const GKG_FILE: &str = "chancery.gkg.csv";

/// The rows of a tab-separated file, each checked to have exactly `columns` cells.
fn rows(path: &Path, columns: usize) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let cells: Vec<String> = line.split('\t').map(String::from).collect();
            assert_eq!(
                cells.len(),
                columns,
                "line {} of {} has {} columns: {line}",
                i + 1,
                path.display(),
                cells.len()
            );
            cells
        })
        .collect()
}

#[test]
fn gdelt_export_needs_an_output_directory() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let export = run(dir.path(), &["export", "--format", "gdelt"]);
    export.expect_code(2);
    assert!(export.stderr.contains("--out"), "{}", export.stderr);
}

#[test]
fn gdelt_export_of_an_empty_store_writes_two_empty_files() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let out = dir.path().join("gdelt");
    run(
        &dir.path().join("data"),
        &["export", "--format", "gdelt", "--out", path_str(&out)],
    )
    .expect_code(0);
    assert!(rows(&out.join(EVENTS_FILE), 61).is_empty());
    assert!(rows(&out.join(GKG_FILE), 27).is_empty());
}

#[test]
fn gdelt_export_without_entities_has_one_gkg_record_per_article_and_no_events() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (_, out) = export_seeds(dir.path(), None, "gdelt");
    assert!(rows(&out.join(EVENTS_FILE), 61).is_empty());
    let gkg = rows(&out.join(GKG_FILE), 27);
    assert_eq!(gkg.len(), 3, "{gkg:?}");
    let talks = gkg
        .iter()
        .find(|r| r[26].contains("Blinken Holds Talks"))
        .unwrap_or_else(|| panic!("no GKG record of the Blinken talks: {gkg:?}"));
    // Text dumps have no URL: the document is cited by its path.
    assert_eq!(talks[2], "2");
    assert!(talks[4].ends_with("003_c56f87f3a27affae.txt"), "{talks:?}");
    // The record id is the date and the article id.
    let (date, id) = talks[0].split_once('-').expect("GKGRECORDID is DATE-ID");
    assert_eq!(date, talks[1]);
    assert_eq!(id.len(), 16, "{talks:?}");
    // Dates and amounts are found without the model; names are not.
    assert!(talks[1].starts_with("20230228"), "{talks:?}");
    assert!(talks[16].contains("4#2#28#2023#"), "{}", talks[16]);
    assert!(talks[11].is_empty() && talks[23].is_empty(), "{talks:?}");
}

#[test]
#[ignore = "needs the NER model: crates/annotate/build-model.sh"]
fn gdelt_export_of_the_seeds_holds_the_astana_meeting_column_by_column() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (_, out) = export_seeds(dir.path(), Some(&model_path()), "gdelt");
    let events = rows(&out.join(EVENTS_FILE), 61);
    let meeting = events
        .iter()
        .find(|r| r[5] == "USA" && r[15] == "KAZ" && r[28] == "04")
        .unwrap_or_else(|| panic!("no USA -> KAZ consultation in {events:?}"));
    let expected: &[(usize, &str)] = &[
        (1, "20230228"),               // SQLDATE
        (2, "202302"),                 // MonthYear
        (3, "2023"),                   // Year
        (4, "2023.1589"),              // FractionDate
        (5, "USA"),                    // Actor1Code
        (6, "Antony Blinken"),         // Actor1Name
        (7, "USA"),                    // Actor1CountryCode
        (15, "KAZ"),                   // Actor2Code
        (16, "Kassym-Jomart Tokayev"), // Actor2Name
        (17, "KAZ"),                   // Actor2CountryCode
        (26, "040"),                   // EventCode
        (27, "040"),                   // EventBaseCode
        (28, "04"),                    // EventRootCode
        (29, "1"),                     // QuadClass
        (30, "1.0"),                   // GoldsteinScale
        (31, "1"),                     // NumMentions
        (34, ""),                      // AvgTone
        (35, "1"),                     // Actor1Geo_Type: a country
        (37, "US"),                    // Actor1Geo_CountryCode
        (43, "1"),                     // Actor2Geo_Type
        (45, "KZ"),                    // Actor2Geo_CountryCode
        (51, "4"),                     // ActionGeo_Type: a world city
        (52, "Astana, Kazakhstan"),    // ActionGeo_FullName
        (53, "KZ"),                    // ActionGeo_CountryCode
        (58, "1526273"),               // ActionGeo_FeatureID: GeoNames' Astana
        (59, "20230228000000"),        // DATEADDED
    ];
    for &(column, value) in expected {
        assert_eq!(
            meeting[column],
            value,
            "column {} of {meeting:?}",
            column + 1
        );
    }
    let lat: f64 = meeting[56].parse().expect("ActionGeo_Lat is a number");
    let lon: f64 = meeting[57].parse().expect("ActionGeo_Long is a number");
    assert!(
        (lat - 51.18).abs() < 0.1 && (lon - 71.45).abs() < 0.1,
        "{meeting:?}"
    );
    assert!(
        meeting[60].ends_with("003_c56f87f3a27affae.txt"),
        "{meeting:?}"
    );
    assert!(meeting[0].parse::<u64>().is_ok(), "{meeting:?}");

    // The article's GKG record names the people and places, with coordinates and offsets, and
    // carries Tokayev's words.
    let gkg = rows(&out.join(GKG_FILE), 27);
    let talks = gkg
        .iter()
        .find(|r| r[26].contains("Blinken Holds Talks"))
        .unwrap_or_else(|| panic!("no GKG record of the Blinken talks: {gkg:?}"));
    assert!(talks[11].contains("Kassym-Jomart Tokayev"), "{}", talks[11]);
    assert!(talks[12].contains("Antony Blinken,"), "{}", talks[12]);
    assert!(
        talks[9].contains("#Astana, Kazakhstan#KZ#KZ05#51.18"),
        "{}",
        talks[9]
    );
    assert!(
        talks[10].split(';').all(|b| b.split('#').count() == 9),
        "{}",
        talks[10]
    );
    assert!(
        talks[22].contains("We have built very good"),
        "{}",
        talks[22]
    );
    assert!(
        talks[22].split('#').all(|b| b.split('|').count() == 4),
        "{}",
        talks[22]
    );
    assert!(talks[23].contains("Astana,"), "{}", talks[23]);
}
