// Package extract holds the stages that annotate an article: analysis,
// named entities and their resolution, and (through its subpackages)
// topics and keywords. Each stage is a pipeline.Stage and documents which
// Document fields it fills:
//
//	Analyze   doc.Analysis (*arabic.Analysis), doc.Stats, doc.Lang
//	Entities  doc.Mentions, doc.Entities
//
// New compiles what the stages share (the gazetteer's matcher, the rules'
// word lists) once; the Extractor is immutable and safe for concurrent
// use, and its Stage runs them all in order.
//
// Entities come from three sources, resolved together: the names of the
// gazetteer and the demonyms of its countries (source "gazetteer"); rules
// for names the gazetteer lacks (source "rule"): a title or role before two
// to four name words (الرئيس، الوزير، الشيخ، الجنرال، المتحدث باسم …), an
// organization's head with its complement (وزارة الخارجية الكويتية), a
// place's head before its name (مدينة الموصل), a known given name followed
// by more name words; and short forms that refer back to a person named
// earlier (آلن after جون آلن). The word lists live in data/ and are
// embedded.
//
// Mention offsets count code points into the document's text (Start, End)
// and bytes (ByteStart, ByteEnd); a leading clitic stays outside a mention.
package extract
