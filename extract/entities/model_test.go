package entities

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/nerfeat"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/pipeline"
	"github.com/alam-nlp/alam/tagger"
)

func newTestRecognizer(t testing.TB, opt Options) *Recognizer {
	t.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(gazetteer.Compile(g), opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestModelProclitics(t *testing.T) {
	r := newTestRecognizer(t, Options{})
	tests := []struct{ word, want string }{
		{"والقاهرة", "و"},
		{"بالقاهرة", "ب"},
		{"فالقاهرة", "ف"},
		{"وبالقاهرة", "وب"},
		{"للتحالف", "ل"}, // ل + التحالف: the mention reads لتحالف, as the rules' do
		{"ومحمد", "و"},   // a given name after و
		{"وليد", ""},     // a name that starts with و
		{"واشنطن", ""},   // so is this one
		{"وزارة", ""},    // and this word
		{"لبنان", ""},    // ل is the name's own
		{"كالعادة", "ك"}, // ك before the article
		{"القاهرة", ""},  // the article stays inside
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			scr := r.getScratch()
			defer r.putScratch(scr)
			d := r.newArticle(arabic.Analyze(tc.word), scr)
			if got := d.modelProclitics(0); got != tc.want {
				t.Errorf("modelProclitics(%q) = %q, want %q (% x)", tc.word, got, tc.want, tc.word)
			}
		})
	}
}

func TestTaggerFeatures(t *testing.T) {
	r := newTestRecognizer(t, Options{})
	text := "قال الوزير منير الزعبي إن القاهرة بعيدة. وعاد أمس"
	a := arabic.Analyze(text)
	sents := r.TaggerFeatures(a)
	if len(sents) != len(a.Sentences) {
		t.Fatalf("%d tagger sentences for %d sentences", len(sents), len(a.Sentences))
	}
	next := 0
	for _, s := range sents {
		if s.FirstToken != next || len(s.Features) != s.EndToken-s.FirstToken {
			t.Fatalf("sentence %+v does not follow token %d or has %d feature lists", s, next, len(s.Features))
		}
		next = s.EndToken
	}
	if next != len(a.Tokens) {
		t.Errorf("the tagger sentences end at token %d of %d", next, len(a.Tokens))
	}
	want := map[string]string{
		"منير":    "h=B-PERSON/rule/name",
		"الزعبي":  "h=I-PERSON/rule/name",
		"القاهرة": "h=B-LOCATION/gazetteer/name",
	}
	// The word lists: a verb of saying, a title, a given name.
	lists := map[string]byte{"قال": 'V', "الوزير": 'T', "منير": 'G'}
	for k, tok := range a.Tokens {
		c, ok := lists[tok.Text(text)]
		if !ok {
			continue
		}
		i := slices.IndexFunc(sents[0].Features[k], func(f string) bool { return strings.HasPrefix(f, "l=") })
		if i < 0 || !strings.ContainsRune(sents[0].Features[k][i], rune(c)) {
			t.Errorf("features of %s lack the list code %c: %q", tok.Text(text), c, sents[0].Features[k])
		}
	}
	for k, tok := range a.Tokens {
		f, ok := want[tok.Text(text)]
		if !ok {
			continue
		}
		if !slices.Contains(sents[0].Features[k], f) {
			t.Errorf("features of %s lack %q: %q", tok.Text(text), f, sents[0].Features[k])
		}
	}
}

// TestRecognizeWithModel trains a tagger on sentences in which made-up
// words are people, and checks that its names join the gazetteer's.
func TestRecognizeWithModel(t *testing.T) {
	plain := newTestRecognizer(t, Options{})
	names := []string{"زيبوف", "كرامبو", "ليتسكي", "دورانتي", "مايسكو", "فيرنوس"}
	var data []tagger.Sentence
	for i := range 30 {
		text := "وصل " + names[i%len(names)] + " إلى القاهرة أمس"
		for _, s := range plain.TaggerFeatures(arabic.Analyze(text)) {
			data = append(data, tagger.Sentence{Features: s.Features, Labels: []string{"O", "B-PERS", "O", "B-LOC", "O"}})
		}
	}
	m, err := tagger.Train(data, tagger.Config{Epochs: 5, Seed: 1, Bits: 14, FeatureSet: nerfeat.Version})
	if err != nil {
		t.Fatal(err)
	}
	r := newTestRecognizer(t, Options{Model: m})
	text := "وصل بوركاني إلى القاهرة أمس. وصل زيبوف أمس"
	a := arabic.Analyze(text)
	var got []string
	for _, mn := range r.Recognize(a) {
		got = append(got, a.Text[mn.Start:mn.End]+" "+string(mn.Type)+" "+string(mn.Source))
		if mn.Score <= 0 || mn.Score > 1 {
			t.Errorf("%s: score %g outside (0, 1]", a.Text[mn.Start:mn.End], mn.Score)
		}
	}
	want := []string{"بوركاني PERSON model", "القاهرة LOCATION gazetteer", "زيبوف PERSON model"}
	if !slices.Equal(got, want) {
		t.Errorf("Recognize(%q)\n got %q\nwant %q", text, got, want)
	}

	only := newTestRecognizer(t, Options{Model: m, ModelOnly: true})
	for _, mn := range only.Recognize(a) {
		if mn.Source != pipeline.SourceModel {
			t.Errorf("ModelOnly gave %s from %s", a.Text[mn.Start:mn.End], mn.Source)
		}
	}

	foreign, _ := tagger.Train(data[:2], tagger.Config{Epochs: 1, Bits: 8, FeatureSet: "other/1"})
	g, _ := gazetteer.Default()
	if _, err := New(gazetteer.Compile(g), Options{Model: foreign}); err == nil || !strings.Contains(err.Error(), "other/1") {
		t.Errorf("a model of other features: error %v, want one naming its feature set", err)
	}
}

// TestModelKeepsTrimmedNames checks that a model which tags a gazetteer
// name with the words around it that the guideline leaves outside (a
// demonym after it, نادي before it) does not undo the lists' edges: a
// model trained to tag بنفيكا البرتغالي and نادي بنفيكا البرتغالي as one
// organization still gives the club's name alone.
func TestModelKeepsTrimmedNames(t *testing.T) {
	plain := newTestRecognizer(t, Options{})
	train := []struct {
		text   string
		labels []string
	}{
		{"فاز بنفيكا البرتغالي أمس", []string{"O", "B-ORG", "I-ORG", "O"}},
		{"خسر بنفيكا البرتغالي اليوم", []string{"O", "B-ORG", "I-ORG", "O"}},
		{"أكد رئيس نادي بنفيكا البرتغالي أمس", []string{"O", "O", "B-ORG", "I-ORG", "I-ORG", "O"}},
	}
	var data []tagger.Sentence
	for _, tr := range train {
		for _, s := range plain.TaggerFeatures(arabic.Analyze(tr.text)) {
			for range 10 {
				data = append(data, tagger.Sentence{Features: s.Features, Labels: tr.labels})
			}
		}
	}
	m, err := tagger.Train(data, tagger.Config{Epochs: 5, Seed: 1, Bits: 14, FeatureSet: nerfeat.Version})
	if err != nil {
		t.Fatal(err)
	}
	only := newTestRecognizer(t, Options{Model: m, ModelOnly: true})
	r := newTestRecognizer(t, Options{Model: m})
	tests := []struct{ name, text, modelName string }{
		{"a demonym after the name", "فاز بنفيكا البرتغالي أمس", "بنفيكا البرتغالي"},
		{"نادي before the name", "أكد رئيس نادي بنفيكا البرتغالي أمس", "نادي بنفيكا البرتغالي"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := arabic.Analyze(tt.text)
			if got := only.Recognize(a); len(got) != 1 || a.Text[got[0].Start:got[0].End] != tt.modelName {
				t.Fatalf("the model alone: %v, want the one name %s", got, tt.modelName)
			}
			var got []string
			for _, mn := range r.Recognize(a) {
				got = append(got, a.Text[mn.Start:mn.End]+" "+string(mn.Type)+" "+string(mn.Source))
			}
			want := []string{"بنفيكا ORG gazetteer", "البرتغالي COUNTRY gazetteer"}
			if !slices.Equal(got, want) {
				t.Errorf("Recognize(%q)\n got %q\nwant %q", tt.text, got, want)
			}
		})
	}
}

// TestModelClubOfAPlace checks that a city's name the model tags as an
// organization becomes one (a club, docs/GUIDELINES.md rule 8), with no
// entry, while a country's name stays the country's (a national team).
func TestModelClubOfAPlace(t *testing.T) {
	plain := newTestRecognizer(t, Options{})
	var data []tagger.Sentence
	for _, text := range []string{"فاز مانشستر أمس", "فاز المغرب أمس", "خسر مانشستر اليوم", "خسر المغرب اليوم"} {
		for _, s := range plain.TaggerFeatures(arabic.Analyze(text)) {
			for range 10 {
				data = append(data, tagger.Sentence{Features: s.Features, Labels: []string{"O", "B-ORG", "O"}})
			}
		}
	}
	m, err := tagger.Train(data, tagger.Config{Epochs: 5, Seed: 1, Bits: 14, FeatureSet: nerfeat.Version})
	if err != nil {
		t.Fatal(err)
	}
	r := newTestRecognizer(t, Options{Model: m})
	tests := []struct{ name, text, want string }{
		{"a city's name is its club's", "فاز مانشستر أمس", "مانشستر ORG model -1"},
		{"a country's name stays the country's", "فاز المغرب أمس", "المغرب COUNTRY gazetteer country:MA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := arabic.Analyze(tt.text)
			var got []string
			for _, mn := range r.Recognize(a) {
				who := "-1"
				if mn.Entry != NoEntry {
					who = r.Entries()[mn.Entry].ID
				}
				got = append(got, a.Text[mn.Start:mn.End]+" "+string(mn.Type)+" "+string(mn.Source)+" "+who)
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("Recognize(%q) = %q, want [%q]", tt.text, got, tt.want)
			}
		})
	}
}

// TestTaggerFeaturesLongSentence checks that a sentence longer than
// maxTaggerTokens reaches the tagger in pieces that cover it, in order,
// with a feature list per token: the features of an article are never all
// made at once (before, those of a 15 MB article took 2.6 GB).
func TestTaggerFeaturesLongSentence(t *testing.T) {
	r := newTestRecognizer(t, Options{})
	text := strings.Repeat("زار الوزير منير الزعبي الكويت ", 600) // one sentence of 3,000 tokens
	a := arabic.Analyze(text)
	if len(a.Sentences) != 1 {
		t.Fatalf("%d sentences, want 1", len(a.Sentences))
	}
	sents := r.TaggerFeatures(a)
	next := 0
	for _, s := range sents {
		if s.FirstToken != next || s.EndToken-s.FirstToken > maxTaggerTokens || len(s.Features) != s.EndToken-s.FirstToken {
			t.Fatalf("piece [%d, %d) with %d feature lists after token %d", s.FirstToken, s.EndToken, len(s.Features), next)
		}
		next = s.EndToken
	}
	if next != len(a.Tokens) || len(sents) != 3 {
		t.Errorf("%d pieces end at token %d of %d, want 3 pieces", len(sents), next, len(a.Tokens))
	}
	// The rules' hints reach every piece.
	if !slices.Contains(sents[2].Features[len(sents[2].Features)-3], "h=B-PERSON/rule/name") {
		t.Errorf("features of منير in the last piece: %q", sents[2].Features[len(sents[2].Features)-3])
	}
}

// TestHintLabels checks the hint labels against the strings the tagger
// was trained on (a rule's candidate: type/source/form; a gazetteer
// match: type/form), each made once and then given again.
func TestHintLabels(t *testing.T) {
	tests := []struct {
		name string
		key  hintKey
		want string
	}{
		{"rule person, first token", hintKey{typ: gazetteer.Person, source: pipeline.SourceRule, form: gazetteer.FormName, begin: true}, "B-PERSON/rule/name"},
		{"rule person, inside", hintKey{typ: gazetteer.Person, source: pipeline.SourceRule, form: gazetteer.FormName}, "I-PERSON/rule/name"},
		{"gazetteer demonym", hintKey{typ: gazetteer.Country, source: pipeline.SourceGazetteer, form: gazetteer.FormAdjective, begin: true}, "B-COUNTRY/gazetteer/adjective"},
		{"raw gazetteer match", hintKey{typ: gazetteer.Org, form: gazetteer.FormName, begin: true, raw: true}, "B-ORG/name"},
		{"raw, inside", hintKey{typ: gazetteer.Location, form: gazetteer.FormName, raw: true}, "I-LOCATION/name"},
	}
	var (
		h hintLabels
		c hintLabelCache
	)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for range 2 {
				if got := h.label(tc.key); got != tc.want {
					t.Errorf("label(%+v) = %q, want %q", tc.key, got, tc.want)
				}
				if got := c.label(&h, tc.key); got != tc.want {
					t.Errorf("label(%+v) through the cache = %q, want %q", tc.key, got, tc.want)
				}
			}
		})
	}
	// Every key, looked up through one cache in turn, twice: keys that
	// share a slot take it from one another, and each gets its label.
	var keys []hintKey
	for _, typ := range []gazetteer.Type{gazetteer.Person, gazetteer.Country, gazetteer.Location, gazetteer.Org} {
		for _, src := range []pipeline.Source{pipeline.SourceRule, pipeline.SourceGazetteer, ""} {
			for _, form := range []gazetteer.Form{gazetteer.FormName, gazetteer.FormAdjective} {
				for _, begin := range []bool{true, false} {
					keys = append(keys, hintKey{typ: typ, source: src, form: form, begin: begin, raw: src == ""})
				}
			}
		}
	}
	slots := map[uint]bool{}
	for _, k := range keys {
		slots[k.slot()%uint(len(c.slots))] = true
	}
	if len(slots) == len(keys) {
		t.Fatalf("the %d keys have a slot each: none shares one", len(keys))
	}
	var fresh hintLabelCache
	for range 2 {
		for _, k := range keys {
			if got, want := fresh.label(&h, k), h.label(k); got != want {
				t.Errorf("label(%+v) through the cache = %q, want %q", k, got, want)
			}
		}
	}
}

// TestMayEndIn checks the invariant shortForms relies on: every stem of
// a reading of a word without enclitics is one mayEndIn accepts for the
// word, so that a word it turns down has no reading with one of the
// stems; and that it turns down a word with no such ending.
func TestMayEndIn(t *testing.T) {
	tok := arabic.NewTokenizer(arabic.Default)
	text := "وللرئيس للمدينة بالقاهرة والكويت فالأمين وسيقول لأحمد كمحمد الجار الله وبأوباما للاعبين"
	a := tok.Analyze(text)
	opts := arabic.SegmentOptions{NoEnclitics: true}
	for _, k := range a.Tokens {
		for _, seg := range tok.AppendSegmentsWith(nil, a.Text, k, opts) {
			if !mayEndIn(k.Norm, []string{seg.Stem}) {
				t.Errorf("mayEndIn(%q, [%q]) = false for a reading of the word (% x, % x)", k.Norm, seg.Stem, k.Norm, seg.Stem)
			}
		}
	}
	for _, tc := range []struct {
		w     string
		stems []string
		want  bool
	}{
		{"للرئيس", []string{"الرئيس"}, true}, // لل: the article restored
		{"بالقاهره", []string{"القاهره"}, true},
		{"بالقاهره", []string{"الكويت", "محمد"}, false},
		{"محمد", nil, false},
	} {
		if got := mayEndIn(tc.w, tc.stems); got != tc.want {
			t.Errorf("mayEndIn(%q, %q) = %v, want %v", tc.w, tc.stems, got, tc.want)
		}
	}
}

// TestMayEndInFilter checks the tails mayEndInFilter lets through, by hand:
// a word whose last byte ends no stem is left out, and a stem that is
// empty or ا lets every word through (but never a token that is not a
// word); and that the filter never leaves out a word mayEndIn keeps.
func TestMayEndInFilter(t *testing.T) {
	tail := func(w string) uint16 {
		if w == "" {
			return tailEmpty
		}
		return uint16(w[len(w)-1])
	}
	for _, tc := range []struct {
		name  string
		w     string
		stems []string
		want  bool
	}{
		{"the stem itself", "محمد", []string{"محمد"}, true},
		{"after proclitics", "بالقاهره", []string{"القاهره"}, true},
		{"the article restored after لل", "للرئيس", []string{"الرئيس"}, true},
		{"same last letter, another word", "حامد", []string{"الكويت", "محمد"}, true},
		{"no stem ends in its last letter", "بالقاهره", []string{"الكويت", "محمد"}, false},
		{"no stems", "محمد", nil, false},
		{"an empty word", "", []string{"محمد"}, false},
		{"an empty stem", "بالقاهره", []string{"محمد", ""}, true},
		{"an empty stem, an empty word", "", []string{""}, true},
		{"the stem ا", "بالقاهره", []string{"ا"}, true},
		{"the stem ا, an empty word", "", []string{"محمد", "ا"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := mayEndInFilter(tc.stems)
			if got := f.has(tail(tc.w)); got != tc.want {
				t.Errorf("mayEndInFilter(%q).has(tail of %q) = %v, want %v", tc.stems, tc.w, got, tc.want)
			}
			if mayEndIn(tc.w, tc.stems) && !f.has(tail(tc.w)) {
				t.Errorf("mayEndIn(%q, %q) is true but the filter leaves the word out", tc.w, tc.stems)
			}
			if f.has(tailNone) {
				t.Errorf("mayEndInFilter(%q) lets a token that is not a word through", tc.stems)
			}
		})
	}
}

// TestPluralAdjective checks which one-word model names are read as a
// plural adjective after its noun (and so left out), by hand from
// docs/GUIDELINES.md: a definite sound plural right after a definite
// word, but not a given name with the article, nor after a title.
func TestPluralAdjective(t *testing.T) {
	r := newTestRecognizer(t, Options{})
	tests := []struct {
		name, text string
		first, end int
		want       bool
	}{
		{"adjective in ين after its noun", "على الشباب المسلمين الذين", 2, 3, true},
		{"nisba plural after its noun", "الخلفاء العباسيين", 1, 2, true},
		{"plural in ون after its noun", "العلماء المسلمون", 1, 2, true},
		{"after a noun without the article", "يد المسلمين", 1, 2, false},
		{"after و, a noun of its own", "المسيحيين والمسلمين", 1, 2, false},
		{"family name after a title", "السفير الخيارين", 1, 2, false},
		{"given name with the article", "العباسي المأمون", 1, 2, false},
		{"first word of the text", "المسلمين هنا", 0, 1, false},
		{"not a plural", "الشباب المصري", 1, 2, false},
		{"two words", "الشباب المسلمين الذين", 1, 3, false},
		{"too short a base (الدين)", "الشباب الدين", 1, 2, false},
		{"after punctuation", "الشباب، المسلمين", 2, 3, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			scr := r.getScratch()
			defer r.putScratch(scr)
			a := arabic.Analyze(tc.text)
			d := r.newArticle(a, scr)
			if got := d.pluralAdjective(tc.first, tc.end); got != tc.want {
				t.Errorf("pluralAdjective(%d, %d) of %q = %v, want %v (tokens %d)", tc.first, tc.end, tc.text, got, tc.want, len(a.Tokens))
			}
		})
	}
}

// TestCalibrate checks the scores of the join's names against values
// worked out by hand from σ(0.42·logit(p) + 0.11): the model alone keeps
// its probability, and so do 0 and 1.
func TestCalibrate(t *testing.T) {
	join, alone := &model{}, &model{only: true}
	tests := []struct {
		name string
		mm   *model
		p    float64
		want float64
	}{
		{"the cut, 0.5", join, 0.5, 0.52747},
		{"0.6", join, 0.6, 0.56962},
		{"0.9", join, 0.9, 0.73747},
		{"0.99", join, 0.99, 0.88493},
		{"below the cut (a rule's name)", join, 0.2, 0.38409},
		{"certain", join, 1, 1},
		{"not read", join, 0, 0},
		{"the model alone", alone, 0.9, 0.9},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.mm.calibrate(tc.p); math.Abs(got-tc.want) > 5e-6 {
				t.Errorf("calibrate(%g) = %.6f, want %.5f", tc.p, got, tc.want)
			}
		})
	}
}
