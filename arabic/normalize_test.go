package arabic

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// hex formats s for mismatch messages: visually equal Arabic strings often
// differ in bytes.
func hex(s string) string { return fmt.Sprintf("%q (% x)", s, s) }

func TestFolds(t *testing.T) {
	tests := []struct {
		name string
		fold Fold
		in   string
		want string
	}{
		// NFKC
		{"nfkc/presentation forms", NFKC, "\uFE8D\uFEDF\uFEB4\uFEFC\uFEE1", "السلام"},
		{"nfkc/lam-alef ligature", NFKC, "\uFEFB", "لا"},
		{"nfkc/lam-alef hamza ligature", NFKC, "\uFEF7", "لأ"},
		{"nfkc/combining hamza composes", NFKC, "ا\u0654", "أ"},
		{"nfkc/combining madda composes", NFKC, "ا\u0653", "آ"},
		{"nfkc/allah ligature", NFKC | StripTashkeel, "\uFDF2", "الله"},
		{"nfkc/ellipsis", NFKC, "…", "..."},
		{"nfkc/full-width latin", NFKC, "ＵＮ", "UN"},
		{"nfkc off keeps presentation forms", Default &^ NFKC, "\uFEFB", "\uFEFB"},
		// StripTashkeel
		{"tashkeel/harakat and shadda", StripTashkeel, "مُحَمَّدٌ", "محمد"},
		{"tashkeel/tanwin fath", StripTashkeel, "شكراً", "شكرا"},
		{"tashkeel/sukun", StripTashkeel, "مَسْجِد", "مسجد"},
		{"tashkeel/superscript alef", StripTashkeel, "هٰذا", "هذا"},
		{"tashkeel/hamza above as mark", StripTashkeel, "ء\u0654", "ء"},
		{"tashkeel off keeps marks", Default &^ StripTashkeel, "مُحَمَّد", "مُحَمَّد"},
		// StripTatweel
		{"tatweel", StripTatweel, "الكويـــت", "الكويت"},
		{"tatweel/with hah", StripTatweel, "هـ", "ه"},
		{"tatweel off", Default &^ StripTatweel, "هـ", "هـ"},
		// StripControls
		{"controls/lrm rlm alm", StripControls, "\u200Eمصر\u200F\u061C", "مصر"},
		{"controls/embeddings", StripControls, "\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee", "abcde"},
		{"controls/isolates", StripControls, "\u2066a\u2067b\u2068c\u2069", "abc"},
		{"controls/zwj zwnj", StripControls, "می\u200Cخواهم\u200D", "میخواهم"},
		{"controls/bom", StripControls, "\uFEFFنص", "نص"},
		{"controls/between letter and mark", StripControls | StripTashkeel, "ب\u200Fَ", "ب"},
		{"controls off", Default &^ StripControls, "\u200Fمصر", "\u200Fمصر"},
		// FoldAlef
		{"alef/hamza above", FoldAlef, "أحمد", "احمد"},
		{"alef/hamza below", FoldAlef, "إسلام", "اسلام"},
		{"alef/madda", FoldAlef, "آلن", "الن"},
		{"alef/wasla", FoldAlef, "ٱلله", "الله"},
		{"alef off", Default &^ FoldAlef, "أحمد", "أحمد"},
		// FoldYeh
		{"yeh/alef maksura", FoldYeh, "على", "علي"},
		{"yeh/farsi yeh", FoldYeh, "ایران", "ايران"},
		{"yeh off", Default &^ FoldYeh, "على", "على"},
		// FoldKaf
		{"kaf/keheh", FoldKaf, "کتاب", "كتاب"},
		{"kaf off", Default &^ FoldKaf, "کتاب", "کتاب"},
		// FoldTehMarbuta
		{"teh marbuta", FoldTehMarbuta, "مدينة", "مدينه"},
		{"teh marbuta off", Default &^ FoldTehMarbuta, "مدينة", "مدينة"},
		// FoldDigits
		{"digits/arabic-indic", FoldDigits, "٠١٢٣٤٥٦٧٨٩", "0123456789"},
		{"digits/extended", FoldDigits, "۰۱۲۳۴۵۶۷۸۹", "0123456789"},
		{"digits/separators kept", FoldDigits, "١٬٠٠٠٫٥", "1٬000٫5"},
		{"digits off", Default &^ FoldDigits, "٢٠١٤", "٢٠١٤"},
		// FoldCase
		{"case/ascii", FoldCase, "ISIS Daesh", "isis daesh"},
		{"case/non-ascii", FoldCase, "ÉTAT", "état"},
		{"case off", Default &^ FoldCase, "ISIS", "ISIS"},
		// FoldHamzaSeats: off by default
		{"hamza seats on", FoldHamzaSeats, "رئيس مؤتمر", "رييس موتمر"},
		{"hamza seats off by default", Default, "رئيس مؤتمر", "رئيس مؤتمر"},
		// Default: all together
		{"default/reference headline word", Default, "الإنترنت", "الانترنت"},
		{"default/vocalized with hamza", Default, "وَالإِمَارَاتُ", "والامارات"},
		{"default/kashida with harakah", Default, "بـَـيت", "بيت"},
		{"default/hamza on tatweel", Default, "ـٔ", ""},
		{"default/decomposed alef hamza with control between", Default, "ا\u200D\u0654", "ا"},
		{"default/empty", Default, "", ""},
		{"default/invalid utf-8", Default, "a\xffb", "a\uFFFDb"},
		// An invalid byte is a segment of its own: a mark after it is
		// normalized alone (U+0344 decomposes to U+0308 U+0301), as it is
		// after the U+FFFD that the byte becomes (found by FuzzNormalize).
		{"nfkc/invalid byte then combining mark", NFKC, "\xf0\u0344", "\uFFFD\u0308\u0301"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := NewNormalizer(tt.fold)
			if got := n.String(tt.in); got != tt.want {
				t.Errorf("normalize(%s) with %b = %s, want %s", hex(tt.in), tt.fold, hex(got), hex(tt.want))
			}
			if got := n.String(n.String(tt.in)); got != n.String(tt.in) {
				t.Errorf("not idempotent: %s", hex(got))
			}
			if got := n.Map(tt.in).Norm; got != tt.want {
				t.Errorf("Map(%s).Norm = %s, want %s", hex(tt.in), hex(got), hex(tt.want))
			}
		})
	}
}

func TestNormalizeDoesNotAllocateWhenNormal(t *testing.T) {
	s := "الكويت تدعو الي توسيع الحرب" // already normalized: ي, not ى
	if got := testing.AllocsPerRun(100, func() { Normalize(s) }); got != 0 {
		t.Errorf("Normalize of normalized text allocates %v times", got)
	}
}

func TestMappedSpan(t *testing.T) {
	tests := []struct {
		name     string
		orig     string
		norm     string // the normalized text (checked)
		sub      string // a substring of norm, located by its first occurrence
		wantOrig string // the original text under it
	}{
		{"identity", "في الكويت اليوم", "في الكويت اليوم", "الكويت", "الكويت"},
		{"same-length folds", "إلى أميركا", "الي اميركا", "اميركا", "أميركا"},
		{"marks stay with their letter", "وَالإِمَارَاتُ", "والامارات", "الامارات", "الإِمَارَاتُ"},
		{"removed tatweel inside", "الكويـــت", "الكويت", "كويت", "كويـــت"},
		{"removed controls at the edges stay out", "\u200Fمصر\u200F", "مصر", "مصر", "مصر"},
		{"digits change length", "عام ٢٠١٤م", "عام 2014م", "2014", "٢٠١٤"},
		{"digit span after shorter digits", "٢٠١٤ الكويت", "2014 الكويت", "الكويت", "الكويت"},
		{"half a ligature grows to the ligature", "\uFEFBبد", "لابد", "ل", "\uFEFB"},
		{"ligature then text", "\uFEFB بد", "لا بد", "بد", "بد"},
		{"presentation forms", "\uFE8D\uFEDF\uFEB4\uFEFC\uFEE1 عليكم", "السلام عليكم", "السلام", "\uFE8D\uFEDF\uFEB4\uFEFC\uFEE1"},
		{"end of text", "جون آلن", "جون الن", "الن", "آلن"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Map(tt.orig)
			if m.Norm != tt.norm {
				t.Fatalf("Norm = %s, want %s", hex(m.Norm), hex(tt.norm))
			}
			start := indexOf(m.Norm, tt.sub)
			if start < 0 {
				t.Fatalf("%s not in %s", hex(tt.sub), hex(m.Norm))
			}
			o := m.Span(start, start+len(tt.sub))
			if got := tt.orig[o.Start:o.End]; got != tt.wantOrig {
				t.Errorf("Span(%d, %d) = %s, want %s", start, start+len(tt.sub), hex(got), hex(tt.wantOrig))
			}
			runes := []rune(tt.orig)
			if got := string(runes[o.RuneStart:o.RuneEnd]); got != tt.wantOrig {
				t.Errorf("rune span [%d,%d) = %s, want %s", o.RuneStart, o.RuneEnd, hex(got), hex(tt.wantOrig))
			}
		})
	}
}

func TestMappedSpanClamps(t *testing.T) {
	m := Map("أبو ظبي")
	if o := m.Span(-5, 1000); o.Start != 0 || o.End != len(m.Orig) {
		t.Errorf("Span(-5, 1000) = %+v, want the whole text", o)
	}
	if o := m.Span(4, 2); o.Start != o.End {
		t.Errorf("Span(4, 2) = %+v, want an empty span", o)
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestSurelyNFKC(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"empty", "", true},
		{"ascii", "abc 12", true},
		{"letters", "كتب", true},
		{"fatha then shadda", "ك\u064E\u0651", true},
		{"shadda then fatha: reordered by NFKC", "ك\u0651\u064E", false},
		{"hamza above: composes", "ا\u0654", false},
		{"madda above", "ا\u0653", false},
		{"tatweel: not in the checked set", "كـتب", false},
		{"presentation form", "\uFEDF", false},
		{"eight marks in a row", "ك" + strings.Repeat("\u064E", 8), true},
		{"nine marks in a row", "ك" + strings.Repeat("\u064E", 9), false},
		{"marks after ascii", "a\u064E\u0651", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := surelyNFKC(tt.in); got != tt.want {
				t.Errorf("surelyNFKC(%s) = %v, want %v", hex(tt.in), got, tt.want)
			}
		})
	}
}

// TestSurelyNFKCAgreesWithXText checks that every string surelyNFKC calls
// normal is so for x/text: all runes of the Arabic block and some ASCII
// alone and in pairs, and each letter with every three marks.
func TestSurelyNFKCAgreesWithXText(t *testing.T) {
	var runes []rune
	for r := rune(0x0600); r <= 0x06FF; r++ {
		runes = append(runes, r)
	}
	runes = append(runes, 'a', '1', ' ', '.', '\u034F', '\u0300', '\uFEDF')
	check := func(s string) {
		if surelyNFKC(s) && !norm.NFKC.IsNormalString(s) {
			t.Errorf("surelyNFKC(%s) = true, x/text: not in NFKC", hex(s))
		}
	}
	for _, a := range runes {
		check(string(a))
		for _, b := range runes {
			check(string([]rune{a, b}))
		}
	}
	var marks []rune
	for r := rune(0x064B); r <= 0x065F; r++ {
		marks = append(marks, r)
	}
	for _, l := range []rune{'ا', 'و', 'ي', 'ك', 'ه', 'a'} {
		for _, x := range marks {
			for _, y := range marks {
				for _, z := range marks {
					check(string([]rune{l, x, y, z}))
				}
			}
		}
	}
}
