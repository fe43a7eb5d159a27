package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	lpdf "github.com/ledongthuc/pdf"
	"github.com/rogpeppe/go-internal/testscript"
)

// cmdBigFile is the testscript command `bigfile FILE SIZE`: it writes a
// text file of exactly SIZE bytes (lines of x), too large to keep in a
// script.
func cmdBigFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: bigfile FILE SIZE")
	}
	size, err := strconv.Atoi(args[1])
	ts.Check(err)
	line := []byte("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n")
	data := make([]byte, 0, size)
	for len(data) < size {
		data = append(data, line[:min(len(line), size-len(data))]...)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
}

// cmdUTF16 is the testscript command `utf16 SRC DST`: it writes the UTF-8
// text of SRC to DST as UTF-16LE with a byte order mark, as Windows
// Notepad saves "Unicode" text.
func cmdUTF16(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: utf16 SRC DST")
	}
	text := ts.ReadFile(args[0])
	out := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(text)) {
		out = append(out, byte(u), byte(u>>8))
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), out, 0o644))
}

// cmdPDFText is the testscript command `pdftext FILE`: it prints the text
// of every page of a PDF, then the literal strings outside its streams
// (metadata, bookmarks), for stdout checks.
func cmdPDFText(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: pdftext FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	text, err := pdfPlainText(data)
	ts.Check(err)
	fmt.Fprintln(ts.Stdout(), text)
	fmt.Fprintln(ts.Stdout(), pdfObjects(data))
}

// pdfPlainText is the text of every page of a PDF (Latin-1 text).
func pdfPlainText(data []byte) (string, error) {
	r, err := lpdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		s, err := p.GetPlainText(nil)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		b.WriteByte('\n')
	}
	return b.String(), nil
}

// cmdMtime is the testscript command `mtime FILE DURATION`: it sets the
// file's modification time to now plus DURATION (e.g. 1h, -1h), so that a
// script can make a file newer than another without waiting.
func cmdMtime(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mtime FILE DURATION")
	}
	d, err := time.ParseDuration(args[1])
	ts.Check(err)
	t := time.Now().Add(d)
	ts.Check(os.Chtimes(ts.MkAbs(args[0]), t, t))
}
