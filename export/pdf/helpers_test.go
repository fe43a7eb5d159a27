package pdf_test

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/tailor"
)

// fixedDate is the build date of every test packet.
var fixedDate = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

// workspacePacket prepares the packet of a role of a test workspace, as
// the build command does.
func workspacePacket(t testing.TB, dir, roleID string) *export.Packet {
	t.Helper()
	ws, err := config.Open(dir, filepath.Base(dir))
	if err != nil {
		t.Fatal(err)
	}
	return prepare(t, ws, roleID)
}

// examplePacket prepares the packet of the embedded example workspace.
func examplePacket(t testing.TB) *export.Packet {
	t.Helper()
	return prepare(t, config.OpenExample(), "example")
}

func prepare(t testing.TB, ws *config.Workspace, roleID string) *export.Packet {
	t.Helper()
	role, err := ws.Role(roleID)
	if err != nil {
		t.Fatal(err)
	}
	p, err := packet.Prepare(ws, role, packet.Options{Date: fixedDate})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// wholeBank is the "all" packet: every story, grouped by question.
func wholeBank(t testing.TB, bank *stories.Bank) *export.Packet {
	t.Helper()
	cat := stories.NewCatalog()
	sel, err := tailor.Select(bank, cat, tailor.Request{All: true})
	if err != nil {
		t.Fatal(err)
	}
	return &export.Packet{RoleID: "all", Candidate: config.Candidate{Name: "Sam Lee"}, Bank: bank,
		Catalog: cat, Selection: sel, Generated: fixedDate, Paper: "A4"}
}

// syntheticBank makes a bank of n stories over the nine catalog questions
// and a few custom ones, with lists, bold and figures in the text.
func syntheticBank(n int) *stories.Bank {
	qs := []string{"most-challenging", "learned", "most-interesting", "hardest-bug", "enjoyed-most",
		"conflict", "challenging-interaction", "failure", "success", "Mentoring a new hire", "Leading an incident"}
	bank := &stories.Bank{}
	var p *stories.Project
	for i := range n {
		if i%9 == 0 {
			p = &stories.Project{Project: fmt.Sprintf("Project %d: pipelines for team %d", i/9+1, i%7), Tags: []string{"streaming"}}
			bank.Projects = append(bank.Projects, p)
		}
		q := qs[i%len(qs)]
		s := &stories.Story{
			ID:        fmt.Sprintf("p%04d.s%d", i/9+1, i),
			Question:  q,
			Title:     fmt.Sprintf("Story %d: cut latency by %d%% on the ingest path", i, 10+i%80),
			Situation: fmt.Sprintf("The nightly batch took %d hours and the client SLA was 2 hours.", 3+i%9),
			Action: "1. Profiled the **hot path** and found a 4-way join on unsorted keys.\n" +
				"2. Rewrote the join as a streaming merge over 3000+ partitions.\n" +
				"3. Rolled it out behind a flag over 3 months.",
			Result: fmt.Sprintf("Latency fell from %d ms to 150 ms; errors dropped to < 1%%. We saved $1 million a year.", 900+i),
			Tags:   []string{"performance"},
		}
		if i%5 == 4 {
			s.Situation, s.Action, s.Result = "", "", ""
			s.Notes = "Owning the whole stack.\n- Design\n- Rollout to 12 teams"
		}
		s.Project = p
		p.Stories = append(p.Stories, s)
	}
	return bank
}

type extracted struct {
	pages int
	text  []string // per page, lines joined with newlines
}

// extract reads a PDF back with an independent reader. Text is grouped in
// lines by baseline, left to right, with a space where words are apart.
func extract(t testing.TB, data []byte) extracted {
	t.Helper()
	r, err := lpdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("reading PDF back: %v", err)
	}
	out := extracted{pages: r.NumPage()}
	for i := 1; i <= r.NumPage(); i++ {
		pg := r.Page(i)
		if pg.V.IsNull() {
			t.Fatalf("page %d is missing", i)
		}
		texts := pg.Content().Text
		sort.SliceStable(texts, func(a, b int) bool {
			ya, yb := math.Round(texts[a].Y*2), math.Round(texts[b].Y*2)
			if ya != yb {
				return ya > yb
			}
			return texts[a].X < texts[b].X
		})
		var b strings.Builder
		for j, tx := range texts {
			if j > 0 {
				prev := texts[j-1]
				switch {
				case math.Round(prev.Y*2) != math.Round(tx.Y*2):
					b.WriteString("\n")
				case tx.X-(prev.X+prev.W) > tx.FontSize*0.15:
					b.WriteString(" ")
				}
			}
			b.WriteString(tx.S)
		}
		b.WriteString("\n")
		out.text = append(out.text, b.String())
	}
	return out
}

func (e extracted) all() string { return strings.Join(e.text, "\n") }

// squash removes whitespace and ellipses so that text wrapped across lines
// or shortened compares equal to the source, and undoes the typographic
// punctuation (curly quotes, en and em dashes, ellipses) of the documents.
func squash(s string) string {
	s = strings.TrimSuffix(s, "…")
	s = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'", "–", "-", "—", "-", "…", "...").Replace(s)
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\t' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}

// wantOutline is the outline a brief of p has.
func wantOutline(p *export.Packet) []string {
	want := []string{"At a glance"}
	if p.RoleID == "all" {
		want = []string{"Index"}
	}
	if len(p.Highlights()) > 0 {
		want = append(want, "Résumé highlights")
	}
	if sel := p.Selection; sel != nil && (len(sel.Requirements) > 0 || len(sel.Gaps) > 0 || p.JobDescription != "") {
		want = append(want, "Role fit")
	}
	if p.Selection != nil {
		for _, a := range p.Selection.Answers {
			want = append(want, a.Question.Title)
		}
	}
	want = append(want, "Questions to ask", "Before you go")
	if p.JobDescription != "" {
		want = append(want, "Appendix: job description")
	}
	return want
}

var outlineTitleRE = regexp.MustCompile(`/Title \((?:\\.|[^\\)])*\)\s*/Parent`)

// outlines returns the bookmark titles of a PDF by scanning the raw file
// for outline items (objects with a /Title and a /Parent; fpdf writes them
// uncompressed).
func outlines(t testing.TB, data []byte) []string {
	t.Helper()
	var out []string
	for _, m := range outlineTitleRE.FindAll(data, -1) {
		s := string(m[len("/Title ("):bytes.LastIndexByte(m, ')')])
		s = unescapePDF(s)
		if strings.HasPrefix(s, "\xfe\xff") {
			s = utf16be(s[2:])
		}
		out = append(out, s)
	}
	return out
}

func unescapePDF(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case '(', ')', '\\':
			b.WriteByte(c)
		default:
			if c >= '0' && c <= '7' {
				j := i
				for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
					j++
				}
				v, _ := strconv.ParseUint(s[i:j], 8, 8)
				b.WriteByte(byte(v))
				i = j - 1
			} else {
				b.WriteByte(c)
			}
		}
	}
	return b.String()
}

func utf16be(s string) string {
	var rs []rune
	for i := 0; i+1 < len(s); i += 2 {
		rs = append(rs, rune(s[i])<<8|rune(s[i+1]))
	}
	return string(rs)
}

func build(t testing.TB, fn func(*bytes.Buffer) ([]string, error)) ([]byte, []string) {
	t.Helper()
	var buf bytes.Buffer
	warns, err := fn(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), warns
}

// writeArtifact keeps a copy of a PDF for looking at when STARPACK_PDF_OUT
// names a folder.
func writeArtifact(t testing.TB, name string, data []byte) {
	if dir := os.Getenv("STARPACK_PDF_OUT"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var objRE = regexp.MustCompile(`(\d+) 0 obj\s*<<`)
var lengthRE = regexp.MustCompile(`/Length (\d+)`)

// streams returns the inflated streams of a PDF by object number, read from
// the raw file (fpdf writes no object streams).
func streams(t testing.TB, data []byte) map[int][]byte {
	t.Helper()
	out := map[int][]byte{}
	for _, m := range objRE.FindAllSubmatchIndex(data, -1) {
		num, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		rest := data[m[1]:]
		end := bytes.Index(rest, []byte("endobj"))
		if end < 0 {
			continue
		}
		obj := rest[:end]
		si := bytes.Index(obj, []byte("stream\n"))
		if si < 0 {
			continue
		}
		lm := lengthRE.FindSubmatch(obj[:si])
		if lm == nil {
			continue
		}
		n, _ := strconv.Atoi(string(lm[1]))
		body := rest[si+len("stream\n"):]
		if n > len(body) {
			t.Fatalf("object %d: stream shorter than its /Length", num)
		}
		body = body[:n]
		if bytes.Contains(obj[:si], []byte("/FlateDecode")) {
			zr, err := zlib.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatalf("object %d: %v", num, err)
			}
			inflated, err := io.ReadAll(zr)
			if err != nil {
				t.Fatalf("object %d: %v", num, err)
			}
			body = inflated
		}
		out[num] = body
	}
	return out
}

var tjRE = regexp.MustCompile(`\(((?:\\.|[^\\)])*)\) Tj`)

// drawnText returns every string the content streams draw, decoded from
// the UTF-16 codes fpdf writes for TrueType fonts: it holds any Unicode,
// unlike what a Latin-1 text extractor gets back.
func drawnText(t testing.TB, data []byte) string {
	t.Helper()
	var b strings.Builder
	ss := streams(t, data)
	nums := slices.Sorted(maps.Keys(ss))
	for _, n := range nums {
		s := ss[n]
		if !bytes.Contains(s, []byte(" Tj")) {
			continue
		}
		for _, m := range tjRE.FindAllSubmatch(s, -1) {
			b.WriteString(utf16be(unescapePDF(string(m[1]))))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

var cidMapRE = regexp.MustCompile(`/CIDToGIDMap (\d+) 0 R`)

// subsetHas reports whether some embedded font subset maps r to a glyph.
func subsetHas(t testing.TB, data []byte, r rune) bool {
	t.Helper()
	ss := streams(t, data)
	for _, m := range cidMapRE.FindAllSubmatch(data, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		cmap := ss[n]
		if int(r)*2+1 < len(cmap) && (cmap[2*r] != 0 || cmap[2*r+1] != 0) {
			return true
		}
	}
	return false
}

type run struct{ font, text string }

var (
	fontRefRE  = regexp.MustCompile(`/F(\w+) (\d+) 0 R`)
	baseFontRE = regexp.MustCompile(`(?s)^(\d+) 0 obj\s*<</Type /Font\s*/Subtype /Type0\s*/BaseFont /(\S+)`)
	contentRE  = regexp.MustCompile(`/F(\w+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) Tj`)
)

// drawnRuns returns every string the content streams draw with the name of
// the font it is drawn in (fpdf names a font by family and style: utf8goB
// is the bold Go font).
func drawnRuns(t testing.TB, data []byte) []run {
	t.Helper()
	base := map[string]string{}
	for _, m := range objRE.FindAllIndex(data, -1) {
		if bm := baseFontRE.FindSubmatch(data[m[0]:min(len(data), m[0]+200)]); bm != nil {
			base[string(bm[1])] = string(bm[2])
		}
	}
	names := map[string]string{}
	for _, m := range fontRefRE.FindAllSubmatch(data, -1) {
		if b, ok := base[string(m[2])]; ok {
			names[string(m[1])] = b
		}
	}
	var out []run
	ss := streams(t, data)
	for _, n := range slices.Sorted(maps.Keys(ss)) {
		cur := ""
		for _, m := range contentRE.FindAllSubmatch(ss[n], -1) {
			if m[1] != nil {
				cur = names[string(m[1])]
				continue
			}
			out = append(out, run{cur, utf16be(unescapePDF(string(m[2])))})
		}
	}
	return out
}
