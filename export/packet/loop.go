package packet

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/loop"
	"github.com/starpack/starpack/stories/tailor"
)

// LoadLoop gathers the interview loop of role for a packet built on date:
// the round it prepares (round, from 1; 0 means the next round on or after
// date), the stories told and questions asked before that round, the gaps
// those questions left, and the rehearsals of every story. A round the role
// does not have is an error; so is a debrief or practice file with a
// mistake.
//
// "Before" means this role's debriefs of earlier rounds, and the debriefs
// of other roles at the same company written about rounds before this
// one's day: a company that heard a story once hears it only when the role
// includes it. When no round is ahead, every debrief counts.
func LoadLoop(ws *config.Workspace, role *config.Role, round int, date time.Time) (*export.Loop, error) {
	if round != 0 {
		if err := role.CheckRound(round); err != nil {
			return nil, err
		}
	} else {
		round = role.NextRound(date)
	}
	lp := &export.Loop{Round: round, Rounds: role.Rounds}
	bank, err := ws.Bank()
	if err != nil {
		return nil, err
	}
	cat := ws.Catalog()
	own, err := ws.Debriefs(role.ID)
	if err != nil {
		return nil, err
	}
	var earlier []loop.Debrief
	for _, d := range own {
		if round == 0 || d.Round < round {
			earlier = append(earlier, d)
		}
	}
	lp.Told = loop.Tellings("", earlier)
	others, err := companyTellings(ws, role, lp.Current())
	if err != nil {
		return nil, err
	}
	lp.Told = append(lp.Told, others...)
	lp.Asked = askedQuestions(cat, earlier)
	lp.Gaps = loop.Gaps(bank, cat, role.ID, earlier)
	log, err := ws.Practice()
	if err != nil {
		return nil, err
	}
	lp.History = loop.Histories(log, lp.Told)
	return lp, nil
}

// companyTellings are the stories told in the rounds of the workspace's
// other roles at role's company, before the round cur (all of them when
// cur is nil). A role file that does not load is left out: its own build
// reports it.
func companyTellings(ws *config.Workspace, role *config.Role, cur *config.Round) ([]loop.Telling, error) {
	if role.Company == "" || ws.Embedded() {
		return nil, nil
	}
	ids, _ := ws.RoleIDs()
	var out []loop.Telling
	for _, id := range ids {
		if id == role.ID {
			continue
		}
		other, err := ws.Role(id)
		if err != nil || !config.SameCompany(other.Company, role.Company) {
			continue
		}
		ds, err := ws.Debriefs(id)
		if err != nil {
			return nil, err
		}
		var before []loop.Debrief
		for _, d := range ds {
			if cur == nil || d.At[:min(len(d.At), 10)] < cur.Day() {
				before = append(before, d)
			}
		}
		out = append(out, loop.Tellings(id, before)...)
	}
	return out, nil
}

// askedQuestions are the questions of the debriefs, each once, in the
// order first asked.
func askedQuestions(cat *stories.Catalog, ds []loop.Debrief) []*stories.Question {
	var out []*stories.Question
	seen := map[string]bool{}
	for _, d := range ds {
		for _, a := range d.Asked {
			q := cat.Resolve(a.Question)
			if !seen[q.ID] {
				seen[q.ID] = true
				out = append(out, q)
			}
		}
	}
	return out
}

// shape changes a role's request for its round: the stories told before
// are excluded unless the role includes them, and the questions asked
// before come first (added when the role does not list them).
func shape(req *tailor.Request, lp *export.Loop, bank *stories.Bank, cat *stories.Catalog, include []string) error {
	for _, t := range lp.Told {
		if bank.Story(t.Story) == nil || slices.Contains(include, t.Story) || slices.Contains(req.Exclude, t.Story) {
			continue // a story since removed, forced in, or already left out
		}
		req.Exclude = append(req.Exclude, t.Story)
	}
	if len(lp.Asked) == 0 {
		return nil
	}
	keys := req.Questions
	if len(keys) == 0 {
		set := req.Set
		if set == "" {
			set = stories.DefaultSet
		}
		ids, ok := cat.Set(set)
		if !ok {
			return nil // tailor reports the unknown set
		}
		keys = ids
	}
	var first []string
	asked := map[string]bool{}
	for _, q := range lp.Asked {
		asked[q.ID] = true
		first = append(first, questionKey(q))
	}
	for _, k := range keys {
		if !asked[cat.Resolve(k).ID] {
			first = append(first, k)
		}
	}
	req.Questions = first
	return nil
}

// questionKey is how a request names q: its id, or a custom question's
// title (which resolves to the same custom question).
func questionKey(q *stories.Question) string {
	if q.Custom {
		return q.Title
	}
	return q.ID
}

// extraPicks gives each question asked before one more story, the best
// one left that scores at least the threshold: the interviewer may come
// back to it, and the story told last time is not picked again. Keyword
// gaps an extra story covers are dropped. Debrief gaps are put first among
// the gaps.
func extraPicks(sel *tailor.Selection, lp *export.Loop, bank *stories.Bank, cat *stories.Catalog, req tailor.Request) error {
	asked := map[string]bool{}
	for _, q := range lp.Asked {
		asked[q.ID] = true
	}
	exclude := slices.Clone(req.Exclude)
	for _, a := range sel.Answers {
		for _, pk := range a.Picks {
			exclude = append(exclude, pk.Story.ID)
		}
	}
	covered := map[string]bool{}
	for i, a := range sel.Answers {
		if !asked[a.Question.ID] {
			continue
		}
		one := req
		one.Questions, one.Include, one.Exclude, one.PerQuestion = []string{questionKey(a.Question)}, nil, exclude, 1
		more, err := tailor.Select(bank, cat, one)
		if err != nil {
			return err
		}
		if len(more.Answers) == 0 || len(more.Answers[0].Picks) == 0 {
			continue
		}
		pk := more.Answers[0].Picks[0]
		if pk.Score < sel.Weights.Threshold {
			continue
		}
		pk.Reasons = append([]string{"asked before: a second story ready"}, pk.Reasons...)
		sel.Answers[i].Picks = append(sel.Answers[i].Picks, pk)
		exclude = append(exclude, pk.Story.ID)
		for _, k := range pk.Matched.Keywords {
			covered[k] = true
		}
	}
	sel.Gaps = debriefGaps(sel.Gaps, lp.Gaps, covered)
	return nil
}

// debriefGaps puts the questions asked that no story answers first among
// the gaps, with why, in place of any gap selection found for the same
// question, and drops keyword gaps now covered.
func debriefGaps(gaps []tailor.Gap, asked []loop.Gap, covered map[string]bool) []tailor.Gap {
	var out []tailor.Gap
	mine := map[string]bool{}
	for _, g := range asked {
		mine[g.Question.ID] = true
		out = append(out, tailor.Gap{Question: g.Question,
			Reason: fmt.Sprintf("asked in round %d and answered without a story; no story is written for it yet", g.Round)})
	}
	for _, g := range gaps {
		if g.Question != nil && mine[g.Question.ID] || g.Keyword != "" && covered[g.Keyword] {
			continue
		}
		out = append(out, g)
	}
	return out
}

// hashLoop adds what the outputs show of the packet's interview loop to a
// build id's hash: the rounds, the round prepared, the tellings and each
// story's rehearsals, and where the packet is (the calendar names it).
// Nothing is added for a packet without a loop, so its id stays as it was.
func hashLoop(h io.Writer, p *export.Packet) {
	lp := p.Loop
	if lp == nil || len(lp.Rounds) == 0 && len(lp.Told) == 0 && len(lp.History) == 0 {
		return
	}
	fmt.Fprintf(h, "loop %d %q\n", lp.Round, p.Dir)
	for _, r := range lp.Rounds {
		fmt.Fprintf(h, "%q %q %q %q %v\n", r.When(), r.Kind, r.With, r.Notes, r.Length)
	}
	for _, t := range lp.Told {
		fmt.Fprintf(h, "%+v\n", t)
	}
	for _, id := range slices.Sorted(maps.Keys(lp.History)) {
		fmt.Fprintf(h, "%q %+v\n", id, lp.History[id])
	}
}
