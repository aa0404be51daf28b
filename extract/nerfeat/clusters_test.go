package nerfeat

import (
	"bytes"
	"strings"
	"testing"
)

// toyText has two kinds of words seen in two kinds of context: animals
// before "ركض" (ran) and cities after "الى" (to).
func toyText() [][]string {
	animals := []string{"قط", "كلب", "حصان", "جمل"}
	cities := []string{"دمشق", "بغداد", "عمان", "تونس"}
	var out [][]string
	for i := range 6 {
		for j, a := range animals {
			out = append(out, []string{"ثم", a, "ركض", "بسرعه"})
			c := cities[(i+j)%len(cities)]
			out = append(out, []string{"سافر", "الى", c, "اليوم"})
		}
	}
	return out
}

func lcp(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func TestBuildClustersGroupsByContext(t *testing.T) {
	c, err := BuildClusters(toyText(), ClusterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	groups := [][]string{{"قط", "كلب", "حصان", "جمل"}, {"دمشق", "بغداد", "عمان", "تونس"}}
	for gi, g := range groups {
		other := groups[1-gi]
		for _, a := range g {
			pa := c.Path(a)
			if pa == "" {
				t.Fatalf("%q (% x) has no cluster", a, a)
			}
			// Every word of its own kind is closer (a longer common
			// prefix) than every word of the other kind.
			for _, b := range g {
				for _, o := range other {
					if lcp(pa, c.Path(b)) <= lcp(pa, c.Path(o)) {
						t.Errorf("%q %s is no closer to %q %s than to %q %s", a, pa, b, c.Path(b), o, c.Path(o))
					}
				}
			}
		}
	}
	if p := c.Path("مجهول"); p != "" {
		t.Errorf("a word never seen has path %q", p)
	}
}

func TestBuildClustersMinCount(t *testing.T) {
	text := append(toyText(), []string{"نادر", "ركض"})
	c, err := BuildClusters(text, ClusterOptions{MinCount: 2})
	if err != nil {
		t.Fatal(err)
	}
	if p := c.Path("نادر"); p != "" {
		t.Errorf("a word seen once has path %q with MinCount 2", p)
	}
	if _, err := BuildClusters([][]string{{"واحد"}}, ClusterOptions{}); err == nil {
		t.Error("one word: no error")
	}
}

func TestClustersDeterministicAndRoundTrip(t *testing.T) {
	a, err := BuildClusters(toyText(), ClusterOptions{Depth: 3})
	if err != nil {
		t.Fatal(err)
	}
	b, err := BuildClusters(toyText(), ClusterOptions{Depth: 3})
	if err != nil {
		t.Fatal(err)
	}
	var wa, wb bytes.Buffer
	if _, err := a.WriteTo(&wa); err != nil {
		t.Fatal(err)
	}
	b.WriteTo(&wb)
	if wa.String() != wb.String() || a.Sum() != b.Sum() {
		t.Fatal("the same text gave two different clusterings")
	}
	for _, l := range strings.Split(strings.TrimSpace(wa.String()), "\n")[1:] {
		if p := strings.Split(l, "\t")[0]; len(p) > 3 {
			t.Errorf("path %q longer than Depth 3", p)
		}
	}
	r, err := ReadClusters("x", &wa)
	if err != nil {
		t.Fatal(err)
	}
	if r.Sum() != a.Sum() || r.Len() != a.Len() || r.Path("قط") != a.Path("قط") {
		t.Errorf("read back: sum %s len %d, want %s %d", r.Sum(), r.Len(), a.Sum(), a.Len())
	}
	if got, want := FeatureSet(r), Version+" clusters "+a.Sum(); got != want {
		t.Errorf("FeatureSet = %q, want %q", got, want)
	}
	if FeatureSet(nil) != Version {
		t.Errorf("FeatureSet(nil) = %q", FeatureSet(nil))
	}
}

func TestReadClustersErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", "no clusters"},
		{"only a comment", "# x\n", "no clusters"},
		{"two fields", "01\tقط\n", "fields"},
		{"path not of bits", "012\tقط\t3\n", "0s and 1s"},
		{"empty path", "\tقط\t3\n", "0s and 1s"},
		{"word with a space", "01\tقط كلب\t3\n", "space"},
		{"bad count", "01\tقط\tx\n", "count"},
		{"negative count", "01\tقط\t-1\n", "count"},
		{"word twice", "01\tقط\t3\n10\tقط\t3\n", "twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadClusters("f", strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one with %q", err, tc.want)
			}
		})
	}
}

func FuzzReadClusters(f *testing.F) {
	f.Add("# c\n0110\tقط\t3\n1\tكلب\t2\n")
	f.Add("01\tقط\t3\n10\tقط\t3\n")
	f.Fuzz(func(t *testing.T, in string) {
		c, err := ReadClusters("f", strings.NewReader(in))
		if err != nil {
			return
		}
		// What was read writes out and reads back the same.
		var b bytes.Buffer
		c.WriteTo(&b)
		r, err := ReadClusters("again", &b)
		if err != nil {
			t.Fatalf("written clusters do not read back: %v", err)
		}
		if r.Sum() != c.Sum() || r.Len() != c.Len() {
			t.Fatalf("read back sum %s len %d, want %s %d", r.Sum(), r.Len(), c.Sum(), c.Len())
		}
	})
}

func TestClusterFeatures(t *testing.T) {
	c, err := BuildClusters(toyText(), ClusterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := c.Path("كلب")
	x := New(nil, c)
	fs, err := x.Sentence([]string{"ثم", "كلب", "مجهول"})
	if err != nil {
		t.Fatal(err)
	}
	has := func(tok int, f string) bool {
		for _, g := range fs[tok] {
			if g == f {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		name string
		tok  int
		want string
	}{
		{"the word's 8-bit prefix", 1, "c8=" + p[:min(8, len(p))]},
		{"the word's whole path", 1, "c16=" + p[:min(16, len(p))]},
		{"the next word's path", 0, "c+1=" + p[:min(8, len(p))]},
		{"the previous word's path", 2, "c-1=" + p[:min(8, len(p))]},
		{"no neighbour after the end", 2, "c+1=-"},
	} {
		if !has(tc.tok, tc.want) {
			t.Errorf("%s: features of token %d lack %q: %q", tc.name, tc.tok, tc.want, fs[tc.tok])
		}
	}
	for _, g := range fs[2] {
		if strings.HasPrefix(g, "c8=") {
			t.Errorf("an unclustered word has %q", g)
		}
	}
	// Without clusters, no cluster feature.
	plain, _ := New(nil, nil).Sentence([]string{"ثم", "كلب"})
	for _, g := range plain[1] {
		if strings.HasPrefix(g, "c") && strings.Contains(g, "=") && (strings.HasPrefix(g, "c8=") || strings.HasPrefix(g, "c-1") || strings.HasPrefix(g, "c+1")) {
			t.Errorf("no clusters, yet %q", g)
		}
	}
}
