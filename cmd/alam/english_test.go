package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/internal/testutil"
)

const englishArticle = "../../extract/testdata/en_001_gcc_talks"

// TestExtractEnglishGolden runs alam extract on the English golden article
// and compares the record with its golden file (go test -update rewrites
// it); its mentions are checked by hand in extract.TestEnglishGold.
func TestExtractEnglishGolden(t *testing.T) {
	code, out, errOut := alam(t, "", "extract", englishArticle+".txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	testutil.Golden(t, englishArticle+".golden.jsonl", []byte(out))
	text, err := os.ReadFile(englishArticle + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(string(text))
	recs := records(t, out)
	if len(recs) != 1 {
		t.Fatalf("%d records, want 1", len(recs))
	}
	for _, m := range recs[0].Mentions {
		if got := string(runes[m.Start:m.End]); got != m.Text {
			t.Errorf("text[%d:%d] = %q, mention %q", m.Start, m.End, got, m.Text)
		}
	}
}

// TestExtractMixedLanguages runs alam extract on a folder of Arabic and
// English articles: one record each, in file order, each with its lang.
func TestExtractMixedLanguages(t *testing.T) {
	arabicText, err := os.ReadFile("../../testdata/000_08d5b8224b143400.txt")
	if err != nil {
		t.Fatal(err)
	}
	englishText, err := os.ReadFile(englishArticle + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	files := []struct{ name, text, lang string }{
		{"a_arabic.txt", string(arabicText), "ar"},
		{"b_english.txt", string(englishText), "en"},
		{"c_arabic_with_latin.txt", "قال المبعوث الأميركي جون آلن (John Allen) إن التحالف الدولي ضد تنظيم داعش يحقق تقدما في العراق وسوريا، وإن الكويت شريك مهم في هذه الحرب.", "ar"},
		{"d_english_headline.txt", "Kuwait hosts GCC talks", "en"},
		{"e_french.txt", "Le ministre koweïtien des Affaires étrangères a reçu lundi à Koweït l'envoyé américain John Allen pour parler de la coalition contre le groupe État islamique en Irak et en Syrie.", "und"},
		{"f_empty.txt", "", "und"},
	}
	dir := t.TempDir()
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.name), []byte(f.text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := alam(t, "", "extract", "-j", "2", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(files) {
		t.Fatalf("%d records for %d files:\n%s", len(lines), len(files), out)
	}
	for i, line := range lines {
		var r struct {
			ID   string `json:"id"`
			Lang string `json:"lang"`
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		want := files[i]
		if r.ID != strings.TrimSuffix(want.name, ".txt") || r.Lang != want.lang {
			t.Errorf("record %d: id %q lang %q, want %q %q", i, r.ID, r.Lang, strings.TrimSuffix(want.name, ".txt"), want.lang)
		}
	}
}
