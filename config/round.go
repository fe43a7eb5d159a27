package config

import (
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/starpack/starpack/stories/source"
)

// Round is one interview round of a role (rounds: in the role file). Rounds
// are numbered from 1 in the order the file lists them, which must be the
// order of their dates.
type Round struct {
	Date     string   `yaml:"date"`     // YYYY-MM-DDTHH:MM, or YYYY-MM-DD when the time is not known
	Kind     string   `yaml:"kind"`     // phone screen, hiring manager, panel, bar raiser, ...
	With     []string `yaml:"with"`     // the interviewers' names or roles
	Notes    string   `yaml:"notes"`    // anything to remember about it
	Duration string   `yaml:"duration"` // how long it lasts, e.g. 45m or 1h30m; default 1h

	// At is Date as a wall-clock time (no time zone: the round happens at
	// that time wherever the candidate is); midnight when AllDay.
	At     time.Time     `yaml:"-"`
	AllDay bool          `yaml:"-"` // Date names a day without a time
	Length time.Duration `yaml:"-"` // Duration parsed; DefaultRoundLength when not given
	// Pos holds where each of the round's fields is written (keyed by YAML
	// name; "" is the round itself).
	Pos map[string]source.Position `yaml:"-"`
}

// DefaultRoundLength is how long a round lasts when its duration is not written.
const DefaultRoundLength = time.Hour

// roundLayouts are the ways a round's date may be written.
var roundLayouts = []struct {
	layout string
	allDay bool
}{
	{"2006-01-02T15:04", false},
	{"2006-01-02 15:04", false},
	{"2006-01-02T15:04:05", false},
	{"2006-01-02 15:04:05", false},
	{"2006-01-02", true},
}

// Day is the round's date, YYYY-MM-DD.
func (r *Round) Day() string { return r.At.Format(time.DateOnly) }

// When says the round's date and time for people: "2026-12-03 10:00", or
// the day alone.
func (r *Round) When() string {
	if r.AllDay {
		return r.Day()
	}
	return r.At.Format("2006-01-02 15:04")
}

// Label names round n (1-based) of a role with its kind: "round 2
// (hiring manager)".
func (r *Round) Label(n int) string {
	if k := strings.TrimSpace(r.Kind); k != "" {
		return fmt.Sprintf("round %d (%s)", n, k)
	}
	return fmt.Sprintf("round %d", n)
}

// NextRound is the number (1-based) of the first round on or after date's
// day, the one a packet built on date prepares for; 0 when every round is
// over (or there are none).
func (r *Role) NextRound(date time.Time) int {
	day := date.Format(time.DateOnly)
	for i := range r.Rounds {
		if r.Rounds[i].Day() >= day {
			return i + 1
		}
	}
	return 0
}

// LastRound is the number (1-based) of the last round on or before date's
// day, the one a debrief written on date is about; 0 when none has
// happened yet.
func (r *Role) LastRound(date time.Time) int {
	day := date.Format(time.DateOnly)
	n := 0
	for i := range r.Rounds {
		if r.Rounds[i].Day() <= day {
			n = i + 1
		}
	}
	return n
}

// CheckRound checks a round number given on the command line (--round N)
// against the role's rounds.
func (r *Role) CheckRound(n int) error {
	switch {
	case len(r.Rounds) == 0:
		return &source.Error{File: r.File, Msg: fmt.Sprintf("role %q has no rounds", r.ID),
			Hint: "add them to the role file, e.g.\nrounds:\n  - {date: 2026-12-03T10:00, kind: phone screen, with: [recruiter]}"}
	case n < 1 || n > len(r.Rounds):
		return &source.Error{File: r.File, Msg: fmt.Sprintf("role %q has no round %d", r.ID, n),
			Hint: fmt.Sprintf("its rounds are 1 to %d, in the order rounds: lists them", len(r.Rounds))}
	}
	return nil
}

// parseRounds checks the rounds of a role file and fills in their parsed
// fields; root is the file's top mapping.
func (r *Role) parseRounds(file string, root *yaml.Node) error {
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "rounds" {
			list = root.Content[i+1]
		}
	}
	for i := range r.Rounds {
		rd := &r.Rounds[i]
		rd.Pos = map[string]source.Position{}
		if list != nil && i < len(list.Content) {
			item := list.Content[i]
			rd.Pos[""] = source.NodePos(file, item)
			for j := 0; j+1 < len(item.Content); j += 2 {
				rd.Pos[item.Content[j].Value] = source.NodePos(file, item.Content[j+1])
			}
		}
		if err := rd.parse(i + 1); err != nil {
			return err
		}
		if i > 0 && rd.At.Before(r.Rounds[i-1].At) {
			return source.Errorf(rd.at("date"), "list the rounds in the order they happen: a round's number is its place in the list",
				"round %d (%s) comes before round %d (%s)", i+1, rd.When(), i, r.Rounds[i-1].When())
		}
	}
	return nil
}

// at is where a field of the round is written, else the round itself.
func (rd *Round) at(field string) source.Position {
	if p, ok := rd.Pos[field]; ok {
		return p
	}
	return rd.Pos[""]
}

// parse reads the round's date and duration; n is its number, for messages.
func (rd *Round) parse(n int) error {
	const hint = "write the date and time as YYYY-MM-DDTHH:MM, e.g. 2026-12-03T10:00 (or the day alone, 2026-12-03)"
	date := strings.TrimSpace(rd.Date)
	if date == "" {
		return source.Errorf(rd.at(""), hint, "round %d has no date", n)
	}
	ok := false
	for _, l := range roundLayouts {
		if t, err := time.Parse(l.layout, date); err == nil {
			rd.At, rd.AllDay, ok = t, l.allDay, true
			break
		}
	}
	if !ok {
		return source.Errorf(rd.at("date"), hint, "round %d: date %q is not a date and time", n, rd.Date)
	}
	rd.Length = DefaultRoundLength
	if d := strings.TrimSpace(rd.Duration); d != "" {
		l, err := time.ParseDuration(d)
		if err != nil || l <= 0 || l > 24*time.Hour {
			return source.Errorf(rd.at("duration"), "write how long it lasts as 45m, 1h or 1h30m (at most 24h)",
				"round %d: duration %q is not a length of time", n, rd.Duration)
		}
		rd.Length = l
	}
	return nil
}

// NextRoundAfter is the number of the round after round n, or 0 when n is
// the last.
func (r *Role) NextRoundAfter(n int) int {
	if n < len(r.Rounds) {
		return n + 1
	}
	return 0
}
