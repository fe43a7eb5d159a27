package markdown_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/starpack/starpack/export/markdown"
	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/internal/golden"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories"
)

// prepare prepares the packet of role id (the whole bank for "") of the
// test workspace, as the build command does.
func prepare(t *testing.T, ws *config.Workspace, id string) *export.Packet {
	t.Helper()
	var role *config.Role
	if id != "" {
		var err error
		if role, err = ws.Role(id); err != nil {
			t.Fatal(err)
		}
	}
	p, err := packet.Prepare(ws, role, packet.Options{Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRenderGolden(t *testing.T) {
	ws, err := config.Open(filepath.Join("..", "..", "testdata", "notes"), "ws")
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := markdown.Load(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, role, golden string
		feedback           map[string]stories.Feedback
		redact             map[string]string
	}{
		{"role", "acme", "acme.golden.md", map[string]stories.Feedback{
			"stream.interesting": {Story: "stream.interesting", Rating: 4, Status: "ready", Comment: "Lead with the result.\nShorter."}}, nil},
		{"whole bank", "", "all.golden.md", nil, nil},
		{"redacted", "acme", "redacted.golden.md", nil, map[string]string{"CTO": "executive", "Sam Lee": "the candidate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := prepare(t, ws, tt.role)
			p.Feedback = tt.feedback
			if tt.redact != nil {
				p = p.Redact(stories.NewRedactor(tt.redact))
			}
			var buf bytes.Buffer
			if err := markdown.Render(&buf, p, tmpl); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("..", "..", "testdata", "notes", tt.golden), buf.Bytes())
		})
	}
}

func TestUserTemplate(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "notes")
	ws, err := config.Open(dir, "ws")
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := markdown.Load(os.DirFS(filepath.Join(dir, "templates")), "ws/templates")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := markdown.Render(&buf, prepare(t, ws, "acme"), tmpl); err != nil {
		t.Fatal(err)
	}
	want := "# Acme: Data Engineer for Sam Lee\n- Most interesting problem: 1\n- Challenging interaction: 1\n- What you learned: 1\n- A failure: 0\n\n"
	if buf.String() != want {
		t.Errorf("got %q", buf.String())
	}

	t.Run("bad template", func(t *testing.T) {
		bad := t.TempDir()
		os.WriteFile(filepath.Join(bad, "notes.md.tmpl"), []byte("line one\n{{.Nope}\n"), 0o644)
		_, err := markdown.Load(os.DirFS(bad), "ws/templates")
		if err == nil || !strings.HasPrefix(err.Error(), "ws/templates/notes.md.tmpl:2:") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("unknown field", func(t *testing.T) {
		bad := t.TempDir()
		os.WriteFile(filepath.Join(bad, "notes.md.tmpl"), []byte("# {{.Nope}}\n"), 0o644)
		tmpl, err := markdown.Load(os.DirFS(bad), "ws/templates")
		if err != nil {
			t.Fatal(err)
		}
		err = markdown.Render(&bytes.Buffer{}, prepare(t, ws, "acme"), tmpl)
		if err == nil || !strings.Contains(err.Error(), "notes.md.tmpl:1:") || !strings.Contains(err.Error(), "Nope") {
			t.Errorf("got %v", err)
		}
	})
}

// loopWorkspace is the embedded example (the real bank) with the
// interview loop's test files laid over it (testdata/loop).
func loopWorkspace(t *testing.T) *config.Workspace {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, config.Example()); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "testdata", "loop"))); err != nil {
		t.Fatal(err)
	}
	ws, err := config.Open(dir, "ws")
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

// TestRenderLoop: the round-2 packet shows the round, what was told in
// round 1 (and to whom), the question no story answers as a gap, and each
// story's rehearsals.
func TestRenderLoop(t *testing.T) {
	t.Parallel()
	tmpl, err := markdown.Load(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	p := loopPacket(t)
	var buf bytes.Buffer
	if err := markdown.Render(&buf, p, tmpl); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("..", "..", "testdata", "loop", "acme.golden.md"), buf.Bytes())
}
