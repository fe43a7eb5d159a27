package markdown

import "testing"

func TestBoldFigures(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Cut the bill by $1.2M/year in 3 months.", "Cut the bill by **$1.2M/year** in **3 months**."},
		{"Failures dropped by 90%.", "Failures dropped by **90%**."},
		{"14-hour shifts, 4h10m of it idle", "**14-hour** shifts, **4h10m** of it idle"},
		{"(50%) of the time", "(**50%**) of the time"},
		{"dropped to < 1% of before", "dropped to **< 1%** of before"},
		{"90%of the time", "90%of the time"}, // "**" would not close against a letter
		{"already **50%** bold", "already **50%** bold"},
		{"code `v2 100ms` stays", "code `v2 100ms` stays"},
		{"see https://example.org/v2/100 for 3 weeks", "see https://example.org/v2/100 for **3 weeks**"},
		{"1. Explain the design in v2", "1. Explain the design in v2"},
		{"Step 15 of 2019", "Step 15 of 2019"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := boldFigures(tt.in); got != tt.want {
				t.Errorf("boldFigures(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"lines are paragraphs", "One.\nTwo.", "One.\n\nTwo."},
		{"lists stay lists", "Intro\n- a\n* b\n1. c\n2) d", "Intro\n\n- a\n- b\n\n1. c\n2) d"},
		{"a heading is text", "# Not a heading", `\# Not a heading`},
		{"a quote is text", "> not a quote", `\> not a quote`},
		{"a rule is text", "---", `\---`},
		{"HTML is text", "<div>x</div> and a<b", `\<div>x\</div> and a\<b`},
		{"addresses are links", "mail sam@example.org or see https://example.org/a.", "mail <sam@example.org> or see <https://example.org/a>."},
		{"tabs and runs of spaces", "a\tb  c", "a b c"},
		{"a fence is text", "```go\nstill text", "\\```go\n\nstill text"},
		{"a tilde fence is text", "~~~", "\\~~~"},
		{"a year is not a list", "2019. we shipped", "2019\\. we shipped"},
		{"a big number is not a list", "123456789) items", "123456789\\) items"},
		{"a ten-digit number is text already", "1234567890. x", "1234567890. x"},
		{"a link definition is text", "[ref]: http://example.org", "\\[ref]: <http://example.org>"},
		{"a lone dash is text", "a\n-\nb", "a\n\n\\-\n\nb"},
		{"parentheses in an address", "see https://en.wikipedia.org/wiki/Go_(programming_language).", "see <https://en.wikipedia.org/wiki/Go_(programming_language)>."},
		{"an address in parentheses", "(https://example.org/a)", "(<https://example.org/a>)"},
		{"code shows as it is", "use `<b>` and `a@b.org`, not <b>", "use `<b>` and `a@b.org`, not \\<b>"},
		{"an unclosed backtick", "it's ` <div>", "it's ` \\<div>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := text(tt.in); got != tt.want {
				t.Errorf("text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if got := heading("Cut failures by 90%."); got != "Cut failures by 90%" {
		t.Errorf("heading keeps its period: %q", got)
	}
	if got := quote("a\n\nb"); got != "> a\n>\n> b" {
		t.Errorf("quote = %q", got)
	}
}
