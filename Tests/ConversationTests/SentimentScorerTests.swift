import Conversation
import Testing

@Suite("Sentiment scorer")
struct SentimentScorerTests {
    enum Feeling: Sendable {
        case veryNegative, negative, neutral, positive, veryPositive

        func contains(_ score: Double) -> Bool {
            switch self {
            case .veryNegative: score <= -0.5
            case .negative: score < -0.1 && score > -0.5
            case .neutral: abs(score) <= 0.1
            case .positive: score > 0.1 && score < 0.5
            case .veryPositive: score >= 0.5
            }
        }
    }

    static let cases: [(String, Feeling)] = [
        ("Bonjour, où en est ma commande 1042 ?", .neutral),
        ("Hello, where is my order #1042?", .neutral),
        ("Je ne suis pas content du tout", .veryNegative),
        ("pas content", .veryNegative),
        ("I'm not happy with this", .veryNegative),
        ("Merci beaucoup, c'est parfait !", .veryPositive),
        ("Thanks a lot, that's great", .veryPositive),
        ("c'est pas mal", .veryPositive),
        ("not bad", .veryPositive),
        ("C'est inadmissible, vous êtes des incompétents", .veryNegative),
        ("This is unacceptable, you are useless", .veryNegative),
        ("Toujours pas reçu mon colis", .veryNegative),
        ("un peu déçu", .negative),
        ("très déçu", .veryNegative),
        ("really disappointed", .veryNegative),
        ("slightly annoying", .negative),
        ("WHERE IS MY ORDER", .veryNegative),
        ("OÙ EST MA COMMANDE", .veryNegative),
        ("super, merci !!!", .veryPositive),
        ("Vous vous foutez de moi ?!", .veryNegative),
        ("😡😡", .veryNegative),
        ("ok 👍", .veryPositive),
        ("Merci 🙂", .veryPositive),
        ("bof :(", .veryNegative),
        ("pas de souci", .positive),
        ("no worries", .positive),
        ("c'est inadmisible", .veryNegative),
        ("totally unaceptable", .veryNegative),
        ("Le produit est bien mais la livraison est nulle", .veryNegative),
        ("Delivery was slow but the product is excellent", .veryPositive),
        ("je voudrais le contenu du pack", .neutral),
        ("à cause de la grève", .neutral),
        ("I can't wait to try it", .positive),
        ("ça ne marche pas", .veryNegative),
        ("it doesn't work", .veryNegative),
        ("What a joke, never again", .veryNegative),
        ("quel est le prix ?", .neutral),
    ]

    @Test(arguments: cases)
    func scores(_ text: String, _ feeling: Feeling) {
        let reading = SentimentScorer().reading(text)
        #expect(feeling.contains(reading.score), "\(text) → \(reading.score) \(reading.cues)")
        #expect(reading.score >= -1 && reading.score <= 1)
    }

    @Test func negationTurnsAPositiveWordNegative() {
        let scorer = SentimentScorer()
        #expect(scorer.score("content") > 0)
        #expect(scorer.score("pas content") < 0)
        #expect(scorer.score("happy") > 0)
        #expect(scorer.score("not happy") < 0)
    }

    @Test func intensifiersCapitalsAndExclamationsStrengthenTheFeeling() {
        let scorer = SentimentScorer()
        #expect(scorer.score("très déçu") < scorer.score("déçu"))
        #expect(scorer.score("DÉÇU") < scorer.score("déçu"))
        #expect(scorer.score("déçu !!!") < scorer.score("déçu"))
        #expect(scorer.score("really great") > scorer.score("great"))
        #expect(scorer.score("un peu déçu") > scorer.score("déçu"))
    }

    static let handOffCases: [([Double], Bool)] = [
        ([], false),
        ([0.2], false),
        ([-0.49], false),
        ([-0.5], true),
        ([0.4, -0.8], true),
        ([-0.35, -0.31], true),
        ([-0.35, 0.1, -0.31], false),
        ([-0.6, 0.2], false),
        ([-0.2, -0.4], false),
    ]

    @Test(arguments: handOffCases)
    func turnedNegative(_ history: [Double], _ expected: Bool) {
        #expect(SentimentScorer.turnedNegative(history) == expected)
    }

    @Test func twoComplaintsInARowAskForAPerson() {
        let scorer = SentimentScorer()
        #expect(!scorer.turnedNegative(messages: ["Bonjour", "J'ai un problème avec ma commande"]))
        #expect(scorer.turnedNegative(messages: ["Toujours en attente…", "c'est vraiment nul"]))
        #expect(scorer.turnedNegative(messages: ["Hello", "This is unacceptable!!"]))
    }
}
