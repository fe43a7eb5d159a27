// Package stories is starpack's domain: the story bank (projects and their
// behavioral-interview stories), the question catalog and its sets, coach
// feedback, redaction, and the text helpers every output shares. It loads
// a bank from YAML story files and writes one back; choosing stories is
// stories/tailor's, checking them stories/lint's, importing notes
// stories/plaintext's and stories/jsonresume's.
//
// Every error caused by a user's file is a *source.Error (stories/source)
// carrying the file, line and column, so that the command line can point
// at the mistake.
package stories

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/starpack/starpack/stories/source"
)

// Bank is the whole story bank: every project of a workspace.
type Bank struct {
	Projects []*Project
}

// Project is one story file: a piece of work and the stories it gave.
type Project struct {
	Project string   `yaml:"project"`
	Company string   `yaml:"company,omitempty"`
	When    string   `yaml:"when,omitempty"`
	Summary string   `yaml:"summary,omitempty"`
	Tags    []string `yaml:"tags,omitempty"`
	// Highlights are résumé bullets about the project (from a JSON Resume
	// import); the brief lists them for the projects of the picked stories.
	Highlights []string `yaml:"highlights,omitempty"`
	Stories    []*Story `yaml:"stories"`

	// File is the path the project was loaded from, for messages.
	File string `yaml:"-"`
}

// Story is one answer to one interview question.
type Story struct {
	ID        string `yaml:"id"`
	Question  string `yaml:"question"`
	Title     string `yaml:"title,omitempty"`
	Situation string `yaml:"situation,omitempty"`
	Task      string `yaml:"task,omitempty"`
	Action    string `yaml:"action,omitempty"`
	Result    string `yaml:"result,omitempty"`
	Notes     string `yaml:"notes,omitempty"`
	// Lesson is what the candidate would do differently: the close of a
	// failure or "what you learned" answer.
	Lesson string `yaml:"lesson,omitempty"`
	// Short is a 30-second version of the story.
	Short string `yaml:"short,omitempty"`
	// Followups are the questions an interviewer is likely to ask next.
	Followups []Followup `yaml:"followups,omitempty"`
	Tags      []string   `yaml:"tags,omitempty"`

	// Project is the project the story belongs to.
	Project *Project `yaml:"-"`
	// Pos holds where each field's value starts in the file, keyed by the
	// YAML field name ("" is the story itself). Empty for stories not
	// loaded from a file.
	Pos map[string]source.Position `yaml:"-"`
}

// Followup is a question an interviewer is likely to ask after the story,
// with the points of the answer.
type Followup struct {
	Ask    string   `yaml:"ask"`
	Answer []string `yaml:"answer,omitempty"`
}

// Field is one named text field of a story, in telling order.
type Field struct {
	Name  string // YAML name: situation, task, action, result, notes, lesson
	Label string // heading: Situation, Task, ...
	Text  string
}

// Fields returns the story's non-empty text fields in telling order: the
// ones said aloud when the story is told (the lesson closes it; the short
// version and the follow-ups are not part of the telling).
func (s *Story) Fields() []Field {
	all := []Field{
		{"situation", "Situation", s.Situation},
		{"task", "Task", s.Task},
		{"action", "Action", s.Action},
		{"result", "Result", s.Result},
		{"notes", "Notes", s.Notes},
		{"lesson", "Lesson", s.Lesson},
	}
	out := all[:0]
	for _, f := range all {
		if strings.TrimSpace(f.Text) != "" {
			out = append(out, f)
		}
	}
	return out
}

// Text returns every text field of the story joined by blank lines.
func (s *Story) Text() string {
	var b strings.Builder
	for i, f := range s.Fields() {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(f.Text)
	}
	return b.String()
}

// Words counts the words of the story's text fields (those of Fields: a
// blank one has none). Every output asks it again and again, so it reads
// the fields in place.
func (s *Story) Words() int {
	return countWords(s.Situation) + countWords(s.Task) + countWords(s.Action) +
		countWords(s.Result) + countWords(s.Notes) + countWords(s.Lesson)
}

// CountWords counts the words of a text as Words does: runs of letters,
// digits and marks between spaces, and, in Chinese and Japanese, which do
// not put spaces between words, a word for every two characters (about
// what they take to say).
func CountWords(text string) int { return countWords(text) }

// countWords is len(strings.FieldsFunc(text, unicode.IsSpace)) without
// building the slice: Words is asked for again and again (every table
// row, every speaking time), so it must not allocate.
func countWords(text string) int {
	n, in, cjk := 0, false, 0
	for i := 0; i < len(text); {
		// A run of ASCII letters and marks, read a byte at a time.
		for i < len(text) && text[i] < utf8.RuneSelf && !asciiSpace[text[i]] {
			if !in {
				in = true
				n++
			}
			i++
		}
		if i == len(text) {
			break
		}
		c := text[i]
		if c < utf8.RuneSelf {
			in = false // an ASCII space
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case unicode.IsSpace(r):
			in = false
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			cjk++
			in = false
		case r >= 0x3000 && r <= 0x303f || r >= 0xff01 && r <= 0xff0f: // CJK punctuation: 。、「」！
			in = false
		case !in:
			in = true
			n++
		}
	}
	return n + (cjk+1)/2
}

// asciiSpace marks the ASCII characters unicode.IsSpace holds spaces.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// IsSTAR reports whether the story is told as Situation/Task/Action/Result
// rather than as free notes.
func (s *Story) IsSTAR() bool {
	return strings.TrimSpace(s.Situation) != "" || strings.TrimSpace(s.Task) != "" ||
		strings.TrimSpace(s.Action) != "" || strings.TrimSpace(s.Result) != ""
}

// Cue is the short line that reminds the candidate of the story: its
// title, or else a headline derived from its text (see Headline).
func (s *Story) Cue() string {
	if t := strings.TrimSpace(s.Title); t != "" {
		return t
	}
	if h := Headline(s); h != "" {
		return h
	}
	return s.ID
}

// FirstSentence returns the first sentence or line of text, trimmed.
func FirstSentence(text string) string {
	text = strings.TrimSpace(text)
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	for i, r := range text {
		if (r == '.' || r == '!' || r == '?') && (i+1 == len(text) || text[i+1] == ' ') && i > 0 {
			return strings.TrimSpace(text[:i+1])
		}
	}
	return strings.TrimSpace(text)
}

// Shorten cuts s to at most n runes at a word boundary, adding an ellipsis.
func Shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	// The first n-1 runes, without a rune slice of all of s.
	end := 0
	for range n - 1 {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	cut := s[:end]
	if !utf8.ValidString(cut) {
		cut = string([]rune(cut)) // each bad byte becomes U+FFFD, as before
	}
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-") + "…"
}

// Stories returns every story of the bank in file order.
func (b *Bank) Stories() []*Story {
	var out []*Story
	for _, p := range b.Projects {
		out = append(out, p.Stories...)
	}
	return out
}

// Story returns the story with the given id, or nil.
func (b *Bank) Story(id string) *Story {
	for _, p := range b.Projects {
		for _, s := range p.Stories {
			if s.ID == id {
				return s
			}
		}
	}
	return nil
}

// Feedback is what a coach said about one story, as imported from a
// workbook: one entry of a feedback file. Empty fields mean "not given";
// Cleared names the coach's cells emptied (see stories/feedback.go).
type Feedback struct {
	Story   string `yaml:"story"`
	Rating  int    `yaml:"rating,omitempty"`
	Status  string `yaml:"status,omitempty"`
	Comment string `yaml:"comment,omitempty"`
	// Columns are the coach's own columns of the Stories sheet, by
	// header; "" means the coach emptied the cell.
	Columns map[string]string `yaml:"columns,omitempty"`
	// Cleared lists the fields (rating, status, comment) the coach emptied.
	Cleared []string `yaml:"cleared,flow,omitempty"`
	Date    string   `yaml:"date"`
	Source  string   `yaml:"source,omitempty"`
	// Build is the build id of the workbook the entry came from, and Base
	// how many entries of the feedback file that workbook was built from.
	Build string `yaml:"build,omitempty"`
	Base  int    `yaml:"base,omitempty"`
}
