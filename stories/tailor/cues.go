package tailor

// questionCues are words and phrases that a story answering a question
// tends to use, beyond the question's title and competencies. A story
// written for another question is matched to this one through them.
var questionCues = map[string][]string{
	"lp-customer-obsession":   {"customer", "client", "user", "satisfy", "SLA", "website", "business need"},
	"lp-ownership":            {"ownership", "full stack", "responsibility", "end to end", "only developer", "roll out"},
	"lp-invent-and-simplify":  {"invent", "simple", "simplified", "implement", "design", "from scratch", "new"},
	"lp-are-right-a-lot":      {"decision", "evidence", "analysis", "feasibility", "prove", "feasible"},
	"lp-learn-and-be-curious": {"learn", "read", "blog", "source code", "understand", "questions", "material"},
	"lp-hire-and-develop":     {"mentor", "coach", "teammate", "hire", "credit", "grow", "onboard"},
	"lp-highest-standards":    {"quality", "testing", "technical debt", "cross checks", "standard", "monitoring", "stable"},
	"lp-think-big":            {"architecture", "scale", "every user", "from scratch", "vision", "platform", "whole"},
	"lp-bias-for-action":      {"quickly", "immediately", "risk", "POC", "MVP", "clock", "before"},
	"lp-frugality":            {"MVP", "cost", "budget", "POC", "little", "limited", "without"},
	"lp-earn-trust":           {"trust", "apologize", "apologized", "credit", "honest", "mistake", "keep in touch"},
	"lp-dive-deep":            {"root cause", "source code", "debug", "bug", "reverse engineer", "details"},
	"lp-have-backbone":        {"disagree", "convince", "proposed", "architecture", "decision", "commit", "not happy"},
	"lp-deliver-results":      {"deliver", "stable", "SLA", "production", "deadline", "result", "satisfy"},
	"lp-best-employer":        {"team", "teammate", "emotion", "productivity", "credit", "together", "support"},
	"lp-broad-responsibility": {"other teams", "affect", "users", "every user", "community", "schemas", "decisions"},
}
