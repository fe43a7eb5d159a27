package config

// StoryTemplate is the story file `starpack new story` writes: one story
// whose text says what to write. Both %s are the file's id.
const StoryTemplate = `# A story file: one project and the interview stories it gave.
# Text may use "- " bullets, "1. " numbered points and **bold**.
project: %s                 # the project's name
# company: Acme               # optional
# when: 2021-2023             # optional
# summary: One or two sentences about the project.
# tags: [streaming, ownership]  # matched against a role's focus
# highlights:                 # résumé bullets, listed in the brief
#   - Cut the nightly batch from 6 hours to 40 minutes
stories:
  - id: %s.most-challenging   # unique in the bank
    question: most-challenging   # a catalog id (see starpack select), or a title of your own
    title: The hardest part, in a few words   # the cue: 3 to 8 words; derived from the text if left out
    situation: Where you were and what was at stake.
    task: What you had to do.
    action: |
      - What you did, step by step
      - Say "I", not "we"
    result: What came of it, with a number if you have one (**40%% faster**).
    # notes: free lines for answers that are not STAR (what you learned)
    # lesson: What you would do differently (failure and "what you learned" answers)
    # short: A 30-second version
    # followups:                # the questions an interviewer is likely to ask next
    #   - ask: Why not the obvious fix?
    #     answer: [It was tried first, "It cost 2x the budget"]
    # tags: [design]
    # A STAR answer takes 1:30 to 2:00 to say (about 250 words); a short one 0:20 to 0:45.
`

// RoleTemplate is the role file `starpack new role` writes, every key
// explained. Both %s are the role id.
const RoleTemplate = `# A role is one job application. Its file name (%s) names the packet
# folder: out/%s/. Only company and title are needed; the rest is optional.
company: Company name
title: Job title
# date: 2026-12-03              # interview date, YYYY-MM-DD
# job_description: |            # paste it: its keywords steer which stories are picked
#   We are looking for...
# job_description_file: jd.txt  # or keep it in a file beside this one
# focus: [streaming, ownership] # tags or words that matter for this role
# questions: [most-challenging, conflict, failure]   # default: the catalog, or the set
# question_set: grid            # a built-in set, e.g. grid or amazon-lp
# per_question: 1               # stories per question
# include: []                   # story ids forced in
# exclude: []                   # story ids left out
# redact: {"Toronto": "a major city"}   # added to starpack.yaml's rules for --redact
# rounds:                       # the interview rounds, in date order (build --round N)
#   - {date: 2026-12-03T10:00, kind: phone screen, with: [recruiter]}
#   - {date: 2026-12-10T14:00, kind: hiring manager, with: [Dana], duration: 45m, notes: Ask about on-call}
# ask: ["How is on-call shared?"]   # questions to ask the interviewer, before the built-in ones
`

// rolePlaceholders are the values of RoleTemplate that say what to write,
// by key: a role still holding one was never filled in.
var rolePlaceholders = map[string]string{
	"company": "Company name",
	"title":   "Job title",
}

// storyPlaceholders are the values of StoryTemplate's story that say what
// to write, by key (a test keeps them in step with the template).
var storyPlaceholders = map[string]string{
	"title":     "The hardest part, in a few words",
	"situation": "Where you were and what was at stake.",
	"task":      "What you had to do.",
	"action":    "- What you did, step by step\n- Say \"I\", not \"we\"\n",
	"result":    "What came of it, with a number if you have one (**40% faster**).",
}
