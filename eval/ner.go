package eval

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// Sentence is a sentence of a CoNLL file: its tokens and their BIO tags.
type Sentence struct {
	Tokens []string
	Tags   []string
}

// maxLine bounds one line of a CoNLL file.
const maxLine = 1 << 20

// ReadCoNLL reads a CoNLL file with one "token TAG" per line (separated by
// a space or a tab; the tag is the last field) and a blank line between
// sentences. A line that starts with # and does not end in a tag is a
// comment (alam's "# id = <id>"). name is used in errors, which give the line.
func ReadCoNLL(name string, r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
			cur = Sentence{}
		}
	}
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			flush()
			continue
		}
		i := strings.LastIndexAny(text, " \t")
		tag := text[i+1:]
		isTag := i > 0 && (tag == "O" || strings.HasPrefix(tag, "B-") || strings.HasPrefix(tag, "I-"))
		if !isTag && strings.HasPrefix(text, "#") {
			continue // a comment, such as "# id = 42"; "# O" is the token #
		}
		if i <= 0 || i == len(text)-1 {
			return nil, fmt.Errorf("%s:%d: want \"token TAG\", got %q", name, line, text)
		}
		if !isTag {
			return nil, fmt.Errorf("%s:%d: tag %q is not O, B-X or I-X", name, line, tag)
		}
		cur.Tokens = append(cur.Tokens, strings.TrimSpace(text[:i]))
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	flush()
	return out, nil
}

// Chunk is an entity over tokens [Start, End) of a sentence.
type Chunk struct {
	Type       string
	Start, End int
}

// Chunks returns the entities of a BIO tag sequence, as seqeval reads
// IOB2 in its default mode: an entity starts at B-X, or at I-X after
// anything but B-X or I-X, and goes on over I-X.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	cur := -1
	for i, tag := range tags {
		typ, inside := "", false
		if len(tag) > 2 {
			typ, inside = tag[2:], tag[0] == 'I'
		}
		if cur >= 0 && (typ == "" || !inside || out[cur].Type != typ) {
			out[cur].End = i
			cur = -1
		}
		if typ != "" && cur < 0 {
			out = append(out, Chunk{Type: typ, Start: i})
			cur = len(out) - 1
		}
	}
	if cur >= 0 {
		out[cur].End = len(tags)
	}
	return out
}

// Counts are the true positives, false positives and false negatives of
// one kind of entity.
type Counts struct{ TP, FP, FN int }

// Precision returns TP / (TP + FP), or 0.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall returns TP / (TP + FN), or 0.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 returns the harmonic mean of precision and recall, or 0.
func (c Counts) F1() float64 { return ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// NERReport is the score of a recognizer on a CoNLL file: exact entity
// matches (type, first and last token), per type and micro-averaged.
type NERReport struct {
	Sentences, Tokens int
	Types             []string // the scored types, sorted
	ByType            map[string]Counts
	Micro             Counts
	// Reliability counts the predicted spans of the scored types, by group
	// and score bucket (see ReliabilityBuckets): how many, how many were
	// right, and their scores' sum; group AllGroups counts them all.
	Reliability map[string][]Bucket
}

// Bucket counts the predicted spans whose score is in [Low, High): N of
// them, Right of them exact matches, and Sum the sum of their scores (so
// that Sum/N, the mean score, can be set against the precision).
type Bucket struct {
	Low, High float64
	N, Right  int
	Sum       float64
}

// AllGroups is the group of NERReport.Reliability that counts every
// scored span, whatever its group.
const AllGroups = "all"

// ReliabilityBuckets are the lower bounds of the score buckets of
// NERReport.Reliability; the last bucket ends at 1 and holds it.
var ReliabilityBuckets = []float64{0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95}

// addReliability counts a span of group (and of AllGroups) with its
// score.
func (r *NERReport) addReliability(group string, score float64, right bool) {
	r.addBucket(group, score, right)
	if group != AllGroups {
		r.addBucket(AllGroups, score, right)
	}
}

func (r *NERReport) addBucket(group string, score float64, right bool) {
	if r.Reliability == nil {
		r.Reliability = map[string][]Bucket{}
	}
	bs := r.Reliability[group]
	if bs == nil {
		for i, lo := range ReliabilityBuckets {
			hi := 1.0
			if i+1 < len(ReliabilityBuckets) {
				hi = ReliabilityBuckets[i+1]
			}
			bs = append(bs, Bucket{Low: lo, High: hi})
		}
		r.Reliability[group] = bs
	}
	i := len(bs) - 1
	for i > 0 && score < bs[i].Low {
		i--
	}
	bs[i].N++
	bs[i].Sum += score
	if right {
		bs[i].Right++
	}
}

// Span is a predicted entity in a text, in bytes.
type Span struct {
	Start, End int
	Type       string
	// Score is the recognizer's confidence and Group what found the span
	// (e.g. "gazetteer", "model"): NERReport.Reliability buckets the
	// scored spans by them. Both may be left zero.
	Score float64
	Group string
}

// Recognize predicts the entities of a text. The text is the tokens of
// some sentences joined by spaces, one sentence per line.
type Recognize func(text string) ([]Span, error)

// DocSentences is how many sentences are joined into one text for
// Recognize, so that the recognizer sees some context. CoNLL files rarely
// mark documents; consecutive sentences mostly come from one article.
const DocSentences = 25

// NER scores recognize on sentences. Only the gold entities of the types
// in types count (other gold types, such as MISC, are ignored); gold type
// names are mapped through alias first (PER → PERS). A predicted span
// covers the tokens it overlaps.
func NER(sents []Sentence, recognize Recognize, types []string, alias map[string]string) (NERReport, error) {
	return NERDocs(sents, recognize, types, alias, DocSentences)
}

// NERDocs is NER with documents of docSentences consecutive sentences (1
// scores sentence by sentence, without the context of the others; 0 or
// less means DocSentences).
func NERDocs(sents []Sentence, recognize Recognize, types []string, alias map[string]string, docSentences int) (NERReport, error) {
	if docSentences <= 0 {
		docSentences = DocSentences
	}
	rep := NERReport{Sentences: len(sents), Types: slices.Sorted(slices.Values(types)), ByType: map[string]Counts{}}
	scored := map[string]bool{}
	for _, t := range types {
		scored[t] = true
	}
	for from := 0; from < len(sents); from += docSentences {
		block := sents[from:min(from+docSentences, len(sents))]
		var b strings.Builder
		type tokSpan struct{ sent, tok, start, end int }
		var spans []tokSpan
		for si, s := range block {
			if si > 0 {
				b.WriteByte('\n')
			}
			for ti, t := range s.Tokens {
				if ti > 0 {
					b.WriteByte(' ')
				}
				spans = append(spans, tokSpan{si, ti, b.Len(), b.Len() + len(t)})
				b.WriteString(t)
			}
			rep.Tokens += len(s.Tokens)
		}
		pred, err := recognize(b.String())
		if err != nil {
			return rep, fmt.Errorf("sentences %d to %d: %w", from+1, from+len(block), err)
		}
		predicted := make([]map[Chunk]bool, len(block))
		for i := range predicted {
			predicted[i] = map[Chunk]bool{}
		}
		type scoredChunk struct {
			sent  int
			c     Chunk
			score float64
			group string
		}
		var scoredSpans []scoredChunk
		for _, p := range pred {
			first, last := -1, -1
			for k, ts := range spans {
				if ts.start < p.End && p.Start < ts.end {
					if first < 0 {
						first = k
					}
					last = k
				}
			}
			if first < 0 || spans[first].sent != spans[last].sent || !scored[p.Type] {
				continue // unscored, or crosses sentences: cannot be right
			}
			c := Chunk{Type: p.Type, Start: spans[first].tok, End: spans[last].tok + 1}
			if !predicted[spans[first].sent][c] && p.Group != "" {
				scoredSpans = append(scoredSpans, scoredChunk{spans[first].sent, c, p.Score, p.Group})
			}
			predicted[spans[first].sent][c] = true
		}
		golds := make([]map[Chunk]bool, len(block))
		for si, s := range block {
			gold := map[Chunk]bool{}
			for _, c := range Chunks(s.Tags) {
				if a, ok := alias[c.Type]; ok {
					c.Type = a
				}
				if scored[c.Type] {
					gold[c] = true
				}
			}
			golds[si] = gold
			for c := range predicted[si] {
				n := rep.ByType[c.Type]
				if gold[c] {
					n.TP++
				} else {
					n.FP++
				}
				rep.ByType[c.Type] = n
			}
			for c := range gold {
				if !predicted[si][c] {
					n := rep.ByType[c.Type]
					n.FN++
					rep.ByType[c.Type] = n
				}
			}
		}
		for _, sc := range scoredSpans {
			rep.addReliability(sc.group, sc.score, golds[sc.sent][sc.c])
		}
	}
	for _, c := range rep.ByType {
		rep.Micro.TP += c.TP
		rep.Micro.FP += c.FP
		rep.Micro.FN += c.FN
	}
	return rep, nil
}

// WriteText writes the report as a table.
func (r NERReport) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d sentences, %d tokens; exact entity match\n", r.Sentences, r.Tokens)
	fmt.Fprintf(&b, "%-6s %9s %9s %9s %7s %7s %7s\n", "type", "precision", "recall", "f1", "tp", "fp", "fn")
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-6s %9.4f %9.4f %9.4f %7d %7d %7d\n", name, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	for _, t := range r.Types {
		row(t, r.ByType[t])
	}
	row("micro", r.Micro)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteReliability writes the reliability table: for each group and score
// bucket, the spans predicted, the precision observed and the mean score;
// the group AllGroups comes last.
func (r NERReport) WriteReliability(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %-11s %7s %7s %9s %6s\n", "group", "score", "spans", "right", "precision", "mean")
	groups := slices.Sorted(maps.Keys(r.Reliability))
	if i := slices.Index(groups, AllGroups); i >= 0 {
		groups = append(slices.Delete(groups, i, i+1), AllGroups)
	}
	for _, g := range groups {
		for _, k := range r.Reliability[g] {
			if k.N == 0 {
				continue
			}
			fmt.Fprintf(&b, "%-10s [%.2f,%.2f%s %7d %7d %9.4f %6.4f\n", g, k.Low, k.High, map[bool]string{true: "]", false: ")"}[k.High == 1], k.N, k.Right, ratio(k.Right, k.N), k.Sum/float64(k.N))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
