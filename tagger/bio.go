package tagger

import "strings"

// typeOf returns the entity type of a BIO label and whether it begins an
// entity: "B-PERS" gives ("PERS", true), "I-LOC" ("LOC", false), "O" ("", false).
func typeOf(label string) (typ string, begin bool) {
	switch {
	case strings.HasPrefix(label, "B-"):
		return label[2:], true
	case strings.HasPrefix(label, "I-"):
		return label[2:], false
	}
	return "", false
}

// allowed reports whether label cur may follow label prev in a BIO
// sequence; prev is "" at the start of a sentence. An I-X label continues
// only a B-X or I-X.
func allowed(prev, cur string) bool {
	typ, begin := typeOf(cur)
	if typ == "" || begin {
		return true
	}
	ptyp, _ := typeOf(prev)
	return ptyp == typ
}

// ToBIO rewrites a label sequence in IO or BIO form into strict BIO: an I-X
// that does not continue an X becomes B-X. Labels without a B-/I- prefix
// other than "O" are kept as they are.
func ToBIO(labels []string) []string {
	out := make([]string, len(labels))
	prev := ""
	for i, l := range labels {
		if !allowed(prev, l) {
			typ, _ := typeOf(l)
			l = "B-" + typ
		}
		out[i] = l
		prev = l
	}
	return out
}

// Span is an entity found by decoding: tokens [Start, End) of type Type.
type Span struct {
	Start, End int
	Type       string
}

// Spans groups a BIO label sequence into entity spans.
func Spans(labels []string) []Span { return AppendSpans(nil, labels) }

// AppendSpans appends the spans of labels (see Spans) to dst and returns
// the extended slice.
func AppendSpans(dst []Span, labels []string) []Span {
	out := dst
	for i := 0; i < len(labels); i++ {
		typ, _ := typeOf(labels[i])
		if typ == "" {
			continue
		}
		j := i + 1
		for j < len(labels) {
			t, b := typeOf(labels[j])
			if b || t != typ {
				break
			}
			j++
		}
		out = append(out, Span{Start: i, End: j, Type: typ})
		i = j - 1
	}
	return out
}
