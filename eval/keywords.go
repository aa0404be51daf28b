package eval

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
)

// Extract returns the keyphrases of a text, the best first.
type Extract func(text string) ([]string, error)

// DefaultK is the number of keyphrases scored per document when Keywords
// is given k <= 0.
const DefaultK = 10

// PRF is a precision, a recall and an F1.
type PRF struct{ Precision, Recall, F1 float64 }

// KeywordsReport scores an extractor against gold keyphrase lists.
//
// For each document, the extractor's first K distinct keyphrases are
// compared with the whole gold list of the document (which for AKEC holds
// about sixty phrases, so recall at 10 stays low by construction):
// precision is the share of the predicted phrases found in the gold list,
// recall the share of the gold list predicted, F1 their harmonic mean.
// Precision, recall and F1 are averaged over the documents (macro
// average); a document with no prediction has precision 0.
//
// Exact compares the phrases as written, spaces trimmed. Normalized
// compares the arabic.Normalize form of each word, light-stemmed with
// arabic.Stem, so that الحرب, والحرب and حرب match.
type KeywordsReport struct {
	Docs       int
	K          int
	GoldPerDoc float64 // the average number of distinct gold phrases
	Exact      PRF
	Normalized PRF
}

// Keywords scores extract on the documents ids of an AKEC-style corpus:
// the text of document id is the file docsDir/<id>.txt (UTF-8, a byte
// order mark is dropped) and goldFile holds one line "<id> : kp1,kp2,..."
// per document (see ReadKeyphrases). An id may be given with or without
// ".txt". k <= 0 means DefaultK.
//
// A document missing from the gold file, an unreadable document or an
// error of extract stops the scoring with an error naming the document.
func Keywords(docsDir, goldFile string, ids []string, extract Extract, k int) (KeywordsReport, error) {
	if k <= 0 {
		k = DefaultK
	}
	rep := KeywordsReport{K: k}
	f, err := os.Open(goldFile)
	if err != nil {
		return rep, fmt.Errorf("eval: %w", err)
	}
	gold, err := ReadKeyphrases(goldFile, f)
	f.Close()
	if err != nil {
		return rep, err
	}
	var ngold float64
	var sums [2]PRF
	for _, id := range ids {
		id = strings.TrimSuffix(strings.TrimSpace(id), ".txt")
		g, ok := gold[id]
		if !ok {
			return rep, fmt.Errorf("eval: document %s has no gold keyphrases in %s", id, goldFile)
		}
		text, err := readText(filepath.Join(docsDir, id+".txt"))
		if err != nil {
			return rep, err
		}
		pred, err := extract(text)
		if err != nil {
			return rep, fmt.Errorf("eval: document %s: %w", id, err)
		}
		for i, key := range []func(string) string{exactKey, NormalizeKeyphrase} {
			s := scoreList(pred, g, k, key)
			sums[i].Precision += s.Precision
			sums[i].Recall += s.Recall
			sums[i].F1 += s.F1
		}
		ngold += float64(len(distinct(g, exactKey)))
		rep.Docs++
	}
	if rep.Docs > 0 {
		n := float64(rep.Docs)
		rep.Exact = PRF{sums[0].Precision / n, sums[0].Recall / n, sums[0].F1 / n}
		rep.Normalized = PRF{sums[1].Precision / n, sums[1].Recall / n, sums[1].F1 / n}
		rep.GoldPerDoc = ngold / n
	}
	return rep, nil
}

// scoreList scores the first k distinct predictions against the gold
// list, phrases compared by key.
func scoreList(pred, gold []string, k int, key func(string) string) PRF {
	p := distinct(pred, key)
	if len(p) > k {
		p = p[:k]
	}
	g := distinct(gold, key)
	in := make(map[string]bool, len(g))
	for _, x := range g {
		in[x] = true
	}
	hits := 0
	for _, x := range p {
		if in[x] {
			hits++
		}
	}
	var s PRF
	if len(p) > 0 {
		s.Precision = float64(hits) / float64(len(p))
	}
	if len(g) > 0 {
		s.Recall = float64(hits) / float64(len(g))
	}
	if hits > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// distinct returns the keys of the phrases, first occurrences only,
// empty keys left out.
func distinct(phrases []string, key func(string) string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range phrases {
		k := key(p)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, k)
	}
	return out
}

func exactKey(s string) string { return strings.TrimSpace(s) }

// NormalizeKeyphrase returns the key under which Keywords compares
// phrases in its Normalized score: the words and numbers of the phrase,
// normalized (arabic.Normalize), Arabic words light-stemmed (arabic.Stem),
// joined by single spaces. Punctuation is left out.
func NormalizeKeyphrase(s string) string {
	var words []string
	for _, t := range arabic.Tokenize(s) {
		switch {
		case t.Kind == arabic.Word:
			words = append(words, arabic.Stem(t.Norm))
		case t.Kind.IsWord(), t.Kind == arabic.Number:
			words = append(words, t.Norm)
		}
	}
	return strings.Join(words, " ")
}

// maxGoldLine bounds one line of a gold keyphrase file.
const maxGoldLine = 1 << 20

// ReadKeyphrases reads gold keyphrases, one document per line:
// "<id> : kp1,kp2,...", the phrases in the gold order. Blank lines are
// skipped; a byte order mark and carriage returns are dropped; phrases are
// trimmed and empty ones left out. name is used in errors, which give the
// line. A document listed twice is an error.
func ReadKeyphrases(name string, r io.Reader) (map[string][]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxGoldLine)
	out := map[string][]string{}
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		if !utf8.ValidString(text) {
			return nil, fmt.Errorf("%s:%d: not valid UTF-8", name, line)
		}
		id, list, ok := strings.Cut(text, ":")
		id = strings.TrimSpace(id)
		if !ok || id == "" {
			return nil, fmt.Errorf("%s:%d: want \"<id> : kp1,kp2,...\", got %q", name, line, text)
		}
		if _, dup := out[id]; dup {
			return nil, fmt.Errorf("%s:%d: document %s listed twice", name, line, id)
		}
		var phrases []string
		for p := range strings.SplitSeq(list, ",") {
			if p = strings.TrimSpace(p); p != "" {
				phrases = append(phrases, p)
			}
		}
		out[id] = phrases
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// ReadIDs reads a list of document ids, one per line (AKEC's train.ids
// and test.ids), dropping a ".txt" suffix, spaces and blank lines.
func ReadIDs(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	var ids []string
	for line := range strings.Lines(string(data)) {
		if id := strings.TrimSuffix(strings.TrimSpace(line), ".txt"); id != "" {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// readText reads a UTF-8 text file, dropping a byte order mark.
func readText(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("eval: %w", err)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		return "", fmt.Errorf("eval: %s: not valid UTF-8", path)
	}
	return string(data), nil
}

// ReadDocs reads the documents ids of docsDir (docsDir/<id>.txt), as
// Keywords does; use it to give TFIDFBaseline the training documents.
func ReadDocs(docsDir string, ids []string) ([]string, error) {
	var out []string
	for _, id := range ids {
		text, err := readText(filepath.Join(docsDir, strings.TrimSuffix(id, ".txt")+".txt"))
		if err != nil {
			return nil, err
		}
		out = append(out, text)
	}
	return out, nil
}

// baselineMax is the number of phrases the TF-IDF baseline returns.
const baselineMax = 50

// TFIDFBaseline returns a keyphrase extractor that ranks a text's
// candidate phrases by TF-IDF, with document frequencies from docs (give
// it the training documents only, never the ones scored).
//
// Candidates are one to three consecutive words of a sentence (no
// punctuation or number between them) of at least two letters each, the
// first and last not stop words; they are counted under their
// NormalizeKeyphrase key. A candidate's score is tf × idf, with tf its
// count in the text and idf = ln((N+1)/(df+1)) + 1 over the N documents
// of docs; ties go to the earlier candidate. Each is returned as its first
// occurrence is written; at most 50 are returned.
func TFIDFBaseline(docs []string) Extract {
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, c := range candidates(arabic.Analyze(d)) {
			if !seen[c.key] {
				seen[c.key] = true
				df[c.key]++
			}
		}
	}
	n := float64(len(docs))
	return func(text string) ([]string, error) {
		a := arabic.Analyze(text)
		type cand struct {
			surface string
			tf      int
			first   int
		}
		byKey := map[string]*cand{}
		var order []string
		for i, c := range candidates(a) {
			x := byKey[c.key]
			if x == nil {
				x = &cand{surface: text[c.start:c.end], first: i}
				byKey[c.key] = x
				order = append(order, c.key)
			}
			x.tf++
		}
		score := func(k string) float64 {
			return float64(byKey[k].tf) * (math.Log((n+1)/float64(df[k]+1)) + 1)
		}
		slices.SortStableFunc(order, func(a, b string) int { return cmp.Compare(score(b), score(a)) })
		if len(order) > baselineMax {
			order = order[:baselineMax]
		}
		out := make([]string, len(order))
		for i, k := range order {
			out[i] = byKey[k].surface
		}
		return out, nil
	}
}

// candidate is a phrase of a text, in bytes.
type candidate struct {
	key        string
	start, end int
}

// candidates returns the candidate phrases of a in text order (see
// TFIDFBaseline).
func candidates(a *arabic.Analysis) []candidate {
	var out []candidate
	usable := func(k int) bool {
		t := a.Tokens[k]
		return t.Kind.IsWord() && utf8.RuneCountInString(t.Norm) >= 2
	}
	for _, s := range a.Sentences {
		for i := s.FirstToken; i < s.EndToken; i++ {
			if !usable(i) || arabic.IsStopWord(a.Tokens[i].Norm) {
				continue
			}
			var words []string
			for j := i; j < s.EndToken && j < i+3 && usable(j); j++ {
				t := a.Tokens[j]
				w := t.Norm
				if t.Kind == arabic.Word {
					w = arabic.Stem(w)
				}
				words = append(words, w)
				if arabic.IsStopWord(t.Norm) {
					continue
				}
				out = append(out, candidate{key: strings.Join(words, " "), start: a.Tokens[i].Start, end: t.End})
			}
		}
	}
	return out
}

// WriteText writes the report as a table.
func (r KeywordsReport) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d documents, %.1f gold keyphrases each on average; first %d predictions, macro-averaged\n", r.Docs, r.GoldPerDoc, r.K)
	fmt.Fprintf(&b, "%-10s %9s %9s %9s\n", "match", "P@"+fmt.Sprint(r.K), "R@"+fmt.Sprint(r.K), "F1@"+fmt.Sprint(r.K))
	fmt.Fprintf(&b, "%-10s %9.4f %9.4f %9.4f\n", "exact", r.Exact.Precision, r.Exact.Recall, r.Exact.F1)
	fmt.Fprintf(&b, "%-10s %9.4f %9.4f %9.4f\n", "stems", r.Normalized.Precision, r.Normalized.Recall, r.Normalized.F1)
	_, err := io.WriteString(w, b.String())
	return err
}
