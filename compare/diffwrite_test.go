package compare

import (
	"strings"
	"testing"
)

func TestWriteDiff(t *testing.T) {
	var b strings.Builder
	err := WriteDiff(&b, []Piece{{Equal, "Ukraine "}, {Delete, "becomes"}, {Insert, "stays"}, {Equal, " neutral."}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "Ukraine [-becomes-]{+stays+} neutral."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
