// Package extract is the frame that annotates an article: Config, New and
// the stages in flow order, each a pipeline.Stage that documents which
// Document fields it fills:
//
//	Analyze   doc.Analysis (*arabic.Analysis), doc.Stats, doc.Lang
//	Entities  doc.Mentions, doc.Entities (package entities)
//	Topics    doc.Topics (package topics)
//	Keywords  doc.Keywords (package keywords)
//
// New compiles what the stages share (the gazetteer's matcher, the rules'
// word lists) once; the Extractor is immutable and safe for concurrent
// use. Its Stage runs the stages in order, and Annotate does the same on a
// text.
//
// Mention offsets count code points into the document's text (Start, End)
// and bytes (ByteStart, ByteEnd); a leading clitic stays outside a mention.
package extract
