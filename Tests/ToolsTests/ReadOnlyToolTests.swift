import AutopilotCore
import Engine
import Storage
import Testing
import Tools

@Suite("Tools — a read-only caller")
struct ReadOnlyToolTests {
    @Test func seesOnlyToolsThatChangeNothingAndIsRefusedTheOthers() async throws {
        let shop = try await ToolShop.inMemory()
        let listed = ToolRegistry().tools(for: ToolCaller(kind: .apiKey, name: "ap_x", readOnly: true)).map(\.name)
        #expect(!listed.contains("send_message") && !listed.contains("create_template_draft") && !listed.contains("decide_recommendation"))
        let refused = try #require(
            await shop.call("send_message", ["email": "amina@lumen.example", "template": "shipping-notification-sms"], readOnly: true).error)
        #expect(refused.code == "read_only")
        #expect(try await shop.store.outboxMessages(tenantID: shop.tenantA.tenantID).isEmpty)
        #expect(await shop.call("find_contact", ["email": "amina@lumen.example"], readOnly: true).value != nil)
    }

    @Test func aReadOnlyKeyOpensItsTenantAndSaysSo() async throws {
        let shop = try await ToolShop.inMemory()
        let tenants = TenantService(dependencies: shop.dependencies)
        let access = try #require(try await tenants.access(apiKey: shop.readOnlyKeyA))
        #expect(access.tenantID == shop.tenantA.tenantID && access.readOnly)
        let full = try #require(try await tenants.access(apiKey: shop.tenantA.apiKey))
        #expect(!full.readOnly)
        let keys = try await tenants.apiKeys(tenantID: shop.tenantA.tenantID)
        #expect(keys.filter(\.readOnly).count == 1 && keys.count == 2)
        await #expect(throws: ValidationError.self) { try await tenants.createAPIKey(tenantID: "tn_nope", readOnly: true) }
    }
}
