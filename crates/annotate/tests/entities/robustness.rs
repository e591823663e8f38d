//! Spans back to the input, and odd text or offsets that must not panic.

use chancery_annotate::entities::{link_mentions, ArticleText, BlockKind, EntityType};
use chancery_annotate::ner::gazetteer::Gazetteer;
use chancery_annotate::EntityMention;
use chancery_model::{Block, Span};

use super::link_article;

#[test]
fn spans_map_to_blocks_and_raw_input() {
    let raw = "Title Iran\n\nIran and\nIraq met.\r\nIran again.";
    let title = Block {
        text: "Title Iran".into(),
        span: Span::new(0, 10),
    };
    // A wrapped line joined with a space keeps its length; one joined over "\r\n" does not.
    let paragraphs = [
        Block {
            text: "Iran and Iraq met.".into(),
            span: Span::new(12, 30),
        },
        Block {
            text: "Iran again.".into(),
            span: Span::new(32, 43),
        },
    ];
    let article = ArticleText::new(Some(&title), &[], &paragraphs);
    let r = link_article(
        &article,
        &[
            ("Iran", "LOC"),
            ("Iran", "LOC"),
            ("Iraq", "LOC"),
            ("Iran", "LOC"),
        ],
    );
    assert_eq!(r.mentions.len(), 4);
    for m in &r.mentions {
        let raw_span = m.span.raw.expect("verbatim blocks map to raw bytes");
        assert_eq!(&raw[raw_span.start as usize..raw_span.end as usize], m.text);
    }
    assert_eq!(r.mentions[2].span.block.index, 0);
    assert_eq!((r.mentions[2].span.start, r.mentions[2].span.end), (9, 13));
    let shifted = [Block {
        text: "Iran again.".into(),
        span: Span::new(30, 43),
    }];
    let article = ArticleText::new(None, &[], &shifted);
    let r = link_article(&article, &[("Iran", "LOC")]);
    assert_eq!(r.mentions[0].span.raw, None);
    assert_eq!((r.mentions[0].span.start, r.mentions[0].span.end), (0, 4));
}

#[test]
fn odd_text_and_odd_offsets_never_panic() {
    let samples = [
        "",
        " ",
        "((((",
        "(IRGC)",
        ") (A) (",
        "Mr.",
        "Mr. Mr. Mr.",
        "’s ’s ’s",
        "US US US US US US US",
        "President President of of of the",
        "Žluťoučký kůň — «Москва» 東京 🙂 Secretary of State 🙂",
        "A, the B, the C of D for E and , ,",
        "X (ABCDEFGHIJ) of the Y (Z1)",
    ];
    for text in samples {
        for paragraphs in [vec![text], vec![text, text]] {
            let article = ArticleText::from_texts(Some(text), &[text], &paragraphs);
            let len = article.text().len();
            let mut mentions = Vec::new();
            // Every start and end, including those off character boundaries and past the end.
            for start in 0..=len + 2 {
                for end in [start, start + 1, start + 3, start + 7, len + 5] {
                    for kind in ["PER", "ORG", "LOC", "MISC", "???"] {
                        mentions.push(EntityMention {
                            start,
                            end,
                            kind: kind.to_string(),
                        });
                    }
                }
            }
            let gazetteer = Gazetteer::default();
            let r = link_mentions(&article, &mentions, &gazetteer);
            for m in &r.mentions {
                assert!(!m.text.is_empty());
                assert!(m.entity < r.entities.len());
            }
            let one_each: Vec<EntityMention> = mentions.into_iter().step_by(7).take(50).collect();
            link_mentions(&article, &one_each, &gazetteer);
        }
    }
}

#[test]
fn random_news_like_text_never_panics() {
    const WORDS: &[&str] = &[
        "US",
        "U.S.",
        "Secretary",
        "of",
        "State",
        "Antony",
        "J.",
        "Blinken",
        "Mr.",
        "Gen.",
        "’s",
        "'s",
        "President",
        "Iranian",
        "Iran",
        "(",
        ")",
        "IAEA",
        "International",
        "Atomic",
        ",",
        ".",
        "the",
        "for",
        "and",
        "Foreign",
        "Minister",
        "Deputy",
        "spokeswoman",
        "Group",
        "20",
        "administration",
        "Biden",
        "—",
        "“",
        "”",
        "Kazakhstan",
        "in",
        "Москва",
        "🙂",
        "IRGC-affiliated",
        "ex-Soviet",
        "Central",
        "Asia",
        "Asian",
        "Supreme",
        "Leader",
        "said",
        "\n",
        "D-Mo",
        "G.",
    ];
    const KINDS: &[&str] = &["PER", "ORG", "LOC", "MISC"];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % n
    };
    for _ in 0..300 {
        let mut paragraphs = Vec::new();
        for _ in 0..1 + next(3) {
            let words: Vec<&str> = (0..next(40)).map(|_| WORDS[next(WORDS.len())]).collect();
            paragraphs.push(words.join(" "));
        }
        let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        let article = ArticleText::from_texts(Some(refs[0]), &refs[..1], &refs);
        let text = article.text();
        let tokens = chancery_annotate::tokenize(text);
        let mut mentions = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let len = 1 + next(4);
            if next(3) == 0 && i + len <= tokens.len() {
                mentions.push(EntityMention {
                    start: tokens[i].start,
                    end: tokens[i + len - 1].end,
                    kind: KINDS[next(KINDS.len())].to_string(),
                });
                i += len;
            } else {
                i += 1;
            }
        }
        let r = link_mentions(&article, &mentions, &Gazetteer::default());
        for m in &r.mentions {
            let block = match m.span.block.kind {
                BlockKind::Title => refs[0],
                BlockKind::Caption => refs[m.span.block.index],
                BlockKind::Paragraph => refs[m.span.block.index],
            };
            assert_eq!(block.get(m.span.start..m.span.end), Some(m.text.as_str()));
        }
        for role in &r.roles {
            assert!(role.mention < r.mentions.len());
            assert_eq!(r.mentions[role.mention].kind, EntityType::Person);
        }
    }
}
