package compare

// Op is the kind of one piece of a word diff.
type Op string

// The operations of a word diff.
const (
	Equal  Op = "equal"
	Delete Op = "delete"
	Insert Op = "insert"
)

// Piece is one run of a word diff. Concatenating the Equal and Delete pieces
// gives the left text exactly; the Equal and Insert pieces give the right.
type Piece struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// RowKind says what a row of an aligned comparison holds.
type RowKind string

// The kinds of rows.
const (
	Paired    RowKind = "paired"     // both sides, similar enough that a word diff is meaningful
	Unrelated RowKind = "unrelated"  // both sides answer each other, but the texts differ too much to diff
	LeftOnly  RowKind = "left-only"  // no counterpart on the right
	RightOnly RowKind = "right-only" // no counterpart on the left
)

// Change classifies a row when the right document revises the left.
type Change string

// The changes a revision can make to a provision.
const (
	Unchanged  Change = "unchanged"  // same label, same text
	Renumbered Change = "renumbered" // same text, another label
	Moved      Change = "moved"      // out of the left document's order
	Rewritten  Change = "rewritten"  // text changed
	Deleted    Change = "deleted"    // dropped by the revision
	Added      Change = "added"      // new in the revision
)

// Row is one line of an aligned comparison. Left and Right index into the
// Provisions of the compared documents; together the rows of a Comparison
// hold every provision of both documents exactly once.
type Row struct {
	Left        []int    `json:"-"`
	Right       []int    `json:"-"`
	Kind        RowKind  `json:"kind"`
	Topic       Topic    `json:"topic,omitempty"`
	Similarity  float64  `json:"similarity"`
	Diff        []Piece  `json:"diff,omitempty"`         // only for Paired rows
	SharedTerms []string `json:"shared_terms,omitempty"` // for Unrelated rows
	Change      Change   `json:"change,omitempty"`       // set when comparing a revision
	Manual      bool     `json:"manual,omitempty"`       // set by a manual decision
}

// Closeness says how close the two sides' positions on a topic are.
type Closeness string

// The statuses of a topic in a comparison.
const (
	Close     Closeness = "close"      // both address it, and their provisions are close
	FarApart  Closeness = "far-apart"  // both address it, and their provisions differ
	OnlyLeft  Closeness = "only-left"  // only the left document addresses it
	OnlyRight Closeness = "only-right" // only the right document addresses it
)

// TopicSummary is one line of a comparison's topic table.
type TopicSummary struct {
	Topic  Topic     `json:"topic"`
	Left   []int     `json:"-"` // provisions of the left document on the topic
	Right  []int     `json:"-"`
	Status Closeness `json:"status"`
}

// Comparison is the one computed result that the screen, the PDF report and
// the JSON output all show.
type Comparison struct {
	Left     Document       `json:"-"`
	Right    Document       `json:"-"`
	Revision bool           `json:"revision"` // the right document revises the left
	Rows     []Row          `json:"-"`
	Topics   []TopicSummary `json:"-"`
}

// DecisionKind is a manual alignment decision's effect.
type DecisionKind string

// The manual alignment decisions an analyst can make.
const (
	Pair          DecisionKind = "pair"           // put these provisions on one row
	Split         DecisionKind = "split"          // never put these provisions on one row
	NoCounterpart DecisionKind = "no-counterpart" // this provision has no counterpart
)

// Decision is an analyst's manual alignment decision. Provisions are named by
// label so that decisions survive re-importing an edited document; a label
// that no longer exists makes the decision inert.
type Decision struct {
	ID    int64        `json:"id,omitempty"`
	Kind  DecisionKind `json:"kind"`
	Left  string       `json:"left,omitempty"`  // left provision label
	Right string       `json:"right,omitempty"` // right provision label
}
