package lint

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/starpack/starpack/stories"
)

// lintFiles loads story files (name -> YAML) as a bank and lints it.
func lintFiles(t *testing.T, files map[string]string, cfg Config) []Finding {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys["stories/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	bank, err := stories.LoadBank(fsys, "stories", "")
	if err != nil {
		t.Fatal(err)
	}
	cfg.ReadFile = FSReader(fsys, "")
	return Run(bank, nil, cfg)
}

// only switches every rule off but the named ones.
func only(cfg Config, rules ...string) Config {
	cfg.Severity = map[string]Severity{}
	for _, r := range Rules {
		cfg.Severity[r.ID] = Off
	}
	for _, r := range rules {
		def, _ := RuleByID(r)
		cfg.Severity[r] = def.Severity
	}
	return cfg
}

func lines(fs []Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.String())
	}
	return out
}

func checkLines(t *testing.T, got []Finding, want []string) {
	t.Helper()
	g := lines(got)
	if want == nil {
		want = []string{}
	}
	if strings.Join(g, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(g, "\n"), strings.Join(want, "\n"))
	}
}

// story wraps story fields (YAML, indented 4) in a project file.
func story(fields string) string {
	return "project: P\nstories:\n  - id: p.s\n" + fields
}

// longText is a neutral sentence repeated to n words, so that length and
// other rules stay quiet.
func longText(n int) string {
	base := strings.Fields("the team moved the nightly batch onto the new cluster and cut the run from nine hours to two")
	out := make([]string, n)
	for i := range out {
		out[i] = base[i%len(base)]
	}
	return strings.Join(out, " ")
}

func TestRules(t *testing.T) {
	tests := []struct {
		name  string
		rule  string
		cfg   Config
		story string
		want  []string
	}{
		{"star-missing result", StarMissing, Config{}, story("    question: success\n    situation: s\n    action: a\n"),
			[]string{"stories/f.yaml:3:5: error: STAR answer without a Result [star-missing]"}},
		{"star-missing two, at the empty field", StarMissing, Config{}, story("    question: success\n    situation: s\n    action: \"\"\n"),
			[]string{"stories/f.yaml:6:13: error: STAR answer without an Action and a Result [star-missing]"}},
		{"star-missing not for notes", StarMissing, Config{}, story("    question: learned\n    notes: n\n"), nil},
		{"star-missing complete", StarMissing, Config{}, story("    question: success\n    situation: s\n    action: a\n    result: r\n"), nil},

		{"result-number none", ResultNumber, Config{}, story("    question: success\n    situation: s\n    action: a\n    result: We shipped it.\n"),
			[]string{"stories/f.yaml:7:13: warning: Result has no number: no count, percentage, amount or time [result-number]"}},
		{"result-number percent", ResultNumber, Config{}, story("    question: success\n    situation: s\n    action: a\n    result: cut cost by 40%\n"), nil},
		{"result-number words", ResultNumber, Config{}, story("    question: success\n    situation: s\n    action: a\n    result: it ran for three months\n"), nil},
		{"result-number version is no number", ResultNumber, Config{}, story("    question: success\n    situation: s\n    action: a\n    result: never shipped v2\n"),
			[]string{"stories/f.yaml:7:13: warning: Result has no number: no count, percentage, amount or time [result-number]"}},
		{"result-number money", ResultNumber, Config{}, story("    question: success\n    situation: s\n    action: a\n    result: saved $2M a year\n"), nil},

		{"length short answer under its window", Length, Config{}, story("    question: learned\n    notes: too short to say\n"),
			[]string{"stories/f.yaml:3:5: warning: 0:02 spoken (4 words at 150 a minute), under the 0:20–0:45 of a short answer: add an example or what changed [length]"}},
		{"length short answer fits", Length, Config{}, story("    question: learned\n    notes: " + longText(80) + "\n"), nil},
		{"length short answer over", Length, Config{}, story("    question: learned\n    notes: " + longText(200) + "\n"),
			[]string{"stories/f.yaml:3:5: warning: 1:20 spoken (200 words at 150 a minute), over the 0:20–0:45 of a short answer: keep it to two or three sentences [length]"}},
		{"length STAR under: the thin parts", Length, Config{},
			story("    question: success\n    situation: " + longText(60) + "\n    action: a\n    result: " + longText(40) + "\n"),
			[]string{"stories/f.yaml:3:5: warning: 0:40 spoken (101 words at 150 a minute), under the 1:30–2:00 of a STAR answer: expand the Action [length]"}},
		{"length STAR fits", Length, Config{},
			story("    question: success\n    situation: " + longText(60) + "\n    action: " + longText(120) + "\n    result: " + longText(50) + "\n"), nil},
		{"length STAR over", Length, Config{},
			story("    question: failure\n    situation: " + longText(300) + "\n    action: " + longText(120) + "\n    result: " + longText(50) + "\n"),
			[]string{"stories/f.yaml:3:5: warning: 3:08 spoken (470 words at 150 a minute), over the 1:30–2:00 of a failure story: cut the Situation to a sentence or two and keep the Action to your own steps [length]"}},
		{"length notes for a STAR question", Length, Config{}, story("    question: success\n    notes: shipped it on time\n"),
			[]string{"stories/f.yaml:3:5: warning: 0:02 spoken (4 words at 150 a minute), under the 1:30–2:00 of a STAR answer: tell it as Situation, Action and Result [length]"}},
		{"length of a custom question told as notes is a short answer", Length, Config{}, story("    question: Why this company?\n    notes: " + longText(80) + "\n"), nil},
		{"length settable", Length, Config{Speech: stories.Speech{WordsPerMinute: 100, Short: stories.Window{Min: 10 * time.Second, Max: time.Minute}}},
			story("    question: learned\n    notes: " + longText(200) + "\n"),
			[]string{"stories/f.yaml:3:5: warning: 2:00 spoken (200 words at 100 a minute), over the 0:10–1:00 of a short answer: keep it to two or three sentences [length]"}},

		{"spelling", Spelling, Config{}, story("    question: learned\n    notes: We had to satify a clent\n"),
			[]string{
				`stories/f.yaml:5:22: warning: unknown word "satify" (did you mean "satisfy"?) [spelling]`,
				`stories/f.yaml:5:31: warning: unknown word "clent" (did you mean "client"?) [spelling]`,
			}},
		{"spelling skips code, acronyms, numbers", Spelling, Config{},
			story("    question: learned\n    notes: \"UDF/POC in c++ with snake_case, pkg.Func, v2, 3x, iOS, DWs, MVP's, don't, team's, others' work, well-known, e.g. k8s\"\n"),
			nil},
		{"spelling dictionary", Spelling, Config{Dictionary: []string{"Kafka", "flink"}},
			story("    question: learned\n    notes: Kafka and Flink and kafkas and flinkk\n"),
			[]string{`stories/f.yaml:5:43: warning: unknown word "flinkk" (did you mean "flink"?) [spelling]`}},
		{"spelling hyphenated part", Spelling, Config{}, story("    question: learned\n    notes: a well-knwon fix\n"),
			[]string{`stories/f.yaml:5:19: warning: unknown word "knwon" (did you mean "known"?) [spelling]`}},
		{"spelling title", Spelling, Config{}, story("    question: learned\n    title: Teh migration\n    notes: fine\n"),
			[]string{`stories/f.yaml:5:12: warning: unknown word "Teh" (did you mean "The"?) [spelling]`}},

		{"we-vs-i", WeVsI, Config{}, story("    question: success\n    situation: s\n    action: |\n      I asked, and then we built it,\n      we tested it and we shipped it.\n    result: r\n"),
			[]string{`stories/f.yaml:7:25: warning: Action says "we" 3 times and "I" once [we-vs-i]`}},
		{"we-vs-i no I", WeVsI, Config{}, story("    question: success\n    situation: s\n    action: Our team built it and we shipped it.\n    result: r\n"),
			[]string{`stories/f.yaml:6:13: warning: Action says "we" twice and "I" never [we-vs-i]`}},
		{"we-vs-i balanced", WeVsI, Config{}, story("    question: success\n    situation: s\n    action: I built it, I tested it, we shipped it.\n    result: r\n"), nil},

		{"filler", Filler, Config{}, story("    question: learned\n    notes: |\n      It was basically fine.\n      I think it kind of worked, actually.\n"),
			[]string{`stories/f.yaml:6:14: warning: 4 filler words in 11 (36.4 per 100): "basically", "i think", "kind of", "actually" [filler]`}},
		{"filler rare", Filler, Config{}, story("    question: learned\n    notes: " + longText(100) + " just\n"), nil},

		{"duplicate", Duplicate, Config{}, "project: P\nstories:\n" +
			"  - id: p.a\n    question: success\n    notes: " + longText(60) + "\n" +
			"  - id: p.b\n    question: failure\n    notes: " + longText(58) + " and more\n",
			[]string{`stories/f.yaml:6:5: warning: the same story as p.a (stories/f.yaml:3:5), 90% of phrases shared [duplicate]`}},
		{"duplicate different", Duplicate, Config{}, "project: P\nstories:\n" +
			"  - id: p.a\n    question: success\n    notes: " + longText(60) + "\n" +
			"  - id: p.b\n    question: failure\n    notes: a different story about a hard bug in the billing code found with a bisect over many weeks of logs\n",
			nil},

		{"unknown-question typo", UnknownQuestion, Config{}, story("    question: most-challanging\n    notes: n\n"),
			[]string{`stories/f.yaml:4:15: error: unknown question "most-challanging" (did you mean "most-challenging"?) [unknown-question]`}},
		{"unknown-question id", UnknownQuestion, Config{}, story("    question: leadership\n    notes: n\n"),
			[]string{`stories/f.yaml:4:15: error: unknown question id "leadership": not in the catalog, and not written as a title [unknown-question]`}},
		{"unknown-question custom title", UnknownQuestion, Config{}, story("    question: Leading a migration without authority\n    notes: n\n"), nil},
		{"unknown-question alias", UnknownQuestion, Config{}, story("    question: Biggest Mistake\n    notes: n\n"), nil},

		{"empty-field", EmptyField, Config{}, story("    question: learned\n    task: \"  \"\n    notes: n\n"),
			[]string{`stories/f.yaml:5:11: warning: empty field "task" [empty-field]`}},
		{"empty-field no text", EmptyField, Config{}, story("    question: learned\n"),
			[]string{`stories/f.yaml:3:5: warning: story has no text: no situation, action, result or notes [empty-field]`}},
		{"empty-field left to star-missing", EmptyField + "," + StarMissing, Config{}, story("    question: success\n    situation: s\n    action: a\n    result: \"\"\n"),
			[]string{`stories/f.yaml:7:13: error: STAR answer without a Result [star-missing]`}},
		{"empty-field when star-missing is off", EmptyField, Config{}, story("    question: success\n    situation: s\n    action: a\n    result: \"\"\n"),
			[]string{`stories/f.yaml:7:13: warning: empty field "result" [empty-field]`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lintFiles(t, map[string]string{"f.yaml": tt.story}, only(tt.cfg, strings.Split(tt.rule, ",")...))
			checkLines(t, got, tt.want)
		})
	}
}
