package ingest

import (
	"sort"
	"strings"

	"counterpart/compare"
)

// withFrontMatter returns src with its front matter block completed: fields
// in overrides replace the block's own, fields in defaults fill the ones it
// lacks. A text without a block gets one when there is anything to put in
// it. A block that is not closed is left as it is, for compare.Parse to
// report.
func withFrontMatter(src []byte, defaults, overrides map[string]string) []byte {
	if len(defaults) == 0 && len(overrides) == 0 {
		return src
	}
	text := strings.TrimPrefix(string(src), "\uFEFF")
	lines := strings.Split(text, "\n")
	end := -1
	if strings.TrimSpace(lines[0]) == "---" {
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "---" {
				end = i
				break
			}
		}
		if end < 0 {
			return src
		}
	}
	var block []string
	have := map[string]bool{}
	if end > 0 {
		for _, line := range lines[1:end] {
			key, _, ok := strings.Cut(strings.TrimSpace(line), ":")
			key = strings.ToLower(strings.TrimSpace(key))
			if key == "parties" {
				key = "party"
			}
			if ok && overrides[key] != "" {
				continue // replaced below
			}
			if ok {
				have[key] = true
			}
			block = append(block, line)
		}
	}
	add := func(fields map[string]string, skipPresent bool) {
		keys := make([]string, 0, len(fields))
		for k := range fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v := compare.Normalize(fields[k])
			if v == "" || (skipPresent && have[k]) {
				continue
			}
			// A " #" would start a comment; keep the value whole.
			v = strings.ReplaceAll(v, " #", " ＃")
			block = append(block, k+": "+v)
			have[k] = true
		}
	}
	add(overrides, false)
	add(defaults, true)
	if len(block) == 0 && end < 0 {
		return src
	}
	rest := lines
	if end > 0 {
		rest = lines[end+1:]
	}
	var b strings.Builder
	b.WriteString("---\n")
	for _, line := range block {
		b.WriteString(line)
		b.WriteByte('\n')
	}
	b.WriteString("---\n")
	b.WriteString(strings.Join(rest, "\n"))
	return []byte(b.String())
}
