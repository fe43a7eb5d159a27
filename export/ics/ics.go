// Package ics renders a role's interview rounds as an iCalendar file
// (RFC 5545), interview.ics: one event per round, with the packet's folder
// in its description, and a prep block the evening before each round.
//
// Importing the file again after a rebuild updates the events rather than
// adding copies: each event's UID is derived from the role id and the
// round's number, and SEQUENCE and DTSTAMP come from the build date (fixed
// by --date), so a later build supersedes an earlier one and the same
// build gives the same bytes.
package ics

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export"
)

// ErrNoRounds says that a packet has no rounds to put in a calendar.
var ErrNoRounds = errors.New("no interview rounds")

// Prep block: the evening before a round, from PrepStart for PrepLength.
const (
	PrepStart  = 19 * time.Hour
	PrepLength = time.Hour
)

// epoch is where SEQUENCE counts minutes from.
var epoch = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes the packet's rounds as a calendar to w. A packet without
// rounds is ErrNoRounds.
func Write(w io.Writer, p *export.Packet) error {
	if p.Loop == nil || len(p.Loop.Rounds) == 0 {
		return ErrNoRounds
	}
	c := &calendar{}
	c.line("BEGIN", "VCALENDAR")
	c.line("VERSION", "2.0")
	c.line("PRODID", "-//starpack//interview rounds//EN")
	c.line("CALSCALE", "GREGORIAN")
	c.line("METHOD", "PUBLISH")
	c.text("X-WR-CALNAME", "Interviews: "+p.Heading())
	for i := range p.Loop.Rounds {
		r := &p.Loop.Rounds[i]
		n := i + 1
		c.event(p, uid(p.RoleID, n, ""), roundEvent(p, r, n))
		c.event(p, uid(p.RoleID, n, "prep"), prepEvent(p, r, n))
	}
	c.line("END", "VCALENDAR")
	_, err := io.WriteString(w, c.b.String())
	return err
}

// event is what one VEVENT says.
type event struct {
	start, end  time.Time
	allDay      bool
	summary     string
	description string
	transparent bool // a prep block does not make the candidate busy for others
}

func roundEvent(p *export.Packet, r *config.Round, n int) event {
	e := event{start: r.At, end: r.At.Add(r.Length), allDay: r.AllDay}
	if r.AllDay {
		e.end = r.At.AddDate(0, 0, 1)
	}
	e.summary = fmt.Sprintf("%s: %s (round %d of %d)", company(p), kind(r), n, len(p.Loop.Rounds))
	var d []string
	if p.Title != "" {
		d = append(d, p.Heading())
	}
	if len(r.With) > 0 {
		d = append(d, "With: "+strings.Join(r.With, ", "))
	}
	if notes := strings.TrimSpace(r.Notes); notes != "" {
		d = append(d, "Notes: "+notes)
	}
	if p.Dir != "" {
		d = append(d, "Prep packet: "+p.Dir)
	}
	d = append(d, fmt.Sprintf("Afterwards: starpack debrief %s --round %d", p.RoleID, n))
	e.description = strings.Join(d, "\n")
	return e
}

func prepEvent(p *export.Packet, r *config.Round, n int) event {
	eve := time.Date(r.At.Year(), r.At.Month(), r.At.Day()-1, 0, 0, 0, 0, time.UTC).Add(PrepStart)
	e := event{start: eve, end: eve.Add(PrepLength), transparent: true}
	e.summary = fmt.Sprintf("Prep: %s %s tomorrow", company(p), kind(r))
	when := "tomorrow"
	if !r.AllDay {
		when += " at " + r.At.Format("15:04")
	}
	d := []string{fmt.Sprintf("Round %d of %d, %s: %s.", n, len(p.Loop.Rounds), kind(r), when),
		fmt.Sprintf("Build the packet: starpack build %s --round %d", p.RoleID, n)}
	if p.Dir != "" {
		d = append(d, "Read: "+filepath.Join(p.Dir, "brief.pdf"), "Print: "+filepath.Join(p.Dir, "cheatsheet.pdf"))
	}
	d = append(d, "Rehearse aloud: starpack drill "+p.RoleID)
	e.description = strings.Join(d, "\n")
	return e
}

func company(p *export.Packet) string {
	if p.Company != "" {
		return p.Company
	}
	return p.Heading()
}

func kind(r *config.Round) string {
	if k := strings.TrimSpace(r.Kind); k != "" {
		return k
	}
	return "interview"
}

// uid is an event's stable id: a hash of the role id (which may name the
// company, and so stays out of a shared calendar) with the round's number.
func uid(roleID string, n int, suffix string) string {
	sum := sha256.Sum256([]byte("starpack role " + roleID))
	id := fmt.Sprintf("%s-round-%d", hex.EncodeToString(sum[:8]), n)
	if suffix != "" {
		id += "-" + suffix
	}
	return id + "@starpack"
}

// sequence is the revision of every event of a build: the minutes from
// 2020 to the build date, so that a later build supersedes an earlier one.
func sequence(built time.Time) int {
	if built.Before(epoch) {
		return 0
	}
	return int(built.Sub(epoch) / time.Minute)
}

// calendar accumulates content lines, folded and ended with CRLF.
type calendar struct{ b strings.Builder }

func (c *calendar) event(p *export.Packet, id string, e event) {
	c.line("BEGIN", "VEVENT")
	c.line("UID", id)
	c.line("DTSTAMP", p.Generated.UTC().Format("20060102T150405Z"))
	c.line("SEQUENCE", fmt.Sprint(sequence(p.Generated)))
	if e.allDay {
		c.line("DTSTART;VALUE=DATE", e.start.Format("20060102"))
		c.line("DTEND;VALUE=DATE", e.end.Format("20060102"))
	} else {
		// Floating times: the round is at 10:00 wherever the candidate is.
		c.line("DTSTART", e.start.Format("20060102T150405"))
		c.line("DTEND", e.end.Format("20060102T150405"))
	}
	c.text("SUMMARY", e.summary)
	c.text("DESCRIPTION", e.description)
	c.text("CATEGORIES", "Interview")
	if e.transparent {
		c.line("TRANSP", "TRANSPARENT")
	} else {
		c.line("TRANSP", "OPAQUE")
	}
	c.line("END", "VEVENT")
}

// text writes a property whose value is TEXT, escaped.
func (c *calendar) text(name, value string) { c.line(name, Escape(value)) }

// line writes one content line, folded at 75 octets.
func (c *calendar) line(name, value string) {
	c.b.WriteString(Fold(name + ":" + value))
}

// Escape escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon,
// comma and line breaks.
func Escape(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`).Replace(s)
}

// MaxLine is the most octets a content line holds before it is folded
// (RFC 5545 3.1), the line break excluded.
const MaxLine = 75

// Fold ends a content line with CRLF, folding it into lines of at most
// MaxLine octets, each continuation starting with a space. A UTF-8
// character is never split.
func Fold(line string) string {
	var b strings.Builder
	limit := MaxLine
	for len(line) > limit {
		cut := limit
		for cut > 0 && !startsRune(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = MaxLine - 1 // the leading space counts
	}
	b.WriteString(line)
	b.WriteString("\r\n")
	return b.String()
}

// startsRune reports whether c starts a UTF-8 character (is not a
// continuation byte).
func startsRune(c byte) bool { return c&0xC0 != 0x80 }
