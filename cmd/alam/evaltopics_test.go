package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// topicsRecord is the part of an output record TestEvalTopicsAgreesWithExtract reads.
type topicsRecord struct {
	Source string `json:"source"`
	Topics []struct {
		ID string `json:"id"`
	} `json:"topics"`
}

// firstTopics runs alam extract with args and returns, by source file, the
// label its record gives: the first taxonomy topic's id, or with model the
// first model topic's label; "" for none.
func firstTopics(t *testing.T, model bool, args ...string) map[string]string {
	t.Helper()
	code, out, errOut := alam(t, "", append([]string{"extract", "--progress", "never"}, args...)...)
	if code != exitOK {
		t.Fatalf("extract %q: exit %d: %s", args, code, errOut)
	}
	got := map[string]string{}
	for line := range strings.Lines(out) {
		var r topicsRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad record %q: %v", line, err)
		}
		got[r.Source] = ""
		for _, tp := range r.Topics {
			label, isModel := strings.CutPrefix(tp.ID, "model:")
			if isModel == model {
				got[r.Source] = label
				break
			}
		}
	}
	return got
}

// perArticle runs alam eval topics --per-article with args and returns,
// by file, the predicted label.
func perArticle(t *testing.T, args ...string) map[string]string {
	t.Helper()
	code, out, errOut := alam(t, "", append([]string{"eval", "topics", "--per-article"}, args...)...)
	if code != exitOK {
		t.Fatalf("eval topics %q: exit %d: %s", args, code, errOut)
	}
	got := map[string]string{}
	for line := range strings.Lines(out) {
		if f := strings.Split(strings.TrimSuffix(line, "\n"), "\t"); len(f) == 3 {
			got[f[0]] = f[2]
		}
	}
	return got
}

// agree checks that eval and extract gave every file the same label, and
// that the case is not vacuous: some files got a label, and, if none,
// some got none.
func agree(t *testing.T, name string, ev, ex map[string]string, wantNone bool) {
	t.Helper()
	if len(ev) == 0 || len(ev) != len(ex) {
		t.Fatalf("%s: eval scored %d files, extract wrote %d records", name, len(ev), len(ex))
	}
	labelled, none := 0, 0
	for path, want := range ex {
		got, ok := ev[path]
		switch {
		case !ok:
			t.Errorf("%s: %s: extracted but not scored", name, path)
		case got != want:
			t.Errorf("%s: %s: eval predicted %q, extract's record says %q", name, path, got, want)
		}
		if want == "" {
			none++
		} else {
			labelled++
		}
	}
	if labelled == 0 || wantNone && none == 0 {
		t.Errorf("%s: %d files with a label, %d without: the case does not test both", name, labelled, none)
	}
}

// TestEvalTopicsAgreesWithExtract checks that alam eval topics scores the
// first topic of the records alam extract writes, article by article: the
// same decoding (a windows-1256 file, a byte order mark), the entities as
// evidence, the reporting threshold (a brief with no topic counts as
// none), and the topic model's labels.
func TestEvalTopicsAgreesWithExtract(t *testing.T) {
	dir := t.TempDir()
	corpus := "../../extract/topics/testdata/corpus"
	write := func(rel string, data []byte) {
		t.Helper()
		path := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, label := range []string{"war", "economy", "sport"} {
		files, err := filepath.Glob(filepath.Join(corpus, label, "*.txt"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no files under %s/%s: %v", corpus, label, err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			write(filepath.Join(label, filepath.Base(f)), data)
		}
	}
	cp1256, err := charmap.Windows1256.NewEncoder().String("أعلن البنك المركزي رفع أسعار الفائدة، وتراجعت البورصة وأسعار النفط.")
	if err != nil {
		t.Fatal(err)
	}
	write("economy/cp1256.txt", []byte(cp1256))
	write("sport/bom.txt", []byte("\uFEFFفاز المنتخب في المباراة النهائية وسجل اللاعب هدفين في الدوري."))
	write("war/brief.txt", []byte("قال إنه سيعود غدا."))
	// Entities as evidence: the Islamic State and a ministry, no war words.
	write("war/entities.txt", []byte("أعلن تنظيم داعش مسؤوليته، وقالت وزارة الداخلية العراقية إن تنظيم داعش يقف وراء ما جرى في الموصل."))

	agree(t, "taxonomy", perArticle(t, dir), firstTopics(t, false, "--keywords", "0", dir), true)

	model := filepath.Join(t.TempDir(), "m.bin")
	if code, _, errOut := alam(t, "", "topics", "train", dir, "-o", model, "--min-count", "1"); code != exitOK {
		t.Fatalf("topics train: exit %d: %s", code, errOut)
	}
	agree(t, "model", perArticle(t, "--topic-model", model, dir), firstTopics(t, true, "--topic-model", model, dir), false)
}

// TestEvalTopicsAgreesOnANT runs the same check on the four sections of
// the ANT sample's test split that map onto the taxonomy, when the data is
// there (it is not shipped).
func TestEvalTopicsAgreesOnANT(t *testing.T) {
	if testing.Short() {
		t.Skip("400 articles")
	}
	dir := "../../../shared/data/ant_corpus_v2.1_sample/test"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("ANT sample not found: %v", err)
	}
	m := "--map=culture=medtop:01000000,economy=medtop:04000000,sport=medtop:15000000,technology=medtop:13000000"
	ev := perArticle(t, m, dir)
	var paths []string
	for _, s := range []string{"culture", "economy", "sport", "technology"} {
		paths = append(paths, filepath.Join(dir, s))
	}
	agree(t, "ANT", ev, firstTopics(t, false, append([]string{"--keywords", "0"}, paths...)...), false)
}

func TestTopicsTrainOptions(t *testing.T) {
	corpus := "../../extract/topics/testdata/corpus"
	model := filepath.Join(t.TempDir(), "m.bin")
	code, _, errOut := alam(t, "", "topics", "train", corpus, "-o", model, "--kind", "svm")
	if code != exitUsage || !strings.Contains(errOut, `unknown classifier kind "svm"`) {
		t.Errorf("--kind svm: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = alam(t, "", "topics", "train", corpus, "-o", model, "--kind", "nb", "--min-count", "1", "--dev-every", "3")
	if code != exitOK || !strings.Contains(errOut, "nb trained on 7 files") || !strings.Contains(errOut, "3 documents, accuracy") {
		t.Errorf("--dev-every 3: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = alam(t, "", "eval", "topics", "--topic-model", corpus+"/war/01.txt", corpus)
	if code != exitUsage || !strings.Contains(errOut, "not an alam topic model") {
		t.Errorf("eval topics with a text file as model: exit %d, stderr %q", code, errOut)
	}
}
