package gazetteer

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// orgGazetteer builds ORG entries from "id=name" pairs, positioned in file.
func orgGazetteer(file string, idNames ...string) *Gazetteer {
	var list []Entry
	for i := 0; i+1 < len(idNames); i += 2 {
		list = append(list, Entry{ID: idNames[i], Type: Org, Name: idNames[i+1], NameAr: "س", Pos: Position{File: file, Line: i/2 + 2, Col: 5}})
	}
	return newGazetteer(list)
}

func TestMerge(t *testing.T) {
	tests := []struct {
		name string
		in   []*Gazetteer
		want []string // "id=name@pos"
	}{
		{"none", nil, nil},
		{"nil gazetteers are skipped", []*Gazetteer{nil, orgGazetteer("a", "org:a", "A"), nil}, []string{"org:a=A@a:2:5"}},
		{
			name: "later files add entries at the end",
			in:   []*Gazetteer{orgGazetteer("a", "org:a", "A", "org:b", "B"), orgGazetteer("b", "org:c", "C")},
			want: []string{"org:a=A@a:2:5", "org:b=B@a:3:5", "org:c=C@b:2:5"},
		},
		{
			name: "a replaced entry keeps its place, takes the new content and position",
			in:   []*Gazetteer{orgGazetteer("a", "org:a", "A", "org:b", "B", "org:c", "C"), orgGazetteer("b", "org:d", "D", "org:b", "B2")},
			want: []string{"org:a=A@a:2:5", "org:b=B2@b:3:5", "org:c=C@a:4:5", "org:d=D@b:2:5"},
		},
		{
			name: "the last of several replacements wins",
			in:   []*Gazetteer{orgGazetteer("a", "org:a", "A"), orgGazetteer("b", "org:a", "A2"), orgGazetteer("c", "org:a", "A3")},
			want: []string{"org:a=A3@c:2:5"},
		},
		{
			name: "a repeated id within one literal gazetteer is replaced too",
			in:   []*Gazetteer{{Entries: []Entry{{ID: "org:a", Name: "A"}, {ID: "org:b", Name: "B"}, {ID: "org:a", Name: "A2"}}}},
			want: []string{"org:a=A2@-", "org:b=B@-"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := Merge(tc.in...)
			var got []string
			for _, e := range g.Entries {
				got = append(got, e.ID+"="+e.Name+"@"+e.Pos.String())
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Merge = %q, want %q", got, tc.want)
			}
			for _, e := range g.Entries {
				if got, ok := g.Lookup(e.ID); !ok || got.Name != e.Name {
					t.Errorf("Lookup(%q) = %q, %v; want %q", e.ID, got.Name, ok, e.Name)
				}
			}
		})
	}
}

func TestMergeCopies(t *testing.T) {
	in := newGazetteer([]Entry{{
		ID: "country:KW", Type: Country, Name: "Kuwait", NameAr: "الكويت",
		Aliases:  []string{"دولة الكويت"},
		Demonyms: []string{"كويتي"},
		Attrs:    map[string]any{"iso": "KW", "member_of": []any{"org:gcc"}},
		Context:  Context{Favour: []string{"الصباح"}, Against: []string{"نصف"}},
	}})
	before := in.Entries[0].clone()
	out := Merge(in)
	e := &out.Entries[0]
	e.Aliases[0] = "x"
	e.Demonyms[0] = "x"
	e.Attrs["iso"] = "x"
	e.Attrs["member_of"].([]any)[0] = "x"
	e.Context.Favour[0] = "x"
	e.Context.Against[0] = "x"
	if !reflect.DeepEqual(in.Entries[0], before) {
		t.Errorf("changing Merge's result changed its input:\n got %#v\nwant %#v", in.Entries[0], before)
	}
}

func TestMergeFixtures(t *testing.T) {
	base, err := LoadFile(filepath.Join("testdata", "tiny.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	over, err := LoadFile(filepath.Join("testdata", "tiny_override.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	merged := Merge(base, over)
	fromFS, err := LoadFS(os.DirFS("testdata"), "tiny*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range merged.Entries {
		ids = append(ids, e.ID)
	}
	want := []string{"country:KW", "country:OM", "city:amman", "person:john-allen", "org:gcc", "org:arab-league"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("merged ids = %q, want %q", ids, want)
	}
	kw, _ := merged.Lookup("country:KW")
	if want := []string{"كويتي", "كويتيون"}; !reflect.DeepEqual(kw.Demonyms, want) {
		t.Errorf("country:KW demonyms = %q, want the override's %q", kw.Demonyms, want)
	}
	if kw.Pos.File != filepath.Join("testdata", "tiny_override.yaml") {
		t.Errorf("country:KW is at %v, want the override file", kw.Pos)
	}
	// LoadFS merges the same way; only the file names differ.
	if len(fromFS.Entries) != len(merged.Entries) {
		t.Fatalf("LoadFS gave %d entries, Merge %d", len(fromFS.Entries), len(merged.Entries))
	}
	for i := range merged.Entries {
		a, b := merged.Entries[i], fromFS.Entries[i]
		if filepath.Join("testdata", b.Pos.File) != a.Pos.File {
			t.Errorf("entry %d: LoadFS position %v, Merge position %v", i, b.Pos, a.Pos)
		}
		a.Pos, b.Pos = Position{}, Position{}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("entry %d: LoadFS gave %#v, Merge %#v", i, b, a)
		}
	}
	if got, want := merged.Counts(), (map[Type]int{Person: 1, Country: 2, Location: 1, Org: 2}); !reflect.DeepEqual(got, want) {
		t.Errorf("Counts() = %v, want %v", got, want)
	}
}
