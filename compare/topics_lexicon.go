package compare

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A concept is one idea of the negotiations (prisoners, a ceasefire, a
// security guarantee…) with the words that express it in English, Russian and
// Ukrainian. Concepts carry topics, and they let the aligner see that two
// provisions in other words, or in other languages, speak of the same thing.
//
// A term is a phrase of word stems separated by spaces: each stem matches a
// word that starts with it ("санкц" matches "санкции" and "санкцій"), or only
// the word itself when it ends in "$". A term that starts with "!" excludes:
// a word that starts with it never starts a match of the concept
// ("!свободн" keeps "свободно" out of "свобод"). Words are lower-cased, ё is read as е
// and typographic apostrophes as "'" before matching.
type concept struct {
	name  string
	topic Topic
	terms []string
}

var concepts = append([]concept{
	// Ceasefire and monitoring.
	{"ceasefire", Ceasefire, []string{"ceasefire", "cease fire", "truce", "armistice", "cessation of hostilities", "end hostilities", "pause in military operations", "pause in the fighting", "pause in fighting", "humanitarian pause", "lull", "end of hostilities", "halt to the fighting",
		"прекра огон", "прекра огн", "прекращ боев", "прекращ военн действ",
		"прекращени огн", "прекращени боев", "перемири", "режим тишин", "прекращени военных действ",
		"припиненн вогн", "припиненн бойов", "перемир", "режим тиш"}},
	{"monitoring", Ceasefire, []string{"monitor", "observer", "verif", "surveillance", "early warning", "control the ceasefire",
		"мониторинг", "наблюдател", "наблюдени", "верификац", "контрол за", "контрол соблюдени", "контрол режим", "контрол выполнени",
		"моніторинг", "спостерігач", "спостереж", "верифікац"}},

	// Territory.
	{"territory", Territory, []string{"territor", "region", "oblast", "border", "annex", "crimea", "donetsk", "donbas", "luhansk", "lugansk",
		"zaporizhzhia region", "zaporozhye region", "kherson", "occupied", "occupation", "frontier", "оккупац", "окупац",
		"территор", "регион", "област", "границ", "аннекс", "крым", "донец", "донбас", "луган", "херсон", "оккупир",
		"територ", "регіон", "кордон", "анекс", "крим", "донеч", "донбас", "луганськ", "окупов"}},
	{"line-of-contact", Territory, []string{"line of contact", "contact line", "front line", "frontline", "where the troops stand",
		"лини соприкосновен", "лини фронт", "лінія зіткненн", "лінії зіткненн", "лінія фронт", "лінії фронт", "лінії розмежуванн", "лінія розмежуванн"}},
	{"recognition", Territory, []string{"recogni", "acknowledg", "de jure", "de facto", "призна", "визна"}},
	{"withdrawal", Territory, []string{"withdraw", "pull back", "pulls back", "pull out", "pulls out", "pulled out", "reposition", "disengag", "разведени", "розведенн", "leave those", "leave the", "redeploy", "gives up other territories",
		"вывод", "вывест", "отвод", "отвест", "покин", "покида", "передислокац",
		"виведенн", "вивест", "відвед", "залиш територ", "передислокац"}},
	{"buffer-zone", Territory, []string{"buffer zone", "demilitari", "буферн", "демилитари", "демілітари"}},
	{"sovereignty", Territory, []string{"sovereignty", "independence", "territorial integrity", "суверенитет", "независимост", "территориальн целостн",
		"суверенітет", "незалежн", "територіальн цілісн"}},

	// Neutrality and alliances.
	{"nato", Alliances, []string{"nato", "north atlantic", "alliance", "нато", "альянс", "североатлант", "північноатлант"}},
	{"neutrality", Alliances, []string{"neutral", "non-bloc", "non bloc", "non-aligned", "non aligned", "military alliances", "blocs",
		"нейтрал", "внеблок", "военн союз", "военно-политическ", "позаблок", "військов союз"}},
	{"eu", Alliances, []string{"european union", "eu$", "европейск союз", "евросоюз", "ес$", "європейськ союз", "євросоюз", "єс$"}},
	{"membership", Alliances, []string{"membership", "member", "join$", "joins$", "joined$", "joining$", "accession", "admitted", "членств", "вступлени", "вступит", "членств", "вступ$", "вступу$", "вступит"}},

	// Armed forces limits.
	{"force-limits", ArmedForces, []string{"ceiling", "capped", "cap on", "limit on the size", "limits are placed", "strength of", "number of weapons",
		"size of", "personnel", "потолок", "потолк", "численност", "ограничени численност", "предельн",
		"чисельн", "обмеженн чисельн", "граничн"}},
	{"armed-forces", ArmedForces, []string{"armed forces", "army", "military formations", "armed formations", "defence forces", "defense forces",
		"вооруженн сил", "сил оборон", "сили оборон", "арми", "вооруженн формирован", "збройн сил", "армі", "збройн формуван"}},
	{"mobilisation", ArmedForces, []string{"mobilis", "mobiliz", "demobil", "мобилиз", "демобилиз", "мобіліз", "демобіліз"}},
	{"nationalist-units", ArmedForces, []string{"nationalist formations", "national guard", "националистическ формирован", "национальн гварди",
		"націоналістичн формуван", "національн гварді"}},

	// Foreign troops and military aid.
	{"foreign-troops", ForeignTroops, []string{"foreign troops", "foreign military", "third states", "third countries", "troops of friendly",
		"military bases", "bases", "military infrastructure", "military presence", "station troops", "contingent", "troops under its command",
		"иностранн войск", "иностранн воинск", "трет стран", "трет государств", "присутстви войск", "размещ войск", "размещени войск", "военн баз", "баз$", "военн инфраструктур",
		"военн присутств", "контингент", "іноземн військ", "трет країн", "трет держав", "присутн військ", "розміщ військ", "розміщенн військ", "військов баз", "військов інфраструктур",
		"військов присутн", "контингент"}},
	{"military-aid", ForeignTroops, []string{"military aid", "military assistance", "arms supplies", "supplies of military", "weapons deliveries",
		"military products", "intelligence data", "intelligence sharing", "military intelligence", "satellite", "fighter jets", "aircraft",
		"военн помощ", "поставк", "разведыват", "спутник", "истребител",
		"військов допомог", "постачанн", "розвідувальн", "супутник", "винищувач"}},
	{"foreign-fighters", ForeignTroops, []string{"foreign specialists", "mercenar", "foreign fighters", "иностранн специалист", "наемник",
		"іноземн спеціаліст", "найманц"}},

	// Security guarantees.
	{"security-guarantees", Guarantees, []string{"security guarantee", "guarantees of security", "guarantor", "underwrit", "article 5", "reassurance",
		"гаранти безопасност", "гарант$", "гаранты", "гарантов", "гаранті безпек", "гарантій безпек", "гаранта"}},
	{"non-aggression", Guarantees, []string{"non-aggression", "non aggression", "aggression", "invade", "invasion", "attack", "by force",
		"by military means", "recur", "ненападени", "агресси", "вторжени", "вторг", "вторгн", "нападени", "силов", "силой", "военным путем",
		"ненапад", "агресі", "вторгненн", "напад", "силою", "військовим шляхом"}},
	{"security-dialogue", Guarantees, []string{"security questions", "security issues", "security architecture", "ease tensions",
		"вопрос безопасност", "архитектур безопасност", "питан безпек", "архітектур безпек"}},

	// Nuclear safety and weapons.
	{"nuclear", Nuclear, []string{"nuclear", "weapons of mass destruction", "non-proliferation", "npt", "iaea", "power plant",
		"ядерн", "безъядерн", "без'ядерн", "массового поражени", "нераспространени", "магатэ", "аэс",
		"масового ураженн", "нерозповсюдженн", "магате", "аес", "атомн"}},

	// Humanitarian.
	{"prisoners", Humanitarian, []string{"prisoner", "pow$", "pows$", "captive", "detainee", "detained", "hostage", "all for all",
		"пленн", "военнопленн", "заложник", "задержанн", "всех на всех",
		"полонен", "військовополонен", "заручник", "затриман", "всіх на всіх"}},
	{"children-families", Humanitarian, []string{"child", "deported", "deportation", "forcibly displaced", "дет$", "дети$", "детей$", "детям$", "ребен", "депорт",
		"діт$", "діти$", "дітей$", "дитин", "депорт", "reunif", "reunite", "famil", "displaced persons", "refugee", "displaced$", "driven from", "переселенц", "воссоединени", "сем$", "семей", "семь", "беженц", "перемещенн",
		"возз'єднанн", "родин", "сімей", "біженц", "переміщен"}},
	{"civilians", Humanitarian, []string{"civilian", "civil population", "resident", "inhabitant", "жител", "населени$", "мешканц", "мирн жител", "мирн населени", "гражданск лиц", "гражданск заложник", "гражданск населени",
		"цивільн", "мирн населенн"}},
	{"bodies", Humanitarian, []string{"bodies of", "and bodies", "remains of", "the dead", "fallen", "тел$", "тела$", "телам", "тел погибш", "останк", "погибш",
		"тіл$", "тіла$", "тілам", "загибл", "останк"}},
	{"humanitarian", Humanitarian, []string{"humanitarian", "гуманитарн", "гуманітарн"}},

	// Sanctions and economic relations.
	{"sanctions", Sanctions, []string{"sanction", "restrictive measures", "embargo", "bans and restrictive", "санкц", "ограничительн мер", "ембарго", "эмбарго",
		"санкці", "обмежувальн"}},
	{"economy", Sanctions, []string{"economic cooperation", "economic relations", "world economy", "trade", "market", "energy", "gas", "g8", "g7",
		"экономическ сотруднич", "экономическ связ", "экономическ отношени", "мирову экономик", "торгов", "рынок", "рынк", "энергет", "газ",
		"економічн співпрац", "економічн зв'яз", "економічн відносин", "світов економік", "торгів", "ринок", "ринк", "енергет", "газ"}},
	{"transport", Sanctions, []string{"transport", "transit", "shipping", "shipped", "navigation", "grain", "black sea", "river",
		"транспорт", "транзит", "судоходств", "зерн", "черн мор", "черном мор", "транспорт", "судноплавств", "зерн", "чорн мор", "чорному мор"}},

	// Assets, reparations and reconstruction.
	{"assets", Assets, []string{"assets", "frozen assets", "frozen funds", "frozen russian", "funds", "актив", "заморож актив", "заморож средств", "заморож российск", "заморож російськ", "фонд"}},
	{"reparations", Assets, []string{"reparation", "compensat", "damage", "claims", "репарац", "компенсац", "ущерб", "претензи", "збит", "шкод", "претензі"}},
	{"reconstruction", Assets, []string{"reconstruct", "rebuil", "recovery", "development fund", "investment", "world bank",
		"восстановлени украин", "восстановлени инфраструктур", "восстановлени город", "восстановлени экономик", "восстановлени разруш", "реконструкц", "инвестиц", "всемирн банк", "відновленн україн", "відновленн інфраструктур", "відновленн міст", "відновленн економік", "відбудов", "інвестиц", "світов банк"}},

	// Elections and governance.
	{"elections", Elections, []string{"election", "vote", "referendum", "ballot", "выбор", "референдум", "голосовани", "вибор", "голосуванн"}},
	{"martial-law", Elections, []string{"martial law", "военн положени", "воєнн стан"}},
	{"governance", Elections, []string{"governing bodies", "government", "legitima", "органов власти", "органы власти", "легитим", "органів влади", "органи влади", "легітим"}},

	// Language, religion, culture and rights.
	{"language", Rights, []string{"language", "linguistic", "russian-speaking", "russian speaking", "язык", "русскоязычн", "мов$", "мова", "мови", "мову", "мовн", "російськомовн"}},
	{"religion", Rights, []string{"church", "religio", "orthodox", "faith", "церков", "церкв", "религи", "православ", "конфесси", "церкв", "релігі", "православн", "конфесі"}},
	{"nazism", Rights, []string{"nazi", "neo-nazi", "fascis", "glorification", "propaganda", "нацизм", "неонацизм", "нацистск", "героизац", "пропаганд", "фашизм",
		"нацист", "героїзац"}},
	{"rights", Rights, []string{"rights", "freedoms", "minorit", "discriminat", "intoleran", "tolerance", "culture", "media$", "education",
		"прав и свобод", "свобод", "!свободн", "меньшинств", "дискриминац", "толерант", "культур", "сми$", "образовани",
		"прав і свобод", "меншин", "дискримінац", "толерант", "культур", "змі$", "освіт"}},

	// Amnesty and justice.
	{"amnesty", Amnesty, []string{"amnest", "pardon", "political prisoners", "амнист", "помилова", "политзаключ", "политическ заключ", "амніст", "помилуван", "політв'язн"}},
	{"justice", Amnesty, []string{"war crimes", "tribunal", "accountab", "prosecut", "justice", "renounce future claims",
		"военн преступлени", "трибунал", "ответственност", "воєнн злочин", "трибунал", "відповідальн"}},

	// Sequencing and implementation.
	{"settlement", Implementation, []string{"peace treaty", "peace agreement", "final settlement", "settlement", "end of the war", "end to the war",
		"end the war", "treaty", "мирн договор", "мирн соглашени", "окончательн урегулировани", "урегулировани", "договор$", "договора$", "договору$", "договором$", "договоре$", "окончани войн", "завершени войн",
		"мирн угод", "остаточн врегулюванн", "врегулюванн", "договір$", "договору$", "договором$", "договорі$", "закінченн війн", "завершенн війн"}},
	{"signing", Implementation, []string{"sign$", "signs$", "signed", "signing", "signature", "ratif", "enters into force", "legally binding", "endorse",
		"подписа", "подписыв", "ратифиц", "вступает в силу", "юридически обязывающ", "підпис", "ратифік", "набуває чинност", "юридично обов"}},
	{"sequence", Implementation, []string{"stage", "phase", "step", "sequence", "deadline", "roadmap", "timetable", "schedule",
		"этап", "поэтапн", "шаг", "последовательност", "срок", "дорожн карт", "график",
		"етап", "поетапн", "крок", "послідовн", "строк", "термін", "дорожн карт", "графік"}},
	{"negotiations", Implementation, []string{"negotiat", "talks", "meeting", "meet$", "summit", "dialogue", "mediat",
		"переговор", "встреч", "саммит", "диалог", "посредн", "переговор", "зустр", "саміт", "діалог", "посередн"}},
	{"joint-body", Implementation, []string{"council", "working group", "committee", "commission", "joint centre", "bilateral centre", "centre",
		"security council", "united nations", "совет", "рабоч групп", "комисси", "комитет", "центр", "оон", "рада$", "ради$", "робоч груп", "коміс", "комітет", "оон"}},

	// The vocabulary of any negotiation, whatever its subject: such
	// concepts carry no topic (they tell provisions apart, not subjects).
	// Exact forms where a stem would catch other words (спорт, судно).
	{"dispute-settlement", "", []string{"arbitrat", "arbitral", "dispute", "disagreement", "differences", "court", "adjudicat",
		"арбитраж", "разноглас", "спор$", "спора$", "спору$", "спором$", "споре$", "споры$", "споров$", "спорам$", "спорами$", "спорах$",
		"суд$", "суду$", "судом$", "суде$", "судебн", "lawsuit", "litigation", "legal proceedings", "иск$", "иски$", "исков",
		"арбітраж", "розбіжн", "спір$", "спору$", "спором$", "спорі$", "спори$", "спорів$", "спорам$", "спорами$", "спорах$",
		"суд$", "суду$", "судом$", "суді$", "судов"}},
}, paraphrases...)

// stemTerm is one compiled term: a phrase of stems.
type stemTerm struct {
	concept int
	stems   []stem
	not     []string // exclusions of the concept (see concept)
}

type stem struct {
	text  string
	exact bool
}

// lexicon indexes the terms by the first two letters of their first stem
// (lexKey).
var lexicon = sync.OnceValue(compileLexicon)

// lexKey is the first two letters of a word, or the word if shorter.
func lexKey(w string) string {
	_, a := utf8.DecodeRuneInString(w)
	_, b := utf8.DecodeRuneInString(w[a:])
	return w[:a+b]
}

func compileLexicon() map[string][]stemTerm {
	idx := map[string][]stemTerm{}
	for ci, c := range concepts {
		seen := map[string]bool{}
		var not []string
		for _, term := range c.terms {
			if strings.HasPrefix(term, "!") {
				not = append(not, strings.TrimPrefix(term, "!"))
			}
		}
		for _, term := range c.terms {
			if seen[term] {
				continue
			}
			seen[term] = true
			if strings.HasPrefix(term, "!") {
				continue
			}
			words := lexWords(term)
			var st stemTerm
			st.concept = ci
			st.not = not
			for i, w := range words {
				s := stem{text: w}
				if i == len(words)-1 && strings.HasSuffix(term, "$") {
					s.exact = true
				}
				st.stems = append(st.stems, s)
			}
			if len(st.stems) == 0 {
				continue
			}
			first := lexKey(st.stems[0].text)
			if utf8.RuneCountInString(first) < 2 {
				panic("compare: lexicon term " + term + " starts with a stem of one letter")
			}
			idx[first] = append(idx[first], st)
		}
	}
	return idx
}

// lexWords lower-cases s and splits it into words for lexicon matching:
// runs of letters, digits and apostrophes, with ё read as е and
// typographic apostrophes (’ ʼ `) as "'".
func lexWords(s string) []string {
	buf := make([]byte, 0, len(s))
	var ends []int // end offset in buf of each word
	in := false
	for _, r := range s {
		switch {
		case r == '’' || r == 'ʼ' || r == '`':
			r = '\''
		case r == 'ё' || r == 'Ё':
			r = 'е'
		}
		if r != '\'' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if in {
				ends = append(ends, len(buf))
				in = false
			}
			continue
		}
		in = true
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	if in {
		ends = append(ends, len(buf))
	}
	all := string(buf)
	words := make([]string, len(ends))
	start := 0
	for k, end := range ends {
		words[k] = all[start:end]
		start = end
	}
	return words
}

// conceptCounts returns how often each concept's terms occur in text, by
// concept index. Overlapping terms of one concept ("peace treaty" and
// "treaty") count once.
func conceptCounts(text string) map[int]int { return conceptsIn(lexWords(text)) }

// conceptsIn is conceptCounts on a text's lexWords.
func conceptsIn(words []string) map[int]int {
	counts := map[int]int{}
	lex := lexicon()
	until := map[int]int{} // concept → first word index after its last match
	for i, w := range words {
		if w == "" {
			continue
		}
		for _, t := range lex[lexKey(w)] {
			if i < until[t.concept] || !t.match(words[i:]) {
				continue
			}
			counts[t.concept]++
			until[t.concept] = i + len(t.stems)
		}
	}
	return counts
}

func (t stemTerm) match(words []string) bool {
	if len(words) < len(t.stems) {
		return false
	}
	for _, n := range t.not {
		if strings.HasPrefix(strings.Trim(words[0], "'"), n) {
			return false
		}
	}
	for i, s := range t.stems {
		w := strings.Trim(words[i], "'")
		if s.exact && w != s.text || !s.exact && !strings.HasPrefix(w, s.text) {
			return false
		}
	}
	return true
}

// SuggestTopics returns the topics of the taxonomy that text speaks of,
// most mentioned first. It recognises English, Russian and Ukrainian words
// by their stems, so inflected forms count too.
func SuggestTopics(text string) []Topic { return topicsOf(lexWords(text)) }

// topicsOf is SuggestTopics on a text's lexWords.
func topicsOf(words []string) []Topic {
	weight := map[Topic]int{}
	for ci, n := range conceptsIn(words) {
		weight[concepts[ci].topic] += n
	}
	return rankTopics(weight)
}

// rankTopics orders topics by weight, then by taxonomy order.
func rankTopics(weight map[Topic]int) []Topic {
	var out []Topic
	for _, t := range Topics {
		if weight[t] > 0 {
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return weight[out[i]] > weight[out[j]] })
	return out
}
