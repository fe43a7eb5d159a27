package stories

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/starpack/starpack/stories/source"
	"go.yaml.in/yaml/v3"
)

// Statuses are the values a coach picks from for a story's status, in the
// order a story goes through them.
var Statuses = []string{"draft", "needs work", "ready"}

// MaxRating is the best rating a coach gives; ratings run from 1.
const MaxRating = 5

// feedbackHeader starts a new feedback file.
const feedbackHeader = `# Coach feedback, imported by "starpack feedback" and "starpack build".
# Append-only: each import adds entries below; the latest value of each field wins.
`

// NormalStatus folds a status as typed ("Needs Work", " needs-work ") to
// one of Statuses, or returns it trimmed and false when it is none of them.
func NormalStatus(s string) (string, bool) {
	t := strings.TrimSpace(s)
	n := strings.Join(strings.Fields(strings.ReplaceAll(strings.ReplaceAll(strings.ToLower(t), "-", " "), "_", " ")), " ")
	for _, st := range Statuses {
		if n == st {
			return st, true
		}
	}
	return t, false
}

// ParseFeedback decodes a feedback file: a YAML list of entries.
func ParseFeedback(file string, data []byte) ([]Feedback, error) {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) == nil && len(doc.Content) > 0 {
		if root := doc.Content[0]; root.Kind != yaml.SequenceNode && root.Tag != "!!null" {
			return nil, &source.Error{File: file, Line: root.Line, Col: root.Column, Msg: "a feedback file must be a list of entries",
				Hint: "each entry starts with `- story: <id>`; starpack writes this file, restore it from version control"}
		}
	}
	var list []Feedback
	root, err := source.DecodeYAML(file, data, &list)
	if err != nil || root == nil {
		return nil, err
	}
	for i, f := range list {
		n := root.Content[i]
		pos := source.NodePos(file, n)
		if strings.TrimSpace(f.Story) == "" {
			return nil, source.Errorf(pos, "say which story the feedback is about: story: <id>", "feedback entry %d has no story", i+1)
		}
		if size := utf16Len(f.Comment); size > MaxField {
			return nil, source.Errorf(valuePos(file, n, "comment"), "shorten the comment: a spreadsheet cell holds no more",
				"the comment on story %q is %d characters, more than the %d starpack takes", f.Story, size, MaxField)
		}
		if f.Rating < 0 || f.Rating > MaxRating {
			return nil, source.Errorf(valuePos(file, n, "rating"), fmt.Sprintf("a rating is a whole number from 1 to %d", MaxRating),
				"rating %d is out of range", f.Rating)
		}
	}
	return list, nil
}

// LatestFeedback folds a feedback list, oldest first, into the latest
// feedback per story id: each field holds its latest non-empty value, and
// Date and Source name the latest entry about the story.
func LatestFeedback(list []Feedback) map[string]Feedback {
	out := map[string]Feedback{}
	for _, f := range list {
		cur := out[f.Story]
		cur.Story = f.Story
		if f.Rating != 0 {
			cur.Rating = f.Rating
		}
		if f.Status != "" {
			cur.Status = f.Status
		}
		if f.Comment != "" {
			cur.Comment = f.Comment
		}
		if f.Date != "" {
			cur.Date = f.Date
		}
		if f.Source != "" {
			cur.Source = f.Source
		}
		out[f.Story] = cur
	}
	return out
}

// NormalComment is a comment as starpack stores and compares it: line
// endings made \n and outer space trimmed, so that a workbook re-saved by
// another program compares equal.
func NormalComment(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.TrimSpace(s)
}

// FeedbackChanges compares imported feedback (one entry per workbook row,
// in row order) with the latest feedback and returns only what changed:
// each returned entry holds the fields that differ, the others left empty.
// Empty imported fields mean "not given" and never count as a change, and
// an entry repeated later in imported is not returned twice, so importing
// the same workbook again returns nothing.
func FeedbackChanges(latest map[string]Feedback, imported []Feedback) []Feedback {
	seen := map[string]Feedback{}
	var out []Feedback
	for _, in := range imported {
		cur, ok := seen[in.Story]
		if !ok {
			cur = latest[in.Story]
		}
		ch := Feedback{Story: in.Story, Date: in.Date, Source: in.Source}
		changed := false
		if in.Rating != 0 && in.Rating != cur.Rating {
			ch.Rating, cur.Rating, changed = in.Rating, in.Rating, true
		}
		if st := strings.TrimSpace(in.Status); st != "" && st != cur.Status {
			ch.Status, cur.Status, changed = st, st, true
		}
		if c := NormalComment(in.Comment); c != "" && c != NormalComment(cur.Comment) {
			ch.Comment, cur.Comment, changed = c, c, true
		}
		seen[in.Story] = cur
		if changed {
			out = append(out, ch)
		}
	}
	return out
}

// AppendFeedback returns the feedback file old (nil for a new file) with
// entries appended as YAML list items, old kept byte for byte. It checks
// that the result reads back as old's entries followed by the new ones:
// a file in another form (a flow list, say) is an error naming file.
func AppendFeedback(file string, old []byte, entries []Feedback) ([]byte, error) {
	if old == nil {
		old = []byte(feedbackHeader)
	}
	old = bytes.Clone(old)
	if len(old) > 0 && old[len(old)-1] != '\n' {
		old = append(old, '\n')
	}
	entries = slices.Clone(entries)
	for i, e := range entries {
		if strings.TrimSpace(e.Story) == "" {
			return nil, fmt.Errorf("feedback entry %d has no story", i+1)
		}
		entries[i].Comment = NormalComment(e.Comment)
	}
	add, err := yaml.Marshal(entries)
	if err != nil {
		return nil, err
	}
	data := append(bytes.Clone(old), add...)
	// The old file may be in a form that a plain append would break (a flow
	// list, say); check before replacing it.
	hint := "the file must be a block list (`- story: ...` entries); fix it or move it aside"
	list, err := ParseFeedback(file, data)
	if err != nil {
		return nil, &source.Error{File: file, Msg: "cannot append to the feedback file: " + err.Error(), Err: err, Hint: hint}
	}
	before, _ := ParseFeedback(file, old)
	if len(list) != len(before)+len(entries) || !slices.Equal(list[len(before):], entries) {
		return nil, &source.Error{File: file, Msg: "cannot append to the feedback file: it is not a plain list of entries", Hint: hint}
	}
	return data, nil
}

// utf16Len is the length of s in UTF-16 units, as a spreadsheet counts.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
