package app

import "context"

// undoStep is one action that can be taken back.
type undoStep struct {
	Label string                          // "pair 2 with C", shown in the status bar
	Undo  func(ctx context.Context) error // runs off the UI goroutine
}

// undoStack holds the actions of this session that can be undone, newest last.
type undoStack struct{ steps []undoStep }

// push records a step.
func (s *undoStack) push(label string, undo func(ctx context.Context) error) {
	s.steps = append(s.steps, undoStep{Label: label, Undo: undo})
}

// pop removes and returns the newest step.
func (s *undoStack) pop() (undoStep, bool) {
	if len(s.steps) == 0 {
		return undoStep{}, false
	}
	st := s.steps[len(s.steps)-1]
	s.steps = s.steps[:len(s.steps)-1]
	return st, true
}

// peek returns the label of the newest step, "" if there is none.
func (s *undoStack) peek() string {
	if len(s.steps) == 0 {
		return ""
	}
	return s.steps[len(s.steps)-1].Label
}
