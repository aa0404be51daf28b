package gazetteer_test

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/alam-nlp/alam/gazetteer"
)

func ExampleLoad() {
	src := `entries:
  - id: country:OM
    type: COUNTRY
    name: Oman
    name_ar: عُمان
    aliases: [سلطنة عمان]
    demonyms: [عماني]
    attrs: {iso: OM, member_of: [org:gcc]}
  - id: city:amman
    type: LOCATION
    name: Amman
    name_ar: عمّان
    attrs: {kind: capital, country: JO}
`
	g, err := gazetteer.Load("arab.yaml", strings.NewReader(src))
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range g.Entries {
		fmt.Println(e.Pos, e.ID, e.Type, e.NameAr, e.Aliases, e.Attrs)
	}
	// Output:
	// arab.yaml:2:5 country:OM COUNTRY عُمان [سلطنة عمان] map[iso:OM member_of:[org:gcc]]
	// arab.yaml:9:5 city:amman LOCATION عمّان [] map[country:JO kind:capital]
}

func ExampleLoad_errors() {
	src := `entries:
  - id: country:KW
    type: Country
    name: Kuwait
    aliases: [دولة الكويت, دولة الكويت]
    atrs: {iso: KW}
`
	_, err := gazetteer.Load("kw.yaml", strings.NewReader(src))
	fmt.Println(err)

	var le *gazetteer.LoadError
	if errors.As(err, &le) {
		fmt.Println(len(le.Errors), "problems, the first at line", le.Errors[0].Pos.Line)
	}
	// Output:
	// kw.yaml:2:5: missing required field "name_ar"
	// kw.yaml:3:11: type: unknown type "Country" (want PERSON, COUNTRY, LOCATION or ORG) (did you mean "COUNTRY"?)
	// kw.yaml:5:28: aliases[1]: "دولة الكويت" repeats aliases[0]
	// kw.yaml:6:5: unknown field "atrs" (did you mean "attrs"?)
	// 4 problems, the first at line 2
}

func ExampleMerge() {
	base, err := gazetteer.Load("base.yaml", strings.NewReader(`entries:
  - {id: country:KW, type: COUNTRY, name: Kuwait, name_ar: الكويت}
  - {id: country:OM, type: COUNTRY, name: Oman, name_ar: عُمان}
`))
	if err != nil {
		log.Fatal(err)
	}
	mine, err := gazetteer.Load("mine.yaml", strings.NewReader(`entries:
  - {id: org:gcc, type: ORG, name: Gulf Cooperation Council, name_ar: مجلس التعاون الخليجي}
  - {id: country:KW, type: COUNTRY, name: Kuwait, name_ar: الكويت, aliases: [دولة الكويت]}
`))
	if err != nil {
		log.Fatal(err)
	}
	// mine adds org:gcc and replaces country:KW, which keeps its place.
	for _, e := range gazetteer.Merge(base, mine).Entries {
		fmt.Println(e.ID, e.Aliases, e.Pos)
	}
	// Output:
	// country:KW [دولة الكويت] mine.yaml:3:5
	// country:OM [] base.yaml:3:5
	// org:gcc [] mine.yaml:2:5
}

func ExampleDefault() {
	g, err := gazetteer.Default() // once per program
	if err != nil {
		log.Fatal(err)
	}
	kw, ok := g.Lookup("country:KW")
	fmt.Println(ok, kw.Type, kw.Name, kw.NameAr)
	// Output: true COUNTRY Kuwait الكويت
}

func ExampleGazetteer_Lookup() {
	g, err := gazetteer.Load("people.yaml", strings.NewReader(`entries:
  - id: person:john-allen
    type: PERSON
    name: John Allen
    name_ar: جون آلن
    attrs:
      role: US special envoy to the coalition against ISIS (2014-2015)
      country: US
`))
	if err != nil {
		log.Fatal(err)
	}
	if e, ok := g.Lookup("person:john-allen"); ok {
		fmt.Println(e.NameAr, "—", e.Attrs["role"])
	}
	_, ok := g.Lookup("person:nobody")
	fmt.Println(ok)
	// Output:
	// جون آلن — US special envoy to the coalition against ISIS (2014-2015)
	// false
}

func ExampleGazetteer_WriteYAML() {
	g, err := gazetteer.Load("in.yaml", strings.NewReader(`entries:
  - {id: "country:KW", type: COUNTRY, name: Kuwait, name_ar: الكويت, attrs: {wikidata: Q817, iso: KW}}
`))
	if err != nil {
		log.Fatal(err)
	}
	if err := g.WriteYAML(os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Output:
	// entries:
	//   - id: country:KW
	//     type: COUNTRY
	//     name: Kuwait
	//     name_ar: الكويت
	//     attrs:
	//       iso: KW
	//       wikidata: Q817
}
