package lint

import (
	"strings"
	"testing"
	"testing/fstest"

	"go.yaml.in/yaml/v3"

	"github.com/starpack/starpack/stories"
)

// FuzzWordPositions writes arbitrary text as a story field in whatever
// YAML style the encoder picks, lints it, and checks that every spelling
// finding points at the flagged word in the file.
func FuzzWordPositions(f *testing.F) {
	for _, s := range []string{
		"we had to satify them",
		"line one\nthen thrid line\n",
		"  leading spaces and a satify\n\n\nafter blank lines",
		"quotes \"satify\" and 'thrid' and: colons # hashes",
		"tabs\tand\ttypos\tsatify",
		"- a bullet with satify\n1. a numbered thrid",
		"unicode “satify” — ünïcode thrid",
		"trailing spaces satify   \nnext",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		p := &stories.Project{Project: "P", Stories: []*stories.Story{{ID: "p.s", Question: "learned", Notes: text}}}
		data, err := yaml.Marshal(p)
		if err != nil {
			return
		}
		fsys := fstest.MapFS{"stories/f.yaml": {Data: data}}
		bank, err := stories.LoadBank(fsys, "stories", "")
		if err != nil {
			return // text the loader refuses (control characters, ...)
		}
		src := string(data)
		lines := strings.Split(src, "\n")
		for _, fd := range Run(bank, nil, only(Config{ReadFile: FSReader(fsys, "")}, Spelling)) {
			word := fd.Message[strings.Index(fd.Message, `"`)+1:]
			word = word[:strings.Index(word, `"`)]
			if fd.Pos.Line < 1 || fd.Pos.Line > len(lines) {
				t.Fatalf("%s: line out of the file\n%s", fd, src)
			}
			line := []rune(lines[fd.Pos.Line-1])
			if fd.Pos.Col < 1 || fd.Pos.Col > len(line) {
				t.Fatalf("%s: column out of the line\n%s", fd, src)
			}
			rest := string(line[fd.Pos.Col-1:])
			if strings.HasPrefix(strings.TrimSpace(lines[4]), "notes: '") {
				rest = strings.ReplaceAll(rest, "''", "'") // single-quoted style
			}
			if !strings.HasPrefix(rest, word) && fd.Pos != bank.Stories()[0].FieldPos("notes") {
				t.Fatalf("%s: the file has %q there\n%s", fd, string(line[fd.Pos.Col-1:]), src)
			}
		}
	})
}
