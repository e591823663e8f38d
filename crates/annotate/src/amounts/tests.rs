//! Amounts on hand-made sentences and on the seed articles' sentences
//! (`../shared/seeds/expected.json` -> `amounts`), copied here as short literals.

use super::{find_amounts, Amount, AmountKind};

/// (surface text, value, unit) of every amount found.
fn found(text: &str) -> Vec<(String, f64, String)> {
    find_amounts(text)
        .into_iter()
        .map(|a: Amount| {
            (
                text[a.start..a.end].to_string(),
                a.value,
                a.unit().to_string(),
            )
        })
        .collect()
}

fn check(text: &str, expected: &[(&str, f64, &str)]) {
    let got = found(text);
    for (t, v, u) in expected {
        assert!(
            got.iter()
                .any(|(gt, gv, gu)| gt == t && (gv - v).abs() < 1e-6 && gu == u),
            "missing {t:?} {v} {u} in {text:?}; found {got:?}"
        );
    }
}

#[test]
fn seed_money() {
    check(
        "Treasury Secretary Janet L. Yellen's visit on Monday to the Ukrainian capital to \
         announce  the transfer of $1.25 billion in economic and budget assistance to Ukraine",
        &[("$1.25 billion", 1_250_000_000.0, "USD")],
    );
    let a = &find_amounts("the transfer of $1.25 billion in aid")[0];
    assert_eq!(a.scale, Some(1e9));
    assert_eq!(a.kind, AmountKind::Money { currency: "USD" });
}

#[test]
fn seed_percent() {
    check(
        "Western powers dismissed Iran's last-minute proposal to limit its stockpile of \
         60%-enriched uranium—close to weapons-grade—as “inadequate and insincere.”",
        &[("60%", 60.0, "percent")],
    );
}

#[test]
fn seed_counts() {
    check(
        "US Secretary of State Antony Blinken arrived in Central Asia Tuesday to meet officials \
         from all five former Soviet republics following the first anniversary.",
        &[(
            "five former Soviet republics",
            5.0,
            "former Soviet republics",
        )],
    );
    check(
        "Blinken will meet the foreign ministers of all five Central Asian states in Astana.",
        &[("five Central Asian states", 5.0, "Central Asian states")],
    );
    check(
        "Foreign ministers from five Central Asian republics that broke away from the Soviet Union",
        &[(
            "five Central Asian republics",
            5.0,
            "Central Asian republics",
        )],
    );
}

#[test]
fn money_forms() {
    check(
        "It paid €5m and then £300,000.",
        &[("€5m", 5e6, "EUR"), ("£300,000", 300_000.0, "GBP")],
    );
    check(
        "a grant of 5 million euros",
        &[("5 million euros", 5e6, "EUR")],
    );
    check("Rs 10 crore was spent", &[("Rs 10 crore", 1e8, "INR")]);
    check(
        "He spent seventy million dollars.",
        &[("seventy million dollars", 7e7, "USD")],
    );
    check(
        "sales of 7.38 billion Canadian dollars",
        &[("7.38 billion Canadian dollars", 7.38e9, "CAD")],
    );
    check(
        "US$6.3 billion in sales; 10 cents a share",
        &[("US$6.3 billion", 6.3e9, "USD"), ("10 cents", 0.1, "USD")],
    );
    check(
        "a loss of 6.4 billion yen",
        &[("6.4 billion yen", 6.4e9, "JPY")],
    );
    check(
        "off 37.5 Canadian cents",
        &[("37.5 Canadian cents", 0.375, "CAD")],
    );
}

#[test]
fn percent_forms() {
    check(
        "Stocks fell twelve percent, then 4.5 per cent, a rise of 3 percentage points.",
        &[
            ("twelve percent", 12.0, "percent"),
            ("4.5 per cent", 4.5, "percent"),
            ("3 percentage points", 3.0, "percentage points"),
        ],
    );
}

#[test]
fn count_forms() {
    check(
        "About 1.5 million people fled; 20 nations met; a dozen eggs; twenty-four ex-Soviet \
         officials and two men.",
        &[
            ("1.5 million people", 1.5e6, "people"),
            ("20 nations", 20.0, "nations"),
            ("a dozen eggs", 12.0, "eggs"),
            (
                "twenty-four ex-Soviet officials",
                24.0,
                "ex-Soviet officials",
            ),
            ("two men", 2.0, "men"),
        ],
    );
}

#[test]
fn not_counts() {
    for text in [
        "The talks lasted three days in 1991.",
        "They met on Feb. 24 at 9 a.m. and again one on one.",
        "It was a two-year stalemate; one of them left.",
        "He won 5 to 3.",
    ] {
        let got = found(text);
        assert!(got.is_empty(), "{text:?} gave {got:?}");
    }
}

#[test]
fn odd_text_never_panics() {
    for text in [
        "",
        "$",
        "$.",
        "5%",
        "€",
        "Rs.",
        "1,",
        "five",
        "\u{301}5 million",
        "US$",
    ] {
        let _ = find_amounts(text);
    }
}

#[test]
fn random_text_never_panics() {
    const POOL: &[&str] = &[
        "$",
        "€",
        "1.25",
        " ",
        "billion",
        "5",
        "m",
        "%",
        "-",
        "five",
        "former",
        "republics",
        ",",
        "300,000",
        "Rs",
        ".",
        "crore",
        "twenty",
        "dollars",
        "a",
        "dozen",
        "é",
        "per",
        "cent",
        "Canadian",
        "US",
        "\n",
        "of",
    ];
    let mut seed: u64 = 7;
    for _ in 0..2000 {
        let mut text = String::new();
        for _ in 0..10 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(POOL[(seed >> 33) as usize % POOL.len()]);
        }
        for a in find_amounts(&text) {
            assert!(
                a.start < a.end && text.is_char_boundary(a.start) && text.is_char_boundary(a.end)
            );
        }
    }
}
