// Package app builds Counterpart's desktop views with Fyne: the main window,
// the library side bar, the compare view, the import and edit forms, and the
// PDF export. It never imports fyne.io/fyne/v2/app: main.go creates the Fyne
// application and window and hands them to New, so every view here can be
// tested headless with fyne.io/fyne/v2/test.
//
// Views keep their logic in plain view-model types (rowModel, library tree,
// undo stack) that tests exercise without widgets; widgets only draw them.
package app
