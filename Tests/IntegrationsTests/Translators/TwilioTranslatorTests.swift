import AutopilotCore
import Foundation
import Integrations
import Testing

@Suite("Twilio callbacks")
struct TwilioTranslatorTests {
    @Test(arguments: [
        ("sent", EventType.messageSent), ("delivered", .messageDelivered), ("undelivered", .messageFailed), ("failed", .messageFailed),
        ("read", .messageOpened),
    ])
    func statusCallbacksMoveTheMessageTimeline(status: String, type: EventType) throws {
        let outcome = Deliveries.twilio(TwilioSamples.statusCallback(status))
        #expect(outcome.deliveryID == "twilio:SM1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c:\(status)")
        let event = try #require(Deliveries.validated(outcome).first)
        #expect(event.type == type)
        #expect(event.occurredAt == Deliveries.now)
        #expect(event.contact == ContactIdentifiers(phone: "+33612345678"))
        #expect(event.idempotencyKey == "twilio:SM1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c:\(status)")
        guard case .messageTimeline(let update) = event.payload else {
            Issue.record("not a timeline update")
            return
        }
        #expect(update.messageID == "SM1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c")
        #expect(update.channel == .sms)
    }

    @Test func whatsappIsToldByTheAddressPrefix() throws {
        let event = try #require(
            Deliveries.validated(Deliveries.twilio(TwilioSamples.statusCallback("undelivered", to: "whatsapp:+212661234567"))).first)
        #expect(event.contact == ContactIdentifiers(phone: "+212661234567"))
        guard case .messageTimeline(let update) = event.payload else {
            Issue.record("not a timeline update")
            return
        }
        #expect(update.channel == .whatsapp)
        #expect(event.properties["error_code"] == "30003")
    }

    @Test(arguments: ["queued", "sending", "accepted", "scheduled", "canceled"])
    func intermediateStatusesAreIgnored(status: String) {
        #expect(Deliveries.ignoredCode(Deliveries.twilio(TwilioSamples.statusCallback(status))) == "status_without_event")
    }

    @Test func aReplyIsRecordedWithItsText() throws {
        let outcome = Deliveries.twilio(TwilioSamples.inbound("Oui, je confirme pour jeudi 👍"))
        #expect(outcome.deliveryID == "twilio:SM9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d:received")
        let event = try #require(Deliveries.validated(outcome).first)
        #expect(event.type == .messageReplied)
        #expect(event.contact == ContactIdentifiers(phone: "+33612345678"))
        guard case .messageReplied(let reply) = event.payload else {
            Issue.record("not a reply")
            return
        }
        #expect(reply.messageID == nil)
        #expect(reply.channel == .sms)
        #expect(reply.text == "Oui, je confirme pour jeudi 👍")
        #expect(event.properties["inbound_message_id"] == "SM9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
    }

    @Test func aWhatsAppReplyToAQuotedMessageNamesIt() throws {
        let parameters = TwilioSamples.inbound(
            "C'est bien reçu", from: "whatsapp:+33612345678",
            extra: [("OriginalRepliedMessageSid", "SM00aa11bb22cc33dd44ee55ff66778899"), ("ProfileName", "Camille")])
        let event = try #require(Deliveries.validated(Deliveries.twilio(parameters)).first)
        guard case .messageReplied(let reply) = event.payload else {
            Issue.record("not a reply")
            return
        }
        #expect(reply.messageID == "SM00aa11bb22cc33dd44ee55ff66778899")
        #expect(reply.channel == .whatsapp)
        #expect(reply.text == "C'est bien reçu")
    }

    @Test(arguments: [
        "STOP", "stop", " Stop ", "Stop.", "STOP SMS", "stop  sms", "Arrêt", "ARRET", "arret!", "UNSUBSCRIBE", "Stopall", "stop all", "CANCEL",
        "end", "QUIT", "ＳＴＯＰ",
    ])
    func optOutKeywordsUnsubscribeFromThatChannelOnly(text: String) throws {
        let events = Deliveries.validated(Deliveries.twilio(TwilioSamples.inbound(text)))
        #expect(events.map(\.type) == [.contactUnsubscribed])
        #expect(events.first?.payload == .unsubscribed(.sms))
        #expect(events.first?.contact == ContactIdentifiers(phone: "+33612345678"))
    }

    @Test func aWhatsAppStopUnsubscribesWhatsApp() throws {
        let event = try #require(Deliveries.validated(Deliveries.twilio(TwilioSamples.inbound("Arrêt", from: "whatsapp:+33612345678"))).first)
        #expect(event.payload == .unsubscribed(.whatsapp))
    }

    @Test func twiliosOwnOptOutFlagCounts() throws {
        let parameters = TwilioSamples.inbound("Je ne veux plus de messages", extra: [("OptOutType", "STOP")])
        let event = try #require(Deliveries.validated(Deliveries.twilio(parameters)).first)
        #expect(event.payload == .unsubscribed(.sms))
    }

    @Test(arguments: ["stop sending me ads please", "Don't stop", "STOPPED", "Fin", "start", "ARRETE"])
    func sentencesThatMentionAKeywordAreReplies(text: String) {
        #expect(Deliveries.validated(Deliveries.twilio(TwilioSamples.inbound(text))).map(\.type) == [.messageReplied])
    }

    @Test func aSenderThatIsNotAPhoneIsIgnored() {
        #expect(Deliveries.ignoredCode(Deliveries.twilio(TwilioSamples.inbound("hi", from: "messenger:1234567890"))) == "no_contact")
        #expect(Deliveries.ignoredCode(Deliveries.twilio(TwilioSamples.statusCallback("delivered", to: "0612345678"))) == "no_contact")
    }

    @Test func aTamperedCallbackIsRejected() {
        let form = FormBody(pairs: TwilioSamples.statusCallback("delivered").map { FormField(name: $0.0, value: $0.1) })
        let signature = TwilioSignature(authToken: Deliveries.secret).sign(url: Deliveries.twilioURL, parameters: form.pairs)
        let tampered = Array(String(decoding: form.encoded, as: UTF8.self).replacingOccurrences(of: "delivered", with: "failed").utf8)
        let outcome = Deliveries.inbox.process(
            provider: .twilio, headers: ["X-Twilio-Signature": signature], rawBody: tampered, url: Deliveries.twilioURL, secret: Deliveries.secret,
            now: Deliveries.now)
        #expect(outcome.httpStatus == 401)
        let elsewhere = Deliveries.inbox.process(
            provider: .twilio, headers: ["X-Twilio-Signature": signature], rawBody: form.encoded, url: Deliveries.twilioURL + "x",
            secret: Deliveries.secret, now: Deliveries.now)
        #expect(elsewhere.httpStatus == 401)
    }

    @Test func aCallbackWithoutMessageSidIsAnError() {
        guard case .invalid(let error) = Deliveries.twilio([("MessageStatus", "delivered"), ("To", "+33612345678")]) else {
            Issue.record("expected invalid")
            return
        }
        #expect(error.field == "MessageSid")
    }
}
