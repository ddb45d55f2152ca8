package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"counterpart/compare"
)

// rowNoteTarget is where a new note on row v attaches: the row's first left
// provision (or right, for a right-only row) with the other document set,
// or with Other 0 when it is a note on the provision itself.
func rowNoteTarget(v *rowView, left, right int64, onProvision bool) compare.Note {
	n := compare.Note{Document: left, Other: right}
	if len(v.LeftLabels) > 0 {
		n.Label = v.LeftLabels[0]
	} else if len(v.RightLabels) > 0 {
		n.Document, n.Other, n.Label = right, left, v.RightLabels[0]
	}
	if onProvision {
		n.Other = 0
	}
	return n
}

// editNote adds a note to the selected row or edits its first note; an
// emptied note is deleted.
func (u *UI) editNote() {
	v := u.rows.selectedRow()
	if v == nil || u.cmp == nil {
		u.say("Select a row to write a note on it")
		return
	}
	var existing *compare.Note
	if len(v.Notes) > 0 {
		n := v.Notes[0]
		existing = &n
	}
	text := widget.NewMultiLineEntry()
	text.Wrapping = fyne.TextWrapWord
	text.SetMinRowsVisible(6)
	onProvision := widget.NewCheck("On the provision itself (shown in every comparison)", nil)
	if existing != nil {
		text.SetText(existing.Text)
		onProvision.SetChecked(existing.Other == 0)
		onProvision.Disable()
	}
	left, right := u.cmp.Left.ID, u.cmp.Right.ID
	items := []*widget.FormItem{widget.NewFormItem("Note", text), widget.NewFormItem("", onProvision)}
	d := dialog.NewForm("Note", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		body := strings.TrimSpace(text.Text)
		switch {
		case existing == nil && body == "":
			return
		case existing == nil:
			n := rowNoteTarget(v, left, right, onProvision.Checked)
			n.Text = body
			var id int64
			u.runStore("Saving the note", func(ctx context.Context) (err error) {
				id, err = u.store.AddNote(ctx, n)
				return err
			}, func() {
				u.undo.push("note on "+n.Label, func(ctx context.Context) error { return u.store.DeleteNote(ctx, id) })
				u.recompute()
			})
		case body == "":
			old := *existing
			u.runStore("Deleting the note", func(ctx context.Context) error {
				return u.store.DeleteNote(ctx, old.ID)
			}, func() {
				u.undo.push("note deletion", func(ctx context.Context) error {
					old.ID = 0
					_, err := u.store.AddNote(ctx, old)
					return err
				})
				u.recompute()
			})
		default:
			old, edited := *existing, *existing
			edited.Text = body
			u.runStore("Saving the note", func(ctx context.Context) error {
				return u.store.UpdateNote(ctx, edited)
			}, func() {
				u.undo.push("note edit", func(ctx context.Context) error { return u.store.UpdateNote(ctx, old) })
				u.recompute()
			})
		}
	}, u.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}
