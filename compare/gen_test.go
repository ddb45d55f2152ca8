package compare

import (
	"fmt"
	"strings"
)

// genSentences is varied text for generated test documents, in English and
// Russian, in the register of the documents the engine compares.
var genSentences = []string{
	"A complete and unconditional ceasefire in the air, on land and at sea takes effect.",
	"All prisoners are exchanged on an all for all basis and the children are returned.",
	"Sanctions are lifted in stages, with a mechanism to restore them if needed.",
	"Ukraine receives reliable security guarantees from its partners.",
	"The armed forces are capped at a number of personnel agreed by the parties.",
	"Elections are held within one hundred days after martial law is lifted.",
	"The nuclear power plant is restarted under international supervision.",
	"Frozen assets are used for reconstruction until reparations are paid.",
	"Стороны обязуются соблюдать режим прекращения огня на всей линии соприкосновения.",
	"Все военнопленные освобождаются по принципу всех на всех.",
	"Вопросы территорий обсуждаются после полного прекращения огня.",
	"Санкции снимаются поэтапно при выполнении условий соглашения.",
}

var genWords = []string{"promptly", "jointly", "fully", "in good faith", "under monitoring", "без условий", "поэтапно"}

// revisionText returns about `words` words of text made of numbered
// paragraphs; version 1 changes, drops and adds a few words and paragraphs of
// version 0 deterministically.
func revisionText(words, version int) string {
	var b strings.Builder
	n := 0
	for p := 0; n < words; p++ {
		if version == 1 && p%37 == 11 {
			n += 12
			continue // dropped paragraph
		}
		fmt.Fprintf(&b, "%d. ", p+1)
		for s := 0; s < 3; s++ {
			sent := genSentences[(p*3+s)%len(genSentences)]
			if version == 1 && (p*3+s)%17 == 5 {
				w := strings.Fields(sent)
				w[len(w)/2] = genWords[(p+s)%len(genWords)]
				sent = strings.Join(w, " ")
			}
			b.WriteString(sent)
			b.WriteByte(' ')
			n += len(strings.Fields(sent))
		}
		if version == 1 && p%23 == 4 {
			b.WriteString("An added sentence for this revision. ")
		}
		b.WriteString("\n")
	}
	return b.String()
}
