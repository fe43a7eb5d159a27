package main

import (
	"errors"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories/loop"
)

// Shell completion: cobra's `starpack completion bash|zsh|fish|powershell`
// prints the script; the functions here fill in what only the workspace
// knows. They never print: a completion that cannot find the workspace
// offers nothing.

// addCompletion fills in the completions of root's commands.
func (a *app) addCompletion(root *cobra.Command) {
	for _, c := range root.Commands() {
		switch c.Name() {
		case "build":
			c.ValidArgsFunction = a.completeRoles(true)
			_ = c.RegisterFlagCompletionFunc("only", completeList(packet.Names(packet.Outputs())))
			_ = c.RegisterFlagCompletionFunc("out", dirsOnly)
		case "select", "drill":
			c.ValidArgsFunction = a.completeRoles(false)
		case "debrief":
			c.ValidArgsFunction = a.completeRoles(false)
			_ = c.RegisterFlagCompletionFunc("story", a.completeStories)
			_ = c.RegisterFlagCompletionFunc("question", a.completeQuestions)
			_ = c.RegisterFlagCompletionFunc("rating", cobra.FixedCompletions(loop.Ratings, cobra.ShellCompDirectiveNoFileComp))
		case "feedback":
			c.ValidArgsFunction = cobra.FixedCompletions([]cobra.Completion{"xlsx"}, cobra.ShellCompDirectiveFilterFileExt)
			_ = c.RegisterFlagCompletionFunc("role", a.completeRoles(false))
		case "lint":
			_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]cobra.Completion{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
		case "init":
			c.ValidArgsFunction = dirsOnly
		case "import":
			_ = c.RegisterFlagCompletionFunc("into", dirsOnly)
		case "new":
			c.ValidArgsFunction = func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
				if len(args) == 0 {
					return []cobra.Completion{"story", "role"}, cobra.ShellCompDirectiveNoFileComp
				}
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
		}
	}
	_ = root.RegisterFlagCompletionFunc("workspace", dirsOnly)
}

func dirsOnly(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveFilterDirs
}

// completionWorkspace finds the workspace for completion: --workspace,
// STARPACK_WORKSPACE, else upwards from the current folder; the embedded
// example when there is none, as build would use.
func (a *app) completionWorkspace(cmd *cobra.Command) *config.Workspace {
	cwd, err := os.Getwd()
	if err != nil {
		return nil
	}
	dir, _, err := config.Locate(config.NewLayers(cmd.Flags()), cwd)
	if errors.Is(err, config.ErrNoWorkspace) {
		return config.OpenExample()
	}
	if err != nil {
		return nil
	}
	// Only the folder is needed: a starpack.yaml with a mistake still
	// completes role and story ids.
	return &config.Workspace{Dir: dir, FS: os.DirFS(dir)}
}

// completeRoles offers the workspace's role ids, each once.
func (a *app) completeRoles(many bool) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if !many && len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		ws := a.completionWorkspace(cmd)
		if ws == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		ids, _ := ws.RoleIDs()
		given := map[string]bool{}
		for _, a := range args {
			given[a] = true
		}
		var out []cobra.Completion
		for _, id := range ids {
			if !given[id] && strings.HasPrefix(id, toComplete) {
				out = append(out, id)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeStories offers the bank's story ids, and "improvised".
func (a *app) completeStories(cmd *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	ws := a.completionWorkspace(cmd)
	if ws == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	bank, err := ws.Bank()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	_, match := completeWord(toComplete, append([]string{loop.Improvised}, storyIDs(bank)...))
	return match, cobra.ShellCompDirectiveNoFileComp
}

// completeQuestions offers the catalog's question ids.
func (a *app) completeQuestions(cmd *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	ws := a.completionWorkspace(cmd)
	if ws == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	_, match := completeWord(toComplete, ws.Catalog().IDs())
	return match, cobra.ShellCompDirectiveNoFileComp
}

// completeList offers the names for a comma-separated list flag such as
// --only brief,notes: the ones not yet given, after what is typed.
func completeList(names []string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		prefix, last := "", toComplete
		if i := strings.LastIndexByte(toComplete, ','); i >= 0 {
			prefix, last = toComplete[:i+1], toComplete[i+1:]
		}
		given := map[string]bool{}
		for _, g := range strings.Split(prefix, ",") {
			given[g] = true
		}
		var out []cobra.Completion
		for _, n := range names {
			if !given[n] && strings.HasPrefix(n, last) {
				out = append(out, prefix+n)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
}
