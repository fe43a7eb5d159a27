package config

import (
	"errors"
	"testing"
	"time"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

func TestSpeakingSettings(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       stories.Speech
	}{
		{"defaults", "", stories.DefaultSpeech()},
		{"rate and windows, m:ss or seconds, quoted or not", "speaking:\n  words_per_minute: 130\n  star: {min: 1:20, max: \"2:10\"}\n  short: {min: 15}\n",
			stories.Speech{WordsPerMinute: 130, STAR: stories.Window{Min: 80 * time.Second, Max: 130 * time.Second},
				Short: stories.Window{Min: 15 * time.Second, Max: 45 * time.Second}}},
		{"the rate's older place", "lint: {words_per_minute: 120}\n",
			stories.Speech{WordsPerMinute: 120, STAR: stories.DefaultSTARWindow, Short: stories.DefaultShortWindow}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSettings("starpack.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Speech(); got != tt.want {
				t.Errorf("Speech() = %+v, want %+v", got, tt.want)
			}
			if got := s.LintConfig().Speech; got != tt.want {
				t.Errorf("lint speech = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestSpeakingSettingsErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"rate", "speaking:\n  words_per_minute: 1000\n", `starpack.yaml:2:21: speaking: words_per_minute must be between 60 and 300, not 1000`},
		{"not a time", "speaking:\n  star: {min: \"1:75\"}\n", `starpack.yaml:2:15: speaking: star: "1:75" is not a time of the form m:ss`},
		{"min above max", "speaking:\n  short:\n    min: \"1:00\"\n", `starpack.yaml:3:10: speaking: short: min 1:00 must be below max 0:45`},
		{"too long", "speaking:\n  star: {max: \"15:00\"}\n", `starpack.yaml:2:15: speaking: star: max 15:00 is longer than 10:00`},
		{"unknown key", "speaking:\n  stars: {}\n", `starpack.yaml:2:3: unknown field "stars" (did you mean "star"?)`},
		{"unknown question kind", "questions:\n  - {id: why-us, title: Why us, kind: long}\n", `starpack.yaml:2:3: questions: question "why-us": unknown kind "long"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSettings("starpack.yaml", []byte(tt.yaml))
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
