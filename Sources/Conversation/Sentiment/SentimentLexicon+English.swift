extension SentimentLexicon {
    /// English words and phrases, folded ("don't" is read as "don", "t").
    static let english: [(Double, [String])] = [
        (-3, [
            "unacceptable", "outrageous", "disgraceful", "scandalous", "scam", "scammer", "scammers", "fraud", "thieves",
            "thief", "rip off", "ripoff", "furious", "livid", "disgusting", "disgusted", "pathetic", "worst", "hate",
            "fuck", "fucking", "asshole", "assholes", "bastard", "bastards", "idiot", "idiots", "morons",
            "moron", "lawyer", "sue you", "report you", "never again", "are you kidding me", "are you kidding",
            "this is a joke", "what a joke", "sick of", "fed up", "wtf", "bullshit",
        ]),
        (-2.5, [
            "angry", "pissed", "pissed off", "incompetent", "incompetence", "useless", "awful",
            "terrible", "horrible", "horrendous", "shit", "crap", "crappy", "stupid", "dumb", "ridiculous",
            "waste of time", "wasting my time", "nothing works", "never received", "never arrived", "still nothing",
            "nobody answers", "no one answers", "nobody replies", "ignored", "ignoring me",
        ]),
        (-2, [
            "disappointed", "disappointing", "disappointment", "annoyed", "annoying", "unhappy", "dissatisfied", "unsatisfied", "frustrated",
            "frustrating", "frustration", "upset", "mad", "bad service", "poor service", "doesn t work",
            "does not work", "didn t work", "not working", "broken", "damaged", "lost", "still not", "still waiting",
            "been waiting", "no answer", "no reply", "no response", "damn", "refund", "sad", "worried", "poor",
            "unreliable", "ugh", "argh",
        ]),
        (-1, [
            "problem", "problems", "issue", "issues", "bug", "bugs", "error", "late", "delay", "delayed", "slow",
            "expensive", "too expensive", "pricey", "unfortunately", "sadly", "bad", "meh", "complaint", "confusing",
            "confused", "difficult", "complicated", "weird", "strange", "wait", "waiting", "wrong",
        ]),
        (1, [
            "ok", "okay", "alright", "fine", "good", "no problem", "no worries", "sure", "interesting", "fair",
            "handy", "quick", "fast", "cool", "works", "it works",
        ]),
        (1.5, [
            "thanks", "thank you", "thx", "ty", "happy", "glad", "pleased", "satisfied", "nice", "not bad", "helpful",
            "kind", "efficient", "pleasant", "like it", "i like",
        ]),
        (2.5, [
            "great", "excellent", "perfect", "awesome", "amazing", "fantastic", "wonderful", "brilliant", "love",
            "love it", "loved", "delighted", "thrilled", "superb", "outstanding", "thank you so much", "thanks a lot",
            "many thanks", "much appreciated", "appreciate it", "best", "well done", "congrats", "impressed",
        ]),
    ]
}
