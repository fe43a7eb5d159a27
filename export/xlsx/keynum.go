package xlsx

import (
	"regexp"
	"strings"
)

// number matches a figure with what makes it telling around it: a
// comparison or currency before it, a percent sign, multiplier, plus or
// unit after it.
var number = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}.,])((?:[<>~≈]\s?)?[$€£]?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|x\b|×|\+))?` +
	`(?:\s?(?:k|m|bn|million|billion|thousand|ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|` +
	`tb|gb|mb|users?|customers?|clients?|people|engineers?|teams?|queries|requests?|dollars?|qps|rps)\b)?)`)

// KeyNumber returns the most telling figure in text: the first one with a
// unit, percent sign, multiplier, currency or comparison, else the first
// figure of two digits or more, else "". List markers ("1.") and version
// names ("v2") are not figures.
func KeyNumber(text string) string {
	first := ""
	for _, m := range number.FindAllStringSubmatchIndex(text, -1) {
		s := strings.TrimSpace(text[m[2]:m[3]])
		digits := strings.Trim(s, "<>~≈$€£ ")
		if end := m[3]; end < len(text) && (text[end] == '.' || text[end] == ')') && isListMarker(text, m[2]) {
			continue
		}
		if telling(s) {
			return s
		}
		if first == "" && len(strings.TrimRight(digits, ",")) >= 2 {
			first = s
		}
	}
	return first
}

func telling(s string) bool {
	if strings.ContainsAny(s, "<>~≈$€£%×+") {
		return true
	}
	// a unit or multiplier after the digits
	i := strings.LastIndexAny(s, "0123456789")
	return i >= 0 && strings.TrimSpace(s[i+1:]) != ""
}

// isListMarker reports whether the figure at off starts its line, as in
// "1. Explain ...".
func isListMarker(text string, off int) bool {
	line := text[:off]
	if i := strings.LastIndexByte(line, '\n'); i >= 0 {
		line = line[i+1:]
	}
	return strings.TrimSpace(line) == ""
}
