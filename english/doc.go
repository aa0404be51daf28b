// Package english holds what alam needs to read English text beside
// Arabic: the possessive split that lets the gazetteer match "Kuwait" in
// "Kuwait's", and the English stop words of keywords and language
// identification: the Snowball project's English list (BSD 3-Clause, see
// LICENSE.snowball) with the news words and verbs of saying alam adds to
// it (IsStopWord, IsSayingVerb).
//
// English text is tokenized by the arabic package's tokenizer, which
// already cuts Latin-script words, numbers and punctuation with offsets in
// bytes and code points into the original text and lower-cases Latin
// words in Token.Norm; the English analysis is an *arabic.Analysis, so
// the gazetteer matcher, the rules and keywords read both languages
// through one token view (Kind, byte and code-point Offsets, Norm).
//
// prose (github.com/jdkato/prose/v2) is not used, not even for tokens:
// its tokens carry a text and no offsets, and that text is not always a
// piece of the original (curly quotes and ’s come back straight), so
// offsets could not be found again; its sentence segmenter, tagger and
// entity model load their models on each document and cost one to three
// orders of magnitude more than alam's whole extractor. BenchmarkEnglish
// and TestProseSpans in cmd/alam-bench measure and check this; the
// figures are in docs/QUALITY.md.
package english
