package storage

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"
)

func TestRollingBackupKeepsNewestThree(t *testing.T) {
	path := t.TempDir() + "/lib.db"
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	var last string
	for i := 0; i < 5; i++ {
		if last, err = s.RollingBackup(ctx, start.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	got := Backups(path)
	if len(got) != rollingKeep {
		t.Fatalf("Backups = %v, want %d", got, rollingKeep)
	}
	b, err := Open(last)
	if err != nil {
		t.Fatalf("the newest backup does not open as a library: %v", err)
	}
	b.Close()
}

func TestOpenCorruptLibrary(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/lib.db"
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadSample(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Keep the header and the first pages, then garbage.
	for i := 4096; i < len(b); i++ {
		b[i] = byte(i * 7)
	}
	bad := dir + "/bad.db"
	if err := os.WriteFile(bad, b, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Open(bad)
	if !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrNotLibrary) {
		t.Fatalf("Open(corrupt) = %v, want ErrCorrupt", err)
	}
}
