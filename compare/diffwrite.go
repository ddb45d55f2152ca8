package compare

import (
	"bufio"
	"io"
)

// WriteDiff prints a word diff as text in the style of git's
// --word-diff=plain: deleted runs as [-…-], inserted runs as {+…+}.
func WriteDiff(w io.Writer, pieces []Piece) error {
	bw := bufio.NewWriterSize(w, 64*1024)
	for _, p := range pieces {
		switch p.Op {
		case Delete:
			bw.WriteString("[-")
			bw.WriteString(p.Text)
			bw.WriteString("-]")
		case Insert:
			bw.WriteString("{+")
			bw.WriteString(p.Text)
			bw.WriteString("+}")
		default:
			bw.WriteString(p.Text)
		}
	}
	return bw.Flush()
}
