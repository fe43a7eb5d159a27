package stories

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// SchemaPath is where a story file finds its JSON Schema: the copy that
// starpack init and import write into the workspace's .starpack/schema/,
// relative to stories/.
const SchemaPath = "../.starpack/schema/story.json"

// fileHeader opens every story file starpack writes: the schema line lets
// editors (through yaml-language-server) check and complete the file, the
// second line says where it came from.
const fileHeader = "yaml-language-server: $schema=" + SchemaPath + "\n" +
	"Imported by starpack import. Edit freely: one story per question; text may use - bullets, 1. points and **bold**."

// MarshalProject writes p as one story file, in the field order of the
// design, with multi-line text as literal blocks. The output depends only
// on p, so the same project always gives the same bytes. It returns an
// error only if the YAML encoder fails.
func MarshalProject(p *Project) ([]byte, error) {
	esc := newEscaper(p)
	str := func(s string) *yaml.Node {
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: esc.hide(s)}
		if strings.Contains(s, "\n") {
			n.Style = yaml.LiteralStyle
		}
		return n
	}
	seq := func(items []string) *yaml.Node {
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for _, it := range items {
			n.Content = append(n.Content, str(it))
		}
		return n
	}
	put := func(m *yaml.Node, key string, v *yaml.Node) {
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
	}
	putText := func(m *yaml.Node, key, v string) {
		if v != "" {
			put(m, key, str(v))
		}
	}

	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	put(root, "project", str(p.Project))
	putText(root, "company", p.Company)
	putText(root, "when", p.When)
	putText(root, "summary", p.Summary)
	if len(p.Tags) > 0 {
		put(root, "tags", seq(p.Tags))
	}
	if len(p.Highlights) > 0 {
		hl := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, h := range p.Highlights {
			hl.Content = append(hl.Content, str(h))
		}
		put(root, "highlights", hl)
	}
	list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	if len(p.Stories) == 0 {
		list.Style = yaml.FlowStyle
	}
	for _, s := range p.Stories {
		list.Content = append(list.Content, storyNode(s, str, seq))
	}
	put(root, "stories", list)

	doc := &yaml.Node{Kind: yaml.DocumentNode, HeadComment: fileHeader, Content: []*yaml.Node{root}}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return esc.reveal(buf.Bytes()), nil
}

// storyNode writes one story in the field order of the design; str and
// seq make a text and a flow list.
func storyNode(s *Story, str func(string) *yaml.Node, seq func([]string) *yaml.Node) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	put := func(key string, v *yaml.Node) {
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
	}
	put("id", str(s.ID))
	put("question", str(s.Question))
	for _, f := range []struct{ key, text string }{{"title", s.Title}, {"situation", s.Situation}, {"task", s.Task},
		{"action", s.Action}, {"result", s.Result}, {"notes", s.Notes}, {"lesson", s.Lesson}, {"short", s.Short}} {
		if f.text != "" {
			put(f.key, str(f.text))
		}
	}
	if len(s.Followups) > 0 {
		fl := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, f := range s.Followups {
			fm := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			fm.Content = append(fm.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "ask"}, str(f.Ask))
			if len(f.Answer) > 0 {
				ans := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
				for _, a := range f.Answer {
					ans.Content = append(ans.Content, str(a))
				}
				fm.Content = append(fm.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "answer"}, ans)
			}
			fl.Content = append(fl.Content, fm)
		}
		put("followups", fl)
	}
	if len(s.Tags) > 0 {
		put("tags", seq(s.Tags))
	}
	return m
}

// escaper works around the YAML emitter's view that characters above
// U+FFFF (emoji, rare CJK) are unprintable: it would write any text holding
// one as a double-quoted string of \U escapes, which nobody can edit. Each
// such character is swapped for a private-use character the project does
// not contain, and swapped back in the output, where YAML allows it as is.
type escaper struct {
	hideMap *strings.Replacer
	back    []string // placeholder, original pairs
}

func newEscaper(p *Project) *escaper {
	texts := []string{p.Project, p.Company, p.When, p.Summary}
	texts = append(texts, p.Tags...)
	for _, s := range p.Stories {
		texts = append(texts, s.ID, s.Question, s.Title, s.Situation, s.Task, s.Action, s.Result, s.Notes, s.Lesson, s.Short)
		for _, f := range s.Followups {
			texts = append(texts, f.Ask)
			texts = append(texts, f.Answer...)
		}
		texts = append(texts, s.Tags...)
	}
	if !hasWide(texts) {
		return &escaper{}
	}
	used := map[rune]bool{}
	var wide []rune
	for _, t := range texts {
		for _, r := range t {
			if used[r] {
				continue
			}
			used[r] = true
			if r > 0xFFFF {
				wide = append(wide, r)
			}
		}
	}
	e := &escaper{}
	if len(wide) == 0 {
		return e
	}
	var pairs []string
	next := rune(0xE000)
	for _, r := range wide {
		for next <= 0xF8FF && used[next] {
			next++
		}
		if next > 0xF8FF {
			return &escaper{} // too many to swap: the escaped form is still correct
		}
		pairs = append(pairs, string(r), string(next))
		e.back = append(e.back, string(next), string(r))
		next++
	}
	e.hideMap = strings.NewReplacer(pairs...)
	return e
}

// hasWide reports whether any text holds a character above U+FFFF, the
// only ones UTF-8 writes in four bytes.
func hasWide(texts []string) bool {
	for _, t := range texts {
		for i := 0; i < len(t); i++ {
			if t[i] >= 0xF0 {
				return true
			}
		}
	}
	return false
}

func (e *escaper) hide(s string) string {
	if e.hideMap == nil {
		return s
	}
	return e.hideMap.Replace(s)
}

func (e *escaper) reveal(b []byte) []byte {
	if e.hideMap == nil {
		return b
	}
	return []byte(strings.NewReplacer(e.back...).Replace(string(b)))
}

// ProjectFileName is the name of a project's story file in a workspace's
// stories folder: <slug>.yaml, the slug made from the title and cut at a
// word boundary to at most 40 characters. Making names unique is the
// caller's.
func ProjectFileName(p *Project) string {
	slug := ShortSlug(p.Project, 40)
	if slug == "" {
		slug = "project"
	}
	if reservedName(slug) {
		slug += "-project" // Windows cannot make a file named con.yaml or lpt1.yaml
	}
	return slug + ".yaml"
}

// reservedName reports the device names Windows reserves whatever the
// extension.
func reservedName(slug string) bool {
	switch slug {
	case "con", "prn", "aux", "nul":
		return true
	}
	if len(slug) == 4 && (slug[:3] == "com" || slug[:3] == "lpt") && slug[3] >= '0' && slug[3] <= '9' {
		return true
	}
	return false
}

// ShortSlug is Slug(s) cut to at most n characters at a word boundary (a
// single word longer than n is cut inside), so that ids and file names
// stay readable.
func ShortSlug(s string, n int) string {
	slug := Slug(s)
	if utf8.RuneCountInString(slug) <= n {
		return slug
	}
	r := []rune(slug)
	cut := string(r[:n])
	if r[n] == '-' {
		return cut
	}
	if i := strings.LastIndexByte(cut, '-'); i > 0 {
		return cut[:i]
	}
	return strings.TrimRightFunc(cut, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
