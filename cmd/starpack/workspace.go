package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/stories/source"
)

// layered are the settings that flags and STARPACK_* variables can set over
// starpack.yaml; the rest (lists and maps) come from the file alone, since
// viper would lower-case their keys.
func layered(s *config.Settings) map[string]*string {
	return map[string]*string{
		"paper":           &s.Paper,
		"out":             &s.Out,
		"templates":       &s.Templates,
		"accent":          &s.Accent,
		"candidate.name":  &s.Candidate.Name,
		"candidate.email": &s.Candidate.Email,
		"candidate.pitch": &s.Candidate.Pitch,
	}
}

// envName is the environment variable for a settings key.
func envName(key string) string {
	return "STARPACK_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// newViper makes the settings layer for one command: its flags that name
// settings (only --out so far) over STARPACK_* variables over the file.
func newViper(cmd *cobra.Command) *viper.Viper {
	v := viper.New()
	if f := cmd.Flags().Lookup("out"); f != nil {
		_ = v.BindPFlag("out", f)
	}
	return v
}

// openWorkspace finds and opens the workspace and layers its settings.
// With example set, a missing workspace means the embedded example (said on
// stderr); otherwise it is an error saying how to make one.
func (a *app) openWorkspace(cmd *cobra.Command, example bool) (*config.Workspace, error) {
	v := newViper(cmd)
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	flag := ""
	if f := cmd.Flags().Lookup("workspace"); f != nil && f.Changed {
		flag = f.Value.String()
	}
	dir, err := config.Find(flag, a.getenv("STARPACK_WORKSPACE"), cwd)
	var ws *config.Workspace
	switch {
	case errors.Is(err, config.ErrNoWorkspace) && example:
		fmt.Fprintln(a.stderr, "starpack: no workspace here (no starpack.yaml in this folder or above); using the embedded example")
		fmt.Fprintln(a.stderr, "hint: make your own with: starpack init my-prep")
		ws = config.OpenExample()
	case errors.Is(err, config.ErrNoWorkspace):
		return nil, &source.Error{Msg: "no workspace here (no starpack.yaml in this folder or above)",
			Hint: "make one with: starpack init my-prep   (or pass --workspace DIR)"}
	case err != nil:
		return nil, err
	default:
		ws, err = config.Open(dir, displayDir(cwd, dir))
		if err != nil {
			return nil, err
		}
	}
	if err := a.layer(v, ws); err != nil {
		return nil, err
	}
	return ws, nil
}

// layer applies STARPACK_* variables and flags over the workspace file's
// settings, then checks the result again.
func (a *app) layer(v *viper.Viper, ws *config.Workspace) error {
	s := &ws.Settings
	for key, p := range layered(s) {
		v.SetDefault(key, *p)
		_ = v.BindEnv(key, envName(key))
		*p = v.GetString(key)
	}
	if m := a.getenv("STARPACK_MARGINS"); m != "" {
		f, err := strconv.ParseFloat(m, 64)
		if err != nil {
			return &source.Error{Msg: fmt.Sprintf("STARPACK_MARGINS=%q is not a number", m), Hint: "margins are in millimetres, e.g. 18"}
		}
		s.Margins = f
	}
	if err := s.Check(); err != nil {
		var e *source.Error
		if errors.As(err, &e) && e.File == "" {
			e.Msg = "settings (flags, STARPACK_* or starpack.yaml): " + e.Msg
		}
		return err
	}
	return nil
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

// wsPath resolves a settings path given relative to the workspace, as a
// path relative to the current folder where it can be (for messages).
func wsPath(ws *config.Workspace, p string) string {
	if filepath.IsAbs(p) || ws.Dir == "" {
		return p
	}
	return filepath.Join(ws.Display, p)
}
