package tailor

import (
	"strings"
	"unicode"

	"github.com/starpack/starpack/stories"
)

// Section is a part of a job description, as a recruiter reads it.
type Section string

// The sections of a job description. Responsibilities and requirements
// weigh fully, nice-to-haves less (Weights.NiceToHave); the company's blurb
// and the benefits say nothing about the stories to tell and weigh nothing.
const (
	General          Section = ""                 // before any heading, or under one not known
	About            Section = "about"            // the company's blurb
	Responsibilities Section = "responsibilities" // what you will do
	Requirements     Section = "requirements"     // what you bring
	NiceToHave       Section = "nice-to-have"     // bonus points
	Benefits         Section = "benefits"         // what they offer
)

// weight is how much a term in section s counts.
func (w Weights) weight(s Section) float64 {
	switch s {
	case About, Benefits:
		return 0
	case NiceToHave:
		return w.NiceToHave
	}
	return 1
}

// headings are the words that name each section, most specific first:
// "preferred qualifications" is a nice-to-have before it is a requirement.
var headings = []struct {
	section Section
	words   []string
}{
	{Requirements, []string{"about you"}},
	{Responsibilities, []string{"about the role", "about the job", "about the position", "about this role"}},
	{NiceToHave, []string{"nice to have", "nice-to-have", "bonus", "preferred", "pluses", "a plus", "extra credit", "good to have", "desirable"}},
	{Benefits, []string{"benefit", "perks", "what we offer", "we offer", "compensation", "salary", "why join", "why work", "in it for you", "equal opportunity", "eeo", "our offer", "package"}},
	{About, []string{"about us", "about the company", "who we are", "our mission", "our story", "company overview", "the company", "our company", "about "}},
	{Responsibilities, []string{"responsibilit", "what you'll do", "what you will do", "what you’ll do", "you will", "the role", "your role", "in this role", "day to day", "day-to-day", "duties", "your impact", "the job", "what you'll be doing", "mission of the role"}},
	{Requirements, []string{"requirement", "qualification", "what you bring", "what we're looking for", "what we are looking for", "who you are", "you have", "must have", "must-have", "skills", "experience", "about you", "you'll need", "you will need", "what you need", "required"}},
}

// sectionOf classifies a heading's text; ok is false for a heading no
// section names.
func sectionOf(heading string) (Section, bool) {
	h := strings.ToLower(strings.Join(strings.Fields(heading), " "))
	for _, s := range headings {
		for _, w := range s.words {
			if strings.Contains(h+" ", w) {
				return s.section, true
			}
		}
	}
	return General, false
}

// jdLine is one line of a job description and the section it is under.
type jdLine struct {
	text    string
	section Section
	bullet  bool
}

// readJD splits a job description into its lines, each under the section
// its heading names. A paragraph before or without a known heading that
// reads as the company's blurb (it starts with the company's name, or says
// "founded", "our mission", ...) or as benefits (two or more of "health",
// "equity", "PTO", ...) is put under that section.
func readJD(jd, company string) []jdLine {
	var out []jdLine
	section := General
	var para []int // indexes in out of the current General paragraph
	flush := func() {
		if len(para) > 0 {
			if s := paragraphSection(out, para, company); s != General {
				for _, i := range para {
					out[i].section = s
				}
			}
		}
		para = nil
	}
	cont := false // the next line may continue the last one
	for _, raw := range strings.Split(strings.ReplaceAll(jd, "\r", "\n"), "\n") {
		line := strings.TrimSpace(raw)
		if line == "" {
			flush()
			cont = false
			continue
		}
		if s, rest, ok := heading(line); ok {
			flush()
			section, cont = s, false
			if rest == "" {
				continue
			}
			line = rest
		}
		text, bullet := cutBullet(line)
		// A line wrapped inside a paragraph, or an indented line under a
		// bullet, goes on with the line before.
		if last := len(out) - 1; cont && !bullet && (!out[last].bullet || raw != strings.TrimLeft(raw, " \t")) {
			out[last].text += " " + text
			continue
		}
		out = append(out, jdLine{text: text, section: section, bullet: bullet})
		cont = true
		if section == General {
			if bullet {
				flush()
			} else {
				para = append(para, len(out)-1)
			}
		}
	}
	flush()
	return out
}

// heading reads a line as a section heading: "Requirements:", "## What
// you'll do", "**Benefits**", "NICE TO HAVE", or "Requirements: Go, SQL"
// with the section's first line after the colon. ok is false for a line
// that is not a heading.
func heading(line string) (Section, string, bool) {
	t := strings.TrimSpace(strings.TrimLeft(line, "#"))
	marked := t != line
	if inner, ok := strings.CutPrefix(t, "**"); ok && strings.HasSuffix(inner, "**") {
		t, marked = strings.TrimSuffix(inner, "**"), true
	}
	if strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "• ") {
		return General, "", false
	}
	name, rest, colon := strings.Cut(t, ":")
	name = strings.Trim(name, "* ")
	if len(strings.Fields(name)) == 0 || len(strings.Fields(name)) > 6 {
		return General, "", false
	}
	s, known := sectionOf(name)
	switch {
	case colon && strings.TrimSpace(rest) == "":
		return s, "", true
	case colon && known && len(strings.Fields(name)) <= 4:
		return s, strings.TrimSpace(rest), true
	case !colon && (marked || allCaps(name)) && len(strings.Fields(name)) <= 6:
		return s, "", true
	case !colon && known && plainHeadings[strings.ToLower(strings.Join(strings.Fields(name), " "))]:
		return s, "", true
	}
	return General, "", false
}

// plainHeadings are headings people write on a line of their own, with no
// colon or mark.
var plainHeadings = func() map[string]bool {
	m := map[string]bool{}
	for _, h := range []string{"requirements", "responsibilities", "qualifications", "minimum qualifications",
		"preferred qualifications", "basic qualifications", "nice to have", "nice-to-have", "bonus points", "benefits",
		"perks", "perks and benefits", "benefits and perks", "about us", "who we are", "what you'll do",
		"what you will do", "what you’ll do", "what we offer", "what you bring", "about you", "about the role",
		"the role", "your role", "skills", "must have", "must-haves", "pluses", "compensation"} {
		m[h] = true
	}
	return m
}()

func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

// cutBullet takes a list marker off a line.
func cutBullet(line string) (string, bool) {
	for _, m := range []string{"- ", "* ", "• ", "– ", "· "} {
		if rest, ok := strings.CutPrefix(line, m); ok {
			return strings.TrimSpace(rest), true
		}
	}
	if b := stories.Blocks(line); len(b) == 1 && b[0].Kind == stories.Number {
		return b[0].Text, true
	}
	return line, false
}

var (
	benefitWords = setOf(`insurance health dental vision pto vacation holidays parental leave 401k equity stock
		salary compensation bonus wellness stipend gym retirement pension perks benefits paid lunch snacks
		allowance medical childcare sabbatical`)
	blurbCues = []string{"founded", "our mission", "mission is", "headquartered", "we are a ", "we're a ", "is a leading",
		"leading provider", "backed by", "series a", "series b", "series c", "trusted by", "fortune 500", "our customers include"}
)

// paragraphSection reads a paragraph with no known heading over it as the
// company's blurb or as benefits, else leaves it General.
func paragraphSection(lines []jdLine, para []int, company string) Section {
	var b strings.Builder
	for _, i := range para {
		b.WriteString(lines[i].text)
		b.WriteByte(' ')
	}
	text := strings.ToLower(b.String())
	hits := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if benefitWords[w] {
			hits[w] = true
		}
	}
	if len(hits) >= 2 {
		return Benefits
	}
	if c := strings.ToLower(strings.TrimSpace(company)); c != "" && strings.HasPrefix(text, c) {
		return About
	}
	for _, cue := range blurbCues {
		if strings.Contains(text, cue) {
			return About
		}
	}
	return General
}

// sentences splits a paragraph line into sentences, for the requirement
// map.
func jdSentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if (c == '.' || c == '!' || c == '?' || c == ';') && (i+1 == len(text) || text[i+1] == ' ') {
			if s := strings.TrimSpace(text[start : i+1]); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}
