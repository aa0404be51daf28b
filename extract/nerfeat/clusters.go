package nerfeat

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/alam-nlp/alam/arabic"
)

// Clusters are word clusters learned from unlabelled text: each clustered
// word (its normalized form, ClusterKey) has a bit path such as "0110",
// and words whose paths share a long prefix were seen in like contexts.
// The tagger's features read prefixes of the paths of a word and its
// neighbours, so that a word seen rarely or never in the labelled data
// borrows what was learned for the words of its cluster. A *Clusters is
// immutable once made, and safe for concurrent use.
type Clusters struct {
	path  map[string]string
	count map[string]int
	sum   string
}

// ClusterKey is the form under which a word is clustered and looked up:
// the light stem of its normalized form (arabic.Stem), so that the forms
// of a word with and without clitics (القاهرة, بالقاهرة) share their
// contexts: on the dev split, stems gave 0.6 points more than the
// normalized forms.
func ClusterKey(w string) string { return arabic.Stem(arabic.Normalize(w)) }

// Path returns the bit path of the word w, or "" when w is not clustered.
func (c *Clusters) Path(w string) string {
	if c == nil {
		return ""
	}
	return c.path[ClusterKey(w)]
}

// Len returns the number of clustered words.
func (c *Clusters) Len() int {
	if c == nil {
		return 0
	}
	return len(c.path)
}

// Sum returns the first 12 hexadecimal digits of the SHA-256 of the
// clusters as WriteTo writes them: it names them in a model's feature set
// (FeatureSet), so that a model is used only with the clusters it was
// trained with. It is "" for nil Clusters.
func (c *Clusters) Sum() string {
	if c == nil {
		return ""
	}
	return c.sum
}

// FeatureSet names the features computed with the clusters c (nil for
// none): Version, and the clusters' Sum when there are clusters. A model
// stores it (tagger.Info.FeatureSet) and is only meaningful with the same.
func FeatureSet(c *Clusters) string {
	if c == nil {
		return Version
	}
	return Version + " clusters " + c.sum
}

const clusterHeader = "# alam word clusters: bit path, word (ClusterKey: normalized, light stem), count; tab separated\n"

// WriteTo writes the clusters as text: a comment line, then one line a
// word, "path\tword\tcount", sorted by path and then by word.
func (c *Clusters) WriteTo(w io.Writer) (int64, error) {
	n, err := io.WriteString(w, c.text())
	return int64(n), err
}

func (c *Clusters) text() string {
	words := make([]string, 0, len(c.path))
	for w := range c.path {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int {
		return cmp.Or(strings.Compare(c.path[a], c.path[b]), strings.Compare(a, b))
	})
	var b strings.Builder
	b.WriteString(clusterHeader)
	for _, w := range words {
		b.WriteString(c.path[w])
		b.WriteByte('\t')
		b.WriteString(w)
		b.WriteByte('\t')
		b.WriteString(strconv.Itoa(c.count[w]))
		b.WriteByte('\n')
	}
	return b.String()
}

func newClusters(path map[string]string, count map[string]int) *Clusters {
	c := &Clusters{path: path, count: count}
	h := sha256.Sum256([]byte(c.text()))
	c.sum = hex.EncodeToString(h[:6])
	return c
}

// ReadClusters reads clusters as WriteTo writes them (lines starting with
// "#" and blank lines are skipped). name prefixes the errors.
func ReadClusters(name string, r io.Reader) (*Clusters, error) {
	path, count := map[string]string{}, map[string]int{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want \"path\\tword\\tcount\", got %d fields", name, line, len(f))
		}
		if f[0] == "" || strings.Trim(f[0], "01") != "" {
			return nil, fmt.Errorf("%s:%d: bit path %q is not of 0s and 1s", name, line, f[0])
		}
		if f[1] == "" || strings.ContainsAny(f[1], " \r") {
			return nil, fmt.Errorf("%s:%d: word %q is empty or has a space", name, line, f[1])
		}
		n, err := strconv.Atoi(f[2])
		if err != nil || n < 0 {
			return nil, fmt.Errorf("%s:%d: count %q is not a count", name, line, f[2])
		}
		if _, ok := path[f[1]]; ok {
			return nil, fmt.Errorf("%s:%d: word %q twice", name, line, f[1])
		}
		path[f[1]], count[f[1]] = f[0], n
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(path) == 0 {
		return nil, fmt.Errorf("%s: no clusters", name)
	}
	return newClusters(path, count), nil
}

// ClusterOptions configure BuildClusters; zero fields take the defaults.
type ClusterOptions struct {
	// MinCount is the least number of times a word must be seen to be
	// clustered (default 2).
	MinCount int
	// Contexts is the number of most frequent words whose presence just
	// before or just after a word makes its context vector (default 2000).
	Contexts int
	// Depth is the longest bit path (default 16).
	Depth int
}

// BuildClusters clusters the words of the sentences (each a list of
// words, as the tokenizer gives them) by their contexts: every word seen
// at least MinCount times gets a vector of the positive pointwise mutual
// information between it and each of the Contexts most frequent words (and
// the sentence's edges) just before it and just after it, and the words
// are split in two again and again (divisive clustering: the principal
// direction of a node's vectors cuts it, a few rounds of spherical 2-means
// refine the cut) down to Depth levels or single words; each split adds a
// bit to the paths. The same sentences and options give the same clusters.
func BuildClusters(sents [][]string, opt ClusterOptions) (*Clusters, error) {
	if opt.MinCount <= 0 {
		opt.MinCount = 2
	}
	if opt.Contexts <= 0 {
		opt.Contexts = 2000
	}
	if opt.Depth <= 0 {
		opt.Depth = 16
	}
	count := map[string]int{}
	keyed := make([][]string, len(sents))
	for i, s := range sents {
		keyed[i] = make([]string, 0, len(s))
		for _, w := range s {
			k := ClusterKey(w)
			if k == "" {
				continue
			}
			keyed[i] = append(keyed[i], k)
			count[k]++
		}
	}
	byFreq := make([]string, 0, len(count))
	for w := range count {
		byFreq = append(byFreq, w)
	}
	slices.SortFunc(byFreq, func(a, b string) int { return cmp.Or(count[b]-count[a], strings.Compare(a, b)) })
	// Context dimensions: 0 and 1 are the sentence's start and end, then
	// the most frequent words; a word left of the target has dimension d,
	// right of it nctx+d.
	ctx := map[string]int{}
	for i, w := range byFreq[:min(opt.Contexts, len(byFreq))] {
		ctx[w] = i + 2
	}
	nctx := len(ctx) + 2
	var words []string
	index := map[string]int{}
	for _, w := range byFreq {
		if count[w] < opt.MinCount {
			break
		}
		index[w] = len(words)
		words = append(words, w)
	}
	if len(words) < 2 {
		return nil, errors.New("nerfeat: fewer than two words to cluster")
	}
	co := make([]map[int32]float64, len(words))
	for i := range co {
		co[i] = map[int32]float64{}
	}
	ctxCount := make([]float64, 2*nctx)
	var total float64
	dim := func(s []string, j int) (int, bool) {
		switch {
		case j < 0:
			return 0, true
		case j >= len(s):
			return 1, true
		}
		d, ok := ctx[s[j]]
		return d, ok
	}
	for _, s := range keyed {
		for j, w := range s {
			wi, ok := index[w]
			if !ok {
				continue
			}
			if d, ok := dim(s, j-1); ok {
				co[wi][int32(d)]++
				ctxCount[d]++
				total++
			}
			if d, ok := dim(s, j+1); ok {
				co[wi][int32(nctx+d)]++
				ctxCount[nctx+d]++
				total++
			}
		}
	}
	// Context counts smoothed (power 0.75) so that rare contexts do not
	// dominate the PMI.
	var smoothed float64
	for i, n := range ctxCount {
		ctxCount[i] = math.Pow(n, 0.75)
		smoothed += ctxCount[i]
	}
	vecs := make([]sparse, len(words))
	for i, m := range co {
		var rowSum float64
		for _, n := range m {
			rowSum += n
		}
		v := make(sparse, 0, len(m))
		for d, n := range m {
			pmi := math.Log(n * smoothed / (rowSum * ctxCount[d]))
			if pmi > 0 {
				v = append(v, entry{d, pmi})
			}
		}
		slices.SortFunc(v, func(a, b entry) int { return cmp.Compare(a.d, b.d) })
		v.normalize()
		vecs[i] = v
	}
	b := &builder{vecs: vecs, dims: 2 * nctx, paths: make([][]byte, len(words)), depth: opt.Depth}
	all := make([]int, len(words))
	for i := range all {
		all[i] = i
	}
	b.split(all, 0)
	path, cnt := map[string]string{}, map[string]int{}
	for i, w := range words {
		p := string(b.paths[i])
		if p == "" {
			p = "0"
		}
		path[w], cnt[w] = p, count[w]
	}
	return newClusters(path, cnt), nil
}

type entry struct {
	d int32
	v float64
}

// sparse is a vector of entries sorted by dimension.
type sparse []entry

func (v sparse) normalize() {
	var s float64
	for _, e := range v {
		s += e.v * e.v
	}
	if s == 0 {
		return
	}
	s = 1 / math.Sqrt(s)
	for i := range v {
		v[i].v *= s
	}
}

func (v sparse) dot(d []float64) float64 {
	var s float64
	for _, e := range v {
		s += e.v * d[e.d]
	}
	return s
}

type builder struct {
	vecs  []sparse
	dims  int
	paths [][]byte
	depth int
}

// split cuts the words ws (indices, ordered by frequency, most frequent
// first) in two, appends 0 or 1 to their paths and recurses into each
// half.
func (b *builder) split(ws []int, level int) {
	if level >= b.depth || len(ws) < 2 {
		return
	}
	side := b.cut(ws)
	var zero, one []int
	for i, w := range ws {
		if side[i] {
			one = append(one, w)
		} else {
			zero = append(zero, w)
		}
	}
	if len(zero) == 0 || len(one) == 0 {
		return
	}
	for _, w := range zero {
		b.paths[w] = append(b.paths[w], '0')
	}
	for _, w := range one {
		b.paths[w] = append(b.paths[w], '1')
	}
	b.split(zero, level+1)
	b.split(one, level+1)
}

// cut returns, for each word of ws, which half it goes to: first by the
// sign of its projection on the principal direction of the centred
// vectors (power iteration from the most frequent word's vector), then
// refined by spherical 2-means. The half of the most frequent word is 0.
func (b *builder) cut(ws []int) []bool {
	mean := make([]float64, b.dims)
	for _, w := range ws {
		for _, e := range b.vecs[w] {
			mean[e.d] += e.v
		}
	}
	inv := 1 / float64(len(ws))
	for i := range mean {
		mean[i] *= inv
	}
	dir := make([]float64, b.dims)
	for _, e := range b.vecs[ws[0]] {
		dir[e.d] = e.v
	}
	for i := range dir {
		dir[i] -= mean[i]
	}
	proj := make([]float64, len(ws))
	next := make([]float64, b.dims)
	for range 12 {
		if !unit(dir) {
			break
		}
		mu := dot(mean, dir)
		clear(next)
		var pm float64 // Σ proj, for the mean's part of the product
		for i, w := range ws {
			proj[i] = b.vecs[w].dot(dir) - mu
			pm += proj[i]
			for _, e := range b.vecs[w] {
				next[e.d] += proj[i] * e.v
			}
		}
		for i := range next {
			next[i] -= pm * mean[i]
		}
		dir, next = next, dir
	}
	unit(dir)
	mu := dot(mean, dir)
	side := make([]bool, len(ws))
	for i, w := range ws {
		side[i] = b.vecs[w].dot(dir)-mu > 0
	}
	// Spherical 2-means from that cut.
	cent := [2][]float64{make([]float64, b.dims), make([]float64, b.dims)}
	for range 6 {
		clear(cent[0])
		clear(cent[1])
		for i, w := range ws {
			c := cent[0]
			if side[i] {
				c = cent[1]
			}
			for _, e := range b.vecs[w] {
				c[e.d] += e.v
			}
		}
		if !unit(cent[0]) || !unit(cent[1]) {
			break
		}
		moved := false
		for i, w := range ws {
			s := b.vecs[w].dot(cent[1]) > b.vecs[w].dot(cent[0])
			if s != side[i] {
				side[i], moved = s, true
			}
		}
		if !moved {
			break
		}
	}
	if side[0] {
		for i := range side {
			side[i] = !side[i]
		}
	}
	return side
}

func dot(a, b []float64) float64 {
	var s float64
	for i, x := range a {
		s += x * b[i]
	}
	return s
}

// unit scales v to length 1 and reports whether it could (v is not 0).
func unit(v []float64) bool {
	s := dot(v, v)
	if s == 0 || math.IsNaN(s) {
		return false
	}
	s = 1 / math.Sqrt(s)
	for i := range v {
		v[i] *= s
	}
	return true
}
