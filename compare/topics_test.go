package compare

import (
	"slices"
	"testing"
)

func TestSuggestTopics(t *testing.T) {
	tests := []struct {
		text string
		want Topic // must be among the suggestions
	}{
		{"A complete ceasefire of at least 30 days.", Ceasefire},
		{"Полное прекращение огня на 30 дней.", Ceasefire},
		{"Повне припинення вогню на 30 днів.", Ceasefire},
		{"The line of contact is the starting point for talks on territory.", Territory},
		{"Признание Крыма территорией России.", Territory},
		{"Ukraine will not join NATO.", Alliances},
		{"Украина сохраняет нейтральный статус.", Alliances},
		{"Україна не вступає до НАТО.", Alliances},
		{"Ukraine's armed forces are capped at 600,000 personnel.", ArmedForces},
		{"Мобилизация прекращается.", ArmedForces},
		{"No foreign troops or military bases of third states.", ForeignTroops},
		{"Поставки вооружений и военная помощь прекращаются.", ForeignTroops},
		{"Ukraine receives robust security guarantees.", Guarantees},
		{"Україна отримує гарантії безпеки.", Guarantees},
		{"The nuclear power plant is restarted under IAEA supervision.", Nuclear},
		{"Статус безъядерного государства подтверждается.", Nuclear},
		{"All prisoners are exchanged on an all for all basis.", Humanitarian},
		{"Все военнопленные освобождаются.", Humanitarian},
		{"Усі полонені звільняються, депортовані діти повертаються.", Humanitarian},
		{"Sanctions are lifted in stages.", Sanctions},
		{"Санкции снимаются.", Sanctions},
		{"Санкції знімаються поетапно.", Sanctions},
		{"Frozen assets pay for reconstruction.", Assets},
		{"Россия выплачивает репарации.", Assets},
		{"Elections are held within 100 days.", Elections},
		{"Выборы проводятся после отмены военного положения.", Elections},
		{"Russian receives the status of an official language.", Rights},
		{"Ограничения в отношении церкви снимаются.", Rights},
		{"Everyone receives a full amnesty.", Amnesty},
		{"Амнистия для всех участников.", Amnesty},
		{"The treaty is signed and ratified.", Implementation},
		{"Договор подписывается и ратифицируется.", Implementation},
	}
	for _, tt := range tests {
		got := SuggestTopics(tt.text)
		if !slices.Contains(got, tt.want) {
			t.Errorf("SuggestTopics(%q) = %v, want it to include %s", tt.text, got, tt.want)
		}
	}
	if got := SuggestTopics("The weather is pleasant today."); len(got) != 0 {
		t.Errorf("SuggestTopics(neutral text) = %v, want none", got)
	}
}

// TestLexiconCoversTaxonomy checks that every topic has concepts in the
// lexicon, and no concept names a topic outside it.
func TestLexiconCoversTaxonomy(t *testing.T) {
	seen := map[Topic]bool{}
	for _, c := range concepts {
		if c.topic == "" {
			continue // the vocabulary of any negotiation
		}
		if !c.topic.Valid() {
			t.Errorf("concept %s has topic %q outside the taxonomy", c.name, c.topic)
		}
		seen[c.topic] = true
	}
	for _, tp := range Topics {
		if !seen[tp] {
			t.Errorf("no concept for topic %s", tp)
		}
	}
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Ukraine becomes neutral.", "en"},
		{"Украина становится нейтральным государством.", "ru"},
		{"Україна відмовляється від нейтралітету.", "uk"},
		{"Ґрунтовні переговори тривають.", "uk"},
		{"30, 40.", ""},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.text); got != tt.want {
			t.Errorf("DetectLanguage(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSuggestStance(t *testing.T) {
	tests := []struct {
		text string
		want Stance
	}{
		{"Ukraine must withdraw its forces.", Demand},
		{"Advertising of Nazism is banned.", Demand},
		{"Украина должна отказаться от вступления в НАТО.", Demand},
		{"Росія повинна сплатити репарації.", Demand},
		{"The United States undertakes to provide guarantees.", Commitment},
		{"Россия обязуется вывести войска.", Commitment},
		{"Україна зобов'язується провести вибори.", Commitment},
		{"The memorandum is signed.", Procedure},
		{"Elections are held within 100 days.", Procedure},
		{"Первый этап: обмен пленными.", Procedure},
		{"Peace in Europe is the common goal.", Position},
	}
	for _, tt := range tests {
		if got := SuggestStance(tt.text); got != tt.want {
			t.Errorf("SuggestStance(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

// TestTagStanceByAuthor checks that a provision about the other party is a
// demand and one about the author a commitment.
func TestTagStanceByAuthor(t *testing.T) {
	tests := []struct {
		party, text string
		want        Stance
	}{
		{"Ukraine", "Russia pays reparations for the damage done to Ukraine.", Demand},
		{"Russian Federation", "Ukraine becomes neutral.", Demand},
		{"Russian Federation", "Ceilings are set on the strength of Ukraine's armed forces.", Demand},
		{"Russian Federation", "Russia hands over the bodies of 6,000 soldiers.", Commitment},
		{"Ukraine", "Both sides exchange all prisoners.", Commitment},
		{"Украина", "Россия выплачивает репарации.", Demand},
		{"Ukraine", "The treaty is signed.", Procedure},
	}
	for _, tt := range tests {
		d := Document{Parties: []string{tt.party}, Provisions: []Provision{{Label: "1", Text: tt.text}}}
		Tag(&d)
		if got := d.Provisions[0].Stance; got != tt.want {
			t.Errorf("%s: %q tagged %s, want %s", tt.party, tt.text, got, tt.want)
		}
	}
}

// TestTagKeepsValues checks that Tag fills only what is empty, and falls
// back on the heading for a provision whose own words name no topic.
func TestTagKeepsValues(t *testing.T) {
	d := Document{Provisions: []Provision{
		{Label: "1", Text: "Sanctions are lifted.", Topics: []Topic{Assets}, Stance: Position},
		{Label: "2", Text: "Option two:", Heading: "II. Terms of a ceasefire"},
	}}
	Tag(&d)
	if got := d.Provisions[0]; !slices.Equal(got.Topics, []Topic{Assets}) || got.Stance != Position {
		t.Errorf("Tag changed set values: %v %s", got.Topics, got.Stance)
	}
	if got := d.Provisions[1].Topics; !slices.Contains(got, Ceasefire) {
		t.Errorf("topics of a provision under a ceasefire heading = %v", got)
	}
	if d.Language != "en" {
		t.Errorf("language = %q, want en", d.Language)
	}
}
