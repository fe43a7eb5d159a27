package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/starpack/starpack/internal/golden"
)

// TestSelectGolden runs `starpack select` on the seed bank for each role of
// testdata/select and compares the output with its golden file. With
// -update it rewrites them; on a mismatch it writes <golden>.got.
func TestSelectGolden(t *testing.T) {
	ws := filepath.Join("..", "..", "testdata", "select")
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{"amazon json", []string{"select", "amazon", "--json"}, "amazon.golden.json"},
		{"warehouse json", []string{"select", "warehouse", "--json"}, "warehouse.golden.json"},
		{"streaming text", []string{"select", "streaming"}, "streaming.golden.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(append(tt.args, "--workspace", ws), strings.NewReader(""), &out, &errb); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			if strings.HasSuffix(tt.golden, ".json") && !json.Valid(out.Bytes()) {
				t.Fatalf("not JSON:\n%s", out.String())
			}
			golden.Check(t, filepath.Join(ws, tt.golden), out.Bytes())
		})
	}
}

// TestSelectJSONShape decodes the JSON the way a script would, by the
// documented field names.
func TestSelectJSONShape(t *testing.T) {
	var out, errb bytes.Buffer
	ws := filepath.Join("..", "..", "testdata", "select")
	if code := run([]string{"select", "warehouse", "--json", "--workspace", ws}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var got struct {
		Role     string
		Weights  map[string]float64
		Keywords []struct {
			Term    string
			Weight  float64
			Stories int
		}
		Answers []struct {
			Question struct{ ID, Title, Ask, Kind string }
			Picks    []struct {
				Story, Project, Cue, Time, Window string
				Score                             float64
				Included                          bool
				Parts                             map[string]float64
				Matched                           struct {
					Question     bool
					Competencies []string
					Keywords     []string
					Said         map[string]string
					Number       bool
					Strength     struct {
						Star, Number, Fits bool
						Time, Window       string
					}
				}
				Reasons []string
			}
			Alternates []struct {
				Story  string
				Score  float64
				Reason []string
			}
		}
		Gaps []struct {
			Question, Keyword, Reason string
			Score                     float64
		}
		Requirements []struct {
			Text     string
			Terms    []string
			Gap      bool
			Evidence []struct {
				Story  string
				Picked bool
				Words  []string
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Role != "warehouse" || got.Weights["keyword"] != 3 || len(got.Answers) != 6 {
		t.Fatalf("role %q, weights %v, %d answers", got.Role, got.Weights, len(got.Answers))
	}
	conflict := got.Answers[3]
	if conflict.Question.ID != "conflict" || len(conflict.Picks) != 2 || !conflict.Picks[0].Included ||
		conflict.Picks[0].Story != "stream-joins.conflict" {
		t.Errorf("conflict: %+v, want the included stream-joins.conflict first", conflict)
	}
	mi := got.Answers[1].Picks[0]
	if mi.Story != "warehouse-migration.most-interesting" || !mi.Matched.Number || !mi.Matched.Question {
		t.Errorf("most-interesting: %+v", mi)
	}
	sum := 0.0
	for _, v := range mi.Parts {
		sum += v
	}
	if d := sum - mi.Score; d > 0.005 || d < -0.005 {
		t.Errorf("parts %v sum to %.3f, score %.3f", mi.Parts, sum, mi.Score)
	}
	if mi.Time == "" || mi.Time != mi.Matched.Strength.Time || mi.Window != "1:30–2:00" || got.Answers[1].Question.Kind != "star" {
		t.Errorf("most-interesting time %q, strength %+v, window %q", mi.Time, mi.Matched.Strength, mi.Window)
	}
	for _, a := range got.Answers {
		// Two stories per question use the whole bank: none is left over.
		if a.Alternates == nil || len(a.Alternates) != 0 {
			t.Errorf("%s: alternates %+v, want an empty list", a.Question.ID, a.Alternates)
		}
	}
	if len(got.Requirements) == 0 {
		t.Fatal("no requirement map")
	}
	for _, r := range got.Requirements {
		if r.Gap != (len(r.Evidence) == 0) || r.Text == "" {
			t.Errorf("requirement %+v", r)
		}
	}
	keywordGaps := 0
	for _, g := range got.Gaps {
		if g.Keyword != "" {
			keywordGaps++
		}
	}
	if keywordGaps == 0 {
		t.Errorf("no keyword gaps in %+v (numeric precision is in no story)", got.Gaps)
	}
}
