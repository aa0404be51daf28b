package english

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	prose "github.com/jdkato/prose/v2"
)

// An Analyzer cuts English text into tokens and sentences with prose's
// tokenizer (github.com/jdkato/prose/v2) and gives them alam's token view
// (an *arabic.Analysis), so that the gazetteer matcher, the rules and
// keywords read English as they read Arabic. It is immutable and safe for
// concurrent use; build one and reuse it.
//
// prose gives a token's text and no offsets, and that text is not always a
// piece of the original: it writes curly quotes “ ” ‘ ’ and &rsquo; as
// straight ones, and it drops a possessive followed by punctuation
// ("Qatar's," comes back as "Qatar" alone). The Analyzer finds each prose
// token in the text itself (align), with those quotes taken as equal, and
// computes the offsets in bytes and code points. Text prose dropped or
// changed beyond that keeps alam's own tokens. Within a prose token, the
// arabic package's tokenizer cuts what the gazetteer's names are compiled
// with (al-Sabah as al - Sabah, U.S. as U . S .), so a name matches as it
// does in alam's own tokens; prose's cuts that alam lacks are kept: the
// contractions do|n't, they|'ll, it|'s. A clitic's Norm is written with a
// straight apostrophe ('s, n't, 'll, 're, 'm) whatever the text's, and the
// stems prose leaves of won't, can't, shan't and ain't (wo, ca, sha, ai)
// have the Norm of their verb (will, can, shall, be), so that each is a
// stop word (IsStopWord) as the whole contraction is.
//
// Sentences are alam's (arabic.Sentences over these tokens): prose's
// sentence segmenter builds its model on every document, and the Punkt
// model it wraps, built once, runs a headline into the dateline sentence;
// BenchmarkEnglish in cmd/alam-bench measures both, docs/QUALITY.md has
// the figures. prose's tagger and entity model are not used.
type Analyzer struct {
	tok *arabic.Tokenizer
}

// NewAnalyzer returns an Analyzer. prose's tokenizer has no model to load,
// so this is cheap.
func NewAnalyzer() *Analyzer { return &Analyzer{tok: arabic.NewTokenizer(arabic.Default)} }

// Analyze returns the English analysis of text: alam's tokens
// (arabic.AnalyzeContext) with possessives split (SplitPossessives),
// refined with prose's cuts (Refine). Token offsets are into text, in
// bytes (Start, End) and code points (RuneStart, RuneEnd). The error is
// ctx's when ctx is done; there is no other.
func (an *Analyzer) Analyze(ctx context.Context, text string) (*arabic.Analysis, error) {
	base, err := arabic.AnalyzeContext(ctx, text)
	if err != nil {
		return nil, err
	}
	return an.Refine(ctx, SplitPossessives(base))
}

// Refine returns the English analysis of base.Text, from base, its
// analysis by the arabic package with SplitPossessives (what the Analyze
// stage of package extract makes before it knows the language): base's
// tokens stand where prose's cannot be found in the text. base is not
// changed; it is itself the result when prose gives nothing to refine it
// with (prose failed on the text). A nil base is the analysis of no text.
// The error is ctx's when ctx is done; there is no other.
func (an *Analyzer) Refine(ctx context.Context, base *arabic.Analysis) (*arabic.Analysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if base == nil {
		return &arabic.Analysis{}, nil
	}
	masked, long := maskLongRuns(base.Text)
	words, ok := proseTokens(masked)
	if !ok {
		return base, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	spans := align(base.Text, words, long)
	b := builder{an: an, text: base.Text, base: base.Tokens}
	b.toks = make([]arabic.Token, 0, len(base.Tokens)+len(base.Tokens)/16+1)
	pos := 0
	for _, sp := range spans {
		b.fromBase(pos, sp.start)
		if sp.clitic != "" {
			b.toks = append(b.toks, arabic.Token{Kind: arabic.Latin, Offsets: b.offsets(sp.start, sp.end), Norm: sp.clitic})
		} else {
			b.fromBase(sp.start, sp.end)
		}
		pos = sp.end
	}
	b.fromBase(pos, len(base.Text))
	normClitics(b.toks)
	return &arabic.Analysis{Text: base.Text, Tokens: b.toks, Sentences: arabic.Sentences(base.Text, b.toks)}, nil
}

// notStems are what prose's tokenizer leaves of won't, can't, shan't and
// ain't when it cuts n't off (wo|n't, ca|n't): no word of their own, each
// takes the Norm of the verb it stands for, a stop word as won't is, so
// that keywords and the name rules do not take "wo" or "ca" for a word.
var notStems = map[string]string{"wo": "will", "ca": "can", "sha": "shall", "ai": "be"}

// normClitics gives the stems before n't in toks the Norm of their verb
// (notStems).
func normClitics(toks []arabic.Token) {
	for i := 1; i < len(toks); i++ {
		if t, p := &toks[i], &toks[i-1]; t.Norm == "n't" && p.Kind == arabic.Latin && p.End == t.Start {
			if v, ok := notStems[p.Norm]; ok {
				p.Norm = v
			}
		}
	}
}

// cliticNorm returns the Norm of s when it is one of the clitics, written
// in any case and with any apostrophe (' ’ ‘): "'s" for ’S; otherwise "".
func cliticNorm(s string) string {
	if len(s) > len("n’t") || !strings.ContainsAny(s, "'‘’") {
		return "" // most tokens: no allocation
	}
	if strings.ContainsAny(s, "‘’") {
		s = straightQuotes.Replace(s)
	}
	if c := strings.ToLower(s); clitics[c] {
		return c
	}
	return ""
}

var straightQuotes = strings.NewReplacer("‘", "'", "’", "'")

// proseTokens returns the texts of prose's tokens of text; ok is false if
// prose panicked, which the Analyzer takes as no tokens from prose rather
// than as a failure of the run.
func proseTokens(text string) (words []string, ok bool) {
	defer func() {
		if recover() != nil {
			words, ok = nil, false
		}
	}()
	doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		return nil, false
	}
	toks := doc.Tokens()
	words = make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text
	}
	return words, true
}

// clitics are the endings prose's tokenizer cuts off a word (Kuwait|'s,
// do|n't, they|'ll), written as its tokens are: lower case, straight
// apostrophe. Each becomes one Latin token whose Norm is the ending.
var clitics = map[string]bool{"'s": true, "n't": true, "'ll": true, "'re": true, "'m": true}

// A span is a prose token found in the text: text[start:end], in bytes;
// word is the token's index in prose's tokens. clitic is the token's Norm
// when it is one of the clitics, or "".
type span struct {
	start, end, word int
	clitic           string
}

// resyncRunes is how far ahead align looks for a prose token that is not
// where the previous one ended.
const resyncRunes = 48

// maxRun is the longest run of non-space text, in bytes, that prose is
// given: its tokenizer takes time that grows faster than the square of a
// run's length (16,000 closing brackets take seconds), and no English word
// is that long. Longer runs (long URLs, rules of dots) keep alam's tokens.
const maxRun = 100

// maskLongRuns returns text with every run of non-space text longer than
// maxRun bytes written as spaces (so it keeps its length in bytes), and
// those runs' byte ranges in order; text itself when there are none.
func maskLongRuns(text string) (string, [][2]int) {
	var runs [][2]int
	start := -1
	for i, r := range text {
		if unicode.IsSpace(r) {
			if start >= 0 && i-start > maxRun {
				runs = append(runs, [2]int{start, i})
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 && len(text)-start > maxRun {
		runs = append(runs, [2]int{start, len(text)})
	}
	if len(runs) == 0 {
		return text, nil
	}
	b := []byte(text)
	for _, r := range runs {
		for i := r[0]; i < r[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b), runs
}

// align finds prose's tokens words in text, in order: each where the text
// after the previous one (spaces and the masked runs skipped) reads as it,
// or, when prose dropped or changed some text there, a little further on,
// short of the next masked run. A token found nowhere near is left out.
// The spans are in order and do not overlap.
func align(text string, words []string, masked [][2]int) []span {
	spans := make([]span, 0, len(words))
	pos, ri := 0, 0
	for wi, w := range words {
		if w == "" {
			continue
		}
		p := skipSpaces(text, pos)
		for ri < len(masked) && masked[ri][0] <= p {
			if masked[ri][1] > p {
				p = skipSpaces(text, masked[ri][1])
			}
			ri++
		}
		limit := len(text)
		if ri < len(masked) {
			limit = masked[ri][0]
		}
		end, ok := matchAt(text[:limit], p, w)
		for q, n := p, 0; !ok && q < limit && n < resyncRunes; n++ {
			_, size := utf8.DecodeRuneInString(text[q:])
			q += size
			end, ok = matchAt(text[:limit], q, w)
			if ok {
				p = q
			}
		}
		if !ok {
			continue
		}
		sp := span{start: p, end: end, word: wi}
		sp.clitic = cliticNorm(w)
		spans = append(spans, sp)
		pos = end
	}
	return spans
}

// skipSpaces returns the offset of the first rune at or after pos that is
// not white space (what prose splits on: unicode.IsSpace).
func skipSpaces(text string, pos int) int {
	for pos < len(text) {
		r, size := utf8.DecodeRuneInString(text[pos:])
		if !unicode.IsSpace(r) {
			break
		}
		pos += size
	}
	return pos
}

// matchAt reports whether text at byte p reads as the prose token w, and
// where that reading ends. A straight double quote in w stands for " “ or
// ”, a straight apostrophe for ' ‘ ’ or &rsquo;, as prose writes them.
func matchAt(text string, p int, w string) (int, bool) {
	if p >= len(text) {
		return 0, false
	}
	for _, r := range w {
		if p >= len(text) {
			return 0, false
		}
		t, size := utf8.DecodeRuneInString(text[p:])
		switch {
		case t == r && (t != utf8.RuneError || size > 1):
		case r == '"' && (t == '“' || t == '”'):
		case r == '\'' && (t == '‘' || t == '’'):
		case r == '\'' && strings.HasPrefix(text[p:], "&rsquo;"):
			size = len("&rsquo;")
		case r == utf8.RuneError && t == utf8.RuneError:
			// an invalid byte in the text, which prose copies as is
		default:
			return 0, false
		}
		p += size
	}
	return p, true
}

// builder appends the tokens of the refined analysis in text order.
type builder struct {
	an   *Analyzer
	text string
	base []arabic.Token
	bi   int // the first base token that may still lie after pos
	toks []arabic.Token
	// bytePos and runePos are a cursor for offsets: the code point count
	// at a byte offset, found by counting on from the last one asked.
	bytePos, runePos int
	scratch          []arabic.Token
}

// runeAt returns the number of code points in text[:off].
func (b *builder) runeAt(off int) int {
	if off < b.bytePos {
		b.bytePos, b.runePos = 0, 0
	}
	b.runePos += utf8.RuneCountInString(b.text[b.bytePos:off])
	b.bytePos = off
	return b.runePos
}

func (b *builder) offsets(start, end int) arabic.Offsets {
	rs := b.runeAt(start)
	return arabic.Offsets{Start: start, End: end, RuneStart: rs, RuneEnd: b.runeAt(end)}
}

// cut appends alam's tokens of text[start:end], with possessives split;
// a clitic prose dropped before punctuation ("they’ll," comes back from
// prose as "they" alone) is one token, as prose's own clitics are, not
// alam's cut of it (’ and ll).
func (b *builder) cut(start, end int) {
	if start >= end {
		return
	}
	if c := cliticNorm(b.text[start:end]); c != "" {
		b.toks = append(b.toks, arabic.Token{Kind: arabic.Latin, Offsets: b.offsets(start, end), Norm: c})
		return
	}
	b.scratch = b.an.tok.AppendTokens(b.scratch[:0], b.text[start:end])
	if len(b.scratch) == 0 {
		return
	}
	rs := b.runeAt(start)
	first := len(b.toks)
	for _, t := range b.scratch {
		t.Start, t.End = t.Start+start, t.End+start
		t.RuneStart, t.RuneEnd = t.RuneStart+rs, t.RuneEnd+rs
		b.toks = append(b.toks, t)
	}
	if hasPossessive(b.toks[first:]) {
		split := SplitPossessives(&arabic.Analysis{Text: b.text, Tokens: b.toks[first:]})
		b.toks = append(b.toks[:first], split.Tokens...)
	}
}

func hasPossessive(toks []arabic.Token) bool {
	for _, t := range toks {
		if t.Kind == arabic.Latin && possessive(t.Norm) > 0 {
			return true
		}
	}
	return false
}

// fromBase appends the tokens of text[start:end], a prose token or text
// where none was found: base's tokens that lie inside, and alam's tokens
// of the part of a base token that lies across start or end. Most prose
// tokens are one base token, which is taken as it is.
func (b *builder) fromBase(start, end int) {
	for b.bi < len(b.base) && b.base[b.bi].End <= start {
		b.bi++
	}
	for b.bi < len(b.base) && b.base[b.bi].Start < end {
		t := b.base[b.bi]
		if t.Start >= start && t.End <= end {
			b.toks = append(b.toks, t)
		} else {
			b.cut(max(t.Start, start), min(t.End, end))
		}
		if t.End > end {
			break
		}
		b.bi++
	}
}
