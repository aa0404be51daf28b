package arabic

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSegment(t *testing.T) {
	// Each reading is written proclitics+stem+enclitic=original text of
	// the stem.
	tests := []struct {
		name string
		word string
		want []string
	}{
		{"conjunction and article", "والإمارات", []string{
			"+والامارات+=والإمارات", "و+الامارات+=الإمارات", "وال+امارات+=إمارات"}},
		{"particle before a madda alef", "لآلن", []string{
			"+لالن+=لآلن", "ل+الن+=آلن"}}, // ل+ال+ن would leave one letter
		{"particle", "بداعش", []string{"+بداعش+=بداعش", "ب+داعش+=داعش"}},
		{"lam-lam contraction", "للتحالف", []string{
			"+للتحالف+=للتحالف", "ل+لتحالف+=لتحالف", "ل+التحالف+=لتحالف", "لل+تحالف+=تحالف"}},
		{"conjunction and contraction", "وللولايات", []string{
			"+وللولايات+=وللولايات", "و+للولايات+=للولايات", "ول+لولايات+=لولايات", "ول+الولايات+=لولايات", "ولل+ولايات+=ولايات"}},
		{"demonym with article and nisba yeh", "الأميركي", []string{
			"+الاميركي+=الأميركي", "+الاميرك+ي=الأميرك", "ال+اميركي+=أميركي", "ال+اميرك+ي=أميرك"}},
		{"teh marbuta is not a pronoun", "الكويتية", []string{"+الكويتيه+=الكويتية", "ال+كويتيه+=كويتية"}},
		{"heh is a pronoun", "كتابه", []string{"+كتابه+=كتابه", "ك+تابه+=تابه", "+كتاب+ه=كتاب", "ك+تاب+ه=تاب"}},
		{"sin before the imperfect", "سيقول", []string{"+سيقول+=سيقول", "س+يقول+=يقول"}},
		{"no sin before other letters", "سلام", []string{"+سلام+="}},
		{"fa and ba and article", "فبالكويت", []string{
			"+فبالكويت+=فبالكويت", "ف+بالكويت+=بالكويت", "فب+الكويت+=الكويت", "فبال+كويت+=كويت"}},
		{"marks stay with their letters", "وَالكُوَيْتُ", []string{
			"+والكويت+=وَالكُوَيْتُ", "و+الكويت+=الكُوَيْتُ", "وال+كويت+=كُوَيْتُ"}},
		{"tatweel inside", "بالكويـت", []string{"+بالكويت+=بالكويـت", "ب+الكويت+=الكويـت", "بال+كويت+=كويـت"}},
		{"two letters: nothing to strip", "لا", []string{"+لا+=لا"}},
		{"three letters: stems of two", "وقع", []string{"+وقع+=وقع", "و+قع+=قع"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.word)
			if len(toks) != 1 {
				t.Fatalf("%s is %d tokens", hex(tt.word), len(toks))
			}
			segs := Segment(tt.word, toks[0])
			var got []string
			for _, s := range segs {
				got = append(got, s.Proclitics+"+"+s.Stem+"+"+s.Enclitic+"="+tt.word[s.Start:s.End])
			}
			if tt.name == "no sin before other letters" {
				tt.want[0] += tt.word
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("Segment(%s)\n got %q\nwant %q", hex(tt.word), got, tt.want)
			}
			checkSegments(t, tt.word, toks[0], segs)
		})
	}
}

// checkSegments checks the invariants of the segmentations of any token.
func checkSegments(t *testing.T, text string, tok Token, segs []Segmentation) {
	t.Helper()
	if len(segs) == 0 || segs[0].Stem != tok.Norm || segs[0].Offsets != tok.Offsets || segs[0].Stripped() != 0 {
		t.Fatalf("first segmentation of %s is not the whole token: %+v", hex(tok.Text(text)), segs)
	}
	for i, s := range segs {
		if i > 0 && s.Stripped() < segs[i-1].Stripped() {
			t.Errorf("segmentation %d strips fewer letters than the one before", i)
		}
		if s.Start < tok.Start || s.End > tok.End || s.Start >= s.End {
			t.Fatalf("segmentation %d span [%d,%d) outside the token [%d,%d)", i, s.Start, s.End, tok.Start, tok.End)
		}
		if rs := utf8.RuneCountInString(text[:s.Start]); rs != s.RuneStart || rs+utf8.RuneCountInString(text[s.Start:s.End]) != s.RuneEnd {
			t.Fatalf("segmentation %d rune span [%d,%d) does not match its bytes", i, s.RuneStart, s.RuneEnd)
		}
		if i == 0 {
			continue
		}
		if utf8.RuneCountInString(s.Stem) < minLetter {
			t.Errorf("segmentation %d: stem %s shorter than two letters", i, hex(s.Stem))
		}
		under := Normalize(text[s.Start:s.End])
		restored := strings.HasSuffix(s.Proclitics, "ل") && s.Stem == "ا"+under
		if under != s.Stem && !restored {
			t.Errorf("segmentation %d: text under the stem normalizes to %s, stem %s", i, hex(under), hex(s.Stem))
		}
		if s.Proclitics+under+s.Enclitic != tok.Norm {
			t.Errorf("segmentation %d: %s + %s + %s is not the word %s", i, s.Proclitics, under, s.Enclitic, tok.Norm)
		}
	}
}

func TestSegmentNonWords(t *testing.T) {
	for _, in := range []string{"ISIS", "2014", "#داعش", "«"} {
		toks := Tokenize(in)
		segs := Segment(in, toks[0])
		if len(segs) != 1 || segs[0].Stem != toks[0].Norm {
			t.Errorf("Segment(%q) = %+v, want the token alone", in, segs)
		}
	}
}
