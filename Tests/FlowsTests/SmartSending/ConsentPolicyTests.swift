import AutopilotCore
import Foundation
import Testing

@testable import Flows

@Suite("Smart sending: addresses, consent and suppression")
struct ConsentPolicyTests {
    typealias F = SmartSendingFixtures

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var channel: Channel
        var purpose: MessagePurpose
        var reachable: Set<Channel> = Set(Channel.allCases)
        var consent: Bool? = true
        var unsubscribed: Set<ChannelScope> = []
        var hardBounced = false
        var transactionalEmailIgnoresUnsubscribe = true
        var expected: SendDecision

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "consenting contact", channel: .sms, purpose: .marketing, expected: .send),
        Case(name: "no email address", channel: .email, purpose: .marketing, reachable: [.sms], expected: .skip(.missingAddress)),
        Case(name: "no phone for WhatsApp", channel: .whatsapp, purpose: .transactional, reachable: [.email], expected: .skip(.missingAddress)),
        Case(name: "marketing SMS never consented", channel: .sms, purpose: .marketing, consent: nil, expected: .skip(.noConsent)),
        Case(name: "marketing email consent withdrawn", channel: .email, purpose: .marketing, consent: false, expected: .skip(.noConsent)),
        Case(name: "transactional SMS needs no marketing consent", channel: .sms, purpose: .transactional, consent: nil, expected: .send),
        Case(
            name: "transactional SMS after STOP", channel: .sms, purpose: .transactional, consent: nil, unsubscribed: [.sms],
            expected: .skip(.unsubscribed)),
        Case(
            name: "transactional WhatsApp after unsubscribe from all", channel: .whatsapp, purpose: .transactional,
            unsubscribed: [.all], expected: .skip(.unsubscribed)),
        Case(
            name: "marketing SMS after STOP despite old consent", channel: .sms, purpose: .marketing, unsubscribed: [.sms],
            expected: .skip(.unsubscribed)),
        Case(name: "email unsubscribe leaves WhatsApp", channel: .whatsapp, purpose: .marketing, unsubscribed: [.email], expected: .send),
        Case(
            name: "marketing email after unsubscribe", channel: .email, purpose: .marketing, unsubscribed: [.email],
            expected: .skip(.unsubscribed)),
        Case(
            name: "transactional email after marketing unsubscribe", channel: .email, purpose: .transactional, consent: nil,
            unsubscribed: [.email], expected: .send),
        Case(
            name: "transactional email after unsubscribe, tenant strict", channel: .email, purpose: .transactional,
            unsubscribed: [.email], transactionalEmailIgnoresUnsubscribe: false, expected: .skip(.unsubscribed)),
        Case(
            name: "transactional email to a hard bounce", channel: .email, purpose: .transactional, hardBounced: true,
            expected: .skip(.hardBounced)),
        Case(name: "email hard bounce leaves SMS", channel: .sms, purpose: .marketing, hardBounced: true, expected: .send),
        Case(
            name: "unsubscribe reads before bounce and consent", channel: .email, purpose: .marketing, consent: nil,
            unsubscribed: [.all], hardBounced: true, expected: .skip(.unsubscribed)),
    ]

    @Test(arguments: cases)
    func decision(_ item: Case) throws {
        var settings = SmartSendingSettings()
        settings.transactionalEmailIgnoresUnsubscribe = item.transactionalEmailIgnoresUnsubscribe
        let consent = item.consent.map { ConsentState(granted: $0, at: Date(timeIntervalSince1970: 1_700_000_000), source: "form") }
        let contact = RecipientFacts(
            reachableChannels: item.reachable,
            consents: consent.map { [item.channel: $0] } ?? [:],
            unsubscribed: item.unsubscribed,
            emailHardBounced: item.hardBounced
        )
        let decision = try F.policy(settings).decide(
            OutgoingMessageFacts(channel: item.channel, purpose: item.purpose), contact: contact, history: .empty,
            now: F.local("2026-11-18 10:00")
        )
        #expect(decision == item.expected)
    }

    @Test func contactRecordMapsAddressesConsentsAndZone() {
        var record = ContactRecord(id: "c1", createdAt: Date(timeIntervalSince1970: 0))
        record.email = "ana@example.com"
        record.phone = ""
        record.timezone = "Europe/Brussels"
        record.consents = [.email: F.consented]
        let facts = RecipientFacts(contact: record, unsubscribed: [.sms])
        #expect(facts.reachableChannels == [.email])
        #expect(facts.hasConsent(for: .email) && !facts.hasConsent(for: .sms))
        #expect(facts.timeZone?.identifier == "Europe/Brussels")
        #expect(facts.isUnsubscribed(from: .sms) && !facts.isUnsubscribed(from: .email))
    }

    @Test(arguments: SendBlockReason.allCases)
    func everyReasonHasFrenchAndEnglishText(reason: SendBlockReason) {
        let french = reason.text(in: .french), english = reason.text(in: .english)
        #expect(!french.isEmpty && !english.isEmpty && french != english)
        #expect(reason.code == reason.rawValue && reason.code == reason.code.lowercased())
        #expect(SendingLanguage(locale: "fr-CA") == .french && SendingLanguage(locale: "en_GB") == .english)
        #expect(SendingLanguage(locale: nil) == .english)
    }

    @Test func reasonCodesAreStable() {
        #expect(
            SendBlockReason.allCases.map(\.code) == [
                "no_consent", "unsubscribed", "hard_bounced", "frequency_cap", "quiet_hours", "sunday", "public_holiday",
                "missing_address", "expired",
            ])
    }
}
