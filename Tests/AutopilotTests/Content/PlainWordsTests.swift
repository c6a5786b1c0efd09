import Content
import Flows
import Scoring
import Testing

@Suite("Plain words for codes")
struct PlainWordsTests {
    static let languages: [ContentLanguage] = [.english, .french]

    @Test(arguments: languages)
    func everySmartSendingReasonHasWords(language: ContentLanguage) {
        for reason in SendBlockReason.allCases {
            let text = PlainWords.reason(reason.code, language: language)
            #expect(text != PlainWords.words(reason.code), "\(reason.code) has no plain words in \(language)")
            #expect(!text.contains("_"))
        }
    }

    @Test func aStoppedRunSaysWhyInWords() {
        #expect(PlainWords.reason("run_exited:order_placed", language: .english) == "the follow-up stopped before it went out: the customer ordered")
        #expect(PlainWords.reason("run_exited:hot_routed", language: .french).hasPrefix("la relance s'est arrêtée avant l'envoi : prospect chaud"))
        #expect(PlainWords.isDeferral("quiet_hours") && PlainWords.isDeferral("frequency_cap") && !PlainWords.isDeferral("no_consent"))
    }

    @Test func anUnknownCodeReadsAsItsWords() {
        #expect(PlainWords.reason("carrier_pigeon_lost", language: .english) == "carrier pigeon lost")
        #expect(PlainWords.flow("my-own-flow", language: .french) == "my own flow")
        #expect(PlainWords.sentence("the customer ordered") == "The customer ordered.")
    }

    @Test(arguments: languages)
    func scoresHaveWords(language: ContentLanguage) {
        #expect(PlainWords.churnBandsBySeverity == ChurnBand.allCases.reversed().map(\.rawValue), "most severe first")
        for band in ChurnBand.allCases {
            #expect(!PlainWords.churnBand(band.rawValue, language: language).contains("_"))
            #expect(!PlainWords.churnBandMeaning(band.rawValue, language: language).isEmpty)
        }
        for segment in RFMSegment.allCases {
            let words = PlainWords.segment(segment.rawValue, language: language)
            #expect(words.contains(" — ") && !words.contains("_"), "\(segment.rawValue)")
            #expect(words.hasPrefix(PlainWords.segmentName(segment.rawValue, language: language)))
        }
        for term in PlainTerm.allCases { #expect(PlainWords.term(term, language: language).count > 20) }
        #expect(PlainWords.term(.lifetimeModel, language: language).contains("BG/NBD"), "the technical name stays one level down")
    }

    @Test(arguments: languages)
    func rulesAndFlowsHaveWords(language: ContentLanguage) {
        for rule in ["hot_lead_waiting", "at_risk_customer", "not_opened", "opened_no_reply", "silence"] {
            #expect(PlainWords.rule(rule, language: language).contains(":"), "\(rule)")
        }
        for id in FlowLibrary.ids { #expect(PlainWords.flow(id, language: language) != PlainWords.words(id), "\(id)") }
        #expect(PlainWords.priority("high", language: language) == "urgent")
    }

    @Test(arguments: [
        ([:], ContentLanguage.english),
        (["LANG": "fr_FR.UTF-8"], .french),
        (["LANG": "en_GB.UTF-8", "LC_MESSAGES": "fr_CA.UTF-8"], .french),
        (["LANG": "fr_FR.UTF-8", "LC_ALL": "C"], .english),
        (["LANG": "fr_FR.UTF-8", "LC_ALL": ""], .french),
        (["LC_ALL": "FR"], .french),
    ])
    func theLanguageComesFromTheLocale(environment: [String: String], expected: ContentLanguage) {
        #expect(ContentLanguage(environment: environment) == expected)
    }
}
