// Package topics says what an Arabic news article is about, in two ways.
//
// A Taxonomy scores topics from lexicons: each topic lists Arabic and
// English terms,
// gazetteer entity ids and entity kinds with weights, and an article gets
// the topics whose terms and entities make up enough of its words, with the
// words as evidence. DefaultTaxonomy holds the 17 top-level IPTC Media
// Topics. Scores are comparable across articles.
//
// A Model is a classifier trained on labelled articles (Train, ReadDir,
// HoldOut): logistic regression by default, or multinomial or complement
// naive Bayes, over light-stemmed words, word pairs and the article's
// entities (their country, region, kind, type and id). It is saved in a
// versioned, checksummed binary file (Save, LoadModel), predicts one label
// of its training set with probabilities calibrated by a temperature
// (PredictWith), names the words and entities behind a label (Explain),
// and measures itself on held-out articles (Check: accuracy, log loss,
// reliability bins).
//
// Both read an *arabic.Analysis and the article's mentions, so an article
// is tokenized and recognized once:
//
//	a := arabic.Analyze(text)
//	tax, _ := topics.DefaultTaxonomy()
//	found := tax.Score(a, mentions)        // []Topic with evidence
//	preds := model.PredictWith(a, mentions) // []Prediction, best first
//
// Taxonomies and Models are immutable and safe for concurrent use.
//
// On the test split of the ANT Corpus v2.1 sample, with its sections
// culture, economy, sport and technology standing for their IPTC topics
// (400 articles), the default taxonomy's first topic in the records of
// alam extract was the section's for 80.5% of the articles (sport 99,
// culture 81, economy 83, technology 59: most technology misses are about
// health). The trained logistic regression gets 88.3% on all six sections
// (600 articles). See docs/QUALITY.md.
package topics
