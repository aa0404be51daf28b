package gazetteer

import (
	stdcontext "context"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/internal/testutil"
)

// findAllPlain is FindAll as it was before the first-token filter: every
// token's clitic readings, every stem looked up. FindAll must return the
// same matches; TestFindAllSameAsPlain compares them.
func (m *Matcher) findAllPlain(a *arabic.Analysis) []Match {
	var out []Match
	var segs []arabic.Segmentation
	isFirst := func(stem string) bool { return m.child(0, stem) != 0 }
	for _, s := range a.Sentences {
		for i := s.FirstToken; i < s.EndToken; i++ {
			tok := a.Tokens[i]
			segs = m.tok.AppendSegmentsWith(segs[:0], a.Text, tok, arabic.SegmentOptions{Keep: isFirst, NoEnclitics: true})
			best, bestEnd, bestNode := -1, 0, uint32(0)
			for k, seg := range segs {
				if seg.Enclitic != "" {
					continue
				}
				node := m.child(0, seg.Stem)
				for j := i + 1; node != 0; j++ {
					if j > bestEnd && m.ends(node) {
						best, bestEnd, bestNode = k, j, node
					}
					if j >= s.EndToken {
						break
					}
					node = m.child(node, a.Tokens[j].Norm)
				}
			}
			if best < 0 {
				continue
			}
			seg := segs[best]
			match := Match{
				Offsets: arabic.Offsets{
					Start: seg.Start, End: a.Tokens[bestEnd-1].End,
					RuneStart: seg.RuneStart, RuneEnd: a.Tokens[bestEnd-1].RuneEnd,
				},
				FirstToken: i,
				EndToken:   bestEnd,
				Proclitics: seg.Proclitics,
			}
			match.Candidates = m.candidates(bestNode, a.Text[match.Start:match.End])
			if len(match.Candidates) > 0 {
				out = append(out, match)
			}
		}
	}
	return out
}

// TestFindAllSameAsPlain checks that FindAll finds exactly what the plain
// search finds, on the reference article, on texts made to exercise
// clitics and compounds, and on the ANT sample when it is present.
func TestFindAllSameAsPlain(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	m := Compile(g)
	texts := []string{
		"والإمارات وبالكويت وللتحالف ولالكويت فالسعودية كالعراق سيلتقي لسلطنة عمان.",
		"عبدالله بن عبد العزيز في أبوظبي وأبو ظبي، والسعوديون والمصريين.",
		"عُمان وعَمّان وعمان. Egypt and Kuwait, مصر؟",
	}
	ref, err := os.ReadFile("../testdata/000_08d5b8224b143400.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, string(ref))
	sample, _ := testutil.TextFiles("../../shared/data/ant_corpus_v2.1_sample")
	if testing.Short() && len(sample) > 200 {
		sample = sample[:200]
	}
	texts = append(texts, sample...)
	matches := 0
	var kept []Match
	sentinel := Match{FirstToken: -1}
	for k, text := range texts {
		a := arabic.Analyze(text)
		got, want := m.FindAll(a), m.findAllPlain(a)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("text %d: FindAll differs from the plain search:\n got %+v\nwant %+v", k, got, want)
		}
		// The same given each word's ids and starts, made from the word
		// alone as a caller that keeps them does.
		ids, starts := make([]uint32, len(a.Tokens)), make([][]Start, len(a.Tokens))
		for i, tok := range a.Tokens {
			ids[i], starts[i] = m.TokenID(tok.Norm), m.AppendStarts(nil, strings.Clone(tok.Text(a.Text)), tok.Kind, strings.Clone(tok.Norm))
		}
		if got, err := m.FindAllStartsContext(stdcontext.Background(), a, ids, starts); err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("text %d: FindAllStartsContext differs from the plain search (%v):\n got %+v\nwant %+v", k, err, got, want)
		}
		// The same appended to an array kept from text to text, after a
		// match of its own.
		kept, err = m.AppendAllStartsContext(stdcontext.Background(), append(kept[:0], sentinel), a, ids, starts)
		if err != nil || len(kept) != 1+len(want) || kept[0].FirstToken != sentinel.FirstToken || len(want) > 0 && !reflect.DeepEqual(kept[1:], want) {
			t.Fatalf("text %d: AppendAllStartsContext differs from the plain search after a match of its own (%v):\n got %+v\nwant %+v", k, err, kept, want)
		}
		matches += len(want)
	}
	if _, err := m.AppendAllStartsContext(stdcontext.Background(), kept, arabic.Analyze("مصر"), nil, nil); err == nil {
		t.Error("AppendAllStartsContext took no ids for a token")
	}
	if matches < 10 {
		t.Fatalf("only %d matches in %d texts: the comparison proves little", matches, len(texts))
	}
}
