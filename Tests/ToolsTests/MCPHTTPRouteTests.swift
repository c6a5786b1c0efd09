import AutopilotCore
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Storage
import Testing

@Suite("MCP — the /mcp route inside serve")
struct MCPHTTPRouteTests {
    static func rpc(_ id: Int, _ method: String, _ params: JSONValue = [:]) -> ByteBuffer {
        ByteBuffer(string: JSONValue.object(["jsonrpc": "2.0", "id": .int(Int64(id)), "method": .string(method), "params": params]).jsonString)
    }

    static func headers(_ key: String?) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json", .accept: "application/json, text/event-stream"]
        if let key { fields[.authorization] = "Bearer \(key)" }
        return fields
    }

    static func json(_ response: TestResponse) throws -> JSONValue {
        try JSONParser.parse(Array(response.body.readableBytesView))
    }

    static let initialize: JSONValue = [
        "protocolVersion": "2025-11-25", "capabilities": [:], "clientInfo": ["name": "test", "version": "1"],
    ]

    @Test func initializeListAndCallWithTheTenantsKey() async throws {
        let shop = try await ToolShop.inMemory()
        let app = buildApplication(configuration: ServerConfiguration(), dependencies: shop.dependencies, databaseName: "memory")
        try await app.test(.router) { client in
            let started = try await client.execute(
                uri: "/mcp", method: .post, headers: Self.headers(shop.tenantA.apiKey), body: Self.rpc(1, "initialize", Self.initialize))
            #expect(started.status == .ok)
            #expect(try Self.json(started)["result"]?["serverInfo"]?["name"] == "autopilot")
            let listed = try Self.json(
                try await client.execute(uri: "/mcp", method: .post, headers: Self.headers(shop.tenantA.apiKey), body: Self.rpc(2, "tools/list")))
            let tools = listed["result"]?["tools"]?.arrayValue ?? []
            #expect(tools.count == 19, "the catalogue's 18 tools and the voice agent's place_call")
            let call = try #require(tools.first { $0["name"] == "place_call" })
            #expect(call["annotations"]?["readOnlyHint"] == false && call["annotations"]?["openWorldHint"] == true)
            let send = try #require(tools.first { $0["name"] == "send_message" })
            #expect(send["annotations"]?["readOnlyHint"] == false && send["annotations"]?["openWorldHint"] == true)
            let find = try #require(tools.first { $0["name"] == "find_contact" })
            #expect(find["annotations"]?["readOnlyHint"] == true && find["outputSchema"]?["type"] == "object")
            let decide = try #require(tools.first { $0["name"] == "decide_recommendation" })
            #expect(decide["annotations"]?["destructiveHint"] == true && decide["annotations"]?["idempotentHint"] == true)

            let called = try Self.json(
                try await client.execute(
                    uri: "/mcp", method: .post, headers: Self.headers(shop.tenantA.apiKey),
                    body: Self.rpc(3, "tools/call", ["name": "check_order_status", "arguments": ["order_id": "A-1001"]])))
            #expect(called["result"]?["structuredContent"]?["order"]?["tracking_number"] == "6A123")
            #expect(called["result"]?["isError"] == nil)
            let failed = try Self.json(
                try await client.execute(
                    uri: "/mcp", method: .post, headers: Self.headers(shop.tenantA.apiKey),
                    body: Self.rpc(4, "tools/call", ["name": "check_order_status", "arguments": ["order_id": 7]])))
            #expect(failed["result"]?["isError"] == true)
            #expect(failed["result"]?["content"]?[0]?["text"] == "$.order_id: expected string, found integer")
        }
    }

    @Test func aReadOnlyKeyIsOfferedNoWriteToolAndAWrongKeyNothing() async throws {
        let shop = try await ToolShop.inMemory()
        let app = buildApplication(configuration: ServerConfiguration(), dependencies: shop.dependencies, databaseName: "memory")
        try await app.test(.router) { client in
            let listed = try Self.json(
                try await client.execute(uri: "/mcp", method: .post, headers: Self.headers(shop.readOnlyKeyA), body: Self.rpc(1, "tools/list")))
            let names = (listed["result"]?["tools"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
            #expect(names.count == 11 && !names.contains("send_message") && names.contains("search_knowledge_base"))
            let refused = try Self.json(
                try await client.execute(
                    uri: "/mcp", method: .post, headers: Self.headers(shop.readOnlyKeyA),
                    body: Self.rpc(
                        2, "tools/call", ["name": "send_message", "arguments": ["email": "amina@lumen.example", "template": "review-request"]])))
            #expect(refused["result"]?["isError"] == true && refused["result"]?["structuredContent"]?["error"]?["code"] == "read_only")

            let anonymous = try await client.execute(uri: "/mcp", method: .post, headers: Self.headers(nil), body: Self.rpc(3, "tools/list"))
            #expect(anonymous.status == .unauthorized)
            let wrong = try await client.execute(uri: "/mcp", method: .post, headers: Self.headers("ap_wrong"), body: Self.rpc(3, "tools/list"))
            #expect(wrong.status == .unauthorized)
            let stream = try await client.execute(uri: "/mcp", method: .get, headers: Self.headers(shop.tenantA.apiKey))
            #expect(stream.status == .methodNotAllowed && stream.headers[.allow] == "POST")

            // The read-only key reads the API and is refused its writes.
            let read = try await client.execute(uri: "/v1/flows", method: .get, headers: [.authorization: "Bearer \(shop.readOnlyKeyA)"])
            #expect(read.status == .ok)
            let write = try await client.execute(
                uri: "/v1/events", method: .post, headers: [.authorization: "Bearer \(shop.readOnlyKeyA)", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"events": []}"#))
            #expect(write.status == .forbidden)
        }
    }
}
