package englishnames_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/english"
	"github.com/alam-nlp/alam/extract/englishnames"
	"github.com/alam-nlp/alam/extract/entities"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/pipeline"
)

// found renders mentions as "text=TYPE@start" (code points), with the
// entity key of the rule's names.
func found(a *arabic.Analysis, ms []entities.Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%s=%s@%d", a.Text[m.Start:m.End], m.Type, m.RuneStart))
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"title before", "Gen. John Allen arrived.", []string{"John Allen=PERSON@5"}},
		{"titles in the run", "Kuwaiti Foreign Minister Sheikh Sabah al-Khalid al-Sabah spoke.", []string{"Sabah al-Khalid al-Sabah=PERSON@32"}},
		{"lower-case role and comma", "its chief executive, Ali al-Kuwari, said", []string{"Ali al-Kuwari=PERSON@21"}},
		{"secretary of state", "Under Secretary of State Richard Stengel spoke", []string{"Richard Stengel=PERSON@25"}},
		{"verb of saying after", "Sara Hassan said the bank grew.", []string{"Sara Hassan=PERSON@0"}},
		{"verb of saying before", "“Growth is strong,” said Jihad Azour.", []string{"Jihad Azour=PERSON@25"}},
		{"one word and said is no name", "Officials said the talks failed.", nil},
		{"verb of saying of english's list, tells", "Qorin Zandar tells the bank", []string{"Qorin Zandar=PERSON@0"}},
		{"reported follows a company as often", "Qorin Zandar reported a rise", nil},
		{"sentence start is no name", "The Talks Failed.", nil},
		{"org suffix", "shares of Arqaam Capital rose", []string{"Arqaam Capital=ORG@10"}},
		{"org with of", "the Ministry of Oil said", []string{"Ministry of Oil=ORG@4"}},
		{"org Inc.", "Acme Widgets Inc. said", []string{"Acme Widgets Inc.=ORG@0"}},
		{"org Corp. ends the sentence", "He works for Kuwait Petroleum Corp.", []string{"Kuwait Petroleum Corp.=ORG@13"}},
		{"given name", "Aleksandar Mitrovic scored twice.", []string{"Aleksandar Mitrovic=PERSON@0"}},
		{"one given name is no name", "Later Ali left.", nil},
		{"a sport's role", "midfielder Xolo Tumbe scored", []string{"Xolo Tumbe=PERSON@11"}},
		{"place head", "at King Fahd International Stadium on Friday", []string{"King Fahd International Stadium=LOCATION@3"}},
		{"an event is no person", "the final of the Emir Cup on Friday", nil},
		{"descriptor before", "said the consultancy Knight Frank", []string{"Knight Frank=ORG@21"}},
		{"descriptor after, Al kept", "The opposition Al Wefaq society said", []string{"Al Wefaq=ORG@15"}},
		{"Al alone at a sentence start", "Al said so.", nil},
		{"title word as an adjective in an Arabic article", "ترخيص الاستخدام العام للجمهور General Public License للبرامج الحرة", nil},
		{"org heads and given names are for English text", "قالت شركة المعدات الرقمية Digital Equipment Corporation إن المدرب البرتغالي Jorge Jesus وصل إلى الرياض", nil},
		{"Secretary-General is a title", "the Secretary-General, Antonio Guterres, said", []string{"Antonio Guterres=PERSON@23"}},
		{"short form", "Mr. Jeffrey Currie spoke. Currie said prices fall.", []string{"Jeffrey Currie=PERSON@4", "Currie=PERSON@26"}},
		{"short form before the full name is not one", "Currie left. Mr. Jeffrey Currie spoke.", []string{"Jeffrey Currie=PERSON@17"}},
		// é is two bytes, “ three: offsets are code points.
		{"non-ASCII", "“Mr. Stéphane Dujarríc’s view,” Dujarríc said.", []string{"Stéphane Dujarríc=PERSON@5", "Dujarríc=PERSON@32"}},
		{"latin name in arabic", "قال الجنرال (Gen. John Allen) إن", []string{"John Allen=PERSON@18"}},
		// won’t is wo|n’t in the English analysis: the name after said is
		// found on either.
		{"a contraction before the verb of saying", "“We won’t,” said Qorin Zandar.", []string{"Qorin Zandar=PERSON@17"}},
	}
	an := english.NewAnalyzer()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// alam's tokens, and the English analysis an English article
			// gets in package extract (prose's cuts).
			refined, err := an.Analyze(context.Background(), tt.text)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range []*arabic.Analysis{english.SplitPossessives(arabic.Analyze(tt.text)), refined} {
				got := found(a, englishnames.Find(a, nil))
				if strings.Join(got, "|") != strings.Join(tt.want, "|") {
					t.Errorf("Find(%q) on %d tokens\n got %q\nwant %q", tt.text, len(a.Tokens), got, tt.want)
				}
			}
		})
	}
}

// TestFindGazetteer checks the case of the gazetteer's Latin names and the
// longest name winning over one it holds.
func TestFindGazetteer(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := entities.New(gazetteer.Compile(g), entities.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"us is a word", "officials told us that", nil},
		{"Us is not the US", "Us and them.", nil},
		{"US is", "the US said", []string{"US=COUNTRY@4"}},
		{"possessive outside", "Kuwait's emir and the UAE’s army", []string{"Kuwait=COUNTRY@0", "UAE=COUNTRY@22"}},
		{"ISIS aliases", "ISIS, also called ISIL, Daesh or the Islamic State", []string{"ISIS=ORG@0", "ISIL=ORG@18", "Daesh=ORG@24", "Islamic State=ORG@37"}},
		{"longest wins", "professors at Kuwait University said", []string{"Kuwait University=ORG@14"}},
		{"IS in capitals, is the verb", "IS is still able to strike", []string{"IS=ORG@0"}},
		{"Is at a sentence start", "Is it over? It is.", nil},
		{"is in an Arabic article", "وقال إن this is a test", nil},
		{"IS in an Arabic article", "وقال إن تنظيم IS هاجم", []string{"IS=ORG@14"}},
		{"UN", "the UN and the U.N. said", []string{"UN=ORG@4", "U.N.=ORG@15"}},
		{"a possessive inside a name", "Moody's and Moody’s rate Kuwait's debt", []string{"Moody's=ORG@0", "Moody’s=ORG@12", "Kuwait=COUNTRY@25"}},
		{"country's person, person of country", "Tunisia's Ons Jabeur beat Ugo Humbert of France", []string{"Tunisia=COUNTRY@0", "Ons Jabeur=PERSON@10", "Ugo Humbert=PERSON@26", "France=COUNTRY@41"}},
		{"U.S. Navy holds U.S.", "the U.S. Navy said", []string{"U.S. Navy=ORG@4"}},
		{"Gulf and Washington", "WASHINGTON — Gulf states told Washington", []string{"WASHINGTON=LOCATION@0", "Gulf=LOCATION@13", "Washington=LOCATION@30"}},
		{"short form of an Al name", "Al Hilal beat Al Nassr. Hilal coach", []string{"Al Hilal=ORG@0", "Al Nassr=ORG@14", "Hilal=ORG@24"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := english.SplitPossessives(arabic.Analyze(tt.text))
			got := found(a, englishnames.Find(a, r.Recognize(a)))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Find(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"Gen. John Allen arrived.", "“Mr. Stéphane Dujarríc’s view,” Dujarríc said.", "the Ministry of Oil of the", "Sheikh al- - al", "قال (John Allen)", "“We won’t,” said Qorin Zandar. Zandar's, (Zandar's) view"} {
		f.Add(s)
	}
	an := english.NewAnalyzer()
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		refined, err := an.Analyze(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		checkFind(t, s, english.SplitPossessives(arabic.Analyze(s)))
		checkFind(t, s, refined)
	})
}

// checkFind checks Find's mentions on a, an analysis of s: in order,
// inside s and a's tokens, code points matching bytes, rule names with a
// key.
func checkFind(t *testing.T, s string, a *arabic.Analysis) {
	t.Helper()
	prev := 0
	for _, m := range englishnames.Find(a, nil) {
		if m.Start < prev || m.End <= m.Start || m.End > len(s) || m.FirstToken >= m.EndToken || m.EndToken > len(a.Tokens) {
			t.Fatalf("mention %+v out of order or bounds in %q", m, s)
		}
		if m.RuneStart != utf8.RuneCountInString(s[:m.Start]) || m.RuneEnd != utf8.RuneCountInString(s[:m.End]) {
			t.Fatalf("mention %+v: code points do not match bytes in %q", m, s)
		}
		if m.Source != pipeline.SourceRule || m.Key == "" {
			t.Fatalf("mention %+v: not a rule's name with a key", m)
		}
		prev = m.End
	}
}

// TestGlosses checks that a Latin-script name in parentheses after an
// Arabic one is a mention of the same entity, whether the gazetteer or a
// rule found the Arabic name.
func TestGlosses(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := entities.New(gazetteer.Compile(g), entities.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, latin, entity string
	}{
		{"gazetteer", "قال المبعوث جون آلن (John Allen) إن التحالف يتقدم", "John Allen", "person:john-allen"},
		{"rule", "وقال الناطق باسم الشركة سامر دحدوح (Samer Dahdouh) إن الأرباح زادت", "Samer Dahdouh", "person:~سامر-دحدوح"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := english.SplitPossessives(arabic.Analyze(tt.text))
			ms := englishnames.Find(a, r.Recognize(a))
			var ids []string
			for i := range ms {
				if a.Text[ms[i].Start:ms[i].End] == tt.latin {
					ids = append(ids, r.EntityID(&ms[i]))
				}
			}
			if len(ids) != 1 || ids[0] != tt.entity {
				t.Errorf("%q in %q: entities %q, want [%q]", tt.latin, tt.text, ids, tt.entity)
			}
		})
	}
}
