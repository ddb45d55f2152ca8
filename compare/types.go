package compare

import (
	"fmt"
	"strings"
	"time"
)

// Date is a calendar date in ISO form, YYYY-MM-DD. Dates compare correctly as
// strings; the zero value means "no date".
type Date string

// ParseDate validates s as a YYYY-MM-DD calendar date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return "", fmt.Errorf("date %q is not a valid date (want YYYY-MM-DD)", s)
	}
	return Date(s), nil
}

// Time returns the date as midnight UTC, or the zero time for an invalid date.
func (d Date) Time() time.Time {
	t, _ := time.Parse(time.DateOnly, string(d))
	return t
}

// DateOf returns the calendar date of t.
func DateOf(t time.Time) Date { return Date(t.Format(time.DateOnly)) }

// Kind is the kind of a document.
type Kind string

// The kinds of documents a negotiation produces.
const (
	Memorandum      Kind = "memorandum"
	Proposal        Kind = "proposal"
	CounterProposal Kind = "counter-proposal"
	Framework       Kind = "framework"
	Agreement       Kind = "agreement"
	Communique      Kind = "communique"
	StatementKind   Kind = "statement"
)

// Kinds lists every valid Kind in display order.
var Kinds = []Kind{Memorandum, Proposal, CounterProposal, Framework, Agreement, Communique, StatementKind}

// ParseKind validates a kind name, case-insensitively.
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ToLower(strings.TrimSpace(s)))
	for _, v := range Kinds {
		if v == k {
			return k, nil
		}
	}
	names := make([]string, len(Kinds))
	for i, v := range Kinds {
		names[i] = string(v)
	}
	return "", fmt.Errorf("kind %q is not one of %s", s, strings.Join(names, ", "))
}

// Party is a negotiating side.
type Party struct {
	ID     int64  `json:"id,omitempty"`
	Name   string `json:"name"`             // "Russian Federation"
	Short  string `json:"short,omitempty"`  // "RU"
	Colour string `json:"colour,omitempty"` // "#0072B2", colour-blind-safe
}

// Document is a text published by one or more parties.
type Document struct {
	ID         int64       `json:"id,omitempty"`
	Parties    []string    `json:"parties"` // party names; a joint framework has several
	Title      string      `json:"title"`
	Kind       Kind        `json:"kind"`
	Date       Date        `json:"date"`
	Source     string      `json:"source,omitempty"`
	Language   string      `json:"language,omitempty"` // ISO 639-1: en, ru, uk
	Revises    int64       `json:"revises,omitempty"`  // ID of the document this one revises, 0 if none
	Provisions []Provision `json:"provisions"`
}

// Party returns the document's parties joined for display ("Ukraine; United States").
func (d *Document) Party() string { return strings.Join(d.Parties, "; ") }

// HasParty reports whether name is one of the document's authors.
func (d *Document) HasParty(name string) bool {
	for _, p := range d.Parties {
		if strings.EqualFold(p, name) {
			return true
		}
	}
	return false
}

// Provision is one list item (or paragraph) of a document.
type Provision struct {
	ID      int64   `json:"id,omitempty"`
	Label   string  `json:"label"`             // "I.2.b"
	Parent  string  `json:"parent,omitempty"`  // "I.2"
	Heading string  `json:"heading,omitempty"` // "I. Basic parameters of the final settlement"
	Text    string  `json:"text"`
	Topics  []Topic `json:"topics"`
	Stance  Stance  `json:"stance,omitempty"`
	Order   int     `json:"order"` // position in the document, from 0
}

// Statement is a dated public statement by a party's representative.
type Statement struct {
	ID      int64  `json:"id,omitempty"`
	Date    Date   `json:"date"`
	Party   string `json:"party"`
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
	Source  string `json:"source,omitempty"`
}

// Note is an analyst's note on a provision, or on a row of a comparison when
// Other names the document on the other side of that comparison.
type Note struct {
	ID       int64  `json:"id,omitempty"`
	Document int64  `json:"document"`        // the document of the provision
	Label    string `json:"label"`           // the provision's label
	Other    int64  `json:"other,omitempty"` // 0 for a provision note; else the other document of the row
	Text     string `json:"text"`
	Created  Date   `json:"created,omitempty"`
}
