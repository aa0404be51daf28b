package nermodel_test

import (
	"fmt"

	"github.com/alam-nlp/alam/extract/nermodel"
)

func ExampleDefault() {
	m, err := nermodel.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Info().FeatureSet, m.Labels())
	// Output: nerfeat/6 [O B-LOC B-MISC B-ORG B-PERS I-LOC I-MISC I-ORG I-PERS]
}
