package topics

import (
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
)

// EntityRef is one recognized mention of an entity in the article, as
// topic evidence and as classifier features.
type EntityRef struct {
	ID   string // gazetteer entity id: org:isis
	Kind string // the entity's attrs.kind: armed-group, or ""
	Type string // PERSON, COUNTRY, LOCATION or ORG
	// Name is shown as evidence when a hint on the entity fires: the
	// mention's text or the entity's name. When empty, ID is shown.
	Name string
	// Country is the ISO 3166-1 alpha-2 code of the entity's country: a
	// country's own code, the country of a place, person or organization
	// (its attrs.country); "" when unknown.
	Country string
	// Region is RegionArab when Country is a member of the Arab League,
	// RegionOther for another country, "" when Country is unknown.
	Region string
	// Start and End are the mention's bytes in the article's text, End
	// exclusive; End 0 means unknown. A hint of a topic does not count a
	// mention whose words a term of the same topic matched (see
	// Taxonomy.ScoreWith).
	Start, End int
}

// The values of EntityRef.Region.
const (
	RegionArab  = "arab"
	RegionOther = "other"
)

// The prefixes of the entity features of a Model. A word feature never
// starts with '@': words hold letters and marks only.
const (
	featEntity  = "@e "
	featKind    = "@k "
	featType    = "@t "
	featCountry = "@c "
	featRegion  = "@r "
	// featTaxonomy is followed by a topic id of the default taxonomy:
	// "@T medtop:04000000" (see TaxonomyFeatureWeight).
	featTaxonomy = "@T "
)

// TaxonomyFeatureWeight scales the scores of the default taxonomy's topics
// (DefaultTaxonomy, every topic with evidence, Taxonomy.ScoreWith) that a
// LogReg model trained with TaxonomyFeatures reads as features, one per
// topic, beside its words and entities. Chosen by 5-fold cross-validation
// on the ANT train split (see docs/QUALITY.md).
const TaxonomyFeatureWeight = 0.3

// taxonomyValues returns the scores of tax's topics for an article, by
// topic index, each times TaxonomyFeatureWeight; 0 for a topic without
// evidence.
func taxonomyValues(tax *Taxonomy, a *arabic.Analysis, ents []EntityRef) []float64 {
	out := make([]float64, len(tax.topics))
	for _, tp := range tax.ScoreWith(a, ents, ScoreOptions{Threshold: -1, MaxTopics: -1}) {
		out[tax.topicIndex[tp.ID]] = tp.Score * TaxonomyFeatureWeight
	}
	return out
}

// occurrence is where a feature occurs, to show it as evidence: a byte
// span of the article's text, or an entity's name.
type occurrence struct {
	start, end int
	name       string
}

// eachFeature calls f with the features of an article: the stems of its
// content words and, if bigrams, the pairs of consecutive content stems
// within a sentence (see Model); then, if entities, five features per
// mention: its entity id, kind, type, country and region (those that are
// not empty). f must not keep key, which is reused.
func eachFeature(a *arabic.Analysis, ents []EntityRef, bigrams, entities bool, f func(key []byte, at occurrence)) {
	buf := make([]byte, 0, 64)
	if a != nil {
		prev, prevStart := "", 0
		sent := 0
		for k, tok := range a.Tokens {
			for sent < len(a.Sentences) && k >= a.Sentences[sent].EndToken {
				sent++
				prev = ""
			}
			if !tok.Kind.IsWord() || utf8.RuneCountInString(tok.Norm) < 2 || arabic.IsStopWord(tok.Norm) {
				continue
			}
			stem := arabic.Stem(tok.Norm)
			f(append(buf[:0], stem...), occurrence{start: tok.Start, end: tok.End})
			if bigrams && prev != "" {
				f(append(append(append(buf[:0], prev...), ' '), stem...), occurrence{start: prevStart, end: tok.End})
			}
			prev, prevStart = stem, tok.Start
		}
	}
	if !entities {
		return
	}
	for _, e := range ents {
		name := e.Name
		if name == "" {
			name = e.ID
		}
		at := occurrence{name: name}
		for _, p := range [...]struct{ prefix, val string }{
			{featEntity, e.ID}, {featKind, e.Kind}, {featType, e.Type}, {featCountry, e.Country}, {featRegion, e.Region},
		} {
			if p.val != "" {
				f(append(append(buf[:0], p.prefix...), p.val...), at)
			}
		}
	}
}

// isEntityFeature reports whether f is an entity feature.
func isEntityFeature(f string) bool { return len(f) > 0 && f[0] == '@' }
