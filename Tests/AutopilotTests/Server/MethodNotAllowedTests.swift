import AutopilotCore
import Hummingbird
import HummingbirdTesting
import Testing

/// A method a known path does not take is 405 with `Allow` (TRACE included, with or without a key); a path that is no
/// route stays 404.
@Suite("405 Method Not Allowed")
struct MethodNotAllowedTests {
    @Test(arguments: [
        ("/v1/events", HTTPRequest.Method.trace, "GET, HEAD, POST"),
        ("/v1/events", .put, "GET, HEAD, POST"),
        ("/v1/flows/abandoned-cart", .post, "GET, HEAD, PUT"),
        ("/v1/flows/abandoned-cart/enable", .get, "POST"),
        ("/health", .trace, "GET, HEAD"),
        ("/openapi.yaml", .delete, "GET, HEAD"),
        ("/mcp", .get, "POST"),
        ("/mcp", .delete, "POST"),
        // A fixed segment wins over a parameter, as in the router: this is not /v1/templates/{id}.
        ("/v1/templates/draft-from-chat", .get, "POST"),
        ("/v1/templates/abandoned-cart-sms@1", .post, "GET, HEAD, PATCH"),
    ])
    func aKnownPathAnswers405WithTheMethodsItTakes(path: String, method: HTTPRequest.Method, allow: String) async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            for headers in [APITestHarness.auth(harness.firstKey), [:]] {
                let response = try await client.execute(uri: path, method: method, headers: headers)
                #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                #expect(response.headers[.allow] == allow, "\(method) \(path)")
                let error = try APITestHarness.json(response)["error"]
                #expect(error?["code"] == "method_not_allowed")
                #expect(error?["message"]?.stringValue?.contains(allow) == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test func anUnknownPathStays404WhateverTheMethod() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            for method in [HTTPRequest.Method.get, .trace, .post] {
                for path in ["/v1/nothing", "/v1/flows/abandoned-cart/enable/more", "/nothing"] {
                    let response = try await client.execute(uri: path, method: method, headers: APITestHarness.auth(harness.firstKey))
                    #expect(response.status == .notFound, "\(method) \(path)")
                    #expect(response.headers[.allow] == nil)
                }
            }
            // The methods a route takes still reach it.
            let events = try await client.execute(uri: "/v1/events", method: .get, headers: APITestHarness.auth(harness.firstKey))
            #expect(events.status == .ok)
            let head = try await client.execute(uri: "/health", method: .head)
            #expect(head.status == .ok)
        }
    }
}
