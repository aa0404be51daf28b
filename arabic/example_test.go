package arabic_test

import (
	"fmt"
	"strings"

	"github.com/alam-nlp/alam/arabic"
)

func ExampleNormalize() {
	fmt.Println(arabic.Normalize("وَالإِمَارَاتُ"))
	fmt.Println(arabic.Normalize("الكويـــت ٢٠١٤"))
	fmt.Println(arabic.Normalize("\uFEFB بد")) // lam-alef ligature
	// Output:
	// والامارات
	// الكويت 2014
	// لا بد
}

func ExampleNewNormalizer() {
	n := arabic.NewNormalizer(arabic.StripTashkeel | arabic.FoldAlef)
	fmt.Println(n.String("إِلى مدينة"))
	// Output: الى مدينة
}

func ExampleMapped_Span() {
	m := arabic.Map("قال: وَالإِمَارَاتُ")
	fmt.Println(m.Norm)
	i := strings.Index(m.Norm, "الامارات")
	o := m.Span(i, i+len("الامارات"))
	fmt.Println(m.Orig[o.Start:o.End], o.RuneStart, o.RuneEnd)
	// Output:
	// قال: والامارات
	// الإِمَارَاتُ 7 19
}

func ExampleTokenize() {
	text := "قال آلن: «هذه حرب رهيبة..» 10/28/2014"
	for _, t := range arabic.Tokenize(text) {
		fmt.Printf("%-6s %s %s [%d,%d)\n", t.Kind, t.Text(text), t.Norm, t.RuneStart, t.RuneEnd)
	}
	// Output:
	// word   قال قال [0,3)
	// word   آلن الن [4,7)
	// punct  : : [7,8)
	// punct  « « [9,10)
	// word   هذه هذه [10,13)
	// word   حرب حرب [14,17)
	// word   رهيبة رهيبه [18,23)
	// punct  .. .. [23,25)
	// punct  » » [25,26)
	// number 10/28/2014 10/28/2014 [27,37)
}

func ExampleAnalyze() {
	a := arabic.Analyze("قال د. محمد: «انتهى.» ثم ذهب.\nسطر جديد")
	for _, s := range a.Sentences {
		fmt.Println(a.Text[s.Start:s.End])
	}
	// Output:
	// قال د. محمد: «انتهى.»
	// ثم ذهب.
	// سطر جديد
}

func ExampleSegment() {
	text := "للتحالف"
	tok := arabic.Tokenize(text)[0]
	for _, s := range arabic.Segment(text, tok) {
		fmt.Printf("%q %q → %s\n", s.Proclitics, s.Stem, text[s.Start:s.End])
	}
	// Output:
	// "" "للتحالف" → للتحالف
	// "ل" "لتحالف" → لتحالف
	// "ل" "التحالف" → لتحالف
	// "لل" "تحالف" → تحالف
}

func ExampleStem() {
	for _, w := range []string{"والكتاب", "المكتبات", "الكويتية"} {
		fmt.Println(arabic.Stem(arabic.Normalize(w)))
	}
	// Output:
	// كتاب
	// مكتب
	// كويت
}

func ExampleIsStopWord() {
	fmt.Println(arabic.IsStopWord(arabic.Normalize("على")), arabic.IsStopWord(arabic.Normalize("الكويت")))
	// Output: true false
}
