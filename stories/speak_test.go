package stories

import (
	"strings"
	"testing"
	"time"
)

func TestClock(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{{0, "0:00"}, {26 * time.Second, "0:26"}, {90 * time.Second, "1:30"}, {2*time.Minute + 400*time.Millisecond, "2:00"},
		{59*time.Second + 600*time.Millisecond, "1:00"}, {12*time.Minute + 5*time.Second, "12:05"}, {-time.Second, "0:00"}}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := Clock(tt.d); got != tt.want {
				t.Errorf("Clock(%v) = %q, want %q", tt.d, got, tt.want)
			}
		})
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		err  bool
	}{{"1:30", 90 * time.Second, false}, {"0:20", 20 * time.Second, false}, {"90", 90 * time.Second, false},
		{" 2:00 ", 120 * time.Second, false}, {"1:3", 0, true}, {"1:75", 0, true}, {"a:30", 0, true}, {"-5", 0, true},
		{"", 0, true}, {"1.5", 0, true}}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseClock(tt.in)
			if (err != nil) != tt.err || got != tt.want {
				t.Errorf("ParseClock(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
			}
		})
	}
}

func TestSpeech(t *testing.T) {
	story := func(words int, star bool) *Story {
		text := strings.TrimSpace(strings.Repeat("word ", words))
		if star {
			return &Story{Situation: text[:4], Action: text[5:], Result: "done"}
		}
		return &Story{Notes: text}
	}
	var zero Speech
	star := NewCatalog().Lookup("success")
	learned := NewCatalog().Lookup("learned")
	custom := NewCatalog().Resolve("Why this company?")
	tests := []struct {
		name   string
		sp     Speech
		s      *Story
		q      *Question
		clock  string
		kind   Kind
		window string
		under  bool
		over   bool
	}{
		{"65 words at 150 a minute is 0:26, under a STAR window", zero, story(64, true), star, "0:26", STAR, "1:30–2:00", true, false},
		{"250 words fit a STAR answer", zero, story(249, true), star, "1:40", STAR, "1:30–2:00", false, false},
		{"a short answer", zero, story(80, false), learned, "0:32", Short, "0:20–0:45", false, false},
		{"a long short answer is over", zero, story(200, false), learned, "1:20", Short, "0:20–0:45", false, true},
		{"a custom question told as notes is a short answer", zero, story(80, false), custom, "0:32", Short, "0:20–0:45", false, false},
		{"a failure has the STAR window", zero, story(64, true), NewCatalog().Lookup("failure"), "0:26", Failure, "1:30–2:00", true, false},
		{"the rate and windows are settings", Speech{WordsPerMinute: 100, STAR: Window{time.Minute, 2 * time.Minute}},
			story(99, true), star, "1:00", STAR, "1:00–2:00", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fit := tt.sp.Fit(tt.s, tt.q)
			if got := tt.sp.Clock(tt.s); got != tt.clock || Clock(fit.Time) != tt.clock {
				t.Errorf("clock %q, fit %v, want %q", got, fit.Time, tt.clock)
			}
			if fit.Kind != tt.kind || fit.Window.String() != tt.window || fit.Under() != tt.under || fit.Over() != tt.over {
				t.Errorf("fit %+v (%s), want kind %s, window %s, under %v, over %v", fit, fit, tt.kind, tt.window, tt.under, tt.over)
			}
		})
	}
}

func TestWindowPlace(t *testing.T) {
	t.Parallel()
	star := DefaultSpeech().Window(STAR)
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{{80 * time.Second, "short by 0:10"}, {100 * time.Second, "inside"}, {150 * time.Second, "over by 0:30"}} {
		if got := star.Place(tt.d); got != tt.want {
			t.Errorf("Place(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}
