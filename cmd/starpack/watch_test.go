package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// builds records what watchLoop reports after each build.
type builds struct {
	mu   sync.Mutex
	done chan struct{}
	list []watchBuild
}

type watchBuild struct {
	changed []string
	err     error
}

func (b *builds) add(changed []string, err error) {
	b.mu.Lock()
	b.list = append(b.list, watchBuild{changed, err})
	b.mu.Unlock()
	b.done <- struct{}{}
}

func (b *builds) wait(t *testing.T) watchBuild {
	t.Helper()
	select {
	case <-b.done:
	case <-time.After(20 * time.Second):
		t.Fatal("no build")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.list[len(b.list)-1]
}

// TestWatch drives the watch loop with its own events: a changed story
// rebuilds the packet once however many events the save gave; a broken
// story is reported and watching goes on; the fix rebuilds.
func TestWatch(t *testing.T) {
	t.Chdir(t.TempDir())
	a, out, errb := testApp(t)
	if err := a.exec("init", "--example", "ws"); err != nil {
		t.Fatal(err)
	}
	dir, err := filepath.Abs("ws")
	if err != nil {
		t.Fatal(err)
	}
	story := filepath.Join(dir, "stories", "build-real-time-ingestion-and-stream.yaml")
	notes := filepath.Join(dir, "out", "example", "notes.md")

	cmd := newBuildCmd(a)
	cmd.Flags().String("workspace", "", "")
	if err := cmd.Flags().Set("workspace", "ws"); err != nil {
		t.Fatal(err)
	}
	opts := &buildOptions{only: []string{"notes"}, date: "2026-11-20"}
	ctx, cancel := context.WithCancel(context.Background())
	events := make(chan string)
	var added []string
	rec := &builds{done: make(chan struct{})}
	stopped := make(chan error)
	go func() {
		stopped <- a.watchLoop(ctx, cmd, opts, watchSpace{dir, "ws"}, events,
			func(d string) { added = append(added, d) }, 10*time.Millisecond, rec.add)
	}()

	if b := rec.wait(t); b.err != nil || len(b.changed) != 0 {
		t.Fatalf("first build: %+v\n%s", b, errb)
	}
	if !strings.Contains(strings.Join(added, "\n"), filepath.Join(dir, "stories")) {
		t.Errorf("stories/ is not watched: %q", added)
	}
	if _, err := os.Stat(notes); err != nil {
		t.Fatal(err)
	}

	edit := func(from, to string) {
		t.Helper()
		data, err := os.ReadFile(story)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), from) {
			t.Fatalf("story file lacks %q", from)
		}
		if err := os.WriteFile(story, []byte(strings.Replace(string(data), from, to, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		// An editor's save: several events for one file, and a swap file.
		for _, p := range []string{story, story, filepath.Join(dir, "stories", ".x.yaml.swp"), story} {
			events <- p
		}
	}

	t.Run("change", func(t *testing.T) {
		out.Reset()
		errb.Reset()
		edit("Implement a 4-way stream join", "Implement, a first of its kind, a 4-way stream join")
		b := rec.wait(t)
		if b.err != nil || strings.Join(b.changed, ",") != "stories/build-real-time-ingestion-and-stream.yaml" {
			t.Fatalf("build %+v\n%s", b, errb)
		}
		data, _ := os.ReadFile(notes)
		if !strings.Contains(string(data), "a first of its kind") {
			t.Error("notes.md was not rebuilt with the change")
		}
		// One line per rebuild, naming the file and not the swap file; the
		// lint's errors, the same as before, are not repeated.
		want := "starpack: " + filepath.Join("ws", "stories", "build-real-time-ingestion-and-stream.yaml") +
			" changed; rebuilt every role in " + filepath.Join("ws", "out") + " (lint: 18 stories: 1 error, 40 warnings)\n"
		if errb.String() != want {
			t.Errorf("stderr:\n%s\nwant:\n%s", errb, want)
		}
		if out.Len() != 0 {
			t.Errorf("a rebuild printed on stdout:\n%s", out)
		}
	})
	t.Run("break", func(t *testing.T) {
		errb.Reset()
		before, _ := os.ReadFile(notes)
		edit("    situation: Implement", "    situaton: Implement")
		b := rec.wait(t)
		if b.err == nil {
			t.Fatal("a broken story built")
		}
		if !strings.Contains(errb.String(), `build-real-time-ingestion-and-stream.yaml:`) || !strings.Contains(errb.String(), `unknown field "situaton"`) {
			t.Errorf("stderr does not point at the mistake:\n%s", errb)
		}
		if after, _ := os.ReadFile(notes); string(after) != string(before) {
			t.Error("a failed build changed notes.md")
		}
	})
	t.Run("fix", func(t *testing.T) {
		out.Reset()
		edit("    situaton: Implement", "    situation: Implement a new thing,")
		if b := rec.wait(t); b.err != nil {
			t.Fatalf("build %+v\n%s", b, errb)
		}
		data, _ := os.ReadFile(notes)
		if !strings.Contains(string(data), "a new thing") {
			t.Error("notes.md was not rebuilt after the fix")
		}
	})
	t.Run("temporary files", func(t *testing.T) {
		// A file that comes and goes within a save, and editors' swap and
		// backup files, rebuild nothing.
		tmp := filepath.Join(dir, "roles", "4913")
		os.WriteFile(tmp, nil, 0o644)
		events <- tmp
		draft := filepath.Join(dir, "roles", "acme-jd.txt")
		os.WriteFile(draft, nil, 0o644)
		events <- draft
		os.Remove(draft)
		os.Remove(tmp)
		for _, p := range []string{"stories/#a.yaml#", "roles/example.yaml~", "roles/example.yaml.kate-swp", "roles/example.yaml___jb_tmp___"} {
			events <- filepath.Join(dir, filepath.FromSlash(p))
		}
		select {
		case b := <-rec.done:
			t.Errorf("a temporary file rebuilt the packet: %v", b)
		case <-time.After(200 * time.Millisecond):
		}
	})
	t.Run("output folder ignored", func(t *testing.T) {
		events <- notes
		events <- filepath.Join(dir, "out")
		select {
		case <-rec.done:
			t.Error("a change in out/ rebuilt the packet")
		case <-time.After(200 * time.Millisecond):
		}
	})

	cancel()
	select {
	case err := <-stopped:
		if err != nil {
			t.Errorf("watch ended with %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("watch did not stop")
	}
}

func TestRebuildPlan(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "roles"), 0o755)
	for _, r := range []string{"acme", "beta"} {
		os.WriteFile(filepath.Join(dir, "roles", r+".yaml"), []byte("company: X\n"), 0o644)
	}
	ws := watchSpace{dir, ""}
	tests := []struct {
		name    string
		opts    buildOptions
		changed []string
		roles   string // nil plan: "-"
		what    string
	}{
		{"story, every role", buildOptions{}, []string{"stories/a.yaml"}, "", "every role"},
		{"role, every role", buildOptions{}, []string{"roles/acme.yaml"}, "acme", "acme"},
		{"two roles", buildOptions{}, []string{"roles/acme.yaml", "roles/beta.yaml"}, "acme,beta", "acme, beta"},
		{"removed role", buildOptions{}, []string{"roles/gone.yaml"}, "-", ""},
		{"unwatched role", buildOptions{roles: []string{"beta"}}, []string{"roles/acme.yaml"}, "-", ""},
		{"watched role by path", buildOptions{roles: []string{"roles/acme.yaml"}}, []string{"roles/acme.yaml"}, "roles/acme.yaml", "roles/acme.yaml"},
		{"settings, named roles", buildOptions{roles: []string{"acme", "beta"}}, []string{"starpack.yaml"}, "acme,beta", "acme, beta"},
		{"job description", buildOptions{roles: []string{"acme"}}, []string{"roles/acme-jd.txt"}, "acme", "acme"},
		{"role, whole bank", buildOptions{all: true}, []string{"roles/acme.yaml"}, "-", ""},
		{"story, whole bank", buildOptions{all: true}, []string{"stories/a.yaml"}, "", "the whole bank"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, what := rebuildPlan(ws, &tt.opts, tt.changed)
			got := "-"
			if o != nil {
				got = strings.Join(o.roles, ",")
			}
			if got != tt.roles || what != tt.what {
				t.Errorf("plan %q (%q), want %q (%q)", got, what, tt.roles, tt.what)
			}
		})
	}
}

func TestWatchedFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "starpack.yaml"), []byte("templates: tpl\n"), 0o644)
	ws := watchSpace{dir, ""}
	tests := []struct {
		path string
		want bool
	}{
		{"starpack.yaml", true},
		{"stories/a.yaml", true},
		{"stories/a.yml", true},
		{"stories/notes.txt", false},
		{"stories/.a.yaml.swp", false},
		{"stories/a.yaml~", false},
		{"stories/#a.yaml#", false},
		{"roles/4913", false},
		{"roles/acme.yaml___jb_tmp___", false},
		{"roles/acme.yaml.kate-swp", false},
		{"roles/sedAb12Cd", false},
		{"roles/acme.yaml.bak", false},
		{"roles/acme.yaml", true},
		{"roles/acme.txt", true},
		{"debriefs/acme.yaml", true},
		{"debriefs", true},
		{"practice/2026-11.yaml", true},
		{"practice/notes.txt", false},
		{"tpl/notes.md.tmpl", true},
		{"out/acme/notes.md", false},
		{".starpack/schema/story.json", false},
		{"README.md", false},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if _, got := watchedFile(ws, filepath.Join(dir, filepath.FromSlash(tt.path))); got != tt.want {
				t.Errorf("watchedFile(%q) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}

// cmdWaitFor is the testscript command `waitfor FILE`: it waits (up to a
// minute) until FILE exists, for scripts that drive a background watch.
func cmdWaitFor(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: waitfor FILE")
	}
	path := ts.MkAbs(args[0])
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(path); err == nil {
			return
		}
	}
	ts.Fatalf("%s did not appear within a minute", args[0])
}
