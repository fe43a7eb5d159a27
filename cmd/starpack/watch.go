package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/stories/source"
)

// watchDelay is how long the files must stay still before a rebuild: an
// editor's save is often several writes and a rename.
const watchDelay = 200 * time.Millisecond

// watchRun builds, then rebuilds the packets a change affects until
// Ctrl-C (or SIGTERM) stops it.
func (a *app) watchRun(cmd *cobra.Command, opts *buildOptions) error {
	dir, display, err := a.findWorkspace(cmd)
	if err != nil {
		return err
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return &source.Error{Msg: "cannot watch files: " + err.Error(), Err: err,
			Hint: "on Linux, raise fs.inotify.max_user_instances; or build without --watch"}
	}
	defer w.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	events := make(chan string)
	go func() {
		for {
			select {
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if ev.Op == fsnotify.Chmod {
					continue
				}
				select {
				case events <- ev.Name:
				case <-ctx.Done():
					return
				}
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				fmt.Fprintf(a.stderr, "starpack: watch: %v\n", err)
			case <-ctx.Done():
				return
			}
		}
	}()
	add := func(path string) {
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			_ = w.Add(path) // adding a watched folder again is a no-op
		}
	}
	return a.watchLoop(ctx, cmd, opts, watchSpace{dir, display}, events, add, watchDelay, nil)
}

// watchSpace is the workspace being watched: its folder and how messages
// name it.
type watchSpace struct{ dir, display string }

// watchLoop builds once, then rebuilds after each burst of changed paths
// from events has been quiet for delay, until ctx is done. add is asked to
// watch each folder the packets are made from (again after each build, as
// the templates folder may have changed). built, when set, is called after
// every build with the paths that caused it (none for the first) and its
// error; tests use it to wait. A failed build is reported and watching goes
// on.
func (a *app) watchLoop(ctx context.Context, cmd *cobra.Command, opts *buildOptions, ws watchSpace,
	events <-chan string, add func(dir string), delay time.Duration, built func(changed []string, err error)) error {
	watchDirs := func() {
		add(ws.dir)
		add(filepath.Join(ws.dir, config.StoriesDir))
		add(filepath.Join(ws.dir, config.RolesDir))
		add(filepath.Join(ws.dir, config.DebriefsDir))
		add(filepath.Join(ws.dir, config.PracticeDir))
		if t := templatesDir(ws); t != "" {
			add(t)
		}
	}
	build := func(o *buildOptions, changed []string) {
		err := a.buildRun(cmd, o)
		if err != nil && !errors.Is(err, errSilent) {
			report(a.stderr, err)
		}
		watchDirs()
		if built != nil {
			built(changed, err)
		}
	}

	watchDirs()
	build(opts, nil)
	fmt.Fprintln(a.stderr, "starpack: watching stories, roles, templates and starpack.yaml; Ctrl-C stops")

	pending := map[string]bool{}
	var fire <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(a.stderr, "starpack: stopped watching")
			return nil
		case p, ok := <-events:
			if !ok {
				return nil
			}
			if rel, ok := watchedFile(ws, p); ok {
				pending[rel] = true
				fire = time.After(delay)
			}
		case <-fire:
			fire = nil
			changed := make([]string, 0, len(pending))
			for p := range pending {
				changed = append(changed, p)
			}
			sort.Strings(changed)
			pending = map[string]bool{}
			o, what := rebuildPlan(ws, opts, changed)
			if o == nil {
				continue
			}
			names := make([]string, len(changed))
			for i, c := range changed {
				names[i] = filepath.Join(ws.display, filepath.FromSlash(c))
			}
			fmt.Fprintf(a.stderr, "starpack: changed: %s; rebuilding %s\n", strings.Join(names, ", "), what)
			build(o, changed)
		}
	}
}

// watchedFile says whether a changed path is one the packets are made of,
// and returns it relative to the workspace, slash-separated. Editors' swap
// and backup files, hidden files and the output folder are not.
func watchedFile(ws watchSpace, path string) (string, bool) {
	rel, err := filepath.Rel(ws.dir, path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	base := filepath.Base(rel)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".tmp") {
		return "", false
	}
	yaml := strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml")
	switch dir := filepath.ToSlash(filepath.Dir(rel)); {
	case rel == config.FileName:
		return rel, true
	case rel == config.DebriefsDir, rel == config.PracticeDir:
		return rel, true // made by the first debrief or drill: watch it from the rebuild on
	case dir == config.StoriesDir, dir == config.DebriefsDir, dir == config.PracticeDir:
		return rel, yaml
	case dir == config.RolesDir:
		return rel, true // role files, and job descriptions beside them
	}
	if t := templatesDir(ws); t != "" {
		if r, err := filepath.Rel(t, path); err == nil && !strings.HasPrefix(r, "..") && !strings.Contains(filepath.ToSlash(r), "/") {
			return rel, true
		}
	}
	return "", false
}

// rebuildPlan says what to rebuild for the changed files: a role file
// rebuilds its role, anything else every packet being watched. It returns
// nil when nothing being watched is affected, and names what is rebuilt.
func rebuildPlan(ws watchSpace, opts *buildOptions, changed []string) (*buildOptions, string) {
	watched := map[string]string{} // role id -> how the user named it
	for _, r := range opts.roles {
		id, _ := config.RoleID(filepath.Base(r))
		watched[id] = r
	}
	all := false // a change that affects every packet
	var roles []string
	seen := map[string]bool{}
	for _, c := range changed {
		if !config.IsRoleFile(c) {
			all = true
			continue
		}
		id, _ := config.RoleID(path.Base(c))
		if _, err := os.Stat(filepath.Join(ws.dir, filepath.FromSlash(c))); err != nil {
			continue // removed: its old packet stays
		}
		name, ok := watched[id]
		if len(opts.roles) == 0 {
			name, ok = id, !opts.all
		}
		if ok && !seen[id] {
			seen[id] = true
			roles = append(roles, name)
		}
	}
	o := *opts
	switch {
	case all && opts.all:
		return &o, "the whole bank"
	case all && len(opts.roles) == 0:
		return &o, "every role"
	case all:
		return &o, strings.Join(opts.roles, ", ")
	case len(roles) > 0:
		o.roles = roles
		return &o, strings.Join(roles, ", ")
	}
	return nil, ""
}

// templatesDir is the workspace's templates folder, if starpack.yaml
// names one and it can be read.
func templatesDir(ws watchSpace) string {
	data, err := os.ReadFile(filepath.Join(ws.dir, config.FileName))
	if err != nil {
		return ""
	}
	s, err := config.ParseSettings(config.FileName, data)
	if err != nil || s.Templates == "" {
		return ""
	}
	if filepath.IsAbs(s.Templates) {
		return s.Templates
	}
	return filepath.Join(ws.dir, s.Templates)
}

// findWorkspace finds the user's workspace folder (not the embedded
// example: there is nothing to watch in it).
func (a *app) findWorkspace(cmd *cobra.Command) (dir, display string, err error) {
	cwd, err := os.Getwd()
	if err != nil {
		return "", "", err
	}
	dir, display, err = config.Locate(config.NewLayers(cmd.Flags()), cwd)
	if errors.Is(err, config.ErrNoWorkspace) {
		return "", "", noWorkspace("to watch")
	}
	if err != nil {
		return "", "", err
	}
	abs, err := filepath.Abs(dir)
	return abs, display, err
}
