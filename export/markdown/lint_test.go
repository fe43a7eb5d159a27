package markdown_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/export/markdown"
	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/tailor"
)

// requireLinter, when "1", makes a missing Markdown linter a failure
// rather than a skip: .ci/run sets it, having installed the linter.
const requireLinter = "STARPACK_REQUIRE_MDLINT"

// markdownlint returns the path of markdownlint-cli2, pinned in
// .ci/markdownlint (npm ci there installs it; .ci/run does), or from
// $STARPACK_MDLINT, or on the PATH.
func markdownlint(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("STARPACK_MDLINT"); p != "" {
		return p
	}
	local, _ := filepath.Abs(filepath.Join("..", "..", ".ci", "markdownlint", "node_modules", ".bin", "markdownlint-cli2"))
	if _, err := os.Stat(local); err == nil {
		return local
	}
	if p, err := exec.LookPath("markdownlint-cli2"); err == nil {
		return p
	}
	msg := "markdownlint-cli2 is not installed: run npm ci in .ci/markdownlint (needs Node.js)"
	if os.Getenv(requireLinter) == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// TestNotesPassMarkdownlint renders notes.md of the real bank (its example
// role and the whole bank), of the test workspaces, of a redacted copy, of
// a round of the interview loop and of a bank written to trip Markdown up,
// and runs the pinned Markdown linter over them: each must be clean.
func TestNotesPassMarkdownlint(t *testing.T) {
	t.Parallel()
	bin := markdownlint(t)
	tmpl, err := markdown.Load(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	example := config.OpenExample()
	notes, err := config.Open(filepath.Join("..", "..", "testdata", "notes"), "ws")
	if err != nil {
		t.Fatal(err)
	}
	redacted := prepare(t, notes, "acme").Redact(stories.NewRedactor(map[string]string{"CTO": "executive", "Sam Lee": "the candidate"}))
	packets := map[string]*export.Packet{
		"example.md":  prepare(t, example, "example"),
		"all.md":      prepare(t, example, ""),
		"acme.md":     prepare(t, notes, "acme"),
		"redacted.md": redacted,
		"loop.md":     loopPacket(t),
		"hostile.md":  hostilePacket(t),
	}
	dir := t.TempDir()
	for name, p := range packets {
		var buf bytes.Buffer
		if err := markdown.Render(&buf, p, tmpl); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, _ := filepath.Abs(filepath.Join("..", "..", ".ci", "markdownlint", "notes.markdownlint.jsonc"))
	cmd := exec.Command(bin, "--config", cfg, "*.md")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("markdownlint-cli2 found problems (%v):\n%s", err, out)
	}
	if !strings.Contains(string(out), "Linting: 6 file(s)") {
		t.Errorf("markdownlint-cli2 did not lint the 6 files:\n%s", out)
	}
}

// loopPacket is the round-2 packet of the interview loop's test workspace.
func loopPacket(t *testing.T) *export.Packet {
	ws := loopWorkspace(t)
	role, err := ws.Role("acme")
	if err != nil {
		t.Fatal(err)
	}
	p, err := packet.Prepare(ws, role, packet.Options{Date: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// hostilePacket is a packet of stories whose text would break Markdown if
// written out as it is: headings, quotes, rules, HTML, list markers,
// web addresses, tabs, unpaired bold markers, figures against words.
func hostilePacket(t *testing.T) *export.Packet {
	pr := &stories.Project{Project: "# Payments <b>v2</b>", When: "2019-2020"}
	add := func(s *stories.Story) { s.Project = pr; pr.Stories = append(pr.Stories, s) }
	add(&stories.Story{ID: "pay.success", Question: "success", Title: "Cut failures by 90%.",
		Situation: "# Not a heading\n> not a quote\n---\n<div>not HTML</div>",
		Action:    "* a star item\n+ a plus item\n1) first\n2) second\nSee https://example.org/a_b?c=1, then\tmove on.",
		Result:    "Failures dropped by 90%of the time; **saved $1.2M/year** and (50%) and 14-hour shifts; **unpaired",
		Lesson:    "=== not a heading ===",
		Short:     "90% fewer failures.",
		Followups: []stories.Followup{{Ask: "# Why?", Answer: []string{"> because", "3x faster"}}}})
	add(&stories.Story{ID: "pay.failure", Question: "failure", Title: "A release was late:",
		Situation: "A release was late.", Action: "I shipped without a canary.", Result: "A day of failed payments.",
		Notes: "| a | table |\n|---|---|\n```go\n2019. the year\n[ref]: https://example.org\n-\nsee https://en.wikipedia.org/wiki/Go_(programming_language)\nuse `<b>` here"})
	bank := &stories.Bank{Projects: []*stories.Project{pr}}
	cat := stories.NewCatalog()
	sel, err := tailor.Select(bank, cat, tailor.Request{Questions: []string{"success", "failure", "conflict"},
		JobDescription: "Requirements:\n- Own payments | billing\n- <script>alert(1)</script> on-call"})
	if err != nil {
		t.Fatal(err)
	}
	return &export.Packet{RoleID: "acme", Company: "Acme <Inc>", Title: "Engineer #1", Candidate: config.Candidate{Name: "Sam", Pitch: "# I build\n\n> things"},
		Bank: bank, Catalog: cat, Selection: sel, Feedback: map[string]stories.Feedback{
			"pay.success": {Story: "pay.success", Rating: 4, Comment: "# Lead\n\nwith the <b>number</b>"}},
		Ask: []string{"# How is on-call shared?"}, Generated: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}
}
