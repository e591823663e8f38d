//! Time expressions on hand-made sentences and on the seed articles' sentences
//! (`../shared/seeds/expected.json` -> `dates`), copied here as short literals.

use super::{find_timexes, Date, Granularity, Timex, TimexType};

fn date(s: &str) -> Option<Date> {
    Date::parse_iso(s)
}

/// (surface text, type, value) of every expression found.
fn found(text: &str, reference: Option<&str>) -> Vec<(String, &'static str, String)> {
    find_timexes(text, reference.and_then(date))
        .into_iter()
        .map(|t: Timex| {
            (
                text[t.start..t.end].to_string(),
                t.kind.as_str(),
                t.value.unwrap_or_else(|| "-".into()),
            )
        })
        .collect()
}

/// Asserts that each expected (text, type, value) is among the expressions found.
fn check(text: &str, reference: Option<&str>, expected: &[(&str, &str, &str)]) {
    let got = found(text, reference);
    for (t, k, v) in expected {
        assert!(
            got.iter().any(|(gt, gk, gv)| gt == t && gk == k && gv == v),
            "missing {t:?} {k} {v} in {text:?}; found {got:?}"
        );
    }
}

const SEED_REF: Option<&str> = Some("2023-02-28");

#[test]
fn seed_caption_date() {
    check(
        "US Secretary of State Antony Blinken attends a meeting with Kyrgyz Foreign Minister \
         Jeenbek Kulubaev in Astana, Kazakhstan, February 28, 2023. (Reuters)",
        SEED_REF,
        &[("February 28, 2023", "DATE", "2023-02-28")],
    );
}

#[test]
fn seed_bare_weekday_in_past_tense() {
    check(
        "US Secretary of State Antony Blinken arrived in Central Asia Tuesday to meet officials \
         from all five former Soviet republics.",
        SEED_REF,
        &[("Tuesday", "DATE", "2023-02-28")],
    );
}

#[test]
fn seed_month_day_without_year() {
    check(
        "The trip comes just days after the Feb. 24 anniversary of the invasion of Ukraine.",
        SEED_REF,
        &[("Feb. 24", "DATE", "2023-02-24")],
    );
}

#[test]
fn seed_month_in_past_tense_is_the_previous_one() {
    check(
        "In Astana on Tuesday, Blinken met Kazakhstan's President Kassym-Jomart Tokayev, who was \
         re-elected in a landslide in November and has pushed back publicly.",
        SEED_REF,
        &[
            ("November", "DATE", "2022-11"),
            ("Tuesday", "DATE", "2023-02-28"),
        ],
    );
}

#[test]
fn seed_future_weekday_and_durations() {
    check(
        "Blinken will meet the foreign ministers of all five Central Asian states in Astana on \
         Tuesday before traveling on to Tashkent, Uzbekistan.",
        SEED_REF,
        &[("Tuesday", "DATE", "2023-02-28")],
    );
    check(
        "After Kazakhstan, Mr. Blinken is scheduled to have meetings in Tashkent, Uzbekistan, on \
         Wednesday and then travel to India.",
        SEED_REF,
        &[("Wednesday", "DATE", "2023-03-01")],
    );
    check(
        "Iran plans to hold talks on Friday in Geneva with France, Britain and Germany.",
        SEED_REF,
        &[("Friday", "DATE", "2023-03-03")],
    );
    check(
        "These efforts could end the two-year stalemate in negotiations over the nuclear deal.",
        None,
        &[("two-year", "DURATION", "P2Y")],
    );
}

#[test]
fn seed_without_reference_keeps_type_and_stated_parts() {
    let text =
        "The Iranian government stated on Tuesday that upcoming negotiations in Geneva will \
                be guided by the directives. Tehran has refrained from such actions in recent \
                months. The Board of Governors recently passed a resolution in November.";
    check(
        text,
        None,
        &[
            ("Tuesday", "DATE", "XXXX-WXX-2"),
            ("recent months", "DURATION", "PXM"),
            ("recently", "DATE", "PAST_REF"),
            ("November", "DATE", "XXXX-11"),
        ],
    );
    let yesterday = find_timexes("Officials met yesterday.", None);
    assert_eq!(yesterday.len(), 1);
    assert_eq!(
        (yesterday[0].kind, yesterday[0].value.as_deref()),
        (TimexType::Date, None)
    );
    assert_eq!(yesterday[0].granularity, Granularity::Day);
}

#[test]
fn absolute_dates() {
    check(
        "It happened on 28 February 2023, on 2023-02-28, in March 2021 and in 2019.",
        None,
        &[
            ("28 February 2023", "DATE", "2023-02-28"),
            ("2023-02-28", "DATE", "2023-02-28"),
            ("March 2021", "DATE", "2021-03"),
            ("2019", "DATE", "2019"),
        ],
    );
    check(
        "Sales rose in the 1990s and the '80s.",
        None,
        &[("the 1990s", "DATE", "199"), ("the '80s", "DATE", "198")],
    );
    check(
        "He arrived 28 February.",
        Some("2023-03-10"),
        &[("28 February", "DATE", "2023-02-28")],
    );
}

#[test]
fn relative_expressions() {
    let r = Some("2023-02-28"); // a Tuesday
    check(
        "Biden visited Kyiv last week, and Yellen arrived yesterday. Prices fell two years ago \
         and will rise next month. He is here now; it was recently announced.",
        r,
        &[
            ("last week", "DATE", "2023-W08"),
            ("yesterday", "DATE", "2023-02-27"),
            ("two years ago", "DATE", "2021"),
            ("next month", "DATE", "2023-03"),
            ("now", "DATE", "PRESENT_REF"),
            ("recently", "DATE", "PAST_REF"),
        ],
    );
    check(
        "They will meet on Friday.",
        r,
        &[("Friday", "DATE", "2023-03-03")],
    );
    check(
        "They met on Friday.",
        r,
        &[("Friday", "DATE", "2023-02-24")],
    );
    check(
        "The talks ended last Friday.",
        r,
        &[("last Friday", "DATE", "2023-02-24")],
    );
    check(
        "The plant was built last fall.",
        r,
        &[("last fall", "DATE", "2022-FA")],
    );
    check(
        "Profit rose in the third quarter.",
        Some("1989-10-26"),
        &[("the third quarter", "DATE", "1989-Q3")],
    );
}

#[test]
fn durations_times_and_sets() {
    let r = Some("2023-02-28");
    check(
        "The strike lasted three days. Talks start at 9 a.m. and the board meets every week. \
         The flight took 5 1/2 hours; the ceasefire held for nearly two years.",
        r,
        &[
            ("three days", "DURATION", "P3D"),
            ("9 a.m.", "TIME", "2023-02-28T09:00"),
            ("every week", "SET", "P1W"),
            ("5 1/2 hours", "DURATION", "PT5H30M"),
            ("nearly two years", "DURATION", "P2Y"),
        ],
    );
    check(
        "He spoke Friday morning.",
        r,
        &[("Friday morning", "TIME", "2023-02-24TMO")],
    );
    check(
        "The deal was signed 9 a.m. Tuesday.",
        r,
        &[("9 a.m. Tuesday", "TIME", "2023-02-28T09:00")],
    );
}

#[test]
fn anaphora_counts_from_the_last_date() {
    check(
        "The plant opened in March 1990. A year earlier, the site was empty. The following \
         month, workers arrived.",
        Some("2023-02-28"),
        &[
            ("A year earlier", "DATE", "1989"),
            ("The following month", "DATE", "1990-04"),
        ],
    );
    check(
        "Net rose in the third quarter from a year ago.",
        Some("1989-10-26"),
        &[("a year ago", "DATE", "1988-Q3")],
    );
}

#[test]
fn not_time_expressions() {
    for text in [
        "The 6-year-old boy and a 52-year-old man.",
        "He may march. Theresa May said so.",
        "The fall in prices hurt; a second group left.",
        "It costs $1,200 and 2000 people came; three-quarters of them stayed.",
    ] {
        let got = found(text, SEED_REF);
        assert!(got.is_empty(), "{text:?} gave {got:?}");
    }
}

#[test]
fn odd_text_never_panics() {
    for text in [
        "",
        " ",
        "9:",
        "Feb.",
        "the",
        "é 12/",
        "2023-02-",
        "1990s'",
        "a.m.",
        "\u{0}\u{301}Tuesday",
    ] {
        let _ = find_timexes(text, SEED_REF.and_then(date));
        let _ = find_timexes(text, None);
    }
}

#[test]
fn random_text_never_panics() {
    const POOL: &[&str] = &[
        "Feb", ".", " ", "24", ",", "2023", "-", "a", "m", "last", "week", "the", "third",
        "quarter", "é", "ago", "two", "years", "'", "s", "Tuesday", "night", ":", "30", "/",
        "every", "mid", "1990", "of", "\n", "year", "earlier", "since", "May", "—", "0",
    ];
    let mut seed: u64 = 42;
    for _ in 0..2000 {
        let mut text = String::new();
        for _ in 0..12 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(POOL[(seed >> 33) as usize % POOL.len()]);
        }
        for t in find_timexes(&text, date("1999-12-31")) {
            assert!(
                t.start < t.end && text.is_char_boundary(t.start) && text.is_char_boundary(t.end)
            );
        }
    }
}

#[test]
fn chunks_end_at_blank_lines_only() {
    let text = "Title\n\nOne line\nand its wrap. Next.\n \t\nLast";
    let chunk = |at: usize| &text[super::chunk_around(text, at)];
    assert_eq!(chunk(0), "Title");
    assert_eq!(
        chunk(text.find("and").unwrap()),
        "One line\nand its wrap. Next."
    );
    assert_eq!(chunk(text.find("Last").unwrap()), "Last");
    assert_eq!(chunk(text.len()), "Last");
}

#[test]
fn tense_reads_the_sentence_in_its_own_paragraph() {
    // The second paragraph's "Wednesday" takes the future from its own sentence, not the past
    // tense of the paragraph before.
    let text = "The minister arrived on Monday.\n\nShe will leave on Wednesday.";
    let got = found(text, Some("2023-02-28"));
    assert_eq!(got[0].2, "2023-02-27");
    assert_eq!(got[1].2, "2023-03-01");
}
