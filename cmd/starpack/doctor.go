package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/lint"
)

func newDoctorCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "doctor",
		Short: "Check the workspace and say what to do next",
		Long: `Doctor checks the workspace the way a build would use it, without building:
the settings and the candidate, the story files and their lint errors, the
roles (a role still holding the template's "Company name" or "Job title"),
sample data from starpack init --example beside your own, the characters
the PDFs' fonts cannot draw, and packets older than the files they were
built from. It prints one line per check (ok, warning or error) and then
what to do next.

Exit 0 when nothing needs fixing (warnings are things to do), 1 when a
check found an error, 2 for a usage mistake.`,
		Example: "  starpack doctor\n  starpack doctor --workspace ~/my-prep",
		Args:    argsOf(0, 0, "starpack doctor"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.doctorRun(cmd)
		},
	}
}

// doctorReport collects the checks' lines and the next steps.
type doctorReport struct {
	lines            []string
	next             []string
	errors, warnings int
}

func (r *doctorReport) ok(format string, args ...any) { r.add("ok", format, args...) }
func (r *doctorReport) warn(format string, args ...any) {
	r.warnings++
	r.add("warning", format, args...)
}
func (r *doctorReport) fail(format string, args ...any) {
	r.errors++
	r.add("error", format, args...)
}
func (r *doctorReport) add(level, format string, args ...any) {
	r.lines = append(r.lines, fmt.Sprintf("%-8s %s", level, fmt.Sprintf(format, args...)))
}

// then adds a next step, once.
func (r *doctorReport) then(step string) {
	if !slices.Contains(r.next, step) {
		r.next = append(r.next, step)
	}
}

// write prints the report; quiet keeps the error lines alone.
func (r *doctorReport) write(w io.Writer, quiet bool) {
	for _, l := range r.lines {
		if !quiet || strings.HasPrefix(l, "error") {
			fmt.Fprintln(w, l)
		}
	}
	if quiet {
		return
	}
	switch {
	case r.errors+r.warnings == 0:
		fmt.Fprintln(w, "doctor: all good")
	default:
		fmt.Fprintf(w, "doctor: %s, %s\n", stories.Count(r.errors, "error", "errors"), stories.Count(r.warnings, "warning", "warnings"))
	}
	for i, s := range r.next {
		if i == 0 {
			fmt.Fprintln(w, "next:")
		}
		fmt.Fprintf(w, "  %s\n", s)
	}
}

func (a *app) doctorRun(cmd *cobra.Command) error {
	// No workspace, or settings that do not load: nothing else can be
	// checked, and the error says what to do.
	ws, err := a.openWorkspace(cmd, false)
	if err != nil {
		return err
	}
	r := &doctorReport{}
	a.doctorWorkspace(ws, r)
	r.write(a.stdout, a.quiet)
	if r.errors > 0 {
		return errSilent
	}
	return nil
}

// doctorWorkspace runs the checks of an opened workspace.
func (a *app) doctorWorkspace(ws *config.Workspace, r *doctorReport) {
	r.ok("%s: the settings load", ws.Show(config.FileName))
	doctorCandidate(ws, r)
	bank, err := ws.Bank()
	if err != nil {
		if len(storyFiles(ws)) == 0 {
			r.warn("%s: no stories yet", ws.Show(config.StoriesDir))
			r.then("import your notes: starpack import ~/notes/stories.txt (or start one: starpack new story NAME)")
		} else {
			r.fail("%v", err)
			r.then("fix the story file where the line above says, then run: starpack doctor")
		}
	}
	ids := doctorRoles(ws, r)
	findings := ws.Lint(bank, true)
	doctorLint(ws, bank, findings, r)
	doctorSamples(ws, r)
	doctorFonts(ws, bank, r)
	if bank != nil {
		doctorDebriefs(ws, ids, r)
	}
	doctorPackets(ws, ids, r)
}

// doctorDebriefs reports the questions interviewers asked that no story
// answers yet (from the roles' debriefs).
func doctorDebriefs(ws *config.Workspace, ids []string, r *doctorReport) {
	for _, id := range ids {
		gaps, err := ws.DebriefGaps(id)
		if err != nil {
			r.fail("%v", err)
			r.then("fix the debrief file where the line above says")
			continue
		}
		for _, g := range gaps {
			r.warn("%s: asked in round %d and answered without a story: %q", ws.DebriefFile(id), g.Round, g.Question.Title)
			r.then(fmt.Sprintf("write a story for it (question: %s) before the next round of %s", g.Question.Title, id))
		}
	}
}

// storyFiles lists the workspace's story files.
func storyFiles(ws *config.Workspace) []string {
	var files []string
	for _, pat := range []string{"*.yaml", "*.yml"} {
		m, _ := filepath.Glob(filepath.Join(ws.Dir, config.StoriesDir, pat))
		files = append(files, m...)
	}
	return files
}

func doctorCandidate(ws *config.Workspace, r *doctorReport) {
	c := ws.Settings.Candidate
	var missing []string
	for _, kv := range []struct{ key, value string }{{"name", c.Name}, {"email", c.Email}, {"pitch", c.Pitch}} {
		if strings.TrimSpace(kv.value) == "" {
			missing = append(missing, kv.key)
		}
	}
	switch {
	case len(missing) == 3:
		r.warn("%s: no candidate: the brief's cover names no one", ws.Show(config.FileName))
	case len(missing) > 0:
		r.warn("%s: candidate %s: not written (the cover leaves it out)", ws.Show(config.FileName), strings.Join(missing, ", "))
	default:
		r.ok("%s: candidate %s", ws.Show(config.FileName), c.Name)
		return
	}
	r.then("put your " + strings.Join(missing, ", ") + " under candidate: in " + ws.Show(config.FileName))
}

// doctorRoles checks that every role loads, and returns their ids.
func doctorRoles(ws *config.Workspace, r *doctorReport) []string {
	ids, _ := ws.RoleIDs()
	if len(ids) == 0 {
		r.warn("%s: no roles yet", ws.Show(config.RolesDir))
		r.then("add a role for a job application: starpack new role acme")
		return nil
	}
	bad := 0
	for _, id := range ids {
		role, err := ws.Role(id)
		if err == nil {
			err = role.CheckQuestions(ws.Catalog())
		}
		if err != nil {
			bad++
			r.fail("%v", err)
			r.then("fix the role file where the line above says")
		}
	}
	if bad == 0 {
		r.ok("%s: %s (%s)", ws.Show(config.RolesDir), stories.Count(len(ids), "role", "roles"), strings.Join(ids, ", "))
	}
	return ids
}

// maxDoctorFindings is how many lint errors doctor shows.
const maxDoctorFindings = 10

// doctorLint reports the lint's errors (placeholders and sample data
// among them) and counts its warnings.
func doctorLint(ws *config.Workspace, bank *stories.Bank, findings []lint.Finding, r *doctorReport) {
	shown := 0
	for _, f := range findings {
		if f.Severity != lint.Error {
			continue
		}
		shown++
		if shown > maxDoctorFindings {
			r.errors++
			continue
		}
		r.fail("%s: %s [%s]", posOf(f), f.Message, f.Rule)
		switch f.Rule {
		case lint.Placeholder:
			r.then("write your own text over the template's placeholders named above")
		case lint.SampleData:
		default:
			r.then("fix the lint errors: starpack lint lists them with how to fix each")
		}
	}
	if shown > maxDoctorFindings {
		r.add("error", "... and %d more lint errors (all of them: starpack lint)", shown-maxDoctorFindings)
	}
	if bank == nil {
		return
	}
	// The stories are fine when no error is in a story file (the roles'
	// and the settings' have lines of their own above).
	dir := filepath.ToSlash(ws.Show(config.StoriesDir)) + "/"
	inStories := slices.DeleteFunc(slices.Clone(findings), func(f lint.Finding) bool {
		return !strings.HasPrefix(filepath.ToSlash(f.Pos.File), dir)
	})
	c := lint.Tally(inStories)
	if c.Errors == 0 {
		r.ok("%s: %s, %s, no lint errors (%s: starpack lint)", ws.Show(config.StoriesDir),
			stories.Count(len(bank.Projects), "file", "files"), stories.Count(len(bank.Stories()), "story", "stories"),
			stories.Count(c.Warnings, "warning", "warnings"))
	}
}

func posOf(f lint.Finding) string {
	s := f.String()
	return s[:strings.Index(s, ": "+f.Severity.String()+": ")]
}

// doctorSamples says what of the example's sample data is left.
func doctorSamples(ws *config.Workspace, r *doctorReport) {
	s := ws.Samples()
	switch {
	case !s.Any():
		return
	case s.Only():
		r.warn("the sample workspace (starpack init --example): its stories, role and candidate are made up")
		r.then("make it yours: " + ws.Removal(s) + "; then starpack import your notes")
	default:
		r.then("remove the sample data: " + ws.Removal(s))
	}
}

// doctorFonts finds the characters the PDFs' fonts cannot draw.
func doctorFonts(ws *config.Workspace, bank *stories.Bank, r *doctorReport) {
	texts, where := doctorTexts(ws, bank)
	missing, err := packet.Uncovered(ws, texts...)
	if err != nil {
		r.fail("%v", err)
		r.then("fix fonts.fallback in " + ws.Show(config.FileName))
		return
	}
	if len(missing) == 0 {
		r.ok("fonts: the PDFs' fonts draw every character of your stories, roles and candidate")
		return
	}
	var chars []string
	var files []string
	for _, m := range missing {
		chars = append(chars, string(m))
		for i, t := range texts {
			if strings.ContainsRune(t, m) && !slices.Contains(files, where[i]) {
				files = append(files, where[i])
			}
		}
	}
	r.fail("fonts: no font draws %q (used in %s): the PDFs would show a box", strings.Join(chars, " "), strings.Join(files, ", "))
	r.then("add a TrueType font that has them to " + ws.Show(config.FileName) + ": fonts: {fallback: [fonts/NotoSansSC-Regular.ttf]}")
}

// doctorTexts gathers the text the PDFs print from the workspace's files,
// each with the file it comes from.
func doctorTexts(ws *config.Workspace, bank *stories.Bank) (texts, where []string) {
	add := func(file string, ts ...string) {
		texts = append(texts, strings.Join(ts, "\n"))
		where = append(where, file)
	}
	c := ws.Settings.Candidate
	add(ws.Show(config.FileName), c.Name, c.Email, c.Pitch)
	if bank != nil {
		for _, p := range bank.Projects {
			ts := []string{p.Project, p.Company, p.When, p.Summary, strings.Join(p.Highlights, "\n"), strings.Join(p.Tags, " ")}
			for _, s := range p.Stories {
				ts = append(ts, s.Question, s.Title, s.Text(), strings.Join(s.Tags, " "))
			}
			add(p.File, ts...)
		}
	}
	ids, _ := ws.RoleIDs()
	for _, id := range ids {
		if role, err := ws.Role(id); err == nil {
			add(role.File, role.Company, role.Title, role.JobDescription, strings.Join(role.Focus, " "), strings.Join(role.Questions, "\n"))
		}
	}
	return texts, where
}

// doctorPackets finds the packets older than their inputs.
func doctorPackets(ws *config.Workspace, ids []string, r *doctorReport) {
	out := ws.OutDir()
	var stale, unbuilt, fresh []string
	built := 0
	for _, id := range append([]string{packet.AllID}, ids...) {
		st, err := packet.Stale(ws, out, id)
		if err != nil {
			continue
		}
		switch {
		case !st.Built:
			if id != packet.AllID {
				unbuilt = append(unbuilt, id)
			}
		case len(st.Changed) > 0:
			built++
			stale = append(stale, id)
			r.warn("%s: out of date: %s changed since it was built", filepath.Join(out, id), listShort(st.Changed, 3))
		default:
			built++
			fresh = append(fresh, id)
		}
	}
	if built > 0 && len(stale) == 0 {
		r.ok("%s: %s up to date", out, stories.Count(built, "packet", "packets"))
	}
	if len(stale) > 0 {
		r.then("rebuild: starpack build " + buildArgs(stale))
	}
	if len(unbuilt) > 0 && r.errors == 0 {
		r.then("build: starpack build " + strings.Join(unbuilt, " "))
	}
	if r.errors+r.warnings == 0 && len(unbuilt) == 0 && len(fresh) > 0 {
		dir := filepath.Join(out, fresh[len(fresh)-1])
		r.then("print " + filepath.Join(dir, "cheatsheet.pdf") + " and rehearse; send " + filepath.Join(dir, "matrix.xlsx") +
			" to your coach, and import what they send back: starpack feedback THEIR-COPY.xlsx")
	}
}

// buildArgs are the arguments of a build of ids (AllID is --all).
func buildArgs(ids []string) string {
	var args []string
	for _, id := range ids {
		if id == packet.AllID {
			args = append(args, "--all")
		} else {
			args = append(args, id)
		}
	}
	return strings.Join(args, " ")
}

// listShort joins up to n items, and says how many more.
func listShort(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}
