package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/pipeline"
)

// TestMixedCorpus runs a directory of Arabic and English articles (and one
// in French) through the command's stages: one record each, with its
// language.
func TestMixedCorpus(t *testing.T) {
	dir := t.TempDir()
	ref, err := os.ReadFile(filepath.Join("..", "testdata", "000_08d5b8224b143400.txt"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"a_ar.txt": string(ref),
		"b_en.txt": "KUWAIT CITY — Kuwait's foreign minister said on Tuesday that the Gulf Cooperation Council would meet in Riyadh next week. The U.S. envoy John Allen told reporters that the coalition against ISIS was making progress.",
		"c_ar.txt": "قال المبعوث الأميركي جون آلن (John Allen) إن التحالف الدولي يحقق تقدما في الحرب على تنظيم داعش في العراق وسوريا وإن دولا أخرى ستنضم إليه.",
		"d_fr.txt": "Le ministre koweïtien des Affaires étrangères a déclaré mardi que le Conseil de coopération du Golfe se réunirait à Riyad la semaine prochaine.",
		"e_en.txt": "Stéphane Dujarric, the spokesman for the United Nations, said the talks in Geneva would resume on Monday.",
	}
	want := map[string]string{"a_ar": "ar", "b_en": "en", "c_ar": "ar", "d_fr": "und", "e_en": "en"}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	x, err := extract.New(extract.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	stage := pipeline.Chain(pipeline.Read(1<<20), pipeline.Decode(""), x.Stage())
	got := map[string]string{}
	records := 0
	_, err = pipeline.Run(ctx, pipeline.Config{Workers: 2}, pipeline.Files(ctx, []string{dir}, pipeline.FileOptions{}), stage, func(doc *pipeline.Document) error {
		records++
		if doc.Err != nil {
			t.Errorf("%s: %v", doc.ID, doc.Err)
		}
		got[doc.ID] = string(doc.Lang)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if records != len(files) {
		t.Errorf("%d records for %d files", records, len(files))
	}
	for id, lang := range want {
		if got[id] != lang {
			t.Errorf("%s: lang %q, want %q", id, got[id], lang)
		}
	}
}
