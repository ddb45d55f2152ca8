// Package assets embeds the files Counterpart ships inside its binary: the
// sample library (documents and statements of the 2025 negotiations, with
// their sources), the Noto Sans font family used on screen and in PDF
// reports (SIL Open Font License, see fonts/OFL.txt) and the app icon
// (icon.png, also named in FyneApp.toml).
package assets

import (
	"embed"
	"io/fs"
)

//go:embed corpus
var files embed.FS

// Corpus is the sample library: documents/*.md and statements.tsv, in the
// format described in corpus/README.md.
var Corpus fs.FS = mustSub("corpus")

// Noto Sans faces (TrueType), from Debian's fonts-noto-core. They are
// embedded as byte slices, not read from an embed.FS, so that start-up does
// not copy two megabytes: command-line paths that draw nothing pay nothing.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	FontRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	FontBold []byte
	//go:embed fonts/NotoSans-Italic.ttf
	FontItalic []byte
	//go:embed fonts/NotoSans-BoldItalic.ttf
	FontBoldItalic []byte
)

// Icon is the application icon, 1024×1024 PNG: two documents side by side
// with their provisions linked.
//
//go:embed icon.png
var Icon []byte

func mustSub(dir string) fs.FS {
	f, err := fs.Sub(files, dir)
	if err != nil {
		panic(err)
	}
	return f
}
