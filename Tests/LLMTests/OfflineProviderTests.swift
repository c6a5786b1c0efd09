import AutopilotCore
import Foundation
import LLM
import Testing

@Suite("Offline provider")
struct OfflineProviderTests {
    static let schemas: [JSONValue] = [
        Fixtures.schema,
        [
            "type": "object",
            "properties": [
                "title": ["type": "string", "maxLength": 20],
                "meta_description": ["type": "string", "maxLength": 155],
                "sections": [
                    "type": "array", "minItems": 3, "maxItems": 5,
                    "items": ["type": "object", "properties": ["heading": ["type": "string"]], "required": ["heading"]],
                ],
            ], "required": ["title", "meta_description", "sections"], "additionalProperties": false,
        ],
        [
            "type": "object",
            "properties": [
                "budget_score": ["type": "integer", "minimum": 0, "maximum": 10],
                "priority": ["type": "string", "enum": ["HIGH", "MEDIUM", "LOW"]],
                "ratio": ["type": "number", "minimum": 0.25, "maximum": 0.75],
                "negative": ["type": "integer", "maximum": -3],
                "code": ["type": "string", "minLength": 12],
                "maybe": ["type": ["null", "boolean"]],
                "fixed": ["const": "v1"],
            ], "required": ["budget_score", "priority", "ratio", "negative", "code", "maybe", "fixed"],
        ],
        ["type": "array", "items": ["type": "string"], "minItems": 2],
        ["type": "integer", "minimum": 1.5, "maximum": 9],
    ]

    @Test(arguments: schemas)
    func structuredAnswersSatisfyTheSchemaAndAreDeterministic(_ schema: JSONValue) throws {
        var request = Fixtures.request()
        request.structuredOutput = StructuredOutput(name: "x", schema: schema)
        let first = OfflineProvider().respond(to: request, reason: "test")
        let second = OfflineProvider().respond(to: request, reason: "test")
        let value = try #require(first.json)
        #expect(JSONSchemaValidator.violations(of: value, against: schema) == [])
        #expect(first == second)
        #expect(first.provider == "offline")
        #expect(try JSONValue.parse(first.text) == value)
    }

    @Test func stringsAreDrawnFromThePrompt() throws {
        let response = OfflineProvider().respond(to: Fixtures.request(structured: true), reason: "test")
        let value = try #require(response.json)
        #expect(value["subject"] == "Write a reminder for an abandoned cart")
        #expect(value["tone"] == "friendly")
        #expect(value["score"] == 0)
        #expect(value["body"]?.stringValue?.hasPrefix("[offline]") == true)
    }

    @Test func plainTextIsAClearlyMarkedTemplate() {
        let response = OfflineProvider().respond(to: Fixtures.request(), reason: "no_provider_configured")
        #expect(
            response.text == """
                [offline] This answer was written from a template, without a language model (no_provider_configured).
                Request: Write a reminder for an abandoned cart
                """)
        #expect(response.finishReason == .stop)
        #expect(response.offlineReason == "no_provider_configured")
        #expect(response.usage.input > 0 && response.usage.output > 0)
    }

    @Test func featuresRegisterTheirOwnOutputs() throws {
        let offline = OfflineProvider()
            .registering(feature: "weekly_report", OfflineResponder { _ in .text("Semaine calme : 3 relances envoyées.") })
            .registering(
                feature: "template_draft",
                OfflineResponder { _ in
                    .json(["subject": "Votre panier", "body": "Bonjour {{first_name}}", "tone": "friendly", "score": 5])
                }
            )
            .registering(feature: "broken", OfflineResponder { _ in .json(["subject": 3]) })
        #expect(offline.features == ["broken", "template_draft", "weekly_report"])
        #expect(offline.respond(to: Fixtures.request(feature: "weekly_report"), reason: "r").text == "Semaine calme : 3 relances envoyées.")
        let draft = offline.respond(to: Fixtures.request(structured: true, feature: "template_draft"), reason: "r")
        #expect(draft.json?["subject"] == "Votre panier")
        let broken = offline.respond(to: Fixtures.request(structured: true, feature: "broken"), reason: "r")
        #expect(JSONSchemaValidator.violations(of: try #require(broken.json), against: Fixtures.schema) == [], "an invalid feature value falls back")
    }
}
