package yamlfile

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestPositionString(t *testing.T) {
	tests := []struct {
		name string
		pos  Position
		want string
	}{
		{"full", Position{File: "a.yaml", Line: 3, Col: 7}, "a.yaml:3:7"},
		{"no column", Position{File: "a.yaml", Line: 3}, "a.yaml:3"},
		{"whole file", Position{File: "a.yaml"}, "a.yaml"},
		{"column without a line", Position{File: "a.yaml", Col: 7}, "a.yaml"},
		{"no file", Position{Line: 3, Col: 7}, "3:7"},
		{"no file, no column", Position{Line: 3}, "3"},
		{"zero", Position{}, "-"},
		{"Arabic file name", Position{File: "أماكن.yaml", Line: 1, Col: 2}, "أماكن.yaml:1:2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.pos.String(); got != tc.want {
				t.Errorf("%#v.String() = %q, want %q\n got % x\nwant % x", tc.pos, got, tc.want, got, tc.want)
			}
		})
	}
}

func TestLoadErrorFormat(t *testing.T) {
	cause := errors.New("cause")
	err := error(&LoadError{Errors: []*Error{
		{Pos: Position{File: "a.yaml", Line: 1, Col: 2}, Msg: "first"},
		{Pos: Position{File: "b.yaml", Line: 3, Col: 4}, Msg: "second", Err: cause},
	}})
	if want := "a.yaml:1:2: first\nb.yaml:3:4: second"; err.Error() != want {
		t.Errorf("Error() = %q, want %q", err, want)
	}
	var one *Error
	if !errors.As(err, &one) || one.Msg != "first" {
		t.Errorf("errors.As(*Error) = %v, want the first error", one)
	}
	if !errors.Is(err, cause) {
		t.Error("errors.Is does not find the cause of the second error")
	}
	wrapped := fmt.Errorf("loading: %w", err)
	var le *LoadError
	if !errors.As(wrapped, &le) || len(le.Errors) != 2 {
		t.Errorf("errors.As(*LoadError) through a wrapper = %v", le)
	}
	if got, want := (&LoadError{}).Error(), "no problems listed"; got != want {
		t.Errorf("empty LoadError: Error() = %q, want %q", got, want)
	}
}

func TestFileKeepsFirstByPosition(t *testing.T) {
	// Problems arrive out of order and in large numbers; the list keeps
	// the MaxErrors first ones by position, in insertion order among
	// equal positions, and notes the first one left out.
	f := File{Name: "f"}
	const n = 1000
	for i := n; i > 0; i-- {
		f.Add(Position{File: "f", Line: i, Col: 1}, fmt.Sprintf("problem %d", i), nil)
		f.Add(Position{File: "f", Line: i, Col: 1}, fmt.Sprintf("problem %d again", i), nil)
	}
	list := f.Errors()
	if len(list) != MaxErrors+1 {
		t.Fatalf("got %d errors, want %d", len(list), MaxErrors+1)
	}
	for i, e := range list[:MaxErrors] {
		line := i/2 + 1
		want := fmt.Sprintf("f:%d:1: problem %d", line, line)
		if i%2 == 1 {
			want += " again"
		}
		if e.Error() != want {
			t.Fatalf("error %d = %q, want %q", i, e, want)
		}
	}
	if want := fmt.Sprintf("f:51:1: too many errors: %d more not shown", 2*n-MaxErrors); list[MaxErrors].Error() != want {
		t.Errorf("note = %q, want %q", list[MaxErrors], want)
	}
}

func TestFileErrors(t *testing.T) {
	at := func(line, col int) Position { return Position{File: "f", Line: line, Col: col} }
	type problem struct {
		pos Position
		msg string
	}
	tests := []struct {
		name string
		add  []problem
		want []string // nil: Errors returns nil and Err nil
	}{
		{"none", nil, nil},
		{"one", []problem{{at(2, 3), "x"}}, []string{"f:2:3: x"}},
		{
			"sorted by line, then column, whole file first",
			[]problem{{at(2, 9), "c"}, {at(2, 1), "b"}, {Position{File: "f"}, "a"}, {at(10, 1), "d"}},
			[]string{"f: a", "f:2:1: b", "f:2:9: c", "f:10:1: d"},
		},
		{
			"equal positions keep their order",
			[]problem{{at(1, 1), "first"}, {at(1, 1), "second"}, {at(1, 1), "third"}},
			[]string{"f:1:1: first", "f:1:1: second", "f:1:1: third"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := File{Name: "f"}
			for _, p := range tc.add {
				f.Add(p.pos, p.msg, nil)
			}
			list := f.Errors()
			if tc.want == nil {
				if list != nil || f.Err() != nil {
					t.Errorf("Errors() = %v, Err() = %v, want nil and nil", list, f.Err())
				}
				return
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Errors():\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			var le *LoadError
			if err := f.Err(); !errors.As(err, &le) || err.Error() != strings.Join(tc.want, "\n") {
				t.Errorf("Err() = %v (%T), want a *LoadError with the same list", err, err)
			}
		})
	}
}

func TestFileErrorsTwice(t *testing.T) {
	// Errors may be called again, and adding problems after a call does
	// not change the list it returned.
	f := File{Name: "f"}
	for i := range MaxErrors + 5 {
		f.Add(Position{File: "f", Line: i + 1, Col: 1}, "p", nil)
	}
	first := f.Errors()
	note := first[MaxErrors].Error()
	f.Add(Position{File: "f", Line: 1, Col: 1}, "late", nil)
	if got := first[MaxErrors].Error(); got != note {
		t.Errorf("the first list changed: note %q, was %q", got, note)
	}
	second := f.Errors()
	if len(second) != MaxErrors+1 {
		t.Fatalf("second call: %d errors, want %d", len(second), MaxErrors+1)
	}
	if want := "f:100:1: too many errors: 6 more not shown"; second[MaxErrors].Error() != want {
		t.Errorf("second note = %q, want %q", second[MaxErrors], want)
	}
}
