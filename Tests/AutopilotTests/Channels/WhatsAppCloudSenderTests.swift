import AutopilotCore
import Channels
import Foundation
import TestSupport
import Testing

/// Our WhatsApp Cloud API client against a loopback server answering as Meta's Graph API documents.
@Suite("Channels — WhatsApp Cloud API")
struct WhatsAppCloudSenderTests {
    static func message(_ channel: Channel = .whatsapp, to: String = "+33 6 12 34 56 78") -> OutboundMessage {
        OutboundMessage(
            id: "msg_1", tenantID: "tn_1", idempotencyKey: "run/steps[0]", channel: channel, recipient: to,
            text: "Bonjour Inès, votre panier vous attend : https://shop.example/c/1")
    }

    @Test func sendsATextMessageWithTheBearerToken() async throws {
        let accepted =
            #"{"messaging_product": "whatsapp", "contacts": [{"input": "33612345678", "wa_id": "33612345678"}], "messages": [{"id": "wamid.HBgLMzM2MTIzNDU2NzgVAgARGBI"}]}"#
        try await LoopbackServer.with(answer: { _ in (200, accepted) }) { meta in
            let sender = WhatsAppCloudSender(
                settings: WhatsAppCloudSettings(phoneNumberID: "106540352242922", accessToken: "EAAG-token", baseURL: meta.baseURL + "/v21.0"))
            #expect(await sender.send(Self.message()) == .sent(providerID: "wamid.HBgLMzM2MTIzNDU2NzgVAgARGBI"))
            let request = try #require(meta.requests.first)
            #expect(request.path == "/v21.0/106540352242922/messages")
            #expect(request.authorization == "Bearer EAAG-token")
            #expect(request.contentType == "application/json")
            let body = try JSONParser.parse(request.body)
            #expect(body["messaging_product"] == "whatsapp")
            #expect(body["recipient_type"] == "individual")
            #expect(body["to"] == "33612345678", "digits only, no plus or spaces")
            #expect(body["type"] == "text")
            #expect(body["text"]?["body"] == "Bonjour Inès, votre panier vous attend : https://shop.example/c/1")
            #expect(body["text"]?["preview_url"] == true)
        }
    }

    @Test func theServiceWindowThrottlingAndOutagesAreToldApart() async throws {
        let window =
            #"{"error": {"message": "(#131047) Re-engagement message", "type": "OAuthException", "code": 131047, "error_data": {"messaging_product": "whatsapp", "details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number."}, "fbtrace_id": "A1"}}"#
        let throttled = #"{"error": {"message": "(#130429) Rate limit hit", "type": "OAuthException", "code": 130429, "fbtrace_id": "A2"}}"#
        let token = #"{"error": {"message": "Error validating access token", "type": "OAuthException", "code": 190, "fbtrace_id": "A3"}}"#
        try await LoopbackServer.with(answer: { index in [(400, window), (400, throttled), (401, token), (503, "unavailable")][min(index, 3)] }) {
            meta in
            let sender = WhatsAppCloudSender(
                settings: WhatsAppCloudSettings(phoneNumberID: "106540352242922", accessToken: "t", baseURL: meta.baseURL))
            var failures: [SendFailure] = []
            for _ in 0..<4 {
                guard case .failed(let failure) = await sender.send(Self.message()) else { Issue.record("expected a failure"); return }
                failures.append(failure)
            }
            #expect(failures[0].code == "outside_service_window" && !failures[0].isTransient)
            #expect(failures[0].reason.contains("24 hours"))
            #expect(failures[1].code == "whatsapp_cloud_130429" && failures[1].isTransient)
            #expect(failures[2].code == "whatsapp_cloud_190" && !failures[2].isTransient)
            #expect(failures[2].reason.contains("access token"))
            #expect(failures[3].isTransient)
        }
        let down = WhatsAppCloudSender(settings: WhatsAppCloudSettings(phoneNumberID: "1", accessToken: "t", baseURL: "http://127.0.0.1:9"))
        guard case .failed(let refused) = await down.send(Self.message()) else { Issue.record("expected a failure"); return }
        #expect(refused.code == "connection" && refused.isTransient)
        guard case .failed(let email) = await down.send(Self.message(.email)) else { Issue.record("expected a failure"); return }
        #expect(email.code == "unsupported_channel")
    }

    @Test(arguments: [
        (["WHATSAPP_CLOUD_TOKEN": "t"], "WHATSAPP_PHONE_NUMBER_ID"),
        (["WHATSAPP_CLOUD_TOKEN": "t", "WHATSAPP_PHONE_NUMBER_ID": "+33 6"], "WHATSAPP_PHONE_NUMBER_ID"),
        (["WHATSAPP_CLOUD_TOKEN": "t", "WHATSAPP_PHONE_NUMBER_ID": "12", "WHATSAPP_CLOUD_BASE_URL": "graph"], "WHATSAPP_CLOUD_BASE_URL"),
    ])
    func badSettingsNameTheirVariable(environment: [String: String], variable: String) {
        #expect(throws: ConfigurationError.self) { try WhatsAppCloudSettings.fromEnvironment(environment) }
        do {
            _ = try WhatsAppCloudSettings.fromEnvironment(environment)
        } catch {
            #expect(error.variable == variable)
        }
        #expect((try? WhatsAppCloudSettings.fromEnvironment([:])) == .some(nil))
    }
}
