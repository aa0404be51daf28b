package nerfeat

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/alam-nlp/alam/tagger"
)

// randomSentences makes sentences of words of every shape (Arabic words
// short and long, with the article and without, digits, Latin, a
// punctuation mark, a word repeated) with random hints, raw hints, word
// lists (sometimes none, sometimes shorter than the sentence) and seen.
func randomSentences(seed uint64, count int) (sents [][]string, hints, raws, lists [][]string) {
	rng := rand.New(rand.NewPCG(seed, 7))
	pool := []string{"قال", "الرئيس", "محمد", "و", "في", "القاهرة", "،", ".", "2007", "CNN", "عام2007",
		"بالكويت", "والإمارات", "م", "أمس", "الأمم", "المتحدة", "ابن", "عبد", "الله", "-", "|"}
	labels := []string{"", "", "", "B-PERSON/rule/name", "I-PERSON/rule/name", "B-LOCATION/gazetteer/name", "I-ORG/name", "B-COUNTRY/gazetteer/adjective", "B-ORG/rule/adjective"}
	codes := []string{"", "", "G", "TS", "VC", "|", "-"}
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	for range count {
		n := rng.IntN(12)
		var s, h, r, l []string
		for range n {
			s, h, r, l = append(s, pick(pool)), append(h, pick(labels)), append(r, pick(labels)), append(l, pick(codes))
		}
		switch rng.IntN(4) {
		case 0:
			l = nil
		case 1:
			if len(l) > 0 {
				l = l[:rng.IntN(len(l))]
			}
		}
		sents, hints, raws, lists = append(sents, s), append(hints, h), append(raws, r), append(lists, l)
	}
	return sents, hints, raws, lists
}

// TestScorerMatchesHashes checks the Words' hashes against those of the
// feature strings (AppendSentenceHashes, whose strings TestHintedHashes
// checks), feature by feature, and the Scorer's emission scores against
// the sums of those hashes, for a model trained on the same features.
func TestScorerMatchesHashes(t *testing.T) {
	// Clusters of some of the words' stems (ClusterKey), with paths
	// shorter and longer than the prefixes read.
	clusters := newClusters(map[string]string{
		ClusterKey("الرئيس"): "0110100111010", ClusterKey("محمد"): "01101", ClusterKey("القاهرة"): "1",
		ClusterKey("2007"): "11110000111100001111", ClusterKey("قال"): "000000001",
	}, nil)
	// A model of more labels than a Word holds sums for (maxSumLabels):
	// its Words are summed feature by feature.
	many := []string{"O", "O"}
	for k := range 6 {
		many = append(many, fmt.Sprintf("B-T%d", k), fmt.Sprintf("I-T%d", k))
	}
	for _, tc := range []struct {
		name string
		c    *Clusters
		tags []string
	}{
		{"no clusters", nil, []string{"O", "O", "B-PERS", "B-LOC", "B-ORG"}},
		{"clusters", clusters, []string{"O", "O", "B-PERS", "B-LOC", "B-ORG"}},
		{"13 labels", clusters, many},
	} {
		t.Run(tc.name, func(t *testing.T) { testScorer(t, tc.c, tc.tags) })
	}
}

func testScorer(t *testing.T, c *Clusters, tags []string) {
	sents, hints, raws, lists := randomSentences(11, 300)
	lex := NewLexicon(c)
	x := lex.Extractor()
	// The seen of a document: the hinted words of its first sentences.
	seen := map[string]string{}
	var docSeen Seen // the same, over Words
	for i := range 40 {
		x.NoteHints(seen, sents[i], hints[i])
		ws := make([]*Word, len(sents[i]))
		for k, w := range sents[i] {
			ws[k] = lex.Word(w, nil)
		}
		docSeen.NoteWords(ws, hints[i])
	}
	if !maps.Equal(docSeen.Types(), seen) {
		t.Fatalf("Seen.NoteWords noted %v, NoteHints %v", docSeen.Types(), seen)
	}
	var train []tagger.Sentence
	rng := rand.New(rand.NewPCG(3, 4))
	for i, s := range sents {
		fs := x.HintedSentence(s, hints[i], raws[i], lists[i], seen)
		ls := make([]string, len(s))
		for k := range ls {
			ls[k] = tags[rng.IntN(len(tags))]
		}
		train = append(train, tagger.Sentence{Features: fs, Labels: ls})
	}
	m, err := tagger.Train(train, tagger.Config{Epochs: 2, Seed: 1, Bits: 12})
	if err != nil {
		t.Fatal(err)
	}
	n := len(m.Labels())
	if many := len(tags) > 5; many != (n > maxSumLabels) {
		t.Fatalf("a model of %d labels from %d tags (a Word holds the sums of %d)", n, len(tags), maxSumLabels)
	}
	sc := NewScorer(m)
	var s tagger.Scratch
	// Words made for the model (the Scorer's sums of them), and the same
	// with some made for none (the Scorer's sums of their hashes).
	// And Words made with their word lists' codes, one per word and code
	// (SetWordLists; the Scorer sums them when the sentence has lists).
	forM, mixed, listed := map[string]*Word{}, map[string]*Word{}, map[string]*Word{}
	for si, sent := range sents {
		ws, wsMixed, wsListed := make([]*Word, len(sent)), make([]*Word, len(sent)), make([]*Word, len(sent))
		for k, w := range sent {
			code := ""
			if k < len(lists[si]) {
				code = lists[si][k]
			}
			if listed[w+"\x00"+code] == nil {
				wd := new(Word)
				lex.SetWordLists(wd, w, code, m)
				listed[w+"\x00"+code] = wd
			}
			wsListed[k] = listed[w+"\x00"+code]
			if forM[w] == nil {
				forM[w] = lex.Word(w, m)
				if got := forM[w].model; (got == m) != (n <= maxSumLabels) {
					t.Fatalf("the Word %q of a model of %d labels has the sums of %p, the model is %p", w, n, got, m)
				}
				var wm *tagger.Model
				if len(mixed)%3 != 0 {
					wm = m
				}
				mixed[w] = lex.Word(w, wm)
			}
			ws[k], wsMixed[k] = forM[w], mixed[w]
		}
		want := x.HintedSentenceHashes(sent, hints[si], raws[si], lists[si], seen)
		for k := range sent {
			// The same hashes, in another order: the sums do not see it.
			got := appendHashes(nil, ws, hints[si], raws[si], lists[si], &docSeen, k)
			if slices.Sort(got); !slices.Equal(got, slices.Sorted(slices.Values(want[k]))) {
				strs := x.HintedSentence(sent, hints[si], raws[si], lists[si], seen)[k]
				t.Fatalf("sentence %d %q, word %d: %d hashes differ from those of the %d strings %q", si, sent, k, len(got), len(want[k]), strs)
			}
		}
		wantE := make([]int64, len(sent)*n)
		for k, hs := range want {
			m.AddFeatures(wantE[k*n:(k+1)*n], hs)
		}
		if got := sc.Sentence(&s, ws, hints[si], raws[si], lists[si], &docSeen); !slices.Equal(got, wantE) {
			t.Fatalf("sentence %d %q: scores %v, sums of the hashes %v", si, sent, got, wantE)
		}
		if got := sc.Sentence(&s, wsMixed, hints[si], raws[si], lists[si], &docSeen); !slices.Equal(got, wantE) {
			t.Fatalf("sentence %d %q, some words made for no model: scores %v, sums of the hashes %v", si, sent, got, wantE)
		}
		if got := sc.Sentence(&s, wsListed, hints[si], raws[si], lists[si], &docSeen); !slices.Equal(got, wantE) {
			t.Fatalf("sentence %d %q, words made with their lists %q: scores %v, sums of the hashes %v", si, sent, lists[si], got, wantE)
		}
	}
}

func TestAdd2(t *testing.T) {
	for _, tc := range []struct{ name, a, b, s string }{
		{"empty", "n-1n=x|", "nn+1=y|", ""},
		{"Latin", "n-1n=CNN|", "nn+1=في|", "BBC"},
		{"Arabic", "n-1n=قال|", "nn+1=الرئيس|", "محمد"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ga, gb := add2(hashOf(tc.a), hashOf(tc.b), tc.s)
			if wa, wb := hashOf(tc.a, tc.s), hashOf(tc.b, tc.s); ga != wa || gb != wb {
				t.Errorf("add2 = %x, %x; want %x, %x", ga, gb, wa, wb)
			}
		})
	}
}

// TestWordAddNorm checks the hashes of a Word's norm, read from its
// inline bytes when they fit and from its string when not, on norms
// shorter than the inline bytes, as long, and a byte longer.
func TestWordAddNorm(t *testing.T) {
	lex := NewLexicon(nil)
	for _, w := range []string{"", "x", "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq", "محمد", "والإمارات", "بالكويت"} {
		t.Run(w, func(t *testing.T) {
			wd := lex.Word(w, nil)
			norm := wd.Norm()
			a, b := hashOf("n-1n=x|"), hashOf("nn+1=y|")
			if got, want := wd.addNorm(a), a.Add(norm); got != want {
				t.Errorf("addNorm of %q (%d bytes) = %x, want %x", norm, len(norm), got, want)
			}
			if ga, gb := wd.addNorm2(a, b); ga != a.Add(norm) || gb != b.Add(norm) {
				t.Errorf("addNorm2 of %q (%d bytes) = %x, %x; want %x, %x", norm, len(norm), ga, gb, a.Add(norm), b.Add(norm))
			}
		})
	}
}

// TestSeenNoteWords checks what a Seen records over sentences whose
// Words repeat (one Word per form, as entities makes them) and whose
// forms share a norm: the first hint's type for each norm, the later
// ones ignored, and nothing of a document left after Reset.
func TestSeenNoteWords(t *testing.T) {
	lex := NewLexicon(nil)
	ahmad, emirates, emiratesBare, said := lex.Word("أحمد", nil), lex.Word("الإمارات", nil), lex.Word("الامارات", nil), lex.Word("قال", nil)
	type sentence struct {
		words []*Word
		hints []string
	}
	for _, tc := range []struct {
		name  string
		sents []sentence
		want  map[string]string
	}{
		{"repeated Word, first hint wins", []sentence{
			{[]*Word{said, ahmad}, []string{"", "B-PERSON/rule"}},
			{[]*Word{ahmad, said, ahmad}, []string{"B-PERSON/gazetteer", "", "I-ORG/rule"}},
		}, map[string]string{"احمد": "PERSON/rule"}},
		{"two forms of one norm", []sentence{
			{[]*Word{emirates, emiratesBare}, []string{"B-LOCATION/gazetteer", "B-ORG/rule"}},
			{[]*Word{emiratesBare}, []string{"I-PERSON/rule"}},
		}, map[string]string{"الامارات": "LOCATION/gazetteer"}},
		{"no hints", []sentence{
			{[]*Word{said, ahmad}, []string{"", ""}},
		}, map[string]string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var s Seen
			// A document before, then Reset: none of it stays.
			s.NoteWords([]*Word{ahmad, emirates, said}, []string{"B-X/y", "B-Z/w", "I-Z/w"})
			s.Reset()
			for _, st := range tc.sents {
				s.NoteWords(st.words, st.hints)
			}
			got := s.Types()
			if got == nil {
				got = map[string]string{}
			}
			if !maps.Equal(got, tc.want) {
				t.Errorf("types %v, want %v", got, tc.want)
			}
			for _, w := range []*Word{ahmad, emirates, emiratesBare, said} {
				typ, ok := s.typeOf(w)
				if wt, wok := tc.want[w.norm]; typ != wt || ok != wok {
					t.Errorf("typeOf(%q) = %q, %v; want %q, %v", w.norm, typ, ok, wt, wok)
				}
			}
		})
	}
}

// TestHintCache checks that a hintCache gives every label, among more
// labels than it has slots (so that some share one and are found in its
// map, each made once), the hashes of its features, the same entry each time, and none
// for "" and "-", which the features write as an absent hint.
func TestHintCache(t *testing.T) {
	var labels []string
	for _, bi := range []string{"B-", "I-", ""} {
		for _, typ := range []string{"PERSON", "COUNTRY", "LOCATION", "ORG", "P"} {
			for _, src := range []string{"gazetteer/", "rule/", "model/", ""} {
				for _, form := range []string{"name", "adjective", "x", "abbreviation", "y", "z"} {
					labels = append(labels, bi+typ+"/"+src+form)
				}
			}
		}
	}
	labels = append(labels, "a", "ab", "abcdefg") // shorter than 8 bytes
	if len(labels) <= hintSlots {
		t.Fatalf("%d labels, want more than the %d slots", len(labels), hintSlots)
	}
	var c hintCache
	first := map[string]*hintHashes{}
	for round := range 2 {
		for _, l := range labels {
			e := c.get(l)
			want := hintHashes{
				label: l, h: hashOf("h=", l), hn: hashOf("hn=", l, "|"), prev: hashOf("h-1=", l), next: hashOf("h+1=", l),
				pairAfterNone: hashOf("h-1h=-|", l), pairPrefix: hashOf("h-1h=", l, "|"), pairToNil: hashOf("h-1h=", l, "|-"),
				g: hashOf("g=", l), gPrev: hashOf("g-1=", l), gNext: hashOf("g+1=", l), d: hashOf("d=", l),
			}
			got := *e
			got.pairLabel, got.pairHash = nil, 0
			if got != want {
				t.Fatalf("round %d, label %q: %+v, want %+v", round, l, got, want)
			}
			if round == 0 {
				first[l] = e
			} else if first[l] != e {
				t.Fatalf("label %q: another entry the second time", l)
			}
		}
	}
	if len(c.all) != len(labels) { // each made once
		t.Errorf("%d labels in the map, want %d", len(c.all), len(labels))
	}
	p, q := c.get(labels[0]), c.get(labels[1])
	for range 2 { // the pair kept, then another
		if got, want := p.pairWith(q), hashOf("h-1h=", labels[0], "|", labels[1]); got != want {
			t.Errorf("pair %q|%q: %x, want %x", labels[0], labels[1], got, want)
		}
		if got, want := p.pairWith(p), hashOf("h-1h=", labels[0], "|", labels[0]); got != want {
			t.Errorf("pair %q|%q: %x, want %x", labels[0], labels[0], got, want)
		}
	}
	got := c.resolve(nil, []string{"", "-", labels[2], labels[3]}, 3)
	want := []*hintHashes{nil, nil, nil, c.get(labels[2]), c.get(labels[3])}
	if !slices.Equal(got, want) {
		t.Errorf("resolve: %v, want %v", got, want)
	}
}
