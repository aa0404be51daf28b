// Package english holds what alam needs to read English text beside
// Arabic: the possessive split that lets the gazetteer match "Kuwait" in
// "Kuwait's", and the English stop words of keywords and language
// identification.
//
// English text is tokenized by the arabic package's tokenizer, which
// already cuts Latin-script words, numbers and punctuation with offsets in
// bytes and code points into the original text and lower-cases Latin
// words in Token.Norm; the English analysis is an *arabic.Analysis, so
// the gazetteer matcher, the rules and keywords read both languages
// through one token view (Kind, byte and code-point Offsets, Norm).
//
// prose (github.com/jdkato/prose/v2) is not used. BenchmarkEnglish in
// cmd/alam-bench measures it beside the whole extractor in one run:
// alam 3.98 MB/s (0.18 ms an article); prose's NewDocument 7.5 MB/s for
// tokens alone, which alam already has, but 14 ms an article with
// sentences, 227 ms with tags and 405 ms with entities.
package english
