package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

func TestLoadFeedback(t *testing.T) {
	tests := []struct {
		name    string
		files   fstest.MapFS
		want    []stories.Feedback
		wantErr string // substring of the error; its position included
	}{
		{name: "missing file is no feedback", files: fstest.MapFS{}},
		{name: "empty file", files: fstest.MapFS{"feedback/acme.yaml": {Data: []byte("# nothing yet\n")}}},
		{
			name: "entries in order",
			files: fstest.MapFS{"feedback/acme.yaml": {Data: []byte(
				"- story: a.conflict\n  rating: 3\n  date: \"2026-11-01\"\n  source: matrix.xlsx\n" +
					"- story: a.conflict\n  status: ready\n  comment: |-\n    Good.\n    Shorter.\n  date: \"2026-11-02\"\n")}},
			want: []stories.Feedback{
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
			got, err := (&Workspace{FS: tt.files, Display: "ws"}).Feedback("acme")
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
		if _, err := (&Workspace{FS: fstest.MapFS{}}).Feedback("../x"); err == nil {
			t.Fatal("no error for role id ../x")
		}
	})
}

func TestAppendFeedback(t *testing.T) {
	dir := t.TempDir()
	ws := &Workspace{Dir: dir, FS: os.DirFS(dir)}
	first := []stories.Feedback{{Story: "a.conflict", Rating: 3, Comment: "Lead with the numbers.\nShorter.", Date: "2026-11-01", Source: "matrix.xlsx"}}
	if err := ws.AppendFeedback("acme", first); err != nil {
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
	second := []stories.Feedback{{Story: "a.conflict", Status: "ready", Date: "2026-11-02", Source: "matrix.xlsx"}}
	if err := ws.AppendFeedback("acme", second); err != nil {
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
	list, err := ws.Feedback("acme")
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
		if err := ws.AppendFeedback("other", nil); err != nil {
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
		err := ws.AppendFeedback("flow", second)
		if err == nil || source.HintOf(err) == "" {
			t.Fatalf("error = %v, want an error with a hint", err)
		}
		if got, _ := os.ReadFile(flow); string(got) != "[{story: a, rating: 2}]\n" {
			t.Errorf("file changed to %q", got)
		}
	})
	t.Run("cleared cells and the coach's columns read back", func(t *testing.T) {
		entries := []stories.Feedback{{Story: "a.conflict", Cleared: []string{"comment"}, Columns: map[string]string{"My notes": "ask", "Old": ""},
			Date: "2026-11-22", Source: "m.xlsx", Build: "abc", Base: 2}}
		if err := ws.AppendFeedback("cleared", entries); err != nil {
			t.Fatal(err)
		}
		list, err := ws.Feedback("cleared")
		if err != nil || !reflect.DeepEqual(list, entries) {
			t.Errorf("read back %+v (%v), want %+v", list, err, entries)
		}
	})
}
