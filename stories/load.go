package stories

import (
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/starpack/starpack/stories/source"
	"go.yaml.in/yaml/v3"
)

// MaxField is the most characters a text field may hold: what one
// spreadsheet cell holds.
const MaxField = 32767

// MaxStories is the largest bank starpack loads.
const MaxStories = 100_000

// LoadBank reads every *.yaml (and *.yml) story file in folder dir of fsys
// (a workspace's stories folder) and checks the bank as a whole. File names
// in errors are prefixed with prefix (the workspace folder as the user
// named it, or ""). Files are read concurrently: fsys must allow that, as
// os.DirFS and embed.FS do.
func LoadBank(fsys fs.FS, dir, prefix string) (*Bank, error) {
	var names []string
	for _, pat := range []string{dir + "/*.yaml", dir + "/*.yml"} {
		m, err := fs.Glob(fsys, pat)
		if err != nil {
			return nil, err
		}
		names = append(names, m...)
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, &source.Error{File: path.Join(prefix, dir), Msg: "no story files",
			Hint: "add stories/<project>.yaml files, or run: starpack import YOUR-NOTES.txt"}
	}
	// Files are read and decoded in parallel (decoding is most of the
	// time of a large bank), then taken in name order: the first error in
	// that order is the one reported, as if they were read one by one.
	projects := make([]*Project, len(names))
	errs := make([]error, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Go(func() {
			for i := range next {
				projects[i], errs[i] = loadFile(fsys, prefix, names[i])
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	bank := &Bank{}
	count := 0
	for i, p := range projects {
		if errs[i] != nil {
			return nil, errs[i]
		}
		count += len(p.Stories)
		if count > MaxStories {
			return nil, &source.Error{File: p.File, Msg: fmt.Sprintf("the bank holds more than %d stories", MaxStories),
				Hint: "starpack is made for one person's story bank; split it into several workspaces"}
		}
		bank.Projects = append(bank.Projects, p)
	}
	if err := bank.Check(); err != nil {
		return nil, err
	}
	if count == 0 {
		return nil, &source.Error{File: path.Join(prefix, dir), Msg: "the story files hold no stories",
			Hint: "add at least one story under a project's stories: list"}
	}
	return bank, nil
}

// loadFile reads and decodes one story file of a bank.
func loadFile(fsys fs.FS, prefix, name string) (*Project, error) {
	if st, err := fs.Stat(fsys, name); err == nil && st.Size() > source.MaxFileSize {
		return nil, source.TooLarge(path.Join(prefix, name), st.Size(), "split it into smaller files, one per project")
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, &source.Error{File: path.Join(prefix, name), Msg: "cannot read file", Err: err}
	}
	return ParseProject(path.Join(prefix, name), data)
}

// ParseProject decodes one story file. file names it in errors.
func ParseProject(file string, data []byte) (*Project, error) {
	p := &Project{}
	root, err := source.DecodeYAML(file, data, p)
	if err != nil {
		return nil, err
	}
	if root == nil {
		return nil, &source.Error{File: file, Line: 1, Col: 1, Msg: "empty story file",
			Hint: "a story file needs at least `project:` and `stories:`; starpack new story NAME writes one to fill in"}
	}
	p.File = file
	if strings.TrimSpace(p.Project) == "" {
		return nil, source.Errorf(valuePos(file, root, "project"), "give the project a name: project: <name>", "missing project name")
	}
	storyNodes := mapValue(root, "stories")
	for i, s := range p.Stories {
		if s == nil {
			return nil, source.Errorf(valuePos(file, root, "stories"), "remove the empty `-` entry", "story %d is empty", i+1)
		}
		s.Project = p
		s.Pos = map[string]source.Position{}
		if storyNodes != nil && i < len(storyNodes.Content) {
			n := storyNodes.Content[i]
			s.Pos[""] = source.NodePos(file, n)
			for j := 0; j+1 < len(n.Content); j += 2 {
				s.Pos[n.Content[j].Value] = source.NodePos(file, n.Content[j+1])
			}
		}
		if strings.TrimSpace(s.Question) == "" {
			return nil, source.Errorf(s.Pos[""], "say which question it answers: question: most-challenging (or a title of your own)",
				"story %d has no question", i+1)
		}
		if s.ID == "" {
			s.ID = Slug(p.Project) + "." + Slug(s.Question)
		}
		for _, f := range append(s.Fields(), Field{Name: "title", Text: s.Title}, Field{Name: "short", Text: s.Short}) {
			if n := utf8.RuneCountInString(f.Text); n > MaxField {
				return nil, source.Errorf(s.FieldPos(f.Name), "shorten it: a spoken answer is rarely over 500 words",
					"%s of story %q is %d characters, more than the %d starpack takes (a spreadsheet cell's limit)", f.Name, s.ID, n, MaxField)
			}
		}
	}
	return p, nil
}

// Check reports problems across files: duplicate story ids.
func (b *Bank) Check() error {
	seen := map[string]*Story{}
	for _, p := range b.Projects {
		for _, s := range p.Stories {
			if first, ok := seen[s.ID]; ok {
				fp := first.Pos["id"]
				if fp.File == "" {
					fp = first.Pos[""]
				}
				if _, explicit := s.Pos["id"]; !explicit && s.Pos[""].File != "" {
					return source.Errorf(s.Pos[""], fmt.Sprintf("add an id to this story, e.g. id: %s-2", s.ID),
						"this story has no id, and the one starpack makes from its project and question, %q, is already the id of the story at %s:%d:%d",
						s.ID, fp.File, fp.Line, fp.Col)
				}
				return source.Errorf(s.FieldPos("id"), "give each story its own id",
					"duplicate story id %q (first used at %s:%d:%d)", s.ID, fp.File, fp.Line, fp.Col)
			}
			seen[s.ID] = s
		}
	}
	return nil
}

// FieldPos returns the position of field, or of the story when the field has none.
func (s *Story) FieldPos(field string) source.Position {
	if p, ok := s.Pos[field]; ok {
		return p
	}
	if p, ok := s.Pos[""]; ok {
		return p
	}
	if s.Project != nil {
		return source.Position{File: s.Project.File}
	}
	return source.Position{}
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func valuePos(file string, n *yaml.Node, key string) source.Position {
	if v := mapValue(n, key); v != nil {
		return source.NodePos(file, v)
	}
	return source.NodePos(file, n)
}
