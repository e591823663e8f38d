//! Hand-made cases for the gazetteer, the resolver and the spotter, on a small gazetteer
//! written here (real GeoNames ids and rounded points).

use super::normalize::key;
use super::spot::{spot, SpotConfig};
use super::*;

const PLACES: &str = "\
614540\tGeorgia\tRepublic of Georgia|Sakartvelo\tGE\t\t42\t43.5\t3704500\tA\tPCLI
4197000\tGeorgia\tState of Georgia\tUS\tGA\t32.9\t-83.2\t10000000\tA\tADM1
611717\tTbilisi\tTiflis\tGE\t51\t41.69\t44.83\t1049498\tP\tPPLC
2017370\tRussia\tRussian Federation\tRU\t\t60\t100\t144000000\tA\tPCLI\tRussian
4180439\tAtlanta\t\tUS\tGA\t33.75\t-84.39\t463878\tP\tPPLA
4155751\tFlorida\t\tUS\tFL\t28.75\t-82.5\t20000000\tA\tADM1
4164138\tMiami\t\tUS\tFL\t25.77\t-80.19\t441003\tP\tPPLA2
2988507\tParis\tParis City\tFR\t11\t48.85\t2.35\t2138551\tP\tPPLC
4717560\tParis\t\tUS\tTX\t33.66\t-95.56\t24782\tP\tPPLA2
4736286\tTexas\t\tUS\tTX\t31.25\t-99.25\t25000000\tA\tADM1
3017382\tFrance\tFrench Republic\tFR\t\t46\t2\t66000000\tA\tPCLI
6252001\tUnited States\tUS|U.S.|America\tUS\t\t39.76\t-98.5\t327000000\tA\tPCLI
5746545\tPortland\t\tUS\tOR\t45.52\t-122.68\t652503\tP\tPPLA2
4975802\tPortland\t\tUS\tME\t43.66\t-70.26\t66881\tP\tPPLA2
4971068\tMaine\t\tUS\tME\t45.5\t-69.25\t1300000\tA\tADM1
5744337\tOregon\t\tUS\tOR\t44\t-120.5\t4000000\tA\tADM1
2657896\tZürich\tZurigo\tCH\t25\t47.37\t8.55\t341730\tP\tPPLA
0\tBlack Sea\t\t\t\t43\t35\t30000000\tH\tSEA
";

fn gazetteer() -> Gazetteer {
    Gazetteer::from_tsv(PLACES)
}

/// Resolves `names` as one document; the GeoNames id chosen for each (0 when unresolved).
fn ids(names: &[&str]) -> Vec<u32> {
    ids_in(&gazetteer(), names)
}

/// Like [`ids`], against gazetteer `g`.
fn ids_in(g: &Gazetteer, names: &[&str]) -> Vec<u32> {
    let r = Resolver::new(g);
    r.resolve_names(names)
        .iter()
        .map(|x| x.and_then(|x| r.place(&x)).map_or(0, |p| p.geonameid))
        .collect()
}

/// Resolves the first occurrence of each of `words` in `text` as the document's spans.
fn resolve_words(r: &Resolver, text: &str, words: &[&str]) -> Vec<Option<Resolution>> {
    let spans: Vec<(usize, usize)> = words
        .iter()
        .filter_map(|w| text.find(w).map(|s| (s, s + w.len())))
        .collect();
    r.resolve_spans(text, &spans)
}

#[test]
fn reads_every_place_and_skips_malformed_lines() {
    let g = Gazetteer::from_tsv(&format!(
        "{PLACES}bad line\n1\tX\t\tUS\t\tnan\t0\t1\tP\tPPL\n"
    ));
    assert_eq!(g.places().len(), 18);
    assert_eq!(g.skipped(), 2);
    assert_eq!(g.lookup("Tiflis").len(), 1);
    assert_eq!(g.lookup("georgia").len(), 2);
}

#[test]
fn reads_gzip_bytes_and_rejects_corrupt_ones() {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(PLACES.as_bytes()).ok();
    let bytes = enc.finish().unwrap_or_default();
    let g = Gazetteer::from_bytes(&bytes).map(|g| g.places().len()).ok();
    assert_eq!(g, Some(18));
    assert!(Gazetteer::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(Gazetteer::from_bytes(&[0xff, 0xfe, 0x00]).is_err());
    assert_eq!(
        Gazetteer::from_bytes(b"").map(|g| g.places().len()).ok(),
        Some(0)
    );
}

#[test]
fn keys_fold_case_diacritics_and_punctuation() {
    assert_eq!(key("Zürich"), "zurich");
    assert_eq!(key("U.S."), "us");
    assert_eq!(key("the Black Sea"), "black sea");
    assert_eq!(key("Côte d’Ivoire"), "cote divoire");
    assert_eq!(key("Winston-Salem"), "winston salem");
    assert_eq!(key("  "), "");
}

#[test]
fn bare_georgia_is_the_country() {
    assert_eq!(ids(&["Georgia"]), [614540]);
}

#[test]
fn georgia_among_tbilisi_and_russia_is_the_country() {
    assert_eq!(
        ids(&["Tbilisi", "Georgia", "Russia"]),
        [611717, 614540, 2017370]
    );
}

#[test]
fn georgia_among_atlanta_and_florida_is_the_us_state() {
    assert_eq!(
        ids(&["Atlanta", "Georgia", "Florida"]),
        [4180439, 4197000, 4155751]
    );
}

#[test]
fn bare_paris_is_the_capital_and_a_qualifier_moves_it() {
    assert_eq!(ids(&["Paris"]), [2988507]);
    assert_eq!(ids(&["Paris, Texas"]), [4717560]);
    assert_eq!(ids(&["Portland"]), [5746545]);
    assert_eq!(ids(&["Portland, Maine"]), [4975802]);
}

#[test]
fn adjacent_spans_qualify_each_other() {
    let text = "He grew up in Paris, Texas, and later moved to Portland, Maine.";
    let spans: Vec<(usize, usize)> = ["Paris", "Texas", "Portland", "Maine"]
        .iter()
        .filter_map(|w| text.find(w).map(|s| (s, s + w.len())))
        .collect();
    let g = gazetteer();
    let r = Resolver::new(&g);
    let got: Vec<u32> = r
        .resolve_spans(text, &spans)
        .iter()
        .map(|x| x.and_then(|x| r.place(&x)).map_or(0, |p| p.geonameid))
        .collect();
    assert_eq!(got, [4717560, 4736286, 4975802, 4971068]);
}

#[test]
fn alternate_names_diacritics_and_fallbacks_resolve() {
    assert_eq!(
        ids(&["Zurich", "the U.S.", "Russia's", "northern Georgia"])[..3],
        [2657896, 6252001, 2017370]
    );
    assert_eq!(ids(&["Black Sea"]), [0]);
    assert_eq!(ids(&["Russian"]), [2017370]);
    assert_eq!(ids(&["Atlantis"]), [0]);
}

#[test]
fn mentions_of_one_name_share_one_place() {
    let got = ids(&["Georgia", "Atlanta", "Georgia", "Miami", "Georgia"]);
    assert_eq!(got[0], got[2]);
    assert_eq!(got[2], got[4]);
}

#[test]
fn odd_spans_and_empty_input_do_not_panic() {
    let g = gazetteer();
    let r = Resolver::new(&g);
    let text = "Zürich and Paris";
    let paris = text.find("Paris").unwrap_or(0);
    let got = r.resolve_spans(text, &[(0, 2), (50, 60), (5, 3), (paris, paris + 5)]);
    assert_eq!(got.len(), 4);
    assert!(got[0].is_none() && got[1].is_none() && got[2].is_none());
    assert!(got[3].is_some());
    assert!(r.resolve_names(&[]).is_empty());
    assert!(Resolver::new(&Gazetteer::default()).resolve_names(&["Paris", ""])[0].is_none());
}

#[test]
fn spots_prominent_names_outside_blocked_spans() {
    let g = gazetteer();
    let text = "Protests spread from Tbilisi to Paris in May, Theresa Georgia said.";
    let person = text
        .find("Theresa")
        .map_or((0, 0), |s| (s, s + "Theresa Georgia".len()));
    let found: Vec<&str> = spot(&g, text, &[person], &SpotConfig::default())
        .iter()
        .filter_map(|&(s, e)| text.get(s..e))
        .collect();
    assert_eq!(found, ["Tbilisi", "Paris"]);
}

#[test]
fn distance_is_great_circle() {
    let d = distance_km(48.8566, 2.3522, 51.5074, -0.1278);
    assert!((d - 343.5).abs() < 2.0, "{d}");
    assert!(distance_km(0.0, 0.0, 0.0, 180.0) > 20_000.0);
}

#[test]
fn a_large_town_wins_over_its_division_of_the_same_name() {
    let g = Gazetteer::from_tsv(
        "5128581\tNew York City\tNew York\tUS\tNY\t40.71\t-74.01\t8804190\tP\tPPL\n\
         5128638\tNew York\t\tUS\tNY\t43\t-75.5\t19000000\tA\tADM1\n",
    );
    let r = Resolver::new(&g);
    let got = r.resolve_names(&["New York"]);
    let id = got[0].and_then(|x| r.place(&x)).map_or(0, |p| p.geonameid);
    assert_eq!(id, 5128581);
}

#[test]
fn names_inside_longer_mentions_are_a_last_resort() {
    assert_eq!(ids(&["University of Texas"]), [4736286]);
    assert_eq!(ids(&["Tbilisi State University"]), [611717]);
    // A street named after someone is not the town of that name.
    assert_eq!(ids(&["Paris Avenue"]), [0]);
}

#[test]
fn ranks_list_every_candidate_best_first() {
    let g = gazetteer();
    let r = Resolver::new(&g);
    let text = "Georgia and Tbilisi";
    let ranked = r.rank_spans(text, &[(0, 7), (12, 19)]);
    assert_eq!(ranked[0].len(), 2);
    assert!(ranked[0][0].1 >= ranked[0][1].1);
    assert_eq!(g.place(ranked[0][0].0).map(|p| p.geonameid), Some(614540));
}

#[test]
fn spots_adjectives_and_acronyms_but_not_abbreviations_alone() {
    let g = Gazetteer::from_tsv(&format!(
        "{PLACES}0\tEuropean Union\tEU\t\t\t49.84\t9.9\t400000000\tL\tRGN\n\
         4829764\tAlabama\tAla.\tUS\tAL\t32.75\t-86.75\t4800000\tA\tADM1\n"
    ));
    let text = "Russian troops left. The EU said so. Miss Ala. Smith spoke in Mobile, Ala. today.";
    let found: Vec<&str> = spot(&g, text, &[], &SpotConfig::default())
        .iter()
        .filter_map(|&(s, e)| text.get(s..e))
        .collect();
    assert_eq!(found, ["Russian", "EU", "Ala."]);
}

#[test]
fn a_street_or_school_is_placed_at_the_town_the_document_is_about() {
    let g = gazetteer();
    let r = Resolver::new(&g);
    let text = "In Tbilisi, crowds filled Rustaveli Avenue by the Russian School. Tbilisi police \
                watched.";
    // `Russian School` is not in Russia: a school's name places it only in a city.
    let got = resolve_words(&r, text, &["Tbilisi", "Rustaveli Avenue", "Russian School"]);
    for inferred in &got[1..] {
        let inferred = inferred.expect("placed by context");
        assert!(inferred.inferred);
        assert_eq!(r.place(&inferred).map(|p| p.geonameid), Some(611717));
    }
    // An unknown name that is not a street stays unresolved.
    assert!(r.resolve_spans("Foo Bar in Tbilisi", &[(0, 7), (11, 18)])[0].is_none());
}

#[test]
fn a_capital_wins_over_a_division_of_its_name_unless_the_name_is_the_country() {
    let g = Gazetteer::from_tsv(
        "4140963\tWashington\tWashington D.C.\tUS\tDC\t38.9\t-77.04\t689545\tP\tPPLC\n\
         5815135\tWashington\tState of Washington\tUS\tWA\t47.5\t-120.5\t7600000\tA\tADM1\n\
         3530597\tMexico City\tMexico\tMX\t09\t19.43\t-99.13\t12294193\tP\tPPLC\n\
         3523272\tMexico\tEstado de Mexico\tMX\t15\t19.35\t-99.63\t15000000\tA\tADM1\n\
         3996063\tMexico\tUnited Mexican States\tMX\t\t23\t-102\t126000000\tA\tPCLI\n",
    );
    assert_eq!(ids_in(&g, &["Washington", "Mexico"]), [4140963, 3996063]);
}

#[test]
fn counties_resolve_by_their_full_name_and_spot_only_with_it() {
    let g = Gazetteer::from_tsv(&format!(
        "{PLACES}5140076\tSuffolk County\t\tUS\tNY\t40.89\t-72.8\t133\tA\tADM2\n\
         4952349\tSuffolk County\t\tUS\tMA\t42.32\t-71.07\t43\tA\tADM2\n\
         5128638\tNew York\t\tUS\tNY\t43\t-75.5\t19000000\tA\tADM1\n\
         2653814\tCeredigion\t\tGB\tWLS\t52.26\t-4.3\t17\tA\tADM2\n"
    ));
    assert_eq!(
        ids_in(&g, &["Suffolk County", "New York", "Ceredigion"]),
        [5140076, 5128638, 2653814]
    );
    let text = "Police in Suffolk County and Ceredigion said so.";
    let found: Vec<&str> = spot(&g, text, &[], &SpotConfig::default())
        .iter()
        .filter_map(|&(s, e)| text.get(s..e))
        .collect();
    assert_eq!(found, ["Suffolk County"]);
}

#[test]
fn a_short_form_names_what_its_longer_mention_names() {
    let g = Gazetteer::from_tsv(
        "5140076\tSuffolk County\t\tUS\tNY\t40.89\t-72.8\t133\tA\tADM2\n\
         4791259\tSuffolk\t\tUS\tVA\t36.73\t-76.58\t90000\tP\tPPLA2\n\
         3530597\tMexico City\tMexico\tMX\t09\t19.43\t-99.13\t12294193\tP\tPPLC\n\
         3996063\tMexico\tUnited Mexican States\tMX\t\t23\t-102\t126000000\tA\tPCLI\n",
    );
    assert_eq!(ids_in(&g, &["Suffolk"]), [4791259]);
    assert_eq!(
        ids_in(&g, &["Suffolk County", "Suffolk"]),
        [5140076, 5140076]
    );
    assert_eq!(ids_in(&g, &["Mexico City", "Mexico"]), [3530597, 3996063]);
}

#[test]
fn two_names_settle_on_one_country_rather_than_swapping() {
    let g = Gazetteer::from_tsv(
        "2653941\tCambridge\t\tGB\tENG\t52.2\t0.12\t128000\tP\tPPLA2\n\
         4931972\tCambridge\t\tUS\tMA\t42.38\t-71.1\t105000\tP\tPPL\n\
         2655138\tBoston\t\tGB\tENG\t52.98\t-0.03\t35000\tP\tPPL\n\
         4930956\tBoston\t\tUS\tMA\t42.36\t-71.06\t617000\tP\tPPLA\n",
    );
    let country = |id: u32| {
        g.places()
            .iter()
            .find(|p| p.geonameid == id)
            .map_or("", |p| p.country.as_str())
    };
    for doc in [["Cambridge", "Boston"], ["Boston", "Cambridge"]] {
        let got = ids_in(&g, &doc);
        assert_eq!(country(got[0]), country(got[1]), "{doc:?} -> {got:?}");
    }
}

#[test]
fn spots_the_places_inside_hyphenated_words_unless_the_whole_is_one() {
    let g = Gazetteer::from_tsv(&format!(
        "{PLACES}298795\tTurkey\t\tTR\t\t39\t35\t82000000\tA\tPCLI\tTurkish\n\
         163843\tSyria\t\tSY\t\t35\t38\t17000000\tA\tPCLI\tSyrian\n\
         4499612\tWinston-Salem\t\tUS\tNC\t36.1\t-80.24\t250000\tP\tPPL\n"
    ));
    let text = "Turkish-backed units reached the Syrian-Turkish border, not Winston-Salem or a \
                well-known Post-Soviet town.";
    let found: Vec<&str> = spot(&g, text, &[], &SpotConfig::default())
        .iter()
        .filter_map(|&(s, e)| text.get(s..e))
        .collect();
    assert_eq!(found, ["Turkish", "Syrian", "Turkish", "Winston-Salem"]);
}
