package packet

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"time"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export/pdf"
)

// Checks of a workspace before a build (starpack doctor): the characters
// no font of the PDFs can draw, and the packets older than their inputs.

// Uncovered returns the characters of texts, each once in order of first
// use, that no font of the workspace's PDFs can draw: the built-in fonts
// and the fallback fonts of starpack.yaml (an error when one cannot be
// read). A build would draw them as a placeholder and warn.
func Uncovered(ws *config.Workspace, texts ...string) ([]rune, error) {
	opt, err := pdfOptions(ws)
	if err != nil {
		return nil, err
	}
	covers, err := pdf.Covers(opt)
	if err != nil {
		return nil, err
	}
	seen := map[rune]bool{}
	var out []rune
	for _, t := range texts {
		for _, r := range t {
			if !seen[r] {
				seen[r] = true
				if !covers(r) {
					out = append(out, r)
				}
			}
		}
	}
	return out, nil
}

// Staleness is how a packet folder stands against its inputs.
type Staleness struct {
	Built   bool     // the folder holds packet files
	Changed []string // inputs changed since the packet was built, named for messages
}

// Stale says whether the packet of id (a role id, or AllID) in out is
// older than its inputs: starpack.yaml, the story files (and the stories
// folder, for files added or removed), the role file and its job
// description file, the role's feedback and debrief files and the practice
// log, the templates and the fallback fonts. For now it compares modification times: the packet was
// built when its oldest file was written, and an input changed when it was
// modified after that. Once packets carry a manifest of their inputs, this
// is the one place that reads it instead.
func Stale(ws *config.Workspace, out, id string) (Staleness, error) {
	var st Staleness
	built, ok := builtAt(filepath.Join(out, id))
	if !ok {
		return st, nil
	}
	st.Built = true
	storyChanged, folderChanged := false, false
	for _, in := range inputs(ws, id) {
		info, err := os.Stat(in.path)
		if err != nil || !info.ModTime().After(built) {
			continue
		}
		switch {
		case in.folder:
			folderChanged = true
		default:
			storyChanged = storyChanged || in.story
			st.Changed = append(st.Changed, in.name)
		}
	}
	if folderChanged && !storyChanged {
		// Only the folder: a story file was added or removed.
		st.Changed = append(st.Changed, ws.Show(config.StoriesDir)+" (a story file added or removed)")
	}
	return st, nil
}

// builtAt is when the packet in dir was built: the oldest modification
// time of its files; ok is false when it holds none.
func builtAt(dir string) (t time.Time, ok bool) {
	for _, o := range Outputs() {
		info, err := os.Stat(filepath.Join(dir, o.File))
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		if !ok || info.ModTime().Before(t) {
			t, ok = info.ModTime(), true
		}
	}
	return t, ok
}

// input is one file a packet is made from: where it is, and its name for
// messages; story files and their folder are marked.
type input struct {
	path, name    string
	story, folder bool
}

// inputs lists the files the packet of id is made from.
func inputs(ws *config.Workspace, id string) []input {
	var ins []input
	add := func(rel string) {
		ins = append(ins, input{path: filepath.Join(ws.Dir, filepath.FromSlash(rel)), name: ws.Show(rel)})
	}
	add(config.FileName)
	ins = append(ins, input{path: filepath.Join(ws.Dir, config.StoriesDir), folder: true})
	for _, pat := range []string{"/*.yaml", "/*.yml"} {
		m, _ := fs.Glob(ws.FS, config.StoriesDir+pat)
		slices.Sort(m)
		for _, name := range m {
			add(name)
			ins[len(ins)-1].story = true
		}
	}
	if id != AllID {
		for _, ext := range []string{".yaml", ".yml"} {
			rel := config.RolesDir + "/" + id + ext
			if _, err := fs.Stat(ws.FS, rel); err == nil {
				add(rel)
				if r, err := ws.Role(id); err == nil && r.JobDescriptionFile != "" && !path.IsAbs(r.JobDescriptionFile) {
					add(path.Join(config.RolesDir, r.JobDescriptionFile))
				}
			}
		}
		add(config.FeedbackDir + "/" + id + ".yaml")
		// The interview loop: the role's debriefs and the practice log.
		add(config.DebriefsDir + "/" + id + ".yaml")
		practice, _ := fs.Glob(ws.FS, config.PracticeDir+"/*.yaml")
		slices.Sort(practice)
		for _, name := range practice {
			add(name)
		}
	}
	if t := ws.Settings.Templates; t != "" {
		dir := t
		if !filepath.IsAbs(t) {
			dir = filepath.Join(ws.Dir, t)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			ins = append(ins, input{path: filepath.Join(dir, e.Name()), name: filepath.Join(ws.Path(t), e.Name())})
		}
	}
	for _, f := range ws.Settings.Fonts.Fallback {
		p := f
		if !filepath.IsAbs(p) {
			p = filepath.Join(ws.Dir, f)
		}
		ins = append(ins, input{path: p, name: ws.Path(f)})
	}
	return ins
}
