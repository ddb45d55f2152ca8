package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"counterpart/compare"
)

// allTopics is the topic picker's entry for "no topic filter".
const allTopics = "All topics"

// button makes a button registered under name, so refreshActions can
// enable and disable it.
func (u *UI) button(name, label string, icon fyne.Resource, fn func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, icon, fn)
	u.actions[name] = b
	return b
}

// toolbar is the row of library-wide actions above the tabs.
func (u *UI) toolbar() fyne.CanvasObject {
	return container.NewHBox(
		u.button("import", "Import file…", theme.FolderOpenIcon(), u.importFile),
		u.button("paste", "Paste text…", theme.ContentPasteIcon(), u.showPasteForm),
		u.button("export", "Export PDF…", theme.DocumentSaveIcon(), u.exportPDF),
		u.button("backup", "Back up…", theme.StorageIcon(), u.backUp),
		u.button("present", "Present (F5)", theme.MediaPlayIcon(), u.present),
		u.button("undo", "Undo", theme.ContentUndoIcon(), u.undoLast),
	)
}

// compareBars are the pickers, filters and alignment actions above the rows.
func (u *UI) compareBars() fyne.CanvasObject {
	u.leftPick = widget.NewSelect(nil, func(string) { u.picked() })
	u.leftPick.PlaceHolder = "Left document"
	u.rightPick = widget.NewSelect(nil, func(string) { u.picked() })
	u.rightPick.PlaceHolder = "Right document"
	u.follow = widget.NewCheck("Follow timeline", func(on bool) {
		if on {
			u.timelineMoved(u.timeline.Date())
		}
	})
	pickers := container.NewBorder(nil, nil, nil,
		container.NewHBox(u.button("swap", "Swap", theme.ViewRefreshIcon(), u.Swap), u.follow),
		container.NewGridWithColumns(2, u.leftPick, u.rightPick))

	topics := []string{allTopics}
	for _, t := range compare.Topics {
		topics = append(topics, t.Title())
	}
	u.topicPick = widget.NewSelect(topics, func(string) { u.applyFilter() })
	u.topicPick.SetSelectedIndex(0)
	u.statusPick = widget.NewSelect(statusNames, func(string) { u.applyFilter() })
	u.statusPick.SetSelectedIndex(0)
	u.demands = widget.NewCheck("Demands only", func(bool) { u.applyFilter() })
	filters := container.NewHBox(
		u.topicPick, u.statusPick, u.demands, widget.NewSeparator(),
		u.button("prev", "Previous difference", theme.NavigateBackIcon(), func() { u.step(-1) }),
		u.button("next", "Next difference", theme.NavigateNextIcon(), func() { u.step(1) }),
	)
	align := container.NewHBox(
		u.button("mark", "Mark", theme.CheckButtonCheckedIcon(), u.mark),
		u.button("pair", "Pair with marked", theme.ContentAddIcon(), func() { u.decide(compare.Pair) }),
		u.button("split", "Split pair", theme.ContentCutIcon(), func() { u.decide(compare.Split) }),
		u.button("nocounterpart", "No counterpart", theme.ContentRemoveIcon(), func() { u.decide(compare.NoCounterpart) }),
		widget.NewSeparator(),
		u.button("note", "Note…", theme.DocumentCreateIcon(), u.editNote),
		u.button("tag", "Topics & stance…", theme.SettingsIcon(), u.editSelectedProvision),
	)
	return container.NewVBox(pickers, filters, align)
}

// picked follows the document pickers.
func (u *UI) picked() {
	if u.syncing {
		return
	}
	l, r := u.pickedID(u.leftPick), u.pickedID(u.rightPick)
	if l != 0 && r != 0 && (l != u.leftID || r != u.rightID) {
		u.SetDocuments(l, r)
	}
}

func (u *UI) pickedID(s *widget.Select) int64 {
	i := s.SelectedIndex()
	if i < 0 || i >= len(u.docs) {
		return 0
	}
	return u.docs[i].ID
}

// refreshPickers lists the documents in the pickers and selects the sides.
func (u *UI) refreshPickers() {
	u.syncing = true
	defer func() { u.syncing = false }()
	names := make([]string, len(u.docs))
	for i := range u.docs {
		names[i] = docName(&u.docs[i])
	}
	for _, p := range []struct {
		s  *widget.Select
		id int64
	}{{u.leftPick, u.leftID}, {u.rightPick, u.rightID}} {
		p.s.SetOptions(names)
		p.s.ClearSelected()
		for i := range u.docs {
			if u.docs[i].ID == p.id {
				p.s.SetSelectedIndex(i)
			}
		}
	}
}

// filterFromWidgets reads the filter bar.
func (u *UI) filterFromWidgets() rowFilter {
	f := rowFilter{DemandsOnly: u.demands.Checked}
	if i := u.topicPick.SelectedIndex(); i > 0 {
		f.Topic = compare.Topics[i-1]
	}
	if i := u.statusPick.SelectedIndex(); i > 0 {
		f.Status = Status(i)
	}
	return f
}

// applyFilter shows the rows the filter bar selects.
func (u *UI) applyFilter() {
	if u.syncing || u.rows == nil || u.demands == nil || u.statusPick == nil {
		return
	}
	u.rows.setFilter(u.filterFromWidgets())
	u.refreshActions()
}

// resetFilterWidgets clears the filter bar without refiltering.
func (u *UI) resetFilterWidgets() {
	u.syncing = true
	defer func() { u.syncing = false }()
	u.topicPick.SetSelectedIndex(0)
	u.statusPick.SetSelectedIndex(0)
	u.demands.SetChecked(false)
}

// refreshActions enables the buttons that apply to the current state.
func (u *UI) refreshActions() {
	sel := u.rows.selectedRow()
	both := sel != nil && len(sel.LeftLabels) > 0 && len(sel.RightLabels) > 0
	enable := map[string]bool{
		"export":        u.cmp != nil,
		"present":       u.snap != nil,
		"undo":          u.undo.peek() != "",
		"swap":          u.leftID != 0 && u.rightID != 0,
		"prev":          u.rows.model.len() > 0,
		"next":          u.rows.model.len() > 0,
		"mark":          sel != nil,
		"pair":          sel != nil && u.marked != nil,
		"split":         both,
		"nocounterpart": sel != nil,
		"note":          sel != nil,
		"tag":           sel != nil,
	}
	for name, b := range u.actions {
		on, listed := enable[name]
		if !listed || on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if l := u.undo.peek(); l != "" {
		if r := []rune(l); len(r) > 28 {
			l = string(r[:27]) + "…"
		}
		u.actions["undo"].SetText("Undo " + l)
	} else {
		u.actions["undo"].SetText("Undo")
	}
}
