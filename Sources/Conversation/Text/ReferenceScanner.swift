/// Finds the references people type in a message: an order number ("#1042", "commande 1042", "n° A-1001"), an
/// email address.
enum ReferenceScanner {
    /// The first token that reads as an order number: "#" followed by letters or digits, or a token of letters, digits
    /// and dashes with at least three digits that is not an amount ("500€", "2k"), a percentage, a phone number or a
    /// year (1990–2099) unless it follows "commande"/"order"/"n°". The "#" and a leading "n°"/"no" are dropped.
    static func orderNumber(in text: String) -> String? {
        orderReference(in: text)?.number
    }

    /// `orderNumber(in:)` and whether it is marked as one: written with "#" or after "commande", "order", "n°".
    static func orderReference(in text: String) -> (number: String, isMarked: Bool)? {
        let tokens = tokens(of: text)
        for (index, token) in tokens.enumerated() {
            if token.hasPrefix("#"), token.count > 1 { return (String(token.dropFirst()), true) }
            let digits = token.filter(\.isNumber).count
            guard digits >= 3, !token.contains("@") else { continue }
            if token.allSatisfy(\.isNumber), token.count >= 9 { continue }
            if let next = tokens.dropFirst(index + 1).first, Self.amountWords.contains(next.lowercased()) { continue }
            if let last = token.last, !last.isLetter && !last.isNumber { continue }
            let afterOrderWord = index > 0 && Self.orderWords.contains(ConversationText.fold(tokens[index - 1]))
                || token.hasPrefix("n°")
            if !afterOrderWord, token.count == 4, let year = Int(token), (1990...2099).contains(year) { continue }
            return (token.hasPrefix("n°") ? String(token.dropFirst(2)) : token, afterOrderWord)
        }
        return nil
    }

    /// The first email address in `text`, lower-cased.
    static func email(in text: String) -> String? {
        for token in tokens(of: text) where token.contains("@") {
            let parts = token.split(separator: "@")
            guard parts.count == 2, parts[1].contains("."), !parts[0].isEmpty else { continue }
            return token.lowercased()
        }
        return nil
    }

    /// Tokens split on spaces and punctuation other than "#", "-", "°", "@", "." and "_" inside a token.
    private static func tokens(of text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            let keeps = character.isLetter || character.isNumber || "#-°@._+€$%".contains(character)
            if keeps {
                current.append(character)
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens.map { token in
            var token = Substring(token)
            while let last = token.last, ".-_".contains(last) { token.removeLast() }
            return String(token)
        }.filter { !$0.isEmpty }
    }

    private static let orderWords: Set<String> = ["commande", "order", "n°", "no", "numero", "number", "num", "ref", "reference"]

    private static let amountWords: Set<String> = [
        "€", "$", "eur", "euro", "euros", "usd", "dollars", "k", "%", "ht", "ttc", "mille", "par", "per",
    ]
}
