package loop

import (
	"fmt"
	"strings"
	"time"

	"github.com/starpack/starpack/stories/source"
)

// Practice is one timed rehearsal of a story (starpack drill).
type Practice struct {
	Story    string `yaml:"story"`
	Question string `yaml:"question"`       // the question it was asked as
	Role     string `yaml:"role,omitempty"` // the role drilled for, if any
	At       string `yaml:"at"`             // when, YYYY-MM-DDTHH:MM:SS (the candidate's clock)
	Seconds  int    `yaml:"seconds"`        // how long the answer took
	Rating   int    `yaml:"rating,omitempty"`
}

// MaxRating is the best self-rating of a rehearsal; ratings run from 1.
const MaxRating = 5

// TimeLayout is how Practice.At is written.
const TimeLayout = "2006-01-02T15:04:05"

// Time is At parsed (the zero time when it does not parse: ParsePractice
// refuses such entries).
func (p Practice) Time() time.Time {
	t, _ := time.Parse(TimeLayout, p.At)
	return t
}

// practiceHeader starts a new practice file.
const practiceHeader = `# Timed rehearsals, written by "starpack drill".
# Append-only: each rehearsal adds an entry below.
`

// ParsePractice decodes a practice file: a YAML list of rehearsals.
// Errors are *source.Error positioned in file.
func ParsePractice(file string, data []byte) ([]Practice, error) {
	list, nodes, err := parseList[Practice](file, data, "practice")
	if err != nil {
		return nil, err
	}
	for i, p := range list {
		n := nodes[i]
		if strings.TrimSpace(p.Story) == "" {
			return nil, source.Errorf(source.NodePos(file, n), "say which story was practised: story: <id>", "practice entry %d has no story", i+1)
		}
		if _, err := time.Parse(TimeLayout, p.At); err != nil {
			return nil, source.Errorf(valuePos(file, n, "at"), "write the time as YYYY-MM-DDTHH:MM:SS, e.g. 2026-11-20T19:30:00",
				"practice entry %d: at %q is not a date and time", i+1, p.At)
		}
		if p.Rating < 0 || p.Rating > MaxRating {
			return nil, source.Errorf(valuePos(file, n, "rating"), fmt.Sprintf("a self-rating is a whole number from 1 to %d", MaxRating),
				"practice entry %d: rating %d is out of range", i+1, p.Rating)
		}
		if p.Seconds < 0 {
			return nil, source.Errorf(valuePos(file, n, "seconds"), "seconds is how long the answer took", "practice entry %d: seconds %d is negative", i+1, p.Seconds)
		}
	}
	return list, nil
}

// AppendPractice returns the practice file old (nil for a new file) with
// entries appended, old kept byte for byte.
func AppendPractice(file string, old []byte, entries []Practice) ([]byte, error) {
	return appendList(file, old, practiceHeader, entries, ParsePractice, func(a, b Practice) bool { return a == b })
}

// PracticeFile is the base name of the practice file an entry goes to: one
// file per month, YYYY-MM.yaml, so that no file grows without end.
func PracticeFile(p Practice) string {
	if len(p.At) >= 7 {
		return p.At[:7] + ".yaml"
	}
	return "undated.yaml"
}
