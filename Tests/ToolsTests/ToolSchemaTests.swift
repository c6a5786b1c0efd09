import AutopilotCore
import Engine
import LLM
import Storage
import Testing
import Tools

@Suite("Tools — schemas and input errors")
struct ToolSchemaTests {
    static let names = ToolCatalog.all.map(\.name)

    @Test func everyToolHasAUniqueSnakeCaseNameAPlainDescriptionAndObjectSchemas() {
        #expect(Set(Self.names).count == Self.names.count)
        #expect(
            Self.names == [
                "qualify_lead", "find_contact", "check_order_status", "search_products", "check_product_stock", "list_recommendations",
                "decide_recommendation", "list_flows", "flow_stats", "list_templates", "create_template_draft", "send_message", "weekly_report",
                "search_knowledge_base", "schedule_callback", "create_payment_link", "create_support_ticket", "hand_off_to_human",
            ])
        for tool in ToolCatalog.all {
            #expect(tool.name.allSatisfy { $0.isLowercase || $0 == "_" }, "\(tool.name)")
            #expect(tool.description.count > 60 && !tool.title.isEmpty, "\(tool.name) describes itself")
            #expect(tool.inputSchema["type"] == "object" && tool.inputSchema["additionalProperties"] == false, "\(tool.name) input")
            #expect(tool.outputSchema["type"] == "object", "\(tool.name) output")
            for name in tool.inputSchema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
                #expect(tool.inputSchema["properties"]?[name] != nil, "\(tool.name) requires \(name), which it describes")
            }
        }
    }

    @Test func onlyTheToolsThatWriteSayTheyChangeStateAndOnlyDecidingIsDestructive() {
        let writes = ToolCatalog.all.filter(\.changesState).map(\.name)
        #expect(
            writes == [
                "decide_recommendation", "create_template_draft", "send_message", "schedule_callback", "create_payment_link",
                "create_support_ticket", "hand_off_to_human",
            ])
        #expect(ToolCatalog.all.filter(\.effect.destructive).map(\.name) == ["decide_recommendation"])
        #expect(
            ToolCatalog.all.filter(\.effect.reachesPeople).map(\.name) == [
                "decide_recommendation", "send_message", "schedule_callback", "create_payment_link",
            ])
        let registry = ToolRegistry()
        let reader = ToolCaller(kind: .apiKey, name: "ap_read", readOnly: true)
        #expect(registry.tools(for: reader).map(\.name) == Self.names.filter { !writes.contains($0) })
    }

    /// A bad input per tool: the call is refused before the tool runs, naming the path and the reason.
    struct BadInput: Sendable, CustomStringConvertible {
        var tool: String
        var arguments: JSONValue
        var path: String
        var reason: String
        var description: String { "\(tool) \(arguments.jsonString)" }
    }

    static let badInputs: [BadInput] = [
        BadInput(tool: "qualify_lead", arguments: [:], path: "$.text", reason: "is required"),
        BadInput(tool: "qualify_lead", arguments: ["text": 42], path: "$.text", reason: "expected string, found integer"),
        BadInput(tool: "find_contact", arguments: ["email": true], path: "$.email", reason: "expected string, found boolean"),
        BadInput(tool: "find_contact", arguments: ["mail": "a@b.c"], path: "$.mail", reason: "is not an allowed property"),
        BadInput(tool: "check_order_status", arguments: ["order_id": ""], path: "$.order_id", reason: "shorter than 1 characters (0)"),
        BadInput(tool: "search_products", arguments: ["query": "lampe", "limit": 500], path: "$.limit", reason: "above the maximum 50.0"),
        BadInput(tool: "check_product_stock", arguments: ["sku": ["LUM"]], path: "$.sku", reason: "expected string, found array"),
        BadInput(
            tool: "list_recommendations", arguments: ["priority": "urgent"], path: "$.priority", reason: #"must be one of ["high","medium","low"]"#),
        BadInput(tool: "decide_recommendation", arguments: ["recommendation_id": "r"], path: "$.decision", reason: "is required"),
        BadInput(tool: "list_flows", arguments: ["all": true], path: "$.all", reason: "is not an allowed property"),
        BadInput(tool: "flow_stats", arguments: ["flow_id": 3], path: "$.flow_id", reason: "expected string, found integer"),
        BadInput(tool: "list_templates", arguments: ["channel": "fax"], path: "$.channel", reason: #"must be one of ["email","sms","whatsapp"]"#),
        BadInput(tool: "create_template_draft", arguments: ["request": "relance", "channel": "email"], path: "$.locale", reason: "is required"),
        BadInput(tool: "send_message", arguments: ["email": "amina@lumen.example"], path: "$.template", reason: "is required"),
        BadInput(tool: "weekly_report", arguments: ["language": "de"], path: "$.language", reason: #"must be one of ["fr","en"]"#),
    ]

    @Test(arguments: badInputs)
    func aBadInputIsRefusedWithItsPathAndReason(_ bad: BadInput) async throws {
        let shop = try await ToolShop.inMemory()
        let error = try #require(await shop.call(bad.tool, bad.arguments).error)
        #expect(error.code == "invalid_input")
        #expect(error.description == "\(bad.path): \(bad.reason)")
    }

    @Test func checksTheToolsMakeThemselvesAlsoNameThePath() async throws {
        let shop = try await ToolShop.inMemory()
        #expect(await shop.call("find_contact", [:]).error?.description == "$: give one of email, phone")
        #expect(
            await shop.call("find_contact", ["email": "a@b.c", "phone": "+33612345678"]).error?.description
                == "$: give only one of email, phone, not several")
        #expect(
            await shop.call("find_contact", ["email": "not an address"]).error?.description == #"$.email: "not an address" is not an email address"#)
        #expect(await shop.call("find_contact", ["phone": "06 12"]).error?.code == "invalid_input")
        #expect(
            await shop.call("decide_recommendation", ["recommendation_id": "r", "decision": "snooze", "until": "tomorrow"]).error?.description
                == #"$.until: "tomorrow" is not an ISO 8601 date-time such as 2026-03-01T09:00:00Z"#)
        #expect(await shop.call("weekly_report", ["week_ending": "2026-13-01"]).error?.path == "$.week_ending")
        #expect(await shop.call("send_message", ["email": "amina@lumen.example", "template": "review-request@2"]).error?.path == "$.template")
        #expect(await shop.call("create_template_draft", ["request": "   ", "channel": "email", "locale": "fr"]).error?.path == "$.request")
    }

    @Test func anUnknownToolOrANonObjectInputIsAnErrorNotACrash() async throws {
        let shop = try await ToolShop.inMemory()
        #expect(await shop.call("drop_database").error == .unknownTool("drop_database"))
        let error = try #require(await ToolRegistry().call("list_flows", arguments: .array([]), context: shop.context(shop.tenantA.tenantID)).error)
        #expect(error.description == "$: expected object, found array")
    }
}
