package loop

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/starpack/starpack/stories"
)

// The rehearsal schedule is a Leitner schedule of boxes, as spaced
// repetition keeps flash cards. Each story sits in a box, from 0 (never
// rated) up to MaxBox; each rated rehearsal moves it:
//
//	self-rating 1 or 2  back to box 1
//	self-rating 3       stays (box 1 at least)
//	self-rating 4       one box up
//	self-rating 5       two boxes up
//
// A rehearsal left unrated leaves the box as it was. A story in box b is
// due Interval(b) after the day of its last rehearsal: 1, 2, 4, 8, 16 then
// 32 days (counted in calendar days, so a story rated weak tonight is due
// tomorrow, whatever the hour). The order of a session (Schedule) is:
//
//  1. weak stories that are due (last self-rating 1 or 2), the longest due first;
//  2. stories never practised, in the order given;
//  3. stale stories, past their due date, the most overdue first (by the
//     share of their interval they are over);
//  4. the rest, soonest due first.
//
// Ties keep the order given (the role's questions, or the bank's order).

// MaxBox is the highest box of the schedule.
const MaxBox = 6

// Interval is how long after its last rehearsal a story in box b is due.
func Interval(box int) time.Duration {
	box = min(max(box, 1), MaxBox)
	return time.Duration(1<<(box-1)) * 24 * time.Hour
}

// Item is a story to rehearse and the question it is asked as.
type Item struct {
	Story    *stories.Story
	Question *stories.Question
}

// Due is an item with its place in the schedule.
type Due struct {
	Item
	Practised  int       // rehearsals logged
	LastRating int       // the last self-rating; 0 when never rated
	Last       time.Time // the last rehearsal; zero when never
	Box        int
	DueAt      time.Time // the day it is next due; zero when never practised
	Class      int       // its group in the order, 1 to 4 (see above)
	Reason     string    // why it is where it is, in words
}

// Schedule orders items for a rehearsal session at now, from the practice
// log (see the schedule above). The same items, log and now always give the
// same order.
func Schedule(items []Item, log []Practice, now time.Time) []Due {
	state := map[string]*Due{}
	for _, p := range sortedPractice(log) {
		d := state[p.Story]
		if d == nil {
			d = &Due{}
			state[p.Story] = d
		}
		d.Practised++
		d.Last = p.Time()
		if p.Rating > 0 {
			d.LastRating = p.Rating
			d.Box = nextBox(d.Box, p.Rating)
		}
	}
	out := make([]Due, len(items))
	for i, it := range items {
		d := Due{Item: it}
		if s := state[it.Story.ID]; s != nil {
			d.Practised, d.LastRating, d.Last, d.Box = s.Practised, s.LastRating, s.Last, s.Box
		}
		classify(&d, now)
		out[i] = d
	}
	slices.SortStableFunc(out, func(a, b Due) int {
		if c := cmp.Compare(a.Class, b.Class); c != 0 {
			return c
		}
		switch a.Class {
		case 1, 3:
			return cmp.Compare(overdue(b, now), overdue(a, now))
		case 4:
			return a.DueAt.Compare(b.DueAt)
		}
		return 0
	})
	return out
}

// nextBox is the box after a rehearsal rated rating.
func nextBox(box, rating int) int {
	switch {
	case rating <= 2:
		return 1
	case rating == 3:
		return max(box, 1)
	case rating == 4:
		return min(box+1, MaxBox)
	}
	return min(box+2, MaxBox)
}

// classify sets the item's due date, class and reason at now.
func classify(d *Due, now time.Time) {
	if d.Practised == 0 {
		d.Class, d.Reason = 2, "never practised"
		return
	}
	now = day(now)
	d.DueAt = day(d.Last).Add(Interval(d.Box))
	ago := days(now.Sub(day(d.Last)))
	switch {
	case !d.DueAt.After(now) && d.LastRating > 0 && d.LastRating <= 2:
		d.Class, d.Reason = 1, fmt.Sprintf("weak last time (%d/5), %s", d.LastRating, agoText(ago))
	case !d.DueAt.After(now):
		d.Class, d.Reason = 3, fmt.Sprintf("stale: last practised %s, due every %s", agoText(ago), dayCount(days(Interval(d.Box))))
	default:
		d.Class, d.Reason = 4, fmt.Sprintf("not due yet: last practised %s, due in %s", agoText(ago), dayCount(max(1, days(d.DueAt.Sub(now)))))
	}
}

// overdue is how far past its due day an item is, as a share of its
// interval.
func overdue(d Due, now time.Time) float64 {
	return float64(day(now).Sub(d.DueAt)) / float64(Interval(d.Box))
}

// day is the calendar day of t's wall clock, as midnight UTC.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func days(d time.Duration) int { return int(d / (24 * time.Hour)) }

func dayCount(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

func agoText(n int) string {
	if n <= 0 {
		return "today"
	}
	return dayCount(n) + " ago"
}
