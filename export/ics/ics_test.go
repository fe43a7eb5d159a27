package ics

import (
	"bytes"
	"errors"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/internal/golden"
)

// packet is a role with three rounds: a timed one, one with notes long
// enough to fold (and characters to escape and to keep whole), and a day
// without a time.
func packet(t *testing.T, built string) *export.Packet {
	t.Helper()
	role, err := config.ParseRole("acme", "roles/acme.yaml", []byte(`company: Acme
title: Senior Data Engineer
rounds:
  - {date: 2026-11-20T10:00, kind: phone screen, with: [recruiter]}
  - date: 2026-12-01T14:00
    kind: hiring manager
    with: [Dana Ørsted (EM), "Lee; the tech lead"]
    duration: 45m
    notes: |
      Ask about on-call, the team's roadmap, and how they measure success — in the first 90 days.
      Bring the latency numbers: p99 from 9 s to 400 ms.
  - {date: 2026-12-08, kind: panel}
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	date, _ := time.Parse(time.DateOnly, built)
	return &export.Packet{RoleID: "acme", Company: role.Company, Title: role.Title, Generated: date,
		Dir: filepath.FromSlash("/home/sam/prep/out/acme"), Loop: &export.Loop{Round: 2, Rounds: role.Rounds}}
}

func render(t *testing.T, p *export.Packet) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	t.Parallel()
	golden.Check(t, filepath.Join("testdata", "acme.golden.ics"), render(t, packet(t, "2026-11-25")))
}

var contentLine = regexp.MustCompile(`^[A-Z][A-Z0-9-]*(;[A-Z-]+=[^;:,"]+)*:`)

// TestStrictRFC5545 checks by hand what calendar programs are strict
// about (RFC 5545 3.1): every line ends in CRLF, no line is longer than 75
// octets, a folded line goes on with one space and splits no character,
// every unfolded line is NAME[;PARAM=VALUE]:VALUE, components nest, and
// each event has exactly one UID, DTSTAMP, DTSTART and DTEND.
func TestStrictRFC5545(t *testing.T) {
	t.Parallel()
	data := string(render(t, packet(t, "2026-11-25")))
	if !strings.HasSuffix(data, "\r\n") {
		t.Fatal("the file does not end with CRLF")
	}
	raw := strings.Split(strings.TrimSuffix(data, "\r\n"), "\r\n")
	var lines []string
	folded := 0
	for i, l := range raw {
		if strings.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d holds a bare CR or LF: %q", i+1, l)
		}
		if len(l) > MaxLine {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a character: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") {
			if i == 0 {
				t.Fatal("the file starts with a continuation")
			}
			lines[len(lines)-1] += l[1:]
			folded++
			continue
		}
		lines = append(lines, l)
	}
	if folded == 0 {
		t.Error("no line was folded: the test does not test folding")
	}
	var stack []string
	count := map[string]int{}
	events := 0
	for _, l := range lines {
		if !contentLine.MatchString(l) {
			t.Errorf("not a content line: %q", l)
			continue
		}
		name, value, _ := strings.Cut(l, ":")
		name, _, _ = strings.Cut(name, ";")
		switch name {
		case "BEGIN":
			stack = append(stack, value)
			if value == "VEVENT" {
				count = map[string]int{}
				events++
			}
		case "END":
			if len(stack) == 0 || stack[len(stack)-1] != value {
				t.Fatalf("END:%s does not close %v", value, stack)
			}
			stack = stack[:len(stack)-1]
			if value == "VEVENT" {
				for _, p := range []string{"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"} {
					if count[p] != 1 {
						t.Errorf("an event has %d %s", count[p], p)
					}
				}
			}
		default:
			count[name]++
		}
	}
	if len(stack) != 0 {
		t.Errorf("unclosed: %v", stack)
	}
	if events != 6 {
		t.Errorf("%d events, want 6: a round and a prep block for each of 3 rounds", events)
	}
}

// TestParses reads the file with an iCalendar library, checks what it
// understood, and encodes it again (the encoder checks each component's
// required and single properties).
func TestParses(t *testing.T) {
	t.Parallel()
	cal, err := ical.NewDecoder(bytes.NewReader(render(t, packet(t, "2026-11-25")))).Decode()
	if err != nil {
		t.Fatal(err)
	}
	if err := ical.NewEncoder(&bytes.Buffer{}).Encode(cal); err != nil {
		t.Fatalf("not a valid calendar: %v", err)
	}
	evs := cal.Events()
	if len(evs) != 6 {
		t.Fatalf("%d events, want 6", len(evs))
	}
	type want struct{ summary, start, end string }
	wants := []want{
		{"Acme: phone screen (round 1 of 3)", "2026-11-20 10:00", "2026-11-20 11:00"},
		{"Prep: Acme phone screen tomorrow", "2026-11-19 19:00", "2026-11-19 20:00"},
		{"Acme: hiring manager (round 2 of 3)", "2026-12-01 14:00", "2026-12-01 14:45"},
		{"Prep: Acme hiring manager tomorrow", "2026-11-30 19:00", "2026-11-30 20:00"},
		{"Acme: panel (round 3 of 3)", "2026-12-08 00:00", "2026-12-09 00:00"},
		{"Prep: Acme panel tomorrow", "2026-12-07 19:00", "2026-12-07 20:00"},
	}
	for i, ev := range evs {
		summary, _ := ev.Props.Text(ical.PropSummary)
		start, err1 := ev.DateTimeStart(time.UTC)
		end, err2 := ev.DateTimeEnd(time.UTC)
		if err := errors.Join(err1, err2); err != nil {
			t.Fatal(err)
		}
		got := want{summary, start.Format("2006-01-02 15:04"), end.Format("2006-01-02 15:04")}
		if got != wants[i] {
			t.Errorf("event %d = %+v, want %+v", i+1, got, wants[i])
		}
	}
	desc, _ := evs[2].Props.Text(ical.PropDescription)
	for _, part := range []string{"With: Dana Ørsted (EM), Lee; the tech lead\n", "— in the first 90 days.\nBring", "Prep packet: " + filepath.FromSlash("/home/sam/prep/out/acme") + "\n"} {
		if !strings.Contains(desc, part) {
			t.Errorf("description does not read back %q:\n%s", part, desc)
		}
	}
}

// TestRebuildUpdates: a rebuild gives the same UIDs, so a calendar updates
// the events instead of adding copies; a later build has a higher
// SEQUENCE and a later DTSTAMP; the same build date gives the same bytes.
func TestRebuildUpdates(t *testing.T) {
	t.Parallel()
	props := func(data []byte, name string) []string {
		cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, ev := range cal.Events() {
			out = append(out, ev.Props.Get(name).Value)
		}
		return out
	}
	first, again, later := render(t, packet(t, "2026-11-25")), render(t, packet(t, "2026-11-25")), render(t, packet(t, "2026-11-28"))
	if !bytes.Equal(first, again) {
		t.Error("the same build date gave different bytes")
	}
	uids := props(first, ical.PropUID)
	if strings.Join(uids, " ") != strings.Join(props(later, ical.PropUID), " ") {
		t.Errorf("UIDs changed on a rebuild: %q", uids)
	}
	seen := map[string]bool{}
	for _, u := range uids {
		if seen[u] || strings.Contains(u, "acme") {
			t.Errorf("UID %q repeated or naming the role", u)
		}
		seen[u] = true
	}
	seq1, _ := strconv.Atoi(props(first, ical.PropSequence)[0])
	seq2, _ := strconv.Atoi(props(later, ical.PropSequence)[0])
	if seq1 <= 0 || seq2 <= seq1 {
		t.Errorf("SEQUENCE %d then %d: a later build must be higher", seq1, seq2)
	}
	if s1, s2 := props(first, ical.PropDateTimeStamp)[0], props(later, ical.PropDateTimeStamp)[0]; s1 != "20261125T000000Z" || s2 != "20261128T000000Z" {
		t.Errorf("DTSTAMP %s and %s, want the build dates", s1, s2)
	}
	other := packet(t, "2026-11-25")
	other.RoleID = "beta"
	if props(render(t, other), ical.PropUID)[0] == uids[0] {
		t.Error("two roles share a UID")
	}
}

func TestNoRounds(t *testing.T) {
	t.Parallel()
	if err := Write(&bytes.Buffer{}, &export.Packet{RoleID: "acme", Loop: &export.Loop{}}); !errors.Is(err, ErrNoRounds) {
		t.Errorf("err = %v", err)
	}
}

func TestFoldAndEscape(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"short", "SUMMARY:hi", "SUMMARY:hi\r\n"},
		{"exactly 75", strings.Repeat("a", 75), strings.Repeat("a", 75) + "\r\n"},
		{"76 folds", strings.Repeat("a", 76), strings.Repeat("a", 75) + "\r\n a\r\n"},
		{"continuations hold 74", strings.Repeat("a", 75+74+1), strings.Repeat("a", 75) + "\r\n " + strings.Repeat("a", 74) + "\r\n a\r\n"},
		{"no split character", strings.Repeat("a", 74) + "é", strings.Repeat("a", 74) + "\r\n é\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold = %q, want %q", got, tt.want)
			}
		})
	}
	if got := Escape("a,b;c\\d\r\ne\nf"); got != `a\,b\;c\\d\ne\nf` {
		t.Errorf("Escape = %q", got)
	}
}
