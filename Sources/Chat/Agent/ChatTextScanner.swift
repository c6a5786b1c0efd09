import AutopilotCore
import Foundation
import Scoring

/// Finds what a visitor types for the agent to use: an email, a phone number, an order number, a slot choice, a refusal.
enum ChatTextScanner {
    /// The first plausible email address, normalised.
    static func email(in text: String) -> String? {
        for token in text.split(whereSeparator: { $0.isWhitespace || ",;:<>()[]\"'".contains($0) }) where token.contains("@") {
            var candidate = Substring(token)
            while let last = candidate.last, ".!?".contains(last) { candidate.removeLast() }
            if let email = ContactFields.normalizeEmail(String(candidate)) { return email }
        }
        return nil
    }

    /// The first phone number, in E.164: international (`+33…`, `0033…`), or French national (`06 12 34 56 78`) when the
    /// visitor writes French.
    static func phone(in text: String, language: ScoringLocale) -> String? {
        var runs: [String] = []
        var current = ""
        for character in text {
            if character.isNumber || (character == "+" && current.isEmpty) {
                current.append(character)
            } else if !current.isEmpty, " .-()\u{00A0}".contains(character) {
                current.append(character)
            } else {
                if !current.isEmpty { runs.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        for run in runs {
            let trimmed = run.trimmingCharacters(in: CharacterSet(charactersIn: " .-()\u{00A0}"))
            let digits = trimmed.filter(\.isNumber)
            guard digits.count >= 9 else { continue }
            if let phone = ContactFields.normalizePhone(trimmed) { return phone }
            if language == .french, digits.count == 10, digits.hasPrefix("0"), !digits.hasPrefix("00") {
                return "+33" + digits.dropFirst()
            }
        }
        return nil
    }

    /// The order number in an answer to "what is your order number?": a token marked with `#`, or the first token of
    /// letters, digits and dashes with at least three digits that is neither an email nor a phone number.
    static func orderNumber(in text: String) -> String? {
        let tokens = text.split(whereSeparator: { $0.isWhitespace || ",;:()[]\"'?!".contains($0) }).map {
            String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
        }
        if let marked = tokens.first(where: { $0.hasPrefix("#") && $0.count > 1 }) { return String(marked.dropFirst()) }
        for token in tokens where !token.contains("@") {
            let cleaned = token.hasPrefix("n°") ? String(token.dropFirst(2)) : token
            let digits = cleaned.filter(\.isNumber).count
            guard digits >= 3, digits < 9, cleaned.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { continue }
            return cleaned
        }
        return nil
    }

    /// The slot a visitor picks: "2", "le 2", "the second one", or words of its label.
    static func slotChoice(in text: String, slots: [ChatCallbackSlot]) -> ChatCallbackSlot? {
        let folded = text.lowercased().folding(options: .diacriticInsensitive, locale: nil)
        let words = folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let ordinals = [
            ["1", "premier", "premiere", "first"], ["2", "deuxieme", "second", "seconde", "deux", "two"],
            ["3", "troisieme", "third", "trois", "three"],
        ]
        for (index, names) in ordinals.enumerated() where index < slots.count && words.contains(where: names.contains) {
            return slots[index]
        }
        return slots.first { slot in
            let label = slot.label.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            let meaningful = words.filter { $0.count >= 4 }
            return !meaningful.isEmpty && meaningful.allSatisfy(label.contains)
        }
    }

    /// A short "no" or "rather not": the visitor declines to give what was asked.
    static func declines(_ text: String) -> Bool {
        let folded = " " + text.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            .map { $0.isLetter ? $0 : " " }.reduce(into: "") { $0.append($1) } + " "
        let phrases = [
            " non ", " no ", " pas maintenant ", " prefere pas ", " prefere ne pas ", " plutot pas ", " rather not ", " no thanks ",
            " non merci ", " not now ", " pas envie ", " don t want ",
        ]
        return phrases.contains(where: folded.contains)
    }

    /// The words of a product phrase worth searching for (three letters or more, no filler).
    static func productWords(_ phrase: String) -> [String] {
        let filler: Set<String> = [
            "les", "des", "une", "est", "pour", "avec", "vous", "avez", "encore", "stock", "dispo", "disponible", "the", "and", "you", "have",
            "any", "still", "available", "left", "reste", "taille", "size", "couleur", "color", "colour", "what", "about", "quid",
        ]
        return phrase.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            .filter { $0.count >= 3 && !filler.contains($0) }
    }
}
