//! Stances: abstentions ("avstår från att delta i beslutet", "deltar inte i beslutet"),
//! reservations ("reserverar sig"), jäv, yrkanden, and votes (omröstning) with their counts and
//! ballots. Each is read from one sentence at a time; the people come from [`super::persons`].

use crate::parse::lexical::is_alnum;
use std::sync::OnceLock;

use super::persons::{leading_people, party, party_group, person, person_list, trailing_people};
use super::text::sentence_around;
use crate::model::{Ballot, Motion, Person, Role, Votes};
use nom::Parser;
use nom::branch::alt;

/// What a paragraph records about its members' stances.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stances {
    /// Abstentions.
    pub abstained: Vec<Person>,
    /// Reservations.
    pub reserved: Vec<Person>,
    /// Jäv.
    pub conflicts: Vec<Person>,
    /// Yrkanden.
    pub motions: Vec<Motion>,
    /// Omröstning.
    pub votes: Option<Votes>,
}

/// Phrases that mark an abstention, lower case.
const ABSTAIN: &[&str] = &[
    "avstår från att delta i beslut",
    "avstod från att delta i beslut",
    "avstår från att deltaga i beslut",
    "avstår från att delta",
    "avstår från att rösta",
    "avstod från att rösta",
    "avstår från att ta ställning",
    "avstår från ställningstagande",
    "deltar inte i omröstningen",
    "deltar ej i omröstningen",
    "deltar inte i beslut",
    "deltar ej i beslut",
    "deltog inte i beslut",
    "deltog ej i beslut",
    "deltar inte i besluten",
    "deltar ej i besluten",
    "i beslutet deltar inte",
    "i beslutet deltar ej",
    "inte deltar i beslut",
    "ej deltar i beslut",
    // A label before the people: `Ej deltagande i beslut: Anna Andersson (SD)`.
    "ej deltagande i beslut",
    "ej deltagande",
];

/// A sentence's last word that marks an abstention alone: `Vänsterpartiet avstår.`
const ABSTAIN_LAST: &[&str] = &["avstår", "avstod"];

/// The start of the word `avstår` or `avstod` that ends a sentence (`Lennart Nilsson (SD)
/// och Anna-Lena Jakobsson (V) avstår.`), if it does: an abstention said in one word, whose
/// subject is the people before it. `2 avstår` in a vote's count has no people before it.
fn abstain_last(lower: &str) -> Option<usize> {
    let t = lower.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    let at = t.rfind(' ')? + 1;
    ABSTAIN_LAST.contains(&&t[at..]).then_some(at)
}

/// Phrases that mark a reservation.
const RESERVE: &[&str] = &[
    "reserverar sig",
    "reserverade sig",
    "reserverar de sig",
    // A written reservation in the first person: `Vi i Sverigedemokraterna reserverar oss
    // mot beslutet`, `Jag, Anna Ek (S), reserverar mig`.
    "reserverar oss",
    "reserverar mig",
];

/// A reservation's noun, which a heading, a passive or a verb's object makes a stance of:
/// see [`reservation_people`].
const RESERVATION_NOUN: &[&str] = &["reservationer", "reservationen", "reservation"];

/// A label that the reserving people follow on its line: `Reservation: Eva Lund (V)`.
const RESERVATION_LABEL: &[&str] = &["reservation:", "reservationer:"];

/// The people that follow a stance's label (`Reservation: Eva Lund (V), Bo Ek (M)`): a whole
/// list, up to the end of the sentence or a full stop, or a remark on it ([`ends_a_list`]),
/// or none.
fn labelled_people(after: &str) -> Vec<Person> {
    // A list's bullet first: `Reservation` / `- Anna Ek (S)` / `- Lars Ek (S)`.
    let after = after.trim().trim_end_matches('.').trim_start_matches(['-', '•', '*', '–']);
    match people_column(after.trim_start()) {
        Ok((rest, people)) if ends_a_list(rest) => people,
        _ => Vec::new(),
    }
}

/// A party group or a list of people, and more lists after a space where a party in
/// parentheses ended the one before: a column of people that the label's line ran together,
/// as `pdftotext -layout` prints a label beside one person to a line.
///
/// Pattern: `(GROUP | PEOPLE) ( PEOPLE)*`, each `PEOPLE` after `)`. Example: `Lisa Karlsson
/// (L) Anna Berg (L)` of `Reservation⇥Lisa Karlsson (L)` / `⇥Anna Berg (L)`.
fn people_column(i: &str) -> nom::IResult<&str, Vec<Person>> {
    let (mut rest, mut people) = alt((party_group, person_list)).parse(i)?;
    while rest.starts_with(' ')
        && i[..i.len() - rest.len()].ends_with(')')
        && let Ok((r, more)) = person_list(rest.trim_start())
    {
        people.extend(more);
        rest = r;
    }
    Ok((rest, people))
}

/// Whether what follows a label's list of people leaves it a list: nothing, a remark after a
/// comma or in parentheses, or the grounds of a reservation.
///
/// Pattern: `PEOPLE [, REMARK | (REMARK) | till förmån för …]`. Examples: `Reservation` /
/// `Sverigedemokraterna, skriftlig reservation bilaga 1`, `Reservation` / `Anna Ek (V) och
/// Lars Ek (V) till förmån för eget yrkande.`
fn ends_a_list(rest: &str) -> bool {
    let r = rest.trim_start();
    r.is_empty() || r.starts_with([',', '(', ';']) || r.starts_with("till förmån för")
}

/// Phrases that mark jäv.
const CONFLICT: &[&str] = &["jäv", "jävig", "jäviga"];

/// Phrases that say a member stays out of a case's handling, which is what jäv makes one do
/// (a member who takes no part in the decision only says `i beslutet`): a conflict where the
/// sentence does not name jäv itself.
const STAYS_OUT_OF_HANDLING: &[&str] = &[
    "deltar inte i handläggningen",
    "deltar ej i handläggningen",
    "deltog inte i handläggningen",
    "deltog ej i handläggningen",
    "deltar inte i ärendets handläggning",
    "deltar ej i ärendets handläggning",
    "deltar inte vid handläggningen",
    "i handläggningen deltar inte",
];

/// Word beginnings that every stance sentence holds, lower case.
const CUES: &[&str] =
    &["avstå", "avsto", "deltar", "deltog", "deltagande", "reserv", "jäv", "yrka", "röst", "nej"];

/// The cues as byte strings to compare ignoring ASCII case: [`CUES`], and those with a
/// Swedish letter once more with it as a capital (`jÄv`, so that `JÄV` matches too). Grouped
/// by their first letter (all cues start with an ASCII letter), so that a word is compared
/// only with the cues that start like it.
fn cue_patterns() -> &'static [Vec<Vec<u8>>; 26] {
    static PATTERNS: OnceLock<[Vec<Vec<u8>>; 26]> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let mut groups: [Vec<Vec<u8>>; 26] = Default::default();
        for c in CUES {
            let upper = c.replace('ä', "Ä").replace('ö', "Ö").replace('å', "Å");
            let group = &mut groups[usize::from(c.as_bytes()[0] - b'a')];
            if upper != *c {
                group.push(upper.into_bytes());
            }
            group.push(c.as_bytes().to_vec());
        }
        groups
    })
}

/// Byte offsets of the words that start with a cue, in any case: [`CUES`], ASCII letters in
/// any case and the Swedish letters as small letters or capitals, at a word start.
///
/// One pass over the word starts ([`crate::scan::for_each_word_start`]): each is compared
/// only with the cues of its first letter. The same offsets as a multi-pattern search for the
/// cues kept where a word starts: no cue holds another cue after its first letter, and a match
/// that would overlap a word start holds the word byte before it, so no match there hides one
/// at a word start.
fn cue_positions(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let groups = cue_patterns();
    let mut out = Vec::new();
    crate::scan::for_each_word_start(b, |k| {
        // Most words start no cue by their first two bytes: ruled out before the lookup.
        if !b.get(k + 1).is_some_and(|&c1| may_start_cue(b[k], c1)) {
            return;
        }
        // `| 0x20` lower-cases an ASCII letter and takes no other byte into `a..=z`.
        let Some(group) = (b[k] | 0x20).checked_sub(b'a').and_then(|g| groups.get(usize::from(g)))
        else {
            return;
        };
        let w = &b[k..];
        let cue = group.iter().any(|p| {
            w.len() >= p.len()
                && p[1] == w[1].to_ascii_lowercase()
                && w[..p.len()].eq_ignore_ascii_case(p)
        });
        if cue {
            out.push(k);
        }
    });
    // `deltagande` is a cue only after `ej` (`Ej deltagande i beslut`): `Övriga deltagande`
    // heads no stance. Looked at once the few cues are found, not in the scan.
    out.retain(|&k| {
        let deltagande = b.len() >= k + 7 && b[k..k + 7].eq_ignore_ascii_case(b"deltaga");
        !deltagande || (k >= 3 && b[k - 3..k].eq_ignore_ascii_case(b"ej "))
    });
    out
}

/// Whether a word starting with the bytes `c0`, `c1` may start a cue (all are three bytes or
/// longer): a necessary condition of the comparison in [`cue_positions`], which takes `c0`
/// with `| 0x20` and `c1` lower-cased to a cue's first two bytes. These pairs are `av`,
/// `de`, `re`, `ne`, `yr`, and `r` or `j` before the lead byte C3 of a Swedish letter in either
/// case (`jäv`, `röst`): each kind of pair a bit, set in [`CUE_FIRST`] for the first bytes
/// and in [`CUE_SECOND`] for the second bytes (both cases), so that two loads decide.
fn may_start_cue(c0: u8, c1: u8) -> bool {
    CUE_FIRST[usize::from(c0)] & CUE_SECOND[usize::from(c1)] != 0
}

/// The kinds of pair a cue's first byte starts, in both ASCII cases: see [`may_start_cue`].
const CUE_FIRST: [u8; 256] =
    cue_byte_table(&[(b'a', 1), (b'd', 2), (b'n', 2), (b'r', 2 | 4), (b'j', 4), (b'y', 8)]);
/// The kinds of pair a cue's second byte ends, in both ASCII cases: see [`may_start_cue`].
const CUE_SECOND: [u8; 256] = cue_byte_table(&[(b'v', 1), (b'e', 2), (0xC3, 4), (b'r', 8)]);

/// A table of the bits of each byte, a letter's in both cases.
const fn cue_byte_table(bits: &[(u8, u8)]) -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut k = 0;
    while k < bits.len() {
        let (c, bit) = bits[k];
        table[c as usize] |= bit;
        table[c.to_ascii_uppercase() as usize] |= bit;
        k += 1;
    }
    table
}

/// The sentences of `text` around the cue words at `positions`, in order, each once.
fn cue_sentences(text: &str, positions: &[usize]) -> Vec<String> {
    let mut spans: Vec<(usize, usize)> =
        positions.iter().map(|&p| sentence_around(text, p)).collect();
    spans.sort_unstable();
    spans.dedup();
    spans.into_iter().map(|(a, b)| text[a..b].to_string()).collect()
}

/// Finds the first phrase of `phrases` in `lower` at a word start; returns its byte range.
fn find_phrase(lower: &str, phrases: &[&str]) -> Option<(usize, usize)> {
    phrases
        .iter()
        .filter_map(|p| {
            let mut from = 0;
            while let Some(at) = find_from(lower, from, p) {
                let end = at + p.len();
                let before = lower[..at].chars().last().is_none_or(|c| !is_alnum(c));
                let after = lower[end..].chars().next().is_none_or(|c| !is_alnum(c));
                let whole = after || p.ends_with("beslut") || p.ends_with("delta");
                if before && whole {
                    return Some((at, end));
                }
                from = end;
            }
            None
        })
        // The first match, and of those at one place the longest: `avstår från att delta i
        // beslutet: Per Holm (V)` reads its people after "beslut", not after "delta".
        .min_by_key(|&(at, end)| (at, std::cmp::Reverse(end)))
}

/// The first offset from `from` on where `p` (not empty) occurs in `s`, as
/// `s[from..].find(p)` gives it (plus `from`): a sentence is short, and a search that compares
/// at each byte equal to `p`'s first (found eight bytes at a time) costs less than building a two-way searcher per phrase.
/// `p` starts with a character, so every match is at a character boundary of `s`.
fn find_from(s: &str, from: usize, p: &str) -> Option<usize> {
    let (b, p) = (s.as_bytes(), p.as_bytes());
    let first = p[0];
    crate::scan::bytes_marked(b, from, |x| crate::scan::bytes_equal(x, first))
        // The second byte first: it rules out nearly every candidate without a call.
        .find(|&k| p.get(1).is_none_or(|c| b.get(k + 1) == Some(c)) && b[k..].starts_with(p))
}

/// The people a stance sentence names: the subject before the phrase, or the people right
/// after it ("Mot beslutet reserverar sig Anna Ek (S) …", "… avstår: Anna Ek (S)").
///
/// A pronoun before the phrase stands for the people who start the sentence: `Lars Ek (C)
/// anmäler att han inte deltar i beslutet.`
fn people_around(sentence: &str, at: usize, end: usize) -> Vec<Person> {
    let before = trailing_people(&sentence[..at]);
    // `Ordföranden anmäler jäv`, `Olle Berg (V) och ordföranden …`: roles among the subject's
    // people, where they name more than the people alone.
    let with_roles = people_with_roles(&sentence[..at]);
    if with_roles.len() > before.len() {
        return with_roles;
    }
    if !before.is_empty() {
        if before.iter().all(|p| p.name.is_empty()) {
            let members = members_after(&sentence[end..], &before);
            if !members.is_empty() {
                return members;
            }
        }
        return before;
    }
    let last_word = sentence[..at].trim_end().rsplit(' ').next().unwrap_or("");
    if PRONOUNS.contains(&last_word)
        || SHARED_SUBJECT.contains(&last_word)
        || pronoun_after_att(&sentence[..at])
    {
        let first = leading_people(sentence);
        if !first.is_empty() {
            return first;
        }
        // `Ordföranden meddelar att hon på grund av jäv inte deltar …`.
        if let Some(role) = role_subject(first_words(sentence, 4), true) {
            return vec![role];
        }
    }
    // The rest of the phrase's last word (`beslut` of `beslutet:`), then a label's colon.
    let after = sentence[end..].trim_start_matches(is_alnum);
    let after = after.trim_start_matches(|c: char| c == ':' || c.is_whitespace());
    let after = after.strip_prefix("inte ").or_else(|| after.strip_prefix("ej ")).unwrap_or(after);
    let people = leading_people(after);
    if !people.is_empty() {
        return people;
    }
    if let Some(role) = role_subject(first_words(after, 4), true) {
        return vec![role];
    }
    people_after_colon(after)
}

/// Whether the subject of an att-clause in `before` is a pronoun, words before the stance's
/// verb: `Ordföranden meddelar att hon på grund av jäv inte deltar …`.
///
/// Pattern: `… att PRONOUN …`.
fn pronoun_after_att(before: &str) -> bool {
    before.rfind(" att ").is_some_and(|k| {
        let word = before[k + 5..].split(' ').next().unwrap_or("");
        PRONOUNS.contains(&word)
    })
}

/// The first `n` words of `text` (fewer where it has fewer).
fn first_words(text: &str, n: usize) -> &str {
    let t = text.trim_start();
    // The words end at the `n`-th space.
    match n.checked_sub(1) {
        Some(last) => t.match_indices(' ').nth(last).map_or(t, |(at, _)| &t[..at]),
        None => "",
    }
}

/// The roles a stance's subject may name instead of a person, lower case, each with the
/// name it is given until [`resolve_roles`] puts the holder's name in its place (a longer
/// phrase before one it ends in).
const ROLE_SUBJECTS: &[(&str, &str, Role)] = &[
    ("andre vice ordföranden", "andre vice ordföranden", Role::SecondViceChair),
    ("andre vice ordförande", "andre vice ordföranden", Role::SecondViceChair),
    ("2:e vice ordföranden", "andre vice ordföranden", Role::SecondViceChair),
    ("2:e vice ordförande", "andre vice ordföranden", Role::SecondViceChair),
    ("förste vice ordföranden", "vice ordföranden", Role::ViceChair),
    ("förste vice ordförande", "vice ordföranden", Role::ViceChair),
    ("1:e vice ordföranden", "vice ordföranden", Role::ViceChair),
    ("1:e vice ordförande", "vice ordföranden", Role::ViceChair),
    ("vice ordföranden", "vice ordföranden", Role::ViceChair),
    ("vice ordförande", "vice ordföranden", Role::ViceChair),
    ("ordföranden", "ordföranden", Role::Chair),
    ("ordförande", "ordföranden", Role::Chair),
    ("sekreteraren", "sekreteraren", Role::Secretary),
];

/// The role a stance's subject names where it names no person: the last words of `subject`
/// (`Ordföranden` of `Ordföranden anmäler jäv`, `Vice ordföranden`), as a person named by the
/// role ([`ROLE_SUBJECTS`]); with `at_start`, the first words instead (`ordföranden` of `… deltar
/// inte ordföranden i handläggningen`).
///
/// Pattern: `[förste|andre|1:e|2:e] [vice] ordförande[n] | sekreteraren`, a whole word.
fn role_subject(subject: &str, at_start: bool) -> Option<Person> {
    let t = subject.trim_matches(|c: char| c.is_whitespace() || c == ',');
    // A first look: every role ends in `n` or `e` and starts with a letter or digit these
    // phrases start with; most subjects end or start otherwise.
    let edge = if at_start { t.as_bytes().first() } else { t.as_bytes().last() };
    let may = |b: u8| {
        let b = b.to_ascii_lowercase();
        if at_start { b"avfo12s".contains(&b) } else { b == b'n' || b == b'e' }
    };
    if !edge.is_some_and(|&b| may(b)) {
        return None;
    }
    let lower = super::text::lower_case(t);
    if lower.len() != t.len() {
        return None;
    }
    let (_, name, _) = ROLE_SUBJECTS.iter().find(|(phrase, _, _)| {
        if at_start {
            lower
                .strip_prefix(phrase)
                .is_some_and(|r| r.chars().next().is_none_or(|c| !is_alnum(c)))
        } else {
            // The role alone, not another body's (`Kommunstyrelsens ordförande`).
            lower
                .strip_suffix(phrase)
                .is_some_and(|r| r.is_empty() || (r.ends_with(' ') && !r.trim_end().ends_with('s')))
        }
    })?;
    Some(Person { name: (*name).to_string(), party: None })
}

/// The people and roles that end a stance's subject where a role is among them: `Olle Berg
/// (V) och ordföranden`, `Ordföranden och vice ordföranden`, `Ordförande Karl Svensson (S)
/// och vice ordförande Olle Berg (V)` (a role before a name is the person's). The list must
/// run to the end of `subject`, as [`trailing_people`]'s does; it is read from the first word
/// at which one does.
///
/// Pattern: `ITEM (SEP ITEM)*`, `ITEM` = `ROLE [PERSON] | PERSON`, `SEP` a list's separator.
fn people_with_roles(subject: &str) -> Vec<Person> {
    let s = subject.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    // A first look: a role is named only where one of its words is (its first letter in
    // either case).
    if find_from(s, 0, "rdförande").is_none() && find_from(s, 0, "ekreteraren").is_none() {
        return Vec::new();
    }
    let mut prev: Option<char> = None;
    for (at, c) in s.char_indices() {
        // A role in small letters after a genitive is another body's officer: `Kommunstyrelsens
        // ordförande`.
        let after_genitive = || c.is_lowercase() && s[..at].trim_end().ends_with('s');
        if prev.is_none_or(char::is_whitespace)
            && (super::lexical::is_alpha(c) || c.is_ascii_digit())
            && !after_genitive()
            && let Ok((rest, people)) =
                nom::multi::separated_list1(super::persons::list_separator, role_or_person)
                    .parse(&s[at..])
            && rest.trim().is_empty()
        {
            return people;
        }
        prev = Some(c);
    }
    Vec::new()
}

/// One item of [`people_with_roles`]'s list: a role ([`ROLE_SUBJECTS`]) and the person who
/// holds it where named after it (`vice ordförande Olle Berg (V)` → Olle Berg), a role alone
/// (`ordföranden`), or a person.
///
/// Pattern: `ROLE [PERSON] | PERSON`. Example: `vice ordförande Olle Berg (V)` in
/// `Ordförande Karl Ek (S) och vice ordförande Olle Berg (V) anmäler jäv`.
fn role_or_person(i: &str) -> nom::IResult<&str, Person> {
    // A first look at the first byte: every role starts with one of these, in either case.
    if i.as_bytes().first().is_some_and(|b| b"avfo12s".contains(&b.to_ascii_lowercase())) {
        // The longest phrase that the text starts with, as a whole word: compared on the
        // text's own first bytes lower-cased, so that its length is a boundary of `i`.
        let found = ROLE_SUBJECTS.iter().find(|(p, _, _)| {
            i.get(..p.len()).is_some_and(|h| super::text::lower_case(h) == *p)
                && i[p.len()..].chars().next().is_none_or(|c| !is_alnum(c))
        });
        if let Some((phrase, name, _)) = found {
            let rest = &i[phrase.len()..];
            if let Some(after) = rest.strip_prefix(' ')
                && let Ok((r, p)) = person(after)
            {
                return Ok((r, p));
            }
            return Ok((rest, Person { name: (*name).to_string(), party: None }));
        }
    }
    person(i)
}

/// Puts the person who holds a role in the place of a stance's subject named by it
/// (`role_subject`): `ordföranden` becomes the chair the attendance list or the signatures
/// name (`holder`), with the party; where the document names no one in that role, the role
/// stays the name. A person the list already holds is not repeated.
///
/// Example: `Ordföranden anmäler jäv …` under `Ingrid Sjöberg (S), ordförande` → Ingrid
/// Sjöberg (S).
pub fn resolve_roles(people: &mut Vec<Person>, holder: impl Fn(Role) -> Option<Person>) {
    // A first look: a role's placeholder has no party.
    if people.iter().all(|p| p.party.is_some()) {
        return;
    }
    let mut out: Vec<Person> = Vec::with_capacity(people.len());
    for p in people.drain(..) {
        let role = ROLE_SUBJECTS
            .iter()
            .find(|(_, name, _)| p.party.is_none() && p.name == *name)
            .map(|&(_, _, role)| role);
        let p = role.and_then(&holder).unwrap_or(p);
        if !out.contains(&p) {
            out.push(p);
        }
    }
    *people = out;
}

/// Words before a stance's verb that give it the subject of the sentence's first verb:
/// `Lars Ek (M) ställer sig bakom beslutet men reserverar sig mot att-sats 2.`
const SHARED_SUBJECT: &[&str] = &["och", "men", "samt"];

/// The people after a colon that ends a stance's phrase a few words on: `Följande reserverar
/// sig mot beslutet: Anna Ek (S) och Lars Ek (S).` (`after`, the sentence after the phrase:
/// `mot beslutet: …`).
fn people_after_colon(after: &str) -> Vec<Person> {
    match after.find(':') {
        Some(c) if after[..c].split_whitespace().count() <= 4 => labelled_people(&after[c + 1..]),
        _ => Vec::new(),
    }
}

/// The members a party group's stance names after the phrase, behind a comma or a colon,
/// to the end of the sentence: `Ledamöterna för Vänsterpartiet reserverar sig mot beslutet:
/// Lena Dafgård (V), Mikael Johansson (V) och Susanne Wallin (V).` (`rest`, the sentence after
/// the phrase). Each member must belong to one of the `groups`' parties; else none.
fn members_after(rest: &str, groups: &[Person]) -> Vec<Person> {
    let Some(mark) = rest.find([',', ':']) else {
        return Vec::new();
    };
    let after = rest[mark + 1..].trim_start();
    match person_list(after) {
        Ok((tail, people))
            if tail.trim().trim_end_matches(['.', ';']).is_empty()
                && people
                    .iter()
                    .all(|p| !p.name.is_empty() && groups.iter().any(|g| g.party == p.party)) =>
        {
            people
        }
        _ => Vec::new(),
    }
}

/// Pronouns that stand for a sentence's subject in an att-clause: `… anmäler att hon avstår`.
const PRONOUNS: &[&str] = &["han", "hon", "hen", "de"];

/// The people a noun's passive names as the agent: `Reservation anmäls av Per Holm (V)`,
/// `Jäv anmäls av Bo Ek (SD)`, `Reservationer lämnas av Moderaterna och Kristdemokraterna`,
/// `Reservationen från Anna Ek (S)`: "av" or "från" within the four words after the noun
/// (`after`, the sentence's text after it), and the people right after it.
fn agent_people(after: &str) -> Vec<Person> {
    let mut words = after.split(' ').filter(|w| !w.is_empty());
    let mut at = 0;
    for w in words.by_ref().take(5) {
        // `w` is a slice of `after`: its end is found from its place.
        let end = w.as_ptr() as usize - after.as_ptr() as usize + w.len();
        if w == "av" || w == "från" {
            at = end;
            break;
        }
    }
    if at == 0 {
        return Vec::new();
    }
    leading_people(&after[at..])
}

/// The people a reservation's noun names (`reservation`, `reservationer`, `reservationen`
/// at `at`..`end` of `sentence`; `lower` is it in lower case): a heading's people after it at
/// the sentence's start (`Reservation Socialdemokraterna, skriftlig, bilaga 3`), a passive's
/// agent ([`agent_people`]), or the subject of the verb before it (`Per Holm (V) anmäler
/// reservation mot beslutet`).
fn reservation_people(sentence: &str, lower: &str, at: usize, end: usize) -> Vec<Person> {
    let after = sentence[end..].trim_start_matches(is_alnum);
    // A mark may part the heading from its people: `Reservation – Sverigedemokraterna`.
    let named = after.trim_start().trim_start_matches([',', '–', '-', ':']).trim_start();
    if at == 0
        && let Ok((rest, people)) = people_column(named)
        && (rest.trim().is_empty() || rest.trim_start().starts_with([',', '.', ';', '(']))
    {
        return people;
    }
    let agents = agent_people(after);
    if !agents.is_empty() {
        return agents;
    }
    match find_phrase(&lower[..at], RESERVATION_VERBS) {
        Some((verb, _)) => trailing_people(&sentence[..verb]),
        None => Vec::new(),
    }
}

/// Verbs whose subject gives a reservation: `anmäler reservation`, `lämnar en reservation`.
const RESERVATION_VERBS: &[&str] = &["anmäler", "anmälde", "lämnar", "lämnade", "har lämnat"];

fn push_unique(into: &mut Vec<Person>, people: Vec<Person>) {
    for p in people {
        if !into.contains(&p) {
            into.push(p);
        }
    }
}

/// Reads every stance in a paragraph's prose.
#[must_use]
pub fn stances(text: &str) -> Stances {
    let mut out = Stances::default();
    // Most paragraphs record no stance: one look for the cue words spares the sentence work.
    let cues = cue_positions(text);
    if cues.is_empty() {
        return out;
    }
    for s in cue_sentences(text, &cues) {
        let lower = super::text::lower_case(&s);
        if lower.len() != s.len() {
            continue;
        }
        if lower.contains("jäv")
            && let Some((at, end)) = find_phrase(&lower, CONFLICT)
        {
            let verbs =
                &["anmäler", "anmälde", "har anmält", "anmält", "deltar", "är jävig", "lämnar"];
            let verb = find_phrase(&lower, verbs).filter(|v| v.0 < at).unwrap_or((at, end));
            let mut people = people_around(&s, verb.0, end);
            if people.is_empty() {
                // `Bo Ek (M) förklarar sig jävig`: another verb before the noun.
                people = people_before_verbs(&s, at);
            }
            if people.is_empty() && verb.0 < at {
                // `Under ärendet lämnar ordföranden sammanträdet på grund av jäv`: the subject
                // after its verb.
                // `I handläggningen deltar inte Maria Lindqvist (KD) på grund av jäv`.
                let after = s[verb.1..].trim_start();
                let after = after
                    .strip_prefix("inte ")
                    .or_else(|| after.strip_prefix("ej "))
                    .unwrap_or(after);
                people = leading_people(after);
                if people.is_empty() {
                    people = role_subject(first_words(after, 4), true).into_iter().collect();
                }
            }
            if people.is_empty() {
                // "På grund av jäv deltar inte Erik Sten (M) i handläggningen": the people after
                // the verb that follows the noun; "Jäv anmäls av Bo Ek (SD)": the agent.
                // "På grund av jäv lämnar Anna Ek (S) sammanträdet" too.
                let after_verbs = &["deltar", "deltog", "lämnar", "lämnade"];
                if let Some((v, v_end)) = find_phrase(&lower[end..], after_verbs) {
                    people = people_around(&s, end + v, end + v_end);
                }
                if people.is_empty() {
                    people = agent_people(&s[end..]);
                }
            }
            push_unique(&mut out.conflicts, people);
            continue;
        }
        // `Anna Ek (S) deltar inte i handläggningen av ärendet`: jäv without its word.
        if lower.contains("handläggning")
            && let Some((at, end)) = find_phrase(&lower, STAYS_OUT_OF_HANDLING)
        {
            push_unique(&mut out.conflicts, people_around(&s, at, end));
            continue;
        }
        if lower.contains("avst")
            || lower.contains("deltar")
            || lower.contains("deltog")
            || lower.contains("ej deltagande")
        {
            if let Some((at, end)) = find_phrase(&lower, ABSTAIN) {
                push_unique(&mut out.abstained, people_around(&s, at, end));
            } else if let Some(at) = abstain_last(&lower) {
                push_unique(&mut out.abstained, trailing_people(&s[..at]));
            }
        }
        if lower.contains("reserver")
            && let Some((at, end)) = find_phrase(&lower, RESERVE)
        {
            push_unique(&mut out.reserved, people_around(&s, at, end));
        }
        if lower.contains("reservation") {
            if let Some((_, end)) = find_phrase(&lower, RESERVATION_LABEL) {
                push_unique(&mut out.reserved, labelled_people(&s[end..]));
            } else if let Some((at, end)) = find_phrase(&lower, RESERVATION_NOUN) {
                push_unique(&mut out.reserved, reservation_people(&s, &lower, at, end));
            }
        }
        if lower.contains("yrka")
            && let Some((at, end)) = find_phrase(&lower, &["yrkar", "yrkade"])
        {
            let what = s[end..].trim().trim_end_matches('.').to_string();
            for p in trailing_people(&s[..at]) {
                if !p.name.is_empty() && !what.is_empty() {
                    out.motions.push(Motion { name: p.name, party: p.party, text: what.clone() });
                }
            }
        }
        if (lower.contains("röst") || lower.contains("nej"))
            && let Some(v) = vote_counts(&lower)
        {
            let votes = out.votes.get_or_insert_with(Votes::default);
            votes.yes = votes.yes.or(v.yes);
            votes.no = votes.no.or(v.no);
            votes.abstain = votes.abstain.or(v.abstain);
        }
    }
    headed_people(text, &cues, &mut out);
    for people in [&mut out.abstained, &mut out.reserved, &mut out.conflicts] {
        drop_groups_named(people);
    }
    out
}

/// The people that end a sentence's subject a few words before a stance's word at `at`,
/// where the words between are a verb's, in small letters: `Bo Ek (M) förklarar sig jävig`,
/// `Anna Ek (S), som är jävig, deltar inte`, `Lars Ek (C) har meddelat jäv`.
///
/// Pattern: `… PEOPLE[,] word{1,3} WORD`, each `word` in small letters.
fn people_before_verbs(sentence: &str, at: usize) -> Vec<Person> {
    let mut end = at;
    for _ in 0..3 {
        let before = sentence[..end].trim_end();
        let start = before.rfind(' ').map_or(0, |k| k + 1);
        let word = before[start..].trim_end_matches(',');
        // A preposition starts a phrase of its own: in `Bo Ek (S) ersätts av Per Dahl (S) på
        // grund av jäv` the people before `på grund av` are not the subject.
        if word.is_empty() || !word.chars().all(char::is_lowercase) || PREPOSITIONS.contains(&word)
        {
            break;
        }
        end = start;
        let people = trailing_people(&sentence[..end]);
        if !people.is_empty() {
            return people;
        }
    }
    Vec::new()
}

/// Prepositions, which no verb's words before a stance's noun hold: see
/// [`people_before_verbs`].
const PREPOSITIONS: &[&str] =
    &["av", "för", "från", "i", "med", "om", "på", "till", "under", "vid", "efter", "enligt"];

/// Which list a stance's heading alone on its line heads, as some minutes print the people on
/// the next line: abstained (0), reserved (1), jäv (2).
///
/// Pattern: the whole line, in any case, with or without a colon: `Avstår från att delta i
/// beslutet`, `Deltar inte i beslutet`, `Ej deltagande i beslut`, `Reservation`,
/// `Reservationer`, `Jäv`.
fn stance_heading(line: &str) -> Option<usize> {
    // A first look: every heading is short (a prose line is longer).
    if line.len() > 48 {
        return None;
    }
    let t = line.trim().trim_end_matches([':', '.']).trim_end();
    STANCE_HEADINGS.iter().find(|(h, _)| super::lexical::eq_lower(t, h)).map(|&(_, k)| k)
}

/// The headings [`stance_heading`] reads, lower case, with the list each heads.
const STANCE_HEADINGS: &[(&str, usize)] = &[
    ("avstår från att delta i beslutet", 0),
    ("avstår från att delta i beslut", 0),
    ("avstår från att rösta", 0),
    ("deltar inte i beslutet", 0),
    ("deltar ej i beslutet", 0),
    ("deltar inte i beslut", 0),
    ("deltar ej i beslut", 0),
    ("ej deltagande i beslutet", 0),
    ("ej deltagande i beslut", 0),
    ("ej deltagande", 0),
    ("avstår", 0),
    ("reservation", 1),
    ("reservationer", 1),
    ("reservation mot beslutet", 1),
    ("reservationer mot beslutet", 1),
    ("skriftlig reservation", 1),
    ("skriftliga reservationer", 1),
    ("jäv", 2),
    ("anmält jäv", 2),
    ("anmäld jäv", 2),
    ("anmälda jäv", 2),
];

/// The first words of the [`STANCE_HEADINGS`], each once (a test holds them to the table).
const HEADING_FIRST_WORDS: &[&str] = &[
    "avstår",
    "deltar",
    "ej",
    "reservation",
    "reservationer",
    "skriftlig",
    "skriftliga",
    "jäv",
    "anmält",
    "anmäld",
    "anmälda",
];

/// The people under a stance's heading, into their list: on each line under it that holds
/// nothing but people (`Ej deltagande i beslutet` / `Anna Ek (SD)` / `Lars Ek (SD)`,
/// `Reservation` / `Marie Ek (SD) och Olle Berg (SD)`), or after it and a colon on its own
/// line (`Ej deltagande i beslut: Anna Ek (SD)`, `Avstår: Per Holm (V)`).
fn headed_people(text: &str, cues: &[usize], out: &mut Stances) {
    for &at in cues {
        let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |p| at + p);
        let line = &text[line_start..line_end];
        // `HEADING: PEOPLE`: the colon after the cue, the heading before it, people after it
        // (a colon that ends the line ends a heading over its people).
        let colon = line[at - line_start..].find(':').map(|c| at - line_start + c);
        let kind = if let Some(c) = colon
            && !line[c + 1..].trim().is_empty()
            && let Some(kind) = stance_heading(&line[..c])
        {
            let people = labelled_people(&line[c + 1..]);
            let named = !people.is_empty();
            push_unique(stance_list(out, kind), people);
            // The list goes on on the lines under it only where it starts on this one.
            named.then_some(kind)
        } else if let Some((kind, people)) = people_in_heading(line) {
            push_unique(stance_list(out, kind), people);
            Some(kind)
        } else {
            // A sentence that ends in a colon heads its people too: `Följande ledamöter
            // reserverar sig mot beslutet:` / `Anna Ek (S)` / `Lars Ek (S)`.
            stance_heading(line).or_else(|| phrase_kind(line))
        };
        let Some(kind) = kind else { continue };
        let mut next = text[line_end..].trim_start_matches('\n');
        while !next.is_empty() {
            let end = next.find('\n').unwrap_or(next.len());
            let people = labelled_people(&next[..end]);
            if people.is_empty() {
                break;
            }
            push_unique(stance_list(out, kind), people);
            next = next[end..].trim_start_matches('\n');
        }
    }
}

/// The list a line that ends in a colon heads by its stance's phrase (as [`stance_heading`]
/// numbers them), where it names no one itself: `Följande ledamöter avstår från att delta i
/// beslutet:` (0), `Följande reserverar sig mot beslutet:` (1).
fn phrase_kind(line: &str) -> Option<usize> {
    let line = line.trim_end();
    if !line.ends_with(':') {
        return None;
    }
    let lower = super::text::lower_case(line);
    if lower.len() != line.len() {
        return None;
    }
    let (kind, (at, end)) = [ABSTAIN, RESERVE, CONFLICT]
        .iter()
        .enumerate()
        .find_map(|(k, phrases)| find_phrase(&lower, phrases).map(|span| (k, span)))?;
    people_around(line, at, end).is_empty().then_some(kind)
}

/// A stance's heading that a label column wrapped around its people, as the text joins a
/// `pdftotext -layout` label cell of two lines and the people beside its first: the line
/// without the people is a heading ([`stance_heading`]), the people a list with parties.
///
/// Pattern: `HEAD PEOPLE [REST]`, `HEAD REST` a heading. Example: `Avstår från att Per
/// Olsson (SD) delta i beslutet` (of `Avstår från att⇥Per Olsson (SD)` / `delta i
/// beslutet`).
fn people_in_heading(line: &str) -> Option<(usize, Vec<Person>)> {
    // A heading is a few words, its people a few more: a longer line is prose. Every person
    // with a party holds a `(`, and every heading starts with one of these words.
    let first = line.split(' ').next().unwrap_or("");
    let heading_word = HEADING_FIRST_WORDS.iter().any(|w| super::lexical::eq_lower(first, w));
    if line.len() > 160 || !heading_word || !line.contains('(') {
        return None;
    }
    let mut prev = ' ';
    for (at, c) in line.char_indices() {
        if prev == ' '
            && c.is_uppercase()
            && at > 0
            && let Ok((rest, people)) = people_column(&line[at..])
            && people.iter().all(|p| p.party.is_some() && !p.name.is_empty())
        {
            let head = format!("{} {}", line[..at].trim_end(), rest.trim());
            return stance_heading(&head).map(|kind| (kind, people));
        }
        prev = c;
    }
    None
}

/// The list of `out` a stance's heading names: abstained (0), reserved (1), jäv (2).
fn stance_list(out: &mut Stances, kind: usize) -> &mut Vec<Person> {
    match kind {
        0 => &mut out.abstained,
        1 => &mut out.reserved,
        _ => &mut out.conflicts,
    }
}

/// Drops a party group (a person with a party and no name) when the same list names a member
/// of that party: `Kristdemokraternas och Liberalernas ledamöter deltar inte i beslutet.`
/// followed by `Lennart Björk (KD) och Johan Ståhl (L) avstår …` are two people, not four.
fn drop_groups_named(people: &mut Vec<Person>) {
    if people.iter().all(|p| !p.name.is_empty()) {
        return;
    }
    let named: Vec<Option<String>> =
        people.iter().filter(|p| !p.name.is_empty()).map(|p| p.party.clone()).collect();
    people.retain(|p| !p.name.is_empty() || p.party.is_none() || !named.contains(&p.party));
}

/// The number written just before `at` (`8 ja-röster`) or just after (`ja-röster: 8`).
fn number_near(lower: &str, at: usize, end: usize) -> Option<u32> {
    let before = lower[..at].trim_end();
    let word_start = super::lexical::after_last(before, |c| !c.is_ascii_digit());
    if let Ok(n) = before[word_start..].parse() {
        return Some(n);
    }
    let after = lower[end..].trim_start_matches([':', ' ', '\t']);
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Vote counts in a sentence: `8 ja-röster mot 5 nej-röster, 2 avstår`,
/// `Ja-röster: 30, Nej-röster: 20, Avstår: 3`, `med 41 röster mot 30`.
fn vote_counts(lower: &str) -> Option<Votes> {
    let find = |words: &[&str]| -> Option<u32> {
        words.iter().find_map(|w| {
            let (at, end) = find_phrase(lower, &[w])?;
            number_near(lower, at, end)
        })
    };
    let yes = find(&["ja-röster", "ja-rösterna", "jaröster", "ja röster", "röstar ja", "ja"]);
    let no = find(&["nej-röster", "nej-rösterna", "nejröster", "nej röster", "röstar nej", "nej"]);
    let abstain = find(&["avstår", "avstod", "avstående", "som avstår", "avstår från att rösta"]);
    if yes.is_some() && no.is_some() {
        return Some(Votes { yes, no, abstain, ballots: Vec::new() });
    }
    None
}

/// The ballots of a voting list's lines: one to a line ([`ballot`]), or a table of marks
/// under a `Ja⇥Nej⇥Avstår` header whose rows keep their empty cells (`Erik Ek (M)⇥⇥X`).
#[must_use]
pub fn ballots(lines: &[&str]) -> Vec<Ballot> {
    let mut out: Vec<Ballot> = lines.iter().filter_map(|l| ballot(l)).collect();
    if out.is_empty() {
        out = marked_ballots(lines);
    }
    out
}

/// The vote a header row's cell names: `Ja`, `Nej`, `Avstår` (`Avstod`, `Avstående`).
fn vote_heading(cell: &str) -> Option<&'static str> {
    let cell = cell.trim();
    [
        ("ja", "ja"),
        ("nej", "nej"),
        ("avstår", "avstår"),
        ("avstod", "avstår"),
        ("avstående", "avstår"),
    ]
    .iter()
    .find(|(h, _)| super::lexical::eq_lower(cell, h))
    .map(|&(_, vote)| vote)
}

/// The ballots of a table of marks under a header row of votes, whose rows keep their empty
/// cells as a converter's pipe table does (`Erik Ek (M)⇥⇥X`): each row's person votes as the
/// header names the column of its mark. A table whose rows hold no empty cell gives none, as
/// `pdftotext -layout` drops them and the mark's column is unknown.
///
/// Pattern: `NAME-HEADING⇥Ja⇥Nej⇥Avstår` / `PERSON⇥…⇥X`. Example: `Ledamot⇥Ja⇥Nej⇥Avstår` /
/// `Anna Ek (S)⇥X` / `Erik Ek (M)⇥⇥X` → ja, nej.
fn marked_ballots(lines: &[&str]) -> Vec<Ballot> {
    let Some(h) = lines.iter().position(|l| {
        l.contains('\t') && l.split('\t').filter(|c| vote_heading(c).is_some()).count() >= 2
    }) else {
        return Vec::new();
    };
    let header: Vec<Option<&str>> = lines[h].split('\t').map(vote_heading).collect();
    let rows: Vec<&str> =
        lines[h + 1..].iter().copied().take_while(|l| !l.trim().is_empty()).collect();
    if !rows.iter().any(|r| r.contains("\t\t")) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for row in rows {
        let Ok((_, p)) = person(row.trim_start()) else { continue };
        let marked = row
            .split('\t')
            .enumerate()
            .skip(1)
            .find(|(_, c)| matches!(c.trim(), "X" | "x" | "✓" | "✔"));
        if let Some(vote) = marked.and_then(|(k, _)| header.get(k).copied().flatten()) {
            out.push(Ballot { name: p.name, party: p.party, vote: vote.to_string() });
        }
    }
    out
}

/// One ballot line of a voting list: `Anna Ek (S)\tJa`, `Bo Ek (M) nej`, `Eva Al (C) avstår`.
#[must_use]
pub fn ballot(line: &str) -> Option<Ballot> {
    let (rest, p) = person(line.trim()).ok()?;
    let (rest, party) = match party(rest.trim_start()) {
        Ok((r, pa)) => (r, Some(pa)),
        Err(_) => (rest, p.party.clone()),
    };
    let vote = rest.trim().to_lowercase();
    let vote = match vote.as_str() {
        "ja" | "x ja" => "ja",
        "nej" => "nej",
        "avstår" | "avstod" | "avstående" => "avstår",
        _ => return None,
    };
    Some(Ballot { name: p.name, party, vote: vote.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_first_words_are_the_headings() {
        let mut from_table: Vec<&str> =
            STANCE_HEADINGS.iter().map(|(h, _)| h.split(' ').next().unwrap_or(h)).collect();
        from_table.sort_unstable();
        from_table.dedup();
        let mut listed = HEADING_FIRST_WORDS.to_vec();
        listed.sort_unstable();
        assert_eq!(listed, from_table);
    }

    #[test]
    fn find_from_is_find() {
        let s = "Anna Ek (S) avstår från att delta i beslutet; jävig är även Åsa. reserverar sig";
        for p in ["a", "avstår", "jäv", "är", "Å", "sig", "beslutet;", "x", "sig!", s] {
            for from in (0..=s.len()).filter(|&k| s.is_char_boundary(k)) {
                assert_eq!(
                    find_from(s, from, p),
                    s[from..].find(p).map(|x| x + from),
                    "{p} {from}"
                );
            }
        }
    }

    #[test]
    fn cue_pairs_are_the_cues_first_bytes() {
        let pairs: Vec<(u8, u8)> =
            cue_patterns().iter().flatten().map(|p| (p[0] | 0x20, p[1])).collect();
        for c0 in 0..=255u8 {
            for c1 in 0..=255u8 {
                let compared = pairs.contains(&(c0 | 0x20, c1.to_ascii_lowercase()));
                assert_eq!(may_start_cue(c0, c1), compared, "{c0} {c1}");
            }
        }
    }

    fn p(name: &str, party: &str) -> Person {
        Person { name: name.into(), party: Some(party.into()) }
    }

    #[test]
    fn cues_at_word_starts_in_any_case() {
        let text = "Anna AVSTÅR, Bo avstod; JÄV och Jäv, (röst) RÖST ReSeRvErar nejröst Xnej";
        let at: Vec<&str> = cue_positions(text).iter().map(|&p| &text[p..p + 3]).collect();
        assert_eq!(at, ["AVS", "avs", "JÄ", "Jä", "rö", "RÖ", "ReS", "nej"]);
        assert!(cue_positions("Rostade bröd, Deltagare och jarl").is_empty());
        let text = "Ej deltagande i beslut, ej deltagandet; Övriga deltagande";
        let at: Vec<&str> = cue_positions(text).iter().map(|&p| &text[p..p + 3]).collect();
        assert_eq!(at, ["del", "del"]);
    }

    /// A stance's heading alone on its line, the people on the next.
    #[test]
    fn a_heading_over_its_people() {
        let s = stances("Beslut\nAntas.\nSkriftlig reservation\nOlle Berg (V)");
        assert_eq!(s.reserved, vec![p("Olle Berg", "V")]);
        let s = stances("Anmäld jäv\nMia Sand (MP)\n\nBeslut\nAntas.");
        assert_eq!(s.conflicts, vec![p("Mia Sand", "MP")]);
        let s = stances("Beslut\nAntas.\nAvstår från att delta i beslutet\nGilbert Tribo (L)");
        assert_eq!(s.abstained, vec![p("Gilbert Tribo", "L")]);
        let s = stances("Reservation\nMarie Ek (SD) och Olle Berg (SD)\nBeslutet skickas till");
        assert_eq!(s.reserved, vec![p("Marie Ek", "SD"), p("Olle Berg", "SD")]);
        let s = stances("Deltar inte i beslutet:\nPer Holm (V), Lisa Berg (MP)");
        assert_eq!(s.abstained, vec![p("Per Holm", "V"), p("Lisa Berg", "MP")]);
        // A heading over prose reads no one.
        let s = stances("Reservation\nEn reservation lämnades inte.");
        assert!(s.reserved.is_empty());
        // People on several lines, each line a list.
        let s = stances("Ej deltagande i beslutet\nAnna Andersson (SD)\nLars Ek (SD)\nBeslut");
        assert_eq!(s.abstained, vec![p("Anna Andersson", "SD"), p("Lars Ek", "SD")]);
        // The heading, its first people on its line, more on the lines under it.
        let s = stances("Avstår från att delta i beslutet Per Olsson (SD)\nKarin Åberg (SD)");
        assert_eq!(s.abstained, vec![p("Per Olsson", "SD"), p("Karin Åberg", "SD")]);
        let s = stances("Ej deltagande i beslut: Per Olsson (SD)\nKarin Åberg (SD)\nBeslut");
        assert_eq!(s.abstained, vec![p("Per Olsson", "SD"), p("Karin Åberg", "SD")]);
        let s = stances("Ej deltagande\nLars Ek (M), Anna Berg (KD)");
        assert_eq!(s.abstained, vec![p("Lars Ek", "M"), p("Anna Berg", "KD")]);
        // A list with a remark or the grounds of a reservation after it.
        let s = stances(
            "Reservation\nAnna Andersson (V) och Lars Ek (V) till förmån för eget yrkande.",
        );
        assert_eq!(s.reserved, vec![p("Anna Andersson", "V"), p("Lars Ek", "V")]);
        // A label column wrapped around its people.
        let s = stances("Beslut Antas.\nAvstår från att Per Olsson (SD) delta i beslutet");
        assert_eq!(s.abstained, vec![p("Per Olsson", "SD")]);
        let s = stances("Ej deltagande i Per Olsson (SD), Anna Ek (SD) beslutet");
        assert_eq!(s.abstained, vec![p("Per Olsson", "SD"), p("Anna Ek", "SD")]);
        // A column of people that a label's line ran together.
        let s = stances("Reservation Lisa Karlsson (L) Anna Berg (L)");
        assert_eq!(s.reserved, vec![p("Lisa Karlsson", "L"), p("Anna Berg", "L")]);
        let s = stances("Reservation\n- Anna Andersson (S)\n- Lars Ek (S)");
        assert_eq!(s.reserved, vec![p("Anna Andersson", "S"), p("Lars Ek", "S")]);
        let s = stances("Reservation\nM, KD och L");
        assert_eq!(s.reserved.len(), 3);
        let s = stances("Reservation\nSverigedemokraterna, skriftlig reservation bilaga 1");
        assert_eq!(s.reserved, vec![Person { name: String::new(), party: Some("SD".into()) }]);
    }

    /// A stance's heading, a colon and the people on one line.
    #[test]
    fn a_heading_and_its_people_on_one_line() {
        let s = stances("Beslut\nGodkänns.\nEj deltagande i beslut: Per Olsson (SD)");
        assert_eq!(s.abstained, vec![p("Per Olsson", "SD")]);
        let s = stances("Ej deltagande i beslutet: Johan Berg (S) och Lena Strand (S)");
        assert_eq!(s.abstained, vec![p("Johan Berg", "S"), p("Lena Strand", "S")]);
        let s = stances("Avstår: Anna Andersson (S)");
        assert_eq!(s.abstained, vec![p("Anna Andersson", "S")]);
        let s = stances("Reservation mot beslutet: Lars Ek (M), Anna Berg (M)");
        assert_eq!(s.reserved, vec![p("Lars Ek", "M"), p("Anna Berg", "M")]);
        // A colon before the cue is no heading's.
        assert!(stances("Yrkande: Anna Ek (S) yrkar avslag.").abstained.is_empty());
    }

    /// A party group and the members of it named in the same paragraph are the members.
    #[test]
    fn a_group_and_its_named_members_are_the_members() {
        let s = stances(
            "Kristdemokraternas och Liberalernas ledamöter deltar inte i beslutet. Lennart Björk (KD) och Johan Ståhl (L) avstår från att delta i beslutet.",
        );
        assert_eq!(s.abstained, vec![p("Lennart Björk", "KD"), p("Johan Ståhl", "L")]);
        let s = stances(
            "Ledamöterna från M och KD avstår. Anna Ek (M) avstår från att delta i beslutet.",
        );
        assert_eq!(
            s.abstained,
            vec![Person { name: String::new(), party: Some("KD".into()) }, p("Anna Ek", "M")]
        );
    }

    /// A party group's stance followed by its members: the members.
    #[test]
    fn a_group_then_its_members_after_the_phrase() {
        let s = stances(
            "Ledamöterna för Vänsterpartiet reserverar sig mot beslutet: Lena Dafgård (V), Mikael Johansson (V) och Susanne Wallin (V).",
        );
        assert_eq!(
            s.reserved,
            vec![p("Lena Dafgård", "V"), p("Mikael Johansson", "V"), p("Susanne Wallin", "V")]
        );
        let s = stances(
            "Ledamöterna från Sverigedemokraterna avstår från att delta i beslutet, Christoffer Lindberg (SD).",
        );
        assert_eq!(s.abstained, vec![p("Christoffer Lindberg", "SD")]);
        let s = stances(
            "Ledamöterna från Miljöpartiet de gröna reserverar sig, Annika Annerby Jansson (MP) och Karin Svensson Smith (MP).",
        );
        assert_eq!(
            s.reserved,
            vec![p("Annika Annerby Jansson", "MP"), p("Karin Svensson Smith", "MP")]
        );
        // Someone of another party after the comma is no member: the group stays.
        let s = stances("Ledamöterna för SD reserverar sig, liksom Anna Ek (M).");
        assert_eq!(s.reserved, vec![Person { name: String::new(), party: Some("SD".into()) }]);
    }

    #[test]
    fn abstentions() {
        let s =
            stances("Pia Lundin (SJVP) och Erica Stenberg (SD) avstår från att delta i beslut.");
        assert_eq!(s.abstained, vec![p("Pia Lundin", "SJVP"), p("Erica Stenberg", "SD")]);
        let s = stances(
            "My Högfeldt (MP), Joakim Ramberg (V) och Eric Nilsson (C) deltar inte i beslutet.",
        );
        assert_eq!(s.abstained.len(), 3);
        let s = stances("Ledamöterna från M och KD avstår från att delta i beslutet.");
        assert_eq!(
            s.abstained,
            vec![
                Person { name: String::new(), party: Some("M".into()) },
                Person { name: String::new(), party: Some("KD".into()) }
            ]
        );
        assert!(s.reserved.is_empty());
    }

    #[test]
    fn reservations_and_conflicts() {
        let s = stances(
            "Mot beslutet reserverar sig Anna Ek (S) och Bo Berg (V) till förmån för eget yrkande.",
        );
        assert_eq!(s.reserved, vec![p("Anna Ek", "S"), p("Bo Berg", "V")]);
        let s = stances(
            "Anna König Jerlmyr m.fl. (M), Dennis Wedin (M) och Lotta Edholm (L) reserverar sig mot beslutet till förmån för eget förslag.",
        );
        assert_eq!(
            s.reserved,
            vec![p("Anna König Jerlmyr", "M"), p("Dennis Wedin", "M"), p("Lotta Edholm", "L")]
        );
        let s = stances("Vi i Sverigedemokraterna reserverar oss mot beslutet.");
        assert_eq!(s.reserved, vec![p("", "SD")]);
        let s = stances("Jag, Anna Ek (S), reserverar mig mot beslutet.");
        assert_eq!(s.reserved, vec![p("Anna Ek", "S")]);
        assert!(stances("Vi reserverar oss mot beslutet.").reserved.is_empty());
        let s = stances("Anna Berg m.fl. (S) reserverar sig.");
        assert_eq!(s.reserved, vec![p("Anna Berg", "S")]);
        let s = stances(
            "S-ledamöterna, V-ledamoten och MP-ledamoten reserverar sig mot beslutet till förmån för sitt eget förslag.",
        );
        assert_eq!(s.reserved, vec![p("", "S"), p("", "V"), p("", "MP")]);
        let s = stances("S-ledamöterna reserverar sig.");
        assert_eq!(s.reserved, vec![p("", "S")]);
        let s = stances("Beslutet fattas.\nReservation: Eva Lund (V)");
        assert_eq!(s.reserved, vec![p("Eva Lund", "V")]);
        let s = stances("Reservationer: Eva Lund (V) och Bo Ek (M).");
        assert_eq!(s.reserved, vec![p("Eva Lund", "V"), p("Bo Ek", "M")]);
        // A reservation's heading alone names nobody.
        assert!(stances("Reservation\nBilaga 3").reserved.is_empty());
        let s = stances("Anna Ek (S) anmäler jäv och deltar inte i handläggningen av ärendet.");
        assert_eq!((s.conflicts, s.abstained), (vec![p("Anna Ek", "S")], vec![]));
    }

    #[test]
    fn abstentions_in_other_words() {
        let g = |party: &str| Person { name: String::new(), party: Some(party.into()) };
        assert_eq!(stances("Vänsterpartiet avstår.").abstained, vec![g("V")]);
        let s = stances("Lennart Nilsson (SD) och Anna-Lena Jakobsson (V) avstår.");
        assert_eq!(s.abstained, vec![p("Lennart Nilsson", "SD"), p("Anna-Lena Jakobsson", "V")]);
        // A vote's count is no one's abstention.
        assert!(
            stances("Omröstningen utfaller med 8 ja mot 5 nej. 2 avstår.").abstained.is_empty()
        );
        let s = stances("Deltar inte i beslutet: Anna Ek (S), Bo Berg (S).");
        assert_eq!(s.abstained, vec![p("Anna Ek", "S"), p("Bo Berg", "S")]);
        let s = stances("Avstår från att delta i beslutet: Per Holm (V)");
        assert_eq!(s.abstained, vec![p("Per Holm", "V")]);
        let s = stances("Till protokollet antecknas att Anna Ek (S) inte deltar i beslutet.");
        assert_eq!(s.abstained, vec![p("Anna Ek", "S")]);
        let s = stances("Lars Ek (C) deltar inte i omröstningen.");
        assert_eq!(s.abstained, vec![p("Lars Ek", "C")]);
        let s = stances("Lars Ek (C) avstår från ställningstagande.");
        assert_eq!(s.abstained, vec![p("Lars Ek", "C")]);
        let s = stances("Lars Ek (C) anmäler att han inte deltar i beslutet.");
        assert_eq!(s.abstained, vec![p("Lars Ek", "C")]);
        let s =
            stances("Lars Ek (M) ställer sig bakom beslutet men reserverar sig mot att-sats 2.");
        assert_eq!(s.reserved, vec![p("Lars Ek", "M")]);
        let s = stances("Följande reserverar sig mot beslutet: Anna Ek (S) och Lars Ek (S).");
        assert_eq!(s.reserved, vec![p("Anna Ek", "S"), p("Lars Ek", "S")]);
        let s =
            stances("Följande ledamöter reserverar sig mot beslutet:\nAnna Ek (S)\nLars Ek (S)");
        assert_eq!(s.reserved, vec![p("Anna Ek", "S"), p("Lars Ek", "S")]);
    }

    #[test]
    fn reservations_by_their_noun() {
        let g = |party: &str| Person { name: String::new(), party: Some(party.into()) };
        let s = stances("Reservation Socialdemokraterna, skriftlig, bilaga 3");
        assert_eq!(s.reserved, vec![g("S")]);
        assert_eq!(stances("Reservation – Sverigedemokraterna").reserved, vec![g("SD")]);
        assert_eq!(stances("Reservation (SD)").reserved, vec![g("SD")]);
        assert_eq!(stances("KD reserverar sig mot beslutet.").reserved, vec![g("KD")]);
        let s = stances("Reservation anmäls av Per Holm (V) till förmån för eget yrkande.");
        assert_eq!(s.reserved, vec![p("Per Holm", "V")]);
        let s = stances("Reservationer lämnas av Moderaterna och Kristdemokraterna, bilaga 5.");
        assert_eq!(s.reserved, vec![g("M"), g("KD")]);
        let s = stances("Reservation mot beslutet lämnas av Bo Ek (M).");
        assert_eq!(s.reserved, vec![p("Bo Ek", "M")]);
        let s = stances("Per Holm (V) anmäler reservation mot beslutet.");
        assert_eq!(s.reserved, vec![p("Per Holm", "V")]);
        // A heading of reservations and remarks names nobody.
        assert!(stances("Reservationer och särskilda yttranden").reserved.is_empty());
        assert!(stances("Reservationen bifogas protokollet.").reserved.is_empty());
    }

    #[test]
    fn conflicts_in_other_words() {
        let s = stances("På grund av jäv deltar inte Erik Sten (M) i handläggningen");
        assert_eq!(s.conflicts, vec![p("Erik Sten", "M")]);
        let s = stances("Jäv anmäls av Bo Ek (SD), som inte deltar i ärendets handläggning.");
        assert_eq!(s.conflicts, vec![p("Bo Ek", "SD")]);
        let s = stances("På grund av jäv lämnar Anna Ek (S) sammanträdet under ärendet.");
        assert_eq!(s.conflicts, vec![p("Anna Ek", "S")]);
        // The subject after its verb and `inte`, the noun at the end.
        let s = stances(
            "I handläggningen av ärendet deltar inte Maria Lindqvist (KD) på grund av jäv.",
        );
        assert_eq!(s.conflicts, vec![p("Maria Lindqvist", "KD")]);
        let s = stances("Lars Ek (M) har anmält jäv och lämnar rummet.");
        assert_eq!(s.conflicts, vec![p("Lars Ek", "M")]);
        // Other verbs before the noun, a participle after a report of it.
        let s = stances("Ordföranden konstaterar att Birgitta Holm (M) anmält jäv.");
        assert_eq!(s.conflicts, vec![p("Birgitta Holm", "M")]);
        let s = stances("Bo Ek (M) förklarar sig jävig och lämnar lokalen.");
        assert_eq!(s.conflicts, vec![p("Bo Ek", "M")]);
        let s = stances("Anna Ek (S), som är jävig, deltar inte i handläggningen.");
        assert_eq!(s.conflicts, vec![p("Anna Ek", "S")]);
        let s = stances("Lars Ek (C) har meddelat jäv i ärendet.");
        assert_eq!(s.conflicts, vec![p("Lars Ek", "C")]);
        let s = stances("Anna Ek (S) yrkar att ärendet återremitteras på grund av jäv.");
        assert!(s.conflicts.is_empty());
        let s = stances("Karl Ek (S) ersätts av Per Dahl (S) på grund av jäv.");
        assert!(s.conflicts.is_empty());
        // Staying out of the handling is what jäv makes one do; out of the decision is not.
        let s = stances("Olle Berg (V) deltar inte i handläggningen av ärendet.");
        assert_eq!((s.conflicts, s.abstained), (vec![p("Olle Berg", "V")], vec![]));
        let s = stances("I handläggningen deltar inte Olle Berg (V).");
        assert_eq!(s.conflicts, vec![p("Olle Berg", "V")]);
        let s = stances("Olle Berg (V) deltar inte i beslutet.");
        assert_eq!((s.conflicts, s.abstained), (vec![], vec![p("Olle Berg", "V")]));
    }

    /// A stance declared by a role names the role until the document's holder of it is known
    /// (`resolve_roles`); another body's officer (`Kommunstyrelsens ordförande`) is no role.
    #[test]
    fn stances_declared_by_a_role() {
        let role = |name: &str| Person { name: name.into(), party: None };
        let s = stances("Ordföranden anmäler jäv och deltar inte i handläggningen av ärendet.");
        assert_eq!(s.conflicts, vec![role("ordföranden")]);
        let s = stances("Vice ordföranden anmäler jäv och deltar inte i handläggningen.");
        assert_eq!(s.conflicts, vec![role("vice ordföranden")]);
        let s = stances("2:e vice ordförande anmäler jäv.");
        assert_eq!(s.conflicts, vec![role("andre vice ordföranden")]);
        let s = stances("På grund av jäv deltar inte ordföranden i handläggningen av ärendet.");
        assert_eq!(s.conflicts, vec![role("ordföranden")]);
        let s = stances(
            "Ordföranden meddelar att hon på grund av jäv inte deltar i handläggningen av ärendet.",
        );
        assert_eq!(s.conflicts, vec![role("ordföranden")]);
        let s = stances("Ordföranden avstår från att delta i beslutet.");
        assert_eq!(s.abstained, vec![role("ordföranden")]);
        // A person named beside the role is the person.
        let s = stances("Ordföranden Ingrid Sjöberg (S) anmäler jäv.");
        assert_eq!(s.conflicts, vec![p("Ingrid Sjöberg", "S")]);
        let s = stances("Sekreteraren Lena Ås anmäler jäv.");
        assert_eq!(s.conflicts, vec![Person { name: "Lena Ås".into(), party: None }]);
        assert!(stances("Kommunstyrelsens ordförande anmäler jäv.").conflicts.is_empty());
        // Roles among people, a role before its holder's name, the subject after its verb.
        let s = stances("Ordföranden och vice ordföranden anmäler jäv.");
        assert_eq!(s.conflicts, vec![role("ordföranden"), role("vice ordföranden")]);
        let s = stances("Olle Berg (V) och ordföranden reserverar sig mot beslutet.");
        assert_eq!(s.reserved, vec![p("Olle Berg", "V"), role("ordföranden")]);
        let s = stances(
            "Ordförande Karl Ek (S) och vice ordförande Olle Berg (V) anmäler jäv och lämnar rummet.",
        );
        assert_eq!(s.conflicts, vec![p("Karl Ek", "S"), p("Olle Berg", "V")]);
        let s = stances("Under detta ärende lämnar ordföranden sammanträdet på grund av jäv.");
        assert_eq!(s.conflicts, vec![role("ordföranden")]);
        let s = stances("Under ärendet lämnar Anna Ek (S) sammanträdet på grund av jäv.");
        assert_eq!(s.conflicts, vec![p("Anna Ek", "S")]);
        // Chars whose lower case is longer or shorter than they are never cut a role's words.
        for text in [
            "Ordföranden och se\u{212A}reteraren X\u{130} anmäler jäv.",
            "Ordföranden och \u{130}\u{212A}ordförande anmäler jäv.",
            "ORDFÖRANDEN och VICE ORDFÖRANDEN \u{130} avstår från att rösta.",
        ] {
            let _ = stances(text);
        }
        assert!(stances("Ordföranden konstaterar att ärendet är klart. Jäv").conflicts.is_empty());
    }

    #[test]
    fn roles_resolve_to_their_holders() {
        let role = |name: &str| Person { name: name.into(), party: None };
        let holder = |r: Role| (r == Role::Chair).then(|| p("Ingrid Sjöberg", "S"));
        let mut people = vec![role("ordföranden"), p("Bo Ek", "M"), p("Ingrid Sjöberg", "S")];
        resolve_roles(&mut people, holder);
        assert_eq!(people, vec![p("Ingrid Sjöberg", "S"), p("Bo Ek", "M")]);
        // No holder of the role: the role stays the name.
        let mut people = vec![role("vice ordföranden")];
        resolve_roles(&mut people, holder);
        assert_eq!(people, vec![role("vice ordföranden")]);
        assert_eq!(first_words("  a b c d e", 4), "a b c d");
        assert_eq!(first_words("a", 4), "a");
    }

    #[test]
    fn party_groups_in_their_forms() {
        let g = |party: &str| Person { name: String::new(), party: Some(party.into()) };
        let s = stances(
            "Moderaternas, Liberalernas och Kristdemokraternas ledamöter reserverar sig mot beslutet.",
        );
        assert_eq!(s.reserved, vec![g("M"), g("L"), g("KD")]);
        let s = stances("Vänsterpartiets ledamot Omar Ali avstår från att delta i beslutet.");
        assert_eq!(s.abstained, vec![p("Omar Ali", "V")]);
        let s = stances("MP:s ledamot avstår från att delta i beslutet.");
        assert_eq!(s.abstained, vec![g("MP")]);
        let s = stances("I beslutet deltar inte ledamöterna för Miljöpartiet.");
        assert_eq!(s.abstained, vec![g("MP")]);
        let s = stances("Mot beslutet reserverar sig samtliga ledamöter för Sverigedemokraterna.");
        assert_eq!(s.reserved, vec![g("SD")]);
        let s = stances("Den socialdemokratiska gruppen reserverar sig mot beslutet.");
        assert_eq!(s.reserved, vec![g("S")]);
        let s = stances("Miljöpartiet de gröna reserverar sig mot beslutet.");
        assert_eq!(s.reserved, vec![g("MP")]);
    }

    #[test]
    fn names_in_capitals() {
        let s = stances(
            "Anna-Karin LUNDBERG (C) och Per-Olof ANDERSSON (C) reserverar sig mot beslutet.",
        );
        assert_eq!(s.reserved, vec![p("Anna-Karin LUNDBERG", "C"), p("Per-Olof ANDERSSON", "C")]);
        let s = stances("ANNA EK (S) och BO BERG (V) reserverar sig mot beslutet.");
        assert_eq!(s.reserved, vec![p("ANNA EK", "S"), p("BO BERG", "V")]);
    }

    #[test]
    fn stances_of_local_parties_and_party_groups() {
        let s = stances("Tore Wikström (Sjöbopartiet) deltar inte i beslutet.");
        assert_eq!(s.abstained, vec![p("Tore Wikström", "Sjöbopartiet")]);
        let s = stances("Ulf Ek (Mbp) och Kristina Borg (S) reserverar sig mot beslutet.");
        assert_eq!(s.reserved, vec![p("Ulf Ek", "MBP"), p("Kristina Borg", "S")]);
        let s =
            stances("Socialdemokraterna (Fatima Osman och Emil Wahl) reserverar sig mot beslutet.");
        assert_eq!(s.reserved, vec![p("Fatima Osman", "S"), p("Emil Wahl", "S")]);
    }

    #[test]
    fn motions_and_votes() {
        let s = stances("Pia Lundin (SJVP) yrkar bifall till beredningens förslag.");
        assert_eq!(s.motions[0].text, "bifall till beredningens förslag");
        let s = stances("Omröstningen utfaller med 8 ja-röster mot 5 nej-röster och 2 som avstår.");
        let v = s.votes.expect("votes");
        assert_eq!((v.yes, v.no, v.abstain), (Some(8), Some(5), Some(2)));
        assert_eq!(ballot("Anna Ek (S)\tJa").map(|b| b.vote), Some("ja".into()));
        // A converter's table of marks keeps empty cells: the mark's column is the vote.
        let b = ballots(&[
            "Ledamot\tJa\tNej\tAvstår",
            "Anna Ek (S)\tX",
            "Erik Ek (M)\t\tX",
            "Lisa Berg (L)\t\t\tX",
        ]);
        let votes: Vec<&str> = b.iter().map(|b| b.vote.as_str()).collect();
        assert_eq!(votes, ["ja", "nej", "avstår"]);
        // Without empty cells the columns are unknown.
        assert!(ballots(&["Ledamot\tJa\tNej", "Anna Ek (S)\tX", "Erik Ek (M)\tX"]).is_empty());
    }
}
