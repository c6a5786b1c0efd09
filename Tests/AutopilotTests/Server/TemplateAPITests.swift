import AutopilotCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Testing

@Suite("HTTP API — templates")
struct TemplateAPITests {
    static let smsBody = """
        {{shop.name}} : votre panier de {{cart.total_value}} {{cart.currency}} vous attend. {{cart.checkout_url}}
        Répondez STOP pour ne plus recevoir de SMS
        """

    static let draft: JSONValue = [
        "name": "abandoned-cart-sms", "channel": "sms", "description": "Shorter reminder",
        "variants": ["fr": ["body": .string(smsBody)]],
    ]

    @Test func aDraftIsCheckedFixedActivatedAndReplaced() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let headers = APITestHarness.auth(harness.firstKey)
            let created = try await client.execute(uri: "/v1/templates", method: .post, headers: headers, body: APITestHarness.body(Self.draft))
            #expect(created.status == .created)
            let draft = try APITestHarness.json(created)
            #expect(draft["id"] == "abandoned-cart-sms@1")
            #expect(draft["status"] == "draft" && draft["version"] == 1 && draft["generated_by"] == "person")
            #expect(draft["source"] == "tenant" && draft["in_use"] == false)

            // The unknown variable is named with its field; nothing is activated.
            let refused = try await client.execute(uri: "/v1/templates/abandoned-cart-sms@1/activate", method: .post, headers: headers)
            #expect(refused.status == .unprocessableContent)
            let error = try #require(try APITestHarness.json(refused)["error"])
            #expect(error["code"] == "template_check_failed")
            #expect(error["field"] == "variants.fr.body")
            #expect(error["message"]?.stringValue?.contains("cart.total_value") == true)

            // Editing a draft changes it in place.
            let fixed = Self.smsBody.replacingOccurrences(of: "cart.total_value", with: "cart.value")
            let patched = try await client.execute(
                uri: "/v1/templates/abandoned-cart-sms@1", method: .patch, headers: headers,
                body: APITestHarness.body(["variants": ["fr": ["body": .string(fixed)]]]))
            #expect(patched.status == .ok)
            let edited = try APITestHarness.json(patched)
            #expect(edited["id"] == "abandoned-cart-sms@1" && edited["description"] == "Shorter reminder")
            #expect(edited["variants"]?["fr"]?["body"]?.stringValue == fixed)

            let activated = try APITestHarness.json(
                try await client.execute(uri: "/v1/templates/abandoned-cart-sms@1/activate", method: .post, headers: headers))
            #expect(activated["status"] == "active" && activated["in_use"] == true)

            // The tenant's active version replaces the built-in one.
            let list = try APITestHarness.json(try await client.execute(uri: "/v1/templates", method: .get, headers: headers))
            let entries = try #require(list["templates"]?.arrayValue)
            #expect(!entries.contains { $0["id"] == "abandoned-cart-sms@builtin" })
            #expect(entries.contains { $0["id"] == "welcome-1@builtin" && $0["in_use"] == true && $0["source"] == "builtin" })
            let replaced = try APITestHarness.json(
                try await client.execute(uri: "/v1/templates/abandoned-cart-sms@builtin", method: .get, headers: headers))
            #expect(replaced["in_use"] == false && replaced["status"] == "active")
            let active = try APITestHarness.json(
                try await client.execute(uri: "/v1/templates?status=active&channel=sms", method: .get, headers: headers))
            let activeIDs = try #require(active["templates"]?.arrayValue).compactMap { $0["id"]?.stringValue }
            #expect(activeIDs.contains("abandoned-cart-sms@1") && !activeIDs.contains("abandoned-cart-sms@builtin"))
            #expect(activeIDs.contains("order-confirmation-sms@builtin") && !activeIDs.contains("welcome-1@builtin"))

            // Editing the active version gives a new draft; the active one does not change.
            let english = "{{shop.name}}: your cart is waiting. {{cart.checkout_url}}\nReply STOP to opt out"
            let second = try APITestHarness.json(
                try await client.execute(
                    uri: "/v1/templates/abandoned-cart-sms@1", method: .patch, headers: headers,
                    body: APITestHarness.body(["variants": ["en": ["body": .string(english)]]])))
            #expect(second["id"] == "abandoned-cart-sms@2" && second["status"] == "draft")
            #expect(second["variants"]?["fr"]?["body"]?.stringValue == fixed)
            let first = try APITestHarness.json(try await client.execute(uri: "/v1/templates/abandoned-cart-sms@1", method: .get, headers: headers))
            #expect(first["status"] == "active" && first["variants"]?["en"] == nil)

            // `NAME` is the newest version; activating it archives the previous one.
            let current = try APITestHarness.json(
                try await client.execute(uri: "/v1/templates/abandoned-cart-sms/activate", method: .post, headers: headers))
            #expect(current["id"] == "abandoned-cart-sms@2" && current["status"] == "active")
            let archived = try APITestHarness.json(
                try await client.execute(uri: "/v1/templates/abandoned-cart-sms@1", method: .get, headers: headers))
            #expect(archived["status"] == "archived" && archived["in_use"] == false)

            // Going back to the built-in template archives the tenant's active version.
            let restored = try APITestHarness.json(
                try await client.execute(uri: "/v1/templates/abandoned-cart-sms@builtin/activate", method: .post, headers: headers))
            #expect(restored["source"] == "builtin" && restored["in_use"] == true)
            let after = try APITestHarness.json(try await client.execute(uri: "/v1/templates/abandoned-cart-sms@2", method: .get, headers: headers))
            #expect(after["status"] == "archived")
        }
    }

    @Test func aBuiltInTemplateIsCopiedByEditingIt() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let headers = APITestHarness.auth(harness.firstKey)
            let builtIn = try APITestHarness.json(try await client.execute(uri: "/v1/templates/welcome-1", method: .get, headers: headers))
            #expect(builtIn["id"] == "welcome-1@builtin" && builtIn["status"] == "active" && builtIn["generated_by"] == "library")
            let copy = try APITestHarness.json(
                try await client.execute(
                    uri: "/v1/templates/welcome-1", method: .patch, headers: headers, body: APITestHarness.body(["description": "Our own welcome"])))
            #expect(copy["id"] == "welcome-1@1" && copy["status"] == "draft" && copy["generated_by"] == "person")
            #expect(copy["variants"] == builtIn["variants"])
            let activated = try await client.execute(uri: "/v1/templates/welcome-1@1/activate", method: .post, headers: headers)
            #expect(activated.status == .ok)
        }
    }

    @Test func tenantsNeverSeeEachOthersTemplates() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let created = try await client.execute(
                uri: "/v1/templates", method: .post, headers: APITestHarness.auth(harness.firstKey), body: APITestHarness.body(Self.draft))
            #expect(created.status == .created)
            let other = APITestHarness.auth(harness.secondKey)
            for (uri, method) in [
                ("/v1/templates/abandoned-cart-sms@1", HTTPRequest.Method.get), ("/v1/templates/abandoned-cart-sms@1/activate", .post),
                ("/v1/templates/abandoned-cart-sms@1/archive", .post),
            ] {
                #expect(try await client.execute(uri: uri, method: method, headers: other).status == .notFound, "\(uri)")
            }
            let list = try APITestHarness.json(try await client.execute(uri: "/v1/templates", method: .get, headers: other))
            let entries = try #require(list["templates"]?.arrayValue)
            #expect(!entries.isEmpty && entries.allSatisfy { $0["source"] == "builtin" && $0["in_use"] == true })
            let current = try APITestHarness.json(try await client.execute(uri: "/v1/templates/abandoned-cart-sms", method: .get, headers: other))
            #expect(current["id"] == "abandoned-cart-sms@builtin")
        }
    }

    @Test(arguments: ["nope", "abandoned-cart-sms@7", "abandoned-cart-sms@0", "Bad%20Id", "welcome-1@x"])
    func unknownIdsAreNotFound(_ id: String) async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let response = try await client.execute(uri: "/v1/templates/\(id)", method: .get, headers: APITestHarness.auth(harness.firstKey))
            #expect(response.status == .notFound)
            #expect(try APITestHarness.json(response)["error"]?["code"] == "not_found")
        }
    }

    static let invalidDocuments: [(JSONValue, String)] = [
        (["name": "welcome-9", "channel": "fax", "variants": ["fr": ["body": "x"]]], "channel"),
        (["name": "welcome-9", "channel": "email", "variants": ["fr": ["body": "x"]]], "variants.fr.subject"),
        (["name": "Welcome 9", "channel": "sms", "variants": ["fr": ["body": "x"]]], "name"),
        (["name": "welcome-9", "channel": "sms"], "variants"),
        (["name": "welcome-9", "channel": "sms", "status": "active", "variants": ["fr": ["body": "x"]]], "status"),
        (["name": "abandoned-cart-sms", "channel": "email", "variants": ["fr": ["subject": "s", "body": "x"]]], "channel"),
        (["name": "welcome-9", "channel": "sms", "colour": "red", "variants": ["fr": ["body": "x"]]], "colour"),
    ]

    @Test(arguments: invalidDocuments)
    func invalidTemplatesAreRefusedWithTheirField(_ document: JSONValue, _ field: String) async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/templates", method: .post, headers: APITestHarness.auth(harness.firstKey), body: APITestHarness.body(document))
            #expect(response.status == .unprocessableContent)
            #expect(try APITestHarness.json(response)["error"]?["field"]?.stringValue == field)
        }
    }

    @Test func badRequestsAreAnsweredWithoutServerErrors() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let headers = APITestHarness.auth(harness.firstKey)
            let malformed = try await client.execute(uri: "/v1/templates", method: .post, headers: headers, body: ByteBuffer(string: "{\"name\": "))
            #expect(malformed.status == .badRequest)
            let array = try await client.execute(uri: "/v1/templates", method: .post, headers: headers, body: ByteBuffer(string: "[1]"))
            #expect(array.status == .unprocessableContent)
            let channel = try await client.execute(uri: "/v1/templates?channel=fax", method: .get, headers: headers)
            #expect(channel.status == .badRequest)
            #expect(try APITestHarness.json(channel)["error"]?["field"] == "channel")
            let status = try await client.execute(uri: "/v1/templates?status=live", method: .get, headers: headers)
            #expect(status.status == .badRequest)

            let archiveBuiltIn = try await client.execute(uri: "/v1/templates/welcome-1/archive", method: .post, headers: headers)
            #expect(archiveBuiltIn.status == .unprocessableContent)
            #expect(try APITestHarness.json(archiveBuiltIn)["error"]?["code"] == "builtin_template")

            _ = try await client.execute(uri: "/v1/templates", method: .post, headers: headers, body: APITestHarness.body(Self.draft))
            let rename = try await client.execute(
                uri: "/v1/templates/abandoned-cart-sms@1", method: .patch, headers: headers, body: APITestHarness.body(["name": "other-name"]))
            #expect(rename.status == .unprocessableContent)
            #expect(try APITestHarness.json(rename)["error"]?["field"] == "name")
            let status2 = try await client.execute(
                uri: "/v1/templates/abandoned-cart-sms@1", method: .patch, headers: headers, body: APITestHarness.body(["status": "active"]))
            #expect(try APITestHarness.json(status2)["error"]?["field"] == "status")
            let unclosed = try await client.execute(
                uri: "/v1/templates/abandoned-cart-sms@1", method: .patch, headers: headers,
                body: APITestHarness.body(["variants": ["fr": ["body": "{{#cart.lines}}{{title}} STOP"]]]))
            #expect(unclosed.status == .ok)
            let malformedMarkup = try await client.execute(uri: "/v1/templates/abandoned-cart-sms@1/activate", method: .post, headers: headers)
            #expect(malformedMarkup.status == .unprocessableContent)
            #expect(try APITestHarness.json(malformedMarkup)["error"]?["field"] == "variants.fr.body")
            let removeOnlyVariant = try await client.execute(
                uri: "/v1/templates/abandoned-cart-sms@1", method: .patch, headers: headers, body: APITestHarness.body(["variants": ["fr": nil]]))
            #expect(removeOnlyVariant.status == .unprocessableContent)
        }
    }
}
