package arabic

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/internal/testutil"
)

func TestStem(t *testing.T) {
	tests := []struct {
		name, word, want string
	}{
		{"article", "الكتاب", "كتاب"},
		{"waw and article", "والكتاب", "كتاب"},
		{"ba-article", "بالمدرسة", "مدرس"}, // ة → ه, then the suffix ه
		{"lam-lam", "للتحالف", "تحالف"},
		{"feminine plural", "المكتبات", "مكتب"},
		{"masculine plural", "مهندسون", "مهندس"},
		{"oblique plural", "المهندسين", "مهندس"},
		{"dual", "كتابان", "كتاب"},
		{"nisba feminine", "الكويتية", "كويت"},
		{"nisba", "الأميركي", "اميرك"},
		{"pronoun ها", "عاصمتها", "عاصمت"},
		{"waw kept when two letters would remain", "وقع", "وقع"},
		{"waw removed when three remain", "وزارة", "زار"}, // light10's known over-stemming
		{"article kept when one letter would remain", "الف", "الف"},
		{"suffix kept when one letter would remain", "يه", "يه"},
		{"suffixes in one pass", "مدرستيه", "مدرست"},
		{"empty", "", ""},
		{"latin untouched", "isis", "isis"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Stem(Normalize(tt.word)); got != tt.want {
				t.Errorf("Stem(%s) = %s, want %s", hex(tt.word), hex(got), hex(tt.want))
			}
		})
	}
}

// stemLists is Stem as it was written before it looked at bytes: each
// article, then each suffix, tried in turn. TestStemSameAsLists compares
// the two.
func stemLists(word string) string {
	if rest, ok := strings.CutPrefix(word, "و"); ok && hasLetters(rest, 3) {
		word = rest
	}
	for _, p := range []string{"وال", "بال", "كال", "فال", "ال", "لل"} {
		if rest, ok := strings.CutPrefix(word, p); ok && hasLetters(rest, 2) {
			word = rest
			break
		}
	}
	for _, s := range []string{"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"} {
		if rest, ok := strings.CutSuffix(word, s); ok && hasLetters(rest, 2) {
			word = rest
		}
	}
	return word
}

// TestStemSameAsLists checks Stem against stemLists on every word of up
// to five letters drawn from the affixes' letters and two others, on
// prefixes of Arabic letters' bytes, and on the forms of the reference
// article and of the ANT sample when present.
func TestStemSameAsLists(t *testing.T) {
	check := func(w string) {
		t.Helper()
		if got, want := Stem(w), stemLists(w); got != want {
			t.Fatalf("Stem(%s) = %s, the lists give %s", hex(w), hex(got), hex(want))
		}
	}
	letters := []string{"و", "ا", "ل", "ب", "ك", "ف", "ه", "ن", "ت", "ي", "م", "x", ""}
	var rec func(w string, n int)
	rec = func(w string, n int) {
		check(w)
		for i := 1; i < len(w); i++ {
			check(w[:i]) // cut inside a letter
			check(w[i:])
		}
		if n == 0 {
			return
		}
		for _, l := range letters[:len(letters)-1] {
			rec(w+l, n-1)
		}
	}
	rec("", 5)
	texts, _ := testutil.TextFiles("../../shared/data/ant_corpus_v2.1_sample")
	if ref, err := os.ReadFile(referenceArticle); err == nil {
		texts = append(texts, string(ref))
	}
	for _, text := range texts {
		for _, tok := range Tokenize(text) {
			check(tok.Norm)
		}
	}
}

// TestStemGolden compares Stem with the stems of the golden corpus of
// Benzahia (BSD-2, in ../shared/data). That corpus's stems are deeper than
// light stemming reaches, so the test reports the agreement and only guards
// against a collapse.
func TestStemGolden(t *testing.T) {
	data, err := os.ReadFile("../../shared/data/arabic_stemmer_golden/golden_corpus_arabic.json")
	if err != nil {
		t.Skip("golden stemming corpus absent:", err)
	}
	var rows []struct{ Word, Stem string }
	if err := json.Unmarshal(data, &rows); err != nil {
		t.Fatal(err)
	}
	same, prefix := 0, 0
	for _, r := range rows {
		got, want := Stem(Normalize(r.Word)), Normalize(r.Stem)
		if got == want {
			same++
		}
		if len(want) <= len(got) && got[:len(want)] == want || len(got) <= len(want) && want[:len(got)] == got {
			prefix++
		}
	}
	t.Logf("light10 equals the golden stem for %d of %d words (%.1f%%); one is a prefix of the other for %d",
		same, len(rows), 100*float64(same)/float64(len(rows)), prefix)
	if same*100 < 15*len(rows) { // measured: 20.0%
		t.Errorf("light10 agrees with the golden stems on only %d of %d words", same, len(rows))
	}
}

func TestIsStopWord(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"في", true}, {"من", true}, {"على", true}, {"إلى", true}, {"الذي", true}, {"هذه", true},
		{"الكويت", false}, {"داعش", false}, {"حرب", false}, {"", false},
	}
	for _, tt := range tests {
		if got := IsStopWord(Normalize(tt.word)); got != tt.want {
			t.Errorf("IsStopWord(%s) = %v, want %v", hex(tt.word), got, tt.want)
		}
	}
	if n := len(StopWords()); n < 700 || n > 800 {
		t.Errorf("%d stop words after normalization; the list has 800 lines", n)
	}
	// The filter in front of the map never turns a stop word away.
	for _, w := range StopWords() {
		if !IsStopWord(w) {
			t.Errorf("IsStopWord(%s) = false for a word of StopWords", hex(w))
		}
	}
}

func TestAnalysisStems(t *testing.T) {
	a := Analyze("والكتاب ISIS ٢٠١٤ المكتبات")
	got := a.Stems()
	want := []string{"كتاب", "isis", "2014", "مكتب"}
	if len(got) != len(want) {
		t.Fatalf("Stems() = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Stems()[%d] = %s, want %s", i, hex(got[i]), hex(want[i]))
		}
	}
	if &a.Stems()[0] != &got[0] {
		t.Error("Stems() computed twice")
	}
}

func TestHasLetters(t *testing.T) {
	tests := []struct {
		name string
		s    string
		n    int
		want bool
	}{
		{"empty, none wanted", "", 0, true},
		{"empty, one wanted", "", 1, false},
		{"two Arabic letters, two wanted", "من", 2, true},
		{"two Arabic letters, three wanted", "من", 3, false},
		{"long word, two wanted", "المعلمون", 2, true},
		{"one letter of four bytes", "𝐀", 1, true},
		{"ASCII", "ab", 3, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasLetters(tt.s, tt.n); got != tt.want {
				t.Errorf("hasLetters(%s, %d) = %v, want %v", hex(tt.s), tt.n, got, tt.want)
			}
		})
	}
}

// TestStemIndex checks the numbers of the stems against a map, on the
// reference article, the ANT sample when present, and an empty text.
func TestStemIndex(t *testing.T) {
	texts, _ := testutil.TextFiles("../../shared/data/ant_corpus_v2.1_sample")
	if ref, err := os.ReadFile(referenceArticle); err == nil {
		texts = append(texts, string(ref))
	}
	texts = append(texts, "", "والكتاب الكتاب كتاب، كتاب")
	for _, text := range texts {
		a := Analyze(text)
		x := a.StemIndex()
		if a.StemIndex() != x {
			t.Fatal("StemIndex() computed twice")
		}
		stems, ids := a.Stems(), x.IDs()
		if len(ids) != len(stems) {
			t.Fatalf("%d ids for %d tokens", len(ids), len(stems))
		}
		want := map[string]int32{}
		for k, s := range stems {
			id, ok := want[s]
			if !ok {
				id = int32(len(want))
				want[s] = id
				if x.FirstToken(s) != k {
					t.Fatalf("FirstToken(%s) = %d, want %d", hex(s), x.FirstToken(s), k)
				}
			}
			if ids[k] != id {
				t.Fatalf("token %d (%s): id %d, want %d", k, hex(s), ids[k], id)
			}
			if got := x.ID(s); got != id {
				t.Fatalf("ID(%s) = %d, want %d", hex(s), got, id)
			}
		}
		if x.Len() != len(want) {
			t.Fatalf("Len() = %d, want %d", x.Len(), len(want))
		}
		for _, s := range []string{"", "absent", "قطرات"} {
			if _, ok := want[s]; !ok && (x.ID(s) != -1 || x.FirstToken(s) != -1) {
				t.Errorf("ID(%q) = %d, FirstToken %d for a stem no token has", s, x.ID(s), x.FirstToken(s))
			}
		}
	}
	if got, first := new(StemIndex).ID("x"), new(StemIndex).FirstToken("x"); got != -1 || first != -1 {
		t.Errorf("zero StemIndex: ID = %d, FirstToken = %d", got, first)
	}
}
