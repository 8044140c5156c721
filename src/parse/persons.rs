//! People and parties: `Anna Andersson (S)` and lists such as
//! `My Högfeldt (MP), Joakim Ramberg (V) och Eric Nilsson (C)`, and party groups
//! (`Ledamöterna från M och KD`). Used by attendees, stances, motions and votes.

use super::lexical::tag_no_case;
use crate::parse::lexical::is_alpha;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n, take_while1};
use nom::character::complete::char;
use nom::combinator::{opt, recognize, verify};
use nom::multi::{fold_many_m_n, many0, separated_list1};
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};

use super::lexical::{ws0, ws1};
use crate::model::Person;

/// Capitalised words that start sentences or name roles and are never part of a name, sorted
/// (searched by bisection).
const NOT_NAME: &[&str] = &[
    "Att",
    "Av",
    "Bakgrund",
    "Beslut",
    "Beslutande",
    "Beslutet",
    "Centerpartiet",
    "De",
    "Den",
    "Dessutom",
    "Det",
    "Diarienummer",
    "Dnr",
    "Därefter",
    "Då",
    "Efter",
    "Ej",
    "Enligt",
    "Ersättare",
    "Ersättaren",
    "Ersättarna",
    "Folkpartiet",
    "Från",
    "Följande",
    "För",
    "Förslag",
    "Gruppen",
    "Han",
    "Hon",
    "Härefter",
    "Information",
    "Informationen",
    "Inför",
    "Ja",
    "Justerande",
    "Justerare",
    "Jäv",
    "Kl",
    "Kommun",
    "Kommunfullmäktige",
    "Kommunstyrelsen",
    "Kristdemokraterna",
    "Ledamot",
    "Ledamoten",
    "Ledamöter",
    "Ledamöterna",
    "Liberalerna",
    "Miljöpartiet",
    "Moderaterna",
    "Mot",
    "Nej",
    "Noteras",
    "Nämnden",
    "Närvarande",
    "Och",
    "Omröstning",
    "Ordf",
    "Ordförande",
    "Ordföranden",
    "Partierna",
    "Plats",
    "Protokollet",
    "Protokollsanteckning",
    "Region",
    "Regionstyrelsen",
    "Reservation",
    "Reservationer",
    "Samt",
    "Samtliga",
    "Se",
    "Sekreterare",
    "Sekreteraren",
    "Sida",
    "Socialdemokraterna",
    "Socialnämnden",
    "Styrelsen",
    "Sverigedemokraterna",
    "Tid",
    "Till",
    "Tjänsteman",
    "Tjänstemän",
    "Tjänstepersoner",
    "Tjänstgörande",
    "Under",
    "Utses",
    "Utskottet",
    "Vice",
    "Vid",
    "Vidare",
    "Vänsterpartiet",
    "Yrkande",
    "Yrkanden",
    "Ärende",
    "Ärendet",
    "Även",
    "Övriga",
];

/// The lengths of the [`NOT_NAME`] words by first byte: a name word is ruled out of the list
/// without searching it (most are).
const NOT_NAME_LENGTHS: [u32; 256] = super::lexical::first_byte_lengths(NOT_NAME);

/// Whether `w` is one of the [`NOT_NAME`] words: the length table first, then the search.
fn is_not_name(w: &str) -> bool {
    super::lexical::may_be_listed(&NOT_NAME_LENGTHS, w) && NOT_NAME.binary_search(&w).is_ok()
}

/// Particles inside a name, in small letters or capitalised: `Carl von Linné`, `Anna af Klint`,
/// `Rachel De Basso`.
const PARTICLES: &[&str] = &["von", "af", "av", "de", "van", "der", "la", "di", "da", "del"];

/// One capitalised word of a name: `Backlund`, `Sjöö-Törner`, `Anna -Lena` is read as
/// `Anna`, `-Lena`; an initial `V` or `V.` too.
///
/// Example: `Högfeldt` in `My Högfeldt (MP)`.
pub fn name_word(i: &str) -> IResult<&str, &str> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify));
    // Both shapes start with a capital, after a hyphen or not: a first look at one byte fails
    // most words (a non-ASCII char is left to the grammar).
    let at = usize::from(i.starts_with('-'));
    if i.as_bytes().get(at).is_none_or(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return Err(fail());
    }
    // By hand, without nom's Vec and the word's three re-reads, the grammar
    // `alt((full, initial))` where
    //   full    = ['-'] (letter | '\'')+ ('-' letter+)*, its first run capitalised: the first
    //             char upper case, a later one lower case, none later upper case;
    //   initial = one upper-case char ['.'] followed by a space (not consumed).
    // `full` is tried first (its runs are greedy, so it has one way to match), then `initial`.
    let word = full_name_word(i).or_else(|| {
        let c = i.chars().next().filter(|c| c.is_uppercase())?;
        let mut end = c.len_utf8();
        if i[end..].starts_with('.') {
            end += 1;
        }
        ws1(&i[end..]).is_ok().then_some(end)
    });
    match word {
        Some(end) if !is_not_name(&i[..end]) => Ok((&i[end..], &i[..end])),
        _ => Err(fail()),
    }
}

/// The length of the `full` shape of [`name_word`] at the start of `i`, if it matches:
/// `['-'] (letter | '\'')+ ('-' letter+)*`, its first run capitalised. ASCII is tested by byte;
/// any other char through `char`'s Unicode properties, as the grammar does.
fn full_name_word(i: &str) -> Option<usize> {
    let start = usize::from(i.starts_with('-'));
    let mut end = start;
    let (mut first, mut lower_after, mut upper_after) = (true, false, false);
    let b = i.as_bytes();
    // Char by char from `end`, always a char boundary: an ASCII byte is its own char, read
    // without decoding.
    while let Some(&byte) = b.get(end) {
        let c = if byte.is_ascii() { char::from(byte) } else { i[end..].chars().next()? };
        if !(is_alpha(c) || c == '\'') {
            break;
        }
        if first {
            if !c.is_uppercase() {
                return None;
            }
            first = false;
        } else {
            lower_after |= c.is_lowercase();
            upper_after |= c.is_uppercase();
        }
        end += c.len_utf8();
    }
    // A capital inside a surname after an apostrophe or a prefix: `D'Costa`, `MacDonald`,
    // `DuRietz` (looked at again only where a capital came after the first letter).
    if upper_after {
        upper_after = i[start..end]
            .char_indices()
            .skip(1)
            .any(|(k, c)| c.is_uppercase() && !inner_capital(&i[start..start + k]));
    }
    if first || !lower_after || upper_after {
        return None;
    }
    // `('-' letter+)*`
    while let Some(rest) = i[end..].strip_prefix('-') {
        let run: usize = rest.chars().take_while(|&c| is_alpha(c)).map(char::len_utf8).sum();
        if run == 0 {
            break;
        }
        end += 1 + run;
    }
    Some(end)
}

/// Surname prefixes after which a name word goes on with a capital: `MacDonald`,
/// `McCarthy`, `DuRietz`, `DeLuca`, `LaFontaine`.
const CAMEL_PREFIXES: &[&str] = &["Mac", "Mc", "Du", "De", "Di", "Da", "La", "Le", "Van", "Von"];

/// Whether a capital may follow `before`, a name word's letters so far: after an apostrophe
/// (`O'Neill`, `D'Costa`) or a surname prefix ([`CAMEL_PREFIXES`]).
fn inner_capital(before: &str) -> bool {
    before.ends_with('\'') || CAMEL_PREFIXES.contains(&before)
}

/// The gap between a name's words: spaces, never a tab, as a name does not span a column gap
/// (`Göran Pihl⇥Skolchef`, a table's name and title).
fn name_gap(i: &str) -> IResult<&str, &str> {
    take_while1(|c| c == ' ' || c == '\u{a0}')(i)
}

/// A person's name: two to five name words, one or two particles allowed before a word:
/// `Elina Backlund Arab`, `Annri V Thimstrand`, `Carl von Linné`, `Maria de la Cruz`,
/// `Rachel De Basso`.
pub fn name(i: &str) -> IResult<&str, &str> {
    // A particle in either case: `Carl von Linné`, `Rachel De Basso`.
    let particle = || {
        verify(take_while1(is_alpha), |w: &str| PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(w)))
    };
    let (rest, first) = name_word(i)?;
    if first.chars().count() <= 2 && !first.chars().skip(1).any(char::is_lowercase) {
        // A name does not start with an initial alone: "V Thimstrand" is the end of one.
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    // `Jan-Olof (Janne) Berg`: a nickname after the given name, left in the name's span
    // ([`plain_name`] takes it out). A first look at two bytes, before the call: few names go
    // on so.
    let rest = if rest.as_bytes().get(1) == Some(&b'(') {
        nickname(rest).map_or(rest, |(r, _)| r)
    } else {
        rest
    };
    let (rest, more) = many0(preceded(
        name_gap,
        alt((
            // One or two particles: `Carl von Linné`, `Maria de la Cruz`.
            recognize((particle(), name_gap, opt((particle(), name_gap)), name_word)),
            name_word,
            capitals_word,
        )),
    ))
    .parse(rest)?;
    if more.is_empty() || more.len() > 4 {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Count)));
    }
    // An initial cannot end a name: "Anna S" is not a name, and in "Peter Danielsson\tM" (a
    // table's party column) the name ends before the letter.
    let is_initial = |w: &&str| w.trim_end_matches('.').chars().count() == 1;
    let Some(last) = more.iter().rposition(|w| !is_initial(w)) else {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    };
    // A word in capitals (`capitals_word`) is a surname only where the name ends before a
    // party, a comma or a column gap: in a flattened page `Hans Strandin BEVIS Protokollet`
    // it is the next heading.
    let in_capitals = |w: &&str| !is_initial(w) && !w.chars().any(char::is_lowercase);
    let last = match more[..=last].iter().position(in_capitals) {
        Some(k) if !ends_a_listed_name(rest) || k < last => k.checked_sub(1),
        _ => Some(last),
    };
    let Some(last) = last else {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    };
    if last + 1 < more.len() {
        // `more`'s words are slices of `i`: the name ends where its last full word does.
        let w = more[last];
        let end = w.as_ptr() as usize - i.as_ptr() as usize + w.len();
        return Ok((&i[end..], &i[..end]));
    }
    Ok((rest, &i[..i.len() - rest.len()]))
}

/// A nickname in parentheses after a given name, before the rest of the name: one
/// capitalised name word that is no party's abbreviation ([`party`]), a space and a name word
/// after it (not consumed). Returns the rest from the space before the next word.
///
/// Pattern: `␣(NAME-WORD)␣NAME-WORD`. Example: ` (Janne)` in `Jan-Olof (Janne) Berg (S),
/// ordförande`; not ` (Mbp)` in `Ulf (Mbp)`, nor a note (`Eva Lund (Sjuk)`: no name after).
fn nickname(i: &str) -> IResult<&str, &str> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify));
    let Some(open) = i.strip_prefix(' ').filter(|r| r.starts_with('(')) else {
        return Err(fail());
    };
    let (after, (_, word, _)) = (char('('), name_word, char(')')).parse(open)?;
    if word.starts_with('-') || party(open).is_ok() {
        return Err(fail());
    }
    // The surname after it, read again by the name's loop.
    (name_gap, name_word).parse(after)?;
    Ok((after, &i[..i.len() - after.len()]))
}

/// A name as a person's: the span [`name`] read without a nickname in parentheses
/// ([`nickname`]): `Jan-Olof (Janne) Berg` → `Jan-Olof Berg`.
pub(crate) fn plain_name(span: &str) -> std::borrow::Cow<'_, str> {
    // A nickname follows the first word: the bytes up to its end are all that is looked at.
    let b = span.as_bytes();
    let gap = b.iter().position(|&c| c == b' ');
    let nickname = gap.filter(|&g| b.get(g + 1) == Some(&b'('));
    match nickname.and_then(|g| span[g..].find(')').map(|close| (g, g + close + 1))) {
        Some((open, close)) => format!("{}{}", &span[..open], &span[close..]).into(),
        None => span.into(),
    }
}

/// A word of a name written in capitals, as some minutes print surnames: two or more
/// upper-case letters, inner hyphens allowed, then no letter; never a party's abbreviation
/// ([`PARTIES`]) or a title's ([`NOT_PARTY`]), which a name may stand before.
///
/// Example: `LUNDBERG` in `Anna-Karin LUNDBERG (C) och Per-Olof ANDERSSON (C) reserverar sig`.
fn capitals_word(i: &str) -> IResult<&str, &str> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify));
    // A capital first: one byte rules out most words (a non-ASCII char is left to the loop).
    if i.as_bytes().first().is_none_or(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return Err(fail());
    }
    let mut end = 0;
    let mut letters = 0;
    for (k, c) in i.char_indices() {
        if is_alpha(c) && c.is_uppercase() {
            letters += 1;
            end = k + c.len_utf8();
        } else if c == '-' && end == k && i[k + 1..].starts_with(|n: char| n.is_uppercase()) {
            // A double name's hyphen: `ANDERSSON-ÅSTRÖM`.
        } else {
            break;
        }
    }
    let word = &i[..end];
    if letters < 2
        || i[end..].starts_with(|c: char| is_alpha(c) || c == '\'' || c == '-')
        || is_not_party(word)
        || PARTIES.iter().any(|(_, abbrev)| *abbrev == word)
    {
        return Err(fail());
    }
    Ok((&i[end..], word))
}

/// Whether what follows a name ends it as a list or a table does: a party in parentheses, a
/// comma or a column gap (a tab). See [`name`]'s words in capitals.
fn ends_a_listed_name(rest: &str) -> bool {
    rest.starts_with([',', '\t']) || preceded(ws0, party).parse(rest).is_ok()
}

/// A name written all in capitals, as some minutes print a person's whole name in a stance:
/// two to five [`capitals_word`]s, and only before a party in parentheses, since a heading or
/// a label in capitals (`KOMMUNSTYRELSEN BESLUTAR`) is written so too.
///
/// Example: `ANNA EK` in `ANNA EK (S) och BO BERG (V) reserverar sig mot beslutet.`
pub(crate) fn capitals_name(i: &str) -> IResult<&str, &str> {
    let (rest, words) = recognize((
        capitals_word,
        fold_many_m_n(1, 4, preceded(name_gap, capitals_word), || (), |(), _| ()),
    ))
    .parse(i)?;
    // Before a party: the party is left to `person` to read.
    nom::combinator::peek(preceded(ws0, party)).parse(rest)?;
    Ok((rest, words))
}

/// Role and title abbreviations that look like a party's in parentheses after a name:
/// `Anna Ek (ordf)`, `Bo Ek (Sekr)`, `Eva Lund (VD)`. Compared in small letters.
const NOT_PARTY: &[&str] =
    &["adj", "bitr", "chef", "ej", "ers", "led", "ordf", "sekr", "tf", "tjg", "vd"];

/// Whether `p` is one of the [`NOT_PARTY`] words in any case; all are ASCII of at most four
/// bytes, so a longer word is none of them without comparing.
pub(crate) fn is_not_party(p: &str) -> bool {
    p.len() <= 4 && NOT_PARTY.iter().any(|n| n.eq_ignore_ascii_case(p))
}

/// A party abbreviation as written in parentheses: one to six letters in one case (`S`, `SJVP`,
/// `m`, `fp`), two to six capitalised where no word is spelled so (`capitalised_abbrev`:
/// `Mbp`, `Fi`, `Lpo`), three to six in mixed case with capitals and small letters
/// (`mixed_case_abbrev`: `SoL`, `ÖrP`, `SkÅP`, `KiM`), or `-` or `–`; never a role or
/// title abbreviation (`ordf`, `Sekr`, `VD`) nor a word (a note: `Sjuk`, `Jäv`).
///
/// Example: `SJVP` in `Pia Lundin (SJVP)`, `Mbp` in `Ulf Ek (Mbp)`, `SoL` in `Eva Holm (SoL)`;
/// not `Sjuk` in `Eva Lund (Sjuk)`. Returned in capitals.
pub fn party_abbrev(i: &str) -> IResult<&str, String> {
    alt((
        verify(take_while_m_n(1, 6, |c: char| is_alpha(c)), |p: &str| {
            let one_case = p.chars().all(char::is_uppercase) || p.chars().all(char::is_lowercase);
            (one_case || capitalised_abbrev(p) || mixed_case_abbrev(p)) && !is_not_party(p)
        })
        .map(str::to_uppercase),
        tag("-").map(str::to_string),
        // The same mark of a member outside the parties, typeset as a dash: `Kim Lind (–)`.
        tag("–").map(str::to_string),
    ))
    .parse(i)
}

/// Whether `p`, letters, has the shape of a local party's abbreviation that is neither in
/// capitals nor in small letters: capitalised as no word is ([`capitalised_abbrev`]: `Lpo`,
/// `Mbp`) or in mixed case ([`mixed_case_abbrev`]: `SoL`). Example: the cell `SoL` of
/// `Göran Lind⇥SoL⇥X`, a table's party column.
pub(crate) fn local_abbrev(p: &str) -> bool {
    capitalised_abbrev(p) || mixed_case_abbrev(p)
}

/// The small letters of Swedish vowels, which every word holds (`y` is one).
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'å' | 'ä' | 'ö' | 'é' | 'ü')
}

/// The consonants a Swedish word may start with before its first vowel, beyond one
/// consonant alone (loans included: `ps`, `sch`, `th`): `Skr` of `Skrivelse` is one, `Lp` of
/// `Lpo` none.
const ONSETS: &[&str] = &[
    "bj", "bl", "br", "ch", "chr", "dj", "dr", "dv", "fj", "fl", "fr", "gj", "gl", "gn", "gr",
    "hj", "kh", "kj", "kl", "kn", "kr", "kv", "lj", "mj", "nj", "ph", "pj", "pl", "pr", "ps", "rh",
    "sc", "sch", "schw", "sf", "sh", "sj", "sk", "skj", "skr", "skv", "sl", "sm", "sn", "sp",
    "spl", "spr", "st", "stj", "str", "sv", "th", "tj", "tr", "ts", "tv", "vr",
];

/// A capitalised party abbreviation (a local list's): two letters (`Fi`, `Kd`), or three to
/// six whose letters no Swedish word starts with: no vowel after the first (`Mbp`, `Sjvp`),
/// or consonants before the first vowel that start no word ([`ONSETS`]: `Lpo`). A word is a
/// note or a title (`Sjuk`, `Jäv`, `Chef`, `Skola`).
///
/// Pattern: `UPPER lower{1,5}`. Example: `Lpo` in `Lars Ek (Lpo)`.
fn capitalised_abbrev(p: &str) -> bool {
    let mut cs = p.chars();
    let n = p.chars().count();
    if !(2..=6).contains(&n)
        || !cs.next().is_some_and(char::is_uppercase)
        || !cs.all(char::is_lowercase)
    {
        return false;
    }
    if n == 2 || !p.chars().skip(1).any(is_vowel) {
        return true;
    }
    // The consonants before the first vowel, in small letters (the first may be a vowel).
    let lower = p.to_lowercase();
    let onset = &lower[..lower.find(is_vowel).unwrap_or(lower.len())];
    onset.chars().count() > 1 && !ONSETS.contains(&onset)
}

/// A party abbreviation in mixed case, as local parties write theirs: three to six letters, the
/// first a capital, another capital and a small letter among the rest (`SoL`, `ÖrP`, `SkÅP`,
/// `KiM`, `LPo`); not a name's word with a capital inside (`McKay`, `DuRietz`: [`name_word`]'s
/// shape).
///
/// Pattern: `UPPER letter{1,5}`, both cases among them. Example: `SoL` in `Eva Holm (SoL)`.
fn mixed_case_abbrev(p: &str) -> bool {
    let n = p.chars().count();
    let capitals = p.chars().filter(|c| c.is_uppercase()).count();
    (3..=6).contains(&n)
        && p.starts_with(char::is_uppercase)
        && capitals > 1
        && p.chars().any(char::is_lowercase)
        // Not a name's word: every capital after the first follows a prefix that allows one
        // (`McKay`), as in [`full_name_word`], written out here so that the hot `name_word`
        // keeps that function to itself.
        && !p.char_indices().skip(1).all(|(k, c)| !c.is_uppercase() || inner_capital(&p[..k]))
}

/// One word of a party's written name: letters, inner hyphens allowed (`Sjöbopartiet`,
/// `Kommunens`, `Bygde-partiet`).
fn party_name_word(i: &str) -> IResult<&str, &str> {
    recognize((take_while1(is_alpha), many0((char('-'), take_while1(is_alpha))))).parse(i)
}

/// The words of a party's written name: a capitalised word, then up to two more either all in
/// small letters or all capitalised. `Sjöbopartiet`, `Lokalt alternativ`, `Kommunens väl`,
/// `Sjukvårdspartiet Västernorrland`; in `Noteras att Socialdemokraterna` only `Noteras`.
fn party_name_words(i: &str) -> IResult<&str, &str> {
    let capital = |w: &&str| w.starts_with(char::is_uppercase);
    let small = |w: &&str| w.starts_with(char::is_lowercase);
    recognize((
        verify(party_name_word, capital),
        // Folded, not collected: only the span is wanted.
        alt((
            fold_many_m_n(1, 2, preceded(ws1, verify(party_name_word, small)), || (), |(), _| ()),
            fold_many_m_n(0, 2, preceded(ws1, verify(party_name_word, capital)), || (), |(), _| ()),
        )),
    ))
    .parse(i)
}

/// Last words that make a written name a local list's, whole: `Lokalt alternativ`,
/// `Öppna listan`, `Ny framtid`, `Kommunal samling`, `Bygdens väl`.
const LIST_WORDS: &[&str] =
    &["alternativ", "alternativet", "framtid", "initiativ", "lista", "listan", "samling", "väl"];

/// Endings of a last word that make a written name a party's: `Sjöbopartiet`,
/// `Skånedemokraterna`, `Kommunlistan`, `Gotlandsalternativet`.
const PARTY_ENDINGS: &[&str] = &["partiet", "demokraterna", "listan", "alternativet"];

/// The party a written name stands for: its abbreviation where [`PARTIES`] knows it, else the
/// name as written (spaces collapsed) when its last word names a party or a list
/// ([`LIST_WORDS`], [`PARTY_ENDINGS`]); a title or an office (`Kanslichef`,
/// `Kommunstyrelsens ordförande`) is none.
fn party_of_written(words: &str) -> Option<String> {
    let name = words.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(abbrev) = party_by_name(&name) {
        return Some(abbrev.to_string());
    }
    let last = name.rsplit(' ').next()?.to_lowercase();
    let local = LIST_WORDS.contains(&last.as_str())
        || PARTY_ENDINGS.iter().any(|e| last.len() > e.len() && last.ends_with(e));
    local.then_some(name)
}

/// A party's written name ([`party_name_words`]) read as its party ([`party_of_written`]):
/// `Vägval` → `VG`, `Kommunens väl` → `KV`, `Sjöbopartiet` and `Lokalt alternativ` as written.
///
/// Example: `Sjöbopartiet` in `Tore Wikström (Sjöbopartiet) deltar inte i beslutet.`
pub(crate) fn written_party(i: &str) -> IResult<&str, String> {
    let (rest, words) = party_name_words(i)?;
    match party_of_written(words) {
        Some(p) => Ok((rest, p)),
        None => Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify))),
    }
}

/// A party in parentheses, abbreviated or written out: `(S)`, `( M )`, `(fp)`, `(Mbp)`,
/// `(Kommunens väl)` (→ `KV`), `(Sjöbopartiet)`, `(Lokalt alternativ)`; not a title or note
/// (`(Kanslichef)`, `(deltar digitalt)`, `(§§ 1-5)`).
///
/// Example: `(Lokalt alternativ)` in `Marie Pettersson (Lokalt alternativ), vice ordförande`.
pub fn party(i: &str) -> IResult<&str, String> {
    let close = |i| (ws0, char(')')).parse(i);
    preceded(
        (char('('), ws0),
        alt((terminated(party_abbrev, close), terminated(written_party, close))),
    )
    .parse(i)
}

/// The national parties' abbreviations, as older minutes write them after a name and a comma
/// and a group is named by them; attendance tables add local parties' ([`crate::parse::attendees`]).
pub(crate) const NATIONAL_PARTIES: &[&str] = &["S", "M", "SD", "C", "V", "KD", "L", "FP", "MP"];

/// A party abbreviation after a comma, in capitals or in lower case as older minutes write it:
/// `, fp,` in `Göran Ek, fp, reserverar sig mot beslutet`; or after a dash between spaces:
/// ` - SD` in `Johan Svensson - SD deltar inte i beslutet`, in capitals. It ends at a comma, a
/// full stop, the end, or before a lower-case word, so `Anna Ek, Per Berg` stays two people.
///
/// Pattern: `(, | ␣-␣ | ␣–␣) PARTY[,|.|␣word|end]`. Example: `Karl-Erik Olsson, c, deltar inte
/// i beslutet`.
fn comma_party(i: &str) -> IResult<&str, String> {
    let separator =
        alt((recognize((ws0, char(','), ws0)), recognize((ws1, alt((char('-'), char('–'))), ws1))));
    let (r, (sep, word)) = (separator, take_while1(is_alpha)).parse(i)?;
    // Every abbreviation is ASCII letters in one case: others are ruled out unread. After a
    // dash only capitals: a small letter there is a role's abbreviation (`Lars Berg - v ordf`).
    let bytes = word.as_bytes();
    let one_case = bytes.iter().all(u8::is_ascii_uppercase)
        || (sep.contains(',') && bytes.iter().all(u8::is_ascii_lowercase));
    let ends = || {
        r.is_empty()
            || r.starts_with([',', '.'])
            || r.strip_prefix(' ').is_some_and(|w| w.starts_with(char::is_lowercase))
    };
    match NATIONAL_PARTIES.iter().find(|abbrev| abbrev.eq_ignore_ascii_case(word)) {
        Some(abbrev) if one_case && ends() => Ok((r, (*abbrev).to_string())),
        _ => Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify))),
    }
}

/// "and others" after a name that speaks for a group: `m.fl.`, `m. fl.`, `m fl`, `med flera`.
///
/// Example: `m.fl.` in `Anna König Jerlmyr m.fl. (M), Dennis Wedin (M) … reserverar sig`.
fn et_al(i: &str) -> IResult<&str, &str> {
    alt((
        recognize((tag("m"), opt(char('.')), ws0, tag("fl"), opt(char('.')))),
        recognize((tag("med"), ws1, tag("flera"))),
    ))
    .parse(i)
}

/// A person: a name, an optional `m.fl.` (`et_al`) and an optional party:
/// `Pia Lundin (SJVP)`, `Viktoria Jansson`, `Dalia Kamil m.fl. (S)`, `Göran Ek, fp`.
pub fn person(i: &str) -> IResult<&str, Person> {
    let party = alt((preceded(ws0, party), comma_party));
    (alt((name, capitals_name)), opt(preceded(ws1, et_al)), opt(party))
        .map(|(n, _, p)| Person { name: plain_name(n).into_owned(), party: p })
        .parse(i)
}

/// The separators of a list of people: `, `, ` och `, ` samt `, `, och `.
pub(crate) fn list_separator(i: &str) -> IResult<&str, &str> {
    alt((
        recognize((ws0, char(','), ws0, alt((tag("och"), tag("samt"))), ws1)),
        recognize((ws0, char(','), ws0)),
        recognize((ws1, alt((tag("och"), tag("samt"), tag("&"))), ws1)),
    ))
    .parse(i)
}

/// A list of people: `Pia Lundin (SJVP) och Erica Stenberg (SD)`,
/// `My Högfeldt (MP), Joakim Ramberg (V) och Eric Nilsson (C)`.
pub fn person_list(i: &str) -> IResult<&str, Vec<Person>> {
    separated_list1(list_separator, person).parse(i)
}

/// Full Swedish party names and their abbreviations, national and common local parties.
pub const PARTIES: &[(&str, &str)] = &[
    ("socialdemokraterna", "S"),
    ("moderaterna", "M"),
    ("sverigedemokraterna", "SD"),
    ("centerpartiet", "C"),
    ("vänsterpartiet", "V"),
    ("kristdemokraterna", "KD"),
    ("liberalerna", "L"),
    ("folkpartiet", "FP"),
    ("miljöpartiet", "MP"),
    ("sjukvårdspartiet", "SJVP"),
    ("sjukvårdspartiet västernorrland", "SJVP"),
    ("sverigepartiet", "SPI"),
    ("medborgerlig samling", "MED"),
    ("feministiskt initiativ", "FI"),
    ("piratpartiet", "PP"),
    ("vägval", "VG"),
    ("kommunens väl", "KV"),
];

/// The abbreviation of a party written out, in any inflection met in minutes:
/// `Socialdemokraternas` → `S`, `Moderata` → `M` is not recognised (adjective).
#[must_use]
pub fn party_by_name(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches(['.', ',', ':']);
    PARTIES.iter().find(|(name, _)| w == *name || w.strip_suffix('s') == Some(name)).map(|p| p.1)
}

/// A party group as the subject of a stance: `Ledamöterna från M och KD`,
/// `Sverigedemokraternas ledamöter`, `Kristdemokraternas och Liberalernas ledamöter`,
/// `M-gruppen`. Each party becomes a person without a name.
///
/// Patterns: `[samtliga|alla] GROUP-WORD (från|för|i) [partiet] PARTIES` (`party_ref`s),
/// `PARTY'S-LIST GROUP-NOUN [PERSON-LIST]` (`party_genitives`), `[den] ADJECTIVE GROUP-NOUN`
/// (`party_adjective_group`), `ABBREV-ledamöterna` (`party_dash_group`), `PARTIES`.
pub fn party_group(i: &str) -> IResult<&str, Vec<Person>> {
    let group_word = alt((
        tag_no_case("ledamöterna"),
        tag_no_case("ledamoten"),
        tag_no_case("ersättarna"),
        tag_no_case("företrädarna"),
        tag_no_case("företrädare"),
        tag_no_case("representanterna"),
        tag_no_case("ledamöter"),
    ));
    let from_parties = preceded(
        (
            opt((alt((tag_no_case("samtliga"), tag_no_case("alla"))), ws1)),
            group_word,
            ws1,
            alt((tag("från"), tag("för"), tag("i"))),
            ws1,
            opt((tag("partiet"), ws1)),
        ),
        separated_list1(party_list_separator, party_ref),
    )
    .map(|ps: Vec<&str>| ps.into_iter().map(group).collect());
    let dashed = separated_list1(list_separator, party_dash_group)
        .map(|ps: Vec<&str>| ps.into_iter().map(group).collect());
    alt((party_with_members, from_parties, party_genitives, party_adjective_group, dashed, bare))
        .parse(i)
}

/// Parties named alone as a group: `Sverigedemokraterna deltar inte i beslutet`, `Moderaterna
/// och Kristdemokraterna …`, `M, KD och L reserverar sig`, `Liberalerna (L) reserverar sig`;
/// one party written out with the members it speaks through, who take its party:
/// `Sverigedemokraterna genom Bo Ulf Karlsson reserverar sig mot beslutet`.
///
/// Pattern: `PARTY ((, | och) PARTY)*` or `WRITTEN-PARTY [,] genom PERSON-LIST`, a written
/// party with its abbreviation in parentheses after it or not.
fn bare(i: &str) -> IResult<&str, Vec<Person>> {
    let (rest, parties) =
        separated_list1(party_list_separator, alt((written_party_abbreviated, national_abbrev)))
            .parse(i)?;
    if let [party] = parties.as_slice()
        && let Ok((after, members)) =
            preceded((opt(char(',')), ws1, tag("genom"), ws1), person_list).parse(rest)
    {
        let members = members
            .into_iter()
            .map(|p| Person { party: p.party.or_else(|| Some((*party).to_string())), ..p })
            .collect();
        return Ok((after, members));
    }
    Ok((rest, parties.into_iter().map(group).collect()))
}

/// A party written out ([`written_party_ref`]), and its abbreviation in parentheses after it
/// where the text gives it: `Liberalerna (L)`, `Centerpartiet (C)`.
fn written_party_abbreviated(i: &str) -> IResult<&str, &'static str> {
    let (rest, party) = written_party_ref(i)?;
    let abbreviation = (
        ws1,
        char('('),
        verify(take_while_m_n(1, 6, is_alpha), |p: &str| p.chars().all(char::is_uppercase)),
        char(')'),
    );
    let (rest, _) = opt(abbreviation).parse(rest)?;
    Ok((rest, party))
}

/// The separators of a list of parties: `, ` and ` och `.
fn party_list_separator(i: &str) -> IResult<&str, &str> {
    alt((recognize((ws0, char(','), ws0)), recognize((ws1, tag("och"), ws1)))).parse(i)
}

/// A party written out, capitalised, as its abbreviation: `Sverigedemokraterna` → `SD`,
/// `Miljöpartiet de gröna` → `MP`.
///
/// Example: `Miljöpartiet de gröna` in `Miljöpartiet de gröna reserverar sig mot beslutet.`
fn written_party_ref(i: &str) -> IResult<&str, &'static str> {
    let (rest, word) = verify(take_while1(is_alpha), |w: &str| {
        w.starts_with(char::is_uppercase) && party_by_name(w).is_some()
    })
    .parse(i)?;
    let rest = match (ws1, tag_no_case("de gröna")).parse(rest) {
        Ok((after, _))
            if !after.starts_with(is_alpha) && word.eq_ignore_ascii_case("miljöpartiet") =>
        {
            after
        }
        _ => rest,
    };
    Ok((rest, party_by_name(word).unwrap_or_default()))
}

/// A national party's abbreviation as a group's whole name, alone or in parentheses as after
/// a name: `KD` in `KD reserverar sig mot beslutet`, `M`, `KD` and `L` in `M, KD och L
/// reserverar sig`, `(SD)` in `Reservation (SD)`. Only the national parties'
/// ([`NATIONAL_PARTIES`]): another word in capitals (`EU`, `VA`) is no party, and a dash or a
/// colon after it makes another word (`S-ledamöterna`, `MP:s`).
fn national_abbrev(i: &str) -> IResult<&str, &'static str> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify));
    // A capital or a parenthesis first: one byte rules out most words.
    let paren = i.starts_with('(');
    let word_start = usize::from(paren);
    if !i.as_bytes().get(word_start).is_some_and(u8::is_ascii_uppercase) {
        return Err(fail());
    }
    let len = i[word_start..].bytes().take_while(u8::is_ascii_uppercase).count();
    let word = &i[word_start..word_start + len];
    let mut rest = &i[word_start + len..];
    if paren {
        rest = rest.strip_prefix(')').ok_or_else(fail)?;
    } else if rest.starts_with(|c: char| is_alpha(c) || c == '-' || c == ':') {
        return Err(fail());
    }
    match NATIONAL_PARTIES.iter().find(|abbrev| **abbrev == word) {
        Some(abbrev) => Ok((rest, abbrev)),
        None => Err(fail()),
    }
}

/// A party as a group's words name it: an abbreviation in capitals (`KD`), alone or in
/// parentheses as after a name (`(S)`), or written out ([`written_party_ref`]).
///
/// Examples: `Miljöpartiet` in `I beslutet deltar inte ledamöterna för Miljöpartiet.`, `(S)` in
/// `Ledamöterna från (S) reserverar sig.`
fn party_ref(i: &str) -> IResult<&str, &str> {
    let abbreviation =
        || verify(take_while_m_n(1, 6, is_alpha), |p: &str| p.chars().all(char::is_uppercase));
    alt((
        written_party_ref.map(|p: &'static str| -> &str { p }),
        abbreviation(),
        delimited(char('('), abbreviation(), char(')')),
    ))
    .parse(i)
}

/// The nouns after a party's genitive or adjective that make it a group: `ledamöter`,
/// `ledamot`, `gruppen`, `företrädare`, in the forms minutes use.
fn group_noun(i: &str) -> IResult<&str, &str> {
    let (rest, noun) = alt((
        tag_no_case("ledamöterna"),
        tag_no_case("ledamöter"),
        tag_no_case("ledamoten"),
        tag_no_case("ledamot"),
        tag_no_case("partigruppen"),
        tag_no_case("gruppen"),
        tag_no_case("grupp"),
        tag_no_case("företrädarna"),
        tag_no_case("företrädare"),
        tag_no_case("representanterna"),
        tag_no_case("representanter"),
        tag_no_case("representant"),
    ))
    .parse(i)?;
    // A whole word: "ledamöternas förslag" names no group as a subject.
    if rest.starts_with(is_alpha) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    Ok((rest, noun))
}

/// One party's genitive: written out (`Centerpartiets`, `Socialdemokraternas`) or an
/// abbreviation's (`MP:s`, `SD:s`); returns the abbreviation.
fn party_genitive(i: &str) -> IResult<&str, &str> {
    let abbrev_genitive = terminated(
        verify(take_while_m_n(1, 6, is_alpha), |p: &str| p.chars().all(char::is_uppercase)),
        tag(":s"),
    );
    let written = verify(take_while1(is_alpha), |w: &str| {
        w.len() > 1 && w.ends_with('s') && w.starts_with(char::is_uppercase)
    })
    .map(|w: &str| party_by_name(w).unwrap_or_default());
    verify(alt((abbrev_genitive, written)), |p: &str| !p.is_empty()).parse(i)
}

/// Parties' genitives before a group's noun, and the members it names after it:
/// `PARTY'S (, PARTY'S)* [och PARTY'S] GROUP-NOUN [PERSON-LIST]`. Members take the party
/// when one party is named; several parties' members are the parties' groups.
///
/// Examples: `Moderaternas, Liberalernas och Kristdemokraternas ledamöter reserverar sig`,
/// `Centerpartiets ledamot Lars Ek reserverar sig`, `MP:s ledamot avstår`.
fn party_genitives(i: &str) -> IResult<&str, Vec<Person>> {
    // A first look: a capital starts a party's genitive (an ASCII letter tested by byte).
    if i.as_bytes().first().is_none_or(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    let (rest, (parties, _, _, members)) = (
        separated_list1(party_list_separator, party_genitive),
        ws1,
        group_noun,
        opt(preceded(name_gap, person_list)),
    )
        .parse(i)?;
    let people = match (members, parties.as_slice()) {
        (Some(members), [party]) => members
            .into_iter()
            .map(|p| Person { party: p.party.or_else(|| Some((*party).to_string())), ..p })
            .collect(),
        _ => parties.into_iter().map(group).collect(),
    };
    Ok((rest, people))
}

/// The adjectives of the parties, as `den socialdemokratiska gruppen` writes them.
const PARTY_ADJECTIVES: &[(&str, &str)] = &[
    ("socialdemokratiska", "S"),
    ("moderata", "M"),
    ("sverigedemokratiska", "SD"),
    ("centerpartistiska", "C"),
    ("vänsterpartistiska", "V"),
    ("kristdemokratiska", "KD"),
    ("liberala", "L"),
    ("miljöpartistiska", "MP"),
];

/// A party's group named by the party's adjective: `[den] ADJECTIVE GROUP-NOUN`.
///
/// Example: `Den socialdemokratiska gruppen reserverar sig mot beslutet.`
fn party_adjective_group(i: &str) -> IResult<&str, Vec<Person>> {
    let (rest, (_, adjective, _, _)) =
        (opt((tag_no_case("den"), ws1)), take_while1(is_alpha), ws1, group_noun).parse(i)?;
    let lower = adjective.to_lowercase();
    match PARTY_ADJECTIVES.iter().find(|(a, _)| *a == lower) {
        Some((_, party)) => Ok((rest, vec![group(party)])),
        None => Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify))),
    }
}

/// A party written out and its members in parentheses, each given the party:
/// `PARTY ( PERSON-LIST )`.
///
/// Example: `Socialdemokraterna (Fatima Osman och Emil Wahl) reserverar sig mot beslutet.`
fn party_with_members(i: &str) -> IResult<&str, Vec<Person>> {
    // A first look: the name starts with a capital (an ASCII letter tested by byte), the first
    // `(` comes after at most three words and a name starts inside it; most words of a
    // stance's subject fail here, and so does a person's `(S)`.
    let fail = |kind| nom::Err::Error(nom::error::Error::new(i, kind));
    let Some(open) = i.find('(') else { return Err(fail(nom::error::ErrorKind::Char)) };
    if i.as_bytes().first().is_none_or(|b| b.is_ascii() && !b.is_ascii_uppercase())
        || i[..open].split_whitespace().nth(3).is_some()
        || name(i[open + 1..].trim_start()).is_err()
    {
        return Err(fail(nom::error::ErrorKind::Char));
    }
    let (after_name, words) = party_name_words(i)?;
    // The members before the party: `(S)` after a person's name fails here, cheaply.
    let (rest, people) =
        delimited((ws0, char('('), ws0), person_list, (ws0, char(')'))).parse(after_name)?;
    let Some(party) = party_of_written(words) else {
        return Err(fail(nom::error::ErrorKind::Verify));
    };
    let people = people
        .into_iter()
        .map(|p| Person { party: p.party.or_else(|| Some(party.clone())), ..p })
        .collect();
    Ok((rest, people))
}

/// One party's group named by its abbreviation and a dash: `S-ledamöterna`, `V-ledamoten`,
/// `MP-ledamöter`, `M-gruppen`; returns the abbreviation.
///
/// Example: `S-ledamöterna, V-ledamoten och MP-ledamoten reserverar sig mot beslutet`
/// (Region Stockholm) is a list of three.
fn party_dash_group(i: &str) -> IResult<&str, &str> {
    let (rest, (abbrev, _, _)) = (
        verify(take_while_m_n(1, 6, is_alpha), |p: &str| p.chars().all(char::is_uppercase)),
        char('-'),
        alt((
            tag_no_case("ledamöterna"),
            tag_no_case("ledamoten"),
            tag_no_case("ledamöter"),
            tag_no_case("ledamot"),
            tag_no_case("gruppen"),
        )),
    )
        .parse(i)?;
    // A whole word: "S-ledamöternas förslag" names no group as a subject.
    if rest.chars().next().is_some_and(is_alpha) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)));
    }
    Ok((rest, abbrev))
}

fn group(party: &str) -> Person {
    Person { name: String::new(), party: Some(party.to_string()) }
}

/// The people that end a sentence's subject, read from the first word at which a whole list
/// (or party group) runs to the end: `Noteras till protokollet att Pia Lundin (SJVP) och
/// Erica Stenberg (SD)` → both.
#[must_use]
pub fn trailing_people(subject: &str) -> Vec<Person> {
    let s = subject.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ':');
    let mut prev: Option<char> = None;
    for (at, c) in s.char_indices() {
        if prev.is_none_or(|p| p.is_whitespace() || p == '(' || p == ',') && is_alpha(c) {
            let tail = &s[at..];
            if let Ok((rest, people)) = alt((party_group, person_list)).parse(tail)
                && rest.trim().is_empty()
            {
                return people;
            }
        }
        prev = Some(c);
    }
    Vec::new()
}

/// The people a decision clause chooses to adjust (justera) the minutes, as the first
/// paragraph of many protocols records it.
///
/// Patterns: `utse PEOPLE att [jämte ordföranden] justera …`, `PEOPLE utses att justera …`,
/// `till justerare utses PEOPLE`, `att justera protokollet utses PEOPLE`.
/// Example: `utse Lars Ek (M) att jämte ordföranden justera protokollet`.
#[must_use]
pub fn adjusters_in_clause(clause: &str) -> Vec<Person> {
    // Such a clause is short; a long one (a flattened page read as a clause) says more.
    if clause.len() > 200 {
        return Vec::new();
    }
    let lower = clause.to_lowercase();
    if !lower.contains("justera") || lower.len() != clause.len() {
        return Vec::new();
    }
    let named = |people: Vec<Person>| -> Vec<Person> {
        people.into_iter().filter(|p| !p.name.is_empty()).collect()
    };
    if lower.starts_with("utse ") {
        return named(leading_people(&clause[5..]));
    }
    if let Some(at) = lower.find(" utses") {
        let before = named(trailing_people(&clause[..at]));
        if !before.is_empty() {
            return before;
        }
        let after = clause[at + " utses".len()..].trim_start();
        let after = after.strip_prefix("till justerare").unwrap_or(after).trim_start();
        return named(leading_people(after));
    }
    Vec::new()
}

/// The people that start a text: `Anna Ek (S) och Bo Ek (M) till förmån för …` → both.
#[must_use]
pub fn leading_people(text: &str) -> Vec<Person> {
    let t = text.trim_start();
    alt((party_group, person_list)).parse(t).map(|(_, p)| p).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    /// The grammar [`super::name_word`] spells out by hand, as nom combinators.
    fn name_word_grammar(i: &str) -> nom::IResult<&str, &str> {
        use nom::Parser;
        use nom::branch::alt;
        use nom::bytes::complete::{take_while_m_n, take_while1};
        use nom::character::complete::char;
        use nom::combinator::{opt, recognize, verify};
        let full = recognize((
            opt(char('-')),
            verify(take_while1(|c: char| is_alpha(c) || c == '\''), |w: &str| {
                let mut cs = w.chars();
                cs.next().is_some_and(char::is_uppercase)
                    && w.chars().skip(1).any(char::is_lowercase)
                    && !w
                        .char_indices()
                        .skip(1)
                        .any(|(k, c)| c.is_uppercase() && !super::inner_capital(&w[..k]))
            }),
            nom::multi::many0((char('-'), take_while1(is_alpha))),
        ));
        let initial = recognize((
            take_while_m_n(1, 1, |c: char| c.is_uppercase()),
            opt(char('.')),
            nom::combinator::peek(super::ws1),
        ));
        verify(alt((full, initial)), |w: &str| super::NOT_NAME.binary_search(&w).is_err()).parse(i)
    }

    #[test]
    fn name_word_reads_as_its_grammar() {
        for i in [
            "Högfeldt (MP)",
            "Sjöö-Törner, ordförande",
            "-Lena Ek",
            "O'Brien",
            "V. Thimstrand",
            "V Thimstrand",
            "V.",
            "VD Anna",
            "ÅSA Ek",
            "Åsa-- Ek",
            "Anna- Ek",
            "Anna-Lena-",
            "Ärendet avser",
            "Övriga",
            "Ödegård\tS",
            "É",
            "– Anna",
            "-",
            "",
            "anna",
            "A\u{a0}Ek",
            "Lars-Erik's",
            "D'Costa (L)",
            "MacDonald (MP)",
            "DuRietz",
            "McD",
            "AnnaAndersson",
            "MaCk",
        ] {
            assert_eq!(super::name_word(i).ok(), name_word_grammar(i).ok(), "{i:?}");
        }
    }

    use super::*;

    fn p(name: &str, party: Option<&str>) -> Person {
        Person { name: name.into(), party: party.map(Into::into) }
    }

    #[test]
    fn a_party_after_a_comma() {
        assert_eq!(
            person_list("Göran Ek, fp, och Anita Persson, s, reserverar sig").map(|(_, l)| l),
            Ok(vec![p("Göran Ek", Some("FP")), p("Anita Persson", Some("S"))])
        );
        assert_eq!(
            person("Karl-Erik Olsson, c, deltar inte").map(|(_, x)| x),
            Ok(p("Karl-Erik Olsson", Some("C")))
        );
        assert_eq!(person("Lars Rosander, C.").map(|(_, x)| x), Ok(p("Lars Rosander", Some("C"))));
        // Not a party: another person, a word in mixed case, a party before a name.
        assert_eq!(
            person_list("Anna Ek, Per Berg").map(|(_, l)| l),
            Ok(vec![p("Anna Ek", None), p("Per Berg", None)])
        );
        assert_eq!(person("Anna Ek, Fp, x").map(|(_, x)| x), Ok(p("Anna Ek", None)));
        assert_eq!(person("Anna Ek, S Berg").map(|(_, x)| x), Ok(p("Anna Ek", None)));
    }

    #[test]
    fn not_name_is_sorted() {
        assert!(NOT_NAME.windows(2).all(|w| w[0] < w[1]));
        for w in NOT_NAME {
            assert!(is_not_name(w), "{w}");
        }
        for w in ["", "Attila", "A", "Anna", "Övrig", "Övrigas", "Ärenden", "Sid", "Ej."] {
            assert_eq!(is_not_name(w), NOT_NAME.binary_search(&w).is_ok(), "{w}");
        }
    }

    #[test]
    fn name_words() {
        assert_eq!(name_word("-Lena Ek"), Ok((" Ek", "-Lena")));
        assert_eq!(name_word("Östen Ek"), Ok((" Ek", "Östen")));
        assert_eq!(name_word("V. Ek"), Ok((" Ek", "V.")));
        assert!(name_word("-lena").is_err());
        assert!(name_word("Övriga").is_err());
        assert!(name_word("Sekreterare").is_err());
        assert!(name_word("").is_err());
    }

    #[test]
    fn names() {
        assert_eq!(name("Elina Backlund Arab (S)"), Ok((" (S)", "Elina Backlund Arab")));
        assert_eq!(
            name("Annri V Thimstrand, områdesdirektör"),
            Ok((", områdesdirektör", "Annri V Thimstrand"))
        );
        assert_eq!(name("Anders Sylan tf. Hälso"), Ok((" tf. Hälso", "Anders Sylan")));
        assert_eq!(name("Anki Sjöö-Törner Anders"), Ok(("", "Anki Sjöö-Törner Anders")));
        assert!(name("Ordförande Elina").is_err());
        assert!(name("Pia").is_err());
        assert_eq!(name("Maria de la Cruz (S)"), Ok((" (S)", "Maria de la Cruz")));
        // A flattened table of votes is no name: `Nils Matsson M N Ja Ja Ja Ja Avstår.`
        assert!(name("Ja Ja Ja Avstår").is_err());
        assert!(name("SD och").is_err());
        // A particle written with a capital inside a name, as some families spell it.
        assert_eq!(name("Rachel De Basso (S)"), Ok((" (S)", "Rachel De Basso")));
        assert_eq!(name("Lars De Geer, ordförande"), Ok((", ordförande", "Lars De Geer")));
        assert_eq!(name("Anna Von Sydow"), Ok(("", "Anna Von Sydow")));
        assert_eq!(name("Carl von Linné"), Ok(("", "Carl von Linné")));
        assert!(name("De Basso").is_err());
        assert_eq!(name("Anna Ek De"), Ok((" De", "Anna Ek")));
    }

    /// A nickname in parentheses between the given name and the surname belongs to the
    /// name's span; the person's name is the name without it.
    #[test]
    fn nicknames_in_parentheses() {
        assert_eq!(
            name("Jan-Olof (Janne) Berg (S), ordförande"),
            Ok((" (S), ordförande", "Jan-Olof (Janne) Berg"))
        );
        assert_eq!(plain_name("Jan-Olof (Janne) Berg"), "Jan-Olof Berg");
        assert_eq!(plain_name("Anna Ek"), "Anna Ek");
        assert_eq!(person("Anna (Annie) Ek (M)").map(|(_, x)| x), Ok(p("Anna Ek", Some("M"))));
        assert_eq!(
            trailing_people("Ola (Olle) Nyberg (V) och Helena Björk (KiM)"),
            vec![p("Ola Nyberg", Some("V")), p("Helena Björk", Some("KIM"))]
        );
        // A party, a note, or nothing after the parenthesis: no nickname.
        assert!(name("Ulf (Mbp) Ek").is_err());
        assert_eq!(person("Eva Lund (Sjuk)").map(|(_, x)| x), Ok(p("Eva Lund", None)));
        assert!(name("Kerstin (Kicki)").is_err());
        assert!(name("Kerstin (kicki) Ek").is_err());
    }

    #[test]
    fn names_in_capitals() {
        // A surname in capitals (Östersund's minutes), a whole name only before its party.
        assert_eq!(name("Anna-Karin LUNDBERG (C)"), Ok((" (C)", "Anna-Karin LUNDBERG")));
        assert_eq!(name("Eva ANDERSSON-ÅSTRÖM, ordf"), Ok((", ordf", "Eva ANDERSSON-ÅSTRÖM")));
        assert_eq!(
            trailing_people("ANNA EK (S) och BO BERG (V)"),
            vec![p("ANNA EK", Some("S")), p("BO BERG", Some("V"))]
        );
        // A party's or a title's abbreviation after a name is no part of it.
        assert_eq!(name("Anna Ek SD och"), Ok((" SD och", "Anna Ek")));
        assert_eq!(name("Anna Ek VD"), Ok((" VD", "Anna Ek")));
        // A word in capitals that neither a party nor a comma follows is the next heading.
        assert_eq!(
            name("Hans Strandin BEVIS Protokollet"),
            Ok((" BEVIS Protokollet", "Hans Strandin"))
        );
        assert!(name("Anna LUND BEVIS Protokollet").is_err());
        assert!(person("KOMMUNSTYRELSEN BESLUTAR att").is_err());
        assert!(person("ANNA EK, ordförande").is_err());
    }

    #[test]
    fn lists() {
        assert_eq!(
            person_list("Pia Lundin (SJVP) och Erica Stenberg (SD) avstår").map(|x| x.1),
            Ok(vec![p("Pia Lundin", Some("SJVP")), p("Erica Stenberg", Some("SD"))])
        );
        assert_eq!(
            trailing_people("My Högfeldt (MP), Joakim Ramberg (V) och Eric Nilsson (C)"),
            vec![
                p("My Högfeldt", Some("MP")),
                p("Joakim Ramberg", Some("V")),
                p("Eric Nilsson", Some("C"))
            ]
        );
        assert_eq!(
            trailing_people("Utses att justera Annette Tagesson (m) och Jan Emanuel Johansson (s)"),
            vec![p("Annette Tagesson", Some("M")), p("Jan Emanuel Johansson", Some("S"))]
        );
    }

    #[test]
    fn speakers_for_others() {
        // "m.fl." says the person speaks for more; the person is still named.
        assert_eq!(
            trailing_people("Anna König Jerlmyr m.fl. (M), Dennis Wedin (M) och Lotta Edholm (L)"),
            vec![
                p("Anna König Jerlmyr", Some("M")),
                p("Dennis Wedin", Some("M")),
                p("Lotta Edholm", Some("L"))
            ]
        );
        assert_eq!(trailing_people("Anna Berg m.fl. (S)"), vec![p("Anna Berg", Some("S"))]);
        assert_eq!(trailing_people("Anna Berg m. fl. (S)"), vec![p("Anna Berg", Some("S"))]);
    }

    #[test]
    fn groups() {
        assert_eq!(
            trailing_people("Ledamöterna från M och KD"),
            vec![p("", Some("M")), p("", Some("KD"))]
        );
        // The abbreviation in parentheses, as a person's party is written.
        assert_eq!(trailing_people("Ledamöterna från (S)"), vec![p("", Some("S"))]);
        assert_eq!(
            trailing_people("Ledamöterna för (M) och (KD)"),
            vec![p("", Some("M")), p("", Some("KD"))]
        );
        assert_eq!(trailing_people("Sverigedemokraternas ledamöter"), vec![p("", Some("SD"))]);
        // Several parties' members named by the parties' genitives (Ciceron minutes).
        assert_eq!(
            leading_people("Kristdemokraternas och Liberalernas ledamöter deltar inte i beslutet."),
            vec![p("", Some("KD")), p("", Some("L"))]
        );
        assert_eq!(
            trailing_people("Moderaternas, Centerpartiets och Liberalernas ledamöter"),
            vec![p("", Some("M")), p("", Some("C")), p("", Some("L"))]
        );
        assert_eq!(
            trailing_people("Moderaterna och Kristdemokraterna"),
            vec![p("", Some("M")), p("", Some("KD"))]
        );
        assert_eq!(leading_people("Sverigedemokraterna deltar inte"), vec![p("", Some("SD"))]);
        assert_eq!(
            trailing_people("S-ledamöterna, V-ledamoten och MP-ledamoten"),
            vec![p("", Some("S")), p("", Some("V")), p("", Some("MP"))]
        );
        assert_eq!(trailing_people("S-ledamöterna"), vec![p("", Some("S"))]);
        assert_eq!(trailing_people("Därefter M-gruppen"), vec![p("", Some("M"))]);
        // Genitives of several parties, an abbreviation's genitive, a member named after it.
        assert_eq!(
            trailing_people("Moderaternas, Liberalernas och Kristdemokraternas ledamöter"),
            vec![p("", Some("M")), p("", Some("L")), p("", Some("KD"))]
        );
        assert_eq!(trailing_people("MP:s ledamot"), vec![p("", Some("MP"))]);
        assert_eq!(
            trailing_people("Centerpartiets ledamot Lars Ek"),
            vec![p("Lars Ek", Some("C"))]
        );
        assert!(trailing_people("Mattias Ek:s ledamöter").is_empty());
        // A party written out after "för", "samtliga" before the group's word.
        assert_eq!(leading_people("ledamöterna för Miljöpartiet."), vec![p("", Some("MP"))]);
        assert_eq!(
            leading_people("samtliga ledamöter för Sverigedemokraterna."),
            vec![p("", Some("SD"))]
        );
        assert_eq!(trailing_people("Den socialdemokratiska gruppen"), vec![p("", Some("S"))]);
        // National parties' abbreviations as a subject.
        assert_eq!(
            trailing_people("S, V och MP"),
            vec![p("", Some("S")), p("", Some("V")), p("", Some("MP"))]
        );
        assert_eq!(leading_people("(SD)"), vec![p("", Some("SD"))]);
        assert!(trailing_people("EU").is_empty());
        assert!(leading_people("SD:s förslag").is_empty());
        assert_eq!(trailing_people("Miljöpartiet de gröna"), vec![p("", Some("MP"))]);
        assert!(trailing_people("Den nya gruppen").is_empty());
        assert!(trailing_people("S-ledamöternas").is_empty());
        assert_eq!(party_by_name("Sjukvårdspartiet"), Some("SJVP"));
        assert_eq!(party_by_name("Kristdemokraterna"), Some("KD"));
    }

    #[test]
    fn parties_abbreviated() {
        assert_eq!(party("(S)"), Ok(("", "S".into())));
        assert_eq!(party("( M )"), Ok(("", "M".into())));
        assert_eq!(party("(fp)"), Ok(("", "FP".into())));
        assert_eq!(party("(SJVP), ordförande"), Ok((", ordförande", "SJVP".into())));
        // A local list's abbreviation, capitalised (Mjölby, Sölvesborg).
        assert_eq!(party("(Mbp) och"), Ok((" och", "MBP".into())));
        assert_eq!(party("(Kd)"), Ok(("", "KD".into())));
        assert_eq!(party("(Sjvp)"), Ok(("", "SJVP".into())));
        assert_eq!(party("(Fi)"), Ok(("", "FI".into())));
        // No party, as a hyphen or a typeset dash.
        assert_eq!(party("(-)"), Ok(("", "-".into())));
        assert_eq!(party("(–)"), Ok(("", "–".into())));
        // A capitalised word is a note, no party: `Eva Lund (Sjuk)`, `Bo Ek (Jäv)`.
        for note in ["(Sjuk)", "(Jäv)", "(Led)", "(Chef)", "(Skola)", "(Kicki)", "(Christer)"] {
            assert!(party(note).is_err(), "{note}");
        }
        let p = person("Eva Lund (Sjuk)").map(|(_, p)| p);
        assert_eq!(p.map(|p| p.party), Ok(None));
    }

    /// Local parties' abbreviations take general shapes: capitals with small letters inside,
    /// or capitalised letters that start no Swedish word (`Eva Holm (SoL)`, `Lars Ek (Lpo)`).
    #[test]
    fn local_parties_abbreviated_in_mixed_case() {
        for (i, want) in [
            ("(SoL)", "SOL"),
            ("(Lpo)", "LPO"),
            ("(ÖrP)", "ÖRP"),
            ("(SkÅP)", "SKÅP"),
            ("(KiM)", "KIM"),
            ("(LPo)", "LPO"),
            ("(Vpl)", "VPL"),
            ("(Sjvpl)", "SJVPL"),
        ] {
            assert_eq!(party(i), Ok(("", want.to_string())), "{i}");
        }
        assert_eq!(
            trailing_people("Eva Holm (SoL) och Lars Ek (Lpo)"),
            vec![p("Eva Holm", Some("SOL")), p("Lars Ek", Some("LPO"))]
        );
        // A name's word with a capital inside, a role's abbreviation, a word: no party.
        for i in ["(McKay)", "(DuRietz)", "(Ordf)", "(Tjg)", "(Ekonomichef)", "(Stab)"] {
            assert!(party(i).is_err(), "{i}");
        }
        assert!(capitalised_abbrev("Mbp") && capitalised_abbrev("Fi") && capitalised_abbrev("Lpo"));
        assert!(!capitalised_abbrev("Skrivs") && !capitalised_abbrev("Psyk"));
        assert!(!capitalised_abbrev("Ärende") && !capitalised_abbrev("SoL"));
        assert!(
            mixed_case_abbrev("SkÅP") && !mixed_case_abbrev("McKay") && !mixed_case_abbrev("SD")
        );
    }

    #[test]
    fn parties_written_out() {
        // Known names become their abbreviation.
        assert_eq!(party("(Vägval)"), Ok(("", "VG".into())));
        assert_eq!(party("(Kommunens väl), ordförande"), Ok((", ordförande", "KV".into())));
        assert_eq!(party("(Socialdemokraterna)"), Ok(("", "S".into())));
        assert_eq!(party("(Sjukvårdspartiet Västernorrland)"), Ok(("", "SJVP".into())));
        // A local party's name, as written.
        assert_eq!(party("(Sjöbopartiet) deltar"), Ok((" deltar", "Sjöbopartiet".into())));
        assert_eq!(party("(Skånepartiet)"), Ok(("", "Skånepartiet".into())));
        assert_eq!(party("(Lokalt alternativ), vice"), Ok((", vice", "Lokalt alternativ".into())));
        assert_eq!(party("(Ny  framtid)"), Ok(("", "Ny framtid".into())));
        assert_eq!(party("(Öppna listan)"), Ok(("", "Öppna listan".into())));
    }

    #[test]
    fn titles_and_notes_in_parentheses_are_no_parties() {
        assert!(NOT_PARTY.iter().all(|w| w.is_ascii() && w.len() <= 4 && is_not_party(w)));
        for i in [
            "(stadsdirektör)",
            "(Kanslichef)",
            "(deltar digitalt)",
            "(Deltar digitalt)",
            "(Ds 2023:26)",
            "(§§ 1-5)",
            "(Ordf)",
            "(Sekr)",
            "(Chef)",
            "(Jurist)",
            "(Ekonomiavdelningen)",
            "(Kommunstyrelsens ordförande)",
            "(Partiet)",
            "(Sjöbopartiet",
            "()",
            "(",
        ] {
            assert!(party(i).is_err(), "{i}");
        }
    }

    #[test]
    fn people_of_local_parties() {
        assert_eq!(
            trailing_people("Ulf Ek (Mbp) och Kristina Borg (S)"),
            vec![p("Ulf Ek", Some("MBP")), p("Kristina Borg", Some("S"))]
        );
        assert_eq!(
            trailing_people("Tore Wikström (Sjöbopartiet)"),
            vec![p("Tore Wikström", Some("Sjöbopartiet"))]
        );
    }

    #[test]
    fn a_party_and_its_members() {
        assert_eq!(
            trailing_people("Socialdemokraterna (Fatima Osman och Emil Wahl)"),
            vec![p("Fatima Osman", Some("S")), p("Emil Wahl", Some("S"))]
        );
        assert_eq!(
            leading_people("Moderaterna (Bo Ek, Eva Lund) reserverar sig"),
            vec![p("Bo Ek", Some("M")), p("Eva Lund", Some("M"))]
        );
        assert_eq!(
            trailing_people("Sjöbopartiet (Tore Wikström)"),
            vec![p("Tore Wikström", Some("Sjöbopartiet"))]
        );
    }

    /// A party written out with its abbreviation after it, or with the members it speaks
    /// through (`genom`), who take its party.
    #[test]
    fn a_party_abbreviated_or_through_its_members() {
        // A party after a dash between spaces, as some minutes write it.
        assert_eq!(trailing_people("Johan Svensson - SD"), vec![p("Johan Svensson", Some("SD"))]);
        assert_eq!(
            leading_people("Anna Ek – M och Bo Ek – S reserverar sig"),
            vec![p("Anna Ek", Some("M")), p("Bo Ek", Some("S"))]
        );
        // After a dash, only capitals: a small `v` there is a vice chair's abbreviation.
        assert_eq!(person("Lars Berg - v ordf").map(|(_, x)| x), Ok(p("Lars Berg", None)));
        assert_eq!(trailing_people("Liberalerna (L)"), vec![p("", Some("L"))]);
        assert_eq!(
            trailing_people("Moderaterna (M) och Kristdemokraterna (KD)"),
            vec![p("", Some("M")), p("", Some("KD"))]
        );
        assert_eq!(
            trailing_people("Sverigedemokraterna genom Bo Ulf Karlsson"),
            vec![p("Bo Ulf Karlsson", Some("SD"))]
        );
        assert_eq!(
            trailing_people("Vänsterpartiet, genom Lisa Ek och Per Holm,"),
            vec![p("Lisa Ek", Some("V")), p("Per Holm", Some("V"))]
        );
    }

    #[test]
    fn adjusters_chosen_in_a_clause() {
        let names = |c: &str| -> Vec<String> {
            adjusters_in_clause(c).into_iter().map(|p| p.name).collect()
        };
        assert_eq!(
            names("utse Lars Ek (M) att jämte ordföranden justera protokollet"),
            ["Lars Ek"]
        );
        assert_eq!(
            names("Lars Ek (M) och Eva Lund (V) utses att justera dagens protokoll"),
            ["Lars Ek", "Eva Lund"]
        );
        assert_eq!(names("Till justerare utses Eva Lund (V)"), ["Eva Lund"]);
        assert!(names("utse Lars Ek (M) till ledamot i styrelsen").is_empty());
        assert!(names("justera taxan").is_empty());
    }
}
