package config

import (
	"embed"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
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
	Example  bool // the embedded example, not the user's files
}

// ErrNoWorkspace says that no workspace was named or found.
var ErrNoWorkspace = errors.New("no workspace")

// Find returns the workspace folder: flag, else env (STARPACK_WORKSPACE),
// else the nearest folder from cwd upwards holding starpack.yaml. It returns
// ErrNoWorkspace when none is found; a named folder that is not a workspace
// is an error.
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

// Open loads a workspace's settings. display is how messages name dir.
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

// OpenExample loads the embedded example workspace.
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
	return &Workspace{Display: "example", FS: fsys, Settings: s, Example: true}
}

// Bank loads the workspace's story bank.
func (w *Workspace) Bank() (*stories.Bank, error) {
	return stories.LoadBank(w.FS, w.Display)
}

// Roles loads every role of the workspace.
func (w *Workspace) Roles() ([]*Role, error) {
	return LoadRoles(w.FS, w.Display)
}

// Role loads one role named by id (roles/<id>.yaml) or by a path to a role
// file (relative to cwd, or absolute).
func (w *Workspace) Role(nameOrPath string) (*Role, error) {
	if strings.HasSuffix(nameOrPath, ".yaml") || strings.HasSuffix(nameOrPath, ".yml") || strings.ContainsRune(nameOrPath, filepath.Separator) {
		abs, err := filepath.Abs(nameOrPath)
		if err != nil {
			return nil, err
		}
		dir, base := filepath.Split(abs)
		return LoadRole(os.DirFS(dir), filepath.Dir(nameOrPath), base)
	}
	if stories.Slug(nameOrPath) == "" || strings.ContainsAny(nameOrPath, `/\`) || strings.HasPrefix(nameOrPath, ".") {
		return nil, &source.Error{Msg: "invalid role id " + quote(nameOrPath), Hint: "a role id is the name of a file in roles/, without .yaml"}
	}
	name := RolesDir + "/" + nameOrPath + ".yaml"
	if _, err := fs.Stat(w.FS, name); err != nil {
		if _, err2 := fs.Stat(w.FS, RolesDir+"/"+nameOrPath+".yml"); err2 == nil {
			name = RolesDir + "/" + nameOrPath + ".yml"
		} else {
			return nil, w.unknownRole(nameOrPath)
		}
	}
	return LoadRole(w.FS, w.Display, name)
}

// RoleFiles returns the ids of the workspace's roles, sorted.
func (w *Workspace) RoleFiles() ([]string, error) {
	var ids []string
	for _, pat := range []string{RolesDir + "/*.yaml", RolesDir + "/*.yml"} {
		m, err := fs.Glob(w.FS, pat)
		if err != nil {
			return nil, err
		}
		for _, name := range m {
			ids = append(ids, strings.TrimSuffix(strings.TrimSuffix(path.Base(name), ".yaml"), ".yml"))
		}
	}
	sort.Strings(ids)
	return ids, nil
}

func (w *Workspace) unknownRole(id string) error {
	ids, _ := w.RoleFiles()
	msg := "unknown role " + quote(id)
	if s := source.Suggest(id, ids); s != "" {
		msg += " (did you mean " + quote(s) + "?)"
	}
	hint := "no roles yet: add roles/" + id + ".yaml (see starpack init for an example)"
	if len(ids) > 0 {
		hint = "roles: " + strings.Join(ids, ", ")
	}
	return &source.Error{File: filepath.Join(w.Display, RolesDir), Msg: msg, Hint: hint}
}

func quote(s string) string { return `"` + s + `"` }
