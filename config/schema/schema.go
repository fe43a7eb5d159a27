// Package schema holds the JSON Schemas of a workspace's files: story files
// (stories/*.yaml), role files (roles/*.yaml) and starpack.yaml. Editors
// that speak yaml-language-server use them to complete keys and underline
// mistakes as the user types.
//
// The schemas are generated from the Go types the files decode into, by
// reflecting over their yaml tags, so they cannot drift from what starpack
// reads: a test regenerates them and compares them with the embedded copies.
package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/stories"
)

// Dir is where a workspace keeps its copies of the schemas, relative to the
// workspace folder. Files starpack writes point at them by relative path.
const Dir = config.SchemaDir

// Kinds of files, named as their schema files are (story.json, ...).
const (
	Story    = config.KindStory
	Role     = config.KindRole
	Settings = config.KindSettings
)

// Names lists the schema names in a stable order.
var Names = []string{Story, Role, Settings}

//go:embed *.json
var files embed.FS

// File returns the embedded schema of one kind (story, role, settings).
func File(name string) ([]byte, error) {
	return files.ReadFile(name + ".json")
}

// Path is the schema's path relative to a file at rel (slash-separated,
// relative to the workspace), for a `# yaml-language-server: $schema=` line.
func Path(name, rel string) string { return config.SchemaPath(name, rel) }

// Line is the comment line that opens a file starpack writes at rel, so
// that editors find the file's schema.
func Line(name, rel string) string { return config.SchemaLine(name, rel) }

// Generate builds the schema of one kind from the Go types. The output is
// deterministic (keys sorted, two-space indent, final newline).
func Generate(name string) ([]byte, error) {
	var t reflect.Type
	title := ""
	switch name {
	case Story:
		t, title = reflect.TypeFor[stories.Project](), "starpack story file (stories/*.yaml)"
	case Role:
		t, title = reflect.TypeFor[config.Role](), "starpack role file (roles/*.yaml)"
	case Settings:
		t, title = reflect.TypeFor[config.Settings](), "starpack settings (starpack.yaml)"
	default:
		return nil, fmt.Errorf("unknown schema %q", name)
	}
	g := &gen{prefix: name}
	s, err := g.typ(t, name)
	if err != nil {
		return nil, err
	}
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = "https://starpack.dev/schema/" + name + ".json"
	s["title"] = title
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type gen struct{ prefix string }

// typ returns the schema of a Go type; path names it in descriptions
// ("story.stories.situation").
func (g *gen) typ(t reflect.Type, path string) (map[string]any, error) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	s := map[string]any{}
	if d, ok := descriptions[path]; ok {
		s["description"] = d
	}
	switch t.Kind() {
	case reflect.String:
		// YAML reads `when: 2019` or `date: 2026-12-03` into a string field;
		// the schema accepts what the loader accepts.
		s["type"] = []string{"string", "number", "boolean", "null"}
	case reflect.Bool:
		s["type"] = []string{"boolean", "null"}
	case reflect.Int, reflect.Int64, reflect.Int32:
		s["type"] = []string{"integer", "null"}
	case reflect.Float64, reflect.Float32:
		s["type"] = []string{"number", "null"}
	case reflect.Slice:
		items, err := g.typ(t.Elem(), path+"[]")
		if err != nil {
			return nil, err
		}
		s["type"] = []string{"array", "null"}
		s["items"] = items
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			return nil, fmt.Errorf("%s: map key %s", path, t.Key())
		}
		vals, err := g.typ(t.Elem(), path+"{}")
		if err != nil {
			return nil, err
		}
		s["type"] = []string{"object", "null"}
		s["additionalProperties"] = vals
	case reflect.Struct:
		props := map[string]any{}
		var required []string
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			tag := f.Tag.Get("yaml")
			key, opts, _ := strings.Cut(tag, ",")
			if key == "-" {
				continue
			}
			if key == "" {
				key = strings.ToLower(f.Name)
			}
			if strings.Contains(opts, "inline") {
				return nil, fmt.Errorf("%s.%s: inline fields are not supported", path, key)
			}
			p, err := g.typ(f.Type, path+"."+key)
			if err != nil {
				return nil, err
			}
			if _, ok := p["description"]; !ok {
				return nil, fmt.Errorf("schema: no description for %s.%s; add one to descriptions", path, key)
			}
			props[key] = p
			if req[path+"."+key] {
				required = append(required, key)
			}
		}
		s["type"] = "object"
		s["properties"] = props
		// Unknown keys are errors, as in the loader (KnownFields).
		s["additionalProperties"] = false
		if len(required) > 0 {
			sort.Strings(required)
			s["required"] = required
		}
	default:
		return nil, fmt.Errorf("%s: unsupported kind %s", path, t.Kind())
	}
	return s, nil
}

// req lists the keys a file must have.
var req = map[string]bool{
	"story.project":            true,
	"story.stories":            true,
	"story.stories[].question": true,
}

// descriptions says what each key is for, as editors show on hover. Every
// key needs one: Generate fails on a key without, so a new field cannot
// ship undocumented.
var descriptions = map[string]string{
	"story":                               "One project and the interview stories it gave.",
	"story.project":                       "The project's name.",
	"story.company":                       "The company the work was for (optional).",
	"story.when":                          "When it happened, e.g. 2019-2020 (optional).",
	"story.summary":                       "One or two sentences about the project (optional).",
	"story.tags":                          "Tags that match a role's focus, e.g. [streaming, ownership].",
	"story.tags[]":                        "A tag.",
	"story.highlights":                    "Résumé bullets about the project; the brief lists them when one of its stories is picked.",
	"story.highlights[]":                  "One résumé bullet.",
	"story.stories":                       "The stories: one answer per interview question. May be empty for a résumé project.",
	"story.stories[]":                     "One answer to one interview question.",
	"story.stories[].id":                  "Unique in the bank; default <project>.<question>.",
	"story.stories[].question":            "A catalog question id (e.g. most-challenging, conflict, failure) or a title of your own.",
	"story.stories[].title":               "The cue: a 3 to 8 word headline that reminds you of the story; derived from the text if empty.",
	"story.stories[].situation":           "Situation: the context. Markdown-lite: - bullets, 1. points, **bold**.",
	"story.stories[].task":                "Task: what you had to do.",
	"story.stories[].action":              "Action: what you did.",
	"story.stories[].result":              "Result: what came of it; numbers stand out.",
	"story.stories[].notes":               "Free lines for answers that are not STAR (what you learned, what you enjoyed).",
	"story.stories[].tags":                "Tags of this story.",
	"story.stories[].tags[]":              "A tag.",
	"role":                                "One job application; the file name is the role id and names out/<id>/.",
	"role.company":                        "The company you are interviewing with.",
	"role.title":                          "The job title.",
	"role.date":                           "The interview date, YYYY-MM-DD.",
	"role.job_description":                "The job description text; its keywords steer which stories are picked.",
	"role.job_description_file":           "A file holding the job description, relative to the role file.",
	"role.focus":                          "Tags or words that matter for this role.",
	"role.focus[]":                        "A tag or word.",
	"role.questions":                      "Question ids to prepare (default: the catalog, or the question set).",
	"role.questions[]":                    "A question id.",
	"role.question_set":                   "A built-in question set, e.g. grid or amazon-lp; questions: narrows it.",
	"role.per_question":                   "How many stories to pick per question (default 1).",
	"role.include":                        "Story ids forced in.",
	"role.include[]":                      "A story id.",
	"role.exclude":                        "Story ids left out.",
	"role.exclude[]":                      "A story id.",
	"role.redact":                         "Redaction rules added to starpack.yaml's for --redact: term: replacement.",
	"role.redact{}":                       "The replacement text.",
	"role.rounds":                         "The interview rounds of this application, in date order; build --round N prepares round N (default: the next one).",
	"role.ask":                            "Questions to ask the interviewer, shown before the built-in ones the role's questions suggest.",
	"role.rounds[]":                       "One interview round, e.g. {date: 2026-12-03T10:00, kind: phone screen, with: [recruiter]}.",
	"role.rounds[].date":                  "When: YYYY-MM-DDTHH:MM, or YYYY-MM-DD when the time is not known.",
	"role.rounds[].kind":                  "What kind of round: phone screen, hiring manager, panel, bar raiser, ...",
	"role.rounds[].with":                  "The interviewers' names or roles.",
	"role.rounds[].with[]":                "A name or role.",
	"role.rounds[].notes":                 "Anything to remember about the round; shown in the calendar event.",
	"role.rounds[].duration":              "How long it lasts, e.g. 45m or 1h30m (default 1h).",
	"settings":                            "starpack.yaml: workspace settings. Every key is optional.",
	"settings.candidate":                  "The person the packets are for.",
	"settings.candidate.name":             "Your name, on the cover.",
	"settings.candidate.email":            "Your email, on the cover.",
	"settings.candidate.pitch":            "Your answer to \"tell me about yourself\", on the cover.",
	"settings.paper":                      "Paper size: A4 or Letter.",
	"settings.fonts":                      "Extra fonts.",
	"settings.fonts.fallback":             "TrueType files for characters the built-in fonts lack, relative to the workspace.",
	"settings.fonts.fallback[]":           "A .ttf file.",
	"settings.templates":                  "A folder of templates laid over the built-in ones (notes.md.tmpl).",
	"settings.questions":                  "Questions added to the catalog.",
	"settings.questions[]":                "A question.",
	"settings.questions[].id":             "Lower-case words joined by hyphens.",
	"settings.questions[].title":          "A short title.",
	"settings.questions[].ask":            "How an interviewer puts it.",
	"settings.questions[].aliases":        "Headings the importer recognises as this question.",
	"settings.questions[].aliases[]":      "A heading.",
	"settings.questions[].competencies":   "What the question probes, e.g. ownership.",
	"settings.questions[].competencies[]": "A competency.",
	"settings.redact":                     "Redaction rules for --redact: term: replacement.",
	"settings.redact{}":                   "The replacement text.",
	"settings.out":                        "The output folder (default out).",
	"settings.margins":                    "PDF margins in millimetres (5 to 50; default 18).",
	"settings.accent":                     "Accent colour as \"#RRGGBB\", in quotes.",
	"settings.weights":                    "Score weights of story selection.",
	"settings.weights.question":           "Weight of a story answering the question asked (default 4).",
	"settings.weights.competency":         "Weight of shared competencies (default 2).",
	"settings.weights.focus":              "Weight of the role's focus words (default 2).",
	"settings.weights.keyword":            "Weight of job-description keywords (default 3).",
	"settings.weights.number":             "Extra weight of a figure in the Result (default 0).",
	"settings.weights.spread":             "How close is close: a less-used project's story takes a pick it scores within this of (default 0.3).",
	"settings.weights.threshold":          "Score below which a question is a gap (default 4.5).",
	"settings.synonyms":                   "Words that mean the same in a job description: word: [synonyms].",
	"settings.synonyms{}":                 "The synonyms.",
	"settings.synonyms{}[]":               "A synonym.",
	"settings.lint":                       "Settings of starpack lint.",
	"settings.lint.rules":                 "Rule levels: rule-id: error, warning or off.",
	"settings.lint.rules{}":               "error, warning or off.",
	"settings.lint.words_per_minute":      "Older place of speaking.words_per_minute.",
	"settings.lint.min_seconds":           "Replaced by the windows of speaking: (an error when set).",
	"settings.lint.max_seconds":           "Replaced by the windows of speaking: (an error when set).",
	"settings.lint.filler_per_100":        "Most filler words per 100 before the filler rule speaks.",
	"settings.lint.duplicate_similarity":  "Share of shared phrases (0 to 1) that makes two stories the same.",
	"settings.stats":                      "Thresholds of starpack stats.",
	"settings.brief":                      "How the prep brief (brief.pdf) is cut down for a large packet.",
	"settings.brief.stories_per_question": "Stories per question the brief shows when a packet has more (the whole bank): the best-scoring; notes.md and matrix.xlsx keep every story (default 5).",
	"settings.stats.target":               "Stories that should answer each question well (1 to 10; default 2).",
	"settings.stats.stale_days":           "Days without a rehearsal that make a story stale (default 14).",
	"settings.stats.many_roles":           "Roles picking one story that count as many (default 3).",
	"settings.dictionary":                 "Words the spelling check accepts.",
	"settings.dictionary[]":               "A word.",

	// What a coach asks of a story, the speaking-time model and the
	// selection's strength, closeness and duplicates.
	"story.stories[].lesson":               "What you would do differently: the close of a failure or \"what you learned\" answer.",
	"story.stories[].short":                "A 30-second version of the story.",
	"story.stories[].followups":            "Questions an interviewer is likely to ask next, each with the points of your answer.",
	"story.stories[].followups[]":          "A likely follow-up question.",
	"story.stories[].followups[].ask":      "The question, as the interviewer would ask it.",
	"story.stories[].followups[].answer":   "The points of your answer.",
	"story.stories[].followups[].answer[]": "One point.",
	"settings.questions[].kind":            "The kind of answer: star (the default), short (e.g. what you learned) or failure (STAR with the lesson).",
	"settings.weights.strength":            "Weight of how well a story is told: STAR parts, a number, \"I\" over \"we\", time in its window (default 4).",
	"settings.weights.nice_to_have":        "Weight of a job description's nice-to-haves against its requirements (default 0.5).",
	"settings.weights.duplicate":           "Share of content words two stories share to be the same story, never both picked (default 0.4; 0 is off).",
	"settings.speaking":                    "The speaking-time model of every output and of lint: the rate and each kind of answer's window.",
	"settings.speaking.words_per_minute":   "Speaking rate (60 to 300; default 150).",
	"settings.speaking.star":               "The window of a STAR answer (and a failure story).",
	"settings.speaking.star.min":           "Shortest, as m:ss (default \"1:30\").",
	"settings.speaking.star.max":           "Longest, as m:ss (default \"2:00\").",
	"settings.speaking.short":              "The window of a short answer, such as what you learned.",
	"settings.speaking.short.min":          "Shortest, as m:ss (default \"0:20\").",
	"settings.speaking.short.max":          "Longest, as m:ss (default \"0:45\").",
}

// Write writes the schemas into the workspace in dir, under Dir, where the
// `# yaml-language-server: $schema=` line of every file starpack writes
// points (config.WriteSchemas: the workspace owns its paths and writes).
func Write(dir string) error { return config.WriteSchemas(dir) }
