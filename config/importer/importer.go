// Package importer brings a person's notes into a workspace, as a
// library: plain-text story notes (stories/plaintext) and JSON Resume
// files (stories/jsonresume) become story files, one per project, with
// file names and story ids that do not clash with the bank already there,
// and a résumé's name, email and summary fill in the candidate of
// starpack.yaml where it is empty. Nothing is written unless every file
// parses, and no story file is replaced without Force.
package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/config/schema"
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
	Files    []string // per file read: "notes.txt: 2 projects, 18 stories -> stories/a.yaml, ..."
	Warnings []string // text the importers could not place, and the like
	Resume   string   // the first résumé imported, or ""
	Set      []string // candidate keys filled in from Resume
	Kept     []string // notes on candidate keys starpack.yaml already sets otherwise
}

// project is one story file to write.
type project struct {
	path string // on disk
	p    *stories.Project
}

// Import reads files and writes their projects into the workspace t. force
// allows replacing existing story files.
func Import(t Target, files []string, force bool) (*Result, error) {
	settings := config.Defaults()
	if !t.Fresh {
		ws, err := config.Open(t.Dir, t.Display)
		if err != nil {
			return nil, err
		}
		settings = ws.Settings
	}
	res := &Result{}
	projects, basics, err := parse(t, files, settings.Catalog(), res)
	if err != nil {
		return nil, err
	}
	if err := fit(t, projects, force); err != nil {
		return nil, err
	}
	var cand candidateEdit
	if basics != nil {
		if cand, err = candidate(t, *basics, res.Resume); err != nil {
			return nil, err
		}
		res.Set, res.Kept = cand.set, cand.kept
	}
	if err := write(t, projects); err != nil {
		return nil, err
	}
	if cand.data != nil {
		return res, config.WriteFile(filepath.Join(t.Dir, config.FileName), cand.data)
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
		var names []string
		for _, p := range parsed.Projects {
			name := uniqueName(config.StoriesDir+"/"+stories.ProjectFileName(p), taken)
			taken[name] = true
			p.File = filepath.Join(t.Display, filepath.FromSlash(name))
			projects = append(projects, project{filepath.Join(t.Dir, filepath.FromSlash(name)), p})
			names = append(names, p.File)
		}
		res.Files = append(res.Files, fmt.Sprintf("%s: %s, %s -> %s", f, stories.Count(len(parsed.Projects), "project", "projects"),
			stories.Count(parsed.Stories(), "story", "stories"), strings.Join(names, ", ")))
	}
	return projects, basics, nil
}

// fit refuses to overwrite story files without force, and gives the new
// stories ids that the rest of the bank does not use.
func fit(t Target, projects []project, force bool) error {
	bank := &stories.Bank{}
	replaced := map[string]bool{}
	for _, pr := range projects {
		if _, err := os.Stat(pr.path); err == nil {
			if !force {
				return &source.Error{File: pr.p.File, Msg: "story file already exists",
					Hint: "use --force to overwrite it, or --into another workspace"}
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

// write makes the workspace when it is fresh and writes the story files
// and the editor schemas.
func write(t Target, projects []project) error {
	if t.Fresh {
		if err := os.MkdirAll(t.Dir, 0o755); err != nil {
			return &source.Error{File: t.Display, Msg: "cannot make the workspace: " + err.Error(), Err: err}
		}
		if err := config.WriteFile(filepath.Join(t.Dir, config.FileName), []byte(config.StarterSettings)); err != nil {
			return err
		}
	}
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
	return schema.Write(t.Dir)
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
