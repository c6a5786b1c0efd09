import AutopilotCore
import Channels
import Foundation
import TestSupport
import Testing

/// Our Omnisend client against a loopback server answering as Omnisend's events API documents.
@Suite("Channels — Omnisend events")
struct OmnisendSenderTests {
    static func message(_ channel: Channel, to: String) -> OutboundMessage {
        OutboundMessage(
            id: "msg_7", tenantID: "tn_1", idempotencyKey: "run-9/steps[2]", channel: channel, recipient: to,
            subject: channel == .email ? "Votre panier" : nil,
            text: "Bonjour, votre panier vous attend.", html: channel == .email ? "<p>Bonjour, votre panier vous attend.</p>" : nil,
            unsubscribeURL: channel == .email ? "https://ap.example/u/tok" : nil)
    }

    @Test func eachMessageIsACustomEventForTheTenantsAutomation() async throws {
        try await LoopbackServer.with(answer: { _ in (202, "") }) { omnisend in
            let sender = OmnisendSender(settings: OmnisendSettings(apiKey: "omni-key", eventName: "autopilot message", baseURL: omnisend.baseURL))
            guard case .sent(let eventID) = await sender.send(Self.message(.email, to: "ines@example.fr")) else {
                Issue.record("expected a send"); return
            }
            #expect(await sender.send(Self.message(.email, to: "ines@example.fr")) == .sent(providerID: eventID), "retries carry the same event id")
            #expect(eventID?.count == 36)
            #expect(eventID?.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
            _ = await sender.send(Self.message(.sms, to: "+33612345678"))

            let email = try #require(omnisend.requests.first)
            #expect(email.path == "/api/events")
            #expect(email.authorization == "Omnisend-API-Key omni-key")
            let body = try JSONParser.parse(email.body)
            #expect(body["eventName"] == "autopilot message")
            #expect(body["origin"] == "api")
            #expect(body["eventID"]?.stringValue == eventID)
            #expect(body["contact"] == ["email": "ines@example.fr"])
            #expect(body["properties"]?["subject"] == "Votre panier")
            #expect(body["properties"]?["html"] == "<p>Bonjour, votre panier vous attend.</p>")
            #expect(body["properties"]?["unsubscribe_url"] == "https://ap.example/u/tok")
            #expect(body["properties"]?["message_id"] == "msg_7")
            let sms = try JSONParser.parse(try #require(omnisend.requests.last).body)
            #expect(sms["contact"] == ["phone": "+33612345678"])
            #expect(sms["properties"]?["channel"] == "sms")
        }
    }

    @Test func refusalsArePermanentAndOutagesTransient() async throws {
        try await LoopbackServer.with(answer: { index in
            [(401, #"{"error": "Unauthorized: invalid API key"}"#), (429, #"{"error": "Too many requests"}"#), (500, "oops")][min(index, 2)]
        }) { omnisend in
            let sender = OmnisendSender(settings: OmnisendSettings(apiKey: "bad", baseURL: omnisend.baseURL))
            var failures: [SendFailure] = []
            for _ in 0..<3 {
                guard case .failed(let failure) = await sender.send(Self.message(.email, to: "a@b.example")) else {
                    Issue.record("expected a failure"); return
                }
                failures.append(failure)
            }
            #expect(failures[0].code == "omnisend_401" && !failures[0].isTransient && failures[0].reason.contains("invalid API key"))
            #expect(failures[1].isTransient && failures[2].isTransient)
            guard case .failed(let whatsapp) = await sender.send(Self.message(.whatsapp, to: "+33612345678")) else {
                Issue.record("expected a failure"); return
            }
            #expect(whatsapp.code == "unsupported_channel")
        }
    }
}
