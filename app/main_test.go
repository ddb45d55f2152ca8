package app

import (
	"os"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestMain(m *testing.M) {
	a := test.NewApp()
	a.Settings().SetTheme(NewTheme())
	os.Exit(m.Run())
}
