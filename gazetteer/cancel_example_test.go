package gazetteer_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/gazetteer"
)

func ExampleMatcher_FindAllContext() {
	m := gazetteer.Compile(smallGazetteer())
	ctx, cancel := context.WithCancel(context.Background())
	matches, err := m.FindAllContext(ctx, arabic.Analyze("وصل التحالف الدولي إلى الإمارات"))
	fmt.Println(len(matches), err)
	cancel()
	// A long text stops within a few thousand tokens of the cancel.
	_, err = m.FindAllContext(ctx, arabic.Analyze(strings.Repeat("الإمارات ", 10000)))
	fmt.Println(err)
	// Output:
	// 2 <nil>
	// context canceled
}
