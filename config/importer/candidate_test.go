package importer

import (
	"strings"
	"testing"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/stories/jsonresume"
)

func TestMergeCandidate(t *testing.T) {
	b := jsonresume.Basics{Name: "Sam Lee", Email: "sam@example.org", Summary: "I build pipelines."}
	tests := []struct {
		name, in string
		set      []string
		kept     int
		want     []string // lines the result holds
	}{
		{"comments only", "# my settings\npaper: A4 # paper\n", []string{"name", "email", "pitch"}, 0,
			[]string{"# my settings", "paper: A4 # paper", "candidate:", "  name: Sam Lee", "  pitch: I build pipelines."}},
		{"empty file", "", []string{"name", "email", "pitch"}, 0, []string{"candidate:"}},
		{"name set", "# head\ncandidate:\n  name: Samuel Lee # as on my passport\n", []string{"email", "pitch"}, 1,
			[]string{"# head", "  name: Samuel Lee # as on my passport", "  email: sam@example.org"}},
		{"flow mapping", "candidate: {email: sam@example.org}\n", []string{"name", "pitch"}, 0,
			[]string{"  email: sam@example.org", "  name: Sam Lee"}},
		{"empty candidate", "candidate:\nout: build\n", []string{"name", "email", "pitch"}, 0, []string{"  name: Sam Lee", "out: build"}},
		{"all set", "candidate: {name: A, email: b@c, pitch: Hi}\n", nil, 3, []string{"candidate: {name: A, email: b@c, pitch: Hi}"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ed, err := mergeCandidate("starpack.yaml", []byte(tt.in), b, "resume.json")
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(ed.set, ",") != strings.Join(tt.set, ",") || len(ed.kept) != tt.kept {
				t.Errorf("set %q kept %q, want %q and %d kept", ed.set, ed.kept, tt.set, tt.kept)
			}
			got := string(ed.data)
			if ed.data == nil {
				got = tt.in
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w+"\n") {
					t.Errorf("result lacks line %q:\n%s", w, got)
				}
			}
			if len(tt.set) > 0 {
				s, err := config.ParseSettings("starpack.yaml", ed.data)
				if err != nil {
					t.Fatal(err)
				}
				if s.Candidate.Email != "sam@example.org" && !strings.Contains(tt.in, "email") {
					t.Errorf("email %q", s.Candidate.Email)
				}
			}
		})
	}
	t.Run("not a mapping", func(t *testing.T) {
		_, err := mergeCandidate("starpack.yaml", []byte("candidate: Sam\n"), b, "resume.json")
		if err == nil || !strings.Contains(err.Error(), "starpack.yaml:1:12: candidate: is not a mapping") {
			t.Errorf("error %v", err)
		}
	})
}
