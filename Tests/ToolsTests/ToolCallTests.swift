import AutopilotCore
import Engine
import LLM
import Storage
import Testing
import Tools

@Suite("Tools — each tool on a seeded shop")
struct ToolCallTests {
    /// Runs a tool that must succeed; its answer must satisfy its own output schema.
    static func answer(_ shop: ToolShop, _ name: String, _ arguments: JSONValue = [:]) async throws -> JSONValue {
        let result = await shop.call(name, arguments)
        let value = try #require(result.value, "\(name) failed: \(result.error?.message ?? "")")
        let tool = try #require(ToolRegistry().tool(named: name))
        let violations = JSONSchemaValidator.violations(of: value, against: tool.outputSchema)
        #expect(violations.isEmpty, "\(name) answers outside its output schema: \(violations)")
        return value
    }

    @Test func qualifyLeadScoresTheWordsWithoutStoringAnything() async throws {
        let shop = try await ToolShop.inMemory()
        let answer = try await Self.answer(
            shop, "qualify_lead", ["text": "Directeur, budget 2 000 € par mois, on veut démarrer ce mois-ci, nous utilisons Excel."])
        #expect((answer["score"]?.intValue ?? 0) > 0)
        #expect(answer["budget"]?["amount"]?.doubleValue == 2000)
        #expect(await shop.call("qualify_lead", ["text": " "]).error?.path == "$.text")
    }

    @Test func findContactAnswersProfileConsentsScoresOrdersByEmailOrPhone() async throws {
        let shop = try await ToolShop.inMemory()
        let byEmail = try await Self.answer(shop, "find_contact", ["email": "AMINA@lumen.example"])
        #expect(byEmail["contact"]?["first_name"] == "Amina")
        #expect(byEmail["contact"]?["consents"]?["email"]?["granted"] == true)
        #expect(byEmail["orders"]?[0]?["order_id"] == "A-1001")
        let byPhone = try await Self.answer(shop, "find_contact", ["phone": "+33 6 12 34 56 78"])
        #expect(byPhone["contact"]?["id"] == byEmail["contact"]?["id"])
        _ = try await InsightsService(dependencies: shop.dependencies, tenantID: shop.tenantA.tenantID).rescore()
        let scored = try await Self.answer(shop, "find_contact", ["email": "amina@lumen.example"])
        #expect(scored["scores"]?["clv"] != nil && scored["scores"]?["churn_band"] != nil)
        let lead = try await Self.answer(shop, "find_contact", ["email": "julien@b2b-lumen.example"])
        #expect(lead["leads"]?[0]?["company"] == "Atelier B2B")
        #expect(await shop.call("find_contact", ["email": "nobody@lumen.example"]).error?.code == "not_found")
    }

    @Test func checkOrderStatusGivesTrackingAndSupplierRouting() async throws {
        let shop = try await ToolShop.inMemory()
        let answer = try await Self.answer(shop, "check_order_status", ["order_id": "A-1001"])
        #expect(answer["order"]?["status"] == "fulfilled")
        #expect(answer["order"]?["tracking_number"] == "6A123" && answer["order"]?["carrier"] == "Colissimo")
        #expect(answer["routing"]?["order_id"] == "A-1001")
        let missing = try #require(await shop.call("check_order_status", ["order_id": "A-404"]).error)
        #expect(missing.code == "not_found" && missing.message == "order A-404 was not found")
    }

    @Test func theCatalogIsSearchedByTitleOrSkuInStockFirst() async throws {
        let shop = try await ToolShop.inMemory()
        let lamps = try await Self.answer(shop, "search_products", ["query": "LAMPE atelier"])
        #expect(lamps["products"]?.arrayValue?.compactMap { $0["sku"]?.stringValue } == ["LUM-LAMP-01", "LUM-LAMP-02"])
        let inStock = try await Self.answer(shop, "search_products", ["query": "lamp", "in_stock_only": true])
        #expect(inStock["products"]?.arrayValue?.count == 1)
        let percent = try await Self.answer(shop, "search_products", ["query": "100%"])
        #expect(percent["products"]?[0]?["sku"] == "LUM-BULB")
        let stock = try await Self.answer(shop, "check_product_stock", ["sku": "LUM-LAMP-02"])
        #expect(stock["in_stock"] == false && stock["price"]?.doubleValue == 79)
        let unknown = try await Self.answer(shop, "check_product_stock", ["sku": "LUM-BULB"])
        #expect(unknown["in_stock"] == .null)
        #expect(await shop.call("check_product_stock", ["sku": "NOPE"]).error?.code == "not_found")
    }

    @Test func recommendationsAreListedAndDecided() async throws {
        let shop = try await ToolShop.inMemory()
        let list = try await Self.answer(shop, "list_recommendations", ["language": "en"])
        let items = list["recommendations"]?.arrayValue ?? []
        let first = try #require(items.first { $0["rule"] == "hot_lead_waiting" } ?? items.first, "the hot lead waits for a call")
        let id = try #require(first["id"]?.stringValue)
        let snoozed = try await Self.answer(
            shop, "decide_recommendation", ["recommendation_id": .string(id), "decision": "snooze", "until": "2026-03-12T09:00:00Z"])
        #expect(snoozed["status"] == "snoozed")
        let after = try await Self.answer(shop, "list_recommendations")
        #expect(after["recommendations"]?.arrayValue?.contains { $0["id"]?.stringValue == id } == false)
        let again = try #require(await shop.call("decide_recommendation", ["recommendation_id": .string(id), "decision": "accept"]).error)
        #expect(again.code == "not_found")
        let past = await shop.call("decide_recommendation", ["recommendation_id": "x", "decision": "snooze", "until": "2020-01-01T00:00:00Z"])
        #expect(past.error?.path == "$.until")
    }

    @Test func flowsAreListedWithTheirFigures() async throws {
        let shop = try await ToolShop.inMemory()
        let flows = try await Self.answer(shop, "list_flows")
        let ids = flows["flows"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(ids.contains("abandoned-cart"))
        let stats = try await Self.answer(shop, "flow_stats", ["flow_id": "abandoned-cart", "from": "2026-03-01T00:00:00Z"])
        #expect(stats["flow"] == "abandoned-cart" && stats["runs"]?["started"] != nil)
        let missing = try #require(await shop.call("flow_stats", ["flow_id": "no-such-flow"]).error)
        #expect(missing.code == "flow_not_found")
        let period = await shop.call("flow_stats", ["flow_id": "abandoned-cart", "from": "2026-03-09T00:00:00Z", "until": "2026-03-01T00:00:00Z"])
        #expect(period.error?.path == "$.from")
    }

    @Test func templatesAreListedAndTheAssistantsDraftIsMarkedAndNotActive() async throws {
        let shop = try await ToolShop.inMemory()
        let sms = try await Self.answer(shop, "list_templates", ["channel": "sms"])
        let templates = sms["templates"]?.arrayValue ?? []
        #expect(!templates.isEmpty && templates.allSatisfy { $0["channel"] == "sms" })
        let draft = try await Self.answer(
            shop, "create_template_draft", ["request": "un email de relance pour les leads froids", "channel": "email", "locale": "fr"])
        #expect(draft["template"]?["status"] == "draft" && draft["template"]?["generated_by"] == "assistant")
        #expect(draft["assistant"]?["provider"] == "offline")
        let drafts = try await Self.answer(shop, "list_templates", ["status": "draft"])
        #expect(drafts["templates"]?.arrayValue?.contains { $0["id"] == draft["template"]?["id"] } == true)
    }

    @Test func sendMessageQueuesAnApprovedMessageOnceAndRefusesWithTheReason() async throws {
        let shop = try await ToolShop.inMemory()
        let arguments: JSONValue = [
            "email": "amina@lumen.example", "template": "shipping-notification-sms", "idempotency_key": "ship-A-1001",
            "context": ["order": ["id": "A-1001", "tracking_url": "https://track.example/6A123"]],
        ]
        let queued = try await Self.answer(shop, "send_message", arguments)
        #expect(queued["status"] == "queued" && queued["channel"] == "sms" && queued["purpose"] == "transactional")
        let again = try await Self.answer(shop, "send_message", arguments)
        #expect(again["message_id"] == queued["message_id"])
        let messages = try await shop.store.outboxMessages(tenantID: shop.tenantA.tenantID)
        #expect(messages.filter { $0.message.template == "shipping-notification-sms" }.count == 1)

        // Bruno gave no consent: a marketing email is refused, with the rule's reason; and he has no phone for an SMS.
        let refused = try #require(await shop.call("send_message", ["email": "bruno@lumen.example", "template": "review-request"]).error)
        #expect(refused.code == "message_refused" && refused.message.contains("no_consent"))
        let noPhone = try #require(await shop.call("send_message", ["email": "bruno@lumen.example", "template": "shipping-notification-sms"]).error)
        #expect(noPhone.message.contains("missing_address"))
        #expect(await shop.call("send_message", ["email": "amina@lumen.example", "template": "no-such-template"]).error?.code == "not_found")
    }

    @Test func aDraftOnlyTemplateCannotBeSent() async throws {
        let shop = try await ToolShop.inMemory()
        let document: JSONObject = [
            "name": "atelier-news", "channel": "email", "purpose": "transactional", "description": "news",
            "variants": ["fr": ["subject": "Nouvelles", "body": "Bonjour {{contact.first_name}}"]],
        ]
        _ = try await TemplateService(dependencies: shop.dependencies, tenantID: shop.tenantA.tenantID).create(document)
        let refused = try #require(await shop.call("send_message", ["email": "amina@lumen.example", "template": "atelier-news"]).error)
        #expect(refused.code == "message_refused" && refused.message.contains("template_not_active"))
    }

    @Test func theWeeklyReportIsWrittenOffline() async throws {
        let shop = try await ToolShop.inMemory()
        let report = try await Self.answer(shop, "weekly_report", ["language": "en"])
        #expect(report["summary"]?["executive_summary"]?.stringValue?.isEmpty == false)
        #expect(report["week"]?["ending"] != nil || report["week"] != nil)
    }
}
