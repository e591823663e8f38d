//! Tests of quote finding on hand-written paragraphs, without the tagger: entities come from
//! hand-made mention lists through [`crate::entities::link_mentions`].

use super::*;
use crate::entities::{link_mentions, ArticleText};
use crate::ner::gazetteer::Gazetteer;
use crate::ner::EntityMention;

/// Quotes of `paragraphs` with the given names tagged as `(name, type)` wherever they occur.
fn run(paragraphs: &[&str], names: &[(&str, &str)]) -> (Vec<Quote>, ArticleEntities) {
    let article = ArticleText::from_texts(None, &[], paragraphs);
    let text = article.text();
    let mut mentions = Vec::new();
    for (name, kind) in names {
        for (at, _) in text.match_indices(name) {
            mentions.push(EntityMention {
                start: at,
                end: at + name.len(),
                kind: (*kind).to_string(),
            });
        }
    }
    mentions.sort_by_key(|m| m.start);
    let entities = link_mentions(&article, &mentions, &Gazetteer::default());
    (find_quotes(&article, &entities, None), entities)
}

/// The name of the entity a party resolves to.
fn name_of<'e>(entities: &'e ArticleEntities, party: Option<&Party>) -> Option<&'e str> {
    let e = party?.entity?;
    entities.entities.get(e).map(|e| e.name.as_str())
}

#[test]
fn a_quote_split_around_its_cue_is_one_quote_with_two_pieces() {
    let p = "“Our main goal is to show that we are a reliable partner,” Donald Lu said on Friday. \
             “And we see the difficulties these economies are facing.”";
    let (quotes, entities) = run(&[p], &[("Donald Lu", "PER")]);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    let q = &quotes[0];
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.content.len(), 2);
    assert!(q.text.starts_with("“Our main goal") && q.text.ends_with("facing.”"));
    assert_eq!(q.cue.as_ref().map(|c| c.lemma), Some("say"));
    assert_eq!(name_of(&entities, q.speaker.as_ref()), Some("Donald Lu"));
    let first = &q.content[0];
    assert_eq!(
        &p[first.start..first.end],
        "“Our main goal is to show that we are a reliable partner,”"
    );
}

#[test]
fn speaker_and_addressee_of_told() {
    let p = "\"We have built very good partnerships,\" Tokayev told Blinken as they met.";
    let (quotes, entities) = run(&[p], &[("Tokayev", "PER"), ("Blinken", "PER")]);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    let q = &quotes[0];
    assert_eq!(q.text, "\"We have built very good partnerships,\"");
    assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("told"));
    assert_eq!(name_of(&entities, q.speaker.as_ref()), Some("Tokayev"));
    assert_eq!(name_of(&entities, q.addressee.as_ref()), Some("Blinken"));
}

#[test]
fn partial_quotes_inside_reported_speech_and_a_pronoun_speaker() {
    let p = "Spokeswoman Fatemeh Mohajerani stated that Tehran is “open to considering any \
             proposal.” However, she stressed that “dialogue requires respect and trust.”";
    let (quotes, entities) = run(&[p], &[("Fatemeh Mohajerani", "PER"), ("Tehran", "LOC")]);
    let reported: Vec<&Quote> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .collect();
    assert_eq!(reported.len(), 2, "{quotes:?}");
    assert!(reported[0].text.starts_with("that Tehran is “open"));
    assert_eq!(reported[1].cue.as_ref().map(|c| c.lemma), Some("stress"));
    let pronoun = reported[1].speaker.as_ref().expect("a speaker");
    assert_eq!(
        (pronoun.text.as_str(), pronoun.link),
        ("she", Link::Pronoun)
    );
    let partial: Vec<&Quote> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Partial)
        .collect();
    assert_eq!(partial.len(), 2);
    assert!(partial[0].text.starts_with("“open to"));
    let holder = partial[0].within.and_then(|w| quotes.get(w)).expect("held");
    assert_eq!(holder.kind, QuoteKind::Indirect);
    assert!(holder.text.contains(&partial[0].text));
    for q in &quotes {
        assert_eq!(
            name_of(&entities, q.speaker.as_ref()),
            Some("Fatemeh Mohajerani")
        );
    }
}

#[test]
fn a_quote_left_open_runs_on_into_the_next_paragraph() {
    let (quotes, _) = run(
        &[
            "Smith said: “We will stay the course.",
            "“We will not give in, whatever they say.”",
            "“This opens a new paragraph with no cue.”",
        ],
        &[("Smith", "PER")],
    );
    let direct: Vec<&Quote> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    assert_eq!(direct.len(), 1, "{quotes:?}");
    let blocks: Vec<usize> = direct[0].content.iter().map(|s| s.block.index).collect();
    assert_eq!(blocks, [0, 1, 2]);
}

#[test]
fn according_to_and_content_before_the_cue() {
    let (quotes, _) = run(
        &[
            "Clinton beats Trump by 46 percent to 42 percent, according to the poll.",
            "Talks will resume next week, the ministry said.",
        ],
        &[],
    );
    let got: Vec<(&str, Option<&str>, Option<&str>)> = quotes
        .iter()
        .map(|q| {
            (
                q.text.as_str(),
                q.cue.as_ref().map(|c| c.text.as_str()),
                q.speaker.as_ref().map(|s| s.text.as_str()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Clinton beats Trump by 46 percent to 42 percent",
                Some("according to"),
                Some("the poll")
            ),
            (
                "Talks will resume next week",
                Some("said"),
                Some("the ministry")
            ),
        ]
    );
}

#[test]
fn a_description_resolves_through_roles_and_kinds() {
    let (quotes, entities) = run(
        &[
            "Government spokeswoman Fatemeh Mohajerani spoke at noon. The Foreign Ministry \
             issued a statement.",
            "The spokeswoman said the talks would be held in Geneva.",
            "The ministry said it was ready.",
        ],
        &[
            ("Fatemeh Mohajerani", "PER"),
            ("Foreign Ministry", "ORG"),
            ("Geneva", "LOC"),
        ],
    );
    let speakers: Vec<(Option<&str>, Option<Link>)> = quotes
        .iter()
        .map(|q| {
            (
                name_of(&entities, q.speaker.as_ref()),
                q.speaker.as_ref().map(|s| s.link),
            )
        })
        .collect();
    assert_eq!(
        speakers,
        [
            (Some("Fatemeh Mohajerani"), Some(Link::Description)),
            (Some("Foreign Ministry"), Some(Link::Description)),
        ]
    );
}

#[test]
fn titles_in_quotation_marks_and_adjectives_are_no_quotes() {
    let (quotes, _) = run(
        &["He appeared on “Morning Joe,” Smith said, before the proposed border wall was built."],
        &[],
    );
    assert!(
        quotes.iter().all(
            |q| q.kind != QuoteKind::Direct && q.cue.as_ref().is_some_and(|c| c.lemma == "say")
        ),
        "{quotes:?}"
    );
}

#[test]
fn odd_text_never_panics() {
    let long = "word \"said ".repeat(20_000);
    let cases: Vec<&str> = vec![
        "",
        "\"",
        "”“”“",
        "''",
        "said",
        ", said",
        "according to",
        "According to",
        "“unclosed, he said",
        "he said: “",
        "¿Qué? «Sí», dijo él. „Ja“ — ‘quoted’",
        long.as_str(),
    ];
    // A model trained on two sentences reads nearly every token as a candidate cue, which runs
    // the learned path over all of the odd text.
    let (model, _) = CueModel::train(
        &cue_examples(&["Critics lauded [the plan as a bold step]."]),
        CueClusters::default(),
        CUE_EPOCHS,
    );
    for case in cases {
        let paragraphs = [case, "", case];
        let article = ArticleText::from_texts(None, &[], &paragraphs);
        let entities = link_mentions(&article, &[], &Gazetteer::default());
        for cues in [None, Some(&model)] {
            for q in find_quotes(&article, &entities, cues) {
                for span in q.content.iter().chain(q.speaker.as_ref().map(|s| &s.span)) {
                    assert!(span.start <= span.end);
                    assert!(
                        case.get(span.start..span.end).is_some(),
                        "{case:?}: {span:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn expectations_have_content_and_no_speaker() {
    let p = "Yellen is widely expected to lay further ground work for a rate hike.";
    let (quotes, _) = run(&[p], &[("Yellen", "PER")]);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    let q = &quotes[0];
    let pieces: Vec<&str> = q.content.iter().map(|s| &p[s.start..s.end]).collect();
    assert_eq!(
        pieces,
        ["Yellen", "to lay further ground work for a rate hike"]
    );
    assert_eq!(q.cue.as_ref().map(|c| c.lemma), Some("be expected"));
    assert!(q.speaker.is_none());
}

#[test]
fn a_long_passage_in_quotation_marks_without_a_cue_is_the_last_speakers() {
    let paragraphs = [
        "“Our main goal is to show that we are a reliable partner,” Donald Lu said on Friday.",
        "The talks ran late into the night, and the so-called “reset” was not mentioned.",
        "“We will keep working with every country in the region for as long as it takes.”",
    ];
    let (quotes, entities) = run(&paragraphs, &[("Donald Lu", "PER")]);
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    let passage = &quotes[1];
    assert!(
        passage.text.starts_with("“We will keep working"),
        "{passage:?}"
    );
    assert_eq!(passage.kind, QuoteKind::Direct);
    assert!(passage.cue.is_none());
    assert_eq!(
        name_of(&entities, passage.speaker.as_ref()),
        Some("Donald Lu")
    );
}

#[test]
fn a_plural_noun_is_not_a_cue_between_the_halves_of_a_quote() {
    let p =
        "“Ted Cruz is not my favorite by any means,” Graham told CBS News, when a dozen states \
             voted. “But we may be in a position where rallying around Ted Cruz is the only way.”";
    let (quotes, _) = run(&[p], &[("Graham", "PER"), ("CBS News", "ORG")]);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].content.len(), 2, "{quotes:?}");
}

#[test]
fn when_asked_between_the_halves_does_not_start_a_new_attribution() {
    let p = "“It was very nice,” Adelson told Reuters when asked if he had met Trump. \
             “He was very charming.”";
    let (quotes, _) = run(
        &[p],
        &[("Adelson", "PER"), ("Reuters", "ORG"), ("Trump", "PER")],
    );
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].content.len(), 2, "{quotes:?}");
}

#[test]
fn a_participle_after_a_quote_inside_reported_speech_is_not_its_cue() {
    let p = "Trump insisted that he has “expanded the Republican party,” claiming that he is \
             responsible for higher turnout.";
    let (quotes, _) = run(&[p], &[("Trump", "PER")]);
    let first = &quotes[0];
    assert_eq!(first.kind, QuoteKind::Indirect, "{quotes:?}");
    assert!(first.text.starts_with("that he has"), "{quotes:?}");
}

#[test]
fn a_cue_set_off_inside_its_content_with_a_titled_speaker() {
    let p = "To understand the real Dred Scott, Chief Justice Roberts said, one should visit \
             this museum.";
    let (quotes, _) = run(&[p], &[("Roberts", "PER")]);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(
        quotes[0].text,
        "To understand the real Dred Scott one should visit this museum"
    );
    let speaker = quotes[0].speaker.as_ref().map(|s| s.text.as_str());
    assert_eq!(speaker, Some("Chief Justice Roberts"));
}

#[test]
fn a_quoted_label_ends_the_object_before_an_adjunct() {
    let p = "Clinton criticized the Affordable Care Act as a “crazy system” during a campaign \
             stop in Flint.";
    let (quotes, _) = run(&[p], &[("Clinton", "PER")]);
    assert_eq!(
        quotes[0].text,
        "the Affordable Care Act as a “crazy system”"
    );
    let p = "Trump described Clinton as “a lifetime politician” who “has never had a real job.”";
    let (quotes, _) = run(&[p], &[("Trump", "PER"), ("Clinton", "PER")]);
    assert!(quotes[0].text.ends_with("real job.”"), "{quotes:?}");
}

#[test]
fn any_cue_without_an_object_attributes_the_quote_before_it() {
    let p = "“Why isn’t this clear proof that the bank is too big to manage?” Vitter demanded.";
    let (quotes, entities) = run(&[p], &[("Vitter", "PER")]);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].kind, QuoteKind::Direct);
    assert_eq!(
        name_of(&entities, quotes[0].speaker.as_ref()),
        Some("Vitter")
    );
}

#[test]
fn two_capitalised_sentences_in_quotation_marks_are_speech_not_a_title() {
    let p = "“Here comes Big Daddy,” she said, clapping. “The Donald. Big Daddy.”";
    let (quotes, _) = run(&[p], &[]);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].content.len(), 2);
}

#[test]
fn a_quoted_label_after_as_is_attributed_to_the_verbs_subject() {
    let p = "Senate Minority Leader Harry Reid has been steadily pounding Trump as a “con artist” \
             for months.";
    let (quotes, entities) = run(&[p], &[("Harry Reid", "PER"), ("Trump", "PER")]);
    assert_eq!(
        quotes.len(),
        2,
        "the label is also a partial quote: {quotes:?}"
    );
    assert_eq!(quotes[0].text, "Trump as a “con artist”");
    assert_eq!(quotes[1].within, Some(0));
    assert_eq!(
        quotes[0].cue.as_ref().map(|c| c.text.as_str()),
        Some("pounding")
    );
    assert_eq!(
        name_of(&entities, quotes[0].speaker.as_ref()),
        Some("Harry Reid")
    );
    // A title after "as" with no verb before it is no attribution.
    let (quotes, _) = run(&["As “The Wire” ended, the city changed."], &[]);
    assert!(quotes.is_empty(), "{quotes:?}");
}

#[test]
fn a_quote_resumed_after_a_conjunction_is_one_quote() {
    let p = "Mills \"got an immunity agreement,\" Jordan said, and still \"got to sit in on the \
             interview.\"";
    let (quotes, _) = run(&[p], &[("Jordan", "PER"), ("Mills", "PER")]);
    let joined: Vec<_> = quotes.iter().filter(|q| q.content.len() == 2).collect();
    assert_eq!(joined.len(), 1, "{quotes:?}");
}

#[test]
fn what_someone_called_a_thing_is_no_attribution_of_its_own() {
    let p = "Trump urged Americans to check out what he called Machado’s “sex tape.”";
    let (quotes, _) = run(&[p], &[("Trump", "PER"), ("Machado", "PER")]);
    assert!(
        quotes
            .iter()
            .all(|q| q.cue.as_ref().map(|c| c.lemma) != Some("call")),
        "{quotes:?}"
    );
}

#[test]
fn likened_to_a_quoted_phrase_and_encouraged_to_act_are_attributions() {
    let p = "McConnell likened the rules to \"burning the Constitution\" last year.";
    let (quotes, _) = run(&[p], &[("McConnell", "PER")]);
    assert_eq!(quotes[0].text, "the rules to \"burning the Constitution\"");
    let p = "Trump encouraged his supporters to visit polling places on Election Day.";
    let (quotes, _) = run(&[p], &[("Trump", "PER")]);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(
        quotes[0].text,
        "his supporters to visit polling places on Election Day"
    );
}

#[test]
fn an_attribution_nested_in_the_same_speakers_words_is_not_told_twice() {
    let p = "He said he hoped it would encourage a dialogue among Americans on difficult issues.";
    let (quotes, _) = run(&[p], &[]);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].cue.as_ref().map(|c| c.lemma), Some("say"));
    // Someone else's words inside stay an attribution of their own.
    let p = "Trump said Clinton once described the deal as “the gold standard” of trade deals.";
    let (quotes, _) = run(&[p], &[("Trump", "PER"), ("Clinton", "PER")]);
    let speakers: Vec<_> = quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Partial)
        .filter_map(|q| q.speaker.as_ref().map(|s| s.text.as_str()))
        .collect();
    assert_eq!(speakers, ["Trump", "Clinton"], "{quotes:?}");
}

#[test]
fn a_bare_cue_after_a_modal_and_a_speaker_set_off_by_dashes() {
    let p = "Polls continue to suggest that Kasich has the best chance of beating Clinton.";
    let (quotes, _) = run(&[p], &[("Kasich", "PER"), ("Clinton", "PER")]);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].cue.as_ref().map(|c| c.lemma), Some("suggest"));
    // A bare form elsewhere is a noun: "a request for comment".
    let (quotes, _) = run(&["He ignored a request for comment on Friday."], &[]);
    assert!(quotes.is_empty(), "{quotes:?}");
    let p = "Insiders in the next two states — Nevada and South Carolina — said the race was \
             far from over.";
    let (quotes, _) = run(&[p], &[("Nevada", "LOC"), ("South Carolina", "LOC")]);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].text, "the race was far from over");
    let speaker = quotes[0].speaker.as_ref().map(|s| s.text.as_str());
    assert!(
        speaker.is_some_and(|s| s.ends_with("two states")),
        "{speaker:?}"
    );
}

/// Training examples: each sentence's cue (the word before `[`) and content (in brackets)
/// marked, brackets removed.
fn cue_examples(sentences: &[&str]) -> Vec<CueExample> {
    sentences
        .iter()
        .map(|marked| {
            let open = marked.find(" [").expect("a marked cue");
            let cue_start = marked[..open].rfind(' ').map_or(0, |s| s + 1);
            let text: String = marked.replace(" [", " ").replace(']', "");
            let article = ArticleText::from_texts(None, &[], &[text.as_str()]);
            let span = article.locate(cue_start, open).expect("in the paragraph");
            // The content ends where "]" was, one byte earlier for the "[" taken out.
            let close = marked.find(']').expect("a marked content") - 1;
            let content = article.locate(open + 1, close);
            CueExample {
                text: article,
                entities: ArticleEntities::default(),
                cues: vec![LabelledCue {
                    cue: span,
                    after: true,
                    content,
                }],
            }
        })
        .collect()
}

#[test]
fn the_cue_model_learns_verbs_the_lexicon_lacks_and_survives_its_file() {
    let training = cue_examples(&[
        "The senator bemoaned [the state of the roads] on Monday.",
        "Activists bemoaned [the decision to close the library].",
        "The mayor lauded [the volunteers for their work].",
        "Critics lauded [the plan as a bold step].",
        "The governor bemoaned [the lack of federal help].",
        "Reporters lauded [the new rules on access].",
    ]);
    let (model, report) = CueModel::train(&training, CueClusters::default(), CUE_EPOCHS);
    assert_eq!(report.cue_ends, 6);
    assert!(report.found_right >= 5, "{report:?}");
    let model = CueModel::from_bytes(&model.to_bytes()).expect("its own bytes read back");
    let p = "Smith lauded the cost of the new stadium downtown.";
    let article = ArticleText::from_texts(None, &[], &[p]);
    let entities = link_mentions(&article, &[], &Gazetteer::default());
    let quotes = find_quotes(&article, &entities, Some(&model));
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].text, "the cost of the new stadium downtown");
    assert_eq!(quotes[0].cue.as_ref().map(|c| c.lemma), Some(OTHER_CUE));
    assert!(find_quotes(&article, &entities, None).is_empty());
    assert!(CueModel::from_bytes(b"CHNER\x04").is_err());
}

#[test]
fn a_reported_clause_runs_on_over_its_own_second_verb() {
    let p =
        "They said he rated the contestants by their looks and kept a list of the ones he liked.";
    let (quotes, _) = run(&[p], &[]);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(
        quotes[0].text,
        "he rated the contestants by their looks and kept a list of the ones he liked"
    );
    // The speaker's own second verb still ends it.
    let p = "Trump said the polls were rigged and warned that he would not accept the result.";
    let (quotes, _) = run(&[p], &[("Trump", "PER")]);
    assert_eq!(quotes[0].text, "the polls were rigged");
}

#[test]
fn the_cue_model_vetoes_a_rule_cue_only_when_it_is_sure() {
    let p = "Jones continued that the plan would fail.";
    let article = ArticleText::from_texts(None, &[], &[p]);
    let entities = link_mentions(&article, &[], &Gazetteer::default());
    assert_eq!(find_quotes(&article, &entities, None).len(), 1);
    let unsure = CueModel::sure_of_none(4.0);
    assert_eq!(find_quotes(&article, &entities, Some(&unsure)).len(), 1);
    let sure = CueModel::sure_of_none(40.0);
    let vetoed = find_quotes(&article, &entities, Some(&sure));
    assert!(vetoed.is_empty(), "{vetoed:?}");
}
