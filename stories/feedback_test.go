package stories

import (
	"reflect"
	"testing"
)

func TestLatestFeedback(t *testing.T) {
	list := []Feedback{
		{Story: "a", Rating: 2, Comment: "too long", Date: "2026-11-01", Source: "one.xlsx"},
		{Story: "b", Status: "draft", Date: "2026-11-01", Source: "one.xlsx"},
		{Story: "a", Status: "ready", Date: "2026-11-03", Source: "two.xlsx"},
		{Story: "a", Rating: 4, Date: "2026-11-04", Source: "two.xlsx"},
	}
	got := LatestFeedback(list)
	want := map[string]Feedback{
		"a": {Story: "a", Rating: 4, Status: "ready", Comment: "too long", Date: "2026-11-04", Source: "two.xlsx"},
		"b": {Story: "b", Status: "draft", Date: "2026-11-01", Source: "one.xlsx"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestLatestFeedbackCleared(t *testing.T) {
	list := []Feedback{
		{Story: "a", Rating: 2, Comment: "too long", Columns: map[string]string{"Mine": "x", "Other": "y"}},
		{Story: "a", Cleared: []string{"comment", "rating"}, Columns: map[string]string{"Mine": ""}},
		{Story: "a", Status: "ready"},
	}
	got := LatestFeedback(list)["a"]
	want := Feedback{Story: "a", Status: "ready", Columns: map[string]string{"Other": "y"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// TestMergeEdits covers the edit model: what an import of one workbook
// adds to a feedback file.
func TestMergeEdits(t *testing.T) {
	// Round 1 was imported from a workbook of build b0 (built from no
	// feedback); b1 is the next build, made from that one entry.
	round1 := Feedback{Story: "s", Rating: 2, Comment: "Round 1", Source: "round1.xlsx", Build: "b0", Base: 0}
	b0 := EditSource{Source: "copy.xlsx", Build: "b0", Base: 0}
	b1 := EditSource{Source: "round2.xlsx", Build: "b1", Base: 1}
	tests := []struct {
		name    string
		list    []Feedback
		from    EditSource
		edits   []Edit
		want    []Feedback
		clashes []Clash
	}{
		{name: "a new edit", from: b0,
			edits: []Edit{{Story: "s", Field: FieldRating, Value: "2"}, {Story: "s", Field: FieldComment, Value: "Round 1"}},
			want:  []Feedback{{Story: "s", Rating: 2, Comment: "Round 1", Source: "copy.xlsx", Build: "b0"}}},
		{name: "an edit of a newer build", list: []Feedback{round1}, from: b1,
			edits: []Edit{{Story: "s", Field: FieldRating, Value: "5"}},
			want:  []Feedback{{Story: "s", Rating: 5, Source: "round2.xlsx", Build: "b1", Base: 1}}},
		{name: "a cleared cell", list: []Feedback{round1}, from: b1,
			edits: []Edit{{Story: "s", Field: FieldComment, Value: ""}},
			want:  []Feedback{{Story: "s", Cleared: []string{"comment"}, Source: "round2.xlsx", Build: "b1", Base: 1}}},
		{name: "a coach's column", from: b0,
			edits: []Edit{{Story: "s", Field: ColumnField("My notes"), Value: "ask"}},
			want:  []Feedback{{Story: "s", Columns: map[string]string{"My notes": "ask"}, Source: "copy.xlsx", Build: "b0"}}},
		{name: "the same workbook twice", list: []Feedback{round1}, from: EditSource{Source: "round1.xlsx", Build: "b0"},
			edits: []Edit{{Story: "s", Field: FieldRating, Value: "2"}, {Story: "s", Field: FieldComment, Value: "Round 1"}}},
		{name: "an older build never overrides", list: []Feedback{round1, {Story: "s", Rating: 5, Source: "round2.xlsx", Build: "b1", Base: 1}},
			from:    b0,
			edits:   []Edit{{Story: "s", Field: FieldRating, Value: "3"}},
			clashes: []Clash{{Edit: Edit{Story: "s", Field: FieldRating, Value: "3"}, Other: "5", OtherSource: "round2.xlsx"}}},
		{name: "a conflict keeps the newer import", list: []Feedback{round1}, from: b0,
			edits:   []Edit{{Story: "s", Field: FieldRating, Value: "4"}},
			want:    []Feedback{{Story: "s", Rating: 4, Source: "copy.xlsx", Build: "b0"}},
			clashes: []Clash{{Edit: Edit{Story: "s", Field: FieldRating, Value: "4"}, Other: "2", OtherSource: "round1.xlsx", Taken: true}}},
		{name: "a conflicting copy imported again adds nothing",
			list: []Feedback{round1, {Story: "s", Rating: 4, Source: "copy.xlsx", Build: "b0"}},
			from: EditSource{Source: "round1.xlsx", Build: "b0"}, edits: []Edit{{Story: "s", Field: FieldRating, Value: "2"}}},
		{name: "a value the feedback holds", list: []Feedback{round1}, from: b1,
			edits: []Edit{{Story: "s", Field: FieldRating, Value: "2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, clashes := MergeEdits(tt.list, tt.from, tt.edits)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
			if !reflect.DeepEqual(clashes, tt.clashes) {
				t.Errorf("clashes %+v\nwant %+v", clashes, tt.clashes)
			}
		})
	}
}

func TestNormalStatus(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"ready", "ready", true},
		{" Needs Work ", "needs work", true},
		{"needs-work", "needs work", true},
		{"DRAFT", "draft", true},
		{"done ", "done", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := NormalStatus(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("NormalStatus(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}
