// Package importer brings a person's notes into a workspace, as a
// library: plain-text story notes (stories/plaintext) and JSON Resume
// files (stories/jsonresume) become story files, one per project, with
// file names and story ids that do not clash with the bank already there,
// and a résumé's name, email and summary fill in the candidate of
// starpack.yaml where it is empty or the sample workspace's made-up one.
// A workspace that does not exist yet is made empty (config.Create). The
// Result says what of the example's sample data the workspace still
// holds. Nothing is written unless every file parses, and no story file is
// replaced without Force.
package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/jsonresume"
	"github.com/starpack/starpack/stories/source"
)

// Target is the workspace to import into.
type Target struct {
	Dir     string // its folder
	Display string // how messages name the folder
	Fresh   bool   // it does not exist yet: make it
}

// Result is what an import did.
type Result struct {
	Files    []File   // per file read, in order
	Folder   string   // the story folder written to, named for messages
	Warnings []string // text the importers could not place, and the like
	Resume   string   // the first résumé imported, or ""
	Set      []string // candidate keys filled in from Resume
	Kept     []string // notes on candidate keys starpack.yaml already sets otherwise
	Replaced []string // notes on candidate keys that held the example's made-up values
	// Samples is the example's sample data the workspace still holds
	// after the import, and Removal how to remove it ("" when none).
	Samples config.Samples
	Removal string
}

// File is what one file read gave.
type File struct {
	Name     string   // as given
	Projects int      // projects found
	Stories  int      // stories found
	Written  []string // the story files written, named for messages
}

// project is one story file to write.
type project struct {
	path string // on disk
	p    *stories.Project
}

// Import reads files and writes their projects into the workspace t,
// making it when t.Fresh (an empty workspace of the user's own) and
// making its roles folder when missing. force allows replacing existing
// story files.
func Import(t Target, files []string, force bool) (*Result, error) {
	settings := config.Defaults()
	var ws *config.Workspace
	if !t.Fresh {
		var err error
		if ws, err = config.Open(t.Dir, t.Display); err != nil {
			return nil, err
		}
		settings = ws.Settings
	}
	res := &Result{Folder: filepath.Join(t.Display, config.StoriesDir)}
	projects, basics, err := parse(t, files, settings.Catalog(), res)
	if err != nil {
		return nil, err
	}
	if err := fit(t, ws, projects, force); err != nil {
		return nil, err
	}
	var cand candidateEdit
	if basics != nil {
		if cand, err = candidate(t, *basics, res.Resume); err != nil {
			return nil, err
		}
		res.Set, res.Kept, res.Replaced = cand.set, cand.kept, cand.replaced
	}
	if t.Fresh {
		_, err = config.Create(t.Dir, t.Display, false)
	} else {
		err = config.EnsureRolesDir(t.Dir, t.Display)
	}
	if err != nil {
		return nil, err
	}
	if err := write(t, projects); err != nil {
		return nil, err
	}
	if cand.data != nil {
		if err := config.WriteFile(filepath.Join(t.Dir, config.FileName), cand.data); err != nil {
			return nil, err
		}
	}
	if after, err := config.Open(t.Dir, t.Display); err == nil {
		res.Samples = after.Samples()
		if res.Samples.Any() {
			res.Removal = after.Removal(res.Samples)
		}
	}
	return res, nil
}

// parse reads and parses every file, naming each project's story file.
// It returns the résumé basics of the first résumé (nil for none).
func parse(t Target, files []string, cat *stories.Catalog, res *Result) ([]project, *jsonresume.Basics, error) {
	var projects []project
	var basics *jsonresume.Basics
	taken := map[string]bool{}
	for _, f := range files {
		data, err := source.ReadFile(f, f)
		if err != nil {
			return nil, nil, err
		}
		parsed, b, err := parseNotes(f, data, cat)
		if err != nil {
			return nil, nil, err
		}
		if b != nil && basics == nil {
			basics, res.Resume = b, f
		}
		res.Warnings = append(res.Warnings, parsed.Warnings...)
		rf := File{Name: f, Projects: len(parsed.Projects), Stories: parsed.Stories()}
		for _, p := range parsed.Projects {
			name := uniqueName(config.StoriesDir+"/"+stories.ProjectFileName(p), taken)
			taken[name] = true
			p.File = filepath.Join(t.Display, filepath.FromSlash(name))
			projects = append(projects, project{filepath.Join(t.Dir, filepath.FromSlash(name)), p})
			rf.Written = append(rf.Written, p.File)
		}
		res.Files = append(res.Files, rf)
	}
	return projects, basics, nil
}

// fit refuses to overwrite story files without force, and gives the new
// stories ids that the rest of the bank does not use. ws is the workspace
// imported into (nil when it is made by the import): a story file in the
// way that is the example's sample data says so, and how to remove it.
func fit(t Target, ws *config.Workspace, projects []project, force bool) error {
	bank := &stories.Bank{}
	replaced := map[string]bool{}
	for _, pr := range projects {
		if _, err := os.Stat(pr.path); err == nil {
			if !force {
				return inTheWay(ws, pr)
			}
			replaced[filepath.Clean(pr.path)] = true
		}
		bank.Projects = append(bank.Projects, pr.p)
	}
	if !t.Fresh {
		if existing, err := stories.LoadBank(os.DirFS(t.Dir), config.StoriesDir, t.Display); err == nil {
			for _, p := range existing.Projects {
				rel := p.File
				if t.Display != "" {
					rel = strings.TrimPrefix(rel, t.Display+string(filepath.Separator))
				}
				if !replaced[filepath.Clean(filepath.Join(t.Dir, rel))] {
					bank.Projects = append(bank.Projects, p)
				}
			}
		}
	}
	uniqueIDs(bank, len(projects))
	return bank.Check()
}

// inTheWay is the error for a story file the import would replace.
func inTheWay(ws *config.Workspace, pr project) error {
	if ws != nil {
		if s := ws.Samples(); slices.ContainsFunc(s.Stories, func(rel string) bool {
			return filepath.Clean(filepath.Join(ws.Dir, filepath.FromSlash(rel))) == filepath.Clean(pr.path)
		}) {
			return &source.Error{File: pr.p.File, Msg: "story file already exists, holding the example's sample stories (from starpack init --example)",
				Hint: "remove the sample data first: " + ws.Removal(s) + "; or replace the file with --force"}
		}
	}
	return &source.Error{File: pr.p.File, Msg: "story file already exists",
		Hint: "use --force to overwrite it, or --into another workspace"}
}

// candidate merges a résumé's basics into the workspace's starpack.yaml
// (a new one for a fresh workspace).
func candidate(t Target, b jsonresume.Basics, from string) (candidateEdit, error) {
	settingsFile := filepath.Join(t.Display, config.FileName)
	data := []byte(config.StarterSettings)
	if !t.Fresh {
		var err error
		if data, err = source.ReadFile(settingsFile, filepath.Join(t.Dir, config.FileName)); err != nil {
			return candidateEdit{}, err
		}
	}
	return mergeCandidate(settingsFile, data, b, from)
}

// write writes the story files and the editor schemas.
func write(t Target, projects []project) error {
	if err := os.MkdirAll(filepath.Join(t.Dir, config.StoriesDir), 0o755); err != nil {
		return &source.Error{File: filepath.Join(t.Display, config.StoriesDir), Msg: "cannot make the folder: " + err.Error(), Err: err}
	}
	// Story files are made and written in parallel: a large bank is
	// thousands of files. The first error in file order is reported.
	errs := make([]error, len(projects))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(projects)) {
		wg.Go(func() {
			for i := range next {
				data, err := stories.MarshalProject(projects[i].p)
				if err == nil {
					err = config.WriteFile(projects[i].path, data)
				}
				errs[i] = err
			}
		})
	}
	for i := range projects {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return config.WriteSchemas(t.Dir)
}

// uniqueIDs renames stories of the first n projects (the imported ones)
// whose ids another story already has, adding -2, -3, ...
func uniqueIDs(bank *stories.Bank, n int) {
	taken := map[string]bool{}
	for _, p := range bank.Projects[n:] {
		for _, s := range p.Stories {
			taken[s.ID] = true
		}
	}
	for _, p := range bank.Projects[:n] {
		for _, s := range p.Stories {
			id := s.ID
			for i := 2; taken[id]; i++ {
				id = fmt.Sprintf("%s-%d", s.ID, i)
			}
			s.ID = id
			taken[id] = true
		}
	}
}

// uniqueName adds -2, -3, ... before the extension until name is not taken.
func uniqueName(name string, taken map[string]bool) string {
	if !taken[name] {
		return name
	}
	ext := filepath.Ext(name)
	base := strings.TrimSuffix(name, ext)
	for i := 2; ; i++ {
		n := fmt.Sprintf("%s-%d%s", base, i, ext)
		if !taken[n] {
			return n
		}
	}
}
