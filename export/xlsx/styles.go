package xlsx

import "github.com/xuri/excelize/v2"

// Colours of the workbook, named for what they say.
const (
	inkHeader  = "1F4E79" // the header rows
	inkMuted   = "595959" // legends, asks, alternates
	inkFaint   = "A6A6A6" // an empty matrix cell
	fillCoach  = "FFF7D6" // the coach's cells
	fillPicked = "D9EAD3" // a picked story (matrix cell)
	fillRow    = "EAF3E4" // a picked story's row
	fillEmpty  = "F5F5F5" // a project without a story for a question
	fillGap    = "F8D7DA" // a question the role asks that no story answers
	inkGap     = "9C2F2F"
	fillWeak   = "FFF2CC" // a question whose best story is weak
	fillTitle  = "F2F2F2" // question titles, section headings
	fillGood   = "C6EFCE" // conditional: a rating of 4-5, ready
	inkGood    = "006100"
	fillSoSo   = "FFEB9C" // conditional: a rating of 3, needs work, a time outside the window
	inkSoSo    = "7F6000"
	fillBad    = "FFC7CE" // conditional: a rating of 1-2
	inkBad     = "9C0006"
	borderInk  = "D0D7DE"
)

// styles are the cell styles of the workbook, and the conditional
// formats' (ratings, status, times).
type styles struct {
	header, body, number, minutes, coach, coachNumber int
	minutesOut                                        int // a time outside its window
	// a picked story's row in the Stories sheet
	rowBody, rowNumber, rowMinutes int
	// the Coach sheet's alternates
	altBody, altMinutes int
	// the Matrix
	question, questionGap, questionWeak, cell, picked, empty, gap, legend, swatchText int
	// the Role sheet
	key, value, titleStyle, section int
	// conditional formats
	good, soso, bad int
}

func fill(c string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}
}

func font(f excelize.Font) *excelize.Font {
	f.Family = fontFamily
	if f.Size == 0 {
		f.Size = 11
	}
	return &f
}

func (b *book) newStyles() error {
	border := []excelize.Border{
		{Type: "left", Color: borderInk, Style: 1}, {Type: "right", Color: borderInk, Style: 1},
		{Type: "top", Color: borderInk, Style: 1}, {Type: "bottom", Color: borderInk, Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	topOnly := &excelize.Alignment{Vertical: "top"}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "top"}
	clock := ptr("[m]:ss")
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&b.s.header, excelize.Style{Font: font(excelize.Font{Bold: true, Color: "FFFFFF"}), Fill: fill(inkHeader), Border: border,
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&b.s.body, excelize.Style{Font: font(excelize.Font{}), Alignment: top, Border: border}},
		{&b.s.number, excelize.Style{Font: font(excelize.Font{}), Alignment: topOnly, Border: border}},
		{&b.s.minutes, excelize.Style{Font: font(excelize.Font{}), Alignment: center, Border: border, CustomNumFmt: clock}},
		{&b.s.minutesOut, excelize.Style{Font: font(excelize.Font{Bold: true, Color: inkSoSo}), Alignment: center, Border: border, Fill: fill(fillSoSo), CustomNumFmt: clock}},
		{&b.s.coach, excelize.Style{Font: font(excelize.Font{}), Alignment: top, Border: border, Fill: fill(fillCoach)}},
		{&b.s.coachNumber, excelize.Style{Font: font(excelize.Font{}), Alignment: center, Border: border, Fill: fill(fillCoach)}},
		{&b.s.rowBody, excelize.Style{Font: font(excelize.Font{}), Alignment: top, Border: border, Fill: fill(fillRow)}},
		{&b.s.rowNumber, excelize.Style{Font: font(excelize.Font{}), Alignment: topOnly, Border: border, Fill: fill(fillRow)}},
		{&b.s.rowMinutes, excelize.Style{Font: font(excelize.Font{}), Alignment: center, Border: border, Fill: fill(fillRow), CustomNumFmt: clock}},
		{&b.s.altBody, excelize.Style{Font: font(excelize.Font{Italic: true, Color: inkMuted}), Alignment: top, Border: border}},
		{&b.s.altMinutes, excelize.Style{Font: font(excelize.Font{Italic: true, Color: inkMuted}), Alignment: center, Border: border, CustomNumFmt: clock}},
		{&b.s.question, excelize.Style{Alignment: top, Border: border, Fill: fill(fillTitle)}},
		{&b.s.questionGap, excelize.Style{Alignment: top, Border: border, Fill: fill(fillGap)}},
		{&b.s.questionWeak, excelize.Style{Alignment: top, Border: border, Fill: fill(fillWeak)}},
		{&b.s.cell, excelize.Style{Font: font(excelize.Font{}), Alignment: top, Border: border}},
		{&b.s.picked, excelize.Style{Font: font(excelize.Font{Bold: true}), Alignment: top, Border: border, Fill: fill(fillPicked)}},
		{&b.s.empty, excelize.Style{Font: font(excelize.Font{Color: inkFaint}), Border: border, Fill: fill(fillEmpty),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&b.s.gap, excelize.Style{Font: font(excelize.Font{Bold: true, Color: inkGap}), Border: border, Fill: fill(fillGap),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&b.s.legend, excelize.Style{Font: font(excelize.Font{Color: inkMuted}), Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&b.s.swatchText, excelize.Style{Font: font(excelize.Font{Bold: true, Color: inkMuted}), Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&b.s.key, excelize.Style{Font: font(excelize.Font{Bold: true}), Alignment: top}},
		{&b.s.value, excelize.Style{Font: font(excelize.Font{}), Alignment: top}},
		{&b.s.titleStyle, excelize.Style{Font: font(excelize.Font{Bold: true, Size: 14})}},
		{&b.s.section, excelize.Style{Font: font(excelize.Font{Bold: true, Size: 12, Color: inkHeader}), Fill: fill(fillTitle),
			Alignment: &excelize.Alignment{Vertical: "center"}}},
	}
	for _, d := range defs {
		id, err := b.f.NewStyle(&d.s)
		if err != nil {
			return err
		}
		*d.id = id
	}
	return b.conditionalStyles()
}

// conditionalStyles makes the formats conditional rules apply: good
// (green), so-so (amber) and bad (red).
func (b *book) conditionalStyles() error {
	defs := []struct {
		id        *int
		ink, fill string
	}{{&b.s.good, inkGood, fillGood}, {&b.s.soso, inkSoSo, fillSoSo}, {&b.s.bad, inkBad, fillBad}}
	for _, d := range defs {
		id, err := b.f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: d.ink, Bold: true}, Fill: fill(d.fill)})
		if err != nil {
			return err
		}
		*d.id = id
	}
	return nil
}
