//! The engine versions a rule set says it works with: `"engine": ">=0.1.0 <0.2.0"`, `"^0.1"`,
//! `"~0.1.2"` or `"0.1.0"`. Comparators separated by spaces (or commas) must all hold; no
//! pre-release tags, since the engine has none.

/// `major.minor.patch`; missing parts are 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Version(u64, u64, u64);

impl Version {
    /// The parts written, so `^0.1` and `~1` know their precision.
    fn parse(s: &str) -> Option<(Version, usize)> {
        let parts: Vec<&str> = s.split('.').collect();
        if parts.is_empty() || parts.len() > 3 {
            return None;
        }
        let mut n = [0u64; 3];
        for (slot, p) in n.iter_mut().zip(&parts) {
            if p.is_empty() || p.len() > 9 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            *slot = p.parse().ok()?;
        }
        let [a, b, c] = n;
        Some((Version(a, b, c), parts.len()))
    }
}

/// Whether `version` satisfies `range`. The range is read first, and `Err` says what is wrong
/// with it; `Ok(None)` when `version` is no version a range can be compared with (a rule
/// set's own version is free text, and only a later set's range asks it to be one).
pub(crate) fn satisfies(range: &str, version: &str) -> Result<Option<bool>, String> {
    let comparators: Vec<&str> = range.split([' ', ',']).filter(|c| !c.is_empty()).collect();
    if comparators.is_empty() || comparators.len() > 8 {
        return Err("expected a version range such as \"^0.1\" or \">=0.1.0 <0.2.0\"".into());
    }
    // Read now, compared with below: every comparator is still read, so a wrong range is
    // told whatever the version.
    let version = Version::parse(version).map(|(v, _)| v);
    let mut all = true;
    for c in comparators {
        let (op, rest) = ["^", "~", ">=", "<=", ">", "<", "="]
            .iter()
            .find_map(|op| c.strip_prefix(op).map(|r| (*op, r)))
            .unwrap_or(("=", c));
        let (want, precision) =
            Version::parse(rest).ok_or_else(|| format!("\"{c}\" is not a version comparator such as \">=0.1.0\""))?;
        let Some(v) = version else { continue };
        let Version(a, b, _) = want;
        let ok = match op {
            ">=" => v >= want,
            "<=" => v <= want,
            ">" => v > want,
            "<" => v < want,
            // Caret: the leftmost non-zero part is fixed (npm's rule).
            "^" => {
                let upper = if a > 0 || precision == 1 {
                    Version(a.saturating_add(1), 0, 0)
                } else if b > 0 || precision == 2 {
                    Version(0, b.saturating_add(1), 0)
                } else {
                    Version(0, 0, want.2.saturating_add(1))
                };
                v >= want && v < upper
            }
            "~" => {
                let upper = if precision == 1 {
                    Version(a.saturating_add(1), 0, 0)
                } else {
                    Version(a, b.saturating_add(1), 0)
                };
                v >= want && v < upper
            }
            _ => match precision {
                1 => v.0 == a,
                2 => v.0 == a && v.1 == b,
                _ => v == want,
            },
        };
        all &= ok;
    }
    Ok(version.map(|_| all))
}

#[cfg(test)]
mod tests {
    use super::satisfies;

    #[test]
    fn ranges_hold_and_fail_as_npm_reads_them() {
        for (range, version, want) in [
            ("^0.1", "0.1.0", true),
            ("^0.1", "0.1.9", true),
            ("^0.1", "0.2.0", false),
            ("^1.2", "1.9.0", true),
            ("^1.2", "2.0.0", false),
            ("^0.0.3", "0.0.4", false),
            ("~0.1.2", "0.1.5", true),
            ("~0.1.2", "0.2.0", false),
            (">=0.1.0 <0.2.0", "0.1.4", true),
            (">=0.1.0, <0.2.0", "0.2.0", false),
            ("0.1", "0.1.7", true),
            ("=0.1.0", "0.1.1", false),
            (">0.1.0", "0.1.0", false),
            ("<=0.1.0", "0.1.0", true),
        ] {
            assert_eq!(satisfies(range, version), Ok(Some(want)), "{range} on {version}");
        }
        // A version that is no version is told apart from a range that is wrong, which comes first.
        assert_eq!(satisfies("^1.0", "banana"), Ok(None));
        assert!(satisfies("^^1", "banana").is_err());
    }

    #[test]
    fn bad_ranges_are_errors() {
        for range in ["", "^x", ">=1.2.3.4", "latest", "^-1"] {
            assert!(satisfies(range, "0.1.0").is_err(), "{range}");
        }
    }
}
