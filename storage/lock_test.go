package storage

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func TestLockRefusesASecondProcess(t *testing.T) {
	if path := os.Getenv("COUNTERPART_LOCK_CHILD"); path != "" {
		if _, err := Lock(path); !errors.Is(err, ErrLocked) {
			t.Fatalf("child: Lock = %v, want ErrLocked", err)
		}
		return
	}
	path := filepath.Join(t.TempDir(), "lib.db")
	release, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockRefusesASecondProcess$")
	cmd.Env = append(os.Environ(), "COUNTERPART_LOCK_CHILD="+path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("second process: %v\n%s", err, out)
	}
	release()
	again, err := Lock(path)
	if err != nil {
		t.Fatalf("Lock after release = %v", err)
	}
	again()
}
