package arabic

import (
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A Normalizer normalizes text with a fixed set of folds. It is immutable
// and safe for concurrent use; build one with NewNormalizer and keep it.
//
// Normalization works segment by segment: a segment is a rune and the runes
// after it that can combine with it under Unicode normalization (marks, and
// removable controls or tatweel between a letter and its marks). Each
// segment of the original text yields zero or more runes of the normalized
// text, which is how normalized offsets map back to the original.
type Normalizer struct {
	folds Fold
	// small caches, for the runes below smallRunes, what the normalizer
	// does with the rune when it forms a segment on its own.
	small [smallRunes]entry
	// flags holds, for the runes below smallRunes, whether the rune
	// starts a new segment and whether the folds remove it outright.
	flags [smallRunes]runeFlags
}

type runeFlags uint8

const (
	startsNew  runeFlags = 1 << iota // the rune starts a new segment
	ignoredOut                       // the folds remove the rune (a control or tatweel)
)

// smallRunes covers ASCII, Latin-1, and the Arabic, Syriac and Thaana
// blocks: nearly every rune of Arabic news.
const smallRunes = 0x800

// cgj is U+034F COMBINING GRAPHEME JOINER.
const cgj = '\u034f'

// entry is the cached action for one rune: the rune to write in the low
// bits, or a flag.
type entry uint32

const (
	entryDrop entry = 1 << 30 // the rune is removed
	entrySlow entry = 1 << 29 // the rune needs NFKC: take the slow path
	entryRune entry = 1<<21 - 1
)

// NewNormalizer returns a Normalizer for the folds f.
func NewNormalizer(f Fold) *Normalizer {
	n := &Normalizer{folds: f}
	var buf [utf8.UTFMax]byte
	for r := rune(0); r < smallRunes; r++ {
		s := string(buf[:utf8.EncodeRune(buf[:], r)])
		if norm.NFKC.PropertiesString(s).BoundaryBefore() {
			n.flags[r] |= startsNew
		}
		if f.ignorable(r) {
			n.flags[r] |= ignoredOut
		}
		switch out := f.foldRune(r); {
		case f&NFKC != 0 && norm.NFKC.String(s) != s:
			n.small[r] = entrySlow
		case out < 0:
			n.small[r] = entryDrop
		default:
			n.small[r] = entry(out)
		}
	}
	return n
}

// Folds returns the folds n applies.
func (n *Normalizer) Folds() Fold { return n.folds }

// defaultNormalizer backs the package-level functions. It is built once and
// never changed.
var defaultNormalizer = NewNormalizer(Default)

// Normalize returns s normalized with the Default folds.
func Normalize(s string) string { return defaultNormalizer.String(s) }

// AppendNormalized appends Normalize(s) to dst and returns the extended
// buffer: with a buffer the caller keeps, it allocates nothing.
func AppendNormalized(dst []byte, s string) []byte { return defaultNormalizer.Append(dst, s) }

// String returns s normalized. When s is already normalized it is returned
// as is, without allocating.
func (n *Normalizer) String(s string) string {
	var buf [128]byte
	out := n.Append(buf[:0], s)
	if string(out) == s {
		return s
	}
	return string(out)
}

// Append appends the normalization of s to dst and returns the extended
// buffer.
func (n *Normalizer) Append(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		// A letter of two bytes (the Arabic block) followed by a rune
		// that starts a segment is a segment of its own: the common case,
		// done here without decoding the next rune twice.
		if c := s[i]; c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			j := i + 2
			if j == len(s) || s[j] < utf8.RuneSelf || n.twoByteStarter(s, j) {
				switch e := n.small[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)]; {
				case e&entryDrop != 0:
					i = j
					continue
				case e&entrySlow == 0:
					if r := rune(e & entryRune); r >= 0x80 && r < 0x800 {
						dst = append(dst, byte(0xC0|r>>6), byte(0x80|r&0x3F))
					} else {
						dst = utf8.AppendRune(dst, r)
					}
					i = j
					continue
				}
			}
		}
		dst, i = n.segment(dst, s, i)
	}
	return dst
}

// twoByteStarter reports whether s[j:] starts with a rune of two bytes that
// starts a new segment and is not removed, as segmentEnd decides it; false
// means it is some other rune, or one that may join the segment before.
func (n *Normalizer) twoByteStarter(s string, j int) bool {
	c := s[j]
	if c < 0xC2 || c > 0xDF || j+1 >= len(s) || s[j+1]&0xC0 != 0x80 {
		return false
	}
	f := n.flags[rune(c&0x1F)<<6|rune(s[j+1]&0x3F)]
	return f&ignoredOut == 0 && f&startsNew != 0
}

// segment appends the normalization of the segment of s that starts at i and
// returns the index where the segment ends.
func (n *Normalizer) segment(dst []byte, s string, i int) ([]byte, int) {
	c := s[i]
	if c < utf8.RuneSelf && (i+1 == len(s) || s[i+1] < utf8.RuneSelf) {
		// An ASCII rune followed by ASCII is a segment of its own and
		// never needs NFKC.
		return append(dst, byte(n.small[c])), i + 1
	}
	r, size := decode(s, i)
	if r == utf8.RuneError && size == 1 {
		// Not UTF-8: a segment of its own that stands for itself as
		// U+FFFD. Marks after it form their own segment, as they would
		// after a real U+FFFD: joined to the byte, NFKC would leave them
		// as they are, and normalizing the output again would not.
		return utf8.AppendRune(dst, utf8.RuneError), i + size
	}
	if n.folds.ignorable(r) {
		// A run of removed runes that no joining mark follows is removed
		// whole: taking its runes one at a time would scan the rest of
		// the run again for each (quadratic on a long run of tatweel or
		// bidi marks).
		k := i + size
		for k < len(s) {
			r2, size2 := decode(s, k)
			if !n.folds.ignorable(r2) {
				break
			}
			k += size2
		}
		if k == len(s) || n.startsSegment(s[k:]) {
			return dst, k
		}
	}
	j := n.segmentEnd(s, i+size)
	if j == i+size {
		if r < smallRunes {
			switch e := n.small[r]; {
			case e&entryDrop != 0:
				return dst, j
			case e&entrySlow == 0:
				return utf8.AppendRune(dst, rune(e&entryRune)), j
			}
		}
	}
	return n.slowSegment(dst, s[i:j]), j
}

// segmentEnd returns the end of the segment whose first rune ends at j.
func (n *Normalizer) segmentEnd(s string, j int) int {
	for j < len(s) {
		if s[j] < utf8.RuneSelf {
			return j // ASCII starts a segment and is never removed
		}
		r, size := decode(s, j)
		if r < smallRunes {
			switch f := n.flags[r]; {
			case f&ignoredOut == 0 && f&startsNew != 0:
				return j
			case f&ignoredOut == 0:
				j += size
				continue
			}
		}
		if n.folds.ignorable(r) {
			// A removable control or tatweel joins the segment only when
			// a mark follows it that joins the segment too.
			k := j + size
			for k < len(s) {
				r2, size2 := decode(s, k)
				if !n.folds.ignorable(r2) {
					break
				}
				k += size2
			}
			if k == len(s) || n.startsSegment(s[k:]) {
				return j
			}
			j = k
			continue
		}
		if n.startsSegment(s[j:]) {
			return j
		}
		j += size
	}
	return j
}

// startsSegment reports whether the first rune of s starts a new segment.
func (n *Normalizer) startsSegment(s string) bool {
	if c := s[0]; c < utf8.RuneSelf {
		return true
	}
	r, size := decode(s, 0)
	if r < smallRunes {
		return n.flags[r]&startsNew != 0
	}
	if r == utf8.RuneError && size == 1 {
		return true
	}
	return norm.NFKC.PropertiesString(s).BoundaryBefore()
}

// slowSegment appends the normalization of the segment seg, which may hold
// several runes or need NFKC.
func (n *Normalizer) slowSegment(dst []byte, seg string) []byte {
	if n.folds&(StripControls|StripTatweel) != 0 {
		var buf [64]byte
		clean := buf[:0]
		for _, r := range seg {
			if !n.folds.ignorable(r) {
				clean = utf8.AppendRune(clean, r)
			}
		}
		// The conversions that do not escape are made on the stack.
		if n.folds&NFKC == 0 || surelyNFKC(string(clean)) {
			return n.foldRunes(dst, string(clean), false)
		}
		return n.foldNFKC(dst, string(clean))
	}
	if n.folds&NFKC == 0 || surelyNFKC(seg) {
		return n.foldRunes(dst, seg, false)
	}
	return n.foldNFKC(dst, seg)
}

// foldNFKC appends the folds of the NFKC form of src.
func (n *Normalizer) foldNFKC(dst []byte, src string) []byte {
	inserted := false
	if !norm.NFKC.IsNormalString(src) {
		// NFKC puts a combining grapheme joiner after each 30 marks in a
		// row (the stream-safe format); it is not in the original, so it
		// is dropped with the marks it was put between.
		inserted = !strings.ContainsRune(src, cgj)
		src = norm.NFKC.String(src)
	}
	return n.foldRunes(dst, src, inserted)
}

// foldRunes appends the folds of the runes of src, without the combining
// grapheme joiners when inserted.
func (n *Normalizer) foldRunes(dst []byte, src string, inserted bool) []byte {
	for _, r := range src {
		if r == cgj && inserted {
			continue
		}
		if r = n.folds.foldRune(r); r >= 0 {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// surelyNFKC reports whether s is in NFKC by a check cheaper than
// x/text's (whose IsNormalString allocates on a mark): its runes are
// ASCII, Arabic letters U+0621–U+063A and U+0641–U+064A, and the harakat
// U+064B–U+0652 in canonical order (their combining classes 27–34 never
// decrease), at most 8 in a row. None of these has a decomposition or
// composes with another (U+0653–U+0655 do, and are left to x/text). False
// is "not known": x/text decides.
func surelyNFKC(s string) bool {
	class, marks := 0, 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			class, marks = 0, 0
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0x064B && r <= 0x0652:
			c := int(r-0x064B) + 27
			if c < class || marks == 8 {
				return false
			}
			class = c
			marks++
		case r >= 0x0621 && r <= 0x063A, r >= 0x0641 && r <= 0x064A:
			class, marks = 0, 0
		default:
			return false
		}
		i += size
	}
	return true
}

// Mapped is a normalized text that keeps the way back to its original.
// It is immutable and safe for concurrent use.
type Mapped struct {
	Orig string // the original text
	Norm string // the normalized text
	// edits lists, in order, the segments whose normalized form differs in
	// length or in structure from the original; elsewhere the two texts
	// correspond byte for byte.
	edits []edit
}

// edit maps Norm[norm:norm+nlen] to Orig[orig:orig+olen].
type edit struct{ norm, orig, nlen, olen int }

// Map normalizes s and keeps the map from the normalized text back to s.
func (n *Normalizer) Map(s string) *Mapped {
	m := &Mapped{Orig: s}
	dst := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		d0 := len(dst)
		var j int
		dst, j = n.segment(dst, s, i)
		// A segment that keeps its bytes, or that turns one rune into
		// another of the same length, maps byte for byte; any other is
		// an edit.
		out, in := dst[d0:], s[i:j]
		if string(out) != in && !(len(out) == len(in) && isOneRune(in) && isOneRune(string(out))) {
			m.edits = append(m.edits, edit{norm: d0, orig: i, nlen: len(out), olen: len(in)})
		}
		i = j
	}
	m.Norm = string(dst)
	return m
}

func isOneRune(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	return size == len(s)
}

// Map normalizes s with the Default folds and keeps the map back to s.
func Map(s string) *Mapped { return defaultNormalizer.Map(s) }

// Span returns the span of the original text that the normalized bytes
// Norm[start:end] came from, in bytes and in code points. A normalized span
// that starts or ends inside the output of one original segment (a
// ligature, a letter with its marks) grows to the whole segment; removed
// characters at the edges of the span stay outside it. Offsets outside
// [0, len(Norm)] are clamped.
func (m *Mapped) Span(start, end int) Offsets {
	start = min(max(start, 0), len(m.Norm))
	end = min(max(end, start), len(m.Norm))
	os := m.origStart(start)
	oe := os
	if end > start {
		oe = m.origEnd(end)
	}
	rs := utf8.RuneCountInString(m.Orig[:os])
	return Offsets{Start: os, End: oe, RuneStart: rs, RuneEnd: rs + utf8.RuneCountInString(m.Orig[os:oe])}
}

// origStart maps the normalized start offset p to the original.
func (m *Mapped) origStart(p int) int {
	// The first edit that ends after p either holds p or lies after it.
	k := sort.Search(len(m.edits), func(k int) bool {
		return m.edits[k].norm+m.edits[k].nlen > p
	})
	if k < len(m.edits) && m.edits[k].norm <= p {
		return m.edits[k].orig
	}
	if k == 0 {
		return p
	}
	e := m.edits[k-1]
	return e.orig + e.olen + p - (e.norm + e.nlen)
}

// origEnd maps the normalized end offset q > 0 to the original.
func (m *Mapped) origEnd(q int) int {
	// The first edit that ends at or after q either holds byte q-1 or
	// starts at or after q.
	k := sort.Search(len(m.edits), func(k int) bool {
		return m.edits[k].norm+m.edits[k].nlen >= q
	})
	if k == len(m.edits) {
		return len(m.Orig) - (len(m.Norm) - q)
	}
	e := m.edits[k]
	if e.norm < q {
		return e.orig + e.olen
	}
	return e.orig - (e.norm - q)
}
