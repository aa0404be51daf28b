package extract_test

import (
	"context"
	"testing"

	"github.com/alam-nlp/alam/pipeline"
)

// TestMentionBase checks the base form of mentions after each proclitic,
// and the names of entities found by rules. The expected forms were read
// off the Arabic by hand.
func TestMentionBase(t *testing.T) {
	x := defaultExtractor(t)
	tests := []struct {
		name, text         string
		mention, base      string // the first mention's text and base form
		entity             string // its entity id; "" to skip
		entName, entNameAr string
	}{
		{name: "li- + article", text: "زار الوفد للولايات المتحدة أمس",
			mention: "لولايات المتحدة", base: "الولايات المتحدة", entity: "country:US"},
		{name: "li- + article, one word", text: "وصلت المساعدات لليمن عبر ميناء عدن",
			mention: "ليمن", base: "اليمن", entity: "country:YE"},
		{name: "wa-li- + article", text: "قال ذلك وللسعودية أيضا",
			mention: "لسعودية", base: "السعودية", entity: "country:SA"},
		{name: "li- + a name whose own first letter is lam", text: "قدم المساعدات للبنان أمس",
			mention: "لبنان", base: "لبنان", entity: "country:LB"},
		{name: "li- + Libya", text: "قدم المساعدات لليبيا أمس",
			mention: "ليبيا", base: "ليبيا", entity: "country:LY"},
		{name: "wa- + article", text: "زار الوفد والإمارات أمس",
			mention: "الإمارات", base: "الإمارات", entity: "country:AE"},
		{name: "bi- + article", text: "اجتمع الوزراء بالكويت أمس",
			mention: "الكويت", base: "الكويت", entity: "country:KW"},
		{name: "short form of a gazetteer person after li-", text: "قال سعد الحريري إن الأمر متروك للحريري.",
			mention: "لحريري", base: "الحريري", entity: "person:saad-hariri"},
		{name: "short form of a rule person after li-", text: "والتقى كاظم الساهر جمهوره، وقدمت الجائزة للساهر.",
			mention: "لساهر", base: "الساهر", entName: "كاظم الساهر", entNameAr: "كاظم الساهر"},
		{name: "rule entity named as written", text: "أعلن المتحدث باسم الشرطة العقيد منير الزعبي أن التحقيق مستمر",
			mention: "منير الزعبي", base: "منير الزعبي", entName: "منير الزعبي", entNameAr: "منير الزعبي"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &pipeline.Document{ID: "t", Text: tt.text}
			if err := x.Stage().Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Mentions) == 0 {
				t.Fatalf("no mentions in %q", tt.text)
			}
			m := doc.Mentions[0]
			for _, x := range doc.Mentions {
				if x.Text == tt.mention {
					m = x
				}
			}
			if m.Text != tt.mention || m.Base != tt.base {
				t.Errorf("mention %q (% x) base %q (% x); want %q, %q", m.Text, m.Text, m.Base, m.Base, tt.mention, tt.base)
			}
			if tt.entity != "" && m.Entity != tt.entity {
				t.Errorf("entity %s, want %s", m.Entity, tt.entity)
			}
			e := doc.Entity(m.Entity)
			if e == nil {
				t.Fatalf("doc.Entity(%q) = nil", m.Entity)
			}
			if tt.entName != "" && (e.Name != tt.entName || e.NameAr != tt.entNameAr) {
				t.Errorf("entity name %q, name_ar %q; want %q, %q", e.Name, e.NameAr, tt.entName, tt.entNameAr)
			}
			if e.Name == "" || e.NameAr == "" {
				t.Errorf("entity %s has an empty name: %+v", e.ID, e)
			}
		})
	}
}
