package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/jsonresume"
	"github.com/starpack/starpack/stories/source"
)

type importOptions struct {
	into  string
	force bool
}

func newImportCmd(a *app) *cobra.Command {
	opts := &importOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: "Turn plain-text story notes or a JSON Resume into story files",
		Long: `Import reads story notes written as plain text and writes one YAML story file
per project into DIR/stories/. DIR is a workspace, made if missing (default:
the current workspace). Every word is kept; text the importer cannot place goes
into a story's notes and is reported. Existing story files are never
overwritten without --force.

A résumé in the JSON Resume format (a .json file, https://jsonresume.org)
gives one project per job and per project, with its highlights as résumé
bullets and no stories yet; its name, email and summary fill in the
candidate of starpack.yaml where the file does not set them.`,
		Example: `  starpack import notes.txt --into my-prep
  starpack import resume.json
  starpack import old-notes.txt --force`,
		Args: argsUsage(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.importRun(cmd, args, opts)
		},
	}
	cmd.Flags().StringVar(&opts.into, "into", "", "workspace folder to import into, made if missing (default: the current workspace)")
	cmd.Flags().BoolVar(&opts.force, "force", false, "overwrite story files that already exist")
	return cmd
}

func (a *app) importRun(cmd *cobra.Command, files []string, opts *importOptions) error {
	dir, display, fresh, err := a.importTarget(cmd, opts.into)
	if err != nil {
		return err
	}
	settings := config.Defaults()
	if !fresh {
		ws, err := config.Open(dir, display)
		if err != nil {
			return err
		}
		settings = ws.Settings
	}
	cat := settings.Catalog()

	// Parse everything first: a bad file writes nothing.
	type target struct {
		path string
		p    *stories.Project
	}
	var targets []target
	taken := map[string]bool{}
	var summary []string
	var basics *jsonresume.Basics // from the first résumé
	resumeFile := ""
	for _, f := range files {
		data, err := source.ReadFile(f, f)
		if err != nil {
			return err
		}
		res, b, err := parseNotes(f, data, cat)
		if err != nil {
			return err
		}
		if b != nil && basics == nil {
			basics, resumeFile = b, f
		}
		for _, w := range res.Warnings {
			fmt.Fprintf(a.stderr, "starpack: warning: %s\n", w)
		}
		var names []string
		for _, p := range res.Projects {
			name := uniqueName(stories.ProjectFileName(p), taken)
			taken[name] = true
			p.File = filepath.Join(display, filepath.FromSlash(name))
			targets = append(targets, target{filepath.Join(dir, filepath.FromSlash(name)), p})
			names = append(names, p.File)
		}
		summary = append(summary, fmt.Sprintf("%s: %s, %s -> %s", f, plural(len(res.Projects), "project"), plural(res.Stories(), "story"), strings.Join(names, ", ")))
	}

	// Refuse to overwrite, and check the ids against the rest of the bank.
	bank := &stories.Bank{}
	replaced := map[string]bool{}
	for _, t := range targets {
		if _, err := os.Stat(t.path); err == nil {
			if !opts.force {
				return &source.Error{File: t.p.File, Msg: "story file already exists",
					Hint: "use --force to overwrite it, or --into another workspace"}
			}
			replaced[filepath.Clean(t.path)] = true
		}
		bank.Projects = append(bank.Projects, t.p)
	}
	if !fresh {
		if existing, err := stories.LoadBank(os.DirFS(dir), display); err == nil {
			for _, p := range existing.Projects {
				rel := p.File
				if display != "" {
					rel = strings.TrimPrefix(rel, display+string(filepath.Separator))
				}
				if !replaced[filepath.Clean(filepath.Join(dir, rel))] {
					bank.Projects = append(bank.Projects, p)
				}
			}
		}
	}
	uniqueIDs(bank, len(targets))
	if err := bank.Check(); err != nil {
		return err
	}

	var cand candidateEdit
	if basics != nil {
		settingsFile := filepath.Join(display, config.FileName)
		data := []byte(newSettings)
		if !fresh {
			if data, err = source.ReadFile(settingsFile, filepath.Join(dir, config.FileName)); err != nil {
				return err
			}
		}
		if cand, err = mergeCandidate(settingsFile, data, *basics, resumeFile); err != nil {
			return err
		}
	}

	if fresh {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return &source.Error{File: display, Msg: "cannot make the workspace: " + err.Error(), Err: err}
		}
		if err := writeAtomic(filepath.Join(dir, config.FileName), []byte(newSettings)); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, stories.Dir), 0o755); err != nil {
		return &source.Error{File: filepath.Join(display, stories.Dir), Msg: "cannot make the folder: " + err.Error(), Err: err}
	}
	// Story files are made and written in parallel: a large bank is
	// thousands of files. The first error in file order is reported.
	errs := make([]error, len(targets))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(targets)) {
		wg.Go(func() {
			for i := range next {
				data, err := stories.MarshalProject(targets[i].p)
				if err == nil {
					err = writeAtomic(targets[i].path, data)
				}
				errs[i] = err
			}
		})
	}
	for i := range targets {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	if err := writeSchemas(dir); err != nil {
		return err
	}
	if cand.data != nil {
		if err := writeAtomic(filepath.Join(dir, config.FileName), cand.data); err != nil {
			return err
		}
	}
	for _, s := range summary {
		fmt.Fprintln(a.stdout, "imported "+s)
	}
	if len(cand.set) > 0 {
		fmt.Fprintf(a.stdout, "%s: candidate %s from %s\n", filepath.Join(display, config.FileName), strings.Join(cand.set, ", "), resumeFile)
	}
	for _, k := range cand.kept {
		fmt.Fprintf(a.stderr, "starpack: %s\n", k)
	}
	if basics != nil {
		fmt.Fprintln(a.stdout, "next: add stories under the résumé projects' stories: lists; their highlights show in the brief when a story is picked")
	}
	if fresh {
		fmt.Fprintf(a.stdout, "made a workspace in %s; next: add a role in %s and run starpack build\n", display, filepath.Join(display, config.RolesDir))
	}
	return nil
}

// newSettings is the starpack.yaml of a workspace made by import.
const newSettings = `# yaml-language-server: $schema=.starpack/schema/settings.json
# starpack settings: every key is optional. See the README for all of them.
# candidate: {name: Your Name, email: you@example.org, pitch: "Tell me about yourself..."}
# paper: A4
`

// importTarget is the workspace to import into: --into (made if missing),
// else the current workspace. fresh says it must be made.
func (a *app) importTarget(cmd *cobra.Command, into string) (dir, display string, fresh bool, err error) {
	if into != "" {
		st, err := os.Stat(into)
		switch {
		case err == nil && !st.IsDir():
			return "", "", false, &source.Error{File: into, Msg: "is a file, not a folder", Hint: "name a workspace folder with --into"}
		case err == nil:
			_, serr := os.Stat(filepath.Join(into, config.FileName))
			return into, into, serr != nil, nil
		default:
			return into, into, true, nil
		}
	}
	cwd, err := os.Getwd()
	if err != nil {
		return "", "", false, err
	}
	flag := ""
	if f := cmd.Flags().Lookup("workspace"); f != nil && f.Changed {
		flag = f.Value.String()
	}
	d, err := config.Find(flag, a.getenv("STARPACK_WORKSPACE"), cwd)
	if errors.Is(err, config.ErrNoWorkspace) {
		return "", "", false, &source.Error{Msg: "no workspace to import into (no starpack.yaml in this folder or above)",
			Hint: "name one with --into my-prep (made if missing), or make one with: starpack init my-prep"}
	}
	if err != nil {
		return "", "", false, err
	}
	return d, displayDir(cwd, d), false, nil
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

// plural says "1 story", "2 stories".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	}
	return fmt.Sprintf("%d %ss", n, word)
}
