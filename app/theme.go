package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"counterpart/assets"
)

// Colour names Counterpart adds to the theme. Highlights never rely on colour
// alone: deleted words are also struck through, inserted words are bold and
// underlined, shared terms are underlined.
const (
	ColorDeleted  fyne.ThemeColorName = "counterpartDeleted"  // tint behind deleted words
	ColorInserted fyne.ThemeColorName = "counterpartInserted" // tint behind inserted words
	ColorShared   fyne.ThemeColorName = "counterpartShared"   // tint behind shared terms of unrelated rows
	ColorClose    fyne.ThemeColorName = "counterpartClose"    // closeness bar: close positions
	ColorFar      fyne.ThemeColorName = "counterpartFar"      // closeness bar: far apart
	ColorNoteBack fyne.ThemeColorName = "counterpartNote"     // background of notes under a row
)

// Theme is Counterpart's look: Fyne's default theme (light or dark, following
// the system) with the Noto Sans family, which draws every Cyrillic letter
// correctly, and colour-blind-safe highlight colours (Okabe–Ito palette).
type Theme struct {
	base    fyne.Theme
	regular fyne.Resource
	bold    fyne.Resource
	italic  fyne.Resource
	boldIt  fyne.Resource
}

// NewTheme returns the Counterpart theme wrapping Fyne's default theme.
func NewTheme() *Theme {
	return &Theme{
		base:    theme.DefaultTheme(),
		regular: fyne.NewStaticResource("NotoSans-Regular.ttf", assets.FontRegular),
		bold:    fyne.NewStaticResource("NotoSans-Bold.ttf", assets.FontBold),
		italic:  fyne.NewStaticResource("NotoSans-Italic.ttf", assets.FontItalic),
		boldIt:  fyne.NewStaticResource("NotoSans-BoldItalic.ttf", assets.FontBoldItalic),
	}
}

// Color returns the named colour for the variant; Counterpart's own names
// are answered here, the rest by the default theme.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	dark := v == theme.VariantDark
	pick := func(light, darkC color.NRGBA) color.Color {
		if dark {
			return darkC
		}
		return light
	}
	switch n {
	case ColorDeleted: // vermillion
		return pick(color.NRGBA{0xD5, 0x5E, 0x00, 0x40}, color.NRGBA{0xE0, 0x70, 0x20, 0x60})
	case ColorInserted: // blue
		return pick(color.NRGBA{0x00, 0x72, 0xB2, 0x38}, color.NRGBA{0x56, 0xB4, 0xE9, 0x50})
	case ColorShared: // orange
		return pick(color.NRGBA{0xE6, 0x9F, 0x00, 0x48}, color.NRGBA{0xE6, 0x9F, 0x00, 0x50})
	case ColorClose: // bluish green
		return pick(color.NRGBA{0x00, 0x9E, 0x73, 0xFF}, color.NRGBA{0x00, 0xB8, 0x88, 0xFF})
	case ColorFar: // reddish purple
		return pick(color.NRGBA{0xCC, 0x79, 0xA7, 0xFF}, color.NRGBA{0xDD, 0x90, 0xBB, 0xFF})
	case ColorNoteBack:
		return pick(color.NRGBA{0xF0, 0xE4, 0x42, 0x30}, color.NRGBA{0xF0, 0xE4, 0x42, 0x20})
	}
	return t.base.Color(n, v)
}

// Font returns the Noto Sans face for the style; monospace and symbol text
// keep the default theme's fonts.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace || s.Symbol:
		return t.base.Font(s)
	case s.Bold && s.Italic:
		return t.boldIt
	case s.Bold:
		return t.bold
	case s.Italic:
		return t.italic
	}
	return t.regular
}

// Icon returns the default theme's icon.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size returns the default theme's size.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 { return t.base.Size(n) }

// themeColor looks a colour up in the current application theme.
func themeColor(n fyne.ThemeColorName) color.Color {
	app := fyne.CurrentApp()
	if app == nil {
		return NewTheme().Color(n, theme.VariantLight)
	}
	return app.Settings().Theme().Color(n, app.Settings().ThemeVariant())
}
