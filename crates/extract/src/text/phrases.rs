//! The curated list of platform boilerplate: lines that scrapers save from comment forms, share bars,
//! subscription prompts and link footers, in the languages news is most often scraped in.
//!
//! A line matches when its normalised form (lowercase letters and digits, single spaces) equals a
//! phrase, or starts with a prefix phrase and is short. Comment-section markers are told apart because
//! everything after them is comment text.

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

/// What a boilerplate line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// Platform furniture: share, subscribe, source link, advertisement...
    Furniture,
    /// The start of a comment section or comment form.
    CommentsStart,
}

/// Whole lines that are furniture.
const FURNITURE: &[&str] = &[
    // English
    "source link",
    "source",
    "advertisement",
    "advertisements",
    "sponsored",
    "sponsored content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "share on facebook",
    "share on twitter",
    "share on linkedin",
    "share via email",
    "share via",
    "tweet",
    "pin",
    "email",
    "print",
    "print this article",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "telegram",
    "reddit",
    "copy link",
    "copy url",
    "link copied",
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related news",
    "related content",
    "read more",
    "read next",
    "more stories",
    "more from",
    "recommended",
    "recommended for you",
    "most popular",
    "most read",
    "trending",
    "trending now",
    "you may also like",
    "you might also like",
    "see also",
    "also read",
    "tags",
    "topics",
    "filed under",
    "subscribe",
    "subscribe now",
    "sign up",
    "sign in",
    "log in",
    "login",
    "register",
    "newsletter",
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "follow us",
    "skip to content",
    "skip to main content",
    "menu",
    "search",
    "close",
    "home",
    "back to top",
    "next article",
    "previous article",
    "next post",
    "previous post",
    "continue reading",
    "click to share on facebook opens in new window",
    "click to share on twitter opens in new window",
    "like this",
    "like loading",
    "accept",
    "accept cookies",
    "accept all",
    "cookie settings",
    "all rights reserved",
    "terms of use",
    "privacy policy",
    "contact us",
    "about us",
    "tt",
    "aa",
    "listen to this article",
    "audio",
    "watch",
    "video",
    "photo",
    "gallery",
    "view comments",
    "view gallery",
    "enlarge this image",
    "toggle caption",
    "hide caption",
    "image",
    "loading",
    // German
    "anzeige",
    "werbung",
    "teilen",
    "artikel teilen",
    "drucken",
    "mehr zum thema",
    "lesen sie auch",
    "auch interessant",
    "weitere artikel",
    "zum thema",
    "newsletter abonnieren",
    "jetzt abonnieren",
    "kommentare",
    "kommentieren",
    "startseite",
    "nach oben",
    "impressum",
    "datenschutz",
    // French
    "partager",
    "publicité",
    "lire aussi",
    "lire la suite",
    "à lire aussi",
    "voir aussi",
    "imprimer",
    "commentaires",
    "s abonner",
    "abonnez vous",
    "accueil",
    // Spanish, Italian, Portuguese
    "compartir",
    "publicidad",
    "leer más",
    "lee también",
    "te puede interesar",
    "comentarios",
    "condividi",
    "pubblicità",
    "leggi anche",
    "commenti",
    "compartilhe",
    "publicidade",
    "leia mais",
    "leia também",
    "comentários",
    // Russian, Arabic
    "поделиться",
    "реклама",
    "читайте также",
    "комментарии",
    "شارك",
    "اقرأ أيضا",
    "إعلان",
];

/// Whole lines that open a comment section.
const COMMENTS: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "comments",
    "0 comments",
    "join the conversation",
    "join the discussion",
    "what do you think",
    "reader comments",
    "laisser un commentaire",
    "laisser une réponse",
    "deja una respuesta",
    "deja un comentario",
    "lascia un commento",
    "deixe uma resposta",
    "deixe um comentário",
    "schreibe einen kommentar",
    "kommentar schreiben",
    "оставить комментарий",
];

/// Line beginnings that mark furniture when the line is short.
const FURNITURE_PREFIXES: &[&str] = &[
    "your email address will not be published",
    "required fields are marked",
    "you must be logged in to post a comment",
    "copyright",
    "all rights reserved",
    "sign up for",
    "subscribe to",
    "click here to",
    "click to share",
    "follow us on",
    "share on",
    "share this",
    "read more",
    "related:",
    "advertisement",
    "this article was originally published",
    "we use cookies",
    "this website uses cookies",
    "by continuing to use",
    "get the latest",
    "download our app",
    "ihre e mail adresse wird nicht veröffentlicht",
    "votre adresse e mail ne sera pas publiée",
    "votre adresse de messagerie ne sera pas publiée",
    "tu dirección de correo electrónico no será publicada",
    "il tuo indirizzo email non sarà pubblicato",
    "o seu endereço de email não será publicado",
    "o seu endereço de e mail não será publicado",
    "ваш адрес email не будет опубликован",
];

/// Longest line, in words, a prefix phrase may mark as furniture.
const PREFIX_MAX_WORDS: usize = 25;

struct Lists {
    furniture: HashSet<&'static str>,
    comments: HashSet<&'static str>,
    prefixes: AhoCorasick,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let prefixes: Vec<String> = FURNITURE_PREFIXES.iter().map(|p| normalise(p)).collect();
    Lists {
        furniture: FURNITURE.iter().copied().collect(),
        comments: COMMENTS.iter().copied().collect(),
        prefixes: AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .start_kind(StartKind::Anchored)
            .build(prefixes)
            .expect("a fixed list of short prefixes always builds"),
    }
});

/// Classifies a line (given already trimmed) as boilerplate, if it is.
pub fn match_line(line: &str) -> Option<Phrase> {
    if line.len() > 400 {
        return None;
    }
    let norm = normalise(line);
    let lists = &*LISTS;
    if norm.is_empty() {
        return None;
    }
    if lists.comments.contains(norm.as_str()) || is_comment_count(&norm) {
        return Some(Phrase::CommentsStart);
    }
    if lists.furniture.contains(norm.as_str()) {
        return Some(Phrase::Furniture);
    }
    let words = norm.split(' ').count();
    if words <= PREFIX_MAX_WORDS
        && lists
            .prefixes
            .find(Input::new(&norm).anchored(Anchored::Yes))
            .is_some()
    {
        return Some(Phrase::Furniture);
    }
    None
}

/// "12 comments", "1 comment", "comments 3": a comment counter heading.
fn is_comment_count(norm: &str) -> bool {
    let mut parts = norm.split(' ');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(n), Some("comments" | "comment"), None) => n.chars().all(|c| c.is_ascii_digit()),
        (Some("comments" | "comment"), Some(n), None) => n.chars().all(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Lowercase letters and digits; every other run becomes one space; `'` and `’` vanish.
fn normalise(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for ch in line.chars() {
        if ch == '\'' || ch == '’' {
            continue;
        }
        if ch.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(ch.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curated_phrases_match() {
        assert_eq!(match_line("Source link"), Some(Phrase::Furniture));
        assert_eq!(match_line("Leave a Reply"), Some(Phrase::CommentsStart));
        assert_eq!(
            match_line("Your email address will not be published. Required fields are marked *"),
            Some(Phrase::Furniture)
        );
        assert_eq!(match_line("TT"), Some(Phrase::Furniture));
        assert_eq!(match_line("Lesen Sie auch:"), Some(Phrase::Furniture));
        assert_eq!(match_line("37 Comments"), Some(Phrase::CommentsStart));
        assert_eq!(match_line("Share this:"), Some(Phrase::Furniture));
    }

    #[test]
    fn prose_does_not_match() {
        assert_eq!(match_line("The main context is the war in Ukraine."), None);
        assert_eq!(
            match_line("Source: a senior official said the talks would resume."),
            None
        );
        let long = format!("Share this {}", "word ".repeat(40));
        assert_eq!(match_line(&long), None);
    }
}
