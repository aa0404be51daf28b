package arabic

import "unicode"

// Fold is a set of normalization steps, combined with |. Each step is
// documented with the exact code points it changes. Normalization applies
// NFKC first (when chosen) to each segment of a base letter and the marks
// that follow it, then the removals and folds below to each resulting rune,
// so the order in which steps are listed does not matter.
type Fold uint32

const (
	// NFKC applies Unicode compatibility composition: Arabic presentation
	// forms (U+FB50–U+FDFF, U+FE70–U+FEFF) and ligatures such as ﻻ become
	// plain letters, a base letter with a combining hamza or madda becomes
	// the precomposed letter (ا + U+0654 → أ), and other compatibility
	// characters fold too (… → ..., full-width Latin → ASCII).
	NFKC Fold = 1 << iota
	// StripTashkeel removes the harakat and other Arabic marks U+064B–U+065F
	// and the superscript alef U+0670.
	StripTashkeel
	// StripTatweel removes the tatweel (kashida) U+0640.
	StripTatweel
	// StripControls removes the invisible format characters: the bidi
	// controls U+200E, U+200F, U+061C, U+202A–U+202E and U+2066–U+2069,
	// ZWNJ U+200C, ZWJ U+200D, and the BOM (zero-width no-break space) U+FEFF.
	StripControls
	// FoldAlef folds the hamza and madda alefs أ U+0623, إ U+0625, آ U+0622
	// and the wasla alef ٱ U+0671 to the bare alef ا U+0627.
	FoldAlef
	// FoldYeh folds the alef maksura ى U+0649 and the Persian yeh ی U+06CC
	// to yeh ي U+064A.
	FoldYeh
	// FoldKaf folds the Persian keheh ک U+06A9 to kaf ك U+0643.
	FoldKaf
	// FoldTehMarbuta folds the teh marbuta ة U+0629 to heh ه U+0647.
	FoldTehMarbuta
	// FoldDigits folds the Arabic-Indic digits ٠–٩ U+0660–U+0669 and the
	// extended (Persian) digits ۰–۹ U+06F0–U+06F9 to the ASCII digits 0–9.
	FoldDigits
	// FoldCase lower-cases letters with simple case mapping
	// (unicode.ToLower), so that English aliases match whatever the case.
	FoldCase
	// FoldHamzaSeats folds the hamza seats ؤ U+0624 → و U+0648 and
	// ئ U+0626 → ي U+064A. It is not part of Default: رئيس and رييس are
	// different spellings in edited news, and the fold merges real words.
	FoldHamzaSeats
)

// Default is the set of folds used for matching keys and for the tokens'
// normalized forms: every step except FoldHamzaSeats.
const Default = NFKC | StripTashkeel | StripTatweel | StripControls |
	FoldAlef | FoldYeh | FoldKaf | FoldTehMarbuta | FoldDigits | FoldCase

// Named letters and marks, as in the Unicode names.
const (
	alef              = '\u0627'
	alefMadda         = '\u0622'
	alefHamzaAbove    = '\u0623'
	alefHamzaBelow    = '\u0625'
	alefWasla         = '\u0671'
	wawHamza          = '\u0624'
	yehHamza          = '\u0626'
	tehMarbuta        = '\u0629'
	heh               = '\u0647'
	waw               = '\u0648'
	alefMaksura       = '\u0649'
	yeh               = '\u064A'
	farsiYeh          = '\u06CC'
	kaf               = '\u0643'
	keheh             = '\u06A9'
	tatweel           = '\u0640'
	superscriptAlef   = '\u0670'
	tashkeelFirst     = '\u064B' // fathatan
	tashkeelLast      = '\u065F' // wavy hamza below
	arabicIndicZero   = '\u0660'
	arabicIndicNine   = '\u0669'
	extendedZero      = '\u06F0'
	extendedNine      = '\u06F9'
	arabicLetterMark  = '\u061C'
	zwnj              = '\u200C'
	zwj               = '\u200D'
	lrm               = '\u200E'
	rlm               = '\u200F'
	byteOrderMark     = '\uFEFF'
	bidiEmbedFirst    = '\u202A' // LRE; through RLO U+202E
	bidiEmbedLast     = '\u202E'
	bidiIsolateFirst  = '\u2066' // LRI; through PDI U+2069
	bidiIsolateLast   = '\u2069'
	presentationAFrom = '\uFB50'
	presentationATo   = '\uFDFF'
	presentationBFrom = '\uFE70'
	presentationBTo   = '\uFEFF'
)

// isControl reports whether r is one of the invisible format characters
// that StripControls removes.
func isControl(r rune) bool {
	switch {
	case r == lrm, r == rlm, r == arabicLetterMark, r == zwnj, r == zwj, r == byteOrderMark:
		return true
	case r >= bidiEmbedFirst && r <= bidiEmbedLast:
		return true
	case r >= bidiIsolateFirst && r <= bidiIsolateLast:
		return true
	}
	return false
}

// isTashkeel reports whether r is a mark that StripTashkeel removes.
func isTashkeel(r rune) bool {
	return r >= tashkeelFirst && r <= tashkeelLast || r == superscriptAlef
}

// ignorable reports whether f removes r outright (not as the result of a
// composition), so that r can be skipped when it separates a base letter
// from its marks.
func (f Fold) ignorable(r rune) bool {
	return f&StripControls != 0 && isControl(r) || f&StripTatweel != 0 && r == tatweel
}

// foldRune applies the removals and letter folds of f (all but NFKC) to one
// rune. It returns -1 when the rune is removed.
func (f Fold) foldRune(r rune) rune {
	switch {
	case r < 0x80:
		if f&FoldCase != 0 && 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	case f&StripTashkeel != 0 && isTashkeel(r):
		return -1
	case f.ignorable(r):
		return -1
	}
	switch r {
	case alefHamzaAbove, alefHamzaBelow, alefMadda, alefWasla:
		if f&FoldAlef != 0 {
			return alef
		}
	case alefMaksura, farsiYeh:
		if f&FoldYeh != 0 {
			return yeh
		}
	case keheh:
		if f&FoldKaf != 0 {
			return kaf
		}
	case tehMarbuta:
		if f&FoldTehMarbuta != 0 {
			return heh
		}
	case wawHamza:
		if f&FoldHamzaSeats != 0 {
			return waw
		}
	case yehHamza:
		if f&FoldHamzaSeats != 0 {
			return yeh
		}
	}
	if f&FoldDigits != 0 {
		if r >= arabicIndicZero && r <= arabicIndicNine {
			return '0' + r - arabicIndicZero
		}
		if r >= extendedZero && r <= extendedNine {
			return '0' + r - extendedZero
		}
	}
	if f&FoldCase != 0 {
		return unicode.ToLower(r)
	}
	return r
}
