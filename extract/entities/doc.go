// Package entities finds the people, countries, places and organizations
// named in an analyzed Arabic text (an *arabic.Analysis): pure functions of
// the analysis and of a Recognizer built once.
//
// Mentions come from three sources, resolved together: the names of the
// gazetteer and the demonyms of its countries (source "gazetteer"); rules
// for names the gazetteer lacks (source "rule"): a title or role before two
// to four name words (الرئيس، الوزير، الشيخ، الجنرال، المتحدث باسم …), an
// organization's head with its complement (وزارة الخارجية الكويتية), a
// place's head before its name (مدينة الموصل), a known given name followed
// by more name words, a name after a verb of saying; and short forms that
// refer back to a person named earlier (آلن after جون آلن). The word lists
// live in data/ and are embedded.
package entities
