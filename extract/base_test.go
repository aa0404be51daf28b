package extract

import "testing"

func TestWithArticle(t *testing.T) {
	// Each case: the first token's letters before the mention, the
	// mention's text, and the reading with the article, read by hand.
	tests := []struct {
		name, before, text string
		want               string
		ok                 bool
	}{
		{name: "li- before the article", before: "ل", text: "لولايات المتحدة", want: "الولايات المتحدة", ok: true},
		{name: "li- before the article, one word", before: "ل", text: "ليمن", want: "اليمن", ok: true},
		{name: "wa-li- before the article", before: "ول", text: "لسعودية", want: "السعودية", ok: true},
		{name: "li- before a name of its own lam", before: "ل", text: "لبنان", want: "البنان", ok: true}, // the gazetteer decides
		{name: "wa- before the article", before: "و", text: "الإمارات"},
		{name: "bi- before the article", before: "ب", text: "الكويت"},
		{name: "no proclitic", before: "", text: "لبنان"},
		{name: "no proclitic, article", before: "", text: "الولايات المتحدة"},
		{name: "li- before a name", before: "ل", text: "محمد بن زايد"},
		{name: "lam ending a longer prefix", before: "فل", text: "لعراق", want: "العراق", ok: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := withArticle(tt.before, tt.text)
			if got != tt.want || ok != tt.ok {
				t.Errorf("withArticle(%q, %q) = %q (% x), %v; want %q (% x), %v",
					tt.before, tt.text, got, got, ok, tt.want, tt.want, tt.ok)
			}
		})
	}
}
