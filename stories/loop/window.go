package loop

import (
	"fmt"
	"time"

	"github.com/starpack/starpack/stories"
)

// Window is how long an answer should take when told aloud.
type Window struct{ Min, Max time.Duration }

// Story windows, until the shared speaking-time model takes over: a STAR
// answer takes 1:30 to 2:00, a short answer (a story not told as STAR, such
// as what you learned) 0:20 to 0:45.
var (
	starWindow  = Window{90 * time.Second, 120 * time.Second}
	shortWindow = Window{20 * time.Second, 45 * time.Second}
)

// TargetWindow is the time a story's answer should take. It is the one
// place the rehearsal asks for it.
func TargetWindow(s *stories.Story) Window {
	if s.IsSTAR() {
		return starWindow
	}
	return shortWindow
}

// Place says where a time falls against the window: "inside", "short by
// 0:12" or "over by 0:30".
func (w Window) Place(d time.Duration) string {
	switch {
	case d < w.Min:
		return "short by " + Clock(w.Min-d)
	case d > w.Max:
		return "over by " + Clock(d-w.Max)
	}
	return "inside"
}

func (w Window) String() string { return Clock(w.Min) + "–" + Clock(w.Max) }

// Clock writes a duration as m:ss, rounded down to the second.
func Clock(d time.Duration) string {
	s := int(d / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
