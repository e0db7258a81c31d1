//! HTML of a saved news or ministry page → the pasted-text form `draft` reads (main text only).
