package stories

import (
	"testing"
)

func TestCatalogLookup(t *testing.T) {
	cat := NewCatalog(Question{ID: "leadership", Title: "Leading without authority", Aliases: []string{"led a team"}})
	tests := []struct{ key, want string }{
		{"Most Challenging", "most-challenging"},
		{"most-challenging", "most-challenging"},
		{"Conflicts with Teammates", "conflict"},
		{"Challenging interaction", "challenging-interaction"},
		{"What You Learned", "learned"},
		{"Enjoyed Most", "enjoyed-most"},
		{"  HARDEST   bug ", "hardest-bug"},
		{"Led a team", "leadership"},
		{"Something else", ""},
	}
	for _, tt := range tests {
		got := ""
		if q := cat.Lookup(tt.key); q != nil {
			got = q.ID
		}
		if got != tt.want {
			t.Errorf("Lookup(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
	if q := cat.Resolve("Why us?"); !q.Custom || q.ID != "why-us" || q.Title != "Why us?" {
		t.Errorf("Resolve custom: %+v", q)
	}
}

func TestRedactor(t *testing.T) {
	r := NewRedactor(map[string]string{"BigBank": "a large bank", "Toronto": "a major city", "Big Bank Corp": "a firm", "C++": "a language", "CTO": "executive"})
	tests := []struct{ in, want string }{
		{"Worked at BigBank in Toronto.", "Worked at a large bank in a major city."},
		{"bigbank and TORONTO", "a large bank and a major city"},
		{"BigBanks are not BigBank", "a large banks are not a large bank"},
		{"BigBank's CTOs' and CTO’s", "a large bank's executives' and executive’s"},
		{"the CTOs met the cto", "the executives met the executive"},
		{"CTOsphere BigBankers", "CTOsphere BigBankers"},
		{"Big Bank Corp", "a firm"},
		{"wrote C++ code", "wrote a language code"},
		{"Torontonian", "Torontonian"},
		{"nothing here", "nothing here"},
	}
	for _, tt := range tests {
		if got := r.Apply(tt.in); got != tt.want {
			t.Errorf("Apply(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	ids := NewRedactor(map[string]string{"Northwind Analytics": "a data company", "Kafka": "a bus"})
	for in, want := range map[string]string{
		"northwind-analytics.conflict": "a-data-company.conflict",
		"kafka.success":                "a-bus.success",
		"kafkaesque.success":           "kafkaesque.success",
	} {
		if got := ids.ApplyID(in); got != want {
			t.Errorf("ApplyID(%q) = %q, want %q", in, got, want)
		}
	}
	if got := NewRedactor(nil).Apply("x"); got != "x" {
		t.Errorf("empty redactor changed text: %q", got)
	}
}

func TestBlocksAndSpans(t *testing.T) {
	blocks := Blocks("Intro line\n\n- first\n* second\n1.Explain the plan\n2) Plan v2\n1.5x faster\n")
	want := []Block{{Para, "", "Intro line"}, {Bullet, "", "first"}, {Bullet, "", "second"}, {Number, "1.", "Explain the plan"}, {Number, "2)", "Plan v2"}, {Para, "", "1.5x faster"}}
	if len(blocks) != len(want) {
		t.Fatalf("got %+v", blocks)
	}
	for i := range want {
		if blocks[i] != want[i] {
			t.Errorf("block %d: %+v, want %+v", i, blocks[i], want[i])
		}
	}
	spans := Spans("cut **50%** of **time** and ** alone")
	if len(spans) != 5 || !spans[1].Bold || spans[1].Text != "50%" || spans[4].Text != " and ** alone" {
		t.Errorf("spans %+v", spans)
	}
	if Plain("a **b** c") != "a b c" {
		t.Error("Plain")
	}
}

func TestCueAndShorten(t *testing.T) {
	s := &Story{Situation: "The job failed every night. Nobody knew why."}
	if got := s.Cue(); got != "The job failed every night." {
		t.Errorf("Cue %q", got)
	}
	if got := Shorten("one two three four five", 12); got != "one two…" {
		t.Errorf("Shorten %q", got)
	}
}
