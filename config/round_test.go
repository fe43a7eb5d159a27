package config

import (
	"errors"
	"testing"
	"time"

	"github.com/starpack/starpack/stories/source"
)

func TestRounds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		yaml   string
		when   []string // each round's When()
		length []time.Duration
		err    string // the error as printed; "" for none
	}{
		{name: "date and time, day, duration",
			yaml: "company: Acme\nrounds:\n  - {date: 2026-12-03T10:00, kind: phone screen, with: [recruiter]}\n  - date: 2026-12-08\n    duration: 3h\n",
			when: []string{"2026-12-03 10:00", "2026-12-08"}, length: []time.Duration{time.Hour, 3 * time.Hour}},
		{name: "space and seconds", yaml: "rounds:\n  - date: 2026-12-03 10:00:00\n  - date: \"2026-12-04 09:30\"\n",
			when: []string{"2026-12-03 10:00", "2026-12-04 09:30"}, length: []time.Duration{time.Hour, time.Hour}},
		{name: "bad date", yaml: "rounds:\n  - {date: 2026-12-03T10, kind: panel}\n",
			err: `roles/acme.yaml:2:12: round 1: date "2026-12-03T10" is not a date and time`},
		{name: "no date", yaml: "rounds:\n  - kind: panel\n",
			err: `roles/acme.yaml:2:5: round 1 has no date`},
		{name: "out of order", yaml: "rounds:\n  - date: 2026-12-03T10:00\n  - date: 2026-12-01T10:00\n",
			err: `roles/acme.yaml:3:11: round 2 (2026-12-01 10:00) comes before round 1 (2026-12-03 10:00)`},
		{name: "bad duration", yaml: "rounds:\n  - {date: 2026-12-03, duration: an hour}\n",
			err: `roles/acme.yaml:2:34: round 1: duration "an hour" is not a length of time`},
		{name: "unknown field", yaml: "rounds:\n  - {date: 2026-12-03, wiht: [Dana]}\n",
			err: `roles/acme.yaml:2:24: unknown field "wiht" (did you mean "with"?)`},
		{name: "with is a list", yaml: "rounds:\n  - {date: 2026-12-03, with: Dana}\n",
			err: `roles/acme.yaml:2:3: expected a list, found text (Dana)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, err := ParseRole("acme", "roles/acme.yaml", []byte(tt.yaml), nil)
			if tt.err != "" {
				var e *source.Error
				if !errors.As(err, &e) || err.Error() != tt.err {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				if e.Hint == "" {
					t.Errorf("no hint for %q", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Rounds) != len(tt.when) {
				t.Fatalf("%d rounds, want %d", len(r.Rounds), len(tt.when))
			}
			for i := range r.Rounds {
				if got := r.Rounds[i].When(); got != tt.when[i] {
					t.Errorf("round %d: When() = %q, want %q", i+1, got, tt.when[i])
				}
				if got := r.Rounds[i].Length; got != tt.length[i] {
					t.Errorf("round %d: Length = %v, want %v", i+1, got, tt.length[i])
				}
			}
		})
	}
}

func TestNextAndLastRound(t *testing.T) {
	t.Parallel()
	r, err := ParseRole("acme", "roles/acme.yaml", []byte("rounds:\n  - date: 2026-11-20T10:00\n  - date: 2026-12-01T14:00\n  - date: 2026-12-08\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time {
		t, _ := time.Parse(time.DateOnly, s)
		return t
	}
	tests := []struct {
		date       string
		next, last int
	}{
		{"2026-11-01", 1, 0},
		{"2026-11-20", 1, 1}, // a round today is both the next and the last
		{"2026-11-21", 2, 1},
		{"2026-12-08", 3, 3},
		{"2026-12-09", 0, 3},
	}
	for _, tt := range tests {
		t.Run(tt.date, func(t *testing.T) {
			if got := r.NextRound(day(tt.date)); got != tt.next {
				t.Errorf("NextRound = %d, want %d", got, tt.next)
			}
			if got := r.LastRound(day(tt.date)); got != tt.last {
				t.Errorf("LastRound = %d, want %d", got, tt.last)
			}
		})
	}
	if err := r.CheckRound(4); err == nil || err.Error() != `roles/acme.yaml: role "acme" has no round 4` {
		t.Errorf("CheckRound(4) = %v", err)
	}
	if err := r.CheckRound(3); err != nil {
		t.Errorf("CheckRound(3) = %v", err)
	}
}
