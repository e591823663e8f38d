//! Time expressions and amounts stored with an article: each as written, where it is (block and
//! byte offsets, and the raw input when exact), and what it means (a TIMEX3 value; a number with
//! its unit).

use serde::{Deserialize, Serialize};

use crate::{MentionBlock, Span};

/// TIMEX3 type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum DateKind {
    /// A calendar date or period: "Feb. 24", "last week", "now".
    Date,
    /// A time of day: "9 a.m.", "Friday morning".
    Time,
    /// An amount of time: "three days".
    Duration,
    /// A recurrence: "every week".
    Set,
}

impl DateKind {
    /// The TimeML name: `DATE`, `TIME`, `DURATION` or `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            DateKind::Date => "DATE",
            DateKind::Time => "TIME",
            DateKind::Duration => "DURATION",
            DateKind::Set => "SET",
        }
    }
}

impl std::fmt::Display for DateKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One time expression of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRecord {
    /// The expression as written.
    pub text: String,
    #[serde(rename = "type")]
    pub kind: DateKind,
    /// TIMEX3 value ("2023-02-28", "P2Y", "XXXX-11"), resolved against the article's date;
    /// `None` when it depends on a date the article does not state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The block holding it: the title, or the `index`-th caption or paragraph.
    pub block: MentionBlock,
    pub index: usize,
    /// Byte offsets into the block's text.
    pub start: usize,
    pub end: usize,
    /// The same bytes in the raw input, when the block's text is a verbatim slice of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<Span>,
}

/// What an amount measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AmountKind {
    /// Money; the unit is an ISO 4217 code.
    Money,
    /// A percentage; the value is in percent.
    Percent,
    /// A difference in percentage points.
    PercentagePoints,
    /// A count; the unit is the thing counted.
    Count,
}

impl AmountKind {
    /// `money`, `percent`, `percentage-points` or `count`.
    pub fn as_str(self) -> &'static str {
        match self {
            AmountKind::Money => "money",
            AmountKind::Percent => "percent",
            AmountKind::PercentagePoints => "percentage-points",
            AmountKind::Count => "count",
        }
    }
}

impl std::fmt::Display for AmountKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One amount of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AmountRecord {
    /// The amount as written ("$1.25 billion").
    pub text: String,
    #[serde(rename = "type")]
    pub kind: AmountKind,
    /// The value, any scale word applied (1 250 000 000 for "$1.25 billion").
    pub value: f64,
    /// The currency code, "percent", "percentage points" or the thing counted.
    pub unit: String,
    /// The block holding it: the title, or the `index`-th caption or paragraph.
    pub block: MentionBlock,
    pub index: usize,
    /// Byte offsets into the block's text.
    pub start: usize,
    pub end: usize,
    /// The same bytes in the raw input, when the block's text is a verbatim slice of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<Span>,
}
