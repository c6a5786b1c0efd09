import AutopilotCore
import Foundation
import Integrations
import Testing

/// Postmark and Mailgun: delivery, bounce and complaint webhooks and inbound email, verified as each vendor documents.
@Suite("Email webhooks — Postmark and Mailgun")
struct EmailFeedbackTranslatorTests {
    static let postmarkSecret = "autopilot:p0stm4rk-hook-pass"
    static let mailgunKey = "key-4b2f9e1c7a5d3e8f"

    static func postmark(_ body: String, authorization: String? = nil) -> WebhookOutcome {
        let header = authorization ?? PostmarkAuthentication(secret: postmarkSecret).expectedHeader
        return Deliveries.inbox.process(
            provider: .postmark, headers: ["Authorization": header, "Content-Type": "application/json"], rawBody: Array(body.utf8), url: "",
            secret: postmarkSecret, now: Deliveries.now)
    }

    static func mailgunSignature(token: String, timestamp: Int64 = Int64(Deliveries.now.timeIntervalSince1970) - 10, key: String = mailgunKey)
        -> JSONValue
    {
        ["timestamp": .string(String(timestamp)), "token": .string(token), "signature": .string(MailgunSignature(key: key).sign(timestamp: String(timestamp), token: token))]
    }

    static func mailgun(_ body: [UInt8]) -> WebhookOutcome {
        Deliveries.inbox.process(provider: .mailgun, headers: [:], rawBody: body, url: "", secret: mailgunKey, now: Deliveries.now)
    }

    static func mailgunEvent(_ data: JSONValue, signature: JSONValue? = nil) -> WebhookOutcome {
        mailgun(Array(JSONValue.object(["signature": signature ?? mailgunSignature(token: "tok-1"), "event-data": data]).jsonString.utf8))
    }

    static func refusal(_ outcome: WebhookOutcome) -> String? {
        if case .rejected(let failure) = outcome { return failure.code }
        return nil
    }

    // MARK: Postmark

    @Test func postmarkIsCheckedByItsBasicAuthentication() {
        let delivery = #"{"RecordType": "Delivery", "MessageID": "883953f4", "Recipient": "amina@example.fr", "DeliveredAt": "2026-03-05T16:33:54.9070259Z"}"#
        #expect(Self.refusal(Self.postmark(delivery, authorization: "Basic " + Data("autopilot:wrong".utf8).base64EncodedString())) == "bad_signature")
        #expect(Self.refusal(Self.postmark(delivery, authorization: "Bearer x")) == "malformed_signature")
        let outcome = Deliveries.inbox.process(provider: .postmark, headers: [:], rawBody: Array(delivery.utf8), url: "", secret: Self.postmarkSecret, now: Deliveries.now)
        #expect(Self.refusal(outcome) == "missing_signature")
    }

    @Test func aPostmarkDeliveryNamesOurMessageThroughItsMetadata() throws {
        let body = #"""
            {"RecordType": "Delivery", "ServerID": 23, "MessageStream": "outbound", "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
             "Recipient": "Amina@Example.fr", "Tag": "", "DeliveredAt": "2026-03-05T16:33:54.9070259Z", "Details": "Test delivery webhook details",
             "Metadata": {"autopilot-message-id": "msg_00a1b2c3d4e5f607"}}
            """#
        let event = try #require(Deliveries.validated(Self.postmark(body)).first)
        #expect(event.type == .messageDelivered)
        #expect(event.contact == ContactIdentifiers(email: "amina@example.fr"))
        #expect(event.properties["message_id"] == "msg_00a1b2c3d4e5f607")
        #expect(abs(event.occurredAt.timeIntervalSince(try #require(Timestamp.parse("2026-03-05T16:33:54.907Z")))) < 0.001)
    }

    @Test func aPostmarkHardBounceIsABounceAndASoftOneIsNot() throws {
        let hard = #"""
            {"RecordType": "Bounce", "ID": 4323372036854775807, "Type": "HardBounce", "TypeCode": 1, "Name": "Hard bounce",
             "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483", "Metadata": {"autopilot-message-id": "msg_00a1b2c3d4e5f607"},
             "Description": "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
             "Email": "bob@example.com", "BouncedAt": "2026-03-05T16:33:54Z", "Inactive": true}
            """#
        let event = try #require(Deliveries.validated(Self.postmark(hard)).first)
        #expect(event.type == .messageBounced)
        #expect(event.properties["bounce"] == "hard")
        #expect(event.idempotencyKey == "postmark:883953f4-6105-42a2-a16a-77a8eac79483:message.bounced")
        let soft = hard.replacingOccurrences(of: #""Type": "HardBounce""#, with: #""Type": "SoftBounce""#)
            .replacingOccurrences(of: #""Inactive": true"#, with: #""Inactive": false"#)
        #expect(Deliveries.ignoredCode(Self.postmark(soft)) == "soft_bounce")
    }

    @Test func aPostmarkSpamComplaintUnsubscribesFromEmail() throws {
        let body = #"{"RecordType": "SpamComplaint", "ID": 42, "MessageID": "m-1", "Email": "bob@example.com", "BouncedAt": "2026-03-05T16:33:54Z"}"#
        let event = try #require(Deliveries.validated(Self.postmark(body)).first)
        #expect(event.type == .contactUnsubscribed)
        #expect(event.properties["channel"] == "email")
    }

    static let postmarkInbound = #"""
        {"FromName": "Amina Benali", "MessageStream": "inbound", "From": "amina@example.fr",
         "FromFull": {"Email": "amina@example.fr", "Name": "Amina Benali", "MailboxHash": ""},
         "To": "bonjour@boutique.example", "Subject": "Re: Votre panier", "MessageID": "73e6d360-66eb-11e1-8e72-a8904824019b",
         "Date": "Thu, 5 Mar 2026 17:45:32 +0100", "TextBody": "Oui, je le prends !\n\nLe 5 mars, Boutique a écrit :\n> Votre panier",
         "StrippedTextReply": "Oui, je le prends !",
         "Headers": [{"Name": "Message-ID", "Value": "<CAF=abc@mail.example.fr>"},
                     {"Name": "In-Reply-To", "Value": "<3f2a9c0e1b7d4a6f8e2c5b9d1a3f7e0c@boutique.example>"},
                     {"Name": "References", "Value": "<older@boutique.example> <3f2a9c0e1b7d4a6f8e2c5b9d1a3f7e0c@boutique.example>"}]}
        """#

    @Test func aPostmarkInboundReplyCarriesTheStrippedTextAndWhatItAnswers() throws {
        let event = try #require(Deliveries.validated(Self.postmark(Self.postmarkInbound)).first)
        #expect(event.type == .messageReplied)
        #expect(event.contact == ContactIdentifiers(email: "amina@example.fr"))
        #expect(event.properties["text"] == "Oui, je le prends !")
        #expect(event.properties["in_reply_to"] == ["<3f2a9c0e1b7d4a6f8e2c5b9d1a3f7e0c@boutique.example>", "<older@boutique.example>"])
        #expect(event.occurredAt == Timestamp.parse("2026-03-05T16:45:32Z"))
    }

    @Test(arguments: [
        #"{"Name": "Auto-Submitted", "Value": "auto-replied"}"#, #"{"Name": "X-Autoreply", "Value": "yes"}"#,
        #"{"Name": "Precedence", "Value": "auto_reply"}"#,
    ])
    func anAutomaticReplyIsNotAReply(header: String) {
        let body = Self.postmarkInbound.replacingOccurrences(of: #""Headers": ["#, with: #""Headers": ["# + header + ", ")
        #expect(Deliveries.ignoredCode(Self.postmark(body)) == "auto_reply")
    }

    @Test func anOutOfOfficeSubjectIsNotAReply() {
        let body = Self.postmarkInbound.replacingOccurrences(of: "Re: Votre panier", with: "Réponse automatique : absente jusqu'au 10 mars")
        #expect(Deliveries.ignoredCode(Self.postmark(body)) == "auto_reply")
    }

    // MARK: Mailgun

    @Test func mailgunSignaturesAreCheckedWithTheirTimestamp() {
        let data: JSONValue = ["id": "ev-1", "event": "delivered", "recipient": "amina@example.fr", "timestamp": 1_773_273_000.5]
        #expect(Self.refusal(Self.mailgunEvent(data, signature: Self.mailgunSignature(token: "t", key: "other"))) == "bad_signature")
        let old = Int64(Deliveries.now.timeIntervalSince1970) - 3_600
        #expect(Self.refusal(Self.mailgunEvent(data, signature: Self.mailgunSignature(token: "t", timestamp: old))) == "stale_timestamp")
        #expect(Self.refusal(Self.mailgunEvent(data, signature: ["token": "t"])) == "missing_signature")
    }

    @Test func mailgunEventsMapToTheTimeline() throws {
        let variables: JSONValue = ["autopilot_message_id": "msg_00a1b2c3d4e5f607"]
        let delivered = try #require(
            Deliveries.validated(
                Self.mailgunEvent(["id": "ev-1", "event": "delivered", "recipient": "amina@example.fr", "timestamp": 1_773_273_000.5, "user-variables": variables])
            ).first)
        #expect(delivered.type == .messageDelivered && delivered.properties["message_id"] == "msg_00a1b2c3d4e5f607")
        let withoutVariables = Self.mailgunEvent([
            "id": "ev-1", "event": "delivered", "recipient": "amina@example.fr", "message": ["headers": ["message-id": "20260305.abc@mg.boutique.example"]],
        ])
        #expect(withoutVariables.deliveryID == "mailgun:ev-1")
        #expect(withoutVariables.events.first?["properties"]?["message_id"] == "mailgun:20260305.abc@mg.boutique.example")
        let failed: JSONValue = [
            "id": "ev-2", "event": "failed", "severity": "permanent", "recipient": "bob@example.com", "user-variables": variables,
            "delivery-status": ["code": 550, "description": "550 5.1.1 The email account that you tried to reach does not exist."],
        ]
        let bounce = try #require(Deliveries.validated(Self.mailgunEvent(failed)).first)
        #expect(bounce.type == .messageBounced && bounce.properties["bounce"] == "hard")
        var temporary = failed.objectValue ?? [:]
        temporary["severity"] = "temporary"
        #expect(Deliveries.ignoredCode(Self.mailgunEvent(.object(temporary))) == "soft_bounce")
        let complaint = try #require(
            Deliveries.validated(Self.mailgunEvent(["id": "ev-3", "event": "complained", "recipient": "bob@example.com"])).first)
        #expect(complaint.type == .contactUnsubscribed && complaint.properties["channel"] == "email")
    }

    @Test func aMailgunInboundRouteIsAReply() throws {
        let timestamp = String(Int64(Deliveries.now.timeIntervalSince1970) - 5)
        let fields: [(String, String)] = [
            ("recipient", "bonjour@boutique.example"), ("sender", "amina@example.fr"), ("from", "Amina <amina@example.fr>"),
            ("subject", "Re: Votre panier"), ("body-plain", "Oui !\n> Votre panier"), ("stripped-text", "Oui !"),
            ("Message-Id", "<CAF=xyz@mail.example.fr>"), ("In-Reply-To", "<3f2a9c0e@boutique.example>"),
            ("message-headers", #"[["Subject", "Re: Votre panier"], ["In-Reply-To", "<3f2a9c0e@boutique.example>"]]"#),
            ("timestamp", timestamp), ("token", "tok-inbound"),
            ("signature", MailgunSignature(key: Self.mailgunKey).sign(timestamp: timestamp, token: "tok-inbound")),
        ]
        let body = FormBody(pairs: fields.map { FormField(name: $0.0, value: $0.1) }).encoded
        let outcome = Self.mailgun(body)
        #expect(outcome.deliveryID == "mailgun:tok-inbound")
        let event = try #require(Deliveries.validated(outcome).first)
        #expect(event.type == .messageReplied && event.properties["text"] == "Oui !")
        #expect(event.properties["in_reply_to"] == ["<3f2a9c0e@boutique.example>"])
        let automatic = fields.map { $0.0 == "message-headers" ? ($0.0, #"[["Auto-Submitted", "auto-replied"]]"#) : $0 }
        #expect(Deliveries.ignoredCode(Self.mailgun(FormBody(pairs: automatic.map { FormField(name: $0.0, value: $0.1) }).encoded)) == "auto_reply")
    }

    @Test func aMailgunRouteForwardingTheWholeMessageReadsBouncesAndComplaints() throws {
        let timestamp = String(Int64(Deliveries.now.timeIntervalSince1970) - 5)
        func post(_ mime: String, token: String) -> WebhookOutcome {
            let fields: [(String, String)] = [
                ("recipient", "bounce+ob_amina_1@boutique.example"), ("body-mime", mime), ("timestamp", timestamp), ("token", token),
                ("signature", MailgunSignature(key: Self.mailgunKey).sign(timestamp: timestamp, token: token)),
            ]
            return Self.mailgun(FormBody(pairs: fields.map { FormField(name: $0.0, value: $0.1) }).encoded)
        }
        let bounce = try #require(Deliveries.validated(post(MailSamples.hardBounce(), token: "tok-dsn")).first)
        #expect(bounce.type == .messageBounced)
        #expect(bounce.properties["message_id"] == "ob_amina_1" && bounce.properties["bounce"] == "hard")
        let complaint = try #require(Deliveries.validated(post(MailSamples.complaint, token: "tok-arf")).first)
        #expect(complaint.type == .contactUnsubscribed && complaint.properties["reason"] == "spam_complaint")
        let reply = try #require(Deliveries.validated(post(MailSamples.frenchReply, token: "tok-reply")).first)
        #expect(reply.type == .messageReplied && reply.properties["source"] == "mailgun")
    }
}
