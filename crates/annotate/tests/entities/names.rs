//! Names: repairs, entity types, coreference, headline and caption fixes.

use chancery_annotate::entities::{ArticleText, BlockKind, EntityType};

use super::{body, link, link_article};

#[test]
fn surname_and_honorific_join_the_full_name() {
    let r = body(
        &["Secretary of State Antony J. Blinken flew in. Mr. Blinken's trip was short, and Blinken left."],
        &[("Antony J. Blinken", "PER"), ("Mr. Blinken's", "PER"), ("Blinken", "PER")],
    );
    let blinken = r.find("Blinken").unwrap();
    assert_eq!(blinken.name, "Antony J. Blinken");
    assert_eq!(blinken.aliases, ["Blinken"]);
    assert_eq!(blinken.mentions.len(), 3);
    let honoured = &r.mentions[blinken.mentions[1]];
    assert_eq!(honoured.text, "Blinken");
    assert_eq!(honoured.honorific.as_deref(), Some("Mr."));
    assert!(r
        .mentions
        .iter()
        .all(|m| m.text != "Mr." && !m.text.contains("'s")));
}

#[test]
fn shared_surname_goes_to_the_nearest_earlier_person() {
    let r = body(
        &["Hunter Biden spoke first. Later Joe Biden spoke. Biden said it was over."],
        &[
            ("Hunter Biden", "PER"),
            ("Joe Biden", "PER"),
            ("Biden", "PER"),
        ],
    );
    assert_eq!(r.entities.len(), 2);
    let joe = r.find("Joe Biden").unwrap();
    assert_eq!(joe.mentions.len(), 2);
    assert_eq!(r.find("Hunter Biden").unwrap().mentions.len(), 1);
}

#[test]
fn middle_initial_and_first_name_variants_merge() {
    let r = body(
        &["Vladimir V. Putin met Vladimir Putin's aides. Putin left."],
        &[
            ("Vladimir V. Putin", "PER"),
            ("Vladimir Putin", "PER"),
            ("Putin", "PER"),
        ],
    );
    assert_eq!(r.entities.len(), 1);
    assert_eq!(r.entities[0].name, "Vladimir V. Putin");
    assert_eq!(r.entities[0].aliases, ["Vladimir Putin", "Putin"]);
}

#[test]
fn acronyms_join_their_expansion() {
    let r = body(
        &[
            "The International Atomic Energy Agency met. The IAEA said so.",
            "Media close to the Iranian Revolutionary Guard Corps (IRGC) spoke; the IRGC-affiliated Nour News agreed.",
            "The deal, known as the Joint Comprehensive Plan of Action (JCPOA), stalled. The JCPOA may return.",
        ],
        &[
            ("International Atomic Energy Agency", "ORG"),
            ("IAEA", "ORG"),
            ("Iranian Revolutionary", "MISC"),
            ("Guard Corps", "ORG"),
            ("IRGC", "ORG"),
            ("IRGC-affiliated Nour", "ORG"),
            ("News", "ORG"),
            ("Joint Comprehensive Plan", "ORG"),
            ("Action", "ORG"),
            ("JCPOA", "ORG"),
            ("JCPOA", "ORG"),
        ],
    );
    let iaea = r.find("IAEA").unwrap();
    assert_eq!(iaea.name, "International Atomic Energy Agency");
    assert_eq!(iaea.kind, EntityType::Org);
    let irgc = r.find("IRGC").unwrap();
    assert_eq!(irgc.name, "Iranian Revolutionary Guard Corps");
    assert_eq!(irgc.kind, EntityType::Org);
    assert_eq!(irgc.mentions.len(), 3, "defined, and in IRGC-affiliated");
    assert_eq!(r.find("Nour News").unwrap().kind, EntityType::Org);
    let jcpoa = r.find("JCPOA").unwrap();
    assert_eq!(jcpoa.name, "Joint Comprehensive Plan of Action");
    assert_eq!(jcpoa.kind, EntityType::Misc);
    assert_eq!(jcpoa.mentions.len(), 3);
}

#[test]
fn locations_split_into_gpe_loc_and_demonyms_into_norp() {
    let r = body(
        &[
            "Kyrgyz and Kazakh officials met in Astana, Kazakhstan, near Central Asia. Kazakhs \
           ship oil from Novorossiysk on the Black Sea to Europe; the U.S. and the United States \
           watch.",
        ],
        &[
            ("Kyrgyz", "MISC"),
            ("Kazakh", "MISC"),
            ("Astana", "LOC"),
            ("Kazakhstan", "LOC"),
            ("Central Asia", "LOC"),
            ("Kazakhs", "LOC"),
            ("Novorossiysk", "LOC"),
            ("Black Sea", "LOC"),
            ("Europe", "LOC"),
            ("U.S.", "LOC"),
            ("United States", "LOC"),
        ],
    );
    let kind = |name: &str| r.find(name).map(|e| (e.kind, e.country));
    assert_eq!(kind("Kyrgyz"), Some((EntityType::Norp, Some("KG"))));
    assert_eq!(kind("Kazakhs"), Some((EntityType::Norp, Some("KZ"))));
    assert_eq!(kind("Astana"), Some((EntityType::Gpe, Some("KZ"))));
    assert_eq!(kind("Kazakhstan"), Some((EntityType::Gpe, Some("KZ"))));
    assert_eq!(kind("Novorossiysk"), Some((EntityType::Gpe, None)));
    assert_eq!(kind("Central Asia"), Some((EntityType::Loc, None)));
    assert_eq!(kind("Black Sea"), Some((EntityType::Loc, None)));
    assert_eq!(kind("Europe"), Some((EntityType::Loc, None)));
    let us = r.find("U.S.").unwrap();
    assert_eq!(us.name, "United States");
    assert_eq!(us.mentions.len(), 2);
    // "Kazakh" and "Kazakhs" are one group of people.
    assert_eq!(r.find("Kazakh").unwrap().name, "Kazakhs");
}

#[test]
fn names_repaired() {
    let r = body(
        &["Ministers of the Group of 20 nations met. President Biden’s trip and the IAEA’s Board of Governors."],
        &[
            ("Group of", "ORG"),
            ("Biden’s", "PER"),
            ("IAEA", "ORG"),
            ("’s Board of Governors", "ORG"),
        ],
    );
    let g20 = r.find("Group of 20").unwrap();
    assert_eq!(g20.aliases, ["G20"]);
    assert!(r.find("Biden").is_some());
    assert!(r.find("Board of Governors").is_some());
}

#[test]
fn headline_mentions_reanchored_on_body_names() {
    let r = link(
        Some("Blinken Holds Talks with Central Asian Nations in Wake of Ukraine Anniversary"),
        &["Antony Blinken met Central Asian leaders over Ukraine."],
        &[
            ("Blinken Holds", "ORG"),
            ("Central Asian Nations", "ORG"),
            ("Wake of Ukraine", "LOC"),
            ("Antony Blinken", "PER"),
            ("Central Asian", "ORG"),
            ("Ukraine", "LOC"),
        ],
    );
    let title: Vec<&str> = r
        .mentions
        .iter()
        .filter(|m| m.span.block.kind == BlockKind::Title)
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(title, ["Blinken", "Central Asian", "Ukraine"]);
    assert_eq!(r.find("Blinken").unwrap().name, "Antony Blinken");
    assert_eq!(r.find("Central Asian").unwrap().kind, EntityType::Norp);
}

#[test]
fn caption_credit_is_an_organisation() {
    let article = ArticleText::from_texts(
        None,
        &["Government spokeswoman Fatemeh Mohajerani. (Jamaran news)"],
        &["Mohajerani spoke."],
    );
    let r = link_article(
        &article,
        &[
            ("Fatemeh Mohajerani", "PER"),
            ("Jamaran", "PER"),
            ("Mohajerani", "PER"),
        ],
    );
    let jamaran = r.find("Jamaran news").unwrap();
    assert_eq!(jamaran.kind, EntityType::Org);
    let fatemeh = r.find("Mohajerani").unwrap();
    assert_eq!(fatemeh.name, "Fatemeh Mohajerani");
    assert_eq!(r.role_titles(fatemeh), ["Government spokeswoman"]);
}
