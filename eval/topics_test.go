package eval

import (
	"errors"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
)

// guess is a toy classifier for testdata/topics.
func guess(text string) (string, error) {
	switch {
	case strings.Contains(text, "الأسعار"), strings.Contains(text, "النفط"):
		return "economy", nil
	case strings.Contains(text, "المباراة"):
		return "sport", nil
	case strings.Contains(text, "فيلم"):
		return "culture", nil
	}
	return "", nil
}

func TestTopics(t *testing.T) {
	rep, err := Topics("testdata/topics", guess)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Docs != 7 || rep.Correct != 5 {
		t.Errorf("%d documents, %d right; want 7, 5", rep.Docs, rep.Correct)
	}
	if want := []string{"culture", "economy", "sport"}; !slices.Equal(rep.Gold, want) {
		t.Errorf("gold labels %q, want %q", rep.Gold, want)
	}
	if want := []string{"", "culture", "economy", "sport"}; !slices.Equal(rep.Labels, want) {
		t.Errorf("labels %q, want %q", rep.Labels, want)
	}
	wantCounts := map[string]Counts{
		"sport":   {TP: 2, FN: 1},
		"economy": {TP: 2, FP: 1},
		"culture": {TP: 1, FN: 1},
		"":        {FP: 1},
	}
	for l, c := range wantCounts {
		if rep.ByLabel[l] != c {
			t.Errorf("%q: counts %+v, want %+v", l, rep.ByLabel[l], c)
		}
	}
	if got, want := rep.Accuracy(), 5.0/7; math.Abs(got-want) > 1e-12 {
		t.Errorf("accuracy %v, want %v", got, want)
	}
	if got, want := rep.MacroF1(), (0.8+0.8+2.0/3)/3; math.Abs(got-want) > 1e-12 {
		t.Errorf("macro-F1 %v, want %v", got, want)
	}
	if got := rep.Confusion["sport"]["economy"]; got != 1 {
		t.Errorf("sport predicted economy %d times, want 1", got)
	}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want := `7 documents, accuracy 0.7143, macro-F1 0.7556 over 3 gold labels
  # label   precision    recall        f1   gold   pred
  1 (none)     0.0000    0.0000    0.0000      0      1
  2 culture    1.0000    0.5000    0.6667      2      1
  3 economy    0.6667    1.0000    0.8000      2      3
  4 sport      1.0000    0.6667    0.8000      3      2
confusion (rows gold, columns predicted, by #):
               1    2    3    4
  2 culture    1    1    0    0
  3 economy    0    0    2    0
  4 sport      0    0    1    2
`
	if b.String() != want {
		t.Errorf("WriteText:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestTopicsLabelMap(t *testing.T) {
	m := map[string]string{"sport": "medtop:15000000", "economy": "medtop:04000000"}
	rep, err := TopicsWith("testdata/topics", func(text string) (string, error) {
		l, err := guess(text)
		return m[l], err
	}, TopicsOptions{LabelMap: m})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Docs != 5 || rep.Correct != 4 {
		t.Errorf("%d documents, %d right; want 5 (culture skipped), 4", rep.Docs, rep.Correct)
	}
	if want := []string{"medtop:04000000", "medtop:15000000"}; !slices.Equal(rep.Gold, want) {
		t.Errorf("gold labels %q, want %q", rep.Gold, want)
	}
}

func TestTopicsErrors(t *testing.T) {
	if _, err := Topics("testdata/missing", guess); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing dir: error %v, want ErrNotExist", err)
	}
	boom := errors.New("boom")
	_, err := Topics("testdata/topics", func(string) (string, error) { return "", boom })
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "testdata/topics/culture/a.txt") {
		t.Errorf("predict error: %v, want it wrapped with the first file", err)
	}
	var empty TopicsReport
	if empty.Accuracy() != 0 || empty.MacroF1() != 0 {
		t.Error("an empty report has a score")
	}
}
