package compare

import (
	"strings"
	"unicode/utf8"
)

// stemWord strips the commonest inflectional endings from a lower-cased
// word: English plurals and -ing/-ed forms, and the case, number and verb
// endings of Russian and Ukrainian (a light cut in the spirit of Snowball,
// without its regions). It keeps at least minStem letters, so short words
// are left alone. Related words still differ in their stems ("огонь",
// "огня"); the character n-grams catch what this misses.
func stemWord(w string) string {
	if w == "" {
		return w
	}
	r, _ := utf8.DecodeRuneInString(w)
	if r < 0x400 || r > 0x4ff {
		return stemLatin(w)
	}
	return stemCyrillic(w)
}

// minStem is the fewest letters a stem keeps.
const minStem = 3

// cut removes suffix from w if what is left has at least minStem letters.
func cut(w, suffix string) (string, bool) {
	if !strings.HasSuffix(w, suffix) {
		return w, false
	}
	rest := w[:len(w)-len(suffix)]
	if utf8.RuneCountInString(rest) < minStem {
		return w, false
	}
	return rest, true
}

func stemLatin(w string) string {
	w = strings.TrimSuffix(w, "'s")
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w, _ = cut(w, "s")
	}
	for _, s := range []string{"ingly", "edly", "ing", "ed"} {
		if rest, ok := cut(w, s); ok {
			w = rest
			// "stopped" → "stopp" → "stop"; "filled" keeps "fill".
			if n := len(w); n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("lsz", rune(w[n-1])) {
				w = w[:n-1]
			}
			break
		}
	}
	if rest, ok := cut(w, "e"); ok {
		// "release", "released", "releasing" → "releas".
		w = rest
	}
	return w
}

// cyrillicEndings are Russian and Ukrainian endings, longest first.
var cyrillicEndings = [...]string{
	"иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ьми",
	"ах", "ях", "ов", "ев", "ів", "ей", "ой", "ий", "ый", "ій", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю",
	"ом", "ем", "ам", "ям", "им", "ым", "ім", "их", "ых", "ою", "ею", "ия", "ию", "ья", "ье", "ью",
	"ют", "ут", "ят", "ат", "ет", "ит", "ть", "ти",
	"а", "я", "о", "е", "ы", "и", "і", "ї", "у", "ю", "ь", "й", "є",
}

func stemCyrillic(w string) string {
	for _, refl := range []string{"ся", "сь"} {
		if rest, ok := cut(w, refl); ok && utf8.RuneCountInString(rest) > 4 {
			w = rest
			break
		}
	}
	for _, e := range cyrillicEndings {
		if rest, ok := cut(w, e); ok {
			return rest
		}
	}
	return w
}
