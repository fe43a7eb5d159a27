package config

import (
	"errors"
	"testing"

	"github.com/starpack/starpack/stories/lint"
	"github.com/starpack/starpack/stories/source"
)

func TestLintSettings(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want map[string]lint.Severity // rule severities in LintConfig
		wpm  int
	}{
		{"empty", "", map[string]lint.Severity{}, 0},
		{"off and error", "lint: {rules: {spelling: off, filler: error}, words_per_minute: 130}\n",
			map[string]lint.Severity{"spelling": lint.Off, "filler": lint.Error}, 130},
		{"false is off", "lint:\n  rules:\n    length: false\n    we-vs-i: warn\n",
			map[string]lint.Severity{"length": lint.Off, "we-vs-i": lint.Warning}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSettings("starpack.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			c := s.LintConfig()
			if len(c.Severity) != len(tt.want) {
				t.Errorf("severities = %v, want %v", c.Severity, tt.want)
			}
			for id, sev := range tt.want {
				if c.Severity[id] != sev {
					t.Errorf("%s = %v, want %v", id, c.Severity[id], sev)
				}
			}
			if c.WordsPerMinute != tt.wpm {
				t.Errorf("words per minute = %d, want %d", c.WordsPerMinute, tt.wpm)
			}
		})
	}
}

func TestLintSettingsErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown rule", "paper: A4\nlint:\n  rules:\n    speling: off\n",
			`starpack.yaml:4:5: lint: unknown lint rule "speling" (did you mean "spelling"?)`},
		{"bad severity", "lint:\n  rules: {filler: loud}\n",
			`starpack.yaml:2:19: lint: rule filler: unknown severity "loud"`},
		{"speaking rate", "lint:\n  words_per_minute: 1000\n",
			`starpack.yaml:2:21: lint: words_per_minute must be between 60 and 300, not 1000`},
		{"bounds", "lint:\n  min_seconds: 200\n",
			`starpack.yaml:2:16: lint: min_seconds (200) must be below max_seconds (180)`},
		{"similarity", "lint:\n  duplicate_similarity: 2\n",
			`starpack.yaml:2:25: lint: duplicate_similarity must be between 0 and 1, not 2`},
		{"unknown key", "lint:\n  max_second: 100\n",
			`starpack.yaml:2:3: unknown field "max_second" (did you mean "max_seconds"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSettings("starpack.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatal("no error")
			}
			var e *source.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T is not positioned: %v", err, err)
			}
			if err.Error() != tt.want {
				t.Errorf("error = %q\n want %q", err.Error(), tt.want)
			}
			if e.Hint == "" {
				t.Error("no hint")
			}
		})
	}
}
