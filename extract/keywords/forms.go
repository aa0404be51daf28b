package keywords

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
)

// form is one written form of a group.
type form struct {
	// norm locates the normalized surface in extractor.normBuf, to count
	// forms (see mergeForms): bytes [normStart, normEnd).
	normStart, normEnd int
	start, end         int // code points of its first occurrence
	text               string
	count              int
	initial            bool // English: the capitalized first word of a sentence
}

// form returns the written form of g to show: the most frequent one, ties
// to the first. The occurrences are counted by their text, and the texts
// normalized only when there are several.
func (x *extractor) form(g *group) form {
	x.forms = x.forms[:0]
	toks := x.a.Tokens
	x.eachOccurrence(g, func(k, j int) {
		start, runeStart := toks[k].Start, toks[k].RuneStart
		if s, rs, ok := x.withoutConjunction(k); ok {
			start, runeStart = s, rs
		}
		text := x.a.Text[start:toks[j].End]
		if i := x.formOf(text); i >= 0 {
			x.forms[i].count++
			return
		}
		x.forms = append(x.forms, form{start: runeStart, end: toks[j].RuneEnd, text: text, count: 1,
			initial: x.english && (x.initial[k] || allCaps(text))})
	})
	if len(x.forms) > 1 {
		x.mergeForms()
	}
	best := x.forms[0]
	if x.english && g.words == 1 && x.isName[g.first] {
		for _, f := range x.forms[1:] {
			if f.end-f.start > best.end-best.start {
				best = f
			}
		}
		return best
	}
	for _, f := range x.forms[1:] {
		if f.count > best.count {
			best = f
		}
	}
	return best
}

// onlyInitial reports whether every occurrence of g is the capitalized
// first word of a sentence (English only).
func (x *extractor) onlyInitial(g *group) bool {
	all := true
	x.eachOccurrence(g, func(k, _ int) { all = all && x.initial[k] })
	return all
}

// formOf returns the index of the form written text, or -1.
func (x *extractor) formOf(text string) int {
	for i := range x.forms {
		if x.forms[i].text == text {
			return i
		}
	}
	return -1
}

// mergeForms counts each form with the first form that normalizes the
// same way, and drops it. The forms stay in the order of their first
// occurrence. In English, case is folded too, and a form written inside a
// sentence takes the place of one written only first in a sentence.
func (x *extractor) mergeForms() {
	kept := x.forms[:0]
	x.normBuf = x.normBuf[:0]
next:
	for _, f := range x.forms {
		f.normStart = len(x.normBuf)
		if x.english {
			x.normBuf = append(x.normBuf, strings.ToLower(arabic.Normalize(f.text))...)
		} else {
			x.normBuf = arabic.AppendNormalized(x.normBuf, f.text)
		}
		f.normEnd = len(x.normBuf)
		norm := x.normBuf[f.normStart:f.normEnd]
		for i := range kept {
			if string(x.normBuf[kept[i].normStart:kept[i].normEnd]) == string(norm) {
				kept[i].count += f.count
				if kept[i].initial && !f.initial {
					f.count = kept[i].count
					kept[i] = f
				}
				continue next
			}
		}
		kept = append(kept, f)
	}
	x.forms = kept
}

// withoutConjunction returns where token k starts without a leading
// conjunction و or ف (see Extract), in bytes and code points.
func (x *extractor) withoutConjunction(k int) (int, int, bool) {
	t := x.a.Tokens[k]
	if t.Kind != arabic.Word || !strings.HasPrefix(t.Norm, "و") && !strings.HasPrefix(t.Norm, "ف") {
		return 0, 0, false
	}
	conj, rest := t.Norm[:len("و")], t.Norm[len("و"):]
	article := strings.HasPrefix(rest, "ال") && utf8.RuneCountInString(rest) >= 4
	if !article && !x.isWord(rest) {
		return 0, 0, false
	}
	x.segs = arabic.AppendSegments(x.segs[:0], x.a.Text, t)
	for _, seg := range x.segs {
		if seg.Proclitics == conj && seg.Enclitic == "" {
			return seg.Start, seg.RuneStart, true
		}
	}
	return 0, 0, false
}

// isWord reports whether the article writes norm as a word of its own, of
// two letters or more. It is a linear search, needed for the first tokens
// of the chosen phrases only, and its answers are kept: a phrase met
// thousands of times asks it about the same word each time (it took
// seconds on a 900 KB article).
func (x *extractor) isWord(norm string) bool {
	if found, ok := x.known[norm]; ok {
		return found
	}
	found := false
	for k, t := range x.a.Tokens {
		if t.Norm == norm && x.usable(k) {
			found = true
			break
		}
	}
	if x.known == nil {
		x.known = make(map[string]bool)
	}
	x.known[norm] = found
	return found
}

// allCaps reports whether text has two letters or more, all upper case
// (KUWAIT CITY in a dateline): in English, a form to show only when the
// article has no other.
func allCaps(text string) bool {
	letters := 0
	for _, r := range text {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}
