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

func TestFeedbackChanges(t *testing.T) {
	latest := map[string]Feedback{
		"a": {Story: "a", Rating: 4, Status: "ready", Comment: "Keep it.\nShorter."},
	}
	tests := []struct {
		name     string
		imported []Feedback
		want     []Feedback
	}{
		{name: "nothing imported"},
		{
			name:     "same values are no change",
			imported: []Feedback{{Story: "a", Rating: 4, Status: "ready", Comment: "Keep it.\r\nShorter.  "}},
		},
		{
			name:     "empty values are not given",
			imported: []Feedback{{Story: "a"}, {Story: "b"}},
		},
		{
			name:     "only changed fields",
			imported: []Feedback{{Story: "a", Rating: 5, Status: "ready", Comment: "Keep it.\nShorter.", Date: "d", Source: "s"}},
			want:     []Feedback{{Story: "a", Rating: 5, Date: "d", Source: "s"}},
		},
		{
			name:     "new story",
			imported: []Feedback{{Story: "b", Status: "draft", Comment: " Start again "}},
			want:     []Feedback{{Story: "b", Status: "draft", Comment: "Start again"}},
		},
		{
			name:     "repeated row counts once",
			imported: []Feedback{{Story: "b", Rating: 1}, {Story: "b", Rating: 1}},
			want:     []Feedback{{Story: "b", Rating: 1}},
		},
		{
			name:     "later row wins",
			imported: []Feedback{{Story: "b", Rating: 1}, {Story: "b", Rating: 2}},
			want:     []Feedback{{Story: "b", Rating: 1}, {Story: "b", Rating: 2}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FeedbackChanges(latest, tt.imported)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
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
