package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// benchApp is starpack with a fixed clock and quiet output, for benchmarks.
func benchApp() *app {
	return &app{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{},
		now: func() time.Time { return time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC) }}
}

// benchWorkspaces are the banks a whole build is timed on: the embedded
// example (the real bank), and the bench banks' plain text (seed.txt,
// bank-1000.txt, bank-10000.txt in the folder STARPACK_BENCH_DATA names)
// imported into a temporary workspace. Sizes whose file is missing are
// skipped.
func benchWorkspaces(b *testing.B) []struct{ name, dir string } {
	b.Helper()
	ws := []struct{ name, dir string }{{"example", ""}}
	data := os.Getenv("STARPACK_BENCH_DATA")
	if data == "" {
		return ws
	}
	for _, n := range []string{"bank-1000", "bank-10000"} {
		src := filepath.Join(data, n+".txt")
		if _, err := os.Stat(src); err != nil {
			continue
		}
		dir := filepath.Join(b.TempDir(), n)
		a := benchApp()
		if err := a.exec("import", src, "--into", dir); err != nil {
			b.Fatalf("import %s: %v", src, err)
		}
		ws = append(ws, struct{ name, dir string }{n, dir})
	}
	return ws
}

// BenchmarkBuild is a whole `starpack build --all`: load, lint summary,
// select, the four files rendered and written. The example runs on the
// embedded bank; the others need STARPACK_BENCH_DATA.
func BenchmarkBuild(b *testing.B) {
	for _, ws := range benchWorkspaces(b) {
		b.Run(ws.name, func(b *testing.B) {
			args := []string{"build", "--all", "--quiet", "--out", filepath.Join(b.TempDir(), "out")}
			if ws.dir != "" {
				args = append(args, "--workspace", ws.dir)
			} else {
				b.Chdir(b.TempDir()) // no workspace: the embedded example
			}
			for b.Loop() {
				if err := benchApp().exec(args...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkImport10000 is a whole `starpack import` of the 10,000-story
// plain-text bank into a fresh workspace.
func BenchmarkImport10000(b *testing.B) {
	data := os.Getenv("STARPACK_BENCH_DATA")
	if data == "" {
		b.Skip("set STARPACK_BENCH_DATA to the folder of bank-10000.txt")
	}
	src := filepath.Join(data, "bank-10000.txt")
	for b.Loop() {
		dir := filepath.Join(b.TempDir(), "ws")
		if err := benchApp().exec("import", src, "--into", dir); err != nil {
			b.Fatal(err)
		}
	}
}
