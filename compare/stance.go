package compare

import (
	"strings"
	"sync"
	"unicode"
)

// DetectLanguage returns the ISO 639-1 code of text's language: "en" for
// Latin script, "ru" or "uk" for Cyrillic (Ukrainian when і, ї, є or ґ
// outnumber the letters only Russian has: ы, э, ъ, ё), or "" when text has no
// letters.
func DetectLanguage(text string) string {
	var latin, cyrillic, uk, ru int
	for _, r := range strings.ToLower(text) {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
			switch r {
			case 'і', 'ї', 'є', 'ґ':
				uk++
			case 'ы', 'э', 'ъ', 'ё':
				ru++
			}
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	switch {
	case latin == 0 && cyrillic == 0:
		return ""
	case latin >= cyrillic:
		return "en"
	case uk > ru:
		return "uk"
	default:
		return "ru"
	}
}

// partyKey names a party as the cue rules see it.
type partyKey string

// partyAliases maps stems of the ways a text names a party to its key.
var partyAliases = []struct {
	key   partyKey
	stems []string
}{
	{"ukraine", []string{"ukrain", "kyiv", "kiev", "украин", "киев", "україн", "київ"}},
	{"russia", []string{"russia", "moscow", "kremlin", "росси", "рф$", "москв", "кремл", "росі", "москов"}},
	{"us", []string{"united states", "usa$", "us$", "america", "washington", "сша$", "соединенн штат", "америк", "вашингтон", "сполучен штат"}},
	{"europe", []string{"europe", "e3$", "united kingdom", "britain", "france", "germany", "европ", "великобритан", "франци", "германи",
		"європ", "британі", "франці", "німеччин"}},
	{"nato", []string{"nato", "нато"}},
	{"both", []string{"both sides", "both parties", "both countries", "the parties", "the sides", "стороны", "обе стороны", "сторони", "обидві сторони"}},
}

// partyPhrases is partyAliases compiled for matching.
var partyPhrases = sync.OnceValue(func() []struct {
	key     partyKey
	phrases []stemTerm
} {
	out := make([]struct {
		key     partyKey
		phrases []stemTerm
	}, len(partyAliases))
	for k, a := range partyAliases {
		out[k].key = a.key
		for _, p := range a.stems {
			var t stemTerm
			words := lexWords(p)
			for i, w := range words {
				t.stems = append(t.stems, stem{text: w, exact: i == len(words)-1 && strings.HasSuffix(p, "$")})
			}
			out[k].phrases = append(out[k].phrases, t)
		}
	}
	return out
})

// partyMentions returns the parties a text names, in order of first mention,
// with the word index of that mention.
func partyMentions(text string) ([]partyKey, []int) {
	words := lexWords(text)
	var keys []partyKey
	var at []int
	seen := map[partyKey]bool{}
	for i := range words {
		for _, a := range partyPhrases() {
			if seen[a.key] {
				continue
			}
			for _, t := range a.phrases {
				if t.match(words[i:]) {
					seen[a.key] = true
					keys = append(keys, a.key)
					at = append(at, i)
					break
				}
			}
		}
	}
	return keys, at
}

// partyKeysOf returns the keys of a document's party names.
func partyKeysOf(names []string) map[partyKey]bool {
	keys := map[partyKey]bool{}
	for _, n := range names {
		ks, _ := partyMentions(n)
		for _, k := range ks {
			keys[k] = true
		}
	}
	return keys
}

// Cues of stances, as lexicon terms: each word must match exactly, or as a
// prefix when it ends in "*"; "#" matches any number.
var (
	demandCue = lazyCues(`must | shall | should | has to | have to | is required to | are required to | is banned | are banned
		| is prohibited | are prohibited | ban | bans | pays | renounces | withdraw | withdraws | leaves | recognises | recognizes
		| may not | is dissolved | are dissolved | ceilings are set | ceiling is set | capped | stops | ceases
		| должн* | обязан* | запрещ* | выплачива* | отказыва* | признае* | признаю* | распуска* | выводит* | прекраща*
		| повинн* | зобов'язана | заборон* | сплачу* | відмовля* | визнає | визнають | розпуска* | виводит* | припиня*`)
	commitmentCue = lazyCues(`undertake | undertakes | agree to | agrees to | agree not | agrees not | commit | commits
		| will ensure | guarantees that | pledge | pledges | обязуется | обязуются | соглашается | гарантирует
		| зобов'язується | зобов'язуються | погоджується | гарантує`)
	benefitCue = lazyCues(`receive | receives | gets | obtain | obtains | is entitled to | is compensated
		| получает | получит | отримує | отримає`)
	procedureCue = lazyCues(`is signed | are signed | is ratified | begin | begins | within # days | within # months | no later than
		| step* | stage* | sequence | phase* | takes effect | enters into force | is set up | are set up | is created
		| is established | meet | deadline* | этап* | подписыва* | подписан* | начина* | в течение | не позднее
		| вступает в силу | созда* | етап* | підписан* | підписує | почина* | протягом | не пізніше | набуває чинност* | створю*`)
)

// cueSet is a compiled list of cue phrases.
type cueSet [][]string

// lazyCues returns a function that compiles list on its first call.
func lazyCues(list string) func() cueSet {
	return sync.OnceValue(func() cueSet { return compileCues(list) })
}

// compileCues reads phrases separated by "|".
func compileCues(list string) cueSet {
	var set cueSet
	for _, p := range strings.Split(list, "|") {
		if f := strings.Fields(p); len(f) > 0 {
			set = append(set, f)
		}
	}
	return set
}

// match reports whether any cue phrase occurs in the words.
func (c cueSet) match(words []string) bool {
	for i := range words {
	next:
		for _, ph := range c {
			if i+len(ph) > len(words) {
				continue
			}
			for k, cw := range ph {
				w := words[i+k]
				switch {
				case cw == "#":
					if w == "" || strings.Trim(w, "0123456789") != "" {
						continue next
					}
				case strings.HasSuffix(cw, "*"):
					if !strings.HasPrefix(w, cw[:len(cw)-1]) {
						continue next
					}
				case w != cw:
					continue next
				}
			}
			return true
		}
	}
	return false
}

// SuggestStance guesses what a provision does from its wording alone:
// demand ("must", "is banned", "должна", "повинна"), commitment ("undertakes",
// "agrees to", "обязуется", "зобов'язується"), procedure ("is signed",
// "begins", "within 30 days", "этап"), else position. Tag refines this with
// the document's authors.
func SuggestStance(text string) Stance {
	words := lexWords(text)
	switch {
	case commitmentCue().match(words):
		return Commitment
	case demandCue().match(words):
		return Demand
	case procedureCue().match(words):
		return Procedure
	default:
		return Position
	}
}

// stanceFor guesses a provision's stance for the parties that wrote it. A
// provision whose subject is another party is a demand on that party; one
// whose subject is the author, or both sides, is a commitment when it binds
// them; the wording decides the rest.
func stanceFor(text string, authors map[partyKey]bool) Stance {
	cue := SuggestStance(text)
	if len(authors) == 0 {
		return cue
	}
	keys, at := partyMentions(text)
	var subject partyKey
	var others, own bool
	for i, k := range keys {
		if k == "both" {
			if at[i] <= 2 && subject == "" {
				subject = k
			}
			continue
		}
		if authors[k] {
			own = true
		} else {
			others = true
		}
		if at[i] <= 4 && subject == "" {
			subject = k
		}
	}
	switch {
	case subject == "both":
		if cue != Procedure {
			return Commitment
		}
		return cue
	case subject != "" && !authors[subject] && subject != "nato":
		// "Ukraine becomes neutral" in another party's text.
		return Demand
	case subject != "" && authors[subject]:
		// "Ukraine receives guarantees" in Ukraine's text asks for them.
		if benefitCue().match(lexWords(text)) {
			return Demand
		}
		if cue != Procedure {
			return Commitment
		}
		return cue
	case subject == "" && others && !own:
		// "Ceilings are set on the strength of Ukraine's armed forces."
		if cue != Procedure {
			return Demand
		}
	}
	return cue
}

// Tag fills in what is missing on d: the language of the document and each
// provision's topics and stance. A provision whose own words name no topic
// takes the topics of its heading, then of its sub-items. Values already set
// (by an analyst, say) are kept.
func Tag(d *Document) {
	if d.Language == "" {
		var b strings.Builder
		for _, p := range d.Provisions {
			b.WriteString(p.Text)
			b.WriteByte(' ')
		}
		d.Language = DetectLanguage(b.String())
	}
	authors := partyKeysOf(d.Parties)
	for i := range d.Provisions {
		p := &d.Provisions[i]
		if len(p.Topics) == 0 {
			p.Topics = SuggestTopics(p.Text)
			if len(p.Topics) == 0 && p.Heading != "" {
				p.Topics = SuggestTopics(p.Heading)
			}
			if len(p.Topics) == 0 {
				p.Topics = SuggestTopics(childText(d, i))
			}
			if p.Topics == nil {
				p.Topics = []Topic{}
			}
		}
		if p.Stance == "" {
			p.Stance = stanceFor(p.Text, authors)
		}
	}
}

// childText joins the texts of the sub-items of provision i.
func childText(d *Document, i int) string {
	label := d.Provisions[i].Label
	var b strings.Builder
	for _, c := range d.Provisions {
		if c.Parent == label && label != "" {
			b.WriteString(c.Text)
			b.WriteByte(' ')
		}
	}
	return b.String()
}
