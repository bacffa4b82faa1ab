//! The organisation registry: codes, names in three languages, kinds, parents and aliases.
//!
//! The registry is data (`data/organisations.json`), not code. The built-in file is compiled
//! in so the engine works offline and in the browser; a rule set adds entries at run time.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::text::{fold, Candidate, Fnv};

/// One organisation of the built-in registry, as `build.rs` compiles it from
/// `data/organisations.json`.
struct Entry {
    code: &'static str,
    kind: OrgKind,
    parent: Option<&'static str>,
    names: [&'static str; 3],
    aliases: &'static [&'static str],
}

mod builtin {
    use super::{Entry, OrgKind};
    include!(concat!(env!("OUT_DIR"), "/registry_data.rs"));
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum OrgKind {
    Ministry,
    Agency,
    Department,
    Council,
    Group,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Names {
    pub fi: String,
    pub sv: String,
    pub en: String,
}

impl Names {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fi => &self.fi,
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub code: String,
    pub kind: OrgKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    pub name: Names,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// How a written name resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution<'a> {
    /// Written as the organisation's code (case aside).
    Code(&'a Organisation),
    /// Written as an alias, a full name or a "PARENT/CODE" path: the code is the fix.
    Alias(&'a Organisation),
    /// Not in the registry. [`Registry::suggest`] finds the closest name, apart, because it
    /// compares with every name and most callers have no use for it.
    Unknown,
}

/// A clash found while adding organisations: two entries claim the same name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryConflict {
    pub name: String,
    pub first: String,
    pub second: String,
}

#[derive(Debug, Clone, Default)]
pub struct Registry {
    version: String,
    orgs: Vec<Organisation>,
    /// folded code, alias or path -> (index, is_code)
    /// Hashed with FNV: looked up for every organisation of every measure, with keys of a
    /// few bytes. The keys come from the registry and rule sets, not from the documents
    /// checked, so flooding is not a concern.
    index: HashMap<String, (usize, bool), BuildHasherDefault<Fnv>>,
    /// The index's keys, prepared for "did you mean" (rebuilt by `extend`).
    suggestions: Vec<Candidate>,
}

impl Registry {
    /// The registry shipped with the engine.
    pub fn builtin() -> Result<Registry, String> {
        let orgs = builtin::ORGANISATIONS
            .iter()
            .map(|e| {
                let [fi, sv, en] = e.names.map(str::to_string);
                Organisation {
                    code: e.code.to_string(),
                    kind: e.kind,
                    parent: e.parent.map(str::to_string),
                    name: Names { fi, sv, en },
                    aliases: e.aliases.iter().map(|a| (*a).to_string()).collect(),
                }
            })
            .collect();
        let mut reg = Registry {
            version: builtin::VERSION.to_string(),
            ..Registry::default()
        };
        reg.extend(orgs)
            .map_err(|c| format!("\"{}\" names both {} and {}", c.name, c.first, c.second))?;
        Ok(reg)
    }

    pub fn version(&self) -> &str {
        &self.version
    }

    pub fn organisations(&self) -> &[Organisation] {
        &self.orgs
    }

    /// Adds organisations (from a rule set). An entry whose code is already known replaces
    /// the old entry, so an organisation can correct its own names; an alias that already
    /// names another body is refused, since the engine could no longer tell them apart.
    pub fn extend(&mut self, orgs: Vec<Organisation>) -> Result<(), RegistryConflict> {
        let added = self.add(orgs);
        // Also after a conflict, so that suggestions name only what the index holds.
        self.suggestions = self.index.keys().map(|k| Candidate::new(k.clone())).collect();
        added
    }

    fn add(&mut self, orgs: Vec<Organisation>) -> Result<(), RegistryConflict> {
        for org in orgs {
            let key = fold(&org.code);
            let slot = match self.index.get(&key) {
                Some(&(i, true)) => {
                    self.index.retain(|_, (j, _)| *j != i);
                    if let Some(old) = self.orgs.get_mut(i) {
                        *old = org;
                    }
                    i
                }
                Some(&(i, false)) => {
                    return Err(RegistryConflict {
                        name: org.code.clone(),
                        first: self.orgs.get(i).map(|o| o.code.clone()).unwrap_or_default(),
                        second: org.code,
                    })
                }
                None => {
                    self.orgs.push(org);
                    self.orgs.len() - 1
                }
            };
            self.index_entry(slot, key)?;
        }
        Ok(())
    }

    /// Indexes organisation `i` under its code (`code`, folded already) and its other names.
    fn index_entry(&mut self, i: usize, code: String) -> Result<(), RegistryConflict> {
        let Some(org) = self.orgs.get(i) else {
            return Ok(());
        };
        let mut names: Vec<(String, bool)> = vec![(code, true)];
        names.extend(org.aliases.iter().map(|a| (fold(a), false)));
        if let Some(parent) = &org.parent {
            names.push((fold(&format!("{parent}/{}", org.code)), false));
        }
        names.push((fold(&org.name.fi), false));
        names.push((fold(&org.name.sv), false));
        names.push((fold(&org.name.en), false));
        for (name, is_code) in names {
            match self.index.get(&name) {
                Some(&(j, _)) if j != i => {
                    return Err(RegistryConflict {
                        name,
                        first: self.orgs.get(j).map(|o| o.code.clone()).unwrap_or_default(),
                        second: org.code.clone(),
                    })
                }
                Some(&(_, true)) => {}
                _ => {
                    self.index.insert(name, (i, is_code));
                }
            }
        }
        Ok(())
    }

    pub fn get(&self, code: &str) -> Option<&Organisation> {
        match self.find(code) {
            Some((i, true)) => self.orgs.get(i),
            _ => None,
        }
    }

    /// The index entry of a written name. Most names are short ASCII codes ("SM", "Tulli"),
    /// folded here on the stack; others are folded by [`fold`].
    fn find(&self, written: &str) -> Option<(usize, bool)> {
        let mut buf = [0u8; 32];
        let short = written.len() <= buf.len() && written.bytes().all(|b| b.is_ascii_graphic());
        if let (true, Some(out)) = (short, buf.get_mut(..written.len())) {
            for (o, b) in out.iter_mut().zip(written.bytes()) {
                *o = b.to_ascii_lowercase();
            }
            let key = std::str::from_utf8(out).ok()?;
            return self.index.get(key).copied();
        }
        self.index.get(&fold(written)).copied()
    }

    /// Resolves a code, full name, alias or "PARENT/CODE" path, case-insensitively.
    pub fn resolve(&self, written: &str) -> Resolution<'_> {
        match self.find(written) {
            Some((i, is_code)) => match self.orgs.get(i) {
                Some(org) if is_code => Resolution::Code(org),
                Some(org) => Resolution::Alias(org),
                None => Resolution::Unknown,
            },
            None => Resolution::Unknown,
        }
    }

    /// The names one text of organisations lists, in order, or `None` when it names one.
    /// "SM, TEM" is how the programme prints a joint lead (5.1), and how a form's one text
    /// field gets it: a text that is not one registered name is read at its commas, except a
    /// comma after a hyphen, which is inside a name ("Elinkeino-, liikenne- ja
    /// ympäristökeskukset"). The built-in rules and the rule language's `organisation` test
    /// read a text alike through this. Commas alone give an empty list.
    pub(crate) fn listed<'t>(&self, text: &'t str) -> Option<Vec<&'t str>> {
        if !text.contains(',') || !matches!(self.resolve(text), Resolution::Unknown) {
            return None;
        }
        let mut names = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            let end = rest
                .match_indices(',')
                .find(|&(i, _)| !rest.get(..i).is_some_and(|b| b.ends_with('-')))
                .map_or(rest.len(), |(i, _)| i);
            let name = rest.get(..end).unwrap_or("").trim();
            if !name.is_empty() {
                names.push(name);
            }
            rest = rest.get(end + 1..).unwrap_or("");
        }
        Some(names)
    }

    /// The folded names and aliases "did you mean" compares with.
    #[cfg(test)]
    pub(crate) fn index_keys(&self) -> impl Iterator<Item = &str> {
        self.suggestions.iter().map(|c| c.key.as_str())
    }

    /// The organisation whose code, name or alias is closest to `written`, if one is close
    /// enough to be a typo of it.
    pub fn suggest(&self, written: &str) -> Option<&Organisation> {
        // The index keys are folded already.
        let best = crate::text::closest_folded(written, &self.suggestions)?;
        let &(i, _) = self.index.get(best)?;
        self.orgs.get(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(code: &str, parent: Option<&str>, aliases: &[&str]) -> Organisation {
        Organisation {
            code: code.into(),
            kind: OrgKind::Agency,
            parent: parent.map(Into::into),
            name: Names {
                fi: format!("{code} fi"),
                sv: format!("{code} sv"),
                en: format!("{code} en"),
            },
            aliases: aliases.iter().map(|a| (*a).to_string()).collect(),
        }
    }

    fn small() -> Registry {
        let mut r = Registry::default();
        let added = r.extend(vec![
            org("SM", None, &["sisäministeriö"]),
            org("PO", Some("SM"), &["poliisiosasto"]),
            org("HÄKE", None, &[]),
        ]);
        assert_eq!(added, Ok(()));
        r
    }

    #[test]
    fn resolves_codes_aliases_names_and_paths() {
        let r = small();
        assert!(matches!(r.resolve("sm"), Resolution::Code(o) if o.code == "SM"));
        assert!(matches!(r.resolve("häke"), Resolution::Code(o) if o.code == "HÄKE"));
        assert!(matches!(r.resolve("Sisäministeriö"), Resolution::Alias(o) if o.code == "SM"));
        assert!(matches!(r.resolve("SM/PO"), Resolution::Alias(o) if o.code == "PO"));
        assert!(matches!(r.resolve("PO en"), Resolution::Alias(o) if o.code == "PO"));
    }

    #[test]
    fn unknown_names_get_a_suggestion_when_close() {
        let r = small();
        assert!(matches!(r.resolve("HÄK"), Resolution::Unknown));
        assert!(matches!(r.suggest("HÄK"), Some(o) if o.code == "HÄKE"));
        assert!(matches!(r.resolve("Kuntaliitto"), Resolution::Unknown));
        assert!(r.suggest("Kuntaliitto").is_none());
    }

    #[test]
    fn same_code_replaces_but_a_stolen_alias_is_refused() {
        let mut r = small();
        assert_eq!(r.extend(vec![org("SM", None, &["IM"])]), Ok(()));
        assert!(matches!(r.resolve("IM"), Resolution::Alias(o) if o.code == "SM"));
        assert!(matches!(r.resolve("sisäministeriö"), Resolution::Unknown { .. }));
        let refused = r.extend(vec![org("XX", None, &["poliisiosasto"])]);
        assert!(
            matches!(&refused, Err(c) if c.first == "PO" && c.second == "XX"),
            "{refused:?}"
        );
    }

    #[test]
    fn builtin_registry_loads() -> Result<(), String> {
        let r = Registry::builtin()?;
        assert!(r.get("SM").is_some());
        assert!(r.organisations().len() > 40);
        Ok(())
    }
}
