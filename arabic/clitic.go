package arabic

import (
	"strings"
	"unicode/utf8"
)

// Segmentation is one reading of a word as proclitics, a stem and an
// enclitic pronoun. All strings are normalized.
type Segmentation struct {
	// Proclitics are the letters removed before the stem, in order: "",
	// "و", "ف", "ب", "وب", "ل", "وال", "لل" … The article ال is here when it
	// was removed, and not when the stem keeps it.
	Proclitics string
	// Stem is what remains. After the contraction لل (ل + ال) the stem
	// gets its alef back: للتحالف gives the stem التحالف, whose original
	// text is لتحالف.
	Stem string
	// Enclitic is the pronoun removed after the stem: ه ها هم هما هن ك كم كن
	// ي نا, or "".
	Enclitic string
	// Offsets locate the stem's letters in the original text.
	Offsets
}

// Stripped returns the number of letters removed from the word.
func (s Segmentation) Stripped() int {
	return utf8.RuneCountInString(s.Proclitics) + utf8.RuneCountInString(s.Enclitic)
}

// The clitics, normalized with the Default folds.
var (
	conjunctions = []string{"", "و", "ف"}           // "" for none
	particles    = []string{"", "ب", "ل", "ك", "س"} // "" for none
	enclitics    = []string{"هما", "ها", "هم", "هن", "كم", "كن", "نا", "ه", "ك", "ي"}
)

const (
	maxCuts   = 11 // the end of the word, and one cut per enclitic
	article   = "ال"
	lam       = "ل"
	minLetter = 2 // no stem is shorter
)

// Segment returns the segmentations of token tok of text, normalized with
// the Default folds. See Tokenizer.Segment.
func Segment(text string, tok Token) []Segmentation {
	return defaultTokenizer.AppendSegments(nil, text, tok)
}

// AppendSegments appends to dst the segmentations Segment returns and
// returns the extended slice: with a buffer the caller keeps, reading a
// token's clitics allocates nothing.
func AppendSegments(dst []Segmentation, text string, tok Token) []Segmentation {
	return defaultTokenizer.AppendSegments(dst, text, tok)
}

// Segment returns the candidate segmentations of a word token tok of text:
// first the whole word, then the readings that remove clitics, from the
// least to the most stripped. The proclitics come in this order: a
// conjunction و or ف, then a particle ب ل ك or س (س only before the
// prefixes of the imperfect ي ت ن ا), then the article ال; the contraction
// لل counts as ل + ال. At most one enclitic pronoun is removed; a final ه
// that is a teh marbuta ة in the original is not a pronoun. No stem is
// shorter than two letters, and no reading cuts through a ligature. Tokens
// that are not Arabic words have one
// segmentation, the whole token.
//
// These are candidates only: a gazetteer or a lexicon decides which reading
// holds.
func (t *Tokenizer) Segment(text string, tok Token) []Segmentation {
	return t.AppendSegments(nil, text, tok)
}

// AppendSegments appends the segmentations of tok to dst, as Segment
// returns them, and returns the extended slice.
func (t *Tokenizer) AppendSegments(dst []Segmentation, text string, tok Token) []Segmentation {
	return t.AppendSegmentsWith(dst, text, tok, SegmentOptions{})
}

// SegmentOptions narrow the readings of AppendSegmentsWith. The zero value
// keeps them all. Matchers use them to skip the cost of locating stems
// they do not want.
type SegmentOptions struct {
	// Keep, if not nil, keeps only the readings, after the whole word,
	// whose stem it accepts.
	Keep func(stem string) bool
	// NoEnclitics leaves out the readings that remove an enclitic.
	NoEnclitics bool
}

// AppendSegmentsWith is AppendSegments keeping only the readings that opt
// allows. The whole word always comes first.
func (t *Tokenizer) AppendSegmentsWith(dst []Segmentation, text string, tok Token, opt SegmentOptions) []Segmentation {
	w := tok.Norm
	first := len(dst)
	dst = append(dst, Segmentation{Stem: w, Offsets: tok.Offsets})
	if tok.Kind != Word || utf8.RuneCountInString(w) < minLetter+1 || !mayHaveClitic(w, !opt.NoEnclitics) {
		return dst
	}
	s := segmenter{t: t, tok: tok, orig: tok.Text(text), w: w, keep: opt.Keep}
	cuts, ncuts := [maxCuts]int{len(w)}, 1
	if !opt.NoEnclitics {
		cuts, ncuts = encliticCuts(s.orig, w)
	}
	for _, to := range cuts[:ncuts] {
		for _, conj := range conjunctions {
			if !strings.HasPrefix(w[:to], conj) {
				continue
			}
			for _, part := range particles {
				from := len(conj) + len(part)
				if from >= to || !strings.HasPrefix(w[len(conj):to], part) {
					continue
				}
				rest := w[from:to]
				if part == "س" && !startsWithAny(rest, "ي", "ت", "ن", "ا") {
					continue
				}
				if seg, ok := s.reading(w[:from], rest, from, to); ok {
					dst = append(dst, seg)
				}
				switch {
				case part == lam && strings.HasPrefix(rest, lam):
					// لل: the particle ل and the article without its alef.
					if seg, ok := s.reading(w[:from], "ا"+rest, from, to); ok {
						dst = append(dst, seg)
					}
					if seg, ok := s.reading(w[:from+len(lam)], rest[len(lam):], from+len(lam), to); ok {
						dst = append(dst, seg)
					}
				case strings.HasPrefix(rest, article):
					if seg, ok := s.reading(w[:from+len(article)], rest[len(article):], from+len(article), to); ok {
						dst = append(dst, seg)
					}
				}
			}
		}
	}
	sortByStripped(dst[first:])
	return dst
}

// segmenter makes the readings of one word; the caller appends them (a
// segmenter holding the caller's slice would make it escape to the heap).
type segmenter struct {
	t       *Tokenizer
	tok     Token
	orig, w string // the word's original text and normalized form
	keep    func(string) bool
}

// reading returns the reading that keeps w[from:to] (or stem, when the
// article was restored), and whether it is long enough and wanted.
func (s *segmenter) reading(procl, stem string, from, to int) (Segmentation, bool) {
	if utf8.RuneCountInString(s.w[from:to]) < minLetter || from == 0 && to == len(s.w) || s.keep != nil && !s.keep(stem) {
		return Segmentation{}, false
	}
	start, end, ok := s.t.norm.origSpan(s.orig, from, to)
	if !ok {
		return Segmentation{}, false
	}
	seg := Segmentation{Proclitics: procl, Stem: stem, Enclitic: s.w[to:], Offsets: Offsets{
		Start:     s.tok.Start + start,
		End:       s.tok.Start + end,
		RuneStart: s.tok.RuneStart + utf8.RuneCountInString(s.orig[:start]),
	}}
	seg.RuneEnd = seg.RuneStart + utf8.RuneCountInString(s.orig[start:end])
	return seg, true
}

// mayHaveClitic reports whether w starts with a proclitic letter or, when
// enclitics count, ends with the last letter of an enclitic.
func mayHaveClitic(w string, enclitics bool) bool {
	first, _ := utf8.DecodeRuneInString(w)
	switch first {
	case 'و', 'ف', 'ب', 'ل', 'ك', 'س', 'ا':
		return true
	}
	if !enclitics {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(w)
	switch last {
	case 'ه', 'ا', 'م', 'ن', 'ك', 'ي':
		return true
	}
	return false
}

// encliticCuts returns where the stem may end in w: at its end, and before
// each enclitic pronoun that w ends with.
func encliticCuts(orig, w string) ([maxCuts]int, int) {
	var cuts [maxCuts]int
	cuts[0] = len(w)
	n := 1
	letters := utf8.RuneCountInString(w)
	for _, e := range enclitics {
		if !strings.HasSuffix(w, e) || letters-utf8.RuneCountInString(e) < minLetter {
			continue
		}
		if e == "ه" && endsWithTehMarbuta(orig) {
			continue // a teh marbuta, not the pronoun
		}
		cuts[n] = len(w) - len(e)
		n++
	}
	return cuts, n
}

// endsWithTehMarbuta reports whether the last letter of word is a teh
// marbuta, plain or in a presentation form.
func endsWithTehMarbuta(word string) bool {
	for len(word) > 0 {
		r, size := utf8.DecodeLastRuneInString(word)
		switch c := classOf(r); {
		case r == tehMarbuta, r == '\uFE93', r == '\uFE94':
			return true
		case c == clsMark, c == clsControl, c == clsTatweel:
			word = word[:len(word)-size]
		default:
			return false
		}
	}
	return false
}

func startsWithAny(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// sortByStripped orders segmentations by the number of letters removed,
// keeping the order of equals (insertion sort: the lists are short).
func sortByStripped(segs []Segmentation) {
	for i := 1; i < len(segs); i++ {
		for j := i; j > 0 && segs[j].Stripped() < segs[j-1].Stripped(); j-- {
			segs[j], segs[j-1] = segs[j-1], segs[j]
		}
	}
}

// origSpan maps the normalized byte offsets [from, to) of n's
// normalization of s back to byte offsets of s. Removed characters at the
// edges stay outside, marks after a letter stay with it. It reports false
// when from or to falls inside the output of one original segment (a
// ligature such as ﻻ), which no span of s matches exactly.
func (n *Normalizer) origSpan(s string, from, to int) (start, end int, ok bool) {
	var buf [32]byte
	start = -1
	out := 0
	for i := 0; i < len(s); {
		seg, j := n.segment(buf[:0], s, i)
		if len(seg) > 0 {
			next := out + len(seg)
			if start < 0 && next > from {
				if out != from {
					return 0, 0, false
				}
				start = i
			}
			if next >= to {
				return start, j, next == to
			}
			out = next
		}
		i = j
	}
	return 0, 0, false
}
