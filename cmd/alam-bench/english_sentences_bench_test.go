package main

import (
	"context"
	"strings"
	"testing"

	punkt "gopkg.in/neurosnap/sentences.v1/english"

	"github.com/alam-nlp/alam/english"
)

// BenchmarkEnglishSentences compares the sentence ends of alam's English
// analysis (english.Analyzer) with those of the Punkt segmenter that prose
// wraps (gopkg.in/neurosnap/sentences.v1, its English model, built once),
// on the English articles of extract/englishnames. A sentence end is the
// byte offset after its last non-space character. It reports the sentences
// of each, the ends both give, and the line breaks (headline, dateline
// paragraph, paragraphs) that each does not end a sentence at. Run with
// -benchtime 1x: the figures are the metrics, not the time.
func BenchmarkEnglishSentences(b *testing.B) {
	texts, _ := englishArticles(b)
	seg, err := punkt.NewSentenceTokenizer(nil)
	if err != nil {
		b.Fatal(err)
	}
	an := english.NewAnalyzer()
	var alamN, punktN, shared, breaks, alamMissed, punktMissed int
	for b.Loop() {
		alamN, punktN, shared, breaks, alamMissed, punktMissed = 0, 0, 0, 0, 0, 0
		for _, t := range texts {
			a, err := an.Analyze(context.Background(), t)
			if err != nil {
				b.Fatal(err)
			}
			alamEnds := map[int]bool{}
			for _, s := range a.Sentences {
				alamEnds[s.End] = true
			}
			punktEnds := map[int]bool{}
			for _, s := range seg.Tokenize(t) {
				if trimmed := strings.TrimRight(t[:s.End], " \t\r\n"); len(trimmed) > s.Start {
					punktEnds[len(trimmed)] = true
				}
			}
			alamN += len(alamEnds)
			punktN += len(punktEnds)
			for e := range alamEnds {
				if punktEnds[e] {
					shared++
				}
			}
			// A line break that ends text: the offset after the last
			// non-space character before it.
			for i := 0; i < len(t); i++ {
				if t[i] != '\n' {
					continue
				}
				end := len(strings.TrimRight(t[:i], " \t\r\n"))
				if end == 0 || (i > 0 && t[i-1] == '\n') {
					continue
				}
				breaks++
				if !alamEnds[end] {
					alamMissed++
				}
				if !punktEnds[end] {
					punktMissed++
				}
			}
		}
	}
	b.ReportMetric(float64(alamN), "alam-sentences")
	b.ReportMetric(float64(punktN), "punkt-sentences")
	b.ReportMetric(float64(shared), "shared-ends")
	b.ReportMetric(float64(breaks), "line-breaks")
	b.ReportMetric(float64(alamMissed), "alam-missed-breaks")
	b.ReportMetric(float64(punktMissed), "punkt-missed-breaks")
}
