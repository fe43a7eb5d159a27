package stories

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/starpack/starpack/stories/source"
)

func TestLoadFeedback(t *testing.T) {
	tests := []struct {
		name    string
		files   fstest.MapFS
		want    []Feedback
		wantErr string // substring of the error; its position included
	}{
		{name: "missing file is no feedback", files: fstest.MapFS{}},
		{name: "empty file", files: fstest.MapFS{"feedback/acme.yaml": {Data: []byte("# nothing yet\n")}}},
		{
			name: "entries in order",
			files: fstest.MapFS{"feedback/acme.yaml": {Data: []byte(
				"- story: a.conflict\n  rating: 3\n  date: \"2026-11-01\"\n  source: matrix.xlsx\n" +
					"- story: a.conflict\n  status: ready\n  comment: |-\n    Good.\n    Shorter.\n  date: \"2026-11-02\"\n")}},
			want: []Feedback{
				{Story: "a.conflict", Rating: 3, Date: "2026-11-01", Source: "matrix.xlsx"},
				{Story: "a.conflict", Status: "ready", Comment: "Good.\nShorter.", Date: "2026-11-02"},
			},
		},
		{
			name:    "unknown field",
			files:   fstest.MapFS{"feedback/acme.yaml": {Data: []byte("- story: a\n  ratin: 3\n")}},
			wantErr: `ws/feedback/acme.yaml:2:3: unknown field "ratin" (did you mean "rating"?)`,
		},
		{
			name:    "rating out of range",
			files:   fstest.MapFS{"feedback/acme.yaml": {Data: []byte("- story: a\n  rating: 9\n")}},
			wantErr: "ws/feedback/acme.yaml:2:11: rating 9 is out of range",
		},
		{
			name:    "entry without story",
			files:   fstest.MapFS{"feedback/acme.yaml": {Data: []byte("- rating: 2\n")}},
			wantErr: "ws/feedback/acme.yaml:1:3: feedback entry 1 has no story",
		},
		{
			name:    "not a list",
			files:   fstest.MapFS{"feedback/acme.yaml": {Data: []byte("story: a\n")}},
			wantErr: "ws/feedback/acme.yaml:1:1: a feedback file must be a list of entries",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := LoadFeedback(tt.files, "ws", "acme")
			if tt.wantErr != "" {
				var e *source.Error
				if !errors.As(err, &e) {
					t.Fatalf("error = %v (%T), want a *Error", err, err)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %q, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
	t.Run("invalid role id", func(t *testing.T) {
		if _, err := LoadFeedback(fstest.MapFS{}, "", "../x"); err == nil {
			t.Fatal("no error for role id ../x")
		}
	})
}

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

func TestAppendFeedback(t *testing.T) {
	dir := t.TempDir()
	first := []Feedback{{Story: "a.conflict", Rating: 3, Comment: "Lead with the numbers.\nShorter.", Date: "2026-11-01", Source: "matrix.xlsx"}}
	if err := AppendFeedback(dir, "acme", first); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "feedback", "acme.yaml")
	before, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(before), "# Coach feedback") {
		t.Errorf("new file lacks its header:\n%s", before)
	}

	// A hand edit without a final newline must survive byte for byte.
	edited := append(before, []byte("# checked with the coach")...)
	if err := os.WriteFile(name, edited, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(name, 0o600); err != nil {
		t.Fatal(err)
	}
	second := []Feedback{{Story: "a.conflict", Status: "ready", Date: "2026-11-02", Source: "matrix.xlsx"}}
	if err := AppendFeedback(dir, "acme", second); err != nil {
		t.Fatal(err)
	}
	after, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(after), string(edited)+"\n") {
		t.Errorf("the old content was rewritten:\n%s", after)
	}
	if st, _ := os.Stat(name); st.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want the old file's 0600", st.Mode().Perm())
	}
	list, err := LoadFeedback(os.DirFS(dir), "", "acme")
	if err != nil {
		t.Fatal(err)
	}
	want := append(first, second...)
	if !reflect.DeepEqual(list, want) {
		t.Errorf("read back %+v\nwant %+v", list, want)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "feedback"))
	if len(entries) != 1 {
		t.Errorf("feedback/ holds %d files, want 1 (no temporary files left)", len(entries))
	}

	t.Run("nothing to append writes nothing", func(t *testing.T) {
		if err := AppendFeedback(dir, "other", nil); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(dir, "feedback", "other.yaml")); err == nil {
			t.Error("an empty append created a file")
		}
	})
	t.Run("a flow list is not broken", func(t *testing.T) {
		flow := filepath.Join(dir, "feedback", "flow.yaml")
		if err := os.WriteFile(flow, []byte("[{story: a, rating: 2}]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		err := AppendFeedback(dir, "flow", second)
		if err == nil || source.HintOf(err) == "" {
			t.Fatalf("error = %v, want an error with a hint", err)
		}
		if got, _ := os.ReadFile(flow); string(got) != "[{story: a, rating: 2}]\n" {
			t.Errorf("file changed to %q", got)
		}
	})
	t.Run("import twice adds nothing", func(t *testing.T) {
		list, _ := LoadFeedback(os.DirFS(dir), "", "acme")
		again := FeedbackChanges(LatestFeedback(list), []Feedback{{Story: "a.conflict", Rating: 3, Status: "ready", Comment: "Lead with the numbers.\nShorter."}})
		if len(again) != 0 {
			t.Errorf("changes = %+v, want none", again)
		}
	})
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
