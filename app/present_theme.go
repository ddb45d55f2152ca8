package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Colour and size names of the presentation theme.
const (
	presentDeleted  fyne.ThemeColorName = "presentDeleted"  // words only in party A's text
	presentInserted fyne.ThemeColorName = "presentInserted" // words only in party B's text
	presentMuted    fyne.ThemeColorName = "presentMuted"    // secondary text
	presentAccent   fyne.ThemeColorName = "presentAccent"   // movement badges and borders

	presentDateSize fyne.ThemeSizeName = "presentDate" // the timeline date at the top
)

// presentScale is how much larger than on the desk the presentation draws
// text: 14 pt body text becomes 35 pt, readable from the back of a room on a
// 1920×1080 projector.
const presentScale = 2.5

// presentTheme is the high-contrast, large-type look of the presentation
// window: near-white text on a near-black background and Okabe–Ito accents
// that stay apart for colour-blind viewers, over Counterpart's own theme
// (its Noto Sans fonts).
type presentTheme struct{ base fyne.Theme }

func newPresentTheme() fyne.Theme { return presentTheme{base: NewTheme()} }

// Color answers in the dark variant whatever the system asks for.
func (t presentTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameBackground, theme.ColorNameOverlayBackground, theme.ColorNameMenuBackground:
		return color.NRGBA{0x0B, 0x0D, 0x10, 0xff}
	case theme.ColorNameForeground:
		return color.NRGBA{0xF4, 0xF4, 0xF2, 0xff}
	case theme.ColorNameSeparator:
		return color.NRGBA{0x44, 0x48, 0x50, 0xff}
	case presentMuted, theme.ColorNamePlaceHolder, theme.ColorNameDisabled:
		return color.NRGBA{0xB8, 0xBC, 0xC4, 0xff} // 10:1 on the background
	case presentDeleted: // orange
		return color.NRGBA{0xE6, 0x9F, 0x00, 0xff}
	case presentInserted, theme.ColorNamePrimary: // sky blue
		return color.NRGBA{0x56, 0xB4, 0xE9, 0xff}
	case presentAccent: // yellow
		return color.NRGBA{0xF0, 0xE4, 0x42, 0xff}
	}
	return t.base.Color(n, theme.VariantDark)
}

// Font returns Counterpart's fonts.
func (t presentTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

// Icon returns Counterpart's icons.
func (t presentTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size scales text and spacing up for a projector.
func (t presentTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case presentDateSize:
		return t.base.Size(theme.SizeNameHeadingText) * 3
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return t.base.Size(n) * presentScale
	case theme.SizeNamePadding, theme.SizeNameInnerPadding, theme.SizeNameLineSpacing:
		return t.base.Size(n) * 2
	case theme.SizeNameSeparatorThickness:
		return t.base.Size(n) * 2
	}
	return t.base.Size(n)
}
