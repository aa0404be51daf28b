package keywords

import (
	"math"

	"github.com/alam-nlp/alam/internal/reuse"
)

type wordStat struct {
	tf     int32   // occurrences as a content word
	off    int32   // where its occurrences start in byStem
	dl, dr int32   // distinct left and right neighbours
	nl, nr int32   // left and right neighbours
	score  float64 // S(w)
}

// wordStats computes S(w) for every content word.
func (x *extractor) wordStats() {
	nstems := len(x.uses)
	x.stats = reuse.Resize(x.stats, nstems, wordStat{})
	x.groupByStem()
	maxTF, sum, sumSq, nw := int32(0), 0.0, 0.0, 0
	for id := range x.stats {
		w := &x.stats[id]
		if w.tf == 0 {
			continue // met only as a stop word
		}
		x.countNeighbours(int32(id))
		maxTF = max(maxTF, w.tf)
		sum += float64(w.tf)
		sumSq += float64(w.tf) * float64(w.tf)
		nw++
	}
	if nw == 0 {
		return
	}
	mean := sum / float64(nw)
	std := math.Sqrt(max(0, sumSq/float64(nw)-mean*mean))
	nsent := float64(max(1, len(x.a.Sentences)))
	for id := range x.stats {
		w := &x.stats[id]
		if w.tf == 0 {
			continue
		}
		dl, dr := 0.0, 0.0
		if w.nl > 0 {
			dl = float64(w.dl) / float64(w.nl)
		}
		if w.nr > 0 {
			dr = float64(w.dr) / float64(w.nr)
		}
		rel := 1 + (dl+dr)*float64(w.tf)/float64(maxTF)
		med, distinct := x.sentences(w)
		pos := position(med)
		freq := float64(w.tf) / (mean + std)
		sent := float64(distinct) / nsent
		w.score = rel * rel * pos / (freq + sent)
	}
}

// groupByStem takes the content occurrences of every stem (tf) from
// x.uses, which words counted, and lists their tokens in byStem, grouped
// by stem id, in text order within a group.
func (x *extractor) groupByStem() {
	end := int32(0)
	for id := range x.stats {
		tf := x.uses[id].content
		x.stats[id].tf = tf
		end += tf
		x.stats[id].off = end // moved back to the start below
	}
	x.byStem = reuse.Resize(x.byStem, int(end), 0)
	for k := len(x.stem) - 1; k >= 0; k-- {
		if x.isContent(k) {
			w := &x.stats[x.stem[k]]
			w.off--
			x.byStem[w.off] = int32(k)
		}
	}
	x.seenLeft = reuse.Resize(x.seenLeft, len(x.stats), 0)
	x.seenRight = reuse.Resize(x.seenRight, len(x.stats), 0)
}

// occurrences returns the tokens where w occurs as a content word.
func (x *extractor) occurrences(w *wordStat) []int32 {
	return x.byStem[w.off : w.off+w.tf]
}

// countNeighbours counts the left and right neighbours of the word with
// stem id, all and distinct (by stem).
func (x *extractor) countNeighbours(id int32) {
	w := &x.stats[id]
	for _, k := range x.occurrences(w) {
		if k > 0 && x.adjacent(int(k)-1) {
			w.nl++
			if left := x.stem[k-1]; x.seenLeft[left] != id+1 {
				x.seenLeft[left] = id + 1
				w.dl++
			}
		}
		if x.adjacent(int(k)) {
			w.nr++
			if right := x.stem[k+1]; x.seenRight[right] != id+1 {
				x.seenRight[right] = id + 1
				w.dr++
			}
		}
	}
}

// sentences returns the median sentence index of w's occurrences and the
// number of distinct sentences holding it.
func (x *extractor) sentences(w *wordStat) (float64, int) {
	occ := x.occurrences(w)
	n := len(occ)
	var med float64
	if n%2 == 1 {
		med = float64(x.sent[occ[n/2]])
	} else {
		med = float64(x.sent[occ[n/2-1]]+x.sent[occ[n/2]]) / 2
	}
	distinct := 0
	for i, k := range occ {
		if i == 0 || x.sent[k] != x.sent[occ[i-1]] {
			distinct++
		}
	}
	return med, distinct
}

// positions holds Pos for the median sentence indexes 0, 0.5, 1 … below
// len(positions)/2, which cover most words.
var positions = func() []float64 {
	p := make([]float64, 256)
	for i := range p {
		p[i] = math.Log(math.Log(3 + float64(i)/2))
	}
	return p
}()

// position returns YAKE's Pos for a word whose median sentence index is
// med (a multiple of ½): ln(ln(3 + med)).
func position(med float64) float64 {
	if i := int(2 * med); i < len(positions) && float64(i) == 2*med {
		return positions[i]
	}
	return math.Log(math.Log(3 + med))
}
