//! Time expressions and amounts as the model's records, located in the article's blocks.

use chancery_annotate::amounts::{Amount, AmountKind as FoundAmountKind};
use chancery_annotate::entities::{ArticleText, TextSpan};
use chancery_annotate::time::{Timex, TimexType};
use chancery_model::{AmountKind, AmountRecord, DateKind, DateRecord, MentionBlock};

/// The records of the time expressions found in `text`'s joined text.
pub fn date_records(text: &ArticleText, timexes: &[Timex]) -> Vec<DateRecord> {
    let joined = text.text();
    timexes
        .iter()
        .filter_map(|t| {
            let (block, span) = locate(text, t.start, t.end)?;
            Some(DateRecord {
                text: joined.get(t.start..t.end)?.to_string(),
                kind: match t.kind {
                    TimexType::Date => DateKind::Date,
                    TimexType::Time => DateKind::Time,
                    TimexType::Duration => DateKind::Duration,
                    TimexType::Set => DateKind::Set,
                },
                value: t.value.clone(),
                block,
                index: span.block.index,
                start: span.start,
                end: span.end,
                raw: span.raw,
            })
        })
        .collect()
}

/// The records of the amounts found in `text`'s joined text.
pub fn amount_records(text: &ArticleText, amounts: &[Amount]) -> Vec<AmountRecord> {
    let joined = text.text();
    amounts
        .iter()
        .filter_map(|a| {
            let (block, span) = locate(text, a.start, a.end)?;
            Some(AmountRecord {
                text: joined.get(a.start..a.end)?.to_string(),
                kind: match a.kind {
                    FoundAmountKind::Money { .. } => AmountKind::Money,
                    FoundAmountKind::Percent => AmountKind::Percent,
                    FoundAmountKind::PercentagePoints => AmountKind::PercentagePoints,
                    FoundAmountKind::Count { .. } => AmountKind::Count,
                },
                unit: a.unit().to_string(),
                value: a.value,
                block,
                index: span.block.index,
                start: span.start,
                end: span.end,
                raw: span.raw,
            })
        })
        .collect()
}

/// Where `start..end` of the joined text lies, when it lies within one block.
fn locate(text: &ArticleText, start: usize, end: usize) -> Option<(MentionBlock, TextSpan)> {
    let span = text.locate(start, end)?;
    if span.end - span.start != end - start {
        return None;
    }
    Some((super::statements::block_of(span.block.kind), span))
}
