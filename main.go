// Command counterpart is a desktop application for policy analysts who
// follow peace negotiations: it keeps each party's documents and statements
// in a local library, aligns the provisions of any two documents, shows
// word-level differences, follows positions over time and writes PDF briefs.
//
// With no subcommand it opens the desktop window. Subcommands drive the same
// library and the same comparison from scripts; run "counterpart help".
package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	fyneapp "fyne.io/fyne/v2/app"

	_ "counterpart/app/locale" // before Fyne reads the locale

	"counterpart/app"
	"counterpart/compare"
	"counterpart/report"
	"counterpart/storage"
	"counterpart/storage/ingest"
)

// appID is the reverse-DNS application ID, as in FyneApp.toml.
const appID = "org.counterpart.app"

//go:embed FyneApp.toml
var fyneAppToml string

// version is the one version number, read from FyneApp.toml.
var version = func() string {
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindStringSubmatch(fyneAppToml)
	if m == nil {
		return "unknown"
	}
	return m[1]
}()

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// command is one subcommand.
type command struct {
	name, args, help string
	run              func(env *env, args []string) error
}

var commands []command

func init() {
	commands = []command{
		{"import", "[--party P --title T --date YYYY-MM-DD --kind K --source S] FILE...", "import documents (.md .txt .docx .pdf .html) and statements (.tsv) in one transaction", cmdImport},
		{"list", "[--json]", "list the library's documents", cmdList},
		{"show", "[--json] DOC", "show a document and its provisions (DOC: an id from list, or a file)", cmdShow},
		{"statements", "[--json] [--party P] [--from DATE] [--to DATE]", "list statements", cmdStatements},
		{"search", "[--json] QUERY", "search provisions and statements (any script, any case)", cmdSearch},
		{"compare", "[--json] LEFT RIGHT", "align the provisions of two documents (ids or files)", cmdCompare},
		{"diff", "OLD NEW", "word-level diff of two plain text files", cmdDiff},
		{"report", "-o OUT.pdf [--title T] [--paper a4|letter] [--group topic|order] [--note TEXT] LEFT RIGHT", "write a PDF comparison report", cmdReport},
		{"timeline", "[--json] --at YYYY-MM-DD", "each party's position at a date, and the statements of the 30 days before", cmdTimeline},
		{"backup", "OUT.db", "copy the library to a new file", cmdBackup},
		{"export-json", "OUT.json", "export the whole library as JSON", cmdExportJSON},
		{"import-json", "IN.json", "import a library exported as JSON", cmdImportJSON},
		{"version", "", "print the version", cmdVersion},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" && args[0] != "-help" {
		if err := runApp(args); err != nil {
			fmt.Fprintln(stderr, "counterpart:", err)
			var u usageError
			if errors.As(err, &u) {
				return 2
			}
			return 1
		}
		return 0
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		printUsage(stdout)
		return 0
	}
	for _, c := range commands {
		if c.name != name {
			continue
		}
		e := &env{stdout: stdout, stderr: stderr}
		err := c.run(e, args[1:])
		if e.store != nil {
			e.store.Close()
		}
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		}
		var u usageError
		if errors.As(err, &u) {
			fmt.Fprintf(stderr, "counterpart %s: %v\nusage: counterpart %s %s\n", c.name, err, c.name, c.args)
			return 2
		}
		fmt.Fprintln(stderr, "counterpart:", describe(c.name, err))
		return 1
	}
	fmt.Fprintf(stderr, "counterpart: unknown command %q (run \"counterpart help\")\n", name)
	return 2
}

// describe renders a command's error as one line for the user: the command,
// the file it concerns when there is one, and the reason, without the
// package names that wrap it inside the program.
func describe(cmd string, err error) string {
	msg := strings.TrimPrefix(app.Plain(err), cmd+": ")
	var fe *ingest.FileError
	if errors.As(err, &fe) {
		return cmd + " " + msg // "import memo.md: line 3: …"
	}
	return cmd + ": " + msg
}

func printUsage(w io.Writer) {
	fmt.Fprintf(w, "Counterpart %s: compare the positions of the parties to a negotiation.\n\n", version)
	fmt.Fprintln(w, "usage: counterpart [--db FILE]            open the desktop window")
	fmt.Fprintln(w, "       counterpart COMMAND [--db FILE] [ARGS]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.help)
	}
	fmt.Fprintln(w, "\nThe library is", describeDefaultDB(), "unless --db names another file.")
	fmt.Fprintln(w, "Run \"counterpart COMMAND -h\" for a command's options.")
}

func describeDefaultDB() string {
	p, err := defaultDB()
	if err != nil {
		return "in the per-user data folder"
	}
	return p
}

// defaultDB is the library used without --db: counterpart.db next to the
// executable when that file exists (portable mode, for USB sticks), else the
// per-user library.
func defaultDB() (string, error) {
	if exe, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(exe), "counterpart.db")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return storage.DefaultPath()
}

// env is what a command works with: its output and, once opened, the library.
type env struct {
	stdout, stderr io.Writer
	db             string
	store          *storage.Store
}

// flags returns a flag set for a command with the common --db flag.
func (e *env) flags(c string) *flag.FlagSet {
	fs := flag.NewFlagSet(c, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&e.db, "db", "", "library `FILE` (default: the per-user library)")
	return fs
}

// parse parses args, printing help for -h and returning usage errors.
func (e *env) parse(fs *flag.FlagSet, args []string, nargs func(n int) bool) error {
	if err := fs.Parse(interleave(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			for _, c := range commands {
				if c.name == fs.Name() {
					fmt.Fprintf(e.stdout, "usage: counterpart %s %s\n\n%s\n\noptions:\n", c.name, c.args, c.help)
				}
			}
			fs.SetOutput(e.stdout)
			fs.PrintDefaults()
			return flag.ErrHelp
		}
		return usageError{err.Error()}
	}
	if nargs != nil && !nargs(fs.NArg()) {
		if fs.NArg() == 0 {
			return usageError{"missing arguments"}
		}
		return usageError{fmt.Sprintf("unexpected arguments: %s", strings.Join(fs.Args(), " "))}
	}
	return nil
}

// interleave moves flags after positional arguments to the front, so that
// "counterpart show 3 --json" works as well as "show --json 3".
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				continue
			}
			if i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		}
	}
	return append(flags, pos...)
}

func exactly(n int) func(int) bool { return func(k int) bool { return k == n } }
func atLeast(n int) func(int) bool { return func(k int) bool { return k >= n } }

// open opens the library named by --db, or the default one. The default
// library is created with the sample library on first use.
func (e *env) open() (*storage.Store, error) {
	if e.store != nil {
		return e.store, nil
	}
	path, fresh := e.db, false
	if path == "" {
		p, err := defaultDB()
		if err != nil {
			return nil, err
		}
		path = p
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			fresh = true
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return nil, fmt.Errorf("create the library folder: %w", err)
			}
		}
	}
	s, err := storage.Open(path)
	if err != nil {
		return nil, err
	}
	if fresh {
		if err := s.LoadSample(context.Background()); err != nil {
			s.Close()
			return nil, fmt.Errorf("load the sample library: %w", err)
		}
	}
	e.store = s
	return s, nil
}

// printJSON writes v as indented JSON.
func (e *env) printJSON(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func cmdImport(e *env, args []string) error {
	fs := e.flags("import")
	var m ingest.Meta
	fs.StringVar(&m.Party, "party", "", "party `P` (several: separated by semicolons); overrides front matter")
	fs.StringVar(&m.Title, "title", "", "document title")
	fs.StringVar(&m.Date, "date", "", "document date, YYYY-MM-DD")
	fs.StringVar(&m.Kind, "kind", "", "memorandum, proposal, counter-proposal, framework, agreement, communique or statement")
	fs.StringVar(&m.Source, "source", "", "where the document was published")
	if err := e.parse(fs, args, atLeast(1)); err != nil {
		return err
	}
	if m.Date != "" {
		if _, err := compare.ParseDate(m.Date); err != nil {
			return usageError{"--date: " + err.Error()}
		}
	}
	if m.Kind != "" {
		if _, err := compare.ParseKind(m.Kind); err != nil {
			return usageError{"--kind: " + err.Error()}
		}
	}
	var docs []compare.Document
	var stmts []compare.Statement
	for _, path := range fs.Args() {
		r, err := ingest.Load(path, m)
		if err != nil {
			return err
		}
		docs = append(docs, r.Documents...)
		stmts = append(stmts, r.Statements...)
	}
	s, err := e.open()
	if err != nil {
		return err
	}
	ids, err := s.Import(context.Background(), docs, stmts)
	if err != nil {
		return err
	}
	for i, id := range ids {
		d := docs[i]
		fmt.Fprintf(e.stdout, "imported #%d %s: %s (%s, %s, %d provisions)\n", id, d.Party(), d.Title, d.Kind, d.Date, len(d.Provisions))
	}
	if len(stmts) > 0 {
		fmt.Fprintf(e.stdout, "imported %d statements\n", len(stmts))
	}
	return nil
}

func cmdList(e *env, args []string) error {
	fs := e.flags("list")
	asJSON := fs.Bool("json", false, "print JSON: documents with their provisions")
	if err := e.parse(fs, args, exactly(0)); err != nil {
		return err
	}
	s, err := e.open()
	if err != nil {
		return err
	}
	ctx := context.Background()
	docs, err := s.Documents(ctx)
	if err != nil {
		return err
	}
	if !*asJSON {
		for _, d := range docs {
			fmt.Fprintf(e.stdout, "%4d  %s  %-16s  %-28s  %s\n", d.ID, d.Date, d.Kind, clip(d.Party(), 28), d.Title)
		}
		if len(docs) == 0 {
			fmt.Fprintln(e.stdout, "the library has no documents (add some with \"counterpart import FILE\")")
		}
		return nil
	}
	full := make([]compare.Document, 0, len(docs))
	for _, d := range docs {
		fd, err := s.Document(ctx, d.ID)
		if err != nil {
			return err
		}
		full = append(full, fd)
	}
	return e.printJSON(full)
}

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// document resolves DOC: a library id, or a file that is parsed, not stored.
func (e *env) document(arg string) (compare.Document, error) {
	if id, err := strconv.ParseInt(arg, 10, 64); err == nil {
		if _, statErr := os.Stat(arg); statErr != nil {
			s, err := e.open()
			if err != nil {
				return compare.Document{}, err
			}
			return s.Document(context.Background(), id)
		}
	}
	r, err := ingest.Load(arg, ingest.Meta{})
	if err != nil {
		return compare.Document{}, err
	}
	if len(r.Documents) != 1 {
		return compare.Document{}, fmt.Errorf("%s: holds no document", arg)
	}
	d := r.Documents[0]
	compare.Tag(&d)
	return d, nil
}

func cmdShow(e *env, args []string) error {
	fs := e.flags("show")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := e.parse(fs, args, exactly(1)); err != nil {
		return err
	}
	d, err := e.document(fs.Arg(0))
	if err != nil {
		return err
	}
	if *asJSON {
		return e.printJSON(d)
	}
	fmt.Fprintf(e.stdout, "%s\n%s · %s · %s\n", d.Title, d.Party(), d.Kind, d.Date)
	if d.Source != "" {
		fmt.Fprintf(e.stdout, "Source: %s\n", d.Source)
	}
	heading := ""
	for _, p := range d.Provisions {
		if p.Heading != heading && p.Heading != "" {
			fmt.Fprintf(e.stdout, "\n%s\n", p.Heading)
		}
		heading = p.Heading
		topics := make([]string, len(p.Topics))
		for i, t := range p.Topics {
			topics[i] = string(t)
		}
		fmt.Fprintf(e.stdout, "  %-8s %s\n", p.Label, p.Text)
		if len(topics) > 0 || p.Stance != "" {
			fmt.Fprintf(e.stdout, "  %-8s [%s] %s\n", "", strings.Join(topics, ", "), p.Stance)
		}
	}
	return nil
}

func cmdStatements(e *env, args []string) error {
	fs := e.flags("statements")
	asJSON := fs.Bool("json", false, "print JSON")
	var f storage.StatementFilter
	var from, to string
	fs.StringVar(&f.Party, "party", "", "only this party's statements")
	fs.StringVar(&from, "from", "", "from this date, YYYY-MM-DD")
	fs.StringVar(&to, "to", "", "up to this date, YYYY-MM-DD")
	if err := e.parse(fs, args, exactly(0)); err != nil {
		return err
	}
	for _, d := range []struct {
		flag string
		in   string
		out  *compare.Date
	}{{"--from", from, &f.From}, {"--to", to, &f.To}} {
		if d.in == "" {
			continue
		}
		v, err := compare.ParseDate(d.in)
		if err != nil {
			return usageError{d.flag + ": " + err.Error()}
		}
		*d.out = v
	}
	s, err := e.open()
	if err != nil {
		return err
	}
	st, err := s.Statements(context.Background(), f)
	if err != nil {
		return err
	}
	if *asJSON {
		if st == nil {
			st = []compare.Statement{}
		}
		return e.printJSON(st)
	}
	for _, x := range st {
		fmt.Fprintf(e.stdout, "%s  %s, %s: %s\n", x.Date, x.Speaker, x.Party, x.Text)
	}
	return nil
}

func cmdSearch(e *env, args []string) error {
	fs := e.flags("search")
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 50, "at most `N` results")
	if err := e.parse(fs, args, atLeast(1)); err != nil {
		return err
	}
	s, err := e.open()
	if err != nil {
		return err
	}
	hits, err := s.Search(context.Background(), strings.Join(fs.Args(), " "), *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		if hits == nil {
			hits = []storage.Hit{}
		}
		return e.printJSON(hits)
	}
	for _, h := range hits {
		where := fmt.Sprintf("#%d %s", h.DocumentID, h.Label)
		if h.StatementID != 0 {
			where = "statement"
		}
		fmt.Fprintf(e.stdout, "%s  %-12s %s (%s): %s\n", h.Date, where, h.Title, h.Party, h.Snippet)
	}
	if len(hits) == 0 {
		fmt.Fprintln(e.stderr, "no matches")
	}
	return nil
}

// comparison computes the one comparison of two documents that the
// terminal, JSON and PDF outputs all show, with the manual decisions stored
// for that pair when both come from the library.
func (e *env) comparison(left, right string) (*compare.Comparison, error) {
	l, err := e.document(left)
	if err != nil {
		return nil, err
	}
	r, err := e.document(right)
	if err != nil {
		return nil, err
	}
	var decisions []compare.Decision
	if l.ID != 0 && r.ID != 0 && e.store != nil {
		if decisions, err = e.store.Decisions(context.Background(), l.ID, r.ID); err != nil {
			return nil, err
		}
	}
	return compare.Compare(l, r, decisions), nil
}

func cmdCompare(e *env, args []string) error {
	fs := e.flags("compare")
	asJSON := fs.Bool("json", false, "print JSON")
	width := fs.Int("width", 120, "line width of the text output")
	if err := e.parse(fs, args, exactly(2)); err != nil {
		return err
	}
	c, err := e.comparison(fs.Arg(0), fs.Arg(1))
	if err != nil {
		return err
	}
	if *asJSON {
		return e.printJSON(c)
	}
	return c.WriteText(e.stdout, *width)
}

func cmdDiff(e *env, args []string) error {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if err := e.parse(fs, args, exactly(2)); err != nil {
		return err
	}
	old, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	cur, err := os.ReadFile(fs.Arg(1))
	if err != nil {
		return err
	}
	if len(old)+len(cur) < 16<<20 {
		// A short-lived run over modest texts: garbage collection would
		// cost more than the memory it saves.
		debug.SetGCPercent(-1)
	}
	return compare.WriteDiff(e.stdout, compare.DiffText(string(old), string(cur)))
}

func cmdReport(e *env, args []string) error {
	fs := e.flags("report")
	out := fs.String("o", "", "write the PDF to `OUT.pdf`")
	var opt report.Options
	var paper, group string
	fs.StringVar(&opt.Title, "title", "", "report title")
	fs.StringVar(&paper, "paper", "a4", "paper size: a4 or letter")
	fs.StringVar(&group, "group", "order", "rows in document order (order) or by topic (topic)")
	fs.StringVar(&opt.Note, "note", "", "analyst's note for the title block")
	if err := e.parse(fs, args, exactly(2)); err != nil {
		return err
	}
	switch {
	case *out == "":
		return usageError{"-o OUT.pdf is required"}
	case paper != "a4" && paper != "letter":
		return usageError{fmt.Sprintf("--paper %q: want a4 or letter", paper)}
	case group != "order" && group != "topic":
		return usageError{fmt.Sprintf("--group %q: want topic or order", group)}
	}
	opt.Paper, opt.Group = report.Paper(paper), report.Grouping(group)
	c, err := e.comparison(fs.Arg(0), fs.Arg(1))
	if err != nil {
		return err
	}
	if e.store != nil {
		ctx := context.Background()
		if opt.Parties, err = e.store.Parties(ctx); err != nil {
			return err
		}
		if opt.Documents, err = e.store.Documents(ctx); err != nil {
			return err
		}
		if opt.Statements, err = e.store.Statements(ctx, storage.StatementFilter{}); err != nil {
			return err
		}
		if opt.Notes, err = e.store.Notes(ctx, c.Left.ID, c.Right.ID); err != nil {
			return err
		}
	}
	return writeFileAtomic(*out, func(w io.Writer) error { return report.Write(w, c, opt) })
}

// writeFileAtomic writes a file through a temporary file in the same folder,
// so a failed write never leaves half a file behind.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".counterpart-*.tmp")
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// timelineDoc is a document as the timeline command prints it.
type timelineDoc struct {
	ID    int64        `json:"id"`
	Title string       `json:"title"`
	Kind  compare.Kind `json:"kind"`
	Date  compare.Date `json:"date"`
}

func cmdTimeline(e *env, args []string) error {
	fs := e.flags("timeline")
	asJSON := fs.Bool("json", false, "print JSON")
	at := fs.String("at", "", "the date, YYYY-MM-DD (default: today)")
	if err := e.parse(fs, args, exactly(0)); err != nil {
		return err
	}
	date := compare.DateOf(time.Now())
	if *at != "" {
		d, err := compare.ParseDate(*at)
		if err != nil {
			return usageError{"--at: " + err.Error()}
		}
		date = d
	}
	s, err := e.open()
	if err != nil {
		return err
	}
	ctx := context.Background()
	parties, err := s.Parties(ctx)
	if err != nil {
		return err
	}
	metas, err := s.Documents(ctx)
	if err != nil {
		return err
	}
	docs := make([]compare.Document, 0, len(metas))
	for _, m := range metas {
		if m.Date > date {
			continue
		}
		d, err := s.Document(ctx, m.ID)
		if err != nil {
			return err
		}
		docs = append(docs, d)
	}
	all, err := s.Statements(ctx, storage.StatementFilter{From: date.AddDays(-30), To: date})
	if err != nil {
		return err
	}
	type partyOut struct {
		Party         string          `json:"party"`
		Document      *timelineDoc    `json:"document"`
		Previous      *timelineDoc    `json:"previous"`
		TopicsAdded   []compare.Topic `json:"topics_added"`
		TopicsDropped []compare.Topic `json:"topics_dropped"`
	}
	type stmtOut struct {
		Date    compare.Date `json:"date"`
		Party   string       `json:"party"`
		Speaker string       `json:"speaker"`
		Text    string       `json:"text"`
		Source  string       `json:"source,omitempty"`
	}
	out := struct {
		At         compare.Date `json:"at"`
		Parties    []partyOut   `json:"parties"`
		Statements []stmtOut    `json:"statements"`
	}{At: date, Parties: []partyOut{}, Statements: []stmtOut{}}
	brief := func(d *compare.Document) *timelineDoc {
		if d == nil {
			return nil
		}
		return &timelineDoc{ID: d.ID, Title: d.Title, Kind: d.Kind, Date: d.Date}
	}
	for _, p := range compare.PositionsAt(parties, docs, date) {
		out.Parties = append(out.Parties, partyOut{p.Party, brief(p.Document), brief(p.Previous), p.TopicsAdded, p.TopicsDropped})
	}
	for _, x := range compare.StatementsIn(all, date.AddDays(-30), date) {
		out.Statements = append(out.Statements, stmtOut{x.Date, x.Party, x.Speaker, x.Text, x.Source})
	}
	if *asJSON {
		return e.printJSON(out)
	}
	fmt.Fprintf(e.stdout, "As of %s\n\n", date)
	for _, p := range out.Parties {
		if p.Document == nil {
			fmt.Fprintf(e.stdout, "%s: no document yet\n", p.Party)
			continue
		}
		fmt.Fprintf(e.stdout, "%s: #%d %s (%s, %s)\n", p.Party, p.Document.ID, p.Document.Title, p.Document.Kind, p.Document.Date)
		if p.Previous != nil {
			fmt.Fprintf(e.stdout, "  since #%d %s (%s): topics added %v, dropped %v\n", p.Previous.ID, p.Previous.Title, p.Previous.Date, p.TopicsAdded, p.TopicsDropped)
		}
	}
	if len(out.Statements) > 0 {
		fmt.Fprintf(e.stdout, "\nStatements from %s to %s\n", date.AddDays(-30), date)
		for _, x := range out.Statements {
			fmt.Fprintf(e.stdout, "  %s  %s (%s): %s\n", x.Date, x.Speaker, x.Party, x.Text)
		}
	}
	return nil
}

func cmdBackup(e *env, args []string) error {
	fs := e.flags("backup")
	if err := e.parse(fs, args, exactly(1)); err != nil {
		return err
	}
	s, err := e.open()
	if err != nil {
		return err
	}
	if err := s.Backup(context.Background(), fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "backed up %s to %s\n", s.Path(), fs.Arg(0))
	return nil
}

func cmdExportJSON(e *env, args []string) error {
	fs := e.flags("export-json")
	if err := e.parse(fs, args, exactly(1)); err != nil {
		return err
	}
	s, err := e.open()
	if err != nil {
		return err
	}
	return writeFileAtomic(fs.Arg(0), func(w io.Writer) error { return s.ExportJSON(context.Background(), w) })
}

func cmdImportJSON(e *env, args []string) error {
	fs := e.flags("import-json")
	if err := e.parse(fs, args, exactly(1)); err != nil {
		return err
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	s, err := e.open()
	if err != nil {
		return err
	}
	return s.ImportJSON(context.Background(), f)
}

func cmdVersion(e *env, args []string) error {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if err := e.parse(fs, args, exactly(0)); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "counterpart %s\n", version)
	return nil
}

// runApp opens the desktop window. A library that cannot be opened gets a
// window that says why and offers its backups.
func runApp(args []string) error {
	fs := flag.NewFlagSet("counterpart", flag.ContinueOnError)
	db := fs.String("db", "", "library `FILE`")
	present := fs.Bool("present", false, "start in presentation mode")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if err := haveDisplay(); err != nil {
		return err
	}
	e := &env{db: *db, stdout: os.Stdout, stderr: os.Stderr}
	a := fyneapp.NewWithID(appID)
	w := a.NewWindow("Counterpart")
	start := func(s *storage.Store) {
		// A rolling backup at each start, off the UI thread.
		go s.RollingBackup(context.Background(), time.Now())
		ui := app.New(a, w, s)
		if *present {
			ui.Present()
		}
	}
	path := e.db
	if path == "" {
		path, _ = defaultDB()
	}
	// One window per library: a second one is refused, not raced.
	var s *storage.Store
	err := os.MkdirAll(filepath.Dir(path), 0o755)
	if err == nil {
		var release func()
		if release, err = storage.Lock(path); err == nil {
			defer release()
			s, err = e.open()
		}
	}
	if err != nil {
		app.ShowOpenError(a, w, path, err, storage.Backups(path), func(backup string) error {
			s, err := restoreBackup(path, backup)
			if err != nil {
				return err
			}
			e.store = s
			start(s)
			return nil
		})
		w.ShowAndRun()
		if e.store != nil {
			e.store.Close()
		}
		return nil
	}
	defer s.Close()
	start(s)
	w.ShowAndRun()
	return nil
}

// haveDisplay fails with a plain message on a Unix desktop-less session
// (no X11 or Wayland display), where the window could not open.
func haveDisplay() error {
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "android", "js":
		return nil
	}
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return errors.New("no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set): start Counterpart on a desktop, or use its subcommands (counterpart help)")
	}
	return nil
}

// restoreBackup moves the library at path aside (PATH.damaged-TIME) and
// puts a copy of backup in its place, then opens it.
func restoreBackup(path, backup string) (*storage.Store, error) {
	data, err := os.ReadFile(backup)
	if err != nil {
		return nil, fmt.Errorf("read the backup: %w", err)
	}
	if _, err := os.Stat(path); err == nil {
		aside := fmt.Sprintf("%s.damaged-%s", path, time.Now().Format("20060102-150405"))
		if err := os.Rename(path, aside); err != nil {
			return nil, fmt.Errorf("move the damaged library aside: %w", err)
		}
		for _, ext := range []string{"-wal", "-shm"} {
			os.Rename(path+ext, aside+ext)
		}
	}
	if err := writeFileAtomic(path, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
		return nil, fmt.Errorf("copy the backup into place: %w", err)
	}
	return storage.Open(path)
}
