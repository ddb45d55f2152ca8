package compare

import (
	"reflect"
	"testing"
)

func TestPositionsAt(t *testing.T) {
	prov := func(ts ...Topic) []Provision { return []Provision{{Label: "1", Text: "x", Topics: ts}} }
	docs := []Document{
		{ID: 1, Parties: []string{"Ukraine"}, Date: "2025-05-28", Kind: Memorandum, Provisions: prov(Ceasefire, Humanitarian)},
		{ID: 2, Parties: []string{"Russian Federation"}, Date: "2025-06-02", Kind: Memorandum, Provisions: prov(Territory)},
		{ID: 3, Parties: []string{"Ukraine", "United States"}, Date: "2025-12-24", Kind: Framework, Provisions: prov(Ceasefire, Guarantees)},
		{ID: 4, Parties: []string{"United States"}, Date: "2025-11-20", Kind: Proposal, Provisions: prov(Territory)},
	}
	parties := []Party{{Name: "Russian Federation"}, {Name: "Ukraine"}, {Name: "United States"}}

	at := PositionsAt(parties, docs, "2025-06-01")
	if at[0].Document != nil || at[1].Document == nil || at[1].Document.ID != 1 {
		t.Errorf("2025-06-01: %+v", at)
	}
	at = PositionsAt(parties, docs, "2025-06-02")
	if at[0].Document == nil || at[0].Document.ID != 2 {
		t.Errorf("2025-06-02: Russia has %+v", at[0].Document)
	}
	at = PositionsAt(parties, docs, "2026-01-01")
	ua, us := at[1], at[2]
	if ua.Document.ID != 3 || ua.Previous.ID != 1 || us.Document.ID != 3 || us.Previous.ID != 4 {
		t.Errorf("joint framework: ua %d/%d us %d/%d", ua.Document.ID, ua.Previous.ID, us.Document.ID, us.Previous.ID)
	}
	if !reflect.DeepEqual(ua.TopicsAdded, []Topic{Guarantees}) || !reflect.DeepEqual(ua.TopicsDropped, []Topic{Humanitarian}) {
		t.Errorf("ukraine delta: +%v -%v", ua.TopicsAdded, ua.TopicsDropped)
	}
}

func TestStatementsInAndDates(t *testing.T) {
	st := []Statement{{Date: "2025-05-19"}, {Date: "2025-05-16"}, {Date: "2025-07-01"}}
	got := StatementsIn(st, Date("2025-06-01").AddDays(-30), "2025-06-01")
	if len(got) != 2 || got[0].Date != "2025-05-16" {
		t.Errorf("StatementsIn = %v", got)
	}
	ds := Dates([]Document{{Date: "2025-05-19"}}, st)
	if !reflect.DeepEqual(ds, []Date{"2025-05-16", "2025-05-19", "2025-07-01"}) {
		t.Errorf("Dates = %v", ds)
	}
}
