package gazetteer

import (
	"reflect"
	"testing"
)

func TestTypeValid(t *testing.T) {
	tests := []struct {
		typ  Type
		want bool
	}{
		{Person, true},
		{Country, true},
		{Location, true},
		{Org, true},
		{"", false},
		{"CITY", false},
		{"person", false},
	}
	for _, tc := range tests {
		t.Run(string(tc.typ), func(t *testing.T) {
			if got := tc.typ.Valid(); got != tc.want {
				t.Errorf("Type(%q).Valid() = %v, want %v", tc.typ, got, tc.want)
			}
		})
	}
}

func TestGazetteerLookup(t *testing.T) {
	kw := Entry{ID: "country:KW", Type: Country, Name: "Kuwait", NameAr: "الكويت"}
	om := Entry{ID: "country:OM", Type: Country, Name: "Oman", NameAr: "عُمان"}
	gcc := Entry{ID: "org:gcc", Type: Org, Name: "GCC", NameAr: "مجلس التعاون"}
	indexed := newGazetteer([]Entry{kw, om})
	changed := newGazetteer([]Entry{kw, om})
	changed.Entries[0], changed.Entries[1] = om, kw
	grown := newGazetteer([]Entry{kw})
	grown.Entries = append(grown.Entries, gcc)
	tests := []struct {
		name   string
		g      *Gazetteer
		id     string
		want   Entry
		wantOK bool
	}{
		{"indexed", indexed, "country:OM", om, true},
		{"indexed, missing", indexed, "org:gcc", Entry{}, false},
		{"literal", &Gazetteer{Entries: []Entry{kw, om}}, "country:OM", om, true},
		{"literal, missing", &Gazetteer{Entries: []Entry{kw}}, "country:OM", Entry{}, false},
		{"literal with a repeated id gives the last", &Gazetteer{Entries: []Entry{kw, om, {ID: "country:KW", Name: "State of Kuwait"}}}, "country:KW", Entry{ID: "country:KW", Name: "State of Kuwait"}, true},
		{"reordered in place", changed, "country:KW", kw, true},
		{"appended", grown, "org:gcc", gcc, true},
		{"nil", nil, "country:KW", Entry{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tc.g.Lookup(tc.id)
			if ok != tc.wantOK || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Lookup(%q) = %#v, %v; want %#v, %v", tc.id, got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

func TestGazetteerCounts(t *testing.T) {
	tests := []struct {
		name string
		g    *Gazetteer
		want map[Type]int
	}{
		{"nil", nil, map[Type]int{Person: 0, Country: 0, Location: 0, Org: 0}},
		{
			name: "mixed",
			g: &Gazetteer{Entries: []Entry{
				{ID: "country:KW", Type: Country}, {ID: "country:OM", Type: Country},
				{ID: "org:gcc", Type: Org}, {ID: "x:y", Type: "THING"},
			}},
			want: map[Type]int{Person: 0, Country: 2, Location: 0, Org: 1, "THING": 1},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.g.Counts(); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Counts() = %v, want %v", got, tc.want)
			}
		})
	}
}
