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
	"github.com/starpack/starpack/stories/lint"
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
//
// The first build reports as build does; each rebuild in one line (what
// changed, what was rebuilt, the lint's summary), with the lint's errors
// and the packets' warnings only when they differ from the last build's.
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
	w := &watchState{a: a, ws: ws}
	watchDirs()
	err := w.first(cmd, opts)
	w.known = ws.files()
	if built != nil {
		built(nil, err)
	}
	fmt.Fprintln(a.note(), "starpack: watching stories, roles, templates and starpack.yaml; Ctrl-C stops")

	pending := map[string]bool{}
	var fire <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(a.note(), "starpack: stopped watching")
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
			changed := w.settle(pending)
			pending = map[string]bool{}
			o, what := rebuildPlan(ws, opts, changed)
			if o == nil {
				continue
			}
			err := w.rebuild(cmd, o, changed, what)
			watchDirs()
			w.known = ws.files()
			if built != nil {
				built(changed, err)
			}
		}
	}
}

// watchState is what a watch remembers between builds: the files there
// were, and the details (lint errors, warnings) last printed.
type watchState struct {
	a       *app
	ws      watchSpace
	known   map[string]bool
	details string
}

// first is the first build, reported in full as build reports it.
func (w *watchState) first(cmd *cobra.Command, opts *buildOptions) error {
	o, err := w.a.build(cmd, opts)
	if o != nil {
		lintSummary(w.a.stderr, o.lint, opts.quiet)
		w.details = strings.Join(w.detailLines(o), "\n")
	}
	if err == nil {
		err = w.a.reportBuild(o.outDir, o.results, opts.quiet)
	}
	if err != nil && !errors.Is(err, errSilent) {
		report(w.a.stderr, err)
	}
	return err
}

// settle turns the paths that changed in a burst into the files to name:
// sorted, and without the files that came and went within it (an
// editor's temporary files).
func (w *watchState) settle(pending map[string]bool) []string {
	var changed []string
	for p := range pending {
		_, err := os.Stat(filepath.Join(w.ws.dir, filepath.FromSlash(p)))
		if err == nil || w.known[p] {
			changed = append(changed, p)
		}
	}
	sort.Strings(changed)
	return changed
}

// rebuild builds again and reports it in one line, with the details when
// they changed and any error in full.
func (w *watchState) rebuild(cmd *cobra.Command, opts *buildOptions, changed []string, what string) error {
	names := make([]string, len(changed))
	for i, c := range changed {
		names[i] = filepath.Join(w.ws.display, filepath.FromSlash(c))
	}
	head := "starpack: " + listShort(names, 3) + " changed"
	o, err := w.a.build(cmd, opts)
	if o != nil {
		if d := strings.Join(w.detailLines(o), "\n"); d != w.details {
			w.details = d
			if d != "" {
				fmt.Fprintln(w.a.stderr, d)
			}
		}
	}
	if err != nil {
		fmt.Fprintf(w.a.stderr, "%s; %s not rebuilt: %v\n", head, what, err)
		if h := source.HintOf(err); h != "" {
			fmt.Fprintf(w.a.stderr, "hint: %s\n", h)
		}
		return err
	}
	failed := 0
	for _, r := range o.results {
		if r.Err != nil {
			failed++
			report(w.a.stderr, r.Err)
		}
	}
	summary := "lint: " + lint.Summary(o.lint.stories, o.lint.findings)
	line := fmt.Sprintf("%s; rebuilt %s in %s (%s)", head, what, o.outDir, summary)
	if failed > 0 {
		line = fmt.Sprintf("%s; rebuilt %d of %d packets in %s, %d failed (%s)", head, len(o.results)-failed, len(o.results), o.outDir, failed, summary)
		err = errSilent
	}
	if failed > 0 || !opts.quiet {
		fmt.Fprintln(w.a.stderr, line)
	}
	return err
}

// detailLines are a build's lint errors and the packets' warnings and
// notices, as build prints them.
func (w *watchState) detailLines(o *buildOutcome) []string {
	lines := lintErrorLines(o.lint)
	if w.a.quiet {
		return lines
	}
	for _, r := range o.results {
		for _, x := range r.Warnings {
			lines = append(lines, "starpack: warning: "+x)
		}
		for _, n := range r.Notices {
			lines = append(lines, "starpack: "+n)
		}
	}
	return lines
}

// files lists the files of the watched folders, slash-separated, relative
// to the workspace.
func (ws watchSpace) files() map[string]bool {
	known := map[string]bool{}
	for _, dir := range []string{".", config.StoriesDir, config.RolesDir} {
		entries, _ := os.ReadDir(filepath.Join(ws.dir, dir))
		for _, e := range entries {
			known[path.Join(dir, e.Name())] = true
		}
	}
	return known
}

// watchedFile says whether a changed path is one the packets are made of,
// and returns it relative to the workspace, slash-separated. Editors'
// swap, backup and temporary files, hidden files and the output folder are
// not.
func watchedFile(ws watchSpace, path string) (string, bool) {
	rel, err := filepath.Rel(ws.dir, path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	base := filepath.Base(rel)
	if editorTemp(base) {
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

// editorTemp reports whether a file name is one of an editor's swap,
// backup or temporary files (vim, emacs, JetBrains, Kate, sed -i, ...) or
// a hidden file (gedit's, and emacs's lock files).
func editorTemp(base string) bool {
	if strings.HasPrefix(base, ".") || strings.HasPrefix(base, "#") || strings.HasSuffix(base, "#") || strings.HasSuffix(base, "~") {
		return true
	}
	for _, suffix := range []string{".swp", ".swo", ".swx", ".tmp", ".temp", ".bak", ".orig", ".kate-swp", "___jb_tmp___", "___jb_old___", ".crswap", ".part"} {
		if strings.HasSuffix(base, suffix) {
			return true
		}
	}
	if strings.Trim(base, "0123456789") == "" {
		return true // vim's test of the folder: 4913
	}
	return strings.HasPrefix(base, "sed") && len(base) == 9 && !strings.Contains(base, ".") // sed -i
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
