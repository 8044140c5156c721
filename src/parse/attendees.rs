//! The attendance block: role headings ("Ledamöter", "Beslutande", "Tjänstgörande ersättare",
//! "Övriga ersättare", "Tjänstepersoner") and one grammar for an attendee line, which reads a
//! person, an optional party and then a role, a note or an official's title:
//! `Elina Backlund Arab (S)\tOrdförande`, `Dennis Moström (C)\t(deltar digitalt)`,
//! `Anders Sylan tf. Hälso- och sjukvårdsdirektör`, `Maria Öhman, Sekreterare`,
//! `Marie Göransson (S) ersättare för Agneta Nilsson (S)`. Lines flattened by PDF conversion
//! that hold several people are read person by person.

use crate::parse::lexical::{is_alnum, is_alpha};
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::{char, one_of};
use nom::combinator::{eof, opt, recognize, rest};
use nom::sequence::preceded;
use nom::{IResult, Parser};

use super::lexical::{ws0, ws1};
use super::persons::{name, party};
use crate::model::{Attendee, Role, Warning};
use crate::normalize::Line;

/// Local parties' abbreviations that may follow a name after a comma as the national ones do
/// ([`bare_parties`]): `Pia Lundin, SJVP`.
const LOCAL_BARE_PARTIES: &[&str] = &["SJVP", "SPI", "FI", "PP", "MED"];

/// Party abbreviations that may follow a name after a comma: `Lars Rosander, C`; the national
/// parties' ([`super::persons::NATIONAL_PARTIES`]), then the local ones.
fn bare_parties() -> impl Iterator<Item = &'static str> {
    super::persons::NATIONAL_PARTIES.iter().chain(LOCAL_BARE_PARTIES).copied()
}

/// Whether `p` is one of the [`bare_parties`], as written.
fn is_bare_party(p: &str) -> bool {
    super::persons::NATIONAL_PARTIES.contains(&p) || LOCAL_BARE_PARTIES.contains(&p)
}

/// The role headings in the order they are tried (a heading that starts another comes after
/// it), with the role of the people listed under each.
const ROLE_HEADINGS: &[(&str, Role)] = &[
    ("beslutande ledamöter", Role::Member),
    ("närvarande ledamöter", Role::Member),
    ("ordinarie ledamöter", Role::Member),
    ("ledamöter", Role::Member),
    ("beslutande", Role::Member),
    ("tjänstgörande ersättare", Role::ServingDeputy),
    // A label column may wrap the heading: `Tjänstgörande⇥Sara Lind (S)` / `ersättare⇥…`.
    ("tjänstgörande", Role::ServingDeputy),
    ("närvarande, ej tjänstgörande ersättare", Role::Deputy),
    ("närvarande ej tjänstgörande ersättare", Role::Deputy),
    ("ej tjänstgörande ersättare", Role::Deputy),
    ("ej tjänstgörande", Role::Deputy),
    ("icke tjänstgörande ersättare", Role::Deputy),
    ("ej beslutande ersättare", Role::Deputy),
    ("närvarande ersättare", Role::Deputy),
    ("övriga ersättare", Role::Deputy),
    ("ersättare", Role::Deputy),
    ("närvarande tjänstepersoner", Role::Official),
    ("närvarande tjänstemän", Role::Official),
    ("tjänstepersoner", Role::Official),
    ("tjänstemän", Role::Official),
    ("tjänsteman", Role::Official),
    ("övriga deltagande", Role::Official),
    ("övriga närvarande", Role::Official),
    ("övriga deltagare", Role::Official),
    ("närvarorätt", Role::Other),
    ("insynsplats", Role::Other),
    ("övriga", Role::Other),
];

/// The roles as written after a name, in the order they are tried (a role that starts another,
/// `vice ordf` of `vice ordförande`, comes after it).
const ROLE_WORDS: &[(&str, Role)] = &[
    ("2:e vice ordförande", Role::SecondViceChair),
    ("andre vice ordförande", Role::SecondViceChair),
    ("2:e v ordf", Role::SecondViceChair),
    ("2:e v. ordf", Role::SecondViceChair),
    ("2:e vice ordf", Role::SecondViceChair),
    ("andre vice ordf", Role::SecondViceChair),
    ("1:e vice ordförande", Role::ViceChair),
    ("förste vice ordförande", Role::ViceChair),
    ("1:e vice ordf", Role::ViceChair),
    ("1:e v ordf", Role::ViceChair),
    ("1:e v. ordf", Role::ViceChair),
    ("förste vice ordf", Role::ViceChair),
    ("vice ordförande", Role::ViceChair),
    ("vice ordf", Role::ViceChair),
    ("v ordf", Role::ViceChair),
    ("v. ordf", Role::ViceChair),
    ("ordförande", Role::Chair),
    ("ordf", Role::Chair),
    ("tjänstgörande ersättare", Role::ServingDeputy),
    ("tjg ersättare", Role::ServingDeputy),
    ("tjg. ersättare", Role::ServingDeputy),
    ("tjänstg. ersättare", Role::ServingDeputy),
    ("tjg ers", Role::ServingDeputy),
    ("tjg. ers", Role::ServingDeputy),
    ("ledamot", Role::Member),
    ("ersättare", Role::Deputy),
    ("ers.", Role::Deputy),
    ("sekreterare", Role::Secretary),
    ("sekr", Role::Secretary),
];

/// A role heading and the content after it on the same line.
///
/// Examples: `Ledamöter`, `Tjänstgörande ersättare`, `Övriga ersättare`,
/// `Beslutande\tMariette Sjölund (S), ordförande`, `NÄRVARANDE`.
pub fn role_heading(i: &str) -> IResult<&str, (Option<Role>, &str)> {
    // Every heading starts with one of these letters (`ö` of `övriga` in either case): no
    // other first char lower-cases to one of them, so other lines fail without trying each.
    let first = i.as_bytes().first().map(u8::to_ascii_lowercase);
    if !(first.is_some_and(|b| b"bnoltei".contains(&b)) || i.starts_with(['ö', 'Ö'])) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
    }
    let container =
        alt((tag("NÄRVARANDE"), tag("Närvarande"), tag("Närvarolista"), tag("NÄRVAROLISTA")))
            .map(|_| None);
    let roles =
        |i| super::lexical::tag_no_case_of(ROLE_HEADINGS, i).map(|(r, (_, role))| (r, Some(role)));
    (
        alt((roles, container)),
        alt((
            recognize((ws0, opt(char(':')), ws0, eof)),
            preceded((opt(char(':')), ws1), rest),
            preceded((char(':'), ws0), rest),
        )),
    )
        .map(|(r, content): (Option<Role>, &str)| (r, content.trim()))
        .parse(i)
}

/// Whether `i` may start with a role word ([`ROLE_WORDS`]): every one starts with one of these
/// bytes in either case. A necessary condition of [`role_word`], looked at before it.
fn may_start_role_word(i: &str) -> bool {
    i.as_bytes().first().is_some_and(|b| b"12aeflostv".contains(&b.to_ascii_lowercase()))
}

/// A role as written after a name: `Ordförande`, `vice ordförande`, `2:e vice ordförande`,
/// `ordf.`, `ledamot`, `ersättare`, `tjänstgörande ersättare`, `sekreterare`.
fn role_word(i: &str) -> IResult<&str, Role> {
    super::lexical::tag_no_case_of(ROLE_WORDS, i).map(|(r, (_, role))| (r, role))
}

/// A bare party after a comma or in a table's next column: `, C` in `Lars Rosander, C`,
/// `\tM` in `Peter Danielsson\tM\tOrdförande`. A whole cell of a table's party column may also
/// be a local party's abbreviation in capitals or a party's written name, as converters print
/// such tables: `\tÖP` in `Jan Ås\tÖP\tLedamot`, `\tSjukvårdspartiet` (as written),
/// `\tSocialdemokraterna` (→ `S`).
fn bare_party(i: &str) -> IResult<&str, String> {
    // `Karin Åberg KD`: after a space (a column gap `pdftotext -layout` printed as two
    // spaces), an abbreviation in capitals that ends the line or its cell; also after a dash
    // between spaces (`Per Olsson - SD`, `Per Olsson – SD, ordförande`).
    let after = i.strip_prefix(" - ").or_else(|| i.strip_prefix(" – "));
    if let Some(w) = after.or_else(|| i.strip_prefix(' ')) {
        let len = w.bytes().take_while(u8::is_ascii_uppercase).count();
        let r = &w[len..];
        if len > 0 && (r.is_empty() || r.starts_with([',', '\t'])) && is_bare_party(&w[..len]) {
            return Ok((r, w[..len].to_string()));
        }
    }
    let (r, (sep, _, p)) =
        (one_of(",\t"), ws0, nom::bytes::complete::take_while1(is_alpha)).parse(i)?;
    if is_bare_party(p) && r.chars().next().is_none_or(|c| !is_alnum(c)) {
        return Ok((r, p.to_string()));
    }
    // `Bo Lundgren, m, ordförande Anita Persson, s Karl-Erik …` (older minutes): in lower case
    // before a comma, the end or the next person's capital, where `, v ordf` is a role.
    let next_person = || r.strip_prefix(' ').is_some_and(|w| w.starts_with(char::is_uppercase));
    if p.bytes().all(|c| c.is_ascii_lowercase())
        && let Some(q) = bare_parties().find(|q| q.eq_ignore_ascii_case(p))
        && (r.is_empty() || r.starts_with(',') || next_person())
    {
        return Ok((r, q.to_string()));
    }
    if sep == '\t'
        && let Some(found) = party_cell(i)
    {
        return Ok(found);
    }
    // `Johan Berg, Socialdemokraterna`: a party's written name after a comma, up to the end,
    // a comma or a column gap.
    // A first look: a written party starts with a capital, and the one-word names are
    // long (an abbreviation after a comma was read above).
    if sep == ','
        && p.len() > 4
        && p.starts_with(char::is_uppercase)
        && let Ok((r, party)) = super::persons::written_party(i[1..].trim_start())
        && (r.is_empty() || r.starts_with([',', '\t']))
    {
        return Ok((r, party));
    }
    Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)))
}

/// The party column's cell at the start of `i` (after its tab) read as a party: a local
/// party's abbreviation in capitals (`ÖP`), in mixed case or capitalised as no word is
/// (`SoL`, `Lpo`: [`super::persons::local_abbrev`]), or a party's written name
/// (`Socialdemokraterna` → `S`); the rest after the cell.
fn party_cell(i: &str) -> Option<(&str, String)> {
    let cell_end = i[1..].find('\t').map_or(i.len(), |k| k + 1);
    let cell = i[1..cell_end].trim();
    let capitals = (1..=6).contains(&cell.chars().count())
        && cell.chars().all(|c| is_alpha(c) && c.is_uppercase());
    // `SoL`, `Lpo`: a local party's abbreviation in the shapes a party in parentheses takes.
    let shaped = || cell.chars().all(is_alpha) && super::persons::local_abbrev(cell);
    if (capitals || shaped()) && !super::persons::is_not_party(cell) {
        return Some((&i[cell_end..], cell.to_uppercase()));
    }
    match super::persons::written_party(cell) {
        Ok(("", party)) => Some((&i[cell_end..], party)),
        _ => None,
    }
}

/// Where the next person with a party starts in `s`, unless that person is the one replaced
/// (`ersättare för Agneta Nilsson (S)`), and what [`name`] reads there.
fn next_person_with_party(s: &str) -> Option<(usize, (&str, &str))> {
    let mut prev: Option<char> = None;
    for (at, c) in s.char_indices() {
        if prev.is_none_or(char::is_whitespace) && c.is_uppercase() && at > 0 {
            let lead = s[..at].trim_end().to_lowercase();
            let replaced = lead.ends_with(" för") || lead == "för" || lead.ends_with("ersätter");
            if !replaced
                && let Ok((r, n)) = name(&s[at..])
                && (party(r.trim_start()).is_ok() || bare_party(r).is_ok())
            {
                return Some((at, (r, n)));
            }
        }
        prev = Some(c);
    }
    None
}

/// A run of name words: how many capitalised name words follow one another from the start,
/// counted up to `at_most` (callers only ask whether a run is long enough: the rest of a long
/// line is not read).
fn name_run(s: &str, at_most: usize) -> usize {
    let mut n = 0;
    let mut r = s;
    while n < at_most
        && let Ok((r2, _)) = super::persons::name_word(r)
    {
        n += 1;
        // Spaces only: a tab is a column gap, and the next column's cell (`Anna Maria
        // Lindqvist⇥S⇥Ledamot`) no part of the run.
        let r3 = r2.trim_start_matches(' ');
        if r3.len() < r2.len() && r3.starts_with(|c: char| c.is_uppercase()) {
            r = r3;
        } else {
            break;
        }
    }
    n
}

/// The name that starts a flattened list of people without parties, where one name runs into
/// the next: `Sverre Moum Odet Klaff, ersättare …` is `Sverre Moum` and `Odet Klaff`. A run of
/// four or more name words is read as names of two words, the last of an odd run as three
/// (`Gunder Lindgren Bo Lennart Danielsson`); a run that ends in a party is left to [`name`].
fn leading_name(s: &str) -> IResult<&str, &str> {
    let run = name_run(s, 4);
    if run < 4 {
        return name(s);
    }
    let mut r = s;
    for _ in 0..2 {
        let (r2, _) = super::persons::name_word(r.trim_start())?;
        r = r2;
    }
    let used = s.len() - r.len();
    Ok((r, &s[..used]))
}

/// Where the next person starts in a flattened list without parties: after the role, note or
/// title of the one before (`, ordförande`, `, kommunchef`, `ej 133`), skipping the person a
/// deputy stands in for (`ersättare för Elisabeth Edlund`); and what [`leading_name`] reads
/// there.
fn next_plain_person(s: &str) -> Option<(usize, (&str, &str))> {
    let mut prev: Option<char> = None;
    let mut skip_to = 0;
    for (at, c) in s.char_indices() {
        if at >= skip_to && prev.is_none_or(char::is_whitespace) && c.is_uppercase() {
            // The word before, in lower case: all that the tests below look at (the words
            // before it are not lower-cased again for every capital of a long line).
            let last = s[..at].trim_end().rsplit(' ').next().unwrap_or("").to_lowercase();
            // `Margaretha Dalby, sekrUtses att justera Per-Olof Lindell (s)`: an adjuster.
            if last.ends_with("justera") || last.ends_with("justerare") {
                return None;
            }
            let replaced = last == "för" || last.ends_with("ersätter");
            // `chef för Region Jämtland Härjedalen`: a name after a preposition is a place.
            let place = ["i", "på", "vid", "inom", "hos", "av", "till", "från", "och", "med"]
                .contains(&last.as_str());
            if place {
                skip_to = at + s[at..].find(' ').unwrap_or(s.len() - at);
            } else if let Ok((r, n)) = leading_name(&s[at..]) {
                if !replaced {
                    return Some((at, (r, n)));
                }
                skip_to = s.len() - r.len();
            }
        }
        prev = Some(c);
    }
    None
}

/// Reads the role, note or title after a person.
fn interpret(
    segment: &str,
    section: Option<Role>,
    has_party: bool,
) -> (Role, Option<String>, Option<String>) {
    let seg = segment.trim().trim_start_matches([',', '-', '–']).trim();
    let default = match section {
        // A politician among "Övriga närvarande" is a deputy who does not serve.
        Some(Role::Official) if has_party => Role::Deputy,
        Some(r) => r,
        None if has_party => Role::Member,
        None => Role::Other,
    };
    if seg.is_empty() {
        return (default, None, None);
    }
    if let Ok((r, role)) = role_word(seg) {
        let r = r.trim_start_matches(['.', ',']).trim();
        // `1:e vice ordförande  X`: a presence mark two spaces after the role (a gap that is no
        // column's tab) is no note.
        let r = if is_presence_mark(r) { "" } else { r };
        if matches!(role, Role::Deputy | Role::ServingDeputy) {
            if let Some(who) = r.strip_prefix("för ") {
                return (Role::ServingDeputy, None, Some(format!("ersätter {}", who.trim())));
            }
            if section == Some(Role::Member) {
                return (Role::ServingDeputy, None, (!r.is_empty()).then(|| r.to_string()));
            }
        }
        return (role, None, (!r.is_empty()).then(|| r.to_string()));
    }
    let serving_for = [
        "för ",
        "ersätter ",
        "tjänstgör för ",
        "tjänstgörande för ",
        "tjg för ",
        "i stället för ",
        "istället för ",
    ];
    if let Some(who) = serving_for.iter().find_map(|p| seg.strip_prefix(p)) {
        return (Role::ServingDeputy, None, Some(format!("ersätter {}", who.trim())));
    }
    if let Some(inner) = seg.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        // A role in parentheses is the role (`Lena Ek (sekreterare)`), and an official's title
        // the title (`Petra Ek (ekonomichef)`); a note stays a note (`(deltar digitalt)`,
        // `(§§ 1-5)`).
        let role = role_word(inner.trim()).is_ok_and(|(r, _)| r.trim().is_empty());
        if role || (!has_party && !note_like(inner.trim())) {
            return interpret(inner, section, has_party);
        }
        return (default, None, Some(inner.trim().to_string()));
    }
    let lower = seg.to_lowercase();
    if lower.contains("sekreterare") && !has_party {
        return (Role::Secretary, Some(seg.to_string()), None);
    }
    if has_party || note_like(seg) {
        return (default, None, Some(seg.to_string()));
    }
    // An official's title, possibly with the paragraphs attended: "kommundirektör § 267".
    let (title, note) = match seg.find(" §") {
        Some(p) => (seg[..p].trim(), Some(seg[p..].trim().to_string())),
        None => (seg, None),
    };
    let role =
        if section.is_none() || section == Some(Role::Other) { Role::Official } else { default };
    (role, Some(title.trim_end_matches(['.', ',']).to_string()), note)
}

/// The endings of the one-word job titles that an official's name may follow: `Kommundirektör`,
/// `Ekonomichef`, `Nämndsekreterare`, `Socialsekreterare`, `Verksamhetsstrateg`.
const TITLE_ENDINGS: &[&str] = &[
    "direktör",
    "chef",
    "sekreterare",
    "handläggare",
    "strateg",
    "ansvarig",
    "samordnare",
    "utredare",
    "jurist",
    "controller",
    "rådgivare",
    "assistent",
    "ingenjör",
    "arkitekt",
    "planerare",
];

/// An official's one-word title before the name, as some lists write it, and the rest of
/// the line: the word capitalised, the rest of it in small letters, ending as a title does
/// ([`TITLE_ENDINGS`]), a name after it.
///
/// Pattern: `TITLE NAME …`. Example: `Kommundirektör Mats Lind` → `Kommundirektör`,
/// `Mats Lind`.
fn title_before_name(s: &str) -> Option<(&str, &str)> {
    let (word, rest) = s.split_once(' ')?;
    let mut chars = word.chars();
    let shaped = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
    (shaped && TITLE_ENDINGS.iter().any(|e| word.ends_with(e)) && name(rest).is_ok())
        .then_some((word, rest))
}

/// Whether what follows a person is a note on attendance, not a title: the paragraphs or
/// hours attended, how or whether one took part (`§§ 1-5`, `kl. 13-15`, `deltar digitalt`,
/// `ej § 7`, `via Teams`).
fn note_like(seg: &str) -> bool {
    seg.starts_with('§')
        || seg.starts_with(|c: char| c.is_ascii_digit())
        || ["endast", "deltar", "ej ", "från ", "till ", "kl", "del av", "närvarande", "via "]
            .iter()
            .any(|w| super::lexical::starts_with_lower(seg, w))
}

/// Whether a short line holds two people each with a title after them, as a converter wraps
/// a table's cell of officials onto one line: `NAME [,] TITLE NAME [,] TITLE`, each title
/// lower-case words. Such a line is read as a flattened list.
///
/// Example: `Ann Holm, miljöchef Erik Fors, sekreterare`, `Mats Lind förvaltningschef Eva
/// Sjöberg nämndsekreterare` (plain `pdftotext` of a table's cell).
fn two_titled_people(s: &str) -> bool {
    // `NAME [,]` then lower-case words.
    let titled = |i: &str| -> Option<usize> {
        let (r, _) = name(i).ok()?;
        let mut r = r.strip_prefix(',').unwrap_or(r).trim_start();
        let mut words = 0;
        // Words end at a space or a column gap: `Mats Lind, kommundirektör⇥Eva Sjöberg, …`.
        while r.starts_with(char::is_lowercase) {
            r = r[r.find([' ', '\t']).unwrap_or(r.len())..].trim_start();
            words += 1;
        }
        (words > 0).then_some(i.len() - r.len())
    };
    // A first look: a party in parentheses after a name is no title (most lines hold one),
    // and two names and a title are four words, or a comma parts them.
    let may = !s.contains('(') && (s.contains(',') || s.split(' ').nth(3).is_some());
    may && titled(s).is_some_and(|at| at < s.len() && titled(&s[at..]).is_some())
}

/// A name written surname first, as a list sorted by surname prints it, turned to the order
/// the rest of the minutes write it in: `Andersson, Anna (S), ordförande` → `Anna Andersson
/// (S), ordförande`. A party or a role must follow the given names (`Gustafsson, Gun,
/// sekreterare`), or under a heading of officials (`section`) a title, so that a place
/// (`Stadshuset, Sessionssalen`) is left as it is. `None` for any other line.
///
/// Pattern: `SURNAME, GIVEN [GIVEN] ((PARTY) | , PARTY | ⇥PARTY | , ROLE)`, each a name word.
fn turned_name(s: &str, section: Option<Role>) -> Option<String> {
    // A first look: a comma ends the first word.
    let space = s.find(' ')?;
    let surname = s[..space].strip_suffix(',')?;
    if !super::persons::name_word(surname).is_ok_and(|(r, _)| r.is_empty())
        || role_word(surname).is_ok()
    {
        return None;
    }
    let rest = &s[space + 1..];
    let given_end = rest.find(['(', ',', '\t']).unwrap_or(rest.len());
    let given = rest[..given_end].trim_end();
    let words = given.split(' ').count();
    // One or two given names, each a whole name word and no initial.
    if words > 2
        || !given.split(' ').all(|w| {
            w.chars().nth(1).is_some_and(char::is_lowercase)
                && super::persons::name_word(w).is_ok_and(|(r, _)| r.is_empty())
        })
    {
        return None;
    }
    let after = &rest[given.len()..];
    let party_follows = party(after.trim_start()).is_ok() || bare_party(after).is_ok();
    // Under a heading of officials, any title in small letters: `Fredriksson, Fredrik,
    // teknisk chef`.
    let officials = matches!(section, Some(Role::Official | Role::Other));
    let role_follows = after
        .strip_prefix(',')
        .map(str::trim_start)
        .is_some_and(|r| role_word(r).is_ok() || (officials && r.starts_with(char::is_lowercase)));
    (party_follows || role_follows).then(|| format!("{given} {surname}{after}"))
}

/// Reads the people on one attendance line.
///
/// Pattern: `PERSON [(PARTY) | , PARTY] [SEP ROLE | NOTE | TITLE]`, repeated where a flattened
/// line holds several people. Returns nothing for a line that does not start with a name.
#[must_use]
pub fn attendee_line(text: &str, section: Option<Role>) -> Vec<Attendee> {
    let mut section = section;
    people_on_line(text, &mut section)
}

/// [`attendee_line`] with the section's role as it stands after the line: a heading on a
/// flattened line (`… Ersättare: Lena Strand (S), Olof Björk (M)`) heads the people after it
/// in the parts the line is cut into too.
fn people_on_line(text: &str, section: &mut Option<Role>) -> Vec<Attendee> {
    // `Joachim Danielsson, kommundirektör; Anna Ekström, sekreterare`: a semicolon before a
    // capital parts people (one before a time, `kl. 09.00-09.45; 10.30-12.00`, does not).
    if let Some(at) = text.find(';')
        && text[at + 1..].trim_start().starts_with(char::is_uppercase)
    {
        let mut out = people_on_line(&text[..at], section);
        out.extend(people_on_line(&text[at + 1..], section));
        return out;
    }
    // `Tina Rydgård (stadsdirektör), Lena Tidén (kanslichef)`: after a parenthesis, a comma
    // before a capital that starts no role (`(S), Ordförande`) parts two people.
    if let Some(at) = text.find("), ") {
        let next = &text[at + 3..];
        if next.starts_with(char::is_uppercase) && role_word(next).is_err() {
            let mut out = people_on_line(&text[..=at], section);
            out.extend(people_on_line(next, section));
            return out;
        }
    }
    let mut out = Vec::new();
    let mut s = text.trim().trim_start_matches(['-', '•', '*']).trim_start();
    // A numbered list's number: `1. Anna Andersson (S), ordförande`, `2) Erik Lindqvist (M)`.
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if let Some(r) = s[digits..].strip_prefix(['.', ')'])
            && r.starts_with(' ')
        {
            s = r.trim_start();
        }
    }
    // `Andersson, Anna (S), ordförande`: a list sorted by surname.
    if let Some(turned) = turned_name(s, *section) {
        return people_on_line(&turned, section);
    }
    // `Kommundirektör Mats Lind`: an official's title before the name.
    if let Some((title, rest)) = title_before_name(s) {
        let mut people = people_on_line(rest, section);
        if let [one] = people.as_mut_slice()
            && one.party.is_none()
            && one.title.is_none()
        {
            // Read as a title after the name is: `nämndsekreterare` makes a secretary.
            let (role, title, _) = interpret(&title.to_lowercase(), Some(Role::Official), false);
            (one.role, one.title) = (role, title);
            return people;
        }
    }
    // A flattened list: many words on one line, or names running together without parties.
    let long = s.split_whitespace().count() > 6 || name_run(s, 4) >= 4 || two_titled_people(s);
    // What the finder of the next person read where it starts: the same grammar on the same
    // text as the loop's own first step, so it is not read again.
    let mut known: Option<(&str, &str)> = None;
    while !s.is_empty() {
        let read = match known.take() {
            Some(read) => Ok(read),
            None if long => leading_name(s),
            // `ANNA-KARIN BERG (S)`: a name in capitals before its party.
            None => name(s).or_else(|_| super::persons::capitals_name(s)),
        };
        let Ok((r, n)) = read else { break };
        // `(S)`, `, S` or `, (C)` (`Ida Stafrin, (C)`).
        let (r, p) = match party(r.trim_start())
            .or_else(|_| bare_party(r))
            .or_else(|_| preceded((ws0, char(','), ws0), party).parse(r))
        {
            Ok((r2, p)) => (r2, Some(p)),
            Err(_) => (r, None),
        };
        let has_party = p.is_some();
        // `next_person_with_party` reads with `name`, which the loop uses on a short line only.
        let next = if has_party { next_person_with_party(r) } else { None };
        let next = next.map(|(at, read)| (at, read, !long));
        let next = next.or_else(|| {
            if long { next_plain_person(r).map(|(at, read)| (at, read, true)) } else { None }
        });
        let (segment, rest) = match next {
            Some((at, read, same_grammar)) => {
                // `rest` starts with the person's first letter: trimmed below, it is unchanged.
                known = same_grammar.then_some(read);
                (&r[..at], &r[at..])
            }
            None => (r, ""),
        };
        // `Anna Ek, ordförande (S)`: the party after the role.
        let (segment, p) = match p {
            Some(p) => (segment, Some(p)),
            None => trailing_party(segment).map_or((segment, None), |(s, p)| (s, Some(p))),
        };
        // `Anna Ek, ordförande⇥S⇥X`: a table row's cells after the name's.
        let Some((segment, p)) = row_cells(segment, p, rest.is_empty()) else {
            // A cell says the person was absent.
            s = rest.trim_start();
            continue;
        };
        // `Anna Ek (S) X Bo Ek (M) X`: a presence mark between people on a flattened line.
        let segment = if is_presence_mark(segment.as_ref()) { "" } else { segment.as_ref() };
        let has_party = p.is_some();
        // `Ulrika Frick (MP) Ersättare Mikael Johansson (SD)`: on a flattened list, a role
        // heading in capitals between two people heads the people after it; the one before it
        // keeps the section's role.
        // The heading may end the segment after the person's role or note: `Ahmed Hassan (S)
        // tjg ersättare för Birgitta Moberg (S) Ersättare: Lena Strand (S)`.
        let (segment, heading) =
            if long && !rest.is_empty() { heading_at_end(segment) } else { (segment, None) };
        let (role, title, note) = interpret(&segment.replace('\t', " "), *section, has_party);
        out.push(Attendee {
            name: super::persons::plain_name(n).into_owned(),
            party: p,
            role,
            title,
            note,
        });
        if let Some(role) = heading {
            *section = Some(role);
        }
        s = rest.trim_start();
    }
    out
}

/// The cells of a table's row after a person's name and party (`segment`, its cells parted by
/// tabs, as a converter's pipe table or `pdftotext -layout` gives them): the party's column
/// where it follows the role's, presence marks dropped (a mark is no note), and `None` where a
/// cell says the person was absent where the row is one person's (`alone`: in `Anna Berg
/// (S)⇥Frånvarande⇥Per Holm (C)` the cell heads the next column's list). A segment without a
/// tab comes back as it is.
///
/// Pattern: `TEXT (⇥CELL)*`, a cell a party ([`bare_party`]), a mark ([`is_presence_mark`]),
/// an absence ([`is_absence_cell`]) or kept. Examples: `, ordförande⇥S⇥X` (of `Anna Andersson,
/// ordförande⇥S⇥X`) → `, ordförande` and `S`; `⇥Ledamot⇥Frånvarande` → `None`.
fn row_cells(
    segment: &str,
    mut party: Option<String>,
    alone: bool,
) -> Option<(std::borrow::Cow<'_, str>, Option<String>)> {
    // Most segments hold no tab: one look.
    let Some(first_tab) = segment.find('\t') else {
        return Some((std::borrow::Cow::Borrowed(segment), party));
    };
    let mut kept = segment[..first_tab].to_string();
    let mut at = first_tab;
    while at < segment.len() {
        let end = segment[at + 1..].find('\t').map_or(segment.len(), |k| at + 1 + k);
        let cell = segment[at + 1..end].trim();
        if alone && is_absence_cell(cell) {
            return None;
        }
        // The cell alone, after its tab, read as a party's.
        let as_party = || {
            let (r, p) = bare_party(&segment[at..end]).ok()?;
            r.trim().is_empty().then_some(p)
        };
        if is_presence_mark(cell) {
            // A mark says the person was present: no note.
        } else if let Some(p) = party.is_none().then(as_party).flatten() {
            party = Some(p);
        } else {
            kept.push('\t');
            kept.push_str(cell);
        }
        at = end;
    }
    Some((std::borrow::Cow::Owned(kept), party))
}

/// A cell of a presence table that says the row's person was absent: `Frånvarande`, `Ej
/// närvarande`, `Anmält förhinder`, `Förhinder`.
fn is_absence_cell(cell: &str) -> bool {
    may_start_absence(cell) && ABSENCE_WORDS.iter().any(|w| super::lexical::eq_lower(cell, w))
}

/// The words that say a member was absent, in a presence table's cell or as a heading over the
/// absent: [`is_absence_cell`], [`absence_heading`].
const ABSENCE_WORDS: &[&str] = &["frånvarande", "ej närvarande", "anmält förhinder", "förhinder"];

/// Whether `text` may start with one of the [`ABSENCE_WORDS`] (or `anmält frånvaro`): each
/// starts with `f`, `e` or `a` in either case, which no other first byte lower-cases to, so
/// one byte rules out most lines and cells.
fn may_start_absence(text: &str) -> bool {
    text.as_bytes().first().is_some_and(|b| matches!(b | 0x20, b'f' | b'e' | b'a'))
}

/// A role heading that ends a person's segment on a flattened list, and the segment before
/// it: the heading is a capitalised word at a word start and the rest of the segment
/// ([`role_heading`] with nothing after it but a colon).
///
/// Pattern: `[TEXT ]HEADING[:]`. Examples: `Ersättare` (the whole segment) → `""` and
/// `Deputy`; `tjg ersättare för Birgitta Moberg (S) Ersättare:` → `tjg ersättare för Birgitta
/// Moberg (S)` and `Deputy`.
fn heading_at_end(segment: &str) -> (&str, Option<Role>) {
    let heading = |h: &str| {
        role_heading(h)
            .ok()
            .and_then(|(r, (role, content))| {
                (r.is_empty() && content.trim_start_matches(':').is_empty()).then_some(role)
            })
            .flatten()
    };
    // A heading is at most four words (`Närvarande, ej tjänstgörande ersättare`): only the
    // segment's last four words may start one, tried from the longest.
    let t = segment.trim();
    let mut starts: Vec<usize> = Vec::with_capacity(4);
    let mut end = t.len();
    while starts.len() < 4 {
        let at = t[..end].trim_end().rfind(char::is_whitespace).map_or(0, |k| k + 1);
        starts.push(at);
        if at == 0 {
            break;
        }
        end = at;
    }
    for &at in starts.iter().rev() {
        if t[at..].starts_with(char::is_uppercase)
            && let Some(role) = heading(&t[at..])
        {
            return (&t[..at], Some(role));
        }
    }
    (segment, None)
}

/// A party in parentheses that ends a person's segment after the role: `, ordförande (S)` →
/// `, ordförande` and `S`. Not after a name (`tjg ersättare för Lisa Ny (SD)`: the party of the
/// one replaced): the words before it are in lower case.
fn trailing_party(segment: &str) -> Option<(&str, String)> {
    let open = segment.trim_end().rfind('(')?;
    if segment[..open].chars().any(char::is_uppercase) {
        return None;
    }
    match party(&segment[open..]) {
        Ok((rest, p)) if rest.trim().is_empty() => Some((&segment[..open], p)),
        _ => None,
    }
}

/// Whether `text`, a line of its own, is the party or the role of the person read just
/// before, as a table exported one cell to a line gives them (`Peter Olofsson` / `S` /
/// `Ordförande`); if so, `last` takes it.
fn cell_of_person_above(text: &str, last: &mut Attendee) -> bool {
    let t = text.trim().trim_end_matches('.');
    if last.party.is_none() && is_bare_party(t) {
        last.party = Some(t.to_string());
        return true;
    }
    match role_word(t) {
        Ok((r, role)) if r.trim().is_empty() && last.title.is_none() && last.note.is_none() => {
            last.role = role;
            true
        }
        _ => false,
    }
}

/// Whether `text`, a line of its own that names no one, is the title of the official read
/// just before, as a table exported one cell to a line gives it (`Mats Lind` /
/// `Kommundirektör`); if so, `last` takes it. A title is one or two words, the first
/// capitalised, the rest in small letters, no digit; the person has no party, title or note.
fn title_cell(text: &str, last: &mut Attendee) -> bool {
    let t = text.trim();
    let mut words = t.split(' ');
    let first = words.next().unwrap_or("");
    let title = t.len() <= 40
        && first.starts_with(char::is_uppercase)
        && first.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
        && words.all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
        && t.split(' ').count() <= 2;
    let official = matches!(last.role, Role::Official | Role::Other);
    if !title || !official || last.party.is_some() || last.title.is_some() || last.note.is_some() {
        return false;
    }
    last.title = Some(t.to_string());
    last.role = Role::Official;
    true
}

/// A role, a colon and the person who holds it, as some preambles list the presiding members.
///
/// Pattern: `ROLE : PERSON…` or `ROLE PERSON…` (the last flag says whether a colon was
/// written). Example: `Ordförande: Erik Pelling (S)`, `Vice ordförande: Per Holm (V)`,
/// `Ordförande Anna Berg (S)`. A role alone, with nothing after its colon (a signature line),
/// or without a colon and a name after it, is none. A tab between the role and a name is the
/// column of a head printed as a two-column table (`Ordförande⇥Bengt Nord (S)`, as meeting
/// systems export it) and counts as the colon: the role is the row's label.
fn role_before_name(i: &str) -> Option<(Role, &str, bool)> {
    // A first look for the lines of a preamble, most of which start otherwise.
    if !may_start_role_word(i) {
        return None;
    }
    let (r, role) = role_word(i).ok()?;
    if let Ok((content, _)) = (ws0, char(':'), ws0).parse(r) {
        let content = content.trim();
        return (!content.is_empty()).then_some((role, content, true));
    }
    // Without a colon only a name may follow: `Ordförande Anna Berg (S)`.
    let (content, gap) = ws1(r).ok()?;
    name(content).is_ok().then_some((role, content.trim(), gap.contains('\t')))
}

/// A role alone on its line, as plain pdftotext prints a head's label column a cell to a line:
/// `Ordförande`, `Vice ordförande`, `Ordförande:`.
fn role_alone(text: &str) -> Option<Role> {
    if !may_start_role_word(text) || text.len() > 24 {
        return None;
    }
    let (rest, role) = role_word(text).ok()?;
    rest.trim().trim_start_matches(':').trim().is_empty().then_some(role)
}

/// The person a line under a role alone names, with that role, where the line holds one
/// person and the party (a signature under `Ordförande` has none, and stays no attendee).
///
/// Pattern: `ROLE` / `NAME (PARTY)`. Example: `Vice ordförande` / `Anders af Klercker (M)`.
fn person_under_role(text: &str, role: Role) -> Option<Attendee> {
    let mut people = attendee_line(text, Some(role));
    (people.len() == 1 && people[0].party.is_some()).then(|| people.remove(0))
}

/// The header row of an attendance table printed in columns: `Namn\tParti\tRoll`.
fn table_header(text: &str) -> bool {
    text.contains('\t')
        && text.split('\t').all(|cell| cell.trim().is_empty() || is_header_cell(cell))
}

/// The header row of an attendance table whose first column holds the names, with more
/// columns after it: `Namn⇥Parti⇥Funktion⇥Närvaro`. Such a row is a table's of people even
/// where no role heading stands above it.
fn names_table_header(text: &str) -> bool {
    // A first look: the row starts with `Namn` and has columns.
    text.as_bytes().first().is_some_and(|b| b.eq_ignore_ascii_case(&b'n'))
        && text.contains('\t')
        && super::lexical::eq_lower(first_cell(text), "namn")
        && table_header(text)
}

/// The words a header row of an attendance table uses for its columns.
const HEADER_CELLS: &[&str] = &[
    "namn",
    "parti",
    "roll",
    "funktion",
    "uppdrag",
    "närvaro",
    "närvarande",
    "frånvarande",
    "tjänstgör",
    "kommentar",
    "anteckning",
    "anmärkning",
];

/// The headings of a column that names whom each row's person serves for.
const REPLACED_CELLS: &[&str] = &["ersätter", "ersättare för", "tjänstgör för"];

/// The headings of a column of deputies beside the members in a presence table
/// (`Ledamöter⇥Närvarande⇥Ersättare`).
const DEPUTY_CELLS: &[&str] = &["ersättare", "tjänstgörande ersättare", "tjänstgörande"];

/// Whether a cell is a column's heading ([`HEADER_CELLS`], [`REPLACED_CELLS`],
/// [`DEPUTY_CELLS`]).
fn is_header_cell(cell: &str) -> bool {
    let cell = cell.trim();
    // A first look: no listed cell is longer than `tjänstgörande ersättare`, 26 bytes.
    cell.len() <= 26 && {
        let lower = cell.to_lowercase();
        let lower = lower.as_str();
        // None of these is longer than `tjänstgör för`, 16 bytes.
        (lower.len() <= 16 && (HEADER_CELLS.contains(&lower) || REPLACED_CELLS.contains(&lower)))
            || DEPUTY_CELLS.contains(&lower)
    }
}

/// What the column of deputies in a presence table's header row says of each row's deputy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DeputyColumn {
    /// `Ledamöter⇥Närvarande⇥Ersättare`: the deputy serves for the row's member, who is
    /// absent unless marked present.
    Serving,
    /// `Ledamöter⇥Närvarande⇥Ersättare⇥Närvarande`: the deputies listed beside the members,
    /// each present where marked.
    Listed,
}

/// The column of deputies of a presence table's header row (Netpublicator, W3D3): a
/// presence column (`Närvarande`, `Närvaro`) and a deputies' column after it.
///
/// Example: `Ledamöter⇥Närvarande⇥Ersättare` → [`DeputyColumn::Serving`].
fn deputy_column(header: &str) -> Option<DeputyColumn> {
    let cells: Vec<String> = header.split('\t').map(|c| c.trim().to_lowercase()).collect();
    let presence = |c: &String| c == "närvarande" || c == "närvaro";
    let first_presence = cells.iter().position(presence)?;
    let k = first_presence
        + cells[first_presence..].iter().position(|c| DEPUTY_CELLS.contains(&c.as_str()))?;
    let listed = cells[k] == "ersättare" && cells[k + 1..].iter().any(presence);
    Some(if listed { DeputyColumn::Listed } else { DeputyColumn::Serving })
}

/// A presence mark in a table's cell: `X`, `x`, `✓`.
fn is_presence_mark(cell: &str) -> bool {
    matches!(cell.trim(), "X" | "x" | "✓" | "✔")
}

/// A row of a presence table ([`deputy_column`]): the member, a presence mark, the deputy
/// (and the deputy's mark). Cells are grouped by person: a cell that starts a name starts the
/// next person; the cells before it (a party, a role) are that person's.
///
/// Example: `Birgitta Lönn (SD)⇥Kent Olausson (SD)` under `Ledamöter⇥Närvarande⇥Ersättare`
/// gives Kent Olausson, serving for the absent Birgitta Lönn.
///
/// Under a header with a column of the absent (`presence`'s `absent`), a member marked in it
/// was absent, and so was one whom a deputy serves for where the row's cells do not stand
/// under the header's (`pdftotext -layout` drops empty cells: the mark's column is unknown).
fn presence_row(
    row: &str,
    column: DeputyColumn,
    section: Option<Role>,
    presence: Option<Presence>,
) -> Vec<Attendee> {
    let marked_absent = presence.is_some_and(|p| p.marked_absent(row));
    let absent_column = presence.is_some_and(|p| p.absent.is_some());
    // Each person's cells joined by tabs, and whether a mark followed them.
    let mut people: Vec<(String, bool)> = Vec::new();
    for cell in row.split('\t').map(str::trim).filter(|c| !c.is_empty()) {
        if is_presence_mark(cell) {
            if let Some(last) = people.last_mut() {
                last.1 = true;
            }
        } else if people.is_empty() || name(cell).is_ok() {
            people.push((cell.to_string(), false));
        } else if let Some(last) = people.last_mut() {
            last.0.push('\t');
            last.0.push_str(cell);
        }
    }
    let mut people = people.into_iter();
    let Some((member_cells, member_marked)) = people.next() else { return Vec::new() };
    let members = attendee_line(&member_cells, section);
    let Some((deputy_cells, deputy_marked)) = people.next() else {
        return if marked_absent { Vec::new() } else { members };
    };
    let deputy = attendee_line(&deputy_cells, Some(Role::Deputy)).into_iter().next();
    let mut out = Vec::new();
    match (column, deputy) {
        (DeputyColumn::Serving, Some(mut deputy)) => {
            if member_marked && !marked_absent && !absent_column {
                out.extend(members.iter().cloned());
            }
            if let Some(member) = members.first() {
                let mut note = format!("ersätter {}", member.name);
                if let Some(p) = &member.party {
                    note.push_str(" (");
                    note.push_str(p);
                    note.push(')');
                }
                if let Some(own) = deputy.note.take() {
                    note.push(' ');
                    note.push_str(&own);
                }
                deputy.note = Some(note);
            }
            deputy.role = Role::ServingDeputy;
            out.push(deputy);
        }
        (DeputyColumn::Listed, Some(deputy)) => {
            if !marked_absent {
                out.extend(members);
            }
            if deputy_marked {
                out.push(deputy);
            }
        }
        (_, None) if !marked_absent => out.extend(members),
        (_, None) => {}
    }
    out
}

/// What a presence table's header row and its rows say of presence: how many columns the
/// header has, which is the absent's (`Frånvarande`), and whether the table marks presence
/// at all (some row holds a mark: then a row without one was absent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Presence {
    /// The number of the header's cells.
    columns: usize,
    /// The column of the absent: `Ledamöter⇥Parti⇥Närvarande⇥Frånvarande⇥Ersättare`.
    absent: Option<usize>,
    /// Whether a row of the table holds a presence mark.
    marked: bool,
}

impl Presence {
    /// The presence columns of a header row (`header`) that has a column of presence or
    /// absence, and whether the rows under it (`below`, to the first blank line) mark it.
    ///
    /// Example: `Ersättare⇥Parti⇥Närvarande` over `Lena Strand⇥S⇥X` and `Olof Björk⇥M`.
    fn of(header: &str, below: &[Line]) -> Option<Self> {
        let cells: Vec<String> = header.split('\t').map(|c| c.trim().to_lowercase()).collect();
        let presence = cells.iter().any(|c| c == "närvarande" || c == "närvaro");
        let absent = cells.iter().position(|c| c == "frånvarande");
        if !presence && absent.is_none() {
            return None;
        }
        let marked = below
            .iter()
            .take_while(|l| !l.is_blank())
            .any(|l| l.text.contains('\t') && l.text.split('\t').any(is_presence_mark));
        Some(Self { columns: cells.len(), absent, marked })
    }

    /// Whether a row marks its first person absent in the absent's column: a row whose cells
    /// stand under the header's (a converter keeps empty cells: `Per Olsson⇥SD⇥⇥X`, or every
    /// cell is filled) with a mark in that column.
    fn marked_absent(&self, row: &str) -> bool {
        let Some(k) = self.absent else { return false };
        let aligned = row.contains("\t\t") || row.split('\t').count() == self.columns;
        aligned && row.split('\t').nth(k).is_some_and(is_presence_mark)
    }

    /// Whether a row of a table without a deputies' column names someone absent: marked so
    /// ([`Presence::marked_absent`]), or without a mark where the table marks presence, and
    /// no part of the meeting in its place (`§§ 1-5`, `kl. 13-15`).
    fn absent_row(&self, row: &str) -> bool {
        let part = |c: &str| {
            let c = c.trim();
            // An ordinal's role (`2:e vice ordförande`) is no part of the meeting.
            let ordinal = c.as_bytes().get(1) == Some(&b':')
                && c.as_bytes().get(2).is_some_and(u8::is_ascii_alphabetic);
            (c.starts_with(['§', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) && !ordinal)
                || c.starts_with("kl")
        };
        self.marked_absent(row)
            || (self.marked && !row.split('\t').any(|c| is_presence_mark(c) || part(c)))
    }
}

/// The column of a header row that names whom each row's person serves for (`Ersätter`).
fn replaced_column(header: &str) -> Option<usize> {
    header
        .split('\t')
        .position(|cell| REPLACED_CELLS.contains(&cell.trim().to_lowercase().as_str()))
}

/// The cell of a row that names whom the row's person serves for, under a header with a
/// column of the replaced (`replaced`): the cell in that column, or, where the row has fewer
/// cells (`pdftotext -layout` drops the empty ones: `Emma Berg⇥C⇥Ersättare⇥Ali Rosén (C)`
/// under `Ledamöter⇥Parti⇥Funktion⇥Närvaro⇥Ersätter`), its last cell when that is a
/// person's name after the first cell's.
fn replaced_cell(row: &str, replaced: Option<usize>) -> Option<usize> {
    let k = replaced?;
    let cells: Vec<&str> = row.split('\t').collect();
    match cells.get(k) {
        Some(cell) if !cell.trim().is_empty() => Some(k),
        Some(_) => None,
        None => {
            let last = cells.len().checked_sub(1).filter(|&l| l > 0 && l < k)?;
            let cell = cells[last].trim();
            name(cell)
                .is_ok_and(|(r, _)| r.is_empty() || party(r.trim_start()).is_ok())
                .then_some(last)
        }
    }
}

/// A row of a table with a column of the replaced (`replaced`): that cell ([`replaced_cell`])
/// says so (`Lena Persson⇥S⇥Kent Åslund (S)` → `… ⇥ersätter Kent Åslund (S)`), which the
/// attendee grammar reads as a note of whom the deputy serves for.
fn with_replaced(row: &str, replaced: Option<usize>) -> std::borrow::Cow<'_, str> {
    let Some(k) = replaced_cell(row, replaced) else { return std::borrow::Cow::Borrowed(row) };
    let cells: Vec<&str> = row.split('\t').collect();
    match cells.get(k) {
        Some(cell) if !cell.trim().is_empty() => {
            let mut out = cells[..k].join("\t");
            out.push_str("\tersätter ");
            out.push_str(cell.trim());
            for c in &cells[k + 1..] {
                out.push('\t');
                out.push_str(c);
            }
            std::borrow::Cow::Owned(out)
        }
        _ => std::borrow::Cow::Borrowed(row),
    }
}

/// Whether a line heads the members who were absent, whom the list names but who attended
/// not: `Frånvarande⇥Per Holm (C)`, `Frånvarande ledamöter`, `Anmält förhinder`, `Ej
/// närvarande`, `Förhinder`.
fn absence_heading(text: &str) -> bool {
    may_start_absence(text)
        && ABSENCE_WORDS
            .iter()
            .chain(&["anmält frånvaro"])
            .any(|w| super::lexical::starts_with_lower(text, w))
}

/// Lines that end an attendance block: `Utses att justera`, `Justerare`, `Paragrafer`, …
fn ends_block(text: &str) -> bool {
    // `text.to_lowercase().starts_with(w)`, lower-casing only as far as each word reaches.
    [
        "utses att justera",
        "justerare",
        "justerande",
        "justering",
        "underskrift",
        "paragrafer",
        "anslag",
        "inför",
        "§",
        "information",
        "ärendelista",
        "föredragningslista",
        "innehållsförteckning",
        "dagordning",
    ]
    .iter()
    .any(|w| super::lexical::starts_with_lower(text, w))
        || (text.ends_with(':') && text.split_whitespace().count() > 3)
}

/// Whether what follows a role heading sends the reader to an appendix instead of naming
/// anyone: `Se bifogad närvarolista, bilaga 1`, `enligt bilaga 2`, `se närvarolista`.
fn refers_to_appendix(content: &str) -> bool {
    let lower = content.to_lowercase();
    lower.contains("närvarolista") || lower.split_whitespace().take(3).any(|w| w == "bilaga")
}

/// Reads the attendance block of a preamble. Returns the attendees and warnings for lines in
/// the block that could not be read.
#[must_use]
pub fn attendees(lines: &[Line]) -> (Vec<Attendee>, Vec<Warning>) {
    let lines = unweave(lines);
    let lines = label_block(lines.as_ref()).map_or(lines, std::borrow::Cow::Owned);
    let lines = lines.as_ref();
    let mut out: Vec<Attendee> = Vec::new();
    let mut warnings = Vec::new();
    let mut section: Option<Role> = None;
    let mut in_block = false;
    let mut misses = 0;
    // The column of the table being read that names whom a deputy serves for.
    let mut replaced: Option<usize> = None;
    // The column of deputies of the presence table being read, and its presence columns.
    let mut deputies: Option<DeputyColumn> = None;
    let mut presence: Option<Presence> = None;
    // The first cell of the line above where it is a heading (the first part of a longer one
    // if the label column wrapped it).
    let mut heading_above: Option<&str> = None;
    // The role of the line above where it held nothing else (`Ordförande`) and names the
    // person below; whether the list writes roles so, above their people; and how many people
    // were read before the line above, to tell whether it named one.
    let mut role_above: Option<Role> = None;
    let mut roles_above_people = false;
    let mut read_before_above = 0;
    // Under a heading of the absent, up to the next role heading: no one is read.
    let mut absent = false;
    // Whether the line above was the party's cell of the person above it, as a table exported
    // one cell to a line gives it: the next line is that person's role, even where a role
    // heading is written so (`Ahmed Hassan` / `S` / `Tjänstgörande ersättare`).
    let mut party_cell_above = false;
    // Whether the table gives roles in cells of their own: a role's cell was read, or a
    // header's cell names the column (`Roll`).
    let mut role_cells = false;
    // Whether a blank line stands just above the line being read.
    let mut blank_above = false;
    for (k, line) in lines.iter().enumerate() {
        let above = heading_above.take();
        if line.is_blank() {
            blank_above = true;
            continue;
        }
        let after_blank = std::mem::take(&mut blank_above);
        if std::mem::take(&mut party_cell_above)
            && role_cells
            && let Some(last) = out.last_mut()
            && cell_of_person_above(&line.text, last)
        {
            continue;
        }
        if absence_heading(&line.text) {
            absent = true;
            continue;
        }
        let person_above = out.len() > read_before_above;
        read_before_above = out.len();
        // `Ordförande` / `Birgitta Sjöö-Törner (S)`: a label column printed a cell to a line.
        if let Some(role) = role_above.take()
            && let Some(person) = person_under_role(&line.text, role)
        {
            out.push(person);
            in_block = true;
            misses = 0;
            continue;
        }
        if let Ok((_, (role, content))) = role_heading(&line.text) {
            absent = false;
            in_block = true;
            misses = 0;
            let cell = first_cell(&line.text);
            let role = above.and_then(|above| wrapped_heading(above, cell)).or(role);
            heading_above = Some(cell);
            if role.is_some() {
                section = role;
            }
            // `Ledamöter⇥Parti⇥Roll`: the heading of a table's first column.
            let header = !content.is_empty() && table_header(content);
            replaced = if header { replaced_column(&line.text) } else { None };
            deputies = if header { deputy_column(&line.text) } else { None };
            presence = if header { Presence::of(&line.text, &lines[k + 1..]) } else { None };
            if refers_to_appendix(content) {
                warnings.push(Warning::new(
                    line.no,
                    format!("attendance is left to an appendix: `{}`", line.text.trim()),
                ));
            } else if !content.is_empty() && !header {
                let people = attendee_line(content, section);
                // `Beslutande⇥Ordförande Helena Stenberg (S)`: a role before the name, as the
                // list's next lines write it, where the line reads as no list.
                match role_before_name(content) {
                    Some((role, person, _)) if people.is_empty() => {
                        out.extend(attendee_line(person, Some(role)).into_iter().take(1));
                    }
                    _ => out.extend(people),
                }
            }
            continue;
        }
        // A role alone names the person below where the list starts so or has done so, and
        // that line is a person with a party; else it is the role of the person above
        // (`Gun-Marie Sjölander` / `Sekreterare`, below). In a list that writes roles above
        // people, or after a blank line, one over no such person is a signature's
        // (`Sekreterare` / `Hans Ek`): the list has ended.
        if let Some(role) = role_alone(&line.text)
            && (roles_above_people || !person_above || after_blank)
        {
            let below = lines[k + 1..].iter().find(|l| !l.is_blank());
            if below.is_some_and(|l| person_under_role(&l.text, role).is_some()) {
                role_above = Some(role);
                roles_above_people = true;
                continue;
            }
            if roles_above_people || after_blank {
                in_block = false;
                continue;
            }
        }
        // `Ordförande: Erik Pelling (S)` anywhere in the preamble; `Ordförande Anna Berg (S)`
        // only inside a list (a signature block writes the same without a colon). Neither
        // opens a list: what follows a signature line is seldom one.
        if absent {
            absent = !ends_block(&line.text);
            in_block &= absent;
            continue;
        }
        if let Some((role, content, colon)) = role_before_name(&line.text)
            && (colon || in_block)
        {
            misses = 0;
            // The person the role names: a flattened line may go on with others.
            out.extend(attendee_line(content, Some(role)).into_iter().take(1));
            continue;
        }
        // `Namn⇥Parti⇥Funktion⇥Närvaro`: a table's header row with a column of names opens the
        // list where no heading stands over it, as a converter prints the table alone.
        if (in_block || names_table_header(&line.text))
            && (table_header(&line.text) || is_header_cell(&line.text))
        {
            in_block = true;
            misses = 0;
            role_cells |= line.text.split('\t').any(|c| {
                ["roll", "funktion", "uppdrag"]
                    .iter()
                    .any(|h| super::lexical::eq_lower(c.trim(), h))
            });
            replaced = replaced_column(&line.text);
            deputies = deputy_column(&line.text);
            presence = Presence::of(&line.text, &lines[k + 1..]);
            continue;
        }
        if !in_block {
            continue;
        }
        if ends_block(&line.text) {
            in_block = false;
            continue;
        }
        // A table exported one cell to a line: the party and the role of the person above.
        if let Some(last) = out.last_mut() {
            let had_party = last.party.is_some();
            if cell_of_person_above(&line.text, last) {
                party_cell_above = !had_party && last.party.is_some();
                role_cells |= had_party == last.party.is_some();
                misses = 0;
                continue;
            }
        }
        let found = match deputies {
            Some(column) => presence_row(&line.text, column, section, presence),
            // A row of a presence table that names someone absent is read as no miss.
            // One who serves for another is present, marked or not.
            None if presence.is_some_and(|p| p.absent_row(&line.text))
                && replaced_cell(&line.text, replaced).is_none() =>
            {
                misses = 0;
                continue;
            }
            None => attendee_line(&with_replaced(&line.text, replaced), section),
        };
        // `Mats Lind` / `Kommundirektör`: an official's title in a cell of its own.
        if found.is_empty()
            && let Some(last) = out.last_mut()
            && title_cell(&line.text, last)
        {
            misses = 0;
            continue;
        }
        if found.is_empty() {
            misses += 1;
            if misses >= 2 {
                in_block = false;
            } else if !out.is_empty() && line.text.split_whitespace().count() <= 8 {
                warnings.push(Warning::new(
                    line.no,
                    format!("attendance line not understood: `{}`", line.text),
                ));
            }
            continue;
        }
        misses = 0;
        out.extend(found);
    }
    // One person listed twice (a signature table repeats the chair, with or without the
    // party) counts once: the first listing stays. An attendance list is a few dozen people,
    // compared without hashing.
    let mut kept: Vec<Attendee> = Vec::with_capacity(out.len());
    for a in out {
        if !kept.iter().any(|k| k.name == a.name && (k.party == a.party || a.party.is_none())) {
            kept.push(a);
        }
    }
    (kept, warnings)
}

/// A line's first column: the text before its first tab, without a colon.
fn first_cell(text: &str) -> &str {
    text.split('\t').next().unwrap_or("").trim().trim_end_matches(':')
}

/// The role of a heading that a label column wrapped over two lines, where `above` (the first
/// cell of the heading line above) and `cell` (this line's) are the two parts of one heading.
///
/// Pattern: `HEAD⇥PERSON` / `ING⇥PERSON`, `HEAD ING` a heading. Example: `Tjänstgörande⇥Sara
/// Lind (S) ersätter Kim Ahl (S)` / `ersättare⇥Pelle Falk (SD) för Ove Ling (SD)`: Pelle Falk
/// serves too; `ersättare` alone would have made him a deputy.
fn wrapped_heading(above: &str, cell: &str) -> Option<Role> {
    // The second part is in lower case, as a wrapped heading goes on.
    if !cell.starts_with(char::is_lowercase) {
        return None;
    }
    let joined = format!("{above} {cell}");
    role_heading(&joined).ok().and_then(|(_, (role, rest))| role.filter(|_| rest.is_empty()))
}

/// The headings of an attendance table printed in columns, one per column, and nothing else:
/// `Ledamöter\tErsättare`, `Beslutande\tTjänstgörande ersättare`.
fn column_headings(text: &str) -> Option<usize> {
    let cells: Vec<&str> = text.split('\t').collect();
    let headings = cells.len() >= 2 && cells.iter().all(|c| is_role_alone(c));
    headings.then_some(cells.len())
}

/// Whether a cell holds a role's heading and nothing else, one that gives a role (`Ledamöter`,
/// `Beslutande`; not `Närvarande`): the heading of a column or of a label.
fn is_role_alone(cell: &str) -> bool {
    role_heading(cell.trim()).is_ok_and(|(_, (r, rest))| r.is_some() && rest.is_empty())
}

/// Whether a cell holds a heading that labels the lists of several roles: `Beslutande`
/// (members and serving deputies), `Övriga deltagare` (deputies and officials), `Närvarande`.
fn is_label_heading(cell: &str) -> bool {
    let cell = cell.trim().trim_end_matches(':');
    ["beslutande", "närvarande", "övriga deltagare", "övriga deltagande", "övriga närvarande"]
        .iter()
        .any(|h| super::lexical::eq_lower(cell, h))
}

/// Whether a cell holds a role heading and nothing else: `Ersättare`, `Övriga deltagare`.
fn is_heading_alone(cell: &str) -> bool {
    role_heading(cell.trim()).is_ok_and(|(_, (_, rest))| rest.is_empty())
}

/// A header table printed a column at a time, as plain `pdftotext` gives a two-column table:
/// its labels as one block (`Plats och tid` / `Beslutande` / `Övriga deltagande` / `Utses att
/// justera` / …), then their values as the next. The people of the values block are put back
/// under the role labels: those with a party under the first (`Beslutande`), those written
/// with a title after a comma and no party under the next (`Maria Lund, sekreterare`), up to
/// the first value that is neither (the adjuster's bare name, the adjusting's place and date).
/// The lines as they should be read, or `None` where there is no such block.
///
/// Example: `Plats och tid` / `Beslutande` / `Övriga deltagande` / `` / `Stadshuset, kl.
/// 13.00` / `Anna Svensson (S), ordförande` / `Maria Lund, sekreterare` → `Beslutande` /
/// `Anna Svensson (S), ordförande` / `Övriga deltagande` / `Maria Lund, sekreterare`.
fn label_block(lines: &[Line]) -> Option<Vec<Line>> {
    // The block: three labels or more in a row, a role's among them. Found from the role
    // headings alone on their lines (their grammar rules most lines out on the first byte),
    // the labels around each counted only there.
    let label = |l: &Line| !l.is_blank() && super::header::bare_label(l.text.trim());
    // A first look of bytes: a label is short, without digits, parentheses or commas (which
    // people's lines have), and so is a line beside it.
    let plain = |l: &Line| {
        let t = l.text.as_bytes();
        !t.is_empty()
            && t.len() <= 40
            && !t.iter().any(|&b| b.is_ascii_digit() || b == b'(' || b == b',')
    };
    let beside = |k: usize| k > 0 && plain(&lines[k - 1]) || lines.get(k + 1).is_some_and(plain);
    let candidates = (0..lines.len()).filter(|&k| plain(&lines[k]) && beside(k));
    let (start, end) = candidates.filter(|&k| is_role_alone(&lines[k].text)).find_map(|k| {
        let start = k - lines[..k].iter().rev().take_while(|l| label(l)).count();
        let end = k + 1 + lines[k + 1..].iter().take_while(|l| label(l)).count();
        (end - start >= 3).then_some((start, end))
    })?;
    let roles: Vec<&Line> = lines[start..end].iter().filter(|l| is_role_alone(&l.text)).collect();
    let values_from = end + lines[end..].iter().take_while(|l| l.is_blank()).count();
    // The first label's value comes first where that label is no role's (`Plats och tid`).
    let skip = usize::from(!is_role_alone(&lines[start].text));
    let mut out: Vec<Line> = lines[..start].to_vec();
    let mut role = 0;
    let mut used = values_from + skip;
    let mut heading_put = false;
    for line in lines.iter().skip(values_from + skip) {
        let t = line.text.trim();
        let Ok((rest, person)) = super::persons::person(t) else { break };
        let rest = rest.trim_start();
        let member = person.party.is_some();
        let official = !member
            && rest
                .strip_prefix(',')
                .is_some_and(|r| r.trim_start().starts_with(char::is_lowercase));
        if !(member || official) {
            break;
        }
        // A person without a party after those with one: the next role's list.
        if official && heading_put && role == 0 && roles.len() > 1 {
            role = 1;
            heading_put = false;
        }
        if !heading_put {
            out.push(roles[role.min(roles.len() - 1)].clone());
            heading_put = true;
        }
        out.push(line.clone());
        used += 1;
    }
    if !heading_put {
        return None;
    }
    // The rest of the values block is the other labels' (the adjuster, the adjusting's place
    // and date): no attendance.
    let rest = used + lines[used..].iter().take_while(|l| !l.is_blank()).count();
    out.push(Line { no: lines[used.min(lines.len() - 1)].no, text: String::new() });
    out.extend_from_slice(&lines[rest..]);
    Some(out)
}

/// Reads an attendance table printed in columns column by column, as the lists it is: under
/// a line of column headings (`Ledamöter\tErsättare`), each row's k-th cell belongs to the k-th
/// heading, until a blank line; a row without the full set of cells belongs to the first
/// column (`Erica Stenberg (SD) endast förmiddagen`, once the second list has ended). PDF and
/// DOCX tables give this layout; other text comes back as it is.
fn unweave(lines: &[Line]) -> std::borrow::Cow<'_, [Line]> {
    if !lines.iter().any(|l| l.text.contains('\t') && column_headings(&l.text).is_some()) {
        return std::borrow::Cow::Borrowed(lines);
    }
    let mut out = Vec::with_capacity(lines.len());
    let mut k = 0;
    while k < lines.len() {
        let Some(n) = column_headings(&lines[k].text) else {
            out.push(lines[k].clone());
            k += 1;
            continue;
        };
        // `Övriga deltagare⇥Ersättare⇥Tjänstepersoner`: a label over lists of its own, as
        // `pdftotext -layout` prints a header table's label column beside its lists; the
        // rows under it (their empty first cell trimmed away) fill the lists alone.
        let labelled = n >= 3
            && lines[k].text.split('\t').next().is_some_and(is_label_heading)
            && lines[k + 1..]
                .iter()
                .take_while(|l| !l.is_blank())
                .all(|l| l.text.split('\t').count() < n);
        let n = n - usize::from(labelled);
        let mut columns: Vec<Vec<Line>> = lines[k]
            .text
            .split('\t')
            .skip(usize::from(labelled))
            .map(|h| vec![Line { no: lines[k].no, text: h.trim().to_string() }])
            .collect();
        k += 1;
        while k < lines.len() && !lines[k].is_blank() {
            let cells: Vec<&str> = lines[k].text.split('\t').collect();
            // A heading alone in the first cell (`Ersättare⇥Anna-Carin von Schéele (L)`): the
            // headings stand in a column of labels (`Beslutande⇥Ledamöter` was a label and its
            // first list's heading), and the table, if it was one, has ended.
            if cells.len() == n && is_heading_alone(cells[0]) {
                break;
            }
            if cells.len() == n {
                for (col, cell) in columns.iter_mut().zip(cells) {
                    if !cell.trim().is_empty() {
                        col.push(Line { no: lines[k].no, text: cell.trim().to_string() });
                    }
                }
            } else {
                columns[0].push(lines[k].clone());
            }
            k += 1;
        }
        for col in columns {
            out.extend(col);
            out.push(Line { no: out.last().map_or(1, |l: &Line| l.no), text: String::new() });
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts the names and roles the attendance block `text` gives.
    #[track_caller]
    /// Each attendee's name, party and role, to compare with a table's rows.
    fn triples(got: &[Attendee]) -> Vec<(&str, Option<&str>, Role)> {
        got.iter().map(|a| (a.name.as_str(), a.party.as_deref(), a.role)).collect()
    }

    fn check_roles(text: &str, expected: &[(&str, Role)]) {
        let lines = crate::normalize::test_lines(text);
        let (got, _) = attendees(&lines);
        let got: Vec<_> = got.iter().map(|a| (a.name.as_str(), a.role)).collect();
        assert_eq!(got, expected);
    }

    /// A header table printed a column at a time: the labels as one block, their values as
    /// the next; the people are read under the role labels, the adjuster and the adjusting's
    /// place and date are no attendance.
    #[test]
    fn labels_as_one_block_and_their_values_as_the_next() {
        check_roles(
            "Plats och tid\nBeslutande\nÖvriga deltagande\nUtses att justera\nJusteringens plats och tid\n\nStadshuset, sammanträdesrum Oden, tisdagen den 12 mars 2024 kl. 13.00–15.30\nAnna Svensson (S), ordförande\nErik Berg (M)\nOlle Nyström (SD), tjänstgörande ersättare\nMaria Lund, sekreterare\nErik Berg\nStadshuset 2024-03-15",
            &[
                ("Anna Svensson", Role::Chair),
                ("Erik Berg", Role::Member),
                ("Olle Nyström", Role::ServingDeputy),
                ("Maria Lund", Role::Secretary),
            ],
        );
        let lines = crate::normalize::test_lines(
            "Plats och tid\nBeslutande\nUtses att justera\n\nStadshuset kl. 13.00\nAnna Svensson (S), ordförande\nErik Berg\nStadshuset 2024-03-15",
        );
        assert!(attendees(&lines).1.is_empty());
        // A role heading over its people is read as it was.
        check_roles(
            "Beslutande\nAnna Svensson (S), ordförande\nErik Berg (M)",
            &[("Anna Svensson", Role::Chair), ("Erik Berg", Role::Member)],
        );
    }

    /// A table exported one cell to a line: name, party, role; a role heading's words in the
    /// role's cell are the person's role, a title's cell an official's title.
    #[test]
    fn a_table_one_cell_to_a_line_with_roles_and_titles() {
        check_roles(
            "Närvarande\nNamn\nParti\nRoll\nAnna Berg\nS\nOrdförande\nAhmed Hassan\nS\nTjänstgörande ersättare\nLena Strand\nS\nErsättare\n\nÖvriga närvarande\nMats Lind\nKommundirektör",
            &[
                ("Anna Berg", Role::Chair),
                ("Ahmed Hassan", Role::ServingDeputy),
                ("Lena Strand", Role::Deputy),
                ("Mats Lind", Role::Official),
            ],
        );
        // Without roles in cells, a heading after a party's cell heads the next people.
        check_roles(
            "Ledamöter\nAnna Berg\nS\nErsättare\nLena Strand\nS",
            &[("Anna Berg", Role::Member), ("Lena Strand", Role::Deputy)],
        );
        // A numbered list.
        check_roles(
            "Beslutande ledamöter\n1. Anna Berg (S), ordförande\n2. Per Holm (C)",
            &[("Anna Berg", Role::Chair), ("Per Holm", Role::Member)],
        );
    }

    /// The members listed as absent attended not: a table's rows, or a flattened page's
    /// pseudo-line.
    #[test]
    fn the_absent_are_no_attendees() {
        check_roles(
            "Beslutande\tAnna Berg (S), ordförande\n\tLars Ek (M)\n\nFrånvarande\tPer Holm (C)\n\tSara Ny (KD)\n\nÖvriga deltagande\tKim Ås, sekreterare\n\nUtses att justera\tLars Ek",
            &[("Anna Berg", Role::Chair), ("Lars Ek", Role::Member), ("Kim Ås", Role::Secretary)],
        );
        check_roles(
            "Beslutande Per Ström (S), ordförande Kent Bäck (SD)\nFrånvarande Mats Falk (KD)\nEj tjänstgörande ersättare Malin Dahl (S)\nUtses att justera Per Ström\nOrdförande: Per Ström (S)",
            &[
                ("Per Ström", Role::Chair),
                ("Kent Bäck", Role::Member),
                ("Malin Dahl", Role::Deputy),
            ],
        );
        check_roles(
            "Beslutande\nAnna Berg (S), ordförande\nEj närvarande\nPer Holm (C)\n\nErsättare\nSara Ny (KD)",
            &[("Anna Berg", Role::Chair), ("Sara Ny", Role::Deputy)],
        );
    }

    /// Attendance kept in an appendix is said so, with its line, and reads no one.
    #[test]
    fn attendance_in_an_appendix_is_a_warning() {
        let lines = crate::normalize::test_lines(
            "Beslutande: Se bifogad närvarolista, bilaga 1\nÖvriga närvarande\tEva Lund, sekreterare",
        );
        let (got, warnings) = attendees(&lines);
        assert_eq!(got.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Eva Lund"]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].line, 1);
        assert!(warnings[0].message.contains("appendix"));
        assert!(!refers_to_appendix("Anna Bilagasson (S), ordförande"));
    }

    /// A local party's abbreviation in mixed case is the party, not a title; a title or a note
    /// in parentheses stays what it is.
    #[test]
    fn local_parties_in_mixed_case_are_parties() {
        let one = |line: &str| attendee_line(line, Some(Role::Member)).remove(0);
        let a = one("Eva Holm (SoL)");
        assert_eq!((a.name.as_str(), a.party.as_deref(), a.title), ("Eva Holm", Some("SOL"), None));
        let a = one("Lars Ek (Lpo), vice ordförande");
        assert_eq!((a.party.as_deref(), a.role), (Some("LPO"), Role::ViceChair));
        let a = one("Mona Ek (ÖrP)\tX");
        assert_eq!(a.party.as_deref(), Some("ÖRP"));
        let a = attendee_line("Petra Ek (ekonomichef)", None).remove(0);
        assert_eq!((a.party, a.title.as_deref()), (None, Some("ekonomichef")));
        let a = one("Kim Falk (S) (deltar digitalt)");
        assert_eq!(a.note.as_deref(), Some("deltar digitalt"));
        let a = one("Kim Falk (§§ 1-5)");
        assert_eq!((a.party, a.note.as_deref()), (None, Some("§§ 1-5")));
    }

    /// `Jan-Olof (Janne) Berg (S), ordförande` was dropped whole; a nickname is no part of the
    /// attendee's name.
    #[test]
    fn a_nickname_between_given_name_and_surname() {
        check_roles(
            "Beslutande\nJan-Olof (Janne) Berg (S), ordförande\nAnna (Annie) Ek (M)\nEva Lund (V)",
            &[
                ("Jan-Olof Berg", Role::Chair),
                ("Anna Ek", Role::Member),
                ("Eva Lund", Role::Member),
            ],
        );
        let a = attendee_line("Johan (Jocke) Falk (V)\tX", Some(Role::Member)).remove(0);
        assert_eq!((a.name.as_str(), a.party.as_deref(), a.note), ("Johan Falk", Some("V"), None));
    }

    /// `Tjänstgörande ersättare`, 26 bytes, was too long for a header's cell (as `Ersättare
    /// för` and `Tjänstgör för`, 15 and 16), so a presence table with that column read its
    /// rows as lists: the absent member stayed a member, the deputy serving for her came out a
    /// member too (`pdftotext -layout` drops the empty cells).
    #[test]
    fn a_column_of_serving_deputies_beside_the_absent() {
        let text = "Beslutande\tNärvarande\tFrånvarande\tTjänstgörande ersättare\nAnna-Lena Persson (S), ordf\tX\nKerstin Åkesson (C)\tX\tLars Nilsson (C)\nTommy Lindqvist (SD)\tX";
        let (got, _) = attendees(&crate::normalize::test_lines(text));
        let got: Vec<_> =
            got.iter().map(|a| (a.name.as_str(), a.role, a.note.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("Anna-Lena Persson", Role::Chair, None),
                ("Lars Nilsson", Role::ServingDeputy, Some("ersätter Kerstin Åkesson (C)")),
                ("Tommy Lindqvist", Role::Member, None),
            ]
        );
        for cell in HEADER_CELLS.iter().chain(REPLACED_CELLS).chain(DEPUTY_CELLS) {
            assert!(is_header_cell(cell) && is_header_cell(&cell.to_uppercase()), "{cell}");
        }
    }

    /// A deputy who serves for a member, in a presence table with a column of the replaced:
    /// present without a mark, where `pdftotext -layout` dropped the empty presence cell and
    /// the replaced one stands last.
    #[test]
    fn a_deputy_serving_without_a_mark() {
        let text = "Ledamöter\tParti\tFunktion\tNärvaro\tErsätter\nSven Åberg\tS\tOrdförande\tX\nEmma Berg\tC\tErsättare\tAli Rosén (C)\nPia Holm\tS\tLedamot";
        let (got, _) = attendees(&crate::normalize::test_lines(text));
        let got: Vec<_> =
            got.iter().map(|a| (a.name.as_str(), a.role, a.note.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("Sven Åberg", Role::Chair, None),
                ("Emma Berg", Role::ServingDeputy, Some("ersätter Ali Rosén (C)")),
            ]
        );
        assert_eq!(replaced_cell("Emma Berg\tC\tErsättare\tAli Rosén (C)", Some(4)), Some(3));
        assert_eq!(replaced_cell("Pia Holm\tS\tLedamot", Some(4)), None);
        assert_eq!(replaced_cell("Anna Ek\tS\tOrdförande", Some(4)), None);
        assert_eq!(replaced_cell("Anna Ek\tS\t\t\tBo Ek", Some(4)), Some(4));
    }

    /// A presence mark two spaces after a role (`pdftotext -layout` printed no column gap) was
    /// read as a note `X`.
    #[test]
    fn a_mark_after_a_role_is_no_note() {
        let a = attendee_line("Kerstin Lundqvist M\t1:e vice ordförande X", Some(Role::Member));
        let a = &a[0];
        assert_eq!(
            (a.party.as_deref(), a.role, a.note.as_deref()),
            (Some("M"), Role::ViceChair, None)
        );
        let a = attendee_line("Anna Ek (S), ordförande x", None);
        assert_eq!((a[0].role, a[0].note.as_deref()), (Role::Chair, None));
    }

    #[test]
    fn columns_read_as_lists() {
        check_roles(
            "Ledamöter\tErsättare\nElina Backlund Arab (S) Ordförande\tGudrun Sjödin (S)\nErica Stenberg (SD) endast förmiddagen den 7/12\n\nTjänstepersoner\nMaria Öhman, Sekreterare",
            &[
                ("Elina Backlund Arab", Role::Chair),
                ("Erica Stenberg", Role::Member),
                ("Gudrun Sjödin", Role::Deputy),
                ("Maria Öhman", Role::Secretary),
            ],
        );
    }

    /// `pdftotext -layout` of a header table: a label (`Beslutande`, `Övriga deltagare`) in
    /// its column beside the headings of two lists, the rows under them without the label
    /// column's empty cell.
    #[test]
    fn a_label_beside_the_headings_of_its_lists() {
        check_roles(
            "Beslutande\tLedamöter\tTjänstgörande ersättare\nGunilla Ek (S), ordf\tTomas Lind (S) för Ulla Berg (S)\nHans-Erik Sjöberg (C)\n\nÖvriga deltagare\tErsättare\tTjänstepersoner\nOlle Nygren (M)\tSara Holm, förvaltningschef\nLena Persson (SD)\tErik Berglund, controller\n\nJusterare\tJonas Åkesson",
            &[
                ("Gunilla Ek", Role::Chair),
                ("Hans-Erik Sjöberg", Role::Member),
                ("Tomas Lind", Role::ServingDeputy),
                ("Olle Nygren", Role::Deputy),
                ("Lena Persson", Role::Deputy),
                ("Sara Holm", Role::Official),
                ("Erik Berglund", Role::Official),
            ],
        );
    }

    #[test]
    fn a_column_of_labels_is_no_table() {
        // A label and its first list's heading on one line look like a table's headings;
        // the next label in the first column shows they are none (Region Gotland).
        check_roles(
            "Beslutande\tLedamöter\nBrittis Benzler (V), ordförande\nEva Nypelius (C)\nTjänstgörande ersättare\nJonas Sjöström (S)\nErsättare\tAnna-Carin von Schéele (L)\nElin Kihlberg (S)\nÖvriga deltagare\tUlrika Jillbratt, socialdirektör",
            &[
                ("Brittis Benzler", Role::Chair),
                ("Eva Nypelius", Role::Member),
                ("Jonas Sjöström", Role::ServingDeputy),
                ("Anna-Carin von Schéele", Role::Deputy),
                ("Elin Kihlberg", Role::Deputy),
                ("Ulrika Jillbratt", Role::Official),
            ],
        );
    }

    #[test]
    fn a_role_alone_over_its_person() {
        // Plain pdftotext of a head's label column; a signature under a role has no party.
        check_roles(
            "Ordförande\nBirgitta Sjöö-Törner (S)\nVice ordförande\nAnders af Klercker (M)\nLedamöter\nLeila Hosseini (S)\n\nSekreterare\nHans Ek",
            &[
                ("Birgitta Sjöö-Törner", Role::Chair),
                ("Anders af Klercker", Role::ViceChair),
                ("Leila Hosseini", Role::Member),
            ],
        );
        // A role below a person is that person's.
        check_roles(
            "Ledamöter\nEwa Back (S)\nOrdförande\nStig Grip (M)\nLedamot",
            &[("Ewa Back", Role::Chair), ("Stig Grip", Role::Member)],
        );
        // After a blank line, a role is no cell of the person above: a signature's, in a
        // list that writes roles before the names.
        check_roles(
            "Närvarande ledamöter\nOrdförande Lena Ås (M)\nGustav Ek (V)\n\nSekreterare\nHelena Dahl",
            &[("Lena Ås", Role::Chair), ("Gustav Ek", Role::Member)],
        );
    }

    #[test]
    fn a_heading_wrapped_in_its_column() {
        // `pdftotext -layout` of a table whose label column wraps `Tjänstgörande ersättare`.
        check_roles(
            "Ledamöter\tJan-Åke Olsson (Kd)\nTjänstgörande\tSara Lind (S) ersätter Kim Ahl (S)\nersättare\tPelle Falk (SD) för Ove Ling (SD)\n\nEj tjänstgörande\tGunnel Strand (V)\nersättare\tEva Nyberg (C)",
            &[
                ("Jan-Åke Olsson", Role::Member),
                ("Sara Lind", Role::ServingDeputy),
                ("Pelle Falk", Role::ServingDeputy),
                ("Gunnel Strand", Role::Deputy),
                ("Eva Nyberg", Role::Deputy),
            ],
        );
    }

    #[test]
    fn a_role_before_the_name_beside_the_heading() {
        // Piteå: the role before each name, the first beside the list's heading.
        check_roles(
            "Beslutande\tOrdförande Helena Stenberg (S)\nVice ordförande Sven Ek (M)\nLedamot Maria Ström (S)",
            &[
                ("Helena Stenberg", Role::Chair),
                ("Sven Ek", Role::ViceChair),
                ("Maria Ström", Role::Member),
            ],
        );
    }

    type Expected<'a> = (&'a str, Option<&'a str>, Role, Option<&'a str>, Option<&'a str>);

    #[track_caller]
    fn check(line: &str, section: Option<Role>, expected: &[Expected<'_>]) {
        let got: Vec<_> = attendee_line(line, section)
            .into_iter()
            .map(|a| (a.name, a.party, a.role, a.title, a.note))
            .collect();
        let want: Vec<_> = expected
            .iter()
            .map(|(n, p, r, t, no)| {
                (n.to_string(), p.map(Into::into), *r, t.map(Into::into), no.map(Into::into))
            })
            .collect();
        assert_eq!(got, want, "{line}");
    }

    #[test]
    fn lines_of_region_vasternorrland() {
        let m = Some(Role::Member);
        check(
            "Elina Backlund Arab (S)\tOrdförande",
            m,
            &[("Elina Backlund Arab", Some("S"), Role::Chair, None, None)],
        );
        check(
            "Viktoria Jansson (M)\tVice ordförande",
            m,
            &[("Viktoria Jansson", Some("M"), Role::ViceChair, None, None)],
        );
        check(
            "Erica Stenberg (SD)\tendast förmiddagen den 7/12",
            m,
            &[(
                "Erica Stenberg",
                Some("SD"),
                Role::Member,
                None,
                Some("endast förmiddagen den 7/12"),
            )],
        );
        check(
            "Dennis Moström (C)\t(deltar digitalt)",
            m,
            &[("Dennis Moström", Some("C"), Role::Member, None, Some("deltar digitalt"))],
        );
        let o = Some(Role::Official);
        check(
            "Anders Sylan tf. Hälso- och sjukvårdsdirektör",
            o,
            &[(
                "Anders Sylan",
                None,
                Role::Official,
                Some("tf. Hälso- och sjukvårdsdirektör"),
                None,
            )],
        );
        check("Maria Öhman, Sekreterare", o, &[("Maria Öhman", None, Role::Secretary, None, None)]);
        // Abbreviated roles, as tables print them.
        check(
            "Per Holm (V) 1:e v ordf",
            m,
            &[("Per Holm", Some("V"), Role::ViceChair, None, None)],
        );
        check(
            "Per Holm (V) andre vice ordf.",
            m,
            &[("Per Holm", Some("V"), Role::SecondViceChair, None, None)],
        );
        check(
            "Eva Berg (C) tjg ers",
            m,
            &[("Eva Berg", Some("C"), Role::ServingDeputy, None, None)],
        );
        // A table row whose party cell is empty: the name ends at the column gap.
        check(
            "Göran Pihl\tSkolchef",
            Some(Role::Official),
            &[("Göran Pihl", None, Role::Official, Some("Skolchef"), None)],
        );
        check(
            "Sara Al-Hassan (S) ers. för Ola Bo (S)",
            m,
            &[(
                "Sara Al-Hassan",
                Some("S"),
                Role::ServingDeputy,
                None,
                Some("ersätter Ola Bo (S)"),
            )],
        );
    }

    #[test]
    fn flattened_and_other_layouts() {
        check(
            "Dora Dahl (SD), tjänstgörande ersättare för Erik Ek (SD)",
            Some(Role::Member),
            &[("Dora Dahl", Some("SD"), Role::ServingDeputy, None, Some("ersätter Erik Ek (SD)"))],
        );
        check(
            "Eva Berg (V), tjänstgör för Per Holm (V)",
            Some(Role::Deputy),
            &[("Eva Berg", Some("V"), Role::ServingDeputy, None, Some("ersätter Per Holm (V)"))],
        );
        // A heading with a colon after a role's note, on a flattened page.
        check(
            "Ahmed Hassan (S) tjg ersättare för Birgitta Moberg (S) Ersättare: Lena Strand (S), Olof Björk (M) Tjänstemän: Mats Lind socialchef",
            Some(Role::Member),
            &[
                (
                    "Ahmed Hassan",
                    Some("S"),
                    Role::ServingDeputy,
                    None,
                    Some("ersätter Birgitta Moberg (S)"),
                ),
                ("Lena Strand", Some("S"), Role::Deputy, None, None),
                ("Olof Björk", Some("M"), Role::Deputy, None, None),
                ("Mats Lind", None, Role::Official, Some("socialchef"), None),
            ],
        );
        check(
            "Anna Ek (S) X Bo Berg (M) X",
            None,
            &[
                ("Anna Ek", Some("S"), Role::Member, None, None),
                ("Bo Berg", Some("M"), Role::Member, None, None),
            ],
        );
        check(
            "Kommundirektör Mats Lind",
            Some(Role::Deputy),
            &[("Mats Lind", None, Role::Official, Some("kommundirektör"), None)],
        );
        check(
            "Nämndsekreterare Eva Sjöberg",
            None,
            &[("Eva Sjöberg", None, Role::Secretary, Some("nämndsekreterare"), None)],
        );
        check(
            "Petra Ek (ekonomichef)",
            Some(Role::Official),
            &[("Petra Ek", None, Role::Official, Some("ekonomichef"), None)],
        );
        check(
            "Petra Ek (deltar digitalt)",
            Some(Role::Official),
            &[("Petra Ek", None, Role::Official, None, Some("deltar digitalt"))],
        );
        check(
            "Johan Berg, Socialdemokraterna",
            None,
            &[("Johan Berg", Some("S"), Role::Member, None, None)],
        );
        check("Karin Åberg KD", None, &[("Karin Åberg", Some("KD"), Role::Member, None, None)]);
        check(
            "Karin Åberg KD, ordförande",
            None,
            &[("Karin Åberg", Some("KD"), Role::Chair, None, None)],
        );
        // After a dash between spaces; a dash before a role or title stays theirs.
        check("Per Olsson - SD", None, &[("Per Olsson", Some("SD"), Role::Member, None, None)]);
        check("Anna Ek – S, ordförande", None, &[("Anna Ek", Some("S"), Role::Chair, None, None)]);
        check(
            "Carl Dahl – kommundirektör",
            Some(Role::Official),
            &[("Carl Dahl", None, Role::Official, Some("kommundirektör"), None)],
        );
        check(
            "Lars Ek (M) i stället för Eva Berg (M)",
            Some(Role::Member),
            &[("Lars Ek", Some("M"), Role::ServingDeputy, None, Some("ersätter Eva Berg (M)"))],
        );
        check(
            "Bo Lundgren, m, ordförande Anita Persson, s Göran Ek, fp Birgitta Holm, s, tjg ersättare Eva Berg, v ordf",
            Some(Role::Member),
            &[
                ("Bo Lundgren", Some("M"), Role::Chair, None, None),
                ("Anita Persson", Some("S"), Role::Member, None, None),
                ("Göran Ek", Some("FP"), Role::Member, None, None),
                ("Birgitta Holm", Some("S"), Role::ServingDeputy, None, None),
                ("Eva Berg", None, Role::ViceChair, None, None),
            ],
        );
        // A role heading between two people on a flattened page heads the people after it.
        check(
            "Helene Odenjung (L) Ulrika Frick (MP) Ersättare Mikael Johansson (SD) Lars Ek (M)",
            Some(Role::Member),
            &[
                ("Helene Odenjung", Some("L"), Role::Member, None, None),
                ("Ulrika Frick", Some("MP"), Role::Member, None, None),
                ("Mikael Johansson", Some("SD"), Role::Deputy, None, None),
                ("Lars Ek", Some("M"), Role::Deputy, None, None),
            ],
        );
        check(
            "Tony Hansson (S) ordförande Marie Göransson (S) ersättare för Agneta Nilsson (S) Gabriel Barjosef (S) ledamot",
            Some(Role::Member),
            &[
                ("Tony Hansson", Some("S"), Role::Chair, None, None),
                (
                    "Marie Göransson",
                    Some("S"),
                    Role::ServingDeputy,
                    None,
                    Some("ersätter Agneta Nilsson (S)"),
                ),
                ("Gabriel Barjosef", Some("S"), Role::Member, None, None),
            ],
        );
        check(
            "Lars Rosander, C",
            Some(Role::Member),
            &[("Lars Rosander", Some("C"), Role::Member, None, None)],
        );
        check(
            "Mats Törnquist, kommundirektör § 267",
            None,
            &[("Mats Törnquist", None, Role::Official, Some("kommundirektör"), Some("§ 267"))],
        );
        check(
            "Christina Nilsson, sekreterare",
            Some(Role::Official),
            &[("Christina Nilsson", None, Role::Secretary, None, None)],
        );
        assert!(attendee_line("Inför mötet lämnas följande informationer:", None).is_empty());
    }

    /// A table's party column holds a local party's abbreviation or a party's written name.
    #[test]
    fn party_column_of_a_table() {
        let m = Some(Role::Member);
        check("Jan Ås\tÖP\tLedamot", m, &[("Jan Ås", Some("ÖP"), Role::Member, None, None)]);
        check(
            "Anna Berg\tSocialdemokraterna\tOrdförande",
            m,
            &[("Anna Berg", Some("S"), Role::Chair, None, None)],
        );
        check(
            "Irma Kallio\tSjukvårdspartiet\tLedamot",
            m,
            &[("Irma Kallio", Some("SJVP"), Role::Member, None, None)],
        );
        check(
            "Kalle Nordin\tKalmarpartiet",
            m,
            &[("Kalle Nordin", Some("Kalmarpartiet"), Role::Member, None, None)],
        );
        // A local party's abbreviation in mixed case, or capitalised as no word is.
        check("Göran Lind\tSoL\tX", m, &[("Göran Lind", Some("SOL"), Role::Member, None, None)]);
        check("Lars Ek\tLpo\tLedamot", m, &[("Lars Ek", Some("LPO"), Role::Member, None, None)]);
        // A title's abbreviation is no party; a title is none either.
        check("Eva Lund\tVD", None, &[("Eva Lund", None, Role::Official, Some("VD"), None)]);
        check("Eva Lund\tChef", None, &[("Eva Lund", None, Role::Official, Some("Chef"), None)]);
        check(
            "Eva Lund\tKanslichef",
            None,
            &[("Eva Lund", None, Role::Official, Some("Kanslichef"), None)],
        );
    }

    /// A table's cell of two officials wrapped onto one line, as docling prints it: each name
    /// has its title after a comma.
    #[test]
    fn two_titled_officials_on_one_line() {
        check(
            "Ann Holm, miljöchef Erik Fors, sekreterare",
            Some(Role::Official),
            &[
                ("Ann Holm", None, Role::Official, Some("miljöchef"), None),
                ("Erik Fors", None, Role::Secretary, None, None),
            ],
        );
        check(
            "Maria Falk, förvaltningschef Henrik Lax, nämndsekreterare",
            None,
            &[
                ("Maria Falk", None, Role::Official, Some("förvaltningschef"), None),
                ("Henrik Lax", None, Role::Secretary, Some("nämndsekreterare"), None),
            ],
        );
        // A title that names a place goes on with no comma after it: one person.
        check(
            "Per Lund, ekonomichef Region Dalarna",
            None,
            &[("Per Lund", None, Role::Official, Some("ekonomichef Region Dalarna"), None)],
        );
        assert!(!two_titled_people("Karin Sand, enhetschef Socialtjänsten Norr, §§ 4-6"));
        // Plain pdftotext of such a cell writes no comma.
        check(
            "Mats Lind förvaltningschef Eva Sjöberg nämndsekreterare",
            Some(Role::Official),
            &[
                ("Mats Lind", None, Role::Official, Some("förvaltningschef"), None),
                ("Eva Sjöberg", None, Role::Secretary, Some("nämndsekreterare"), None),
            ],
        );
        // Two cells of a `pdftotext -layout` row.
        assert!(two_titled_people("Mats Lind, kommundirektör\tEva Sjöberg, sekreterare"));
        // One person, the one replaced named after the role: no title after the second.
        assert!(!two_titled_people("Lena Ek ersättare för Bo Berg"));
    }

    #[test]
    fn flattened_lists_without_parties() {
        let m = Some(Role::Member);
        check(
            "Lennart Haraldsson, ordförande Sverre Moum Odet Klaff, ersättare för Elisabeth Edlund Thomas Lidberg",
            m,
            &[
                ("Lennart Haraldsson", None, Role::Chair, None, None),
                ("Sverre Moum", None, Role::Member, None, None),
                ("Odet Klaff", None, Role::ServingDeputy, None, Some("ersätter Elisabeth Edlund")),
                ("Thomas Lidberg", None, Role::Member, None, None),
            ],
        );
        check(
            "Göran Jonsson Gunder Lindgren Bo Lennart Danielsson",
            m,
            &[
                ("Göran Jonsson", None, Role::Member, None, None),
                ("Gunder Lindgren", None, Role::Member, None, None),
                ("Bo Lennart Danielsson", None, Role::Member, None, None),
            ],
        );
        check(
            "Lars Rosander, C Åke Nilsson, KD ej 133 Gunilla Aronsson, C",
            m,
            &[
                ("Lars Rosander", Some("C"), Role::Member, None, None),
                ("Åke Nilsson", Some("KD"), Role::Member, None, Some("ej 133")),
                ("Gunilla Aronsson", Some("C"), Role::Member, None, None),
            ],
        );
        let o = Some(Role::Official);
        check(
            "Kerstin Skarin, kommunchef Rune Tessin Bertil Jonsson Anita Sjösvärd, kommunsekreterare",
            o,
            &[
                ("Kerstin Skarin", None, Role::Official, Some("kommunchef"), None),
                ("Rune Tessin", None, Role::Official, None, None),
                ("Bertil Jonsson", None, Role::Official, None, None),
                ("Anita Sjösvärd", None, Role::Secretary, Some("kommunsekreterare"), None),
            ],
        );
        check(
            "Anette Palm (S) Unni Trolle (M)",
            o,
            &[
                ("Anette Palm", Some("S"), Role::Deputy, None, None),
                ("Unni Trolle", Some("M"), Role::Deputy, None, None),
            ],
        );
    }

    #[test]
    fn local_and_written_out_parties() {
        let m = Some(Role::Member);
        check(
            "Anna Ek (Kommunens väl), ordförande",
            m,
            &[("Anna Ek", Some("KV"), Role::Chair, None, None)],
        );
        check(
            "Marie Pettersson (Lokalt alternativ), vice ordförande",
            m,
            &[("Marie Pettersson", Some("Lokalt alternativ"), Role::ViceChair, None, None)],
        );
        check(
            "Tore Wikström (Sjöbopartiet)",
            m,
            &[("Tore Wikström", Some("Sjöbopartiet"), Role::Member, None, None)],
        );
        check(
            "Kristina Borg (S), Ulf Ek (Mbp)",
            m,
            &[
                ("Kristina Borg", Some("S"), Role::Member, None, None),
                ("Ulf Ek", Some("MBP"), Role::Member, None, None),
            ],
        );
        check(
            "Tina Rydgård (Kanslichef)",
            Some(Role::Official),
            &[("Tina Rydgård", None, Role::Official, Some("Kanslichef"), None)],
        );
        // The party after the role; a first vice chair abbreviated.
        check(
            "Anna Ek, ordförande (S)",
            Some(Role::Member),
            &[("Anna Ek", Some("S"), Role::Chair, None, None)],
        );
        check(
            "Kjell Ek, tjg ersättare för Lisa Ny (SD)",
            Some(Role::Member),
            &[("Kjell Ek", None, Role::ServingDeputy, None, Some("ersätter Lisa Ny (SD)"))],
        );
        check(
            "Per Holm (M), 1:e v. ordf.",
            Some(Role::Member),
            &[("Per Holm", Some("M"), Role::ViceChair, None, None)],
        );
        // A role in parentheses.
        check(
            "Lena Ek (sekreterare)",
            Some(Role::Official),
            &[("Lena Ek", None, Role::Secretary, None, None)],
        );
        check(
            "Anna Ek (S) (ordförande)",
            Some(Role::Member),
            &[("Anna Ek", Some("S"), Role::Chair, None, None)],
        );
    }

    #[test]
    fn semicolons_part_people() {
        check(
            "Joachim Danielsson, kommundirektör; Anna Ekström, sekreterare",
            Some(Role::Official),
            &[
                ("Joachim Danielsson", None, Role::Official, Some("kommundirektör"), None),
                ("Anna Ekström", None, Role::Secretary, None, None),
            ],
        );
        check(
            "Ida Stafrin, (C)",
            Some(Role::Member),
            &[("Ida Stafrin", Some("C"), Role::Member, None, None)],
        );
    }

    #[test]
    fn a_role_before_the_name() {
        let lines = crate::normalize::test_lines(
            "Beslutande:\nOrdförande: Erik Pelling (S)\nLedamöter: Eva Christiernin (S), Simon Alm (SD)\nTjänstgörande ersättare: Jonas Segersam (KD)\n\nÖvriga deltagande: Anna Ekström, sekreterare\n\nUtses att justera: Simon Alm\n\nUnderskrifter:\nOrdförande: Erik Pelling\nSekreterare: Anna Ekström",
        );
        let (got, _) = attendees(&lines);
        let got = triples(&got);
        assert_eq!(
            got,
            [
                ("Erik Pelling", Some("S"), Role::Chair),
                ("Eva Christiernin", Some("S"), Role::Member),
                ("Simon Alm", Some("SD"), Role::Member),
                ("Jonas Segersam", Some("KD"), Role::ServingDeputy),
                ("Anna Ekström", None, Role::Secretary),
            ]
        );
        assert_eq!(
            role_before_name("Vice ordförande: Per Holm (V)"),
            Some((Role::ViceChair, "Per Holm (V)", true))
        );
        assert_eq!(role_before_name("Ordförande"), None);
        assert_eq!(role_before_name("Ordförande:"), None);
    }

    #[test]
    fn roles_without_a_colon_and_table_rows() {
        let lines = crate::normalize::test_lines(
            "Beslutande\nOrdförande Anna Berg (S)\nVice ordförande Lars Ek (M)\nEva Lund (V)\nKarl Nord (SD) tjg ersättare\n\nÖvriga närvarande: Tina Rydgård (stadsdirektör), Lena Tidén (kanslichef)\n\nJusterare: Eva Lund",
        );
        let (got, _) = attendees(&lines);
        let got = triples(&got);
        assert_eq!(
            got,
            [
                ("Anna Berg", Some("S"), Role::Chair),
                ("Lars Ek", Some("M"), Role::ViceChair),
                ("Eva Lund", Some("V"), Role::Member),
                ("Karl Nord", Some("SD"), Role::ServingDeputy),
                ("Tina Rydgård", None, Role::Official),
                ("Lena Tidén", None, Role::Official),
            ]
        );
        let lines = crate::normalize::test_lines(
            "Närvarande\nNamn\tParti\tRoll\nPeter Danielsson\tM\tOrdförande\nAnna Berg\tS\tLedamot",
        );
        let (got, warnings) = attendees(&lines);
        let got = triples(&got);
        assert_eq!(
            got,
            [("Peter Danielsson", Some("M"), Role::Chair), ("Anna Berg", Some("S"), Role::Member)]
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        // A signature line names the person once, not the next one on a flattened line.
        assert_eq!(
            role_before_name("Ordförande Jan Sahlén (S) Justerare Ida Stafrin (C)"),
            Some((Role::Chair, "Jan Sahlén (S) Justerare Ida Stafrin (C)", false))
        );
        assert_eq!(role_before_name("Ordförande Justerare"), None);
        // A head printed as a two-column table: the tab is the row label's colon.
        assert_eq!(
            role_before_name("Ordförande\tBengt Nord (S)"),
            Some((Role::Chair, "Bengt Nord (S)", true))
        );
        assert_eq!(role_before_name("Ordförande\tJusterare"), None);
        let lines = crate::normalize::test_lines(
            "Beslutande\tSe närvarolista\n\nUtses att justera\tPer Lund (M)\n\nOrdförande\tBengt Nord (S)\n\nSekreterare\tAnna-Lena Frisk\n\nJusterande\tPer Lund (M)",
        );
        let (got, _) = attendees(&lines);
        let got = triples(&got);
        assert_eq!(
            got,
            [("Bengt Nord", Some("S"), Role::Chair), ("Anna-Lena Frisk", None, Role::Secretary)]
        );
        // The first look admits every role word.
        for (word, _) in ROLE_WORDS {
            assert!(may_start_role_word(word), "{word}");
        }
    }

    #[test]
    fn a_markdown_table() {
        let lines = crate::normalize::normalize(
            "## Närvarande\n\n| Ledamöter | Parti | Roll |\n|---|---|---|\n| Anna Berg | S | Ordförande |\n| Lars Ek | M | Vice ordförande |\n| Eva Lund | V | |\n\n**Ersättare**\n\n| Namn | Parti |\n|---|---|\n| Karl Nord | SD |\n",
        )
        .lines;
        let (got, warnings) = attendees(&lines);
        let got = triples(&got);
        assert_eq!(
            got,
            [
                ("Anna Berg", Some("S"), Role::Chair),
                ("Lars Ek", Some("M"), Role::ViceChair),
                ("Eva Lund", Some("V"), Role::Member),
                ("Karl Nord", Some("SD"), Role::Deputy),
            ]
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    /// A converter's table of the attendance alone, with no heading over it: its header row
    /// with a column of names opens the list; `2:e vice ordförande` is a role, no part of the
    /// meeting, in a row marked present by no mark of its own.
    #[test]
    fn a_table_without_a_heading() {
        let lines = crate::normalize::normalize(
            "Sammanträdesdatum: 2024-04-10\n\n| Namn | Parti | Funktion | Närvaro |\n|---|---|---|---|\n| Anna-Lena Björk | S | Ordförande | X |\n| Bo Ek | M | 1:e vice ordförande | X |\n| Cecilia Holm | C | 2:e vice ordförande | |\n| David Lind | SD | Ledamot | X |\n| Gun Nyberg | V | Ersättare | |\n",
        )
        .lines;
        let (got, warnings) = attendees(&lines);
        let got = triples(&got);
        assert_eq!(
            got,
            [
                ("Anna-Lena Björk", Some("S"), Role::Chair),
                ("Bo Ek", Some("M"), Role::ViceChair),
                ("David Lind", Some("SD"), Role::Member),
            ]
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        // A line of a name's label and its value is no table.
        let lines = crate::normalize::test_lines("Namn\tAnna Berg\nParti\tS");
        assert!(attendees(&lines).0.is_empty());
    }

    /// A list sorted by surname, the surname before a comma: the name is turned; a place
    /// before a comma is no name.
    #[test]
    fn surname_first_before_a_comma() {
        check_roles(
            "Ledamöter\nAndersson, Anna (S), ordförande\nBerglund, Bo (M), vice ordförande\nDahl, Karl-Erik (SD)\nOlsson, Per, S\n\nTjänstepersoner\nGustafsson, Gun, sekreterare\nFredriksson, Fredrik, teknisk chef",
            &[
                ("Anna Andersson", Role::Chair),
                ("Bo Berglund", Role::ViceChair),
                ("Karl-Erik Dahl", Role::Member),
                ("Per Olsson", Role::Member),
                ("Gun Gustafsson", Role::Secretary),
                ("Fredrik Fredriksson", Role::Official),
            ],
        );
        let got = attendee_line("Andersson, Anna Maria (S)", Some(Role::Member));
        assert_eq!(
            (got[0].name.as_str(), got[0].party.as_deref()),
            ("Anna Maria Andersson", Some("S"))
        );
        assert!(turned_name("Stadshuset, Sessionssalen, kl. 13.00", None).is_none());
        assert!(turned_name("Ordförande, Anna Berg (S)", None).is_none());
        assert!(turned_name("Anna Berg (S), ordförande", None).is_none());
    }

    #[test]
    fn a_column_of_the_replaced() {
        let lines = crate::normalize::test_lines(
            "Beslutande\nLedamöter\tParti\nAnna Berg\tS\nTjänstgörande ersättare\tParti\tErsätter\nLena Persson\tS\tKent Åslund (S)\n\nUtses att justera",
        );
        let (got, warnings) = attendees(&lines);
        let got: Vec<_> = got
            .iter()
            .map(|a| (a.name.as_str(), a.party.as_deref(), a.role, a.note.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Anna Berg", Some("S"), Role::Member, None),
                ("Lena Persson", Some("S"), Role::ServingDeputy, Some("ersätter Kent Åslund (S)")),
            ]
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    /// Netpublicator's and W3D3's attendance table: a mark in the presence column, and in the
    /// last column the deputy who serves for an absent member (`pdftotext -layout` closes up
    /// the empty presence cell).
    #[test]
    fn a_presence_table_with_columns_of_presence_and_absence() {
        // A converter's pipe table keeps empty cells: a mark stands under its column.
        let text = "Ledamöter\tParti\tNärvarande\tFrånvarande\tErsättare\nAnna Andersson, ordförande\tS\tX\nJohan Berg\tS\t\tX\tAhmed Hassan (S)\nPer Olsson\tSD\t\tX\nLisa Karlsson\tL\tX\n\nErsättare\tParti\tNärvarande\tKommentar\nLena Strand\tS\tX\nOlof Björk\tM\t\t§§ 3-5\nSven Dahl\tKD";
        let (got, _) = attendees(&crate::normalize::test_lines(text));
        let got: Vec<_> = got
            .iter()
            .map(|a| (a.name.as_str(), a.party.as_deref(), a.role, a.note.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Anna Andersson", Some("S"), Role::Chair, None),
                ("Ahmed Hassan", Some("S"), Role::ServingDeputy, Some("ersätter Johan Berg (S)")),
                ("Lisa Karlsson", Some("L"), Role::Member, None),
                ("Lena Strand", Some("S"), Role::Deputy, None),
                ("Olof Björk", Some("M"), Role::Deputy, Some("§§ 3-5")),
            ]
        );
        // `pdftotext -layout` drops empty cells: a member with a deputy under such a header
        // was absent.
        let text = "Ledamöter\tParti\tNärvarande\tFrånvarande\tErsättare\nJohan Berg\tS\tX\tAhmed Hassan (S)";
        let (got, _) = attendees(&crate::normalize::test_lines(text));
        assert_eq!(got.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Ahmed Hassan"]);
    }

    /// A table row's party cell after the role's, a mark that is no note, a cell of absence.
    #[test]
    fn a_table_rows_cells_after_the_name() {
        // A name of three words before a party's cell: the party's capital is no part of a
        // run of names that a flattened list would cut in two.
        let got = attendee_line("Anna Maria Lindqvist\tS\tLedamot", Some(Role::Member));
        assert_eq!(
            (got[0].name.as_str(), got[0].party.as_deref(), got[0].note.as_deref()),
            ("Anna Maria Lindqvist", Some("S"), None)
        );
        let got = attendee_line("Anna Andersson, ordförande\tS\tX", Some(Role::Member));
        assert_eq!(
            (got[0].party.as_deref(), got[0].role, got[0].note.as_deref()),
            (Some("S"), Role::Chair, None)
        );
        let got = attendee_line("Lena Strand\tS\tErsättare\tX", None);
        assert_eq!((got[0].role, got[0].note.as_deref()), (Role::Deputy, None));
        assert!(attendee_line("Johan Berg\tS\tLedamot\tFrånvarande", None).is_empty());
        let got = attendee_line("Anna Berg (S)\tFrånvarande\tPer Holm (C)", None);
        assert_eq!(got[0].name, "Anna Berg");
        let got = attendee_line("Lisa Karlsson\tL\tLedamot\tNärvarande, §§ 1-4", None);
        assert_eq!(got[0].note.as_deref(), Some("Närvarande, §§ 1-4"));
    }

    #[test]
    fn a_presence_table_with_serving_deputies() {
        let lines = crate::normalize::test_lines(
            "Närvaro\nLedamöter\tNärvarande\tErsättare\nCamilla Strand (M), ordförande\tX\nBirgitta Lönn (SD)\tKent Olausson (SD)\nLena Kvist (KD)\tx\nPer Hägg (C)\tX\tMirja Salo (C) §§ 18-19\n\nÖvriga deltagande\nHåkan Berg, förvaltningschef",
        );
        let (got, warnings) = attendees(&lines);
        let got: Vec<_> = got
            .iter()
            .map(|a| (a.name.as_str(), a.party.as_deref(), a.role, a.note.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Camilla Strand", Some("M"), Role::Chair, None),
                (
                    "Kent Olausson",
                    Some("SD"),
                    Role::ServingDeputy,
                    Some("ersätter Birgitta Lönn (SD)")
                ),
                ("Lena Kvist", Some("KD"), Role::Member, None),
                ("Per Hägg", Some("C"), Role::Member, None),
                (
                    "Mirja Salo",
                    Some("C"),
                    Role::ServingDeputy,
                    Some("ersätter Per Hägg (C) §§ 18-19")
                ),
                ("Håkan Berg", None, Role::Official, None),
            ]
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        // Deputies listed beside the members with a presence column of their own.
        let lines = crate::normalize::test_lines(
            "Ledamöter\tNärvarande\tErsättare\tNärvarande\nAnna Berg (S)\tX\tJonas Fält (S)\tX\nLars Ek (M)\tX\tSofia Ås (M)\n\nJusterare",
        );
        let (got, _) = attendees(&lines);
        let got = triples(&got);
        assert_eq!(
            got,
            [
                ("Anna Berg", Some("S"), Role::Member),
                ("Jonas Fält", Some("S"), Role::Deputy),
                ("Lars Ek", Some("M"), Role::Member),
            ]
        );
    }

    #[test]
    fn a_table_one_cell_to_a_line() {
        // LibreOffice's text export of a table: every cell on a line of its own.
        let lines = crate::normalize::test_lines(
            "Beslutande\nNamn\nParti\nRoll\nPeter Olofsson\nS\nOrdförande\nMaria Lind\nM\nLedamot\n\nUtses att justera",
        );
        let (got, _) = attendees(&lines);
        let got = triples(&got);
        assert_eq!(
            got,
            [("Peter Olofsson", Some("S"), Role::Chair), ("Maria Lind", Some("M"), Role::Member)]
        );
    }

    #[test]
    fn headings() {
        assert_eq!(
            role_heading("Tjänstgörande ersättare").map(|x| x.1),
            Ok((Some(Role::ServingDeputy), ""))
        );
        assert_eq!(
            role_heading("Beslutande\tAnna Ek (S)").map(|x| x.1),
            Ok((Some(Role::Member), "Anna Ek (S)"))
        );
        assert!(role_heading("Beslutanderätt").is_err());
        assert_eq!(role_heading("ÖVRIGA ERSÄTTARE").map(|x| x.1), Ok((Some(Role::Deputy), "")));
        assert_eq!(role_heading("NÄRVARANDE").map(|x| x.1), Ok((None, "")));
    }
}
