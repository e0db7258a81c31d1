//! Text helpers for extraction: sentences, capitalised names, places, timelines found in prose.

use crate::dates::{self, DateRange};
use std::ops::Range;

/// Abbreviated ranks, titles and given names a full stop follows without ending the sentence
/// or the person's name ("Lt. Gen. X", "Adm. Lim Boon", "Haji Mohd. Yusof").
pub(super) const ABBREVIATIONS: &[&str] = &[
    "Gen", "Lt", "Col", "Maj", "Dr", "Mr", "Mrs", "Ms", "No", "Adm", "Capt", "Lieut", "Brig",
    "Cdr", "Sen", "Asst", "Sr", "Jr", "St", "Mohd", "Muhd", "Md", "Abd",
];

/// Whether `word` (its full stop left off) is a title or initials no sentence ends after: "Gen",
/// "H.E", "U.S".
pub(super) fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word) || is_initials(word)
}

/// Whether a word is capital initials with dots between ("U.S", "U.S." with its last dot).
pub(super) fn is_initials(word: &str) -> bool {
    word.strip_suffix('.')
        .unwrap_or(word)
        .split('.')
        .all(|w| w.len() == 1 && w.chars().all(char::is_uppercase))
}

/// Sentences of a paragraph with their byte ranges; list items and table rows are sentences too.
pub fn sentences(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut start = line_start;
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            if matches!(c, b'.' | b'!' | b'?') {
                let next = line[i + 1..].chars().next();
                let after = line[i + 1..].trim_start().chars().next();
                let word_before = line[..i]
                    .rsplit(|c: char| c.is_whitespace())
                    .next()
                    .unwrap_or("");
                // "Gen.", "H.E.", "U.S.": no sentence ends after a title or initials.
                let abbreviation = is_abbreviation(word_before);
                if next.is_some_and(char::is_whitespace)
                    && after.is_some_and(|a| a.is_uppercase() || a == '“' || a == '"')
                    && !abbreviation
                {
                    let end = line_start + i + 1;
                    push_sentence(text, start..end, &mut out);
                    start = end;
                }
            }
            i += 1;
        }
        let end = line_start + line.len();
        push_sentence(text, start..end, &mut out);
        line_start = end;
    }
    out
}

fn push_sentence<'a>(text: &'a str, range: Range<usize>, out: &mut Vec<(Range<usize>, &'a str)>) {
    let s = &text[range.clone()];
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = range.start + (s.len() - s.trim_start().len());
    out.push((start..start + trimmed.len(), trimmed));
}

/// Small words a capitalised name may contain ("Chiefs of Defence Forces"), with the
/// [`NAME_PARTICLES`] of a person's name.
pub fn connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "and" | "for" | "the" | "on" | "in" | "de" | "&"
    ) || NAME_PARTICLES.contains(&word)
}

/// Lowercase words inside a person's name ("… Nizam bin Hj Jaffar"); a name holding one is a
/// person's, which an "and" ends ("X bin Y and Australian Minister Z": two people).
pub const NAME_PARTICLES: &[&str] = &["bin", "binti"];

/// Strips punctuation around a word, keeping inner hyphens and apostrophes.
pub fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

pub fn capitalised(word: &str) -> bool {
    bare(word).starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// The capitalised name starting at byte `from` of `text` (connectors allowed inside, not at the
/// end; "the" only first): "the Minister of National Defence of Lao PDR underscores" → the name
/// up to "PDR".
pub fn name_at(text: &str, from: usize) -> Option<String> {
    let rest = &text[from..];
    let mut words: Vec<&str> = Vec::new();
    let mut last_cap = 0;
    for (i, w) in rest.split_whitespace().enumerate() {
        let b = bare(w);
        if b.is_empty() || w.starts_with('(') {
            break;
        }
        let ends = w.ends_with([',', '.', ';', ':', ')', '”', '"']) || w.ends_with("'s");
        if capitalised(w) {
            words.push(w);
            last_cap = words.len();
            if ends {
                break;
            }
        } else if (connector(b) && (i > 0 || b == "the")) && !ends {
            let person = words.iter().any(|w| NAME_PARTICLES.contains(w));
            if person && b == "and" {
                break;
            }
            words.push(w);
        } else {
            break;
        }
        if words.len() > 14 {
            break;
        }
    }
    words.truncate(last_cap);
    while words.first().is_some_and(|w| connector(bare(w))) {
        words.remove(0);
    }
    let name = words
        .join(" ")
        .trim_end_matches([',', '.', ';', ':', ')', '”', '"'])
        .to_string();
    (!name.is_empty()).then_some(name)
}

/// Cities where ASEAN defence meetings are held, with their country.
const CITIES: &[(&str, &str)] = &[
    ("Vientiane", "Laos"),
    ("Luang Prabang", "Laos"),
    ("Kuala Lumpur", "Malaysia"),
    ("Langkawi", "Malaysia"),
    ("Putrajaya", "Malaysia"),
    ("Penang", "Malaysia"),
    ("Jakarta", "Indonesia"),
    ("Bali", "Indonesia"),
    ("Labuan Bajo", "Indonesia"),
    ("Manila", "Philippines"),
    ("Singapore", "Singapore"),
    ("Bangkok", "Thailand"),
    ("Pattaya", "Thailand"),
    ("Hanoi", "Vietnam"),
    ("Ha Noi", "Vietnam"),
    ("Ho Chi Minh City", "Vietnam"),
    ("Da Nang", "Vietnam"),
    ("Phnom Penh", "Cambodia"),
    ("Siem Reap", "Cambodia"),
    ("Yangon", "Myanmar"),
    ("Nay Pyi Taw", "Myanmar"),
    ("Naypyidaw", "Myanmar"),
    ("Naypyitaw", "Myanmar"),
    ("Bandar Seri Begawan", "Brunei"),
    ("Dili", "Timor-Leste"),
    ("Hue", "Vietnam"),
    ("Nha Trang", "Vietnam"),
    ("Hai Phong", "Vietnam"),
    ("Bandung", "Indonesia"),
    ("Batam", "Indonesia"),
    ("Surabaya", "Indonesia"),
    ("Nusa Dua", "Indonesia"),
    ("Cebu", "Philippines"),
    ("Chiang Mai", "Thailand"),
    ("Hua Hin", "Thailand"),
    ("Kota Kinabalu", "Malaysia"),
    ("Port Dickson", "Malaysia"),
    ("Mandalay", "Myanmar"),
    ("Beijing", "China"),
    ("Tokyo", "Japan"),
    ("New Delhi", "India"),
    ("Canberra", "Australia"),
    ("Seoul", "Republic of Korea"),
    ("Moscow", "Russia"),
    ("Wellington", "New Zealand"),
    ("Honolulu", "United States"),
    // Venues of exercises, retreats and chiefs' meetings beyond the capitals.
    ("George Town", "Malaysia"),
    ("Desaru", "Malaysia"),
    ("Johor Bahru", "Malaysia"),
    ("Kuching", "Malaysia"),
    ("Malacca", "Malaysia"),
    ("Melaka", "Malaysia"),
    ("Lumut", "Malaysia"),
    ("Kuantan", "Malaysia"),
    ("Labuan", "Malaysia"),
    ("Alor Setar", "Malaysia"),
    ("Yogyakarta", "Indonesia"),
    ("Sentul", "Indonesia"),
    ("Bogor", "Indonesia"),
    ("Makassar", "Indonesia"),
    ("Manado", "Indonesia"),
    ("Medan", "Indonesia"),
    ("Lombok", "Indonesia"),
    ("Denpasar", "Indonesia"),
    ("Padang", "Indonesia"),
    ("Balikpapan", "Indonesia"),
    ("Natuna", "Indonesia"),
    ("Clark", "Philippines"),
    ("Subic", "Philippines"),
    ("Davao", "Philippines"),
    ("Iloilo", "Philippines"),
    ("Zamboanga", "Philippines"),
    ("Puerto Princesa", "Philippines"),
    ("Tagaytay", "Philippines"),
    ("Phuket", "Thailand"),
    ("Cha-am", "Thailand"),
    ("Sattahip", "Thailand"),
    ("Chonburi", "Thailand"),
    ("Rayong", "Thailand"),
    ("Khon Kaen", "Thailand"),
    ("Lopburi", "Thailand"),
    ("Kanchanaburi", "Thailand"),
    ("Cam Ranh", "Vietnam"),
    ("Haiphong", "Vietnam"),
    ("Can Tho", "Vietnam"),
    ("Vung Tau", "Vietnam"),
    ("Ha Long", "Vietnam"),
    ("Quang Ninh", "Vietnam"),
    ("Hoi An", "Vietnam"),
    ("Sihanoukville", "Cambodia"),
    ("Battambang", "Cambodia"),
    ("Kampot", "Cambodia"),
    ("Ngwe Saung", "Myanmar"),
    ("Bagan", "Myanmar"),
    ("Mawlamyine", "Myanmar"),
    ("Pakse", "Laos"),
    ("Savannakhet", "Laos"),
    ("Muara", "Brunei"),
    ("Changi", "Singapore"),
    ("Zhanjiang", "China"),
    ("Qingdao", "China"),
    ("Shanghai", "China"),
    ("Guangzhou", "China"),
    ("Nanning", "China"),
    ("Sanya", "China"),
    ("Yokosuka", "Japan"),
    ("Osaka", "Japan"),
    ("Visakhapatnam", "India"),
    ("Chennai", "India"),
    ("Mumbai", "India"),
    ("Pune", "India"),
    ("Darwin", "Australia"),
    ("Perth", "Australia"),
    ("Townsville", "Australia"),
    ("Sydney", "Australia"),
    ("Brisbane", "Australia"),
    ("Auckland", "New Zealand"),
    ("Busan", "Republic of Korea"),
    ("Jeju", "Republic of Korea"),
    ("Vladivostok", "Russia"),
    ("Guam", "United States"),
    ("Washington", "United States"),
    ("San Diego", "United States"),
];

/// Each state's capital, for "in the Lao capital" ([`capital_at`]).
const CAPITALS: &[(&str, &str)] = &[
    ("Brunei", "Bandar Seri Begawan"),
    ("Cambodia", "Phnom Penh"),
    ("Indonesia", "Jakarta"),
    ("Laos", "Vientiane"),
    ("Malaysia", "Kuala Lumpur"),
    ("Myanmar", "Nay Pyi Taw"),
    ("Philippines", "Manila"),
    ("Singapore", "Singapore"),
    ("Thailand", "Bangkok"),
    ("Vietnam", "Hanoi"),
    ("Timor-Leste", "Dili"),
    ("Australia", "Canberra"),
    ("China", "Beijing"),
    ("India", "New Delhi"),
    ("Japan", "Tokyo"),
    ("New Zealand", "Wellington"),
    ("Republic of Korea", "Seoul"),
    ("Russia", "Moscow"),
    ("United States", "Washington"),
];

/// The word after a state that makes the words its capital: "the Vietnamese capital".
const CAPITAL_WORDS: &[&str] = &[" capital", "'s capital", "’s capital"];

/// "the Lao capital (of) Vientiane", "the Vietnamese capital", "Cambodia's capital" opening
/// `rest` → the capital as "City, State": the city written after it when it is known, else
/// the state's capital.
pub fn capital_at(rest: &str) -> Option<String> {
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let (word, state) = COUNTRIES
        .iter()
        .map(|c| (*c, c.trim_start_matches("the ")))
        .chain(STATE_ADJECTIVES.iter().copied())
        .filter(|(w, _)| rest.starts_with(w))
        .max_by_key(|(w, _)| w.len())?;
    let after = &rest[word.len()..];
    let cue = CAPITAL_WORDS.iter().find(|c| after.starts_with(**c))?;
    let after = &after[cue.len()..];
    if after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let state = canonical_state(state);
    let named = after
        .trim_start_matches(',')
        .trim_start()
        .trim_start_matches("of ")
        .trim_start_matches("city of ");
    let city = CITIES
        .iter()
        .find(|(c, of)| named.starts_with(c) && canonical_state(of) == state)
        .map(|(c, _)| *c)
        .or_else(|| CAPITALS.iter().find(|(s, _)| *s == state).map(|(_, c)| *c))?;
    Some(if city == state {
        city.to_string()
    } else {
        format!("{city}, {state}")
    })
}

/// One name per state: "Viet Nam" is "Vietnam", "Lao PDR" "Laos".
fn canonical_state(state: &str) -> &str {
    match state.trim_start_matches("the ") {
        "Viet Nam" => "Vietnam",
        "Lao PDR" => "Laos",
        "Brunei Darussalam" => "Brunei",
        s => s,
    }
}

/// ASEAN member states, the observer and common names for them.
pub const COUNTRIES: &[&str] = &[
    "Brunei",
    "Brunei Darussalam",
    "Cambodia",
    "Indonesia",
    "Laos",
    "Lao PDR",
    "Malaysia",
    "Myanmar",
    "Philippines",
    "the Philippines",
    "Singapore",
    "Thailand",
    "Vietnam",
    "Viet Nam",
    "Timor-Leste",
    "Australia",
    "China",
    "India",
    "Japan",
    "New Zealand",
    "Republic of Korea",
    "Russia",
    "United States",
];

/// Words for a state's own things, as a force's name opens with them ("Philippine Air Force",
/// "Lao People's Army"), and the state each is of; [`COUNTRIES`] open such names too.
pub const STATE_ADJECTIVES: &[(&str, &str)] = &[
    ("Bruneian", "Brunei"),
    ("Cambodian", "Cambodia"),
    ("Indonesian", "Indonesia"),
    ("Lao", "Laos"),
    ("Laotian", "Laos"),
    ("Malaysian", "Malaysia"),
    ("Philippine", "Philippines"),
    ("Singaporean", "Singapore"),
    ("Thai", "Thailand"),
    ("Vietnamese", "Vietnam"),
    ("Australian", "Australia"),
    ("Chinese", "China"),
    ("Indian", "India"),
    ("Japanese", "Japan"),
    ("Korean", "Republic of Korea"),
    ("Russian", "Russia"),
    ("American", "United States"),
    ("US", "United States"),
    ("U.S.", "United States"),
];

/// Where `word` first stands in `text` as a whole word: no letter or digit before it, none (nor a
/// hyphen) after it.
pub fn find_word(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
    })
}

/// The state `text` names first, by its name or its adjective ("the leader of the Indonesian
/// delegation": Indonesia).
pub fn first_state(text: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .map(|c| (*c, *c))
        .chain(STATE_ADJECTIVES.iter().copied())
        .filter_map(|(word, state)| find_word(text, word).map(|at| (at, word.len(), state)))
        .min_by_key(|&(at, len, _)| (at, std::cmp::Reverse(len)))
        .map(|(_, _, state)| state.trim_start_matches("the "))
}

/// A place after "in"/"at" in `sentence`: "Vientiane, Laos" (a known city gets its country).
pub fn place_in(sentence: &str) -> Option<String> {
    // "at Penang last December; … in Hue": the first of either, left to right.
    // A journey's end is a place too: "flew to Yogyakarta, Indonesia … to attend".
    let mut leads: Vec<(usize, usize)> = [" in ", " at "]
        .iter()
        .chain(TRAVEL_LEADS)
        .flat_map(|lead| sentence.match_indices(lead))
        .chain(
            PLACE_KIND_OF
                .iter()
                .flat_map(|lead| sentence.match_indices(lead))
                .filter(|(i, _)| kind_after_the(&sentence[..*i])),
        )
        .map(|(i, lead)| (i, lead.len()))
        .collect();
    leads.sort_unstable();
    for (i, lead) in leads {
        if let Some(capital) = capital_at(&sentence[i + lead..]) {
            return Some(capital);
        }
        let Some(name) = name_at(sentence, i + lead) else {
            continue;
        };
        let after = &sentence[i + lead..];
        if let Some((city, country)) = city_opening(&name) {
            // "Vientiane, Laos" as written, or the country added.
            let tail = after
                .find(city)
                .map_or("", |i| &after[i + city.len()..])
                .trim_start_matches(',')
                .trim_start();
            // "Vientiane, Laos, on 4 May", not "in Bangkok, Japan will …" (the country
            // the next clause's subject).
            let written = COUNTRIES.iter().find(|c| {
                let rest = tail.get(c.len()..).unwrap_or("");
                let next = rest.split_whitespace().next().map_or("", bare);
                tail.starts_with(**c)
                    && !rest.starts_with(|ch: char| ch.is_alphanumeric())
                    && (rest.starts_with([',', '.', ';', ')'])
                        || next.is_empty()
                        || PLACE_FOLLOWERS.contains(&next))
            });
            return Some(match written {
                Some(c) => format!("{city}, {c}"),
                None if city == country => city.to_string(),
                None => format!("{city}, {country}"),
            });
        }
        // "the Philippines in 2026": a country opening the name; "at the Russia-ASEAN summit"
        // names no place.
        let country = COUNTRIES.iter().find(|c| {
            name.starts_with(**c)
                && !name[c.len()..].starts_with(|ch: char| ch.is_alphanumeric() || ch == '-')
        });
        if let Some(country) = country {
            return Some(country.to_string());
        }
    }
    held_in(sentence)
        .or_else(|| venue_in(sentence))
        .or_else(|| virtual_in(sentence))
        .or_else(|| off_coast(sentence))
        .or_else(|| host_city(sentence))
}

/// Verbs whose subject hosts the meeting, and so chairs it as ASEAN meetings go: "Hun Manith,
/// head of the department, hosted the 19th AMIM".
pub(super) const HOSTING_VERBS: &[&str] = &[
    " hosted the ",
    " hosts the ",
    // "Laos had hosted the ADMM and the ADMM-Plus", "Indonesia is hosting the meeting"
    " had hosted the ",
    " has hosted the ",
    " is hosting the ",
    " was hosting the ",
    " will host the ",
    " is to host the ",
    " is set to host the ",
    " is due to host the ",
    // a headline's capitals: "<Navy> Hosts the 17th <series>"
    " Hosts the ",
    " Hosted the ",
];

/// Verbs besides [`HOSTING_VERBS`] whose subject, a city, is where the meeting is: "Da Nang will
/// be the venue for the …".
const VENUE_VERBS: &[&str] = &[
    " will play host to ",
    " played host to ",
    " will be the venue for ",
    " is the venue for ",
    " was the venue for ",
    " will be the venue of ",
    " was the venue of ",
];

/// The most words a city's name runs ("Bandar Seri Begawan").
const CITY_WORDS: usize = 3;

/// A known city that [`HOSTING_VERBS`] or [`VENUE_VERBS`] make the host ("Manila is set to
/// host the …"): its last words before the verb.
fn host_city(sentence: &str) -> Option<String> {
    HOSTING_VERBS.iter().chain(VENUE_VERBS).find_map(|verb| {
        let at = sentence.find(verb)?;
        let words: Vec<&str> = sentence[..at].split_whitespace().collect();
        (1..=CITY_WORDS.min(words.len()))
            .rev()
            .find_map(|n| known_city(&words[words.len() - n..].join(" ")))
    })
}

/// The known city (and its country) a name opens with, the longest: "Hue in the Socialist
/// Republic of Vietnam" → Hue.
fn city_opening(name: &str) -> Option<(&'static str, &'static str)> {
    CITIES
        .iter()
        .filter(|(c, _)| name.starts_with(c))
        .max_by_key(|(c, _)| c.len())
        .copied()
}

/// Words before a place named by its kind: "in the Indonesian resort island of Bali", "in the
/// Cambodian city of Siem Reap".
const PLACE_KIND_OF: &[&str] = &[
    " city of ",
    " island of ",
    " province of ",
    " town of ",
    " port of ",
    " capital of ",
];

/// The most words between "the" and a [`PLACE_KIND_OF`] kind ("the Indonesian resort island").
const KIND_WORDS_AFTER_THE: usize = 4;

/// Whether the words before a place's kind open with "the" ("in the central city of Hue"), not
/// a name ("in Temerloh city of Malaysia": the place is the name).
fn kind_after_the(before: &str) -> bool {
    before
        .split_whitespace()
        .rev()
        .take(KIND_WORDS_AFTER_THE)
        .any(|w| w.eq_ignore_ascii_case("the"))
}

/// Words before the place a participant travelled to for a meeting.
const TRAVEL_LEADS: &[&str] = &[
    " flew to ",
    " travelled to ",
    " traveled to ",
    " arrived in ",
    " travel to ",
    " leave for ",
    " leaves for ",
    " left for ",
    " departed for ",
];

/// Where a journey in `text` ends ("… will travel to Cambodia next week to attend …"): the
/// place after the first of [`TRAVEL_LEADS`].
pub fn journey_end(text: &str) -> Option<String> {
    let (at, lead) = TRAVEL_LEADS
        .iter()
        .filter_map(|l| text.find(l).map(|at| (at, l.len())))
        .min()?;
    let rest = &text[at + lead..];
    let clause = rest.find(['.', ';']).map_or(rest, |k| &rest[..k]);
    place_in(&format!(" in {clause}"))
}

/// Words before a sea exercise's place: "conducted off the coast of Singapore".
const OFF_COAST: &[&str] = &[
    " off the coast of ",
    " in waters off ",
    " in the waters off ",
];

/// A known city or a state after [`OFF_COAST`].
fn off_coast(sentence: &str) -> Option<String> {
    OFF_COAST.iter().find_map(|lead| {
        let at = sentence.find(lead)? + lead.len();
        let name = name_at(sentence, at)?;
        CITIES
            .iter()
            .map(|(c, _)| *c)
            .chain(COUNTRIES.iter().copied())
            .filter(|c| name == *c || name.starts_with(&format!("{c} ")))
            .max_by_key(|c| c.len())
            .map(str::to_string)
    })
}

/// Words before a place's own name: "in the port city of <City>".
const PLACE_OF: &[&str] = &[" city of ", " capital of ", " town of ", " province of "];

/// Words that may follow a place's country: "in Vientiane, Laos on 4 May".
const PLACE_FOLLOWERS: &[&str] = &[
    "on", "in", "from", "to", "at", "for", "and", "during", "last", "this", "next",
];

/// Head nouns of a venue's name: "at the Harbour View Hotel, Port Dickson".
const VENUE_HEADS: &[&str] = &[
    "Hotel",
    "Centre",
    "Center",
    "Hall",
    "Palace",
    "Range",
    "Base",
    "Headquarters",
    "Resort",
    "Camp",
    "Complex",
];

/// The places named after a venue, comma after comma ("…, Nusa Dua, Bali"), at most.
const VENUE_PLACES: usize = 2;

/// Words before a venue: "at the Harbour View Hotel", "hosted in Perfume Palace Hotel, Hue".
const VENUE_LEADS: &[&str] = &[" at ", " in "];

/// A venue after [`VENUE_LEADS`]: "at the Harbour View Hotel, Port Dickson" → "Harbour View
/// Hotel, Port Dickson"; its name has a word before its head noun, and each place after it is a
/// name of three words at most.
fn venue_in(sentence: &str) -> Option<String> {
    let mut leads: Vec<(usize, &str)> = VENUE_LEADS
        .iter()
        .flat_map(|lead| sentence.match_indices(lead))
        .collect();
    leads.sort_unstable();
    leads.into_iter().find_map(|(i, lead)| {
        let from = i + lead.len();
        let venue = name_at(sentence, from)?;
        let words: Vec<&str> = venue.split_whitespace().collect();
        let head = bare(words.last()?);
        if words.len() < 2 || !VENUE_HEADS.contains(&head) {
            return None;
        }
        let mut out = venue.clone();
        let mut end = from + sentence[from..].find(venue.as_str())? + venue.len();
        for _ in 0..VENUE_PLACES {
            let Some(rest) = sentence[end..].strip_prefix(", ") else {
                break;
            };
            // "…, Hue in the Socialist Republic of Vietnam": the known city the name
            // opens with.
            let Some(place) = name_at(sentence, end + 2).and_then(|p| {
                if is_place_name(&p) {
                    return Some(p);
                }
                city_opening(&p).map(|(c, _)| c.to_string())
            }) else {
                break;
            };
            end = end + 2 + place.len();
            out = format!("{out}, {place}");
            if !rest[place.len()..].starts_with(',') {
                break;
            }
        }
        Some(out)
    })
}

/// A short capitalised name that can be a place: no month, weekday or digit in it.
fn is_place_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() <= 3
        && words.iter().all(|w| {
            let b = bare(w);
            !NOT_PLACES.contains(&b)
                && !dates::MONTH_NAMES.contains(&b)
                && !b.contains(|c: char| c.is_ascii_digit())
        })
}

/// Words saying a meeting met online, which is then its place.
const VIRTUAL_PHRASES: &[&str] = &[
    "held virtually",
    "opened virtually",
    "convened virtually",
    "met virtually",
    "took place virtually",
    "held online",
    "via videoconference",
    "via video conference",
    "by videoconference",
    "by video conference",
    "a virtual ",
    "the virtual ",
    "via a videoconference",
    "via a video conference",
    "via video conferencing",
    "via videoconferencing",
    "through videoconferencing",
    "through video conferencing",
    "through videoconference",
    "through video conference",
    "via video link",
    "by video link",
    "via a video link",
];

/// The place of a meeting held online.
pub const VIRTUAL: &str = "virtual";

/// "was held virtually", "via videoconference" → [`VIRTUAL`].
pub(super) fn virtual_in(sentence: &str) -> Option<String> {
    let lower = sentence.to_ascii_lowercase();
    VIRTUAL_PHRASES
        .iter()
        .any(|p| lower.contains(p))
        .then(|| VIRTUAL.to_string())
}

/// A dateline opening a paragraph: "SEREMBAN: …", "KUANTAN – …", "Vientiane, May 4 …"
/// → the place, with its country when the city is known. A city followed by a news agency in
/// brackets ("Seremban (HNA) –") is where the agency files from, not a place of the news.
pub fn dateline(paragraph: &str) -> Option<String> {
    if let Some(place) = bracketed_dateline(paragraph).or_else(|| slashed_dateline(paragraph)) {
        return Some(place);
    }
    let end = [paragraph.find([':', '–', '—', ',']), paragraph.find(" - ")]
        .into_iter()
        .flatten()
        .min()
        .filter(|&e| e <= DATELINE_MAX)?;
    let head = paragraph[..end].trim_end();
    let after = &paragraph[end..];
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.is_empty() || words.len() > 3 || head.contains('(') {
        return None;
    }
    let known = known_city(head);
    let upper = words
        .iter()
        .all(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase() || c == '-'));
    let dated = after.starts_with(',')
        && dates::MONTH_NAMES
            .iter()
            .any(|m| after[1..].trim_start().starts_with(m));
    match known {
        Some(place) if upper || dated || !after.starts_with(',') => Some(place),
        None if upper
            && !after.starts_with(',')
            && head != "ASEAN"
            && !NEWS_AGENCIES.contains(&head)
            && !TRANSCRIPT_SPEAKERS.contains(&head) =>
        {
            Some(
                words
                    .iter()
                    .map(|w| capitalise_first(&w.to_lowercase()))
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        }
        _ => None,
    }
}

/// Who speaks in a transcript, opening a paragraph in capitals like a town ("ANNOUNCER: For our
/// next proceeding …"): nobody's place.
const TRANSCRIPT_SPEAKERS: &[&str] = &[
    "ANNOUNCER",
    "MODERATOR",
    "SPEAKER",
    "INTERPRETER",
    "REPORTER",
    "QUESTION",
    "ANSWER",
    "Q",
    "MC",
];

/// News agencies that open a paragraph in capitals like a town ("VGP - Ministers met …"): where
/// the report comes from, no place.
/// Whether `name` is a news agency's ("Xinhua", "VNA").
pub(super) fn is_news_agency(name: &str) -> bool {
    NEWS_AGENCIES.contains(&name.to_uppercase().as_str())
}

const NEWS_AGENCIES: &[&str] = &[
    "VGP", "VNA", "VOV", "AFP", "AP", "ANI", "PNA", "PTI", "IANS", "TASS", "XINHUA", "REUTERS",
    "BERNAMA", "ANTARA", "KPL", "AKP", "NNA", "MNA", "UPI", "YONHAP", "KYODO", "NNT",
];

/// A dateline naming its country in square brackets, "New Delhi [India], March 16 (ANI):":
/// the town, and the country when the town is no known one.
fn bracketed_dateline(paragraph: &str) -> Option<String> {
    country_dateline(paragraph, " [", "], ")
}

/// A dateline naming its country between slashes, "CLARK /Philippines/, October 24. /TASS/.":
/// the town, and the country when the town is no known one.
fn slashed_dateline(paragraph: &str) -> Option<String> {
    country_dateline(paragraph, " /", "/, ")
}

/// A dateline "<Town><open><Country><close>…": the town (written in capitals, as a name), and
/// the country when the town is no known one.
fn country_dateline(paragraph: &str, open: &str, close: &str) -> Option<String> {
    let at = paragraph.find(open).filter(|&k| k <= DATELINE_MAX)?;
    let inner = at + open.len();
    let country = &paragraph[inner..inner + paragraph[inner..].find(close)?];
    let town = paragraph[..at].trim();
    if !COUNTRIES.contains(&country) || !town.split_whitespace().all(capitalised) {
        return None;
    }
    let upper = !town.chars().any(char::is_lowercase);
    let written = match upper {
        true => town
            .split_whitespace()
            .map(|w| capitalise_first(&w.to_lowercase()))
            .collect::<Vec<_>>()
            .join(" "),
        false => town.to_string(),
    };
    Some(known_city(town).unwrap_or_else(|| format!("{written}, {country}")))
}

/// Whether the words opening `words` (up to three) are a known city or state: "Hue", "Nay Pyi
/// Taw", "Laos".
pub fn opens_with_known_place(words: &[&str]) -> bool {
    (1..=words.len().min(3)).any(|n| {
        let name = words[..n]
            .iter()
            .map(|w| bare(w))
            .collect::<Vec<_>>()
            .join(" ");
        known_city(&name).is_some() || COUNTRIES.iter().any(|c| c.eq_ignore_ascii_case(&name))
    })
}

/// Whether a place names a known city or state in one of its comma-separated parts ("Sofitel
/// Hotel, Nusa Dua, Bali", "Kuala Lumpur Convention Centre"), not a venue alone ("River
/// Hotel"). A meeting held online ([`VIRTUAL`]) is placed too.
pub fn names_known_place(place: &str) -> bool {
    place == VIRTUAL
        || place.split(',').any(|part| {
            let words: Vec<&str> = part.split_whitespace().collect();
            opens_with_known_place(&words)
        })
}

/// A known city named alone, as "City, Country" (a city-state as itself): "HUE" → "Hue, Vietnam".
fn known_city(name: &str) -> Option<String> {
    CITIES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(name))
        .map(|(c, country)| {
            if c == country {
                c.to_string()
            } else {
                format!("{c}, {country}")
            }
        })
}

/// The dateline opening a paragraph when it holds a date: "PENANG, 26 February 2025 –",
/// "Jakarta, November 14, 2025 (ANTARA) -", "Kuala Lumpur [Malaysia], November 1 (ANI):" →
/// the words before the dash (or the agency's colon).
pub fn dateline_head(paragraph: &str) -> Option<&str> {
    if bracketed_dateline(paragraph).is_some() {
        let end = paragraph.find("): ").filter(|&e| e <= DATED_DATELINE_MAX)?;
        return Some(&paragraph[..end + 1]);
    }
    if slashed_dateline(paragraph).is_some() {
        // "… October 24. /TASS/. …": the head ends at the agency's opening slash.
        let end = paragraph.find(". /").filter(|&e| e <= DATED_DATELINE_MAX)?;
        return Some(&paragraph[..end + 1]);
    }
    let end = [" – ", " — ", " - ", " -- "]
        .iter()
        .filter_map(|d| paragraph.find(d))
        .min()
        .filter(|&e| e <= DATED_DATELINE_MAX)?;
    let head = &paragraph[..end];
    let (place, _) = head.split_once(',')?;
    let upper_or_known = place.split_whitespace().count() <= 3
        && (place
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase())
            || CITIES
                .iter()
                .any(|(c, _)| c.eq_ignore_ascii_case(place.trim())));
    upper_or_known.then_some(head)
}

/// The longest a dated dateline runs before its dash, in bytes.
const DATED_DATELINE_MAX: usize = 60;

/// The longest a dateline runs before its colon or dash, in bytes.
const DATELINE_MAX: usize = 30;

/// Verbs that put a meeting somewhere: "was held in Bandung", "opened in Hue".
const HELD_VERBS: &[&str] = &[
    "held",
    "place",
    "hosted",
    "opened",
    "convened",
    "met",
    "began",
    "kicked",
    "organised",
    "organized",
    "underway",
    "gathered",
];

/// Capitalised words after "in" that are no place (months aside, see [`dates::MONTH_NAMES`]).
const NOT_PLACES: &[&str] = &[
    "ASEAN",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "The",
    "This",
    "That",
];

/// A place no list knows, after a verb that puts the meeting there ("was held in Bandung city,
/// West Java", "opened in Zhanjiang off …"): the capitalised name after "in", a trailing "city"
/// dropped, with the country when one follows it.
fn held_in(sentence: &str) -> Option<String> {
    for (i, _) in sentence.match_indices(" in ") {
        // "kicked off on 4 May in Kuantan": the verb before the day.
        let before: Vec<&str> = before_date(&sentence[..i])
            .split_whitespace()
            .rev()
            .take(2)
            .collect();
        if !before.iter().any(|w| HELD_VERBS.contains(&bare(w))) {
            continue;
        }
        // "in the port city of <City>", "in the <State> capital of <City>": the name after
        // "city of".
        let rest = &sentence[i + 4..];
        let from = PLACE_OF
            .iter()
            .filter_map(|p| rest.find(p).map(|k| (k, p)))
            .filter(|&(k, _)| rest.starts_with("the ") && k < 40)
            .min()
            .map_or(i + 4, |(k, p)| i + 4 + k + p.len());
        let Some(name) = name_at(sentence, from) else {
            continue;
        };
        // A place ends before "on" or "in" ("Hue on January 9"), at three words at most.
        let words: Vec<&str> = name
            .split_whitespace()
            .take_while(|w| !matches!(*w, "on" | "in" | "and" | "for"))
            .take(3)
            .collect();
        let first = words.first().map_or("", |w| bare(w));
        let first = first.trim_end_matches("'s").trim_end_matches("’s");
        if NOT_PLACES.contains(&first)
            || dates::MONTH_NAMES.contains(&first)
            || words
                .iter()
                .any(|w| w.contains(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        let place = words.join(" ");
        let after = &sentence[from + place.len()..];
        let after = after
            .trim_start_matches(" city")
            .trim_start_matches(',')
            .trim_start();
        let country = COUNTRIES.iter().find(|c| {
            after.starts_with(**c) && !after[c.len()..].starts_with(|ch: char| ch.is_alphanumeric())
        });
        return Some(match country {
            Some(c) if !place.contains(c) => format!("{place}, {c}"),
            _ => place,
        });
    }
    None
}

/// `text` without the date it ends on, and that date's "on".
fn before_date(text: &str) -> &str {
    match find_dates(text, Some(2000), false).last() {
        Some(d) if d.range.end == text.len() => {
            let rest = text[..d.range.start].trim_end();
            rest.strip_suffix(" on").unwrap_or(rest)
        }
        _ => text,
    }
}

/// A country name written with one slip ("Timor-Lester") → its spelling; anything else unchanged.
pub fn fix_country(name: &str) -> String {
    let lower = name.to_lowercase();
    for c in COUNTRIES {
        if c.len() >= 6 && crate::analysis::edit_distance(&lower, &c.to_lowercase()) <= 1 {
            return c.to_string();
        }
    }
    name.to_string()
}

/// A date or timeline found in prose, as written (without a leading "in"/"on"/"during").
#[derive(Debug, Clone)]
pub struct Found {
    pub range: Range<usize>,
    pub text: String,
    pub when: DateRange,
    /// The word before it ("on", "in", "by"…), or its own preposition when it starts with "from" or
    /// "between"; lowercased.
    pub lead: String,
}

const TRIGGERS: &[&str] = &[
    "by",
    "from",
    "between",
    "no",
    "not",
    "before",
    "prior",
    "early",
    "mid",
    "late",
    "end",
    "the",
    "first",
    "second",
    "third",
    "fourth",
    "last",
    "beginning",
    "middle",
];

/// Words a date never holds after its first word.
const NOT_INSIDE_DATES: &[&str] = &["on", "On"];

fn may_start(word: &str) -> bool {
    let w = bare(word).to_lowercase();
    TRIGGERS.contains(&w.as_str())
        || w.starts_with("mid-")
        || w.starts_with("end-")
        || dates::parse_when(&w, Some(2000)).is_ok()
        || (w.len() == 2 && (w.starts_with('q') || w.starts_with('h')))
        || {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            // "3", "3rd", and a range of days written as one word ("18–19", "3-5").
            !digits.is_empty()
                && digits.starts_with(|c: char| c.is_ascii_digit())
                && digits
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '–' | '—' | '-'))
        }
}

/// Dates and timelines in `text`, longest first at each place, left to right, not overlapping.
/// `year` completes dates written without one; with `need_year` those are skipped instead.
pub fn find_dates(text: &str, year: Option<i16>, need_year: bool) -> Vec<Found> {
    let words: Vec<(usize, &str)> = word_offsets(text, text).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !may_start(words[i].1) {
            i += 1;
            continue;
        }
        let mut found = None;
        for j in (i + 1..=(i + 9).min(words.len())).rev() {
            // "on Tuesday (May 5)": the bracket is no part of the date.
            let start = words[i].0 + usize::from(words[i].1.starts_with('('));
            let (last_at, last) = words[j - 1];
            let end = last_at + last.len();
            let candidate =
                text[start..end].trim_end_matches([',', '.', ';', ':', ')', '”', '"', '’']);
            if candidate.len() < 4 || !candidate.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            // "unit 4 on June 3": a number before a dated clause is no day of it.
            if candidate
                .split_whitespace()
                .skip(1)
                .any(|w| NOT_INSIDE_DATES.contains(&w))
            {
                continue;
            }
            // It must end on its date, not on a word the date reader lets pass ("…, the").
            let tail = candidate.rsplit(char::is_whitespace).next().unwrap_or("");
            if !tail.chars().any(|c| c.is_ascii_digit())
                && dates::parse_when(tail, Some(2000)).is_err()
            {
                continue;
            }
            let has_year = candidate
                .split(|c: char| !c.is_ascii_digit())
                .any(|d| d.len() == 4);
            if need_year && !has_year {
                continue;
            }
            if let Ok(when) = dates::parse_when(candidate, year) {
                found = Some((j, start, start + candidate.len(), when));
                break;
            }
        }
        match found {
            Some((j, start, end, when)) => {
                // The word before, or the range's own preposition ("from 18 to 19 June").
                let first = bare(words[i].1).to_lowercase();
                let lead = match first.as_str() {
                    "from" | "between" => first,
                    _ => i
                        .checked_sub(1)
                        .map(|k| bare(words[k].1).to_lowercase())
                        .unwrap_or_default(),
                };
                out.push(Found {
                    range: start..end,
                    text: text[start..end].to_string(),
                    when,
                    lead,
                });
                i = j;
            }
            None => i += 1,
        }
    }
    out
}

/// Upper-cases the first letter.
pub fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "ASEAN Defence Ministers' Meeting" → "ADMM": ASEAN's own naming, initials of capitalised words.
pub fn initials(name: &str) -> Option<String> {
    // "China-Asean …" as some papers spell it is "China-ASEAN …".
    let name = &name.replace("Asean", "ASEAN");
    // "ASEAN-China Defence Ministers' Informal Meeting" → "ASEAN-China DMIM": one series per
    // dialogue partner.
    if let Some(rest) = name.strip_prefix("ASEAN-") {
        let (partner, rest) = rest.split_once(' ')?;
        let letters = initials_of(&format!("ASEAN {rest}"))?;
        return Some(format!("ASEAN-{partner} {}", &letters[1..]));
    }
    // "China-ASEAN Defence Ministers' Special Meeting" → "China-ASEAN DMSM".
    if let Some((partner, rest)) = name
        .split_once(' ')
        .and_then(|(first, rest)| Some((first.strip_suffix("-ASEAN")?, rest)))
    {
        let letters = initials_of(&format!("ASEAN {rest}"))?;
        return Some(format!("{partner}-ASEAN {}", &letters[1..]));
    }
    if !name.starts_with("ASEAN ") {
        return None;
    }
    initials_of(name)
}

/// [`initials`] of any name ("Viet Nam – Singapore Defence Policy Dialogue" → "VNSDPD").
pub fn initials_of(name: &str) -> Option<String> {
    let firsts: Vec<char> = name
        .split_whitespace()
        .filter(|w| !connector(bare(w)))
        .filter_map(|w| bare(w).chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    // ASEAN acronyms are ASCII: a name with "İstanbul" in it has no initials we could guess, and
    // an id made from them would not be an id (regression: proptest case "ASEAN İstanbul Meeting").
    if !firsts.iter().all(char::is_ascii_uppercase) {
        return None;
    }
    let letters: String = firsts.into_iter().collect();
    // "ASEAN Defence Ministers' Meeting-Plus" → "ADMM-Plus".
    let plus = name.ends_with("-Plus") || name.ends_with(" Plus");
    (letters.len() >= 3).then(|| {
        if plus {
            format!("{}-Plus", letters.trim_end_matches('P'))
        } else {
            letters
        }
    })
}

/// Past participles that open a clause about a named thing ("… Interaction hosted by X in
/// 2001", "a joint statement … aimed at …", "the plan proposed by Y"): the name ends before them.
pub(super) const CLAUSE_PARTICIPLES: &[&str] = &[
    "proposed",
    "submitted",
    "presented",
    "tabled",
    "initiated",
    "drafted",
    "prepared",
    "developed",
    "led",
    "co-sponsored",
    "hosted",
    "aimed",
    "signed",
    "held",
    "organised",
    "organized",
    "sponsored",
    "issued",
];

/// Words opening a planned thing's object that make it someone's, with no name of its own.
pub(super) const POSSESSIVE_OPENERS: &[&str] = &["its", "their", "his", "her", "our", "my"];

/// The words of `part`, a slice of `whole`, each with its byte offset in `whole`.
pub(super) fn word_offsets<'p>(
    whole: &str,
    part: &'p str,
) -> impl Iterator<Item = (usize, &'p str)> + 'p {
    let base = whole.as_ptr() as usize;
    part.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - base, w))
}
