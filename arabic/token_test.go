package arabic

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

// tok is a token as the tests write it: kind, original text, normalized
// form.
type tok struct {
	kind Kind
	text string
	norm string
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []tok
	}{
		{"arabic words with clitics", "والإمارات لآلن بداعش للتحالف", []tok{
			{Word, "والإمارات", "والامارات"}, {Word, "لآلن", "لالن"}, {Word, "بداعش", "بداعش"}, {Word, "للتحالف", "للتحالف"},
		}},
		{"braces split from the word", "{داعش}", []tok{
			{Punct, "{", "{"}, {Word, "داعش", "داعش"}, {Punct, "}", "}"},
		}},
		{"demonym", "الأميركي", []tok{{Word, "الأميركي", "الاميركي"}}},
		{"quotation with ellipsis", "«هذه حرب رهيبة..»", []tok{
			{Punct, "«", "«"}, {Word, "هذه", "هذه"}, {Word, "حرب", "حرب"}, {Word, "رهيبة", "رهيبه"},
			{Punct, "..", ".."}, {Punct, "»", "»"},
		}},
		{"date", "10/28/2014", []tok{{Number, "10/28/2014", "10/28/2014"}}},
		{"share label with spaced colon", "مشاركة :", []tok{{Word, "مشاركة", "مشاركه"}, {Punct, ":", ":"}}},
		{"arabic punctuation", "نعم، لا؛ لماذا؟", []tok{
			{Word, "نعم", "نعم"}, {Punct, "،", "،"}, {Word, "لا", "لا"}, {Punct, "؛", "؛"}, {Word, "لماذا", "لماذا"}, {Punct, "؟", "؟"},
		}},
		{"decimal number and percent", "3.5%", []tok{{Number, "3.5", "3.5"}, {Punct, "%", "%"}}},
		{"arabic percent sign", "٥٠٪", []tok{{Number, "٥٠", "50"}, {Punct, "٪", "٪"}}},
		{"arabic thousands separator", "١٬٠٠٠ دولار", []tok{{Number, "١٬٠٠٠", "1٬000"}, {Word, "دولار", "دولار"}}},
		{"arabic decimal separator", "٣٫٥", []tok{{Number, "٣٫٥", "3٫5"}}},
		{"time", "00:00", []tok{{Number, "00:00", "00:00"}}},
		{"number then period ends", "عام 2014.", []tok{{Word, "عام", "عام"}, {Number, "2014", "2014"}, {Punct, ".", "."}}},
		{"digits then arabic letter split", "2014م", []tok{{Number, "2014", "2014"}, {Word, "م", "م"}}},
		{"digits then latin letter join", "4G F16", []tok{{Latin, "4G", "4g"}, {Latin, "F16", "f16"}}},
		{"latin words and hyphen", "news-picture", []tok{{Latin, "news", "news"}, {Punct, "-", "-"}, {Latin, "picture", "picture"}}},
		{"latin apostrophe", "Don't", []tok{{Latin, "Don't", "don't"}}},
		{"url", "انظر https://www.kuna.net.kw/a?b=1.", []tok{
			{Word, "انظر", "انظر"}, {URL, "https://www.kuna.net.kw/a?b=1", "https://www.kuna.net.kw/a?b=1"}, {Punct, ".", "."},
		}},
		{"url in brackets", "(www.bbc.com/arabic)", []tok{{Punct, "(", "("}, {URL, "www.bbc.com/arabic", "www.bbc.com/arabic"}, {Punct, ")", ")"}}},
		{"url with balanced brackets", "https://en.wikipedia.org/wiki/Kuwait_(city)", []tok{
			{URL, "https://en.wikipedia.org/wiki/Kuwait_(city)", "https://en.wikipedia.org/wiki/kuwait_(city)"},
		}},
		{"email", "راسلونا على info@kuna.net.kw.", []tok{
			{Word, "راسلونا", "راسلونا"}, {Word, "على", "علي"}, {Email, "info@kuna.net.kw", "info@kuna.net.kw"}, {Punct, ".", "."},
		}},
		{"not an email without a domain dot", "a@b", []tok{{Latin, "a", "a"}, {Mention, "@b", "@b"}}},
		{"hashtag arabic with underscore", "#الكويت_اليوم", []tok{{Hashtag, "#الكويت_اليوم", "#الكويت_اليوم"}}},
		{"hashtag latin", "#ISIS", []tok{{Hashtag, "#ISIS", "#isis"}}},
		{"mention", "@UN_News", []tok{{Mention, "@UN_News", "@un_news"}}},
		{"lone hash and at", "# @", []tok{{Punct, "#", "#"}, {Punct, "@", "@"}}},
		{"symbols", "$ © +", []tok{{Symbol, "$", "$"}, {Symbol, "©", "©"}, {Symbol, "+", "+"}}},
		{"emoji with variation selector", "❤️", []tok{{Symbol, "❤️", "❤️"}}},
		{"foreign script", "Ελλάδα", []tok{{Foreign, "Ελλάδα", "ελλάδα"}}},
		{"tatweel in abbreviation", "هـ", []tok{{Word, "هـ", "ه"}}},
		{"tatweel as a dash", "ـــ", []tok{{Punct, "ـــ", ""}}},
		{"vocalized word", "مُحَمَّدٌ", []tok{{Word, "مُحَمَّدٌ", "محمد"}}},
		{"control inside a word joins", "الكو\u200Fيت", []tok{{Word, "الكو\u200Fيت", "الكويت"}}},
		{"controls at the edges stay out", "\u200Fمصر\u200F و", []tok{{Word, "مصر", "مصر"}, {Word, "و", "و"}}},
		{"zero width space splits", "مصر\u200Bليبيا", []tok{{Word, "مصر", "مصر"}, {Word, "ليبيا", "ليبيا"}}},
		{"presentation forms are one word", "\uFE8D\uFEDF\uFEB4\uFEFC\uFEE1", []tok{{Word, "\uFE8D\uFEDF\uFEB4\uFEFC\uFEE1", "السلام"}}},
		{"question and exclamation run", "حقا؟!", []tok{{Word, "حقا", "حقا"}, {Punct, "؟!", "؟!"}}},
		{"ellipsis character", "انتظر…", []tok{{Word, "انتظر", "انتظر"}, {Punct, "…", "..."}}},
		{"bullet", "• 5", []tok{{Punct, "•", "•"}, {Number, "5", "5"}}},
		{"guillemets and parentheses", "(تشرين الأول)", []tok{{Punct, "(", "("}, {Word, "تشرين", "تشرين"}, {Word, "الأول", "الاول"}, {Punct, ")", ")"}}},
		{"stray mark", " \u064E", []tok{{Symbol, "\u064E", ""}}},
		{"invalid utf-8 is a symbol", "ا\xffب", []tok{{Word, "ا", "ا"}, {Symbol, "\xff", "\uFFFD"}, {Word, "ب", "ب"}}},
		{"empty", "", nil},
		{"only spaces", " \n\t ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.in)
			var got []tok
			for _, x := range toks {
				got = append(got, tok{x.Kind, x.Text(tt.in), x.Norm})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Tokenize(%s) = %d tokens %v, want %d %v", hex(tt.in), len(got), got, len(tt.want), tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("token %d = %v %s %s, want %v %s %s", i, got[i].kind, hex(got[i].text), hex(got[i].norm),
						tt.want[i].kind, hex(tt.want[i].text), hex(tt.want[i].norm))
				}
			}
			checkTokens(t, tt.in, toks)
		})
	}
}

// checkTokens checks the invariants that hold for the tokens of any text.
func checkTokens(t *testing.T, text string, toks []Token) {
	t.Helper()
	prevEnd := 0
	for i, x := range toks {
		if x.Start < prevEnd || x.End <= x.Start || x.End > len(text) {
			t.Fatalf("token %d [%d,%d) out of order or bounds (previous end %d, len %d)", i, x.Start, x.End, prevEnd, len(text))
		}
		prevEnd = x.End
		if rs, re := utf8.RuneCountInString(text[:x.Start]), utf8.RuneCountInString(text[:x.End]); rs != x.RuneStart || re != x.RuneEnd {
			t.Fatalf("token %d %s: rune span [%d,%d), want [%d,%d)", i, hex(x.Text(text)), x.RuneStart, x.RuneEnd, rs, re)
		}
		if got := Normalize(x.Text(text)); got != x.Norm {
			t.Fatalf("token %d: Normalize(%s) = %s, Norm %s", i, hex(x.Text(text)), hex(got), hex(x.Norm))
		}
		first, _ := utf8.DecodeRuneInString(x.Text(text))
		last, _ := utf8.DecodeLastRuneInString(x.Text(text))
		for _, r := range []rune{first, last} {
			if c := classOf(r); c == clsSpace || c == clsControl {
				t.Fatalf("token %d %s starts or ends with a space or control", i, hex(x.Text(text)))
			}
		}
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Word: "word", Latin: "latin", Number: "number", Hashtag: "hashtag", 0: "invalid", 200: "invalid"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, got, want)
		}
	}
}

// TestReferenceOffsets checks the tokens of the reference article against
// its gold mentions: every single-word gold mention that has no clitic is a
// token with exactly the gold code point span.
func TestReferenceOffsets(t *testing.T) {
	data, err := os.ReadFile(referenceArticle)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	toks := Tokenize(text)
	checkTokens(t, text, toks)
	byStart := map[int]Token{}
	for _, x := range toks {
		byStart[x.RuneStart] = x
	}
	// From testdata/000_08d5b8224b143400.gold.json: single-word mentions.
	for _, m := range []struct {
		start, end int
		text       string
	}{
		{6, 12, "الكويت"}, {35, 39, "داعش"}, {553, 556, "آلن"}, {578, 585, "البحرين"},
		{1688, 1694, "الكويت"}, {1061, 1067, "ستينغل"},
	} {
		x, ok := byStart[m.start]
		if !ok || x.RuneEnd != m.end || x.Text(text) != m.text {
			t.Errorf("no token %q at [%d,%d); got %+v", m.text, m.start, m.end, x)
		}
	}
	// The clitic words of the article are single tokens whose stem the
	// clitic tests cover.
	for _, w := range []string{"والإمارات", "لآلن", "بداعش", "للتحالف", "الأميركي"} {
		if !strings.Contains(text, w) {
			t.Errorf("reference article lacks %q", w)
		}
	}
}

// TestTokenNormSharesText checks that each token's Norm is its text
// normalized, and that a Norm equal to the token's text is that part of the
// text (not a copy), in short texts (buffers on the stack) and long ones
// (pooled), whatever the forms before and after it.
func TestTokenNormSharesText(t *testing.T) {
	// Forms that are their text (قال، في، ISIS), that are not (أحمد،
	// مُصر, a Latin word in capitals is kept) and a tatweel alone, whose
	// Norm is empty.
	mixed := "قال أحمد ـ في مُصر ISIS، والإمارات ١٠"
	tests := []struct {
		name string
		text string
	}{
		{"short", mixed},
		{"only forms that are their text", "قال في من"},
		{"only forms that are not", "أحمد إلى ـ"},
		{"long", strings.Repeat(mixed+" ", 40)},
		{"long, counted", strings.Repeat(mixed+" ", 2000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.text)
			same := 0
			for _, x := range toks {
				text := x.Text(tt.text)
				if want := defaultNormalizer.String(text); x.Norm != want {
					t.Fatalf("token %q at %d: Norm %q, want %q", text, x.Start, x.Norm, want)
				}
				if x.Norm == text && x.Norm != "" {
					same++
					if unsafe.StringData(x.Norm) != unsafe.StringData(text) {
						t.Errorf("token %q at %d: Norm is its text but a copy", text, x.Start)
					}
				}
			}
			if same == 0 && tt.name != "only forms that are not" {
				t.Errorf("no form is its text: the test proves little")
			}
		})
	}
}

// TestTokensAtTheirNumber checks that the token array of a text longer
// than the stack's buffers is made at about its number of tokens (the
// size class's rounding aside), however many bytes its words take: the
// array was guessed from the length, a token per 8 bytes, and so made too
// large for long words and grown to twice the size for short ones.
func TestTokensAtTheirNumber(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"short words", strings.Repeat("كتب ", 100)},
		{"long words", strings.Repeat("والمستشفيات ", 100)},
		{"news", strings.Repeat("قال وزير الخارجية الكويتي إن الحرب على داعش طويلة. ", 50)},
		{"punctuation", strings.Repeat("، ", 2000)},
		{"just below the counted texts", strings.Repeat("قال وزير الخارجية، ", (countAbove-100)/len("قال وزير الخارجية، "))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.text) <= smallText || len(tt.text) > countAbove {
				t.Fatalf("text of %d bytes: not one whose tokens the pool's array holds", len(tt.text))
			}
			toks := Tokenize(tt.text)
			if n, c := len(toks), cap(toks); c > n+n/8+8 {
				t.Errorf("%d tokens in an array of %d", n, c)
			}
		})
	}
}
