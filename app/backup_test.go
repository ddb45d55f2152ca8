package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"counterpart/storage"
)

func TestCopyBackupIsAnOpenableLibrary(t *testing.T) {
	dir := t.TempDir()
	s, err := storage.Open(filepath.Join(dir, "lib.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.LoadSample(ctx); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := copyBackup(ctx, s.Backup, &buf); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "copy.db")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := storage.Open(out)
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	defer b.Close()
	want, _ := s.Documents(ctx)
	got, err := b.Documents(ctx)
	if err != nil || len(got) != len(want) || len(got) == 0 {
		t.Errorf("backup has %d documents (%v), want %d", len(got), err, len(want))
	}
}
