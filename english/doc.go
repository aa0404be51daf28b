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
// through one token view. prose (github.com/jdkato/prose/v2) is not used:
// its fixed cost per document (9.5 ms with segmentation alone) is more
// than the whole extractor spends on a news article.
package english
