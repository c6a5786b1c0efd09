import Foundation

extension LeadPhrases {
    /// Number words read as amounts when they come to at least 10: "cinq cents euros", "deux mille balles",
    /// "fifteen hundred dollars", "a thousand bucks".
    static let amountWords: [LeadPhrase] = {
        let adds: [(String, Int)] = [
            ("un", 1), ("une", 1), ("deux", 2), ("trois", 3), ("quatre", 4), ("cinq", 5), ("six", 6), ("sept", 7),
            ("huit", 8), ("neuf", 9), ("dix", 10), ("onze", 11), ("douze", 12), ("treize", 13), ("quatorze", 14),
            ("quinze", 15), ("seize", 16), ("vingt", 20), ("vingts", 20), ("trente", 30), ("quarante", 40),
            ("cinquante", 50), ("soixante", 60), ("septante", 70), ("huitante", 80), ("octante", 80), ("nonante", 90),
            ("a", 1), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("seven", 7), ("eight", 8),
            ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14),
            ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20),
            ("thirty", 30), ("forty", 40), ("fourty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80),
            ("ninety", 90),
        ]
        return adds.map { LeadPhrase($0.0, .amountWord($0.1, .add), rule: "budget.words") }
            + ["cent", "cents", "hundred", "hundreds"].map { LeadPhrase($0, .amountWord(100, .hundred), rule: "budget.words") }
            + ["mille", "milles", "thousand", "thousands"].map {
                LeadPhrase($0, .amountWord(1000, .thousand), rule: "budget.words")
            }
            + ["et", "and"].map { LeadPhrase($0, .amountWord(0, .joiner), rule: "budget.words") }
    }()
}
