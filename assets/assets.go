// Package assets embeds the files Counterpart ships inside its binary: the
// sample library (documents and statements of the 2025 negotiations, with
// their sources), the Noto Sans font family used on screen and in PDF
// reports (SIL Open Font License, see fonts/OFL.txt) and the app icon (icon.png, also named in FyneApp.toml).
package assets

import (
	"embed"
	"io/fs"
)

//go:embed corpus fonts icon.png
var files embed.FS

// Corpus is the sample library: documents/*.md and statements.tsv, in the
// format described in corpus/README.md.
var Corpus fs.FS = mustSub("corpus")

// Noto Sans faces (TrueType), from Debian's fonts-noto-core.
var (
	FontRegular    = mustRead("fonts/NotoSans-Regular.ttf")
	FontBold       = mustRead("fonts/NotoSans-Bold.ttf")
	FontItalic     = mustRead("fonts/NotoSans-Italic.ttf")
	FontBoldItalic = mustRead("fonts/NotoSans-BoldItalic.ttf")
)

// Icon is the application icon, 1024×1024 PNG: two documents side by side
// with their provisions linked.
var Icon = mustRead("icon.png")

func mustSub(dir string) fs.FS {
	f, err := fs.Sub(files, dir)
	if err != nil {
		panic(err)
	}
	return f
}

func mustRead(name string) []byte {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return b
}
