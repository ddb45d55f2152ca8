package app

import (
	"context"
	"fmt"
	"strings"

	"counterpart/compare"
)

// decisionsFor returns the manual decisions that an action on rows makes:
//   - pair: the left provisions of a with the right provisions of b (either
//     row may hold both sides; a's left side and b's right side are used,
//     or the other way round when a has no left side);
//   - split: every left × right combination of row a;
//   - no counterpart: every provision of row a.
func decisionsFor(kind compare.DecisionKind, a, b *rowView) ([]compare.Decision, error) {
	var out []compare.Decision
	switch kind {
	case compare.Pair:
		if a == nil || b == nil {
			return nil, fmt.Errorf("mark a row, then select the row to pair it with")
		}
		left, right := a.LeftLabels, b.RightLabels
		if len(left) == 0 || len(right) == 0 {
			left, right = b.LeftLabels, a.RightLabels
		}
		if len(left) == 0 || len(right) == 0 {
			return nil, fmt.Errorf("pairing needs a provision of the left document and one of the right document")
		}
		for _, l := range left {
			for _, r := range right {
				out = append(out, compare.Decision{Kind: compare.Pair, Left: l, Right: r})
			}
		}
	case compare.Split:
		if a == nil || len(a.LeftLabels) == 0 || len(a.RightLabels) == 0 {
			return nil, fmt.Errorf("select a row with provisions on both sides to split it")
		}
		for _, l := range a.LeftLabels {
			for _, r := range a.RightLabels {
				out = append(out, compare.Decision{Kind: compare.Split, Left: l, Right: r})
			}
		}
	case compare.NoCounterpart:
		if a == nil {
			return nil, fmt.Errorf("select a row first")
		}
		for _, l := range a.LeftLabels {
			out = append(out, compare.Decision{Kind: compare.NoCounterpart, Left: l})
		}
		for _, r := range a.RightLabels {
			out = append(out, compare.Decision{Kind: compare.NoCounterpart, Right: r})
		}
	}
	return out, nil
}

// describe names decisions for the status bar and the undo label.
func describe(ds []compare.Decision) string {
	var parts []string
	for _, d := range ds {
		switch d.Kind {
		case compare.Pair:
			parts = append(parts, fmt.Sprintf("pair %s with %s", d.Left, d.Right))
		case compare.Split:
			parts = append(parts, fmt.Sprintf("split %s from %s", d.Left, d.Right))
		case compare.NoCounterpart:
			parts = append(parts, fmt.Sprintf("no counterpart for %s%s", d.Left, d.Right))
		}
	}
	return strings.Join(parts, "; ")
}

// decide saves the decisions of kind for the selected (and marked) rows,
// then aligns again; the step can be undone.
func (u *UI) decide(kind compare.DecisionKind) {
	sel := u.rows.selectedRow()
	a, b := sel, (*rowView)(nil)
	if kind == compare.Pair {
		a, b = u.marked, sel
	}
	ds, err := decisionsFor(kind, a, b)
	if err != nil {
		u.say("%s", upperFirst(err.Error()))
		return
	}
	left, right := u.leftID, u.rightID
	label := describe(ds)
	var ids []int64
	u.runStore("Saving the alignment", func(ctx context.Context) error {
		for _, d := range ds {
			id, err := u.store.AddDecision(ctx, left, right, d)
			if err != nil {
				for _, done := range ids {
					_ = u.store.DeleteDecision(ctx, done)
				}
				return err
			}
			ids = append(ids, id)
		}
		return nil
	}, func() {
		u.undo.push(label, func(ctx context.Context) error {
			for _, id := range ids {
				if err := u.store.DeleteDecision(ctx, id); err != nil {
					return err
				}
			}
			return nil
		})
		u.marked = nil
		u.say("Saved: %s (Ctrl+Z undoes)", label)
		u.recompute()
	})
}

// mark remembers the selected row as one end of a manual pair.
func (u *UI) mark() {
	u.marked = u.rows.selectedRow()
	if u.marked == nil {
		u.say("Select a row to mark it")
		return
	}
	u.say("Marked %s; now select the row to pair it with and press Pair", strings.Join(append(append([]string{}, u.marked.LeftLabels...), u.marked.RightLabels...), ", "))
	u.refreshActions()
}

// undoLast takes back the newest step.
func (u *UI) undoLast() {
	st, ok := u.undo.pop()
	if !ok {
		u.say("Nothing to undo")
		return
	}
	u.runStore("Undoing "+st.Label, st.Undo, func() {
		u.say("Undone: %s", st.Label)
		u.reload()
	})
}

// runStore runs work off the UI goroutine; then calls done on the UI
// goroutine, or shows the error in a dialog.
func (u *UI) runStore(what string, work func(ctx context.Context) error, done func()) {
	go func() {
		err := work(context.Background())
		doOnUI(func() {
			if err != nil {
				u.showError(what, err)
				return
			}
			done()
		})
	}()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
