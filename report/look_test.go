package report

import (
	"os"
	"testing"

	"counterpart/compare"
)

func TestLook(t *testing.T) {
	out := os.Getenv("REPORT_LOOK")
	if out == "" {
		t.Skip("set REPORT_LOOK=/path/out.pdf to write a sample report")
	}
	g := os.Getenv("REPORT_GOLD")
	if g == "" {
		g = "russia-vs-ukraine-2025.json"
	}
	c := goldComparison(t, g)
	if os.Getenv("REPORT_COMPARE") != "" {
		c = compare.Compare(c.Left, c.Right, nil)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	parties := []compare.Party{{Name: "Russian Federation", Short: "RU", Colour: "#D55E00"}, {Name: "Ukraine", Short: "UA", Colour: "#0072B2"}, {Name: "United States", Short: "US", Colour: "#009E73"}}
	var docs []compare.Document
	for _, n := range []string{"2025-05-28-ukraine-memorandum.md", "2025-06-02-russia-memorandum.md", "2025-11-20-us-28-point-plan.md", "2025-11-23-e3-counter-proposal.md", "2025-12-24-20-point-framework.md"} {
		docs = append(docs, corpusDoc(t, n))
	}
	notes := []compare.Note{{Label: "I.2", Text: "Neutrality demand goes further than Istanbul 2022: it bans any third-state military activity, not just bases.", Created: "2025-06-03"}}
	err = Write(f, c, Options{Paper: Paper(os.Getenv("REPORT_PAPER")), Group: Grouping(os.Getenv("REPORT_GROUP")), Created: fixed, Parties: parties, Documents: docs, Statements: corpusStatements(t), Notes: notes, Note: "Russia's memorandum answers Ukraine's point by point only in part: its ceasefire section offers two options, both conditional on withdrawal or a halt to military aid."})
	if err != nil {
		t.Fatal(err)
	}
}
