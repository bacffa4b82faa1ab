//! The words the schedule parser knows, one table per language.
//!
//! Entries are written in lower case; a multi-word entry ("loppuun mennessä", "fr.o.m.")
//! is matched token by token, so spacing and case in the text do not matter. Where two
//! entries match, the longer wins ("från och med" over "från"). All languages are tried
//! for every text: a Swedish form in a Finnish form field is still a schedule.
//!
//! Adding a word here is all it takes to teach the parser a synonym; the fixture table
//! `tests/fixtures/schedules.json` should get a row for it too.

use self::Case::{Elative as Ela, Essive as Ess, Genitive as Gen, Illative as Ill, Nominative as Nom};
use self::Named::{Autumn, AutumnTerm, Half, Quarter, Spring, SpringTerm, Summer, Winter};

/// What a word says about the schedule's ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// "during", "in", "vuonna": the whole period.
    Neutral,
    /// "from", "alkaen", "käynnistyy": the period gives only the start.
    Start,
    /// "by", "mennessä", "valmistuu": the period gives only the end.
    End,
}

/// Grammatical case of a Finnish time word; the Swedish and English words are all
/// `Nominative`. The case carries meaning: "vuodesta" (from), "vuoteen" (to), "vuoden"
/// (of, needing a postposition such as "aikana").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    /// "syksy 2018", "2018", "mars 2018".
    Nominative,
    /// Inessive, adessive, essive ("maaliskuussa", "syksyllä", "vuonna"): "in".
    Essive,
    /// "vuoden 2018", "syksyn 2017": meaningless without a postposition ("aikana").
    Genitive,
    /// "vuodesta", "keväästä", "maaliskuusta": "from", so the start.
    Elative,
    /// "vuoteen", "joulukuuhun": "to", so the end.
    Illative,
    /// "joulukuuta": only after a day number ("31. joulukuuta 2018").
    Partitive,
}

/// Which part of a year is meant by "the beginning/end of 2018".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Edge {
    Beginning,
    End,
}

/// A named part of a year. The months each one covers are in `super::grammar::named_period`
/// and in the table in `super` (the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Named {
    Spring,
    Summer,
    Autumn,
    Winter,
    SpringTerm,
    AutumnTerm,
    Quarter(u8),
    Half(u8),
}

/// "neljännes", "kvartal", "quarter" need an ordinal to name a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    Quarter,
    Half,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Prefix {
    Role(Role),
    /// "to", "till", "until": the end, and may join two dates into a range ("2018 to 2020").
    Connector,
    /// "the end of", "i början av".
    Edge(Edge),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Postfix {
    Role(Role),
    /// "aikana": during; the postposition a genitive needs.
    During,
    /// "lopussa", "loppuun", "alusta": an edge of the year, and perhaps a role.
    Edge(Edge, Role),
}

pub(super) struct Vocabulary {
    /// Whole phrases meaning "continuous, no end date".
    pub continuous: &'static [&'static str],
    /// "after that", introducing a continuous phase after a dated one.
    pub after_that: &'static [&'static str],
    /// Nouns that may open a schedule without changing it ("Työ käynnistyy 2018").
    pub subjects: &'static [&'static str],
    pub verbs: &'static [(&'static str, Role)],
    pub prefixes: &'static [(&'static str, Prefix)],
    pub postfixes: &'static [(&'static str, Postfix)],
    /// Words that must be followed by a four-digit year ("vuonna 2018", "år 2018").
    pub year_words: &'static [(&'static str, Case)],
    /// Finnish month names are a stem plus a case ending: "joulu" + "kuuhun".
    pub month_stems: &'static [(&'static str, u8)],
    pub month_endings: &'static [(&'static str, Case)],
    pub months: &'static [(&'static str, u8)],
    pub named: &'static [(&'static str, (Named, Case))],
    pub ordinals: &'static [(&'static str, u8)],
    pub parts: &'static [(&'static str, (Part, Case))],
    /// Words that may join two clauses ("käynnistyy 2018 ja valmistuu 2019").
    pub conjunctions: &'static [&'static str],
    /// Skipped before a word ("the third quarter"), or before a day number if `true`
    /// ("den 31 december").
    pub articles: &'static [(&'static str, bool)],
    /// Optional between a period and its year ("spring of 2019").
    pub of: &'static [&'static str],
}

impl Vocabulary {
    /// Every entry of every table.
    pub(super) fn phrases(&self) -> impl Iterator<Item = &'static str> {
        let plain = [
            self.continuous,
            self.after_that,
            self.subjects,
            self.conjunctions,
            self.of,
        ];
        plain
            .into_iter()
            .flatten()
            .copied()
            .chain(self.verbs.iter().map(|e| e.0))
            .chain(self.prefixes.iter().map(|e| e.0))
            .chain(self.postfixes.iter().map(|e| e.0))
            .chain(self.year_words.iter().map(|e| e.0))
            .chain(self.month_stems.iter().map(|e| e.0))
            .chain(self.month_endings.iter().map(|e| e.0))
            .chain(self.months.iter().map(|e| e.0))
            .chain(self.named.iter().map(|e| e.0))
            .chain(self.ordinals.iter().map(|e| e.0))
            .chain(self.parts.iter().map(|e| e.0))
            .chain(self.articles.iter().map(|e| e.0))
    }
}

pub(super) const FI: Vocabulary = Vocabulary {
    continuous: &[
        "jatkuvaa toimintaa",
        "jatkuva toiminta",
        "jatkuvana toimintana",
        "jatkuvaa työtä",
        "jatkuvaa",
        "jatkuva",
        "jatkuvasti",
        "pysyvä toiminta",
        "pysyvää toimintaa",
        "pysyvänä toimintana",
        // "Until further notice": work with no end set.
        "toistaiseksi",
        // Seed 004, 2.12: "Työ käynnissä ja jatkuvaa." Under way is a status, but together
        // with "jatkuvaa" the schedule is plainly continuous.
        "käynnissä ja jatkuvaa",
    ],
    after_that: &[
        "tämän jälkeen",
        "sen jälkeen",
        "jonka jälkeen",
        "minkä jälkeen",
        "ja tämän jälkeen",
        "ja sen jälkeen",
        "jatkossa",
    ],
    subjects: &[
        "työ",
        "hanke",
        "projekti",
        "ohjelma",
        "valmistelu",
        "toimeenpano",
        "toteutus",
        "käyttöönotto",
    ],
    // Present and future only: a past tense ("Työ käynnistynyt 2018", "Hankinta
    // käynnistynyt 2/2018") is a progress note about what happened, not a schedule.
    verbs: &[
        ("käynnistyy", Role::Start),
        ("käynnistetään", Role::Start),
        ("alkaa", Role::Start),
        ("aloitetaan", Role::Start),
        ("valmistuu", Role::End),
        ("valmis", Role::End),
        ("on valmis", Role::End),
        ("päättyy", Role::End),
        ("toteutetaan", Role::Neutral),
        ("toteutuu", Role::Neutral),
        ("toimeenpannaan", Role::Neutral),
        ("otetaan käyttöön", Role::Neutral),
        ("käyttöön", Role::Neutral),
        ("käytössä", Role::Neutral),
    ],
    prefixes: &[
        ("alkaen", Prefix::Role(Role::Start)),
        ("aikaisintaan", Prefix::Role(Role::Start)),
        ("viimeistään", Prefix::Role(Role::End)),
        // "alkuvuodesta 2019" is early in 2019, not "from" it, whatever its elative ending.
        ("alkuvuodesta", Prefix::Edge(Edge::Beginning)),
        ("alkuvuonna", Prefix::Edge(Edge::Beginning)),
        ("loppuvuodesta", Prefix::Edge(Edge::End)),
        ("loppuvuonna", Prefix::Edge(Edge::End)),
    ],
    postfixes: &[
        ("mennessä", Postfix::Role(Role::End)),
        ("saakka", Postfix::Role(Role::End)),
        ("asti", Postfix::Role(Role::End)),
        ("viimeistään", Postfix::Role(Role::End)),
        ("alkaen", Postfix::Role(Role::Start)),
        ("lähtien", Postfix::Role(Role::Start)),
        ("eteenpäin", Postfix::Role(Role::Start)),
        ("aikaisintaan", Postfix::Role(Role::Start)),
        ("aikana", Postfix::During),
        ("kuluessa", Postfix::During),
        ("alussa", Postfix::Edge(Edge::Beginning, Role::Neutral)),
        ("alkupuolella", Postfix::Edge(Edge::Beginning, Role::Neutral)),
        ("alkupuoliskolla", Postfix::Edge(Edge::Beginning, Role::Neutral)),
        ("lopussa", Postfix::Edge(Edge::End, Role::Neutral)),
        ("lopulla", Postfix::Edge(Edge::End, Role::Neutral)),
        ("loppupuolella", Postfix::Edge(Edge::End, Role::Neutral)),
        ("loppupuoliskolla", Postfix::Edge(Edge::End, Role::Neutral)),
        ("jälkipuoliskolla", Postfix::Edge(Edge::End, Role::Neutral)),
        // "vuoden 2019 alusta" = from the beginning of 2019; "2018 loppuun" = to its end.
        ("alusta", Postfix::Edge(Edge::Beginning, Role::Start)),
        ("loppuun", Postfix::Edge(Edge::End, Role::End)),
        // Read only to be refused: "by the beginning of" and "from the end of" have no
        // month the text commits to.
        ("alkuun", Postfix::Edge(Edge::Beginning, Role::End)),
        ("lopusta", Postfix::Edge(Edge::End, Role::Start)),
    ],
    year_words: &[
        ("vuonna", Ess),
        ("v.", Nom),
        ("vuosi", Nom),
        ("vuoden", Gen),
        ("vuodesta", Ela),
        ("vuoteen", Ill),
        ("vuosina", Ess),
        ("vuosien", Gen),
    ],
    month_stems: &[
        ("tammi", 1),
        ("helmi", 2),
        ("maalis", 3),
        ("huhti", 4),
        ("touko", 5),
        ("kesä", 6),
        ("heinä", 7),
        ("elo", 8),
        ("syys", 9),
        ("loka", 10),
        ("marras", 11),
        ("joulu", 12),
    ],
    month_endings: &[
        ("kuu", Nom),
        ("kuussa", Ess),
        ("kuun", Gen),
        ("kuusta", Ela),
        ("kuuhun", Ill),
        ("kuuta", Case::Partitive),
    ],
    months: &[],
    named: &[
        ("kevät", (Spring, Nom)),
        ("kevään", (Spring, Gen)),
        ("keväällä", (Spring, Ess)),
        ("keväänä", (Spring, Ess)),
        ("keväästä", (Spring, Ela)),
        ("kevääseen", (Spring, Ill)),
        ("kesä", (Summer, Nom)),
        ("kesän", (Summer, Gen)),
        ("kesällä", (Summer, Ess)),
        ("kesänä", (Summer, Ess)),
        ("kesästä", (Summer, Ela)),
        ("kesään", (Summer, Ill)),
        ("syksy", (Autumn, Nom)),
        ("syksyn", (Autumn, Gen)),
        ("syksyllä", (Autumn, Ess)),
        ("syksynä", (Autumn, Ess)),
        ("syksystä", (Autumn, Ela)),
        ("syksyyn", (Autumn, Ill)),
        ("talvi", (Winter, Nom)),
        ("talven", (Winter, Gen)),
        ("talvella", (Winter, Ess)),
        ("talvena", (Winter, Ess)),
        ("talvesta", (Winter, Ela)),
        ("talveen", (Winter, Ill)),
        ("kevätkausi", (SpringTerm, Nom)),
        ("kevätkauden", (SpringTerm, Gen)),
        ("kevätkaudella", (SpringTerm, Ess)),
        ("kevätkaudesta", (SpringTerm, Ela)),
        ("kevätkauteen", (SpringTerm, Ill)),
        ("kevätlukukausi", (SpringTerm, Nom)),
        ("kevätlukukauden", (SpringTerm, Gen)),
        ("kevätlukukaudella", (SpringTerm, Ess)),
        ("kevätlukukaudesta", (SpringTerm, Ela)),
        ("kevätlukukauteen", (SpringTerm, Ill)),
        ("syyskausi", (AutumnTerm, Nom)),
        ("syyskauden", (AutumnTerm, Gen)),
        ("syyskaudella", (AutumnTerm, Ess)),
        ("syyskaudesta", (AutumnTerm, Ela)),
        ("syyskauteen", (AutumnTerm, Ill)),
        ("syksykausi", (AutumnTerm, Nom)),
        ("syksykauden", (AutumnTerm, Gen)),
        ("syksykaudella", (AutumnTerm, Ess)),
        ("syksykaudesta", (AutumnTerm, Ela)),
        ("syksykauteen", (AutumnTerm, Ill)),
        ("syyslukukausi", (AutumnTerm, Nom)),
        ("syyslukukauden", (AutumnTerm, Gen)),
        ("syyslukukaudella", (AutumnTerm, Ess)),
        ("syyslukukaudesta", (AutumnTerm, Ela)),
        ("syyslukukauteen", (AutumnTerm, Ill)),
    ],
    ordinals: &[
        ("ensimmäinen", 1),
        ("ensimmäisellä", 1),
        ("ensimmäisen", 1),
        ("ensimmäisenä", 1),
        ("ensimmäisestä", 1),
        ("toinen", 2),
        ("toisella", 2),
        ("toisen", 2),
        ("toisena", 2),
        ("toisesta", 2),
        ("kolmas", 3),
        ("kolmannella", 3),
        ("kolmannen", 3),
        ("kolmantena", 3),
        ("kolmannesta", 3),
        ("neljäs", 4),
        ("neljännellä", 4),
        ("neljännen", 4),
        ("neljäntenä", 4),
        ("neljännestä", 4),
    ],
    parts: &[
        ("neljännes", (Part::Quarter, Nom)),
        ("neljänneksellä", (Part::Quarter, Ess)),
        ("neljänneksen", (Part::Quarter, Gen)),
        ("neljänneksestä", (Part::Quarter, Ela)),
        ("neljännekseen", (Part::Quarter, Ill)),
        ("vuosineljännes", (Part::Quarter, Nom)),
        ("vuosineljänneksellä", (Part::Quarter, Ess)),
        ("vuosineljänneksen", (Part::Quarter, Gen)),
        ("vuosineljänneksestä", (Part::Quarter, Ela)),
        ("vuosineljännekseen", (Part::Quarter, Ill)),
        ("kvartaali", (Part::Quarter, Nom)),
        ("kvartaalilla", (Part::Quarter, Ess)),
        ("kvartaalin", (Part::Quarter, Gen)),
        ("kvartaalista", (Part::Quarter, Ela)),
        ("kvartaaliin", (Part::Quarter, Ill)),
        ("vuosipuolisko", (Part::Half, Nom)),
        ("vuosipuoliskolla", (Part::Half, Ess)),
        ("vuosipuoliskon", (Part::Half, Gen)),
        ("vuosipuoliskosta", (Part::Half, Ela)),
        ("vuosipuoliskoon", (Part::Half, Ill)),
        ("puolisko", (Part::Half, Nom)),
        ("puoliskolla", (Part::Half, Ess)),
        ("puoliskon", (Part::Half, Gen)),
        ("puoliskosta", (Part::Half, Ela)),
        ("puoliskoon", (Part::Half, Ill)),
    ],
    conjunctions: &["ja"],
    articles: &[],
    of: &[],
};

pub(super) const SV: Vocabulary = Vocabulary {
    continuous: &[
        "fortlöpande",
        "fortlöpande verksamhet",
        "kontinuerlig",
        "kontinuerligt",
        "kontinuerlig verksamhet",
        "löpande",
        "löpande verksamhet",
        "fortgående",
        "permanent verksamhet",
        "tills vidare",
    ],
    after_that: &[
        "därefter",
        "och därefter",
        "sedan",
        "och sedan",
        "efter det",
        "och efter det",
    ],
    subjects: &[
        "arbetet",
        "projektet",
        "programmet",
        "genomförandet",
        "beredningen",
        "verkställigheten",
        "införandet",
    ],
    verbs: &[
        ("inleds", Role::Start),
        ("startar", Role::Start),
        ("startas", Role::Start),
        ("börjar", Role::Start),
        ("påbörjas", Role::Start),
        ("avslutas", Role::End),
        ("slutförs", Role::End),
        ("slutar", Role::End),
        ("klart", Role::End),
        ("klar", Role::End),
        ("färdigt", Role::End),
        ("färdig", Role::End),
        ("blir klart", Role::End),
        ("ska vara klart", Role::End),
        ("genomförs", Role::Neutral),
        ("verkställs", Role::Neutral),
        ("tas i bruk", Role::Neutral),
    ],
    prefixes: &[
        ("från", Prefix::Role(Role::Start)),
        ("från och med", Prefix::Role(Role::Start)),
        ("fr.o.m.", Prefix::Role(Role::Start)),
        ("fr.o.m", Prefix::Role(Role::Start)),
        ("sedan", Prefix::Role(Role::Start)),
        ("med start", Prefix::Role(Role::Start)),
        ("tidigast", Prefix::Role(Role::Start)),
        ("senast", Prefix::Role(Role::End)),
        // "före 2020" is read as "by 2020", inclusive, like "senast": schedules use it so.
        ("före", Prefix::Role(Role::End)),
        ("innan", Prefix::Role(Role::End)),
        ("till", Prefix::Connector),
        ("till och med", Prefix::Connector),
        ("t.o.m.", Prefix::Connector),
        ("t.o.m", Prefix::Connector),
        ("fram till", Prefix::Connector),
        ("under", Prefix::Role(Role::Neutral)),
        ("i", Prefix::Role(Role::Neutral)),
        ("under loppet av", Prefix::Role(Role::Neutral)),
        ("i loppet av", Prefix::Role(Role::Neutral)),
        ("i början av", Prefix::Edge(Edge::Beginning)),
        ("början av", Prefix::Edge(Edge::Beginning)),
        ("i slutet av", Prefix::Edge(Edge::End)),
        ("slutet av", Prefix::Edge(Edge::End)),
        ("vid slutet av", Prefix::Edge(Edge::End)),
        ("utgången av", Prefix::Edge(Edge::End)),
        ("vid utgången av", Prefix::Edge(Edge::End)),
    ],
    postfixes: &[
        ("och framåt", Postfix::Role(Role::Start)),
        ("framåt", Postfix::Role(Role::Start)),
    ],
    year_words: &[("år", Nom), ("åren", Nom)],
    month_stems: &[],
    month_endings: &[],
    months: &[
        ("januari", 1),
        ("jan", 1),
        ("februari", 2),
        ("feb", 2),
        ("mars", 3),
        ("april", 4),
        ("apr", 4),
        ("maj", 5),
        ("juni", 6),
        ("jun", 6),
        ("juli", 7),
        ("jul", 7),
        ("augusti", 8),
        ("aug", 8),
        ("september", 9),
        ("sep", 9),
        ("sept", 9),
        ("oktober", 10),
        ("okt", 10),
        ("november", 11),
        ("nov", 11),
        ("december", 12),
        ("dec", 12),
    ],
    named: &[
        ("våren", (Spring, Nom)),
        ("vår", (Spring, Nom)),
        ("sommaren", (Summer, Nom)),
        ("sommar", (Summer, Nom)),
        ("hösten", (Autumn, Nom)),
        ("höst", (Autumn, Nom)),
        ("vintern", (Winter, Nom)),
        ("vinter", (Winter, Nom)),
        ("vårterminen", (SpringTerm, Nom)),
        ("vårtermin", (SpringTerm, Nom)),
        ("vt", (SpringTerm, Nom)),
        ("höstterminen", (AutumnTerm, Nom)),
        ("hösttermin", (AutumnTerm, Nom)),
        ("ht", (AutumnTerm, Nom)),
    ],
    ordinals: &[("första", 1), ("andra", 2), ("tredje", 3), ("fjärde", 4)],
    parts: &[
        ("kvartal", (Part::Quarter, Nom)),
        ("kvartalet", (Part::Quarter, Nom)),
        ("halvår", (Part::Half, Nom)),
        ("halvåret", (Part::Half, Nom)),
    ],
    conjunctions: &["och"],
    articles: &[("den", true)],
    of: &[],
};

pub(super) const EN: Vocabulary = Vocabulary {
    continuous: &[
        "ongoing",
        "continuous",
        "continuously",
        "continuing",
        "ongoing activity",
        "continuous activity",
        "ongoing work",
        "continuous work",
        "permanent activity",
        "until further notice",
        "indefinitely",
    ],
    after_that: &[
        "thereafter",
        "and thereafter",
        "after that",
        "and after that",
        "then",
        "and then",
        "afterwards",
        "and afterwards",
        "from then on",
    ],
    subjects: &[
        "work",
        "the work",
        "project",
        "the project",
        "programme",
        "the programme",
        "program",
        "the program",
        "implementation",
        "the implementation",
        "preparation",
        "preparations",
        "deployment",
    ],
    verbs: &[
        ("starts", Role::Start),
        ("start", Role::Start),
        ("will start", Role::Start),
        ("to start", Role::Start),
        ("begins", Role::Start),
        ("will begin", Role::Start),
        ("commences", Role::Start),
        ("ends", Role::End),
        ("will end", Role::End),
        ("to be completed", Role::End),
        ("will be completed", Role::End),
        ("finishes", Role::End),
        ("to be finished", Role::End),
        ("ready", Role::End),
        ("due", Role::End),
        ("to be implemented", Role::Neutral),
        ("will be implemented", Role::Neutral),
        ("takes place", Role::Neutral),
        ("will take place", Role::Neutral),
        ("to be carried out", Role::Neutral),
        ("will be carried out", Role::Neutral),
        ("in use", Role::Neutral),
    ],
    prefixes: &[
        ("from", Prefix::Role(Role::Start)),
        ("since", Prefix::Role(Role::Start)),
        ("starting", Prefix::Role(Role::Start)),
        ("starting from", Prefix::Role(Role::Start)),
        ("as of", Prefix::Role(Role::Start)),
        ("as from", Prefix::Role(Role::Start)),
        ("by", Prefix::Role(Role::End)),
        ("no later than", Prefix::Role(Role::End)),
        ("not later than", Prefix::Role(Role::End)),
        // Read as "by", inclusive, as Swedish "före".
        ("before", Prefix::Role(Role::End)),
        ("until", Prefix::Connector),
        ("till", Prefix::Connector),
        ("to", Prefix::Connector),
        ("through", Prefix::Connector),
        ("during", Prefix::Role(Role::Neutral)),
        ("in", Prefix::Role(Role::Neutral)),
        ("throughout", Prefix::Role(Role::Neutral)),
        ("in the course of", Prefix::Role(Role::Neutral)),
        ("the beginning of", Prefix::Edge(Edge::Beginning)),
        ("beginning of", Prefix::Edge(Edge::Beginning)),
        ("at the beginning of", Prefix::Edge(Edge::Beginning)),
        ("the start of", Prefix::Edge(Edge::Beginning)),
        ("start of", Prefix::Edge(Edge::Beginning)),
        ("at the start of", Prefix::Edge(Edge::Beginning)),
        ("the end of", Prefix::Edge(Edge::End)),
        ("end of", Prefix::Edge(Edge::End)),
        ("at the end of", Prefix::Edge(Edge::End)),
    ],
    postfixes: &[
        ("onwards", Postfix::Role(Role::Start)),
        ("onward", Postfix::Role(Role::Start)),
        ("and onwards", Postfix::Role(Role::Start)),
        ("at the earliest", Postfix::Role(Role::Start)),
        ("at the latest", Postfix::Role(Role::End)),
    ],
    year_words: &[("year", Nom), ("years", Nom)],
    month_stems: &[],
    month_endings: &[],
    months: &[
        ("january", 1),
        ("jan", 1),
        ("february", 2),
        ("feb", 2),
        ("march", 3),
        ("mar", 3),
        ("april", 4),
        ("apr", 4),
        ("may", 5),
        ("june", 6),
        ("jun", 6),
        ("july", 7),
        ("jul", 7),
        ("august", 8),
        ("aug", 8),
        ("september", 9),
        ("sep", 9),
        ("sept", 9),
        ("october", 10),
        ("oct", 10),
        ("november", 11),
        ("nov", 11),
        ("december", 12),
        ("dec", 12),
    ],
    named: &[
        ("spring", (Spring, Nom)),
        ("summer", (Summer, Nom)),
        ("autumn", (Autumn, Nom)),
        ("fall", (Autumn, Nom)),
        ("winter", (Winter, Nom)),
        ("spring term", (SpringTerm, Nom)),
        ("spring semester", (SpringTerm, Nom)),
        ("autumn term", (AutumnTerm, Nom)),
        ("autumn semester", (AutumnTerm, Nom)),
        ("fall term", (AutumnTerm, Nom)),
        ("fall semester", (AutumnTerm, Nom)),
    ],
    ordinals: &[("first", 1), ("second", 2), ("third", 3), ("fourth", 4)],
    parts: &[("quarter", (Part::Quarter, Nom)), ("half", (Part::Half, Nom))],
    conjunctions: &["and"],
    articles: &[("the", false)],
    of: &["of"],
};

/// Notation shared by all three languages.
pub(super) const NOTATION: Vocabulary = Vocabulary {
    continuous: &[],
    after_that: &[],
    subjects: &[],
    verbs: &[],
    prefixes: &[],
    postfixes: &[],
    year_words: &[],
    month_stems: &[],
    month_endings: &[],
    months: &[],
    named: &[
        ("q1", (Quarter(1), Nom)),
        ("q2", (Quarter(2), Nom)),
        ("q3", (Quarter(3), Nom)),
        ("q4", (Quarter(4), Nom)),
        ("h1", (Half(1), Nom)),
        ("h2", (Half(2), Nom)),
    ],
    ordinals: &[],
    parts: &[],
    conjunctions: &[],
    articles: &[],
    of: &[],
};

pub(super) const VOCABULARIES: [&Vocabulary; 4] = [&FI, &SV, &EN, &NOTATION];
