//! A seeded generator of realistic Swedish minutes for the index benchmark.
//!
//! The same seed and size give the same files, byte for byte (given the same `corpus/`, whose
//! prose trains the word chain: its fingerprint is recorded beside the generated corpus).
//!
//! What varies, as in the real corpus:
//! - organisations (regions, landsting, kommuner, städer), each with its own bodies, roster of
//!   politicians, officials and case-number style;
//! - layouts: the markdown protocol of `region-västernorrland/004` (tab attendee lines, page
//!   furniture, `Diarienummer:`), the extracts of `region-jämtland-härjedalen/000` and the
//!   hard-wrapped one of `002` (`(HSN/876/2024)` in the title), the older kommun protocol
//!   (`KF § 267 Dnr KS 02-820 107`, `att …,`, `________`), docplayer's flattened page-per-line
//!   transcripts, and reports without § headings;
//! - case numbers in six spellings, the same cases handled by several bodies and cited across
//!   years, so `dnr` trails exist;
//! - prose from a word chain trained on `corpus/`, with Swedish compounds, names, numbers and
//!   dates mixed in so the term dictionary grows as a real one does;
//! - att-clauses, Expedieras till lists, yrkanden, abstentions, reservations, jäv and votes;
//! - sizes: extracts 3–15 KB, protocols 15–60 KB, one in ten 100–300 KB.

use protokoll::parse::lexical::MONTHS;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::rng::Rng;

/// Bump when the generator's output changes, so an old corpus is not reused.
pub const GENERATOR_VERSION: u32 = 1;

// ---------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------

const FIRST: &[&str] = &[
    "Anna",
    "Maria",
    "Eva",
    "Karin",
    "Kristina",
    "Lena",
    "Sara",
    "Elin",
    "Ingrid",
    "Marie",
    "Malin",
    "Emma",
    "Kerstin",
    "Helena",
    "Linda",
    "Johanna",
    "Camilla",
    "Sofia",
    "Annika",
    "Ulrika",
    "Therese",
    "Birgitta",
    "Gunilla",
    "Monica",
    "Agneta",
    "Pia",
    "Erica",
    "Viktoria",
    "Elina",
    "Gudrun",
    "Ingela",
    "Hanna",
    "Katarina",
    "Caroline",
    "Sandra",
    "Märta",
    "Anneli",
    "Åsa",
    "Åse",
    "Lisbeth",
    "Iréne",
    "Farida",
    "Leyla",
    "Amira",
    "Jaana",
    "Tuula",
    "Anna-Lena",
    "Ann-Christin",
    "Eva-Lena",
    "Lars",
    "Anders",
    "Johan",
    "Per",
    "Erik",
    "Karl",
    "Peter",
    "Mikael",
    "Jan",
    "Hans",
    "Thomas",
    "Daniel",
    "Fredrik",
    "Stefan",
    "Magnus",
    "Mats",
    "Bengt",
    "Torgny",
    "Dennis",
    "Roger",
    "Tore",
    "Henrik",
    "David",
    "Gabriel",
    "Farid",
    "Ali",
    "Mehmet",
    "Kjell",
    "Kurt",
    "Sten",
    "Göran",
    "Örjan",
    "Åke",
    "Björn",
    "Ola",
    "Nils",
    "Olof",
    "Gunnar",
    "Tony",
    "Christer",
    "Jonas",
    "Patrik",
    "Niklas",
    "Mattias",
    "Oskar",
    "Emil",
    "Hampus",
    "Hans-Ove",
    "Lars-Erik",
    "Sten-Åke",
    "Per-Olof",
    "Jan-Erik",
    "Karl-Johan",
    "Aron",
    "Isak",
];

const SURNAMES: &[&str] = &[
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Jönsson",
    "Lindberg",
    "Jakobsson",
    "Magnusson",
    "Lindström",
    "Olofsson",
    "Lindqvist",
    "Lindgren",
    "Berg",
    "Axelsson",
    "Bergström",
    "Lundberg",
    "Lind",
    "Lundgren",
    "Lundqvist",
    "Mattsson",
    "Berglund",
    "Fredriksson",
    "Sandberg",
    "Henriksson",
    "Forsberg",
    "Sjöberg",
    "Wallin",
    "Engström",
    "Eklund",
    "Danielsson",
    "Lundin",
    "Håkansson",
    "Björk",
    "Bergman",
    "Gunnarsson",
    "Holm",
    "Wikström",
    "Samuelsson",
    "Isaksson",
    "Fransson",
    "Bergqvist",
    "Nyström",
    "Holmberg",
    "Arvidsson",
    "Löfgren",
    "Söderberg",
    "Nyberg",
    "Blomqvist",
    "Claesson",
    "Nordström",
    "Mårtensson",
    "Lundström",
    "Viklund",
    "Björklund",
    "Eliasson",
    "Pålsson",
    "Berggren",
    "Sandström",
    "Lund",
    "Nordin",
    "Ström",
    "Åberg",
    "Hermansson",
    "Ekström",
    "Holmgren",
    "Sundberg",
    "Hedlund",
    "Dahlberg",
    "Hellström",
    "Sjögren",
    "Abrahamsson",
    "Martinsson",
    "Öberg",
    "Andreasson",
    "Strömberg",
    "Månsson",
    "Åkesson",
    "Hansen",
    "Backlund",
    "Stenberg",
    "Moström",
    "Sjödin",
    "Jarl",
    "Korhonen",
    "Öhman",
    "Sylvan",
    "Wahlund",
    "Herlin",
    "Sidung",
    "Nordlander",
    "Westerlund",
    "Thimstrand",
    "Knutar",
    "Norin",
    "Engblad",
    "Molin",
    "Mackin",
    "Rask",
    "Kjellberg",
    "Jaktlund",
    "Hedman",
    "Törnquist",
    "Edvinsson",
    "Tagesson",
    "Göransson",
    "Wöhlecke",
    "Westfahl",
    "Eberyd",
    "Albahadli",
    "Barjosef",
    "Trolle",
    "Frandsen",
    "Palm",
    "Lindell",
    "Adlivankin",
    "Orselius",
    "Rydström",
    "Strandin",
    "Tilles",
    "Gladnikoff",
    "Lindholm",
    "Arab",
    "Yilmaz",
    "Hussein",
    "Ahmadi",
    "Nieminen",
    "Virtanen",
    "Kaya",
    "Dahl",
];

const FORVALTNING: &[&str] = &[
    "Regionledningsförvaltningen",
    "Hälso- och sjukvårdsförvaltningen",
    "Kommunledningskontoret",
    "Socialförvaltningen",
    "Samhällsbyggnadsförvaltningen",
    "Barn- och utbildningsförvaltningen",
    "Kultur- och fritidsförvaltningen",
    "Sekretariatet",
];

const TITLES: &[&str] = &[
    "kommundirektör",
    "regiondirektör",
    "ekonomichef",
    "förvaltningschef",
    "hälso- och sjukvårdsdirektör",
    "nämndsekreterare",
    "sekreterare",
    "utredare",
    "controller",
    "enhetschef",
    "verksamhetsstrateg",
    "områdesdirektör",
    "kanslichef",
    "planarkitekt",
    "socialchef",
    "skolchef",
    "miljöinspektör",
    "personalchef",
    "stabschef",
    "processledare",
    "kvalitetsutvecklare",
    "upphandlingsansvarig",
];

/// First halves of compounds, already in their joining form.
const STEMS: &[&str] = &[
    "patientsäkerhets",
    "hälso",
    "sjukvårds",
    "vård",
    "omsorgs",
    "förskole",
    "grundskole",
    "gymnasie",
    "miljö",
    "bygg",
    "plan",
    "detaljplane",
    "trafik",
    "kollektivtrafik",
    "kultur",
    "fritids",
    "idrotts",
    "biblioteks",
    "äldre",
    "funktionshinder",
    "social",
    "barn",
    "ungdoms",
    "familje",
    "integrations",
    "arbetsmarknads",
    "näringslivs",
    "turism",
    "energi",
    "klimat",
    "avfalls",
    "vatten",
    "avlopps",
    "fastighets",
    "lokal",
    "bostads",
    "skol",
    "elev",
    "lärar",
    "personal",
    "kompetens",
    "rekryterings",
    "löne",
    "budget",
    "investerings",
    "drift",
    "ekonomi",
    "redovisnings",
    "revisions",
    "kontroll",
    "tillsyns",
    "livsmedels",
    "alkohol",
    "tobaks",
    "serverings",
    "räddnings",
    "säkerhets",
    "krisberednings",
    "beredskaps",
    "digitaliserings",
    "informations",
    "kommunikations",
    "upphandlings",
    "inköps",
    "avtals",
    "ersättnings",
    "taxe",
    "avgifts",
    "bidrags",
    "stöd",
    "läkemedels",
    "tandvårds",
    "primärvårds",
    "psykiatri",
    "habiliterings",
    "rehabiliterings",
    "ambulans",
    "akut",
    "förlossnings",
    "vaccinations",
    "smittskydds",
    "folkhälso",
    "jämställdhets",
    "tillgänglighets",
    "landsbygds",
    "väg",
    "gatu",
    "park",
    "hamn",
    "flyg",
    "järnvägs",
    "cykel",
    "parkerings",
    "snöröjnings",
    "belysnings",
    "brand",
    "översikts",
    "mark",
    "exploaterings",
    "naturvårds",
    "strandskydds",
    "buller",
    "bredbands",
    "stadsbyggnads",
    "centrum",
    "region",
    "kommun",
    "läns",
    "nämnd",
    "styrelse",
    "förvaltnings",
    "verksamhets",
    "lednings",
    "styr",
    "uppföljnings",
    "kvalitets",
    "utvecklings",
    "hemtjänst",
    "boende",
    "missbruks",
    "beroende",
    "vårdplats",
    "bemannings",
    "arbetsmiljö",
    "samverkans",
    "besöks",
    "kris",
    "utbildnings",
    "forsknings",
    "innovations",
    "hållbarhets",
    "mångfalds",
    "kost",
    "måltids",
    "städ",
    "lokalvårds",
    "vaktmästeri",
];

/// Second halves of compounds, with their inflected forms.
const HEADS: &[&[&str]] = &[
    &["plan", "planen", "planer", "planerna", "planens"],
    &["arbete", "arbetet", "arbeten", "arbetets"],
    &["frågor", "frågorna", "fråga", "frågan"],
    &["ärende", "ärendet", "ärenden", "ärendena"],
    &["avtal", "avtalet", "avtalen", "avtalets"],
    &["policy", "policyn", "policyer"],
    &["riktlinje", "riktlinjen", "riktlinjer", "riktlinjerna"],
    &["program", "programmet", "programmen"],
    &["strategi", "strategin", "strategier", "strategierna"],
    &["rapport", "rapporten", "rapporter", "rapporterna"],
    &["uppföljning", "uppföljningen", "uppföljningar"],
    &["utredning", "utredningen", "utredningar", "utredningens"],
    &["ansökan", "ansökningar", "ansökningarna"],
    &["beslut", "beslutet", "besluten", "beslutets"],
    &["budget", "budgeten", "budgetar"],
    &["ram", "ramen", "ramar", "ramarna"],
    &["kostnad", "kostnaden", "kostnader", "kostnaderna"],
    &["intäkter", "intäkterna"],
    &["verksamhet", "verksamheten", "verksamheter", "verksamheterna"],
    &["enhet", "enheten", "enheter", "enheterna"],
    &["avdelning", "avdelningen", "avdelningar"],
    &["process", "processen", "processer", "processerna"],
    &["system", "systemet", "systemen"],
    &["projekt", "projektet", "projekten", "projektets"],
    &["bidrag", "bidraget", "bidragen"],
    &["avgift", "avgiften", "avgifter", "avgifterna"],
    &["taxa", "taxan", "taxor", "taxorna"],
    &["tillstånd", "tillståndet", "tillstånden"],
    &["insats", "insatsen", "insatser", "insatserna"],
    &["åtgärd", "åtgärden", "åtgärder", "åtgärderna"],
    &["nivå", "nivån", "nivåer"],
    &["mål", "målet", "målen"],
    &["område", "området", "områden", "områdena"],
    &["resurser", "resurserna"],
    &["behov", "behovet", "behoven"],
    &["analys", "analysen", "analyser"],
    &["samordning", "samordningen"],
    &["organisation", "organisationen", "organisationer"],
    &["översyn", "översynen"],
    &["prognos", "prognosen", "prognoser"],
    &["modell", "modellen", "modeller"],
    &["fond", "fonden", "fonder"],
    &["lokaler", "lokalerna"],
    &["byggnad", "byggnaden", "byggnader"],
    &["anläggning", "anläggningen", "anläggningar"],
    &["tjänster", "tjänsterna", "tjänst"],
    &["chef", "chefen", "chefer"],
    &["samordnare", "samordnaren"],
    &["grupp", "gruppen", "grupper"],
    &["råd", "rådet"],
    &["dialog", "dialogen", "dialoger"],
    &["underlag", "underlaget"],
    &["yttrande", "yttrandet"],
    &["redovisning", "redovisningen"],
    &["statistik", "statistiken"],
    &["kö", "kön", "köer"],
    &["tider", "tiderna"],
    &["platser", "platserna"],
    &["satsning", "satsningen", "satsningar"],
    &["reform", "reformen"],
    &["lag", "lagen"],
    &["regler", "reglerna"],
    &["ansvar", "ansvaret"],
    &["uppdrag", "uppdraget", "uppdragen"],
    &["utveckling", "utvecklingen"],
    &["effekter", "effekterna"],
    &["risker", "riskerna", "risk"],
];

const WEEKDAYS: &[&str] = &["måndagen", "tisdagen", "onsdagen", "torsdagen", "fredagen"];

const DEPARTMENTS: &[&str] = &[
    "Socialdepartementet",
    "Finansdepartementet",
    "Infrastrukturdepartementet",
    "Utbildningsdepartementet",
    "Landsbygds- och infrastrukturdepartementet",
    "Klimat- och näringslivsdepartementet",
    "Justitiedepartementet",
    "Kulturdepartementet",
];

const RECIPIENTS: &[&str] = &[
    "Ekonomiavdelningen",
    "Kommunledningskontoret",
    "Samtliga nämnder",
    "Revisorerna",
    "Akten",
    "HR-avdelningen",
    "Regiondirektör",
    "Hälso- och sjukvårdsdirektör",
    "Hälso- och sjukvårdsdirektörens närstöd",
    "Ekonomicontroller",
    "Enhetschef sekretariatet",
    "Förvaltningschef",
    "Kommundirektör",
    "Socialchef",
    "Länsstyrelsen",
    "Kommunstyrelsen",
    "Utvecklingsstrateg HSD-stab",
    "Motionären",
    "Förslagsställaren",
    "Miljö- och hälsoskyddsenheten",
    "Kultur- och fritidsförvaltningen",
];

const SECTIONS: &[&str] = &[
    "Ärendebeskrivning",
    "Bakgrund",
    "Sammanfattning",
    "Förvaltningens bedömning",
    "Samlad bedömning",
    "Ekonomiska konsekvenser",
    "Konsekvensanalys",
    "Överläggningar",
    "Yttrande",
    "Barnperspektivet",
    "Juridisk bedömning",
    "Inledning",
];

// ---------------------------------------------------------------------------------------------
// Organisations and bodies
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OrgKind {
    Region,
    Landsting,
    Kommun,
}

/// A spelling of case numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DnrStyle {
    /// `HSN/876/2024`
    Slashed,
    /// `HSN-871-2024`
    DashedNumberYear,
    /// `23HSN1782`
    Glued,
    /// `KS 2023/123`
    SpaceYearNumber,
    /// `KS 2023/00123`
    Padded,
    /// `SLK-2025-00283`
    DashedYearNumber,
    /// `LS 1305-0677`
    YearMonth,
    /// `KS 02-820 107` (only after a label)
    Old,
}

/// (folder, kind, case-number style)
const ORGS: &[(&str, OrgKind, DnrStyle)] = &[
    ("region-västernorrland", OrgKind::Region, DnrStyle::Glued),
    ("region-jämtland-härjedalen", OrgKind::Region, DnrStyle::Slashed),
    ("region-stockholm", OrgKind::Region, DnrStyle::DashedYearNumber),
    ("region-skåne", OrgKind::Region, DnrStyle::SpaceYearNumber),
    ("region-uppsala", OrgKind::Region, DnrStyle::Padded),
    ("region-dalarna", OrgKind::Region, DnrStyle::DashedNumberYear),
    ("region-gävleborg", OrgKind::Region, DnrStyle::Glued),
    ("region-norrbotten", OrgKind::Region, DnrStyle::SpaceYearNumber),
    ("region-västerbotten", OrgKind::Region, DnrStyle::Slashed),
    ("region-halland", OrgKind::Region, DnrStyle::DashedYearNumber),
    ("region-kronoberg", OrgKind::Region, DnrStyle::Padded),
    ("region-örebro-län", OrgKind::Region, DnrStyle::SpaceYearNumber),
    ("landstinget-västernorrland", OrgKind::Landsting, DnrStyle::SpaceYearNumber),
    ("stockholms-läns-landsting", OrgKind::Landsting, DnrStyle::YearMonth),
    ("landstinget-dalarna", OrgKind::Landsting, DnrStyle::DashedNumberYear),
    ("norrtälje-kommun", OrgKind::Kommun, DnrStyle::Old),
    ("eslövs-kommun", OrgKind::Kommun, DnrStyle::SpaceYearNumber),
    ("hultsfreds-kommun", OrgKind::Kommun, DnrStyle::Padded),
    ("kramfors-kommun", OrgKind::Kommun, DnrStyle::SpaceYearNumber),
    ("skövde-kommun", OrgKind::Kommun, DnrStyle::DashedYearNumber),
    ("vallentuna-kommun", OrgKind::Kommun, DnrStyle::SpaceYearNumber),
    ("vilhelmina-kommun", OrgKind::Kommun, DnrStyle::Slashed),
    ("åtvidabergs-kommun", OrgKind::Kommun, DnrStyle::Old),
    ("trollhättans-stad", OrgKind::Kommun, DnrStyle::Padded),
    ("umeå-kommun", OrgKind::Kommun, DnrStyle::SpaceYearNumber),
    ("sundsvalls-kommun", OrgKind::Kommun, DnrStyle::DashedNumberYear),
    ("östersunds-kommun", OrgKind::Kommun, DnrStyle::SpaceYearNumber),
    ("härnösands-kommun", OrgKind::Kommun, DnrStyle::Glued),
    ("luleå-kommun", OrgKind::Kommun, DnrStyle::Padded),
    ("gävle-kommun", OrgKind::Kommun, DnrStyle::SpaceYearNumber),
    ("falu-kommun", OrgKind::Kommun, DnrStyle::DashedYearNumber),
    ("växjö-kommun", OrgKind::Kommun, DnrStyle::SpaceYearNumber),
    ("lunds-kommun", OrgKind::Kommun, DnrStyle::Padded),
    ("örnsköldsviks-kommun", OrgKind::Kommun, DnrStyle::SpaceYearNumber),
    ("strömsunds-kommun", OrgKind::Kommun, DnrStyle::Slashed),
    ("krokoms-kommun", OrgKind::Kommun, DnrStyle::SpaceYearNumber),
    ("solna-stad", OrgKind::Kommun, DnrStyle::DashedNumberYear),
    ("uddevalla-kommun", OrgKind::Kommun, DnrStyle::SpaceYearNumber),
    ("kalmar-kommun", OrgKind::Kommun, DnrStyle::Padded),
    ("motala-kommun", OrgKind::Kommun, DnrStyle::Old),
];

/// (name, genitive, short, series, is an utskott/arbetsutskott of the body before it)
type BodyDef = (&'static str, &'static str, &'static str, &'static str, bool);

const REGION_BODIES: &[BodyDef] = &[
    ("Regionfullmäktige", "regionfullmäktiges", "RF", "RS", false),
    ("Regionstyrelsen", "regionstyrelsens", "RS", "RS", false),
    ("Regionstyrelsens arbetsutskott", "regionstyrelsens arbetsutskotts", "RSAU", "RS", true),
    ("Hälso- och sjukvårdsnämnden", "hälso- och sjukvårdsnämndens", "HSN", "HSN", false),
    ("Hälso- och sjukvårdsutskottet", "hälso- och sjukvårdsutskottets", "HSU", "HSN", true),
    ("Regionala utvecklingsnämnden", "regionala utvecklingsnämndens", "RUN", "RUN", false),
    ("Patientnämnden", "patientnämndens", "PN", "PN", false),
    ("Kulturnämnden", "kulturnämndens", "KUN", "KUN", false),
    ("Kollektivtrafiknämnden", "kollektivtrafiknämndens", "KTN", "KTN", false),
    ("Tandvårdsnämnden", "tandvårdsnämndens", "TVN", "TVN", false),
    ("Primärvårdsutskottet", "primärvårdsutskottets", "PVU", "HSN", true),
];

const LANDSTING_BODIES: &[BodyDef] = &[
    ("Landstingsfullmäktige", "landstingsfullmäktiges", "LF", "LS", false),
    ("Landstingsstyrelsen", "landstingsstyrelsens", "LS", "LS", false),
    (
        "Landstingsstyrelsens arbetsutskott",
        "landstingsstyrelsens arbetsutskotts",
        "LSAU",
        "LS",
        true,
    ),
    ("Hälso- och sjukvårdsnämnden", "hälso- och sjukvårdsnämndens", "HSN", "HSN", false),
    ("Hälso- och sjukvårdsutskottet", "hälso- och sjukvårdsutskottets", "HSU", "HSN", true),
    ("Trafiknämnden", "trafiknämndens", "TN", "TN", false),
    ("Kulturnämnden", "kulturnämndens", "KUN", "KUN", false),
    ("Patientnämnden", "patientnämndens", "PN", "PN", false),
];

const KOMMUN_BODIES: &[BodyDef] = &[
    ("Kommunfullmäktige", "kommunfullmäktiges", "KF", "KS", false),
    ("Kommunstyrelsen", "kommunstyrelsens", "KS", "KS", false),
    ("Kommunstyrelsens arbetsutskott", "kommunstyrelsens arbetsutskotts", "KSAU", "KS", true),
    ("Socialnämnden", "socialnämndens", "SN", "SN", false),
    ("Socialnämndens arbetsutskott", "socialnämndens arbetsutskotts", "SNAU", "SN", true),
    ("Barn- och utbildningsnämnden", "barn- och utbildningsnämndens", "BUN", "BUN", false),
    ("Utbildningsnämnden", "utbildningsnämndens", "UN", "UN", false),
    ("Miljö- och byggnadsnämnden", "miljö- och byggnadsnämndens", "MBN", "MBN", false),
    ("Kultur- och fritidsnämnden", "kultur- och fritidsnämndens", "KFN", "KFN", false),
    ("Tekniska nämnden", "tekniska nämndens", "TN", "TN", false),
    ("Vård- och omsorgsnämnden", "vård- och omsorgsnämndens", "VON", "VON", false),
    ("Överförmyndarnämnden", "överförmyndarnämndens", "ÖFN", "ÖFN", false),
    ("Samhällsbyggnadsnämnden", "samhällsbyggnadsnämndens", "SBN", "SBN", false),
];

/// A member of an organisation's roster.
#[derive(Debug, Clone)]
struct Member {
    name: String,
    party: &'static str,
}

impl Member {
    fn with_party(&self, lower: bool) -> String {
        if lower {
            format!("{} ({})", self.name, self.party.to_lowercase())
        } else {
            format!("{} ({})", self.name, self.party)
        }
    }
}

/// An organisation with everything that stays the same across its documents.
#[derive(Debug, Clone)]
struct Org {
    folder: &'static str,
    name: String,
    style: DnrStyle,
    bodies: Vec<BodyDef>,
    members: Vec<Member>,
    officials: Vec<(String, &'static str)>,
    places: Vec<String>,
    domain: String,
}

fn person_name(rng: &mut Rng) -> String {
    let first = rng.pick(FIRST);
    let mut name = if rng.chance(0.08) {
        format!("{first} {}", rng.pick(FIRST).split('-').next().unwrap_or("Anna"))
    } else {
        (*first).to_string()
    };
    name.push(' ');
    name.push_str(*rng.pick(SURNAMES));
    if rng.chance(0.08) {
        name.push(' ');
        name.push_str(*rng.pick(SURNAMES));
    } else if rng.chance(0.05) {
        name.push('-');
        name.push_str(*rng.pick(SURNAMES));
    }
    name
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

fn ascii_slug(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'å' | 'ä' | 'Å' | 'Ä' => 'a',
            'ö' | 'Ö' => 'o',
            'é' => 'e',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect()
}

fn org(seed: u64, i: usize) -> Org {
    let (folder, kind, style) = ORGS[i];
    let mut rng = Rng::new(seed, 0x0046_0000 + i as u64);
    let name = folder
        .split('-')
        .map(|w| {
            if ["kommun", "stad", "läns", "landsting"].contains(&w) {
                w.to_string()
            } else {
                capitalise(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let table = match kind {
        OrgKind::Region => REGION_BODIES,
        OrgKind::Landsting => LANDSTING_BODIES,
        OrgKind::Kommun => KOMMUN_BODIES,
    };
    // The council, the board and its arbetsutskott always; then some of the rest.
    let mut bodies: Vec<BodyDef> = table[..3].to_vec();
    for b in &table[3..] {
        if rng.chance(0.6) {
            bodies.push(*b);
        }
    }
    let mut parties: Vec<&'static str> =
        vec!["S", "S", "S", "M", "M", "SD", "C", "V", "KD", "L", "MP"];
    match folder {
        "region-västernorrland" | "landstinget-västernorrland" => {
            parties.extend(["SJVP", "SJVP"]);
        }
        "norrtälje-kommun" | "vallentuna-kommun" | "eslövs-kommun" => parties.push("FP"),
        "motala-kommun" => parties.push("KV"),
        "region-stockholm" | "solna-stad" => parties.push("FI"),
        _ => {}
    }
    let members = (0..rng.range(35, 70))
        .map(|_| Member { name: person_name(&mut rng), party: *rng.pick(&parties) })
        .collect();
    let officials =
        (0..rng.range(12, 25)).map(|_| (person_name(&mut rng), *rng.pick(TITLES))).collect();
    let town =
        name.split(' ').nth(usize::from(kind != OrgKind::Kommun)).unwrap_or("Staden").to_string();
    let places = vec![
        format!("{town}, Stadshuset, Sessionssalen"),
        format!("Regionens hus i {town}, E-huset lokal \"Nämndsalen\""),
        format!("Kommunhuset, {town}, sammanträdesrum {}", rng.pick(SURNAMES)),
        format!("{} Sparbank, {} gränd 2, {town}", rng.pick(SURNAMES), rng.pick(SURNAMES)),
        "Digitalt sammanträde via Teams".to_string(),
    ];
    let domain = format!("{}.se", ascii_slug(&town));
    Org { folder, name, style, bodies, members, officials, places, domain }
}

// ---------------------------------------------------------------------------------------------
// Prose: a word chain trained on corpus/
// ---------------------------------------------------------------------------------------------

/// A first-order word chain.
pub struct Chain {
    words: Vec<String>,
    next: Vec<Vec<u32>>,
    starts: Vec<u32>,
    /// A fingerprint of the training text.
    pub fingerprint: String,
}

impl Chain {
    /// Trains on the prose lines of the documents under `root` (read in sorted order).
    pub fn train(root: &Path) -> anyhow::Result<Chain> {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut words: Vec<String> = Vec::new();
        let mut next: Vec<Vec<u32>> = Vec::new();
        let mut starts = Vec::new();
        let mut training = String::new();
        for path in protokoll::corpus::walk(&[root.to_path_buf()]).into_iter().flatten() {
            let Ok(src) = protokoll::source::read(&path) else { continue };
            for line in src.text.lines() {
                let line = line.replace('*', "");
                // Docplayer's page-per-line transcripts are header soup, not prose.
                if line.split_whitespace().count() < 8 || line.len() > 1_200 {
                    continue;
                }
                training.push_str(&line);
                training.push('\n');
                let mut prev: Option<u32> = None;
                for w in line.split_whitespace() {
                    let id = *ids.entry(w.to_string()).or_insert_with(|| {
                        words.push(w.to_string());
                        next.push(Vec::new());
                        (words.len() - 1) as u32
                    });
                    if let Some(p) = prev {
                        next[p as usize].push(id);
                    }
                    let starts_sentence = prev.is_none_or(|p| words[p as usize].ends_with('.'));
                    if starts_sentence && w.starts_with(char::is_uppercase) {
                        starts.push(id);
                    }
                    prev = Some(id);
                }
            }
        }
        anyhow::ensure!(starts.len() > 10, "too little prose under {} to train on", root.display());
        let digest = <sha2::Sha256 as sha2::Digest>::digest(training.as_bytes());
        let fingerprint = digest.iter().take(8).fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        });
        Ok(Chain { words, next, starts, fingerprint })
    }

    /// One sentence, ending in a full stop, with compounds, numbers and names varied.
    fn sentence(&self, rng: &mut Rng, out: &mut String) {
        let mut id = *rng.pick(&self.starts) as usize;
        let limit = rng.range(8, 34);
        for n in 0.. {
            let w = self.words[id].as_str();
            if n > 0 {
                out.push(' ');
            }
            vary_word(rng, w, out);
            let succ = &self.next[id];
            let end = w.ends_with('.') && n >= 5;
            if end || succ.is_empty() || n >= limit {
                if !end {
                    while out.ends_with([',', ';', ':', '–', '-']) {
                        out.pop();
                    }
                    out.push('.');
                }
                break;
            }
            id = *rng.pick(succ) as usize;
        }
    }

    /// A prose paragraph of `n` sentences.
    fn paragraph(&self, rng: &mut Rng, n: usize, out: &mut String) {
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            self.sentence(rng, out);
        }
    }
}

/// Writes `w`, or a variation of it: a compound for a long common noun, other digits for the
/// numbers in a token (years stay years), so numbers, dates and case numbers copied from the
/// training text do not pile up on a few values.
fn vary_word(rng: &mut Rng, w: &str, out: &mut String) {
    let letters = w.trim_end_matches(['.', ',', ';', ':']);
    let tail = &w[letters.len()..];
    if letters.len() >= 8 && letters.chars().all(char::is_lowercase) && rng.chance(0.3) {
        compound(rng, out);
        out.push_str(tail);
    } else if w.bytes().any(|b| b.is_ascii_digit()) {
        let b = w.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i].is_ascii_digit() {
                let start = i;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                let run = &w[start..i];
                if run.len() == 4 && (run.starts_with("20") || run.starts_with("19")) {
                    let _ = write!(out, "{}", rng.range(2002, 2026));
                } else {
                    let max = 10usize.pow(run.len().min(6) as u32) - 1;
                    let _ = write!(out, "{}", rng.range(1, max));
                }
            } else {
                let start = i;
                while i < b.len() && !b[i].is_ascii_digit() {
                    i += 1;
                }
                out.push_str(&w[start..i]);
            }
        }
    } else {
        out.push_str(w);
    }
}

fn compound(rng: &mut Rng, out: &mut String) {
    out.push_str(*rng.pick_skewed(STEMS));
    if rng.chance(0.15) {
        out.push_str(*rng.pick(STEMS));
    }
    let forms = *rng.pick(HEADS);
    out.push_str(*rng.pick(forms));
}

// ---------------------------------------------------------------------------------------------
// Cases (§) and their rendering
// ---------------------------------------------------------------------------------------------

/// A case number before spelling.
#[derive(Debug, Clone, Copy)]
struct Case {
    series: &'static str,
    year: u32,
    number: u32,
    month: u32,
}

fn spell(c: Case, style: DnrStyle, free_text: bool) -> String {
    let yy = c.year % 100;
    match style {
        DnrStyle::Slashed => format!("{}/{}/{}", c.series, c.number, c.year),
        DnrStyle::DashedNumberYear => format!("{}-{}-{}", c.series, c.number, c.year),
        DnrStyle::Glued if c.series.chars().count() >= 2 => {
            format!("{yy:02}{}{}", c.series, c.number)
        }
        DnrStyle::Padded => format!("{} {}/{:05}", c.series, c.year, c.number),
        DnrStyle::DashedYearNumber => format!("{}-{}-{:05}", c.series, c.year, c.number),
        DnrStyle::YearMonth if c.number < 10_000 => {
            format!("{} {yy:02}{:02}-{:04}", c.series, c.month, c.number)
        }
        DnrStyle::Old if !free_text => {
            format!("{} {yy:02}-{} {}", c.series, c.number, 100 + c.number % 9)
        }
        _ => format!("{} {}/{}", c.series, c.year, c.number),
    }
}

/// Everything about one document's meeting.
struct Meeting<'a> {
    org: &'a Org,
    body: BodyDef,
    /// The body the decisions are proposed to, for an utskott.
    parent: Option<BodyDef>,
    year: u32,
    month: u32,
    day: u32,
    first_number: u32,
    old: bool,
    present: Vec<&'a Member>,
}

impl Meeting<'_> {
    fn iso(&self) -> String {
        format!("{}-{:02}-{:02}", self.year, self.month, self.day)
    }
    fn swedish_date(&self) -> String {
        format!("{} {} {}", self.day, MONTHS[self.month as usize - 1], self.year)
    }
    fn series(&self) -> Vec<&'static str> {
        let mut s: Vec<&'static str> = self.org.bodies.iter().map(|b| b.3).collect();
        s.sort_unstable();
        s.dedup();
        s
    }
    fn member(&self, rng: &mut Rng) -> String {
        rng.pick(&self.present).with_party(self.old)
    }
}

/// A case of this organisation: half from a small hot set per series and year, so that the
/// same case comes back in several bodies' minutes, years apart.
fn pick_case(rng: &mut Rng, m: &Meeting<'_>, series: &'static str) -> Case {
    let year = if rng.chance(0.3) {
        m.year.saturating_sub(rng.range(1, 2) as u32).max(2001)
    } else {
        m.year
    };
    let number = if rng.chance(0.5) { rng.range(1, 40) } else { rng.range(41, 2500) } as u32;
    Case { series, year, number, month: rng.range(1, 12) as u32 }
}

struct Paragraph {
    number: u32,
    title: String,
    dnr: Option<String>,
    sections: Vec<(String, Vec<String>)>,
    decision: Vec<String>,
    proposal: Option<String>,
    statement: Option<String>,
    stances: Vec<(String, String)>,
    expedition: Vec<String>,
    underlag: Vec<String>,
}

fn title(rng: &mut Rng, m: &Meeting<'_>) -> String {
    let mut topic = String::new();
    compound(rng, &mut topic);
    let topic = capitalise(&topic);
    let mut other = String::new();
    compound(rng, &mut other);
    let y = m.year;
    match rng.below(16) {
        0 => format!("{topic} {y}"),
        1 => format!(
            "Yttrande över remiss från {}: {topic} (Ds {y}:{})",
            rng.pick(DEPARTMENTS),
            rng.range(1, 60)
        ),
        2 => format!("Motion från {} om {other}", m.member(rng)),
        3 => format!("Medborgarförslag om {other}"),
        4 => format!("Revisionsrapport – granskning av {other}"),
        5 => format!("Delårsrapport per {} {y}", rng.pick(&["april", "augusti", "mars"])),
        6 => format!("Uppföljning av {} plan med budget {y}", m.body.1),
        7 => format!("Internkontrollplan {}", y + 1),
        8 => format!(
            "Detaljplan för {} {}:{}",
            rng.pick(SURNAMES),
            rng.range(1, 40),
            rng.range(1, 300)
        ),
        9 => format!("Budget {}–{}", y + 1, y + 3),
        10 => format!("Avgifter inom {other} {}", y + 1),
        11 => format!("Svar på motion om {other}"),
        12 => format!("Anmälan av delegationsbeslut {}", MONTHS[m.month as usize - 1]),
        13 => format!("{topic} för {other}"),
        14 => format!("Information om {other}"),
        _ => format!("Reviderad {other} {y}–{}", y + 2),
    }
}

fn att_clause(rng: &mut Rng, m: &Meeting<'_>, title: &str) -> String {
    let mut thing = String::new();
    compound(rng, &mut thing);
    let official = rng.pick(&m.org.officials).1;
    let lower_title = title.to_lowercase();
    match rng.below(14) {
        0 => format!("att anta {lower_title}"),
        1 => format!("att godkänna {thing} enligt förvaltningens förslag"),
        2 => format!("att fastställa {lower_title} enligt bilaga"),
        3 => "att lägga informationen till handlingarna".to_string(),
        4 => "att lägga rapporten till handlingarna".to_string(),
        5 => "att avslå motionen".to_string(),
        6 => "att anse motionen besvarad".to_string(),
        7 => format!("att uppdra åt {official} att återkomma med en redovisning av {thing}"),
        8 => format!("att överlämna ärendet till {}", m.body.1.trim_end_matches('s')),
        9 => "att återremittera ärendet för komplettering".to_string(),
        10 => format!("att avsätta {} tkr för {thing} under {}", rng.range(50, 9000), m.year + 1),
        11 => format!(
            "att ge {official} i uppdrag att se över {thing} senast {} {}",
            rng.range(1, 28),
            rng.pick(&MONTHS)
        ),
        12 => "att uppdraget finansieras inom befintlig ram".to_string(),
        _ => "att paragrafen förklaras omedelbart justerad".to_string(),
    }
}

fn paragraph(
    rng: &mut Rng,
    chain: &Chain,
    m: &Meeting<'_>,
    number: u32,
    budget: usize,
) -> Paragraph {
    let series = m.body.3;
    let own = pick_case(rng, m, series);
    let title = title(rng, m);
    let dnr_style = if rng.chance(0.9) { m.org.style } else { DnrStyle::SpaceYearNumber };
    let dnr = rng.chance(0.85).then(|| spell(own, dnr_style, false));
    let mut sections = Vec::new();
    let mut size = 0;
    let all_series = m.series();
    while size < budget {
        let label = (*rng.pick(SECTIONS)).to_string();
        let mut paras = Vec::new();
        for _ in 0..rng.range(1, 4) {
            let mut p = String::new();
            let sentences = rng.range(2, 7);
            chain.paragraph(rng, sentences, &mut p);
            if rng.chance(0.35) {
                // A citation of another case, in this body or another, this year or earlier.
                let series = *rng.pick(&all_series);
                let cited = pick_case(rng, m, series);
                let spelled = spell(
                    cited,
                    if rng.chance(0.8) { m.org.style } else { DnrStyle::Slashed },
                    true,
                );
                let (b, _, _, _, _) = rng.pick(&m.org.bodies);
                let _ = write!(
                    p,
                    " Ärendet behandlades av {} den {} {} {}, § {} ({spelled}).",
                    b.to_lowercase(),
                    rng.range(1, 28),
                    rng.pick(&MONTHS),
                    cited.year,
                    rng.range(1, 250)
                );
            }
            if rng.chance(0.1) {
                let _ = write!(
                    p,
                    " Se även {} kap. {} § kommunallagen (2017:725).",
                    rng.range(1, 11),
                    rng.range(1, 40)
                );
            }
            size += p.len();
            paras.push(p);
        }
        sections.push((label, paras));
    }
    let decision: Vec<String> = (0..rng.range(1, 4)).map(|_| att_clause(rng, m, &title)).collect();
    let proposal = m.parent.map(|p| format!("{} föreslår att {} beslutar", m.body.0, p.0));
    let statement =
        rng.chance(0.3).then(|| format!("Upprättad rapport om {} godkänns.", title.to_lowercase()));
    let mut stances = Vec::new();
    if rng.chance(0.25) {
        let (a, b) = (m.member(rng), m.member(rng));
        stances.push((
            "Noteras till protokollet:".into(),
            format!("{a} och {b} avstår från att delta i beslut."),
        ));
    }
    if rng.chance(0.15) {
        stances.push((
            "Yrkanden".into(),
            format!(
                "{} yrkar bifall till förslaget. {} yrkar avslag till förmån för eget förslag.",
                m.member(rng),
                m.member(rng)
            ),
        ));
    }
    if rng.chance(0.12) {
        stances.push((
            "Reservation".into(),
            format!("{} reserverar sig mot beslutet.", m.member(rng)),
        ));
    }
    if rng.chance(0.05) {
        stances.push((
            "Jäv".into(),
            format!("{} anmäler jäv och deltar inte i handläggningen av ärendet.", m.member(rng)),
        ));
    }
    if rng.chance(0.06) {
        let (ja, nej) = (rng.range(5, 30), rng.range(3, 25));
        stances.push(("Omröstning".into(), format!(
            "Omröstning begärs och verkställs. Ja-röst för arbetsutskottets förslag, nej-röst för avslag. \
             Med {ja} ja-röster mot {nej} nej-röster beslutar {} enligt arbetsutskottets förslag. {} avstår från att rösta.",
            m.body.0.to_lowercase(),
            m.member(rng)
        )));
    }
    let expedition = if rng.chance(0.6) {
        (0..rng.range(1, 5)).map(|_| (*rng.pick(RECIPIENTS)).to_string()).collect()
    } else {
        Vec::new()
    };
    let underlag = (0..rng.range(0, 4))
        .map(|_| {
            let mut t = String::new();
            compound(rng, &mut t);
            format!("{} {}", capitalise(&t), m.iso())
        })
        .collect();
    Paragraph {
        number,
        title,
        dnr,
        sections,
        decision,
        proposal,
        statement,
        stances,
        expedition,
        underlag,
    }
}

fn justering(m: &Meeting<'_>, rng: &mut Rng) -> Paragraph {
    let member = m.member(rng);
    Paragraph {
        number: m.first_number,
        title: "Val av justerare".into(),
        dnr: None,
        sections: Vec::new(),
        decision: vec![format!("att utse {member} att jämte ordföranden justera protokollet")],
        proposal: None,
        statement: None,
        stances: Vec::new(),
        expedition: Vec::new(),
        underlag: Vec::new(),
    }
}

fn att_lines(clauses: &[String], comma_style: bool) -> Vec<String> {
    let n = clauses.len();
    clauses
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let end = if i + 1 == n {
                "."
            } else if comma_style {
                ","
            } else if i + 2 == n {
                "; samt"
            } else {
                ";"
            };
            format!("{c}{end}")
        })
        .collect()
}

/// Blocks (separated by blank lines) of one § in the markdown protocol layout.
fn render_markdown(p: &Paragraph, m: &Meeting<'_>, rng: &mut Rng, out: &mut Vec<String>) {
    out.push(match rng.below(4) {
        0 => format!("§ {} **{}**", p.number, p.title),
        1 => format!("**§ {} {}**", p.number, p.title),
        _ => format!("§ {} {}", p.number, p.title),
    });
    if let Some(d) = &p.dnr {
        let (a, h) = (rng.pick(&m.org.officials).0.clone(), rng.pick(&m.org.officials).0.clone());
        if rng.chance(0.5) {
            out.push(format!("Diarienummer: {d}\nÄrendeansvarig: {a}\nHandläggare: {h}"));
        } else {
            out.push(format!("Diarienummer: {d}"));
            out.push(format!("Ärendansvarig: {a}"));
            out.push(format!("Handläggare: {h}"));
        }
    }
    out.push(if rng.chance(0.5) { "Beslut:" } else { "Beslut" }.to_string());
    out.push(p.proposal.clone().unwrap_or_else(|| format!("{} beslutar", m.body.0)));
    out.extend(att_lines(&p.decision, false));
    for (label, paras) in &p.sections {
        out.push(label.clone());
        out.extend(paras.iter().cloned());
    }
    if !p.underlag.is_empty() {
        out.push("Beslutsunderlag".into());
        out.extend(p.underlag.iter().cloned());
    }
    for (label, text) in &p.stances {
        out.push(label.clone());
        out.push(text.clone());
    }
    if !p.expedition.is_empty() {
        out.push("Expedieras till".into());
        out.push(p.expedition.join(", "));
    }
}

/// Blocks of one § in the extract layout of `000`.
fn render_extract(p: &Paragraph, m: &Meeting<'_>, rng: &mut Rng, out: &mut Vec<String>) {
    out.push(if rng.chance(0.5) { format!("§{}", p.number) } else { format!("§ {}", p.number) });
    out.push(match &p.dnr {
        Some(d) => format!("{} ({d})", p.title),
        None => p.title.clone(),
    });
    for (label, paras) in &p.sections {
        out.push(label.clone());
        out.extend(paras.iter().cloned());
    }
    out.push("Förslag till beslut".into());
    if let Some(s) = &p.statement {
        out.push(s.clone());
    } else {
        out.extend(att_lines(&p.decision, false));
    }
    for (label, text) in &p.stances {
        out.push(label.clone());
        out.push(text.clone());
    }
    out.push("Beslut".into());
    if let Some(s) = &p.statement {
        out.push(s.clone());
    } else {
        out.push(format!("{} beslutar", m.body.0));
        out.extend(att_lines(&p.decision, false));
    }
    if !p.expedition.is_empty() {
        out.push("Expedieras till".into());
        out.push(p.expedition.join(", "));
    }
    if !p.underlag.is_empty() {
        out.push("Beslutsunderlag".into());
        out.push(p.underlag.iter().map(|u| format!("- {u}")).collect::<Vec<_>>().join("\n"));
    }
}

/// Blocks of one § in the older kommun layout of Norrtälje.
fn render_kommun(p: &Paragraph, m: &Meeting<'_>, rng: &mut Rng, out: &mut Vec<String>) {
    let prefix = if rng.chance(0.5) { format!("{} ", m.body.2) } else { String::new() };
    match &p.dnr {
        Some(d) if rng.chance(0.6) => {
            out.push(format!("{prefix}§ {} Dnr {d}", p.number));
            out.push(p.title.clone());
        }
        Some(d) => {
            out.push(format!("{prefix}§ {} {}", p.number, p.title));
            out.push(format!("Dnr {d}"));
        }
        None => out.push(format!("{prefix}§ {} {}", p.number, p.title)),
    }
    out.push("Beslut".into());
    out.push(format!("{} beslutar:", m.body.0));
    out.extend(att_lines(&p.decision, true));
    for (label, paras) in &p.sections {
        out.push(label.clone());
        out.extend(paras.iter().cloned());
    }
    for (label, text) in &p.stances {
        out.push(label.clone());
        out.push(text.clone());
    }
    if !p.expedition.is_empty() {
        out.push(format!("Beslutet skickas till\n{}", p.expedition.join("\n")));
    }
    out.push("________".into());
}

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
enum Layout {
    Markdown,
    Extract,
    Wrapped,
    Kommun,
    Flattened,
    Report,
}

/// A planned file: everything needed to write it, decided sequentially from the seed.
#[derive(Debug, Clone)]
pub struct Plan {
    index: usize,
    org: usize,
    layout: Layout,
    target: usize,
    seed: u64,
}

fn plan(seed: u64, index: usize) -> Plan {
    let mut rng = Rng::new(seed, index as u64);
    // Some organisations publish much more than others: index ⌊n·u^1.5⌋.
    let org = ((rng.unit().powf(1.5)) * ORGS.len() as f64) as usize % ORGS.len();
    let region = ORGS[org].1 != OrgKind::Kommun;
    let r = rng.below(100);
    let layout = if region {
        match r {
            0..35 => Layout::Markdown,
            35..55 => Layout::Extract,
            55..65 => Layout::Wrapped,
            65..75 => Layout::Report,
            75..85 => Layout::Kommun,
            _ => Layout::Flattened,
        }
    } else {
        match r {
            0..45 => Layout::Kommun,
            45..70 => Layout::Flattened,
            70..82 => Layout::Extract,
            82..88 => Layout::Wrapped,
            _ => Layout::Report,
        }
    };
    let target = match layout {
        Layout::Extract | Layout::Wrapped => rng.log_uniform(3_000, 15_000),
        Layout::Report => rng.log_uniform(5_000, 40_000),
        _ if rng.chance(0.1) => rng.log_uniform(100_000, 300_000),
        _ => rng.log_uniform(15_000, 60_000),
    };
    Plan { index, org, layout, target, seed: rng.next_u64() }
}

fn meeting<'a>(org: &'a Org, rng: &mut Rng, layout: Layout) -> Meeting<'a> {
    let year = if rng.chance(0.7) { rng.range(2014, 2025) } else { rng.range(2002, 2013) } as u32;
    let idx = rng.below(org.bodies.len());
    let body = org.bodies[idx];
    let parent = body.4.then(|| org.bodies[if idx > 2 { idx - 1 } else { 1 }]);
    let month = rng.range(1, 12) as u32;
    let day = rng.range(1, 28) as u32;
    let first_number = 1 + (month - 1) * rng.range(8, 25) as u32;
    let old =
        year < 2010 && matches!(layout, Layout::Kommun | Layout::Flattened) && rng.chance(0.6);
    let mut present: Vec<&Member> = Vec::new();
    for _ in 0..rng.range(7, 15) {
        present.push(rng.pick(&org.members));
    }
    Meeting { org, body, parent, year, month, day, first_number, old, present }
}

fn attendee_block_markdown(m: &Meeting<'_>, rng: &mut Rng, out: &mut Vec<String>) {
    let mut lines = vec!["Ledamöter".to_string(), String::new()];
    for (i, p) in m.present.iter().enumerate() {
        let role = match i {
            0 => "Ordförande",
            1 => "Vice ordförande",
            _ => *rng.pick(&["", "", "", "(deltar digitalt)", "endast förmiddagen", "ersätter"]),
        };
        lines.push(format!("{}\t{role}", p.with_party(false)));
    }
    out.push(lines.join("\n"));
    let subs: Vec<String> = (0..rng.range(1, 4)).map(|_| m.member(rng)).collect();
    out.push(format!("Övriga ersättare\n\n{}", subs.join("\n")));
    let staff: Vec<String> = (0..rng.range(2, 4))
        .map(|_| {
            let (n, t) = rng.pick(&m.org.officials);
            format!("{n} {t}")
        })
        .collect();
    out.push(format!("Tjänstepersoner\n\n{}", staff.join("\n")));
}

const FURNITURE: &str = "Ordförandens sign\tJusterandens sign\tExp den\tUtdragsbestyrkande\n-------------------\t-------------------\t---------\t--------------------";

fn markdown_protocol(m: &Meeting<'_>, rng: &mut Rng, chain: &Chain, target: usize) -> String {
    let secretary = rng.pick(&m.org.officials).0.clone();
    let head_dnr = spell(
        Case { series: m.body.3, year: m.year, number: 1, month: m.month },
        m.org.style,
        false,
    );
    let mut blocks = vec![
        format!(
            "{}\n\nTjänsteställe, handläggare\n{}\n{secretary}",
            m.org.name,
            rng.pick(FORVALTNING)
        ),
        format!("Datum\n{}", m.iso()),
        format!("Dnr\n{head_dnr}"),
        "Sida\n1(PAGES)".to_string(),
        format!("**Tid: {}\nkl. {:02}:{:02}**", m.iso(), rng.range(8, 13), 15 * rng.below(4)),
        format!("**Plats: {}**", rng.pick(&m.org.places)),
        "NÄRVARANDE".to_string(),
    ];
    attendee_block_markdown(m, rng, &mut blocks);
    let mut paras = vec![justering(m, rng)];
    let mut size = 2_000;
    let mut n = m.first_number + 1;
    let mut rendered = Vec::new();
    for p in &paras {
        render_markdown(p, m, rng, &mut rendered);
    }
    while size < target {
        let budget = rng.log_uniform(600, 8_000);
        let p = paragraph(rng, chain, m, n, budget);
        let before = rendered.len();
        render_markdown(&p, m, rng, &mut rendered);
        size += rendered[before..].iter().map(|b| b.len() + 2).sum::<usize>();
        paras.push(p);
        n += 1;
    }
    // Page furniture every ~3.5 KB, and a page header after it.
    let pages = size / 3_500 + 2;
    let mut page = 1;
    let mut since = 0;
    let short = format!("{:02}-{:02}-{:02}", m.year % 100, m.month, m.day);
    for b in rendered {
        since += b.len();
        blocks.push(b);
        if since > 3_500 {
            page += 1;
            since = 0;
            blocks.push(FURNITURE.to_string());
            blocks.push(format!("Datum Dnr\n{short} {head_dnr}"));
            blocks.push(format!("Sida\n{page}({pages})"));
        }
    }
    blocks.push(format!(
        "Justeras\n\n.....\n{}\nOrdförande {}.....\n{}\n\nVid protokollet\n\n{secretary}",
        m.present[0].name,
        m.body.0,
        m.present[2 % m.present.len()].name
    ));
    blocks.push("Ordförandens sign\n\nJusterandens sign\n\nExp den\n\nUtdragsbestyrkande".into());
    blocks.join("\n\n").replace("PAGES", &pages.to_string())
}

fn extract(m: &Meeting<'_>, rng: &mut Rng, chain: &Chain, target: usize) -> Vec<String> {
    let mut blocks = Vec::new();
    let count = if target > 9_000 { rng.range(1, 3) } else { 1 };
    let first = m.first_number + rng.range(0, 40) as u32;
    for n in first..first + count as u32 {
        let p = paragraph(rng, chain, m, n, target / count);
        render_extract(&p, m, rng, &mut blocks);
        blocks.push(format!("{}\n\n{}", m.body.0, m.iso()));
    }
    let (name, _) = rng.pick(&m.org.officials);
    let mail = name.to_lowercase().replace(' ', ".");
    blocks.push(format!(
        "Sekretariatet\n{name}\nTfn:\nE-post: {}@{}",
        ascii_slug(&mail),
        m.org.domain
    ));
    blocks
}

/// Hard-wraps every line at about `width` columns, with the trailing spaces of PDF text.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 40);
    for line in text.lines() {
        let mut col = 0;
        for (i, w) in line.split(' ').enumerate() {
            if i > 0 {
                if col + w.chars().count() + 1 > width {
                    out.push_str(" \n");
                    col = 0;
                } else {
                    out.push(' ');
                    col += 1;
                }
            }
            out.push_str(w);
            col += w.chars().count();
        }
        out.push('\n');
    }
    out
}

fn kommun_protocol_blocks(
    m: &Meeting<'_>,
    rng: &mut Rng,
    chain: &Chain,
    target: usize,
) -> Vec<String> {
    let pages = target / 3_000 + 2;
    let adjusters = format!("{} och {}", m.member(rng), m.member(rng));
    let (secretary, _) = rng.pick(&m.org.officials).clone();
    let others: Vec<String> = (0..rng.range(1, 4))
        .map(|_| {
            let (n, t) = rng.pick(&m.org.officials);
            format!("{n}, {t} § {}", m.first_number + rng.range(1, 8) as u32)
        })
        .collect();
    let date_text = if rng.chance(0.5) {
        m.iso()
    } else {
        format!("{} den {}", rng.pick(WEEKDAYS), m.swedish_date())
    };
    let mut beslutande = String::from("Beslutande ");
    if rng.chance(0.3) {
        beslutande.push_str("Enligt förteckning");
    } else {
        for (i, p) in m.present.iter().enumerate() {
            let role = match i {
                0 => ", ordförande",
                1 => ", vice ordförande",
                _ => "",
            };
            let _ = writeln!(beslutande, "{}{role}", p.with_party(m.old));
        }
    }
    let mut blocks = vec![
        format!("{} {} 1({pages})", m.body.0, m.iso()),
        format!(
            "Plats och tid {}, kl {:02}.00-{:02}.{:02}",
            rng.pick(&m.org.places),
            rng.range(8, 18),
            rng.range(12, 22),
            10 * rng.below(6)
        ),
        beslutande.trim_end().to_string(),
        format!("Övriga deltagande {}", others.join("\n")),
        format!("Utses att justera {adjusters}"),
        format!("Justeringens \nplats och tid Kommunkansliet {date_text}"),
        format!(
            "Underskrift Sekreterare ......................................... Paragrafer {}-{}\n{secretary}",
            m.first_number,
            m.first_number + 20
        ),
        "ANSLAG/BEVIS\nProtokollet är justerat. Justeringen har tillkännagivits genom anslag"
            .into(),
        format!("Organ {}\n\nSammanträdesdatum {}", m.body.0, m.iso()),
        "Utdragsbestyrkande".into(),
    ];
    let first = justering(m, rng);
    render_kommun(&first, m, rng, &mut blocks);
    let mut size: usize = blocks.iter().map(String::len).sum();
    let mut n = m.first_number + 1;
    while size < target {
        let budget = rng.log_uniform(500, 7_000);
        let p = paragraph(rng, chain, m, n, budget);
        let before = blocks.len();
        render_kommun(&p, m, rng, &mut blocks);
        size += blocks[before..].iter().map(|b| b.len() + 2).sum::<usize>();
        n += 1;
    }
    blocks
}

/// Docplayer's transcript: a title, the download furniture, then one line per page.
fn flatten(m: &Meeting<'_>, blocks: &[String], rng: &mut Rng) -> String {
    let text = blocks.join("\n");
    let title: String = text.split_whitespace().take(14).collect::<Vec<_>>().join(" ");
    let mut out = format!(
        "{title}\n\nSave this PDF as:\n WORD  PNG  TXT  JPG\n\nStorlek: px\nStarta visningen från sidan:\n\nDownload \"{title}\"\n\nTranskript\n\n"
    );
    let words: Vec<&str> = text.split_whitespace().collect();
    let per_page = rng.range(350, 600);
    let pages = words.len() / per_page + 1;
    for (i, chunk) in words.chunks(per_page).enumerate() {
        let _ =
            write!(out, "{} {} Sammanträdesprotokoll Sida {} ({pages}) ", i + 1, m.body.0, i + 1);
        out.push_str(&chunk.join(" "));
        out.push_str("\n\n");
    }
    out
}

fn report(m: &Meeting<'_>, rng: &mut Rng, chain: &Chain, target: usize) -> String {
    let (name, title) = rng.pick(&m.org.officials).clone();
    let own = pick_case(rng, m, m.body.3);
    let mut topic = String::new();
    compound(rng, &mut topic);
    let mut out = format!(
        "{}\n{name}, {title}\nTfn:\nE-post: {}@{}\n\n{}\n\n{}\n\nUppföljning av {topic} {}\n\n",
        rng.pick(FORVALTNING),
        ascii_slug(&name.to_lowercase()),
        m.org.domain,
        m.iso(),
        spell(own, m.org.style, false),
        m.year
    );
    while out.len() < target {
        out.push_str(*rng.pick(SECTIONS));
        out.push_str("\n\n");
        for _ in 0..rng.range(1, 4) {
            let sentences = rng.range(3, 9);
            chain.paragraph(rng, sentences, &mut out);
            out.push_str("\n\n");
        }
    }
    out
}

/// The text and file name of a planned document.
fn document(p: &Plan, orgs: &[Org], chain: &Chain) -> (PathBuf, String) {
    let org = &orgs[p.org];
    let mut rng = Rng::new(p.seed, 1);
    let m = meeting(org, &mut rng, p.layout);
    let text = match p.layout {
        Layout::Markdown => markdown_protocol(&m, &mut rng, chain, p.target),
        Layout::Extract => extract(&m, &mut rng, chain, p.target).join("\n\n"),
        Layout::Wrapped => {
            let mut t =
                wrap(&extract(&m, &mut rng, chain, p.target).join("\n\n"), rng.range(80, 96));
            t.push_str("\nParagrafen är justerad\n");
            t
        }
        Layout::Kommun => kommun_protocol_blocks(&m, &mut rng, chain, p.target).join("\n\n"),
        Layout::Flattened => {
            let blocks = kommun_protocol_blocks(&m, &mut rng, chain, p.target);
            flatten(&m, &blocks, &mut rng)
        }
        Layout::Report => report(&m, &mut rng, chain, p.target),
    };
    let text = if rng.chance(0.03) { text.replace('\n', "\r\n") } else { text };
    let name = if rng.chance(0.5) {
        format!("{:06}_{:016x}.txt", p.index, rng.next_u64())
    } else {
        let town = org.folder.split('-').next().unwrap_or("x");
        format!("{:06}_{}-{}-{}.txt", p.index, ascii_slug(town), m.body.2.to_lowercase(), m.iso())
    };
    (Path::new(org.folder).join(name), text)
}

/// What a generated corpus holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct Generated {
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
}

/// Writes files under `dir` until at least `target_bytes` are written.
pub fn generate(
    dir: &Path,
    seed: u64,
    target_bytes: u64,
    chain: &Chain,
) -> anyhow::Result<Generated> {
    let orgs: Vec<Org> = (0..ORGS.len()).map(|i| org(seed, i)).collect();
    for o in &orgs {
        std::fs::create_dir_all(dir.join(o.folder))?;
    }
    let mut done = Generated::default();
    let mut next = 0;
    while done.bytes < target_bytes {
        // Plan sequentially (deterministic), write in parallel.
        let plans: Vec<Plan> = (next..next + 512).map(|i| plan(seed, i)).collect();
        next += plans.len();
        let sizes: Vec<anyhow::Result<u64>> = plans
            .par_iter()
            .map(|p| {
                let (rel, text) = document(p, &orgs, chain);
                std::fs::write(dir.join(rel), text.as_bytes())?;
                Ok(text.len() as u64)
            })
            .collect();
        for s in sizes {
            done.bytes += s?;
            done.files += 1;
        }
        eprint!("\rgenerating: {} files, {} MB", done.files, done.bytes / 1_000_000);
    }
    eprintln!();
    Ok(done)
}

/// Spellings of a case number a user might type, for the dnr queries.
#[must_use]
pub fn spellings(series: Option<&str>, year: i32, number: u32) -> Vec<String> {
    let Some(s) = series else {
        return vec![format!("{year}/{number}"), format!("Dnr {year}/{number:04}")];
    };
    let yy = year % 100;
    let mut v = vec![
        format!("{s}/{number}/{year}"),
        format!("{s}-{number}-{year}"),
        format!("{s} {year}/{number}"),
        format!("{} {year}/{number:05}", s.to_lowercase()),
        format!("Dnr {s} {year}/{number}"),
        format!("{s}-{year}-{number:05}"),
    ];
    if s.chars().count() >= 2 {
        v.push(format!("{yy:02}{s}{number}"));
    }
    v
}
