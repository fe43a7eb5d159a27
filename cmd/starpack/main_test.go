package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/starpack/starpack/internal/golden"
)

// runMainEnv makes the test binary run starpack itself, for tests that
// start it as a process of its own (the kill test) without building it.
const runMainEnv = "STARPACK_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	testscript.Main(hermetic{m}, map[string]func(){
		"starpack": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// hermetic runs the tests without the settings of whoever runs them: no
// STARPACK_* variable (but those naming test data) and no
// SOURCE_DATE_EPOCH. A test that needs one sets it with t.Setenv. The
// commands testscript runs get the scripts' own environment.
type hermetic struct{ m *testing.M }

func (h hermetic) Run() int {
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k == "SOURCE_DATE_EPOCH" || strings.HasPrefix(k, "STARPACK_") && k != "STARPACK_BENCH_DATA" && k != "STARPACK_PDF_OUT" {
			os.Unsetenv(k)
		}
	}
	return h.m.Run()
}

// TestScripts runs the command-line tests in testdata/script: each is a
// txtar archive of input files and the commands a user would type.
func TestScripts(t *testing.T) {
	testdata, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join(testdata, "script"),
		RequireExplicitExec: true,
		UpdateScripts:       golden.Updating(), // go test -update rewrites what cmp compares in the scripts
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"xlsxedit": cmdXLSXEdit,
			"xlsxdump": cmdXLSXDump,
			"waitfor":  cmdWaitFor,
			"bigfile":  cmdBigFile,
			"utf16":    cmdUTF16,
			"pdftext":  cmdPDFText,
			"pdflines": cmdPDFLines,
			"mtime":    cmdMtime,
		},
		// root: the tests run as root, who may write into any folder
		// (a test then drops that power with setpriv).
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("TESTDATA", testdata)
			env.Setenv("SOURCE_DATE_EPOCH", "")
			return nil
		},
	})
}

// TestExitCodes checks the documented exit codes: 0 success, 1 failure,
// 2 usage.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"version", []string{"version"}, 0, ""},
		{"help", []string{"--help"}, 0, ""},
		{"unknown command", []string{"bogus"}, 2, "unknown command"},
		{"unknown flag", []string{"build", "--bogus"}, 2, "unknown flag"},
		{"bad date", []string{"build", "--date", "tomorrow"}, 2, "YYYY-MM-DD"},
		{"too many args", []string{"init", "a", "b"}, 2, "init: too many arguments (a b); usage: starpack init [DIR] [flags]"},
		{"missing arg", []string{"select"}, 2, "select: missing ROLE"},
		{"unknown output", []string{"build", "--only", "slides"}, 2, `unknown output "slides"`},
		{"unknown role", []string{"build", "nosuch"}, 1, `unknown role "nosuch"`},
		{"all with role", []string{"build", "--all", "x"}, 2, "--all"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tt.args, strings.NewReader(""), &out, &errb)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstderr: %s", code, tt.code, errb.String())
			}
			if !strings.Contains(errb.String(), tt.err) {
				t.Errorf("stderr %q does not mention %q", errb.String(), tt.err)
			}
			if tt.code != 0 && !strings.HasPrefix(errb.String(), "starpack: ") {
				t.Errorf("stderr %q does not start with starpack:", errb.String())
			}
		})
	}
}
