import AutopilotCore
import Engine
import Storage
import Testing
import Tools

@Suite("Tools — tenants never meet")
struct TenantIsolationTests {
    /// Tenant A asks for each thing tenant B has: every answer is "not found" or leaves B out.
    @Test func aToolOfTenantANeverReturnsTenantBsData() async throws {
        let shop = try await ToolShop.inMemory()
        #expect(await shop.call("find_contact", ["email": "zoe@nord.example"]).error?.code == "not_found")
        #expect(await shop.call("find_contact", ["phone": "+33698765432"]).error?.code == "not_found")
        #expect(await shop.call("check_order_status", ["order_id": "B-2001"]).error?.code == "not_found")
        #expect(await shop.call("check_product_stock", ["sku": "NORD-CAFE"]).error?.code == "not_found")
        let products = await shop.call("search_products", ["query": "lampe"]).value?["products"]?.arrayValue ?? []
        #expect(products.allSatisfy { $0["sku"]?.stringValue?.hasPrefix("LUM-") == true } && products.count == 2)
        #expect(await shop.call("search_products", ["query": "café"]).value?["products"] == [])
        #expect(await shop.call("send_message", ["email": "zoe@nord.example", "template": "shipping-notification-sms"]).error?.code == "not_found")

        let listB = try #require(await shop.call("list_recommendations", tenantID: shop.tenantB.tenantID).value)
        let idB = try #require(listB["recommendations"]?[0]?["id"]?.stringValue)
        let listA = await shop.call("list_recommendations").value?["recommendations"]?.arrayValue ?? []
        #expect(!listA.isEmpty && !listA.contains { $0["id"]?.stringValue == idB })
        #expect(listA.allSatisfy { $0["contact"]?.stringValue?.hasSuffix("lumen.example") == true })
        #expect(await shop.call("decide_recommendation", ["recommendation_id": .string(idB), "decision": "dismiss"]).error?.code == "not_found")
        #expect(await shop.call("list_recommendations", tenantID: shop.tenantB.tenantID).value?["recommendations"]?[0]?["id"]?.stringValue == idB)
    }

    @Test func aDraftOfTenantAIsNotAmongTenantBsTemplates() async throws {
        let shop = try await ToolShop.inMemory()
        let draft = try #require(
            await shop.call("create_template_draft", ["request": "une relance pour les paniers", "channel": "email", "locale": "fr"]).value)
        let id = try #require(draft["template"]?["id"])
        let drafts = await shop.call("list_templates", ["status": "draft"], tenantID: shop.tenantB.tenantID).value?["templates"]?.arrayValue
        #expect(drafts?.contains { $0["id"] == id } == false)
    }

    @Test func theWeeklyReportIsTheTenantsOwn() async throws {
        let shop = try await ToolShop.inMemory()
        let report = try #require(await shop.call("weekly_report", tenantID: shop.tenantB.tenantID).value)
        #expect(report["tenant_id"] == .string(shop.tenantB.tenantID))
    }
}
