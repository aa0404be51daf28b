package arabic

import (
	"context"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Kind is the kind of a token.
type Kind uint8

// The kinds of tokens.
const (
	Word    Kind = iota + 1 // a word in Arabic script: كتب، والإمارات، هـ
	Latin                   // a word in Latin script, digits allowed after the first letter or digit: ISIS, F16, 4G
	Foreign                 // a word in another script: Ελλάδα، 北京
	Number                  // digits with inner separators: 3.5، ١٬٠٠٠، 10/28/2014، 00:00
	Punct                   // punctuation; a run of the same mark, or of sentence ends, is one token: ،  «  ..  ؟!
	Symbol                  // a symbol with its marks: $ + = © 🙂, or a mark with no letter before it
	URL                     // http://…, https://…, www.…
	Email                   // name@example.com
	Hashtag                 // # and a word: #داعش
	Mention                 // @ and a user name: @UN
)

var kindNames = [...]string{
	Word: "word", Latin: "latin", Foreign: "foreign", Number: "number", Punct: "punct",
	Symbol: "symbol", URL: "url", Email: "email", Hashtag: "hashtag", Mention: "mention",
}

// String returns the kind's name in lower case: "word", "latin", "number" …
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "invalid"
}

// IsWord reports whether tokens of kind k are words (Arabic, Latin or
// other scripts).
func (k Kind) IsWord() bool { return k == Word || k == Latin || k == Foreign }

// Offsets locates a piece of text in bytes and in code points. End and
// RuneEnd are exclusive.
type Offsets struct {
	Start, End         int // bytes into the original text: text[Start:End]
	RuneStart, RuneEnd int // code points into the original text, as pipeline.Mention's Start and End
}

// Token is a token of a text.
type Token struct {
	Kind Kind
	// Offsets locate the token in the original text. A token never starts
	// or ends with a space or a removable control character.
	Offsets
	// Norm is the token's text normalized with the tokenizer's folds. It
	// may be empty when the token is only removed characters (a tatweel
	// used as a dash).
	Norm string
}

// Text returns the token's original text from the text it was cut from.
func (t Token) Text(text string) string { return text[t.Start:t.End] }

// A Tokenizer splits text into tokens and normalizes each one. It is
// immutable and safe for concurrent use.
type Tokenizer struct {
	norm *Normalizer
}

// NewTokenizer returns a Tokenizer whose tokens are normalized with the
// folds f.
func NewTokenizer(f Fold) *Tokenizer {
	if f == Default {
		return defaultTokenizer
	}
	return &Tokenizer{norm: NewNormalizer(f)}
}

var defaultTokenizer = &Tokenizer{norm: defaultNormalizer}

// Normalizer returns the normalizer that the tokenizer uses.
func (t *Tokenizer) Normalizer() *Normalizer { return t.norm }

// Tokenize splits text into tokens normalized with the Default folds.
func Tokenize(text string) []Token { return defaultTokenizer.Tokens(text) }

// Tokens splits text into tokens.
func (t *Tokenizer) Tokens(text string) []Token { return t.AppendTokens(nil, text) }

// AppendTokens appends the tokens of text to dst and returns the extended
// slice. The tokens are in text order and do not overlap. A Norm that is
// the token's text is that part of text; the other Norm strings share one
// allocation.
func (t *Tokenizer) AppendTokens(dst []Token, text string) []Token {
	dst, _ = t.appendTokens(context.Background(), dst, text) // Background is never done
	return dst
}

// checkEvery is how many tokens pass between two looks at the context in
// the loops over tokens: ctx.Err takes a lock, a token takes well under a
// microsecond, so a cancelled run waits a few milliseconds at most.
const checkEvery = 4096

// appendTokens is AppendTokens that returns ctx's error, checked every
// checkEvery tokens, when ctx is done.
func (t *Tokenizer) appendTokens(ctx context.Context, dst []Token, text string) ([]Token, error) {
	first := len(dst)
	// The forms that are not their text are appended to buf, and ends[i]
	// marks where the form of token first+i ends (or that it is its text,
	// sameAsText), until buf is copied into one string (setNorms).
	// Arabic news runs at about 9 bytes a token, space included. Short
	// texts (names, keys) use buffers on the stack.
	guess := len(text)/8 + 1
	if len(text) <= smallText {
		var smallBuf [smallText * 8 / 7]byte
		var smallEnds [32]int
		dst, buf, ends, err := t.scanTokens(ctx, dst, text, smallBuf[:0], smallEnds[:0], guess)
		if err != nil {
			return dst, err
		}
		setNorms(dst[first:], text, buf, ends)
		return dst, nil
	}
	// The buffers come from a pool: they are dropped at the end.
	b, _ := scanPool.Get().(*scanBufs)
	if b == nil {
		b = new(scanBufs)
	}
	buf := slices.Grow(b.buf[:0], len(text)+len(text)/8)
	var err error
	if len(text) > countAbove {
		// The token array of a long text is made at its final size: grown,
		// it would hold the old and the new array at once, and a quarter
		// of the last one unused (tokens take 56 bytes, several times the
		// text they cover).
		var n int
		if n, err = countTokens(ctx, text); err == nil {
			dst, b.buf, b.ends, err = t.scanTokens(ctx, dst, text, buf, slices.Grow(b.ends[:0], n), n)
		}
	} else {
		// The tokens are scanned into the pool's array, then copied into
		// dst at their number: the guess from the length was a quarter too
		// many for the ANT sample (887,808 tokens made for 709,640). The
		// pool's tokens never hold a Norm, so they keep no text alive.
		b.toks, b.buf, b.ends, err = t.scanTokens(ctx, b.toks[:0], text, buf, slices.Grow(b.ends[:0], guess), guess)
		if err == nil {
			dst = append(slices.Grow(dst, len(b.toks)), b.toks...)
		}
	}
	if err == nil {
		setNorms(dst[first:], text, b.buf, b.ends)
	}
	if cap(b.ends) <= maxPooledEnds && cap(b.buf) <= maxPooledBuf && cap(b.toks) <= maxPooledEnds {
		scanPool.Put(b)
	}
	return dst, err
}

// smallText is the length in bytes up to which appendTokens keeps its
// buffers on the stack.
const smallText = 224

// scanBufs are the buffers of appendTokens for a long text: the tokens
// (without their Norm), their forms and ends of scanTokens.
type scanBufs struct {
	toks []Token
	buf  []byte
	ends []int
}

// scanPool holds the *scanBufs of appendTokens, of at most maxPooledEnds
// tokens and ends and maxPooledBuf bytes.
var scanPool sync.Pool

const (
	maxPooledEnds = 1 << 16
	maxPooledBuf  = 1 << 20
)

// scanTokens is appendTokens with its buffers: buf for the forms, ends for
// where each form ends in buf. It returns the tokens without their Norm
// (see setNorms), and buf and ends, grown; on ctx's error, dst as it was.
func (t *Tokenizer) scanTokens(ctx context.Context, dst []Token, text string, buf []byte, ends []int, guess int) ([]Token, []byte, []int, error) {
	first := len(dst)
	dst = slices.Grow(dst, guess)
	s := scanner{text: text}
	for {
		kind, start, end, runeStart, ok := s.next()
		if !ok {
			break
		}
		if n := len(ends); n%checkEvery == checkEvery-1 {
			if err := ctx.Err(); err != nil {
				return dst[:first], buf, ends, err
			}
		}
		n := len(buf)
		buf = t.norm.Append(buf, text[start:end])
		if string(buf[n:]) == text[start:end] {
			// Most forms are their text (72% of the ANT sample's
			// tokens): such a Norm is a part of text.
			buf = buf[:n]
			ends = append(ends, sameAsText)
		} else {
			ends = append(ends, len(buf))
		}
		dst = append(dst, Token{
			Kind:    kind,
			Offsets: Offsets{Start: start, End: end, RuneStart: runeStart, RuneEnd: s.runes},
		})
	}
	return dst, buf, ends, nil
}

// setNorms sets the Norm of the tokens toks of text, whose forms scanTokens
// left in buf and ends.
func setNorms(toks []Token, text string, buf []byte, ends []int) {
	norm := string(buf)
	from := 0
	for i, end := range ends {
		tok := &toks[i]
		if end == sameAsText {
			tok.Norm = text[tok.Start:tok.End]
			continue
		}
		tok.Norm = norm[from:end]
		from = end
	}
}

// sameAsText marks, among the ends of scanTokens, a token whose Norm is
// its text.
const sameAsText = -1

// countAbove is the length in bytes above which appendTokens counts the
// tokens before it stores them.
const countAbove = 64 << 10

// countTokens returns the number of tokens of text, or ctx's error when
// ctx is done (checked every checkEvery tokens).
func countTokens(ctx context.Context, text string) (int, error) {
	s := scanner{text: text}
	n := 0
	for {
		if _, _, _, _, ok := s.next(); !ok {
			return n, nil
		}
		n++
		if n%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
		}
	}
}

// scanner cuts a text into tokens.
type scanner struct {
	text  string
	pos   int // bytes
	runes int // code points before pos
}

// next returns the next token's kind and span, or ok false at the end.
func (s *scanner) next() (kind Kind, start, end, runeStart int, ok bool) {
	text := s.text
	// Skip spaces and controls.
	for s.pos < len(text) {
		r, size := decode(text, s.pos)
		if c := classOf(r); c != clsSpace && c != clsControl {
			break
		}
		s.pos += size
		s.runes++
	}
	if s.pos >= len(text) {
		return 0, 0, 0, 0, false
	}
	start, runeStart = s.pos, s.runes
	r, size := decode(text, start)
	switch c := classOf(r); c {
	case clsArabic:
		end, runes := s.word(start+size, clsArabic)
		s.runes += runes + 1
		s.pos = end
		return Word, start, end, runeStart, true
	case clsLatin, clsDigit:
		if e := urlEnd(text, start); e > 0 {
			kind, end = URL, e
		} else if e := emailEnd(text, start); e > 0 {
			kind, end = Email, e
		} else if c == clsLatin {
			kind = Latin
			end, _ = s.word(start+size, clsLatin)
		} else {
			kind, end = s.number(start + size)
		}
	case clsOther:
		kind = Foreign
		end, _ = s.word(start+size, clsOther)
	case clsTatweel:
		// A kashida before a letter starts a word; alone, it is a dash.
		kind = Word
		end, _ = s.word(start+size, clsArabic)
		if !s.hasLetter(start, end) {
			kind = Punct
		}
	case clsPunct:
		kind, end = s.punct(r, start+size)
	default: // clsSymbol, clsMark
		kind, end = Symbol, s.marks(start+size)
	}
	s.runes += utf8.RuneCountInString(text[start:end])
	s.pos = end
	return kind, start, end, runeStart, true
}

// word returns the end of a word in script c whose first rune ends at i:
// letters of c, digits for Latin, marks, tatweel, and controls between
// letters; and the number of runes from i to the end.
func (s *scanner) word(i int, c class) (end, runes int) {
	text := s.text
	end = i
	n := 0 // runes from i to i
	for i < len(text) {
		r, size := decode(text, i)
		switch rc := classOf(r); {
		case rc == c, rc == clsMark, rc == clsTatweel && c == clsArabic, rc == clsDigit && c == clsLatin:
			i += size
			n++
			end, runes = i, n
		case rc == clsControl:
			// Part of the word only between two of its runes.
			i += size
			n++
		case c == clsLatin && (r == '\'' || r == '’') && i+size < len(text):
			if r2, _ := decode(text, i+size); classOf(r2) != clsLatin {
				return end, runes
			}
			i += size
			n++
		default:
			return end, runes
		}
	}
	return end, runes
}

// hasLetter reports whether text[start:end] holds a letter.
func (s *scanner) hasLetter(start, end int) bool {
	for _, r := range s.text[start:end] {
		if classOf(r) == clsArabic {
			return true
		}
	}
	return false
}

// marks returns the end of the run of marks that starts at i.
func (s *scanner) marks(i int) int {
	for i < len(s.text) {
		r, size := decode(s.text, i)
		if classOf(r) != clsMark {
			break
		}
		i += size
	}
	return i
}

// number scans a number whose first digit ends at i. Separators count
// when a digit follows them; letters right after the digits make it a
// Latin word (4G, 3D).
func (s *scanner) number(i int) (Kind, int) {
	text := s.text
	for i < len(text) {
		r, size := decode(text, i)
		switch classOf(r) {
		case clsDigit, clsMark:
			i += size
			continue
		case clsLatin:
			end, _ := s.word(i, clsLatin)
			return Latin, end
		}
		if isNumberSeparator(r) && i+size < len(text) {
			if r2, size2 := decode(text, i+size); classOf(r2) == clsDigit {
				i += size + size2
				continue
			}
		}
		break
	}
	return Number, i
}

// isNumberSeparator reports whether r may stand between the digits of one
// number: decimal and thousands separators, date and time separators.
func isNumberSeparator(r rune) bool {
	switch r {
	case '.', ',', '/', ':', '-', '\u066B', '\u066C': // ٫ Arabic decimal, ٬ Arabic thousands
		return true
	}
	return false
}

// punct scans punctuation starting with r, which ends at i: a hashtag or a
// mention, a run of sentence-ending marks, or a run of the same mark.
func (s *scanner) punct(r rune, i int) (Kind, int) {
	text := s.text
	if i < len(text) {
		r2, size2 := decode(text, i)
		c2 := classOf(r2)
		switch {
		case r == '#' && (c2 == clsArabic || c2 == clsLatin || c2 == clsDigit || c2 == clsOther || r2 == '_'):
			return Hashtag, s.tag(i + size2)
		case r == '@' && (r2 < utf8.RuneSelf && (c2 == clsLatin || c2 == clsDigit) || r2 == '_'):
			return Mention, s.tag(i + size2)
		}
	}
	for i < len(text) {
		r2, size2 := decode(text, i)
		if r2 != r && !(isSentenceEnd(r) && isSentenceEnd(r2)) {
			break
		}
		i += size2
	}
	return Punct, s.marks(i)
}

// tag returns the end of a hashtag or mention body that continues at i:
// letters of any script, digits, marks, tatweel and underscores.
func (s *scanner) tag(i int) int {
	for i < len(s.text) {
		r, size := decode(s.text, i)
		switch classOf(r) {
		case clsArabic, clsLatin, clsOther, clsDigit, clsMark, clsTatweel:
		default:
			if r != '_' {
				return i
			}
		}
		i += size
	}
	return i
}

// urlEnd returns the end of a URL starting at i, or 0 when none starts
// there. A URL runs to the next space or quote; trailing punctuation and an
// unbalanced closing bracket are left out.
func urlEnd(text string, i int) int {
	rest := text[i:]
	if !hasPrefixFold(rest, "http://") && !hasPrefixFold(rest, "https://") &&
		!hasPrefixFold(rest, "www.") && !hasPrefixFold(rest, "ftp://") {
		return 0
	}
	j := i
	for j < len(text) {
		r, size := decode(text, j)
		if c := classOf(r); c == clsSpace || c == clsControl || r == '"' || r == '«' || r == '»' || r == '<' || r == '>' || r == '،' || r == '؛' {
			break
		}
		j += size
	}
	// Trim trailing punctuation, and closing brackets without an opening one.
	for j > i {
		r, size := utf8.DecodeLastRuneInString(text[i:j])
		if r == ')' && balanced(text[i:j]) {
			break
		}
		if !unicode.IsPunct(r) || r == '/' || r == '_' {
			break
		}
		j -= size
	}
	if j-i <= len("www.") {
		return 0
	}
	return j
}

// balanced reports whether s has as many '(' as ')'.
func balanced(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			n++
		case ')':
			n--
		}
	}
	return n == 0
}

// emailEnd returns the end of an e-mail address starting at i, or 0. The
// address is ASCII: a local part, @, and a domain with a dot and a final
// label of letters.
func emailEnd(text string, i int) int {
	j := i
	for j < len(text) && isEmailLocal(text[j]) {
		j++
	}
	if j == i || j >= len(text) || text[j] != '@' {
		return 0
	}
	j++
	labelStart, dots, end := j, 0, 0
	for j < len(text) {
		c := text[j]
		switch {
		case isASCIIAlnum(c) || c == '-':
		case c == '.' && j > labelStart && j+1 < len(text) && isASCIIAlnum(text[j+1]):
			dots++
			labelStart = j + 1
		default:
			goto done
		}
		j++
		if dots > 0 && j-labelStart >= 2 && isASCIILetters(text[labelStart:j]) {
			end = j
		}
	}
done:
	if end == 0 || end != j && isASCIIAlnum(text[end]) {
		return 0
	}
	return end
}

func isEmailLocal(c byte) bool {
	return isASCIIAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix,
// ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// decode returns the rune at text[i:]. Invalid UTF-8 decodes as U+FFFD of
// size 1, which is a symbol.
func decode(text string, i int) (rune, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	// Two-byte sequences (Latin-1 to the Arabic block) inline.
	if c >= 0xC2 && c <= 0xDF && i+1 < len(text) {
		if c2 := text[i+1]; c2&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c2&0x3F), 2
		}
	}
	return utf8.DecodeRuneInString(text[i:])
}

// class is what the tokenizer needs to know of a rune.
type class uint8

const (
	clsSpace   class = iota // spaces, line breaks and other C0/C1 controls
	clsControl              // invisible format characters: bidi controls, ZWJ, ZWNJ, BOM, soft hyphen
	clsArabic               // letters of the Arabic script
	clsTatweel              // U+0640
	clsLatin                // letters of the Latin script
	clsOther                // letters of other scripts
	clsDigit                // decimal digits of any script
	clsMark                 // combining marks
	clsPunct                // punctuation
	clsSymbol               // anything else
)

// classes caches classOf for the small runes.
var classes = func() (t [smallRunes]class) {
	for r := range rune(smallRunes) {
		t[r] = classify(r)
	}
	return t
}()

func classOf(r rune) class {
	if r < smallRunes {
		return classes[r]
	}
	return classify(r)
}

func classify(r rune) class {
	switch {
	case r == tatweel:
		return clsTatweel
	case r == '\u200B': // zero width space: a break between words
		return clsSpace
	case unicode.IsSpace(r), unicode.Is(unicode.Cc, r):
		return clsSpace
	case unicode.Is(unicode.Cf, r):
		return clsControl
	case unicode.IsDigit(r):
		return clsDigit
	case unicode.IsMark(r):
		return clsMark
	case unicode.IsLetter(r):
		switch {
		case unicode.Is(unicode.Arabic, r):
			return clsArabic
		case unicode.Is(unicode.Latin, r):
			return clsLatin
		}
		return clsOther
	case unicode.IsPunct(r):
		return clsPunct
	}
	return clsSymbol
}
