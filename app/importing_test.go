package app

import (
	"strings"
	"testing"

	"counterpart/compare"
)

func TestPasteFormSaysWhatIsMissing(t *testing.T) {
	text := "1. A ceasefire starts on signature.\n2. Prisoners are exchanged."
	tests := []struct {
		form pasteForm
		want string // "" for no error
	}{
		{pasteForm{Kind: "memorandum"}, "paste the document's text first"},
		{pasteForm{Kind: "memorandum", Text: text}, "give the party"},
		{pasteForm{Kind: "memorandum", Text: text, Party: "Ukraine"}, "give the document's title"},
		{pasteForm{Kind: "memorandum", Text: text, Party: "Ukraine", Title: "T"}, "give the document's date"},
		{pasteForm{Kind: "memorandum", Text: text, Party: "Ukraine", Title: "T", Date: "2025-02-30"}, "not a valid date"},
		{pasteForm{Kind: "memorandum", Text: text, Party: "Ukraine", Title: "T", Date: "2025-05-28"}, ""},
		{pasteForm{Kind: "memorandum", Text: "---\nparty: Ukraine\ntitle: T\ndate: 2025-05-28\n---\n" + text}, ""},
	}
	for _, tt := range tests {
		d, err := tt.form.document()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%+v: %v", tt.form, err)
		case tt.want == "" && len(d.Provisions) != 2:
			t.Errorf("%+v: %d provisions", tt.form, len(d.Provisions))
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%+v: err %v, want %q", tt.form, err, tt.want)
		}
	}
}

func TestReportName(t *testing.T) {
	l := &compare.Document{Parties: []string{"Russian Federation"}, Date: "2025-06-02"}
	r := &compare.Document{Parties: []string{"E3 (United Kingdom, France, Germany)"}, Date: "2025-11-23"}
	if got, want := reportName(l, r), "Russian Federation 2025-06-02 vs E3 2025-11-23.pdf"; got != want {
		t.Errorf("reportName = %q, want %q", got, want)
	}
}
