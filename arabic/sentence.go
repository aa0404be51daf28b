package arabic

import (
	"strings"
	"unicode/utf8"
)

// Sentence is a sentence of a tokenized text.
type Sentence struct {
	// Offsets run from the start of the sentence's first token to the end
	// of its last, in the original text.
	Offsets
	// FirstToken and EndToken delimit the sentence's tokens:
	// tokens[FirstToken:EndToken].
	FirstToken, EndToken int
}

// Sentences splits a tokenized text into sentences. The sentences are in
// order, do not overlap, hold every token, and only spaces and controls lie
// between them. A sentence ends:
//
//   - at a line or paragraph break;
//   - after . ! ? ؟ or a run of them (؟! ...), together with the closing
//     quotes and brackets right after it (» ” ) ] }), except after an
//     abbreviation: a period after a single letter (د. before a name, م. and
//     هـ. after a year, U.S.) or after Dr Mr Mrs Ms Prof St Jr Gen;
//   - not at an ellipsis (.. ... …) inside a line, which in Arabic news
//     marks a pause more often than an end.
//
// Numbers such as 3.5 and 10/28/2014 are single tokens, so they never
// split a sentence.
func Sentences(text string, tokens []Token) []Sentence {
	var out []Sentence
	if len(tokens) > 0 {
		// News sentences run to 20 or 30 tokens: one allocation for most
		// texts, a few more for the rare one of short lines.
		out = make([]Sentence, 0, len(tokens)/12+1)
	}
	first := 0
	for k := 0; k < len(tokens); k++ {
		end := k+1 == len(tokens) || lineBreakBetween(text, tokens[k].End, tokens[k+1].Start)
		if !end && endsSentence(text, tokens, k) {
			// Keep the closing quotes and brackets that follow.
			for k+1 < len(tokens) && isCloser(text, tokens, k+1) && !lineBreakBetween(text, tokens[k].End, tokens[k+1].Start) {
				k++
			}
			end = true
		}
		if end {
			out = append(out, sentence(tokens, first, k+1))
			first = k + 1
		}
	}
	return out
}

func sentence(tokens []Token, first, end int) Sentence {
	a, b := tokens[first], tokens[end-1]
	return Sentence{
		Offsets:    Offsets{Start: a.Start, End: b.End, RuneStart: a.RuneStart, RuneEnd: b.RuneEnd},
		FirstToken: first,
		EndToken:   end,
	}
}

// lineBreakBetween reports whether text[from:to] holds a line break. The
// space between two tokens is mostly ASCII: its bytes are looked at one by
// one, and the rest from the first other byte on is searched for the
// other breaks.
func lineBreakBetween(text string, from, to int) bool {
	for i := from; i < to; i++ {
		switch c := text[i]; {
		case c == '\n', c == '\r', c == '\v', c == '\f':
			return true
		case c >= utf8.RuneSelf:
			return strings.ContainsAny(text[i:to], lineBreaks)
		}
	}
	return false
}

// lineBreaks are the line breaks that lineBreakBetween finds.
const lineBreaks = "\n\r\v\f\u0085\u2028\u2029"

// endsSentence reports whether token k ends a sentence within a line.
func endsSentence(text string, tokens []Token, k int) bool {
	t := tokens[k]
	if t.Kind != Punct {
		return false
	}
	s := t.Text(text)
	strong := false
	for _, r := range s {
		switch {
		case r == '.' || r == '…':
		case isSentenceEnd(r):
			strong = true
		default:
			return false // marks after the punctuation, or another mark
		}
	}
	if !strong {
		if s != "." {
			return false // an ellipsis
		}
		if k > 0 && tokens[k-1].End == t.Start && isAbbreviation(tokens[k-1]) {
			return false
		}
	}
	return true
}

// isSentenceEnd reports whether r ends a sentence: . ! ? ؟ … and their
// full-width forms.
func isSentenceEnd(r rune) bool {
	switch r {
	case '.', '!', '?', '؟', '…', '！', '？', '。':
		return true
	}
	return false
}

// isAbbreviation reports whether a period after t marks an abbreviation.
func isAbbreviation(t Token) bool {
	if !t.Kind.IsWord() {
		return false
	}
	if utf8.RuneCountInString(t.Norm) == 1 {
		return true
	}
	switch t.Norm {
	case "dr", "mr", "mrs", "ms", "prof", "st", "jr", "gen":
		return true
	}
	return false
}

// isCloser reports whether token k closes a quotation or a bracket right
// after the sentence end before it.
func isCloser(text string, tokens []Token, k int) bool {
	t := tokens[k]
	if t.Kind != Punct {
		return false
	}
	adjacent := tokens[k-1].End == t.Start
	for _, r := range t.Text(text) {
		switch r {
		case '»', '”', '’', '›', ')', ']', '}', '）':
		case '"', '\'':
			if !adjacent {
				return false // more likely opens the next sentence
			}
		default:
			return false
		}
	}
	return true
}
