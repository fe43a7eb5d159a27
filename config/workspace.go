package config

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// The names of a workspace's files and folders. Nothing outside this
// package spells them.
const (
	FileName    = "starpack.yaml" // the settings; its folder is the workspace
	StoriesDir  = "stories"       // the bank: one file per project
	RolesDir    = "roles"         // one file per job application
	FeedbackDir = "feedback"      // coach feedback, one append-only file per role
)

// example is the workspace `starpack init` writes and `starpack build` uses
// when there is no workspace: the real story bank starpack was designed
// from, and one example role.
//
//go:embed all:example
var example embed.FS

// Example returns the embedded example workspace as a file system.
func Example() fs.FS {
	sub, err := fs.Sub(example, "example")
	if err != nil {
		panic(err) // the embedded folder is part of the binary
	}
	return sub
}

// Workspace is an opened workspace: its folder, settings and files.
type Workspace struct {
	Dir      string // folder on disk; "" for the embedded example
	Display  string // how messages name the folder ("" for the current one)
	FS       fs.FS
	Settings Settings

	// outLayered says that Settings.Out came from a flag or variable, and
	// so is relative to the current folder rather than the workspace.
	outLayered bool

	bankOnce sync.Once
	bank     *stories.Bank
	bankErr  error
	catOnce  sync.Once
	cat      *stories.Catalog
}

// ErrNoWorkspace says that no workspace was named or found.
var ErrNoWorkspace = errors.New("no workspace")

// Find returns the workspace folder: flag (--workspace), else env
// (STARPACK_WORKSPACE), else the nearest folder from cwd upwards holding
// starpack.yaml. It returns ErrNoWorkspace when none is found; a named
// folder that is not a workspace is an error.
func Find(flag, env, cwd string) (string, error) {
	for _, named := range []struct{ dir, how string }{{flag, "--workspace"}, {env, "STARPACK_WORKSPACE"}} {
		if named.dir == "" {
			continue
		}
		st, err := os.Stat(named.dir)
		if err != nil || !st.IsDir() {
			return "", &source.Error{File: named.dir, Msg: "workspace folder not found (from " + named.how + ")",
				Hint: "create one with: starpack init " + named.dir}
		}
		if _, err := os.Stat(filepath.Join(named.dir, FileName)); err != nil {
			return "", &source.Error{File: named.dir, Msg: "not a workspace: no " + FileName + " (from " + named.how + ")",
				Hint: "create one with: starpack init " + named.dir}
		}
		return named.dir, nil
	}
	dir, err := filepath.Abs(cwd)
	if err != nil {
		return "", err
	}
	for {
		if st, err := os.Stat(filepath.Join(dir, FileName)); err == nil && !st.IsDir() {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrNoWorkspace
		}
		dir = parent
	}
}

// Locate finds the workspace folder that layers name (--workspace,
// STARPACK_WORKSPACE) or that holds cwd, as Find does, and how messages
// name it: relative to cwd when inside it.
func Locate(l *Layers, cwd string) (dir, display string, err error) {
	flag, env := l.workspace()
	dir, err = Find(flag, env, cwd)
	if err != nil {
		return "", "", err
	}
	return dir, displayDir(cwd, dir), nil
}

// Load finds and opens the workspace and layers its settings (see
// Layers). It returns an error wrapping ErrNoWorkspace when there is none.
func Load(l *Layers, cwd string) (*Workspace, error) {
	dir, display, err := Locate(l, cwd)
	if err != nil {
		return nil, err
	}
	w, err := Open(dir, display)
	if err != nil {
		return nil, err
	}
	return w, w.Layer(l)
}

// Open loads the settings of the workspace in dir, as starpack.yaml has
// them. display is how messages name dir.
func Open(dir, display string) (*Workspace, error) {
	name := filepath.Join(display, FileName)
	data, err := source.ReadFile(name, filepath.Join(dir, FileName))
	if err != nil {
		return nil, err
	}
	s, err := ParseSettings(name, data)
	if err != nil {
		return nil, err
	}
	return &Workspace{Dir: dir, Display: display, FS: os.DirFS(dir), Settings: s}, nil
}

// OpenExample opens the embedded example workspace.
func OpenExample() *Workspace {
	fsys := Example()
	data, err := fs.ReadFile(fsys, FileName)
	if err != nil {
		panic(err)
	}
	s, err := ParseSettings("example/"+FileName, data)
	if err != nil {
		panic(err) // tested: the embedded example is valid
	}
	return &Workspace{Display: "example", FS: fsys, Settings: s}
}

// Layer sets the settings that flags and STARPACK_* variables give over
// the workspace's own, and checks the result.
func (w *Workspace) Layer(l *Layers) error {
	var err error
	w.outLayered, err = l.apply(&w.Settings)
	return err
}

// Embedded reports whether this is the embedded example, which has no
// folder on disk (and so no feedback to keep).
func (w *Workspace) Embedded() bool { return w.Dir == "" }

// Path is where a file named by a setting (fonts, templates) is: an
// absolute path as it is, else relative to the workspace, named for
// messages (relative to the current folder where it can be).
func (w *Workspace) Path(name string) string {
	if filepath.IsAbs(name) || w.Dir == "" {
		return name
	}
	return filepath.Join(w.Display, name)
}

// Show names a file of the workspace, given by its slash-separated path in
// the workspace, for messages.
func (w *Workspace) Show(rel string) string {
	return filepath.Join(w.Display, filepath.FromSlash(rel))
}

// OutDir is the output folder: out: of starpack.yaml relative to the
// workspace, or --out or STARPACK_OUT relative to the current folder.
func (w *Workspace) OutDir() string {
	if w.outLayered {
		return w.Settings.Out
	}
	return w.Path(w.Settings.Out)
}

// Bank loads the workspace's story bank, stories/*.yaml, once.
func (w *Workspace) Bank() (*stories.Bank, error) {
	w.bankOnce.Do(func() {
		w.bank, w.bankErr = stories.LoadBank(w.FS, StoriesDir, w.Display)
	})
	return w.bank, w.bankErr
}

// Catalog is the question catalog with the workspace's own questions,
// made once: every packet and selection of the workspace shares its
// questions.
func (w *Workspace) Catalog() *stories.Catalog {
	w.catOnce.Do(func() { w.cat = w.Settings.Catalog() })
	return w.cat
}

// RoleID is the one rule for role ids: a role file's name without .yaml
// (or .yml), which names its output folder and its feedback file. name may
// carry the extension. An id that could lead out of a folder (empty, ".",
// "..", a path) is an error; the id is returned with it, for messages.
func RoleID(name string) (string, error) {
	id := strings.TrimSuffix(strings.TrimSuffix(name, ".yaml"), ".yml")
	if stories.Slug(id) == "" || strings.ContainsAny(id, `/\`) || strings.HasPrefix(id, ".") || filepath.IsAbs(id) {
		return id, &source.Error{Msg: fmt.Sprintf("invalid role id %q", id), Hint: "a role id is the name of a file in roles/, without .yaml"}
	}
	return id, nil
}

// IsRoleFile reports whether a slash-separated path in the workspace is a
// role file (roles/<id>.yaml).
func IsRoleFile(rel string) bool {
	dir, base := path.Split(rel)
	return dir == RolesDir+"/" && (strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml"))
}

// Role loads one role named by id (roles/<id>.yaml) or by a path to a role
// file (relative to the current folder, or absolute).
func (w *Workspace) Role(nameOrPath string) (*Role, error) {
	if strings.HasSuffix(nameOrPath, ".yaml") || strings.HasSuffix(nameOrPath, ".yml") || strings.ContainsRune(nameOrPath, filepath.Separator) {
		abs, err := filepath.Abs(nameOrPath)
		if err != nil {
			return nil, err
		}
		dir, base := filepath.Split(abs)
		return LoadRole(os.DirFS(dir), filepath.Dir(nameOrPath), base)
	}
	id, err := RoleID(nameOrPath)
	if err != nil {
		return nil, err
	}
	for _, ext := range []string{".yaml", ".yml"} {
		name := RolesDir + "/" + id + ext
		if _, err := fs.Stat(w.FS, name); err == nil {
			return LoadRole(w.FS, w.Display, name)
		}
	}
	return nil, w.unknownRole(id)
}

// RoleIDs returns the ids of the workspace's roles, sorted.
func (w *Workspace) RoleIDs() ([]string, error) {
	var ids []string
	for _, name := range w.roleFiles() {
		if id, err := RoleID(path.Base(name)); err == nil {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}

// roleFiles lists roles/*.yaml and roles/*.yml.
func (w *Workspace) roleFiles() []string {
	var names []string
	for _, pat := range []string{RolesDir + "/*.yaml", RolesDir + "/*.yml"} {
		m, _ := fs.Glob(w.FS, pat)
		names = append(names, m...)
	}
	return names
}

// HasRole reports whether the workspace has a role of that id.
func (w *Workspace) HasRole(id string) bool {
	ids, _ := w.RoleIDs()
	return slices.Contains(ids, id)
}

func (w *Workspace) unknownRole(id string) error {
	ids, _ := w.RoleIDs()
	msg := fmt.Sprintf("unknown role %q", id)
	if s := source.Suggest(id, ids); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	hint := "no roles yet: starpack new role " + id + " writes roles/" + id + ".yaml to fill in"
	if len(ids) > 0 {
		hint = "roles: " + strings.Join(ids, ", ")
	}
	return &source.Error{File: filepath.Join(w.Display, RolesDir), Msg: msg, Hint: hint}
}

// displayDir names dir for messages: relative to cwd when inside it.
func displayDir(cwd, dir string) string {
	rel, err := filepath.Rel(cwd, dir)
	if err != nil || strings.HasPrefix(rel, "..") {
		return dir
	}
	if rel == "." {
		return ""
	}
	return rel
}
