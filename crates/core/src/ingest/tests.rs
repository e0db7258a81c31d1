use super::*;

fn text(t: &str) -> Draft {
    draft(t, Format::Text, &Overrides::default()).unwrap()
}

#[test]
fn formats_from_names_then_from_the_text() {
    assert_eq!(detect_format(Some("a.HTML"), ""), Format::Html);
    assert_eq!(
        detect_format(Some("https://x.org/news?id=3"), "Title\n\nBody."),
        Format::Html
    );
    assert_eq!(detect_format(Some("a.md"), "Title"), Format::Markdown);
    assert_eq!(detect_format(Some("a.txt"), "# Not markdown"), Format::Text);
    assert_eq!(detect_format(None, "<!DOCTYPE html><html>"), Format::Html);
    assert_eq!(
        detect_format(None, "+++\nid = \"a\"\n+++\n"),
        Format::Markdown
    );
    assert_eq!(
        detect_format(None, "Title\n\n# Heading\n"),
        Format::Markdown
    );
    assert_eq!(detect_format(None, "Title\nBody."), Format::Text);
}

#[test]
fn header_lines_give_the_metadata_and_the_title_heads_the_text() {
    let d = text("Title: ASEAN Navy Chiefs Meet\nSource: ASEAN Secretariat\nDate: 14 March 2027\n\nThe chiefs met.\n");
    assert_eq!(d.title, "ASEAN Navy Chiefs Meet");
    assert_eq!(d.source, "ASEAN Secretariat");
    assert_eq!(d.published.as_deref(), Some("2027-03-14"));
    assert_eq!(
        d.paragraphs[0],
        DraftParagraph {
            text: "ASEAN Navy Chiefs Meet".into(),
            heading: true
        }
    );
    assert!(d.notes.is_empty(), "{:?}", d.notes);
}

#[test]
fn a_header_line_of_fields_under_the_title_is_metadata() {
    let d = text("ADMM-Plus experts agree work plan\n\nPublished: 20 June 2025 | Source: Ministry of Defence, Cambodia\n\nPHNOM PENH — The experts met.\n\nURL: is a word here, not a header.\n");
    assert_eq!(d.source, "Ministry of Defence, Cambodia");
    assert_eq!(d.published.as_deref(), Some("2025-06-20"));
    let texts: Vec<&str> = d.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "ADMM-Plus experts agree work plan",
            "PHNOM PENH — The experts met.",
            "URL: is a word here, not a header."
        ]
    );
    // A line with one field that is not a header stays text.
    let d = text("Title\n\nDate: 1 May 2025 | Venue: Hanoi\n\nBody.\n");
    assert_eq!(d.published, None);
    assert_eq!(d.paragraphs.len(), 3, "{:?}", d.paragraphs);
}

#[test]
fn datelines_give_source_and_date_and_repeats_and_captions_go() {
    let d = text("Chiefs meet in Kuala Lumpur\n\nThe chiefs met on Tuesday.\n\nDelegates pose for a photo. (Photo: Bernama)\n\nKuala Lumpur, 14 March 2027 – The chiefs met on Tuesday.\n\nHanoi (VNA) - More text.\n\nSee more\n");
    assert_eq!(d.published.as_deref(), Some("2027-03-14"));
    assert_eq!(d.source, "VNA");
    let texts: Vec<&str> = d.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Chiefs meet in Kuala Lumpur",
            "The chiefs met on Tuesday.",
            "Hanoi (VNA) - More text."
        ]
    );
    assert_eq!(d.dropped, 3);
}

#[test]
fn lists_stay_with_their_lead_in_and_tables_stay_whole() {
    let d = text("A Title\nKey points included:\n- one\n- two\n| A | B |\n|---|---|\n| x | y |\nA closing line that runs\non to a second line.\n");
    let texts: Vec<&str> = d.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "A Title",
            "Key points included:\n- one\n- two",
            "| A | B |\n|---|---|\n| x | y |",
            "A closing line that runs on to a second line."
        ]
    );
}

/// Text pasted from a PDF: lines wrapped at a width, words spaced twice. A full line goes on in
/// the next one whatever its last character; a short line ends its paragraph.
#[test]
fn text_wrapped_at_a_width_is_reflowed_into_paragraphs() {
    let body = [
        "Briefing on the harbour chiefs",
        "",
        "Question:  Next  week,  the  9th  ASEAN  Harbour  Chiefs'  Meeting  will  sit  in",
        "Hue. What matters most on its agenda this time, and who is expected to come to",
        "it from outside the region? Will the partners send their own chiefs, or will",
        "they send deputies?",
        "Answer: The agenda was set by the senior officials in March. The chiefs will look",
        "at the harbour safety network first and then at the drills planned for next year",
        "with the partners, which are still to be agreed between the navies.",
        "A short closing line.",
        "Another paragraph starts here, written as the rest of the text is, to a width",
        "that the lines keep until it ends.",
    ]
    .join("\n");
    let d = text(&body);
    let texts: Vec<&str> = d.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts.len(), 5, "{texts:#?}");
    assert!(texts[1].starts_with(
        "Question: Next week, the 9th ASEAN Harbour Chiefs' Meeting will sit in Hue. What"
    ));
    assert!(texts[1].ends_with("they send deputies?"), "{}", texts[1]);
    assert!(texts[2].starts_with("Answer:") && texts[2].ends_with("between the navies."));
    assert_eq!(texts[3], "A short closing line.");
}

/// Lines of one paragraph each, however long, are not taken for wrapped text.
#[test]
fn one_paragraph_per_line_is_not_reflowed() {
    let lines: Vec<String> = (1..=9)
        .map(|k| format!("Paragraph {k} says what the chiefs did on day {k} of the meeting, in one line of its own that runs on."))
        .collect();
    let d = text(&format!("A Title\n\n{}", lines.join("\n")));
    assert_eq!(d.paragraphs.len(), 10);
}

#[test]
fn markdown_with_and_without_front_matter() {
    let with = draft(
        "+++\nid = \"adsom-2027\"\ntitle = \"ADSOM meets\"\nsource = \"ASEAN\"\npublished = \"2027-05\"\n+++\n\n## Overview\n\nThe officials met\nin Manila.\n",
        Format::Markdown,
        &Overrides::default(),
    )
    .unwrap();
    assert_eq!(with.id.as_deref(), Some("adsom-2027"));
    assert_eq!(with.published.as_deref(), Some("2027-05"));
    assert_eq!(with.paragraphs[1].text, "The officials met\nin Manila.");
    let without = draft(
        "# ADSOM meets\n\nText.\n",
        Format::Markdown,
        &Overrides::default(),
    )
    .unwrap();
    assert_eq!(without.title, "ADSOM meets");
    assert!(without.paragraphs[0].heading);
}

#[test]
fn overrides_win_and_are_checked() {
    let o = Overrides {
        title: Some("Other".into()),
        source: Some("Me".into()),
        published: Some("2024-09-03".into()),
        url: Some("https://x.org/a".into()),
        id: Some("my-id".into()),
    };
    let d = draft("Title: T\nSource: S\n\nBody.\n", Format::Text, &o).unwrap();
    assert_eq!(
        (d.title.as_str(), d.source.as_str(), d.id.as_deref()),
        ("Other", "Me", Some("my-id"))
    );
    let bad = |o: Overrides| draft("A Title\nBody.\n", Format::Text, &o).unwrap_err();
    assert_eq!(
        bad(Overrides {
            id: Some("Bad Id".into()),
            ..Overrides::default()
        }),
        IngestError::BadId("Bad Id".into())
    );
    assert!(matches!(
        bad(Overrides {
            published: Some("soon".into()),
            ..Overrides::default()
        }),
        IngestError::BadPublished(_)
    ));
}

#[test]
fn bad_inputs_are_named() {
    assert_eq!(check_bytes(b""), Err(IngestError::Empty));
    assert_eq!(check_bytes(b"a\0b"), Err(IngestError::Binary));
    assert_eq!(check_bytes(&[0xff, 0xfe]), Err(IngestError::Binary));
    assert_eq!(
        check_bytes(&vec![b'a'; MAX_INPUT_BYTES + 1]),
        Err(IngestError::TooLarge(MAX_INPUT_BYTES + 1))
    );
    assert_eq!(
        draft("Only A Title\n", Format::Text, &Overrides::default()),
        Err(IngestError::NoText)
    );
}

/// Issue 21: an ASEAN Secretariat headline runs to 150 characters and more; a text with no
/// headline line is titled by its first sentence.
#[test]
fn long_headlines_and_headless_texts_get_titles() {
    let headline =
        "Senior Defence Officials of the Association Convene in Their Annual Meeting to Review \
                    Practical Cooperation Under the Three Year Work Programme and Its Annexes";
    assert!(headline.len() > 150);
    let d = draft(
        &format!("{headline}\n\nThe officials met on Monday in the capital.\n"),
        Format::Text,
        &Overrides::default(),
    )
    .unwrap();
    assert_eq!(d.title, headline);
    let d = draft(
        "One sentence here. Two sentences.\nThree.\n",
        Format::Text,
        &Overrides::default(),
    )
    .unwrap();
    assert_eq!(d.title, "One sentence here");
    let long = format!("{}.\n", "word ".repeat(60).trim());
    let d = draft(&long, Format::Text, &Overrides::default()).unwrap();
    assert!(
        d.title.ends_with('…') && d.title.chars().count() <= 161,
        "{}",
        d.title
    );
}

#[test]
fn the_statement_file_reads_back_with_the_same_paragraphs() {
    let d = text("A \"quoted\" Title\nBody one.\n#hashtag line.\n");
    let file = d.to_statement_file("a-title");
    let c = crate::corpus::Corpus::from_sources(&[(
        std::path::PathBuf::from("statements/a-title.md"),
        file.clone(),
    )])
    .unwrap();
    let s = &c.statements[0];
    assert_eq!(s.title, "A \"quoted\" Title");
    assert_eq!(s.source, UNKNOWN_SOURCE);
    assert!(s.paragraphs[0].heading);
    assert!(!s.paragraphs[2].heading, "{file}");
    assert_eq!(
        crate::ingest::content_hash(s.paragraphs.iter().map(|p| p.text.as_str())),
        d.content_hash()
    );
    assert_eq!(
        slug("Secretary-General of ASEAN & Lao PDR: Talks!"),
        "secretary-general-of-asean-lao-pdr-talks"
    );
}

#[test]
fn an_emphasised_byline_gives_publisher_and_date() {
    let d = draft(
        "# Retreat in Penang\n\n*Ministry of Defence Malaysia, press release, 26 February 2025*\n\nThe ministers met.\n",
        Format::Markdown,
        &Overrides::default(),
    )
    .unwrap();
    assert_eq!(d.source, "Ministry of Defence Malaysia");
    assert_eq!(d.published.as_deref(), Some("2025-02-26"));
    // An emphasised sentence is not a byline.
    let d = draft(
        "# T\n\n*Read this first.*\n\nText.\n",
        Format::Markdown,
        &Overrides::default(),
    )
    .unwrap();
    assert_eq!(d.source, UNKNOWN_SOURCE);
}

/// Real page copies (issue 21): a date stamp before the headline on the first line, and a photo
/// caption glued to the start of the lead paragraph, which was dropped whole as a caption.
#[test]
fn a_date_stamp_is_metadata_and_a_glued_caption_leaves_its_paragraph() {
    let d = draft(
        "  date 2021-03-24 Senior Officials Convene Online\n\n\
         The deputy minister at the meeting (Photo: XNA)Hanoi (XNA) – The two-day senior \
         officials' meeting opened virtually on March 24 under the chair of Brunei's permanent \
         secretary.\n\nA second paragraph follows here.\n\nCaption of a picture (Photo: XNA)\n",
        Format::Text,
        &Overrides::default(),
    )
    .unwrap();
    assert_eq!(d.title, "Senior Officials Convene Online");
    assert_eq!(d.published.as_deref(), Some("2021-03-24"));
    let texts: Vec<&str> = d.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Hanoi (XNA) – The two-day")),
        "{texts:?}"
    );
    assert!(
        !texts.iter().any(|t| t.contains("Caption of a picture")),
        "{texts:?}"
    );
}

/// Regression (real-set phrasing class "a byline for a headline"): a page whose first line is
/// "By <writer>" after the date stamp was titled with the writer's name.
#[test]
fn a_byline_is_no_title_and_no_paragraph() {
    let d = draft(
        " date 2025-03-16 By Arun Mehta\n\n\
         New Delhi, March 16 (XNA): The 15th meeting of the experts' working group will be \
         held in New Delhi next week.\n\nIndia will co-chair it.\n",
        Format::Text,
        &Overrides::default(),
    )
    .unwrap();
    assert!(d.title.starts_with("New Delhi, March 16"), "{}", d.title);
    assert!(!d.paragraphs.iter().any(|p| p.text.contains("Arun")));
    let rows = [
        ("By Arun Mehta", true),
        ("BY ARUN MEHTA AND LI WEI", true),
        ("By Jane Roe and John Doe", true),
        ("By land and sea, the drills went on.", false),
        ("By 2026 the centre will be operational", false),
        ("Byline", false),
    ];
    for (line, expected) in rows {
        assert_eq!(is_byline(line), expected, "{line}");
    }
}

/// Regression (real-set phrasing class "a paragraph closing on a single quotation mark"): a
/// body paragraph whose last sentence is quoted between single marks ("… the 'Harbour
/// Initiative.'") is text, not a headline; a heading ending on a plural's possessive stays one.
#[test]
fn a_paragraph_closing_on_a_single_quote_is_text() {
    for close in ["'", "’"] {
        let d = text(&format!(
            "Headline\n\nHe proposed the 'Harbour Initiative for Safe Ports.{close}\n"
        ));
        assert_eq!(d.title, "Headline", "{close}");
        let body: Vec<_> = d.paragraphs.iter().filter(|p| !p.heading).collect();
        assert_eq!(body.len(), 1, "{close}");
        assert!(body[0].text.starts_with("He proposed"), "{close}");
    }
    let d = text("Headline\n\nMeeting of the Harbour Chiefs'\n\nThe chiefs met on Monday.\n");
    let chiefs = d.paragraphs.iter().find(|p| p.text.ends_with("Chiefs'"));
    assert!(chiefs.is_some_and(|p| p.heading), "{:?}", d.paragraphs);
}
