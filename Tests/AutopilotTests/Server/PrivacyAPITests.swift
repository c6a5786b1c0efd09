import AutopilotCore
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Storage
import Testing

@Suite("HTTP API — contact export and erasure")
struct PrivacyAPITests {
    @Test func exportEraseAndTenantsThatNeverMeet() async throws {
        let harness = try await APITestHarness.make()
        let tenants = TenantService(dependencies: Dependencies(store: harness.store, clock: harness.clock))
        let firstTenant = try #require(try await tenants.authenticate(apiKey: harness.firstKey))
        let readOnlyKey = try await tenants.createAPIKey(tenantID: firstTenant, readOnly: true)
        try await harness.app.test(.router) { client in
            let mine = APITestHarness.auth(harness.firstKey)
            _ = try await client.execute(uri: "/v1/events", method: .post, headers: mine, body: APITestHarness.body(Fixtures.orderPlaced))
            let found = try APITestHarness.json(try await client.execute(uri: "/v1/contacts?email=a@example.com", method: .get, headers: mine))
            let id = try #require(found["contacts"]?.arrayValue?.first?["id"]?.stringValue)

            let export = try await client.execute(uri: "/v1/contacts/\(id)/export", method: .get, headers: mine)
            #expect(export.status == .ok)
            #expect(export.headers[.contentType]?.hasPrefix("application/json") == true)
            let document = try APITestHarness.json(export)
            #expect(document["format"] == "autopilot.contact-export")
            #expect(document["profile"]?["email"] == "a@example.com")
            #expect(document["tables"]?["orders"]?.arrayValue?.first?["total"] == 48)
            #expect(document["tables"]?["events"]?.arrayValue?.count == 1)

            // Another tenant: 404 for both, and nothing erased.
            let theirs = APITestHarness.auth(harness.secondKey)
            let theirExport = try await client.execute(uri: "/v1/contacts/\(id)/export", method: .get, headers: theirs)
            #expect(theirExport.status == .notFound)
            #expect(try APITestHarness.json(theirExport)["error"]?["code"] == "not_found")
            #expect(try await client.execute(uri: "/v1/contacts/\(id)", method: .delete, headers: theirs).status == .notFound)
            #expect(try await client.execute(uri: "/v1/contacts/ct_nobody/export", method: .get, headers: mine).status == .notFound)
            #expect(try await client.execute(uri: "/v1/contacts/ct_nobody", method: .delete, headers: mine).status == .notFound)
            // A read-only key exports but does not erase.
            let readOnly = APITestHarness.auth(readOnlyKey)
            #expect(try await client.execute(uri: "/v1/contacts/\(id)/export", method: .get, headers: readOnly).status == .ok)
            let refused = try await client.execute(uri: "/v1/contacts/\(id)", method: .delete, headers: readOnly)
            #expect(refused.status == .forbidden)
            let stillThere = try APITestHarness.json(try await client.execute(uri: "/v1/contacts/\(id)/export", method: .get, headers: mine))
            #expect(stillThere["profile"]?["email"] == "a@example.com")

            // A time between two milliseconds: the first answer and the repeat still match byte for byte.
            harness.clock.advance(by: 0.1234567)
            let erased = try await client.execute(uri: "/v1/contacts/\(id)", method: .delete, headers: mine)
            #expect(erased.status == .ok)
            let receipt = try APITestHarness.json(erased)
            #expect(receipt["erasure"]?["contact_id"]?.stringValue == id)
            #expect(receipt["erasure"]?["requested_by"]?.stringValue?.hasPrefix("api_key:ap_") == true)
            #expect(receipt["erasure"]?["counts"]?["events"] == 1)
            #expect(receipt["erasure"]?["counts"]?["suppressed"] == 2)
            harness.clock.advance(by: 3_600)
            let again = try await client.execute(uri: "/v1/contacts/\(id)", method: .delete, headers: mine)
            #expect(again.status == .ok)
            #expect(Array(again.body.readableBytesView) == Array(erased.body.readableBytesView))

            let after = try APITestHarness.json(try await client.execute(uri: "/v1/contacts/\(id)/export", method: .get, headers: mine))
            #expect(after["profile"]?["email"] == .null)
            #expect(after["profile"]?["total_spent"] == 48)
            #expect(!after.jsonString.contains("a@example.com"))
            #expect(after["tables"]?["erasure"]?.arrayValue?.count == 1)
        }
    }
}
