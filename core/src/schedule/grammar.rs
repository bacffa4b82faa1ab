//! Recursive descent over the tokens. The grammar, informally:
//!
//! ```text
//! schedule := clause (separator clause)*           separator: . , ; ja och and
//!                                                   (optional next to a continuous clause)
//! clause   := continuous | subject? verb? body
//! continuous := after-that? subject? CONTINUOUS-PHRASE
//! body     := item                                   "syksyllä 2018"
//!           | item DASH                              "2019–" (open-ended: from 2019)
//!           | item DASH item                         "2018–2020"
//!           | item connector-item                    "2018 to 2020", "2018 till 2020"
//!           | start-item end-item                    "vuodesta 2018 vuoteen 2020"
//! item     := prefix* point postfix*
//! point    := a year, month, day, season, term, quarter or half year, in one of the
//!             numeric or worded forms (see `numeric_point` and `word_point`)
//! ```
//!
//! Every part of the text must be consumed; a word the vocabulary does not know makes the
//! whole text unreadable. Dates that do not exist and reversed ranges are noted on the way
//! but reported only when the whole text is otherwise a schedule, so "Työ 31.2.2018 alkoi
//! myöhässä" is unreadable rather than a date error.

use super::lexer::{Kind, Token};
use super::lookup::{Index, Sym, Tables, WordId};
use super::vocab::{Case, Edge, Named, Part, Postfix, Prefix, Role};
use super::{ParsedSchedule, ScheduleError};
use crate::date::{PartialDate, Precision};

/// Years a schedule of this programme can plausibly mean; anything else is a typo or not a
/// year at all ("72 tuntia" is not, "0218" is a typo).
const YEARS: std::ops::RangeInclusive<u16> = 1900..=2199;

/// The months a point covers, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Period {
    start: PartialDate,
    end: PartialDate,
}

impl Period {
    fn single(d: PartialDate) -> Self {
        Period { start: d, end: d }
    }

    fn is_whole_year(&self) -> bool {
        self.start == self.end && self.start.precision() == Precision::Year
    }
}

/// A point in time as written. The incomplete forms occur only as the first half of a
/// range, which lends them its year (and month): "14.3.–4.5.2018", "tammi–helmikuussa 2018".
#[derive(Debug, Clone, Copy)]
enum Point {
    Full(Period),
    MonthNoYear(u8),
    NamedNoYear(Named),
    DayNoYear { day: u8, month: u8 },
    DayOnly(u8),
}

#[derive(Debug, Clone, Copy)]
struct Item {
    point: Point,
    case: Case,
    role: Role,
    edge: Option<Edge>,
    /// Followed by "aikana".
    during: bool,
    /// Followed by a postposition that a genitive needs ("aikana", "lopussa", "loppuun").
    governed: bool,
    /// Introduced by "to", "till", "until": may close a range.
    connector: bool,
    /// Tokens of the point, for quoting a date that does not exist.
    first: usize,
    last: usize,
}

#[derive(Debug, Clone, Copy)]
enum Pending {
    NonExistent { first: usize, last: usize },
    Reversed { start: PartialDate, end: PartialDate },
}

enum Clause {
    Time {
        start: Option<PartialDate>,
        end: Option<PartialDate>,
    },
    Continuous {
        after: bool,
    },
}

#[derive(Clone, Copy)]
struct Mark {
    pos: usize,
    pending: Option<Pending>,
}

pub(super) struct Parser<'t, 's> {
    toks: &'t [Token<'s>],
    src: &'s str,
    tables: &'static Tables,
    pos: usize,
    /// The first date error met; reported only if the whole text parses.
    pending: Option<Pending>,
}

/// Parses the whole token list or nothing.
pub(super) fn parse(src: &str, tables: &'static Tables, toks: &[Token<'_>]) -> Result<ParsedSchedule, ScheduleError> {
    let mut p = Parser {
        toks,
        src,
        tables,
        pos: 0,
        pending: None,
    };
    let parsed = match p.schedule() {
        Some(s) if p.at_end() => s,
        _ => return Err(ScheduleError::Unreadable),
    };
    match p.pending {
        None => Ok(parsed),
        Some(Pending::NonExistent { first, last }) => Err(ScheduleError::NonExistentDate(p.fragment(first, last))),
        Some(Pending::Reversed { start, end }) => Err(ScheduleError::Reversed { start, end }),
    }
}

fn combine(a: Role, b: Role) -> Option<Role> {
    match (a, b) {
        (Role::Neutral, r) | (r, Role::Neutral) => Some(r),
        (a, b) if a == b => Some(a),
        _ => None,
    }
}

/// A one- or two-digit number: a day, month or ordinal.
fn small(t: &Token<'_>) -> Option<u8> {
    if t.kind == Kind::Num && t.text.len() <= 2 {
        t.text.parse().ok()
    } else {
        None
    }
}

fn year(t: &Token<'_>) -> Option<u16> {
    if t.kind != Kind::Num || t.text.len() != 4 {
        return None;
    }
    let y: u16 = t.text.parse().ok()?;
    YEARS.contains(&y).then_some(y)
}

/// "1st", "2nd", "3rd", "4th", "11th", "21st", "31st"; `suffix` lower-cased.
fn english_ordinal_suffix(n: u8, suffix: &str) -> bool {
    let expected = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    suffix == expected
}

fn part_named(part: Part, n: u8) -> Option<Named> {
    match part {
        Part::Quarter if (1..=4).contains(&n) => Some(Named::Quarter(n)),
        Part::Half if (1..=2).contains(&n) => Some(Named::Half(n)),
        _ => None,
    }
}

/// The months of each named period; see the table in the module documentation of `super`.
fn named_period(named: Named, y: u16) -> Option<Period> {
    let (first, last, last_year) = match named {
        Named::Spring => (3, 5, y),
        Named::Summer => (6, 8, y),
        Named::Autumn => (9, 11, y),
        Named::Winter => (12, 2, y.checked_add(1)?),
        Named::SpringTerm => (1, 6, y),
        Named::AutumnTerm => (8, 12, y),
        Named::Quarter(q) => (q.checked_mul(3)?.checked_sub(2)?, q.checked_mul(3)?, y),
        Named::Half(h) => (h.checked_mul(6)?.checked_sub(5)?, h.checked_mul(6)?, y),
    };
    Some(Period {
        start: PartialDate::month(y, first).ok()?,
        end: PartialDate::month(last_year, last).ok()?,
    })
}

/// A date's first (`or` 1) or last (`or` 12) month counted from the start of year 0, so
/// that consecutive months differ by one.
fn month_number(d: PartialDate, or: u8) -> u32 {
    u32::from(d.year_value()) * 12 + u32::from(d.month_value().unwrap_or(or))
}

/// The start and end a period gives in a role. The edges of a year ("vuoden 2018 alussa",
/// "the end of 2018") are its halves; as a start or end they are the year itself ("by the
/// end of 2018" ends with 2018). An edge against the role ("by the beginning of 2019",
/// "from the end of 2018") commits to no month and is refused.
fn resolve(p: Period, role: Role, edge: Option<Edge>) -> Option<(Option<PartialDate>, Option<PartialDate>)> {
    match (role, edge) {
        (Role::Neutral, None) => Some((Some(p.start), Some(p.end))),
        (Role::Neutral, Some(edge)) => {
            if !p.is_whole_year() {
                return None;
            }
            let half = match edge {
                Edge::Beginning => Named::Half(1),
                Edge::End => Named::Half(2),
            };
            let h = named_period(half, p.start.year_value())?;
            Some((Some(h.start), Some(h.end)))
        }
        (Role::Start, None | Some(Edge::Beginning)) => Some((Some(p.start), None)),
        (Role::End, None | Some(Edge::End)) => Some((None, Some(p.end))),
        _ => None,
    }
}

impl<'t, 's> Parser<'t, 's> {
    // ---- plumbing ----

    fn tok(&self, offset: usize) -> Option<Token<'s>> {
        self.toks.get(self.pos.saturating_add(offset)).copied()
    }

    fn kind(&self, offset: usize) -> Option<Kind> {
        self.tok(offset).map(|t| t.kind)
    }

    fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    fn at_clause_end(&self) -> bool {
        matches!(self.kind(0), None | Some(Kind::Dot | Kind::Comma | Kind::Semi))
    }

    fn advance(&mut self, n: usize) {
        self.pos = self.pos.saturating_add(n);
    }

    fn mark(&self) -> Mark {
        Mark {
            pos: self.pos,
            pending: self.pending,
        }
    }

    fn reset(&mut self, m: Mark) {
        self.pos = m.pos;
        self.pending = m.pending;
    }

    fn note(&mut self, p: Pending) {
        if self.pending.is_none() {
            self.pending = Some(p);
        }
    }

    fn fragment(&self, first: usize, last: usize) -> String {
        let start = self.toks.get(first).map_or(0, |t| t.start);
        let end = self.toks.get(last).map_or(start, |t| t.end);
        self.src.get(start..end).unwrap_or_default().to_string()
    }

    /// The end of a vocabulary entry starting at the current word, if the tokens after it
    /// spell `rest`.
    fn match_rest(&self, rest: &[Sym]) -> Option<usize> {
        let mut i = self.pos.saturating_add(1);
        for &sym in rest {
            let have = self.toks.get(i)?;
            let spelt = match sym {
                Sym::Word(w) => have.kind == Kind::Word && have.word == Some(w),
                Sym::Dot => have.kind == Kind::Dot,
            };
            if !spelt {
                return None;
            }
            i = i.saturating_add(1);
        }
        Some(i)
    }

    /// A word token lower-cased, if the vocabulary knows it; `None` for other tokens.
    fn word(&self, t: &Token<'_>) -> Option<&'static str> {
        if t.kind != Kind::Word {
            return None;
        }
        t.word.map(|w| self.tables.words.text(w))
    }

    /// The longest entry of a table (across all languages) at the current position.
    fn best<T: Copy + 'static>(&self, table: impl Fn(&'static Tables) -> &'static Index<T>) -> Option<(T, usize)> {
        let word = self.current_word()?;
        // Filed longest first: the first entry the text spells is the longest.
        table(self.tables)
            .starting_with(word)
            .find_map(|(rest, value)| Some((value, self.match_rest(rest)?)))
    }

    /// The current token if it is a word the vocabulary knows (every entry starts with one).
    fn current_word(&self) -> Option<WordId> {
        let t = self.tok(0)?;
        if t.kind == Kind::Word {
            t.word
        } else {
            None
        }
    }

    fn skip_plain(&mut self, list: impl Fn(&'static Tables) -> &'static Index<()>) -> bool {
        match self.best(list) {
            Some(((), end)) => {
                self.pos = end;
                true
            }
            None => false,
        }
    }

    fn month_or_note(&mut self, y: u16, m: u8, first: usize, last: usize) -> Option<PartialDate> {
        match PartialDate::month(y, m) {
            Ok(d) => Some(d),
            Err(_) => {
                self.note(Pending::NonExistent { first, last });
                // A stand-in so that parsing can go on to see whether the rest is a schedule.
                PartialDate::year(y).ok()
            }
        }
    }

    fn day_or_note(&mut self, y: u16, m: u8, d: u8, first: usize, last: usize) -> Option<Period> {
        match PartialDate::day(y, m, d) {
            Ok(d) => Some(Period::single(d)),
            Err(_) => {
                self.note(Pending::NonExistent { first, last });
                PartialDate::year(y).ok().map(Period::single)
            }
        }
    }

    fn check_order(&mut self, start: PartialDate, end: PartialDate) {
        if start.first_day() > end.last_day() {
            self.note(Pending::Reversed { start, end });
        }
    }

    // ---- clauses ----

    fn schedule(&mut self) -> Option<ParsedSchedule> {
        let mut start = None;
        let mut end: Option<PartialDate> = None;
        let mut dated_clauses = 0usize;
        let mut continuous: Option<bool> = None;
        // Dated clauses need something between them; "ongoing since 2017" does not.
        let mut separated = true;
        let mut previous_dated = false;
        loop {
            match self.clause()? {
                Clause::Time { start: s, end: e } => {
                    // "after that, continuous" closes the text.
                    if continuous == Some(true) || (previous_dated && !separated) {
                        return None;
                    }
                    previous_dated = true;
                    // "vuosina 2019 ja 2020", "12/2019 ja 1/2020": years or months that
                    // follow each other without a gap are one period; with a gap ("2019 ja
                    // 2021"), an overlap or open ends there is no one period to give. Days
                    // are not joined: two days in a row are rarer than the bytes a day's
                    // successor would cost the browser's build.
                    if let (Some(_), Some(before), Some(s), Some(e)) = (start, end, s, e) {
                        if before.day_value().or(s.day_value()).is_some()
                            || month_number(s, 1) != month_number(before, 12).saturating_add(1)
                        {
                            return None;
                        }
                        end = Some(e);
                    } else {
                        if s.is_some() {
                            if start.is_some() {
                                return None;
                            }
                            start = s;
                        }
                        if e.is_some() {
                            if end.is_some() {
                                return None;
                            }
                            end = e;
                        }
                    }
                    dated_clauses = dated_clauses.saturating_add(1);
                }
                Clause::Continuous { after } => {
                    if continuous.is_some() {
                        return None;
                    }
                    continuous = Some(after);
                    previous_dated = false;
                }
            }
            if self.at_end() {
                break;
            }
            separated = false;
            if matches!(self.kind(0), Some(Kind::Dot | Kind::Comma | Kind::Semi)) {
                self.advance(1);
                separated = true;
            }
            separated |= self.skip_plain(|t| &t.conjunctions);
            if self.at_end() {
                return None;
            }
        }
        match continuous {
            None => {
                if let (Some(s), Some(e)) = (start, end) {
                    self.check_order(s, e);
                }
                Some(ParsedSchedule {
                    start,
                    end,
                    continuous: false,
                })
            }
            Some(_) if dated_clauses == 0 => Some(ParsedSchedule {
                start: None,
                end: None,
                continuous: true,
            }),
            // "kevätkaudella 2018, jonka jälkeen jatkuvaa toimintaa": continuous from the
            // start of the first phase; the first phase's end is not the schedule's end.
            Some(true) => start.map(|s| ParsedSchedule {
                start: Some(s),
                end: None,
                continuous: true,
            }),
            // "jatkuvaa toimintaa vuodesta 2018", "ongoing since 2017": only a start goes
            // with continuous work; "jatkuvaa toimintaa 2018" could mean either.
            Some(false) => match (start, end) {
                (Some(s), None) => Some(ParsedSchedule {
                    start: Some(s),
                    end: None,
                    continuous: true,
                }),
                _ => None,
            },
        }
    }

    fn clause(&mut self) -> Option<Clause> {
        let m = self.mark();
        if let Some(c) = self.continuous_clause() {
            return Some(c);
        }
        self.reset(m);
        self.time_clause()
    }

    fn continuous_clause(&mut self) -> Option<Clause> {
        let after = self.skip_plain(|t| &t.after_that);
        self.skip_plain(|t| &t.subjects);
        self.skip_plain(|t| &t.continuous)
            .then_some(Clause::Continuous { after })
    }

    /// Subject and verb are optional, and a word may be either a verb or the start of the
    /// date ("start of 2019"), so each combination is tried.
    fn time_clause(&mut self) -> Option<Clause> {
        let base = self.mark();
        for (with_subject, with_verb) in [(true, true), (true, false), (false, true), (false, false)] {
            self.reset(base);
            if with_subject && !self.skip_plain(|t| &t.subjects) {
                continue;
            }
            let verb = if with_verb {
                match self.best(|t| &t.verbs) {
                    Some((role, end)) => {
                        self.pos = end;
                        role
                    }
                    None => continue,
                }
            } else {
                Role::Neutral
            };
            if let Some(c) = self.body(verb) {
                return Some(c);
            }
        }
        self.reset(base);
        None
    }

    fn body(&mut self, verb: Role) -> Option<Clause> {
        let first = self.item()?;
        if self.kind(0) == Some(Kind::Dash) {
            self.advance(1);
            if self.at_clause_end() {
                // "Toimeenpano 2019–": open-ended.
                return self.single(first, combine(verb, Role::Start)?);
            }
            let second = self.item()?;
            return self.range(verb, first, second);
        }
        let m = self.mark();
        if let Some(second) = self.item() {
            if second.connector || (first.role == Role::Start && second.role == Role::End) {
                return self.range(verb, first, second);
            }
        }
        self.reset(m);
        self.single(first, verb)
    }

    fn single(&mut self, item: Item, verb: Role) -> Option<Clause> {
        let role = combine(verb, item.role)?;
        if item.case == Case::Genitive && !item.governed {
            return None;
        }
        let Point::Full(period) = item.point else {
            return None;
        };
        let (start, end) = resolve(period, role, item.edge)?;
        Some(Clause::Time { start, end })
    }

    fn range(&mut self, verb: Role, a: Item, b: Item) -> Option<Clause> {
        if verb != Role::Neutral
            || !matches!(a.role, Role::Neutral | Role::Start)
            || !matches!(b.role, Role::Neutral | Role::End)
        {
            return None;
        }
        // "vuosien 2018–2020 aikana": the postposition after the range governs both.
        if (a.case == Case::Genitive && !a.governed && !b.during) || (b.case == Case::Genitive && !b.governed) {
            return None;
        }
        let Point::Full(pb) = b.point else {
            return None;
        };
        let pa = self.complete(a, &pb)?;
        let (start, _) = resolve(pa, Role::Start, a.edge)?;
        let (_, end) = resolve(pb, Role::End, b.edge)?;
        let (start, end) = (start?, end?);
        self.check_order(start, end);
        Some(Clause::Time {
            start: Some(start),
            end: Some(end),
        })
    }

    /// Lends the year (and month) of a range's end to an incomplete start.
    fn complete(&mut self, item: Item, next: &Period) -> Option<Period> {
        let y = next.start.year_value();
        match item.point {
            Point::Full(p) => Some(p),
            Point::MonthNoYear(m) => PartialDate::month(y, m).ok().map(Period::single),
            Point::NamedNoYear(named) => named_period(named, y),
            Point::DayNoYear { day, month } => self.day_or_note(y, month, day, item.first, item.last),
            Point::DayOnly(day) => {
                let month = next.start.month_value()?;
                self.day_or_note(y, month, day, item.first, item.last)
            }
        }
    }

    // ---- items ----

    fn item(&mut self) -> Option<Item> {
        let mut role = Role::Neutral;
        let mut edge = None;
        let mut connector = false;
        // At most one of each, in this order: direction, then "in"/"during", then an edge
        // ("senast i mars", "by the end of", "starting in"), so "until until" or "i från
        // och med" are not read.
        let mut stage = 0u8;
        while let Some((prefix, end)) = self.best(|t| &t.prefixes) {
            let this_stage = match prefix {
                Prefix::Role(Role::Neutral) => 2,
                Prefix::Role(_) | Prefix::Connector => 1,
                Prefix::Edge(_) => 3,
            };
            if this_stage <= stage {
                return None;
            }
            match prefix {
                Prefix::Role(r) => role = combine(role, r)?,
                Prefix::Connector => {
                    connector = true;
                    role = combine(role, Role::End)?;
                }
                Prefix::Edge(e) => edge = Some(e),
            }
            stage = this_stage;
            self.pos = end;
        }
        let first = self.pos;
        let (point, case) = self.point()?;
        let last = self.pos.checked_sub(1)?;
        match case {
            Case::Elative => role = combine(role, Role::Start)?,
            Case::Illative => role = combine(role, Role::End)?,
            Case::Partitive => return None,
            Case::Nominative | Case::Essive | Case::Genitive => {}
        }
        let mut during = false;
        let mut governed = false;
        // The postposition a genitive needs comes first, then at most one direction:
        // "vuoden 2019 alusta alkaen", "2018 loppuun mennessä".
        let mut directed = false;
        while let Some((postfix, end)) = self.best(|t| &t.postfixes) {
            match postfix {
                Postfix::Role(r) => {
                    if std::mem::replace(&mut directed, true) {
                        return None;
                    }
                    role = combine(role, r)?;
                }
                Postfix::During | Postfix::Edge(..) if governed || directed || edge.is_some() => return None,
                Postfix::During => {
                    during = true;
                    governed = true;
                }
                Postfix::Edge(e, r) => {
                    edge = Some(e);
                    role = combine(role, r)?;
                    governed = true;
                }
            }
            self.pos = end;
        }
        // "keväällä 2018 aikana" and the like: the postpositions follow a bare or genitive
        // form only.
        if governed && (!matches!(case, Case::Nominative | Case::Genitive) || !matches!(point, Point::Full(_))) {
            return None;
        }
        Some(Item {
            point,
            case,
            role,
            edge,
            during,
            governed,
            connector,
            first,
            last,
        })
    }

    // ---- points ----

    fn point(&mut self) -> Option<(Point, Case)> {
        match self.kind(0)? {
            Kind::Num => self.numeric_point(),
            Kind::Word => self.word_point(true),
            _ => None,
        }
    }

    /// "2018", "2018-12", "2018-12-31", "12/2018", "1-2/2018", "31.12.2018", "14.3.",
    /// "14.", "1. neljännes 2019", "3:e kvartalet 2019", "3rd quarter 2019",
    /// "31 December 2018", "31. joulukuuta 2018".
    fn numeric_point(&mut self) -> Option<(Point, Case)> {
        let first = self.pos;
        let t0 = self.tok(0)?;
        if t0.text.len() == 4 {
            let y = year(&t0)?;
            self.advance(1);
            let period = self.iso_tail(first, y)?;
            return Some((Point::Full(period), Case::Nominative));
        }
        let n = small(&t0)?;
        let t1 = self.tok(1)?;
        match t1.kind {
            // "12/2018", and "12.2018" as it is also written.
            Kind::Slash | Kind::Dot
                if t1.kind == Kind::Slash || self.tok(2).is_some_and(|t| t.text.len() == 4 && !t.space_before) =>
            {
                let y = year(&self.tok(2)?)?;
                self.advance(3);
                let d = self.month_or_note(y, n, first, self.pos.checked_sub(1)?)?;
                Some((Point::Full(Period::single(d)), Case::Nominative))
            }
            Kind::Dash => {
                // "1-2/2018": months of one year.
                let m2 = small(&self.tok(2)?)?;
                if self.kind(3)? != Kind::Slash {
                    return None;
                }
                let y = year(&self.tok(4)?)?;
                self.advance(5);
                let last = self.pos.checked_sub(1)?;
                let a = self.month_or_note(y, n, first, last)?;
                let b = self.month_or_note(y, m2, first, last)?;
                self.check_order(a, b);
                Some((Point::Full(Period { start: a, end: b }), Case::Nominative))
            }
            Kind::Dot if !t1.space_before => self.after_number_dot(n, first),
            Kind::Colon if !t1.space_before => {
                // Swedish ordinals: "3:e", "1:a".
                let suffix = self.tok(2)?;
                if suffix.kind != Kind::Word || suffix.space_before || !matches!(self.word(&suffix), Some("e" | "a")) {
                    return None;
                }
                self.advance(3);
                self.part_after_ordinal(n)
            }
            Kind::Word if !t1.space_before => {
                if !english_ordinal_suffix(n, self.word(&t1).unwrap_or_default()) {
                    return None;
                }
                self.advance(2);
                self.part_or_date(n, first)
            }
            Kind::Word => {
                self.advance(1);
                self.day_month_year(n, first)
            }
            _ => None,
        }
    }

    /// After "2018": "-12" or "-12-31" written without spaces make an ISO date. A
    /// two-digit month that does not exist ("2018-13", "2018-19") is a date error rather
    /// than the range shorthand "2018–19", which is not accepted.
    fn iso_tail(&mut self, first: usize, y: u16) -> Option<Period> {
        let tight_two_digits = |t: Option<Token<'_>>, kind: Kind| t.is_some_and(|t| t.kind == kind && !t.space_before);
        let is_two_digit_num =
            |t: Option<Token<'_>>| t.is_some_and(|t| t.kind == Kind::Num && !t.space_before && t.text.len() == 2);
        if !(tight_two_digits(self.tok(0), Kind::Dash) && is_two_digit_num(self.tok(1))) {
            return PartialDate::year(y).ok().map(Period::single);
        }
        let m = small(&self.tok(1)?)?;
        self.advance(2);
        if tight_two_digits(self.tok(0), Kind::Dash) && is_two_digit_num(self.tok(1)) {
            let d = small(&self.tok(1)?)?;
            self.advance(2);
            return self.day_or_note(y, m, d, first, self.pos.checked_sub(1)?);
        }
        let d = self.month_or_note(y, m, first, self.pos.checked_sub(1)?)?;
        Some(Period::single(d))
    }

    /// After "14." (no space before the dot).
    fn after_number_dot(&mut self, n: u8, first: usize) -> Option<(Point, Case)> {
        let t2 = self.tok(2)?;
        match t2.kind {
            Kind::Num if !t2.space_before => {
                let month = small(&t2)?;
                let dot = self.tok(3)?;
                if dot.kind != Kind::Dot || dot.space_before {
                    return None;
                }
                match self.tok(4) {
                    Some(t4) if t4.kind == Kind::Num && !t4.space_before => {
                        let y = year(&t4)?;
                        self.advance(5);
                        let period = self.day_or_note(y, month, n, first, self.pos.checked_sub(1)?)?;
                        Some((Point::Full(period), Case::Nominative))
                    }
                    _ => {
                        // "14.3." before "–4.5.2018".
                        self.advance(4);
                        Some((Point::DayNoYear { day: n, month }, Case::Nominative))
                    }
                }
            }
            Kind::Dash => {
                // "14." before "–16.3.2018".
                self.advance(2);
                Some((Point::DayOnly(n), Case::Nominative))
            }
            Kind::Word => {
                self.advance(2);
                self.part_or_date(n, first)
            }
            _ => None,
        }
    }

    /// "31 December 2018", "31. joulukuuta 2018", "31st December 2018": at the month.
    /// After an ordinal: a part of the year ("3. neljännes") if one follows, else a date
    /// ("14. maaliskuuta 2018").
    fn part_or_date(&mut self, n: u8, first: usize) -> Option<(Point, Case)> {
        let m = self.mark();
        if let Some(p) = self.part_after_ordinal(n) {
            return Some(p);
        }
        self.reset(m);
        self.day_month_year(n, first)
    }

    fn day_month_year(&mut self, day: u8, first: usize) -> Option<(Point, Case)> {
        let (month, case) = self.month_word()?;
        if !matches!(case, Case::Nominative | Case::Partitive) {
            return None;
        }
        self.skip_abbreviation_dot();
        let y = year(&self.tok(0)?)?;
        self.advance(1);
        let period = self.day_or_note(y, month, day, first, self.pos.checked_sub(1)?)?;
        Some((Point::Full(period), Case::Nominative))
    }

    /// "Sept. 2018", "Dec. 31": the dot after an abbreviated month name (the token just
    /// read), when a number follows.
    fn skip_abbreviation_dot(&mut self) {
        let abbreviated = self
            .pos
            .checked_sub(1)
            .and_then(|i| self.toks.get(i))
            .is_some_and(|t| t.text.chars().count() <= 4);
        if abbreviated && self.kind(0) == Some(Kind::Dot) && self.kind(1) == Some(Kind::Num) {
            self.advance(1);
        }
    }

    /// After an ordinal: "neljännes 2019", "quarter of 2019", "halvåret 2019".
    fn part_after_ordinal(&mut self, n: u8) -> Option<(Point, Case)> {
        let ((part, case), end) = self.best(|t| &t.parts)?;
        self.pos = end;
        self.named_tail(part_named(part, n)?, case)
    }

    /// After a named period: its year, if any ("of" and "/" allowed before it).
    fn named_tail(&mut self, named: Named, case: Case) -> Option<(Point, Case)> {
        let m = self.mark();
        self.skip_plain(|t| &t.of);
        if self.kind(0) == Some(Kind::Slash) {
            self.advance(1);
        }
        let Some(y) = self.tok(0).and_then(|t| year(&t)) else {
            self.reset(m);
            return Some((Point::NamedNoYear(named), case));
        };
        self.advance(1);
        if named == Named::Winter {
            // "talvi 2018–2019", "winter 2018/2019": the one winter spanning the two years.
            let joins = matches!(self.kind(0), Some(Kind::Slash | Kind::Dash));
            if joins && self.tok(1).and_then(|t| year(&t)) == y.checked_add(1) {
                self.advance(2);
            }
        }
        Some((Point::Full(named_period(named, y)?), case))
    }

    /// A Finnish month form ("joulukuuhun"), or a Swedish or English month name.
    fn month_word(&mut self) -> Option<(u8, Case)> {
        let t = self.tok(0)?;
        if t.kind != Kind::Word {
            return None;
        }
        if let Some(found) = t.word.and_then(|w| self.tables.words.fi_month(w)) {
            self.advance(1);
            return Some(found);
        }
        let (m, end) = self.best(|t| &t.months)?;
        self.pos = end;
        Some((m, Case::Nominative))
    }

    /// "tammi" in "tammi–helmikuussa 2018".
    fn month_stem_before_dash(&self) -> Option<u8> {
        let t = self.tok(0)?;
        if t.kind != Kind::Word {
            return None;
        }
        let words = &self.tables.words;
        let stem = words.month_stem(t.word?)?;
        let next = self.tok(2)?;
        let month_follows = next.kind == Kind::Word && next.word.and_then(|w| words.fi_month(w)).is_some();
        (self.kind(1) == Some(Kind::Dash) && month_follows).then_some(stem)
    }

    fn word_point(&mut self, allow_article: bool) -> Option<(Point, Case)> {
        let first = self.pos;
        if let Some((case, end)) = self.best(|t| &t.year_words) {
            // "vuonna 2018", "vuoden 2019 ensimmäisellä neljänneksellä".
            self.pos = end;
            let y = year(&self.tok(0)?)?;
            self.advance(1);
            if case == Case::Genitive {
                let m = self.mark();
                if let Some(p) = self.ordinal_part_of_year(y) {
                    return Some(p);
                }
                self.reset(m);
            }
            return Some((Point::Full(Period::single(PartialDate::year(y).ok()?)), case));
        }
        if let Some((n, end)) = self.best(|t| &t.ordinals) {
            self.pos = end;
            return self.part_after_ordinal(n);
        }
        if let Some(((part, case), end)) = self.best(|t| &t.parts) {
            // "kvartal 3 2019".
            self.pos = end;
            let n = small(&self.tok(0)?)?;
            self.advance(1);
            return self.named_tail(part_named(part, n)?, case);
        }
        if let Some(m) = self.month_stem_before_dash() {
            self.advance(1);
            return Some((Point::MonthNoYear(m), Case::Nominative));
        }
        if let Some(((named, case), end)) = self.best(|t| &t.named) {
            self.pos = end;
            return self.named_tail(named, case);
        }
        if let Some((m, case)) = self.month_word() {
            return self.month_tail(m, case, first);
        }
        if allow_article {
            // "the third quarter", "the year 2018" (before a word); "den 31 december" (before
            // a day).
            if let Some((before_number, end)) = self.best(|t| &t.articles) {
                self.pos = end;
                return match self.kind(0)? {
                    Kind::Num if before_number && self.kind(1) == Some(Kind::Word) => self.numeric_point(),
                    Kind::Word if !before_number => self.word_point(false),
                    _ => None,
                };
            }
        }
        None
    }

    /// "(vuoden 2019) ensimmäisellä neljänneksellä", "(vuoden 2019) 1. vuosipuoliskolla".
    fn ordinal_part_of_year(&mut self, y: u16) -> Option<(Point, Case)> {
        let n = if let Some((n, end)) = self.best(|t| &t.ordinals) {
            self.pos = end;
            n
        } else {
            let n = small(&self.tok(0)?)?;
            let dot = self.tok(1)?;
            if dot.kind != Kind::Dot || dot.space_before {
                return None;
            }
            self.advance(2);
            n
        };
        let ((part, case), end) = self.best(|t| &t.parts)?;
        self.pos = end;
        Some((Point::Full(named_period(part_named(part, n)?, y)?), case))
    }

    /// After a month name: "December 31, 2018", "maaliskuussa 2018", "March of 2019", or
    /// no year ("januari" in "januari–mars 2019").
    fn month_tail(&mut self, m: u8, case: Case, first: usize) -> Option<(Point, Case)> {
        let before = self.mark();
        self.skip_abbreviation_dot();
        if case == Case::Nominative {
            if let Some(day) = self.tok(0).and_then(|t| small(&t)) {
                self.advance(1);
                if let Some(t) = self.tok(0) {
                    if t.kind == Kind::Word
                        && !t.space_before
                        && english_ordinal_suffix(day, self.word(&t).unwrap_or_default())
                    {
                        self.advance(1);
                    }
                }
                if self.kind(0) == Some(Kind::Comma) {
                    self.advance(1);
                }
                let y = year(&self.tok(0)?)?;
                self.advance(1);
                let period = self.day_or_note(y, m, day, first, self.pos.checked_sub(1)?)?;
                return Some((Point::Full(period), Case::Nominative));
            }
        }
        if case == Case::Partitive {
            return None;
        }
        if case == Case::Nominative {
            self.skip_plain(|t| &t.of);
        }
        match self.tok(0).and_then(|t| year(&t)) {
            Some(y) => {
                self.advance(1);
                Some((Point::Full(Period::single(PartialDate::month(y, m).ok()?)), case))
            }
            None => {
                self.reset(before);
                Some((Point::MonthNoYear(m), case))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinal_suffixes() {
        assert!(english_ordinal_suffix(1, "st"));
        assert!(english_ordinal_suffix(3, "rd"));
        assert!(english_ordinal_suffix(11, "th"));
        assert!(english_ordinal_suffix(22, "nd"));
        assert!(!english_ordinal_suffix(3, "th"));
    }
}
