// Package locale maps the POSIX "C" locale to English before Fyne reads it.
//
// Fyne's lang package reads the user's locale while it initialises and logs
// "Error parsing user locale C" when LANG is C, C.UTF-8 or POSIX, as it is on
// many servers and CI machines, including for command-line subcommands that
// never open a window. Go initialises packages in import-path order once
// their dependencies are ready, so this package ("counterpart/…") runs before
// "fyne.io/fyne/v2/lang"; main imports it for that effect alone.
package locale

import (
	"os"
	"strings"
)

func init() {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		val, ok := os.LookupEnv(v)
		if !ok || val == "" {
			continue
		}
		if l, _, _ := strings.Cut(val, "."); l == "C" || l == "POSIX" {
			os.Setenv(v, "en_US.UTF-8")
		}
	}
}
