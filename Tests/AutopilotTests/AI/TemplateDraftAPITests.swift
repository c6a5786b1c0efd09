import AutopilotCore
import Engine
import Flows
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LLM
import NIOCore
import Storage
import Testing

@Suite("AI — template draft from chat")
struct TemplateDraftAPITests {
    static let uri = "/v1/templates/draft-from-chat"
    static let coldLeads: JSONValue = ["request": "un email de relance pour les leads froids", "channel": "email", "locale": "fr"]

    @Test func offlineTheDraftIsDeterministicCheckedAndNeverActive() async throws {
        let harness = try await AITestHarness.make()
        try await harness.app.test(.router) { client in
            let headers = APITestHarness.auth(harness.key)
            let created = try await client.execute(uri: Self.uri, method: .post, headers: headers, body: APITestHarness.body(Self.coldLeads))
            #expect(created.status == .created)
            let answer = try APITestHarness.json(created)
            let template = try #require(answer["template"])
            #expect(template["id"] == "lead-follow-up-email@1")
            #expect(template["status"] == "draft" && template["generated_by"] == "assistant" && template["in_use"] == false)
            #expect(template["channel"] == "email")
            let body = try #require(template["variants"]?["fr"]?["body"]?.stringValue)
            #expect(body.contains("Bonjour {{contact.first_name}}") && body.contains("{{links.unsubscribe}}"))
            let assistant = try #require(answer["assistant"])
            #expect(assistant["provider"] == "offline" && assistant["model"] == .string(OfflineProvider.model))
            #expect(assistant["offline_reason"] == "no_provider_configured")
            let variables = (assistant["variables"]?.arrayValue ?? []).compactMap { $0.stringValue }
            #expect(Set(variables) == ["contact.first_name", "links.booking", "links.unsubscribe", "shop.signature"])
            #expect(assistant["unknown_variables"] == [] && assistant["problems"] == [])

            // The same request gives the same draft, as the next version of the name.
            let again = try APITestHarness.json(
                try await client.execute(uri: Self.uri, method: .post, headers: headers, body: APITestHarness.body(Self.coldLeads)))
            #expect(again["template"]?["id"] == "lead-follow-up-email@2")
            #expect(again["template"]?["variants"] == template["variants"])

            // Flows do not send it until a person activates it.
            let active = try APITestHarness.json(try await client.execute(uri: "/v1/templates?status=active", method: .get, headers: headers))
            #expect(active["templates"]?.arrayValue?.contains { $0["source"] == "tenant" } == false)
            let activated = try APITestHarness.json(
                try await client.execute(uri: "/v1/templates/lead-follow-up-email@1/activate", method: .post, headers: headers))
            #expect(activated["status"] == "active" && activated["generated_by"] == "assistant")
        }
        let written = try #require(try await harness.store.generatedText(subject: "template:lead-follow-up-email@1", tenantID: harness.tenantID))
        #expect(written.provider == "offline" && written.feature == "template_draft")
        #expect(written.prompt == "un email de relance pour les leads froids")
    }

    @Test(arguments: [
        (["request": "relance panier", "channel": "sms", "locale": "en"] as JSONValue, "cart-follow-up-sms@1", "Reply STOP to opt out"),
        (["request": "demander un avis", "channel": "whatsapp", "locale": "fr"] as JSONValue, "review-follow-up-whatsapp@1", "{{links.review}}"),
    ])
    func offlineDraftsFollowTheChannel(_ request: JSONValue, _ id: String, _ expected: String) async throws {
        let harness = try await AITestHarness.make()
        try await harness.app.test(.router) { client in
            let response = try await client.execute(
                uri: Self.uri, method: .post, headers: APITestHarness.auth(harness.key), body: APITestHarness.body(request))
            #expect(response.status == .created)
            let answer = try APITestHarness.json(response)
            #expect(answer["template"]?["id"] == .string(id))
            let locale = try #require(request["locale"]?.stringValue)
            let variant = try #require(answer["template"]?["variants"]?[locale])
            #expect(variant["subject"] == nil)
            #expect(variant["body"]?.stringValue?.contains(expected) == true)
            #expect(answer["assistant"]?["problems"] == [])
        }
    }

    @Test(arguments: [
        (["channel": "email"] as JSONValue, "request"),
        (["request": "x", "channel": "fax"] as JSONValue, "channel"),
        (["request": "x", "locale": "French"] as JSONValue, "locale"),
        (["request": "x", "tone": "warm"] as JSONValue, "tone"),
    ])
    func aBadRequestNamesItsField(_ request: JSONValue, _ field: String) async throws {
        let harness = try await AITestHarness.make()
        try await harness.app.test(.router) { client in
            let response = try await client.execute(
                uri: Self.uri, method: .post, headers: APITestHarness.auth(harness.key), body: APITestHarness.body(request))
            #expect(response.status == .unprocessableContent)
            let error = try #require(try APITestHarness.json(response)["error"])
            #expect(error["code"] == "invalid_draft_request" && error["field"] == .string(field))
        }
        #expect(try await harness.store.templates(tenantID: harness.tenantID).isEmpty)
    }

    @Test func aLoopbackProviderWritesTheDraftThroughTheRealClient() async throws {
        let draft: JSONValue = [
            "name": "Relance leads froids", "description": "Relance des leads froids",
            "subject": "{{contact.first_name}}, toujours intéressé ?",
            "body": "Bonjour {{contact.prenom}},\nRéservez un appel : {{links.booking}}\nSe désinscrire : {{links.unsubscribe}}",
        ]
        try await LoopbackChatServer.with(reply: { _ in draft.jsonString }) { server in
            let harness = try await AITestHarness.make(environment: [
                "AUTOPILOT_LLM_BASE_URL": server.baseURL, "AUTOPILOT_LLM_MODEL": "lumen-local-7b",
            ])
            try await harness.app.test(.router) { client in
                let response = try await client.execute(
                    uri: Self.uri, method: .post, headers: APITestHarness.auth(harness.key), body: APITestHarness.body(Self.coldLeads))
                #expect(response.status == .created)
                let answer = try APITestHarness.json(response)
                #expect(answer["template"]?["id"] == "relance-leads-froids@1")
                #expect(answer["assistant"]?["provider"] == "compatible" && answer["assistant"]?["model"] == "lumen-local-7b")
                #expect(answer["assistant"]?["offline_reason"] == .null)
                // The unknown variable is reported, kept in the draft, and keeps it from being activated.
                #expect(answer["assistant"]?["unknown_variables"] == ["contact.prenom"])
                #expect(answer["template"]?["variants"]?["fr"]?["body"]?.stringValue?.contains("{{contact.prenom}}") == true)
                let problem = try #require(answer["assistant"]?["problems"]?[0])
                #expect(problem["field"] == "variants.fr.body" && problem["message"]?.stringValue?.contains("contact.prenom") == true)
                let refused = try await client.execute(
                    uri: "/v1/templates/relance-leads-froids@1/activate", method: .post, headers: APITestHarness.auth(harness.key))
                #expect(refused.status == .unprocessableContent)
            }
            // The documented request: the model, the schema as structured output, the known variables in the prompt.
            let sent = try #require(server.requests.first)
            #expect(sent["model"] == "lumen-local-7b")
            #expect(sent["response_format"]?["type"] == "json_schema")
            #expect(sent["response_format"]?["json_schema"]?["schema"] == TemplateDraftAssistant.answerSchema)
            #expect(sent["messages"]?[0]?["content"]?.stringValue?.contains("links.unsubscribe") == true)
            let written = try #require(try await harness.store.generatedText(subject: "template:relance-leads-froids@1", tenantID: harness.tenantID))
            #expect(written.provider == "compatible" && written.model == "lumen-local-7b")
            #expect(written.details["unknown_variables"] == ["contact.prenom"])
            let calls = try await harness.store.llmCalls(tenantID: harness.tenantID, from: .distantPast, to: .distantFuture)
            #expect(calls.map(\.provider) == ["compatible"])
            #expect(calls.first?.inputTokens == 120 && calls.first?.outputTokens == 80 && calls.first?.outcome == "ok")
        }
    }

    @Test func theToolDefinitionDescribesTheSameOperation() async throws {
        let tool = TemplateDraftAssistant.tool
        #expect(tool.name == "create_template_draft")
        #expect(tool.parameters["required"] == ["request", "channel", "locale"])
        #expect(tool.parameters["properties"]?["channel"]?["enum"] == ["email", "sms", "whatsapp"])
        let harness = try await AITestHarness.make()
        let assistant = TemplateDraftAssistant(dependencies: harness.dependencies, tenantID: harness.tenantID)
        let result = try await assistant.run(toolArguments: Self.coldLeads)
        #expect(result.template.id == "lead-follow-up-email@1" && result.template.template.status == .draft)
        #expect(JSONSchemaValidator.isValid(Self.coldLeads, against: tool.parameters))
    }
}
