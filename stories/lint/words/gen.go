//go:build ignore

// gen writes words.txt.gz, the English word list the spelling rule embeds,
// from the SCOWL word lists (Debian package scowl, /usr/share/dict/scowl).
//
//	go run gen.go /usr/share/dict/scowl
//
// The output holds one word a line, lower case, in sections headed "#10",
// "#20", ... by SCOWL size: a word sits under the smallest size that has
// it, so a lower section means a more common word. Possessives ('s) are
// left out: the checker strips them before looking a word up.
package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// levels are the SCOWL sizes taken: 60 is the size SCOWL recommends for
// spell checking; larger sizes hold rare words that would hide typos.
var levels = []int{10, 20, 35, 40, 50, 55, 60}

// categories are the SCOWL lists taken at every size. British spellings are
// accepted as well as American ones.
var categories = []string{
	"english-words", "american-words", "british-words",
	"english-contractions", "english-upper", "american-upper", "british-upper",
	"english-proper-names", "american-proper-names", "british-proper-names",
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run gen.go SCOWL-FINAL-DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	level := map[string]int{}
	for _, lv := range levels {
		for _, cat := range categories {
			f, err := os.Open(filepath.Join(dir, fmt.Sprintf("%s.%d", cat, lv)))
			if os.IsNotExist(err) {
				continue
			}
			if err != nil {
				fail(err)
			}
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				// The lists are Latin-1 in some releases, UTF-8 in others:
				// keep plain ASCII words only, as the checker skips others.
				w := strings.ToLower(strings.TrimSpace(sc.Text()))
				if w == "" || strings.HasSuffix(w, "'s") || !ascii(w) {
					continue
				}
				if _, ok := level[w]; !ok {
					level[w] = lv
				}
			}
			if err := sc.Err(); err != nil {
				fail(err)
			}
			f.Close()
		}
	}
	out, err := os.Create("words.txt.gz")
	if err != nil {
		fail(err)
	}
	zw, _ := gzip.NewWriterLevel(out, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	for _, lv := range levels {
		var ws []string
		for w, l := range level {
			if l == lv {
				ws = append(ws, w)
			}
		}
		sort.Strings(ws)
		fmt.Fprintf(bw, "#%d\n", lv)
		for _, w := range ws {
			bw.WriteString(w)
			bw.WriteByte('\n')
		}
	}
	if err := bw.Flush(); err != nil {
		fail(err)
	}
	if err := zw.Close(); err != nil {
		fail(err)
	}
	if err := out.Close(); err != nil {
		fail(err)
	}
	fmt.Printf("%d words\n", len(level))
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
