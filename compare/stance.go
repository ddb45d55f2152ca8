package compare

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// DetectLanguage returns the ISO 639-1 code of text's language: "en" for
// Latin script, "ru" or "uk" for Cyrillic (Ukrainian when і, ї, є or ґ
// outnumber the letters only Russian has: ы, э, ъ, ё), or "" when text has no
// letters.
func DetectLanguage(text string) string {
	var latin, cyrillic, uk, ru int
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
			switch unicode.ToLower(r) {
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

// partyTerm is one compiled alias of a party.
type partyTerm struct {
	key  partyKey
	term stemTerm
}

// partyPhrases is partyAliases compiled for matching, indexed by the first
// letter of the alias, in the order of partyAliases.
var partyPhrases = sync.OnceValue(func() map[rune][]partyTerm {
	out := map[rune][]partyTerm{}
	for _, a := range partyAliases {
		for _, p := range a.stems {
			var t stemTerm
			words := lexWords(p)
			for i, w := range words {
				t.stems = append(t.stems, stem{text: w, exact: i == len(words)-1 && strings.HasSuffix(p, "$")})
			}
			first, _ := utf8.DecodeRuneInString(words[0])
			out[first] = append(out[first], partyTerm{a.key, t})
		}
	}
	return out
})

// partyMentions returns the parties a text names, in order of first mention,
// with the word index of that mention.
func partyMentions(words []string) ([]partyKey, []int) {
	var keys []partyKey
	var at []int
	index := partyPhrases()
	for i, w := range words {
		first, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "'"))
		for _, p := range index[first] {
			if !slices.Contains(keys, p.key) && p.term.match(words[i:]) {
				keys = append(keys, p.key)
				at = append(at, i)
			}
		}
	}
	return keys, at
}

// partyKeysOf returns the keys of a document's party names.
func partyKeysOf(names []string) map[partyKey]bool {
	keys := map[partyKey]bool{}
	for _, n := range names {
		ks, _ := partyMentions(lexWords(n))
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

// cueSet is a compiled list of cue phrases, indexed by the first letter of
// their first word (0 for phrases that start with a number).
type cueSet map[rune][][]cueWord

// cueWord is one word of a cue phrase.
type cueWord struct {
	text   string
	prefix bool // matches words that start with text ("должн*")
	number bool // matches any number ("#")
}

// lazyCues returns a function that compiles list on its first call.
func lazyCues(list string) func() cueSet {
	return sync.OnceValue(func() cueSet { return compileCues(list) })
}

// compileCues reads phrases separated by "|".
func compileCues(list string) cueSet {
	set := cueSet{}
	for _, p := range strings.Split(list, "|") {
		var phrase []cueWord
		for _, f := range strings.Fields(p) {
			switch {
			case f == "#":
				phrase = append(phrase, cueWord{number: true})
			case strings.HasSuffix(f, "*"):
				phrase = append(phrase, cueWord{text: f[:len(f)-1], prefix: true})
			default:
				phrase = append(phrase, cueWord{text: f})
			}
		}
		if len(phrase) > 0 {
			first, _ := utf8.DecodeRuneInString(phrase[0].text)
			if phrase[0].number {
				first = 0
			}
			set[first] = append(set[first], phrase)
		}
	}
	return set
}

// match reports whether any cue phrase occurs in the words.
func (c cueSet) match(words []string) bool {
	for i, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		if c.matchAt(c[first], words[i:]) || first >= '0' && first <= '9' && c.matchAt(c[0], words[i:]) {
			return true
		}
	}
	return false
}

// matchAt reports whether one of the phrases starts the words.
func (c cueSet) matchAt(phrases [][]cueWord, words []string) bool {
next:
	for _, ph := range phrases {
		if len(ph) > len(words) {
			continue
		}
		for k, cw := range ph {
			w := words[k]
			switch {
			case cw.number:
				if w == "" || strings.Trim(w, "0123456789") != "" {
					continue next
				}
			case cw.prefix:
				if !strings.HasPrefix(w, cw.text) {
					continue next
				}
			case w != cw.text:
				continue next
			}
		}
		return true
	}
	return false
}

// SuggestStance guesses what a provision does from its wording alone:
// demand ("must", "is banned", "должна", "повинна"), commitment ("undertakes",
// "agrees to", "обязуется", "зобов'язується"), procedure ("is signed",
// "begins", "within 30 days", "этап"), else position. Tag refines this with
// the document's authors.
func SuggestStance(text string) Stance { return suggestStance(lexWords(text)) }

// suggestStance is SuggestStance on the text's lexWords.
func suggestStance(words []string) Stance {
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
func stanceFor(words []string, authors map[partyKey]bool) Stance {
	cue := suggestStance(words)
	if len(authors) == 0 {
		return cue
	}
	keys, at := partyMentions(words)
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
		if benefitCue().match(words) {
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
		words := lexWords(p.Text)
		if len(p.Topics) == 0 {
			p.Topics = topicsOf(words)
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
			p.Stance = stanceFor(words, authors)
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
