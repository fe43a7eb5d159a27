package stories

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strconv"
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
# Append-only: each import adds the cells the coach changed; the latest entry for a cell wins.
# cleared: cells the coach emptied; build: the workbook's build; base: the entries it showed.
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
		for _, c := range f.Cleared {
			if c != FieldRating && c != FieldStatus && c != FieldComment {
				return nil, source.Errorf(valuePos(file, n, "cleared"), "cleared: lists rating, status or comment",
					"feedback entry %d: unknown field %q in cleared", i+1, c)
			}
		}
		if f.Rating < 0 || f.Rating > MaxRating {
			return nil, source.Errorf(valuePos(file, n, "rating"), fmt.Sprintf("a rating is a whole number from 1 to %d", MaxRating),
				"rating %d is out of range", f.Rating)
		}
	}
	return list, nil
}

// The coach's cells of a story, by field name. A column the coach added
// is named ColumnField(header).
const (
	FieldRating  = "rating"
	FieldStatus  = "status"
	FieldComment = "comment"
)

// columnPrefix names a coach column among the fields.
const columnPrefix = "column:"

// ColumnField is the field name of the coach's own column header.
func ColumnField(header string) string { return columnPrefix + header }

// FieldLabel is how messages name a field: "rating", or the column's
// header in quotes.
func FieldLabel(field string) string {
	if h, ok := strings.CutPrefix(field, columnPrefix); ok {
		return fmt.Sprintf("column %q", h)
	}
	return field
}

// FieldValue is how messages show a coach's cell value: a rating as it
// is, text quoted (shortened, on one line), "empty" for a cleared cell.
func FieldValue(field, v string) string {
	switch {
	case v == "":
		return "empty"
	case field == FieldRating:
		return v
	}
	return fmt.Sprintf("%q", Shorten(strings.ReplaceAll(v, "\n", " "), 60))
}

// Cells returns the coach's cells the entry sets or clears, by field:
// the rating as a number ("4"), "" for a cleared cell.
func (f Feedback) Cells() map[string]string {
	out := map[string]string{}
	for _, c := range f.Cleared {
		out[c] = ""
	}
	if f.Rating != 0 {
		out[FieldRating] = strconv.Itoa(f.Rating)
	}
	if f.Status != "" {
		out[FieldStatus] = f.Status
	}
	if f.Comment != "" {
		out[FieldComment] = f.Comment
	}
	for h, v := range f.Columns {
		out[ColumnField(h)] = v
	}
	return out
}

// set sets one cell of the entry: a value, or "" to clear it.
func (f *Feedback) set(field, value string) {
	if h, ok := strings.CutPrefix(field, columnPrefix); ok {
		if f.Columns == nil {
			f.Columns = map[string]string{}
		}
		f.Columns[h] = value
		return
	}
	f.Cleared = slices.DeleteFunc(f.Cleared, func(c string) bool { return c == field })
	switch field {
	case FieldRating:
		f.Rating, _ = strconv.Atoi(value)
	case FieldStatus:
		f.Status = value
	case FieldComment:
		f.Comment = value
	}
	if value == "" {
		f.Cleared = append(f.Cleared, field)
		slices.Sort(f.Cleared)
	}
}

// LatestFeedback folds a feedback list, oldest first, into the latest
// feedback per story id: each cell holds the value of the latest entry
// that set or cleared it (a cleared cell is empty), and Date and Source
// name the latest entry about the story. Columns holds the coach's
// columns that are not empty; Cleared, Build and Base are left empty.
func LatestFeedback(list []Feedback) map[string]Feedback {
	out := map[string]Feedback{}
	for _, f := range list {
		cur := out[f.Story]
		cur.Story = f.Story
		for field, v := range f.Cells() {
			cur.set(field, v)
		}
		cur.Cleared = nil
		for h, v := range cur.Columns {
			if v == "" {
				delete(cur.Columns, h)
			}
		}
		if len(cur.Columns) == 0 {
			cur.Columns = nil
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

// Columns returns the headers of the coach's own columns that hold a
// value in latest, sorted: the columns a rebuilt workbook carries.
func Columns(latest map[string]Feedback) []string {
	var out []string
	for _, f := range latest {
		for h := range f.Columns {
			out = append(out, h)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// NormalComment is a comment as starpack stores and compares it: line
// endings made \n and outer space trimmed, so that a workbook re-saved by
// another program compares equal.
func NormalComment(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.TrimSpace(s)
}

// Edit is one coach's cell whose value differs from what starpack wrote
// into that cell of the same workbook: an edit by the coach. Value is ""
// when the coach emptied the cell.
type Edit struct {
	Story string
	Field string // FieldRating, FieldStatus, FieldComment or ColumnField(header)
	Value string // a rating as a whole number ("4")
	Cell  string // where it is, for messages: "matrix.xlsx: Stories!O3"
}

// EditSource is the workbook edits come from: its file name, the import
// date, its build id and its base, how many entries of the role's
// feedback file it was built from.
type EditSource struct {
	Source, Date, Build string
	Base                int
}

// Clash is an edit that met another edit of the same cell, imported after
// its workbook was built: Taken says which one the feedback now holds.
// When the other edit's workbook was built from more feedback (newer),
// the edit is not taken; when both workbooks were built from the same
// feedback (copies of one build), it is a conflict and the edit being
// imported, the newer import, is taken.
type Clash struct {
	Edit        Edit
	Other       string // the other edit's value
	OtherSource string // the workbook the other edit came from
	Taken       bool   // the edit was taken over the other one
}

// MergeEdits returns the entries to append to a feedback file list for
// the edits of one workbook, one entry per story in the order of edits,
// and the clashes met. An edit is taken unless the file holds it already
// (the same workbook imported twice, or the same value from another
// copy), or an edit of the same cell imported since its workbook was built
// came from a newer build. Edits of one workbook never clash with each
// other: a story's later edit of a cell wins.
func MergeEdits(list []Feedback, from EditSource, edits []Edit) ([]Feedback, []Clash) {
	base := min(max(from.Base, 0), len(list))
	latest := LatestFeedback(list)
	// since holds, per story and field, the entries imported after the
	// workbook was built that set the cell.
	type key struct{ story, field string }
	since := map[key][]Feedback{}
	for _, f := range list[base:] {
		for field := range f.Cells() {
			k := key{f.Story, field}
			since[k] = append(since[k], f)
		}
	}
	var out []Feedback
	var clashes []Clash
	at := map[string]int{} // story -> index in out
	for _, e := range edits {
		k := key{e.Story, e.Field}
		later := since[k]
		if len(later) == 0 {
			if latest[e.Story].Cells()[e.Field] == e.Value {
				continue // the feedback holds it already
			}
		} else {
			if slices.ContainsFunc(later, func(f Feedback) bool { return f.Base == from.Base && f.Cells()[e.Field] == e.Value }) {
				continue // imported already
			}
			last := later[len(later)-1]
			other := last.Cells()[e.Field]
			if other == e.Value {
				continue
			}
			newer := last.Base > from.Base && last.Build != ""
			clashes = append(clashes, Clash{Edit: e, Other: other, OtherSource: last.Source, Taken: !newer})
			if newer {
				continue
			}
		}
		i, ok := at[e.Story]
		if !ok {
			i = len(out)
			at[e.Story] = i
			out = append(out, Feedback{Story: e.Story, Date: from.Date, Source: from.Source, Build: from.Build, Base: from.Base})
		}
		out[i].set(e.Field, e.Value)
	}
	return out, clashes
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
	if len(list) != len(before)+len(entries) || !reflect.DeepEqual(list[len(before):], entries) {
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
