//! What each PLOVER event type means on the scales news-event tooling shares: the CAMEO root code
//! it corresponds to, that root's Goldstein score (−10 most conflictual to +10 most cooperative)
//! and GDELT's QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
//! 4 material conflict).
//!
//! Goldstein scores are those of the CAMEO codebook's root codes (Goldstein 1992, as tabulated
//! with CAMEO 1.1b3): the scale relations over time are scored on.

/// One PLOVER type's place on the shared scales.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PloverScale {
    /// PLOVER name: "CONSULT".
    pub plover: &'static str,
    /// CAMEO root code: "04".
    pub cameo_root: &'static str,
    /// Goldstein score of the root, −10..=10.
    pub goldstein: f64,
    /// GDELT QuadClass, 1..=4.
    pub quad_class: u8,
}

const fn scale(
    plover: &'static str,
    cameo_root: &'static str,
    goldstein: f64,
    quad_class: u8,
) -> PloverScale {
    PloverScale {
        plover,
        cameo_root,
        goldstein,
        quad_class,
    }
}

/// Every PLOVER type, from cooperation to violence.
pub const PLOVER_SCALES: [PloverScale; 18] = [
    scale("AGREE", "03", 4.0, 1),
    scale("CONSULT", "04", 1.0, 1),
    scale("SUPPORT", "05", 3.5, 1),
    scale("COOPERATE", "06", 6.0, 2),
    scale("AID", "07", 7.0, 2),
    scale("CONCEDE", "08", 5.0, 2),
    scale("RETREAT", "08", 5.0, 2),
    scale("INVESTIGATE", "09", -2.0, 3),
    scale("DEMAND", "10", -5.0, 3),
    scale("DISAPPROVE", "11", -2.0, 3),
    scale("REJECT", "12", -4.0, 3),
    scale("THREATEN", "13", -6.0, 3),
    scale("PROTEST", "14", -6.5, 3),
    scale("MOBILIZE", "15", -7.2, 4),
    scale("SANCTION", "16", -4.0, 4),
    scale("COERCE", "17", -7.0, 4),
    scale("ASSAULT", "18", -9.0, 4),
    scale("FIGHT", "19", -10.0, 4),
];

/// The scales of the PLOVER type named `plover` (upper case), if it is one.
pub fn plover_scale(plover: &str) -> Option<&'static PloverScale> {
    PLOVER_SCALES.iter().find(|s| s.plover == plover)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cooperation_scores_positive_and_conflict_negative() {
        for s in &PLOVER_SCALES {
            assert!((-10.0..=10.0).contains(&s.goldstein), "{s:?}");
            assert_eq!(s.goldstein > 0.0, s.quad_class <= 2, "{s:?}");
        }
        assert_eq!(plover_scale("AID").map(|s| s.cameo_root), Some("07"));
        assert!(plover_scale("aid").is_none());
    }
}
