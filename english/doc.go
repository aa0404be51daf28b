// Package english holds what alam needs to read English text beside
// Arabic: the possessive split that lets the gazetteer match "Kuwait" in
// "Kuwait's", and the English stop words of keywords and language
// identification: the Snowball project's English list (BSD 3-Clause, see
// LICENSE.snowball) with the news words and verbs of saying alam adds to
// it (IsStopWord, IsSayingVerb).
//
// English text is first tokenized by the arabic package's tokenizer,
// which cuts Latin-script words, numbers and punctuation with offsets in
// bytes and code points into the original text and lower-cases Latin
// words in Token.Norm; once an article is known to be English, an
// Analyzer refines those tokens with the cuts of prose's tokenizer
// (github.com/jdkato/prose/v2): the contractions do|n't, they|'ll, and
// whatever else prose cuts inside one of alam's tokens. The offsets are
// alam's own, found by aligning prose's token texts with the text (prose
// gives none, and writes curly quotes straight). The English analysis is
// an *arabic.Analysis, so the gazetteer matcher, the rules and keywords
// read both languages through one token view (Kind, byte and code-point
// Offsets, Norm). prose's sentence segmenter, tagger and entity model are
// not used: BenchmarkEnglish, BenchmarkEnglishSentences and
// BenchmarkEnglishNames in cmd/alam-bench measure them; the figures are
// in docs/QUALITY.md.
package english
