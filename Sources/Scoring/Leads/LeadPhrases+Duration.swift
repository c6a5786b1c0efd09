import Foundation

extension LeadPhrases {
    /// Units, number words and prepositions read together as a delay: "dans deux mois", "in 3 weeks", "d'ici 6 mois".
    static let duration: [LeadPhrase] =
        entries(.timeUnit(days: 0), "timeline.duration", ["heure", "heures", "hour", "hours", "hrs"])
        + entries(.timeUnit(days: 1), "timeline.duration", ["jour", "jours", "day", "days", "jours ouvres", "business days"])
        + entries(.timeUnit(days: 7), "timeline.duration", ["semaine", "semaines", "week", "weeks", "sem", "wk", "wks"])
        + entries(.timeUnit(days: 30), "timeline.duration", ["mois", "month", "months", "mths", "moi"])
        + entries(.timeUnit(days: 91), "timeline.duration", ["trimestre", "trimestres", "quarter", "quarters"])
        + entries(.timeUnit(days: 365), "timeline.duration", ["an", "ans", "annee", "annees", "year", "years", "yrs"])
        + numberWords
        + entries(
            .timePreposition, "timeline.duration",
            [
                "dans", "in", "d_ici", "dici", "within", "sous", "en", "next", "under", "avant", "before", "over the next",
                "in the next", "within the next", "in about", "in around", "dans environ", "d_ici environ", "in roughly",
                "dans a peu pres", "d_ici a", "sur les", "over", "for the next", "durant les", "pendant les", "delai", "delais",
                "delai de", "delai d", "sous un delai de", "timeline", "deadline", "echeance", "horizon", "timeframe",
                "time frame", "timing", "demarrage", "lancement", "start", "go_live", "launch", "mise en place",
            ])
        + entries(.nextWord, "timeline.duration", ["prochains", "prochaines", "prochain", "prochaine", "a venir", "coming"])

    private static let numberWords: [LeadPhrase] = [
        ("un", 1), ("une", 1), ("a", 1), ("one", 1), ("deux", 2), ("two", 2), ("trois", 3), ("three", 3), ("quatre", 4),
        ("four", 4), ("cinq", 5), ("five", 5), ("six", 6), ("sept", 7), ("seven", 7), ("huit", 8), ("eight", 8),
        ("neuf", 9), ("nine", 9), ("dix", 10), ("ten", 10), ("onze", 11), ("eleven", 11), ("douze", 12), ("twelve", 12),
        ("quinze", 15), ("fifteen", 15), ("vingt", 20), ("twenty", 20), ("trente", 30), ("thirty", 30),
        ("quelques", 3), ("a few", 3), ("few", 3), ("a couple of", 2), ("a couple", 2), ("couple of", 2),
        ("plusieurs", 3), ("several", 3), ("une paire de", 2), ("une dizaine de", 10), ("une quinzaine de", 15),
        ("une vingtaine de", 20), ("un ou deux", 1), ("one or two", 1), ("deux ou trois", 2), ("two or three", 2),
        ("1 ou 2", 1), ("2 ou 3", 2), ("1 or 2", 1), ("2 or 3", 2),
    ].map { LeadPhrase($0.0, .numberWord($0.1), rule: "timeline.duration") }
}
