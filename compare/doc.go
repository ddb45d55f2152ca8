// Package compare holds Counterpart's domain as plain Go values and the
// algorithms over them: parsing a text document into labelled provisions,
// tagging provisions with topics and stances, aligning the provisions of two
// documents and computing word-level differences inside aligned pairs.
//
// It imports only the standard library and github.com/sergi/go-diff; storage,
// the PDF report and the desktop views all depend on it, never the reverse.
//
// Glossary:
//
//   - Party: a negotiating side (Russian Federation, Ukraine, United States…).
//   - Document: a memorandum, plan, counter-proposal, framework… written by one
//     or more parties on a date.
//   - Provision: one list item of a document, with its label (I.2.b).
//   - Label: a provision's marker qualified by its parents' markers, joined by dots.
//   - Left, right: the two documents of a comparison (LHS and RHS).
//   - Row: one line of an aligned comparison: provisions on the left, on the
//     right, or both.
//   - Topic: a subject of the negotiation from the built-in taxonomy (territory,
//     alliances…).
//   - Stance: what a provision does: demand, commitment, position or procedure.
//   - Diff: the word-level edit script between the two texts of a pair.
package compare
