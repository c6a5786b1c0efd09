import AutopilotCore
import Engine
import Flows
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Storage
import Testing

@Suite("HTTP API — flows")
struct FlowAPITests {
    static func yaml(_ key: String) -> HTTPFields {
        [.authorization: "Bearer \(key)", .contentType: "application/yaml"]
    }

    @Test func listsTheBuiltInFlowsAndTurnsThemOffAndOnIdempotently() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let list = try APITestHarness.json(
                try await client.execute(uri: "/v1/flows", method: .get, headers: APITestHarness.auth(harness.firstKey)))
            let flows = try #require(list["flows"]?.arrayValue)
            #expect(flows.compactMap { $0["id"]?.stringValue } == FlowLibrary.ids.sorted())
            let cart = try #require(flows.first { $0["id"] == "abandoned-cart" })
            #expect(cart["enabled"] == true && cart["version"] == 1 && cart["source"] == "builtin" && cart["built_in"] == true)
            #expect(cart["trigger"] == "event cart.abandoned")
            #expect(cart["active_runs"] == 0)

            for _ in 0..<2 {
                let response = try await client.execute(
                    uri: "/v1/flows/abandoned-cart/disable", method: .post, headers: APITestHarness.auth(harness.firstKey))
                #expect(response.status == .ok)
                #expect(try APITestHarness.json(response)["enabled"] == false)
            }
            let shown = try APITestHarness.json(
                try await client.execute(uri: "/v1/flows/abandoned-cart", method: .get, headers: APITestHarness.auth(harness.firstKey)))
            #expect(shown["flow"]?["enabled"] == false)
            // The other tenant's flow is untouched.
            let other = try APITestHarness.json(
                try await client.execute(uri: "/v1/flows/abandoned-cart", method: .get, headers: APITestHarness.auth(harness.secondKey)))
            #expect(other["flow"]?["enabled"] == true)
            for _ in 0..<2 {
                let response = try await client.execute(
                    uri: "/v1/flows/abandoned-cart/enable", method: .post, headers: APITestHarness.auth(harness.firstKey))
                #expect(try APITestHarness.json(response)["enabled"] == true)
            }
            // A flow that paused itself shows why; enabling it resumes it.
            let tenantID = try #require(try await harness.store.tenants().first { $0.name == "First shop" }?.id)
            try await harness.store.pauseFlow(
                tenantID: tenantID, flowID: "abandoned-cart", version: 1, reason: "success_rate_below_85", at: harness.clock.now())
            let paused = try APITestHarness.json(
                try await client.execute(uri: "/v1/flows/abandoned-cart", method: .get, headers: APITestHarness.auth(harness.firstKey)))
            #expect(paused["flow"]?["paused_reason"] == "success_rate_below_85")
            let resumed = try APITestHarness.json(
                try await client.execute(uri: "/v1/flows/abandoned-cart/enable", method: .post, headers: APITestHarness.auth(harness.firstKey)))
            #expect(resumed["paused_reason"] == .null || resumed["paused_reason"] == nil)
            #expect(resumed["enabled"] == true)
            let versions = try APITestHarness.json(
                try await client.execute(uri: "/v1/flows/abandoned-cart", method: .get, headers: APITestHarness.auth(harness.firstKey)))
            #expect(versions["versions"]?.arrayValue?.count == 1)
            #expect(versions["format"] == "yaml")
            #expect(versions["definition"]?.stringValue?.contains("id: abandoned-cart") == true)
        }
    }

    @Test func unknownFlowsAreNotFound() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let key = harness.firstKey
            let answers = [
                try await client.execute(uri: "/v1/flows/no-such-flow", method: .get, headers: APITestHarness.auth(key)),
                try await client.execute(uri: "/v1/flows/no-such-flow/enable", method: .post, headers: APITestHarness.auth(key)),
                try await client.execute(uri: "/v1/flows/no-such-flow/disable", method: .post, headers: APITestHarness.auth(key)),
                try await client.execute(uri: "/v1/flows/no-such-flow/stats", method: .get, headers: APITestHarness.auth(key)),
                try await client.execute(
                    uri: "/v1/flows/no-such-flow/copy", method: .post, headers: APITestHarness.auth(key),
                    body: APITestHarness.body(["id": "copy-of-nothing"])),
            ]
            for answer in answers {
                #expect(answer.status == .notFound)
                #expect(try APITestHarness.json(answer)["error"]?["code"] == "flow_not_found")
            }
            let unauthorized = try await client.execute(uri: "/v1/flows", method: .get, headers: [:])
            #expect(unauthorized.status == .unauthorized)
        }
    }

    @Test func putWithANewIdCreatesTheFlowThenVersionsIt() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let source = "id: my-welcome\nname: My welcome\ntrigger: { event: contact.created }\nsteps:\n  - wait: 1h\n"
            let created = try await client.execute(
                uri: "/v1/flows/my-welcome", method: .put, headers: Self.yaml(harness.firstKey), body: ByteBuffer(string: source))
            #expect(created.status == .created)
            let flow = try APITestHarness.json(created)["flow"]
            #expect(flow?["version"] == 1 && flow?["enabled"] == true && flow?["source"] == "tenant")
            let again = try await client.execute(
                uri: "/v1/flows/my-welcome", method: .put, headers: Self.yaml(harness.firstKey), body: ByteBuffer(string: source))
            #expect(again.status == .ok)
            #expect(try APITestHarness.json(again)["flow"]?["version"] == 2)
            // The path names the flow: a document of another id is refused; an invalid one names its problems.
            let other = try await client.execute(
                uri: "/v1/flows/their-welcome", method: .put, headers: Self.yaml(harness.firstKey), body: ByteBuffer(string: source))
            #expect(other.status == .unprocessableContent)
            #expect(try APITestHarness.json(other)["error"]?["code"] == "flow_id_mismatch")
            let invalid = try await client.execute(
                uri: "/v1/flows/no-such-flow", method: .put, headers: Self.yaml(harness.firstKey), body: ByteBuffer(string: "id: no-such-flow\n"))
            #expect(invalid.status == .unprocessableContent)
            #expect(try await client.execute(uri: "/v1/flows/no-such-flow", method: .get, headers: APITestHarness.auth(harness.firstKey)).status == .notFound)
            // The other tenant has no such flow.
            let foreign = try await client.execute(uri: "/v1/flows/my-welcome", method: .get, headers: APITestHarness.auth(harness.secondKey))
            #expect(foreign.status == .notFound)
        }
    }

    @Test func anInvalidDocumentIsRefusedWithEveryProblemAndItsPath() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let invalid = """
                id: abandoned-cart
                name: Abandoned cart
                trigger:
                  event: cart.abandoned
                steps:
                  - wait: 2x
                  - send: { channel: pigeon, template: abandoned-cart-reminder }
                """
            let response = try await client.execute(
                uri: "/v1/flows/abandoned-cart", method: .put, headers: Self.yaml(harness.firstKey), body: ByteBuffer(string: invalid))
            #expect(response.status == .unprocessableContent)
            let error = try #require(try APITestHarness.json(response)["error"])
            #expect(error["code"] == "invalid_flow")
            #expect(error["field"] == "steps[0].wait")
            let paths = error["issues"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? []
            #expect(paths.contains("steps[0].wait"))
            #expect(paths.contains { $0.hasPrefix("steps[1].send") })
            #expect(error["issues"]?.arrayValue?.allSatisfy { !($0["reason"]?.stringValue ?? "").isEmpty } == true)

            let unreadable = try await client.execute(
                uri: "/v1/flows/abandoned-cart", method: .put, headers: Self.yaml(harness.firstKey), body: ByteBuffer(string: "id: [unclosed\n  - :"))
            #expect(unreadable.status == .unprocessableContent)
            #expect(try APITestHarness.json(unreadable)["error"]?["code"] == "unreadable_flow")

            let source = try #require(
                try APITestHarness.json(
                    try await client.execute(uri: "/v1/flows/welcome", method: .get, headers: APITestHarness.auth(harness.firstKey)))["definition"]?
                    .stringValue)
            let mismatch = try await client.execute(
                uri: "/v1/flows/abandoned-cart", method: .put, headers: Self.yaml(harness.firstKey), body: ByteBuffer(string: source))
            #expect(mismatch.status == .unprocessableContent)
            #expect(try APITestHarness.json(mismatch)["error"]?["field"] == "id")

            let malformedJSON = try await client.execute(
                uri: "/v1/flows/abandoned-cart", method: .put, headers: APITestHarness.auth(harness.firstKey), body: ByteBuffer(string: "{\"id\": "))
            #expect(malformedJSON.status == .badRequest)
            let wrongType = try await client.execute(
                uri: "/v1/flows/abandoned-cart", method: .put, headers: [.authorization: "Bearer \(harness.firstKey)", .contentType: "image/png"],
                body: ByteBuffer(string: source))
            #expect(wrongType.status == .unsupportedMediaType)
            let badCopy = try await client.execute(
                uri: "/v1/flows/abandoned-cart/copy", method: .post, headers: APITestHarness.auth(harness.firstKey),
                body: APITestHarness.body(["id": "My Cart"]))
            #expect(badCopy.status == .unprocessableContent)
            #expect(try APITestHarness.json(badCopy)["error"]?["field"] == "id")
            let noID = try await client.execute(
                uri: "/v1/flows/abandoned-cart/copy", method: .post, headers: APITestHarness.auth(harness.firstKey),
                body: APITestHarness.body(["name": "x"]))
            #expect(noID.status == .unprocessableContent)
            let badPeriod = try await client.execute(
                uri: "/v1/flows/abandoned-cart/stats?from=yesterday", method: .get, headers: APITestHarness.auth(harness.firstKey))
            #expect(badPeriod.status == .badRequest)
            #expect(try APITestHarness.json(badPeriod)["error"]?["field"] == "from")
            let reversed = try await client.execute(
                uri: "/v1/flows/abandoned-cart/stats?from=2026-03-10T00:00:00Z&until=2026-03-01T00:00:00Z", method: .get,
                headers: APITestHarness.auth(harness.firstKey))
            #expect(reversed.status == .unprocessableContent)
            // Nothing was saved by any of these.
            let after = try APITestHarness.json(
                try await client.execute(uri: "/v1/flows/abandoned-cart", method: .get, headers: APITestHarness.auth(harness.firstKey)))
            #expect(after["flow"]?["version"] == 1)
        }
    }

    @Test func aCopyIsTheTenantsOwnDisabledFlow() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let copied = try await client.execute(
                uri: "/v1/flows/abandoned-cart/copy", method: .post, headers: APITestHarness.auth(harness.firstKey),
                body: APITestHarness.body(["id": "my-cart"]))
            #expect(copied.status == .created)
            let body = try APITestHarness.json(copied)
            #expect(body["flow"]?["id"] == "my-cart")
            #expect(body["flow"]?["enabled"] == false && body["flow"]?["source"] == "tenant" && body["flow"]?["built_in"] == false)
            #expect(body["flow"]?["version"] == 1)
            let definition = try #require(body["definition"]?.stringValue)
            #expect(definition.contains("id: my-cart") && !definition.contains("id: abandoned-cart"))
            #expect(definition.contains("# Abandoned cart"), "comments survive a copy")

            let again = try await client.execute(
                uri: "/v1/flows/abandoned-cart/copy", method: .post, headers: APITestHarness.auth(harness.firstKey),
                body: APITestHarness.body(["id": "my-cart"]))
            #expect(again.status == .conflict)
            let onBuiltIn = try await client.execute(
                uri: "/v1/flows/my-cart/copy", method: .post, headers: APITestHarness.auth(harness.firstKey),
                body: APITestHarness.body(["id": "welcome"]))
            #expect(onBuiltIn.status == .conflict)
            let enabled = try APITestHarness.json(
                try await client.execute(uri: "/v1/flows/my-cart/enable", method: .post, headers: APITestHarness.auth(harness.firstKey)))
            #expect(enabled["enabled"] == true)
            let list = try APITestHarness.json(
                try await client.execute(uri: "/v1/flows", method: .get, headers: APITestHarness.auth(harness.firstKey)))
            #expect(list["flows"]?.arrayValue?.count == FlowLibrary.ids.count + 1)
            // Tenant isolation: the copy does not exist for the other tenant.
            let foreign = try await client.execute(uri: "/v1/flows/my-cart", method: .get, headers: APITestHarness.auth(harness.secondKey))
            #expect(foreign.status == .notFound)
            let foreignStats = try await client.execute(uri: "/v1/flows/my-cart/stats", method: .get, headers: APITestHarness.auth(harness.secondKey))
            #expect(foreignStats.status == .notFound)
            // A JSON copy of the copy keeps working.
            let json = try APITestHarness.json(
                try await client.execute(
                    uri: "/v1/flows/my-cart", method: .put, headers: APITestHarness.auth(harness.firstKey),
                    body: ByteBuffer(
                        string: #"{"id": "my-cart", "name": "My cart", "trigger": {"event": "cart.abandoned"}, "steps": [{"wait": "1h"}]}"#)))
            #expect(json["flow"]?["version"] == 2 && json["format"] == "json" && json["flow"]?["name"] == "My cart")
            let copyOfJSON = try APITestHarness.json(
                try await client.execute(
                    uri: "/v1/flows/my-cart/copy", method: .post, headers: APITestHarness.auth(harness.firstKey),
                    body: APITestHarness.body(["id": "my-cart-2"])))
            #expect(copyOfJSON["flow"]?["id"] == "my-cart-2" && copyOfJSON["format"] == "json")
        }
    }

    @Test func anEditIsANewVersionAndRunsUnderWayFinishOnTheirs() async throws {
        let harness = try await APITestHarness.make()
        let tenantID = try #require(try await harness.store.tenants().first { $0.name == "First shop" }?.id)
        let simulator = FlowSimulator(
            worker: try TestWorker.make(Dependencies(store: harness.store, clock: harness.clock)), clock: harness.clock)
        func shopper(_ name: String, at: String) -> [JSONValue] {
            let contact: JSONValue = ["email": .string("\(name)@example.com")]
            return [
                Fixtures.envelope(
                    "contact.created", at: at, key: "c-\(name)", contact: contact,
                    properties: ["first_name": .string(name), "locale": "en", "consents": ["email": true]]),
                Fixtures.envelope(
                    "cart.updated", at: at, key: "k-\(name)", contact: contact,
                    properties: [
                        "cart_id": .string("K-\(name)"), "lines": [["sku": "TEA-01", "quantity": 1, "price": 24.0]], "value": 24.0, "currency": "EUR",
                    ]),
            ]
        }
        // Ann's cart is abandoned at 11:50 and her run starts on version 1.
        _ = try await simulator.run(
            events: shopper("ann", at: "2026-03-10T11:20:00Z"), tenantID: tenantID, until: Fixtures.date("2026-03-10T12:05:00Z"))
        try await harness.app.test(.router) { client in
            let before = try APITestHarness.json(
                try await client.execute(uri: "/v1/flows/abandoned-cart", method: .get, headers: APITestHarness.auth(harness.firstKey)))
            #expect(before["flow"]?["active_runs"] == 1)
            let source = try #require(before["definition"]?.stringValue)
            let edited = source.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("abandoned-cart-social-proof") }
                .joined(separator: "\n")
            #expect(edited != source)
            let response = try await client.execute(
                uri: "/v1/flows/abandoned-cart", method: .put, headers: Self.yaml(harness.firstKey), body: ByteBuffer(string: edited))
            #expect(response.status == .ok)
            let body = try APITestHarness.json(response)
            #expect(body["flow"]?["version"] == 2 && body["flow"]?["source"] == "tenant" && body["flow"]?["enabled"] == true)
            let versions = body["versions"]?.arrayValue ?? []
            #expect(versions.map { $0["version"] } == [1, 2])
            #expect(versions.map { $0["source"] } == ["builtin", "tenant"])
            #expect(versions.map { $0["current"] } == [false, true])
            #expect(body["definition"]?.stringValue == edited)
            let other = try APITestHarness.json(
                try await client.execute(uri: "/v1/flows/abandoned-cart", method: .get, headers: APITestHarness.auth(harness.secondKey)))
            #expect(other["flow"]?["version"] == 1)
        }
        // Ben's cart, abandoned after the edit, runs on version 2; Ann's run finishes on version 1.
        _ = try await simulator.run(
            events: shopper("ben", at: "2026-03-10T12:30:00Z"), tenantID: tenantID, until: Fixtures.date("2026-03-16T00:00:00Z"))
        let messages = try await FlowQueries(store: harness.store).messages(tenantID: tenantID).filter { $0.flow == "abandoned-cart" }
        let ann = messages.filter { $0.contact == "ann@example.com" }.map(\.template)
        let ben = messages.filter { $0.contact == "ben@example.com" }.map(\.template)
        #expect(ann == ["abandoned-cart-reminder", "abandoned-cart-social-proof", "abandoned-cart-coupon"])
        #expect(ben == ["abandoned-cart-reminder", "abandoned-cart-coupon"])
        let stats = try await FlowAnalytics(store: harness.store, tenantID: tenantID).stats(flowID: "abandoned-cart")
        #expect(stats.runs.completed == 2)
    }
}
