import AutopilotCore
import Decisions
import Foundation
import Scoring
import Testing

@Suite("Reasons in French and English")
struct WordingTests {
    static let notOpened = Fixtures.email(sentHoursAgo: 73, deliveredHoursAgo: 72)

    @Test(
        "each rule's reason carries its numbers",
        arguments: [
            ("fr", RecommendationRule.notOpened, "Email délivré il y a 3 jours, non ouvert — relancer par SMS"),
            ("en", .notOpened, "Email delivered 3 days ago, not opened — follow up by SMS"),
            ("fr", .openedNoReply, "Email ouvert il y a 26 heures, sans réponse — relancer par email"),
            ("en", .openedNoReply, "Email opened 26 hours ago, no reply — follow up by email"),
            ("fr", .silence, "Dernier message (SMS) envoyé il y a 4 jours, sans réponse — relancer par SMS"),
            ("en", .silence, "Last message (SMS) sent 4 days ago, no reply — follow up by SMS"),
            ("fr", .hotLeadWaiting, "Lead chaud arrivé il y a 61 minutes, pas encore contacté — le contacter maintenant par SMS"),
            ("en", .hotLeadWaiting, "Hot lead in for 61 minutes, not contacted yet — contact now by SMS"),
            (
                "fr", .atRiskCustomer,
                "Client à risque de départ critique (score 0,91), dernier message il y a 12 jours — envoyer une offre de reconquête par email"
            ),
            ("en", .atRiskCustomer, "Customer at critical churn risk (score 0.91), last message 12 days ago — send a win-back offer by email"),
        ])
    func reasons(locale: String, rule: RecommendationRule, expected: String) throws {
        let result = try #require(Fixtures.recommend(Self.contact(for: rule, locale: locale)))
        #expect(result.rule == rule)
        #expect(result.reason == expected)
        #expect(result.locale == ScoringLocale(languageTag: locale))
    }

    @Test("a resend without another channel says so")
    func resendWording() throws {
        let contact = Fixtures.contact(locale: "fr-FR", consents: Fixtures.emailOnly, messages: [Self.notOpened])
        let result = try #require(Fixtures.recommend(contact))
        #expect(result.reason == "Email délivré il y a 3 jours, non ouvert — renvoyer avec un nouvel objet")
    }

    @Test(
        "the contact's language wins; other or missing languages fall back to the tenant's",
        arguments: [
            (String?.some("fr_CA"), ScoringLocale.english, ScoringLocale.french), ("EN-gb", .french, .english), ("de", .french, .french),
            (nil, .english, .english),
            ("", .french, .french),
        ])
    func languageFallback(tag: String?, tenant: ScoringLocale, expected: ScoringLocale) throws {
        let contact = Fixtures.contact(locale: tag, messages: [Self.notOpened])
        let result = try #require(RecommendationEngine.recommend([contact], now: Fixtures.now, locale: tenant).first)
        #expect(result.locale == expected)
        #expect(result.reason.hasPrefix(expected == .french ? "Email délivré" : "Email delivered"))
    }

    @Test(
        "ages read in minutes, then hours, then whole days",
        arguments: [
            (49.0, "Email delivered 2 days ago"), (95.9, "Email delivered 3 days ago"), (24.0 * 40, "Email delivered 40 days ago"),
        ])
    func ages(hours: Double, prefix: String) throws {
        let message = Fixtures.email(sentHoursAgo: hours, deliveredHoursAgo: hours)
        let result = try #require(Fixtures.recommend(Fixtures.contact(messages: [message])))
        #expect(result.reason.hasPrefix(prefix))
    }

    static func contact(for rule: RecommendationRule, locale: String) -> ContactHistory {
        switch rule {
        case .notOpened:
            return Fixtures.contact(locale: locale, consents: ChannelConsents(email: true, sms: true), messages: [notOpened])
        case .openedNoReply:
            let message = Fixtures.email(sentHoursAgo: 30, deliveredHoursAgo: 30, openedHoursAgo: 26)
            return Fixtures.contact(locale: locale, messages: [message])
        case .silence:
            return Fixtures.contact(locale: locale, messages: [Fixtures.outbound("s1", .sms, sentHoursAgo: 4 * 24 + 5)])
        case .hotLeadWaiting:
            let lead = LeadSnapshot(tier: .hot, createdAt: Fixtures.hoursAgo(61.0 / 60))
            return Fixtures.contact(locale: locale, lead: lead)
        case .atRiskCustomer:
            let old = Fixtures.outbound("s1", .sms, sentHoursAgo: 12 * 24 + 3)
            return Fixtures.contact(locale: locale, preferred: .email, messages: [old], churn: ChurnAssessment(band: .critical, score: 0.912))
        }
    }
}
