//! The languages the engine speaks: Finland's two official languages plus English.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fi,
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language of a code or a language tag, by its primary subtag: a page's `lang`
    /// ("sv-AX" on Åland's pages, "en-FI", "fi-Latn-FI") or a POSIX locale's ("sv_FI") names
    /// one of the three as well as "sv" does. Only a list of tags was known, and a form on a
    /// page in "sv-AX" was refused at its first check.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "fi" | "fin" => Some(Lang::Fi),
            "sv" | "swe" => Some(Lang::Sv),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn a_language_tag_is_read_by_its_primary_subtag() {
        for (code, lang) in [
            ("fi", Some(Lang::Fi)),
            ("FI", Some(Lang::Fi)),
            ("fin", Some(Lang::Fi)),
            ("fi-FI", Some(Lang::Fi)),
            ("fi-Latn-FI", Some(Lang::Fi)),
            ("sv-AX", Some(Lang::Sv)),
            ("sv_FI", Some(Lang::Sv)),
            (" swe ", Some(Lang::Sv)),
            ("en-FI", Some(Lang::En)),
            ("en-GB", Some(Lang::En)),
            ("se", None),
            ("de-FI", None),
            ("", None),
            ("-fi", None),
            ("finnish", None),
        ] {
            assert_eq!(Lang::from_code(code), lang, "{code}");
        }
    }
}
