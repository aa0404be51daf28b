// Package arabic analyzes Arabic text the same way for gazetteer keys and
// for articles: normalization that keeps a map back to the original text,
// tokens, sentences, clitic segmentation, a light stemmer and stop words.
//
// Every offset the package returns points into the original text, in bytes
// (Start, End) and in Unicode code points (RuneStart, RuneEnd), end
// exclusive. Normalized forms are only ever compared, never sliced to
// report a position.
//
// The usual flow is:
//
//	a := arabic.Analyze(text)             // tokens and sentences
//	for _, tok := range a.Tokens {
//		tok.Norm                          // the normalized form to match
//		arabic.Segment(text, tok)         // readings without clitics, with offsets
//		arabic.Stem(tok.Norm)             // light10 stem, for topic lexicons
//		arabic.IsStopWord(tok.Norm)
//	}
//
// Normalization (see Fold for each step and the exact code points) is NFKC,
// then the removal of tashkeel, tatweel and invisible controls, then the
// letter folds أ إ آ ٱ → ا, ى ی → ي, ک → ك, ة → ه and the digits ٠–٩ ۰–۹ →
// 0–9, and lower case. Default holds them all; hamza seats (ؤ ئ) are kept.
//
// Normalizers and Tokenizers are immutable and safe for concurrent use.
// The package-level functions use the Default folds.
package arabic
