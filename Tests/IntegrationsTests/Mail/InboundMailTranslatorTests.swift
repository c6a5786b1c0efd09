import AutopilotCore
import Foundation
import Integrations
import Testing

/// What an email in the shop's mailbox records: a reply (quoted history and signature removed), a hard or soft bounce
/// (RFC 3464) naming our message by its VERP address or its headers, a complaint (ARF), nothing for automatic answers.
@Suite("Inbound mail — replies, bounces, complaints")
struct InboundMailTranslatorTests {
    static let now = Date(timeIntervalSince1970: 1_772_600_000)
    let translator = InboundMailTranslator(source: "imap", bounceAddress: "bounce@boutique.example")

    func events(_ text: String) throws -> [JSONValue] {
        guard case .events(let events) = translator.translate(raw: Array(text.utf8), fallbackKey: "uid:1:1", now: Self.now) else {
            Issue.record("expected events for \(text.prefix(60))")
            return []
        }
        return events
    }

    func ignored(_ text: String) -> String? {
        guard case .ignored(let reason) = translator.translate(raw: Array(text.utf8), fallbackKey: "uid:1:1", now: Self.now) else { return nil }
        return reason.code
    }

    @Test func aReplyKeepsWhatThePersonTypedAndNamesTheEmailsItAnswers() throws {
        let event = try #require(try events(MailSamples.frenchReply).first)
        #expect(event["type"] == "message.replied")
        #expect(event["contact"]?["email"] == "amina@example.fr")
        let properties = try #require(event["properties"])
        #expect(properties["text"] == "Oui, je passe commande ce soir. Le code marche-t-il sur les soldes ?\n\nMerci à vous,\nAmina")
        #expect(properties["subject"] == "Re: Votre panier vous attend")
        #expect(properties["in_reply_to"] == ["<3f2a9c@boutique.example>", "<older@boutique.example>"])
        #expect(properties["source"] == "imap")
        #expect(event["idempotency_key"] == "imap:inbound:<CAF=reply42@mail.example.fr>")
    }

    @Test func anAutomaticAnswerIsNotAReply() {
        #expect(ignored(MailSamples.outOfOffice) == "auto_reply")
        let byHeader = MailSamples.frenchReply.replacingOccurrences(of: "MIME-Version: 1.0\n", with: "X-Autoreply: yes\nMIME-Version: 1.0\n")
        #expect(ignored(byHeader) == "auto_reply")
        let bySubject = MailSamples.frenchReply.replacingOccurrences(of: "=?UTF-8?Q?Re=3A_Votre_panier_vous_attend?=", with: "Out of Office: back Monday")
        #expect(ignored(bySubject) == "auto_reply")
        let french = MailSamples.frenchReply.replacingOccurrences(
            of: "=?UTF-8?Q?Re=3A_Votre_panier_vous_attend?=", with: "=?UTF-8?Q?R=C3=A9ponse_automatique_:_absente?=")
        #expect(ignored(french) == "auto_reply")
    }

    @Test func aHardBounceNamesOurMessageByItsVERPAddress() throws {
        let event = try #require(try events(MailSamples.hardBounce()).first)
        #expect(event["type"] == "message.bounced")
        #expect(event["contact"]?["email"] == "amina@example.fr")
        #expect(event["properties"]?["message_id"] == "ob_amina_1")
        #expect(event["properties"]?["bounce"] == "hard")
        #expect(event["properties"]?["reason"]?.stringValue?.hasPrefix("5.1.1 550 5.1.1 <amina@example.fr>: Recipient address rejected") == true)
    }

    @Test func withoutVERPTheOriginalsHeadersNameTheMessage() throws {
        let plain = MailSamples.hardBounce(to: "hello@boutique.example")
        let event = try #require(try events(plain).first)
        #expect(event["properties"]?["message_id"] == "ob_amina_1", "from X-Autopilot-Message-ID")
        let bare = plain.replacingOccurrences(of: "X-Autopilot-Message-ID: ob_amina_1\n", with: "")
        let byMessageID = try #require(try events(bare).first)
        #expect(byMessageID["properties"]?["email_message_id"] == "<3f2a9c@boutique.example>", "the engine looks it up")
    }

    @Test func aSoftBounceADelayAndADeliveryReport() throws {
        let soft = try #require(try events(MailSamples.hardBounce(status: "4.2.2")).first)
        #expect(soft["type"] == "message.bounced")
        #expect(soft["properties"]?["bounce"] == "soft")
        #expect(ignored(MailSamples.hardBounce(status: "4.4.1", action: "delayed")) == "delayed")
        let delivered = try #require(try events(MailSamples.hardBounce(status: "2.0.0", action: "delivered")).first)
        #expect(delivered["type"] == "message.delivered")
    }

    @Test func aComplaintUnsubscribesTheComplainant() throws {
        let event = try #require(try events(MailSamples.complaint).first)
        #expect(event["type"] == "contact.unsubscribed")
        #expect(event["contact"]?["email"] == "amina@example.fr")
        #expect(event["properties"]?["channel"] == "email")
        #expect(event["properties"]?["reason"] == "spam_complaint")
        let notSpam = MailSamples.complaint.replacingOccurrences(of: "Feedback-Type: abuse", with: "Feedback-Type: not-spam")
        #expect(ignored(notSpam) == "not_spam")
    }

    @Test func verpAddressesRoundTrip() {
        #expect(VERPAddress.address(base: "bounce@boutique.example", messageID: "ob_42-a.b") == "bounce+ob_42-a.b@boutique.example")
        #expect(VERPAddress.address(base: "bounce@boutique.example", messageID: "x y") == nil)
        #expect(VERPAddress.messageID(in: "<bounce+ob_42@Boutique.example>", base: "bounce@boutique.example") == "ob_42")
        #expect(VERPAddress.messageID(in: "other+ob_42@boutique.example", base: "bounce@boutique.example") == nil)
        #expect(VERPAddress.messageID(in: "bounce@boutique.example", base: "bounce@boutique.example") == nil)
    }
}
