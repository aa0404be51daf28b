package tagger

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"testing"
)

// toy builds sentences in which a capitalised word after "mr" is a person
// and a word in the place list is a location; everything else is O.
func toy() []Sentence {
	places := []string{"paris", "cairo", "rome"}
	names := []string{"Ali", "Sara", "Omar", "Huda"}
	var out []Sentence
	for i := range 40 {
		name, place := names[i%len(names)], places[i%len(places)]
		words := []string{"yesterday", "mr", name, "Smith", "went", "to", place}
		labels := []string{"O", "O", "B-PERS", "I-PERS", "O", "O", "B-LOC"}
		if i%2 == 1 {
			words = []string{place, "welcomed", "mr", name}
			labels = []string{"B-LOC", "O", "O", "B-PERS"}
		}
		out = append(out, Sentence{Features: toyFeatures(words, places), Labels: labels})
	}
	return out
}

func toyFeatures(words, places []string) [][]string {
	fs := make([][]string, len(words))
	for i, w := range words {
		f := []string{"bias", "w=" + w}
		if w[0] >= 'A' && w[0] <= 'Z' {
			f = append(f, "cap")
		}
		if slices.Contains(places, w) {
			f = append(f, "place")
		}
		if i > 0 {
			f = append(f, "w-1="+words[i-1])
		}
		fs[i] = f
	}
	return fs
}

func TestLearnsPattern(t *testing.T) {
	m, err := Train(toy(), Config{Epochs: 5, Seed: 1, Bits: 12})
	if err != nil {
		t.Fatal(err)
	}
	places := []string{"paris", "cairo", "rome", "tunis"}
	tests := []struct {
		name  string
		words []string
		want  []string
	}{
		{"unseen name after mr", []string{"mr", "Zaki", "Smith", "went", "to", "paris"},
			[]string{"O", "B-PERS", "I-PERS", "O", "O", "B-LOC"}},
		{"unseen place word in list", []string{"tunis", "welcomed", "mr", "Nour"},
			[]string{"B-LOC", "O", "O", "B-PERS"}},
		{"nothing", []string{"yesterday", "went"}, []string{"O", "O"}},
		{"empty", nil, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := m.Tag(toyFeatures(tc.words, places))
			if !slices.Equal(got, tc.want) {
				t.Errorf("Tag(%q) = %q, want %q", tc.words, got, tc.want)
			}
		})
	}
}

func TestBIOConstraint(t *testing.T) {
	m := newModel(Info{Bits: 4}, []string{"O", "B-LOC", "I-LOC", "B-PERS", "I-PERS"})
	// Emissions push hard towards I-PERS everywhere and towards I-LOC second.
	for i := range m.weights {
		if i%5 == 4 {
			m.weights[i] = 10
		}
		if i%5 == 2 {
			m.weights[i] = 9
		}
	}
	m.index()
	got := m.Tag([][]string{{"a"}, {"b"}, {"c"}})
	prev := ""
	for _, l := range got {
		if !allowed(prev, l) {
			t.Fatalf("Tag gave invalid BIO %q", got)
		}
		prev = l
	}
}

func TestToBIOAndSpans(t *testing.T) {
	tests := []struct {
		name  string
		in    []string
		bio   []string
		spans []Span
	}{
		{"IO", []string{"I-PERS", "I-PERS", "O", "I-LOC"}, []string{"B-PERS", "I-PERS", "O", "B-LOC"},
			[]Span{{0, 2, "PERS"}, {3, 4, "LOC"}}},
		{"BIO adjacent", []string{"B-ORG", "B-ORG", "I-ORG"}, []string{"B-ORG", "B-ORG", "I-ORG"},
			[]Span{{0, 1, "ORG"}, {1, 3, "ORG"}}},
		{"type change", []string{"B-ORG", "I-LOC"}, []string{"B-ORG", "B-LOC"},
			[]Span{{0, 1, "ORG"}, {1, 2, "LOC"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bio := ToBIO(tc.in)
			if !slices.Equal(bio, tc.bio) {
				t.Errorf("ToBIO = %q, want %q", bio, tc.bio)
			}
			if s := Spans(bio); !slices.Equal(s, tc.spans) {
				t.Errorf("Spans = %v, want %v", s, tc.spans)
			}
		})
	}
}

func encode(t testing.TB, m *Model) []byte {
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDeterministic(t *testing.T) {
	a, err := Train(toy(), Config{Epochs: 3, Seed: 7, Bits: 10})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Train(toy(), Config{Epochs: 3, Seed: 7, Bits: 10})
	c, _ := Train(toy(), Config{Epochs: 3, Seed: 8, Bits: 10})
	if !bytes.Equal(encode(t, a), encode(t, b)) {
		t.Error("same data and seed gave different model bytes")
	}
	if bytes.Equal(encode(t, a), encode(t, c)) {
		t.Error("a different seed gave the same model bytes; is the seed used?")
	}
}

func TestRoundTrip(t *testing.T) {
	m, err := Train(toy(), Config{Epochs: 3, Seed: 1, Bits: 10, FeatureSet: "toy/1", Data: []string{"toy (CC0)"}})
	if err != nil {
		t.Fatal(err)
	}
	data := encode(t, m)
	got, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(encode(t, got), data) {
		t.Error("re-encoding a parsed model changed its bytes")
	}
	if got.Info().FeatureSet != "toy/1" || !slices.Equal(got.Labels(), m.Labels()) {
		t.Errorf("Info/Labels not kept: %+v %q", got.Info(), got.Labels())
	}
}

func TestParseErrors(t *testing.T) {
	m, _ := Train(toy(), Config{Epochs: 1, Seed: 1, Bits: 8})
	good := encode(t, m)
	flip := slices.Clone(good)
	flip[len(flip)/2] ^= 0x40
	future := slices.Clone(good)
	future[len(magic)] = 9
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "no model magic"},
		{"foreign", []byte("PK\x03\x04 some zip file"), "no model magic"},
		{"future version", future, "format version 9"},
		{"damaged", flip, "checksum mismatch"},
		{"truncated", good[:len(good)-10], "checksum mismatch"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.data)
			if !errors.Is(err, ErrFormat) || !bytes.Contains([]byte(err.Error()), []byte(tc.want)) ||
				!bytes.Contains([]byte(err.Error()), []byte(fmt.Sprintf("reads format version %d", FormatVersion))) {
				t.Errorf("Parse error = %v, want one wrapping ErrFormat naming %q and the version read", err, tc.want)
			}
		})
	}
}

func TestConcurrentTag(t *testing.T) {
	m, _ := Train(toy(), Config{Epochs: 2, Seed: 1, Bits: 10})
	fs := toyFeatures([]string{"mr", "Ali", "went", "to", "rome"}, []string{"rome"})
	want := m.Tag(fs)
	done := make(chan []string)
	for range 8 {
		go func() { done <- m.Tag(fs) }()
	}
	for range 8 {
		if got := <-done; !slices.Equal(got, want) {
			t.Errorf("concurrent Tag = %q, want %q", got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	m, _ := Train(toy(), Config{Epochs: 1, Seed: 1, Bits: 6})
	var b bytes.Buffer
	m.WriteTo(&b)
	f.Add(b.Bytes())
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse(data)
		if err != nil {
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("error %v does not wrap ErrFormat", err)
			}
			return
		}
		// A model that parsed must tag without panicking and re-encode to the same bytes.
		got := m.Tag([][]string{{"x"}, {"y"}})
		if len(got) != 2 {
			t.Fatalf("Tag gave %d labels for 2 tokens", len(got))
		}
		var out bytes.Buffer
		m.WriteTo(&out)
		if !bytes.Equal(out.Bytes(), data) {
			t.Fatal("a parsed model re-encodes to different bytes")
		}
	})
}
