//! Roles: titles before names, appositions, honorific ranks, and affiliations stated or inferred.

use chancery_annotate::entities::{AffiliationSource, EntityType};

use super::body;

#[test]
fn role_before_the_name_with_its_affiliation() {
    let r = body(
        &[
            "US Secretary of State Antony Blinken arrived.",
            "Blinken met Kazakhstan's President Kassym-Jomart Tokayev.",
            "Iranian government spokeswoman Fatemeh Mohajerani spoke.",
            "He met Kyrgyz Foreign Minister Jeenbek Kulubaev and President Vladimir V. Putin of Russia.",
            "Iranian Foreign Ministry spokesperson Esmail Baghaei agreed.",
        ],
        &[
            ("Antony Blinken", "PER"),
            ("Blinken", "PER"),
            ("Kazakhstan", "LOC"),
            ("Kassym-Jomart Tokayev", "PER"),
            ("Iranian", "MISC"),
            ("Fatemeh Mohajerani", "PER"),
            ("Kyrgyz Foreign", "ORG"),
            ("Jeenbek Kulubaev", "PER"),
            ("Vladimir V. Putin", "PER"),
            ("Russia", "LOC"),
            ("Iranian", "MISC"),
            ("Foreign Ministry", "ORG"),
            ("Esmail Baghaei", "PER"),
        ],
    );
    let check = |person: &str, title: &str, country: &str| {
        let e = r.find(person).unwrap_or_else(|| panic!("{person} found"));
        assert_eq!(r.role_titles(e), [title], "{person}");
        let a = e.affiliation.as_ref().unwrap();
        assert_eq!(
            (a.name.as_str(), a.source),
            (country, AffiliationSource::Stated),
            "{person}"
        );
    };
    check("Antony Blinken", "Secretary of State", "United States");
    check("Kassym-Jomart Tokayev", "President", "Kazakhstan");
    check("Fatemeh Mohajerani", "government spokeswoman", "Iran");
    check("Jeenbek Kulubaev", "Foreign Minister", "Kyrgyzstan");
    check("Vladimir V. Putin", "President", "Russia");
    check("Esmail Baghaei", "Foreign Ministry spokesperson", "Iran");
    // The tagger missed "US": the affiliation made it a mention. "Kyrgyz Foreign" lost its
    // title words; "Foreign Ministry" inside a title is no entity.
    assert_eq!(r.find("US").unwrap().kind, EntityType::Gpe);
    assert_eq!(r.find("Kyrgyz").unwrap().kind, EntityType::Norp);
    assert!(r.find("Kyrgyz Foreign").is_none());
    assert!(r.find("Foreign Ministry").is_none());
    // The role's span is the title's.
    let role = &r.roles[0];
    assert_eq!(role.head, "secretary");
    assert_eq!((role.span.start, role.span.end), (3, 21));
}

#[test]
fn role_in_apposition() {
    let r = body(
        &[
            "Majid Takht-Ravanchi, Deputy Foreign Minister for International Affairs, will lead the Iranian delegation.",
            "“It works,” Donald Lu, the U.S. assistant secretary of state for South Asia and Central Asia, said.",
            "Blinken, who arrived late, met Tokayev, Foreign Minister Mukhtar Tileuberdi and others.",
        ],
        &[
            ("Majid Takht-Ravanchi", "PER"),
            ("International Affairs", "ORG"),
            ("Iranian", "MISC"),
            ("Donald Lu", "PER"),
            ("U.S.", "LOC"),
            ("South Asia", "LOC"),
            ("Central Asia", "LOC"),
            ("Blinken", "PER"),
            ("Tokayev", "PER"),
            ("Mukhtar Tileuberdi", "PER"),
        ],
    );
    let majid = r.find("Majid Takht-Ravanchi").unwrap();
    assert_eq!(
        r.role_titles(majid),
        ["Deputy Foreign Minister for International Affairs"]
    );
    let a = majid.affiliation.as_ref().unwrap();
    assert_eq!(
        (a.name.as_str(), a.source),
        ("Iran", AffiliationSource::Sentence)
    );
    assert!(r.find("International Affairs").is_none());
    let lu = r.find("Donald Lu").unwrap();
    assert_eq!(
        r.role_titles(lu),
        ["assistant secretary of state for South Asia and Central Asia"]
    );
    assert_eq!(lu.affiliation.as_ref().unwrap().name, "United States");
    assert_eq!(r.find("South Asia").unwrap().kind, EntityType::Loc);
    // "Foreign Minister" belongs to the name after it, not to Tokayev before the comma.
    assert!(r.role_titles(r.find("Tokayev").unwrap()).is_empty());
    let mukhtar = r.find("Mukhtar Tileuberdi").unwrap();
    assert_eq!(r.role_titles(mukhtar), ["Foreign Minister"]);
    assert!(r.role_titles(r.find("Blinken").unwrap()).is_empty());
}

#[test]
fn unstated_affiliation_from_sentence_then_article() {
    let r = body(
        &[
            "US officials and American diplomats arrived. US officials said so.",
            "Foreign Minister Mukhtar Tileuberdi said Washington supports Kazakhstan.",
            "Treasury Secretary Janet L. Yellen visited Kyiv, Ukraine, and Russia objected.",
            "The Biden administration agreed, and Ukraine's allies did too.",
            "The Trump administration disagreed.",
            "Supreme Leader Ali Khamenei spoke; the Supreme Leader was firm.",
        ],
        &[
            ("American", "MISC"),
            ("Mukhtar Tileuberdi", "PER"),
            ("Washington", "LOC"),
            ("Kazakhstan", "LOC"),
            ("Treasury", "ORG"),
            ("Janet L. Yellen", "PER"),
            ("Kyiv", "LOC"),
            ("Ukraine", "LOC"),
            ("Russia", "LOC"),
            ("Biden", "MISC"),
            ("Ukraine", "LOC"),
            ("Trump", "ORG"),
            ("Supreme Leader", "ORG"),
            ("Ali Khamenei", "PER"),
            ("Supreme Leader", "ORG"),
        ],
    );
    let affiliation = |name: &str| {
        let a = r.find(name).unwrap().affiliation.clone().unwrap();
        (a.name, a.source)
    };
    assert_eq!(
        affiliation("Mukhtar Tileuberdi"),
        ("Kazakhstan".to_string(), AffiliationSource::Sentence)
    );
    assert_eq!(
        affiliation("Janet L. Yellen"),
        ("United States".to_string(), AffiliationSource::Article)
    );
    assert_eq!(
        r.role_titles(r.find("Janet L. Yellen").unwrap()),
        ["Treasury Secretary"]
    );
    let biden = r.find("Biden").unwrap();
    assert_eq!(biden.kind, EntityType::Person);
    // Heads of government take the sentence's country only.
    assert_eq!(
        affiliation("Biden"),
        ("Ukraine".to_string(), AffiliationSource::Sentence)
    );
    let trump = r.find("Trump").unwrap();
    assert_eq!(
        (trump.kind, trump.affiliation.as_ref()),
        (EntityType::Person, None)
    );
    assert_eq!(
        r.role_titles(r.find("Ali Khamenei").unwrap()),
        ["Supreme Leader"]
    );
    assert!(
        r.find("Supreme Leader").is_none(),
        "a title alone is no entity"
    );
    assert!(r.find("Treasury").is_none());
}

#[test]
fn rank_honorific_gives_a_role() {
    let r = body(
        &["Gen. Mark Milley and Dr. Jill Biden spoke."],
        &[("Gen. Mark Milley", "PER"), ("Jill Biden", "PER")],
    );
    let milley = r.find("Mark Milley").unwrap();
    assert_eq!(r.role_titles(milley), ["General"]);
    assert_eq!(
        r.mentions[milley.mentions[0]].honorific.as_deref(),
        Some("Gen.")
    );
    let jill = r.find("Jill Biden").unwrap();
    assert_eq!(
        r.mentions[jill.mentions[0]].honorific.as_deref(),
        Some("Dr.")
    );
    assert!(r.role_titles(jill).is_empty());
}

#[test]
fn no_role_without_a_title_word() {
    let r = body(
        &["Blinken will meet the foreign ministers of all five states, said Tokayev, who smiled."],
        &[("Blinken", "PER"), ("Tokayev", "PER")],
    );
    assert!(r.roles.is_empty());
}
