//! Statements in: pasted text, Markdown and HTML turned into the corpus statement format.

pub mod html;
