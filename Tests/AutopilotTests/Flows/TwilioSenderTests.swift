import AutopilotCore
import Channels
import Foundation
import TestSupport
import Testing

/// Our Twilio client against a loopback server answering as Twilio's Messages API documents.
@Suite("Channels — Twilio Messages API")
struct TwilioSenderTests {
    static func message(_ channel: Channel, to: String = "+33612345678", text: String = "Votre commande D1 est confirmée ✓") -> OutboundMessage {
        OutboundMessage(id: "msg_1", tenantID: "tn_1", idempotencyKey: "run/steps[0]", channel: channel, recipient: to, text: text)
    }

    static func form(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }

    @Test func sendsAnSMSAndAWhatsAppMessage() async throws {
        let created = #"{"sid": "SM0123456789abcdef0123456789abcdef", "status": "queued", "to": "+33612345678"}"#
        try await LoopbackServer.with(answer: { _ in (201, created) }) { twilio in
            let settings = TwilioSettings(
                accountSID: "AC123", authToken: "secret", smsFrom: "MaisonLav", whatsappFrom: "+14155238886",
                statusCallbackURL: "https://autopilot.example/v1/webhooks/twilio/tok", baseURL: twilio.baseURL)
            let sender = TwilioSender(settings: settings)
            #expect(await sender.send(Self.message(.sms)) == .sent(providerID: "SM0123456789abcdef0123456789abcdef"))
            #expect(await sender.send(Self.message(.whatsapp)) == .sent(providerID: "SM0123456789abcdef0123456789abcdef"))
            let sms = try #require(twilio.requests.first)
            #expect(sms.path == "/2010-04-01/Accounts/AC123/Messages.json")
            #expect(sms.contentType == "application/x-www-form-urlencoded")
            #expect(sms.authorization == "Basic " + Data("AC123:secret".utf8).base64EncodedString())
            #expect(
                Self.form(sms.body) == [
                    "To": "+33612345678", "From": "MaisonLav", "Body": "Votre commande D1 est confirmée ✓",
                    "StatusCallback": "https://autopilot.example/v1/webhooks/twilio/tok",
                ])
            #expect(!sms.body.contains("é"), "accents are percent-encoded")
            let whatsapp = Self.form(try #require(twilio.requests.last).body)
            #expect(whatsapp["To"] == "whatsapp:+33612345678")
            #expect(whatsapp["From"] == "whatsapp:+14155238886")
        }
    }

    @Test func refusalsArePermanentAndOutagesTransient() async throws {
        let unsubscribed =
            #"{"code": 21610, "message": "Attempt to send to unsubscribed recipient", "more_info": "https://www.twilio.com/docs/errors/21610", "status": 400}"#
        try await LoopbackServer.with(answer: { index in
            switch index {
            case 0: (400, unsubscribed)
            case 1: (429, #"{"code": 20429, "message": "Too Many Requests", "status": 429}"#)
            default: (503, "Service Unavailable")
            }
        }) { twilio in
            let sender = TwilioSender(
                settings: TwilioSettings(accountSID: "AC123", authToken: "secret", smsFrom: "+33700000000", baseURL: twilio.baseURL))
            guard case .failed(let stop) = await sender.send(Self.message(.sms)) else { Issue.record("expected a failure"); return }
            #expect(stop.code == "recipient_unsubscribed")
            #expect(!stop.isTransient)
            #expect(stop.reason.contains("unsubscribed recipient"))
            guard case .failed(let busy) = await sender.send(Self.message(.sms)) else { Issue.record("expected a failure"); return }
            #expect(busy.isTransient && busy.code == "twilio_20429")
            guard case .failed(let down) = await sender.send(Self.message(.sms)) else { Issue.record("expected a failure"); return }
            #expect(down.isTransient)
        }
        let closed = TwilioSender(settings: TwilioSettings(accountSID: "AC1", authToken: "t", smsFrom: "+33700000000", baseURL: "http://127.0.0.1:9"))
        guard case .failed(let refused) = await closed.send(Self.message(.sms)) else { Issue.record("expected a failure"); return }
        #expect(refused.isTransient && refused.code == "connection")
        let emailOnly = TwilioSender(settings: TwilioSettings(accountSID: "AC1", authToken: "t", smsFrom: "+33700000000"))
        guard case .failed(let wrong) = await emailOnly.send(Self.message(.email)) else { Issue.record("expected a failure"); return }
        #expect(!wrong.isTransient)
    }

    @Test func settingsFromTheEnvironmentSayWhatIsMissing() throws {
        #expect(try TwilioSettings.fromEnvironment([:]) == nil)
        #expect(throws: ConfigurationError(variable: "TWILIO_AUTH_TOKEN", reason: "is required with TWILIO_ACCOUNT_SID")) {
            try TwilioSettings.fromEnvironment(["TWILIO_ACCOUNT_SID": "AC1"])
        }
        #expect(throws: ConfigurationError.self) { try TwilioSettings.fromEnvironment(["TWILIO_ACCOUNT_SID": "AC1", "TWILIO_AUTH_TOKEN": "t"]) }
        let settings = try #require(
            try TwilioSettings.fromEnvironment(["TWILIO_ACCOUNT_SID": "AC1", "TWILIO_AUTH_TOKEN": "t", "TWILIO_FROM": "+33700000000"]))
        #expect(!settings.description.contains("t via") && !"\(settings)".contains(":t"))
    }
}
