package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTrainAndEvalNER(t *testing.T) {
	dir := t.TempDir()
	// A tiny corpus: a name after قال is a person, القاهرة a place. AQMAR's
	// PER and IO tags are read as PERS and BIO.
	var b strings.Builder
	for _, name := range []string{"محمد", "علي", "سارة", "عمر", "هدى", "خالد"} {
		b.WriteString("قال O\n" + name + " I-PER\nفي O\nالقاهرة B-LOC\n\n")
	}
	train := filepath.Join(dir, "train.txt")
	if err := os.WriteFile(train, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	test := filepath.Join(dir, "test.txt")
	if err := os.WriteFile(test, []byte("قال O\nيوسف B-PERS\nفي O\nالقاهرة B-LOC\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	model := filepath.Join(dir, "m.bin")
	code, _, stderr := alam(t, "", "train", "ner", train, "--dev", test, "-o", model, "--epochs", "3", "--bits", "12")
	if code != 0 || !strings.Contains(stderr, "epoch 3/3") || !strings.Contains(stderr, "dev micro F1") || !strings.Contains(stderr, "temperature") {
		t.Fatalf("train ner: code %d, stderr %q", code, stderr)
	}
	code, stdout, stderr := alam(t, "", "eval", "ner", "--ner-model", model, test)
	if code != 0 || !strings.Contains(stdout, "micro     1.0000    1.0000    1.0000       2       0       0") {
		t.Errorf("eval ner --ner-model: code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, stderr = alam(t, "", "eval", "ner", "--ner-model", model, "--tagger-only", "--doc-sentences", "1", "--reliability", test)
	if code != 0 || !strings.Contains(stdout, "micro     1.0000    1.0000    1.0000       2       0       0") || !strings.Contains(stdout, "model ") {
		t.Errorf("eval ner --tagger-only --reliability: code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, _, stderr = alam(t, "", "eval", "ner", "--ner-model", train, test)
	if code == 0 || !strings.Contains(stderr, "format version") {
		t.Errorf("eval ner with a foreign model file: code %d, stderr %q", code, stderr)
	}
}

// TestTrainNERFromBrat closes the correction loop: the brat folder that
// extract --format brat writes is read back by train ner as training data.
func TestTrainNERFromBrat(t *testing.T) {
	dir := t.TempDir()
	brat := filepath.Join(dir, "brat")
	if code, _, stderr := alam(t, "", "extract", "--format", "brat", "-o", brat, "../../testdata/000_08d5b8224b143400.txt"); code != 0 {
		t.Fatalf("extract --format brat: code %d, stderr %q", code, stderr)
	}
	model := filepath.Join(dir, "m.bin")
	code, _, stderr := alam(t, "", "train", "ner", brat, "-o", model, "--epochs", "1", "--bits", "12")
	if code != 0 || !strings.Contains(stderr, "epoch 1/1") {
		t.Fatalf("train ner on a brat folder: code %d, stderr %q", code, stderr)
	}
	for _, label := range []string{"PERS", "LOC", "ORG"} {
		if !strings.Contains(stderr, label) {
			t.Errorf("train ner on a brat folder: label %s not learned; stderr %q", label, stderr)
		}
	}
}

func TestExtractModelFlags(t *testing.T) {
	const article = "../../testdata/000_08d5b8224b143400.txt"
	code, withModel, stderr := alam(t, "", "extract", "--no-taxonomy", "--keywords", "0", article)
	if code != 0 {
		t.Fatalf("extract: code %d, stderr %q", code, stderr)
	}
	code, rulesOnly, stderr := alam(t, "", "extract", "--no-taxonomy", "--keywords", "0", "--no-model", article)
	if code != 0 {
		t.Fatalf("extract --no-model: code %d, stderr %q", code, stderr)
	}
	if strings.Contains(rulesOnly, `"source":"model"`) {
		t.Error("extract --no-model gave a mention from the model")
	}
	if withModel == rulesOnly {
		t.Log("the default model changed nothing on the reference article")
	}
	code, _, stderr = alam(t, "", "extract", "--ner-model", article, article)
	if code == 0 || !strings.Contains(stderr, "no model magic") {
		t.Errorf("extract --ner-model on a text file: code %d, stderr %q", code, stderr)
	}
}

func TestTrainClustersAndUseThem(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for _, name := range []string{"محمد", "علي", "سارة", "عمر", "هدى", "خالد"} {
		b.WriteString("قال O\n" + name + " B-PERS\nفي O\nالقاهرة B-LOC\n\n")
	}
	train := filepath.Join(dir, "train.txt")
	if err := os.WriteFile(train, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	// قال, في and القاهرة are seen 6 times; each name once, below --min-count 2.
	cl := filepath.Join(dir, "c.txt")
	code, _, stderr := alam(t, "", "train", "clusters", train, "-o", cl)
	if code != 0 || !strings.Contains(stderr, "3 words of 6 sentences clustered") {
		t.Fatalf("train clusters: code %d, stderr %q", code, stderr)
	}
	model := filepath.Join(dir, "m.bin")
	if code, _, stderr = alam(t, "", "train", "ner", train, "--clusters", cl, "-o", model, "--epochs", "2", "--bits", "12"); code != 0 {
		t.Fatalf("train ner --clusters: code %d, stderr %q", code, stderr)
	}
	code, stdout, stderr := alam(t, "", "eval", "ner", "--ner-model", model, "--clusters", cl, "--tagger-only", train)
	if code != 0 || !strings.Contains(stdout, "micro     1.0000    1.0000    1.0000      12       0       0") {
		t.Errorf("eval ner --clusters: code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	article := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(article, []byte("قال محمد في القاهرة"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := alam(t, "", "extract", "--ner-model", model, "--clusters", cl, article); code != 0 || !strings.Contains(stdout, "القاهرة") {
		t.Errorf("extract --clusters: code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, _, stderr := alam(t, "", "extract", "--ner-model", model, article); code == 0 || !strings.Contains(stderr, "clusters") {
		t.Errorf("extract without --clusters: code %d, stderr %q", code, stderr)
	}
	// Without the clusters it was trained with, the model is refused.
	if code, _, stderr = alam(t, "", "eval", "ner", "--ner-model", model, train); code == 0 || !strings.Contains(stderr, "clusters") {
		t.Errorf("eval ner without --clusters: code %d, stderr %q", code, stderr)
	}
	if code, _, stderr = alam(t, "", "train", "clusters", train); code != exitUsage {
		t.Errorf("train clusters without -o: code %d, stderr %q", code, stderr)
	}
}

// TestTrainNERAlgorithms checks what each --algorithm trains by default:
// the settings stored in the model, and that flags override them.
func TestTrainNERAlgorithms(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for _, name := range []string{"محمد", "علي", "سارة", "عمر"} {
		b.WriteString("قال O\n" + name + " B-PERS\nفي O\nالقاهرة B-LOC\n\n")
	}
	train := filepath.Join(dir, "train.txt")
	if err := os.WriteFile(train, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args     []string
		settings string
	}{
		{nil, "crf epochs=8 seed=1 bits=12 rate=1 l2=3 average"},
		{[]string{"--algorithm", "crf", "--epochs", "2", "--rate", "0.1", "--l2", "0", "--average=false"}, "crf epochs=2 seed=1 bits=12 rate=0.1"},
		{[]string{"--algorithm", "perceptron"}, "perceptron epochs=10 seed=1 bits=12"},
		{[]string{"--algorithm", "perceptron", "--epochs", "3"}, "perceptron epochs=3 seed=1 bits=12"},
	}
	for _, tc := range tests {
		model := filepath.Join(dir, "m.bin")
		args := append([]string{"train", "ner", train, "-o", model, "--bits", "12"}, tc.args...)
		if code, _, stderr := alam(t, "", args...); code != 0 {
			t.Fatalf("%q: code %d, stderr %q", args, code, stderr)
		}
		m, err := loadNERModel(model)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.Info().Settings; got != tc.settings {
			t.Errorf("%q: settings %q, want %q", tc.args, got, tc.settings)
		}
	}
}

// TestTrainNERBadRates checks that train ner refuses a negative, NaN or
// infinite --l2 or --rate as a usage error (code 2) before reading data.
func TestTrainNERBadRates(t *testing.T) {
	for _, tc := range []struct{ flag, value string }{
		{"--l2", "-1"}, {"--l2", "NaN"}, {"--l2", "Inf"},
		{"--rate", "-0.5"}, {"--rate", "NaN"}, {"--rate", "+Inf"},
	} {
		t.Run(tc.flag+"="+tc.value, func(t *testing.T) {
			code, _, stderr := alam(t, "", "train", "ner", "no-such-file.txt", "-o", filepath.Join(t.TempDir(), "m.bin"), tc.flag, tc.value)
			if code != 2 || !strings.Contains(stderr, tc.flag) {
				t.Errorf("code %d, stderr %q; want 2 and a message naming %s", code, stderr, tc.flag)
			}
		})
	}
}
