import AutopilotCore
import Engine
import Storage
import Testing
import Tools

@Suite("Tools — knowledge base, callbacks, tickets, hand-offs and payment links")
struct SupportToolTests {
    @Test func theKnowledgeBaseAnswersFromTheTenantsOwnDocumentsOnly() async throws {
        let shop = try await ToolShop.inMemory()
        let found = try await ToolCallTests.answer(shop, "search_knowledge_base", ["query": "Les retours sont-ils gratuits ?"])
        #expect(found["passages"]?[0]?["title"] == "Livraison et retours")
        let other = try await ToolCallTests.answer(shop, "search_knowledge_base", ["query": "torréfié mardi"])
        #expect(other["passages"]?.arrayValue?.isEmpty == true, "tenant B's documents never show to tenant A")
        #expect(await shop.call("search_knowledge_base", ["query": "x", "limit": 50]).error?.path == "$.limit")
    }

    @Test func aCallbackIsOfferedThenBookedOnceWithATaskAndAConfirmation() async throws {
        let shop = try await ToolShop.inMemory()
        let contact: JSONValue = ["email": "amina@lumen.example", "phone": "+33 6 12 34 56 78"]
        let offered = try await ToolCallTests.answer(shop, "schedule_callback", ["contact": contact])
        let slot = try #require(offered["slots"]?[0]?["start"]?.stringValue)
        let arguments: JSONValue = ["contact": contact, "slot": .string(slot), "idempotency_key": "call-1"]
        let booked = try await ToolCallTests.answer(shop, "schedule_callback", arguments)
        #expect(booked["callback"]?["task"]?["kind"] == "callback" && booked["callback"]?["created"] == true)
        let again = try await ToolCallTests.answer(shop, "schedule_callback", arguments)
        #expect(again["callback"]?["created"] == false && again["callback"]?["task"]?["id"] == booked["callback"]?["task"]?["id"])
        let wrong = await shop.call("schedule_callback", ["contact": contact, "slot": "demain"])
        #expect(wrong.error?.message.contains("slot") == true)
        #expect(await shop.call("schedule_callback", ["contact": contact, "slot": .string(slot)], readOnly: true).error?.code == "read_only")
    }

    @Test func ticketsAndHandOffsBecomeTasksOfTheCallingTenant() async throws {
        let shop = try await ToolShop.inMemory()
        let ticket = try await ToolCallTests.answer(
            shop, "create_support_ticket", ["subject": "Colis abîmé", "contact": ["email": "amina@lumen.example"], "idempotency_key": "t-1"])
        #expect(ticket["task"]?["kind"] == "support_ticket" && ticket["task"]?["contact"]?["contact_id"] != nil)
        let handed = try await ToolCallTests.answer(shop, "hand_off_to_human", ["reason": "asks for a person", "summary": "Order A-1001", "contact": ["phone": "+33 6 12 34 56 78"]])
        #expect(handed["task"]?["kind"] == "hand_off")
        let tasks = TaskService(dependencies: shop.dependencies)
        #expect(try await tasks.list(tenantID: shop.tenantA.tenantID).count == 2)
        #expect(try await tasks.list(tenantID: shop.tenantB.tenantID).isEmpty)
        #expect(await shop.call("create_support_ticket", [:]).error?.path == "$.subject")
    }

    @Test func aPaymentLinkWithoutStripeIsRefusedWithTheReason() async throws {
        let shop = try await ToolShop.inMemory()
        let refused = await shop.call("create_payment_link", ["amount": 49.9, "currency": "EUR", "description": "Lampe"])
        #expect(refused.error?.message.contains("Stripe") == true)
        #expect(await shop.call("create_payment_link", ["amount": -1, "currency": "EUR", "description": "Lampe"]).error?.path == "$.amount")
    }
}
