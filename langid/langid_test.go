package langid_test

import (
	"strings"
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
		{"german prose", "Der Bundeskanzler hat am Dienstag eine neue Reform angekündigt, die in den nächsten Wochen dem Bundestag vorgelegt werden soll. Die Gewerkschaften riefen zum Streik auf.", "und"},
		{"german prose with in and am", "Der Außenminister Kuwaits sagte am Dienstag, der Golf-Kooperationsrat werde sich nächste Woche in Riad treffen, um die Lage in der Region und die Entwicklungen im Irak und in Syrien zu besprechen.", "und"},
		{"spanish prose", "El ministro de Asuntos Exteriores de Kuwait dijo el martes que el Consejo de Cooperación del Golfo se reunirá en Riad la próxima semana para discutir la situación en la región y lo que está ocurriendo en Irak y Siria.", "und"},
		{"italian prose", "Il ministro degli Esteri del Kuwait ha detto martedì che il Consiglio di cooperazione del Golfo si riunirà a Riad la prossima settimana per discutere la situazione nella regione e quanto sta accadendo in Iraq e in Siria.", "und"},
		{"dutch prose", "De minister van Buitenlandse Zaken van Koeweit zei dinsdag dat de Samenwerkingsraad van de Golf volgende week in Riyad bijeenkomt om de situatie in de regio en wat er in Irak en Syrië gebeurt te bespreken.", "und"},
		{"indonesian prose", "Menteri Luar Negeri Kuwait mengatakan pada hari Selasa bahwa Dewan Kerja Sama Teluk akan bertemu di Riyadh pekan depan untuk membahas situasi di kawasan dan apa yang terjadi di Irak dan Suriah.", "und"},
		{"english results, many names", "Max Verstappen of Red Bull won the Bahrain Grand Prix on Sunday ahead of Charles Leclerc of Ferrari, Carlos Sainz, Lewis Hamilton of Mercedes and Lando Norris of McLaren, who started from the back of the grid.", "en"},
		{"greek", "Η Ελλάδα και η Κύπρος", "und"},
		// At the bars: 25 Arabic words need 2 stop words (8%), 20 Latin
		// words 4 (20%).
		{"arabic, stop words at the bar", strings.Repeat("الكويت ", 23) + "في في", "ar"},
		{"arabic, one stop word short", strings.Repeat("الكويت ", 24) + "في", "und"},
		{"english, stop words at the bar", strings.Repeat("Kuwait ", 16) + "the the the the", "en"},
		{"english, one stop word short", strings.Repeat("Kuwait ", 17) + "the the the", "und"},
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
