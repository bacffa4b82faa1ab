//! Calendar dates as the measures write them: ISO 8601 at year, month or day precision.
//!
//! A schedule often knows only the year ("2018") or the month ("12/2018"). Rounding such a
//! date to a day would invent precision, so [`PartialDate`] keeps the precision it was given
//! and says which days it covers ([`PartialDate::first_day`], [`PartialDate::last_day`]).

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// An ISO 8601 calendar date at year, month or day precision: "2018", "2018-12", "2018-12-31".
///
/// Always a date that exists: the constructors check month lengths and leap years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// 1000..=9999, so that the ISO form always has exactly four digits.
    year: u16,
    month: Option<u8>,
    /// Only ever `Some` when `month` is.
    day: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form YYYY, YYYY-MM or YYYY-MM-DD.
    Malformed,
    /// Well-formed but no such day or month ("2018-02-30", "2018-13").
    NonExistent,
}

const MIN_YEAR: u16 = 1000;
const MAX_YEAR: u16 = 9999;

/// Gregorian rule: 2000 was a leap year, 1900 and 2100 are not.
pub(crate) fn is_leap_year(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// 0 for a month that does not exist, so that every day of it fails the range check.
pub(crate) fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl PartialDate {
    /// A whole year. Years before 1000 have no four-digit ISO form and are `Malformed`.
    pub fn year(y: u16) -> Result<Self, DateError> {
        if (MIN_YEAR..=MAX_YEAR).contains(&y) {
            Ok(PartialDate {
                year: y,
                month: None,
                day: None,
            })
        } else {
            Err(DateError::Malformed)
        }
    }

    pub fn month(y: u16, m: u8) -> Result<Self, DateError> {
        let year = Self::year(y)?;
        if (1..=12).contains(&m) {
            Ok(PartialDate { month: Some(m), ..year })
        } else {
            Err(DateError::NonExistent)
        }
    }

    /// Checks the month's length, leap years included ("2020-02-29" exists, "2019-02-29" not).
    pub fn day(y: u16, m: u8, d: u8) -> Result<Self, DateError> {
        let month = Self::month(y, m)?;
        if d >= 1 && d <= days_in_month(y, m) {
            Ok(PartialDate { day: Some(d), ..month })
        } else {
            Err(DateError::NonExistent)
        }
    }

    /// Strict ISO 8601: a four-digit year, and a two-digit month and day where given. No
    /// surrounding whitespace, no signs, only the ASCII hyphen.
    pub fn parse_iso(s: &str) -> Result<Self, DateError> {
        match s.as_bytes() {
            [y1, y2, y3, y4] => Self::year(four_digits(*y1, *y2, *y3, *y4)?),
            [y1, y2, y3, y4, b'-', m1, m2] => Self::month(four_digits(*y1, *y2, *y3, *y4)?, two_digits(*m1, *m2)?),
            [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] => Self::day(
                four_digits(*y1, *y2, *y3, *y4)?,
                two_digits(*m1, *m2)?,
                two_digits(*d1, *d2)?,
            ),
            _ => Err(DateError::Malformed),
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    /// The first day covered: 2018 -> 2018-01-01, 2018-12 -> 2018-12-01.
    pub fn first_day(&self) -> Day {
        Day {
            year: self.year,
            month: self.month.unwrap_or(1),
            day: self.day.unwrap_or(1),
        }
    }

    /// The last day covered: 2018 -> 2018-12-31, 2018-02 -> 2018-02-28, 2020-02 -> 2020-02-29.
    pub fn last_day(&self) -> Day {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        Day {
            year: self.year,
            month,
            day,
        }
    }

    pub fn year_value(&self) -> u16 {
        self.year
    }

    pub fn month_value(&self) -> Option<u8> {
        self.month
    }

    pub fn day_value(&self) -> Option<u8> {
        self.day
    }
}

fn digit(b: u8) -> Result<u8, DateError> {
    if b.is_ascii_digit() {
        Ok(b - b'0')
    } else {
        Err(DateError::Malformed)
    }
}

fn two_digits(a: u8, b: u8) -> Result<u8, DateError> {
    Ok(digit(a)? * 10 + digit(b)?)
}

fn four_digits(a: u8, b: u8, c: u8, d: u8) -> Result<u16, DateError> {
    Ok(u16::from(two_digits(a, b)?) * 100 + u16::from(two_digits(c, d)?))
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_iso(f, self.year, self.month, self.day)
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Written digit by digit: every report carries its
/// `asOf` and the status rules quote dates, and `write!` with padding cost a tenth of a
/// measure's check.
fn write_iso(f: &mut fmt::Formatter<'_>, year: u16, month: Option<u8>, day: Option<u8>) -> fmt::Result {
    if year > 9999 || month.is_some_and(|m| m > 99) || day.is_some_and(|d| d > 99) {
        // Not a date this crate makes; kept exact rather than fast.
        return match (month, day) {
            (None, _) => write!(f, "{year:04}"),
            (Some(m), None) => write!(f, "{year:04}-{m:02}"),
            (Some(m), Some(d)) => write!(f, "{year:04}-{m:02}-{d:02}"),
        };
    }
    fn digit(n: u16) -> u8 {
        b'0' + (n % 10) as u8
    }
    let mut buf = [
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        0,
        0,
        b'-',
        0,
        0,
    ];
    let mut len = 4;
    for (at, part) in [(5, month), (8, day.filter(|_| month.is_some()))] {
        let Some(n) = part else { break };
        if let Some(slot) = buf.get_mut(at..at + 2) {
            slot.copy_from_slice(&[digit(u16::from(n) / 10), digit(u16::from(n))]);
        }
        len = at + 2;
    }
    f.write_str(std::str::from_utf8(buf.get(..len).unwrap_or_default()).unwrap_or_default())
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse_iso(s)
    }
}

/// A single calendar day, totally ordered, for comparisons.
///
/// The fields are public so that callers can build one (today's date, say); only
/// [`Day::parse_iso`] checks that the day exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// Exactly `YYYY-MM-DD`, and a day that exists.
    pub fn parse_iso(s: &str) -> Result<Day, DateError> {
        let date = PartialDate::parse_iso(s)?;
        match (date.month, date.day) {
            (Some(month), Some(day)) => Ok(Day {
                year: date.year,
                month,
                day,
            }),
            _ => Err(DateError::Malformed),
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_iso(f, self.year, Some(self.month), Some(self.day))
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

// An error type of the public API: `?` turns it into a `Box<dyn Error>` (the README's example).
impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Malformed => "not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
            Self::NonExistent => "no such month or day",
        })
    }
}

impl std::error::Error for DateError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(year: u16, month: u8, day: u8) -> Day {
        Day { year, month, day }
    }

    #[test]
    fn dates_display_as_padded_iso_text() {
        for year in [0u16, 7, 99, 999, 2018, 9999, 10000, u16::MAX] {
            for month in [0u8, 1, 9, 12, 99, 100, u8::MAX] {
                for day in [0u8, 1, 31, 99, 100] {
                    let whole = PartialDate {
                        year,
                        month: Some(month),
                        day: Some(day),
                    };
                    assert_eq!(whole.to_string(), format!("{year:04}-{month:02}-{day:02}"));
                    assert_eq!(Day { year, month, day }.to_string(), whole.to_string());
                    let day_only = PartialDate {
                        year,
                        month: None,
                        day: Some(day),
                    };
                    assert_eq!(day_only.to_string(), format!("{year:04}"));
                }
                let month_only = PartialDate {
                    year,
                    month: Some(month),
                    day: None,
                };
                assert_eq!(month_only.to_string(), format!("{year:04}-{month:02}"));
            }
        }
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(is_leap_year(2020));
        assert!(is_leap_year(2000));
        assert!(is_leap_year(2400));
        assert!(!is_leap_year(2019));
        assert!(!is_leap_year(1900));
        assert!(!is_leap_year(2100));
    }

    #[test]
    fn month_lengths() {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        for (m, len) in (1u8..).zip(lengths) {
            assert_eq!(days_in_month(2019, m), len, "month {m}");
        }
        assert_eq!(days_in_month(2020, 2), 29);
        assert_eq!(days_in_month(2019, 0), 0);
        assert_eq!(days_in_month(2019, 13), 0);
    }

    #[test]
    fn errors_are_std_errors_that_say_what_is_wrong() {
        let say = |s: &str| Day::parse_iso(s).map_err(|e| Box::<dyn std::error::Error>::from(e).to_string());
        assert_eq!(say("2018-02-30"), Err("no such month or day".to_string()));
        assert_eq!(
            say("30.2.2018"),
            Err("not a date of the form YYYY, YYYY-MM or YYYY-MM-DD".to_string())
        );
        assert!(say("2018-02-28").is_ok());
    }

    #[test]
    fn day_checks_existence() {
        assert!(PartialDate::day(2020, 2, 29).is_ok());
        assert_eq!(PartialDate::day(2019, 2, 29), Err(DateError::NonExistent));
        assert_eq!(PartialDate::day(2018, 2, 30), Err(DateError::NonExistent));
        assert_eq!(PartialDate::day(2018, 4, 31), Err(DateError::NonExistent));
        assert!(PartialDate::day(2018, 12, 31).is_ok());
        assert_eq!(PartialDate::day(2018, 1, 0), Err(DateError::NonExistent));
        assert_eq!(PartialDate::day(2018, 13, 1), Err(DateError::NonExistent));
        assert_eq!(PartialDate::month(2018, 0), Err(DateError::NonExistent));
        assert_eq!(PartialDate::year(999), Err(DateError::Malformed));
        assert_eq!(PartialDate::year(10_000), Err(DateError::Malformed));
        assert!(PartialDate::year(1000).is_ok());
        assert!(PartialDate::year(9999).is_ok());
    }

    #[test]
    fn parse_iso_accepts_the_three_precisions() {
        let y = PartialDate::parse_iso("2018");
        assert_eq!(y, PartialDate::year(2018));
        assert_eq!(y.map(|d| d.precision()), Ok(Precision::Year));
        let m = PartialDate::parse_iso("2018-12");
        assert_eq!(m, PartialDate::month(2018, 12));
        assert_eq!(m.map(|d| d.precision()), Ok(Precision::Month));
        let d = PartialDate::parse_iso("2018-12-31");
        assert_eq!(d, PartialDate::day(2018, 12, 31));
        assert_eq!(d.map(|d| d.precision()), Ok(Precision::Day));
        assert_eq!("2020-02-29".parse::<PartialDate>(), PartialDate::day(2020, 2, 29));
    }

    #[test]
    fn parse_iso_rejects_malformed_text() {
        for s in [
            "",
            "2018-1",
            "18-01-01",
            "2018-1-01",
            "2018-01-1",
            "201",
            "20180",
            "2018-",
            "2018-12-",
            "2018/12",
            "2018.12.31",
            " 2018",
            "2018 ",
            "+2018",
            "-2018",
            "2018–12",
            "２０１８",
            "0999",
            "abcd",
            "2018-ab",
            "2018-12-31T00:00",
            "2018-12-031",
        ] {
            assert_eq!(PartialDate::parse_iso(s), Err(DateError::Malformed), "{s:?}");
        }
    }

    #[test]
    fn parse_iso_rejects_days_that_do_not_exist() {
        for s in [
            "2018-00",
            "2018-13",
            "2018-02-30",
            "2019-02-29",
            "2018-04-31",
            "2018-01-00",
            "2018-01-32",
        ] {
            assert_eq!(PartialDate::parse_iso(s), Err(DateError::NonExistent), "{s:?}");
        }
    }

    #[test]
    fn display_round_trips() {
        for s in ["1900", "2018", "2018-03", "2018-12-31", "2020-02-29", "9999-12-31"] {
            assert_eq!(PartialDate::parse_iso(s).map(|d| d.to_string()), Ok(s.to_string()));
        }
    }

    #[test]
    fn serializes_as_the_iso_string() {
        let d = PartialDate::month(2018, 3).map(|d| serde_json::to_string(&d).ok());
        assert_eq!(d, Ok(Some("\"2018-03\"".to_string())));
        assert_eq!(
            serde_json::to_string(&ymd(2018, 3, 5)).ok(),
            Some("\"2018-03-05\"".to_string())
        );
    }

    #[test]
    fn first_and_last_days() {
        let cases = [
            ("2018", ymd(2018, 1, 1), ymd(2018, 12, 31)),
            ("2018-12", ymd(2018, 12, 1), ymd(2018, 12, 31)),
            ("2018-02", ymd(2018, 2, 1), ymd(2018, 2, 28)),
            ("2020-02", ymd(2020, 2, 1), ymd(2020, 2, 29)),
            ("2018-04", ymd(2018, 4, 1), ymd(2018, 4, 30)),
            ("2018-06-15", ymd(2018, 6, 15), ymd(2018, 6, 15)),
        ];
        for (s, first, last) in cases {
            let d = PartialDate::parse_iso(s);
            assert_eq!(d.as_ref().map(|d| d.first_day()), Ok(first), "{s}");
            assert_eq!(d.map(|d| d.last_day()), Ok(last), "{s}");
        }
    }

    #[test]
    fn days_are_ordered_and_parsed_strictly() {
        assert!(ymd(2018, 12, 31) < ymd(2019, 1, 1));
        assert!(ymd(2018, 2, 28) < ymd(2018, 3, 1));
        assert!(ymd(2018, 3, 1) < ymd(2018, 3, 2));
        assert_eq!(Day::parse_iso("2018-12-31"), Ok(ymd(2018, 12, 31)));
        assert_eq!(Day::parse_iso("2018-12"), Err(DateError::Malformed));
        assert_eq!(Day::parse_iso("2018"), Err(DateError::Malformed));
        assert_eq!(Day::parse_iso("2018-02-30"), Err(DateError::NonExistent));
        assert_eq!(ymd(2018, 3, 5).to_string(), "2018-03-05");
    }

    #[test]
    fn accessors() {
        let d = PartialDate::day(2018, 3, 5);
        assert_eq!(
            d.map(|d| (d.year_value(), d.month_value(), d.day_value())),
            Ok((2018, Some(3), Some(5)))
        );
        let y = PartialDate::year(2018);
        assert_eq!(y.map(|d| (d.month_value(), d.day_value())), Ok((None, None)));
    }
}
