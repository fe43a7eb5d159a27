package tailor

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/starpack/starpack/stories"
)

// realBank loads the real story bank as the example workspace holds it:
// imported from testdata/import/seed.txt, titles and all.
func realBank(t testing.TB) *stories.Bank {
	t.Helper()
	bank, err := stories.LoadBank(os.DirFS("../../config/example"), "stories", "example")
	if err != nil {
		t.Fatal(err)
	}
	return bank
}

// exampleRole is the example role's request (config/example/roles).
func exampleRole(jd string) Request {
	return Request{Company: "Northwind Analytics", Title: "Senior Data Engineer", JobDescription: jd,
		Focus:     []string{"streaming", "ownership", "data warehouse"},
		Questions: []string{"most-challenging", "most-interesting", "hardest-bug", "conflict", "challenging-interaction", "failure", "success"}}
}

const exampleJD = `We are looking for a senior data engineer to own our real-time streaming
platform (Kafka, stream joins) and our data warehouse. You will design
distributed systems, debug production issues end to end, and work with
product and leadership to make data-driven decisions.`

// TestReadsLikeARecruiter is the acceptance test of reading job
// descriptions, on the real bank and the example role.
func TestReadsLikeARecruiter(t *testing.T) {
	bank := realBank(t)
	keywordsOf := func(t *testing.T, req Request) (*Selection, map[string]Keyword) {
		t.Helper()
		sel, err := Select(bank, stories.NewCatalog(), req)
		if err != nil {
			t.Fatal(err)
		}
		byTerm := map[string]Keyword{}
		for _, k := range sel.Keywords {
			byTerm[k.Term] = k
		}
		return sel, byTerm
	}
	t.Run("company name and title are no keywords", func(t *testing.T) {
		jd := "At Northwind Analytics the Senior Data Engineer owns Kafka.\n" + exampleJD
		_, kws := keywordsOf(t, exampleRole(jd))
		for _, term := range []string{"northwind", "analytics", "northwind analytics", "data", "data engineer", "senior"} {
			if _, ok := kws[term]; ok {
				t.Errorf("%q is a keyword", term)
			}
		}
		for _, term := range []string{"kafka", "data warehouse", "stream joins"} {
			if _, ok := kws[term]; !ok {
				t.Errorf("%q is no keyword", term)
			}
		}
	})
	t.Run("hyphenated and listed terms stay whole", func(t *testing.T) {
		_, kws := keywordsOf(t, exampleRole("Requirements:\n- Share the on-call rotation\n- Build low-latency services\n- Kafka, stream joins"))
		for _, term := range []string{"on-call rotation", "low-latency services", "stream joins"} {
			if _, ok := kws[term]; !ok {
				t.Errorf("%q is no keyword: %v", term, kws)
			}
		}
		for _, term := range []string{"call", "low", "latency", "on-call", "low-latency", "joins", "stream", "rotation", "services"} {
			if _, ok := kws[term]; ok {
				t.Errorf("%q is a keyword of its own", term)
			}
		}
	})
	t.Run("Migrating matches migration", func(t *testing.T) {
		sel, _ := keywordsOf(t, exampleRole("Lead the migration of our calculation engine."))
		p := sel.Answers[0].Picks[0] // most-challenging: the migration project's story
		if p.Story.ID != "migrating-our-core.most-challenging" || !slices.Contains(p.Matched.Project, "migration") ||
			p.Matched.Said["migration"] != "Migrating" {
			t.Errorf("most-challenging: %s, matched %+v, want the project's \"Migrating\" for migration", p.Story.ID, p.Matched)
		}
		if a, b := stem("migrating"), stem("migration"); a != b || stem("migrate") != a {
			t.Errorf("stems %q %q %q differ", a, b, stem("migrate"))
		}
	})
	t.Run("prod matches production", func(t *testing.T) {
		sel, kws := keywordsOf(t, exampleRole("Run services in production."))
		if kws["production"].Stories < 2 {
			t.Errorf("production: %+v, want the stories that say prod", kws["production"])
		}
		p := sel.Answers[1].Picks[0] // most-interesting: "in prod ever since"
		if p.Matched.Said["production"] != "prod" {
			t.Errorf("%s said %q for production, want prod", p.Story.ID, p.Matched.Said["production"])
		}
	})
	t.Run("Go does not match going", func(t *testing.T) {
		// The bank says "is not going to work" and "Go to corresponding
		// google groups"; neither is the language.
		_, kws := keywordsOf(t, exampleRole("We write services in Go, Python and SQL."))
		if k, ok := kws["go"]; !ok || k.Stories != 0 {
			t.Errorf("go: %+v (keyword %v), want a keyword no story mentions", k, ok)
		}
	})
	t.Run("a benefits paragraph contributes no keyword", func(t *testing.T) {
		jd := "Requirements:\n- Kafka and stream joins\n\nBenefits:\n- Health insurance, equity and a learning stipend\n\n" +
			"We also offer unlimited PTO, a gym membership and dental cover."
		_, kws := keywordsOf(t, exampleRole(jd))
		for term := range kws {
			if term != "kafka" && term != "stream joins" {
				t.Errorf("%q is a keyword", term)
			}
		}
	})
	t.Run("requirements weigh above nice-to-haves; the blurb is ignored", func(t *testing.T) {
		jd := "About us:\nNorthwind builds dashboards for retailers.\n\nRequirements:\n- Kafka\n\nNice to have:\n- Flink"
		_, kws := keywordsOf(t, exampleRole(jd))
		if kws["kafka"].Weight <= kws["flink"].Weight || kws["flink"].Section != NiceToHave {
			t.Errorf("kafka %+v, flink %+v: want kafka weighing more", kws["kafka"], kws["flink"])
		}
		if _, ok := kws["dashboards"]; ok {
			t.Error("the company's blurb gave a keyword")
		}
	})
}

// TestRequirementMap: each of six requirement bullets appears once, with
// the stories that evidence it and the words that matched, or as a gap
// with the nearest story to bridge from.
func TestRequirementMap(t *testing.T) {
	bullets := []string{
		"Operate Kafka and stream joins in production",
		"Migrate a calculation engine to a data warehouse",
		"Write C++ UDFs for decimal arithmetic",
		"Debug memory problems in a schema server",
		"Mentor engineers",
		"Run Kubernetes clusters",
	}
	jd := "About Northwind:\nWe build dashboards.\n\nRequirements:\n- " + strings.Join(bullets, "\n- ") +
		"\n\nBenefits:\n- Equity and health insurance"
	sel, err := Select(realBank(t), stories.NewCatalog(), exampleRole(jd))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, r := range sel.Requirements {
		texts = append(texts, r.Text)
		if r.Section != Requirements {
			t.Errorf("%q: section %q", r.Text, r.Section)
		}
		if r.Gap() == (len(r.Evidence) > 0) {
			t.Errorf("%q: gap %v with %d stories of evidence", r.Text, r.Gap(), len(r.Evidence))
		}
		for _, e := range r.Evidence {
			if len(e.Words) == 0 {
				t.Errorf("%q: %s evidences it with no words", r.Text, e.Story.ID)
			}
			for _, w := range e.Words {
				if !strings.Contains(strings.ToLower(e.Story.Text()+" "+e.Story.Title+" "+strings.Join(e.Story.Tags, " ")), strings.ToLower(w)) {
					t.Errorf("%q: %s does not say %q", r.Text, e.Story.ID, w)
				}
			}
		}
	}
	if !slices.Equal(texts, bullets) {
		t.Fatalf("requirements %q\nwant %q", texts, bullets)
	}
	evidence := func(i int) []string {
		var ids []string
		for _, e := range sel.Requirements[i].Evidence {
			ids = append(ids, e.Story.ID+": "+strings.Join(e.Words, ", "))
		}
		return ids
	}
	for i, want := range map[int][]string{
		0: {"build-real-time.most-interesting", "stream join", "prod"},
		2: {"migrating-our-core.most-interesting", "c++", "UDF"},
		3: {"build-real-time.hardest-bug", "memory", "schema server"},
	} {
		found := false
		for _, e := range sel.Requirements[i].Evidence {
			found = found || e.Story.ID == want[0] && !slices.ContainsFunc(want[1:], func(w string) bool { return !slices.Contains(e.Words, w) })
		}
		if !found {
			t.Errorf("%q: evidence %q lacks %s saying %q", bullets[i], evidence(i), want[0], want[1:])
		}
	}
	for _, i := range []int{4, 5} {
		if r := sel.Requirements[i]; !r.Gap() {
			t.Errorf("%q: want a gap, got %q", bullets[i], evidence(i))
		}
	}
}
