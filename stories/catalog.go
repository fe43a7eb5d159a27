package stories

import (
	"sort"
	"strings"
	"unicode"
)

// Question is one interview question of the catalog.
type Question struct {
	ID           string   `yaml:"id"`
	Title        string   `yaml:"title"`
	Ask          string   `yaml:"ask,omitempty"`          // how an interviewer puts it
	Aliases      []string `yaml:"aliases,omitempty"`      // headings the importer recognises
	Competencies []string `yaml:"competencies,omitempty"` // what it probes
	// Kind is the kind of answer the question asks for: a STAR story (the
	// default), a short answer ("what you learned") or a failure (a STAR
	// story that closes with the lesson). It sets the speaking window.
	Kind Kind `yaml:"kind,omitempty"`
	// Custom is true for a question that is not in the catalog: a story's
	// own heading, kept as it was written.
	Custom bool `yaml:"-"`
}

// Catalog is the set of known questions, looked up by id, title or alias.
type Catalog struct {
	list  []*Question
	index map[string]*Question // normalised id, title and aliases
	sets  map[string][]string  // question set name -> question ids
}

// DefaultSet is the question set a role gets when it names none.
const DefaultSet = "grid"

// builtin is the grid of the real bank: nine questions asked of every project.
var builtin = []Question{
	{ID: "most-challenging", Title: "Most challenging project",
		Ask:          "Tell me about the most challenging project you have worked on. What made it hard, and how did you get through it?",
		Aliases:      []string{"most challenging", "biggest challenge", "most difficult project", "challenging project", "hardest project"},
		Competencies: []string{"ownership", "dealing with ambiguity", "resourcefulness", "delivery under pressure"}},
	{ID: "learned", Title: "What you learned",
		Ask:          "What did you learn from that project? What would you do differently next time?",
		Aliases:      []string{"what you learned", "what i learned", "learned", "lessons learned", "lessons", "learnings", "what did you learn"},
		Competencies: []string{"learning", "self-awareness", "growth"}, Kind: Short},
	{ID: "most-interesting", Title: "Most interesting problem",
		Ask:          "Tell me about the most interesting technical problem you have solved.",
		Aliases:      []string{"most interesting", "most interesting problem", "interesting problem", "most interesting project", "coolest thing"},
		Competencies: []string{"technical depth", "curiosity", "innovation", "problem solving"}},
	{ID: "hardest-bug", Title: "Hardest bug",
		Ask:          "Walk me through the hardest bug you have tracked down. How did you find the root cause?",
		Aliases:      []string{"hardest bug", "toughest bug", "most difficult bug", "worst bug", "hard bug", "debugging"},
		Competencies: []string{"technical depth", "problem solving", "persistence", "dive deep"}},
	{ID: "enjoyed-most", Title: "What you enjoyed most",
		Ask:          "What did you enjoy most about that role or project?",
		Aliases:      []string{"enjoyed most", "what you enjoyed most", "what i enjoyed most", "enjoyed", "favourite part", "favorite part", "most enjoyable"},
		Competencies: []string{"motivation", "ownership", "passion"}, Kind: Short},
	{ID: "conflict", Title: "Conflict with a teammate",
		Ask:          "Tell me about a time you disagreed with a teammate or your manager. How did you resolve it?",
		Aliases:      []string{"conflicts with teammates", "conflict with teammates", "conflict with a teammate", "conflicts", "conflict", "disagreement", "disagreed with a teammate"},
		Competencies: []string{"conflict resolution", "influence", "data-driven decisions", "collaboration"}},
	{ID: "challenging-interaction", Title: "Challenging interaction",
		Ask:          "Tell me about a difficult interaction with a manager, executive or stakeholder. What did you do?",
		Aliases:      []string{"challenging interaction", "challenging interactions", "difficult interaction", "difficult conversation", "difficult stakeholder", "difficult person"},
		Competencies: []string{"communication", "stakeholder management", "composure", "influence"}},
	{ID: "failure", Title: "A failure",
		Ask:          "Tell me about a time you failed or made a mistake. What happened and what did you learn?",
		Aliases:      []string{"failure", "failures", "a failure", "biggest failure", "mistake", "biggest mistake"},
		Competencies: []string{"accountability", "learning", "self-awareness"}, Kind: Failure},
	{ID: "success", Title: "A success",
		Ask:          "Tell me about a success you are proud of. What was your part in it?",
		Aliases:      []string{"success", "successes", "a success", "biggest success", "proudest achievement", "achievement", "biggest achievement"},
		Competencies: []string{"delivery", "impact", "ownership", "teamwork"}},
}

// NewCatalog returns the built-in catalog (the grid, then the Leadership
// Principles of AmazonSet) with extra questions added; an extra question
// with a built-in id replaces it.
func NewCatalog(extra ...Question) *Catalog {
	c := &Catalog{index: map[string]*Question{}, sets: map[string][]string{}}
	var grid []string
	for _, q := range builtin {
		c.Add(q)
		grid = append(grid, q.ID)
	}
	c.sets[DefaultSet] = grid
	addLeadershipPrinciples(c)
	for _, q := range extra {
		c.Add(q)
	}
	return c
}

// Add puts q in the catalog, replacing a question with the same id.
func (c *Catalog) Add(q Question) *Question {
	qq := &q
	replaced := false
	for i, old := range c.list {
		if old.ID == q.ID {
			c.list[i] = qq
			replaced = true
		}
	}
	if !replaced {
		c.list = append(c.list, qq)
	}
	for _, key := range append([]string{q.ID, q.Title}, q.Aliases...) {
		if k := Normalize(key); k != "" {
			c.index[k] = qq
		}
	}
	return qq
}

// AddSet defines a named question set.
func (c *Catalog) AddSet(name string, ids []string) { c.sets[name] = ids }

// Set returns the question ids of a named set, and whether it exists.
func (c *Catalog) Set(name string) ([]string, bool) {
	ids, ok := c.sets[name]
	return ids, ok
}

// Sets returns the names of the question sets, sorted.
func (c *Catalog) Sets() []string {
	var out []string
	for k := range c.sets {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Questions returns the catalog's questions in catalog order.
func (c *Catalog) Questions() []*Question { return c.list }

// IDs returns every question id, in catalog order.
func (c *Catalog) IDs() []string {
	out := make([]string, len(c.list))
	for i, q := range c.list {
		out[i] = q.ID
	}
	return out
}

// Lookup finds a question by id, title or alias, ignoring case,
// punctuation and spacing. It returns nil when nothing matches.
func (c *Catalog) Lookup(key string) *Question {
	return c.index[Normalize(key)]
}

// Resolve returns the catalog question for key, or a custom question
// titled key when the catalog does not know it.
func (c *Catalog) Resolve(key string) *Question {
	if q := c.Lookup(key); q != nil {
		return q
	}
	return &Question{ID: Slug(key), Title: strings.TrimSpace(key), Ask: strings.TrimSpace(key), Custom: true}
}

// Normalize folds s for matching: lower case, letters and digits only,
// single spaces.
func Normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// Slug turns s into an id: lower-case words joined by hyphens.
func Slug(s string) string {
	return strings.ReplaceAll(Normalize(s), " ", "-")
}
