package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/starpack/starpack/stories/loop"
)

func TestLoopRecords(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := Open(dir, "ws")
	if err != nil {
		t.Fatal(err)
	}
	if ds, err := w.Debriefs("acme"); err != nil || ds != nil {
		t.Fatalf("no file: %v, %v", ds, err)
	}
	d := loop.Debrief{Round: 1, At: "2026-11-20 10:00", Written: "2026-11-20", Asked: []loop.Asked{{Question: "conflict", Story: loop.Improvised}}}
	for range 2 {
		if err := w.AppendDebrief("acme", d); err != nil {
			t.Fatal(err)
		}
	}
	if ds, err := w.Debriefs("acme"); err != nil || len(ds) != 2 {
		t.Fatalf("read back %v, %v", ds, err)
	}
	if w.DebriefFile("acme") != filepath.Join("ws", "debriefs", "acme.yaml") {
		t.Errorf("DebriefFile = %q", w.DebriefFile("acme"))
	}
	if err := w.AppendDebrief("../x", d); err == nil {
		t.Error("a role id leading out of the folder was taken")
	}

	files, err := w.AppendPractice([]loop.Practice{
		{Story: "a", At: "2026-11-30T20:00:00", Seconds: 90, Rating: 3},
		{Story: "b", At: "2026-12-01T08:00:00", Seconds: 40},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0] != filepath.Join("ws", "practice", "2026-11.yaml") || files[1] != filepath.Join("ws", "practice", "2026-12.yaml") {
		t.Errorf("files = %q", files)
	}
	log, err := w.Practice()
	if err != nil || len(log) != 2 || log[0].Story != "a" || log[1].Story != "b" {
		t.Errorf("practice log %+v, %v", log, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "practice", "2026-10.yaml"), []byte("- {story: c, at: soon}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Practice(); err == nil || err.Error() != `ws/practice/2026-10.yaml:1:18: practice entry 1: at "soon" is not a date and time` {
		t.Errorf("a bad practice file: %v", err)
	}
	if _, err := OpenExample().AppendPractice([]loop.Practice{{Story: "a", At: "2026-11-30T20:00:00"}}); err == nil {
		t.Error("the embedded example took a record")
	}
}

func TestSameCompany(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		a, b string
		want bool
	}{{"Acme", "acme", true}, {"Acme  Corp", "Acme Corp", true}, {"Acme", "Acme Corp", false}, {"", "", false}} {
		if got := SameCompany(tt.a, tt.b); got != tt.want {
			t.Errorf("SameCompany(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func TestStatsSettings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, yaml string
		want       StatsSettings
		err        string
	}{
		{name: "defaults", yaml: "paper: A4\n", want: StatsSettings{Target: 2, StaleDays: 14, ManyRoles: 3}},
		{name: "some set", yaml: "stats: {target: 3}\n", want: StatsSettings{Target: 3, StaleDays: 14, ManyRoles: 3}},
		{name: "target too high", yaml: "stats:\n  target: 11\n", err: "starpack.yaml:2:3: stats: target 11 is outside 1..10"},
		{name: "unknown key", yaml: "stats: {stal_days: 3}\n", err: `starpack.yaml:1:9: unknown field "stal_days" (did you mean "stale_days"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSettings("starpack.yaml", []byte(tt.yaml))
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || s.Stats != tt.want {
				t.Errorf("stats = %+v, %v; want %+v", s.Stats, err, tt.want)
			}
		})
	}
}
