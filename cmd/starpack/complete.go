package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories/loop"
	"github.com/starpack/starpack/stories/source"
)

// Shell completion: `starpack completion bash|zsh|fish|powershell` prints
// cobra's script for the shell; the functions here fill in what only the
// workspace knows. They never print: a completion that cannot find the
// workspace offers nothing.

// shells are the shells starpack writes completion scripts for, each with
// the line that loads the script.
var shells = []struct{ name, load string }{
	{"bash", "source <(starpack completion bash)   # in ~/.bashrc"},
	{"zsh", `starpack completion zsh > "${fpath[1]}/_starpack"`},
	{"fish", "starpack completion fish > ~/.config/fish/completions/starpack.fish"},
	{"powershell", "starpack completion powershell | Out-String | Invoke-Expression"},
}

// orList joins names as "a, b or c".
func orList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

func shellNames() []string {
	names := make([]string, len(shells))
	for i, s := range shells {
		names[i] = s.name
	}
	return names
}

type completionOptions struct {
	shell         string
	noDescription bool
}

func newCompletionCmd(a *app) *cobra.Command {
	opts := &completionOptions{}
	var load strings.Builder
	for _, s := range shells {
		fmt.Fprintf(&load, "  %s\n", s.load)
	}
	cmd := &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print the shell completion script of bash, zsh, fish or powershell",
		Long: `Completion prints the script that makes your shell complete starpack's
commands, flags, role ids and outputs. Load it once:

` + load.String(),
		Example:   "  source <(starpack completion bash)",
		Args:      argsOf(1, 1, "source <(starpack completion bash)", arg{"SHELL", orList(shellNames())}),
		ValidArgs: shellNames(),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.shell = args[0]
			return a.completionRun(cmd.Root(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.noDescription, "no-descriptions", false, "leave the descriptions out of the completions")
	return cmd
}

func (a *app) completionRun(root *cobra.Command, opts *completionOptions) error {
	desc := !opts.noDescription
	switch opts.shell {
	case "bash":
		return root.GenBashCompletionV2(a.stdout, desc)
	case "zsh":
		if desc {
			return root.GenZshCompletion(a.stdout)
		}
		return root.GenZshCompletionNoDesc(a.stdout)
	case "fish":
		return root.GenFishCompletion(a.stdout, desc)
	case "powershell":
		if desc {
			return root.GenPowerShellCompletionWithDesc(a.stdout)
		}
		return root.GenPowerShellCompletion(a.stdout)
	}
	return usageError{&source.Error{Msg: fmt.Sprintf("completion: unknown shell %q: starpack completes %s", opts.shell, orList(shellNames())),
		Hint: "for example: source <(starpack completion bash)"}}
}

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
