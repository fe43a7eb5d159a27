package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// words splits text into lower-case words of letters and digits, counted.
func words(text string) map[string]int {
	out := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		out[w]++
	}
	return out
}

// heading matches the question headings of the real bank ("3.Most
// Interesting"): they become catalog questions with their own titles.
var heading = regexp.MustCompile(`^\d+\.\s*(Most Challenging|What You Learned|Most Interesting|Hardest Bug|Enjoyed Most|Conflicts with Teammates|Challenging interaction|Failure|Success)\s*$`)

// TestImportBuildKeepsEveryWord imports the real bank, builds the whole
// bank, and checks that every word of the bank's text is in notes.md as
// often as it was written.
func TestImportBuildKeepsEveryWord(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join("..", "..", "testdata", "import", "seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	os.WriteFile("bank.txt", seed, 0o644)
	a, _, errb := testApp(t)
	if err := a.exec("import", "bank.txt", "--into", "ws"); err != nil {
		t.Fatal(err, errb.String())
	}
	if err := a.exec("build", "--workspace", "ws", "--all", "--only", "notes"); err != nil {
		t.Fatal(err, errb.String())
	}
	notes, err := os.ReadFile(filepath.Join("ws", "out", "all", "notes.md"))
	if err != nil {
		t.Fatal(err)
	}
	var body []string
	headings := 0
	for _, line := range strings.Split(string(seed), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case strings.Trim(t, "-") == "" && t != "":
			continue // a project separator
		case heading.MatchString(t):
			headings++
			continue
		}
		for _, label := range []string{"Scenario:", "Action:", "Result:"} {
			t = strings.TrimPrefix(t, label)
		}
		body = append(body, t)
	}
	if headings != 18 {
		t.Fatalf("found %d question headings in the seed, want 18", headings)
	}
	have := words(string(notes))
	for w, n := range words(strings.Join(body, "\n")) {
		if have[w] < n {
			t.Errorf("word %q: %d in the bank, %d in notes.md", w, n, have[w])
		}
	}
}
