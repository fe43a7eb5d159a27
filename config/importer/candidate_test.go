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

// TestMergeCandidateSample: the sample workspace's made-up candidate is
// replaced by the résumé's, and said so; the same values in a file that
// starpack did not write as sample data are the user's, and kept. The
// starter file's comments stay beside the values filled in.
func TestMergeCandidateSample(t *testing.T) {
	ana := jsonresume.Basics{Name: "Ana Diaz", Email: "ana@diaz.dev", Summary: "I build pipelines."}
	sample := config.SampleMarker + " a made-up candidate\ncandidate:\n  name: Sam Lee\n  email: sam@example.org\n"
	tests := []struct {
		name, in       string
		set            []string
		kept, replaced int
		want           []string
	}{
		{"marked sample", sample, []string{"name", "email", "pitch"}, 0, 2, []string{"  name: Ana Diaz", "  email: ana@diaz.dev"}},
		{"same values, unmarked", "candidate:\n  name: Sam Lee\n  email: sam@example.org\n", []string{"pitch"}, 2, 0, []string{"  name: Sam Lee"}},
		{"starter", config.StarterSettings, []string{"name", "email", "pitch"}, 0, 0,
			[]string{"  name: Ana Diaz # your name, on the cover of the brief", "  email: ana@diaz.dev # under your name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ed, err := mergeCandidate("starpack.yaml", []byte(tt.in), ana, "ana.json")
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(ed.set, ",") != strings.Join(tt.set, ",") || len(ed.kept) != tt.kept || len(ed.replaced) != tt.replaced {
				t.Errorf("set %q kept %q replaced %q; want %q, %d kept, %d replaced", ed.set, ed.kept, ed.replaced, tt.set, tt.kept, tt.replaced)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(ed.data), w+"\n") {
					t.Errorf("result lacks line %q:\n%s", w, ed.data)
				}
			}
		})
	}
	ed, _ := mergeCandidate("starpack.yaml", []byte(sample), ana, "ana.json")
	if want := `replaced the example's made-up candidate name "Sam Lee" in starpack.yaml with "Ana Diaz" from ana.json`; len(ed.replaced) == 0 || ed.replaced[0] != want {
		t.Errorf("note %q, want %q", ed.replaced, want)
	}
}
