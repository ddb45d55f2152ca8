package app

import (
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// dottedIs renders "Україні" with th and reports, for the letters ї and і,
// whether ink appears above the x-height (their dots). The x-height is taken
// from the letter н, which has nothing above it.
func dottedIs(t *testing.T, th fyne.Theme) (yi, i bool) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(th)
	const word = "Україні"
	txt := canvas.NewText(word, color.Black)
	txt.TextSize = 48
	bg := canvas.NewRectangle(color.White)
	w := test.NewTempWindow(t, container.NewStack(bg, container.NewWithoutLayout(txt)))
	w.SetPadded(false)
	w.Resize(fyne.NewSize(400, 100))
	txt.Move(fyne.NewPos(10, 10))
	txt.Resize(txt.MinSize())
	img := w.Canvas().Capture()
	scale := float32(img.Bounds().Dx()) / w.Canvas().Size().Width

	runes := []rune(word)
	span := func(k int) (int, int) {
		x0 := fyne.MeasureText(string(runes[:k]), txt.TextSize, txt.TextStyle).Width
		x1 := fyne.MeasureText(string(runes[:k+1]), txt.TextSize, txt.TextStyle).Width
		return int((10 + x0) * scale), int((10 + x1) * scale)
	}
	dark := func(x, y int) bool {
		r, g, b, _ := img.At(x, y).RGBA()
		return (r+g+b)/3 < 0x8000
	}
	top := func(x0, x1 int) int { // first row with ink in the columns
		for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
			for x := x0; x < x1; x++ {
				if dark(x, y) {
					return y
				}
			}
		}
		return img.Bounds().Max.Y
	}
	nx0, nx1 := span(5) // н
	xTop := top(nx0+1, nx1-1)
	above := func(k int) bool {
		x0, x1 := span(k)
		return inkAbove(img, x0+1, x1-1, xTop-2, dark)
	}
	return above(4), above(6)
}

func inkAbove(img image.Image, x0, x1, yLimit int, dark func(x, y int) bool) bool {
	for y := img.Bounds().Min.Y; y < yLimit; y++ {
		for x := x0; x < x1; x++ {
			if dark(x, y) {
				return true
			}
		}
	}
	return false
}

func TestThemeDrawsUkrainianI(t *testing.T) {
	yi, i := dottedIs(t, NewTheme())
	if !yi || !i {
		t.Errorf("Counterpart theme: dots over ї: %v, over і: %v; want both", yi, i)
	}
}

// TestDefaultFontLosesDot proves that the check above can fail: Fyne's
// bundled font draws "і" without its dot.
func TestDefaultFontLosesDot(t *testing.T) {
	_, i := dottedIs(t, theme.DefaultTheme())
	if i {
		t.Error("the detector found a dot over і with Fyne's default font, which draws it dotless; the check proves nothing")
	}
}
