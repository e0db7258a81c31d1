//! People and states around a meeting: who chaired it, who took part and who observed, and the
//! one way they are merged into a meeting.

use super::spans::{after_phrase, strip_the, without_brackets};
use super::text::{self, capitalise_first, name_at};
use crate::corpus::Meeting;

/// Words that lead to a meeting's chair.
const CHAIR_LEADS: &[&str] = &[
    "co-chairs of the meeting were ",
    "co-chairs were ",
    "chair of the meeting was ",
    "chairman of the meeting was ",
    "co-chaired by ",
    "jointly chaired by ",
    "chaired by ",
    "chaired and hosted by ",
    "co-chaired and co-hosted by ",
    // an exercise's co-hosts lead it as co-chairs do a meeting
    "co-hosted by ",
    "co-organised by ",
    "co-organized by ",
    "chaired virtually by ",
    "chaired online by ",
    "under the chairmanship of ",
    "under the co-chairmanship of ",
    "under the joint chairmanship of ",
    "under the chair of ",
    "jointly presided over by ",
    "presided over by ",
    "the meeting was led by ",
    // last: any other lead wins ("Co-chairs Australia and Indonesia opened …")
    "co-chairs ",
];

/// Words between a chair's lead and the states whose forces chair: "co-chaired by the
/// militaries of Australia and Indonesia".
const CHAIR_FORCES_OF: &[&str] = &[
    "the militaries of ",
    "the armed forces of ",
    "the navies of ",
    "the armies of ",
    "the air forces of ",
    "the defence ministries of ",
    "the defense ministries of ",
];

/// Words after a chair named with "with": "with Gen. X, …, in the chair", "with Vietnam
/// chairing".
const IN_THE_CHAIR: &[&str] = &[
    " in the chair",
    " chairing.",
    " chairing,",
    " chairing and ",
];
/// The word before a chair named so.
const WITH: &str = " with ";

/// Titles written in lowercase between a body and its officer's name ("the ministry's
/// secretary-general Datuk X").
const LOWERCASE_TITLES: &[&str] = &[
    "secretary-general",
    "secretary",
    "minister",
    "chief",
    "director-general",
    "director",
    "commander",
    "deputy",
    "permanent",
    "general",
];

/// Words of a role, which a person's name may follow after a comma ("the Permanent Secretary,
/// Brigadier General … Anwar").
const ROLE_WORDS: &[&str] = &[
    "Minister",
    "Secretary",
    "Chief",
    "Chiefs",
    "Commander",
    "Director",
    "Chairman",
    "Head",
    "Deputy",
    "Permanent",
    "President",
    "Ministry",
];

/// Words after a name that make it the source a sentence is reported by ("…, Xinhua news
/// agency reported"), lowercase.
const REPORTING_AFTER: &[&str] = &[
    "news agency",
    "reported",
    "reports",
    "said",
    "says",
    "quoted",
];

/// Whether `name`, opening `rest`, is a news agency or the source of a report.
fn reports(rest: &str, name: &str) -> bool {
    let after = rest
        .get(name.len()..)
        .unwrap_or("")
        .trim_start()
        .to_ascii_lowercase();
    text::is_news_agency(name) || REPORTING_AFTER.iter().any(|r| after.starts_with(r))
}

/// Ranks and honorifics: a chair named by them alone ("chaired by Colonel") names nobody.
const RANKS: &[&str] = &[
    "General",
    "Gen",
    "Lieutenant",
    "Lt",
    "Lieut",
    "Colonel",
    "Col",
    "Major",
    "Maj",
    "Admiral",
    "Adm",
    "Captain",
    "Capt",
    "Brigadier",
    "Brig",
    "Commander",
    "Cdr",
    "Commodore",
    "Rear",
    "Vice",
    "Senior",
    "Sen",
    "Air",
    "Marshal",
    "Chief",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Datuk",
    "Dato",
    "Seri",
];

/// Lowercase words before a chair that say whose it is ("chaired by the host nation's Navy
/// Chief …"), at most this many.
const POSSESSOR_WORDS: usize = 3;

/// Words after a state's possessive that make it the chair: "under Thailand's chairmanship".
pub(super) const CHAIRMANSHIP_WORDS: &[&str] = &["chairmanship", "chairship", "chairpersonship"];

/// The chair a sentence names: "chaired by …", "under the chair of …", "presided over by …",
/// "under Thailand's chairmanship", or the name before "chaired" ("General X chaired the
/// meeting"); a role is followed by the person after its comma. A rank alone is no chair.
pub(super) fn chair_in(sentence: &str) -> Option<String> {
    let plain = without_brackets(sentence);
    let sentence = plain.as_str();
    if let Some(at) = after_phrase(sentence, CHAIR_LEADS) {
        let at = past_possessor(sentence, at);
        // "co-chaired by the militaries of Australia and Indonesia": the states.
        let at = CHAIR_FORCES_OF
            .iter()
            .find(|f| sentence[at..].to_ascii_lowercase().starts_with(*f))
            .map_or(at, |f| at + f.len());
        let (at, role) = past_state_possessive(sentence, at)?;
        let end = sentence[at..]
            .find(&role)
            .map_or(at, |i| at + i + role.len());
        // "chaired by <Ministry> secretary-general Datuk X": the person after the lowercase
        // title, not the ministry.
        let titled = {
            let rest = &sentence[end..];
            let title_words = rest
                .split_whitespace()
                .take_while(|w| LOWERCASE_TITLES.contains(&text::bare(w)))
                .count();
            let skip: usize = rest
                .split_inclusive(char::is_whitespace)
                .take(title_words + 1)
                .map(str::len)
                .sum();
            (title_words > 0)
                .then(|| person_at(rest, skip.min(rest.len())))
                .flatten()
                .filter(|p| !rank_alone(p))
        };
        if let Some(p) = titled {
            return Some(p);
        }
        // "…, Xinhua news agency reported": the source, not the person.
        let person = sentence[end..]
            .strip_prefix(", ")
            .and_then(|rest| person_at(rest, 0).filter(|p| !reports(rest, p)));
        let is_role = role.split_whitespace().any(|w| ROLE_WORDS.contains(&w));
        let chair = match person {
            Some(p) if is_role => format!("{role}, {p}"),
            _ => role,
        };
        // "co-chaired by X bin Y and Australian Minister Z": both chairs.
        let chair = match co_chair_after(sentence, end) {
            Some(other) if !chair.contains(&other) => format!("{chair} and {other}"),
            _ => chair,
        };
        // "presided over by the Minister": an office alone names nobody.
        let office_alone =
            chair.split_whitespace().count() == 1 && ROLE_WORDS.contains(&chair.as_str());
        return (!rank_alone(&chair) && !office_alone).then_some(chair);
    }
    if let Some(state) = chairmanship_of(sentence) {
        return Some(state);
    }
    if let Some(person) = chairman_of(sentence) {
        return Some(person);
    }
    // "… began with Adm. X, the navy's second in command, in the chair".
    if let Some(end) = IN_THE_CHAIR.iter().find_map(|c| sentence.find(c)) {
        let with = sentence[..end].rfind(WITH)?;
        let person = past_state_possessive(sentence, with + WITH.len())?.1;
        return (!rank_alone(&person)).then_some(person);
    }
    chair_subject(sentence)
        .or_else(|| chairing_apposition(sentence))
        .or_else(|| named_as_chair(sentence))
        .or_else(|| series_chair_title(sentence))
        .or_else(|| opening_chair_clause(sentence))
        .or_else(|| appositive_series_chair(sentence))
}

/// The person named at byte `at` and where the name starts, past a state's possessive before
/// the person ("Brunei's Second Minister X": the minister, not "Brunei's").
fn past_state_possessive(sentence: &str, at: usize) -> Option<(usize, String)> {
    let role = person_at(sentence, at)?;
    let Some(possessor) = role.strip_suffix("'s").or_else(|| role.strip_suffix("’s")) else {
        return Some((at, role));
    };
    let skip = at + sentence[at..].find(possessor).unwrap_or(0) + role.len();
    let next = person_at(sentence, skip + 1);
    match next {
        Some(person) if text::COUNTRIES.contains(&strip_the(possessor).as_str()) => {
            Some((skip + 1, person))
        }
        // "the Vietnam People's Navy": a body's name goes on past its possessive.
        Some(rest) => Some((at, format!("{role} {rest}"))),
        None => Some((at, role)),
    }
}

/// Words of a sentence's opening clause that make the subject after its comma the chair:
/// "Chairing the meeting, X said", "As chair of this year's ADMM, Vietnam …", "Addressing the
/// meeting as its chair, X …", "Hosting the meeting, X said", "Presiding over the ADMM …, X …".
const OPENING_CHAIR_WORDS: &[&str] = &[
    "chairing",
    "chair",
    "chairman",
    "chairperson",
    "hosting",
    "presiding",
];
/// The most words of such an opening clause ("Speaking as chair of the 19th ADMM in Kuala
/// Lumpur on 31 October, X said").
const OPENING_CLAUSE_WORDS: usize = 14;

/// The chair named right after an opening clause that holds a chair's word
/// ([`OPENING_CHAIR_WORDS`]): a person of two words at least, or a state. Nothing when the
/// office is ASEAN's ("As ASEAN chair, Vietnam …").
fn opening_chair_clause(sentence: &str) -> Option<String> {
    let comma = sentence.find(", ")?;
    let clause = &sentence[..comma];
    let words: Vec<String> = clause
        .split_whitespace()
        .map(|w| text::bare(w).to_ascii_lowercase())
        .collect();
    let chair_at = words
        .iter()
        .position(|w| OPENING_CHAIR_WORDS.contains(&w.as_str()))?;
    let aseans = words[..chair_at].last().is_some_and(|w| w == "asean")
        || words[chair_at + 1..].first().is_some_and(|w| w == "of")
            && is_aseans_office(&clause[clause.to_ascii_lowercase().find(" of ")? + 4..]);
    if words.len() > OPENING_CLAUSE_WORDS || aseans {
        return None;
    }
    let (_, name) = past_state_possessive(sentence, comma + 2)?;
    person_or_state(name)
}

/// Words opening an apposition that names a series' chair: "Vietnam, the current ADMM chair,
/// hosted …".
const APPOSITIVE_CHAIR_LEADS: &[&str] = &[
    ", the current ",
    ", this year's ",
    ", this year’s ",
    ", the ",
    ", in his capacity as ",
    ", in her capacity as ",
];
/// The most words between such a lead and the chair's word.
const APPOSITIVE_CHAIR_WORDS: usize = 3;

/// The name before an apposition calling it a series' chair ([`APPOSITIVE_CHAIR_LEADS`]); the
/// words between hold the series' acronym, not ASEAN's ("Vietnam, the current ASEAN chair" is
/// no meeting's chair).
fn appositive_series_chair(sentence: &str) -> Option<String> {
    APPOSITIVE_CHAIR_LEADS.iter().find_map(|lead| {
        let at = sentence.find(lead)?;
        let after = &sentence[at + lead.len()..];
        let words: Vec<&str> = after
            .split_whitespace()
            .take(APPOSITIVE_CHAIR_WORDS + 1)
            .collect();
        let chair_at = words.iter().position(|w| {
            SERIES_CHAIR_TITLES.contains(&capitalise_first(text::bare(w)).as_str())
        })?;
        let series = words[..chair_at].iter().any(|w| {
            let b = text::bare(w);
            b.len() >= 3 && b != "ASEAN" && b.chars().filter(char::is_ascii_uppercase).count() >= 3
        });
        if !series {
            return None;
        }
        let name = name_ending_at(sentence, at)?;
        person_or_state(name)
    })
}

/// Bytes after a chair's name within which " and " leads to a second chair, the rest of a
/// long name ("bin Haji Yussof") between.
const CO_CHAIR_WITHIN: usize = 40;
/// The same, across the first chair's role set off by commas ("A, chief of staff of the fleet,
/// and B").
const CO_CHAIR_ROLE_WITHIN: usize = 120;

/// A second chair named after the first's end `end` ("… and Australian Defence Minister Z"):
/// the person after " and ", when only the rest of the first name, or a lowercase role set off
/// by commas, stands between.
fn co_chair_after(sentence: &str, end: usize) -> Option<String> {
    let rest = &sentence[end..];
    let role = rest.starts_with(", ");
    let within = if role {
        CO_CHAIR_ROLE_WITHIN
    } else {
        CO_CHAIR_WITHIN
    };
    let and = rest.find(" and ").filter(|&k| k <= within)?;
    let between = &rest[..and];
    if between.contains([';', '.']) || between.contains(',') && !role {
        return None;
    }
    let person = person_at(rest, and + " and ".len())?;
    let rest_after = &rest[and + " and ".len()..];
    let starts_at_once = rest_after.starts_with(person.as_str());
    // Past a role, the second chair carries a rank or an office of its own ("…, Chief Medical
    // Officer of the Armed Forces and Brigadier X"), not the end of the role ("… Policy and
    // Planning Division").
    let titled = person
        .split_whitespace()
        .any(|w| RANKS.contains(&text::bare(w)) || ROLE_WORDS.contains(&text::bare(w)));
    // "…, Deputy Director of X, and Tomoko Matsuzawa, Director of Y": a listed name with a role
    // of its own set off by commas.
    let listed_with_role =
        between.ends_with(',') && rest_after[person.len().min(rest_after.len())..].starts_with(',');
    let titled = titled || listed_with_role;
    (starts_at_once
        && person.split_whitespace().count() >= 2
        && !rank_alone(&person)
        && (!role || titled))
        .then_some(person)
}

/// The host named as [`text::HOSTING_VERBS`]' subject: a person, a state or a body. It chairs the
/// meeting when the statement names no chair ([`super::meetings::Extractor::hosts_chair`]).
pub(super) fn host_subject(sentence: &str) -> Option<String> {
    subject_of(sentence, text::HOSTING_VERBS)
        .or_else(|| host_apposition(sentence))
        .or_else(|| hosted_by(sentence))
        .or_else(|| host_state(sentence))
        .or_else(|| host_before_state(sentence))
}

/// Where the first of [`text::HOSTING_VERBS`] ends in `sentence`: what it hosted is named next.
pub(super) fn hosting_verb_end(sentence: &str) -> Option<usize> {
    text::HOSTING_VERBS
        .iter()
        .filter_map(|v| sentence.find(v).map(|at| at + v.len()))
        .min()
}

/// Words opening a sentence whose apposition after them names the host: "The host, <title>
/// <name>, said …".
const HOST_APPOSITION_OPENINGS: &[&str] = &["The host, "];

/// The host a [`HOST_APPOSITION_OPENINGS`] opening names, up to the apposition's closing comma:
/// a person of two words at least, or a state.
fn host_apposition(sentence: &str) -> Option<String> {
    let opening = HOST_APPOSITION_OPENINGS
        .iter()
        .find(|o| sentence.starts_with(**o))?;
    let rest = &sentence[opening.len()..];
    let name = person_at(rest, 0)?;
    rest[name.len()..].starts_with(',').then_some(())?;
    let (_, person) = past_state_possessive(rest, 0)?;
    person_or_state(person)
}

/// The lowercase word before a state that names it the host: "At the meeting, host Singapore
/// reiterated …".
const HOST_BEFORE: &str = "host ";

/// The state [`HOST_BEFORE`] names.
fn host_before_state(sentence: &str) -> Option<String> {
    sentence.match_indices(HOST_BEFORE).find_map(|(at, _)| {
        let whole = at == 0 || sentence[..at].ends_with(' ');
        let name = name_at(sentence, at + HOST_BEFORE.len()).filter(|_| whole)?;
        state_opening(&name)
    })
}

/// Words before a meeting's host in the passive: "Hosted by Malaysia, the retreat …", "the
/// meeting was hosted by Vietnam".
const HOSTED_BY: &[&str] = &[
    "was hosted by ",
    "is hosted by ",
    "will be hosted by ",
    // "the exercise, hosted by the Harbour Navy, …", "the exercise hosted by the Harbour Navy"
    ", hosted by ",
    ") hosted by ",
];
/// The same, opening the sentence.
const HOSTED_BY_OPENING: &str = "Hosted by ";

/// Words before a state hosting what the sentence names, in any form ("the exercise hosted by
/// Brunei from June 16").
const HOSTED_BY_ANY: &str = " hosted by ";

/// The state a sentence says hosts ([`HOSTED_BY_ANY`]): where the meeting is, when no place is
/// named.
pub(super) fn host_state(sentence: &str) -> Option<String> {
    let at = sentence.find(HOSTED_BY_ANY)? + HOSTED_BY_ANY.len();
    state_opening(&name_at(sentence, at)?)
}

/// The state a name is or opens with, the longest ("Vietnam People's Army" → Vietnam).
fn state_opening(name: &str) -> Option<String> {
    text::COUNTRIES
        .iter()
        .filter(|c| name == **c || name.starts_with(&format!("{c} ")))
        .max_by_key(|c| c.len())
        .map(|c| c.to_string())
}

/// The host [`HOSTED_BY`] names: a state or a person of two words at least.
fn hosted_by(sentence: &str) -> Option<String> {
    let at = if sentence.starts_with(HOSTED_BY_OPENING) {
        HOSTED_BY_OPENING.len()
    } else {
        after_phrase(sentence, HOSTED_BY)?
    };
    let at = past_possessor(sentence, at);
    let name = person_at(sentence, at)?;
    person_or_state(name)
}

/// Verbs whose subject is the chair: "Air Marshal X, the air force's chief of staff, chaired the
/// conference", "General X chairs the meeting".
const CHAIRING_VERBS: &[&str] = &[
    " chaired the ",
    " chaired a ",
    " chaired an ",
    " is chairing the ",
    " was chairing the ",
    " presided at the ",
    " co-chaired the ",
    " co-chair the ",
    " co-chaired an ",
    " co-chaired a ",
    " chairs the ",
    " co-chairs the ",
    " will chair the ",
    " will co-chair the ",
    " is to chair the ",
    " presided over ",
    " presides over the ",
    " took the chair",
    // "led the meeting", not "led the delegation": only with the meeting as its object
    " led the meeting",
    " led the conference",
    " led the talks",
];

/// Words after a name that make its bearer the chair: "X, Minister of Defence, as the Chairman
/// said", "X, who was also the meeting's chairman, said".
const AS_CHAIR: &[&str] = &[
    " as the chairman",
    " as chairman",
    " as the chairperson",
    " as the chair ",
    ", who was also ",
    ", who is also ",
    ", chair of ",
    ", chairman of ",
    ", chairperson of ",
    ", the chair of ",
    ", the chairman of ",
    ", the chairperson of ",
    " and chair of ",
    " and chairman of ",
    " as chair,",
    " as chair ",
    " as chair.",
    ", the meeting's chair",
    ", the meeting’s chair",
];

/// A series' office written as a title before the chair's name: "ADMM Chair <Name>".
const SERIES_CHAIR_TITLES: &[&str] = &["Chair", "Chairman", "Chairperson", "Chairwoman"];

/// "<SERIES> Chair <Name>": a name of two words at least after the office, the series an
/// acronym ("ADMM Chair Arif Santoso told …").
fn series_chair_title(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    words.windows(3).find_map(|w| {
        let series = text::bare(w[0]);
        let acronym = series.chars().filter(char::is_ascii_uppercase).count() >= 2
            && series.starts_with(|c: char| c.is_ascii_uppercase());
        // "ADMM Chairman and Vietnamese Defence Minister X": the person after "and".
        let joined = w[2] == "and";
        if !acronym || !SERIES_CHAIR_TITLES.contains(&w[1]) || !(text::capitalised(w[2]) || joined)
        {
            return None;
        }
        let from = w[2].as_ptr() as usize - sentence.as_ptr() as usize;
        let from = if joined { from + "and ".len() } else { from };
        let person = person_at(sentence, from)?;
        (person.split_whitespace().count() >= 2 && !rank_alone(&person)).then_some(person)
    })
}

/// Words of a chair's office, looked for right after ", who was also".
const CHAIR_OFFICES: &[&str] = &["chairman", "chairperson", "chair"];

/// How many words after ", who was also" may lead to the office ("… also AMIM Chairman").
const OFFICE_WITHIN: usize = 4;

/// The relative pronoun between a subject and its chairing verb ("X, who chaired the …").
const RELATIVE_WHO: &str = " who";

/// Marks that set off an apposition between a subject and its verb.
const APPOSITION_MARKS: &[&str] = &[",", "–", "—"];

/// A chair named right before the place the chairing starts.
const SUBJECT_WORDS_MAX: usize = 16;

/// The subject of a chairing verb ([`CHAIRING_VERBS`]): a capitalised name, a role written with
/// it after a comma allowed. A pronoun, or one word that is no state, is nobody.
fn chair_subject(sentence: &str) -> Option<String> {
    subject_of(sentence, CHAIRING_VERBS).or_else(|| short_subject(sentence, CHAIRING_VERBS))
}

/// "Prawit, who chaired the meeting, …": the subject of the first of `verbs` when it is one
/// word of a name ([`one_word_name`]), written in full where the statement names the person so
/// (`chairs_in_full`).
fn short_subject(sentence: &str, verbs: &[&str]) -> Option<String> {
    let name = name_ending_at(sentence, subject_end(sentence, verbs)?)?;
    one_word_name(&name).then_some(name)
}

/// Whether `name` is one word that can be a person's name as a report shortens it ("Prawit",
/// "Khaled"): letters, capitalised, no pronoun, rank, role, state or month.
pub(super) fn one_word_name(name: &str) -> bool {
    let mut chars = name.chars();
    !name.contains(' ')
        && name.len() >= 3
        && chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && !NO_NAME_SUBJECTS.contains(&name)
        && !RANKS.contains(&name)
        && !ROLE_WORDS.contains(&name)
        && !text::COUNTRIES.contains(&name)
        && !crate::dates::MONTH_NAMES.contains(&name)
}

/// Where the subject of the first of `verbs` in `sentence` ends: before the verb, or before
/// the relative clause ("KSAL Yudo, who chaired the meeting, said …").
fn subject_end(sentence: &str, verbs: &[&str]) -> Option<usize> {
    let at = verbs.iter().filter_map(|v| sentence.find(v)).min()?;
    // "the Harbour Navy also hosted the …": the subject before the adverb.
    let at = SUBJECT_ADVERBS
        .iter()
        .find(|a| sentence[..at].ends_with(**a))
        .map_or(at, |a| at - a.len());
    Some(
        sentence[..at]
            .strip_suffix(RELATIVE_WHO)
            .map_or(at, |before| before.trim_end_matches(',').len()),
    )
}

/// Adverbs between a subject and its verb, left out of the subject ("X also hosted").
const SUBJECT_ADVERBS: &[&str] = &[" also", " successfully", " again", " jointly", " recently"];

/// The subject of the first of `verbs` in `sentence`: a name of two words at least or a state,
/// not ranks alone.
fn subject_of(sentence: &str, verbs: &[&str]) -> Option<String> {
    let at = subject_end(sentence, verbs)?;
    // "Vietnam, as ASEAN Chair for 2026, hosted": the name before the apposition, not the office.
    let holds_office = |n: &String| {
        n.split_whitespace()
            .any(|w| CHAIR_OFFICES.contains(&text::bare(w).to_ascii_lowercase().as_str()))
    };
    // "X, head of the department, hosted …", "X – head of … – hosted …": the name before the
    // apposition, and whether the apposition opens with a role.
    let before_apposition = || {
        let before = sentence[..at].trim_end();
        let mark = APPOSITION_MARKS.iter().find(|m| before.ends_with(**m))?;
        let inner = &before[..before.len() - mark.len()];
        let open = inner.rfind(mark)?;
        // "Chief of …", or a lowercase title a few words in ("joint force commander of …").
        let role = inner[open + mark.len()..]
            .split_whitespace()
            .take(APPOSITION_ROLE_WITHIN)
            .enumerate()
            .any(|(k, w)| {
                let w = text::bare(w);
                k == 0 && ROLE_WORDS.contains(&w) || LOWERCASE_TITLES.contains(&w)
            });
        Some((name_ending_at(sentence, open), role))
    };
    // "Sen. Lt. Gen. X, Chief of the General Staff …, chaired": the person, not the role.
    if let Some((Some(person), true)) = before_apposition() {
        if let Some(person) = person_or_state(person) {
            return Some(person);
        }
    }
    let name = name_ending_at(sentence, at)
        .filter(|n| !holds_office(n))
        .or_else(|| before_apposition()?.0)?;
    person_or_state(name)
}

/// The words of an apposition within which a lowercase title makes it a role.
const APPOSITION_ROLE_WITHIN: usize = 3;

/// The chair named before [`AS_CHAIR`]: "X, Minister of Defence of Y as the Chairman", "X, who
/// was also <series> Chairman", "X, Chair of ADMM 2023, said". Nothing when the office is ASEAN's ("as the chair of ASEAN").
fn named_as_chair(sentence: &str) -> Option<String> {
    let lower = sentence.to_ascii_lowercase();
    AS_CHAIR.iter().find_map(|cue| {
        let at = lower.find(cue)?;
        let after = &lower[at + cue.len()..];
        let next: Vec<&str> = after.split_whitespace().take(OFFICE_WITHIN).collect();
        if cue.starts_with(", who") {
            let office = next.iter().any(|w| CHAIR_OFFICES.contains(&text::bare(w)));
            if !office {
                return None;
            }
        } else if is_aseans_office(&sentence[at + cue.len()..]) {
            return None;
        }
        // "X, in his capacity as chair", "X will serve as chair": the name before the
        // capacity or the verb.
        let at = CAPACITY_LEADS
            .iter()
            .chain(CHAIR_SUBJECT_LINKS)
            .find_map(|c| lower[..at].strip_suffix(c).map(str::len))
            .unwrap_or(at);
        // "After the signing of the Hue Joint Declaration, X, chairman of …": the name after
        // the document's.
        let name = name_ending_at(sentence, at).map(|n| match n.split_once(", ") {
            Some((document, rest)) if super::ends_with_document_head(document) => rest.to_string(),
            _ => n,
        });
        // "X, Director of Operations under the General Staff and Chairman of the AMOM-10": the
        // name before the office the chair holds besides, when the office's words are not all
        // capitalised ("X, Minister of Harbours and chair of …" is read whole).
        let whole = name.as_ref().is_some_and(|n| n.contains(','));
        let besides = (cue.starts_with(" and ") && !whole)
            .then(|| lower[..at].rfind(','))
            .flatten()
            .filter(|&comma| at - comma <= OFFICE_BESIDES_SPAN)
            .and_then(|comma| name_ending_at(sentence, comma))
            .and_then(person_or_state);
        if besides.is_some() {
            return besides;
        }
        // "with Vietnam as chair": a state alone chairs too.
        person_or_state(name?)
    })
}

/// The most bytes an office written before "and Chairman of" runs after the holder's comma.
const OFFICE_BESIDES_SPAN: usize = 160;

/// Whether the office after a chair cue is ASEAN's ("as the chair of ASEAN this year"), not a
/// meeting's whose name opens with ASEAN ("chairman of the 12th ASEAN Navy Chiefs' Meeting").
fn is_aseans_office(after: &str) -> bool {
    let mut words = after
        .split_whitespace()
        .skip_while(|w| matches!(text::bare(w), "the" | "of"));
    let Some(first) = words.next() else {
        return false;
    };
    let name_follows = words
        .next()
        .is_some_and(|w| text::capitalised(w) && !first.ends_with([',', '.', ';']));
    text::bare(first).eq_ignore_ascii_case("asean") && !name_follows
}

/// Verbs between a chair's name and [`AS_CHAIR`]: "Vietnam will serve as chair of …".
const CHAIR_SUBJECT_LINKS: &[&str] = &[" will serve", " serves", " served", " will act", " acts"];

/// Words after the next chair's name, before the meeting it will chair: "a handover between
/// Cambodia and Indonesia as the next chairman of the 20th AMIM".
const AS_NEXT_CHAIR: &[&str] = &[
    " as the next chairman of ",
    " as the next chair of ",
    " as next chair of ",
    " as the incoming chairman of ",
    " as the incoming chair of ",
];

/// The words of two sides a handover is "between", the second taking the office.
const BETWEEN: &str = "between ";
const AND: &str = " and ";

/// "<State or person> as the next chairman of <meeting>": the next chair, and the byte of
/// `sentence` where the meeting it will chair is named. Of "between A and B", B.
pub(super) fn next_chair(sentence: &str) -> Option<(String, usize)> {
    let lower = sentence.to_ascii_lowercase();
    let (at, cue) = AS_NEXT_CHAIR
        .iter()
        .find_map(|c| lower.find(c).map(|at| (at, *c)))?;
    let second = lower[..at]
        .rfind(BETWEEN)
        .and_then(|b| lower[b..at].rfind(AND).map(|k| b + k + AND.len()))
        .filter(|&from| !lower[from..at].contains(','));
    let holder = match second {
        Some(from) => person_or_state(sentence[from..at].trim().to_string()),
        None => name_ending_at(sentence, at).and_then(person_or_state),
    }?;
    Some((holder, at + cue.len()))
}

/// Words between a chair's name and [`AS_CHAIR`]: "X, in his capacity as chair".
const CAPACITY_LEADS: &[&str] = &[
    ", in his capacity",
    ", in her capacity",
    ", in its capacity",
    ", in his role",
    ", in her role",
];

/// The capitalised words (connectors inside, a comma between a name and its role) that end at
/// byte `end` of `sentence`, no more than [`SUBJECT_WORDS_MAX`]: "Air Marshal X, the Air Force
/// Chief" before " chaired". Leading connectors are left out.
fn name_ending_at(sentence: &str, end: usize) -> Option<String> {
    let words: Vec<&str> = sentence[..end].split_whitespace().collect();
    let mut n = 0;
    // "Under the 17th AHCM, the Harbour Navy hosted": the name starts after the comma closing
    // the clause that opens the sentence.
    let opened = CLAUSE_OPENERS
        .iter()
        .any(|o| sentence.starts_with(&format!("{o} ")));
    let clause_words = opened
        .then(|| sentence[..end].find(", "))
        .flatten()
        .map_or(0, |comma| sentence[..=comma].split_whitespace().count());
    for w in words[clause_words.min(words.len())..].iter().rev() {
        let ok = text::capitalised(w) || text::connector(text::bare(w));
        if !ok || n == SUBJECT_WORDS_MAX {
            break;
        }
        n += 1;
    }
    let mut taken = &words[words.len() - n..];
    while let Some((first, rest)) = taken.split_first() {
        if text::connector(text::bare(first)) || first.ends_with(',') && rest.is_empty() {
            taken = rest;
        } else {
            break;
        }
    }
    // "… in 2026 and will host": a year and a connector name nobody.
    while let Some((last, rest)) = taken.split_last() {
        if text::connector(text::bare(last)) {
            taken = rest;
        } else {
            break;
        }
    }
    let lettered = taken
        .iter()
        .any(|w| text::bare(w).starts_with(char::is_uppercase));
    // A name opened by a clause ("In 2024, Malaysia …") starts after its comma.
    let name = taken.join(" ");
    let name = name.trim_end_matches(',').to_string();
    (lettered && !NO_NAME_SUBJECTS.contains(&name.as_str())).then_some(name)
}

/// Words opening a sentence with a clause before its subject ("Under the 17th AHCM, the navy
/// hosted …").
const CLAUSE_OPENERS: &[&str] = &["Under", "In", "At", "After", "During", "Following", "On"];

/// The chair a sentence names for meeting `m`: [`chair_in`], unless the sentence names `m` only
/// after a "chaired by" clause set off after another subject ("The sessions, chaired by Laos, went over
/// what the ADSOM WG had left": Laos chaired the sessions, not that meeting).
pub(super) fn chair_of(sentence: &str, m: &Meeting) -> Option<String> {
    let chair = chair_in(sentence)?;
    let lower = sentence.to_ascii_lowercase();
    // "X chaired the event, also attended by delegates to the AMLM-5": the event spoken of
    // before, not the meeting named after it.
    if let Some(verb) = chairs_an_anaphor(&lower) {
        if first_naming(sentence, m).is_some_and(|at| at > verb) {
            return None;
        }
    }
    let Some(lead) = CHAIR_LEADS.iter().filter_map(|l| lower.find(l)).min() else {
        return Some(chair);
    };
    // "<subject>, chaired by …,": a clause set off after another subject.
    let after_subject = sentence[..lead].trim_end().ends_with(',')
        && sentence[..lead].split_whitespace().count() > 1;
    match first_naming(sentence, m) {
        Some(at) if at > lead && after_subject => None,
        _ => Some(chair),
    }
}

/// Words opening an apposition that says the name before it chairs the meeting spoken of: "X,
/// chairing the meeting, welcomed …".
const CHAIRING_APPOSITIONS: &[&str] =
    &[", chairing the ", ", who chaired the ", ", who chairs the "];

/// The chair before a [`CHAIRING_APPOSITIONS`] apposition whose object is a meeting spoken of
/// before ([`CHAIRED_ANAPHORS`]): the person, or the state of an office named without one ("The
/// Malaysian Defence Minister, chairing the meeting, …": Malaysia).
fn chairing_apposition(sentence: &str) -> Option<String> {
    CHAIRING_APPOSITIONS.iter().find_map(|lead| {
        let at = sentence.find(lead)?;
        let rest = &sentence[at + lead.len()..];
        let object = CHAIRED_ANAPHORS.iter().find(|a| rest.starts_with(**a))?;
        if !rest[object.len()..].starts_with(',') {
            return None;
        }
        let name = name_ending_at(sentence, at)?;
        let name = name.strip_prefix("The ").unwrap_or(&name).to_string();
        let words: Vec<&str> = name.split_whitespace().collect();
        let office_of_state = words.len() >= 2
            && words[1..]
                .iter()
                .all(|w| ROLE_WORDS.contains(w) || DEPARTMENT_WORDS.contains(w));
        match text::STATE_ADJECTIVES
            .iter()
            .find(|(a, _)| words.first() == Some(a))
        {
            Some((_, state)) if office_of_state => Some(state.to_string()),
            _ => person_or_state(name),
        }
    })
}

/// Capitalised words of an office's name besides its [`ROLE_WORDS`] ("Defence Minister", "Navy
/// Chief").
const DEPARTMENT_WORDS: &[&str] = &[
    "Defence", "Defense", "Navy", "Army", "Air", "Force", "Naval", "Military", "Forces", "Armed",
    "General",
];

/// Words for a meeting spoken of before, as the object of a chairing verb ("chaired the event,").
const CHAIRED_ANAPHORS: &[&str] = &["event", "meeting", "conference", "session", "talks"];

/// Where a [`CHAIRING_VERBS`] verb of lowercased `lower` has a [`CHAIRED_ANAPHORS`] word for its
/// whole object ("chaired the event, which …"; not "chaired the meeting of the AMLM"), as the
/// sentence's main verb ("X, who chaired the meeting, said the ADMM …" speaks of that ADMM).
fn chairs_an_anaphor(lower: &str) -> Option<usize> {
    CHAIRING_VERBS.iter().find_map(|v| {
        let at = lower.find(v)?;
        if lower[..at].ends_with(RELATIVE_WHO) {
            return None;
        }
        let rest = &lower[at + v.len()..];
        let object = CHAIRED_ANAPHORS.iter().find(|a| rest.starts_with(**a))?;
        rest[object.len()..]
            .starts_with([',', '.', ';'])
            .then_some(at)
    })
}

/// Where `sentence` first names meeting `m` (by its name, acronym or an alias), if it does.
pub(super) fn first_naming(sentence: &str, m: &Meeting) -> Option<usize> {
    naming_span(sentence, m).map(|r| r.start)
}

/// The bytes of `sentence` naming meeting `m` first (by its name, acronym or an alias, the
/// longest at the first place).
pub(super) fn naming_span(sentence: &str, m: &Meeting) -> Option<std::ops::Range<usize>> {
    std::iter::once(m.name.as_str())
        .chain(m.acronym.as_deref())
        .chain(m.aliases.iter().map(String::as_str))
        .filter(|n| !n.is_empty())
        .filter_map(|n| sentence.find(n).map(|at| (at, std::cmp::Reverse(n.len()))))
        .min()
        .map(|(at, std::cmp::Reverse(len))| at..at + len)
}

/// `name` when it can name a chair or host: a person of two words at least, or a state; not
/// ranks alone.
fn person_or_state(name: String) -> Option<String> {
    // "The Vietnam People's Navy hosted …": the name without the sentence's capital "The".
    let name = match name.strip_prefix("The ") {
        Some(rest) => rest.to_string(),
        None => name,
    };
    let state = text::COUNTRIES.contains(&name.as_str());
    ((name.split_whitespace().count() >= 2 || state) && !rank_alone(&name)).then_some(name)
}

/// Whether a name is ranks and honorifics only ("Colonel", "Lt. Gen").
fn rank_alone(name: &str) -> bool {
    name.split_whitespace()
        .all(|w| RANKS.contains(&text::bare(w)))
}

/// Byte `at` moved past lowercase words ending in a possessive ("the host nation's ", "its "), so
/// that the chair's own name follows.
fn past_possessor(text: &str, at: usize) -> usize {
    let mut end = at;
    for (k, w) in text[at..].split_whitespace().enumerate() {
        if k >= POSSESSOR_WORDS || text::capitalised(w) {
            break;
        }
        let w_end = text[end..].find(w).map_or(end, |i| end + i + w.len());
        if w.ends_with("'s") || w.ends_with("’s") || matches!(w, "its" | "their") {
            return w_end;
        }
        end = w_end;
    }
    at
}

/// [`name_at`] across abbreviated titles: "Navy Chief Adm. Lim Boon".
pub(super) fn person_at(text: &str, from: usize) -> Option<String> {
    let mut name = before_place_or_date(name_at(text, from)?);
    let mut end = from + text[from..].find(name.as_str())? + name.len();
    loop {
        let last = name.split_whitespace().last().unwrap_or("");
        let more = text[end..]
            .strip_prefix(". ")
            .filter(|_| text::is_abbreviation(last))
            .and_then(|_| name_at(text, end + 2));
        let Some(more) = more else {
            return Some(name);
        };
        end = end + 2 + text[end + 2..].find(more.as_str())? + more.len();
        name = format!("{name}. {more}");
    }
}

/// Connectors inside a capitalised run that end a person's name when a place or a day follows
/// them ("… Mohamed Khaled Nordin in Kuala Lumpur on 1 November").
const NAME_STOPS: &[&str] = &[" in ", " on "];

/// `name` up to a [`NAME_STOPS`] connector a place, a number, a month or a weekday follows.
fn before_place_or_date(mut name: String) -> String {
    let mut stops: Vec<usize> = NAME_STOPS
        .iter()
        .flat_map(|s| name.match_indices(s).map(|(k, _)| k))
        .collect();
    stops.sort_unstable();
    let cut = stops.into_iter().find(|&k| {
        let after = name[k..]
            .split_whitespace()
            .nth(1)
            .map(text::bare)
            .unwrap_or("");
        after.starts_with(|c: char| c.is_ascii_digit())
            || crate::dates::MONTH_NAMES.contains(&after)
            || super::fields::is_weekday(&after.to_ascii_lowercase())
            || name[k..].starts_with(" in ") && text::place_in(&name[k..]).is_some()
    });
    if let Some(k) = cut {
        name.truncate(k);
    }
    name
}

/// A chair's title before the meeting it chairs: "Chairman of the 15th ACDFIM, Chief of Defence
/// Force Lt. Gen. X, opened …".
const CHAIRMAN_OF: &[&str] = &["chairman of the ", "chairperson of the ", "chair of the "];
/// The most bytes from the title to the chair's rank.
const CHAIRMAN_RANK_WITHIN: usize = 100;
/// Words between the title and the rank that make the title a meeting's ("… of the 15th
/// ACDFIM", "… of the Meeting"), not a body's ("Chairman of the Joint Chiefs of Staff").
const MEETING_WORDS: &[&str] = &["Meeting", "meeting", "Conference", "conference"];

/// The person [`CHAIRMAN_OF`] a meeting names: the first one after it opened by a rank and holding
/// no lowercase words, when a meeting (by an acronym or its head word) stands between.
fn chairman_of(sentence: &str) -> Option<String> {
    let at = after_phrase(sentence, CHAIRMAN_OF)?;
    let mut meeting = false;
    for (k, w) in super::text::word_offsets(sentence, &sentence[at..])
        .take_while(|(k, _)| k - at <= CHAIRMAN_RANK_WITHIN)
    {
        let b = text::bare(w);
        let acronym = b.len() >= 3 && b.chars().all(|c| c.is_ascii_uppercase());
        meeting |= acronym || MEETING_WORDS.contains(&b);
        if !meeting || !RANKS.contains(&b) {
            continue;
        }
        let Some(person) = person_at(sentence, k) else {
            continue;
        };
        let lowercase = person.split_whitespace().any(|w| !text::capitalised(w));
        if !lowercase && !rank_alone(&person) {
            return Some(person);
        }
    }
    None
}

/// Verbs of a chair handing its office on: "X handed over the chairmanship of the ADMM to Y".
const HANDOVER_VERBS: &[&str] = &[
    " handed over ",
    " hands over ",
    " handing over ",
    " handed ",
    " hands ",
    " passed ",
    " passes ",
    " turned over ",
];

/// What a handover hands on: the office, or the sign of it ("passed the baton to").
const HANDOVER_OBJECTS: &[&str] = &[
    "chairmanship",
    "chairship",
    "chairpersonship",
    "leadership",
    "baton",
    "gavel",
    "helm",
    "chair",
];

/// The word before a handover's receiver.
const HANDOVER_TO: &str = " to ";

/// Verbs of the next chair taking the office: "Vietnam will take over the role of the ADMM
/// Chair from Thailand".
const TAKEOVER_VERBS: &[&str] = &[
    " take over ",
    " takes over ",
    " took over ",
    " taking over ",
];

/// The word before the chair the office is taken from.
const TAKEOVER_FROM: &str = " from ";

/// Words between a subject and [`TAKEOVER_VERBS`] ("Vietnam will take over"), left out of the
/// subject's name.
const TAKEOVER_AUXILIARIES: &[&str] = &[" will", " is to", " is set to", " is due to"];

/// Bytes from the handover verb to [`HANDOVER_TO`], at most.
const HANDOVER_SPAN: usize = 120;

/// A chair handing its office to the next one, as a sentence says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Handover {
    /// Who hands the office on: the chair of the meeting reported.
    pub giver: Option<String>,
    /// Who takes it: the chair of the series' next meeting.
    pub receiver: Option<String>,
    /// The bytes of the sentence naming what is handed ("the chairmanship of the ADMM").
    pub handed: std::ops::Range<usize>,
}

/// A handover of a chair: "X handed over the leadership of the ADMM to Y", "X passed the baton
/// to Y's Defence Minister Z". The giver is the verb's subject, or the name opening the
/// sentence when the verb is the second of two joined by "and" ("X received … and passed the
/// baton to Y"); either side is a person (two words at least) or a state.
pub(super) fn handover(sentence: &str) -> Option<Handover> {
    let Some((at, handed)) = office_handed(sentence, HANDOVER_VERBS, HANDOVER_TO) else {
        return takeover(sentence);
    };
    // A title without a name ("the Lao Defence Minister") names no one.
    let person = |name: String| {
        let state = text::COUNTRIES.contains(&name.as_str());
        let last = name.split_whitespace().last().map_or("", text::bare);
        let titled_only = ROLE_WORDS.contains(&last) || RANKS.contains(&last);
        ((name.split_whitespace().count() >= 2 || state) && !rank_alone(&name) && !titled_only)
            .then_some(name)
    };
    let receiver_at = past_possessor(sentence, handed.end + HANDOVER_TO.len());
    let receiver_at = receiver_at
        + sentence[receiver_at..]
            .strip_prefix("the ")
            .map_or(0, |_| "the ".len());
    // "to Thailand's Navy Chief X": the person after the state's possessive.
    let receiver_at = sentence[receiver_at..]
        .split_whitespace()
        .next()
        .filter(|w| text::capitalised(w) && (w.ends_with("'s") || w.ends_with("’s")))
        .map_or(receiver_at, |w| receiver_at + w.len() + 1)
        .min(sentence.len());
    let receiver = person_at(sentence, receiver_at).and_then(person);
    let giver = name_ending_at(sentence, at).and_then(person).or_else(|| {
        // "X received the ministers and passed the baton …": the sentence's subject.
        let opening = name_at(sentence, 0)?;
        let clause = &sentence[opening.len().min(at)..at];
        let joined = clause.split_whitespace().any(|w| w == "and");
        (joined && !clause.contains(',')).then_some(opening)
    });
    Some(Handover {
        giver,
        receiver,
        handed,
    })
}

/// The first of `verbs` in `sentence` and the words after it up to `side` (" to ", " from "),
/// when they name the office ([`HANDOVER_OBJECTS`]): the verb's byte and the office's bytes.
fn office_handed(
    sentence: &str,
    verbs: &[&str],
    side: &str,
) -> Option<(usize, std::ops::Range<usize>)> {
    let (at, verb) = verbs
        .iter()
        .filter_map(|v| sentence.find(v).map(|i| (i, *v)))
        .min_by_key(|(i, _)| *i)?;
    let from = at + verb.len();
    let to = sentence[from..]
        .find(side)
        .filter(|&t| t <= HANDOVER_SPAN)?;
    let handed = from..from + to;
    sentence[handed.clone()]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| HANDOVER_OBJECTS.contains(&w.to_lowercase().as_str()))
        .then_some((at, handed))
}

/// A handover told from the taker's side: "Vietnam will take over the role of the ADMM and
/// ADMM-Plus Chair from Thailand": the subject receives, the state or person after "from" gives.
fn takeover(sentence: &str) -> Option<Handover> {
    let (at, handed) = office_handed(sentence, TAKEOVER_VERBS, TAKEOVER_FROM)?;
    let subject_end = TAKEOVER_AUXILIARIES
        .iter()
        .find(|a| sentence[..at].ends_with(**a))
        .map_or(at, |a| at - a.len());
    let receiver = name_ending_at(sentence, subject_end).and_then(person_or_state);
    let giver_at = past_possessor(sentence, handed.end + TAKEOVER_FROM.len());
    let giver = person_at(sentence, giver_at).and_then(person_or_state);
    Some(Handover {
        giver,
        receiver,
        handed,
    })
}

/// Words that end a person's name read on from a short mention of it ("Yudo" of "Yudo Margono
/// said"): a name's words are capitalised, and a state or a role is another thing.
fn ends_a_name(word: &str) -> bool {
    let bare = text::bare(word);
    !text::capitalised(word)
        || text::connector(bare)
        || text::COUNTRIES.contains(&bare)
        || ROLE_WORDS.contains(&bare)
        || RANKS.contains(&bare)
        || !bare.chars().all(char::is_alphabetic)
}

/// Words of a body's name, which no person's has ("the Royal Thai Navy").
const BODY_WORDS: &[&str] = &[
    "Navy",
    "Army",
    "Force",
    "Forces",
    "Ministry",
    "Department",
    "Command",
    "Government",
    "Office",
    "Committee",
    "Council",
    "Secretariat",
    "Delegation",
];

/// Words a person's name may have beyond its short mention, at most.
const MORE_NAME_WORDS: usize = 2;

/// A chair named short ("KSAL Yudo", "Prabowo") in full, as the statement writes the person
/// elsewhere ("Admiral Yudo Margono", "Prabowo Subianto"): the words that follow the mention's
/// last word where the text names it with more. `None` for a state or a body, or when the text
/// names nobody longer.
pub(super) fn in_full(chair: &str, text_of_statement: &str) -> Option<String> {
    let last = chair.split_whitespace().last()?;
    let a_body = chair
        .split_whitespace()
        .any(|w| BODY_WORDS.contains(&text::bare(w)));
    if a_body || chair.split_whitespace().any(|w| !text::capitalised(w)) || ends_a_name(last) {
        return None;
    }
    let more = text_of_statement
        .match_indices(last)
        .filter(|(at, _)| {
            let before = text_of_statement[..*at].chars().next_back();
            before.is_none_or(|c| !c.is_alphanumeric())
        })
        .map(|(at, _)| {
            let rest = &text_of_statement[at + last.len()..];
            if !rest.starts_with(' ') {
                return Vec::new();
            }
            let mut words = Vec::new();
            for w in rest.split_whitespace().take(MORE_NAME_WORDS) {
                if ends_a_name(w) {
                    break;
                }
                let stop = w.ends_with([',', '.', ';', ':', ')']) || w.ends_with("'s");
                words.push(text::bare(w).trim_end_matches("'s").to_string());
                if stop {
                    break;
                }
            }
            words
        })
        .max_by_key(Vec::len)?;
    (!more.is_empty()).then(|| format!("{chair} {}", more.join(" ")))
}

/// A one-word chair that is the last word of a name the statement writes in full ("Austin",
/// "… Defense Secretary Lloyd Austin"): the name's words before it, ranks and roles left out.
pub(super) fn surname_in_full(chair: &str, text_of_statement: &str) -> Option<String> {
    let given = |w: &str| {
        let b = text::bare(w);
        one_word_name(b) && b == w
    };
    text_of_statement
        .match_indices(chair)
        .filter(|(at, _)| {
            let after = text_of_statement[at + chair.len()..].chars().next();
            !after.is_some_and(char::is_alphanumeric)
        })
        .map(|(at, _)| {
            let before: Vec<&str> = text_of_statement[..at].split_whitespace().collect();
            let given: Vec<&str> = before
                .iter()
                .rev()
                .take(MORE_NAME_WORDS)
                .take_while(|w| given(w))
                .copied()
                .collect();
            // Only when the text runs straight into the surname ("Lloyd Austin").
            let adjacent = text_of_statement[..at].ends_with(' ');
            if adjacent {
                given
            } else {
                Vec::new()
            }
        })
        .max_by_key(Vec::len)
        .filter(|g| !g.is_empty())
        .map(|g| {
            let mut words: Vec<&str> = g.into_iter().rev().collect();
            words.push(chair);
            words.join(" ")
        })
}

/// "under Thailand's chairmanship" → Thailand.
fn chairmanship_of(sentence: &str) -> Option<String> {
    let lower = sentence.to_ascii_lowercase();
    lower.match_indices("under ").find_map(|(at, lead)| {
        let from = at + lead.len();
        let name = name_at(sentence, from)?;
        let state = name
            .strip_suffix("'s")
            .or_else(|| name.strip_suffix("’s"))?;
        let end = from + sentence[from..].find(name.as_str())? + name.len();
        let next = sentence[end..].split_whitespace().next()?;
        CHAIRMANSHIP_WORDS
            .contains(&text::bare(next))
            .then(|| state.to_string())
    })
}

/// The word naming a state's delegation.
const DELEGATION: &str = "delegation";

/// Words after [`DELEGATION`] that lead to its head: "the Vietnamese delegation, led by …".
const LED_BY: &[&str] = &[" led by ", " headed by "];

/// Verbs before [`DELEGATION`] whose subject is its head: "General X led the Thai delegation".
const LED_THE: &[&str] = &[" led ", " headed "];

/// Bytes from [`DELEGATION`] to [`LED_BY`], or from [`LED_THE`] to [`DELEGATION`], at most.
const DELEGATION_SPAN: usize = 90;

/// Each state's delegation and who led it, as a participant: "Vietnam (delegation led by General
/// X)". Phrasings: "the <state's> delegation (…), led by X", "the delegation of the <state's>
/// ministry … was led by X", "X led a <state's> delegation to …". A delegation whose state or
/// head is not named gives none.
pub(super) fn delegation_heads(sentence: &str) -> Vec<String> {
    let lower = sentence.to_ascii_lowercase();
    let mut found = Vec::new();
    for (at, _) in lower.match_indices(DELEGATION) {
        let end = at + DELEGATION.len();
        // "… led by X": the state named from a few words before the word to the verb.
        let led_by = LED_BY
            .iter()
            .filter_map(|l| lower[end..].find(l).map(|k| (end + k, l.len())))
            .filter(|&(k, _)| k - end <= DELEGATION_SPAN && !lower[end..k].contains(['.', ';']))
            .min();
        let side_start = clause_words_before(&lower, at, STATE_WORDS_BEFORE);
        let (state_words, head) = match led_by {
            Some((k, len)) => (&sentence[side_start..k], person_at(sentence, k + len)),
            None => {
                // "X led a Vietnamese delegation": the subject of the verb before it.
                let Some((verb, len)) = LED_THE
                    .iter()
                    .filter_map(|l| lower[..at].rfind(l).map(|k| (k, l.len())))
                    .filter(|&(k, len)| at - (k + len) <= DELEGATION_SPAN / 3)
                    .max()
                else {
                    continue;
                };
                (
                    &sentence[verb + len..at],
                    name_ending_at(sentence, verb).and_then(person_or_state),
                )
            }
        };
        push_delegation(&mut found, text::first_state(state_words), head);
    }
    // "Brunei was represented by Colonel X": the state right before the verb.
    for lead in REPRESENTED_BY {
        for (at, _) in lower.match_indices(lead) {
            let state_start = clause_words_before(&lower, at, STATE_WORDS_REPRESENTED);
            let state = text::first_state(&sentence[state_start..at]);
            push_delegation(&mut found, state, person_at(sentence, at + lead.len()));
        }
    }
    found
}

/// Where the last `n` words of `lower[..at]` start, back to a clause's edge (a word ending in a
/// comma or semicolon, or "and"): "…, and the delegation" has no words of its own before it.
fn clause_words_before(lower: &str, at: usize, n: usize) -> usize {
    text::word_offsets(lower, &lower[..at])
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .take(n)
        .take_while(|(_, w)| !w.ends_with([',', ';']) && *w != "and")
        .last()
        .map_or(at, |(k, _)| k)
}

/// Adds "<state> (delegation led by <head>)" once, for a named state and a head of two words at
/// least that is no state ("led by Vietnam" names no one).
fn push_delegation(found: &mut Vec<String>, state: Option<&str>, head: Option<String>) {
    let (Some(state), Some(head)) = (state, head) else {
        return;
    };
    if head.split_whitespace().count() < 2 || text::COUNTRIES.contains(&head.as_str()) {
        return;
    }
    let item = format!("{state} (delegation led by {head})");
    if !found.contains(&item) {
        found.push(item);
    }
}

/// Verbs after a state naming who spoke for it: "Brunei was represented by Colonel X".
const REPRESENTED_BY: &[&str] = &[
    " was represented by ",
    " were represented by ",
    " will be represented by ",
];

/// Words before [`DELEGATION`] its state may be named in: "the Lao People's Army delegation".
const STATE_WORDS_BEFORE: usize = 4;

/// Words before [`REPRESENTED_BY`] the state is named in: "Brunei Darussalam was represented".
const STATE_WORDS_REPRESENTED: usize = 2;

/// Participants and observers: "with the attendance of X as well as Y as an observer",
/// "attended by X and Y", "with the participation of X".
pub(super) fn attendance(sentence: &str) -> (Vec<String>, Vec<String>) {
    let (mut participants, mut observers) = (Vec::new(), Vec::new());
    let lower = sentence.to_ascii_lowercase();
    let Some(at) = after_phrase(sentence, ATTENDANCE_LEADS).or_else(|| {
        // "… was held on 1 November with the defence ministers of …": "with the" shortly after
        // "held".
        let held = lower.find(" held ")?;
        let with = lower[held..].find(" with the ")? + held;
        // "held in conjunction with the inaugural Airshow": another event, not who came.
        let beside = NOT_ATTENDANCE_WITH
            .iter()
            .any(|w| lower[..with].ends_with(w));
        (with - held <= HELD_WITH_SPAN && !beside).then_some(with + " with ".len())
    }) else {
        return (participants, observers);
    };
    let clause = sentence[at..].trim_end_matches(['.', ';']);
    let clause = ATTENDANCE_CLAUSE_ENDS
        .iter()
        .filter_map(|s| clause.find(s))
        .min()
        .map_or(clause, |e| &clause[..e]);
    // Items are joined by "as well as", ", and" and "and the"; a list of countries inside one
    // stays whole.
    let items = clause
        .split(" as well as ")
        .flat_map(|s| s.split(", with "))
        .flat_map(|s| s.split(", and "))
        .flat_map(|s| s.split(" and the "));
    for item in items {
        let item = item.split(", including ").next().unwrap_or(item);
        let item = item.trim().trim_start_matches("and ").trim();
        if item.is_empty() {
            continue;
        }
        let lower = item.to_ascii_lowercase();
        if let Some(who) = OBSERVER_ROLES
            .iter()
            .find_map(|s| lower.find(s).map(|e| &item[..e]))
        {
            // "Timor-Leste attending as an observer" → Timor-Leste.
            let who = who.trim();
            let who = OBSERVER_VERBS
                .iter()
                .find_map(|v| who.strip_suffix(v))
                .unwrap_or(who);
            observers.push(text::fix_country(strip_the(who.trim()).as_str()));
        } else if let Some(item) = participant(item) {
            participants.push(capitalise_first(item));
        }
    }
    (participants, observers)
}

/// An attendance item as who took part: without an opening adverbial ("For the first time, the
/// ministers …") or a clause after it ("… countries who discussed …", "…, Xinhua news agency
/// reported"); none when what is left is too long to be a name, a delegation or a list of them.
fn participant(item: &str) -> Option<&str> {
    let lower = item.to_ascii_lowercase();
    let from = PARTICIPANT_OPENERS
        .iter()
        .find(|o| lower.starts_with(*o))
        .map_or(0, |o| o.len());
    // "…, the Hue daily reported": the source's clause opens at the comma before its verb.
    let reported = REPORTING_VERBS
        .iter()
        .filter_map(|v| lower[from..].find(v).map(|k| from + k))
        .min()
        .map(|k| lower[from..k].rfind(", ").map_or(k, |c| from + c));
    let to = PARTICIPANT_CLAUSE_CUTS
        .iter()
        .filter_map(|c| lower[from..].find(c).map(|k| from + k))
        .chain(reported)
        .min()
        .unwrap_or(item.len());
    let who = item[from..to].trim().trim_end_matches([',', ';', ':']);
    let words = who.split_whitespace().count();
    // "… Partners, namely Australia, China, …": a list of states is long and still a name.
    let list = who.matches(',').count() >= LIST_COMMAS;
    (words > 0 && (words <= MAX_PARTICIPANT_WORDS || list)).then_some(who)
}

/// Commas that make a long attendance item a list of who took part.
const LIST_COMMAS: usize = 3;

/// Adverbials that open an attendance item, lowercase.
const PARTICIPANT_OPENERS: &[&str] = &["for the first time, ", "for the first time "];

/// Words that open a clause after who took part, lowercase.
const PARTICIPANT_CLAUSE_CUTS: &[&str] = &[
    " who ",
    " which ",
    " and was ",
    " was ",
    " were ",
    " during ",
];

/// Verbs of a source's clause after who took part ("…, Xinhua news agency reported").
const REPORTING_VERBS: &[&str] = &[" reported", " reports", " said", " says"];

/// The most words of one item of who took part; more is a sentence's remnant.
const MAX_PARTICIPANT_WORDS: usize = 18;

/// "Timor-Leste took part as an observer." → Timor-Leste.
pub(super) fn observer_sentence(sentence: &str) -> Option<String> {
    let lower = sentence.to_ascii_lowercase();
    let end = OBSERVER_SENTENCE_ROLES.iter().find_map(|s| lower.find(s))?;
    let verb = OBSERVER_SENTENCE_VERBS
        .iter()
        .filter_map(|v| lower[..end].rfind(v))
        .max()?;
    let who = name_at(sentence, 0)?;
    // "The meeting was attended by …": a sentence whose subject is no name names no observer.
    let pronoun = NO_NAME_SUBJECTS.contains(&who.as_str());
    if who.len() > verb || pronoun {
        return None;
    }
    let who = text::fix_country(&strip_the(&who));
    // An observer is a state, an organisation or a delegation: one capitalised word that is no
    // state nor acronym ("Defence officials … as observers") names none.
    let acronym = who.len() >= 2 && who.chars().all(|c| c.is_ascii_uppercase());
    let named =
        text::COUNTRIES.contains(&who.as_str()) || acronym || who.split_whitespace().count() >= 2;
    named.then_some(who)
}

/// Words that lead to who attended a meeting.
const ATTENDANCE_LEADS: &[&str] = &[
    "with the attendance of ",
    "attended by ",
    "with the participation of ",
    "participants included ",
    "brought together ",
];

/// Bytes from "held" to "with the" at most, for "… was held on 1 November with the defence
/// ministers of …".
const HELD_WITH_SPAN: usize = 40;

/// Words before "with the" after "held" that tie the meeting to something else, not to who
/// attended: "held in conjunction with the …", "in line with the …".
const NOT_ATTENDANCE_WITH: &[&str] = &[
    " in conjunction",
    " in line",
    " in accordance",
    " in cooperation",
    " in collaboration",
    " in partnership",
    " coinciding",
    " to coincide",
];

/// Words that end the attendance clause.
const ATTENDANCE_CLAUSE_ENDS: &[&str] = &[", where", ", during", ", which", ", to "];

/// How an observer is named in an attendance clause.
const OBSERVER_ROLES: &[&str] = &[" as an observer", " as observers", " as observer"];
/// How an observer is named in a sentence of its own.
const OBSERVER_SENTENCE_ROLES: &[&str] = &[" as an observer", " as observers"];

/// Verbs between an observer and its role: "Timor-Leste attending as an observer".
const OBSERVER_VERBS: &[&str] = &[
    " attending",
    " participating",
    " joining",
    " present",
    " taking part",
];

/// Verbs of a sentence naming an observer: "Timor-Leste took part as an observer."
const OBSERVER_SENTENCE_VERBS: &[&str] = &[
    " took part",
    " attended",
    " participated",
    " joined",
    " was present",
];

/// Sentence subjects that are no name.
const NO_NAME_SUBJECTS: &[&str] = &[
    "The", "It", "They", "This", "These", "He", "She", "We", "A", "An",
];

/// Adds participants and observers a meeting does not list yet (participants compared as
/// normalised words); whether any was added.
pub(super) fn merge_people(
    m: &mut Meeting,
    participants: Vec<String>,
    observers: Vec<String>,
) -> bool {
    let before = m.participants.len() + m.observers.len();
    for p in participants {
        let known = m
            .participants
            .iter()
            .any(|q| crate::ingest::normalise(q) == crate::ingest::normalise(&p));
        if !known {
            m.participants.push(p);
        }
    }
    for o in observers {
        if !m.observers.contains(&o) {
            m.observers.push(o);
        }
    }
    m.participants.len() + m.observers.len() > before
}
