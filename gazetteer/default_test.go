package gazetteer

import (
	"errors"
	"testing"
	"testing/fstest"
)

// TestDefaultLoads loads the embedded default data and lists every
// problem in it.
func TestDefaultLoads(t *testing.T) {
	g, err := Default()
	if err != nil {
		var le *LoadError
		if errors.As(err, &le) {
			for _, e := range le.Errors {
				t.Error(e)
			}
			t.FailNow()
		}
		t.Fatal(err)
	}
	t.Logf("default gazetteer: %d entries %v", len(g.Entries), g.Counts())
	for i, e := range g.Entries {
		if !e.Type.Valid() || e.ID == "" || e.Name == "" || e.NameAr == "" {
			t.Errorf("entry %d at %v is incomplete: %#v", i, e.Pos, e)
		}
		if got, ok := g.Lookup(e.ID); !ok || got.Pos != e.Pos {
			t.Errorf("Lookup(%q) = %v, %v; want the entry at %v", e.ID, got.Pos, ok, e.Pos)
		}
	}
}

func TestLoadDefault(t *testing.T) {
	kw := "entries:\n  - id: country:KW\n    type: COUNTRY\n    name: Kuwait\n    name_ar: الكويت\n"
	kw2 := "entries:\n  - id: country:KW\n    type: COUNTRY\n    name: State of Kuwait\n    name_ar: دولة الكويت\n"
	tests := []struct {
		name    string
		fsys    fstest.MapFS
		want    []string // names
		wantErr string
	}{
		{"no data directory", fstest.MapFS{}, nil, ""},
		{"no YAML yet", fstest.MapFS{"data/README.md": {Data: []byte("soon")}}, nil, ""},
		{"files in sorted order", fstest.MapFS{"data/b.yaml": {Data: []byte(kw2)}, "data/a.yaml": {Data: []byte(kw)}}, []string{"State of Kuwait"}, ""},
		{"subdirectories are not read", fstest.MapFS{"data/a.yaml": {Data: []byte(kw)}, "data/x/b.yaml": {Data: []byte(kw2)}}, []string{"Kuwait"}, ""},
		{"errors name data/ files", fstest.MapFS{"data/a.yaml": {Data: []byte("entries: {}\n")}}, nil, "data/a.yaml:1:10: entries: must be a list of entries, got mapping"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := loadDefault(tc.fsys)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("error = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, e := range g.Entries {
				names = append(names, e.Name)
			}
			if len(names) != len(tc.want) || (len(names) > 0 && names[0] != tc.want[0]) {
				t.Errorf("names = %q, want %q", names, tc.want)
			}
		})
	}
}
