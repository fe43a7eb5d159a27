package loop

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// Debrief is what the candidate wrote down after one interview round: the
// round (copied from the role, so that the record stands on its own) and
// each question asked.
type Debrief struct {
	Round   int      `yaml:"round"`          // the round's number in the role's rounds: list
	At      string   `yaml:"at"`             // when the round was: YYYY-MM-DD HH:MM, or the day
	Kind    string   `yaml:"kind,omitempty"` // phone screen, panel, ...
	With    []string `yaml:"with,omitempty"` // the interviewers
	Written string   `yaml:"written"`        // the day the debrief was written, YYYY-MM-DD
	Asked   []Asked  `yaml:"asked"`
}

// Asked is one question of a round and how it was answered.
type Asked struct {
	// Question is a catalog id, or the question in the candidate's words.
	Question string `yaml:"question"`
	// Story is the id of the story told, Improvised when none was (or
	// empty, the same).
	Story  string `yaml:"story,omitempty"`
	Rating string `yaml:"rating,omitempty"` // one of Ratings
	Note   string `yaml:"note,omitempty"`
}

// Improvised is what Asked.Story says when no story of the bank was told.
const Improvised = "improvised"

// Ratings are how a candidate rates an answer after a round, best first.
var Ratings = []string{"strong", "solid", "weak"}

// Told reports whether a story of the bank was told (not improvised).
func (a Asked) Told() bool {
	s := strings.TrimSpace(a.Story)
	return s != "" && !strings.EqualFold(s, Improvised)
}

// NormalRating folds a rating as typed (" Strong") to one of Ratings, or
// returns "" and false.
func NormalRating(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if slices.Contains(Ratings, s) {
		return s, true
	}
	return "", false
}

// debriefHeader starts a new debrief file.
const debriefHeader = `# Debriefs of interview rounds, written by "starpack debrief".
# Append-only: each debrief adds an entry below.
`

// ParseDebriefs decodes a debrief file: a YAML list of debriefs, oldest
// first. Errors are *source.Error positioned in file.
func ParseDebriefs(file string, data []byte) ([]Debrief, error) {
	list, nodes, err := parseList[Debrief](file, data, "debrief")
	if err != nil {
		return nil, err
	}
	for i, d := range list {
		if err := checkDebrief(file, d, nodes[i]); err != nil {
			return nil, err
		}
	}
	return list, nil
}

// checkDebrief checks one debrief's values; n is its node in file.
func checkDebrief(file string, d Debrief, n *yaml.Node) error {
	if d.Round < 1 {
		return source.Errorf(valuePos(file, n, "round"), "round: is the round's number in the role's rounds: list, from 1", "debrief without a round number")
	}
	items := debriefItems(n)
	for j, a := range d.Asked {
		at := source.NodePos(file, n)
		if j < len(items) {
			at = source.NodePos(file, items[j])
		}
		if strings.TrimSpace(a.Question) == "" {
			return source.Errorf(at, "say what was asked: question: <catalog id or your words>", "question %d of round %d's debrief is empty", j+1, d.Round)
		}
		if a.Rating != "" {
			if _, ok := NormalRating(a.Rating); !ok {
				if j < len(items) {
					at = valuePos(file, items[j], "rating")
				}
				return source.Errorf(at, "rate an answer "+strings.Join(Ratings, ", ")+" or leave it out", "rating %q is not one of %s", a.Rating, strings.Join(Ratings, ", "))
			}
		}
	}
	return nil
}

// debriefItems returns the nodes of a debrief's asked: list.
func debriefItems(n *yaml.Node) []*yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "asked" && n.Content[i+1].Kind == yaml.SequenceNode {
			return n.Content[i+1].Content
		}
	}
	return nil
}

// AppendDebrief returns the debrief file old (nil for a new file) with d
// appended, old kept byte for byte.
func AppendDebrief(file string, old []byte, d Debrief) ([]byte, error) {
	return appendList(file, old, debriefHeader, []Debrief{d}, ParseDebriefs, func(a, b Debrief) bool {
		return a.Round == b.Round && a.At == b.At && a.Kind == b.Kind && slices.Equal(a.With, b.With) && a.Written == b.Written && slices.Equal(a.Asked, b.Asked)
	})
}

// Answers are the questions of a debrief, as the candidate gives them (a
// file for --from, or typed), before they are checked against the bank.
type Answers struct {
	File  string // where they were read from ("" when typed)
	Asked []Asked
	// Pos holds, per answer, where each field's value is written (keyed by
	// YAML name; "" is the answer itself); nil when typed.
	Pos []map[string]source.Position
}

// ParseAnswers decodes the questions of a debrief from a YAML file (for
// debrief --from): a list of {question, story, rating, note}, or a mapping
// with an asked: list.
func ParseAnswers(file string, data []byte) (Answers, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err == nil && len(doc.Content) > 0 && doc.Content[0].Kind == yaml.MappingNode {
		var wrap struct {
			Asked []Asked `yaml:"asked"`
		}
		root, err := source.DecodeYAML(file, data, &wrap)
		if err != nil {
			return Answers{}, err
		}
		return answersAt(file, wrap.Asked, debriefItems(root)), nil
	}
	list, nodes, err := parseList[Asked](file, data, "debrief answers")
	if err != nil {
		return Answers{}, err
	}
	return answersAt(file, list, nodes), nil
}

func answersAt(file string, list []Asked, nodes []*yaml.Node) Answers {
	out := Answers{File: file, Asked: list}
	for i := range list {
		pos := map[string]source.Position{"": {File: file}}
		if i < len(nodes) {
			n := nodes[i]
			pos[""] = source.NodePos(file, n)
			for j := 0; j+1 < len(n.Content); j += 2 {
				pos[n.Content[j].Value] = source.NodePos(file, n.Content[j+1])
			}
		}
		out.Pos = append(out.Pos, pos)
	}
	return out
}

// Check checks the answers against the bank and the catalog, and returns
// them normalised (see CheckAsked). A mistake in a file is a *source.Error
// at the field, with a did-you-mean; a typed one is a *source.FieldError.
func (as Answers) Check(bank *stories.Bank, cat *stories.Catalog) ([]Asked, error) {
	ids := storyIDs(bank)
	if len(as.Asked) == 0 && as.File != "" {
		return nil, &source.Error{File: as.File, Msg: "no questions in the file",
			Hint: "list each question asked: - {question: conflict, story: <id>, rating: solid, note: ...}"}
	}
	out := make([]Asked, 0, len(as.Asked))
	for i, a := range as.Asked {
		n, err := CheckAsked(a, bank, cat, ids)
		if err != nil {
			if i < len(as.Pos) {
				pos := as.Pos[i]
				if _, ok := pos["question"]; !ok {
					pos["question"] = pos[""]
				}
				err = source.Locate(err, as.File, pos)
			}
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// storyIDs lists the bank's story ids, in bank order.
func storyIDs(bank *stories.Bank) []string {
	var ids []string
	for _, s := range bank.Stories() {
		ids = append(ids, s.ID)
	}
	return ids
}

// CheckAsked checks and normalises one answer (see Answers.Check); ids are
// the bank's story ids. Errors are *source.FieldError naming the field.
func CheckAsked(a Asked, bank *stories.Bank, cat *stories.Catalog, ids []string) (Asked, error) {
	a.Question = strings.TrimSpace(a.Question)
	if a.Question == "" {
		return a, &source.FieldError{Field: "question", Msg: "no question", Hint: "say what was asked: a catalog id (" + strings.Join(cat.IDs()[:3], ", ") + ", ...) or the question in your words"}
	}
	if q := cat.Lookup(a.Question); q != nil {
		a.Question = q.ID
	}
	a.Story = strings.TrimSpace(a.Story)
	switch {
	case a.Story == "" || strings.EqualFold(a.Story, Improvised):
		a.Story = Improvised
	case bank.Story(a.Story) == nil:
		msg := fmt.Sprintf("unknown story %q", a.Story)
		if s := source.Suggest(a.Story, ids); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return a, &source.FieldError{Field: "story", Msg: msg, Hint: "name a story id of the bank (starpack select lists them), or say improvised"}
	}
	if strings.TrimSpace(a.Rating) != "" {
		r, ok := NormalRating(a.Rating)
		if !ok {
			return a, &source.FieldError{Field: "rating", Msg: fmt.Sprintf("rating %q is not one of %s", a.Rating, strings.Join(Ratings, ", ")),
				Hint: "how did the answer go: " + strings.Join(Ratings, ", ")}
		}
		a.Rating = r
	}
	a.Note = strings.TrimSpace(a.Note)
	return a, nil
}
