import AutopilotCore
import Decisions
import Foundation
import Scoring
import Testing

@Suite("Channels: opens and consent")
struct ChannelTests {
    @Test("SMS reports no opens: only silence applies", arguments: [50.0, 80.0])
    func smsHasNoOpens(hours: Double) {
        let sms = Fixtures.outbound("s1", .sms, sentHoursAgo: hours)
        let result = Fixtures.recommend(Fixtures.contact(messages: [sms]))
        #expect(result?.rule == (hours > 72 ? .silence : nil))
    }

    @Test("WhatsApp without a read receipt is not 'not opened' (receipts can be switched off)")
    func whatsappUnread() {
        let message = Fixtures.outbound("w1", .whatsapp, sentHoursAgo: 60)
        #expect(Fixtures.recommend(Fixtures.contact(messages: [message])) == nil)
    }

    @Test("a WhatsApp read receipt counts as an open for opened_no_reply")
    func whatsappRead() throws {
        let message = Fixtures.outbound("w1", .whatsapp, sentHoursAgo: 30, openedHoursAgo: 25)
        let result = try #require(Fixtures.recommend(Fixtures.contact(messages: [message])))
        #expect(result.rule == .openedNoReply)
        #expect(result.channel == .whatsapp)
        #expect(result.reason == "WhatsApp message read 25 hours ago, no reply — follow up by WhatsApp")
        let french = try #require(Fixtures.recommend(Fixtures.contact(locale: "fr", messages: [message])))
        #expect(french.reason == "Message WhatsApp lu il y a 25 heures, sans réponse — relancer par WhatsApp")
    }

    @Test(
        "not_opened switches to another consented channel, the preferred one first",
        arguments: [
            (ChannelConsents(email: true, sms: true, whatsapp: true), Channel?.some(.whatsapp), Channel.whatsapp, RecommendedAction.switchChannel),
            (ChannelConsents(email: true, sms: true, whatsapp: true), nil, .sms, .switchChannel),
            (ChannelConsents(email: true, sms: false, whatsapp: true), .sms, .whatsapp, .switchChannel),
            (ChannelConsents(email: false, sms: true), nil, .sms, .switchChannel),
            (ChannelConsents(email: true), .sms, .email, .resend),
        ])
    func consentSwitch(consents: ChannelConsents, preferred: Channel?, channel: Channel, action: RecommendedAction) throws {
        let message = Fixtures.email(sentHoursAgo: 50, deliveredHoursAgo: 50)
        let result = try #require(Fixtures.recommend(Fixtures.contact(consents: consents, preferred: preferred, messages: [message])))
        #expect(result.rule == .notOpened)
        #expect(result.channel == channel)
        #expect(result.action == action)
        #expect(result.templateID == "follow-up-not-opened")
    }

    @Test("silence follows up on the preferred channel when consented, else on the last message's")
    func silenceOnPreferred() {
        let sms = Fixtures.outbound("s1", .sms, sentHoursAgo: 80)
        let preferred = Fixtures.recommend(Fixtures.contact(preferred: .whatsapp, messages: [sms]))
        #expect(preferred?.channel == .whatsapp)
        let withoutConsent = Fixtures.recommend(Fixtures.contact(consents: ChannelConsents(sms: true), preferred: .whatsapp, messages: [sms]))
        #expect(withoutConsent?.channel == .sms)
    }

    @Test("contacts unsubscribed from every channel get nothing, whatever holds")
    func unsubscribedFromAll() {
        let consents = ChannelConsents(email: true, sms: true, whatsapp: true, unsubscribedFromAll: true)
        let contact = Fixtures.contact(
            consents: consents, messages: [Fixtures.email(sentHoursAgo: 100, deliveredHoursAgo: 100)],
            lead: LeadSnapshot(tier: .hot, createdAt: Fixtures.hoursAgo(5)), churn: ChurnAssessment(band: .critical, score: 0.99)
        )
        #expect(RecommendationEngine.recommend([contact], now: Fixtures.now, locale: .french).isEmpty)
    }

    @Test("no channel with consent: nothing to propose")
    func noConsent() {
        let contact = Fixtures.contact(consents: ChannelConsents(), messages: [Fixtures.email(sentHoursAgo: 100, deliveredHoursAgo: 100)])
        #expect(Fixtures.recommend(contact) == nil)
    }

    @Test("consent read from stored consent states")
    func fromConsentStates() {
        let states: [Channel: ConsentState] = [
            .email: ConsentState(granted: false, at: Fixtures.now, source: "form"),
            .sms: ConsentState(granted: true, at: Fixtures.now, source: "form"),
        ]
        let consents = ChannelConsents(states)
        #expect(!consents.allows(.email))
        #expect(consents.allows(.sms))
        #expect(!consents.allows(.whatsapp))
    }
}
