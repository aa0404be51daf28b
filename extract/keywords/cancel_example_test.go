package keywords_test

import (
	"context"
	"fmt"
	"time"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/keywords"
)

func ExampleExtractContext() {
	a := arabic.Analyze("الحرب على داعش طويلة. والحرب على داعش مستمرة.")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	kw, err := keywords.ExtractContext(ctx, a, 1, keywords.Options{})
	fmt.Println(kw[0].Text, err)
	cancel()
	_, err = keywords.ExtractContext(ctx, a, 1, keywords.Options{})
	fmt.Println(err)
	// Output:
	// الحرب على داعش <nil>
	// context canceled
}
