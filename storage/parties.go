package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"counterpart/compare"
)

// okabeIto is the colour-blind-safe palette of Okabe and Ito (2008), in the
// order new parties take its colours.
var okabeIto = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"}

// knownParties gives the negotiations' usual parties a short name and a
// colour of their own, so that they look the same in every library.
var knownParties = map[string]compare.Party{
	"russian federation":                   {Short: "RU", Colour: "#D55E00"},
	"russia":                               {Short: "RU", Colour: "#D55E00"},
	"ukraine":                              {Short: "UA", Colour: "#0072B2"},
	"united states":                        {Short: "US", Colour: "#009E73"},
	"e3 (united kingdom, france, germany)": {Short: "E3", Colour: "#CC79A7"},
	"e3":                                   {Short: "E3", Colour: "#CC79A7"},
	"european union":                       {Short: "EU", Colour: "#56B4E9"},
	"germany":                              {Short: "DE", Colour: "#E69F00"},
	"united kingdom":                       {Short: "UK", Colour: "#F0E442"},
	"france":                               {Short: "FR", Colour: "#000000"},
}

var colourPattern = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// Parties returns every party of the library, by name.
func (s *Store) Parties(ctx context.Context) ([]compare.Party, error) {
	ps, err := listParties(ctx, s.db, "name")
	if err != nil {
		return nil, fmt.Errorf("storage: list parties: %w", err)
	}
	return ps, nil
}

// queryer is a *sql.DB or a *sql.Tx.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// listParties reads every party, ordered by the column order.
func listParties(ctx context.Context, q queryer, order string) ([]compare.Party, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, name, short, colour FROM parties ORDER BY "+order)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ps []compare.Party
	for rows.Next() {
		var p compare.Party
		if err := rows.Scan(&p.ID, &p.Name, &p.Short, &p.Colour); err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, rows.Err()
}

// UpdateParty changes a party's name, short name and colour. The party is
// found by ID, or by name when ID is 0. A colour is "#RRGGBB" or empty.
func (s *Store) UpdateParty(ctx context.Context, p compare.Party) error {
	p.Name = strings.TrimSpace(p.Name)
	if p.Name == "" {
		return fmt.Errorf("storage: update party: the name is empty")
	}
	if p.Colour != "" && !colourPattern.MatchString(p.Colour) {
		return fmt.Errorf("storage: update party %s: colour %q is not of the form #RRGGBB", p.Name, p.Colour)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		var res sql.Result
		var err error
		if p.ID != 0 {
			res, err = tx.ExecContext(ctx, "UPDATE parties SET name = ?, short = ?, colour = ? WHERE id = ?",
				p.Name, p.Short, p.Colour, p.ID)
		} else {
			res, err = tx.ExecContext(ctx, "UPDATE parties SET short = ?, colour = ? WHERE name = ?",
				p.Short, p.Colour, p.Name)
		}
		if err != nil {
			if isConstraint(err) {
				return fmt.Errorf("another party is already called %q", p.Name)
			}
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("storage: update party %s: %w", p.Name, err)
	}
	return nil
}

// partyID returns the id of the party called name, creating the party if
// needed. cache, which may be nil, remembers names already resolved in tx.
func partyID(ctx context.Context, tx *sql.Tx, name string, cache map[string]int64) (int64, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return 0, errors.New("a party name is empty")
	}
	key := strings.ToLower(name)
	if id, ok := cache[key]; ok {
		return id, nil
	}
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM parties WHERE name = ?", name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		p, err := newParty(ctx, tx, name)
		if err != nil {
			return 0, err
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO parties (name, short, colour) VALUES (?, ?, ?)", p.Name, p.Short, p.Colour)
		if err != nil {
			return 0, fmt.Errorf("add party %s: %w", name, err)
		}
		id, err = res.LastInsertId()
		if err != nil {
			return 0, err
		}
	} else if err != nil {
		return 0, err
	}
	if cache != nil {
		cache[key] = id
	}
	return id, nil
}

// newParty makes a party called name: a known party gets its own short name
// and colour unless another party already has the colour; any other party
// gets the next palette colour that no party uses yet.
func newParty(ctx context.Context, tx *sql.Tx, name string) (compare.Party, error) {
	p := compare.Party{Name: name, Short: abbreviate(name)}
	known, isKnown := knownParties[strings.ToLower(name)]
	if isKnown {
		p.Short = known.Short
	}
	used := map[string]bool{}
	rows, err := tx.QueryContext(ctx, "SELECT upper(colour) FROM parties")
	if err != nil {
		return p, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return p, err
		}
		used[c] = true
		n++
	}
	if err := rows.Err(); err != nil {
		return p, err
	}
	if isKnown && !used[known.Colour] {
		p.Colour = known.Colour
		return p, nil
	}
	for _, c := range okabeIto {
		if !used[c] {
			p.Colour = c
			return p, nil
		}
	}
	p.Colour = okabeIto[n%len(okabeIto)]
	return p, nil
}

// abbreviate makes a short name from a party's name: the initials of a name
// of several words ("European Union" → "EU"), else its first three letters.
func abbreviate(name string) string {
	var initials []rune
	words := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, w := range words {
		r := []rune(w)
		if unicode.IsUpper(r[0]) || unicode.IsDigit(r[0]) {
			initials = append(initials, r[0])
		}
	}
	if len(initials) >= 2 {
		if len(initials) > 4 {
			initials = initials[:4]
		}
		return string(initials)
	}
	r := []rune(strings.Join(words, ""))
	if len(r) > 3 {
		r = r[:3]
	}
	return strings.ToUpper(string(r))
}
