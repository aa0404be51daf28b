package arabic

import "testing"

// TestAnalysisTokenizer checks that an analysis names the tokenizer that
// made it, and a literal none.
func TestAnalysisTokenizer(t *testing.T) {
	other := NewTokenizer(Default &^ FoldAlef)
	if got := Analyze("قال أحمد").Tokenizer(); got != NewTokenizer(Default) {
		t.Errorf("Analyze: tokenizer %p, want the default one", got)
	}
	if got := other.Analyze("قال أحمد").Tokenizer(); got != other {
		t.Errorf("other.Analyze: tokenizer %p, want %p", got, other)
	}
	if got := (&Analysis{Text: "x"}).Tokenizer(); got != nil {
		t.Errorf("literal: tokenizer %p, want nil", got)
	}
}
