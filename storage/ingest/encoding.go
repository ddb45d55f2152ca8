package ingest

import (
	"bytes"
	"errors"
	"math"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Encoding names a text encoding that DetectEncoding recognises.
type Encoding string

// The encodings DetectEncoding recognises.
const (
	UTF8        Encoding = "UTF-8"
	UTF16LE     Encoding = "UTF-16LE"
	UTF16BE     Encoding = "UTF-16BE"
	Windows1251 Encoding = "windows-1251"
	KOI8R       Encoding = "KOI8-R"
)

// errUnknownEncoding is the detail of ErrEncoding.
var errUnknownEncoding = errors.New("the text is not UTF-8, and it does not read as Russian or Ukrainian in Windows-1251 or KOI8-R")

// DetectEncoding tells the encoding of a text: UTF-8 (with or without a
// byte order mark), UTF-16 with a byte order mark, or, for text that is not
// UTF-8, the Cyrillic code page under which it reads most like Russian or
// Ukrainian. It returns an error when it cannot tell rather than guess: text
// in a Western code page, or too little Cyrillic to judge.
func DetectEncoding(data []byte) (Encoding, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		return UTF8, nil
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		return UTF16LE, nil
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		return UTF16BE, nil
	case validUTF8(data):
		return UTF8, nil
	}
	best, bestScore, second := Encoding(""), math.Inf(-1), math.Inf(-1)
	for _, enc := range []Encoding{Windows1251, KOI8R} {
		s, ok := cyrillicScore(codec(enc), data)
		if !ok {
			continue
		}
		switch {
		case s > bestScore:
			best, bestScore, second = enc, s, bestScore
		case s > second:
			second = s
		}
	}
	// Scores are mean log-probabilities per letter; demand a clear winner.
	if best == "" || bestScore < -4.2 || bestScore-second < 0.3 {
		return "", errUnknownEncoding
	}
	return best, nil
}

// validUTF8 reports whether data is UTF-8, allowing a sequence cut short at
// the very end (a truncated download).
func validUTF8(data []byte) bool {
	if utf8.Valid(data) {
		return true
	}
	for k := 1; k <= 3 && k < len(data); k++ {
		tail := data[len(data)-k:]
		if utf8.Valid(data[:len(data)-k]) && utf8.RuneStart(tail[0]) && !utf8.FullRune(tail) {
			return true
		}
	}
	return false
}

// codec returns the decoder of a single-byte encoding.
func codec(e Encoding) *charmap.Charmap {
	if e == KOI8R {
		return charmap.KOI8R
	}
	return charmap.Windows1251
}

// decode converts data in encoding e to a UTF-8 string without a byte order
// mark.
func decode(e Encoding, data []byte) (string, error) {
	var dec encoding.Encoding
	switch e {
	case UTF8:
		data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
		if !utf8.Valid(data) {
			data = bytes.ToValidUTF8(data, nil) // only a cut-off last sequence
		}
		return string(data), nil
	case UTF16LE:
		dec = xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM)
	case UTF16BE:
		dec = xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM)
	default:
		dec = codec(e)
	}
	out, err := dec.NewDecoder().Bytes(data)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// decodeText detects the encoding of a text file and converts it to UTF-8.
func decodeText(name string, data []byte) (string, Encoding, error) {
	enc, err := DetectEncoding(data)
	if err != nil {
		return "", "", fail(name, ErrEncoding, nil)
	}
	text, err := decode(enc, data)
	if err != nil {
		return "", "", fail(name, ErrEncoding, err)
	}
	if text == "" || bytes.IndexByte([]byte(text), 0) >= 0 {
		if text == "" {
			return "", "", fail(name, ErrEmpty, nil)
		}
		return "", "", fail(name, ErrBinary, nil)
	}
	return text, enc, nil
}

// letterFreq is the frequency of Russian and Ukrainian letters, per
// thousand letters of running text.
var letterFreq = map[rune]float64{
	'о': 110, 'е': 85, 'а': 80, 'и': 70, 'н': 67, 'т': 63, 'с': 55, 'р': 47, 'в': 45,
	'л': 44, 'к': 35, 'м': 32, 'д': 30, 'п': 28, 'у': 26, 'я': 20, 'ы': 19, 'ь': 17,
	'г': 17, 'з': 16, 'б': 16, 'ч': 14, 'й': 12, 'х': 10, 'ж': 9, 'ш': 7, 'ю': 6,
	'ц': 5, 'щ': 4, 'э': 3, 'ф': 3, 'ъ': 0.4, 'ё': 0.4,
	'і': 40, 'ї': 6, 'є': 6, 'ґ': 0.5,
}

// cyrillicScore decodes data with cm and returns the mean log-probability
// of its non-ASCII letters as Russian or Ukrainian text, penalising signs
// of the wrong code page: capitals inside words, Cyrillic letters glued to
// Latin ones, and box-drawing or other symbols. ok is false when the text
// holds too few non-ASCII letters to judge.
func cyrillicScore(cm *charmap.Charmap, data []byte) (score float64, ok bool) {
	const sample = 1 << 16
	if len(data) > sample {
		data = data[:sample]
	}
	var sum float64
	n := 0
	prev := ' '
	for i, c := range data {
		r := cm.DecodeByte(c)
		if c < 0x80 {
			prev = r
			continue
		}
		var next rune = ' '
		if i+1 < len(data) {
			next = cm.DecodeByte(data[i+1])
		}
		switch {
		case unicode.Is(unicode.Cyrillic, r) && unicode.IsLetter(r):
			f, known := letterFreq[unicode.ToLower(r)]
			if !known {
				f = 0.1
			}
			s := math.Log(f / 1000)
			if unicode.IsUpper(r) && unicode.IsLetter(prev) && unicode.IsLower(prev) {
				s -= 4
			}
			if isLatin(prev) || isLatin(next) {
				s -= 5
			}
			sum += s
			n++
		case r == '\u00a0' || r == '«' || r == '»' || r == '–' || r == '—' || r == '…' || r == '№' ||
			r == '“' || r == '”' || r == '„' || r == '’' || r == '‘' || r == '•' || r == '©' || r == '°':
			// punctuation common in Russian texts: neutral
		default:
			sum -= 10
			n++
		}
		prev = r
	}
	if n < 8 {
		return 0, false
	}
	return sum / float64(n), true
}

func isLatin(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }
