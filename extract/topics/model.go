package topics

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/pipeline"
)

// Kind names a classifier.
type Kind string

// The kinds of Model. All three read the same features.
const (
	// NaiveBayes is multinomial naive Bayes on feature counts, with
	// Lidstone smoothing (Alpha).
	NaiveBayes Kind = "nb"
	// ComplementNB is complement naive Bayes (Rennie et al., ICML 2003):
	// each label's weights come from the counts of the other labels, on
	// log-damped, length-normalized counts, the weights normalized.
	ComplementNB Kind = "cnb"
	// LogReg is multinomial logistic regression with an L2 penalty
	// (Lambda), fitted by L-BFGS on log-damped, length-normalized counts.
	LogReg Kind = "logreg"
)

// Training defaults, chosen on a dev split cut from the train split of the
// ANT Corpus v2.1 sample (every fifth article of each section; see
// docs/QUALITY.md): the kind, and for naive Bayes alpha and MinCount
// (5-fold cross-validation there: with bigrams, alpha 0.1 to 1 and
// MinCount 1 to 3 all gave 87.2% to 87.7%, without bigrams 86.2% to 86.8%).
const (
	// DefaultKind is the classifier Train fits when no Kind is given.
	DefaultKind = LogReg
	// DefaultAlpha is the Lidstone smoothing constant added to every
	// feature count (NaiveBayes, ComplementNB).
	DefaultAlpha = 0.5
	// DefaultMinCount drops features seen fewer times than this in the
	// whole training set.
	DefaultMinCount = 2
	// DefaultLambda is the L2 penalty of LogReg (the mean log loss per
	// document plus Lambda/2 times the squared norm of the weights).
	DefaultLambda = 1e-5
	// DefaultEntityWeight scales the entity features against the words.
	DefaultEntityWeight = 0.3
	// DefaultIterations is the most L-BFGS iterations of LogReg.
	DefaultIterations = 300
)

// The range of the smoothing constant, which keeps every log probability
// finite, and of the L2 penalty.
const (
	MinAlpha  = 1e-9
	MaxAlpha  = 1e9
	MinLambda = 1e-12
	MaxLambda = 1e3
)

func validAlpha(a float64) bool        { return a >= MinAlpha && a <= MaxAlpha }
func validLambda(l float64) bool       { return l >= MinLambda && l <= MaxLambda }
func validTemp(t float64) bool         { return t >= 1e-9 && t <= 1e6 }
func validEntityWeight(w float64) bool { return w > 0 && w <= MaxWeight }
func (k Kind) valid() bool             { return k == NaiveBayes || k == ComplementNB || k == LogReg }
func (k Kind) damped() bool            { return k != NaiveBayes }
func (k Kind) storesCounts() bool      { return k == NaiveBayes }

// TrainOptions tune Train. The zero value gives the defaults.
type TrainOptions struct {
	// Kind is the classifier; "" means DefaultKind.
	Kind Kind
	// Alpha is the smoothing constant of the naive Bayes kinds
	// (Lidstone; 1 is Laplace). 0 means DefaultAlpha; other values must be
	// in [MinAlpha, MaxAlpha].
	Alpha float64
	// MinCount drops features seen fewer than MinCount times in all the
	// training documents together. 0 means DefaultMinCount; 1 keeps every
	// feature.
	MinCount int
	// NoBigrams leaves out the bigram features.
	NoBigrams bool
	// NoEntities leaves out the entity features (see Model).
	NoEntities bool
	// TaxonomyFeatures adds the taxonomy features to LogReg (see Model);
	// the other kinds never read them. Off by default: on the ANT sample
	// they gained 0.7 points in cross-validation on train, whose articles
	// the taxonomy's words were chosen on, and lost 1.2 on test (see
	// docs/QUALITY.md).
	TaxonomyFeatures bool
	// EntityWeight multiplies the values of the entity features for
	// ComplementNB and LogReg (naive Bayes counts them as words); 0 means
	// DefaultEntityWeight; other values must be in (0, MaxWeight].
	EntityWeight float64
	// Lambda is the L2 penalty of LogReg; 0 means DefaultLambda; other
	// values must be in [MinLambda, MaxLambda].
	Lambda float64
	// Iterations bounds the L-BFGS iterations of LogReg; 0 means
	// DefaultIterations.
	Iterations int
	// NoCalibration keeps the raw scores (temperature 1) instead of
	// fitting a temperature by cross-validation (see Model).
	NoCalibration bool
}

// Validate reports the first option out of range, as Train would.
func (opt TrainOptions) Validate() error {
	_, err := opt.withDefaults()
	return err
}

// withDefaults fills the zero fields of opt and checks the others.
func (opt TrainOptions) withDefaults() (TrainOptions, error) {
	if opt.Kind == "" {
		opt.Kind = DefaultKind
	}
	if !opt.Kind.valid() {
		return opt, fmt.Errorf("topics: unknown classifier kind %q (want %s, %s or %s)", opt.Kind, NaiveBayes, ComplementNB, LogReg)
	}
	if opt.Alpha == 0 {
		opt.Alpha = DefaultAlpha
	}
	if !validAlpha(opt.Alpha) {
		return opt, fmt.Errorf("topics: smoothing alpha %v out of [%g, %g]", opt.Alpha, MinAlpha, MaxAlpha)
	}
	if opt.MinCount == 0 {
		opt.MinCount = DefaultMinCount
	}
	if opt.MinCount < 0 {
		return opt, fmt.Errorf("topics: negative MinCount %d", opt.MinCount)
	}
	if opt.Lambda == 0 {
		opt.Lambda = DefaultLambda
	}
	if !validLambda(opt.Lambda) {
		return opt, fmt.Errorf("topics: L2 penalty %v out of [%g, %g]", opt.Lambda, MinLambda, MaxLambda)
	}
	if opt.EntityWeight == 0 {
		opt.EntityWeight = DefaultEntityWeight
	}
	if !validEntityWeight(opt.EntityWeight) {
		return opt, fmt.Errorf("topics: entity weight %v out of (0, %d]", opt.EntityWeight, MaxWeight)
	}
	if opt.Iterations == 0 {
		opt.Iterations = DefaultIterations
	}
	if opt.Iterations < 0 {
		return opt, fmt.Errorf("topics: negative Iterations %d", opt.Iterations)
	}
	return opt, nil
}

// LabeledDoc is a training document: its label, its analysis and, for
// the entity features, its entity mentions (one EntityRef per mention, as
// the extract package's Topics stage passes them).
type LabeledDoc struct {
	Label    string
	Analysis *arabic.Analysis
	Entities []EntityRef
}

// Prediction is a label with its probability.
type Prediction struct {
	Label string
	Score float64
}

// Model is a topic classifier over the words and entities of an article:
// NaiveBayes, ComplementNB or LogReg (see Kind). It is immutable and safe
// for concurrent use.
//
// The features of an article are its content words and their bigrams:
// the word tokens that are not stop words and have at least two letters,
// normalized and light-stemmed (arabic.Stem); and each pair of such stems
// that follow each other within a sentence once everything else (stop
// words, punctuation, numbers, one-letter words) is dropped: the
// stop-word-free sequence, so that وزير الخارجية and وزير للخارجية give the
// same pair, and قال وزير الخارجية إن pairs قال with وزير. A bigram is
// written "stem1 stem2". Unless trained with NoEntities, each entity
// mention adds five features: its entity id, its kind (club, ministry,
// armed-group), its type, its country and its region (Arab League or not),
// written "@e id", "@k kind", "@t TYPE", "@c XX", "@r arab". LogReg,
// when trained with TaxonomyFeatures, also reads the score of each topic of
// the default taxonomy (DefaultTaxonomy, as Taxonomy.ScoreWith gives it
// for the article and its mentions with no threshold) times
// TaxonomyFeatureWeight, written "@T medtop:04000000", beside the
// normalized words and entities; the model file records that it does, and
// the taxonomy is the one built into the program that loads it.
//
// Naive Bayes counts each occurrence; the other kinds use 1 + ln(count)
// of each feature, the vector scaled to unit length. A label's score is
// linear in these values; its probability is the softmax of the scores
// divided by a temperature. Train fits the temperature on 5-fold
// cross-validated scores of the training documents (the one that
// minimizes their log loss), so that a probability of 0.8 is right about
// 80% of the time on articles like the training ones; see docs/QUALITY.md
// for the reliability table.
type Model struct {
	kind     Kind
	labels   []string
	docs     []int // training documents per label
	opt      TrainOptions
	entities bool      // the entity features are on
	tax      *Taxonomy // the taxonomy of the taxonomy features, or nil
	temp     float64   // the temperature
	// vocab is sorted; index maps it back.
	vocab []string
	index map[string]int32
	isEnt []bool // by feature: an entity feature
	// NaiveBayes keeps its counts: feature i has counts[off[i]:off[i+1]].
	off    []int32
	counts []labelCount
	// w[i*nl+l] is the weight of feature i for label l; bias[l] the
	// label's constant. Derived from the counts for NaiveBayes, fitted
	// and stored for the other kinds.
	w    []float32
	bias []float64
}

type labelCount struct {
	label int32
	n     uint32
}

// Labels returns the model's labels, sorted.
func (m *Model) Labels() []string { return slices.Clone(m.labels) }

// Kind returns the model's kind.
func (m *Model) Kind() Kind { return m.kind }

// Temperature returns the temperature the scores are divided by.
func (m *Model) Temperature() float64 { return m.temp }

// Entities reports whether the model reads entity features: whether
// PredictWith's entities count.
func (m *Model) Entities() bool { return m.entities }

// TaxonomyFeatures reports whether the model reads the scores of the
// default taxonomy's topics as features (see Model).
func (m *Model) TaxonomyFeatures() bool { return m.tax != nil }

// Train trains a model on docs. Documents with an empty label or a nil
// analysis are an error; so is a training set without documents. The
// model does not depend on the order of docs.
func Train(docs []LabeledDoc, opt TrainOptions) (*Model, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, errors.New("topics: no training documents")
	}
	for i, d := range docs {
		if d.Label == "" || d.Analysis == nil {
			return nil, fmt.Errorf("topics: training document %d has no label or no analysis", i)
		}
	}
	set, err := newTrainingSet(docs, opt)
	if err != nil {
		return nil, err
	}
	m := set.fit(opt, nil)
	if !opt.NoCalibration {
		m.temp = set.calibrate(opt)
	}
	return m, nil
}

// ReadDir reads the labelled text files under dir: each directory
// directly under dir is a label, and every *.txt file below it (at any
// depth) a document of that label, decoded as alam extract decodes a file
// (pipeline.DecodeBytes with the encoding detected: a byte order mark is
// dropped, windows-1256 is recognized, bytes that decode to nothing are an
// error). Files directly in dir and symbolic links are ignored; labels and
// files are read in sorted order. annotate gives the analysis and the
// entities of a text (the extract package's Extractor.TopicInput does it as
// alam extract does); nil means arabic.Analyze and no entities.
func ReadDir(dir string, annotate func(text string) (*arabic.Analysis, []EntityRef, error)) ([]LabeledDoc, error) {
	var docs []LabeledDoc
	err := walkLabelled(dir, func(label, path, text string) error {
		d := LabeledDoc{Label: label}
		if annotate == nil {
			d.Analysis = arabic.Analyze(text)
		} else {
			var err error
			if d.Analysis, d.Entities, err = annotate(text); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
		}
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// TrainDir trains a model on the text files under dir, read by ReadDir
// with arabic.Analyze and no entities.
func TrainDir(dir string, opt TrainOptions) (*Model, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	docs, err := ReadDir(dir, nil)
	if err != nil {
		return nil, err
	}
	return Train(docs, opt)
}

// walkLabelled calls f for every *.txt file under the directories of dir,
// labels and files in sorted order.
func walkLabelled(dir string, f func(label, path, text string) error) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("topics: %w", err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		label := e.Name()
		err := filepath.WalkDir(filepath.Join(dir, label), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(d.Name(), ".txt") || !d.Type().IsRegular() {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			text, _, err := pipeline.DecodeBytes(data, "")
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			return f(label, path, text)
		})
		if err != nil {
			return fmt.Errorf("topics: %w", err)
		}
	}
	return nil
}

// HoldOut splits docs into a training and a dev part: the documents of
// each label are put in a canonical order (by text) and every every-th of
// them, starting with the every-th, goes to dev. It does not depend on the
// order of docs. every below 2 puts everything in train.
func HoldOut(docs []LabeledDoc, every int) (train, dev []LabeledDoc) {
	sorted := canonical(docs)
	n := 0
	for i, d := range sorted {
		if i > 0 && d.Label != sorted[i-1].Label {
			n = 0
		}
		n++
		if every >= 2 && n%every == 0 {
			dev = append(dev, d)
		} else {
			train = append(train, d)
		}
	}
	return train, dev
}

// canonical returns docs sorted by label, then text, then entities.
func canonical(docs []LabeledDoc) []LabeledDoc {
	out := slices.Clone(docs)
	slices.SortStableFunc(out, func(a, b LabeledDoc) int {
		if c := cmp.Compare(a.Label, b.Label); c != 0 {
			return c
		}
		var ta, tb string
		if a.Analysis != nil {
			ta = a.Analysis.Text
		}
		if b.Analysis != nil {
			tb = b.Analysis.Text
		}
		if c := cmp.Compare(ta, tb); c != 0 {
			return c
		}
		return slices.CompareFunc(a.Entities, b.Entities, func(x, y EntityRef) int {
			return cmp.Or(cmp.Compare(x.ID, y.ID), cmp.Compare(x.Name, y.Name), cmp.Compare(x.Kind, y.Kind),
				cmp.Compare(x.Type, y.Type), cmp.Compare(x.Country, y.Country), cmp.Compare(x.Region, y.Region))
		})
	})
	return out
}

// entry is one feature of a document: its index in the vocabulary and
// its value.
type entry struct {
	i int32
	x float64
}

// trainingSet holds the training documents as feature vectors over the
// vocabulary.
type trainingSet struct {
	labels []string
	vocab  []string
	y      []int     // label index per document
	raw    [][]entry // feature counts per document
	vecs   [][]entry // the values the kind reads
	tax    *Taxonomy // the taxonomy of the taxonomy features, or nil
}

// newTrainingSet counts the features of docs, keeps those seen at least
// opt.MinCount times, adds the taxonomy features (LogReg without
// TaxonomyFeatures), and builds the document vectors.
func newTrainingSet(docs []LabeledDoc, opt TrainOptions) (*trainingSet, error) {
	docs = canonical(docs)
	s := &trainingSet{}
	if opt.Kind == LogReg && opt.TaxonomyFeatures {
		tax, err := DefaultTaxonomy()
		if err != nil {
			return nil, fmt.Errorf("topics: taxonomy features: %w", err)
		}
		s.tax = tax
	}
	total := map[string]int{}
	perDoc := make([]map[string]int, len(docs))
	labels := map[string]bool{}
	for di, d := range docs {
		labels[d.Label] = true
		c := map[string]int{}
		eachFeature(d.Analysis, d.Entities, !opt.NoBigrams, !opt.NoEntities, func(key []byte, _ occurrence) {
			c[string(key)]++
		})
		for k, n := range c {
			total[k] += n
		}
		perDoc[di] = c
	}
	for l := range labels {
		s.labels = append(s.labels, l)
	}
	slices.Sort(s.labels)
	for f, n := range total {
		if n >= opt.MinCount {
			s.vocab = append(s.vocab, f)
		}
	}
	if s.tax != nil {
		for _, tp := range s.tax.topics {
			s.vocab = append(s.vocab, featTaxonomy+tp.id)
		}
	}
	slices.Sort(s.vocab)
	isEnt := make([]bool, len(s.vocab))
	for i, f := range s.vocab {
		isEnt[i] = isEntityFeature(f)
	}
	index := make(map[string]int32, len(s.vocab))
	for i, f := range s.vocab {
		index[f] = int32(i)
	}
	for di, d := range docs {
		l, _ := slices.BinarySearch(s.labels, d.Label)
		s.y = append(s.y, l)
		var v []entry
		for f, n := range perDoc[di] {
			if i, ok := index[f]; ok {
				v = append(v, entry{i, float64(n)})
			}
		}
		slices.SortFunc(v, func(a, b entry) int { return cmp.Compare(a.i, b.i) })
		s.raw = append(s.raw, v)
		if opt.Kind.damped() {
			s.vecs = append(s.vecs, withTaxonomy(damp(slices.Clone(v), isEnt, opt.EntityWeight), s.tax, index, d))
		} else {
			s.vecs = append(s.vecs, v)
		}
	}
	return s, nil
}

// withTaxonomy appends to v, the damped features of article d, the
// taxonomy features of tax (none when tax is nil), index giving their
// indices, and returns v sorted by index.
func withTaxonomy(v []entry, tax *Taxonomy, index map[string]int32, d LabeledDoc) []entry {
	if tax == nil {
		return v
	}
	for k, x := range taxonomyValues(tax, d.Analysis, d.Entities) {
		if i, ok := index[featTaxonomy+tax.topics[k].id]; ok && x > 0 {
			v = append(v, entry{i, x})
		}
	}
	slices.SortFunc(v, func(a, b entry) int { return cmp.Compare(a.i, b.i) })
	return v
}

// damp replaces counts by 1 + ln(count), times ew for the entity
// features (isEnt), and scales the vector to unit length.
func damp(v []entry, isEnt []bool, ew float64) []entry {
	norm := 0.0
	for k := range v {
		v[k].x = 1 + math.Log(v[k].x)
		if isEnt[v[k].i] {
			v[k].x *= ew
		}
		norm += v[k].x * v[k].x
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for k := range v {
			v[k].x /= norm
		}
	}
	return v
}

// fit trains a model of kind opt.Kind on the documents of s that keep
// says to keep (all when keep is nil). Its temperature is 1.
func (s *trainingSet) fit(opt TrainOptions, keep func(doc int) bool) *Model {
	nl := len(s.labels)
	m := &Model{kind: opt.Kind, labels: s.labels, docs: make([]int, nl), opt: opt, entities: !opt.NoEntities, tax: s.tax, temp: 1, vocab: s.vocab}
	for d, l := range s.y {
		if keep == nil || keep(d) {
			m.docs[l]++
		}
	}
	switch opt.Kind {
	case NaiveBayes:
		counts := make([][]uint32, len(s.vocab))
		for d, v := range s.raw {
			if keep != nil && !keep(d) {
				continue
			}
			for _, e := range v {
				if counts[e.i] == nil {
					counts[e.i] = make([]uint32, nl)
				}
				counts[e.i][s.y[d]] += uint32(min(e.x, math.MaxUint32))
			}
		}
		m.off = make([]int32, 0, len(s.vocab)+1)
		for _, c := range counts {
			m.off = append(m.off, int32(len(m.counts)))
			for l, n := range c {
				if n > 0 {
					m.counts = append(m.counts, labelCount{label: int32(l), n: n})
				}
			}
		}
		m.off = append(m.off, int32(len(m.counts)))
	case ComplementNB:
		m.w, m.bias = fitComplement(s, nl, opt.Alpha, keep)
	case LogReg:
		m.w, m.bias = fitLogReg(s, nl, opt.Lambda, opt.Iterations, keep)
	}
	m.derive()
	return m
}

// folds is the number of cross-validation folds that calibrate uses.
const folds = 5

// calibrate returns the temperature that minimizes the log loss of the
// scores of each document by a model trained without its fold (the
// documents of each label dealt round the folds in canonical order), or 1
// when there are too few documents for folds.
func (s *trainingSet) calibrate(opt TrainOptions) float64 {
	if len(s.y) < 2*folds || len(s.labels) < 2 {
		return 1
	}
	fold := make([]int, len(s.y))
	seen := map[int]int{}
	for d, l := range s.y {
		fold[d] = seen[l] % folds
		seen[l]++
	}
	scores := make([][]float64, len(s.y))
	for k := range folds {
		m := s.fit(opt, func(d int) bool { return fold[d] != k })
		for d := range s.y {
			if fold[d] == k {
				scores[d] = m.scores(s.vecs[d])
			}
		}
	}
	return fitTemperature(scores, s.y)
}

// fitTemperature returns the temperature T in [e^-20, e^12] that minimizes
// the log loss of softmax(scores/T), by golden-section search on ln T.
func fitTemperature(scores [][]float64, gold []int) float64 {
	loss := func(lnT float64) float64 {
		t := math.Exp(lnT)
		sum := 0.0
		for d, z := range scores {
			sum -= math.Log(max(softmax(z, t)[gold[d]], 1e-300))
		}
		return sum
	}
	lo, hi := -20.0, 12.0
	phi := (math.Sqrt(5) - 1) / 2
	a, b := hi-phi*(hi-lo), lo+phi*(hi-lo)
	fa, fb := loss(a), loss(b)
	for hi-lo > 1e-4 {
		if fa < fb {
			hi, b, fb = b, a, fa
			a = hi - phi*(hi-lo)
			fa = loss(a)
		} else {
			lo, a, fa = a, b, fb
			b = lo + phi*(hi-lo)
			fb = loss(b)
		}
	}
	// Round to 6 significant digits, so that the file holds a tidy value.
	t := math.Exp((lo + hi) / 2)
	p := math.Pow(10, 5-math.Floor(math.Log10(t)))
	return math.Round(t*p) / p
}

// softmax returns the probabilities of the scores z at temperature t.
func softmax(z []float64, t float64) []float64 {
	out := make([]float64, len(z))
	top := math.Inf(-1)
	for _, x := range z {
		top = max(top, x)
	}
	sum := 0.0
	for l, x := range z {
		out[l] = math.Exp((x - top) / t)
		sum += out[l]
	}
	for l := range out {
		out[l] /= sum
	}
	return out
}

// derive fills the index, and for NaiveBayes the weights from the counts.
func (m *Model) derive() {
	nl := len(m.labels)
	m.index = make(map[string]int32, len(m.vocab))
	m.isEnt = make([]bool, len(m.vocab))
	for i, f := range m.vocab {
		m.index[f] = int32(i)
		m.isEnt[i] = isEntityFeature(f)
	}
	if !m.kind.storesCounts() {
		return
	}
	totals := make([]float64, nl)
	for _, c := range m.counts {
		totals[c.label] += float64(c.n)
	}
	ndocs := 0
	for _, n := range m.docs {
		ndocs += n
	}
	m.bias = make([]float64, nl)
	base := make([]float64, nl)
	alpha, v := m.opt.Alpha, float64(len(m.vocab))
	for l := range nl {
		// A label without documents (possible only in a hand-made file)
		// gets a prior of one document in ndocs+1, not −Inf.
		m.bias[l] = math.Log((float64(m.docs[l]) + 1e-9) / (float64(ndocs) + 1e-9))
		base[l] = math.Log(alpha / (totals[l] + alpha*v))
	}
	m.w = make([]float32, len(m.vocab)*nl)
	for i := range m.vocab {
		row := m.w[i*nl : (i+1)*nl]
		for l := range row {
			row[l] = float32(base[l])
		}
		for _, c := range m.counts[m.off[i]:m.off[i+1]] {
			row[c.label] = float32(base[c.label] + math.Log((float64(c.n)+alpha)/alpha))
		}
	}
}

// vector returns the features of an article that the model knows, with
// the values its kind reads, by increasing index, and if at is not nil
// fills it with the first occurrence of each.
func (m *Model) vector(a *arabic.Analysis, ents []EntityRef, at map[int32]occurrence) []entry {
	var ids []int32
	eachFeature(a, ents, !m.opt.NoBigrams, m.entities, func(key []byte, occ occurrence) {
		i, ok := m.index[string(key)]
		if !ok {
			return
		}
		ids = append(ids, i)
		if at != nil {
			if _, seen := at[i]; !seen {
				at[i] = occ
			}
		}
	})
	slices.Sort(ids)
	var v []entry
	for k, i := range ids {
		if k > 0 && ids[k-1] == i {
			v[len(v)-1].x++
			continue
		}
		v = append(v, entry{i, 1})
	}
	if m.kind.damped() {
		v = withTaxonomy(damp(v, m.isEnt, m.opt.EntityWeight), m.tax, m.index, LabeledDoc{Analysis: a, Entities: ents})
	}
	return v
}

// scores returns the raw score of every label for the vector v.
func (m *Model) scores(v []entry) []float64 {
	nl := len(m.labels)
	z := slices.Clone(m.bias)
	for _, e := range v {
		row := m.w[int(e.i)*nl : (int(e.i)+1)*nl]
		for l, w := range row {
			z[l] += e.x * float64(w)
		}
	}
	return z
}

// Predict returns the predictions of PredictWith for a without entities.
func (m *Model) Predict(a *arabic.Analysis) []Prediction { return m.PredictWith(a, nil) }

// PredictWith returns every label of the model with its probability for
// article a with the entity mentions ents, the most probable first (ties in
// label order). The probabilities sum to 1. Features the model never saw
// are ignored; an article without known features gets the probabilities
// of the bias alone (for NaiveBayes, the label priors). A model trained
// with entity features predicts less well without them.
func (m *Model) PredictWith(a *arabic.Analysis, ents []EntityRef) []Prediction {
	p := softmax(m.scores(m.vector(a, ents, nil)), m.temp)
	out := make([]Prediction, len(p))
	for l := range p {
		out[l] = Prediction{Label: m.labels[l], Score: p[l]}
	}
	slices.SortStableFunc(out, func(a, b Prediction) int { return cmp.Compare(b.Score, a.Score) })
	return out
}

// Explain returns up to MaxEvidence strings of article a (with ents) that
// speak most for label against the model's other labels: the features
// whose value times the label's weight, less the mean weight of the
// labels, is largest and positive, each shown as the text of its first
// occurrence (a word, or the words of a bigram) or the entity's name.
// Repeated strings are shown once. An unknown label gives nil.
func (m *Model) Explain(a *arabic.Analysis, ents []EntityRef, label string) []string {
	l, ok := slices.BinarySearch(m.labels, label)
	if !ok {
		return nil
	}
	nl := len(m.labels)
	at := map[int32]occurrence{}
	v := m.vector(a, ents, at)
	type contrib struct {
		i   int32
		val float64
	}
	var cs []contrib
	for _, e := range v {
		row := m.w[int(e.i)*nl : (int(e.i)+1)*nl]
		mean := 0.0
		for _, w := range row {
			mean += float64(w)
		}
		mean /= float64(nl)
		if c := e.x * (float64(row[l]) - mean); c > 0 {
			cs = append(cs, contrib{e.i, c})
		}
	}
	slices.SortFunc(cs, func(a, b contrib) int { return cmp.Or(cmp.Compare(b.val, a.val), cmp.Compare(a.i, b.i)) })
	var out []string
	for _, c := range cs {
		occ := at[c.i]
		text := occ.name
		if text == "" && a != nil && occ.end > occ.start && occ.end <= len(a.Text) {
			text = a.Text[occ.start:occ.end]
		}
		if text == "" || slices.Contains(out, text) {
			continue
		}
		out = append(out, text)
		if len(out) == MaxEvidence {
			break
		}
	}
	return out
}
