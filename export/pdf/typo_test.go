package pdf

import (
	"strings"
	"testing"

	"github.com/starpack/starpack/stories"
)

func TestSmart(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"double quotes", `the "unknown unknown" discovered`, "the “unknown unknown” discovered"},
		{"single quotes and apostrophes", `I don't want 'a hack', it's the team's`, "I don’t want ‘a hack’, it’s the team’s"},
		{"quote after bracket", `("fast")`, "(“fast”)"},
		{"decade", `the '90s`, "the ’90s"},
		{"spaced hyphen", "a hybrid approach - different parts", "a hybrid approach – different parts"},
		{"double hyphen", "slow -- very slow", "slow – very slow"},
		{"em dash", "slow---very slow, and slow--very", "slow—very slow, and slow—very"},
		{"ranges", "in 2019-2020, 10-20% and 2-3 weeks", "in 2019–2020, 10–20% and 2–3 weeks"},
		{"hyphens stay", "real-time, 4-way, on-call, UTF-8, 30-year-old", "real-time, 4-way, on-call, UTF-8, 30-year-old"},
		{"dates stay", "on 2026-12-03 at 10:00, from 2021-04 to present", "on 2026-12-03 at 10:00, from 2021-04 to present"},
		{"ellipsis", "and then...", "and then…"},
		{"ids stay", `story stream-joins.most-interesting and "build-real-time.conflict"`, "story stream-joins.most-interesting and “build-real-time.conflict”"},
		{"code stays", "run `starpack build --all` with --force and path/to/file's", "run `starpack build --all` with --force and path/to/file's"},
		{"urls stay", "see https://example.org/a--b's", "see https://example.org/a--b's"},
		{"none", "Plain words only", "Plain words only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := smart(tt.in); got != tt.want {
				t.Errorf("smart(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzSmart(f *testing.F) {
	f.Add(`"it's" - 2019-2020 -- a--b --flag ... x.y`)
	f.Fuzz(func(t *testing.T, in string) {
		out := smart(in)
		// Only punctuation changes: the letters and digits stay, in order.
		keep := func(s string) string {
			return strings.Map(func(r rune) rune {
				if strings.ContainsRune("\"'-.“”‘’–—…", r) {
					return -1
				}
				return r
			}, s)
		}
		if keep(out) != keep(in) {
			t.Errorf("smart(%q) = %q changed more than punctuation", in, out)
		}
	})
}

func TestDates(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"2026-12-03", "Thu 3 Dec 2026"},
		{"Round 2 of 3: hiring manager, 2026-12-01 14:00, with Dana", "Round 2 of 3: hiring manager, Tue 1 Dec 2026, 14:00, with Dana"},
		{"last self-rating 4/5 (2026-11-23)", "last self-rating 4/5 (Mon 23 Nov 2026)"},
		{"not a date 2026-13-45", "not a date 2026-13-45"},
		{"no date", "no date"},
	}
	for _, tt := range tests {
		if got := dates(tt.in); got != tt.want {
			t.Errorf("dates(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestShortenAt(t *testing.T) {
	t.Parallel()
	text := "No one knows how to use the data warehouse, while racing against clock. We still have to design and redesign around those risk points, but no new unknown was found."
	tests := []struct {
		name  string
		limit int // characters
		want  string
		ok    bool
	}{
		{"whole", 500, text, true},
		{"first sentence", 90, "No one knows how to use the data warehouse, while racing against clock.", true},
		{"a clause", 60, "No one knows how to use the data warehouse…", true},
		{"second sentence's clause", 140, "No one knows how to use the data warehouse, while racing against clock. We still have to design and redesign around those risk points…", true},
		{"nothing fits", 10, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := shortenAt(text, func(s string) bool { return len(s) <= tt.limit })
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %q %v, want %q %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestCuts(t *testing.T) {
	t.Parallel()
	text := "Used e.g. Kafka and Flink (both), but it broke: twice - badly; see J. Doe. Then too.As for it"
	var got []string
	for _, c := range cuts(text) {
		got = append(got, clauseText(text, c))
	}
	want := []string{
		"Used e.g. Kafka and Flink…",
		"Used e.g. Kafka and Flink (both)…",
		"Used e.g. Kafka and Flink (both), but it broke…",
		"Used e.g. Kafka and Flink (both), but it broke: twice…",
		"Used e.g. Kafka and Flink (both), but it broke: twice - badly…",
		"Used e.g. Kafka and Flink (both), but it broke: twice - badly; see J. Doe.",
		"Used e.g. Kafka and Flink (both), but it broke: twice - badly; see J. Doe. Then too.",
		text,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("cuts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPitchBullets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, pitch string
		want        []string
	}{
		{"clauses", "I am a data engineer who builds the pipelines other teams rely on: I moved a core calculation engine from an RDBMS to a data warehouse and built real-time ingestion with a 4-way stream join used by every user of our main website.",
			[]string{"I am a data engineer who builds the pipelines other teams rely on", "I moved a core calculation engine from an RDBMS to a data warehouse", "Built real-time ingestion with a 4-way stream join used by every user of our main website."}},
		{"sentences grouped", "One. Two. Three. Four and more.", []string{"One. Two.", "Three.", "Four and more."}},
		{"a list", "- Data engineer\n- Moved the engine\n- Built ingestion", []string{"Data engineer", "Moved the engine", "Built ingestion"}},
		{"short", "Data engineer.", []string{"Data engineer."}},
		{"none", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pitchBullets(tt.pitch)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// A story's heading never repeats the opening of its Situation when the
// rest of the story gives another.
func TestStoryTitle(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		s    stories.Story
		want string
	}{
		{"own title", stories.Story{Title: "A 4-way join", Situation: "Implement a join."}, "A 4-way join"},
		{"title repeats the situation", stories.Story{Title: "Yelled at a teammate",
			Situation: "Yelled at a teammate who made a careless mistake without testing and cost me a night of sleep",
			Action:    "I apologized and took the team, including the teammate, to the best steakhouse in Toronto, out of my own pockets",
			Result:    "Still keep in touch with that teammate and joke around on a regular basis"}, "Keep in touch with that teammate"},
		{"nothing else to say", stories.Story{Title: "Technology architecture design", Situation: "Technology architecture design."}, "Technology architecture design"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := storyTitle(&tt.s)
			if got != tt.want {
				t.Errorf("storyTitle = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLeadWith(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                  string
		s                     stories.Story
		figure, clause, field string
	}{
		{"result first", stories.Story{Situation: "It took 9 hours.", Result: "Stable since, and the batch fell from 4h10m to 9 s, saving $1.2M/year."},
			"$1.2M/year", "The batch fell from 4h10m to 9 s, saving $1.2M/year", "result"},
		{"situation last", stories.Story{Situation: "The whole process has 3000+ steps, but the result is off.", Result: "Fixed it."},
			"3000+ steps", "The whole process has 3000+ steps", "situation"},
		{"none", stories.Story{Situation: "Step 15 failed.", Result: "Fixed it in v2."}, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, c, field := leadWith(&tt.s)
			if f != tt.figure || c != tt.clause || field != tt.field {
				t.Errorf("leadWith = %q, %q, %q; want %q, %q, %q", f, c, field, tt.figure, tt.clause, tt.field)
			}
		})
	}
}
