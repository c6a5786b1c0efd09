import Foundation
import Scoring
import Testing

/// Odd input never crashes, and every evidence span still points into the text.
@Suite("BANT robustness")
struct LeadQualificationRobustnessTests {
    static let oddTexts: [String] = [
        "", " ", "\n\n\t", "?", "€", "$$$ €€€ £££", "k", "1k", "-", "+", "++33", "@", "a@b", "@@@.fr", "9",
        "🚀🔥💶 budget 💯 €", "👨‍👩‍👧 fondatrice 🇫🇷 Shopify, budget 800€/mois, cette semaine ?",
        "fonda\u{301}trice e\u{301}-commerce budget 900 €", "line one\r\nbudget 500€\r\nasap",
        "1.2.3.4.5.6.7.8.9", "1,,,,2", "1 000 000 000 000 000 000 000 000 €", String(repeating: "9", count: 400) + " €",
        "entre et €", "between k and k", "1-2-3-4-5k€", "dans mois", "in months", "d'ici", "0,5k€", "budget 0",
        "مرحبا، ميزانيتي 5000 درهم", "我们的预算是1000美元", "Бюджет 1000 евро", "\u{0}\u{1}\u{7F}\u{FEFF}\u{200B}",
        "budget\u{00A0}\u{202F}\u{2009}1\u{202F}500\u{00A0}€", "$", "$1", "1$", "C$", "£", "budget £", "12/", "/12",
        "50%", "%50", "+33", "+33 6", "(0)", "()", "mad mad mad dh dh 5", "k€k€k€", "1e", "10e", "2e trimestre",
    ]

    @Test(arguments: oddTexts)
    func oddInput(_ text: String) {
        let result = LeadQualifier.qualify(text)
        #expect((0...100).contains(result.score))
        #expect(result.tier == LeadTier(score: result.score))
        if let budget = result.budget { #expect(budget.amount.isFinite && budget.amount >= 0) }
        LeadEvidenceCheck.spansMatch(result, in: text)
        #expect(throws: Never.self) { _ = try JSONEncoder().encode(result) }
    }

    @Test func hundredKilobytes() {
        let sentence = "Bonjour, fondatrice Shopify 🚀, budget 1 500 € par mois, +33 6 12 34 56 78, cette semaine ? "
        var text = ""
        while text.utf8.count < 100_000 { text += sentence }
        let result = LeadQualifier.qualify(text)
        #expect(result.tier == .hot)
        #expect(result.budget?.amount == 1500)
        LeadEvidenceCheck.spansMatch(result, in: text)
    }

    @Test func hundredKilobytesOfNoise() {
        var generator = LeadNoiseGenerator(seed: 42)
        var scalars = String.UnicodeScalarView()
        var count = 0
        while count < 100_000 {
            let value = UInt32(truncatingIfNeeded: generator.next() % 0x2_0000)
            if let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
                count += 1
            }
            if generator.next() % 7 == 0 {
                scalars.append(contentsOf: " 1,5k€ 06 12 ".unicodeScalars)
                count += 13
            }
        }
        let text = String(scalars)
        let result = LeadQualifier.qualify(text)
        #expect((0...100).contains(result.score))
        LeadEvidenceCheck.spansMatch(result, in: text)
    }

    @Test func hundredKilobytesOfDigits() {
        let text = String(repeating: "1234567890 ", count: 10_000)
        let result = LeadQualifier.qualify(text)
        #expect(result.budget == nil)
    }

    @Test func evidenceCountsCharactersAfterEmoji() throws {
        let text = "👨‍👩‍👧 Budget 800€ par mois"
        let result = LeadQualifier.qualify(text)
        let range = try #require(result.evidence.budget.range)
        #expect(range.start == 9)
        #expect(result.evidence.budget.text == "800€ par mois")
    }
}

/// A small deterministic random source for the noise test.
struct LeadNoiseGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Random soups of the tokens the rules look at, to shake out edge cases in the scanners.
@Suite("BANT token fuzzing")
struct LeadTokenFuzzTests {
    static let tokens = [
        "entre", "et", "between", "and", "-", "–", "à", "a", "to", "ou", "k", "K", "€", "$", "£", "CHF", "DH", "MAD", "CAD",
        "C$", "US$", "1", "12", "1.500", "1,5", "1 500", "2'000", "0", "2025", "06", "+33", "(", ")", "/", "mois", "an",
        "/mois", "par", "per", "year", "budget", "max", "HT", "%", "pour cent", "mille", "cinq", "cents", "vingt", "et un",
        "dans", "d'ici", "fin", "mars", "Q3", "T1", "semaines", "prochains", "les", "pas", "pressé", "urgent", "asap",
        "je", "dois", "valider", "CEO", "my", "fondatrice", "shopify", "e-commerce", "?", "@", "jo@x.fr", "call", "me",
        ".", ",", ":", ";", "\n", " ", "  ", "é", "́", "🚀", "👨‍👩‍👧", "\u{00A0}", "\u{202F}", "ﬁ", "İ", "ß", "œ",
    ]

    @Test func randomTokenSoups() {
        var random = LeadNoiseGenerator(seed: 2026)
        let now = Date(timeIntervalSince1970: 1_768_471_200)
        let qualifier = LeadQualifier(now: now)
        for _ in 0..<1500 {
            let count = Int(random.next() % 24)
            var text = ""
            for _ in 0..<count {
                text += Self.tokens[Int(random.next() % UInt64(Self.tokens.count))]
                if random.next() % 3 == 0 { text += " " }
            }
            let result = qualifier.qualify(text)
            #expect((0...100).contains(result.score), "\(text)")
            if let budget = result.budget { #expect(budget.amount.isFinite && budget.amount >= 0, "\(text)") }
            LeadEvidenceCheck.spansMatch(result, in: text)
        }
    }
}
