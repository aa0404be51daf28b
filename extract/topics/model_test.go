package topics

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/arabic"
)

// corpusDocs reads testdata/corpus as TrainDir does.
func corpusDocs(t testing.TB) []LabeledDoc {
	t.Helper()
	var docs []LabeledDoc
	err := walkLabelled("testdata/corpus", func(label, _, text string) error {
		docs = append(docs, LabeledDoc{Label: label, Analysis: arabic.Analyze(text)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func trainCorpus(t testing.TB) *Model {
	t.Helper()
	m, err := Train(corpusDocs(t), TrainOptions{MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func save(t testing.TB, m *Model) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestPredict(t *testing.T) {
	m := trainCorpus(t)
	if got, want := m.Labels(), []string{"economy", "sport", "war"}; !slices.Equal(got, want) {
		t.Fatalf("labels %q, want %q", got, want)
	}
	tests := []struct {
		name, text, want string
	}{
		{"sport", "سجل اللاعب هدفا في المباراة", "sport"},
		{"economy", "تراجعت أسعار الأسهم في البورصة", "economy"},
		{"war", "تجدد القصف والمعارك رغم وقف إطلاق النار", "war"},
		{"bigram", "أعلن الجيش وقف إطلاق النار", "war"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.Predict(arabic.Analyze(tt.text))
			if len(got) != 3 || got[0].Label != tt.want {
				t.Fatalf("Predict = %v, want %s first", got, tt.want)
			}
			sum := 0.0
			for i, p := range got {
				sum += p.Score
				if i > 0 && p.Score > got[i-1].Score {
					t.Errorf("not sorted: %v", got)
				}
			}
			if math.Abs(sum-1) > 1e-9 {
				t.Errorf("scores sum to %v, want 1", sum)
			}
		})
	}
}

func TestPredictNoFeatures(t *testing.T) {
	m, err := Train(corpusDocs(t), TrainOptions{Kind: NaiveBayes, MinCount: 1, NoCalibration: true})
	if err != nil {
		t.Fatal(err)
	}
	// war has 4 documents of 10, economy and sport 3 each: the priors.
	want := []Prediction{{"war", 0.4}, {"economy", 0.3}, {"sport", 0.3}}
	for _, a := range []*arabic.Analysis{nil, arabic.Analyze(""), arabic.Analyze("في من إلى ، 2014")} {
		got := m.Predict(a)
		if len(got) != len(want) {
			t.Fatalf("Predict = %v, want %v", got, want)
		}
		for i := range want {
			if got[i].Label != want[i].Label || math.Abs(got[i].Score-want[i].Score) > 1e-6 {
				t.Errorf("Predict = %v, want %v", got, want)
				break
			}
		}
	}
}

func TestTrainDeterministic(t *testing.T) {
	docs := corpusDocs(t)
	first := save(t, trainCorpus(t))
	rev := slices.Clone(docs)
	slices.Reverse(rev)
	m, err := Train(rev, TrainOptions{MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(save(t, m), first) {
		t.Error("training on the documents in another order gave another file")
	}
	fromDir, err := TrainDir("testdata/corpus", TrainOptions{MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(save(t, fromDir), first) {
		t.Error("TrainDir gave another file than Train")
	}
}

func TestSaveLoad(t *testing.T) {
	for _, opt := range []TrainOptions{
		{MinCount: 1}, {}, {Kind: NaiveBayes, NoBigrams: true, Alpha: 0.01}, {Kind: NaiveBayes}, {Kind: ComplementNB, MinCount: 1},
		{Kind: LogReg, NoCalibration: true, Lambda: 0.01, EntityWeight: 2},
	} {
		m, err := Train(corpusDocs(t), opt)
		if err != nil {
			t.Fatal(err)
		}
		data := save(t, m)
		if !bytes.HasPrefix(data, []byte("alam-topic-model\n\x02")) {
			t.Fatalf("file starts with %q", data[:min(len(data), 20)])
		}
		back, err := LoadModel(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if again := save(t, back); !bytes.Equal(again, data) {
			t.Errorf("%+v: re-saved model differs (%d bytes, want %d)", opt, len(again), len(data))
		}
		for _, text := range []string{"سجل اللاعب هدفا", "قصف الجيش", "أسعار النفط", ""} {
			a := arabic.Analyze(text)
			if got, want := back.Predict(a), m.Predict(a); !slices.Equal(got, want) {
				t.Errorf("%+v: %q: loaded model predicts %v, want %v", opt, text, got, want)
			}
		}
	}
}

func TestTrainErrors(t *testing.T) {
	a := arabic.Analyze("نص")
	tests := []struct {
		name string
		docs []LabeledDoc
		opt  TrainOptions
		want string
	}{
		{"no documents", nil, TrainOptions{}, "topics: no training documents"},
		{"no label", []LabeledDoc{{Analysis: a}}, TrainOptions{}, "topics: training document 0 has no label or no analysis"},
		{"no analysis", []LabeledDoc{{Label: "x"}}, TrainOptions{}, "topics: training document 0 has no label or no analysis"},
		{"negative alpha", []LabeledDoc{{Label: "x", Analysis: a}}, TrainOptions{Alpha: -1}, "topics: smoothing alpha -1 out of [1e-09, 1e+09]"},
		{"NaN alpha", []LabeledDoc{{Label: "x", Analysis: a}}, TrainOptions{Alpha: math.NaN()}, "topics: smoothing alpha NaN out of [1e-09, 1e+09]"},
		{"negative MinCount", []LabeledDoc{{Label: "x", Analysis: a}}, TrainOptions{MinCount: -2}, "topics: negative MinCount -2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Train(tt.docs, tt.opt)
			if err == nil || err.Error() != tt.want || m != nil {
				t.Errorf("Train = %v, %v; want error %q", m, err, tt.want)
			}
		})
	}
}

func TestTrainDirErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := TrainDir(filepath.Join(dir, "missing"), TrainOptions{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing dir: error %v, want ErrNotExist", err)
	}
	if _, err := TrainDir(dir, TrainOptions{}); err == nil || err.Error() != "topics: no training documents" {
		t.Errorf("empty dir: error %v", err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "x", "bad.txt")
	if err := os.WriteFile(bad, []byte("مرحبا\xffبكم"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := TrainDir(dir, TrainOptions{}); err == nil || !strings.Contains(err.Error(), bad+": ") || !strings.Contains(err.Error(), "invalid byte 0xFF at offset 10") {
		t.Errorf("bad UTF-8: error %v, want one naming the file and the byte", err)
	}
}

func TestLoadModelRejects(t *testing.T) {
	good := save(t, trainCorpus(t))
	// withCRC replaces the checksum of a changed body.
	withCRC := func(body []byte) []byte { return appendCRC(slices.Clone(body)) }
	body := good[:len(good)-4]
	tests := []struct {
		name string
		data []byte
		is   error
		msg  string
	}{
		{"empty", nil, ErrNotModel, "topics: not an alam topic model"},
		{"text", []byte("hello, world\n"), ErrNotModel, "topics: not an alam topic model"},
		{"gzip", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"), ErrNotModel, "topics: not an alam topic model"},
		{"half a magic", []byte("alam-topic"), ErrTruncated, "topics: truncated model: 10 bytes"},
		{"magic only", []byte(modelMagic), ErrTruncated, "topics: truncated model"},
		{"version 3", append([]byte(modelMagic), 3, 0), ErrModelVersion, "topics: unsupported model version: model version 3, this alam reads 1 and 2"},
		{"version 0", append([]byte(modelMagic), 0), ErrModelVersion, "topics: unsupported model version: model version 0, this alam reads 1 and 2"},
		{"no checksum", body, ErrTruncated, "topics: truncated model"},
		{"cut in the features", good[:len(good)/2], ErrTruncated, ""},
		{"bad checksum", append(slices.Clone(body), 0, 0, 0, 0), ErrCorrupt, ""},
		{"trailing bytes", append(slices.Clone(good), 0), ErrCorrupt, ""},
		{"flipped byte", flip(good, len(good)-10), ErrCorrupt, ""},
		{"long varint", append([]byte(modelMagic), 0x81, 0x00), ErrCorrupt, "topics: corrupt model: varint 1 is not in its shortest form (at byte 17)"},
		{"unknown flag", withCRC(setByte(body, flagsAt, 8|body[flagsAt])), ErrCorrupt, "topics: corrupt model: unknown flags 0xa (at byte 26)"},
		{"unknown kind", withCRC(setByte(body, flagsAt-1, 'x')), ErrCorrupt, `topics: corrupt model: unknown classifier kind "logrex" (at byte 25)`},
		{"NaN temperature", withCRC(setBytes(body, labelsAt-8, "\x00\x00\x00\x00\x00\x00\xf8\x7f")), ErrCorrupt, "topics: corrupt model: temperature NaN out of [1e-09, 1e+06] (at byte 59)"},
		{"huge label count", withCRC(hugeLabels(body)), ErrCorrupt, "topics: corrupt model: 4611686018427387903 labels, over the limit of 65536 (at byte 68)"},
		{"version 1 with a kind flag", appendCRC([]byte(modelMagic + "\x01\x02\x01\x00\x00\x00\x00\x00\x00\xe0\x3f\x01\x01a\x01\x01\x02bc\x01\x00\x05")), ErrCorrupt, "topics: corrupt model: unknown flags 0x2 (at byte 19)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := LoadModel(bytes.NewReader(tt.data))
			if m != nil || !errors.Is(err, tt.is) {
				t.Fatalf("LoadModel = %v, %v; want error %v", m, err, tt.is)
			}
			if tt.msg != "" && err.Error() != tt.msg {
				t.Errorf("error %q, want %q", err, tt.msg)
			}
		})
	}
	t.Run("every prefix", func(t *testing.T) {
		for n := 0; n < len(good); n++ {
			if m, err := LoadModel(bytes.NewReader(good[:n])); m != nil || err == nil {
				t.Fatalf("prefix of %d bytes loaded", n)
			}
		}
	})
	t.Run("nil reader", func(t *testing.T) {
		if _, err := LoadModel(nil); err == nil {
			t.Error("no error")
		}
	})
	t.Run("read error", func(t *testing.T) {
		if _, err := LoadModel(errReader{}); !errors.Is(err, errBroken) {
			t.Errorf("error %v, want it to wrap errBroken", err)
		}
	})
}

func flip(b []byte, i int) []byte { return setByte(b, i, b[i]^0x40) }

func setByte(b []byte, i int, v byte) []byte {
	c := slices.Clone(b)
	c[i] = v
	return c
}

// The offsets in the file of a default (logreg) model: after the magic,
// the version, the kind "logreg", the flags, MinCount, then alpha, lambda,
// the entity weight and the temperature, the label count.
const (
	flagsAt  = len(modelMagic) + 1 + 1 + len("logreg")
	labelsAt = flagsAt + 2 + 4*8
)

func setBytes(b []byte, i int, v string) []byte {
	c := slices.Clone(b)
	copy(c[i:], v)
	return c
}

// hugeLabels replaces the label count of body with a huge varint.
func hugeLabels(body []byte) []byte {
	at := labelsAt
	out := slices.Clone(body[:at])
	out = append(out, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x3f)
	return append(out, body[at+1:]...)
}

// appendCRC appends the checksum of body.
func appendCRC(body []byte) []byte {
	return binary.LittleEndian.AppendUint32(body, crc32.ChecksumIEEE(body))
}

func TestHoldOut(t *testing.T) {
	docs := corpusDocs(t) // war 4, economy 3, sport 3
	train, dev := HoldOut(docs, 3)
	if len(train)+len(dev) != len(docs) || len(dev) != 3 {
		t.Fatalf("HoldOut(every 3) = %d train, %d dev; want 7, 3", len(train), len(dev))
	}
	for _, l := range []string{"war", "economy", "sport"} {
		n := 0
		for _, d := range dev {
			if d.Label == l {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d dev documents, want 1", l, n)
		}
	}
	rev := slices.Clone(docs)
	slices.Reverse(rev)
	_, dev2 := HoldOut(rev, 3)
	for i := range dev {
		if dev[i].Analysis.Text != dev2[i].Analysis.Text {
			t.Errorf("dev %d depends on the order of the documents", i)
		}
	}
	if train, dev := HoldOut(docs, 1); len(dev) != 0 || len(train) != len(docs) {
		t.Errorf("HoldOut(every 1) = %d, %d", len(train), len(dev))
	}
}

// TestEntityFeatures trains on articles whose words say nothing of their
// label: only the region of their entities does.
func TestEntityFeatures(t *testing.T) {
	var docs []LabeledDoc
	arab := EntityRef{ID: "country:IQ", Type: "COUNTRY", Name: "العراق", Country: "IQ", Region: RegionArab}
	other := EntityRef{ID: "country:FR", Type: "COUNTRY", Name: "فرنسا", Country: "FR", Region: RegionOther}
	for i := range 6 {
		text := []string{"قال المسؤول إن الاجتماع انتهى", "أعلن المسؤول نتائج الاجتماع", "عقد الاجتماع أمس"}[i%3]
		docs = append(docs,
			LabeledDoc{Label: "middleEast", Analysis: arabic.Analyze(text), Entities: []EntityRef{arab}},
			LabeledDoc{Label: "world", Analysis: arabic.Analyze(text), Entities: []EntityRef{other}})
	}
	for _, kind := range []Kind{NaiveBayes, ComplementNB, LogReg} {
		m, err := Train(docs, TrainOptions{Kind: kind, MinCount: 1})
		if err != nil {
			t.Fatal(err)
		}
		a := arabic.Analyze("انتهى الاجتماع")
		// A new Arab country: the region and type features decide.
		sa := EntityRef{ID: "country:SA", Type: "COUNTRY", Name: "السعودية", Country: "SA", Region: RegionArab}
		if got := m.PredictWith(a, []EntityRef{sa}); got[0].Label != "middleEast" {
			t.Errorf("%s: with Saudi Arabia: %v, want middleEast first", kind, got)
		}
		if got := m.PredictWith(a, []EntityRef{other}); got[0].Label != "world" {
			t.Errorf("%s: with France: %v, want world first", kind, got)
		}
		if ev := m.Explain(a, []EntityRef{sa}, "middleEast"); !slices.Contains(ev, "السعودية") {
			t.Errorf("%s: evidence %q lacks the entity's name", kind, ev)
		}
		off, err := Train(docs, TrainOptions{Kind: kind, MinCount: 1, NoEntities: true})
		if err != nil {
			t.Fatal(err)
		}
		if off.Entities() || !m.Entities() {
			t.Errorf("%s: Entities() = %v with, %v without", kind, m.Entities(), off.Entities())
		}
		if got := off.PredictWith(a, []EntityRef{sa}); math.Abs(got[0].Score-0.5) > 1e-6 {
			t.Errorf("%s: without entity features: %v, want 0.5 each", kind, got)
		}
	}
}

func TestTaxonomyFeatures(t *testing.T) {
	var docs []LabeledDoc
	for i := range 6 {
		docs = append(docs,
			LabeledDoc{Label: "money", Analysis: arabic.Analyze([]string{"ارتفع التضخم", "تراجعت البورصة", "ارتفع التضخم وتراجعت البورصة"}[i%3])},
			LabeledDoc{Label: "game", Analysis: arabic.Analyze([]string{"فاز الفريق بالمباراة", "خسر المنتخب", "فاز المنتخب بالمباراة"}[i%3])})
	}
	// No word of a is in the training articles; the taxonomy's economy
	// terms (البنك المركزي، أسعار الفائدة) are.
	a := arabic.Analyze("رفع البنك المركزي أسعار الفائدة")
	tax, err := DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	var economy float64
	for _, tp := range tax.ScoreWith(a, nil, ScoreOptions{Threshold: -1, MaxTopics: -1}) {
		if tp.ID == "medtop:04000000" {
			economy = tp.Score
		}
	}
	if economy <= 0 {
		t.Fatalf("the default taxonomy gives no economy score to %q", a.Text)
	}
	off, err := Train(docs, TrainOptions{MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	money := func(m *Model) float64 {
		for _, p := range m.PredictWith(a, nil) {
			if p.Label == "money" {
				return p.Score
			}
		}
		return -1
	}
	tests := []struct {
		name     string
		opt      TrainOptions
		features bool
	}{
		{"logistic regression", TrainOptions{MinCount: 1, TaxonomyFeatures: true}, true},
		{"logistic regression by default", TrainOptions{MinCount: 1}, false},
		{"naive Bayes", TrainOptions{Kind: NaiveBayes, MinCount: 1, TaxonomyFeatures: true}, false},
		{"complement naive Bayes", TrainOptions{Kind: ComplementNB, MinCount: 1, TaxonomyFeatures: true}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Train(docs, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			loaded, err := LoadModel(bytes.NewReader(save(t, m)))
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range []*Model{m, loaded} {
				if m.TaxonomyFeatures() != tt.features {
					t.Fatalf("TaxonomyFeatures() = %v, want %v", m.TaxonomyFeatures(), tt.features)
				}
				if !tt.features {
					continue
				}
				// a's only known features are the taxonomy's.
				if with, without := money(m), money(off); with <= without {
					t.Errorf("P(money) %v with the taxonomy features, %v without", with, without)
				}
				i, ok := m.index[featTaxonomy+"medtop:04000000"]
				if !ok {
					t.Fatal("no economy feature in the vocabulary")
				}
				k := slices.IndexFunc(m.vector(a, nil, nil), func(e entry) bool { return e.i == i })
				if k < 0 || math.Abs(m.vector(a, nil, nil)[k].x-TaxonomyFeatureWeight*economy) > 1e-12 {
					t.Errorf("economy feature of %q: %v, want %v", a.Text, m.vector(a, nil, nil), TaxonomyFeatureWeight*economy)
				}
			}
		})
	}
}

func TestCheck(t *testing.T) {
	docs := corpusDocs(t)
	m, err := Train(docs, TrainOptions{Kind: NaiveBayes, MinCount: 1, NoCalibration: true})
	if err != nil {
		t.Fatal(err)
	}
	// Add an article the model gets wrong.
	docs = append(docs, LabeledDoc{Label: "sport", Analysis: arabic.Analyze("تراجعت أسعار الأسهم في البورصة")})
	r := m.Check(docs, 4)
	if r.Docs != len(docs) || r.Correct != len(docs)-1 || len(r.Bins) != 4 {
		t.Fatalf("Check = %d docs, %d right, %d bins; want %d, %d, 4", r.Docs, r.Correct, len(r.Bins), len(docs), len(docs)-1)
	}
	n, right, ece := 0, 0, 0.0
	for _, b := range r.Bins {
		n += b.Docs
		right += b.Correct
		if b.Docs > 0 {
			if b.Confidence < b.Lo || b.Confidence > b.Hi {
				t.Errorf("bin [%v, %v): mean confidence %v", b.Lo, b.Hi, b.Confidence)
			}
			ece += float64(b.Docs) * math.Abs(float64(b.Correct)/float64(b.Docs)-b.Confidence)
		}
	}
	if n != r.Docs || right != r.Correct || math.Abs(ece/float64(n)-r.ECE) > 1e-12 {
		t.Errorf("bins hold %d docs, %d right, ECE %v; report %d, %d, %v", n, right, ece/float64(n), r.Docs, r.Correct, r.ECE)
	}
	if r.LogLoss <= 0 {
		t.Errorf("log loss %v with a wrong prediction", r.LogLoss)
	}
}

func TestCalibration(t *testing.T) {
	// Scores that are right 3 times in 4 with margin 1: the best
	// temperature makes the first label's probability 0.75, so
	// 1/T = ln 3.
	var scores [][]float64
	var gold []int
	for i := range 400 {
		scores = append(scores, []float64{1, 0})
		g := 0
		if i%4 == 0 {
			g = 1
		}
		gold = append(gold, g)
	}
	if got, want := fitTemperature(scores, gold), 1/math.Log(3); math.Abs(got-want) > 1e-4 {
		t.Errorf("temperature %v, want %v", got, want)
	}
}
