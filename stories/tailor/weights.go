package tailor

import (
	"fmt"
	"math"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
	"go.yaml.in/yaml/v3"
)

// Weights weigh the parts of a story's score for a question and tune the
// choice (starpack.yaml `weights:`). A story s scores for a question q of a
// role:
//
//	score = question   × Q   Q = 1 when s was written for q (½ when q asks
//	                              for a STAR story and s is notes only); else
//	                              0.6 × min(1, cues/3): how many of q's cue
//	                              words and phrases (built in, or else the
//	                              words of its title) s mentions
//	      + competency × C   C = share of q's competencies that s covers
//	                              (its own question's competencies, its tags,
//	                              its project's tags)
//	      + focus      × F   F = share of the role's focus items s matches:
//	                              1 for a tag of s, ½ for a mention in its
//	                              text, ¼ for a tag of its project, ⅛ for a
//	                              mention in its project's name or summary
//	      + keyword    × K   K = weight of the top job-description keywords
//	                              s mentions ÷ weight of those any story
//	                              mentions; a keyword only its project
//	                              mentions counts a quarter
//	      + strength   × S   S = how well s is told for q's kind of answer:
//	                              0.5 × its STAR parts (and the lesson of a
//	                              failure) + 0.1 × a number in its Result
//	                              + 0.15 × "I" over "we" + 0.25 × how well
//	                              its time fills the window
//	      + number     × N   N = 1 when s's result holds a number
//
// Every part lies in [0, 1]. A story is a candidate for q only when it was
// written for q, covers one of its competencies or mentions one of its
// cues. Defaults: question 4, competency 2, focus 2, keyword 3, strength
// 4, number 0 (the strength counts the number), spread 0.3, threshold 4.5,
// nice_to_have 0.5, duplicate 0.4.
//
// The rest are not parts of a score. Spread is how close is close: after
// the assignment with the highest total, a pick from a project that gives
// at least two stories more than another is swapped for that project's
// story for the same question when it scores within spread of the pick.
// Threshold is the score below which a question's best pick is reported
// as a gap. NiceToHave is how much the nice-to-have section of a job
// description weighs against its requirements and responsibilities.
// Duplicate is the share of content words (of the shorter story) two
// stories share from which they are the same story told twice: never both
// picked (0 switches it off).
type Weights struct {
	Question   float64 `yaml:"question" json:"question"`
	Competency float64 `yaml:"competency" json:"competency"`
	Focus      float64 `yaml:"focus" json:"focus"`
	Keyword    float64 `yaml:"keyword" json:"keyword"`
	Number     float64 `yaml:"number" json:"number"`
	Strength   float64 `yaml:"strength" json:"strength"`
	Spread     float64 `yaml:"spread" json:"spread"`
	Threshold  float64 `yaml:"threshold" json:"threshold"`
	NiceToHave float64 `yaml:"nice_to_have" json:"nice_to_have"`
	Duplicate  float64 `yaml:"duplicate" json:"duplicate"`
}

// DefaultWeights returns the weights of an empty `weights:` setting.
func DefaultWeights() Weights {
	return Weights{Question: 4, Competency: 2, Focus: 2, Keyword: 3, Number: 0, Strength: 4, Spread: 0.3,
		Threshold: 4.5, NiceToHave: 0.5, Duplicate: 0.4}
}

const weightDefaults = "question 4, competency 2, focus 2, keyword 3, strength 4, number 0, spread 0.3, threshold 4.5, nice_to_have 0.5, duplicate 0.4"

// UnmarshalYAML fills the keys a `weights:` mapping leaves out with their
// defaults.
func (w *Weights) UnmarshalYAML(n *yaml.Node) error {
	type plain Weights
	v := plain(DefaultWeights())
	if err := n.Decode(&v); err != nil {
		return err
	}
	*w = Weights(v)
	return nil
}

// Check reports a weight that is negative or not a number, and a duplicate
// share above 1. Its message starts with "weights:".
func (w Weights) Check() error {
	for _, f := range []struct {
		name string
		v    float64
	}{{"question", w.Question}, {"competency", w.Competency}, {"focus", w.Focus}, {"keyword", w.Keyword},
		{"number", w.Number}, {"strength", w.Strength}, {"spread", w.Spread}, {"threshold", w.Threshold},
		{"nice_to_have", w.NiceToHave}, {"duplicate", w.Duplicate}} {
		if f.v < 0 || math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			return &source.FieldError{Field: "weights", Msg: fmt.Sprintf("weights: %s must be a number from 0 up, not %v", f.name, f.v),
				Hint: "set it to 0 to ignore that part of the score; defaults: " + weightDefaults}
		}
	}
	if w.Duplicate > 1 {
		return &source.FieldError{Field: "weights", Msg: fmt.Sprintf("weights: duplicate must be a share from 0 to 1, not %v", w.Duplicate),
			Hint: "0.4: stories sharing 40% of their content words are the same story; 0 never calls two stories the same"}
	}
	return nil
}

// orDefault treats unset (all zero) weights as the defaults.
func (w Weights) orDefault() Weights {
	if w == (Weights{}) {
		return DefaultWeights()
	}
	return w
}

// Parts is a pick's score split by weight; Score is their sum.
type Parts struct {
	Question   float64 `json:"question"`
	Competency float64 `json:"competency"`
	Focus      float64 `json:"focus"`
	Keyword    float64 `json:"keyword"`
	Number     float64 `json:"number"`
	Strength   float64 `json:"strength"`
}

// Sum is the score the parts make.
func (p Parts) Sum() float64 {
	return p.Question + p.Competency + p.Focus + p.Keyword + p.Number + p.Strength
}

// Matched says what in a story matched a question and a role. Words are
// the job description's or the role's; Said says how the story itself
// (or its project) puts each.
type Matched struct {
	Question     bool       `json:"question"`               // written for this question
	Cues         []string   `json:"cues,omitempty"`         // the question's cue words the story mentions
	Competencies []string   `json:"competencies,omitempty"` // the question's competencies it covers
	Focus        []FocusHit `json:"focus,omitempty"`        // the role's focus items it matches
	// Keywords are the job-description keywords its own text or tags
	// mention, most telling first; Project those only its project's name,
	// summary or tags mention.
	Keywords []string `json:"keywords,omitempty"`
	Project  []string `json:"project_keywords,omitempty"`
	// Said maps each cue and keyword above to the words of the story (or of
	// its project, for Project) that said it: "production" -> "prod".
	Said     map[string]string `json:"said,omitempty"`
	Number   bool              `json:"number"` // its result holds a number
	Strength Strength          `json:"strength"`
}

// Redact returns m with its words passed through r.
func (m Matched) Redact(r *stories.Redactor) Matched {
	m.Cues, m.Competencies, m.Keywords, m.Project = r.ApplyAll(m.Cues), r.ApplyAll(m.Competencies), r.ApplyAll(m.Keywords), r.ApplyAll(m.Project)
	if m.Focus != nil {
		focus := make([]FocusHit, len(m.Focus))
		for i, f := range m.Focus {
			focus[i] = FocusHit{Focus: r.Apply(f.Focus), Tag: f.Tag, Project: f.Project, Said: r.Apply(f.Said)}
		}
		m.Focus = focus
	}
	if m.Said != nil {
		said := make(map[string]string, len(m.Said))
		for k, v := range m.Said {
			said[r.Apply(k)] = r.Apply(v)
		}
		m.Said = said
	}
	return m
}

// FocusHit is one focus item a story matches, by tag or in its text, its
// own or its project's.
type FocusHit struct {
	Focus   string `json:"focus"`
	Tag     bool   `json:"tag"`               // a tag; else a mention in the text
	Project bool   `json:"project,omitempty"` // its project's tag or text, not its own
	Said    string `json:"said,omitempty"`    // the words that matched, as written
}

// Strength is how well a story is told for the kind of answer a question
// asks for, as a coach judges it before reading for meaning.
type Strength struct {
	Kind   stories.Kind `json:"kind"`   // the question's kind of answer
	STAR   bool         `json:"star"`   // Situation, Action and Result told (and the lesson, for a failure)
	Number bool         `json:"number"` // a number in the Result
	I      bool         `json:"i"`      // "I" at least as often as "we"
	Time   string       `json:"time"`   // the story's speaking time, m:ss
	Window string       `json:"window"` // the window of the kind of answer
	Fits   bool         `json:"fits"`   // the time is inside the window
}
