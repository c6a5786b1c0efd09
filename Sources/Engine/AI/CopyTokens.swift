import Foundation

/// The parts of a message the guard rails compare: its links and its offer (percentages, amounts, codes, discount words).
enum CopyTokens {
    /// Every `http://` or `https://` URL, without trailing punctuation, in order.
    static func links(in text: String) -> [String] {
        var links: [String] = []
        for word in text.split(whereSeparator: { $0.isWhitespace || "<>\"'()[]".contains($0) }) {
            guard let start = word.range(of: "http://") ?? word.range(of: "https://") else { continue }
            var link = String(word[start.lowerBound...])
            while let last = link.last, ".,;:!?»«".contains(last) { link.removeLast() }
            links.append(link)
        }
        return links
    }

    /// Words that promise something: discount words, percentages, amounts and codes, normalised (`10%`, `15€`, `WELCOME10`).
    static func offers(in text: String) -> [String] {
        var offers: [String] = []
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        for (index, raw) in words.enumerated() {
            let word = raw.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?()«»\"'"))
            let next = index + 1 < words.count ? words[index + 1].trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?()«»\"'")) : ""
            let folded = word.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            if discountWords.contains(folded) { offers.append(folded) }
            if let number = number(in: word) {
                if word.hasSuffix("%") || next == "%" { offers.append("\(number)%") }
                if let currency = currency(word) ?? currency(next) { offers.append("\(number)\(currency)") }
            }
            if isCode(word) { offers.append(word) }
        }
        return offers
    }

    /// French and English words of a discount or a gift.
    static let discountWords: Set<String> = [
        "gratuit", "gratuite", "gratuits", "offert", "offerte", "offerts", "reduction", "remise", "promo", "promotion", "soldes",
        "rabais", "free", "discount", "off", "sale", "coupon", "voucher", "cashback",
    ]

    private static let currencies: [(String, String)] = [
        ("€", "€"), ("eur", "€"), ("euro", "€"), ("euros", "€"), ("$", "$"), ("usd", "$"), ("dollar", "$"), ("dollars", "$"), ("£", "£"),
        ("gbp", "£"), ("chf", "chf"),
    ]

    private static func currency(_ word: String) -> String? {
        let lowered = word.lowercased()
        for (mark, name) in currencies where lowered == mark || lowered.hasPrefix(mark) || lowered.hasSuffix(mark) {
            if lowered == mark || lowered.dropFirst(mark.count).first?.isNumber == true || lowered.dropLast(mark.count).last?.isNumber == true {
                return name
            }
        }
        return nil
    }

    /// The number a word holds (`10`, `12.5` from `12,50€`), without its unit.
    private static func number(in word: String) -> String? {
        let digits = word.filter { $0.isNumber || $0 == "," || $0 == "." }.replacingOccurrences(of: ",", with: ".")
        guard digits.contains(where: \.isNumber), let value = Double(digits.trimmingCharacters(in: CharacterSet(charactersIn: "."))) else {
            return nil
        }
        return value.rounded() == value && abs(value) < 1e12 ? String(Int64(value)) : String(value)
    }

    /// A promotion code: 4 or more upper-case letters and digits, with at least one of each (`WELCOME10`, `NOEL-25`).
    private static func isCode(_ word: String) -> Bool {
        let core = word.filter { $0 != "-" && $0 != "_" }
        return core.count >= 4 && core.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) } && core.contains(where: \.isNumber)
            && core.contains(where: \.isLetter)
    }
}
