package gazetteer_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/gazetteer"
)

func ExampleDefaultMatcher() {
	m, err := gazetteer.DefaultMatcher()
	if err != nil {
		log.Fatal(err)
	}
	for _, match := range m.FindAll(arabic.Analyze("وصل الوفد إلى الكويت.")) {
		fmt.Println(match.Candidates[0].Entry.ID)
	}
	// Output: country:KW
}

func ExampleDecodeMatcher() {
	g, err := gazetteer.Load("gulf.yaml", strings.NewReader(`entries:
  - {id: country:KW, type: COUNTRY, name: Kuwait, name_ar: الكويت}
`))
	if err != nil {
		log.Fatal(err)
	}
	data, err := gazetteer.Compile(g).MarshalBinary() // write it to a file once ...
	if err != nil {
		log.Fatal(err)
	}
	m, err := gazetteer.DecodeMatcher(data) // ... and read it at every start
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(m.Lookup("بالكويت")[0].Entry.Name)
	_, err = gazetteer.DecodeMatcher(data[:len(data)-1])
	fmt.Println(err)
	// Output:
	// Kuwait
	// gazetteer: compiled gazetteer damaged (checksum mismatch)
}
