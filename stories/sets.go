package stories

// AmazonSet is the question set of Amazon's Leadership Principles
// (question_set: amazon-lp in a role).
const AmazonSet = "amazon-lp"

// leadershipPrinciples are Amazon's sixteen Leadership Principles as an
// interviewer asks them. Their competencies use the words of the grid
// questions' competencies, so that a story written for a grid question
// (hardest-bug: dive deep, technical depth, ...) is matched to the
// principle that probes the same thing (lp-dive-deep).
var leadershipPrinciples = []Question{
	{ID: "lp-customer-obsession", Title: "Customer Obsession",
		Ask:          "Tell me about a time you went out of your way for a customer, or put a customer's needs ahead of other pressures.",
		Aliases:      []string{"customer obsession", "customer focus"},
		Competencies: []string{"customer focus", "delivery under pressure", "stakeholder management", "impact"}},
	{ID: "lp-ownership", Title: "Ownership",
		Ask:          "Tell me about a time you took on something significant beyond your area of responsibility, and saw it through.",
		Aliases:      []string{"ownership", "take ownership"},
		Competencies: []string{"ownership", "accountability", "passion", "delivery"}},
	{ID: "lp-invent-and-simplify", Title: "Invent and Simplify",
		Ask:          "Tell me about a time you invented something new, or found a simple solution to a complex problem.",
		Aliases:      []string{"invent and simplify", "invent simplify"},
		Competencies: []string{"innovation", "problem solving", "technical depth", "resourcefulness"}},
	{ID: "lp-are-right-a-lot", Title: "Are Right, A Lot",
		Ask:          "Tell me about a time you made a judgement call with incomplete information and turned out to be right.",
		Aliases:      []string{"are right a lot", "right a lot"},
		Competencies: []string{"data-driven decisions", "dealing with ambiguity", "influence", "self-awareness"}},
	{ID: "lp-learn-and-be-curious", Title: "Learn and Be Curious",
		Ask:          "Tell me about a time you taught yourself something new to solve a problem.",
		Aliases:      []string{"learn and be curious", "be curious"},
		Competencies: []string{"learning", "curiosity", "growth", "resourcefulness"}},
	{ID: "lp-hire-and-develop", Title: "Hire and Develop the Best",
		Ask:          "Tell me about a time you helped a teammate grow, or raised the bar of your team.",
		Aliases:      []string{"hire and develop the best", "hire and develop"},
		Competencies: []string{"teamwork", "coaching", "collaboration", "growth"}},
	{ID: "lp-highest-standards", Title: "Insist on the Highest Standards",
		Ask:          "Tell me about a time you refused to compromise on quality, or raised the standard of something your team shipped.",
		Aliases:      []string{"insist on the highest standards", "highest standards"},
		Competencies: []string{"quality", "accountability", "technical depth", "persistence"}},
	{ID: "lp-think-big", Title: "Think Big",
		Ask:          "Tell me about a time you proposed a bold direction, or built something bigger than what was asked.",
		Aliases:      []string{"think big"},
		Competencies: []string{"vision", "innovation", "impact", "influence"}},
	{ID: "lp-bias-for-action", Title: "Bias for Action",
		Ask:          "Tell me about a time you acted quickly on a calculated risk without having all the information.",
		Aliases:      []string{"bias for action"},
		Competencies: []string{"decisiveness", "delivery under pressure", "dealing with ambiguity", "resourcefulness"}},
	{ID: "lp-frugality", Title: "Frugality",
		Ask:          "Tell me about a time you achieved more with less: a tight budget, few people or limited tools.",
		Aliases:      []string{"frugality", "frugal"},
		Competencies: []string{"resourcefulness", "cost awareness", "simplicity", "delivery"}},
	{ID: "lp-earn-trust", Title: "Earn Trust",
		Ask:          "Tell me about a time you had to earn back someone's trust, or owned up to a mistake in front of others.",
		Aliases:      []string{"earn trust"},
		Competencies: []string{"accountability", "communication", "self-awareness", "collaboration"}},
	{ID: "lp-dive-deep", Title: "Dive Deep",
		Ask:          "Tell me about a time you dug into the details or the data to find the root cause of a problem.",
		Aliases:      []string{"dive deep", "deep dive"},
		Competencies: []string{"dive deep", "technical depth", "problem solving", "persistence"}},
	{ID: "lp-have-backbone", Title: "Have Backbone; Disagree and Commit",
		Ask:          "Tell me about a time you disagreed with your manager or a decision. What did you do, and what happened after?",
		Aliases:      []string{"have backbone disagree and commit", "have backbone", "disagree and commit"},
		Competencies: []string{"conflict resolution", "influence", "data-driven decisions", "composure"}},
	{ID: "lp-deliver-results", Title: "Deliver Results",
		Ask:          "Tell me about a time you delivered an important result despite setbacks or a tight deadline.",
		Aliases:      []string{"deliver results"},
		Competencies: []string{"delivery", "impact", "persistence", "delivery under pressure"}},
	{ID: "lp-best-employer", Title: "Strive to be Earth's Best Employer",
		Ask:          "Tell me about a time you made your team a better place to work: safer, fairer or more supportive.",
		Aliases:      []string{"strive to be earth's best employer", "earth's best employer", "best employer"},
		Competencies: []string{"empathy", "teamwork", "composure", "collaboration"}},
	{ID: "lp-broad-responsibility", Title: "Success and Scale Bring Broad Responsibility",
		Ask:          "Tell me about a time you thought about the wider effects of your work on users, other teams or the community.",
		Aliases:      []string{"success and scale bring broad responsibility", "broad responsibility"},
		Competencies: []string{"impact", "stakeholder management", "accountability", "vision"}},
}

// addLeadershipPrinciples puts the Leadership Principles in the catalog
// as the AmazonSet question set, without taking a title or alias away from
// a question already there.
func addLeadershipPrinciples(c *Catalog) {
	var ids []string
	for _, q := range leadershipPrinciples {
		q.Aliases = append([]string(nil), q.Aliases...)
		keep := q.Aliases[:0]
		for _, a := range q.Aliases {
			if c.Lookup(a) == nil {
				keep = append(keep, a)
			}
		}
		q.Aliases = keep
		c.Add(q)
		ids = append(ids, q.ID)
	}
	c.AddSet(AmazonSet, ids)
}
