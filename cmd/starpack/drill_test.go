package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/stories/loop"
)

// feed sends lines one at a time and closes the channel after them, unless
// open.
func feed(lines []string, open bool) <-chan string {
	ch := make(chan string)
	go func() {
		for _, l := range lines {
			ch <- l
		}
		if !open {
			close(ch)
		}
	}()
	return ch
}

// steps is a stopwatch that moves on by each step in turn, each time it
// is read: the first read starts it.
func steps(d ...time.Duration) func() time.Time {
	t := time.Date(2026, 11, 28, 19, 0, 0, 0, time.UTC)
	i := 0
	return func() time.Time {
		if i > 0 && i-1 < len(d) {
			t = t.Add(d[i-1])
		}
		i++
		return t
	}
}

func examplePlan(t *testing.T, n int) []loop.Due {
	t.Helper()
	ws := config.OpenExample()
	items, err := drillItems(ws, "", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return loop.Schedule(items, nil, time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC))[:n]
}

func TestDrillSession(t *testing.T) {
	t.Parallel()
	fixed := time.Date(2026, 11, 28, 19, 30, 0, 0, time.UTC)
	tests := []struct {
		name  string
		lines []string
		open  bool // the input stays open (and the test cancels)
		want  []loop.Practice
		out   []string // in the output, in order
	}{
		{name: "timed by the stopwatch, rated, skipped, typed",
			lines: []string{"", "4", "", "", "2:05", "six", "1"},
			want: []loop.Practice{
				{Story: "build-real-time.most-challenging", Question: "most-challenging", Role: "acme", At: "2026-11-28T19:30:00", Seconds: 95, Rating: 4},
				{Story: "build-real-time.learned", Question: "learned", Role: "acme", At: "2026-11-28T19:30:00", Seconds: 30},
				{Story: "build-real-time.most-interesting", Question: "most-interesting", Role: "acme", At: "2026-11-28T19:30:00", Seconds: 125, Rating: 1},
			},
			out: []string{"[1/3] Most challenging project (never practised)", "Your time: 1:35 (target 1:30–2:00: inside)",
				"Situation:", "[2/3] What you learned", "Your time: 0:30 (target 0:20–0:45: inside)",
				"Your time: 2:05 (target 1:30–2:00: over by 0:05)", `"six" is not a rating from 1 to 5`}},
		{name: "q stops and keeps the rehearsal being rated",
			lines: []string{"1:00", "q"},
			want:  []loop.Practice{{Story: "build-real-time.most-challenging", Question: "most-challenging", Role: "acme", At: "2026-11-28T19:30:00", Seconds: 60}},
			out:   []string{"stopped"}},
		{name: "the end of the input while answering keeps what was done",
			lines: []string{"1:00", "3"},
			want:  []loop.Practice{{Story: "build-real-time.most-challenging", Question: "most-challenging", Role: "acme", At: "2026-11-28T19:30:00", Seconds: 60, Rating: 3}},
			out:   []string{"[2/3]", "stopped"}},
		{name: "Ctrl-C keeps what was done", lines: []string{"1:00", "5"}, open: true,
			want: []loop.Practice{{Story: "build-real-time.most-challenging", Question: "most-challenging", Role: "acme", At: "2026-11-28T19:30:00", Seconds: 60, Rating: 5}},
			out:  []string{"[2/3]", "stopped"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			lines := feed(tt.lines, tt.open)
			if tt.open {
				// Cancel once every line is taken: the person presses Ctrl-C
				// while answering the second question.
				relay := make(chan string)
				go func(in <-chan string) {
					for l := range in {
						relay <- l
						if l == tt.lines[len(tt.lines)-1] {
							cancel()
						}
					}
				}(lines)
				lines = relay
			}
			s := &drillSession{lines: lines, out: &out, stopwatch: steps(95*time.Second, 0, 30*time.Second, 0),
				clock: func() time.Time { return fixed }, role: "acme"}
			got := s.run(ctx, examplePlan(t, 3))
			if len(got) != len(tt.want) {
				t.Fatalf("%d rehearsals %+v, want %+v\n%s", len(got), got, tt.want, out.String())
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("rehearsal %d = %+v, want %+v", i+1, got[i], tt.want[i])
				}
			}
			rest := out.String()
			for _, w := range tt.out {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("output lacks %q (in order):\n%s", w, out.String())
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

func TestCompleteWord(t *testing.T) {
	t.Parallel()
	ids := []string{"stream.conflict", "stream.conflicts-2", "stream.failure", "warehouse.conflict", "été.a", "été.b"}
	tests := []struct {
		typed, want string
		n           int
	}{
		{"str", "stream.", 3},
		{"stream.c", "stream.conflict", 2},
		{"w", "warehouse.conflict", 1},
		{"x", "x", 0},
		{"", "", 6},
		{"é", "été.", 2},
	}
	for _, tt := range tests {
		got, matches := completeWord(tt.typed, ids)
		if got != tt.want || len(matches) != tt.n {
			t.Errorf("completeWord(%q) = %q, %d matches; want %q, %d", tt.typed, got, len(matches), tt.want, tt.n)
		}
	}
}

func TestParseClock(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{{"1:40", 100 * time.Second, true}, {"0:05", 5 * time.Second, true}, {"12:00", 12 * time.Minute, true}, {"1:75", 0, false}, {"90", 0, false}, {"", 0, false}} {
		got, ok := parseClock(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseClock(%q) = %v, %v", tt.in, got, ok)
		}
	}
}
