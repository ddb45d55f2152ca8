package report

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImports keeps the report free of the GUI toolkit and the database: it
// works from a *compare.Comparison alone.
func TestImports(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			for _, banned := range []string{"fyne.io/", "counterpart/storage", "counterpart/app", "database/sql", "modernc.org/"} {
				if strings.HasPrefix(p, banned) {
					t.Errorf("%s imports %s", name, p)
				}
			}
		}
	}
}
