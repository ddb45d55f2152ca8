package storage

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"counterpart/compare"
)

// Environment of the crash test's child process, and knobs for running it longer.
const (
	crashDBEnv         = "COUNTERPART_CRASH_DB"         // set in the child: the library to import into
	crashRunEnv        = "COUNTERPART_CRASH_RUN"        // set in the child: the iteration, to name its batches
	crashIterationsEnv = "COUNTERPART_CRASH_ITERATIONS" // optional: how many kills (default 20)
	crashSeedEnv       = "COUNTERPART_CRASH_SEED"       // optional: seed of the random kill delays
)

// Shape of the child's imports.
const (
	crashBatchDocs       = 200
	crashBatchStatements = 20
	crashProvisions      = 5
)

// crashBatch generates the documents and statements of batch b of run r.
// The documents come tagged (language, topics, stances), so that Import
// spends its time storing them rather than in compare.Tag.
func crashBatch(r, b int) ([]compare.Document, []compare.Statement) {
	tag := fmt.Sprintf("run %d batch %d", r, b)
	docs := make([]compare.Document, crashBatchDocs)
	for i := range docs {
		d := compare.Document{
			Parties: []string{"Ukraine", fmt.Sprintf("Party %d", i%3)},
			Title:   fmt.Sprintf("%s doc %d", tag, i),
			Kind:    compare.Proposal, Date: compare.Date(fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28)),
			Language: "en",
		}
		for p := range crashProvisions {
			d.Provisions = append(d.Provisions, compare.Provision{
				Label: strconv.Itoa(p + 1), Order: p,
				Text:   fmt.Sprintf("Provision %d of %s: the parties agree a ceasefire, exchange prisoners and discuss sanctions (%d).", p+1, tag, i),
				Topics: []compare.Topic{compare.Ceasefire, compare.Humanitarian, compare.Sanctions}[:1+p%3],
				Stance: compare.Stances[p%len(compare.Stances)],
			})
		}
		docs[i] = d
	}
	stmts := make([]compare.Statement, crashBatchStatements)
	for i := range stmts {
		stmts[i] = compare.Statement{Date: "2025-06-01", Party: "Ukraine", Speaker: tag, Text: fmt.Sprintf("Statement %d of %s.", i, tag)}
	}
	return docs, stmts
}

// TestHelperImport is not a test: TestCrashSafety runs the test binary with
// it as a child process, which imports batches of documents until killed,
// printing "committed B" after each batch is committed.
func TestHelperImport(t *testing.T) {
	path := os.Getenv(crashDBEnv)
	if path == "" {
		t.Skip("helper process of TestCrashSafety")
	}
	run, _ := strconv.Atoi(os.Getenv(crashRunEnv))
	s, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	deadline := time.Now().Add(time.Minute) // in case the parent dies
	for b := 0; time.Now().Before(deadline); b++ {
		docs, stmts := crashBatch(run, b)
		fmt.Println("importing", b)
		if _, err := s.Import(context.Background(), docs, stmts); err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
		fmt.Println("committed", b)
	}
	os.Exit(0)
}

// TestCrashSafety kills an importing process at random moments and checks
// that the library stays intact and every Import is all or nothing. It runs
// 20 kills (3 with -short); set COUNTERPART_CRASH_ITERATIONS for more.
func TestCrashSafety(t *testing.T) {
	iterations := 20
	if testing.Short() {
		iterations = 3
	}
	if v := os.Getenv(crashIterationsEnv); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Fatalf("%s=%q: %v", crashIterationsEnv, v, err)
		}
		iterations = n
	}
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv(crashSeedEnv); v != "" {
		seed, _ = strconv.ParseUint(v, 10, 64)
	}
	rng := rand.New(rand.NewPCG(seed, 0))
	dir := t.TempDir()
	var path string
	committed := map[string]bool{} // "run batch" reported committed by a child
	found := map[string]bool{}     // "path run batch" found complete after a kill
	interrupted := 0               // kills that left a batch uncommitted
	for run := range iterations {
		if run%5 == 0 {
			// Start a new library every 5 kills, so that checking it stays quick.
			path = filepath.Join(dir, fmt.Sprintf("library-%d.db", run))
			clear(committed)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperImport$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashDBEnv+"="+path, crashRunEnv+"="+strconv.Itoa(run))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string)
		go func() {
			defer close(lines)
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
		}()
		// Kill the child a random moment after it starts importing batch 0
		// (or, one time in four, batch 1), so that most kills land inside
		// an Import whatever the machine's speed.
		target := fmt.Sprintf("importing %d", rng.IntN(4)/3)
		delay := time.Duration(rng.IntN(300)) * time.Millisecond
		inFlight := ""
		read := func(line string) {
			if b, ok := strings.CutPrefix(line, "committed "); ok {
				committed[fmt.Sprintf("run %d batch %s", run, b)] = true
				inFlight = ""
			} else if b, ok := strings.CutPrefix(line, "importing "); ok {
				inFlight = fmt.Sprintf("run %d batch %s", run, b)
			} else if strings.HasPrefix(line, "error") {
				cmd.Process.Kill()
				t.Fatalf("child %d: %s", run, line)
			}
		}
		timeout := time.After(30 * time.Second)
	wait:
		for {
			select {
			case line, ok := <-lines:
				if !ok {
					break wait
				}
				read(line)
				if line == target {
					break wait
				}
			case <-timeout:
				break wait
			}
		}
		time.Sleep(delay)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		for line := range lines {
			read(line)
		}
		cmd.Wait()
		present := checkAfterCrash(t, path, committed, seed)
		if inFlight != "" && !present[inFlight] {
			interrupted++
		}
		for tag := range present {
			found[path+" "+tag] = true
		}
	}
	t.Logf("%d kills (seed %d), %d of them during an Import: %d batches of %d documents committed, each complete",
		iterations, seed, interrupted, len(found), crashBatchDocs)
}

// checkAfterCrash opens the library, checks its integrity and that every
// batch is either fully present or absent, and present if reported
// committed; it returns the batches present.
func checkAfterCrash(t *testing.T, path string, committed map[string]bool, seed uint64) map[string]bool {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("seed %d: reopen after kill: %v", seed, err)
	}
	defer s.Close()
	checkIntegrity(t, s.db)
	count := func(q string) map[string]int {
		rows, err := s.db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		m := map[string]int{}
		for rows.Next() {
			var tag string
			var n int
			if err := rows.Scan(&tag, &n); err != nil {
				t.Fatal(err)
			}
			m[tag] = n
		}
		return m
	}
	docs := count(`SELECT substr(title, 1, instr(title, ' doc ') - 1), count(*) FROM documents GROUP BY 1`)
	provs := count(`SELECT substr(d.title, 1, instr(d.title, ' doc ') - 1), count(*)
		FROM provisions p JOIN documents d ON d.id = p.document_id GROUP BY 1`)
	stmts := count(`SELECT speaker, count(*) FROM statements GROUP BY 1`)
	for tag, n := range docs {
		if n != crashBatchDocs || provs[tag] != crashBatchDocs*crashProvisions || stmts[tag] != crashBatchStatements {
			t.Errorf("seed %d: %s is partly stored: %d documents, %d provisions, %d statements",
				seed, tag, n, provs[tag], stmts[tag])
		}
	}
	for tag := range stmts {
		if docs[tag] == 0 {
			t.Errorf("seed %d: %s has statements but no documents", seed, tag)
		}
	}
	for tag := range committed {
		if docs[tag] == 0 {
			t.Errorf("seed %d: %s was reported committed but is missing", seed, tag)
		}
	}
	var indexed, want int
	s.db.QueryRow("SELECT count(*) FROM search").Scan(&indexed)
	s.db.QueryRow("SELECT (SELECT count(*) FROM provisions) + (SELECT count(*) FROM statements)").Scan(&want)
	if indexed != want {
		t.Errorf("seed %d: search index has %d rows, want %d", seed, indexed, want)
	}
	present := map[string]bool{}
	for tag := range docs {
		present[tag] = true
	}
	return present
}
