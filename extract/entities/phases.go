package entities

import (
	"context"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/internal/reuse"
)

// The phases of Recognize pass values: each reads what the phases before
// it returned and returns what it found, never filling a shared state.
// The values that phases read are these: an article (the analysis and
// the lexeme of every token), the gazetteer's names in it (gazNames), and
// for the rules on people and places the tokens inside organizations and
// the class of every token (nameFinder).

// article is the analysed text with the lexeme of each token: what every
// phase reads. It does not change once made.
type article struct {
	r   *Recognizer
	a   *arabic.Analysis
	lex []*lexeme // per token
	scr *scratch  // buffers only: no phase reads another's scratch
}

// gazNames are the gazetteer's matches in an article and, per token, the
// longest match that covers it: the output of the first phase.
type gazNames struct {
	matches []gazetteer.Match
	covered []int // per token: an index into matches, or noMatch
}

// orgFinder runs the organization rule over an article and its gazetteer
// names.
type orgFinder struct {
	article
	gazNames
}

// nameFinder runs the rules on people and places: they read the
// organizations the rules found (inOrg) and the class of every token as a
// word of a person's name (classes).
type nameFinder struct {
	article
	gazNames
	inOrg   []bool      // per token: inside an organization the rules found
	classes []wordClass // per token, see tokenClasses
}

// scratch holds the buffers of one recognition, pooled between articles.
type scratch struct {
	covered []int
	inOrg   []bool
	classes []wordClass
	lex     []*lexeme
	lexBufs lexBufs
	segs    []arabic.Segmentation
	words   []string
	keyBuf  []byte            // a key being joined (see article.key)
	keys    map[string]string // the article's keys of several words, each made once
	tagger  taggerScratch
	short   shortScratch
	// The candidates of recognize (at their length) and those chosen, and
	// the tokens taken.
	cands, chosen []mention
	taken         []bool
	order         []int32  // selectInto's
	gazIDs        []uint32 // the tokens' gazetteer ids (see article.gazIDs)
	gazStarts     [][]gazetteer.Start
	matches       []gazetteer.Match // the gazetteer's (see article.findGazNames)
}

// maxPooledTokens bounds the buffers kept for the next article: those of a
// huge article are left to the garbage collector.
const maxPooledTokens = 1 << 16

func (r *Recognizer) getScratch() *scratch {
	if s, _ := r.scratch.Get().(*scratch); s != nil {
		return s
	}
	return new(scratch)
}

// putScratch returns s to the pool; nothing may use it afterwards.
func (r *Recognizer) putScratch(s *scratch) {
	if cap(s.covered) > maxPooledTokens {
		return
	}
	// The token buffers and the candidates were written within their
	// lengths (each buffer is made at a token count, and cleared here
	// within it, so that what lies beyond it is already clear): their
	// capacity is the largest article's, their length this one's.
	clear(s.segs[:cap(s.segs)])
	clear(s.lex)
	clear(s.gazStarts)
	clear(s.matches)
	clear(s.keys) // per article: keys are not cached between articles
	clear(s.cands)
	clear(s.chosen[:cap(s.chosen)]) // shortForms drops mentions in place
	s.short.release()
	r.scratch.Put(s)
}

// newArticle returns a with the lexeme of every token, looked up in the
// vocabulary of r (analysing the forms not met before).
func (r *Recognizer) newArticle(a *arabic.Analysis, s *scratch) article {
	s.lex = r.vocab.lexemes(r, a, s.lex, &s.lexBufs, &s.segs)
	return article{r: r, a: a, lex: s.lex, scr: s}
}

// gazIDs returns the gazetteer's ids and starts of d's tokens (see
// gazetteer.Matcher.FindAllStartsContext), read from their lexemes. A
// token whose normalized form is not its lexeme's (an analysis made with
// other folds than the one that made the lexeme) is looked up. When the
// Recognizer's tokenizer made both d's analysis and the lexeme, their
// forms are the same and need not be compared.
func (d article) gazIDs() ([]uint32, [][]gazetteer.Start) {
	ids := reuse.Resize(d.scr.gazIDs, len(d.a.Tokens), 0)
	starts := reuse.Resize(d.scr.gazStarts, len(d.a.Tokens), nil)
	d.scr.gazIDs, d.scr.gazStarts = ids, starts
	own := d.a.Tokenizer() == d.r.tok
	for k, l := range d.lex {
		if t := &d.a.Tokens[k]; own && l.has(lexOwnNorm) || l.norm == t.Norm {
			ids[k], starts[k] = l.gazID, l.gazStarts
		} else {
			ids[k] = d.r.gaz.TokenID(t.Norm)
			starts[k] = d.r.gaz.AppendStarts(nil, t.Text(d.a.Text), t.Kind, t.Norm)
		}
	}
	return ids, starts
}

// findGazNames returns the gazetteer's matches in d and the longest match
// covering each token (phase 1), or ctx's error.
func (d article) findGazNames(ctx context.Context) (gazNames, error) {
	ids, starts := d.gazIDs()
	matches, err := d.r.gaz.AppendAllStartsContext(ctx, d.scr.matches[:0], d.a, ids, starts)
	d.scr.matches = matches
	if err != nil {
		clear(matches[:cap(matches)]) // what was written beyond its length
		return gazNames{}, err
	}
	g := gazNames{matches: matches}
	g.covered = reuse.Resize(d.scr.covered, len(d.a.Tokens), noMatch)
	d.scr.covered = g.covered
	for i, m := range g.matches {
		for k := m.FirstToken; k < m.EndToken; k++ {
			if c := g.covered[k]; c == noMatch || g.matches[c].RuneEnd-g.matches[c].RuneStart < m.RuneEnd-m.RuneStart {
				g.covered[k] = i
			}
		}
	}
	return g, nil
}

// orgCandidates appends to out the organizations that the rules find,
// sentence by sentence (phase 2), or returns ctx's error.
func (d orgFinder) orgCandidates(ctx context.Context, out []mention) ([]mention, error) {
	for i, s := range d.a.Sentences {
		if err := every(ctx, i); err != nil {
			return nil, err
		}
		out = d.orgs(s, out)
	}
	return out, nil
}

// every returns ctx's error once in checkEvery values of i.
func every(ctx context.Context, i int) error {
	if i%checkEvery != checkEvery-1 {
		return nil
	}
	return ctx.Err()
}

// orgTokens returns, per token of d, whether one of the organizations
// orgs covers it.
func (d article) orgTokens(orgs []mention) []bool {
	in := reuse.Resize(d.scr.inOrg, len(d.a.Tokens), false)
	d.scr.inOrg = in
	for _, c := range orgs {
		for k := c.first; k < c.end; k++ {
			in[k] = true
		}
	}
	return in
}

// tokenClasses returns the class of every token as a word of a person's
// name (phase 3): its lexeme's, but a word that may be a name is not one
// inside a gazetteer name that is not a person's, nor inside an
// organization the rules found.
func (d article) tokenClasses(g gazNames, inOrg []bool) []wordClass {
	classes := reuse.Resize(d.scr.classes, len(d.a.Tokens), notName)
	d.scr.classes = classes
	for k, l := range d.lex {
		c := l.class
		if c == maybeName {
			if typ := g.gazType(k); typ != typeNone && typ != gazetteer.Person || inOrg[k] {
				c = notName
			}
		}
		classes[k] = c
	}
	return classes
}

// class returns the class of token k (see tokenClasses).
func (d nameFinder) class(k int) wordClass { return d.classes[k] }

// personPlaceCandidates appends to out the places, people after titles,
// people by their given names and speakers that the rules find, sentence
// by sentence (phase 4), or returns ctx's error.
func (d nameFinder) personPlaceCandidates(ctx context.Context, out []mention) ([]mention, error) {
	// A sentence may be the whole article: look at ctx between rules.
	for _, s := range d.a.Sentences {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		out = d.places(s, out)
		out = d.titlePersons(s, out)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		out = d.givenPersons(s, out)
		out = d.speakers(s, out)
	}
	return out, nil
}

// decisions appends to out a mention for each gazetteer match of g that
// the evidence of the article decides (phase 5); a rule's candidate for
// the same span (in out) lends its type. It returns ctx's error when ctx
// is done.
func (d article) decisions(ctx context.Context, g gazNames, out []mention) ([]mention, error) {
	ruleTypes := make(map[[2]int]gazetteer.Type)
	for _, c := range out {
		ruleTypes[[2]int{c.Start, c.End}] = c.typ
	}
	if len(g.matches) > 0 {
		// The evidence reads the stems of the article (as topics and
		// keywords do after it): most are the lexemes'.
		d.a.StemsWith(d.lexemeStem)
	}
	ev := d.r.gaz.NewEvidence(d.a)
	for i, gm := range g.matches {
		if err := every(ctx, i); err != nil {
			return nil, err
		}
		if m, ok := d.decide(gm, ev, ruleTypes[[2]int{gm.Start, gm.End}]); ok {
			m = d.trimName(m, g)
			d.demonymAfterNoun(&m)
			out = append(out, m)
		}
	}
	return out, ctx.Err()
}

// lexemeStem returns the stem of token k's Norm, a Word, where its
// lexeme keeps it, when the lexeme's norm is the token's (see gazIDs): for
// arabic.Analysis.StemsWith. The stem is the same part of the token's
// Norm, not of the lexeme's: the stages after recognition hash and compare
// the stems' bytes, and the article's are in the cache where the lexeme's,
// of a form met long before, are not (the lexeme's made StemIndex's hash a
// cache miss a token: maphash.String 3.2% of the Extract/ant-no-model
// profile).
func (d article) lexemeStem(k int) (string, bool) {
	l, t := d.lex[k], &d.a.Tokens[k]
	if d.a.Tokenizer() == d.r.tok && l.has(lexOwnNorm) || l.norm == t.Norm {
		return l.stemOf(t.Norm)
	}
	return "", false
}
