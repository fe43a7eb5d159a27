package main

import "strings"

// The progress bar is the only thing starpack draws with terminal control
// codes; with NO_COLOR set it uses none, and with TERM=dumb it is not drawn.

// progressWidth is the widest the bar's line gets: "[" 30 marks "] " and
// "NNNNN/NNNNN packets".
const progressWidth = 1 + 30 + 2 + 19

// eraseLine returns what clears the progress bar's line: an ANSI
// erase-line code, or with plain (NO_COLOR) spaces over it.
func eraseLine(plain bool) string {
	if plain {
		return "\r" + strings.Repeat(" ", progressWidth) + "\r"
	}
	return "\r\033[K"
}
