package langid_test

import (
	"testing"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/langid"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"empty", "", "und"},
		{"digits only", "2014 - 10/28", "und"},
		{"arabic headline", "الكويت تستضيف قمة الخليج", "ar"},
		{"english headline", "Kuwait hosts Gulf summit", "en"},
		{"arabic prose", "قال وزير الخارجية الكويتي إن دول مجلس التعاون الخليجي ستعقد اجتماعا في الرياض يوم الثلاثاء المقبل لبحث الأوضاع في المنطقة وما يجري في العراق وسوريا من تطورات على الأرض", "ar"},
		{"english prose", "Kuwait's foreign minister said on Tuesday that the Gulf Cooperation Council would meet in Riyadh next week to discuss the situation in the region and what was happening in Iraq and Syria on the ground.", "en"},
		{"english with arabic name", "The envoy, John Allen (جون آلن), said the coalition was making progress against the group in Iraq and that more countries would join it in the coming weeks.", "en"},
		{"arabic with latin name", "قال الجنرال جون آلن (John Allen) إن التحالف الدولي يحقق تقدما في الحرب على تنظيم داعش في العراق وسوريا وإن دولا أخرى ستنضم إليه", "ar"},
		{"french prose", "Le ministre koweïtien des Affaires étrangères a déclaré mardi que le Conseil de coopération du Golfe se réunirait à Riyad la semaine prochaine pour discuter de la situation dans la région.", "und"},
		{"greek", "Η Ελλάδα και η Κύπρος", "und"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := langid.Detect(arabic.Analyze(tt.text)); got != tt.want {
				t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func FuzzDetect(f *testing.F) {
	f.Add("Kuwait hosts Gulf summit")
	f.Add("الكويت تستضيف قمة الخليج")
	f.Fuzz(func(t *testing.T, s string) {
		switch got := langid.Detect(arabic.Analyze(s)); got {
		case langid.Arabic, langid.English, langid.Undetermined:
		default:
			t.Fatalf("Detect(%q) = %q, not a code Detect returns", s, got)
		}
	})
}
