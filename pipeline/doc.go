// Package pipeline runs the analysis of articles: it holds the Document
// that carries one article and its results, the one-method Stage interface,
// the concurrent runner, the sources that make Documents, the Read and
// Decode stages, and the encoders that write the results.
//
// # Data flow
//
// A source yields Documents: Files walks files and directories and yields
// one Document per file with only its Path set; Reader yields one Document
// with the Raw bytes of a stream such as standard input; JSONLines yields
// one Document per record with its Text already set. A source never fails:
// a path that does not exist or a line that is not valid JSON becomes a
// Document with Err set.
//
// Run pulls the Documents and hands each to a Stage on one of a fixed
// number of worker goroutines. The Stage is usually a Chain: Read loads
// Path into Raw (so that file input happens on the workers, in parallel),
// Decode turns Raw into Text (UTF-8, UTF-16, windows-1256 or ISO-8859-6,
// detected or named), and the analysis stages of other packages fill Lang,
// Stats, Mentions, Entities, Topics and Keywords. Every offset they record
// refers to Text, which no stage changes after Decode.
//
// Run passes each finished Document to an emit function, called by one of
// its workers at a time, in input order unless told otherwise, typically to
// an Encoder's Encode: NewJSONLines writes one JSON object per line,
// NewJSONArray one indented JSON array. A Document that failed at any step
// is still emitted, with Err set to an *Error that names its source, and its
// record carries the error text: one record out for every article in.
//
// The runner holds a bounded number of documents in flight (a slot each,
// the finished ones in a ring until they go out), so memory does not grow
// with the number of articles, and it stops cleanly when its context is
// cancelled.
//
// This package knows nothing of Arabic beyond the code pages it decodes;
// the analysis stages live elsewhere.
package pipeline
