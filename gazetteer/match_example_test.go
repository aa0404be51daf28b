package gazetteer_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/gazetteer"
)

// smallGazetteer is the gazetteer of the matcher examples.
func smallGazetteer() *gazetteer.Gazetteer {
	g, err := gazetteer.Load("small.yaml", strings.NewReader(`entries:
  - id: country:AE
    type: COUNTRY
    name: United Arab Emirates
    name_ar: الإمارات العربية المتحدة
    aliases: [الإمارات]
    demonyms: [إماراتي]
  - id: org:anti-isis-coalition
    type: ORG
    name: International coalition against ISIS
    name_ar: التحالف الدولي
  - id: country:OM
    type: COUNTRY
    name: Oman
    name_ar: عُمان
  - id: city:amman
    type: LOCATION
    name: Amman
    name_ar: عَمّان
`))
	if err != nil {
		log.Fatal(err)
	}
	return g
}

func ExampleCompile() {
	m := gazetteer.Compile(smallGazetteer())
	for _, a := range m.Ambiguous() {
		fmt.Println(a.Name, a.IDs)
	}
	// Output: عُمان [country:OM city:amman]
}

func ExampleMatcher_FindAll() {
	m := gazetteer.Compile(smallGazetteer())
	text := "قال مسؤول إماراتي إن الإمارات جزء من التحالف الدولي وللتحالف الدولي دور في عُمان"
	for _, match := range m.FindAll(arabic.Analyze(text)) {
		c := match.Candidates[0]
		fmt.Printf("%s [%d,%d) %s %s\n", text[match.Start:match.End], match.RuneStart, match.RuneEnd, c.Entry.ID, c.Form)
	}
	// Output:
	// إماراتي [10,17) country:AE adjective
	// الإمارات [21,29) country:AE name
	// التحالف الدولي [37,51) org:anti-isis-coalition name
	// لتحالف الدولي [54,67) org:anti-isis-coalition name
	// عُمان [75,80) country:OM name
}

func ExampleMatcher_Lookup() {
	m := gazetteer.Compile(smallGazetteer())
	for _, name := range []string{"والإمارات", "عمان"} {
		for _, c := range m.Lookup(name) {
			fmt.Println(name, c.Entry.ID)
		}
	}
	// Output:
	// والإمارات country:AE
	// عمان country:OM
	// عمان city:amman
}
