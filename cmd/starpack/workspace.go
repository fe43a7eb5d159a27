package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/stories/source"
)

// openWorkspace finds and opens the workspace, its settings layered with
// the command's flags and STARPACK_* variables. With example set, a
// missing workspace means the embedded example (said on stderr); otherwise
// it is an error saying how to make one.
func (a *app) openWorkspace(cmd *cobra.Command, example bool) (*config.Workspace, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	layers := config.NewLayers(cmd.Flags())
	ws, err := config.Load(layers, cwd)
	switch {
	case errors.Is(err, config.ErrNoWorkspace) && example:
		fmt.Fprintln(a.note(), "starpack: no workspace here (no starpack.yaml in this folder or above); using the embedded example")
		fmt.Fprintln(a.note(), "hint: make your own with: starpack init my-prep")
		ws = config.OpenExample()
		return ws, ws.Layer(layers)
	case errors.Is(err, config.ErrNoWorkspace):
		return nil, noWorkspace("")
	}
	return ws, err
}

// noWorkspace says there is no workspace here for a command that needs
// one; what is the command's purpose ("to import into"), or "".
func noWorkspace(what string) error {
	msg := "no workspace here"
	if what != "" {
		msg = "no workspace " + what
	}
	return &source.Error{Msg: msg + " (no starpack.yaml in this folder or above)", Err: config.ErrNoWorkspace,
		Hint: "make one with: starpack init my-prep   (or pass --workspace DIR)"}
}
