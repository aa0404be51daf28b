package entities_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/entities"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/pipeline"
)

var (
	defaultOnce sync.Once
	defaultR    *entities.Recognizer
	defaultErr  error
)

// defaultRecognizer returns the recognizer of the embedded gazetteer,
// built once for all tests.
func defaultRecognizer(t testing.TB) *entities.Recognizer {
	t.Helper()
	defaultOnce.Do(func() {
		g, err := gazetteer.Default()
		if err != nil {
			defaultErr = err
			return
		}
		defaultR, defaultErr = entities.New(gazetteer.Compile(g), entities.Options{})
	})
	if defaultErr != nil {
		t.Fatal(defaultErr)
	}
	return defaultR
}

// TestRecognize checks each rule and each resolution case on a sentence
// written for it. A mention is written "text TYPE who": who is the entity
// id for the gazetteer's names and "rule" for names the rules found (their
// ids are derived from the text); demonyms add "adj". Every expectation was
// read off the Arabic by hand.
func TestRecognize(t *testing.T) {
	r := defaultRecognizer(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		// Gazetteer names, with their proclitics left outside.
		{"clitics stay outside names", "والسعودية بالكويت لداعش وللولايات المتحدة للتحالف الدولي", []string{
			"السعودية COUNTRY country:SA", "الكويت COUNTRY country:KW", "داعش ORG org:isis",
			"لولايات المتحدة COUNTRY country:US", "لتحالف الدولي ORG org:anti-isis-coalition"}},
		{"demonyms point at their country", "قال المسؤول الأميركي إن الأميركيين", []string{
			"الأميركي COUNTRY country:US adj", "الأميركيين COUNTRY country:US adj"}},
		{"gazetteer person after a title", "استقبل الملك سلمان بن عبد العزيز أمس وزير الخارجية", []string{
			"سلمان بن عبد العزيز PERSON person:king-salman"}},
		{"gazetteer beats the organization rule on an equal span", "أعلنت وزارة الخارجية الكويتية", []string{
			"وزارة الخارجية الكويتية ORG org:kw-mofa"}},

		// Rules for names the gazetteer lacks.
		{"title, role and rank before a name", "أعلن المتحدث باسم الشرطة العقيد منير الزعبي أن التحقيق مستمر", []string{
			"منير الزعبي PERSON rule"}},
		{"demonym as a title; ستي is no future verb", "صرح رئيس الوزراء البلغاري سيرغي ستانيشيف أمس", []string{
			"البلغاري COUNTRY country:BG adj", "سيرغي ستانيشيف PERSON rule"}},
		{"a name word after a future-looking س (ساها)", "ومنح الفرنسي لويس ساها التقدم", []string{
			"الفرنسي COUNTRY country:FR adj", "لويس ساها PERSON rule"}},
		{"demonym after و; a pronoun suffix ends the name", "والروسي إيغور كونيتسين بتغلبه على الصربي", []string{
			"الروسي COUNTRY country:RU adj", "إيغور كونيتسين PERSON rule", "الصربي COUNTRY country:RS adj"}},
		{"a given name that looks definite (ف + ال…)", "سجل فاليانتسين بلكيفيتش هدفا", []string{
			"فاليانتسين بلكيفيتش PERSON rule"}},
		{"لصالح is no given name after ل", "صوت المجلس لصالح القرار", nil},
		{"connectors inside a name", "استقبل الشيخ عبدالله بن خليفة آل ثاني الوفد", []string{
			"عبدالله بن خليفة آل ثاني PERSON rule"}},
		{"given names joined by و are separate people", "وجمال حمزة ومصطفى جعفر وعمرو زكي", []string{
			"جمال حمزة PERSON rule", "مصطفى جعفر PERSON rule", "عمرو زكي PERSON rule"}},
		{"علي after an unknown name word is the preposition", "فاز الروسي يفغيني كافلنيكوف علي السويدي توماس إنكفيست", []string{
			"الروسي COUNTRY country:RU adj", "يفغيني كافلنيكوف PERSON rule", "السويدي COUNTRY country:SE adj", "توماس إنكفيست PERSON rule"}},
		{"علي after a given name is the name", "وصل محمد علي كلاي إلى القاهرة", []string{
			"محمد علي كلاي PERSON rule", "القاهرة LOCATION city:cairo"}},
		{"a common word after a proclitic ends a name", "مرر وليام غالاس بمجهود فردي رائع", []string{
			"وليام غالاس PERSON rule"}},
		{"an accusative common word ends a name", "قدم جيمس كادويك نموذجا جديدا للذرة", []string{
			"جيمس كادويك PERSON rule"}},
		{"a name starts with its kunya", "قال أبو أيوب المصري إن التنظيم مستمر", []string{
			"أبو أيوب المصري PERSON rule"}},
		{"a kunya in the genitive after a proclitic starts a name", "قال في ترجمته لأبي خليل القباني إن", []string{
			"أبي خليل القباني PERSON rule"}},
		{"a kunya in the accusative starts a name", "ولى الخليفة أبا أيوب الأنصاري المدينة", []string{
			"أبا أيوب الأنصاري PERSON rule"}},
		{"a door is not a kunya", "كان البرنامج بابا فتح لنا أبوابا أخرى", nil},
		{"a kunya and one name after a title", "وقال القائد أبو خالد إن", []string{
			"أبو خالد PERSON rule"}},
		{"one unknown word after a verb of saying", "قال عزام إن الاجتماع انتهى", []string{
			"عزام PERSON rule"}},
		{"a noun after a verb of saying is no name", "وقالت مسؤولة إن الاجتماع انتهى. وأعلن إسلامه", nil},
		{"organization head and complement", "أعلنت وزارة الزراعة الموريتانية خطة", []string{
			"وزارة الزراعة الموريتانية ORG rule"}},
		{"organization head before a gazetteer organization", "بثت قناة الجزيرة الخبر", []string{
			"الجزيرة ORG org:al-jazeera"}},
		{"the rule stops where the gazetteer's organization ends", "قال مجلس الأمن المؤلف من 15 عضوا", []string{
			"مجلس الأمن ORG org:un-security-council"}},
		{"a head and a demonym describe, they do not name", "وقعت شركة إماراتية عقدا", []string{
			"إماراتية COUNTRY country:AE adj"}},
		{"place head and a two-word name", "وقع الحادث في قرية بيت أمر شمال الخليل", []string{
			"بيت أمر LOCATION rule", "الخليل LOCATION city:hebron"}},

		// Resolution.
		{"short form of a gazetteer person", "قال جون كيري إن واشنطن ستدعم الحل. وأضاف كيري أن", []string{
			"جون كيري PERSON person:john-kerry", "واشنطن LOCATION city:washington", "كيري PERSON person:john-kerry"}},
		{"short form of a rule person", "قال الوزير منير الزعبي إن الخطة جاهزة. وأضاف الزعبي أن", []string{
			"منير الزعبي PERSON rule", "الزعبي PERSON rule"}},
		{"a short form after a verb of saying is the full name's", "التقى الوزير البريطاني جيريمي هانت نظيره. وقال هانت إن المحادثات جيدة", []string{
			"البريطاني COUNTRY country:GB adj", "جيريمي هانت PERSON person:jeremy-hunt", "هانت PERSON person:jeremy-hunt"}},
		{"قطر as a diameter", "يبلغ نصف قطر الدائرة عشرة سنتيمترات", nil},
		{"قطر as the country", "وصل أمير قطر إلى الدوحة", []string{
			"قطر COUNTRY country:QA", "الدوحة LOCATION city:doha"}},
		{"عمان near the sultan is Oman", "زار السلطان قابوس عمان وسلطنة عمان", []string{
			"قابوس PERSON person:qaboos-bin-said", "عمان COUNTRY country:OM", "سلطنة عمان COUNTRY country:OM"}},
		{"عمّان with its shadda is Amman", "وصل الوفد إلى عمّان عاصمة الأردن", []string{
			"عمّان LOCATION city:amman", "الأردن COUNTRY country:JO"}},
		{"the shadda outweighs the words around", "زار السلطان قابوس عمّان", []string{
			"قابوس PERSON person:qaboos-bin-said", "عمّان LOCATION city:amman"}},
		{"الجزيرة العربية is the peninsula", "يقع الشاطئ في الجزيرة العربية", []string{
			"الجزيرة العربية LOCATION place:arabian-peninsula"}},
		{"a tie on a common word is the word", "تتواجد الأسود البيضاء في حالة برية", nil},
		{"context decides a tie", "قتل عشرة في محافظة البيضاء اليمنية", []string{
			"البيضاء LOCATION place:al-bayda-ye", "اليمنية COUNTRY country:YE adj"}},
		// The edges of a gazetteer name (docs/GUIDELINES.md, rules 6 and 7).
		{"a kind of place before a gazetteer name is outside", "وصل الوفد إلى مدينة مشهد أمس", []string{
			"مشهد LOCATION city:mashhad"}},
		{"a kind of place after a proclitic is outside", "قتل ثلاثة بمدينة غزة", []string{
			"غزة LOCATION city:gaza"}},
		{"a neighbourhood's head is outside", "قصفت الطائرات حي الشجاعية أمس", []string{
			"الشجاعية LOCATION place:shujaiya"}},
		{"a town named by a given name keeps its head", "وصل الوفد إلى مدينة عيسى أمس", []string{
			"مدينة عيسى LOCATION city:isa-town"}},
		{"a head that is part of the name stays", "قصفت الطائرات قطاع غزة", []string{
			"قطاع غزة LOCATION place:gaza-strip"}},
		{"a demonym after a club's name is outside", "فاز بنفيكا البرتغالي على ضيفه", []string{
			"بنفيكا ORG org:benfica", "البرتغالي COUNTRY country:PT adj"}},
		{"an epithet after a place's name is outside", "توجه الحجاج إلى مكة المكرمة أمس", []string{
			"مكة LOCATION city:mecca"}},
		{"an epithet that the name needs stays", "وصل الحجاج إلى المدينة المنورة أمس", []string{
			"المدينة المنورة LOCATION city:medina"}},
		{"an epithet after a country's name is outside", "زار الوفد الصين الشعبية أمس", []string{
			"الصين COUNTRY country:CN"}},
		{"a country's official name ending in an epithet stays", "زار الوفد جمهورية الصين الشعبية أمس", []string{
			"جمهورية الصين الشعبية COUNTRY country:CN"}},
		{"an epithet after a name the gazetteer has after a kind head", "وصل الزوار إلى مشهد المقدسة أمس", []string{
			"مشهد LOCATION city:mashhad"}},
		// Context words of a club that politics uses too (دور role, as
		// the light stem of الدوري; أهداف aims; تشكيل forming; جولة a
		// tour) neither make the city the club nor rule the city out:
		// with nothing for either, the name is left to the model (it was
		// AS Roma).
		{"words of politics do not make a city a club", "يصل الوزراء إلى روما لبحث دور أوروبا وأهدافها وتشكيل الحكومة", []string{
			"أوروبا LOCATION place:europe"}},
		{"a tour is not a round of the league", "بدأ الوزير جولة في روما أمس", nil},
		{"football words still make the club", "فاز روما على ضيفه في مباراة الأمس", []string{
			"روما ORG org:as-roma"}},
		{"the crescent is born, not the club", "أكدت اللجنة أن الهلال قد ولد مساء أمس", nil},
		{"the word club before a club's name is outside", "فاز نادي السد على ضيفه", []string{
			"السد ORG org:al-sadd"}},
		{"a demonym after a parliament stays", "صوت الكونغرس الأميركي على الميزانية", []string{
			"الكونغرس الأميركي ORG org:us-congress"}},
		{"a demonym after a head and its complement stays", "أعلن البنك التجاري القطري أرباحه", []string{
			"البنك التجاري القطري ORG org:commercial-bank-qa"}},
		{"a name is not found after the article", "ناقشوا التعاون المالي بين البلدين", nil},
		{"a demonym keeps its article", "قالت الحكومة الألمانية إن", []string{
			"الألمانية COUNTRY country:DE adj"}},
		{"a country's name after a definite feminine noun is its demonym", "قالت الحكومة السعودية إن العاصمة السعودية", []string{
			"السعودية COUNTRY country:SA adj", "السعودية COUNTRY country:SA adj"}},
		{"the same name after a preposition or an indefinite noun is the country", "وصل إلى السعودية بقيادة السعودية", []string{
			"السعودية COUNTRY country:SA", "السعودية COUNTRY country:SA"}},
		{"the country's longer name stays a name", "قالت المملكة العربية السعودية إن", []string{
			"المملكة العربية السعودية COUNTRY country:SA"}},
		{"nothing to find", "ذهب الرجل إلى السوق واشترى خبزا", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := arabic.Analyze(tt.text)
			var got []string
			for _, m := range r.Recognize(a) {
				who := r.EntityID(&m)
				if m.Source == pipeline.SourceRule {
					who = "rule"
				}
				s := fmt.Sprintf("%s %s %s", a.Text[m.Start:m.End], m.Type, who)
				if m.Form == gazetteer.FormAdjective {
					s += " adj"
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Recognize(%q)\n got %q\nwant %q\ntext % x", tt.text, got, tt.want, tt.text)
			}
		})
	}
}

// TestAppendEntityID checks the ids AppendEntityID appends, written by
// hand from the rule in EntityID's comment, and that EntityID returns
// the same.
func TestAppendEntityID(t *testing.T) {
	r := defaultRecognizer(t)
	kw := slices.IndexFunc(r.Entries(), func(e gazetteer.Entry) bool { return e.ID == "country:KW" })
	if kw < 0 {
		t.Fatal("no country:KW in the default gazetteer")
	}
	tests := []struct {
		name string
		dst  string
		m    entities.Mention
		want string
	}{
		{"person of two words", "", entities.Mention{Type: gazetteer.Person, Entry: entities.NoEntry, Key: "انور قرقاش"},
			"person:~انور-قرقاش"},
		{"organization of three words", "", entities.Mention{Type: gazetteer.Org, Entry: entities.NoEntry, Key: "شركه نفط الكويت"},
			"org:~شركه-نفط-الكويت"},
		{"place of one word", "", entities.Mention{Type: gazetteer.Location, Entry: entities.NoEntry, Key: "حلب"},
			"place:~حلب"},
		{"gazetteer entry", "", entities.Mention{Type: gazetteer.Country, Entry: kw, Key: "الكويت"},
			"country:KW"},
		{"appended after dst", "x|", entities.Mention{Type: gazetteer.Person, Entry: entities.NoEntry, Key: "هانت"},
			"x|person:~هانت"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(r.AppendEntityID([]byte(tt.dst), &tt.m))
			if got != tt.want {
				t.Errorf("AppendEntityID = %q (% x), want %q (% x)", got, got, tt.want, tt.want)
			}
			if id := r.EntityID(&tt.m); tt.dst+id != tt.want {
				t.Errorf("EntityID = %q (% x), want %q", id, id, tt.want[len(tt.dst):])
			}
		})
	}
}
